"""Amount labels as rule data (#18): what the words before or above an amount say it is
("Totaal te betalen" → the sum due, "Incassokosten" → costs, "WOZ-waarde" → no debt).

rules/phrasings/amount-labels.yaml holds them; a team folder's phrasings/amount-labels.yaml is
tried first. The amount finder (fields/money.py) takes the labels in force as an argument, and
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

AMOUNT_LABELS_FILE = "amount-labels.yaml"
# what may stand between an amount label and its amount
_TAIL = r"\s*:?\s*"

LabelRole = Literal["total", "principal", "interest", "costs", "fine", "increase", "benefit",
                    "refund", "other"]


class _LabelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    role: LabelRole
    rank: int = Field(0, ge=0, le=3)
    # one regex, or its alternatives one per item (read as one regex joined with |)
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)


class _AmountLabelFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    labels: list[_LabelSpec]


@dataclass(frozen=True)
class AmountLabel:
    id: str
    role: str
    rank: int  # for totals: how specific ("totaal te betalen" beats "totaal"); 0 otherwise
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class AmountLabels:
    """The labels in the order they are tried, and two forms the finder needs besides."""

    labels: tuple[AmountLabel, ...]
    # any label at the start of a line: a row whose bare number ("1.234,56") is an amount
    at_line_start: re.Pattern[str] = field(init=False)
    # the words of money the resident gets (the benefit labels together)
    benefit: re.Pattern[str] = field(init=False)
    # a subtotal's words (the labels with id "subtotaal" or "subtotaal-…"): a row that sums
    # the rows above it under these words is a step, never the sum asked
    subtotal: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        every = "|".join(f"(?:{lab.pattern.pattern})" for lab in self.labels)
        object.__setattr__(self, "at_line_start", re.compile(rf"^\s*(?:[-•*]\s*)?(?:{every})", I))
        benefit = "|".join(f"(?:{lab.pattern.pattern})" for lab in self.labels if lab.role == "benefit")
        object.__setattr__(self, "benefit", re.compile(benefit or r"(?!)", I))
        sub = "|".join(f"(?:{lab.pattern.pattern})" for lab in self.labels
                       if lab.id == "subtotaal" or lab.id.startswith("subtotaal-"))
        object.__setattr__(self, "subtotal", re.compile(sub or r"(?!)", I))


def amount_label_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The amount-label files: each team folder's first (tried first), then the shipped one."""
    return phrasing_files(AMOUNT_LABELS_FILE, dirs)


def load_amount_labels(dirs: Sequence[Path | str] = ()) -> AmountLabels:
    """All amount labels, cached until a file changes (keyed on path, mtime and size)."""
    return _load(signature(amount_label_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> AmountLabels:
    def build(lab: _LabelSpec, pattern: str, path: str, line: int) -> AmountLabel:
        return AmountLabel(lab.id, lab.role, lab.rank if lab.role == "total" else 0,
                           re.compile(pattern, I), tuple(lab.examples), path, line)

    return AmountLabels(tuple(read_labels(signature_, _AmountLabelFile, _TAIL, build, joined_regex)))



def run_amount_label_examples(labels: AmountLabels) -> tuple[int, list[ExampleFailure]]:
    """Every example of every label through the real amount finder: its first amount must get
    the label's role, and the label's own regex must stand in it. Returns (run, failures)."""
    from ..fields.money import find_amounts  # the finder imports this module

    failures: list[ExampleFailure] = []
    n = 0
    for lab in labels.labels:
        for ex in lab.examples:
            n += 1
            found = find_amounts([ex], labels)
            got = found[0].role if found else None
            # a label cell on a line of its own ('Bedrag:' above the amount) and a label that
            # must end right before the amount ('Er blijft dus') count too
            before = ex[:found[0].evidence.start] if found and found[0].evidence else ex
            matched = any(lab.pattern.search(part) for part in (ex, before, *ex.splitlines()))
            if got != lab.role or not matched:
                failures.append(ExampleFailure(lab, ex, got, matched))
    return n, failures

