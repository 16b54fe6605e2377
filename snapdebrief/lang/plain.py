"""Plain-language checks for the answer in another language (#20), like the Dutch B1 checks.

Each language's limits stand in rules/lang/<code>/plain.yaml: the longest sentence and the
average sentence in words, a readability index where textstat has one for the language (English
Flesch Reading Ease, the Polish FOG-PL, the Arabic Osman index), else a limit on word length in
syllables, and a hard-word list: each hard word's first use in an answer must have its meaning in
the same sentence ("a seizure (beslag: taking money or belongings)", or the meaning first).

Formulas are weak signals: they catch long sentences and long words, not a wrong word. Used by
the tests (tests/lang/test_plain.py) and by translators (`problems`).
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import yaml_files
from ..resources import rules_dir
from .files import LANG_FOLDER, PLAIN_FILE

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Values that hold dots, commas or digit groups count as one word and never end a sentence.
_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "MAIL"),
    (re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|eu)\b"
                r"(?:/\S*?(?=[.,;:!?)]*(?:\s|$)))?", re.IGNORECASE), "WEB"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b"), "IBAN"),
    (re.compile(r"€\s*\d(?:[\d.,\u00a0\u202f\u066b\u066c]*\d)?|\d(?:[\d.,\u00a0\u202f\u066b\u066c]*\d)?"
                r"(?:\s*€)?"), "0"),
)
# Syllables are vowels where a language writes one vowel letter a syllable (Turkish, Ukrainian).
_VOWELS = {"tr": frozenset("aeıioöuü"), "uk": frozenset("аеєиіїоуюя")}
_PYPHEN = {"en": "en_US", "pl": "pl_PL"}
_MARKS = re.compile("[\u0307\u064b-\u0652\u0670]")
# Averages say nothing about a line or two: the average sentence, the index and the word length
# are judged from this many words on (a whole answer has 60-200); the longest sentence always.
MIN_WORDS_FOR_AVERAGES = 30


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _IndexSpec(_Strict):
    name: Literal["flesch_en", "fog_pl", "osman"]
    min: float | None = None
    max: float | None = None


class _WordSpec(_Strict):
    word: str = Field(min_length=1)
    forms: list[str] = Field(default_factory=list)
    meaning: str = Field(min_length=1)
    accept: list[str] = Field(default_factory=list)


class _PlainSpec(_Strict):
    max_sentence_words: int = Field(gt=0)
    max_avg_sentence_words: float = Field(gt=0)
    index: _IndexSpec | None = None
    max_syllables_per_word: float | None = Field(default=None, gt=0)
    abbreviations: list[str] = Field(default_factory=list)
    hard_words: list[_WordSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_word_measure(self) -> _PlainSpec:
        if (self.index is None) == (self.max_syllables_per_word is None):
            raise ValueError("give either an index or max_syllables_per_word")
        return self


@dataclass(frozen=True)
class HardWord:
    word: str
    spellings: tuple[str, ...]
    meanings: tuple[str, ...]


@dataclass(frozen=True)
class PlainRules:
    lang: str
    max_sentence_words: int
    max_avg_sentence_words: float
    index: str | None
    index_min: float | None
    index_max: float | None
    max_syllables_per_word: float | None
    abbreviations: tuple[str, ...]
    hard_words: tuple[HardWord, ...]


def plain_file(lang: str) -> Path:
    return rules_dir() / LANG_FOLDER / lang / PLAIN_FILE


def load_plain(lang: str) -> PlainRules:
    """rules/lang/<lang>/plain.yaml, re-read when the file changes."""
    path = plain_file(lang)
    return _load(lang, str(path), path.stat().st_mtime_ns)


@functools.cache
def _load(lang: str, path: str, _mtime_ns: int) -> PlainRules:
    spec = yaml_files.load(path, _PlainSpec)
    return PlainRules(
        lang=lang,
        max_sentence_words=spec.max_sentence_words,
        max_avg_sentence_words=spec.max_avg_sentence_words,
        index=spec.index.name if spec.index else None,
        index_min=spec.index.min if spec.index else None,
        index_max=spec.index.max if spec.index else None,
        max_syllables_per_word=spec.max_syllables_per_word,
        abbreviations=tuple(spec.abbreviations),
        hard_words=tuple(HardWord(w.word, (w.word, *w.forms), (w.meaning, *w.accept))
                         for w in spec.hard_words),
    )


def _fold(text: str) -> str:
    """Lower case for matching in every script (Turkish 'İ' lowers to 'i' plus a dot above),
    without Arabic short-vowel marks."""
    return re.sub(r"\s+", " ", _MARKS.sub("", text.casefold()).replace("’", "'"))


def mask(text: str, rules: PlainRules) -> str:
    """Values and abbreviations made one plain word each; every line ends a sentence."""
    out = text
    for abbr in rules.abbreviations:
        out = re.sub(rf"(?<![\w.]){re.escape(abbr)}", abbr.replace(".", ""), out, flags=re.IGNORECASE)
    for pattern, word in _MASKS:
        out = pattern.sub(word, out)
    lines = [ln.strip() for ln in out.splitlines()]
    return "\n".join(ln if ln[-1:] in ".!?؟" else ln + "." for ln in lines if ln)


def sentences(masked: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(masked) if _WORD.search(s)]


def syllables(word: str, lang: str) -> int:
    vowels = _VOWELS.get(lang)
    if vowels is not None:
        return max(1, sum(c in vowels for c in _fold(word)))
    return len(_pyphen(lang).positions(word.lower())) + 1


@functools.cache
def _pyphen(lang: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang=_PYPHEN[lang])


@functools.cache
def _textstat(lang: str) -> Any:
    from ..readability import _defer_import

    _defer_import("nltk")  # textstat imports it for English syllables, which we count ourselves
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(lang)
    return ts


def index(masked: str, sents: Sequence[str], name: str) -> float:
    """The readability index `name` of an already masked text."""
    words = _LETTER_WORD.findall(masked)
    if not words or not sents:
        return 0.0
    if name == "flesch_en":
        # textstat's English Flesch constants; syllables by Pyphen, as textstat does for a word
        # its CMU dictionary lacks (textstat would fetch that dictionary over the network).
        from textstat.backend.utils.constants import LANG_CONFIGS

        c = LANG_CONFIGS["en"]
        per_word = sum(syllables(w, "en") for w in words) / len(words)
        return (c["fre_base"] - c["fre_sentence_length"] * len(_WORD.findall(masked)) / len(sents)
                - c["fre_syll_per_word"] * per_word)
    if name == "fog_pl":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no easy words vocabulary for pl": none is used
            return float(_textstat("pl").gunning_fog(masked))
    if name == "osman":
        return float(_textstat("ar").osman(masked))
    raise ValueError(name)


def score(text: str, rules: PlainRules) -> dict[str, Any]:
    masked = mask(text, rules)
    sents = sentences(masked)
    lengths = [len(_WORD.findall(s)) for s in sents]
    longest = max(range(len(sents)), key=lambda i: lengths[i]) if sents else None
    letter_words = _LETTER_WORD.findall(masked)
    out: dict[str, Any] = {
        "sentences": len(sents),
        "words": sum(lengths),
        "avg_sentence_words": round(sum(lengths) / len(sents), 2) if sents else 0.0,
        "max_sentence_words": max(lengths) if lengths else 0,
        "longest_sentence": sents[longest] if longest is not None else "",
    }
    if rules.index:
        out[rules.index] = round(index(masked, sents, rules.index), 1)
    if rules.max_syllables_per_word is not None and letter_words:
        out["syllables_per_word"] = round(
            sum(syllables(w, rules.lang) for w in letter_words) / len(letter_words), 2)
    return out


def _pattern(spelling: str) -> re.Pattern[str]:
    """A spelling matched whole; a final '*' lets a word take endings (Turkish, Polish cases)."""
    stem = spelling.rstrip("*")
    body = r"\s+".join(re.escape(_fold(p)) for p in stem.split())
    tail = r"\w*" if spelling.endswith("*") else ""
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])")


def unexplained(text: str, rules: PlainRules) -> list[str]:
    """Hard words whose first use in `text` has no meaning in the same sentence. A hard word
    inside another's explanation ("an order to pay, then seizure") is no use of its own."""
    folded = _fold(text)
    found: list[tuple[int, int, HardWord]] = []
    for hw in sorted(rules.hard_words, key=lambda h: -max(len(s) for s in h.spellings)):
        for spelling in hw.spellings:
            for m in _pattern(spelling).finditer(folded):
                if not any(m.start() < e and s < m.end() for s, e, _ in found):
                    found.append((m.start(), m.end(), hw))
    seen: set[str] = set()
    explaining: list[tuple[int, int]] = []  # where an explained word's sentence goes on
    bad: list[str] = []
    for start, end, hw in sorted(found, key=lambda f: f[0]):
        if hw.word in seen or any(a <= start and end <= b for a, b in explaining):
            continue
        seen.add(hw.word)
        first, last = _sentence_around(folded, start, end)
        if any(_fold(m) in folded[first:last] for m in hw.meanings):
            explaining.append((first, last))
        else:
            bad.append(hw.word)
    return bad


def _sentence_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """(first, last) of the sentence that holds folded[start:end]."""
    ends = [m.end() for m in re.finditer(r"[.!?؟](?=\s|$)|\n", folded[:start])]
    after = re.search(r"[.!?؟](?=\s|$)|\n", folded[end:])
    return (ends[-1] if ends else 0), (end + after.start() if after else len(folded))


def problems(text: str, lang: str, rules: PlainRules | None = None) -> list[str]:
    """Every plain-language limit `text` breaks, as short English lines for a test or translator."""
    rules = rules or load_plain(lang)
    s = score(text, rules)
    out: list[str] = []
    averages = s["words"] >= MIN_WORDS_FOR_AVERAGES
    if averages and s["avg_sentence_words"] > rules.max_avg_sentence_words:
        out.append(f"average sentence {s['avg_sentence_words']} words > {rules.max_avg_sentence_words}")
    if s["max_sentence_words"] > rules.max_sentence_words:
        out.append(f"sentence of {s['max_sentence_words']} words > {rules.max_sentence_words}: "
                   f"{s['longest_sentence']!r}")
    if rules.index and averages:
        value = s[rules.index]
        if rules.index_min is not None and value < rules.index_min:
            out.append(f"{rules.index} {value} < {rules.index_min}")
        if rules.index_max is not None and value > rules.index_max:
            out.append(f"{rules.index} {value} > {rules.index_max}")
    spw = s.get("syllables_per_word")
    if averages and rules.max_syllables_per_word is not None and spw is not None \
            and spw > rules.max_syllables_per_word:
        out.append(f"{spw} syllables per word > {rules.max_syllables_per_word}")
    hard = unexplained(text, rules)
    if hard:
        out.append("hard words without their meaning: " + ", ".join(hard))
    return out
