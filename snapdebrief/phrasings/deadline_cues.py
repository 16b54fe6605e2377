"""Deadline cues as rule data (#18): the words near a date that say what the reader must do by
then ("Betaal …" → pay_by, "Stuur … terug" → send_by, "bezwaar" → object_by), and the words
that make a date in their sentence a meeting ("gesprek", "hoorzitting" → appointment).

rules/phrasings/deadline-cues.yaml holds them; a team folder's phrasings/deadline-cues.yaml is
read too (its cues first). The date finder takes the cues in force through its page context, and
`snapdebrief rules test` runs every example through it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .files import Example, ExampleFailure, I, Id, Regex, phrasing_files, read_labels, signature

DEADLINE_CUES_FILE = "deadline-cues.yaml"
# a cue is searched for anywhere in a clause; the probe input ends right after it
_TAIL = r"\W*"

CueRole = Literal["pay_by", "send_by", "respond_by", "object_by", "appointment"]


class _CueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    role: CueRole
    penalty: int = Field(0, ge=-100, le=100)
    words: list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)


class _CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    cues: list[_CueSpec]


@dataclass(frozen=True)
class DeadlineCue:
    id: str
    role: str
    pattern: re.Pattern[str]
    penalty: int  # characters added to the cue's distance from the date
    examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class DeadlineCues:
    """The cues of an action (the nearest one names a deadline's action) and the meeting words
    (any of them in a date's sentence makes it an appointment, unless an action says otherwise)."""

    cues: tuple[DeadlineCue, ...]
    meetings: tuple[DeadlineCue, ...] = ()
    meeting: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        words = "|".join(f"(?:{c.pattern.pattern})" for c in self.meetings) or r"(?!x)x"
        object.__setattr__(self, "meeting", re.compile(words, I))


def deadline_cue_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The deadline-cue files: each team folder's first, then the shipped one."""
    return phrasing_files(DEADLINE_CUES_FILE, dirs)


def load_deadline_cues(dirs: Sequence[Path | str] = ()) -> DeadlineCues:
    """All deadline cues, cached until a file changes (keyed on path, mtime and size)."""
    return _load(signature(deadline_cue_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> DeadlineCues:
    def build(cue: _CueSpec, pattern: str, path: str, line: int) -> DeadlineCue:
        return DeadlineCue(cue.id, cue.role, re.compile(rf"\b(?:{pattern})\b", I), cue.penalty,
                           tuple(cue.examples), path, line)

    every = read_labels(signature_, _CueFile, _TAIL, build, _joined, items="cues", regex_key="words")
    return DeadlineCues(tuple(c for c in every if c.role != "appointment"),
                        tuple(c for c in every if c.role == "appointment"))


def _joined(cue: _CueSpec) -> str:
    return "|".join(f"(?:{w})" for w in cue.words)


def run_cue_examples(cues: DeadlineCues) -> tuple[int, list[ExampleFailure]]:
    """Every example of every cue (meeting words too) through the real date finder: its first
    date must get the cue's role, and one of the cue's words must stand in it. Returns (run,
    failures)."""
    from ..fields.dates import find_dates, page_dates  # the finder imports this module

    failures: list[ExampleFailure] = []
    n = 0
    for cue in cues.cues + cues.meetings:
        for ex in cue.examples:
            n += 1
            found = find_dates([ex], page_dates([ex], cues=cues))
            got = found[0].role if found else None
            matched = bool(cue.pattern.search(ex))
            if got != cue.role or not matched:
                failures.append(ExampleFailure(cue, ex, got, matched))
    return n, failures

