"""CJIB: Wahv increases (€ 300 → € 450 → € 900), what follows, noodstop; no unconfirmed figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from snapdebrief.explainers.cjib import regime, reminder_number, wahv_increases

from .explain_cases import CASE_BY_ID, amt, run, with_facts

BOETE = CASE_BY_ID["cjib-boete"]
AANMANING = CASE_BY_ID["cjib-aanmaning"]
STRAF = ("Strafbeschikking. Het Openbaar Ministerie legt u een geldboete op.",)


@pytest.mark.parametrize(
    ("fine", "first", "second"),
    [pytest.param("300", "450.00", "900.00", id="300"), pytest.param("110", "165.00", "330.00", id="110"),
     pytest.param("95.50", "143.25", "286.50", id="cents")],
)
def test_wahv_increases(fine, first, second):
    assert wahv_increases(Decimal(fine)) == (Decimal(first), Decimal(second))


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param(("Wet administratiefrechtelijke handhaving verkeersvoorschriften",), "wahv", id="wahv-law"),
        pytest.param(("Kenteken: 12-AB-34",), "wahv", id="kenteken"),
        pytest.param(STRAF, "strafbeschikking", id="straf"),
        pytest.param(("Strafbeschikking. Kenteken 12-AB-34",), "strafbeschikking", id="straf-wins"),
        pytest.param(("Beschikking. Betaal het bedrag.",), None, id="unknown"),
    ],
)
def test_regime(pages, expected):
    assert regime(with_facts("cjib-boete", *pages)) == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [pytest.param("Eerste aanmaning", 1, id="first"), pytest.param("TWEEDE AANMANING", 2, id="second"),
     pytest.param("2e aanmaning", 2, id="2e"), pytest.param("Aanmaning", None, id="plain")],
)
def test_reminder_number(text, n):
    assert reminder_number(with_facts("cjib-boete", text)) == n



def test_boete_explains_both_increases_and_that_paying_stops_them():
    e = run(BOETE)
    assert "Een boete van € 300,00 wordt zo eerst € 450,00 en daarna € 900,00." in e.amount_text
    assert "Betaal je op tijd? Dan komt er niets bij." in e.amount_text
    for word in ("rekening of je loon", "dwangbevel", "beslag", "opgesloten"):
        assert word in e.if_you_do_nothing
    assert any("noodstop" in s for s in e.what_to_do)
    assert any(h.name.startswith("Schuldhulp") for h in e.help)


def test_first_and_second_aanmaning():
    first = run(AANMANING)
    assert "Van € 300,00 werd het € 450,00." in first.amount_text
    assert "€ 900,00" in first.amount_text
    second = run(AANMANING, pages=("Tweede aanmaning. Wahv.",),
                 fields=replace(AANMANING.fields, amounts=(amt(300, "fine"), amt(600, "increase")), amount_due=Decimal("900.00")))
    assert "drie keer zo hoog" in second.amount_text
    assert "Betaal je nu? Dan komt er niets meer bij." in second.amount_text


def test_strafbeschikking_states_no_figures():
    e = run(BOETE, pages=STRAF)
    assert "€ 450,00" not in e.amount_text and "helft" not in e.amount_text
    assert "Kijk op de brief hoeveel er dan bij komt." in e.amount_text
    assert "Op de brief staat wat je kunt doen en tot wanneer." in e.objection
    assert "woensdag 27 mei 2026" not in e.objection  # the six weeks are not confirmed for this remedy
    assert "gijzeling" not in e.if_you_do_nothing


def test_unknown_regime_states_no_figures():
    e = run(BOETE, pages=("Beschikking",))
    assert "€ 450,00" not in e.amount_text


def test_no_fine_amount_no_example():
    e = run(BOETE, fields=replace(BOETE.fields, amounts=(amt(300, "total"),)))
    assert "de helft hoger" in e.amount_text and "€ 450,00" not in e.amount_text
