"""Collection letters: check the incassokosten against the legal maximum (WIK) and the 14-dagenbrief.

Besluit vergoeding voor buitengerechtelijke incassokosten art. 2 (scale in snapdebrief/data/wik.yaml);
art. 6:96 lid 6 BW: the 14 days start the day after receipt, HR 25-11-2016 ECLI:NL:HR:2016:2704
[S11][S12][S13]. Also used for other private claims (rent, energy, health insurance) and
for a bailiff's sommatie, where the same flat WIK fee is all that may be asked.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .. import yaml_files
from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .dutch import cents, money
from .generic import (
    Context,
    Draft,
    amounts,
    breakdown,
    build_context,
    draft,
    is_btw,
    pay_step_index,
    principal_value,
    steps,
    without_subtotal,
)
from .placeholders import sender_phrase

WIK_FILE = "wik.yaml"


@dataclass(frozen=True)
class Band:
    upto: Decimal | None
    percent: Decimal


@dataclass(frozen=True)
class WikScale:
    valid_from: date
    source: str
    minimum: Decimal
    maximum: Decimal
    bands: tuple[Band, ...]
    btw_percent: Decimal


class _BandSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    upto: Decimal | None
    percent: Decimal


class _ScaleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    valid_from: date
    source: str
    minimum: Decimal
    maximum: Decimal
    bands: list[_BandSpec] = Field(min_length=1)
    btw_percent: Decimal


class _WikFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scales: list[_ScaleSpec] = Field(min_length=1)


@functools.cache
def _read_scales(path: str, mtime_ns: int) -> tuple[WikScale, ...]:
    spec = yaml_files.load(path, _WikFile, decimals=True)  # amounts and percentages exact
    out = [
        WikScale(valid_from=s.valid_from, source=s.source, minimum=s.minimum, maximum=s.maximum,
                 bands=tuple(Band(b.upto, b.percent) for b in s.bands), btw_percent=s.btw_percent)
        for s in spec.scales
    ]
    return tuple(sorted(out, key=lambda s: s.valid_from))


def wik_file() -> Path:
    return Path(str(resources.files("snapdebrief") / "data" / WIK_FILE))


def wik_scale(on: date | None = None) -> WikScale:
    """The scale valid on `on` (the letter's date); the newest one when `on` is None."""
    path = wik_file()
    scales = _read_scales(str(path), path.stat().st_mtime_ns)
    valid = [s for s in scales if on is None or s.valid_from <= on]
    return (valid or list(scales))[-1]


def wik_max(principal: Decimal, scale: WikScale | None = None) -> Decimal:
    """The legal maximum of buitengerechtelijke incassokosten on a hoofdsom (without BTW)."""
    scale = scale or wik_scale()
    rest = cents(principal)
    total = Decimal(0)
    lower = Decimal(0)
    for band in scale.bands:
        top = band.upto
        part = rest - lower if top is None else min(rest, top) - lower
        if part <= 0:
            break
        total += part * band.percent / 100
        if top is None:
            break
        lower = top
    return cents(min(max(total, scale.minimum), scale.maximum))


def counts_from_letter_date(c: Classification) -> bool:
    """True when the letter starts its 14 days on its own date instead of the day after receipt
    (the letter fact 'termijn-vanaf-briefdatum')."""
    return c.has("termijn-vanaf-briefdatum")


@dataclass(frozen=True)
class CostCheck:
    principal: Decimal
    costs: Decimal
    limit: Decimal  # with BTW when the letter mentions BTW
    btw: bool

    @property
    def too_high(self) -> bool:
        return self.costs > self.limit


# Costs that are not collection costs: a court or a bailiff's acts come on top of the WIK fee.
def check_costs(fields: Fields, mentions_btw: bool = False, on: date | None = None) -> CostCheck | None:
    """Compare the letter's collection costs with the WIK maximum; None when it cannot be done.

    Court and bailiff costs (proceskosten, betekening, beslag …) are left out: they are not
    buitengerechtelijke kosten.
    """
    principal = principal_value(fields)
    cost_items = [
        a for a in amounts(fields, "costs") + [a for a in fields.amounts if a.role == "other" and is_btw(a)]
        if "buiten-wik" not in a.tags
    ]
    if principal is None or not cost_items:
        return None
    scale = wik_scale(on)
    btw = any(is_btw(a) for a in cost_items) or mentions_btw
    limit = wik_max(principal, scale)
    if btw:
        limit = cents(limit * (100 + scale.btw_percent) / 100)
    # Lines read twice (table and sentence) count once: a false alarm would make people underpay.
    costs = sum(without_subtotal(list(dict.fromkeys(cents(a.value) for a in cost_items))), Decimal(0))
    return CostCheck(cents(principal), costs, limit, btw)


def add_cost_checks(d: Draft, ctx: Context) -> Draft:
    """Add the WIK check and (for a 14-dagenbrief) the wrong-start check to a draft.

    When the costs are too high and the letter's parts add up to its total (so we read them all),
    the payment step asks for the total minus the excess; otherwise the amount stays as printed
    and the resident is told to ask first.
    """
    letter_date = ctx.fields.letter_date.date if ctx.fields.letter_date else None
    check = check_costs(ctx.fields, ctx.classification.has("btw"), letter_date)
    extra: list[str] = []
    if check is not None:
        limit = money(check.limit)
        btw = " met btw" if check.btw else ""
        if check.too_high:
            extra.append(
                f"Bij dit bedrag mag de wet hoogstens {limit}{btw} aan kosten vragen. "
                f"Op de brief staat {money(check.costs)}. Dat is te veel."
            )
            d.warnings.append(
                f"Let op: de kosten op de brief zijn {money(check.costs)}. "
                f"Bij dit bedrag mag hoogstens {limit}{btw}. Betaal niet meer dan dat."
            )
            extra += _pay_less(d, ctx, check)
        else:
            extra.append(f"De wet staat bij dit bedrag hoogstens {limit}{btw} aan kosten toe. "
                         "De kosten op de brief zijn niet hoger.")
        if check.btw:
            extra.append("Btw mag er alleen bij als het bedrijf de btw zelf niet kan terugkrijgen.")
    elif amounts(ctx.fields, "costs"):
        extra.append("Kijk op de brief wat het bedrag zonder kosten is. Dan kun je nagaan of de kosten kloppen.")
    if _is_14_day_letter(ctx) and counts_from_letter_date(ctx.classification):
        extra.append("Je hoeft de kosten van deze brief nog niet te betalen. Betaal wel het bedrag zelf.")
        d.warnings.append(
            "Let op: de brief telt de 14 dagen vanaf de datum van de brief. Volgens de wet tellen "
            "ze pas vanaf de dag nadat je de brief kreeg. Daarom mogen ze nog geen kosten vragen."
        )
    if extra:
        d.amount_text = " ".join(x for x in (d.amount_text, *extra) if x)
    return d


def _parts_add_up(ctx: Context) -> bool:
    parts = breakdown(ctx.fields, ctx.due)
    return parts is not None and parts.adds_up


def _pay_less(d: Draft, ctx: Context, check: CostCheck) -> list[str]:
    sender = sender_phrase(ctx.values.sender) or "de afzender"
    if not _parts_add_up(ctx):
        d.what_to_do.insert(
            _first_pay_step(d, ctx),
            f"Betaal nog niet alles. Bel of schrijf eerst {sender}. Zeg dat de kosten te hoog zijn.",
        )
        return []
    allowed = cents(ctx.due or 0) - (check.costs - check.limit)
    lower = replace(ctx, values=replace(ctx.values, amount=money(allowed)))
    new_steps, missing = steps(lower)
    d.what_to_do[:] = new_steps
    d.missing |= missing
    at = _first_pay_step(d, ctx) + 1
    d.what_to_do.insert(
        at, f"Schrijf {sender} dat je {money(allowed)} betaalt en niet meer. "
        f"Zeg erbij dat de wet hoogstens {money(check.limit)} aan kosten toestaat.",
    )
    return [f"Je hoeft dus hoogstens {money(allowed)} te betalen."]


def _is_14_day_letter(ctx: Context) -> bool:
    return ctx.stage == "14-dagenbrief" or (
        ctx.stage in (None, "reminder") and ctx.classification.has("veertien-dagen")
        and ctx.classification.has("incassokosten")
    )


def _first_pay_step(d: Draft, ctx: Context) -> int:
    at = pay_step_index(d.what_to_do, ctx.values.iban)
    return 0 if at is None else at


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
    return add_cost_checks(draft(ctx), ctx).finish(ctx.values)
