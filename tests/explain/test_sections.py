"""Every kind: each section filled, no placeholder left, B1 on the whole answer, nothing invented."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import replace

import pytest

from snapdebrief.explainers import EXPLAINERS, explain_letter
from snapdebrief.explainers.generic import explain as generic_explain
from snapdebrief.readability import problems
from snapdebrief.result import Fields

from .explain_cases import CASES, TEXTS, TODAY, run, whole_text

KINDS = (
    "belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
    "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
    "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
    "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek", "duo-studieschuld",
    "afspraak-uitnodiging", "overig",
)
CASE_PARAMS = [pytest.param(c, id=c.id) for c in CASES]
# Full cases whose warnings are the point of the case.
EXPECTED_WARNINGS = {"incasso-aanmaning": "kosten", "incasso-14-dagenbrief": "14 dagen"}


def test_every_kind_has_a_case_and_texts():
    assert {c.kind for c in CASES} == set(KINDS) == set(TEXTS)
    assert set(EXPLAINERS) <= set(KINDS)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_sections_are_filled(case):
    e = run(case)
    assert e.summary.strip()
    assert e.what_to_do and all(s.strip() for s in e.what_to_do)
    assert e.deadline_text
    assert e.if_you_do_nothing.strip()
    assert (e.amount_text is not None) == case.money
    assert (e.objection is not None) == TEXTS[case.kind].objection_possible
    assert e.help and all(h.name and h.why for h in e.help)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_no_placeholder_left_and_b1(case):
    text = whole_text(run(case))
    assert not re.search(r"[{}]", text)
    assert problems(text) == []


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_full_letter_has_no_missing_value_warnings(case):
    e = run(case)
    assert not any(w.startswith("We konden niet lezen") for w in e.warnings)
    assert "Kijk op de brief hoeveel" not in whole_text(e)
    expected = EXPECTED_WARNINGS.get(case.id)
    if expected:
        assert any(expected in w for w in e.warnings)
    else:
        assert e.warnings == ()


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES if c.fields.amount_due])
def test_missing_values_say_what_to_check(case):
    e = run(case, fields=Fields(letter_date=case.fields.letter_date), deadline=None, objection_deadline=None)
    text = whole_text(e)
    assert "Kijk op de brief hoeveel je moet betalen." in text
    assert ("We konden niet lezen hoeveel je moet betalen. Kijk het zelf na op de brief. "
            "Zoek naar woorden als 'totaal', 'te betalen' of 'openstaand'.") in e.warnings
    if any("{sender}" in t for t in (TEXTS[case.kind].summary, *TEXTS[case.kind].what_to_do)):
        assert ("We konden niet lezen wie de brief stuurde. Kijk het zelf na op de brief. "
                "Kijk bovenaan de brief, bij het logo.") in e.warnings
    assert "€" not in e.amount_text  # no amount made up
    assert not re.search(r"\bNL\d{2}\b", text)  # no IBAN made up
    assert not re.search(r"[{}]", text)
    assert problems(text) == []


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_amount_and_iban_are_formatted(case):
    e = run(case)
    text = whole_text(e)
    if case.fields.iban:
        grouped = " ".join(case.fields.iban[i:i + 4] for i in range(0, len(case.fields.iban), 4))
        assert grouped in text
    if case.fields.amount_due:
        assert re.search(r"€ \d{1,3}(?:\.\d{3})*,\d{2}", e.amount_text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no ISO dates


def test_kinds_without_an_explainer_use_generic():
    case = next(c for c in CASES if c.kind == "overig")
    assert "overig" not in EXPLAINERS
    args = (TEXTS["overig"], case.fields, case.classification(), case.deadline, None, TODAY)
    assert explain_letter(*args) == generic_explain(*args)


def test_unknown_region_falls_back_to_amsterdam():
    case = CASES[0]
    assert run(case, region="groningen").help == run(case).help


def test_private_kenmerk_whole_only_in_the_payment_step():
    case = next(c for c in CASES if c.id == "toeslag-terugvordering")
    e = run(case)
    ref = case.fields.payment_reference.value
    steps_with_ref = [s for s in e.what_to_do if ref in s]
    assert len(steps_with_ref) == 1
    assert "deel van je BSN" in steps_with_ref[0]
    others = [e.summary, e.deadline_text, e.amount_text, e.if_you_do_nothing, e.objection]
    assert not any(ref in (x or "") for x in others)


def test_plain_reference_has_no_bsn_note():
    case = next(c for c in CASES if c.id == "energie-achterstand")
    assert "BSN" not in whole_text(run(case))


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id) for c in CASES if c.fields.amount_due is None and c.money])
def test_refund_or_benefit_asks_nothing_to_pay(case):
    e = run(case)
    assert e.amount_text.startswith("Je hoeft niets te betalen.")
    assert not any(s.startswith("Betaal") for s in e.what_to_do)
    assert e.warnings == ()


def test_refund_with_pay_oriented_texts():
    # One kind's texts serve both a bill and a refund: the pay sentences go, the refund is said.
    case = next(c for c in CASES if c.id == "belasting-aanslag-refund")
    texts = TEXTS["belasting-aanslag"]
    assert any("Betaal" in s for s in texts.what_to_do)
    e = run(case)
    assert "€ 456,00 terug" in e.summary
    assert "aanmaning" not in e.if_you_do_nothing


def test_urgent_kinds_say_today():
    for case in CASES:
        e = run(case)
        urgent = case.kind == "deurwaarder"
        assert all(("vandaag" in h.why) == urgent for h in e.help if h.name != "Wie de brief stuurde"), case.id


def test_first_step_first_for_urgent_letters():
    case = next(c for c in CASES if c.id == "deurwaarder-dagvaarding")
    assert "vandaag" in run(case).what_to_do[0]


def test_explanation_is_frozen_and_stable():
    case = CASES[0]
    assert run(case) == run(case)
    with pytest.raises(AttributeError):
        run(case).summary = "x"  # type: ignore[misc]


def test_pages_and_facts_are_optional():
    case = next(c for c in CASES if c.id == "incasso-14-dagenbrief")
    bare = dataclasses.replace(case.classification(), facts=())
    e = explain_letter(TEXTS[case.kind], case.fields, bare, case.deadline, None, TODAY)
    assert not any("14 dagen" in w for w in e.warnings)  # the check needs the letter's facts


def test_je_not_u_in_generated_texts():
    for case in CASES:
        for variant in (case.fields, replace(case.fields, sender=None, iban=None, amount_due=None)):
            assert "formal" not in " ".join(problems(whole_text(run(case, fields=variant)))), case.id


def test_not_found_lists_the_values_left_out() -> None:
    from datetime import date

    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    letter = (b"Incassobureau Hollandia B.V.\nPostbus 1234, 3500 AA Utrecht\n\nUtrecht, 12 maart 2026\n\n"
              b"Geachte heer,\n\nOnze opdrachtgever heeft ons gevraagd de vordering te innen. "
              b"Neem contact met ons op.\n")
    result = explain([letter], Options(today=date(2026, 3, 13)))
    data = result.to_json()
    assert set(data["explanation"]["not_found"]) >= {"amount", "date", "iban", "reference"}
    assert data["amount_due"] is None and data["deadline"] is None


def test_a_kind_that_asks_no_payment_shows_no_amount_account_or_reference() -> None:
    """An amount on an invitation is no ask: left out, and back when the volunteer corrects the
    kind (issue #15)."""
    from datetime import date

    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain
    from snapdebrief.ui.session import Corrections, apply_corrections

    letter = ("Gemeente Zaanstad\nPostbus 2000, 1500 GA Zaandam\n\nDatum: 2 februari 2027\n\n"
              "Uitnodiging voor een gesprek\n\nBeste Sanne,\n\nJe energieleverancier meldde een "
              "achterstand van € 412,00. Wij nodigen je uit voor een gesprek op dinsdag 9 februari "
              "2027 om 13.30 uur op het Stadhuis. Maak het bedrag over naar NL91 ABNA 0417 1643 00 "
              "onder vermelding van 2027-0456.\n").encode()
    options = Options(today=date(2027, 2, 3))
    result = explain([letter], options)
    data = result.to_json()
    assert data["kind"] == "afspraak-uitnodiging"
    assert (data["amount_due"], data["iban"], data["payment_reference"]) == (None, None, None)
    fixed = apply_corrections(result, Corrections(kind="incasso-aanmaning"), options).to_json()
    assert (fixed["amount_due"], fixed["iban"]) == (412.0, "NL91ABNA0417164300")
