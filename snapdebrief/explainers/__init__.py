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

Before that, `variants.pick` swaps in the rule file's texts for this stage or situation
(`texts.variants`: the CAK's decision, a tax refund …), so each explainer gets fitting texts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType

from ..result import Classification, Deadline, Explanation, Fields
from ..rules import KindRule
from . import belasting, cjib, deurwaarder, generic, incasso, kwijtschelding, toeslag, variants
from .base import Explainer, KindTexts, TextVariant

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
    texts = variants.pick(texts, fields, classification, deadline, pages)
    explainer = EXPLAINERS.get(texts.kind, generic.explain)
    answer = explainer(
        texts, fields, classification, deadline, objection_deadline, today, region, pages=pages
    )
    return dataclasses.replace(answer, variant=texts.variant)


def kind_texts(rule: KindRule, objection_possible: bool | None = None) -> KindTexts:
    """A rule file's texts as the explainers take them.

    `objection_possible`: what the pipeline decided for this letter (an `if_stated` objection
    counts only when the letter gives a term); None takes the rule's own `possible`.
    """
    t = rule.texts
    possible = bool(rule.objection.possible) if objection_possible is None else objection_possible
    return KindTexts(
        kind=rule.id,
        label=rule.label,
        summary=t.summary,
        what_to_do=tuple(t.what_to_do),
        if_you_do_nothing=t.if_you_do_nothing,
        objection=t.objection,
        help_ids=tuple(rule.help),
        objection_possible=possible,
        objection_weeks=rule.objection.weeks,
        variants=tuple(
            TextVariant(
                id=v.id,
                stages=frozenset(v.when.stage),
                money=frozenset(v.when.money),
                phrases=tuple(v.when.phrases),
                not_phrases=tuple(v.when.not_phrases),
                actions=frozenset(v.when.action),
                summary=v.summary,
                what_to_do=None if v.what_to_do is None else tuple(v.what_to_do),
                if_you_do_nothing=v.if_you_do_nothing,
                objection=v.objection,
                help_ids=None if v.help is None else tuple(v.help),
            )
            for v in t.variants
        ),
    )


__all__ = ["EXPLAINERS", "Explainer", "KindTexts", "TextVariant", "explain_letter", "kind_texts"]
