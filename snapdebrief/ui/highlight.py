"""Boxes around the values on the page image, for the volunteer who checks what was read.

The OCR page image is not kept in the Result, so `page_images` rebuilds it from the uploaded bytes
with the reader's own steps (decode, greyscale and scale, turn upright); the word boxes of
`Page.words` are in that image's pixels. Everything stays in memory; the drawing is on a copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from ..fields.locate import box_for
from ..options import Limits
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
        due = f.amount_due is not None and abs(a.value - f.amount_due) < 0.005
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
        ev = box_for(ev, result.document)
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


def draw_boxes(image: Image.Image, boxes: Sequence[Box], width: int | None = None) -> Image.Image:
    """A copy of the page image in colour with every box outlined and numbered."""
    out = image.convert("RGB")  # always a new image
    draw = ImageDraw.Draw(out)
    line = width or max(3, round(max(out.size) / 500))
    font = ImageFont.load_default(size=max(14, line * 6))
    for n, box in enumerate(boxes, 1):
        colour = COLOURS.get(box.colour, COLOURS["rule"])
        x0, y0, x1, y1 = box.bbox
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
    pad = margin * max(w, h)
    x0 = max(0, min(b.bbox[0] for b in page.words) - pad)
    y0 = max(0, min(b.bbox[1] for b in page.words) - pad)
    x1 = min(w, max(b.bbox[2] for b in page.words) + pad)
    y1 = min(h, max(b.bbox[3] for b in page.words) + pad)
    if x1 - x0 < w * 0.2 or y1 - y0 < h * 0.2:
        return image  # a few stray words: show the whole page
    return image.crop((round(x0), round(y0), round(x1), round(y1)))


def page_images(files: Sequence[bytes], pages: Sequence[Page], limits: Limits | None = None,
                timeout: float = 30.0) -> dict[int, Image.Image]:
    """The OCR image of every OCR page (by page number), rebuilt from the uploaded files.

    Pages come in the reader's order: a text file's pages, a PDF's pages (text layer or scan),
    an image's frames. Only pages read by OCR get an image. The turn the reader applied follows
    from the page size, and OSD (the same call the reader made) decides 90° from 270° or 0° from
    180°; a page whose rebuilt size does not match is left out rather than boxed wrongly.
    """
    from ..read.image import open_images, prepare_for_ocr
    from ..read.ocr import detect_rotation
    from ..read.pdf import read_pdf
    from ..read.sniff import IMAGE_TYPES, decode_text, sniff

    limits = limits or Limits()
    sources: list[Image.Image | None] = []
    for data in files:
        kind = sniff(data, limits)
        if kind == "text":
            text = decode_text(data)
            for part in text.split("\f"):
                if part.strip() or not sources:
                    sources.append(None)
        elif kind == "pdf":
            sources += [p.image for p in read_pdf(data, limits)]
        elif kind in IMAGE_TYPES:
            sources += list(open_images(data, kind, limits))
    out: dict[int, Image.Image] = {}
    for page, src in zip(pages, sources):
        if page.method != "ocr" or src is None or page.size is None:
            continue
        grey = prepare_for_ocr(src)
        if grey.size == page.size or grey.size == page.size[::-1]:
            rotate = detect_rotation(grey, timeout)
            if rotate:
                grey = grey.rotate(-rotate, expand=True)
        if grey.size == page.size:
            out[page.number] = grey
    return out
