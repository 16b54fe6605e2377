"""Find the Dutch template behind each sentence of a Dutch answer, and write its translation.

The explainers write Dutch sentences from templates: a rule file's texts, or the program's own
sentences (rules/lang/nl/messages.yaml keeps them as templates). A translation file pairs each
Dutch template sentence with one in its language. Here each sentence of the finished Dutch answer
is matched against the Dutch templates; the values it holds (an amount, a date, a name) are read
back and written the language's way into the paired sentence. A sentence no template matches stays
Dutch, and the caller counts it, so a missing translation is never silent.

Why after the fact: the Dutch answer's rules of thumb (which sentence fits, which is dropped, what
is too much) then run once, on one text, and the translation can only differ in words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from itertools import combinations

from ..explainers.dutch import MONTHS, WEEKDAYS, capitalize
from ..explainers.placeholders import PLACEHOLDERS, apply_fallback
from . import formats

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Sentence ends in the languages we write: . ! ? and the Arabic question mark.
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
MAX_JOIN = 4  # a value holding ". " (a sender "J. Jansen B.V.") splits a sentence in parts


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def placeholders(sentence: str) -> list[str]:
    return PLACEHOLDER.findall(sentence)


def normalized(text: str) -> str:
    """The forms `placeholders.fill` writes before filling: one date, no second euro sign."""
    text = re.sub(r"\{weekday\},?\s+\{date\}", "{date}", text)
    return re.sub(r"€\s*\{amount\}", "{amount}", text)


def _settle(sentence: str) -> str:
    """What `placeholders.fill` does to a sentence once a value is left out."""
    sentence = re.sub(r"[ \t]{2,}", " ", sentence).replace(" .", ".").replace(" ,", ",")
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", sentence)


def _fold(sentence: str) -> str:
    """First letter lower case: fill() capitalises a sentence whose start changed."""
    for i, ch in enumerate(sentence):
        if ch.isalpha():
            return sentence[:i] + ch.lower() + sentence[i + 1:]
    return sentence


@dataclass(frozen=True)
class Template:
    dutch: str  # one Dutch sentence, placeholders as {name}
    target: str  # its translation
    scope: str | None  # the kind it belongs to; None: the program's own sentences, help
    regex: re.Pattern[str]
    keys: tuple[str, ...]  # the placeholder of each group, in order
    literal: int  # characters outside placeholders: the more, the surer the match


def _template(dutch: str, target: str, scope: str | None) -> Template:
    parts = PLACEHOLDER.split(_fold(dutch))
    regex, keys = "", []
    for i, part in enumerate(parts):
        if i % 2:
            regex += "(.+?)"
            keys.append(part)
        else:
            regex += re.escape(part)
    literal = sum(len(p) for p in parts[::2])
    return Template(dutch, target, scope, re.compile(regex, re.DOTALL), tuple(keys), literal)


def _first_word(sentence: str) -> str:
    m = re.match(r"\s*([^\s{]+)", _fold(sentence))
    return m.group(1) if m and not sentence.lstrip().startswith("{") else ""


def variants(dutch: str, target: str, phrases: Mapping[str, str]) -> Iterable[tuple[str, str]]:
    """The pair as written, and for every set of its fillable values left out, the Dutch sentence
    fill() then writes with the language's words for what is missing ("the account number on the
    letter")."""
    yield dutch, target
    keys = [k for k in dict.fromkeys(placeholders(dutch)) if k in PLACEHOLDERS and k != "weekday"]
    for n in range(1, min(len(keys), 4) + 1):
        for left_out in combinations(keys, n):
            d, t = dutch, target
            for key in left_out:
                d = apply_fallback(d, key).replace("{" + key + "}", "")
                t = t.replace("{" + key + "}", phrases.get(key, "{" + key + "}"))
            yield _settle(d), t


class Matcher:
    """Dutch template sentences → their translation, indexed by the first word and the kind."""

    def __init__(self, pairs: Iterable[tuple[str, str, str | None]], phrases: Mapping[str, str]) -> None:
        self._exact: dict[str, list[Template]] = {}
        self._by_word: dict[tuple[str | None, str], list[Template]] = {}
        self._any_word: dict[str, list[Template]] = {}
        self.size = 0
        for text, translation, scope in pairs:
            for dutch, target in zip(sentences(normalized(text)), sentences(normalized(translation))):
                self._add(dutch, target, scope, phrases)
        for group in (*self._by_word.values(), *self._any_word.values()):
            group.sort(key=lambda t: -t.literal)

    def _add(self, dutch: str, target: str, scope: str | None, phrases: Mapping[str, str]) -> None:
        """One sentence pair, with the forms it takes when values are left out."""
        for d, t in variants(dutch, target, phrases):
            tpl = _template(d, t, scope)
            self.size += 1
            if not tpl.keys:
                self._exact.setdefault(_fold(d), []).append(tpl)
                continue
            word = _first_word(d)
            self._by_word.setdefault((scope, word), []).append(tpl)
            self._any_word.setdefault(word, []).append(tpl)

    def find(self, sentence: str, scope: str | None) -> tuple[Template, tuple[str, ...]] | None:
        """The template the Dutch sentence was written from (its kind's own first), and the values."""
        sentence = sentence.strip()
        folded = _fold(sentence)
        exact = self._exact.get(folded)
        if exact:
            return next((t for t in exact if t.scope == scope), exact[0]), ()
        word = _first_word(folded)
        for group in (self._by_word.get((scope, word)), self._by_word.get((None, word)),
                      self._by_word.get((scope, "")), self._by_word.get((None, "")),
                      self._any_word.get(word), self._any_word.get("")):
            for tpl in group or ():
                m = tpl.regex.fullmatch(folded)
                if m:  # the values as they stand, not folded ("Incasso B.V. wil …")
                    return tpl, tuple(sentence[m.start(i):m.end(i)] for i in range(1, len(tpl.keys) + 1))
        return None


# --- the values a Dutch sentence holds, read back ----------------------------------------------

_MONEY = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})")
_LONG_DATE = re.compile(
    r"(?:(?:" + "|".join(WEEKDAYS) + r")\s+)?(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})"
    r"(?:\s+om\s+(\d{1,2})\.(\d{2})\s+uur)?", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})")
_ARTICLE = re.compile(r"(?:de|het)\s+(?=[A-Z])", re.IGNORECASE)


@dataclass(frozen=True)
class ValueWriter:
    """Writes a value read from a Dutch sentence in the language: amounts and dates with Babel,
    the Dutch words for a missing value as the language's, names of bodies as they are."""

    lang: str
    phrases: Mapping[str, str]  # Dutch phrase (lower case) → the language's
    at_time: str  # "{date} at {time}"

    def __call__(self, key: str, raw: str) -> str:
        found = self.phrases.get(_fold(raw.strip()).lower()) or self.phrases.get(raw.strip().lower())
        if found is not None:
            return found
        m = _MONEY.fullmatch(raw.strip())
        if m:
            return formats.money(Decimal(m.group(1).replace(".", "") + "." + m.group(2)), self.lang)
        m = _LONG_DATE.fullmatch(raw.strip())
        if m:
            day = date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
            shown = formats.long_date(day, self.lang)
            if m.group(4):
                at = formats.clock(time(int(m.group(4)), int(m.group(5))), self.lang)
                shown = self.at_time.replace("{date}", shown).replace("{time}", at)
            return shown
        if key == "time":
            m = _CLOCK.fullmatch(raw.strip())
            if m:
                return formats.clock(time(int(m.group(1)), int(m.group(2))), self.lang)
        if key == "sender":
            return _ARTICLE.sub("", raw.strip(), count=1) if _ARTICLE.match(raw.strip()) else raw
        return raw


def written(tpl: Template, values: tuple[str, ...], write: Callable[[str, str], str]) -> str:
    """The template's translation with the values written in its language."""
    out = PLACEHOLDER.sub(lambda m: write(m.group(1), _first_value(tpl, values, m.group(1))),
                          tpl.target)
    starts_with_value = tpl.target.lstrip().startswith("{")
    return capitalize(out) if starts_with_value and out[:1].isalpha() else out


def _first_value(tpl: Template, values: tuple[str, ...], key: str) -> str:
    return next((v for k, v in zip(tpl.keys, values) if k == key), "")
