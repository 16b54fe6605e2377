"""The PDF text layer's words come from pdfplumber's own word extractor on a lighter set of
character records (`pdf._chars`): they must be exactly the words `page.extract_words` gives."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdfplumber.utils.text import WordExtractor

from snapdebrief.read.pdf import _chars
from tests.conftest import FONT, LETTER, render_pdf


def _shifted_pdf() -> bytes:
    """A page whose media box does not start at 0,0, with a rotated line and two font sizes."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(700, 900))
    c.setPageSize((700, 900))
    c.setFont("DejaVu", 16)
    c.drawString(80, 800, "INCASSOBUREAU NOORDKUST B.V.")
    c.setFont("DejaVu", 10)
    c.drawString(80, 760, "Hoofdsom                         € 245,00")
    c.saveState()
    c.translate(40, 400)
    c.rotate(90)
    c.drawString(0, 0, "Kenmerk 2025-11873 zijkant")
    c.restoreState()
    c.showPage()
    c.save()
    data = buf.getvalue()
    return data.replace(b"/MediaBox [ 0 0 700 900 ]", b"/MediaBox [ 30 20 730 920 ]")


@pytest.mark.parametrize("make", [lambda: render_pdf(LETTER + "\f" + LETTER), _shifted_pdf],
                         ids=["letter", "shifted-media-box"])
def test_words_are_pdfplumbers_own(make) -> None:
    with pdfplumber.open(io.BytesIO(make())) as pdf:
        for page in pdf.pages:
            want = page.extract_words(keep_blank_chars=False, use_text_flow=False,
                                      extra_attrs=["size"])
            got = WordExtractor(keep_blank_chars=False, use_text_flow=False,
                                extra_attrs=["size"]).extract_words(_chars(page))
            assert want and got == want
