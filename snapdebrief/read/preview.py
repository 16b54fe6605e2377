"""The page image a volunteer sees at the desk: the page exactly as Tesseract read it (sheet cut
out, turned upright, levelled), so the word boxes fall on the words.

Made once by the reader (the app used to rebuild it from the upload and run orientation
detection again in its own process, outside the time limit of the reading child, #18). A greyscale
JPEG at most PREVIEW_LONG_SIDE pixels long keeps it small in memory (~0.2-0.5 MB a page); it is
never written to disk. `cover` paints boxes black, so a BSN never stands in the picture (#16).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image, ImageDraw

PREVIEW_LONG_SIDE = 2000
QUALITY = 80


def page_jpeg(img: Image.Image) -> tuple[bytes, float]:
    """(JPEG bytes, scale from the read page's pixels to the JPEG's pixels)."""
    grey = img.convert("L")
    scale = min(1.0, PREVIEW_LONG_SIDE / max(grey.size))
    if scale < 1.0:
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
                           Image.Resampling.LANCZOS)
    out = io.BytesIO()
    grey.save(out, "JPEG", quality=QUALITY, optimize=True)
    return out.getvalue(), scale


def cover(jpeg: bytes, boxes: Iterable[tuple[float, float, float, float]], scale: float,
          pad: float = 4.0) -> bytes:
    """The JPEG with every box (in the read page's pixels) painted black, a little larger than
    the words so no stroke of a digit shows at the edge."""
    boxes = list(boxes)
    if not boxes:
        return jpeg
    with Image.open(io.BytesIO(jpeg)) as opened:
        img = opened.convert("L")
    draw = ImageDraw.Draw(img)
    for x0, y0, x1, y1 in boxes:
        h = (y1 - y0) * 0.25 + pad
        draw.rectangle(((x0 - h) * scale, (y0 - h) * scale, (x1 + h) * scale, (y1 + h) * scale),
                       fill=0)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()
