"""Date labels as rule data (#18), the first phrasing family.

The date labels (rules/phrasings/date-labels.yaml): what a word before or
above a date says the date is ("Uiterste betaaldatum" → pay_by). A rules team adds one in its
own folder's phrasings/date-labels.yaml (SNAPDEBRIEF_RULES, --rules) and the date finder uses it
with no code change; its labels are tried before the shipped ones. Every file goes through the
one strict YAML reader (yaml_files.py), and every label carries examples that
`snapdebrief rules test` runs through the real date finder.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .files import Example, ExampleFailure, Id, Regex, phrasing_files, read_labels, signature
from .files import I as _I

DATE_LABELS_FILE = "date-labels.yaml"
# what may stand between a date label and its date: the finder's tail form
_TAIL = r"\s*(?::|\bis\b)?\s*"

DateRole = Literal["letter_date", "pay_by", "respond_by", "send_by", "object_by", "appointment",
                   "invoice", "earlier_letter", "birth", "period", "other"]


class _LabelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    role: DateRole
    anchored: bool = False
    regex: Regex
    examples: list[Example] = Field(min_length=1)


class _DateLabelFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    labels: list[_LabelSpec]


@dataclass(frozen=True)
class DateLabel:
    id: str
    role: str
    pattern: str  # macros filled in
    anchored: bool
    examples: tuple[str, ...]
    path: str
    line: int | None


@dataclass(frozen=True)
class DateLabels:
    """The labels in the order they are tried, and their two compiled forms."""

    labels: tuple[DateLabel, ...]
    # (role, regex) for a whole label cell ("Uiterste betaaldatum:")
    full: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False)
    # (role, regex) for the end of the text before a date ("… onze brief van"); unanchored only
    tail: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "full", tuple(
            (lab.role, re.compile(rf"(?:{lab.pattern})", _I)) for lab in self.labels))
        object.__setattr__(self, "tail", tuple(
            # "De vervaldatum van deze aanmaning is 18 november": the paper it belongs to between
            (lab.role, re.compile(rf"(?:^|[^\w])(?:{lab.pattern})(?:\s+(?:van|bij|voor)\s+(?:deze|dit|uw|je)"
                                  rf"\s+[\w-]+)?\s*(?::|\bis\b|\bwas\b)?\s*(?:op\s+)?$", _I))
            for lab in self.labels if not lab.anchored))

    def regex_of(self, label_id: str) -> re.Pattern[str]:
        lab = next(lab for lab in self.labels if lab.id == label_id)
        return re.compile(rf"(?:{lab.pattern})", _I)


def date_label_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The date-label files: each team folder's first (tried first), then the shipped one."""
    return phrasing_files(DATE_LABELS_FILE, dirs)


def load_date_labels(dirs: Sequence[Path | str] = ()) -> DateLabels:
    """All date labels, cached until a file changes (keyed on path, mtime and size)."""
    return _load(signature(date_label_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> DateLabels:
    def build(lab: _LabelSpec, pattern: str, path: str, line: int) -> DateLabel:
        return DateLabel(lab.id, lab.role, pattern, lab.anchored, tuple(lab.examples), path, line)

    return DateLabels(tuple(read_labels(signature_, _DateLabelFile, _TAIL, build, _regex)))


def _regex(lab: _LabelSpec) -> str:
    return lab.regex


def run_label_examples(labels: DateLabels) -> tuple[int, list[ExampleFailure]]:
    """Every example of every label through the real date finder: its first date must get the
    label's role, and the label's own regex must stand in it (so the example shows this label,
    not another one that happens to give the same role). Returns (examples run, failures)."""
    from ..fields.dates import _norm, find_dates, page_dates  # the finder imports this module

    failures: list[ExampleFailure] = []
    n = 0
    for lab in labels.labels:
        own = labels.regex_of(lab.id)
        for ex in lab.examples:
            n += 1
            found = find_dates([ex], page_dates([ex], labels))
            got = found[0].role if found else None
            matched = bool(own.search(_norm(ex)))
            if got != lab.role or not matched:
                failures.append(ExampleFailure(lab, ex, got, matched))
    return n, failures

