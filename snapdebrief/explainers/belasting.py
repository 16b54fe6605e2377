"""Tax letters (Belastingdienst, gemeente, waterschap): paying in parts, and kwijtschelding on a low income.

Gemeente and waterschap: kwijtschelding covers afvalstoffenheffing, OZB, rioolheffing and the
waterschap levies [S46][S47]; late: aanmaning, dwangbevel, beslag [S30] (sources: docs/sources.md).
A refund needs nothing from here: the generic explainer says there is nothing to pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .generic import Context, Draft, add_help, add_step, build_context, draft
from .placeholders import sender_phrase

LOCAL_TAX_KINDS = frozenset({"gemeente-belastingaanslag"})

REGELING_STEP = ("Kun je niet alles in één keer betalen? Vraag dan {who} om een betalingsregeling "
                 "(in delen betalen).")
KWIJT_LOCAL = ("Heb je een laag inkomen? Vraag dan kwijtschelding (je hoeft een deel of alles niet te "
               "betalen). Dat kan voor afvalstoffenheffing, rioolheffing en de belasting van het waterschap.")
KWIJT_NATIONAL = ("Heb je een laag inkomen en weinig spaargeld? Vraag dan kwijtschelding (je hoeft een "
                  "deel of alles niet te betalen).")


def add_belasting(d: Draft, ctx: Context) -> Draft:
    if ctx.is_refund or not ctx.pay_expected:
        return d
    who = sender_phrase(ctx.values.sender) or (
        "de gemeente" if ctx.kind in LOCAL_TAX_KINDS else "de Belastingdienst")
    add_step(d, REGELING_STEP.format(who=who), r"in delen|betalingsregeling")
    add_step(d, KWIJT_LOCAL if ctx.kind in LOCAL_TAX_KINDS else KWIJT_NATIONAL, r"kwijtschelding")
    if ctx.kind in LOCAL_TAX_KINDS:
        add_help(d, ctx, "formulierenhulp")
    else:
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
    return add_belasting(draft(ctx), ctx).finish(ctx.values)
