"""The translation files, rules/lang/<code>/, read and checked against the Dutch they translate.

Read with the one strict YAML reader (yaml_files.py). Beyond the schema, a translation is refused
with its file and line when a sentence lacks or adds a placeholder its Dutch sentence has, when it
has more or fewer sentences than the Dutch (the answer may leave a sentence out, so they pair one
to one), when it drops an official Dutch term of the language's glossary (terms.yaml), or when it
translates something the Dutch does not have. A text with no translation is no error: the answer
shows the Dutch and says so. The files (rules/README.md, "Translations"):

    rules/lang/nl/messages.yaml    the program's own Dutch sentences, as templates, by id
    rules/lang/<code>/<kind>.yaml  a kind's label and texts, the same keys as rules/<kind>.yaml
    rules/lang/<code>/messages.yaml, help.yaml, terms.yaml
    rules/lang/<code>/app.yaml     the app's words around the answer (read by ui/words.py)
    rules/lang/<code>/plain.yaml   plain-language limits and hard words (read by lang/plain.py)
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict

from .. import yaml_files
from ..errors import RuleFileError
from ..explainers.help import HELP_DIR, load_help
from ..resources import rules_dir
from ..rules import KindRule, load_rules
from . import DUTCH
from .sentences import Matcher, ValueWriter, normalized, placeholders, sentences

LANG_FOLDER = "lang"
MESSAGES_FILE = "messages.yaml"
TERMS_FILE = "terms.yaml"
HELP_FILE = "help.yaml"
APP_FILE = "app.yaml"  # the app's own words around the answer: snapdebrief/ui/words.py
PLAIN_FILE = "plain.yaml"  # the language's plain-language limits: lang/plain.py
NOT_KINDS = frozenset({MESSAGES_FILE, TERMS_FILE, HELP_FILE, APP_FILE, PLAIN_FILE})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VariantSpec(_Strict):
    summary: str | None = None
    what_to_do: list[str] | None = None
    if_you_do_nothing: str | None = None
    objection: str | None = None


class KindTextsSpec(VariantSpec):
    variants: dict[str, VariantSpec] = {}


class KindSpec(_Strict):
    id: str
    label: str | None = None
    texts: KindTextsSpec = KindTextsSpec()


class MessagesSpec(_Strict):
    messages: dict[str, str] = {}
    # Words that stand in a sentence in place of a value: what to look for when a value is
    # missing ("het rekeningnummer op de brief"), or a body named by what it is ("de gemeente").
    phrases: dict[str, str] = {}


class TermsSpec(_Strict):
    # An official Dutch term the resident must recognise or say → how it is written in this
    # language, the Dutch term kept beside it: bezwaar: "itiraz (bezwaar)".
    terms: dict[str, str] = {}


class HelpEntrySpec(_Strict):
    name: str | None = None  # only for a name that says what it is; a body's own name stays
    why: str | None = None


class HelpSpec(_Strict):
    regions: dict[str, dict[str, HelpEntrySpec]] = {}


@dataclass(frozen=True)
class Catalog:
    """Everything one language has, ready for translate.py; `missing` lists what falls back to
    Dutch (for `rules check` and the tests)."""

    lang: str
    matcher: Matcher
    write: ValueWriter
    labels: Mapping[str, str]  # kind → label
    messages: Mapping[str, str]  # message id → text, Dutch where the language has none
    names: Mapping[str, str]  # a help entry's Dutch name → the language's
    terms: Mapping[str, str]
    kinds: int  # kind files translated
    missing: tuple[str, ...]

    def message(self, mid: str) -> str:
        return self.messages[mid]


def lang_folders(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """rules/lang/ and the lang/ folder of each team rule folder."""
    return [rules_dir() / LANG_FOLDER, *(Path(d) / LANG_FOLDER for d in dirs)]


def languages_with_files(dirs: Sequence[Path | str] = ()) -> list[str]:
    found = {p.name for f in lang_folders(dirs) if f.is_dir() for p in f.iterdir()
             if p.is_dir() and p.name != DUTCH}
    return sorted(found)


def load_catalog(lang: str, dirs: Sequence[Path | str] = ()) -> Catalog:
    """The language's catalog, cached until a rule or translation file changes."""
    key = tuple(str(d) for d in dirs)
    return _catalog(lang, key, _signature(lang, key))


def _signature(lang: str, dirs: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    files: list[Path] = [*HELP_DIR.glob("*.yaml")]
    for root in (rules_dir(), *map(Path, dirs)):
        files += root.glob("*.yaml")
        for code in (DUTCH, lang):
            files += (root / LANG_FOLDER / code).glob("*.yaml")
    out = []
    for f in files:
        try:
            out.append((str(f), f.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(sorted(out))


def _read(path: Path, schema: type[BaseModel]) -> tuple[Any, Any]:
    data, root = yaml_files.parse(path)
    return yaml_files.check(path, data, root, schema), root


def _line(root: Any, loc: Sequence[Any]) -> int:
    return yaml_files.line_of(yaml_files.node_at(root, loc)[0])


@functools.cache
def _catalog(lang: str, dirs: tuple[str, ...], _sig: tuple[tuple[str, int], ...]) -> Catalog:
    nl_path = rules_dir() / LANG_FOLDER / DUTCH / MESSAGES_FILE
    nl, _ = _read(nl_path, MessagesSpec)
    folders = [f / lang for f in lang_folders(dirs) if (f / lang).is_dir()]
    if lang == DUTCH:
        return Catalog(lang, Matcher((), {}), ValueWriter(lang, {}, ""), MappingProxyType({}),
                       MappingProxyType(dict(nl.messages)), MappingProxyType({}),
                       MappingProxyType({}), 0, ())
    terms = _terms(folders)
    check = PairCheck(terms)
    pairs: list[tuple[str, str, str | None]] = []
    missing: list[str] = []
    messages = dict(nl.messages)
    phrases_nl = dict(nl.phrases)
    phrases: dict[str, str] = {}
    rules = load_rules(tuple(Path(d) for d in dirs))
    labels: dict[str, str] = {}
    names: dict[str, str] = {}
    done_kinds: set[str] = set()
    translated: set[str] = set()
    for folder in folders:
        path = folder / MESSAGES_FILE
        if path.is_file():
            spec, root = _read(path, MessagesSpec)
            for mid, text in spec.messages.items():
                if mid not in nl.messages:
                    raise RuleFileError(str(path), _line(root, ["messages", mid]),
                                        f"message '{mid}' is not in {nl_path.name} of nl",
                                        "use an id of rules/lang/nl/messages.yaml")
                check(nl.messages[mid], text, str(path), _line(root, ["messages", mid]))
                pairs.append((nl.messages[mid], text, None))
                messages[mid] = text
                translated.add(mid)
            for pid, text in spec.phrases.items():
                if pid not in phrases_nl:
                    raise RuleFileError(str(path), _line(root, ["phrases", pid]),
                                        f"phrase '{pid}' is not in the Dutch messages.yaml",
                                        "use an id of rules/lang/nl/messages.yaml phrases")
                check(phrases_nl[pid], text, str(path), _line(root, ["phrases", pid]))
                phrases[pid] = text
        path = folder / HELP_FILE
        if path.is_file():
            spec, root = _read(path, HelpSpec)
            for region, entries in spec.regions.items():
                dutch = load_help(region) if (HELP_DIR / f"{region}.yaml").is_file() else None
                if dutch is None:
                    raise RuleFileError(str(path), _line(root, ["regions", region]),
                                        f"there is no help file rules/help/{region}.yaml")
                for hid, entry in entries.items():
                    if hid not in dutch:
                        raise RuleFileError(str(path), _line(root, ["regions", region, hid]),
                                            f"help entry '{hid}' is not in rules/help/{region}.yaml")
                    if entry.why is not None:
                        check(dutch[hid].why, entry.why, str(path),
                              _line(root, ["regions", region, hid, "why"]))
                        pairs.append((dutch[hid].why, entry.why, None))
                    if entry.name is not None:
                        names[dutch[hid].name] = entry.name
        for path in sorted(folder.glob("*.yaml")):
            if path.name in NOT_KINDS:
                continue
            spec, root = _read(path, KindSpec)
            rule = rules.kinds.get(spec.id)
            if spec.id != path.stem or rule is None:
                raise RuleFileError(str(path), _line(root, ["id"]),
                                    f"'{spec.id}' is no kind (or not this file's name)",
                                    "name the file after a kind of rules/, and give its id")
            pairs += _kind_pairs(rule, spec, root, str(path), check, missing)
            if spec.label is not None:
                check(rule.label, spec.label, str(path), _line(root, ["label"]))
                labels[rule.id] = spec.label
            done_kinds.add(rule.id)
    missing += [f"kind {k}" for k in sorted(set(rules.kinds) - done_kinds)]
    missing += [f"message {m}" for m in nl.messages if m not in translated]
    for pid, text in phrases_nl.items():
        phrases.setdefault(pid, text)
    writer = ValueWriter(
        lang, {phrases_nl[p].lower(): phrases[p] for p in phrases_nl},
        messages.get("value.at-time", "{date} {time}"))
    return Catalog(lang, Matcher(pairs, phrases), writer, MappingProxyType(labels),
                   MappingProxyType(messages), MappingProxyType(names), MappingProxyType(terms),
                   len(done_kinds), tuple(missing))


def _terms(folders: Sequence[Path]) -> dict[str, str]:
    terms: dict[str, str] = {}
    for folder in folders:
        path = folder / TERMS_FILE
        if not path.is_file():
            continue
        spec, root = _read(path, TermsSpec)
        for term, shown in spec.terms.items():
            if term.lower() not in shown.lower():
                raise RuleFileError(str(path), _line(root, ["terms", term]),
                                    f"'{shown}' does not keep the Dutch term '{term}'",
                                    f"write the Dutch beside it, e.g. \"… ({term})\"")
            terms[term] = shown
    return terms


class PairCheck:
    """One translated text against its Dutch: same sentences, same placeholders, terms kept."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self.terms = {t: re.compile(r"(?<!\w)" + re.escape(t), re.IGNORECASE) for t in terms}
        self.shown = dict(terms)

    def __call__(self, dutch: str, target: str, path: str, line: int) -> None:
        ds, ts = sentences(normalized(dutch)), sentences(normalized(target))
        if len(ds) != len(ts):
            raise RuleFileError(
                path, line, f"{len(ts)} sentence(s) here, {len(ds)} in the Dutch text",
                "write one sentence for each Dutch sentence, in the same order "
                "(the answer may leave a sentence out, so they are paired one to one)")
        for i, (d, t) in enumerate(zip(ds, ts), 1):
            want, got = Counter(placeholders(d)), Counter(placeholders(t))
            if want != got:
                lacks = ", ".join("{" + k + "}" for k in want - got)
                adds = ", ".join("{" + k + "}" for k in got - want)
                problem = f"sentence {i} lacks {lacks}" if lacks else f"sentence {i} adds {adds}"
                raise RuleFileError(path, line, problem + " (the Dutch: " + repr(d) + ")",
                                    "use exactly the placeholders of the Dutch sentence")
            for term, regex in self.terms.items():
                if regex.search(d) and term.lower() not in t.lower():
                    raise RuleFileError(
                        path, line, f"sentence {i} drops the Dutch term '{term}'",
                        f"keep it beside the translation, as in terms.yaml: {self.shown[term]}")


_TEXT_KEYS = ("summary", "what_to_do", "if_you_do_nothing", "objection")


def _units(texts: Any, prefix: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str | None]]:
    for key in _TEXT_KEYS:
        value = getattr(texts, key)
        if key == "what_to_do":
            for i, step in enumerate(value or ()):
                yield (*prefix, key, i), step
        else:
            yield (*prefix, key), value


def _kind_pairs(rule: KindRule, spec: KindSpec, root: Any, path: str, check: PairCheck,
                missing: list[str]) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    variants = {v.id: v for v in rule.texts.variants}
    for vid in spec.texts.variants:
        if vid not in variants:
            raise RuleFileError(path, _line(root, ["texts", "variants", vid]),
                                f"variant '{vid}' is not in rules/{rule.id}.yaml",
                                "use the id of one of its texts.variants: " + ", ".join(variants))
    groups = [((), rule.texts, spec.texts)]
    groups += [(("variants", vid), v, spec.texts.variants.get(vid)) for vid, v in variants.items()]
    for prefix, dutch, theirs in groups:
        for key in _TEXT_KEYS:
            d, t = getattr(dutch, key), getattr(theirs, key) if theirs is not None else None
            loc = ["texts", *prefix, key]
            if t is not None and d is None:
                raise RuleFileError(path, _line(root, loc), f"the Dutch has no {key} here",
                                    "leave it out")
            if key == "what_to_do" and t is not None and len(t) != len(d):
                raise RuleFileError(path, _line(root, loc),
                                    f"{len(t)} steps here, {len(d)} in the Dutch",
                                    "translate each step, in the same order")
        for loc, d in _units(dutch, prefix):
            if d is None:
                continue
            t = _get(theirs, loc[len(prefix):]) if theirs is not None else None
            if t is None:
                missing.append(f"{rule.id}: " + ".".join(map(str, loc)))
                continue
            check(d, t, path, _line(root, ["texts", *loc]))
            out.append((d, t, rule.id))
    return out


def _get(spec: Any, loc: Sequence[Any]) -> str | None:
    value = getattr(spec, loc[0])
    if value is not None and len(loc) > 1:
        return value[loc[1]]
    return value
