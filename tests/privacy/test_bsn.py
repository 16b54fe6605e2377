"""A BSN never appears in full in any output: JSON, CLI text, explanation, warnings, the app.

Forms: plain, with dots ("1234.56.782"), with spaces, and inside an aanslagnummer
("1234.56.782.H.46"). Near-misses: a 16-digit kenmerk that starts with a valid BSN is a kenmerk,
and a 9-digit number failing the elfproef is no BSN.
"""

from __future__ import annotations

import json
import re

import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.render import as_text

from ..conftest import LETTER as CJIB_LETTER
from ..conftest import TODAY, render_pdf
from .letters import BSN, BSN_FORMS, LETTER
from .screen import screen_text, upload


def leaks(text: str) -> list[str]:
    """BSN forms in the text, also when separators differ ("1234-56-782", "123 456 782")."""
    found = [f for f in BSN_FORMS if f in text]
    if re.search(r"(?<!\d)" + r"[ .\-]?".join(BSN) + r"(?!\d)", text):
        found.append("digits in order")
    return found


def with_line(line: str) -> str:
    return CJIB_LETTER.replace("Datum: 12 maart 2026", f"Datum: 12 maart 2026\n{line}")


@pytest.mark.parametrize(
    ("line", "is_bsn"),
    [
        pytest.param("BSN: 123456782", True, id="labelled"),
        pytest.param("Burgerservicenummer: 1234.56.782", True, id="dotted"),
        pytest.param("Uw burgerservicenummer is 1234 56 782.", True, id="spaced-4-2-3"),
        pytest.param("Aanslagnummer: 1234.56.782.H.46", True, id="inside-aanslagnummer"),
        pytest.param("Aanslagnummer 1234.56.782.H.46 (bewaar dit nummer)", True, id="aanslagnummer-unlabelled-bsn"),
        pytest.param("Betalingskenmerk: 1234 5678 2000 0001", False, id="kenmerk-16-digits-spaced"),
        pytest.param("Kenmerk: 1234567820000001", False, id="kenmerk-16-digits-compact"),
        pytest.param("Nummer: 123456781", False, id="near-miss-unlabelled-elfproef-fails"),
    ],
)
def test_bsn_masked_everywhere(line: str, is_bsn: bool) -> None:
    result = explain([with_line(line).encode()], Options(today=TODAY))
    out = result.to_json()
    dumped = json.dumps(out, ensure_ascii=False)
    assert out["bsn_found"] is is_bsn
    if is_bsn:
        assert leaks(dumped) == []
        assert leaks(as_text(result)) == []
        e = out["explanation"]
        assert leaks(" ".join([e["summary"], *e["what_to_do"], e["if_you_do_nothing"], *out["warnings"]])) == []
        assert "782" in out["text"]  # the last three digits stay, for the resident to recognise
    else:
        digits = re.sub(r"\D", "", line)
        assert digits in re.sub(r"\D", "", out["text"])  # left whole: it is no BSN


def test_kenmerk_is_kept_whole_next_to_a_bsn() -> None:
    out = explain([with_line("BSN: 123456782").encode()], Options(today=TODAY)).to_json()
    assert out["bsn_found"] is True
    assert "1062 5421 5704 7959" in out["text"]  # a 16-digit number is not the BSN
    assert out["payment_reference"] == "1062542157047959"
    assert "******782" in out["text"]


def test_a_number_holding_the_bsn_digits_in_a_row_is_masked() -> None:
    """Once a BSN is known, a longer number holding its nine digits in a row shows them no more."""
    text = with_line("BSN: 123456782").replace(
        "CJIB-nummer: 1062 5421 5704 7959", "CJIB-nummer: 1234 5678 2000 0001")
    out = explain([text.encode()], Options(today=TODAY)).to_json()
    assert out["bsn_found"] is True
    assert "CJIB-nummer: **** **** **** *001" in out["text"]
    assert leaks(json.dumps(out, ensure_ascii=False)) == []


@pytest.mark.parametrize("form", ["txt", "pdf"])
def test_cli_json_and_text_never_show_the_bsn(form: str, cli) -> None:
    data = LETTER.encode() if form == "txt" else render_pdf(LETTER)
    as_json = cli(data, f"brief.{form}", "--json")
    plain = cli(data, f"brief.{form}")
    assert as_json.code == plain.code == 0
    assert as_json.json()["bsn_found"] is True
    assert leaks(as_json.stdout) == [] and leaks(plain.stdout) == []
    assert leaks(as_json.stderr + plain.stderr) == []


def test_app_screen_never_shows_the_bsn() -> None:
    at = upload("brief.txt", LETTER.encode(), desk=True)
    assert not at.exception
    shown = screen_text(at)
    assert "Balie" in shown and "Gelezen tekst" in shown  # the desk with the letter's text is open
    assert "Wildeboer" in shown  # the letter text is on screen …
    assert leaks(shown) == []  # … with its BSN masked


def test_summary_pdf_never_shows_the_bsn() -> None:
    import io

    import pdfplumber

    from snapdebrief.ui.summary_pdf import summary_pdf

    data = explain([LETTER.encode()], Options(today=TODAY)).to_json()
    with pdfplumber.open(io.BytesIO(summary_pdf(data, TODAY))) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert leaks(text) == []
