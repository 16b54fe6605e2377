"""One exported test case: the letter's text with fakes for the resident's data, and the truth.

Built from the Result the app already holds (its text is the letter as read, every BSN masked;
nothing is read or run again) and the volunteer's corrections. The truth file has the samples'
keys (samples/firstlook/BRIEF.md), so `snapdebrief eval` and `snapdebrief rules test` read a
case as they read a sample: NAME.txt (pages split by a form feed) beside NAME.json. Everything
stays in memory: `Case.zip_bytes()` is what the desk downloads; no page image goes in.
"""

from __future__ import annotations

import io
import json
import random
import re
import secrets
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from ..result import Result, bsn_pattern, cents, json_number
from .deidentify import Deidentifier, deidentifier
from .fakes import Fakes, shaped
from .resident import Edit, apply_edits, find_edits

if TYPE_CHECKING:
    from ..ui.session import Corrections


@dataclass(frozen=True)
class Case:
    """NAME.txt and NAME.json of one case; `replaced` counts the replacements by kind."""

    name: str
    text: str
    truth: dict[str, Any]
    replaced: dict[str, int]

    def files(self) -> dict[str, bytes]:
        return {
            f"{self.name}.txt": self.text.encode("utf-8"),
            f"{self.name}.json": (json.dumps(self.truth, indent=2, ensure_ascii=False) + "\n")
            .encode("utf-8"),
        }

    def zip_bytes(self) -> bytes:
        """The two files in a zip, made in memory."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.files().items():
                z.writestr(name, data)
        return buf.getvalue()


def make_case(result: Result, corrections: Corrections, made: date, *,
              rng: random.Random | None = None, people: Deidentifier | None = None) -> Case:
    """The case for one letter: `result` is the answer with the corrections applied (the app's
    `Letter.current`), `corrections` what the volunteer set, `made` the day of the export.
    `rng` for fakes a test can repeat; `people` deduce as started (started here if None)."""
    fakes = Fakes(rng)
    found = result.found if result.found is not None else result.fields
    pages = result.document.texts
    resident = find_edits(pages, found, result.bsn_values, fakes, people or deidentifier())
    new_pages = apply_edits(pages, resident.edits)
    strings = _replaced_strings(pages, resident.edits)
    truth = _truth(result, corrections, made, resident.values, strings)
    text = "\f".join(new_pages)
    text, truth = _no_bsn_left(text, truth, result.bsn_values, fakes)
    replaced = dict(Counter(e.what for e in resident.edits))
    truth["notes"] = _notes(corrections, made, replaced)
    name = f"{truth['kind']}-balie-{made:%Y%m%d}-{secrets.token_hex(3)}"
    return Case(name=name, text=text, truth=truth, replaced=replaced)


def corrected(corrections: Corrections) -> list[str]:
    """The truth keys the volunteer set by hand."""
    return [key for key, value in (("kind", corrections.kind), ("deadline", corrections.deadline),
                                   ("amount_due", corrections.amount_due)) if value is not None]


def _truth(result: Result, corrections: Corrections, made: date, values: dict[str, str],
           strings: list[tuple[str, str]]) -> dict[str, Any]:
    f = result.fields
    c = result.classification
    deadline = result.deadline
    ref = f.payment_reference

    def fake(s: str | None) -> str | None:
        if s is None:
            return None
        if s in values:
            return values[s]
        for old, new in strings:
            s = s.replace(old, new)
        return s

    truth: dict[str, Any] = {
        "kind": corrections.kind or c.kind,
        "sender": f.sender,  # kept as printed, wherever it stands
        "letter_date": f.letter_date.date.isoformat() if f.letter_date else None,
        "stage": c.stage,
        "deadline": None if deadline is None else {"date": deadline.date.isoformat(),
                                                   "action": deadline.action},
        "objection_deadline": result.objection_deadline.isoformat()
        if result.objection_deadline else None,
        "appointment": None if f.appointment is None else {
            "date": f.appointment.date.isoformat(), "time": f.appointment.time,
            "place": fake(f.appointment.place)},
        "amount_due": json_number(f.amount_due),
        "amounts": [{"value": json_number(a.value), "role": a.role} for a in f.amounts],
        "iban": f.iban,
        "payment_reference": fake(ref.value) if ref is not None else None,
        "reference_numbers": [fake(r.value) for r in f.references],
        "bsn_found": bool(f.bsn_spans),
        "notes": "",
    }
    # The volunteer's values, whatever the answer made of them.
    if corrections.deadline is not None:
        action = deadline.action if deadline is not None else "respond"
        truth["deadline"] = {"date": corrections.deadline.isoformat(), "action": action}
    if corrections.amount_due is not None:
        truth["amount_due"] = json_number(cents(corrections.amount_due))
    return truth


def _replaced_strings(pages: list[str], edits: list[Edit]) -> list[tuple[str, str]]:
    """(as printed, its fake) for the words replaced, longest first: the truth's free text (an
    appointment's place) gets the fakes the letter got. Not the city of the address block: the
    letter keeps it elsewhere (the sender may be its municipality); no bare number (a house
    number "14" stands in many a reference)."""
    pairs = {pages[e.page - 1][e.start : e.end]: e.new for e in edits
             if e.what not in ("bsn", "city") and e.end - e.start >= 3
             and re.search(r"[A-Za-z]{2}", pages[e.page - 1][e.start : e.end])}
    return sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True)


def _no_bsn_left(text: str, truth: dict[str, Any], bsns: tuple[str, ...],
                 fakes: Fakes) -> tuple[str, dict[str, Any]]:
    """Last guard: any trace of a real BSN still standing (however split or misread) becomes
    its fake. The finders' spans should have caught every one."""
    patterns = [(bsn_pattern(b), fakes.bsn(b)) for b in bsns]

    def clean(s: str) -> str:
        for pattern, fake in patterns:
            s = pattern.sub(lambda m, fake=fake: shaped(m.group(), fake), s)
        return s

    def walk(v: Any) -> Any:
        if isinstance(v, str):
            return clean(v)
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return clean(text), walk(truth)


def _notes(corrections: Corrections, made: date, replaced: dict[str, int]) -> str:
    try:
        ours, theirs = version("snapdebrief"), version("deduce")
    except PackageNotFoundError:  # pragma: no cover - a checkout without its install
        ours = theirs = "?"
    fixed = ", ".join(corrected(corrections)) or "nothing"
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(replaced.items())) or "none"
    return (f"Exported in desk mode on {made.isoformat()} (snapdebrief {ours}). The volunteer "
            f"corrected: {fixed}; every other value is as the program read it and the volunteer "
            f"left it. The resident's data are consistent fakes (replacements: {kinds}; deduce "
            f"{theirs}); the sender's name, accounts, numbers and contact details are as printed.")

