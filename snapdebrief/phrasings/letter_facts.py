"""Letter facts as rule data (#18): what the answer's texts and the debt ladder need to know of
a letter beyond its fields ("a strafbeschikking", "the title says Tweede aanmaning", "a date for
an executoriale verkoop"), found ONCE by the classify stage and kept in the Result
(`Classification.facts`). Explainers and ui/ read them there and hold no regex over the letter.

rules/phrasings/letter-facts.yaml holds them; a team folder's phrasings/letter-facts.yaml is
read too (its facts first). A fact with `head: true` counts only in the letter's title lines
(the first 40 lines, one line at a time: "Betreft: Tweede aanmaning", not "Dan volgt een tweede
aanmaning"); the others anywhere, in the text with every run of whitespace as one space.
`snapdebrief rules test` runs every example (it must hold the fact) and every counter-example
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
    I,
    Id,
    Regex,
    joined_regex,
    phrasing_files,
    read_labels,
    run_held_examples,
    signature,
)

LETTER_FACTS_FILE = "letter-facts.yaml"
HEAD_LINES = 40  # a letter's title stands near its top


class _FactSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id
    head: bool = False
    regex: Regex | list[Regex] = Field(min_length=1)
    examples: list[Example] = Field(min_length=1)
    not_examples: list[Example] = Field(default_factory=list)


class _LetterFactsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    macros: dict[str, str] = Field(default_factory=dict)
    facts: list[_FactSpec]


@dataclass(frozen=True)
class LetterFact:
    id: str
    head: bool
    pattern: re.Pattern[str]
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None
    # words of which one must stand in the text for the regex to match (classify.required_literals),
    # lower case; None when that can't be told. A cheap `in` test spares most regexes most letters.
    literals: tuple[str, ...] | None = None

    @property
    def role(self) -> str:
        """The name the rules CLI's report uses for every family."""
        return self.id


@dataclass(frozen=True)
class LetterFacts:
    facts: tuple[LetterFact, ...]


def letter_fact_files(dirs: Sequence[Path | str] = ()) -> list[Path]:
    return phrasing_files(LETTER_FACTS_FILE, dirs)


def load_letter_facts(dirs: Sequence[Path | str] = ()) -> LetterFacts:
    """All letter facts, cached until a file changes."""
    return _load(signature(letter_fact_files(dirs)))


@functools.lru_cache(maxsize=8)
def _load(signature_: tuple[tuple[str, int, int], ...]) -> LetterFacts:
    from ..classify import required_literals

    def build(spec: _FactSpec, pattern: str, path: str, line: int) -> LetterFact:
        flags = I | (re.MULTILINE if spec.head else 0)
        lits = required_literals(pattern)
        return LetterFact(spec.id, spec.head, re.compile(pattern, flags), tuple(spec.examples),
                          tuple(spec.not_examples), path, line,
                          tuple(lit.lower() for lit in lits) if lits else None)

    return LetterFacts(tuple(read_labels(signature_, _LetterFactsFile, "", build, joined_regex, items="facts")))



def find_facts(pages: Sequence[str], facts: LetterFacts) -> tuple[tuple[str, int], ...]:
    """(fact id, where it first stands) for every fact the letter holds, in the order they first
    stand; the place is an offset in the whitespace-squashed text (head facts: in the title
    lines), only good for telling which of two facts comes first."""
    flat = " ".join(" ".join(pages).split())
    head = "\n".join("\n".join(pages).splitlines()[:HEAD_LINES])
    lower = {False: flat.lower(), True: head.lower()}
    found: list[tuple[str, int]] = []
    for fact in facts.facts:
        if fact.literals is not None and not any(lit in lower[fact.head] for lit in fact.literals):
            continue
        m = fact.pattern.search(head if fact.head else flat)
        if m is not None:
            found.append((fact.id, m.start()))
    return tuple(sorted(found, key=lambda f: f[1]))


def run_letter_fact_examples(facts: LetterFacts) -> tuple[int, list[ExampleFailure]]:
    """Every example must hold its fact, every counter-example must not (through find_facts)."""
    return run_held_examples(
        facts.facts,
        lambda fact, ex: any(fid == fact.id for fid, _ in find_facts([ex], LetterFacts((fact,)))),
        lambda fact: fact.id)
