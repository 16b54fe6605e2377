"""Bailiff letters: urgent. Ask for help today first; the beslagvrije voet; a sale or eviction date.

Ladder (sources in docs/sources.md): sommatie (only the flat WIK fee may be asked [S13]) → dagvaarding
(defence without a lawyer, absent → verstekvonnis [S36]) → vonnis (verzet within 4 weeks of service
in person [S35]) → betekening en bevel (pay within 2 days [S34]) → beslag (beslagvrije voet: the
part of income no creditor may take [S51]). Executoriale verkoop and ontruiming are a crisis [S65].
The words for each step are data: `texts.variants` in rules/deurwaarder.yaml. This module adds
what every bailiff letter needs, whatever its step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .generic import Context, Draft, add_help, add_step, build_context, draft
from .incasso import add_cost_checks

URGENT_STEP = "Wacht niet. Vraag vandaag nog gratis hulp. Hieronder staat wie je kan helpen. Neem de brief mee."
BESLAGVRIJE_VOET = (
    "Een deel van je inkomen mag de deurwaarder nooit afpakken. Dat is de beslagvrije voet (geld dat "
    "je altijd mag houden). Vraag de deurwaarder hoe hoog die voor jou is. Klopt het niet? Vraag dan hulp."
)
# Before a judge (a sommatie, or a letter whose step we do not know) only the WIK fee may be asked.
BEFORE_COURT = frozenset({"sommatie"})
_HELP_TODAY = re.compile(r"vandaag[^.]*hulp|hulp[^.]*vandaag", re.IGNORECASE)


def add_deurwaarder(d: Draft, ctx: Context) -> Draft:
    facts = ctx.classification
    if ctx.stage in BEFORE_COURT or (ctx.stage is None and not facts.has("rechterlijk-bevel")):
        d = add_cost_checks(d, ctx)
    # Asking for help today comes first; the kind's own "vraag vandaag hulp" step moves up.
    urgent = next((s for s in d.what_to_do if _HELP_TODAY.search(s)), None)
    if urgent is not None:
        d.what_to_do.remove(urgent)
    d.what_to_do.insert(0, urgent or URGENT_STEP)
    add_step(d, BESLAGVRIJE_VOET, r"beslagvrije voet")
    if facts.has("executoriale-verkoop"):
        add_step(d, "Staat er een datum op de brief waarop je spullen worden verkocht? "
                    "Vraag dan vandaag nog hulp.", r"verkocht|verkoop", at=1)
    if facts.has("ontruiming"):
        add_step(d, "Staat er een datum op de brief waarop je je huis uit moet? "
                    "Vraag dan vandaag nog hulp.", r"huis uit|ontruim", at=1)
    add_help(d, ctx, "juridisch-loket", "schuldhulp")
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
    return add_deurwaarder(draft(ctx), ctx).finish(ctx.values)
