"""Amount tags as rule data (#18): what the words of an amount's label or line say about it
beyond its role ("BTW over de incassokosten" → btw; "Kosten betekening dagvaarding" → costs of
a court or bailiff, outside the WIK scale). Found once by the fields stage and kept on the
Amount (`Amount.tags`): the explainers read the tags and hold no regex over the letter.

rules/phrasings/amount-tags.yaml holds them; a team folder's phrasings/amount-tags.yaml is read
too (its tags first). `snapdebrief rules test` runs every example (a line whose amount must get
the tag, through the real amount finder) and every counter-example (must not).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..result import Amount
from .files import (
    Example,
    ExampleFailure,
    I,
    Id,
    Regex,
    joined_regex,
    phrasing_files,
    read_labels,
    run_held_examples,
    signature,
)

AMOUNT_TAGS_FILE = "amount-tags.yaml"


# the tags the program reads (a team adds words for them under ids of its own)
TagName = Literal["btw", "buiten-wik"]


class _TagSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    tag: TagName
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)
    not_examples: list[Example] = Field(default_factory=list)


class _AmountTagsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    tags: list[_TagSpec]


@dataclass(frozen=True)
class AmountTag:
    id: str
    tag: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None

    @property
    def role(self) -> str:
        """The name the rules CLI's report uses for every family."""
        return self.id


@dataclass(frozen=True)
class AmountTags:
    tags: tuple[AmountTag, ...]


def amount_tag_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    return phrasing_files(AMOUNT_TAGS_FILE, dirs)


def load_amount_tags(dirs: Sequence[Path | str] = ()) -> AmountTags:
    """All amount tags, cached until a file changes."""
    return _load(signature(amount_tag_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> AmountTags:
    def build(spec: _TagSpec, pattern: str, path: str, line: int) -> AmountTag:
        return AmountTag(spec.id, spec.tag, re.compile(pattern, I), tuple(spec.examples),
                         tuple(spec.not_examples), path, line)

    return AmountTags(tuple(read_labels(signature_, _AmountTagsFile, "", build, joined_regex, items="tags")))


def tagged(amounts: Sequence[Amount], tags: AmountTags) -> tuple[Amount, ...]:
    """Each amount with the tags whose words stand in its label or its line."""
    out = []
    for a in amounts:
        words = f"{a.label or ''} {a.text or ''}"
        ids = tuple(dict.fromkeys(t.tag for t in tags.tags if t.pattern.search(words)))
        out.append(replace(a, tags=ids) if ids else a)
    return tuple(out)


def run_amount_tag_examples(tags: AmountTags) -> tuple[int, list[ExampleFailure]]:
    """Every example line's amount, found by the real amount finder, must get its tag; every
    counter-example's must not."""
    from ..fields.money import find_amounts  # the finder's stage imports this module

    def holds(tag: AmountTag, ex: str) -> bool | None:
        found = tagged(find_amounts([ex]), AmountTags((tag,)))
        return all(tag.tag in a.tags for a in found) if found else None

    return run_held_examples(tags.tags, holds, lambda tag: tag.tag)
