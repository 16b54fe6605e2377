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


# ---------------------------------------------------------------- the answer's language (#20)

PDF_TODAY = __import__("datetime").date(2026, 3, 20)


@pytest.fixture(scope="module")
def answers() -> dict[str, dict]:
    """The pipeline's answer to a CJIB aanmaning (text, no OCR) in Dutch, English and Arabic."""
    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    from .test_browser import cjib_letter

    letter = cjib_letter(PDF_TODAY).encode()
    return {lang: explain([letter], Options(today=PDF_TODAY, lang=lang)).to_json()
            for lang in ("nl", "en", "ar")}


def test_the_summary_in_english_has_no_dutch_words_of_ours(answers) -> None:
    data = answers["en"]
    pages, content, _ = pdf_text(summary_pdf(data, PDF_TODAY))
    assert pages == 1
    assert data["explanation"]["kind_label"] == "Reminder (aanmaning) from the CJIB"
    assert content.startswith("Reminder (aanmaning) from the CJIB")
    for ours in ("Last day: Sunday, 5 April 2026", "16 days left", "Paying", "Amount: €165.00",
                 "Account (IBAN): NL86 INGB 0002 4455 88", "What do you have to do?",
                 "Made with Snap de brief on Friday, 20 March 2026"):
        assert ours in content.replace("\n", " "), ours
    for dutch in ("Uiterste datum", "Betalen", "Bedrag:", "Wat moet je doen?", "Gemaakt met",
                  "Nog 16 dagen"):
        assert dutch not in content, dutch


def visual_lines(data: bytes) -> list[str]:
    """The PDF's lines as drawn, left to right, in Unicode's normal forms (NFKC turns the
    joined Arabic letters back into plain letters, one for one outside lam-alef)."""
    import unicodedata

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        raw = pdf.pages[0].extract_text() or ""
    return [unicodedata.normalize("NFKC", line) for line in raw.splitlines()]


def test_the_arabic_summary_is_joined_and_right_to_left(answers) -> None:
    data = answers["ar"]
    pdf = summary_pdf(data, PDF_TODAY)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
        page = doc.pages[0]
        chars = [c for c in page.chars if c["text"].strip()]
        raw = "".join(c["text"] for c in chars)
        # Joined letters: the presentation forms a shaping engine draws, not the bare letters.
        assert sum("\ufe70" <= ch <= "\ufeff" for ch in raw) > 200
        bare = [ch for ch in raw if "\u0621" <= ch <= "\u064a" and ch != "\u0640"]  # not tatweel
        assert not bare, f"unjoined Arabic letters: {bare}"
        # Right-aligned: each Arabic line ends at the right margin.
        right = max(c["x1"] for c in chars)
        title = [c for c in chars if abs(c["top"] - chars[0]["top"]) < 2]
        assert max(c["x1"] for c in title) == pytest.approx(right, abs=1.0)
    lines = visual_lines(pdf)
    # The title "إنذار بالدفع (aanmaning) من CJIB" drawn right to left: CJIB leftmost, the
    # brackets the right way round, the Arabic words readable when read from the right.
    first = lines[0]
    assert first.startswith("CJIB") and "(aanmaning)" in first
    assert "إنذار بالدفع" in first[::-1] and " من " in first[::-1]
    text = "\n".join(lines)
    # Values stay left to right inside: the IBAN in its groups, the reference whole, the amount.
    assert "NL86 INGB 0002 4455 88" in text
    assert data["payment_reference"] in text.replace(" ", "")
    assert "165.00" in text
    for dutch in ("Uiterste datum", "Betalen", "Wat moet je doen?", "Gemaakt met"):
        assert dutch not in text


def test_display_order_mirrors_brackets_and_keeps_latin_runs() -> None:
    from snapdebrief.ui.summary_pdf import display
    from snapdebrief.ui.words import LRI, PDI, RLM

    assert display("אבג (def) דהו") == "והד (def) גבא"
    assert display("אבג (דהו) זח") == "חז (והד) גבא"
    shown = display(f"אבג CJIB (CJIB-nummer): {RLM}{LRI}1062 5421{PDI}.")
    assert shown.replace(RLM, "").replace(LRI, "").replace(PDI, "") == \
        ".1062 5421 :CJIB (CJIB-nummer) גבא"
