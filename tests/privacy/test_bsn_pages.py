"""Real pages: a Belastingdienst letter whose BSN, aanslagnummer and betalingskenmerk are printed
with the noise OCR adds on hard photos, rendered to an image (a scan, a phone photo, a hard phone
photo) or a born-digital PDF, read by the real pipeline with real Tesseract. No output shows
the BSN's nine digits in a row: not the JSON, the CLI text, the PDF summary, the .ics nor the
app's screen. The IBAN, the amount and a 16-digit kenmerk that holds no BSN come out whole.
"""

from __future__ import annotations

import io
import json
from datetime import date

import numpy as np
import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.render import as_text
from snapdebrief.ui.ics import deadline_ics
from snapdebrief.ui.summary_pdf import summary_pdf

from ..conftest import TODAY, render_image, render_pdf
from ..read import makers as M
from .noise import BSN, BSN_0158, KENMERK_0158, leaks, letter
from .screen import screen_text, upload

FRAME = (1500, 2000)


def scan(text: str) -> bytes:
    return render_image(text, dpi=200)


def photo(text: str) -> bytes:
    """A phone photo of the page on a table, slightly turned."""
    return M.jpeg(M.photo(M.page(text, dpi=200), M.corners(FRAME, 0.82, 4.0), tone=80))


def hard_photo(text: str) -> bytes:
    """Turned further, a hand's shadow over the top half, low light and a bent sheet."""
    arr = M.photo(M.bend(M.page(text, dpi=200)), M.corners(FRAME, 0.78, -7.0, skew=0.06),
                  tone=70, light=0.8, seed=3)
    arr = M.shadow(arr, [(0.0, 0.2), (0.7, 0.25), (0.75, 0.5), (0.0, 0.55)], darken=0.45,
                   edge_px=6)
    return M.jpeg(np.ascontiguousarray(arr), quality=70)


FORMS = {"pdf": render_pdf, "scan": scan, "photo": photo, "hard-photo": hard_photo}


def page(id_: str, top: str, bsn: str = BSN, forms: tuple[str, ...] = ("pdf", "scan"), **kw):
    return [pytest.param(top, bsn, kw, form, id=f"{id_}-{form}") for form in forms]


CASES = [
    *page("tenth-digit", "BSN: 7123456782\nAanslagnummer: 1234.56.782.H.46",
          forms=("pdf", "scan", "photo", "hard-photo")),
    *page("split-bsn-and-aanslag", "BSN: 1 23456782\nAanslagnummer: 123456 782.H 46"),
    *page("B5N-and-broken-kenmerk", "B5N 12345678 2\nAanslagnummer 1234 56782 H.46",
          kenmerk="1123 4567 87O4 6OO1", forms=("pdf", "scan", "photo")),
    *page("label-slip-dots", "Burgerservicenumrner: 1234.56. 782\nAanslagnummer: 1234,56.782.H.46",
          kenmerk="11234 567 8704 6001"),
    *page("look-alikes", "8SN: I2345678 2\nAanslagnummer: 71234.56.782.H.46",
          kenmerk="1123.4567.8704.6001"),
    *page("O-for-0", "BSN: 1O58OO132\nAanslagnummer: 1058.OO.132.H.46", bsn=BSN_0158,
          kenmerk="2105 8OO1 3704 6001"),
    *page("misread-fails-elfproef", "Sofi-nummer: 123456789\nAanslagnummer: 123456 789.H 01",
          bsn="123456789", forms=("pdf", "scan", "photo")),
    *page("aanslag-as-payment-reference", "BSN: 123456782",
          pay="het aanslagnummer 123456 782.H 46"),
    *page("header-column", "Burgerservicenumrner   Dagtekening\n7123456782             12-02-2026"),
]
_READ: dict[tuple[str, str, str], object] = {}


def read(top: str, kw: dict, form: str):
    """The pipeline's Result for the noised letter in this form (read once per test session)."""
    key = (top, json.dumps(kw, sort_keys=True), form)
    if key not in _READ:
        data = FORMS[form](letter(top, kw.get("kenmerk", KENMERK_0158 if "1O58" in top else
                                              "1123 4567 8704 6001"), kw.get("pay")))
        _READ[key] = explain([data], Options(today=TODAY))
    return _READ[key]


def pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def ics_for(out: dict) -> str:
    """The .ics the app offers for this answer (as app.show_downloads builds it)."""
    deadline, appt = out["deadline"], out["appointment"]
    return deadline_ics(
        date.fromisoformat(deadline["date"]) if deadline else None, out["kind_label"],
        deadline["action"] if deadline else "attend",
        appointment=(date.fromisoformat(appt["date"]), appt["time"]) if appt else None,
    ).decode("utf-8")


@pytest.mark.parametrize(("top", "bsn", "kw", "form"), CASES)
def test_no_output_shows_the_bsn(top: str, bsn: str, kw: dict, form: str) -> None:
    result = read(top, kw, form)
    out = result.to_json()
    assert out["bsn_found"] is True
    assert "*" in out["text"]  # the page was read and its BSN masked
    assert not leaks(json.dumps(out, ensure_ascii=False), bsn), "JSON"
    assert not leaks(as_text(result), bsn), "CLI text"
    assert not leaks(pdf_text(summary_pdf(out, TODAY)), bsn), "PDF summary"
    assert not leaks(ics_for(out), bsn), ".ics"
    # what holds no BSN comes out whole
    assert out["iban"] == "NL86INGB0002445588"
    assert out["amount_due"] == 872.0


@pytest.mark.parametrize("form", ["pdf", "scan", "photo"])
def test_numbers_beside_the_bsn_come_out_whole(form: str) -> None:
    """A 16-digit kenmerk and a date beside a BSN label, the IBAN and the amount: not masked."""
    top = "BSN: 123456782   Ons kenmerk: 5000 0567 8901 2345\nGeboortedatum: 02-05-1984"
    out = read(top, {}, form).to_json()
    text = " ".join(out["text"].split())
    assert out["bsn_found"] is True
    assert "******782" in text
    for kept in ("5000 0567 8901 2345", "02-05-1984", "NL86 INGB 0002 4455 88", "872,00"):
        assert kept in text
    assert out["payment_reference"] == "1123456787046001"  # holds 8 BSN digits: needed to pay


@pytest.mark.parametrize(
    "top",
    [
        pytest.param("BSN: 7123456782\nAanslagnummer: 123456 782.H 46", id="tenth-digit"),
        pytest.param("B5N 12345678 2\nAanslagnummer 1234 56782 H.46", id="B5N"),
    ],
)
def test_cli_never_shows_the_bsn(top: str, cli) -> None:
    data = scan(letter(top))
    as_json = cli(data, "brief.png", "--json")
    plain = cli(data, "brief.png")
    assert as_json.code == plain.code == 0
    assert as_json.json()["bsn_found"] is True
    assert not leaks(as_json.stdout) and not leaks(plain.stdout)
    assert not leaks(as_json.stderr + plain.stderr)


def test_app_screen_never_shows_the_bsn() -> None:
    """The app with the volunteer desk open (the letter's text, the rule hits) on a photo."""
    at = upload("brief.jpg", photo(letter("BSN: 7123456782\nAanslagnummer: 123456 782.H 46",
                                          pay="het aanslagnummer 123456 782.H 46")))
    assert not at.exception
    shown = screen_text(at)
    assert "Gelezen tekst" in shown and "Wildeboer" in shown
    assert not leaks(shown)


@pytest.mark.parametrize(
    ("top", "form"),
    [
        pytest.param("BSN: 7123456782\nAanslagnummer: 1234.56.782.H.46", "scan", id="tenth-digit-scan"),
        pytest.param("BSN: 7123456782\nAanslagnummer: 1234.56.782.H.46", "hard-photo",
                     id="tenth-digit-hard-photo"),
        pytest.param("BSN: 1 23456782\nAanslagnummer: 123456 782.H 46", "photo", id="split-photo"),
    ],
)
def test_desk_picture_never_shows_the_bsn(top: str, form: str) -> None:
    """The page picture the desk view shows (Page.image) has the BSN painted over: Tesseract
    reads the BSN off the picture the reader made, and no longer off the one the Result keeps."""
    import pytesseract
    from PIL import Image

    from snapdebrief.read import read_document

    data = FORMS[form](letter(top))
    options = Options(today=TODAY, keep_images=True)
    raw = read_document([data], options).pages[0]
    assert raw.image is not None
    assert leaks(pytesseract.image_to_string(Image.open(io.BytesIO(raw.image)), lang="nld")), \
        "the test page must show its BSN before it is covered"
    page = explain([data], options).document.pages[0]
    assert page.image is not None and page.image_scale <= 1.0
    shown = pytesseract.image_to_string(Image.open(io.BytesIO(page.image)), lang="nld")
    assert "Belastingdienst" in shown or "aanslag" in shown.lower()  # the rest still reads
    assert not leaks(shown)
