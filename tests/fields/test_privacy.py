"""BSN finding and masking (snapdebrief/fields/privacy.py, validators.elfproef): hits beside
near-misses (a BSN inside a 16-digit kenmerk or an IBAN, phone numbers that pass the elfproef),
length-preserving masks, property tests, and a measurement on the sample letters."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.fields.privacy import _bsn_labels, find_bsns, kenmerk_bsn_spans, mask, mask_pages
from snapdebrief.fields.validators import elfproef

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "letters"


@pytest.mark.parametrize(
    ("bsn", "ok"),
    [
        pytest.param("111222333", True, id="worked-example"),
        pytest.param("123456782", True, id="textbook"),
        pytest.param("010002169", True, id="old-8-digit-padded"),
        pytest.param("123456789", False, id="wrong-last-digit"),
        pytest.param("12345678", False, id="8-digits-unpadded"),
        pytest.param("1234567820", False, id="10-digits"),
        pytest.param("000000000", False, id="all-zeros"),
        pytest.param("12345678a", False, id="letter"),
        pytest.param("١٢٣٤٥٦٧٨٢", False, id="non-ascii-digits"),
        pytest.param("", False, id="empty"),
    ],
)
def test_elfproef(bsn: str, ok: bool) -> None:
    assert elfproef(bsn) is ok


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param("BSN: 123456782", ["123456782"], id="labelled"),
        pytest.param("Burgerservicenummer   1234.56.782", ["1234.56.782"], id="dotted"),
        pytest.param("Uw BSN 1234 56 782", ["1234 56 782"], id="spaced-4-2-3"),
        pytest.param("Sofinummer: 111222333", ["111222333"], id="sofinummer"),
        pytest.param("Fiscaal nummer 111222333", ["111222333"], id="fiscaal-nummer"),
        pytest.param("BSN 10002169", ["10002169"], id="old-8-digit-labelled"),
        pytest.param("Zet 123456782 op het formulier.", ["123456782"], id="standalone"),
        pytest.param("BSN 123456782 12-03-2026", ["123456782"], id="labelled-then-date"),
        pytest.param("Aanslagnummer 1234.56.782.H.46", ["1234.56.782"], id="in-aanslagnummer"),
        pytest.param("Beschikkingsnummer 1234.56.782.T.26.6.1021", ["1234.56.782"],
                     id="in-beschikkingsnummer"),
        pytest.param("Dagtekening        Aanslagnummer        Burgerservicenummer\n"
                     "16 maart 2026      3844.41.312.H.46     3844.41.312",
                     ["3844.41.312", "3844.41.312"], id="column-layout"),
        pytest.param("60381442 28-02-2026 30-04-2026 8295.05.556", ["8295.05.556"],
                     id="ocr-one-space-columns-dotted"),
        pytest.param("Y. El Amrani 02-05-1984 275041633 Menzis Basis", ["275041633"],
                     id="ocr-one-space-columns-plain"),
        pytest.param("Bel +31 612345609", [], id="near-miss-phone-after-country-code"),
        pytest.param("Nummer 10002169", [], id="near-miss-8-digits-unlabelled"),
        pytest.param("BSN 123456789", ["123456789"], id="labelled-fails-elfproef-misread"),
        pytest.param("Zet 123456789 op het formulier.", [], id="near-miss-fails-elfproef"),
        pytest.param("Betalingskenmerk 1123 4567 8200 0000", [], id="near-miss-inside-kenmerk"),
        pytest.param("Kenmerk 1123456782000000", [], id="near-miss-inside-16-digits"),
        pytest.param("IBAN NL91ABNA0123456782", [], id="near-miss-inside-iban"),
        pytest.param("Telefoon 612345609", [], id="near-miss-phone-passes-elfproef"),
        pytest.param("Bel +31 201000015", [], id="near-miss-international-phone"),
        pytest.param("Tel. 06-12345609", [], id="near-miss-mobile"),
        pytest.param("Klantnummer 123456782", [], id="near-miss-other-label"),
        pytest.param("KvK 123456782", [], id="near-miss-kvk"),
        pytest.param("Te betalen € 123.456.782", [], id="near-miss-amount"),
        pytest.param("Datum 12.03.2026", [], id="near-miss-date"),
    ],
)
def test_find_bsns(text: str, spans: list[str]) -> None:
    got = [text[e.start : e.end] for e in find_bsns([text])]
    assert got == spans


def test_page_numbers() -> None:
    got = find_bsns(["geen nummer", "BSN 123456782"])
    assert [(e.page, e.start, e.end) for e in got] == [(2, 4, 13)]


@pytest.mark.parametrize(
    ("text", "kenmerk"),
    [
        # Belastingdienst vector [S56]: fiscal number 010002169, H, kenmerk 5010.0021.6701.0010.
        pytest.param("BSN 010002169\nBetalingskenmerk 5010.0021.6701.0010", "5010.0021.6701.0010",
                     id="dotted-kenmerk"),
        pytest.param("Aanslagnummer 3844.41.312.H.46\nBetalingskenmerk:\n6384 4413 1704 6001",
                     "6384 4413 1704 6001", id="grouped-kenmerk"),
        pytest.param("BSN 123456782\nBetalingskenmerk 5000 0567 8901 2345", None,
                     id="near-miss-other-kenmerk"),
    ],
)
def test_kenmerk_rebuilds_the_bsn(text: str, kenmerk: str | None) -> None:
    pages = [text]
    got = [text[e.start : e.end] for e in kenmerk_bsn_spans(pages, find_bsns(pages))]
    assert got == ([kenmerk] if kenmerk else [])


@pytest.mark.parametrize(
    ("text", "spans", "masked"),
    [
        pytest.param("123456782", [(0, 9)], "******782", id="plain"),
        pytest.param("1234.56.782", [(0, 11)], "****.**.782", id="dots-kept"),
        pytest.param("BSN 1234 56 782.", [(4, 15)], "BSN **** ** 782.", id="in-text"),
        pytest.param("6384 4413 1704 6001", [(0, 19)], "**** **** **** *001", id="kenmerk"),
        pytest.param("12", [(0, 2)], "12", id="three-or-fewer-digits-shown"),
        pytest.param("123456782", [], "123456782", id="no-spans"),
        pytest.param("123456782", [(-5, 99)], "******782", id="spans-clipped"),
        pytest.param("a 123456782 b 111222333", [(2, 11), (14, 23)], "a ******782 b ******333",
                     id="two-spans"),
    ],
)
def test_mask(text: str, spans: list[tuple[int, int]], masked: str) -> None:
    assert mask(text, spans) == masked
    assert len(mask(text, spans)) == len(text)


def test_mask_pages_keeps_offsets() -> None:
    pages = ["Datum 1 mei", "Aanslagnummer 1234.56.782.H.46 en BSN 123456782"]
    found = find_bsns(pages)
    by_evidence = mask_pages(pages, found)
    by_mapping = mask_pages(pages, {2: [(e.start, e.end) for e in found]})
    assert by_evidence == by_mapping == [
        "Datum 1 mei", "Aanslagnummer ****.**.782.H.46 en BSN ******782"
    ]
    assert [len(p) for p in by_evidence] == [len(p) for p in pages]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=3))
def test_never_raises(pages: list[str]) -> None:
    bsns = find_bsns(pages)
    kenmerk_bsn_spans(pages, bsns)
    mask_pages(pages, bsns)


DIGITISH = st.text(alphabet="0123456789 .-+/\nBSNbsnTel€HNL", max_size=200)


@settings(max_examples=300, deadline=None)
@given(DIGITISH)
def test_every_hit_passes_the_elfproef_or_is_labelled(text: str) -> None:
    """An unlabelled number must pass the elfproef; after a BSN label a misread one is masked."""
    labels = _bsn_labels(text)
    for ev in find_bsns([text]):
        digits = "".join(c for c in text[ev.start : ev.end] if c.isdigit())
        assert elfproef(digits.zfill(9)) or any(e <= ev.start for _, e in labels)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 205), st.integers(-5, 205))))
def test_mask_keeps_length_and_non_digits(text: str, spans: list[tuple[int, int]]) -> None:
    out = mask(text, spans)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or ((a.isdigit() or a in "OoIl|SB") and b == "*")  # O for 0 in a number


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=10_000_000, max_value=99_999_999))
def test_every_valid_bsn_is_found_labelled(first8: int) -> None:
    digits = str(first8)
    total = sum(int(c) * w for c, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    if last > 9:
        return
    bsn = digits + str(last)
    assert elfproef(bsn)
    dotted = f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    for text, printed in ((f"BSN: {bsn}", bsn), (f"Burgerservicenummer {dotted}", dotted)):
        assert [text[e.start : e.end] for e in find_bsns([text])] == [printed]
        assert mask(text, [(e.start, e.end) for e in find_bsns([text])]).endswith(bsn[-3:])


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
            out.append((js.stem, page_texts(txt), json.loads(js.read_text(encoding="utf-8"))))
    return out


def test_samples_bsn_found() -> None:
    """Measure bsn_found on the sample letters; print mismatches; assert a floor we reach."""
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters yet")
    ok = 0
    report = []
    for name, pages, truth in samples:
        got = bool(find_bsns(pages))
        if got == bool(truth.get("bsn_found")):
            ok += 1
        else:
            report.append(f"{name}: bsn_found expected {truth.get('bsn_found')!r}, got {got!r}")
        masked = mask_pages(pages, list(find_bsns(pages)))
        assert [len(p) for p in masked] == [len(p) for p in pages]
    print(f"\nbsn_found {ok}/{len(samples)}")
    print("\n".join(report))
    assert ok / len(samples) >= 0.95
