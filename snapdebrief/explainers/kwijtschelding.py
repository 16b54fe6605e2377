"""Kwijtschelding decisions: a refusal is open to administratief beroep with its own SHORT term.

The term is printed on the letter (BSGR, HHNK, Belastingdienst: 10 days after the date) and there
is no court afterwards [S48]; it is not the six weeks of a bezwaar (Awb art. 6:7).
We take the last day from a date printed for it, else from the letter's own term for beroep
("binnen N dagen"), both found by the fields stage, else we send the resident to the letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .dutch import days_left, long_date
from .generic import RELATIVE_NOTE, Context, Draft, add_help, add_step, build_context, draft
from .placeholders import check_sentence

Outcome = Literal["refused", "partial", "granted"] | None

SHORT_TERM = timedelta(days=28)  # anything longer is not the short beroep term

REFUSED_OBJECTION = (
    "Ben je het niet eens met dit besluit? Dan kun je administratief beroep instellen (dezelfde "
    "organisatie vragen opnieuw te kijken). Je hebt daar weinig tijd voor. Het is niet 6 weken. "
    "Schrijf waarom je het niet eens bent. Stuur de papieren mee die ze vroegen. "
    "Daarna kun je niet meer naar de rechter."
)


def outcome(c: Classification) -> Outcome:
    """Refused, partly or wholly granted, from the letter facts (rules/phrasings/letter-facts.yaml)."""
    if c.has("kwijtschelding-gedeeltelijk"):
        return "partial"
    if c.has("kwijtschelding-afgewezen"):
        return "refused"
    if c.has("kwijtschelding-verleend"):
        return "granted"
    return None


def beroep_deadline(ctx: Context) -> tuple[date | None, bool]:
    """(last day, counted by us from the letter date?) — None when nothing on the letter says it.

    The fields stage found the letter's own last day or term for beroep (role object_by); the
    pipeline's objection deadline is that term counted and moved by the Atw (this kind has no
    term of its own in the rules, so it never is a bezwaar's six weeks)."""
    stated = [dm for dm in ctx.fields.dates if dm.role == "object_by"]
    printed = sorted(dm.date for dm in stated if not dm.relative)
    if printed:
        return printed[0], False
    letter = ctx.fields.letter_date.date if ctx.fields.letter_date else None
    od = ctx.objection_deadline
    if od is not None and any(dm.relative for dm in stated):
        return od, True
    # A caller may pass letter date + 6 weeks; that is not this term, so only a short one counts.
    if od is not None and letter is not None and od - letter <= SHORT_TERM:
        return od, False
    return None, False


def add_kwijtschelding(d: Draft, ctx: Context,
                       beroep: tuple[date | None, bool] | None = None) -> Draft:
    """`beroep`: the (last day, counted) pair when already worked out from the original context."""
    result = outcome(ctx.classification)
    if result in ("refused", "partial"):
        if ctx.texts.objection_possible:
            last, counted = beroep if beroep is not None else beroep_deadline(ctx)
            text = REFUSED_OBJECTION
            d.missing.discard("objection_date")
            if last is None:
                text += " Kijk op de brief hoeveel dagen je hebt."
                d.missing.add("objection_date")
            else:
                text += f" De laatste dag is {long_date(last)}."
                n = days_left(last, ctx.today)
                text += (" Die datum is voorbij. Vraag het Juridisch Loket of je nog iets kunt doen."
                         if n < 0 else " Dat is vandaag." if n == 0 else f" Je hebt nog {n} dagen.")
                if counted:
                    text += " " + RELATIVE_NOTE
            d.objection = text
        add_step(d, "Kun je het bedrag niet in één keer betalen? Vraag dan of je in delen mag betalen.",
                 r"in delen|betalingsregeling")
        if ctx.due is None and d.amount_text is None:
            # Refused means the tax is still due; we did not read how much.
            d.amount_text = check_sentence("amount", ctx.values)
            d.missing.add("amount")
        add_help(d, ctx, "formulierenhulp", "juridisch-loket")
    if result == "granted":
        # Nothing to object to when all is granted: no beroep text, no alarm.
        d.missing.discard("objection_date")
        d.objection = None
    if result == "granted" and not ctx.pay_expected:
        add_step(d, "Je hoeft deze belasting niet te betalen. Bewaar de brief goed.",
                 r"hoeft[^.]*niet te betalen", at=0)
    return d


def explain(
    texts: KindTexts,
    fields: Fields,
    classification: Classification,
    deadline: Deadline | None,
    objection_deadline: date | None,
    today: date,
    region: str = "amsterdam",
    *,
    pages: Sequence[str] = (),
) -> Explanation:
    ctx = build_context(texts, fields, classification, deadline, objection_deadline, today, region, pages)
    # Every text that says {objection_date} must get the short beroep term, never the six weeks
    # of a bezwaar that a generic date chooser may have counted.
    beroep = beroep_deadline(ctx)
    ctx = replace(ctx, objection_deadline=beroep[0], values=replace(ctx.values, objection_date=beroep[0]))
    return add_kwijtschelding(draft(ctx), ctx, beroep).finish(ctx.values)
