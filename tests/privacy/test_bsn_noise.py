"""A BSN as OCR misreads it is still masked everywhere; numbers beside it that hold no BSN stay.

Text-level cases: the letter's text carries the noise itself, as Tesseract leaves it on hard
photos (issue 16: a tenth digit before a labelled BSN, an aanslagnummer split as "123456 789.H 01").
Each case goes through the whole pipeline; the JSON and the CLI text must not show the BSN's
nine digits in a row (separators dropped, look-alike letters read as digits), and the noised
number must be masked in the letter text. Near-misses: an IBAN, an amount, a date, a postcode,
a phone number and a 16-digit kenmerk that hold no BSN come out whole.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from snapdebrief.fields.privacy import bsn_values, find_bsns, kenmerk_bsn_spans, mask_pages
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.render import as_text
from snapdebrief.result import scrub_bsn

from ..conftest import TODAY
from .noise import BSN, BSN_0158, KENMERK, KENMERK_0158, SURVIVORS, leaks, letter

A = "Aanslagnummer: 1234.56.782.H.46"


def case(id_: str, top: str, gone: str, bsn: str = BSN, kenmerk: str = KENMERK, pay=None):
    """A noised letter: `gone` is the number as printed, which must not be in the output text."""
    return pytest.param(top, gone, bsn, kenmerk, pay, id=id_)


NOISED = [
    # a number after a BSN label, whatever OCR did to it
    case("tenth-digit-in-front", "BSN: 7123456782", "7123456782"),
    case("tenth-digit-at-end", "BSN: 1234567826", "1234567826"),
    case("tenth-digit-spaced", "BSN: 7 123456782", "7 123456782"),
    case("missing-digit", "BSN: 12345682", "12345682"),
    case("split-1-8", "BSN: 1 23456782", "1 23456782"),
    case("split-8-1", "BSN: 12345678 2", "12345678 2"),
    case("dashes", "BSN 1234-56-782", "1234-56-782"),
    case("dot-and-space", "BSN: 1234.56. 782", "1234.56. 782"),
    case("double-spaces", "BSN:  1234  56  782", "1234  56  782"),
    case("I-for-1", "BSN: I23456782", "I23456782"),
    case("l-for-1", "BSN: l2345678 2", "l2345678 2"),
    case("pipe-for-1", "BSN: |23456782", "|23456782"),
    case("S-for-5", "BSN: 1234S6782", "1234S6782"),
    case("B-for-8", "BSN: 1234567B2", "1234567B2"),
    case("O-for-0", "BSN: 1O58OO132", "1O58OO132", BSN_0158, KENMERK_0158),
    case("o-and-l", "Burgerservicenummer: 1o5800l32", "1o5800l32", BSN_0158, KENMERK_0158),
    case("fails-elfproef", "BSN: 123456789", "123456789", "123456789"),
    # the label misread too
    case("label-B5N", "B5N 12345678 2", "12345678 2"),
    case("label-8SN-glued", "8SN:7123456782", "7123456782"),
    case("label-burgerservicenumrner", "Burgerservicenumrner 7123456782", "7123456782"),
    case("label-burgerservicenurnmer", "burgerservicenurnmer: 1234.56.7 82", "1234.56.7 82"),
    case("label-sofi-nummer", "Sofi-nummer: 1 2345 6782", "1 2345 6782"),
    case("label-sofinumrner-fails-elfproef", "Sofinumrner 123456783", "123456783", "123456783"),
    case("words-between", "Uw burgerservicenummer is 1 23456782.", "1 23456782"),
    case("header-column", "Burgerservicenumrner   Dagtekening\n7123456782             12-02-2026",
         "7123456782"),
    case("header-column-one-space", "Burgerservicenumrner Dagtekening\n7123456782 12-02-2026",
         "7123456782"),
    # the aanslagnummer broken by OCR
    case("aanslag-6-3", "Aanslagnummer: 123456 782.H 46", "123456 782"),
    case("aanslag-issue-example", "Aanslagnummer: 123456 789.H 01", "123456 789", "123456789"),
    case("aanslag-4-5", "Aanslagnummer 1234 56782 H.46", "1234 56782"),
    case("aanslag-commas", "Aanslagnummer: 1234,56,782.H.46", "1234,56,782"),
    case("aanslag-spaces", "Aanslagnummer: 1234 56 782 H 46", "1234 56 782"),
    case("aanslag-tenth-digit", "Aanslagnummer: 71234.56.782.H.46", "71234.56.782"),
    case("aanslag-look-alikes", "Aanslagnummer: I234.S6.7B2.H.46", "I234.S6.7B2"),
    case("aanslag-unlabelled", "Zie ook 123456 782.H.46 op de bijlage.", "123456 782"),
    case("aanslag-column", "Dagtekening      Aanslagnummer\n12 maart 2026    123456 789.H 01",
         "123456 789", "123456789"),
    case("aanslag-as-payment-reference", "BSN: 123456782", "123456 782",
         pay="het aanslagnummer 123456 782.H 46"),
    # a betalingskenmerk broken by OCR still holds the BSN's first 8 digits
    case("kenmerk-O-for-0", A, "1123 4567 87O4 6OO1", kenmerk="1123 4567 87O4 6OO1"),
    case("kenmerk-double-space", A, "1123  4567 8704 6001", kenmerk="1123  4567 8704 6001"),
    case("kenmerk-regrouped", A, "11234 567 8704 6001", kenmerk="11234 567 8704 6001"),
    case("kenmerk-check-digit-lost", A, "123 4567 8704 6001", kenmerk="123 4567 8704 6001"),
    case("kenmerk-extra-digit", A, "1123 4567 87004 6001", kenmerk="1123 4567 87004 6001"),
    case("kenmerk-dots", A, "1123.4567.8704.6001", kenmerk="1123.4567.8704.6001"),
    case("kenmerk-B-for-8", A, "1123 4567 B704 6001", kenmerk="1123 4567 B704 6001"),
    case("kenmerk-bsn-only-in-broken-aanslag", "Aanslagnummer: 123456 782.H 46",
         "1123 4567 8704 6001"),
    # any number holding the BSN's nine digits in a row
    case("inside-longer-number", "BSN: 123456782\nReferentie: 20260123456782", "20260123456782"),
    case("inside-grouped-kenmerk", "BSN: 123456782\nOns kenmerk: 2026 1234 5678 2001",
         "2026 1234 5678 2001"),
]


@pytest.mark.parametrize(("top", "gone", "bsn", "kenmerk", "pay"), NOISED)
def test_noised_bsn_never_shown(top: str, gone: str, bsn: str, kenmerk: str, pay) -> None:
    result = explain([letter(top, kenmerk, pay).encode()], Options(today=TODAY))
    out = result.to_json()
    assert out["bsn_found"] is True
    assert not leaks(json.dumps(out, ensure_ascii=False), bsn)
    assert not leaks(as_text(result), bsn)
    assert gone not in out["text"]  # the number as printed is masked in the letter text
    for word in SURVIVORS:
        assert word in out["text"]
    # No piece of the BSN that the text's last 3 digits would complete ("123456" of a broken
    # aanslagnummer); the betalingskenmerk the letter asks to pay with is shown whole.
    shown = out["reference_numbers"] + ([out["payment_reference"]] if pay else [])
    for ref in shown:
        assert bsn[:6] not in "".join(ch for ch in ref if ch.isdigit())


NEAR_MISSES = [
    pytest.param("BSN: 123456782   IBAN: NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00",
                 id="iban-after-bsn"),
    pytest.param("BSN en geboortedatum: 12-03-1980", "12-03-1980", id="date-after-label"),
    pytest.param("BSN: 123456782 12-03-2026", "12-03-2026", id="date-after-bsn"),
    pytest.param("BSN: zie uw aangifte. Bedrag: € 1.234.567,82", "1.234.567,82",
                 id="amount-after-label-sentence"),
    pytest.param("BSN en bedrag: € 1.234.567,82", "1.234.567,82", id="amount-after-label"),
    pytest.param("BSN: 123456782   Ons kenmerk: 5000 0567 8901 2345", "5000 0567 8901 2345",
                 id="other-kenmerk-after-bsn"),
    pytest.param("Burgerservicenummer   Ons kenmerk\n1234.56.782           5000 0567 8901 2345",
                 "5000 0567 8901 2345", id="other-kenmerk-beside-bsn-column"),
    pytest.param("BSN 5000 0567 8901 2345", "5000 0567 8901 2345", id="kenmerk-right-after-label"),
    pytest.param("BSN 123456782 1053 DX Amsterdam", "1053 DX", id="postcode-after-bsn"),
    pytest.param("BSN: 123456782, tel. 06-12345678", "06-12345678", id="phone-after-bsn"),
    pytest.param("Aanvraag 7123456789 ontvangen", "7123456789", id="unlabelled-10-digits"),
    pytest.param("Polisnummer 123456783", "123456783", id="other-label-fails-elfproef"),
    pytest.param("Code 123456 789.A 12", "123456 789.A 12", id="aanslag-shape-fails-elfproef"),
    pytest.param("Uw BSN staat op pagina 2 van 3.", "pagina 2 van 3", id="label-in-sentence"),
    pytest.param("Uw BSN staat niet op deze brief.\n1234567890 is uw dossier.", "1234567890",
                 id="label-in-sentence-above-a-number"),
]


@pytest.mark.parametrize(("top", "kept"), NEAR_MISSES)
def test_near_misses_come_out_whole(top: str, kept: str) -> None:
    out = explain([letter(top).encode()], Options(today=TODAY)).to_json()
    assert kept in out["text"]
    for word in SURVIVORS:
        assert word in out["text"]
    assert out["iban"] == "NL86INGB0002445588"
    assert out["amount_due"] == 872.0
    assert out["payment_reference"] == KENMERK.replace(" ", "")  # holds only 8 BSN digits


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        pytest.param("BSN: 7123456782", "BSN: *******782", id="tenth-digit"),
        pytest.param("B5N 12345678 2", "B5N ******78 2", id="split-keeps-separators"),
        pytest.param("BSN: I23456782", "BSN: ******782", id="look-alike-masked-too"),
        pytest.param("Aanslagnummer: 123456 789.H 01", "Aanslagnummer: ****** 789.H 01",
                     id="aanslag-issue-example"),
        pytest.param("BSN 123456782\nKenmerk 1123 4567 87O4 6OO1",
                     "BSN ******782\nKenmerk **** **** **** *OO1", id="kenmerk-rebuilt-masked"),
        pytest.param("BSN en geboortedatum: 12-03-1980", "BSN en geboortedatum: 12-03-1980",
                     id="date-kept"),
    ],
)
def test_mask_keeps_length(text: str, masked: str) -> None:
    bsns = find_bsns([text])
    got = mask_pages([text], bsns + kenmerk_bsn_spans([text], bsns))[0]
    assert got == masked and len(got) == len(text)


LABELS = ("BSN", "BSN:", "B5N", "8SN:", "BSN-nummer:", "Burgerservicenummer", "burgerservicenumrner:",
          "Burgerservicenurnmer", "Sofi-nummer:", "sofinummer", "Uw burgerservicenummer is")
LOOK_ALIKES = {"0": "Oo", "1": "lI|", "5": "S", "8": "B"}


@st.composite
def noised_bsn(draw: st.DrawFn) -> tuple[str, str]:
    """(a valid BSN, the line 'label number' with OCR noise in the number)."""
    first8 = draw(st.integers(10_000_000, 99_999_999).map(str))
    check = sum(int(c) * w for c, w in zip(first8, range(9, 1, -1), strict=True)) % 11
    assume(check < 10)
    bsn = first8 + str(check)
    chars = [draw(st.sampled_from(LOOK_ALIKES[d])) if d in LOOK_ALIKES and draw(st.booleans())
             and draw(st.booleans()) else d for d in bsn]
    for _ in range(draw(st.integers(0, 2))):  # groups split
        at = draw(st.integers(1, len(chars) - 1))
        chars.insert(at, draw(st.sampled_from([" ", ".", "-", ". ", "  "])))
    extra = draw(st.sampled_from(["", "front", "end", "front-spaced"]))
    digit = str(draw(st.integers(0, 9)))
    number = "".join(chars)
    number = {"front": digit + number, "end": number + digit,
              "front-spaced": digit + " " + number}.get(extra, number)
    return bsn, f"{draw(st.sampled_from(LABELS))} {number}"


@settings(max_examples=400, deadline=None)
@given(noised_bsn())
def test_a_labelled_bsn_never_leaks_whatever_the_noise(case: tuple[str, str]) -> None:
    bsn, line = case
    page = f"Datum: 12 maart 2026\n{line}\nBetreft: aanmaning\nTe betalen: € 872,00"
    bsns = find_bsns([page])
    masked = mask_pages([page], bsns + kenmerk_bsn_spans([page], bsns))[0]
    assert not leaks(masked, bsn), masked
    assert not leaks(scrub_bsn(page, bsn_values([page], bsns)), bsn)
    assert "€ 872,00" in masked and "12 maart 2026" in masked
