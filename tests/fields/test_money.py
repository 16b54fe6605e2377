"""Amounts and their roles (snapdebrief/fields/money.py): printed formats, labels, traps, the
amount due, property tests, and a measurement on the sample letters."""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.fields.money import amount_due, amounts_and_due, find_amounts, parse_value

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "letters"


def one(text: str):
    found = find_amounts([text])
    assert len(found) == 1, [(a.value, a.role, a.label) for a in found]
    return found[0]


def roles(text: str) -> list[tuple[Decimal, str]]:
    return [(a.value, a.role) for a in find_amounts([text])]


def eur(value: float | None) -> Decimal | None:
    """A table's expected amount (written as a number, in cents) as the exact Decimal it means."""
    return None if value is None else Decimal(str(value))


# --- printed formats ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Te betalen € 1.234,56", 1234.56, id="euro-sign-space"),
        pytest.param("Te betalen €1.234,56", 1234.56, id="euro-sign-glued"),
        pytest.param("Te betalen EUR 1.234,56", 1234.56, id="EUR"),
        pytest.param("Te betalen 1.234,56 euro", 1234.56, id="euro-after"),
        pytest.param("Te betalen € 45,-", 45.0, id="comma-dash"),
        pytest.param("Te betalen € 45,--", 45.0, id="comma-double-dash"),
        pytest.param("Te betalen € 1.234", 1234.0, id="dot-is-thousands"),
        pytest.param("Te betalen € 1.234.567,89", 1234567.89, id="millions"),
        pytest.param("Te betalen € 245.00", 245.0, id="ocr-dot-for-comma"),
        pytest.param("Te betalen € 0,25", 0.25, id="cents"),
        pytest.param("Hoofdsom                        245,00", 245.0, id="bare-number-in-row"),
    ],
)
def test_formats(text: str, value: float) -> None:
    assert one(text).value == eur(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Correctie        -€ 12,50", -12.5, id="minus-before-sign"),
        pytest.param("Correctie        € -12,50", -12.5, id="minus-after-sign"),
        pytest.param("Correctie        € 12,50-", -12.5, id="minus-behind"),
        pytest.param("Correctie        (€ 12,50)", -12.5, id="brackets-in-column"),
        pytest.param("Correctie        - € 12,50", -12.5, id="spaced-minus-in-column"),
        pytest.param("- € 12,50 aanmaningskosten", 12.5, id="near-miss-bullet"),
        pytest.param("met 21% btw (€ 12,99), omdat", 12.99, id="near-miss-aside-in-sentence"),
    ],
)
def test_signs(text: str, value: float) -> None:
    assert one(text).value == eur(value)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Rente 7,5% per jaar", id="percentage"),
        pytest.param("Datum 12-03-2026", id="date"),
        pytest.param("Postbus 2526, 6401 DA Heerlen", id="postbus"),
        pytest.param("Factuurnummer 2026,12", id="no-money-label"),
        pytest.param("", id="empty"),
    ],
)
def test_no_amount(text: str) -> None:
    assert find_amounts([text]) == []


def test_range_keeps_both_positive() -> None:
    assert [a.value for a in find_amounts(["tussen € 40 – € 6.775 incassokosten"])] == [40, 6775]


def test_evidence_points_at_the_amount() -> None:
    pages = ["Brief\f", "Hoofdsom      € 245,00"]
    a = find_amounts(pages)[0]
    assert a.evidence is not None and a.evidence.page == 2
    assert pages[1][a.evidence.start : a.evidence.end] == "€ 245,00"
    assert a.text == "Hoofdsom      € 245,00"


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role", "label"),
    [
        pytest.param("Totaal te betalen            € 296,52", "total", "Totaal te betalen", id="tot"),
        pytest.param("Te betalen                   € 1.219", "total", "Te betalen", id="te-betalen"),
        pytest.param("Openstaand saldo             € 843,66", "total", "Openstaand saldo",
                     id="openstaand-saldo"),
        pytest.param("Totaal verschuldigd          € 1.475,61", "total", "Totaal verschuldigd",
                     id="totaal-verschuldigd"),
        pytest.param("Nog te betalen               € 205,26", "total", "Nog te betalen",
                     id="nog-te-betalen"),
        pytest.param("Hoofdsom                     € 748,20", "principal", "Hoofdsom", id="hoofdsom"),
        pytest.param("Openstaand bedrag            € 120,00", "principal", "Openstaand bedrag",
                     id="openstaand-bedrag"),
        pytest.param("Factuurbedrag                € 79,95", "principal", "Factuurbedrag",
                     id="factuurbedrag"),
        pytest.param("Afvalstoffenheffing          € 488,54", "principal", "Afvalstoffenheffing",
                     id="heffing"),
        pytest.param("Wettelijke rente t/m 15-04-2026   € 9,66", "interest", "Wettelijke rente",
                     id="wettelijke-rente"),
        pytest.param("Invorderingsrente            € 5,00", "interest", "Invorderingsrente",
                     id="invorderingsrente"),
        pytest.param("Incassokosten                € 112,23", "costs", "Incassokosten",
                     id="incassokosten"),
        pytest.param("Buitengerechtelijke kosten   € 246,00", "costs",
                     "Buitengerechtelijke kosten", id="buitengerechtelijke"),
        pytest.param("Administratiekosten          € 9,00", "costs", "Administratiekosten",
                     id="administratiekosten"),
        pytest.param("Kosten aanmaning             € 8,00", "costs", "Kosten", id="kosten-aanmaning"),
        pytest.param("BTW 21% over incassokosten   € 23,57", "costs", "BTW", id="btw-over-kosten"),
        pytest.param("Salaris gemachtigde          € 372,00", "costs", "Salaris gemachtigde",
                     id="salaris-gemachtigde-is-no-income"),
        pytest.param("Sanctie                      € 300,00", "fine", "Sanctie", id="sanctie"),
        pytest.param("Boete                        € 109,00", "fine", "Boete", id="boete"),
        pytest.param("Eerste verhoging (50%)       € 55,00", "increase", "Eerste verhoging",
                     id="verhoging"),
        pytest.param("Zorgtoeslag per maand        € 123", "benefit", "Zorgtoeslag",
                     id="toeslag-per-maand"),
        pytest.param("Ontvangen voorschot huurtoeslag 2024    € 3.504", "benefit", "voorschot",
                     id="voorschot-received-is-benefit"),
        pytest.param("U krijgt terug                € 684", "refund", None, id="u-krijgt-terug"),
        pytest.param("U krijgt € 312 terug.", "refund", None, id="u-krijgt-x-terug"),
        pytest.param("Terug te ontvangen            € 1.012", "refund", None, id="terug-te-ontvangen"),
        pytest.param("Teruggaaf                     € 86", "refund", None, id="teruggaaf"),
        pytest.param("Wij betalen € 97,72 binnen 4 weken aan u uit.", "refund", None,
                     id="wij-betalen-uit"),
        pytest.param("Het bedrag van € 50,00 wordt aan u uitbetaald.", "refund", None,
                     id="wordt-uitbetaald"),
        pytest.param("U moet € 500 terugbetalen.", "total", None, id="near-miss-terugbetalen"),
    ],
)
def test_roles(text: str, role: str, label: str | None) -> None:
    a = one(text)
    assert a.role == role, (a.role, a.label)
    if label is not None:
        assert a.label is not None and label.lower() in a.label.lower()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("De WOZ-waarde van uw woning is € 312.000.", id="woz-waarde"),
        pytest.param("Vastgestelde waarde   € 412.000", id="vastgestelde-waarde"),
        pytest.param("Uw jaarpremie voor 2026 is € 1.907,40.", id="jaarpremie"),
        pytest.param("Uw premie is € 158,95 per maand.", id="premie-per-maand"),
        pytest.param("Uw maandhuur is € 812,46.", id="maandhuur"),
        pytest.param("Uw huur is € 750 per maand.", id="huur-per-maand"),
        pytest.param("Boven de grens van € 454 betaalt u meer kosten.", id="grens"),
        pytest.param("Bedragen van minder dan € 116 vorderen wij niet terug.", id="minder-dan"),
        pytest.param("De kosten zijn dan ongeveer € 168,00.", id="ongeveer"),
        pytest.param("Belastbaar inkomen uit werk en woning   € 48.613", id="inkomen"),
        pytest.param("Termijnbedrag                 € 187", id="termijnbedrag"),
        pytest.param("U kunt betalen in 10 termijnen van € 50.", id="termijnen-van"),
        pytest.param("U hoeft de afvalstoffenheffing van € 488,54 niet te betalen.", id="niet"),
        pytest.param("Als u niet op tijd betaalt, rekenen wij € 40,00 incassokosten.",
                     id="conditional-costs"),
    ],
)
def test_traps_are_other(text: str) -> None:
    assert all(a.role == "other" for a in find_amounts([text])), roles(text)


def test_sentence_takes_the_nearest_label() -> None:
    text = ("Als wij niets ontvangen, bent u naast de hoofdsom incassokosten verschuldigd. "
            "U moet de hoofdsom van € 245 en de rente van € 3 betalen.")
    assert roles(text)[-1] == (Decimal("3.00"), "interest")


def test_label_on_the_line_above() -> None:
    assert roles("Te betalen\n€ 1.234,00") == [(Decimal("1234.00"), "total")]


def test_sentence_wrapping_over_two_lines() -> None:
    text = "Wij verzoeken u het totale bedrag van\n€ 290,00 binnen 14 dagen te betalen."
    assert roles(text) == [(Decimal("290.00"), "total")]


def test_column_header_gives_the_role() -> None:
    text = ("Uw uitkering is gebaseerd op uw dagloon.\n\n"
            "Periode                        Percentage   Bruto per maand\n"
            "2 maart 2026 t/m 1 mei 2026    75%          € 2.322,41\n"
            "vanaf 2 mei 2026               70%          € 2.167,58\n")
    assert roles(text) == [(Decimal("2322.41"), "benefit"), (Decimal("2167.58"), "benefit")]


def test_base_and_unit_price_columns_are_other() -> None:
    text = "Onroerendezaakbelasting eigenaar   € 412.000   0,0442%   € 182,10"
    assert roles(text) == [(Decimal("412000.00"), "other"), (Decimal("182.10"), "principal")]


def test_paid_row_keeps_its_printed_sign() -> None:
    assert roles("Reeds betaald op 02-04-2026          -€ 50,00") == [(Decimal("-50.00"), "other")]


# --- tables: sums and the one total ---------------------------------------------------------

INCASSO = """\
Specificatie                                          Bedrag
Hoofdsom                                            € 748,20
Wettelijke rente t/m 15-04-2026                       € 9,66
Incassokosten                                       € 112,23
BTW 21% over incassokosten                           € 23,57
Totaal                                              € 893,66
Reeds betaald op 02-04-2026                         -€ 50,00
Openstaand saldo                                    € 843,66

Wij verzoeken u het openstaande saldo van € 843,66 uiterlijk op 29-04-2026 over
te maken op rekening NL48 RABO 0162 5390 84.
"""

AANMANING = """\
                                   Bedrag
Nog te betalen op de aanslag       € 326,00
Kosten aanmaning                     € 8,00
Invorderingsrente                    € 5,00
                                   --------
Totaal                             € 339,00
"""

TANDARTS = """\
Datum           Code   Behandeling                          Bedrag
02-12-2025      C002   Periodieke controle                   € 28,15
02-12-2025      V93    Vulling, drievlaks composiet         € 112,40
02-12-2025      E13    Wortelkanaalbehandeling, 1 kanaal    € 271,95
                       Openstaand                           € 412,50

Als wij uw betaling niet binnen deze termijn hebben ontvangen, bent u naast de
hoofdsom buitengerechtelijke incassokosten verschuldigd van € 61,88.
"""

BELASTING = """\
Belastbaar inkomen uit werk en woning (box 1)                   € 48.613
Inkomstenbelasting en premie volksverzekeringen                  € 6.482
Af: voorlopige aanslag 2024 (aanslagnummer 3844.41.312.H.40)    -€ 5.310
Saldo                                                            € 1.172
Belastingrente                                                      € 47

U moet betalen                                                   € 1.219
"""


def test_subtotal_becomes_other_and_the_open_balance_is_the_total() -> None:
    got = roles(INCASSO)
    assert (Decimal("893.66"), "other") in got
    assert [v for v, r in got if r == "total"] == [Decimal("843.66"), Decimal("843.66")]
    assert amount_due(find_amounts([INCASSO]), [INCASSO]) == Decimal("843.66")


def test_a_row_summed_into_a_total_is_principal() -> None:
    got = roles(AANMANING)
    assert got[0] == (Decimal("326.00"), "principal") and got[-1] == (Decimal("339.00"), "total")
    assert amount_due(find_amounts([AANMANING]), [AANMANING]) == Decimal("339.00")


def test_openstaand_under_the_rows_it_adds_up_is_the_total() -> None:
    got = roles(TANDARTS)
    assert (Decimal("412.50"), "total") in got and (Decimal("28.15"), "principal") in got
    assert (Decimal("61.88"), "other") in got  # costs that come only if one does not pay
    assert amount_due(find_amounts([TANDARTS]), [TANDARTS]) == Decimal("412.50")


def test_ocr_text_with_one_space_between_columns() -> None:
    """Tesseract's plain text keeps one space between columns; the rows must still add up."""
    text = re.sub(r" {2,}", " ", INCASSO)
    got = roles(text)
    assert (Decimal("893.66"), "other") in got and (Decimal("843.66"), "total") in got
    assert amount_due(find_amounts([text]), [text]) == Decimal("843.66")
    text = re.sub(r" {2,}", " ", TANDARTS)
    assert amount_due(find_amounts([text]), [text]) == Decimal("412.50")


def test_tax_assessment_saldo_then_interest() -> None:
    got = roles(BELASTING)
    assert (Decimal("48613.00"), "other") in got and (Decimal("-5310.00"), "other") in got and (Decimal("1172.00"), "other") in got
    assert amount_due(find_amounts([BELASTING]), [BELASTING]) == Decimal("1219.00")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Hoofdsom        € 245,00\nRente           € 3,12\nIncassokosten   € 40,00\n"
                     "BTW             € 8,40\nTotaal te betalen   € 296,52", 296.52, id="labelled"),
        pytest.param("Hoofdsom        € 245,00\nIncassokosten   € 40,00\n", 285.0, id="sum-rule"),
        pytest.param("Hoofdsom        € 245,00\nIncassokosten   € 40,00\n"
                     "Reeds betaald   € 50,00\n", 235.0, id="sum-rule-minus-paid"),
        pytest.param("Boete    € 100,00\nAdministratiekosten   € 9,00\n\n"
                     "De boete van € 100,00 staat ook hierboven.", 109.0, id="sum-counts-rows-once"),
        pytest.param("Betaal € 109,00 vóór 1 april 2026.", 109.0, id="pay-sentence"),
        pytest.param("Maak € 61,48 over naar IBAN NL11 ABNA 0481 1277 34.", 61.48, id="maak-over"),
        pytest.param("Te betalen per termijn   € 187\nTotaal te betalen   € 2.057", 2057.0,
                     id="termijnen-total-not-one-termijn"),
        pytest.param("Het totale bedrag van € 1.200 betaalt u in 12 termijnen van € 100.", 1200.0,
                     id="termijnen-in-sentence"),
        pytest.param("U krijgt terug          € 684", None, id="refund"),
        pytest.param("Uw WW-uitkering is € 2.167,58 bruto per maand.", None, id="benefit"),
        pytest.param("De WOZ-waarde is € 312.000.", None, id="info-only"),
        pytest.param("Als u niet betaalt, rekenen wij € 40 incassokosten.", None,
                     id="only-conditional-costs"),
        pytest.param("Hoofdsom   € 100,00\n\nBetaalt u niet op tijd? Dan moet u ook incassokosten "
                     "betalen. Die kosten zijn € 40,00.", 100.0, id="costs-announced-later"),
        pytest.param("Het bedrag van € 1.234 is hoger dan vorig jaar. Betaal € 1.234 vóór 1 mei.",
                     1234.0, id="hoger-dan-is-no-condition"),
        pytest.param("Wilt u een rechtszaak voorkomen? Betaal dan het totaalbedrag, samen "
                     "€ 1.600,78, op IBAN NL14 ABNA 0428 8571 93.", 1600.78, id="betaal-dan"),
        pytest.param("Wij ontvangen graag binnen 14 dagen € 250,00 van u.", 250.0,
                     id="ontvangen-graag-is-a-request"),
        pytest.param("Restant                 € 205,26", 205.26, id="restant"),
        pytest.param("Betaal het bedrag van € 290,00, inclusief € 40,00 incassokosten.", 290.0,
                     id="pay-sentence-holds-the-parts"),
        pytest.param("Bedrag:         € 89,95\nIBAN:           NL58 INGB 0007 4123 95", 89.95,
                     id="bedrag-in-payment-block"),
        pytest.param("Eindafrekening: u moet € 234,56 bijbetalen.", 234.56, id="bijbetalen"),
        pytest.param("U heeft € 300 te veel ontvangen. Dit bedrag moet u terugbetalen.", 300.0,
                     id="te-veel-ontvangen"),
        pytest.param("U krijgt € 123 per maand zorgtoeslag.", None, id="benefit-per-month"),
        pytest.param("Omdat de werkzaamheden overlast geven, krijgt u een vergoeding van € 750,00 "
                     "per woning. Wij maken dit bedrag naar u over.", None, id="compensation"),
        pytest.param("Voorschot per maand vanaf 1 juli 2026       € 287\n"
                     "Voorschot per maand tot en met juni 2026    € 251\n"
                     "Totaal voor juli tot en met december 2026   € 1.722", None,
                     id="benefit-table-total"),
        pytest.param("| Voorschot per maand vanaf 1 juli 2026 | € 287   |\n"
                     "| Totaal voor 2026                      | € 1.722 |", None,
                     id="boxed-benefit-table-total"),
        pytest.param("Zorgtoeslag januari t/m juni     € 738\nKindgebonden budget    € 1.204\n"
                     "Totaal                           € 1.942", None,
                     id="benefit-table-total-two-benefits"),
        pytest.param("Huur maart 2026       € 812,40\nTotaal                € 812,40", 812.4,
                     id="near-miss-debt-table-total"),
        pytest.param("Te veel ontvangen huurtoeslag   € 420\nRente    € 12\n"
                     "Totaal                          € 432", 432.0,
                     id="near-miss-reclaim-with-interest"),
        pytest.param("| Hoofdsom        | € 245,00 |\n| Incassokosten   | € 40,00  |\n"
                     "| Totaal          | € 285,00 |", 285.0, id="near-miss-boxed-debt-table"),
        pytest.param("Voorschot per maand     € 287\n\nTotaal te betalen   € 95,00", 95.0,
                     id="near-miss-total-to-pay-after-blank"),
        pytest.param("", None, id="empty"),
    ],
)
def test_amount_due(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


def test_amount_due_without_pages_uses_roles_and_labels() -> None:
    amounts = find_amounts([INCASSO])
    assert amount_due(amounts, []) == Decimal("843.66")


# --- properties -----------------------------------------------------------------------------


def _nl(value: Decimal, thousands: bool) -> str:
    whole, frac = f"{value:.2f}".split(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{frac}"


FORMATS = [
    lambda v: f"€ {_nl(v, True)}",
    lambda v: f"€{_nl(v, True)}",
    lambda v: f"EUR {_nl(v, True)}",
    lambda v: f"{_nl(v, True)} euro",
    lambda v: f"€ {_nl(v, False)}",
]
WHOLE_FORMATS = [
    lambda v: f"€ {int(v)},-",
    lambda v: f"€ {int(v)},--",
    lambda v: f"€ {int(v):,}".replace(",", "."),
]


@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=9_999_999, places=2, allow_nan=False),
    fmt=st.sampled_from(range(len(FORMATS))),
)
def test_round_trip_every_format(value: Decimal, fmt: int) -> None:
    text = f"Totaal te betalen      {FORMATS[fmt](value)}"
    a = one(text)
    assert a.value == value and a.value.as_tuple().exponent == -2 and a.role == "total"


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=0, max_value=9_999_999), fmt=st.sampled_from(range(3)))
def test_round_trip_whole_euros(value: int, fmt: int) -> None:
    text = f"Te betalen   {WHOLE_FORMATS[fmt](Decimal(value))}"
    assert one(text).value == float(value)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=0, max_size=3))
def test_never_raises_on_any_text(pages: list[str]) -> None:
    amounts = find_amounts(pages)
    amount_due(amounts, pages)


MONEYISH = st.text(alphabet="€EUR0123456789.,-–() \n\tTotaalHoofdsomte betalen", max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.lists(MONEYISH, min_size=1, max_size=2))
def test_never_raises_on_money_like_text(pages: list[str]) -> None:
    for a in find_amounts(pages):
        assert a.evidence is not None
        assert 0 <= a.evidence.start < a.evidence.end <= len(pages[a.evidence.page - 1])
        assert len(a.text) <= 160
    amount_due(find_amounts(pages), pages)


@pytest.mark.parametrize(
    ("num", "value"),
    [
        pytest.param("1.234,56", "1234.56", id="thousands-and-cents"),
        pytest.param("1.234", "1234.00", id="thousands-only"),
        pytest.param("45,-", "45.00", id="whole-euros-dash"),
        pytest.param("245.00", "245.00", id="ocr-dot-for-comma"),
        pytest.param("12,5", "12.50", id="one-decimal"),
        pytest.param("0,10", "0.10", id="ten-cents"),
        # beyond a float's 15-17 digits: the printed digits are kept, every cent
        pytest.param("9.007.199.254.740.993,01", "9007199254740993.01", id="past-float-precision"),
    ],
)
def test_parse_value(num: str, value: str) -> None:
    """An amount is a Decimal with two decimals made from its digits (#18), never a float."""
    got = parse_value(num)
    assert isinstance(got, Decimal)
    assert got == Decimal(value) and str(got) == value


# --- the sample letters ---------------------------------------------------------------------


def _samples() -> list[tuple[str, list[str], dict]]:
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from gen.text import page_texts  # type: ignore[import-not-found]
    except ImportError:
        return []
    out = []
    for js in sorted(SAMPLES.glob("*.json")):
        txt = js.with_suffix(".txt")
        if txt.exists():
            # amounts as the exact Decimals the truth writes, not floats
            out.append((js.stem, page_texts(txt), json.loads(js.read_text(encoding="utf-8"),
                                                             parse_float=Decimal)))
    return out


def test_samples_amount_due_and_roles() -> None:
    """Measure on the sample letters; print every mismatch; assert only a floor we reach.

    Roles are compared as sets of (value, role): the truth files list a repeated mention once.
    """
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters yet")
    due_ok = 0
    tp = n_exp = n_got = 0
    report = []
    for name, pages, truth in samples:
        amounts = find_amounts(pages)
        due = amount_due(amounts, pages)
        exp = truth.get("amount_due")
        ok = (due is None and exp is None) or (
            due is not None and exp is not None and due == exp
        )
        due_ok += ok
        if not ok:
            report.append(f"{name}: amount_due expected {exp!r}, got {due!r}")
        want = {(Decimal(a["value"]), a["role"]) for a in truth.get("amounts", [])}
        got = {(a.value, a.role) for a in amounts}
        tp += len(want & got)
        n_exp += len(want)
        n_got += len(got)
        if want != got:
            report.append(f"{name}: roles missing {sorted(want - got)} extra {sorted(got - want)}")
    n = len(samples)
    precision = tp / max(1, n_got)
    recall = tp / max(1, n_exp)
    print(f"\namount_due {due_ok}/{n}; (value, role) precision {precision:.3f} recall {recall:.3f}")
    print("\n".join(report))
    assert due_ok / n >= 0.9
    assert precision >= 0.8 and recall >= 0.85


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Jaarnota € 388,37\nTermijn mei € 124,00\nTotaal openstaand € 51237\n\n"
                     "Betaal het bedrag van € 512,37 vóór 16 juni 2026.", 512.37, id="total-lost-comma"),
        pytest.param("Boete € 1500\nAdministratiekosten € 9,00\nTotaal € 1509,00", 1509.0,
                     id="whole-euros-stay-whole"),
    ],
)
def test_ocr_lost_decimal_comma(text: str, due: float) -> None:
    """OCR drops a decimal comma now and then: bare digits that are exactly another amount's
    digits with its cents are that amount, never a hundred times more."""
    amounts = find_amounts([text])
    assert amount_due(amounts, [text]) == eur(due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Het bedrag van € 186,50 hebben wij nog niet ontvangen. Wij vragen u het "
                     "bedrag alsnog binnen 14 dagen te voldoen.", 186.5, id="not-yet-received-is-owed"),
        pytest.param("Termijnbedrag oktober   € 112,00\nJaarbedrag              € 1.344,00\n\n"
                     "Wilt u het openstaande termijnbedrag van € 112,00 binnen acht dagen betalen?",
                     112.0, id="open-instalment-not-the-year"),
        pytest.param("Uw termijnbedrag is € 96 per maand. Uw jaarbedrag is € 1.152.", None,
                     id="near-miss-rates-only"),
        pytest.param("Als wij € 50,00 niet ontvangen, dan sturen wij een aanmaning.", None,
                     id="near-miss-conditional-not-received"),
    ],
)
def test_owed_without_a_total_label(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("  Achterstand                         € 282,54\n\n"
                     "  Openstaande schuld op 31 augustus 2026     € 24.613,07\n", 282.54,
                     id="balance-on-a-day-is-not-the-ask"),
        pytest.param("   Bedrag: € 98,45\n   Bedrag: € 117,31\n   Bedrag: € 246,51\n\n"
                     "Het totaal van deze aanslag is € 462,27.\n", 462.27,
                     id="het-totaal-van-deze-aanslag-is"),
        pytest.param("De aanslag bedroeg in totaal € 612,40. Wij schelden € 491,04 kwijt.\n"
                     "Hetgeen u na deze beschikking nog verschuldigd bent, te weten € 121,36, dient "
                     "binnen één maand te zijn voldaan.", 121.36, id="nog-verschuldigd"),
    ],
)
def test_due_among_other_sums(text: str, due: float) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Voor oktober hebben wij op 8 oktober € 650,00 van u ontvangen, zodat daarvan nog "
                     "€ 435,00 openstaat. De huur van november is nog niet binnen. De achterstand is "
                     "daarmee € 1.520,00.", 1520.0, id="paid-in-prose-is-history"),
        pytest.param("  Hoofdsom                € 748,20\n  Reeds betaald op 2 april  -€ 50,00\n",
                     698.2, id="paid-in-a-table-counts"),
        pytest.param("Ingevolge dit besluit dient het restant van de aanslag ad € 386,40 alsnog te "
                     "worden voldaan. De kosten van bestaan zijn € 1.204,44 op jaarbasis.", 386.4,
                     id="restant-van-de-aanslag-ad"),
        pytest.param("Totaal kosten 2026                 € 228,66\nDoor u betaalde voorschotten   € 262,80\n"
                     "Terug naar u                       € 34,14\n\nWij maken € 34,14 over naar uw "
                     "rekening.", None, id="statement-ending-in-a-refund"),
        pytest.param("| Per maand in 2027                  | € 287   |\n"
                     "| Totaal voorschot 2027 (12 maanden) | € 3.444 |\n", None,
                     id="benefit-total-is-no-ask"),
    ],
)
def test_due_in_prose_statements_and_benefits(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("U hebt in dat jaar aan voorschotten € 1.944 ontvangen. U hebt dus € 840 te veel "
                     "zorgtoeslag gekregen. U moet het bedrag uiterlijk op 31 juli 2026 betaald "
                     "hebben.", 840.0, id="te-veel-toeslag-gekregen-asked-back"),
        pytest.param("Voorschot  € 3.216\nHuurtoeslag  € 3.132\n\nU hebt € 84 te veel ontvangen. Dit "
                     "bedrag is niet hoger dan € 116. Daarom hoeft u niets terug te betalen.", None,
                     id="te-veel-but-nothing-to-pay-back"),
    ],
)
def test_benefit_paid_back_or_not(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


def test_the_letters_own_order_to_pay_beats_a_gross_total() -> None:
    text = ("  Te veel betaald maart          € 462,14\n  Te veel betaald april          € 462,14\n"
            "  Totaal bruto                   € 924,28\n\nOmdat u dit jaar terugbetaalt, vragen wij "
            "het nettobedrag terug.\n\nMaak € 581,20 over naar rekening NL92 INGB 0005 3266 71.")
    assert amount_due(find_amounts([text]), [text]) == Decimal("581.20")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Inkomstenbelasting en premies     € 16.487\nAl betaald via loonheffing   € 15.341\n\n"
                     "Daarom moet u nog € 1.146 betalen. Maak het bedrag van € 1.146 over vóór de "
                     "uiterste betaaldatum.", 1146.0, id="order-beats-a-tax-computation"),
        pytest.param("Over die twee maanden had ik samen € 1.750 moeten krijgen. Op 6 oktober kwam er "
                     "€ 300 van u binnen. Er staat dus nu nog € 1.450 open. Ik verzoek u het bedrag "
                     "van € 1.450 uiterlijk vrijdag 13 november 2026 over te maken.", 1450.0,
                     id="request-beats-an-earlier-sum"),
        pytest.param("De vordering bedraagt € 2.762,28, vermeerderd met de kosten van dit exploot ad "
                     "€ 124,87, derhalve in totaal € 2.887,15.", 2887.15, id="derhalve-in-totaal"),
        pytest.param("Betaalt u niet, dan zijn alsdan incassokosten verschuldigd van € 410,00, "
                     "derhalve in totaal € 496,10.", None, id="near-miss-alsdan-is-conditional"),
    ],
)
def test_the_sum_asked(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


def test_nothing_left_to_pay_after_kwijtschelding() -> None:
    text = ("Afvalstoffenheffing          € 301,20\nRioolheffing                 €  88,44\n"
            "Samen                        € 389,64\n\nVoor allebei krijg je kwijtschelding. Je hoeft dus "
            "niets meer te betalen voor deze aanslag.\n\nJe had al iets betaald\nOp 31 maart hebben "
            "we € 38,96 van je rekening afgeschreven. Dit geld krijg je terug.")
    assert amount_due(find_amounts([text]), [text]) is None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("Factuur     Datum        Bedrag     Status\nF26-29105   19-08-2026   € 39,95    betaald\n"
                     "F26-30418   02-09-2026   € 149,95   open\nF26-31772   16-09-2026   € 64,90    open\n\n"
                     "Wilt u de twee openstaande facturen samen overmaken vóór 30 oktober?", 214.85,
                     id="sum-of-the-open-invoices"),
        pytest.param("Factuur     Datum        Bedrag\nF26-29105   19-08-2026   € 39,95\n"
                     "F26-30418   02-09-2026   € 149,95\nF26-31772   16-09-2026   € 64,90\n\n"
                     "Neem contact met ons op.", None, id="near-miss-a-list-is-no-total"),
    ],
)
def test_invoice_lists(text: str, due: float | None) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        pytest.param("  U kreeg als voorschot voor 2024              € 1.660,00\n"
                     "  U had recht op                               € 1.018,00\n"
                     "  U moet terugbetalen                          €   642,00\n", 642.0,
                     id="right-aligned-figure"),
        pytest.param("   Huur mei 2026                 € 742,18\n   Huur juni 2026                € 742,18\n"
                     "   Totale achterstand            € 1.484,36\n\nWat gebeurt er als u niet betaalt?\n"
                     "   Incassokosten                          € 222,65\n"
                     "   21% btw over de incassokosten          €  46,76\n"
                     "   Totaal extra kosten                    € 269,41\n", 1484.36,
                     id="totaal-extra-kosten-is-no-total"),
    ],
)
def test_tables(text: str, due: float) -> None:
    assert amount_due(find_amounts([text]), [text]) == eur(due)


def test_terugkrijgt_is_a_refund() -> None:
    text = "Uit de berekening blijkt dat u over 2025 in totaal € 1.906 terugkrijgt."
    assert amount_due(find_amounts([text]), [text]) is None


def test_pdf_layout_with_the_euro_sign_far_from_its_figure() -> None:
    text = ("U had recht op                                      € 1.018,00\n"
            "U moet terugbetalen                    €                       642,00\n")
    assert amount_due(find_amounts([text]), [text]) == Decimal("642.00")


# --- exact cents (#18) -----------------------------------------------------------------------------

TEN_DIMES = (
    "Deze facturen zijn nog niet betaald:\n"
    + "".join(f"Termijnfactuur {i:02d}-2026           € 0,10\n" for i in range(1, 11))
    + "                                    --------\n"
    + "                                     € 1,00\n\n"
    + "Betaal het bedrag vóór 1 mei 2026 op NL91ABNA0417164300.\n"
)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # 0.10 + 0.20 is 0.30000000000000004 in floats
        pytest.param("Hoofdsom        € 0,10\nRente           € 0,20\n\nBetaal vóór 1 mei 2026.\n",
                     "0.30", id="parts-added-up"),
        # ten times 0.10 is 0.9999999999999999 in floats: the bare row under them is their sum
        pytest.param(TEN_DIMES, "1.00", id="many-cents-rows-and-their-sum-row"),
    ],
)
def test_cents_add_up_exactly(text: str, due: str) -> None:
    """Amounts are Decimals with two decimals from the printed digits, summed and compared
    exactly: no tolerance is left to hide a float's error."""
    amounts, got, _ = amounts_and_due([text])
    assert all(isinstance(a.value, Decimal) and a.value.as_tuple().exponent == -2 for a in amounts)
    assert isinstance(got, Decimal) and str(got) == due


def test_a_sum_row_of_many_cents_is_found_as_their_total() -> None:
    amounts = find_amounts([TEN_DIMES])
    assert [a.value for a in amounts].count(Decimal("0.10")) == 10
    assert (amounts[-1].value, amounts[-1].role, amounts[-1].label) == (
        Decimal("1.00"), "total", "som van de regels erboven")

