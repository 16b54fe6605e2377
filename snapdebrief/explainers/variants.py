"""Pick the kind's texts for this letter: a stage or situation variant from the rule file, if one fits.

One kind covers letters that need different words: a health insurer's reminder and the CAK's
decision, a tax bill and a refund. The rule file holds those texts as `texts.variants`
(rules/README.md); here we only check the conditions. The first variant whose conditions all
hold wins; texts it leaves out come from the kind's own texts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from ..classify import normalize
from ..result import Classification, Deadline, Fields
from .base import KindTexts, Money, TextVariant
from .generic import amount_due, pays_you


def money_of(fields: Fields, deadline: Deadline | None) -> Money:
    """Which way the letter's money goes: the resident pays, gets money, or neither."""
    due = amount_due(fields)
    if pays_you(fields, deadline):
        return "refund"
    if (deadline is not None and deadline.action == "pay") or (due is not None and due > 0):
        return "pay"
    return "none"


@functools.lru_cache(maxsize=512)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(normalize(phrase).text) + r"(?!\w)")


def _says(pages: Sequence[str], phrases: Sequence[str]) -> bool:
    text = " ".join(normalize(p).text for p in pages)
    return any(_phrase_re(p).search(text) for p in phrases)


def applies(variant: TextVariant, stage: str | None, money: Money, pages: Sequence[str],
            action: str | None = None) -> bool:
    if variant.actions and action not in variant.actions:
        return False
    if variant.stages and stage not in variant.stages:
        return False
    if variant.money and money not in variant.money:
        return False
    if variant.phrases and not _says(pages, variant.phrases):
        return False
    return not (variant.not_phrases and _says(pages, variant.not_phrases))


def pick(
    texts: KindTexts,
    fields: Fields,
    classification: Classification,
    deadline: Deadline | None,
    pages: Sequence[str] = (),
) -> KindTexts:
    """The texts to use: the first variant that applies laid over the kind's texts, else as is."""
    if not texts.variants:
        return texts
    money = money_of(fields, deadline)
    for v in texts.variants:
        if applies(v, classification.stage, money, pages, deadline.action if deadline else None):
            return replace(
                texts,
                variant=v.id,
                summary=v.summary if v.summary is not None else texts.summary,
                what_to_do=v.what_to_do if v.what_to_do is not None else texts.what_to_do,
                if_you_do_nothing=(v.if_you_do_nothing if v.if_you_do_nothing is not None
                                   else texts.if_you_do_nothing),
                objection=v.objection if v.objection is not None else texts.objection,
                help_ids=v.help_ids if v.help_ids is not None else texts.help_ids,
            )
    return texts
