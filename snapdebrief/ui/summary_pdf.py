"""A one-page PDF summary of the answer, to print or send to a helper (reportlab).

Built only from the masked `Result.to_json()` values: no letter text, no BSN. Everything that
comes from the letter is XML-escaped before it enters a reportlab Paragraph (which reads markup).
The content shrinks to fit when it is long, so the summary is always one page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .text import days_left_text, euro, group4, long_date

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE = "Snap de brief - samenvatting"


def _fonts() -> tuple[str, str]:
    """DejaVu Sans where installed (all Dutch characters and €), else reportlab's Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "SnapSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("SnapSans", str(regular)))
        pdfmetrics.registerFont(TTFont("SnapSans-Bold", str(bold)))
    return "SnapSans", "SnapSans-Bold"


def summary_pdf(data: Mapping[str, Any], today: date) -> bytes:
    """The PDF bytes of a one-page summary of `data` (a masked Result.to_json() dict)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=11, leading=14.5, spaceAfter=3)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=11.5, textColor=colors.grey)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=13, leading=17,
                          spaceBefore=7, spaceAfter=2)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=19, leading=23,
                           spaceAfter=4)
    big = ParagraphStyle("big", parent=body, fontName=bold, fontSize=14, leading=18)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm,
        bottomMargin=14 * mm, title=TITLE, author="", subject="", creator="snapdebrief",
        invariant=1,
    )
    inner = doc.width - 12  # a Frame keeps 6 pt padding on each side

    e = data["explanation"]
    story: list[Any] = [p(data.get("kind_label") or "Brief", title)]
    if data.get("sender"):
        story.append(p(f"Van: {data['sender']}"))
    if data.get("letter_date"):
        story.append(p(f"Datum van de brief: {long_date(date.fromisoformat(data['letter_date']))}"))
    story.append(p(e["summary"]))

    deadline = data.get("deadline")
    if deadline:
        d = date.fromisoformat(deadline["date"])
        box = Table(
            [[p(f"Uiterste datum: {long_date(d)}", big)], [p(days_left_text(d, today))]],
            colWidths=[inner],
            style=[("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#b71c1c")),
                   ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 4),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)],
        )
        story += [Spacer(1, 4), box, Spacer(1, 4)]
    if e.get("deadline_text"):
        story.append(p(e["deadline_text"]))

    pay_lines: list[str] = []
    if data.get("amount_due") is not None:
        pay_lines.append(f"Bedrag: {euro(data['amount_due'])}")
    if data.get("iban"):
        pay_lines.append(f"Rekening (IBAN): {group4(data['iban'])}")
    if data.get("payment_reference"):
        pay_lines.append(f"Betalingskenmerk: {data['payment_reference']}")
    if pay_lines or e.get("amount_text"):
        story.append(p("Betalen", head))
        story += [p(line) for line in pay_lines]
        if e.get("amount_text"):
            story.append(p(e["amount_text"]))

    if e.get("what_to_do"):
        story.append(p("Wat moet je doen?", head))
        story += [p(f"{i}. {step}") for i, step in enumerate(e["what_to_do"], 1)]
    story += [p("Wat gebeurt er als je niets doet?", head), p(e["if_you_do_nothing"])]
    if e.get("objection"):
        story.append(p("Ben je het er niet mee eens?", head))
        story.append(p(e["objection"]))
        if data.get("objection_deadline"):
            od = date.fromisoformat(data["objection_deadline"])
            story.append(p(f"Bezwaar kan tot en met {long_date(od)}."))
    if e.get("help"):
        story.append(p("Gratis hulp", head))
        for h in e["help"]:
            contact = ", ".join(x for x in (h.get("phone"), h.get("url")) if x)
            story.append(p(f"{h['name']}" + (f" ({contact})" if contact else "") + f": {h['why']}"))
    if data.get("warnings"):
        story.append(p("Let op", head))
        story += [p(f"- {w}") for w in data["warnings"]]
    story += [
        Spacer(1, 6),
        p(f"Gemaakt met Snap de brief op {long_date(today)}. Dit is hulp bij het lezen, geen "
          "juridisch advies. Kijk altijd ook op de brief zelf.", small),
    ]

    frame_w, frame_h = doc.width, doc.height
    doc.build([KeepInFrame(frame_w, frame_h, story, mode="shrink")])
    return buf.getvalue()
