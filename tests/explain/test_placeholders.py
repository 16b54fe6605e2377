"""Filling a kind's text: values as printed, nothing invented, a 'Kijk op de brief' for each gap."""

from __future__ import annotations

from datetime import date

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.explainers.placeholders import Values, fill, sender_phrase

FULL = Values(
    sender="Incasso Noord B.V.", amount="€ 632,50", date=date(2026, 5, 5), action="pay",
    iban="NL91 ABNA 0417 1643 00", reference="D-2026-0042", objection_date=date(2026, 6, 2),
)
EMPTY = Values(action="pay")


@pytest.mark.parametrize(
    ("template", "values", "expected", "missing"),
    [
        pytest.param("Betaal {amount} vóór {weekday} {date}.", FULL,
                     "Betaal € 632,50 vóór dinsdag 5 mei 2026.", set(), id="weekday-date-one-date"),
        pytest.param("Betaal {amount} vóór {date}.", FULL,
                     "Betaal € 632,50 vóór dinsdag 5 mei 2026.", set(), id="date-has-weekday"),
        pytest.param("Betaal € {amount} nu.", FULL, "Betaal € 632,50 nu.", set(), id="no-double-euro"),
        pytest.param("Het is {weekday}.", FULL, "Het is dinsdag.", set(), id="weekday-alone"),
        pytest.param("Zet {reference} erbij.", FULL, "Zet D-2026-0042 erbij.", set(), id="reference-as-printed"),
        pytest.param("Bel of mail {sender}.", FULL, "Bel of mail Incasso Noord B.V.", set(), id="no-double-dot"),
        pytest.param("Betaal {amount} vóór {date}.", EMPTY,
                     "Betaal het bedrag vóór de datum op de brief. Kijk op de brief hoeveel je moet betalen. "
                     "Kijk op de brief vóór welke datum je moet betalen.", {"amount", "date"}, id="amount-date-missing"),
        pytest.param("Zet het geld op rekening {iban}.", EMPTY,
                     "Zet het geld op het rekeningnummer op de brief. Kijk op de brief naar welk "
                     "rekeningnummer je moet betalen.", {"iban"}, id="iban-missing-keeps-preposition"),
        pytest.param("Maak het geld over naar {iban}.", EMPTY,
                     "Maak het geld over naar het rekeningnummer op de brief. Kijk op de brief naar welk "
                     "rekeningnummer je moet betalen.", {"iban"}, id="iban-missing-bare"),
        pytest.param("Zet het kenmerk erbij: {reference}.", EMPTY,
                     "Zet het kenmerk van de brief erbij. Kijk op de brief welk kenmerk je bij je "
                     "betaling moet zetten.", {"reference"}, id="reference-missing"),
        pytest.param("Zet bij de omschrijving het kenmerk {reference}.", EMPTY,
                     "Zet bij de omschrijving het kenmerk op de brief. Kijk op de brief welk kenmerk je "
                     "bij je betaling moet zetten.", {"reference"}, id="reference-missing-inline"),
        pytest.param("{sender} wil geld.", EMPTY, "De afzender wil geld. Kijk op de brief wie hem stuurde.",
                     {"sender"}, id="sender-missing-capitalised"),
        pytest.param("Ga naar de afspraak op {weekday} {date}.", Values(),
                     "Ga naar de afspraak op de datum op de brief. Kijk op de brief wanneer je afspraak is.",
                     {"date"}, id="date-check-from-sentence"),
        pytest.param("Dat kan tot {objection_date}.", EMPTY,
                     "Dat kan tot de datum op de brief. Kijk op de brief tot wanneer dat kan.",
                     {"objection_date"}, id="objection-date-missing"),
        pytest.param("Lees de brief.", EMPTY, "Lees de brief.", set(), id="no-placeholders"),
    ],
)
def test_fill(template, values, expected, missing):
    text, miss = fill(template, values)
    assert text == expected
    assert set(miss) == missing
    assert "{" not in text and "}" not in text


def test_unknown_placeholder_is_a_rule_file_error():
    with pytest.raises(RuleFileError) as err:
        fill("Betaal {bedrag}.", FULL, kind="incasso-aanmaning")
    assert "incasso-aanmaning" in err.value.path
    assert "{bedrag}" in err.value.problem


@pytest.mark.parametrize(
    ("payment", "expected"),
    [pytest.param(True, "Zet 5000 0567 8901 2345 erbij.", id="payment-step-whole"),
     pytest.param(False, "Zet het kenmerk op de brief erbij.", id="elsewhere-masked")],
)
def test_private_reference_only_whole_where_you_pay(payment, expected):
    values = Values(reference="5000 0567 8901 2345", reference_private=True)
    text, missing = fill("Zet {reference} erbij.", values, payment=payment)
    assert text == expected
    assert not missing  # masking is on purpose, not a gap


def test_refund_drops_pay_sentences_and_their_lead_in_question():
    values = Values(sender="Belastingdienst", amount="€ 456,00", refund=True)
    text, missing = fill("Kijk goed. Moet je betalen? Betaal {amount} vóór {date}. Bewaar de brief.",
                         values, drop_pay=True)
    assert text == "Kijk goed. Bewaar de brief."
    assert not missing


def test_optional_date_sentence_is_dropped_only_after_a_question():
    values = Values()
    text, missing = fill("Moet je iets doen? Doe dat dan vóór {date}.", values, optional_dates=True)
    assert text == "" and not missing
    text, missing = fill("Stuur de papieren vóór {date}.", values, optional_dates=True)
    assert "Kijk op de brief" in text and missing == {"date"}


@pytest.mark.parametrize(
    ("sender", "expected"),
    [pytest.param("Belastingdienst", "de Belastingdienst", id="belastingdienst"),
     pytest.param("CJIB", "het CJIB", id="cjib"), pytest.param("uwv", "het UWV", id="uwv-lower"),
     pytest.param("DUO", "DUO", id="duo-no-article"),
     pytest.param("Gemeente Amsterdam", "Gemeente Amsterdam", id="gemeente-as-printed")],
)
def test_sender_phrase(sender, expected):
    assert sender_phrase(sender) == expected
