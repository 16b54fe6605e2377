"""The explain stage's inputs: the kind's texts (from its rule file) and the explainer contract."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from ..result import Classification, Deadline, Explanation, Fields

Money = Literal["pay", "refund", "none"]


@dataclass(frozen=True)
class TextVariant:
    """Texts for one stage or situation of a kind (rules/<kind>.yaml `texts.variants`).

    It applies when every condition it sets holds: the stage is one of `stages`, the letter's
    money goes one of the ways in `money`, one of `phrases` and none of `not_phrases` stands in
    the letter. A text it leaves out (None) comes from the kind's own texts.
    """

    id: str
    stages: frozenset[str] = frozenset()
    money: frozenset[Money] = frozenset()
    phrases: tuple[str, ...] = ()
    not_phrases: tuple[str, ...] = ()
    actions: frozenset[str] = frozenset()  # the deadline's action is one of these
    summary: str | None = None
    what_to_do: tuple[str, ...] | None = None
    if_you_do_nothing: str | None = None
    objection: str | None = None
    help_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class KindTexts:
    """The Dutch texts of one kind, taken from rules/<kind>.yaml by the pipeline.

    The texts hold placeholders {sender}, {amount}, {date}, {weekday}, {iban}, {reference} and
    {objection_date}; the explainer fills them from the letter's fields. `variant` names the
    variant whose texts are in use (None: the kind's own texts).
    """

    kind: str
    label: str
    summary: str
    what_to_do: tuple[str, ...]
    if_you_do_nothing: str
    objection: str | None
    help_ids: tuple[str, ...]
    objection_possible: bool
    objection_weeks: int | None
    variants: tuple[TextVariant, ...] = ()
    variant: str | None = None


class Explainer(Protocol):
    """Turns the found values and the kind's texts into the resident's answer.

    `pages` are the page texts, for checks on the letter's own wording (the 14-dagenbrief term,
    "BTW", "Tweede aanmaning" …). They are read, never quoted in the answer, never logged.
    """

    def __call__(
        self,
        texts: KindTexts,
        fields: Fields,
        classification: Classification,
        deadline: Deadline | None,
        objection_deadline: date | None,
        today: date,
        region: str = "amsterdam",
        *,
        pages: Sequence[str] = (),
    ) -> Explanation: ...
