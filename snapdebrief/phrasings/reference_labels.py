"""Reference labels as rule data (#18): the words before a number that say what it is
("Betalingskenmerk" → the payment reference, "Dossiernummer", "Factuur: F-118").

rules/phrasings/reference-labels.yaml holds them; a team folder's phrasings/reference-labels.yaml
is tried first. The reference finder (fields/ids.py) takes the labels in force as an argument,
and `snapdebrief rules test` runs every example through it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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

REFERENCE_LABELS_FILE = "reference-labels.yaml"
_TAIL = r"[\s:]*"

# a kind of number ("dossiernummer", "huurnummer"), or @noun / @word (taken from the words)
Kind = Annotated[str, StringConstraints(pattern=r"^(?:@noun|@word|[a-z][a-z0-9-]{1,40})$")]


class _LabelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    kind: Kind
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)


class _ReferenceLabelFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    labels: list[_LabelSpec]


@dataclass(frozen=True)
class ReferenceLabel:
    id: str
    kind: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None

    @property
    def role(self) -> str:
        """The kind, under the name the rules CLI's report uses for every family."""
        return self.kind


@dataclass(frozen=True)
class ReferenceLabels:
    """The labels in the order they are tried, and all of them as one regex (group k<n> is the
    n-th label), so the finder reads a page once."""

    labels: tuple[ReferenceLabel, ...]
    any: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "any", re.compile(
            "|".join(f"(?P<k{n}>{lab.pattern.pattern})" for n, lab in enumerate(self.labels)), I))

    def label_of(self, m: re.Match[str]) -> ReferenceLabel:
        assert m.lastgroup is not None
        return self.labels[int(m.lastgroup[1:])]


def reference_label_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The reference-label files: each team folder's first (tried first), then the shipped one."""
    return phrasing_files(REFERENCE_LABELS_FILE, dirs)


def load_reference_labels(dirs: Sequence[Path | str] = ()) -> ReferenceLabels:
    """All reference labels, cached until a file changes (keyed on path, mtime and size)."""
    return _load(signature(reference_label_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> ReferenceLabels:
    def build(lab: _LabelSpec, pattern: str, path: str, line: int) -> ReferenceLabel:
        return ReferenceLabel(lab.id, lab.kind, re.compile(pattern, I), tuple(lab.examples), path, line)

    return ReferenceLabels(tuple(read_labels(signature_, _ReferenceLabelFile, _TAIL, build, joined_regex)))



def run_reference_label_examples(labels: ReferenceLabels) -> tuple[int, list[ExampleFailure]]:
    """Every example of every label through the real reference finder: it must give a
    reference of the label's kind (for @noun / @word: of the kind the words name), and the
    label's own regex must stand in the example. Returns (examples run, failures)."""
    from ..fields.ids import find_references  # the finder imports this module

    failures: list[ExampleFailure] = []
    n = 0
    for lab in labels.labels:
        for ex in lab.examples:
            n += 1
            found = find_references([ex], labels)
            got = found[0].kind if found else None
            matched = bool(lab.pattern.search(ex))
            if lab.kind.startswith("@"):
                ok = got is not None and got.endswith("nummer")
                got = lab.kind if ok else got
            if got != lab.kind or not matched:
                failures.append(ExampleFailure(lab, ex, got, matched))
    return n, failures

