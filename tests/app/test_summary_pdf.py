"""The one-page PDF summary: one page, the kind label, the values to pay, never a BSN."""

from __future__ import annotations

import dataclasses
import io
import re

import pdfplumber
import pytest

from snapdebrief.ui.summary_pdf import summary_pdf

from .conftest import BSN


def pdf_text(data: bytes) -> tuple[int, str, dict]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages), "\n".join(p.extract_text() or "" for p in pdf.pages), pdf.metadata


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_one_page_with_kind_and_payment(result, today) -> None:
    pages, content, _ = pdf_text(summary_pdf(result.to_json(), today))
    assert pages == 1
    assert "Aanmaning van het CJIB" in content
    assert "€ 165,00" in content
    assert "NL86 INGB 0002 4455 88" in content
    assert "1062 5421 5704 7959" in content
    assert "donderdag 9 april 2026" in content and "Nog 20 dagen" in content


def test_no_bsn_even_where_the_explanation_repeats_it(result, today) -> None:
    # a text that carries the BSN in the forms letters print it; to_json() masks them all
    leaky = dataclasses.replace(
        result.explanation,
        summary=f"Uw BSN {BSN} en 1112.22.333 en 111-222-333 staan op de brief.",
    )
    data = result.replace(explanation=leaky).to_json()
    pages, content, meta = pdf_text(summary_pdf(data, today))
    assert pages == 1
    assert BSN not in digits(content)
    assert "333" in content  # the last three digits may stay
    assert BSN not in digits(str(meta))


def test_long_answer_still_fits_one_page(result, today) -> None:
    long = dataclasses.replace(
        result.explanation,
        what_to_do=tuple(f"Stap {i}: " + "doe dit en dan dat " * 12 for i in range(12)),
        if_you_do_nothing="Dan gebeurt er iets. " * 60,
    )
    pages, content, _ = pdf_text(summary_pdf(result.replace(explanation=long).to_json(), today))
    assert pages == 1
    assert "Aanmaning van het CJIB" in content


@pytest.mark.parametrize(
    "sender",
    [
        pytest.param("<b>Vet</b> & <font size=40>groot</font>", id="reportlab-markup"),
        pytest.param("Incasso & Co <para>", id="unclosed-tag"),
    ],
)
def test_letter_text_is_not_markup(result, today, sender: str) -> None:
    data = result.to_json()
    data["sender"] = sender
    _, content, _ = pdf_text(summary_pdf(data, today))
    assert sender in content


def test_without_deadline_or_amount(today) -> None:
    from .conftest import make_result

    r = make_result(today, deadline_in=None)
    data = r.to_json()
    data["amount_due"] = None
    data["iban"] = None
    data["payment_reference"] = None
    pages, content, _ = pdf_text(summary_pdf(data, today))
    assert pages == 1 and "Uiterste datum" not in content
