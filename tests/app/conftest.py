"""Fixtures for the app's tests: a Result built by hand (the pipeline's stages may be absent)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from snapdebrief.result import (
    Amount,
    Classification,
    DateMention,
    Deadline,
    Document,
    Evidence,
    Explanation,
    Fields,
    Help,
    Page,
    Reference,
    Result,
    RuleHit,
    Source,
    Word,
)

BSN = "111222333"  # elfproef-valid, fictitious (domain brief §5)

PAGE = (
    "Centraal Justitieel Incassobureau\n"
    "Datum: 12 maart 2026\n"
    "Betreft: Eerste aanmaning verkeersboete\n"
    f"BSN: {BSN}\n"
    "U moet nu € 165,00 betalen.\n"
    "Betaal vóór 9 april 2026 op rekening NL86 INGB 0002 4455 88\n"
    "onder vermelding van 1062 5421 5704 7959."
)


def _span(text: str, needle: str, page: int = 1) -> Evidence:
    start = text.index(needle)
    return Evidence(page=page, start=start, end=start + len(needle))


def _words(text: str, low: tuple[str, ...] = ()) -> tuple[Word, ...]:
    """Word boxes as if OCR'd at 10 px per character and 40 px per line."""
    words = []
    for n, line in enumerate(text.split("\n")):
        base = sum(len(x) + 1 for x in text.split("\n")[:n])
        col = 0
        for token in line.split(" "):
            start = base + col
            x0, y0 = 100 + col * 10, 100 + n * 40
            conf = 40.0 if token in low else 95.0
            words.append(Word(start=start, end=start + len(token),
                              bbox=(x0, y0, x0 + len(token) * 10, y0 + 30), conf=conf))
            col += len(token) + 1
    return tuple(words)


def make_result(today: date, *, deadline_in: int | None = 20, method: str = "ocr",
                sender: str = "Centraal Justitieel Incassobureau") -> Result:
    """A CJIB 1e aanmaning as the pipeline would return it, BSN masked in the document."""
    masked = PAGE.replace(BSN, "******333")
    words = _words(masked, low=("vóór",)) if method == "ocr" else ()
    page = Page(number=1, text=masked, method=method, words=words,  # type: ignore[arg-type]
                confidence=88.0 if method == "ocr" else None,
                size=(1654, 2339) if method == "ocr" else None)
    when = today + timedelta(days=deadline_in) if deadline_in is not None else None
    amount = Amount(Decimal("165.00"), "total", "€ 165,00", _span(masked, "€ 165,00"))
    fields = Fields(
        letter_date=DateMention(today - timedelta(days=8), "letter_date", "12 maart 2026",
                                _span(masked, "12 maart 2026")),
        dates=(DateMention(when, "pay_by", "9 april 2026", _span(masked, "9 april 2026")),)
        if when else (),
        amounts=(amount,),
        amount_due=Decimal("165.00"),
        iban="NL86INGB0002445588",
        iban_evidence=_span(masked, "NL86 INGB 0002 4455 88"),
        payment_reference=Reference("cjib-nummer", "1062 5421 5704 7959",
                                    _span(masked, "1062 5421 5704 7959"), valid=True),
        bsn_spans=(_span(masked, "******333"),),
        sender=sender,
        sender_evidence=_span(masked, "Centraal Justitieel Incassobureau"),
    )
    hit = RuleHit("cjib-aanmaning", "title-eerste-aanmaning", 6.0, "Eerste aanmaning",
                  _span(masked, "Eerste aanmaning"))
    cls = Classification("cjib-aanmaning", "Aanmaning van het CJIB", 0.9, "aanmaning", (hit,),
                         (("cjib-aanmaning", 9.0), ("cjib-boete", 3.0)))
    deadline = Deadline(when, "pay", "9 april 2026", _span(masked, "9 april 2026")) if when else None
    expl = Explanation(
        summary=f"Je hebt een boete nog niet betaald. Dit is een aanmaning van {sender}.",
        what_to_do=("Betaal € 165,00.", "Zet het CJIB-nummer bij je betaling."),
        deadline_text="Betaal vóór donderdag 9 april 2026." if when else None,
        amount_text="Je moet € 165,00 betalen. Dat is de boete met een verhoging.",
        if_you_do_nothing="Dan wordt de boete nog hoger.",
        objection=None,
        help=(Help("Geldfit", "0800-8115", "https://www.geldfit.nl", "Bel gratis over geldzorgen."),
              Help("Buurtteam Amsterdam", None, "https://www.buurtteamamsterdam.nl",
                   "Het buurtteam helpt gratis.")),
    )
    return Result(
        document=Document(pages=(page,)),
        fields=fields,
        classification=cls,
        deadline=deadline,
        objection_deadline=None,
        explanation=expl,
        source=Source(pages=1, methods=(method,), ocr_confidence=88.0, seconds=1.0),  # type: ignore[arg-type]
        warnings=("De foto is erg klein. Misschien lezen we niet alles goed.",),
        bsn_values=(BSN,),
    )


@pytest.fixture
def today() -> date:
    return date(2026, 3, 20)


@pytest.fixture
def result(today: date) -> Result:
    return make_result(today)
