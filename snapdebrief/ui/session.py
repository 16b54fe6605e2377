"""The letters of one person during one app session, and a volunteer's corrections to them.

Plain values the app keeps in `st.session_state` (memory only, gone when the session ends).
A correction never edits the Result: it changes the Fields or the Classification with
`dataclasses.replace` and runs the steps after classification again (`pipeline.finish`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ..options import Options
from ..result import DateMention, Result, cents

# Which date role a deadline action is read from (the finders' roles, see DateMention).
ACTION_ROLES = {
    "pay": "pay_by",
    "respond": "respond_by",
    "send_documents": "send_by",
    "object": "object_by",
    "attend": "appointment",
}
DEADLINE_ROLES = frozenset(ACTION_ROLES.values())
CORRECTED = "door de vrijwilliger ingevuld"


@dataclass(frozen=True)
class Corrections:
    """What a volunteer set by hand; None means: keep what was read."""

    deadline: date | None = None
    amount_due: Decimal | None = None  # in cents, as typed_amount() reads the volunteer's figure
    kind: str | None = None

    @property
    def empty(self) -> bool:
        return self.deadline is None and self.amount_due is None and self.kind is None


@dataclass
class Letter:
    """One letter in this session: its files (in memory), the answer, and any corrections."""

    id: str
    files: tuple[bytes, ...]
    names: tuple[str, ...]
    original: Result
    corrections: Corrections = field(default_factory=Corrections)
    result: Result | None = None  # the original with the corrections applied
    images: dict[int, Any] | None = None  # page images for the desk view, built on demand
    uid: str = field(default_factory=lambda: f"{uuid.uuid4()}@snapdebrief")  # calendar event id
    region: str = "amsterdam"  # the help region the current answer was made for
    lang: str = "nl"  # the language the current answer was made in (#20)

    @property
    def current(self) -> Result:
        return self.result or self.original


def typed_amount(value: float | Decimal | None) -> Decimal | None:
    """The amount a volunteer typed, as a Decimal in cents: the app's number field gives a float
    whose shortest digits are the two decimals it shows (12.3 for "12,30"); read through those
    digits (str), never its binary value."""
    return None if value is None else cents(value)


def files_key(files: Iterable[bytes]) -> str:
    """A short digest of the files in order, to tell whether the upload changed."""
    h = hashlib.sha256()
    for data in files:
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:16]


def by_deadline(letters: Iterable[Letter]) -> list[Letter]:
    """Earliest deadline first; letters without a deadline last, in the order they came."""
    items = list(letters)
    return sorted(
        items,
        key=lambda lt: (lt.current.deadline is None,
                        lt.current.deadline.date if lt.current.deadline else date.max),
    )


def apply_corrections(original: Result, corrections: Corrections, options: Options,
                      force: bool = False) -> Result:
    """The answer again, with the volunteer's values in place of what was read.

    `force` runs the steps after classification even without corrections (another help region).
    """
    if corrections.empty and not force:
        return original
    from ..pipeline import finish
    from ..rules import load_rules

    fields = original.found if original.found is not None else original.fields
    classification = original.classification
    if corrections.kind is not None and corrections.kind != classification.kind:
        rules = load_rules(tuple(options.rules_dirs))
        rule = rules.kinds[corrections.kind]
        stages = {rule.stages.default, *(r.stage for r in rule.stages.rules)}
        stage = classification.stage if classification.stage in stages else rule.stages.default
        classification = dataclasses.replace(
            classification, kind=rule.id, label=rule.label, stage=stage, confidence=1.0,
        )
    if corrections.amount_due is not None:
        fields = dataclasses.replace(fields, amount_due=cents(corrections.amount_due),
                                     pays_nothing=False)
    if corrections.deadline is not None:
        fields = _with_deadline(fields, corrections.deadline, _action(original, classification,
                                                                      options))
    result = finish(original.document, fields, classification, options)
    # finish() sees the masked text and cannot find the BSNs again: keep the original's, so
    # to_json() still masks every trace; and keep how the letter was read.
    return result.replace(bsn_values=original.bsn_values, source=original.source)


def _action(original: Result, classification: Any, options: Options) -> str:
    if original.deadline is not None and classification.kind == original.classification.kind:
        return original.deadline.action
    from ..rules import load_rules

    rule = load_rules(tuple(options.rules_dirs)).kinds.get(classification.kind)
    actions = [a for a in (rule.deadline.actions if rule else []) if a in ACTION_ROLES]
    return actions[0] if actions else "respond"


def _with_deadline(fields: Any, when: date, action: str) -> Any:
    """Fields whose only deadline date is `when`, with the role the action is read from."""
    role = ACTION_ROLES.get(action, "respond_by")
    kept: Sequence[DateMention] = [d for d in fields.dates if d.role not in DEADLINE_ROLES]
    mention = DateMention(date=when, role=role, text=CORRECTED, evidence=None)
    changes: dict[str, Any] = {"dates": (*kept, mention)}
    if action == "attend" and fields.appointment is not None:
        changes["appointment"] = dataclasses.replace(fields.appointment, date=when, evidence=None)
    return dataclasses.replace(fields, **changes)
