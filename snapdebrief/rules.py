"""Letter rules as data: rules/<kind>.yaml → one validated, cached RuleSet (used by classify).

A letter kind exists because its YAML file exists; it is listed nowhere else. The loader is
strict: a broken file is refused with a `RuleFileError` naming the file, the line and what to
do, never skipped with a warning. The schema is documented for rule authors in rules/README.md.

Which files are kind rules: every `*.yaml` directly inside a rules folder, except the files in
`NON_KIND_FILES` (data for other stages) and anything in subfolders (`help/`).
"""

from __future__ import annotations

import functools
import math
import re
import string
import sys
import time
import types
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from yaml.nodes import Node

from . import rule_cache, yaml_files
from .errors import RuleFileError
from .resources import rules_dir
from .result import Action, Stage
from .yaml_files import line_of, node_at

if TYPE_CHECKING:  # the cues module imports this one's regex check
    from .phrasings.kind_cues import KindCues

SHIPPED_RULES_DIR = rules_dir()

# YAML files in a rules folder that are NOT letter kinds (other stages own them).
NON_KIND_FILES = frozenset({"senders.yaml", "woorden.yaml"})

FALLBACK_KIND = "overig"

# Placeholders the explainer fills in texts (see rules/README.md).
PLACEHOLDERS = frozenset(
    {"sender", "amount", "date", "weekday", "iban", "reference", "objection_date", "appointment"}
)

ACTIONS: tuple[str, ...] = get_args(Action)
STAGES: tuple[str, ...] = get_args(Stage)

# Token attributes that can never match: the text is lowercased and accent-folded before
# matching, and spacy.blank("nl") has no tagger, parser or NER.
_DEAD_ATTRS = {
    "IS_UPPER": "the text is lowercased before matching, so IS_UPPER never matches",
    "IS_TITLE": "the text is lowercased before matching, so IS_TITLE never matches",
    "POS": "spacy.blank('nl') has no tagger; use LOWER or REGEX",
    "TAG": "spacy.blank('nl') has no tagger; use LOWER or REGEX",
    "MORPH": "spacy.blank('nl') has no tagger; use LOWER or REGEX",
    "LEMMA": "spacy.blank('nl') has no lemmatizer; list the word forms with LOWER: {IN: [...]}",
    "DEP": "spacy.blank('nl') has no parser",
    "ENT_TYPE": "spacy.blank('nl') has no entity recognizer",
    "ENT_IOB": "spacy.blank('nl') has no entity recognizer",
    "ENT_ID": "spacy.blank('nl') has no entity recognizer",
    "ENT_KB_ID": "spacy.blank('nl') has no entity recognizer",
    "SENT_START": "spacy.blank('nl') has no sentence splitter",
    "IS_SENT_START": "spacy.blank('nl') has no sentence splitter",
}

MAX_REGEX_LEN = 500


@functools.cache
def blank_nl() -> Any:
    """The one tokenizer-only pipeline every rule is compiled and matched with: spaCy's Dutch
    tokenizer, built without what it never uses here (#16: on a cold photo run these two cost
    ~1.2 s of CPU, a third of bare Tesseract's time on the photo).

    - The special cases whose text has a capital ("Dhr.", "BV", 3024 of 4670): every text is
      lowercased before it is tokenized (`classify.normalize`), so such a case never fires, and
      `spacy.blank("nl")` spends ~0.5 s adding them. The tokens are the same
      (tests/rules/test_blank_nl.py).
    - spaCy's command line (`spacy.cli`: typer, click, requests, weasel; ~0.35 s), which
      `import spacy` loads for `spacy.info` alone (`_import_spacy`).
    """
    _import_spacy()
    from spacy.lang.nl import Dutch

    class _Defaults(Dutch.Defaults):  # type: ignore[misc,valid-type]
        tokenizer_exceptions = lowercase_exceptions(Dutch.Defaults.tokenizer_exceptions)

    class _LowercaseDutch(Dutch):  # type: ignore[misc,valid-type]
        Defaults = _Defaults

    return _LowercaseDutch()


def lowercase_exceptions(exceptions: Mapping[str, Any]) -> dict[str, Any]:
    """The tokenizer's special cases that lowercased text can hold."""
    return {text: tokens for text, tokens in exceptions.items() if text == text.lower()}


def _import_spacy() -> Any:
    """`import spacy` without importing its command line: `spacy.cli` stands in as an empty
    module while spaCy is imported and is dropped from sys.modules after, so a later
    `import spacy.cli` loads the real one; `spacy.info` loads it when called."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stubs = {}
    for name in ("spacy.cli", "spacy.cli.info"):
        if name not in sys.modules:
            stub = types.ModuleType(name)
            stub.__path__ = []  # a package, so "spacy.cli.info" can sit under it
            stub.info = _spacy_info  # type: ignore[attr-defined]
            stubs[name] = stub
    sys.modules.update(stubs)
    try:
        import spacy
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


# --------------------------------------------------------------------------- schema

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
StageName = Stage
ActionName = Action
# The debt ladders a letter can stand on (ui/chain.py draws them; domain brief §2): a private
# debt (shops, landlords, insurers, bailiffs), a tax (Belastingdienst, gemeente, waterschap),
# paying back toeslag, a fine (CJIB), a study debt (DUO).
RouteName = Literal["private", "public", "toeslag", "cjib", "duo"]
TokenPatternList = Annotated[list[dict[str, Any]], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _custom(problem: str, fix: str = "") -> PydanticCustomError:
    return PydanticCustomError("rule", "{problem}", {"problem": problem, "fix": fix})


def _check_token_pattern(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for token in pattern:
        if not isinstance(token, dict):
            raise _custom("a token pattern must be a list of {ATTR: value} mappings")
        for key in token:
            why = _DEAD_ATTRS.get(str(key).upper())
            if why:
                raise _custom(f"token attribute {key} cannot match here: {why}")
    vocab = blank_nl().vocab  # first: it imports spaCy (without its command line)
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    try:
        matcher.add("check", [pattern])
    except (ValueError, KeyError, TypeError) as e:  # MatchPatternError is a ValueError
        detail = " ".join(str(e).split())
        raise _custom(
            f"spaCy cannot compile this token pattern: {detail[:300]}",
            "see https://spacy.io/usage/rule-based-matching (keys such as LOWER, IN, OP)",
        ) from None
    return pattern


def _check_regex(value: str) -> str:
    problem = _regex_problem(value)
    if problem:
        raise _custom(*problem)
    return value


@functools.lru_cache(maxsize=8192)
def _regex_problem(value: str) -> tuple[str, str] | None:
    """(problem, fix) for a regex a rule file may not use, else None. Cached per regex, so a
    reload after an edit only probes the regexes that changed; a regex that passed is also
    remembered on disk (rule_cache.py), so a new process does not probe it again."""
    if rule_cache.CACHE.checked(value):
        return None
    problem = _regex_check(value)
    if problem is None:
        rule_cache.CACHE.mark_checked(value)
    return problem


def _regex_check(value: str) -> tuple[str, str] | None:
    if len(value) > MAX_REGEX_LEN:
        return f"regex is longer than {MAX_REGEX_LEN} characters", "split it in two rules"
    try:
        compiled = re.compile(value)
    except re.error as e:
        return f"regex does not compile: {e}", "check brackets and backslashes"
    danger = regex_danger(value)
    if danger:
        return (
            f"regex can backtrack catastrophically: {danger}",
            (
                "remove the nested repetition, e.g. write (ab)+ instead of (a+b?)+ ; "
                "or use a token pattern"
            ),
        )
    slow = probe_regex(compiled)
    if slow:
        return f"regex is too slow on long inputs: {slow}", "simplify the regex"
    return None


class Phrase(_Strict):
    id: Id
    text: Text
    weight: Annotated[float, Field(gt=0, le=20)]


class TokenRule(_Strict):
    id: Id
    weight: Annotated[float, Field(gt=0, le=20)]
    pattern: TokenPatternList

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, v: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return _check_token_pattern(v)


class RegexRule(_Strict):
    """A regex of this kind's own, or `cue`: the id of a shared one in phrasings/kind-cues.yaml
    (several kinds score with the same words; the loader fills in its regex)."""

    id: Id
    weight: Annotated[float, Field(gt=0, le=20)]
    regex: Text | None = None
    cue: Id | None = None

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return None if v is None else _check_regex(v)

    @model_validator(mode="after")
    def _one(self) -> RegexRule:
        if (self.regex is None) == (self.cue is None):
            raise _custom(
                "a regex entry needs exactly one of regex or cue",
                "write the regex here, or name a shared one from phrasings/kind-cues.yaml with cue:",
            )
        return self


class Exclude(_Strict):
    """Evidence against a kind: exactly one of text, pattern, regex; a negative weight."""

    id: Id
    weight: Annotated[float, Field(lt=0, ge=-20)]
    text: Text | None = None
    pattern: TokenPatternList | None = None
    regex: Text | None = None

    @field_validator("pattern")
    @classmethod
    def _pattern(cls, v: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        return None if v is None else _check_token_pattern(v)

    @field_validator("regex")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        return None if v is None else _check_regex(v)

    @model_validator(mode="after")
    def _one(self) -> Exclude:
        given = [k for k in ("text", "pattern", "regex") if getattr(self, k) is not None]
        if len(given) != 1:
            raise _custom(
                "an exclude entry needs exactly one of text, pattern or regex"
                + (f" (it has {', '.join(given)})" if given else ""),
                "keep one of them; make a second entry with its own id for the other",
            )
        return self


class Match(_Strict):
    threshold: Annotated[float, Field(gt=0, le=100)]
    # Each group lists pattern ids; a kind can only win when every group has a hit. Use it for
    # what the kind is ABOUT (health insurance AND money owed), so generic words cannot win.
    require: list[Annotated[list[Id], Field(min_length=1)]] = []
    phrases: list[Phrase] = []
    patterns: list[TokenRule] = []
    regex: list[RegexRule] = []
    exclude: list[Exclude] = []


class StageRule(_Strict):
    stage: StageName
    head: bool = False  # only count phrases in the head (title, Betreft line, first 40 %)
    phrases: list[Text] = []
    patterns: list[TokenPatternList] = []

    @field_validator("patterns")
    @classmethod
    def _patterns(cls, v: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        return [_check_token_pattern(p) for p in v]

    @model_validator(mode="after")
    def _something(self) -> StageRule:
        if not self.phrases and not self.patterns:
            raise _custom("a stage rule needs phrases or patterns", 'add phrases: ["..."]')
        return self


class Stages(_Strict):
    default: StageName
    rules: list[StageRule] = []


class DeadlineSpec(_Strict):
    actions: Annotated[list[ActionName], Field(min_length=1)]
    # "pay" only when the letter asks it in full: an amount due, an account and a pay-by date
    # all found. For the fallback kind: a bill no kind claims (a school's, a landlord's e-mail)
    # keeps its ask; a statement or a closed file with a total and an IBAN shows none (#15).
    pay_needs_full_ask: bool = False


class Objection(_Strict):
    # "if_stated": only when the letter itself gives a term for bezwaar (a CAK decision among
    # insurers' reminders, a DUO decision among betalingsverzoeken)
    possible: bool | Literal["if_stated"]
    weeks: Annotated[int, Field(gt=0, le=52)] | None = None
    # False where bezwaar is possible against a side decision only (an aanmaning's costs): the
    # text still names the last day, but the result's objection_deadline stays empty.
    decision: bool = True
    # Only letters at these stages get an objection_deadline (empty: every stage). A reminder
    # about a tax bill is no new decision on the tax (samples/firstlook/BRIEF.md).
    stages: list[StageName] = []


class VariantWhen(_Strict):
    """When a text variant applies: every condition given must hold (at least one is needed)."""

    stage: list[StageName] = []  # the letter's stage is one of these
    # you pay / you get money / neither; one value or a list (any of them)
    money: list[Literal["pay", "refund", "none"]] = []
    phrases: list[Text] = []  # one of these stands in the letter (matched like match.phrases)
    not_phrases: list[Text] = []  # none of these stands in the letter
    action: list[ActionName] = []  # the deadline found asks one of these (e.g. send_documents)

    @field_validator("money", mode="before")
    @classmethod
    def _one_or_list(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _something(self) -> VariantWhen:
        if not (self.stage or self.money or self.phrases or self.not_phrases or self.action):
            raise _custom("a variant's when needs stage, money, phrases or action",
                          "add e.g. stage: [decision] or money: refund")
        return self


class TextVariant(_Strict):
    """Texts for one stage or situation of the kind; a text left out comes from `texts`."""

    id: Id
    when: VariantWhen
    summary: Text | None = None
    what_to_do: Annotated[list[Text], Field(min_length=1)] | None = None
    if_you_do_nothing: Text | None = None
    objection: Text | None = None
    help: list[Id] | None = None

    @model_validator(mode="after")
    def _texts(self) -> TextVariant:
        if not self.model_fields_set & {"summary", "what_to_do", "if_you_do_nothing", "objection", "help"}:
            raise _custom("this variant has no texts of its own",
                          "add summary, what_to_do, if_you_do_nothing, objection or help")
        return self


class Texts(_Strict):
    summary: Text
    what_to_do: Annotated[list[Text], Field(min_length=1)]
    if_you_do_nothing: Text
    objection: Text | None
    # Texts for one stage or situation (the CAK's decision, a refund); the first that fits wins.
    variants: list[TextVariant] = []


class Examples(_Strict):
    match: Annotated[list[Text], Field(min_length=3)]
    no_match: Annotated[list[Text], Field(min_length=2)]


class KindRule(_Strict):
    """One letter kind: how to recognise it, what it asks, and the Dutch texts."""

    id: Id
    label: Text
    description: Text
    senders: list[Text] = []
    match: Match | None = None
    route: RouteName | None = None  # None: the letter is not a step on a debt ladder
    stages: Stages
    deadline: DeadlineSpec
    objection: Objection
    texts: Texts
    help: list[Id]
    examples: Examples


# --------------------------------------------------------------------------- regex safety


def regex_danger(pattern: str) -> str | None:
    """Why a regex may backtrack catastrophically, or None. Conservative, static.

    Refused: a repetition (more than 10 times, or unbounded) of something that itself holds an
    unbounded-ish repetition, as in (a+)+ or (\\w+\\s?)*; and a repetition of an alternation
    whose branches can start with the same character, as in (a|a)* or (a|ab)+.
    """
    try:
        from re import _parser as sre  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse as sre  # type: ignore[no-redef]
    try:
        parsed = sre.parse(pattern)
    except re.error:
        return None  # re.compile reports it
    return _danger(list(parsed), sre)


def _danger(items: list[Any], sre: Any) -> str | None:
    c = sre
    for op, av in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            _lo, hi, body = av
            body = list(body)
            if hi == c.MAXREPEAT or hi > 10:
                if _has_repeat(body, c):
                    return "a repetition inside a repetition"
                branch = _branch_overlap(body, c)
                if branch:
                    return branch
            inner = _danger(body, c)
            if inner:
                return inner
        elif op == c.SUBPATTERN:
            inner = _danger(list(av[-1]), c)
            if inner:
                return inner
        elif op == c.BRANCH:
            for alt in av[1]:
                inner = _danger(list(alt), c)
                if inner:
                    return inner
        elif op == getattr(c, "ATOMIC_GROUP", object()):
            continue  # atomic groups never backtrack into
    return None


def _has_repeat(items: list[Any], c: Any) -> bool:
    for op, av in items:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            if av[1] == c.MAXREPEAT or av[1] > 1:
                return True
            if _has_repeat(list(av[2]), c):
                return True
        elif (
            op == c.SUBPATTERN
            and _has_repeat(list(av[-1]), c)
            or op == c.BRANCH
            and any(_has_repeat(list(alt), c) for alt in av[1])
        ):
            return True
    return False


_ANY = frozenset({"<any>"})
_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "abcdefghijklmnopqrstuvwxyz0123456789_éëèï",
    "CATEGORY_SPACE": " \t\n\r\f\v",
}


def _first_chars(items: list[Any], c: Any) -> frozenset[str]:
    """Characters a sequence can start with (approximate; _ANY when unsure)."""
    out: set[str] = set()
    for op, av in items:
        if op == c.AT:
            continue
        nullable = False
        if op == c.LITERAL:
            out.add(chr(av))
        elif op == c.IN:
            for iop, iav in av:
                if iop == c.LITERAL:
                    out.add(chr(iav))
                elif iop == c.RANGE and iav[1] - iav[0] < 400:
                    out.update(chr(x) for x in range(iav[0], iav[1] + 1))
                elif iop == c.CATEGORY and str(iav) in _CATEGORY_SAMPLES:
                    out.update(_CATEGORY_SAMPLES[str(iav)])
                else:
                    return _ANY
        elif op == c.SUBPATTERN:
            sub = list(av[-1])
            first = _first_chars(sub, c)
            if first is _ANY:
                return _ANY
            out |= first
            nullable = _nullable(sub, c)
        elif op == c.BRANCH:
            for alt in av[1]:
                first = _first_chars(list(alt), c)
                if first is _ANY:
                    return _ANY
                out |= first
            nullable = any(_nullable(list(alt), c) for alt in av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            first = _first_chars(list(av[2]), c)
            if first is _ANY:
                return _ANY
            out |= first
            nullable = av[0] == 0 or _nullable(list(av[2]), c)
        else:
            return _ANY
        if not nullable:
            return frozenset(out)
    return frozenset(out)


def _nullable(items: list[Any], c: Any) -> bool:
    for op, av in items:
        if op == c.AT:
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0:
            continue
        if op == c.SUBPATTERN and _nullable(list(av[-1]), c):
            continue
        if op == c.BRANCH and any(_nullable(list(alt), c) for alt in av[1]):
            continue
        return False
    return True


def _branch_overlap(body: list[Any], c: Any) -> str | None:
    for op, av in body:
        if op == c.SUBPATTERN:
            found = _branch_overlap(list(av[-1]), c)
            if found:
                return found
        elif op == c.BRANCH:
            alts = [list(alt) for alt in av[1]]
            if any(_nullable(a, c) for a in alts):
                return "a repeated alternation with an empty branch"
            firsts = [_first_chars(a, c) for a in alts]
            for i in range(len(firsts)):
                for j in range(i + 1, len(firsts)):
                    if firsts[i] is _ANY or firsts[j] is _ANY or firsts[i] & firsts[j]:
                        return (
                            "a repeated alternation whose branches can start alike, as in (a|ab)*"
                        )
    return None


_PROBE_BASES = ("a", "1", " ", "a ", "a1", "-", ".")
_PROBE_LENGTHS = (8, 10, 12, 14, 16, 18, 20, 22, 24)
_SHORT_LIMIT = 0.02  # seconds on the longest short input: real rules take microseconds there


def _seconds(rx: re.Pattern[str], text: str, tries: int = 1) -> float:
    """The fastest of `tries` runs, so a busy machine does not look like a slow regex."""
    best = math.inf
    for _ in range(tries):
        t0 = time.perf_counter()
        rx.search(text)
        best = min(best, time.perf_counter() - t0)
    return best


def probe_regex(rx: re.Pattern[str], long_chars: int = 5000, long_limit: float = 0.25) -> str | None:
    """Run the regex on bounded adversarial inputs; report super-linear growth.

    The static check above catches the known exponential shapes first; this is the second
    net. Inputs stay short while growing, so even a missed exponential case stops early.
    Only growth that persists over three steps counts, each measured as the best of three
    runs, so load on a shared machine does not refuse a good rule. Last, one input as long as
    the regex will meet (a whole letter for a kind rule, a label's text for a date label).
    """
    for base in _PROBE_BASES:
        prev = 0.0
        growing = 0
        for n in _PROBE_LENGTHS:
            text = base * n + "\x00!"
            t = _seconds(rx, text)
            if t > 0.005:
                t = _seconds(rx, text, tries=3)
            growing = growing + 1 if (t > 0.005 and prev > 0 and t > 2.5 * prev) else 0
            if growing >= 3:
                return f"time grows exponentially with input length (on {base!r} * n)"
            prev = max(t, 1e-7)
        if prev > _SHORT_LIMIT:
            # growth too noisy to prove, but already slow on a couple of dozen characters: the
            # long input below could then run for hours (an exponential regex, measured on a
            # machine whose timing hid the growth)
            return f"more than {_SHORT_LIMIT:g} s on {_PROBE_LENGTHS[-1]} characters of {base!r}"
        text = base * long_chars + "\x00!"
        if _seconds(rx, text) > long_limit and _seconds(rx, text, tries=3) > long_limit:
            return f"more than {long_limit:g} s on {long_chars} characters of {base!r}"
    return None


# --------------------------------------------------------------------------- one file


def load_rule_file(path: Path) -> KindRule:
    """Read and check one kind file. Raises RuleFileError with file and line."""
    data, root = yaml_files.parse(path)
    rule = yaml_files.check(path, data, root, KindRule)
    _check_rule(path, root, rule)
    return rule


def _fail(path: Path, root: Node, loc: Sequence[Any], problem: str, fix: str = "") -> RuleFileError:
    return RuleFileError(str(path), line_of(node_at(root, loc)[0]), problem, fix)


def pattern_ids(rule: KindRule) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(yaml location, id) of every scoring entry of a kind, in file order."""
    if rule.match is None:
        return
    for section in ("phrases", "patterns", "regex", "exclude"):
        for i, entry in enumerate(getattr(rule.match, section)):
            yield ("match", section, i, "id"), entry.id


def _check_rule(path: Path, root: Node, rule: KindRule) -> None:
    if rule.id != path.stem:
        raise _fail(
            path,
            root,
            ("id",),
            f"id '{rule.id}' differs from the file name '{path.name}'",
            f"rename the file to {rule.id}.yaml or set id: {path.stem}",
        )
    seen: dict[str, tuple[Any, ...]] = {}
    for loc, pid in pattern_ids(rule):
        if pid in seen:
            raise _fail(
                path,
                root,
                loc,
                f"pattern id '{pid}' is used twice in this file (first at line "
                f"{line_of(node_at(root, seen[pid])[0])})",
                "give each phrase, pattern, regex and exclude its own id",
            )
        seen[pid] = loc
    if rule.id == FALLBACK_KIND:
        if rule.match is not None:
            raise _fail(
                path,
                root,
                ("match",),
                f"'{FALLBACK_KIND}' is the fallback kind and cannot have match patterns",
                "remove the match: block",
            )
    else:
        m = rule.match
        if m is None:
            raise _fail(
                path,
                root,
                (),
                "missing key 'match'",
                "add a match: block with a threshold and phrases",
            )
        if not (m.phrases or m.patterns or m.regex):
            raise _fail(
                path,
                root,
                ("match",),
                "match has no phrases, patterns or regex that count for this kind",
                "add at least one phrase with a positive weight",
            )
        positive = {e.id for e in (*m.phrases, *m.patterns, *m.regex)}
        if rule.senders:
            positive.add("sender")  # the sender hint, see classify.py
        for gi, group in enumerate(m.require):
            for ji, pid in enumerate(group):
                if pid not in positive:
                    raise _fail(
                        path,
                        root,
                        ("match", "require", gi, ji),
                        f"require names '{pid}', which is not a phrase, pattern or regex id here",
                        "use the id of a phrase, pattern or regex of this file (not an exclude), "
                        "or 'sender' when the file has senders",
                    )
    if rule.objection.possible and rule.texts.objection is None:
        raise _fail(
            path,
            root,
            ("texts", "objection"),
            "objection.possible is true but texts.objection is empty",
            "write how to object, in B1 Dutch",
        )
    if not rule.objection.possible and rule.objection.weeks is not None:
        raise _fail(
            path,
            root,
            ("objection", "weeks"),
            "objection.weeks is set but objection.possible is false",
            "remove weeks, or set possible: true",
        )
    if len(set(rule.deadline.actions)) != len(rule.deadline.actions):
        raise _fail(
            path,
            root,
            ("deadline", "actions"),
            "an action is listed twice",
            "list each action once",
        )
    texts: list[tuple[tuple[Any, ...], str]] = [
        (("texts", "summary"), rule.texts.summary),
        (("texts", "if_you_do_nothing"), rule.texts.if_you_do_nothing),
    ]
    texts += [(("texts", "what_to_do", i), t) for i, t in enumerate(rule.texts.what_to_do)]
    if rule.texts.objection:
        texts.append((("texts", "objection"), rule.texts.objection))
    variant_ids: dict[str, int] = {}
    for vi, v in enumerate(rule.texts.variants):
        if v.id in variant_ids:
            raise _fail(
                path, root, ("texts", "variants", vi, "id"),
                f"variant id '{v.id}' is used twice in this file (first at line "
                f"{line_of(node_at(root, ('texts', 'variants', variant_ids[v.id], 'id'))[0])})",
                "give each variant its own id",
            )
        variant_ids[v.id] = vi
        here = ("texts", "variants", vi)
        for key in ("summary", "if_you_do_nothing", "objection"):
            if getattr(v, key):
                texts.append(((*here, key), getattr(v, key)))
        texts += [((*here, "what_to_do", i), t) for i, t in enumerate(v.what_to_do or ())]
    for loc, text in texts:
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as e:
            raise _fail(
                path, root, loc, f"broken placeholder braces: {e}", "write {sender} or {amount}"
            ) from None
        for name in names:
            if name not in PLACEHOLDERS:
                raise _fail(
                    path,
                    root,
                    loc,
                    f"unknown placeholder {{{name}}}",
                    "use one of: " + ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS)),
                )


# --------------------------------------------------------------------------- rule sets


@dataclass(frozen=True, eq=False)
class RuleSet:
    """All kinds by id, in load order (shipped rules first), and the file each came from.

    Compared and hashed by identity: `load_rules` returns the same object while no file
    changes, so caches keyed on a RuleSet (the compiled matcher) stay valid exactly as long.
    """

    kinds: Mapping[str, KindRule]  # id → rule (read-only)
    files: Mapping[str, Path]  # id → the YAML file it came from
    dirs: tuple[Path, ...]

    def get(self, kind: str) -> KindRule:
        return self.kinds[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def ids(self) -> tuple[str, ...]:
        return tuple(self.kinds)

    def file_of(self, kind: str) -> Path:
        return self.files[kind]

    @property
    def fallback(self) -> KindRule:
        return self.kinds[FALLBACK_KIND]


def kind_files(folder: Path) -> list[Path]:
    """The kind rule files of one folder: *.yaml directly inside, minus NON_KIND_FILES."""
    return sorted(p for p in folder.glob("*.yaml") if p.is_file() and p.name not in NON_KIND_FILES)


def _signature(dirs: Sequence[Path]) -> tuple[tuple[str, tuple[tuple[str, int, int], ...]], ...]:
    sig = []
    for d in dirs:
        if not d.is_dir():
            raise RuleFileError(
                str(d),
                None,
                "this rules folder does not exist",
                "check the --rules option or the SNAPDEBRIEF_RULES setting",
            )
        files = []
        for p in kind_files(d):
            st = p.stat()
            files.append((p.name, st.st_mtime_ns, st.st_size))
        cues = d / _KIND_CUES
        if cues.is_file():  # so an edit of the shared cues reloads the kinds too
            st = cues.stat()
            files.append((_KIND_CUES, st.st_mtime_ns, st.st_size))
        sig.append((str(d), tuple(files)))
    return tuple(sig)


_KIND_CUES = "phrasings/kind-cues.yaml"


def _with_cues(rule: KindRule, path: Path, cues: KindCues) -> KindRule:
    """The kind with every `cue:` entry's regex filled in from the shared kind cues."""
    if rule.match is None or all(rx.cue is None for rx in rule.match.regex):
        return rule
    filled = []
    for rx in rule.match.regex:
        if rx.cue is not None:
            cue = cues.get(rx.cue)
            if cue is None:
                raise RuleFileError(str(path), None, f"regex '{rx.id}' names the kind cue '{rx.cue}', "
                                    "which no phrasings/kind-cues.yaml defines",
                                    "add the cue to phrasings/kind-cues.yaml or fix its name")
            rx = rx.model_copy(update={"regex": cue.regex})
        filled.append(rx)
    return rule.model_copy(update={"match": rule.match.model_copy(update={"regex": filled})})


def load_rules(dirs: Sequence[Path | str] = ()) -> RuleSet:
    """Load the shipped rules/ folder, then each extra folder (a team may add kinds).

    Cached on the folders' signature (path, and name, mtime and size of every kind file), so
    an edit shows up on the next call. The library never reads environment variables: the
    doors turn SNAPDEBRIEF_RULES and --rules into `dirs` (settings.py).
    """
    folders: list[Path] = [SHIPPED_RULES_DIR.resolve()]
    for d in dirs:
        p = Path(d).expanduser().resolve()
        if p not in folders:
            folders.append(p)
    return _load(_signature(folders))


@functools.lru_cache(maxsize=16)
def _load(signature: tuple[tuple[str, tuple[tuple[str, int, int], ...]], ...]) -> RuleSet:
    from .phrasings.kind_cues import load_kind_cues  # it imports this module's regex check

    kinds: dict[str, KindRule] = {}
    where: dict[str, Path] = {}
    cues = load_kind_cues([Path(f) for f, _ in signature])
    for folder, entries in signature:
        for name, _mtime, _size in entries:
            if name == _KIND_CUES:
                continue
            path = Path(folder) / name
            rule = _with_cues(load_rule_file(path), path, cues)
            if rule.id in where:
                raise RuleFileError(
                    str(path),
                    1,
                    f"kind '{rule.id}' is already defined in {where[rule.id]}",
                    "give the new kind another id (and file name); a team folder adds kinds, "
                    "it does not replace them",
                )
            where[rule.id] = path
            kinds[rule.id] = rule
    rule_cache.CACHE.save()  # what the checks learnt, for the next process
    if FALLBACK_KIND not in where:
        raise RuleFileError(
            str(Path(signature[0][0]) / f"{FALLBACK_KIND}.yaml"),
            None,
            f"the fallback kind '{FALLBACK_KIND}' is missing",
            "restore rules/overig.yaml",
        )
    return RuleSet(
        kinds=MappingProxyType(kinds),
        files=MappingProxyType(where),
        dirs=tuple(Path(f) for f, _ in signature),
    )
