"""WIK: the legal maximum of incassokosten (Besluit BIK art. 2) and the 14-dagenbrief term."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
import yaml

from snapdebrief.explainers.incasso import (
    WIK_FILE,
    check_costs,
    counts_from_letter_date,
    wik_max,
    wik_scale,
)
from snapdebrief.phrasings.amount_tags import load_amount_tags, tagged
from snapdebrief.result import Fields

from .explain_cases import CASE_BY_ID, amt, run, with_facts


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        pytest.param(100, "40.00", id="100-minimum"),
        pytest.param(266.67, "40.00", id="266.67-still-minimum"),
        pytest.param(266.68, "40.00", id="266.68-rounds-to-40"),
        pytest.param(270, "40.50", id="270-above-minimum"),
        pytest.param(500, "75.00", id="500"),
        pytest.param(2500, "375.00", id="2500"),
        pytest.param(3000, "425.00", id="3000"),
        pytest.param(5000, "625.00", id="5000"),
        pytest.param(10000, "875.00", id="10000"),
        pytest.param(200000, "2775.00", id="200000"),
        pytest.param(1000000, "6775.00", id="1000000-maximum"),
        pytest.param(5000000, "6775.00", id="5000000-capped"),
        pytest.param(0.01, "40.00", id="tiny"),
    ],
)
def test_wik_edges(principal, expected):
    assert wik_max(principal) == Decimal(expected)


def test_scale_is_data_with_valid_from_and_source():
    from importlib import resources

    data = yaml.safe_load((resources.files("snapdebrief") / "data" / WIK_FILE).read_text(encoding="utf-8"))
    for scale in data["scales"]:
        assert scale["valid_from"] and "2012, 141" in scale["source"]
    assert wik_scale(date(2026, 5, 4)).valid_from == date(2012, 7, 1)
    assert wik_scale(date(2000, 1, 1)).minimum == Decimal(40)  # before any scale: the oldest


def _fields(principal, costs, *extra):
    amounts = (amt(principal, "principal", "Hoofdsom"), amt(costs, "costs", "Incassokosten"), *extra)
    return Fields(amounts=amounts, amount_due=sum((a.value for a in amounts), Decimal(0)))


@pytest.mark.parametrize(
    ("fields", "pages", "limit", "too_high"),
    [
        pytest.param(_fields(500, 75), (), "75.00", False, id="exactly-the-limit"),
        pytest.param(_fields(500, 75.01), (), "75.00", True, id="one-cent-over"),
        pytest.param(_fields(100, 48.40), ("Incassokosten € 40,00, btw € 8,40",), "48.40", False, id="btw-mentioned"),
        pytest.param(_fields(100, 48.40), ("Incassokosten € 48,40",), "40.00", True, id="btw-not-mentioned"),
        pytest.param(_fields(100, 40, amt(8.4, "other", "BTW")), (), "48.40", False, id="btw-line"),
        pytest.param(_fields(3000, 425), (), "425.00", False, id="3000"),
    ],
)
def test_check_costs(fields, pages, limit, too_high):
    check = check_costs(fields, with_facts("incasso-aanmaning", *pages).has("btw"))
    assert check.limit == Decimal(limit)
    assert check.too_high is too_high


def test_court_and_bailiff_costs_are_not_wik():
    # After a vonnis: proceskosten and betekening come on top of the flat WIK fee.
    fields = Fields(amounts=(
        amt(1640, "principal", "Hoofdsom"), amt(246, "costs", "Buitengerechtelijke kosten"),
        amt(412.52, "costs", "Proceskosten"), *tagged([replace(amt(119.36, "costs", "Kosten"), text="Kosten betekening 8 april 2026")],
                load_amount_tags()),
    ))
    check = check_costs(fields)
    assert check.costs == Decimal("246.00") and not check.too_high


def test_announced_costs_with_their_sum_count_once():
    fields = Fields(amounts=(amt(2552.54, "principal"), amt(380.25, "costs", "incassokosten"),
                             amt(79.85, "costs", "btw"), amt(460.10, "costs", "Samen")))
    check = check_costs(fields, with_facts("incasso-aanmaning", "Omdat wij de btw niet kunnen verrekenen, komt daar 21% btw bij.").has("btw"))
    assert check.costs == Decimal("460.10") and check.limit == Decimal("460.10") and not check.too_high


def test_no_check_without_principal_or_costs():
    assert check_costs(Fields(amounts=(amt(100, "total"),))) is None
    assert check_costs(Fields(amounts=(amt(100, "principal"),))) is None


def test_invoice_lines_plus_their_total_count_once():
    fields = Fields(amounts=(amt(300, "principal"), amt(200, "principal"), amt(500, "principal"),
                             amt(75, "costs")))
    assert check_costs(fields).principal == Decimal("500.00")


def test_too_high_costs_lower_the_payment_step():
    e = run(CASE_BY_ID["incasso-aanmaning"])
    assert any(s.startswith("Betaal € 587,50") for s in e.what_to_do)
    assert any("hoogstens € 75,00" in w for w in e.warnings)
    assert "Je hoeft dus hoogstens € 587,50 te betalen." in e.amount_text


def test_too_high_costs_when_parts_do_not_add_up_keep_the_amount():
    case = CASE_BY_ID["incasso-aanmaning"]
    fields = replace(case.fields, amount_due=Decimal("700.00"))  # something else on the letter we did not read
    e = run(case, fields=fields)
    assert any(s.startswith("Betaal € 700,00") for s in e.what_to_do)
    assert any(s.startswith("Betaal nog niet alles.") for s in e.what_to_do)


def test_allowed_costs_are_said():
    case = CASE_BY_ID["deurwaarder-dagvaarding"]
    fields = replace(case.fields, amounts=(amt(845, "principal"), amt(126.75, "costs")))
    text = run(case, fields=fields).amount_text
    assert "De kosten op de brief zijn niet hoger." not in text  # a dagvaarding is past the WIK stage
    sommatie = replace(CASE_BY_ID["deurwaarder-dagvaarding"], stage="sommatie", pages=("Sommatie",))
    text = run(sommatie, fields=fields).amount_text
    assert "hoogstens € 126,75 aan kosten toe. De kosten op de brief zijn niet hoger." in text


@pytest.mark.parametrize(
    ("text", "early"),
    [
        pytest.param("Betaal binnen 14 dagen na dagtekening van deze brief.", True, id="na-dagtekening"),
        pytest.param("binnen veertien dagen na de datum van deze brief", True, id="datum-van-deze-brief"),
        pytest.param("binnen 14 dagen na verzending van deze brief", True, id="verzending"),
        pytest.param("U dient binnen 14 dagen na heden te betalen", True, id="na-heden"),
        pytest.param("uiterlijk 14 dagen na de briefdatum", True, id="briefdatum"),
        pytest.param("binnen veertien (14) dagen gerekend vanaf dagtekening", True, id="gerekend-vanaf"),
        pytest.param("binnen 14 dagen\nna dagtekening", True, id="line-break"),
        pytest.param("binnen veertien dagen nadat u deze brief heeft ontvangen", False, id="nadat-ontvangen"),
        pytest.param("binnen 14 dagen na ontvangst van deze brief", False, id="na-ontvangst"),
        pytest.param("binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd", False, id="bezorgd"),
        pytest.param("binnen 14 dagen na de dag van ontvangst", False, id="dag-van-ontvangst"),
        pytest.param("binnen 14 dagen", False, id="no-start-given"),
        pytest.param("binnen 30 dagen na dagtekening", False, id="other-term"),
    ],
)
def test_fourteen_day_start(text, early):
    assert counts_from_letter_date(with_facts("incasso-aanmaning", text)) is early


def test_fourteen_day_letter_warning_and_near_miss():
    case = CASE_BY_ID["incasso-14-dagenbrief"]
    e = run(case)
    assert any("vanaf de dag nadat je de brief kreeg" in w for w in e.warnings)
    assert "Je hoeft de kosten van deze brief nog niet te betalen." in e.amount_text
    ok = run(case, pages=("Betaal binnen veertien dagen nadat u deze brief heeft ontvangen.",))
    assert ok.warnings == ()
    # The same words in a later aanmaning are no 14-dagenbrief.
    later = run(replace(case, stage="aanmaning"))
    assert not any("14 dagen" in w for w in later.warnings)


@pytest.mark.parametrize(
    ("lines", "due", "expected"),
    [
        pytest.param(("742.18", "742.18"), "1484.36", "1484.36", id="two-equal-months-add-up-to-the-total"),
        pytest.param(("100.00", "100.00"), "140.00", "100.00", id="one-line-read-twice"),
        pytest.param(("60.00", "40.00", "100.00"), None, "100.00", id="lines-and-their-sum"),
        pytest.param(("60.00", "40.00"), None, "100.00", id="two-lines"),
        # in floats 0.10 + 0.20 is 0.30000000000000004: with a tolerance gone, only exact cents
        # see that the two lines make the total
        pytest.param(("0.10", "0.20"), "0.30", "0.30", id="cents-lines-add-up-exactly"),
        pytest.param(("0.10", "0.20", "0.30"), None, "0.30", id="cents-lines-and-their-sum"),
    ],
)
def test_principal_value(lines, due, expected):
    from snapdebrief.explainers.generic import principal_value
    from snapdebrief.result import Fields

    from .explain_cases import amt

    fields = Fields(amounts=tuple(amt(v, "principal") for v in lines),
                    amount_due=None if due is None else Decimal(due))
    got = principal_value(fields)
    assert isinstance(got, Decimal) and got == Decimal(expected)


def test_scale_is_read_as_decimal_from_its_digits():
    """wik.yaml's amounts and percentages are Decimals made from the file's own text (#18): a
    float on the way would have made 2500.00 into 2500.0 and 0.5 into a binary fraction."""
    scale = wik_scale(date(2026, 5, 4))
    values = [scale.minimum, scale.maximum, scale.btw_percent,
              *(b.percent for b in scale.bands), *(b.upto for b in scale.bands if b.upto is not None)]
    assert all(isinstance(v, Decimal) for v in values)
    assert [str(b.upto) for b in scale.bands] == ["2500.00", "5000.00", "10000.00", "200000.00", "None"]
    assert str(scale.minimum) == "40.00" and str(scale.bands[-1].percent) == "0.5"
