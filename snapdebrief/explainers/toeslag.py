"""Toeslag to pay back: the standard betalingsregeling (24 months) and a personal one if that is too much.

Belastingdienst/Toeslagen [S40][S44]; objecting usually gives uitstel van betaling [S41]
(sources: docs/sources.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .generic import Context, Draft, add_help, add_step, build_context, draft

REGELING_STEPS = (
    ("Kun je het niet in één keer betalen? Vraag dan een betalingsregeling (in delen betalen). "
     "Dan betaal je het in 24 maanden terug."),
    ("Is het bedrag per maand te hoog voor jou? Vraag dan een persoonlijke betalingsregeling. "
     "Die past bij wat je kunt betalen."),
)
UITSTEL = "Maak je bezwaar? Dan hoef je meestal nog niet te betalen tot er een nieuw besluit is."


def add_toeslag(d: Draft, ctx: Context) -> Draft:
    if ctx.kind == "toeslag-terugvordering" and not ctx.is_refund:
        add_step(d, REGELING_STEPS[0], r"in delen|betalingsregeling")
        add_step(d, REGELING_STEPS[1], r"persoonlijke betalingsregeling")
        if d.objection and not re.search(r"nog niet (?:te )?betalen", d.objection, re.IGNORECASE):
            d.objection += " " + UITSTEL
    add_help(d, ctx, "belastingtelefoon")
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
    return add_toeslag(draft(ctx), ctx).finish(ctx.values)
