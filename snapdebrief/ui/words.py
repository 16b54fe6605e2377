"""The app's own words around the answer, in the answer's language (#20).

The answer's sentences are translated by the library (snapdebrief/lang/); this module gives the
words the app writes around them (headings, buttons, the deadline card, the debt ladder, the PDF
summary, the calendar file) from rules/lang/nl/app.yaml and rules/lang/<code>/app.yaml, and
writes dates and amounts the language's way. The language is the Result's own
(`Explanation.lang`), so the screen can never show another language than the answer has.

An id a language lacks stays Dutch and is listed in `Words.missing`: the app then says that part
of the screen is in Dutch, never silently. A translation is checked like the answer's (same
sentences, same {placeholders}, the official terms of terms.yaml kept), with file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ConfigDict

from .. import yaml_files
from ..errors import RuleFileError
from ..lang import DUTCH, LANGUAGES
from ..lang.files import APP_FILE, LANG_FOLDER, PairCheck, lang_folders, load_catalog
from ..resources import rules_dir
from . import text

# Languages written right to left: the app turns the answer block around, the PDF too.
RTL = frozenset({"ar"})
# The browser voice to ask for when reading aloud (BCP 47).
VOICES = {"nl": "nl-NL", "tr": "tr-TR", "ar": "ar", "en": "en-GB", "pl": "pl-PL", "uk": "uk-UA"}
# Unicode's isolates: a value (date, amount, IBAN) keeps its own left-to-right order inside a
# right-to-left sentence. Zero width; the PDF drops them after ordering (fonts have no glyph).
LRI, PDI, RLM = "\u2066", "\u2069", "\u200f"
BIDI_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FIELD = re.compile(r"\{([a-z_]+)\}")
# Digits in groups split by a space (a reference, a phone number), with a letter prefix.
_GROUPS = re.compile(r"(?<![\w\u2066\u202a])(?:[A-Z]{1,4})?\d[\dA-Z]*(?:[ \u00a0.\-/]+[\dA-Z]+)*"
                     r"[ \u00a0][\dA-Z]*\d[\dA-Z]*(?![\w])")


class _AppSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    app: dict[str, str] = {}


@dataclass(frozen=True)
class Words:
    """The app's words in one language; `missing` lists the ids that stay Dutch."""

    lang: str
    texts: Mapping[str, str]
    missing: frozenset[str]

    @property
    def rtl(self) -> bool:
        return self.lang in RTL

    @property
    def name(self) -> str:
        return LANGUAGES[self.lang]

    @property
    def voice(self) -> str:
        return VOICES.get(self.lang, self.lang)

    def __call__(self, wid: str, **values: Any) -> str:
        """The text of `wid` with its {placeholders} filled (values as given: format them first)."""
        return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values
                          else m.group(0), self.texts[wid])

    def ltr(self, value: str) -> str:
        """`value` kept left to right inside a right-to-left text (an IBAN, a phone number).
        The RLM before it keeps "(IBAN):" before the value in the sentence's direction."""
        return f"{RLM}{LRI}{value}{PDI}" if self.rtl and value else value

    def numbers(self, value: str) -> str:
        """In a right-to-left text, each number in groups ("1062 5421 5704 7959", "020 123
        4567") kept in its own order: the bidi rules would put the groups right to left. A
        date or an amount in the language's own form needs nothing (Babel writes it so)."""
        if not self.rtl or not value:
            return value
        return _GROUPS.sub(lambda m: f"{RLM}{LRI}{m.group(0)}{PDI}", value)

    def date(self, d: date) -> str:
        """The date with its weekday: the Dutch app's own words, Babel's for the others."""
        if self.lang == DUTCH:
            return text.long_date(d)
        from ..lang.formats import long_date

        return long_date(d, self.lang)

    def money(self, value: Decimal | float) -> str:
        if self.lang == DUTCH:
            return text.euro(value)
        from ..lang.formats import money

        return ("-" if value < 0 else "") + money(value, self.lang)

    def days_left(self, deadline: date, today: date) -> str:
        """'Nog 12 dagen', 'Morgen is de laatste dag', … '5 dagen te laat', in the language."""
        n = text.days_left(deadline, today)
        if n == 0:
            return self("days.today")
        if n == 1:
            return self("days.tomorrow")
        if n > 1:
            return self("days.left", days=n)
        return self("days.late-one") if n == -1 else self("days.late", days=-n)

    def deadline_heading(self, action: str, when: date, time: str | None = None) -> str:
        if action == "attend" and time:
            return self("deadline.attend-at", date=self.date(when), time=time)
        key = f"deadline.{action}"
        return self(key if key in self.texts else "deadline.none", date=self.date(when))


    def ladder_title(self, route: str, dutch: str) -> str:
        wid = f"ladder.{route}"
        return self(wid) if wid in self.texts else dutch

    def step(self, route: str, key: str, label: str, means: str) -> tuple[str, str]:
        """A ladder step's name and meaning (ui/chain.py); the toeslag route borrows the public
        route's later steps, a step with no id keeps chain.py's Dutch."""
        for r in (route, "public"):
            wid = f"step.{r}.{key}"
            if wid in self.texts:
                return self(wid), self(f"{wid}.means")
        return label, means


def words_for(lang: str, dirs: Sequence[Path | str] = ()) -> Words:
    """The app's words in `lang` (a code of lang.LANGUAGES), cached until a file changes."""
    key = tuple(str(d) for d in dirs)
    return _words(lang, key, _signature(lang, key))


def problem_text(dutch: str, lang: str) -> str:
    """A Dutch message that stands where the answer would (the letter could not be read) in the
    chosen language, sentence by sentence as far as messages.yaml has them (lang/translate.py)."""
    if lang not in LANGUAGES or lang == DUTCH:
        return dutch
    from ..lang.translate import message

    return message(dutch, lang)


def answer_lang(data: Mapping[str, Any]) -> str:
    """The language a Result.to_json() answer is in (Dutch for an answer made before #20)."""
    lang = (data.get("explanation") or {}).get("lang") or data.get("lang") or DUTCH
    return lang if lang in LANGUAGES else DUTCH


def _files(lang: str, dirs: tuple[str, ...]) -> list[Path]:
    return [f / lang / APP_FILE for f in lang_folders(dirs)]


def _signature(lang: str, dirs: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    out = []
    for path in (*_files(DUTCH, ()), *_files(lang, dirs)):
        try:
            out.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(out)


@functools.cache
def _words(lang: str, dirs: tuple[str, ...], _sig: tuple[tuple[str, int], ...]) -> Words:
    nl_path = rules_dir() / LANG_FOLDER / DUTCH / APP_FILE
    dutch = _read(nl_path).app
    texts = dict(dutch)
    # The headings of the printed answer are messages.yaml's (already translated there).
    catalog = load_catalog(lang, dirs)
    texts.update({k: v for k, v in catalog.messages.items() if k.startswith(("heading.", "note."))})
    if lang == DUTCH:
        return Words(lang, MappingProxyType(texts), frozenset())
    check = PairCheck(catalog.terms)
    done: set[str] = set()
    for path in _files(lang, dirs):
        if not path.is_file():
            continue
        data, root = yaml_files.parse(path)
        spec = yaml_files.check(path, data, root, _AppSpec)
        for wid, shown in spec.app.items():
            line = yaml_files.line_of(yaml_files.node_at(root, ["app", wid])[0])
            if wid not in dutch:
                raise RuleFileError(str(path), line, f"'{wid}' is not in {nl_path}",
                                    "use an id of rules/lang/nl/app.yaml")
            check(dutch[wid], shown, str(path), line)
            texts[wid] = shown
            done.add(wid)
    return Words(lang, MappingProxyType(texts), frozenset(set(dutch) - done))


def _read(path: Path) -> _AppSpec:
    data, root = yaml_files.parse(path)
    return yaml_files.check(path, data, root, _AppSpec)


def check_all(dirs: Sequence[Path | str] = ()) -> list[tuple[str, Path]]:
    """Every language's app.yaml read and checked (for `snapdebrief rules check`)."""
    out = []
    for lang in LANGUAGES:
        w = words_for(lang, dirs)
        if lang == DUTCH:
            out.append(("app words nl", rules_dir() / LANG_FOLDER / DUTCH / APP_FILE))
        else:
            out.append((f"app words {lang} ({len(w.missing)} in Dutch)",
                        rules_dir() / LANG_FOLDER / lang / APP_FILE))
    return out
