"""What every phrasing family shares: where its files are, when the cache is stale, the label
regex check, and the {macro} fill-in.

A family is one YAML file name under `phrasings/` (date-labels.yaml, amount-labels.yaml). Each
team folder's file is tried before the shipped one, so a team's own phrasing wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar, cast

from pydantic import BaseModel, StringConstraints

from .. import rule_cache, yaml_files
from ..errors import RuleFileError
from ..resources import rules_dir
from ..rules import probe_regex
from ..yaml_files import line_of, node_at

T = TypeVar("T")


@dataclass(frozen=True)
class ExampleFailure:
    """An example that `snapdebrief rules test` ran through its finder and that failed."""

    label: Any  # the family's label (its id, role or kind, path and line)
    example: str
    got: str | None  # what the finder gave (a role or kind), None when it found nothing
    matched: bool  # whether the label's own regex stands in the example

PHRASINGS_DIR = "phrasings"
I = re.IGNORECASE
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Regex = Annotated[str, StringConstraints(min_length=1, max_length=1500)]
Example = Annotated[str, StringConstraints(min_length=3)]
_MACRO = re.compile(r"\{([a-z_]+)\}")
# A label is matched against a label cell or the text before a value (≤ 120 characters): the
# long probe input is that size, and the regex must stay fast on it. The shipped labels take at
# most ~4 ms there on an idle machine; 50 ms (best of three) leaves room for a loaded CI
# machine (a fresh clone probes every label once) while a regex that explodes still fails.
_LABEL_CHARS = 120
_PROBE_LIMIT_S = 0.05


def phrasing_files(name: str, dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The files of one family: each team folder's first (tried first), then the shipped one."""
    shipped = rules_dir() / PHRASINGS_DIR / name
    extra = [Path(d).expanduser() / PHRASINGS_DIR / name for d in dirs]
    out: list[Path] = []
    for p in [*reversed(extra), shipped]:
        p = p.resolve()
        if p.is_file() and p not in out:
            out.append(p)
    return out


def signature(files: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of each file: the key a family's cache is held under."""
    out = []
    for p in files:
        st = p.stat()
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def fill_macros(path: Path, line: int, regex: str, macros: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in macros:
            raise RuleFileError(str(path), line, f"unknown macro {{{m.group(1)}}}",
                                "use one of " + ", ".join(sorted(macros)) if macros else "define it under macros")
        return macros[m.group(1)]

    return _MACRO.sub(one, regex)


@functools.lru_cache(maxsize=1024)
def regex_problem(pattern: str, tail: str) -> tuple[str, str] | None:
    """(problem, fix) for a label regex as the finder searches with it (`tail` follows the label:
    what may stand between it and the value), else None; a regex that passed is remembered on
    disk (rule_cache.py), so a new process does not probe it again."""
    key = f"label:{tail}:{pattern}"
    if rule_cache.CACHE.checked(key):
        return None
    problem = _probe(pattern, tail)
    if problem is None:
        rule_cache.CACHE.mark_checked(key)
    return problem


def _probe(pattern: str, tail: str) -> tuple[str, str] | None:
    try:
        re.compile(rf"(?:{pattern})", I)
        at_end = re.compile(rf"(?:^|[^\w])(?:{pattern}){tail}$", I)
    except re.error as e:
        return f"regex does not compile: {e}", "check brackets and backslashes"
    slow = probe_regex(at_end, long_chars=_LABEL_CHARS, long_limit=_PROBE_LIMIT_S)
    if slow:
        return f"regex is too slow: {slow}", "remove nested repetitions such as (a+)+ or (\\s+\\w+)*"
    return None


def run_held_examples(items: Sequence[Any], holds: Callable[[Any, str], bool | None],
                      name: Callable[[Any], str]) -> tuple[int, list[ExampleFailure]]:
    """For the families an example holds or not (letter facts, amount tags): every example must
    hold its item, every not_example must not; `holds` gives None when the finder found nothing
    to judge (a failure either way). Returns (examples run, failures)."""
    failures: list[ExampleFailure] = []
    n = 0
    for item in items:
        for ex, want in [(e, True) for e in item.examples] + [(e, False) for e in item.not_examples]:
            n += 1
            got = holds(item, ex)
            if got is None or got != want:
                failures.append(ExampleFailure(item, ex, name(item) if got else None, bool(got)))
    return n, failures


def joined_regex(spec: Any) -> str:
    """A spec's `regex` as one regex: a string as it is, a list as alternatives."""
    regex = spec.regex
    return regex if isinstance(regex, str) else "|".join(f"(?:{r})" for r in regex)


class LabelFile(Protocol):
    macros: dict[str, str]


def read_labels(signature_: tuple[tuple[str, int, int], ...], model: type[BaseModel], tail: str,
                build: Callable[[Any, str, str, int], T],
                joined: Callable[[Any], str] = str, items: str = "labels",
                regex_key: str = "regex") -> list[T]:
    """The labels of one family from its files (named in `signature_`, team files first), in the
    order they are tried: a team's labels before the shipped ones. Each file through the one
    strict YAML reader; ids unique over all files; every regex checked as the finder uses it.
    `build(spec, pattern with macros filled, path, line)` makes the family's label; `joined`
    makes one regex of a spec's `regex` (a family may allow a list of alternatives); `items`
    is the key of the file's list, `regex_key` that of an item's regex (for error lines)."""
    out: list[T] = []
    seen: dict[str, str] = {}
    shipped_macros: dict[str, str] = {}
    files = [Path(p) for p, _, _ in signature_]
    for path in reversed(files):  # shipped first: its macros serve every team file too
        data, root = yaml_files.parse(path)
        spec = cast(LabelFile, yaml_files.check(path, data, root, model))
        if not shipped_macros:
            shipped_macros = dict(spec.macros)
        macros = {**shipped_macros, **spec.macros}
        own: list[T] = []
        for i, lab in enumerate(getattr(spec, items)):
            line = line_of(node_at(root, (items, i, "id"))[0])
            if lab.id in seen:
                raise RuleFileError(str(path), line, f"label id {lab.id!r} is used already ({seen[lab.id]})",
                                    "give it an id of its own")
            seen[lab.id] = f"{path.name}:{line}"
            pattern = fill_macros(path, line, joined(lab), macros)
            problem = regex_problem(pattern, tail)
            if problem:
                raise RuleFileError(str(path), line_of(node_at(root, (items, i, regex_key))[0]),
                                    f"label {lab.id!r}: {problem[0]}", problem[1])
            own.append(build(lab, pattern, str(path), line))
        out[:0] = own
    rule_cache.CACHE.save()
    return out
