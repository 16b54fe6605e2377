"""B1 checks for the Dutch texts we show: sentence length, Flesch-Douma, hard words, "je" not "u".

Used by the tests and by rule authors (`score`, `hard_words`, `problems`); the pipeline calls
`reading_ease` to show the letter's score beside ours, by the same method. Formulas are weak signals [S76]: they catch long sentences and long words, they do
not say how to rewrite.

textstat 0.7.13 splits sentences on every dot, so "€ 1.234,56", "12.03.2026" or "mrt." would cut a
sentence in two and make it look easier. `mask()` first replaces amounts, dates, IBANs, numbers,
times, URLs and abbreviations by one plain word each; all counts run on the masked text.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import json
import re
import sys
import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from . import rule_cache, yaml_files
from .resources import woorden_file

if TYPE_CHECKING:
    from .result import Explanation, ReadingEase

# B1 targets: about ten words a sentence [S74]; Douma 60–70 is "normaal" [S77] (docs/sources.md).
MAX_AVG_SENTENCE_WORDS = 12.0
MAX_SENTENCE_WORDS = 20
MIN_FLESCH_DOUMA = 65.0

WOORDEN_PATH = woorden_file()

# Abbreviations that end in a dot, written out so the dot does not end a sentence.
_ABBREVIATIONS = {
    "bijv.": "bijvoorbeeld", "bv.": "bijvoorbeeld", "o.a.": "onder andere", "t/m": "tot en met",
    "z.s.m.": "snel", "d.w.z.": "dus", "enz.": "enzovoort", "etc.": "enzovoort", "nr.": "nummer",
    "ca.": "ongeveer", "incl.": "met", "excl.": "zonder", "art.": "artikel", "blz.": "bladzijde",
    "i.p.v.": "in plaats van", "m.b.t.": "over", "n.v.t.": "niet nodig", "t.a.v.": "voor",
    "z.o.z.": "omslaan", "b.v.": "bedrijf", "n.v.": "bedrijf", "dhr.": "meneer", "mevr.": "mevrouw", "mr.": "meester", "e.d.": "enzovoort",
    "jan.": "januari", "feb.": "februari", "mrt.": "maart", "apr.": "april", "jun.": "juni",
    "jul.": "juli", "aug.": "augustus", "sep.": "september", "sept.": "september",
    "okt.": "oktober", "nov.": "november", "dec.": "december", "ma.": "maandag", "di.": "dinsdag",
    "wo.": "woensdag", "do.": "donderdag", "vr.": "vrijdag", "za.": "zaterdag", "zo.": "zondag",
}
_ABBR_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r")(?=\s|$|[,;:)])",
    re.IGNORECASE,
)
# Order matters: the longest, most specific shapes first.
_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "mailadres"),
    (re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|eu)\b(?:/\S*?(?=[.,;:!?)]*(?:\s|$)))?", re.IGNORECASE), "website"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b"), "rekening"),
    (re.compile(r"(?:€|EUR)\s*-?\d[\d.]*(?:,(?:\d{1,2}|-{1,2}))?|\d[\d.]*,\d{2}\s*euro\b", re.IGNORECASE),
     "bedrag"),
    (re.compile(r"\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b"), "datum"),
    (re.compile(r"\b\d{1,2}[:.]\d{2}\s*uur\b|\b\d{1,2}:\d{2}\b"), "tijd"),
    (re.compile(r"\b0\d{2,3}-\d{3,4}(?:\s?\d{2,4})*\b|\b14\s0\d{2}\b"), "nummer"),
    (re.compile(r"\d+(?:,\d+)?\s?%"), "procent"),
    (re.compile(r"\b\d+(?:[.\s]\d+)*(?:\.[A-Z]\.\d+)?\b"), "tien"),
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_FORMAL = re.compile(r"(?<![\w'’-])(u|uw|uzelf|u'|uwe)(?![\w'’-])", re.IGNORECASE)


def mask(text: str) -> str:
    """Replace everything with dots or digits that is not a sentence end by one plain word."""
    out = _ABBR_RE.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()], text)
    for pattern, word in _MASKS:
        out = pattern.sub(word, out)
    # A line without end punctuation (a list item, a heading) is still one sentence.
    lines = [ln.strip() for ln in out.splitlines()]
    return "\n".join(ln if ln[-1:] in ".!?" else ln + "." for ln in lines if ln)


def sentences(text: str) -> list[str]:
    """The sentences of a masked text (split on . ! ? and line ends)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


class _Deferred(types.ModuleType):
    """Stands in sys.modules for a module that is imported for real at its first attribute
    access. textstat imports nltk at import time (~0.35 s of a cold start) only for its English
    word list, which Dutch never uses (#17). importlib's LazyLoader does not help here: the
    `import` statement itself touches the module's __spec__ and so loads it."""

    def __getattr__(self, attr: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return getattr(real, attr)


def _defer_import(name: str) -> None:
    if name not in sys.modules and importlib.util.find_spec(name) is not None:
        stub = _Deferred(name)
        stub.__spec__ = None
        sys.modules[name] = stub


@functools.cache
def _textstat() -> Any:
    _defer_import("nltk")
    _preload_hyphenation("nl")
    # An own instance: set_lang on the shared `textstat.textstat` would change it for everyone.
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang("nl")
    return ts


HYPHENATION_FORMAT = 1


def _preload_hyphenation(lang: str) -> None:
    """Pyphen's parsed hyphenation patterns for `lang` (textstat counts syllables with them)
    put in pyphen's own cache from a JSON copy in the user's cache folder (rule_cache's):
    pyphen parses its Dutch dictionary in Python on every start, 0.16 s of a cold photo run's
    CPU, and the JSON copy loads in ~0.03 s (#16). The copy is keyed on pyphen's version and
    the dictionary file's SHA-256 and holds nothing but the dictionary's patterns; a missing,
    stale or broken copy means pyphen parses the file itself (and the copy is written)."""
    try:
        import pyphen

        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        if path in pyphen.hdcache:
            return
        key = (f"pyphen-{getattr(pyphen, '__version__', '0')}-f{HYPHENATION_FORMAT}-"
               + hashlib.sha256(Path(path).read_bytes()).hexdigest())
        hyph = pyphen.HyphDict.__new__(pyphen.HyphDict)
    except (ImportError, KeyError, AttributeError, TypeError, OSError):
        return  # another pyphen: let textstat load it its own way
    folder = rule_cache.default_folder()
    copy = None if folder is None else folder / f"hyphenation-{lang}.json"
    patterns = _read_patterns(copy, key)
    if patterns is None:
        parsed = pyphen.HyphDict(path)
        pyphen.hdcache[path] = parsed
        plain = _plain_patterns(parsed.patterns)
        if copy is not None and plain is not None:
            rule_cache.write_atomically(copy, json.dumps({"key": key, "patterns": plain},
                                                         separators=(",", ":")))
        return
    hyph.patterns, hyph.cache = patterns, {}
    hyph.maxlen = max(len(k) for k in patterns)
    pyphen.hdcache[path] = hyph


def _plain_patterns(patterns: Mapping[str, Any]) -> dict[str, list[Any]] | None:
    """The patterns as JSON can hold them ({letters: [start, [ints]]}); None when a value is
    not a plain int (a dictionary's nonstandard hyphenation: not copied)."""
    out: dict[str, list[Any]] = {}
    for letters, (start, values) in patterns.items():
        if type(start) is not int or any(type(v) is not int for v in values):
            return None
        out[letters] = [start, list(values)]
    return out or None


def _read_patterns(copy: Path | None, key: str) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    if copy is None:
        return None
    try:
        data = json.loads(copy.read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        out = {}
        for letters, (start, values) in data["patterns"].items():
            if (not isinstance(letters, str) or type(start) is not int
                    or not all(type(v) is int for v in values)):
                return None
            out[letters] = (start, tuple(values))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return out or None


def flesch_douma(masked: str) -> float:
    """Flesch-Douma (textstat 0.7.13, lang nl) of an already masked text."""
    if not words(masked):
        return 0.0
    return float(_textstat().flesch_reading_ease(masked))


def score(text: str) -> dict[str, Any]:
    """Sentence counts and Flesch-Douma of `text`, after masking numbers and abbreviations."""
    masked = mask(text)
    sents = sentences(masked)
    lengths = [len(words(s)) for s in sents]
    longest = max(range(len(sents)), key=lambda i: lengths[i]) if sents else None
    return {
        "sentences": len(sents),
        "words": sum(lengths),
        "avg_sentence_words": round(sum(lengths) / len(sents), 2) if sents else 0.0,
        "max_sentence_words": max(lengths) if lengths else 0,
        "longest_sentence": sents[longest] if longest is not None else "",
        "flesch_douma": round(flesch_douma(masked), 1),
    }


@dataclass(frozen=True)
class HardWord:
    word: str
    meaning: str
    forms: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.word, *self.forms)

    def explained_by(self, text: str) -> bool:
        t = _norm(text)
        return any(_norm(m) in t for m in (self.meaning, *self.accept) if m)


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("zijn laatst", "z'n laatst")
    return re.sub(r"\s+", " ", re.sub(r"[()]", " ", text)).strip()


class _WordSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: str = Field(min_length=1)
    meaning: str = Field(min_length=1)
    forms: list[str] = Field(default_factory=list)
    accept: list[str] = Field(default_factory=list)


class _WoordenFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[_WordSpec]


@functools.cache
def _load_woorden(path: str, mtime_ns: int) -> tuple[HardWord, ...]:
    spec = yaml_files.load(path, _WoordenFile)
    return tuple(HardWord(word=w.word, meaning=w.meaning, forms=tuple(w.forms), accept=tuple(w.accept))
                 for w in spec.words)


def load_woorden(path: Path | str = WOORDEN_PATH) -> tuple[HardWord, ...]:
    """rules/woorden.yaml, re-read when the file changes."""
    p = Path(path)
    return _load_woorden(str(p), p.stat().st_mtime_ns)


def _as_hard_words(woorden: Iterable[HardWord] | Mapping[str, str]) -> tuple[HardWord, ...]:
    if isinstance(woorden, Mapping):
        return tuple(HardWord(word=w, meaning=m) for w, m in woorden.items())
    return tuple(woorden)


@functools.cache
def _pattern(spelling: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in spelling.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def _bracket_at(text: str, i: int) -> tuple[int, int] | None:
    """(start, end) of the balanced "( … )" that opens at text[i], nested brackets allowed."""
    if i >= len(text) or text[i] != "(":
        return None
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return i, j + 1
    return None


# Between the word and its meaning: a closing quote and the verb that goes with it
# ("bezwaar maken (…)", "kwijtschelding aanvragen (…)", "in beroep gaan (…)").
_VERBS = ("maken|instellen|doen|leggen|gelegd|aantekenen|indienen|krijgen|vragen|aanvragen|gaan"
          "|aan|voeren|heet|heten|genoemd")
_GAP = re.compile(rf"""["'’”]?(?:\s+(?:{_VERBS}))?["'’”]?[ \t]*""", re.IGNORECASE)
_DASH = re.compile(rf"""["'’”]?(?:\s+(?:{_VERBS}))?(?:\s+[-–—]\s+|\s*:\s*)([^.!?\n()]*)""",
                   re.IGNORECASE)


def _explanation(text: str, start: int, end: int, hw: HardWord) -> tuple[int, int] | None:
    """Where the meaning of the word at text[start:end] stands, or None if it is not explained.

    Accepted: "beslag (geld of spullen afpakken)", "beslag – geld afpakken", "beslag: geld
    afpakken", and the meaning first with the word in brackets: "geld afpakken (beslag)".
    """
    gap = _GAP.match(text, end)
    span = _bracket_at(text, gap.end() if gap else end)
    if span and hw.explained_by(text[span[0] + 1:span[1] - 1]):
        return span
    dash = _DASH.match(text, end)
    if dash and hw.explained_by(dash.group(1)):
        return dash.start(1), dash.end(1)
    before = text[:start]
    opener = re.search(r"\(\s*(?:de|het|een)?\s*$", before, re.IGNORECASE)
    if opener and re.match(r"\s*\)", text[end:]):
        sentence_start = max(before.rfind(". "), before.rfind("\n"), -1) + 1
        if hw.explained_by(before[sentence_start:opener.start()]):
            return sentence_start, opener.start()
    return None


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word inside a name ("Incassobureau Noord B.V.", "Dienst Toeslagen") is a name.

    Capitalised mid-sentence, or followed by another capitalised word.
    """
    if not text[start:start + 1].isupper():
        return False
    sentence_start = re.search(r"(?:^|[.!?:]\s+|\n)\W*$", text[:start]) is not None
    next_cap = re.match(r"\s+[A-Z]", text[end:]) is not None
    return not sentence_start or next_cap


def hard_words(text: str, woorden: Iterable[HardWord] | Mapping[str, str]) -> list[str]:
    """Hard words whose FIRST use in `text` is not followed by their plain meaning.

    Longer entries win over the words inside them: "administratief beroep" is one word here, and
    the "beroep" inside it is not checked again. A hard word inside another word's explanation
    ("dwangbevel (bevel om te betalen, daarna beslag)") does not count as a use.
    """
    entries = sorted(_as_hard_words(woorden), key=lambda h: -max(len(s) for s in h.spellings))
    found: list[tuple[int, int, HardWord]] = []
    for hw in entries:
        for spelling in sorted(hw.spellings, key=len, reverse=True):
            for m in _pattern(spelling).finditer(text):
                if not any(m.start() < e and s < m.end() for s, e, _ in found):
                    found.append((m.start(), m.end(), hw))
    found = [f for f in found if not _in_name(text, f[0], f[1])]
    found.sort(key=lambda f: f[0])
    explained = {i: _explanation(text, s, e, hw) for i, (s, e, hw) in enumerate(found)}
    spans = [sp for sp in explained.values() if sp is not None]
    seen: set[str] = set()
    bad: list[str] = []
    for i, (s, e, hw) in enumerate(found):
        if hw.word in seen or any(a <= s and e <= b for a, b in spans):
            continue
        seen.add(hw.word)
        if explained[i] is None:
            bad.append(hw.word)
    return bad


def formal_you(text: str) -> list[str]:
    """Uses of the formal "u"/"uw": we write "je"/"jij"/"jouw"."""
    return [m.group(0) for m in _FORMAL.finditer(text)]


def problems(
    text: str,
    woorden: Iterable[HardWord] | Mapping[str, str] | None = None,
    *,
    max_avg: float = MAX_AVG_SENTENCE_WORDS,
    max_sentence: int = MAX_SENTENCE_WORDS,
    min_douma: float = MIN_FLESCH_DOUMA,
) -> list[str]:
    """Every B1 rule `text` breaks, as short English lines for a test report or a rule author."""
    out: list[str] = []
    s = score(text)
    if s["avg_sentence_words"] > max_avg:
        out.append(f"average sentence {s['avg_sentence_words']} words > {max_avg}")
    if s["max_sentence_words"] > max_sentence:
        out.append(
            f"sentence of {s['max_sentence_words']} words > {max_sentence}: "
            f"{s['longest_sentence']!r}"
        )
    if s["flesch_douma"] < min_douma:
        out.append(f"Flesch-Douma {s['flesch_douma']} < {min_douma}")
    hard = hard_words(text, load_woorden() if woorden is None else woorden)
    if hard:
        out.append("hard words without their meaning: " + ", ".join(hard))
    formal = formal_you(text)
    if formal:
        out.append("formal 'u' instead of 'je': " + ", ".join(sorted(set(formal))))
    return out


def long_sentences(text: str, limit: int = MAX_SENTENCE_WORDS) -> Sequence[str]:
    """The sentences over `limit` words (masked), to show a rule author what to split."""
    return [s for s in sentences(mask(text)) if len(words(s)) > limit]


def explanation_text(e: Explanation) -> str:
    """The answer as the resident reads it, one section or step per line (what the B1 test checks)."""
    parts = [e.summary, *e.what_to_do, e.deadline_text, e.amount_text, e.if_you_do_nothing, e.objection]
    return "\n".join(p for p in parts if p)


_WRAPPED = re.compile(r"(?<![.!?:;])[ \t]*\n[ \t]*(?=[a-zà-ÿ(€])")


def unwrap(text: str) -> str:
    """Join a sentence that a letter wraps over lines: a line without end punctuation followed by
    a line that starts in lower case. Without this every printed line would count as a sentence
    (`mask` ends each line), and a letter would look far easier than it is."""
    return _WRAPPED.sub(" ", text)


def reading_ease(letter_pages: Sequence[str], e: Explanation) -> ReadingEase:
    """The letter's Flesch-Douma beside our answer's, by `score` on both (after `unwrap`).

    `letter_pages` must already have every BSN masked; the score holds no letter text.
    """
    from .result import ReadingEase

    letter = score(unwrap("\n\n".join(letter_pages)))
    ours = score(unwrap(explanation_text(e)))
    return ReadingEase(
        letter=letter["flesch_douma"] if letter["words"] else None,
        answer=ours["flesch_douma"] if ours["words"] else None,
        letter_avg_sentence_words=letter["avg_sentence_words"] if letter["words"] else None,
        answer_avg_sentence_words=ours["avg_sentence_words"] if ours["words"] else None,
    )
