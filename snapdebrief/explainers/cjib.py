"""CJIB fines and reminders: how a traffic fine grows, what comes next, and the noodstop.

Wahv (traffic fines): first aanmaning +50 %, second doubles that, € 300 → € 450 → € 900 [S18][S19];
then money from bank or wages without a judge [S21], dwangbevel, rijbewijs or vehicle, gijzeling up
to a week [S22][S23]; noodstop: 4 months' pause via the gemeente's schuldhulp [S24]. The CJIB can be
asked to drop an increase [S80]. Strafbeschikking increases and remedy are unconfirmed: we send
the resident to the letter and state no figures (sources: docs/sources.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Literal

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .dutch import cents, money
from .generic import Context, Draft, add_help, add_step, amounts, build_context, draft

Regime = Literal["wahv", "strafbeschikking"] | None

NOODSTOP_STEP = (
    "Kun je niet betalen omdat je schulden hebt? Vraag dan hulp bij de schuldhulp van je gemeente. "
    "De gemeente kan het CJIB vragen om 4 maanden te wachten. Dat heet de noodstop (een pauze, "
    "zodat je hulp kunt krijgen bij je schulden)."
)
REGELING_STEP = "Kun je niet alles in één keer betalen? Vraag het CJIB of je in delen mag betalen."
WAHV_NEXT = (
    "Betaal je niet? Dan kan het CJIB het geld van je bankrekening of je loon halen. Daar is geen "
    "rechter voor nodig. Daarna kan een deurwaarder komen met een dwangbevel (bevel om te betalen, "
    "daarna beslag). Het CJIB kan ook je rijbewijs of je auto afpakken. Op het laatst kun je tot een "
    "week worden opgesloten (gijzeling)."
)


def regime(c: Classification) -> Regime:
    """Which law the fine falls under, from the letter facts (rules/phrasings/letter-facts.yaml)."""
    if c.has("strafbeschikking"):
        return "strafbeschikking"
    if c.has("wahv"):
        return "wahv"
    return None


def reminder_number(c: Classification) -> int | None:
    """Which aanmaning this is, from its first numbered mention (the title)."""
    first = c.first_of("eerste-aanmaning", "tweede-aanmaning")
    return None if first is None else (1 if first == "eerste-aanmaning" else 2)


def _fine(ctx: Context) -> Decimal | None:
    fine = amounts(ctx.fields, "fine")
    return cents(max(a.value for a in fine)) if fine else None


def wahv_increases(fine: Decimal) -> tuple[Decimal, Decimal]:
    """(after the first aanmaning, after the second): +50 %, then twice that."""
    first = cents(fine * Decimal("1.5"))
    return first, cents(first * 2)


def _increase_text(ctx: Context, rg: Regime, number: int | None) -> str:
    fine = _fine(ctx)
    if rg != "wahv":
        return ("Betaal je te laat? Dan kan het bedrag hoger worden. "
                "Kijk op de brief hoeveel er dan bij komt.")
    if ctx.stage == "beslag":
        # Money was taken from a bank account or wages: that comes after both aanmaningen [S21].
        return ("De boete werd al hoger, omdat je na twee aanmaningen niet betaalde. "
                "Betaal de rest snel. Dan voorkom je nog meer kosten.")
    if ctx.stage != "aanmaning":
        text = ("Betaal je te laat? Dan krijg je een aanmaning. De boete wordt dan de helft hoger. "
                "Betaal je dan nog niet? Dan krijg je een tweede aanmaning. "
                "Het bedrag wordt dan twee keer zo hoog.")
        if fine is not None:
            one, two = wahv_increases(fine)
            text += f" Een boete van {money(fine)} wordt zo eerst {money(one)} en daarna {money(two)}."
        return text + " Betaal je op tijd? Dan komt er niets bij."
    if number == 2:
        text = "Dit is de tweede aanmaning. De boete is nu drie keer zo hoog als eerst."
        if fine is not None:
            text += f" Een boete van {money(fine)} is nu {money(wahv_increases(fine)[1])}."
        return text + " Betaal je nu? Dan komt er niets meer bij."
    text = "De boete is al hoger geworden: er is de helft bij gekomen."
    if fine is not None:
        one, two = wahv_increases(fine)
        text += f" Van {money(fine)} werd het {money(one)}."
        text += f" Betaal je nu niet? Dan wordt het bij de tweede aanmaning {money(two)}."
    else:
        text += " Betaal je nu niet? Dan wordt het bedrag bij de tweede aanmaning twee keer zo hoog."
    if number is None:
        text += " Kijk op de brief of dit de eerste of de tweede aanmaning is."
    return text + " Betaal je nu? Dan komt er niets meer bij."


def add_cjib(d: Draft, ctx: Context) -> Draft:
    rg = regime(ctx.classification)
    number = reminder_number(ctx.classification) if ctx.stage == "aanmaning" else None
    increase = _increase_text(ctx, rg, number)
    d.amount_text = " ".join(x for x in (d.amount_text, increase) if x)
    if ctx.stage == "aanmaning" and rg == "wahv":
        add_step(d, "Was je te laat door iets wat je niet kon helpen? Vraag het CJIB dan of het "
                    "extra bedrag eraf mag.", r"eraf mag|niet te rekenen|kwijtschel")
    add_step(d, REGELING_STEP, r"in delen")
    add_step(d, NOODSTOP_STEP, r"noodstop")
    if rg == "wahv":
        d.if_you_do_nothing = WAHV_NEXT
    else:
        d.if_you_do_nothing += " Kijk op de brief wat er gebeurt als je niet betaalt."
    if rg == "strafbeschikking" and ctx.texts.objection_possible:
        # Remedy and term for a strafbeschikking are unconfirmed: read them from the letter.
        d.objection = (
            "Ben je het niet eens met de strafbeschikking (straf zonder rechter)? Op de brief staat "
            "wat je kunt doen en tot wanneer. Lees dat goed. Vraag hulp aan het Juridisch Loket."
        )
        d.missing.discard("objection_date")
    add_help(d, ctx, "cjib", "schuldhulp")
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
    return add_cjib(draft(ctx), ctx).finish(ctx.values)
