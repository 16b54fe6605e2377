"""Phrasings as rule data (#18): the words the finders look for, read from rules/phrasings/.

The first family is the date labels (rules/phrasings/date-labels.yaml): what a word before or
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
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from . import rule_cache, yaml_files
from .errors import RuleFileError
from .resources import rules_dir
from .rules import probe_regex
from .yaml_files import line_of, node_at

DATE_LABELS_FILE = "date-labels.yaml"
PHRASINGS_DIR = "phrasings"

DateRole = Literal["letter_date", "pay_by", "respond_by", "send_by", "object_by", "appointment",
                   "invoice", "earlier_letter", "birth", "period", "other"]
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
_MACRO = re.compile(r"\{([a-z_]+)\}")
_I = re.IGNORECASE
# A label is matched against a label cell (≤ 60 characters) or the text before a date (≤ 120):
# the long probe input is that size, and the regex must stay fast on it.
_LABEL_CHARS = 120
_PROBE_LIMIT_S = 0.02


class _LabelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: _Id
    role: DateRole
    anchored: bool = False
    regex: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    examples: list[Annotated[str, StringConstraints(min_length=3)]] = Field(min_length=1)


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


def phrasing_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The date-label files: each team folder's first (tried first), then the shipped one."""
    shipped = rules_dir() / PHRASINGS_DIR / DATE_LABELS_FILE
    extra = [Path(d).expanduser() / PHRASINGS_DIR / DATE_LABELS_FILE for d in dirs]
    out: list[Path] = []
    for p in [*reversed(extra), shipped]:
        p = p.resolve()
        if p.is_file() and p not in out:
            out.append(p)
    return out


def load_date_labels(dirs: Sequence[Path | str] = ()) -> DateLabels:
    """All date labels, cached until a file changes (keyed on path, mtime and size)."""
    sig = []
    for p in phrasing_files(dirs):
        st = p.stat()
        sig.append((str(p), st.st_mtime_ns, st.st_size))
    return _load(tuple(sig))


@functools.lru_cache(maxsize=8)
def _load(signature: tuple[tuple[str, int, int], ...]) -> DateLabels:
    labels: list[DateLabel] = []
    seen: dict[str, str] = {}
    shipped_macros: dict[str, str] = {}
    files = [Path(p) for p, _, _ in signature]
    # the shipped file's macros are there for every team file too
    for path in reversed(files):
        data, root = yaml_files.parse(path)
        spec = yaml_files.check(path, data, root, _DateLabelFile)
        if not shipped_macros:
            shipped_macros = dict(spec.macros)
        macros = {**shipped_macros, **spec.macros}
        own: list[DateLabel] = []
        for i, lab in enumerate(spec.labels):
            line = line_of(node_at(root, ("labels", i, "id"))[0])
            if lab.id in seen:
                raise RuleFileError(str(path), line, f"label id {lab.id!r} is used already ({seen[lab.id]})",
                                    "give it an id of its own")
            seen[lab.id] = f"{path.name}:{line}"
            pattern = _fill(path, line, lab.regex, macros)
            problem = _regex_problem(pattern)
            if problem:
                raise RuleFileError(str(path), line_of(node_at(root, ("labels", i, "regex"))[0]),
                                    f"label {lab.id!r}: {problem[0]}", problem[1])
            own.append(DateLabel(lab.id, lab.role, pattern, lab.anchored, tuple(lab.examples),
                                 str(path), line))
        labels[:0] = own  # files were read shipped first; a team's labels go in front
    rule_cache.CACHE.save()
    return DateLabels(tuple(labels))


def _fill(path: Path, line: int, regex: str, macros: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in macros:
            raise RuleFileError(str(path), line, f"unknown macro {{{m.group(1)}}}",
                                "use one of " + ", ".join(sorted(macros)) if macros else "define it under macros")
        return macros[m.group(1)]

    return _MACRO.sub(one, regex)


@functools.lru_cache(maxsize=1024)
def _regex_problem(pattern: str) -> tuple[str, str] | None:
    """(problem, fix) for a label regex, else None; a regex that passed is remembered on disk
    (rule_cache.py), so a new process does not probe it again."""
    key = "date-label:" + pattern
    if rule_cache.CACHE.checked(key):
        return None
    problem = _probe(pattern)
    if problem is None:
        rule_cache.CACHE.mark_checked(key)
    return problem


def _probe(pattern: str) -> tuple[str, str] | None:
    try:
        re.compile(rf"(?:{pattern})", _I)
        # the form the finder searches with: the end of the text before a date
        tail = re.compile(rf"(?:^|[^\w])(?:{pattern})\s*(?::|\bis\b)?\s*$", _I)
    except re.error as e:
        return f"regex does not compile: {e}", "check brackets and backslashes"
    slow = probe_regex(tail, long_chars=_LABEL_CHARS, long_limit=_PROBE_LIMIT_S)
    if slow:
        return f"regex is too slow: {slow}", "remove nested repetitions such as (a+)+ or (\\s+\\w+)*"
    return None


@dataclass(frozen=True)
class LabelFailure:
    label: DateLabel
    example: str
    got: str | None  # the role the date finder gave, None when it found no date
    matched: bool  # whether the label's own regex stands in the example


def run_label_examples(labels: DateLabels) -> tuple[int, list[LabelFailure]]:
    """Every example of every label through the real date finder: its first date must get the
    label's role, and the label's own regex must stand in it (so the example shows this label,
    not another one that happens to give the same role). Returns (examples run, failures)."""
    from .fields.dates import _norm, find_dates, page_dates  # the finder imports this module

    failures: list[LabelFailure] = []
    n = 0
    for lab in labels.labels:
        own = labels.regex_of(lab.id)
        for ex in lab.examples:
            n += 1
            found = find_dates([ex], page_dates([ex], labels))
            got = found[0].role if found else None
            matched = bool(own.search(_norm(ex)))
            if got != lab.role or not matched:
                failures.append(LabelFailure(lab, ex, got, matched))
    return n, failures
