"""Boxes around the values on the page image, for the volunteer who checks what was read.

The reader keeps each OCR page as Tesseract read it (`Page.image`, read/preview.py, with every
BSN painted over) when the app asks for it; the word boxes of `Page.words` are in the read
page's pixels, `Page.image_scale` maps them onto that picture. Nothing here reads the letter
again. Everything stays in memory; the drawing is on a copy.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from ..result import Evidence, Page, Result

LOW_CONF = 60.0  # a word Tesseract read with less confidence than this is marked for checking

COLOURS = {
    "deadline": (211, 47, 47),
    "amount": (25, 118, 210),
    "iban": (56, 142, 60),
    "reference": (123, 31, 162),
    "date": (245, 124, 0),
    "sender": (0, 121, 107),
    "rule": (97, 97, 97),
}


@dataclass(frozen=True)
class Box:
    page: int
    bbox: tuple[float, float, float, float]
    label: str
    colour: str  # key of COLOURS
    start: int = 0  # the value's characters in the page text, for the legend
    end: int = 0


def value_boxes(result: Result) -> list[Box]:
    """A box for every found value that has evidence on an OCR page."""
    f = result.fields
    wanted: list[tuple[Evidence | None, str, str]] = []
    if result.deadline is not None:
        wanted.append((result.deadline.evidence, "Datum om te doen", "deadline"))
    if f.letter_date is not None:
        wanted.append((f.letter_date.evidence, "Datum van de brief", "date"))
    for a in f.amounts:
        due = f.amount_due is not None and a.value == f.amount_due
        wanted.append((a.evidence, "Te betalen" if due else "Bedrag", "amount"))
    if f.iban_evidence is not None:
        wanted.append((f.iban_evidence, "IBAN", "iban"))
    if f.payment_reference is not None:
        wanted.append((f.payment_reference.evidence, "Betalingskenmerk", "reference"))
    if f.sender_evidence is not None:
        wanted.append((f.sender_evidence, "Afzender", "sender"))
    if f.appointment is not None:
        wanted.append((f.appointment.evidence, "Afspraak", "date"))
    boxes: list[Box] = []
    seen: set[tuple[int, tuple[float, ...]]] = set()
    for ev, label, colour in wanted:
        if ev is None:
            continue
        ev = result.document.box_for(ev)
        if ev.bbox is None or not 1 <= ev.page <= len(result.document.pages):
            continue
        if result.document.pages[ev.page - 1].method != "ocr":
            continue  # text-layer boxes are not in image pixels
        key = (ev.page, tuple(round(v) for v in ev.bbox))
        if key in seen:
            continue
        seen.add(key)
        boxes.append(Box(page=ev.page, bbox=ev.bbox, label=label, colour=colour,
                         start=ev.start, end=ev.end))
    return boxes


def low_confidence_spans(page: Page, threshold: float = LOW_CONF) -> list[tuple[int, int]]:
    """Character spans of the words read with confidence below threshold (OCR pages only)."""
    return [(w.start, w.end) for w in page.words if 0 <= w.conf < threshold]


def draw_boxes(image: Image.Image, boxes: Sequence[Box], width: int | None = None,
               scale: float = 1.0) -> Image.Image:
    """A copy of the page image in colour with every box outlined and numbered (boxes in the
    read page's pixels, `scale` onto the image's)."""
    out = image.convert("RGB")  # always a new image
    draw = ImageDraw.Draw(out)
    line = width or max(3, round(max(out.size) / 500))
    font = ImageFont.load_default(size=max(14, line * 6))
    for n, box in enumerate(boxes, 1):
        colour = COLOURS.get(box.colour, COLOURS["rule"])
        x0, y0, x1, y1 = (v * scale for v in box.bbox)
        pad = line * 2
        draw.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), outline=colour, width=line)
        # the number in a filled tag on the box's top-left corner, above the line of text, so
        # the legend can name it without hiding the words beside the box
        tag = str(n)
        tx0, ty0, tx1, ty1 = draw.textbbox((0, 0), tag, font=font)
        tw, th = tx1 - tx0 + 2 * line, ty1 - ty0 + 2 * line
        left = max(0, x0 - pad)
        top = y0 - pad - th if y0 - pad - th >= 0 else y1 + pad
        draw.rectangle((left, top, left + tw, top + th), fill=colour)
        draw.text((left + line - tx0, top + line - ty0), tag, fill=(255, 255, 255), font=font)
    return out


def crop_to_text(image: Image.Image, page: Page, margin: float = 0.03) -> Image.Image:
    """The part of the page image that holds words (plus a margin), so the boxes show larger."""
    if not page.words:
        return image
    w, h = image.size
    k = page.image_scale
    pad = margin * max(w, h)
    x0 = max(0, min(b.bbox[0] for b in page.words) * k - pad)
    y0 = max(0, min(b.bbox[1] for b in page.words) * k - pad)
    x1 = min(w, max(b.bbox[2] for b in page.words) * k + pad)
    y1 = min(h, max(b.bbox[3] for b in page.words) * k + pad)
    if x1 - x0 < w * 0.2 or y1 - y0 < h * 0.2:
        return image  # a few stray words: show the whole page
    return image.crop((round(x0), round(y0), round(x1), round(y1)))


def page_images(result: Result) -> dict[int, Image.Image]:
    """The picture of every OCR page the reader kept (by page number); none for text pages or
    when the letter was read without Options.keep_images."""
    out: dict[int, Image.Image] = {}
    for page in result.document.pages:
        if page.method == "ocr" and page.image is not None:
            with Image.open(io.BytesIO(page.image)) as img:
                out[page.number] = img.convert("L")
    return out
