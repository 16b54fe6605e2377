"""Money is a Decimal from the letter to the edge, and a JSON number at the edge (#18).

The JSON contract (`explain --json`, the API, a desk case's truth) keeps amounts as numbers that
print as they always did (1265.0, 20.86); inside, a float is refused where it would enter.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.result import Amount, Fields, json_number
from snapdebrief.service import wire
from snapdebrief.ui.session import Corrections, apply_corrections, typed_amount

TODAY = date(2026, 4, 1)

# Parts that float arithmetic cannot add: 0.10 + 0.20 + 0.40 is 0.7000000000000001 in floats.
PARTS = (
    "Incasso Noord B.V.\n\nAmsterdam, 20 maart 2026\n\nBetreft: herinnering factuur 2026-0117\n\n"
    "Hoofdsom                      € 0,10\n"
    "Wettelijke rente              € 0,20\n"
    "Administratiekosten           € 0,40\n\n"
    "Betaal vóór 3 april 2026 op NL91ABNA0417164300.\n"
)


@pytest.fixture(scope="module")
def result():
    return explain([PARTS.encode()], Options(today=TODAY))


def test_the_sum_of_cents_parts_is_exact_and_a_json_number(result) -> None:
    assert result.fields.amount_due == Decimal("0.70")
    assert all(isinstance(a.value, Decimal) for a in result.fields.amounts)
    text = json.dumps(result.to_json(), ensure_ascii=False, indent=2)
    # a number, not a string, and not 0.7000000000000001
    assert '"amount_due": 0.7,' in text
    assert [a["value"] for a in json.loads(text)["amounts"]] == [0.1, 0.2, 0.4]
    assert "€ 0,70" in result.explanation.amount_text


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        pytest.param("1265.00", "1265.0", id="whole-euros-as-before"),
        pytest.param("123.40", "123.4", id="trailing-zero-as-before"),
        pytest.param("20.86", "20.86", id="cents"),
        pytest.param("-50.00", "-50.0", id="credit"),
        pytest.param("0.30", "0.3", id="no-binary-tail"),
    ],
)
def test_json_number_prints_as_the_contract_always_did(value: str, printed: str) -> None:
    assert json.dumps(json_number(Decimal(value))) == printed


@given(st.decimals(min_value=-10**13, max_value=10**13, places=2, allow_nan=False, allow_infinity=False))
def test_json_number_keeps_every_cent(value: Decimal) -> None:
    """The number printed reads back as the very amount: nothing rounded at the edge."""
    assert Decimal(json.dumps(json_number(value))) == value


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda: Amount(0.3, "total", "€ 0,30", None), id="amount"),
        pytest.param(lambda: Fields(amount_due=0.3), id="amount-due"),
    ],
)
def test_a_float_is_refused_where_money_enters(build) -> None:
    with pytest.raises(TypeError, match="Decimal"):
        build()


def test_the_app_queue_sends_decimals_as_their_digits(result) -> None:
    sent = json.loads(json.dumps(wire.dump(result)))
    back = wire.load_result(sent)
    assert back.fields.amount_due == Decimal("0.70") and isinstance(back.fields.amount_due, Decimal)
    assert [str(a.value) for a in back.fields.amounts] == ["0.10", "0.20", "0.40"]


def test_a_volunteers_amount_is_a_decimal(result) -> None:
    # Streamlit's number field gives a float; its digits are what the volunteer typed
    assert typed_amount(12.3) == Decimal("12.30") and str(typed_amount(12.3)) == "12.30"
    assert typed_amount(0.1 + 0.2) == Decimal("0.30")
    assert typed_amount(None) is None
    fixed = apply_corrections(result, Corrections(amount_due=typed_amount(12.3)), Options(today=TODAY))
    assert fixed.fields.amount_due == Decimal("12.30")
    assert fixed.to_json()["amount_due"] == 12.3


def test_an_amount_longer_than_decimals_precision_is_no_bug() -> None:
    """Rounding to cents has room for any number of digits: a 34-digit "amount" (OCR noise, a
    joke) gets an answer, where quantize() with the default 28 digits raised InvalidOperation."""
    letter = ("Geachte heer,\n\nBetaal € 1111111111111111111111111111111111 vóór 1 mei 2026.\n"
              "Hoofdsom € 99999999999999999999999999999,00\nRente € 1,00\n")
    out = explain([letter.encode()], Options(today=TODAY)).to_json()
    assert all(isinstance(a["value"], float) for a in out["amounts"])
    assert "€ 1,00" in (out["explanation"]["amount_text"] or "")
