"""A one-page PDF summary of the answer, to print or send to a helper (reportlab).

Built only from the masked `Result.to_json()` values: no letter text, no BSN. Everything that
comes from the letter is XML-escaped before it enters a reportlab Paragraph (which reads markup).
The content shrinks to fit when it is long, so the summary is always one page.

In the answer's language (#20): its words from rules/lang/<code>/app.yaml (ui/words.py). Arabic
is written right to left: reportlab draws characters one by one, in the order given, without
joining letters, so each paragraph's letters are first put in their joined forms
(arabic-reshaper), broken into lines in reading order, and each line then put in display order
by the Unicode bidi algorithm (python-bidi's levels, see `display`), so a Dutch term, an IBAN or
an amount inside runs left to right, and a bracket in a right-to-left run is mirrored. DejaVu Sans has all Arabic letters
and their joined forms.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .text import group4
from .words import BIDI_MARKS, Words, answer_lang, words_for

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


@functools.lru_cache(maxsize=512)
def rtl_lines(text: str, width: float, font: str, size: float) -> tuple[str, ...]:
    """A right-to-left paragraph as lines to draw left to right: letters joined, broken at
    spaces to fit `width` points in reading order, each line then in display order. (Cached:
    shrinking the page to fit asks for the same paragraph at several widths, more than once.)"""
    import arabic_reshaper
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = arabic_reshaper.reshape(text).split()
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in words:
        # reportlab adds glyph advances (no kerning): a line's width is the sum of its words'
        w = stringWidth(BIDI_MARKS.sub("", word), font, size)
        if current and used + space + w > width:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (space if current else 0.0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return tuple(BIDI_MARKS.sub("", display(line)) for line in lines)


_LEVELS = re.compile(r"Level\(\s*(\d+),?\s*\)")


def display(line: str) -> str:
    """One line of a right-to-left paragraph in display order (Unicode bidi algorithm, UAX #9):
    the levels from python-bidi (its Rust core knows isolates and bracket pairs, "CJIB
    (CJIB-nummer)" stays one Latin run), then reordered (L2) and mirrored (L4: "(" in a
    right-to-left run is drawn as ")"), which python-bidi's own get_display does not do."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    info = str(get_display(line, base_dir="R", debug=True))
    per_byte = [int(x) for x in _LEVELS.findall(info.split("levels:", 1)[-1])]
    levels: list[int] = []
    at = 0
    for ch in line:
        if at >= len(per_byte):
            break
        levels.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    if len(levels) != len(line):  # not the form this was written for: python-bidi's own order
        return str(get_display(line, base_dir="R"))
    chars = [MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(line, levels)]
    order = list(range(len(line)))
    lowest_odd = min((lv for lv in levels if lv % 2), default=1)
    for level in range(max(levels, default=0), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars[k] for k in order)


def _rtl_paragraph(text: str, style: Any) -> Any:
    """A flowable like Paragraph(text, style) for a right-to-left text (see rtl_lines)."""
    from reportlab.platypus import Flowable

    class RtlParagraph(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.lines = list(rtl_lines(text, avail_width, style.fontName, style.fontSize)) or [""]
            self.width = avail_width
            self.height = style.leading * len(self.lines)
            return self.width, self.height

        def getSpaceBefore(self) -> float:
            return style.spaceBefore

        def getSpaceAfter(self) -> float:
            return style.spaceAfter

        def draw(self) -> None:
            canvas = self.canv
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            for i, line in enumerate(self.lines):
                baseline = self.height - style.leading * i - style.fontSize
                canvas.drawRightString(self.width, baseline, line)

    return RtlParagraph()


def summary_pdf(data: Mapping[str, Any], today: date,
                rules_dirs: tuple[Path, ...] | list[Path] = ()) -> bytes:
    """The PDF bytes of a one-page summary of `data` (a masked Result.to_json() dict), in the
    language the answer is in."""
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

    w: Words = words_for(answer_lang(data), tuple(rules_dirs))

    def p(text: str, style: ParagraphStyle = body) -> Any:
        if w.rtl:
            return _rtl_paragraph(w.numbers(text), style)
        return Paragraph(escape(text), style)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm,
        bottomMargin=14 * mm, title=TITLE, author="", subject="", creator="snapdebrief",
        invariant=1,
    )
    inner = doc.width - 12  # a Frame keeps 6 pt padding on each side

    e = data["explanation"]
    story: list[Any] = [p(e.get("kind_label") or data.get("kind_label") or w("pdf.letter"), title)]
    if data.get("sender"):
        story.append(p(w("pdf.from", sender=data["sender"])))
    if data.get("letter_date"):
        story.append(p(w("pdf.letter-date", date=w.date(date.fromisoformat(data["letter_date"])))))
    story.append(p(e["summary"]))

    deadline = data.get("deadline")
    if deadline:
        d = date.fromisoformat(deadline["date"])
        box = Table(
            [[p(w("pdf.deadline", date=w.date(d)), big)], [p(w.days_left(d, today))]],
            colWidths=[inner],
            style=[("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#b71c1c")),
                   ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                   ("TOPPADDING", (0, 0), (-1, -1), 4),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)],
        )
        story += [Spacer(1, 4), box, Spacer(1, 4)]
    if e.get("deadline_text"):
        story.append(p(e["deadline_text"]))

    pay_lines: list[str] = []
    if data.get("amount_due") is not None:
        pay_lines.append(w("pdf.amount", amount=w.money(data["amount_due"])))
    if data.get("iban"):
        pay_lines.append(w("pdf.iban", iban=w.ltr(group4(data["iban"]))))
    if data.get("payment_reference"):
        pay_lines.append(w("pdf.reference", reference=w.ltr(data["payment_reference"])))
    if pay_lines or e.get("amount_text"):
        story.append(p(w("pay.heading"), head))
        story += [p(line) for line in pay_lines]
        if e.get("amount_text"):
            story.append(p(e["amount_text"]))

    if e.get("what_to_do"):
        story.append(p(w("heading.what-to-do"), head))
        story += [p(f"{i}. {step}") for i, step in enumerate(e["what_to_do"], 1)]
    story += [p(w("heading.if-you-do-nothing"), head), p(e["if_you_do_nothing"])]
    if e.get("objection"):
        story.append(p(w("heading.objection"), head))
        story.append(p(e["objection"]))
        if data.get("objection_deadline"):
            od = date.fromisoformat(data["objection_deadline"])
            story.append(p(w("objection.until", date=w.date(od))))
    if e.get("help"):
        story.append(p(w("heading.help"), head))
        for h in e["help"]:
            contact = ", ".join(w.ltr(x) for x in (h.get("phone"), h.get("url")) if x)
            story.append(p(f"{h['name']}" + (f" ({contact})" if contact else "") + f": {h['why']}"))
    if data.get("warnings"):
        story.append(p(w("heading.warnings"), head))
        story += [p(f"- {warning}") for warning in data["warnings"]]
    story += [Spacer(1, 6), p(w("pdf.made", date=w.date(today)), small)]

    frame_w, frame_h = doc.width, doc.height
    doc.build([KeepInFrame(frame_w, frame_h, story, mode="shrink")])
    return buf.getvalue()
