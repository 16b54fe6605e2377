"""Term words as rule data (#18): how a letter gives a term instead of a date — a lead that
opens it ("binnen", "U hebt daarvoor"), and an anchor after its unit that says from when it
counts ("na ontvangst van deze brief" → receipt, "na dagtekening" → letter_date).

rules/phrasings/term-words.yaml holds them; a team folder's phrasings/term-words.yaml is read
too (its words first). The term finder (fields/terms.py) takes the words in force as an
argument, and `snapdebrief rules test` runs every example through it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .files import (
    Example,
    ExampleFailure,
    I,
    Id,
    Regex,
    joined_regex,
    phrasing_files,
    read_labels,
    signature,
)

TERM_WORDS_FILE = "term-words.yaml"
# a number and its unit follow a lead; an anchor follows the unit
_LEAD_TAIL = r"\s*14\s+dagen"
_ANCHOR_TAIL = r""

Basis = Literal["receipt", "letter_date"]


class _LeadSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)


class _AnchorSpec(_LeadSpec):
    basis: Basis


class _TermWordsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    leads: list[_LeadSpec] = Field(default_factory=list)
    anchors: list[_AnchorSpec] = Field(default_factory=list)


@dataclass(frozen=True)
class TermWord:
    id: str
    role: str  # "lead", or an anchor's basis (what the rules CLI's report names)
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class TermWords:
    """The leads and anchors in the order they are tried, and the finder's patterns of them."""

    leads: tuple[TermWord, ...]
    anchors: tuple[TermWord, ...]
    lead: re.Pattern[str] = field(init=False)  # any lead (its text, for the term's pattern)
    receipt: re.Pattern[str] = field(init=False)  # an anchor counted from receipt, at a position
    letter: re.Pattern[str] = field(init=False)  # an anchor counted from the letter's date

    def __post_init__(self) -> None:
        def joined(words: Sequence[TermWord]) -> str:
            return "|".join(f"(?:{w.pattern.pattern})" for w in words) or r"(?!x)x"

        object.__setattr__(self, "lead", re.compile(joined(self.leads), I))
        object.__setattr__(self, "receipt", re.compile(
            joined([a for a in self.anchors if a.role == "receipt"]), I))
        object.__setattr__(self, "letter", re.compile(
            joined([a for a in self.anchors if a.role == "letter_date"]), I))

    @property
    def labels(self) -> tuple[TermWord, ...]:
        return self.leads + self.anchors


def term_word_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    return phrasing_files(TERM_WORDS_FILE, dirs)


def load_term_words(dirs: Sequence[Path | str] = ()) -> TermWords:
    """All term words, cached until a file changes."""
    return _load(signature(term_word_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> TermWords:
    def lead(spec: _LeadSpec, pattern: str, path: str, line: int) -> TermWord:
        return TermWord(spec.id, "lead", re.compile(pattern, I), tuple(spec.examples), path, line)

    def anchor(spec: _AnchorSpec, pattern: str, path: str, line: int) -> TermWord:
        return TermWord(spec.id, spec.basis, re.compile(pattern, I), tuple(spec.examples), path, line)

    leads = read_labels(signature_, _TermWordsFile, _LEAD_TAIL, lead, joined_regex, items="leads")
    anchors = read_labels(signature_, _TermWordsFile, _ANCHOR_TAIL, anchor, joined_regex, items="anchors")
    return TermWords(tuple(leads), tuple(anchors))


def run_term_word_examples(words: TermWords) -> tuple[int, list[ExampleFailure]]:
    """Every example through the real term finder (letter date 5 January 2026): it must give a
    term — for an anchor, counted from the anchor's basis — and the item's own regex must stand
    in it. Returns (examples run, failures)."""
    from ..fields.terms import find_relative_terms  # the finder imports this module

    failures: list[ExampleFailure] = []
    n = 0
    for word in words.labels:
        for ex in word.examples:
            n += 1
            found = find_relative_terms([ex], date(2026, 1, 5), words=words)
            got = found[0].basis if found else None
            if word.role == "lead":
                got = "lead" if found else None
            matched = bool(word.pattern.search(ex))
            if got != word.role or not matched:
                failures.append(ExampleFailure(word, ex, got, matched))
    return n, failures
