"""Explain stage: the found values + the kind's texts → the resident's answer (Explanation).

`explain_letter` is what the pipeline calls. It picks the kind's explainer from `EXPLAINERS`
(kind id → explainer); kinds not listed use `generic.explain`. The dict is written out here, on
purpose: no registration by import side effects, so one look shows which kind has its own logic.

    incasso-aanmaning, huurachterstand, energie-achterstand,
    zorgverzekering-achterstand              → incasso.explain (WIK costs, 14-dagenbrief)
    cjib-boete, cjib-aanmaning               → cjib.explain (Wahv increases, noodstop)
    belasting-aanslag, belasting-aanmaning,
    gemeente-belastingaanslag                → belasting.explain (regeling, kwijtschelding)
    deurwaarder                              → deurwaarder.explain (urgent, beslagvrije voet)
    toeslag-terugvordering, toeslag-beschikking → toeslag.explain (betalingsregeling)
    kwijtschelding-besluit                   → kwijtschelding.explain (short beroep term)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType

from ..result import Classification, Deadline, Explanation, Fields
from . import belasting, cjib, deurwaarder, generic, incasso, kwijtschelding, toeslag
from .base import Explainer, KindTexts

EXPLAINERS: Mapping[str, Explainer] = MappingProxyType({
    "incasso-aanmaning": incasso.explain,
    # Private claims: the same WIK maximum and 14-dagenbrief rule apply (art. 6:96 BW).
    "huurachterstand": incasso.explain,
    "energie-achterstand": incasso.explain,
    "zorgverzekering-achterstand": incasso.explain,
    "cjib-boete": cjib.explain,
    "cjib-aanmaning": cjib.explain,
    "belasting-aanslag": belasting.explain,
    "belasting-aanmaning": belasting.explain,
    "gemeente-belastingaanslag": belasting.explain,
    "deurwaarder": deurwaarder.explain,
    "toeslag-terugvordering": toeslag.explain,
    "toeslag-beschikking": toeslag.explain,
    "kwijtschelding-besluit": kwijtschelding.explain,
})


def explain_letter(
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
    """The resident's answer for one letter, in simple Dutch (B1, "je")."""
    explainer = EXPLAINERS.get(texts.kind, generic.explain)
    return explainer(
        texts, fields, classification, deadline, objection_deadline, today, region, pages=pages
    )


__all__ = ["EXPLAINERS", "Explainer", "KindTexts", "explain_letter"]
