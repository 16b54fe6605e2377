"""Shared fixtures: a pinned 'today', and real files made from a letter's text by the tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TODAY = date(2026, 3, 20)

LETTER = """Centraal Justitieel Incassobureau
Postbus 1794
8901 CB Leeuwarden

Dhr. J. de Vries
Kinkerstraat 12
1053 DX Amsterdam

Datum: 12 maart 2026
CJIB-nummer: 1062 5421 5704 7959

Betreft: Eerste aanmaning verkeersboete

Geachte heer De Vries,

U heeft de boete van € 110,00 nog niet betaald. Daarom is de boete verhoogd met € 55,00.
U moet nu € 165,00 betalen.

Betaal het bedrag vóór 9 april 2026 op rekening NL86 INGB 0002 4455 88
onder vermelding van het CJIB-nummer 1062 5421 5704 7959.

Betaalt u niet op tijd? Dan wordt het bedrag opnieuw verhoogd.

Met vriendelijke groet,
Centraal Justitieel Incassobureau
"""


@pytest.fixture
def today() -> date:
    return TODAY


def render_pdf(text: str) -> bytes:
    """A born-digital A4 PDF of the text, one page per form feed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in text.split("\f"):
        y = A4[1] - 72
        c.setFont("DejaVu", 10.5)
        for line in page.splitlines():
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()
    return buf.getvalue()


def render_image(text: str, fmt: str = "PNG", dpi: int = 200, **save) -> bytes:
    """A clean scan-like image of the text (one page), at the given dpi."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    w, h = int(595 * scale), int(842 * scale)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(10.5 * scale))
    y = 72 * scale
    for line in text.split("\f")[0].splitlines():
        draw.text((72 * scale, y), line, fill="black", font=font)
        y += 14 * scale
    buf = io.BytesIO()
    img.save(buf, format=fmt, **save)
    return buf.getvalue()


@pytest.fixture
def letter_text() -> str:
    return LETTER
