"""Kind cues as rule data (#18): one named regex that several kind files score with, each with
its own id and weight ("nog niet betaald", "teruggeboekt", "Nog te betalen:", "maak … over
naar NL…" count for the incassobureau, the landlord, the energy supplier, the insurer and the
bailiff alike). A kind file names it in its `match.regex` list as `{id: …, cue: unpaid,
weight: …}` instead of writing the regex again, so the copies cannot drift apart.

rules/phrasings/kind-cues.yaml holds them; a team folder's phrasings/kind-cues.yaml is read
too (its cues first, and its kinds may use the shipped ones). The regex runs on the classifier's
normalised text (lower case, accents folded, whitespace as one space), like a kind's own
regexes. `snapdebrief rules test` runs every example (it must match) and every not_example
(it must not).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .files import (
    Example,
    ExampleFailure,
    Id,
    Regex,
    joined_regex,
    phrasing_files,
    read_labels,
    run_held_examples,
    signature,
)

KIND_CUES_FILE = "kind-cues.yaml"


class _CueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)
    not_examples: list[Example] = Field(default_factory=list)


class _KindCuesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    cues: list[_CueSpec]


@dataclass(frozen=True)
class KindCue:
    id: str
    regex: str  # as the kind files' regexes are written: for normalised text
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None

    @property
    def role(self) -> str:
        """The name the rules CLI's report uses for every family."""
        return self.id


@dataclass(frozen=True)
class KindCues:
    cues: tuple[KindCue, ...]

    def get(self, cue_id: str) -> KindCue | None:
        return next((c for c in self.cues if c.id == cue_id), None)


def kind_cue_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The kind-cue files: each team folder's first, then the shipped one."""
    return phrasing_files(KIND_CUES_FILE, dirs)


def load_kind_cues(dirs: Sequence[Path | str] = ()) -> KindCues:
    """All kind cues, cached until a file changes (keyed on path, mtime and size)."""
    return _load(signature(kind_cue_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> KindCues:
    def build(spec: _CueSpec, pattern: str, path: str, line: int) -> KindCue:
        return KindCue(spec.id, pattern, tuple(spec.examples), tuple(spec.not_examples), path, line)

    return KindCues(tuple(read_labels(signature_, _KindCuesFile, "", build, joined_regex, items="cues")))


def run_kind_cue_examples(cues: KindCues) -> tuple[int, list[ExampleFailure]]:
    """Every example must match its cue on the classifier's normalised text, every not_example
    must not."""
    from ..classify import normalize  # classify imports the rules, which import this module

    compiled = {c.id: re.compile(c.regex) for c in cues.cues}
    return run_held_examples(cues.cues,
                             lambda cue, ex: bool(compiled[cue.id].search(normalize(ex).text)),
                             lambda cue: cue.id)
