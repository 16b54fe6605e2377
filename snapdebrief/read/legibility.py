"""Why a photo could not be read, in words a resident can act on (issue #16, item 5).

The reader refuses a photo ("Maak een nieuwe foto") only when Tesseract found no text it was
sure of on any page (`read_document`); it never refuses from these measures alone, so a page a
person can read is never turned away because it looks dark or soft. What is measured here only
names the cause, on a small grey copy of the photo as it was taken:

- te donker: the paper itself is dark (its bright end under DARK of 255);
- schaduw: part of the paper is far darker than the rest (a hand or a phone over it);
- te klein in beeld: the sheet is small in the frame (its letters a few pixels tall);
- onscherp: none of these, so the letters were soft or shaken.
"""

from __future__ import annotations

from typing import Literal

import cv2
import numpy as np
from PIL import Image

from .straighten import find_sheet

Cause = Literal["dark", "shadow", "small", "blur"]

SIDE = 800  # long side of the copy the causes are measured on
DARK = 60  # the paper's bright end (95th percentile of the frame) below this: too dark
SHADE = 0.25  # darker than this share of the bright paper: in deep shade
SHADED = 0.2  # this share of the frame's middle in deep shade: a shadow
SMALL_SHARE = 0.15  # a sheet covering less of the frame than this: too small
LIT = 0.75  # paper: at least this share of the brightest paper's level
MIN_PHOTO_PX = 1000  # a photo whose long side is shorter: too small

MESSAGES: dict[Cause, str] = {
    "dark": (
        "Maak een nieuwe foto: de foto is te donker. Zorg voor meer licht, bijvoorbeeld bij "
        "een raam of onder een lamp."
    ),
    "shadow": (
        "Maak een nieuwe foto: er valt een schaduw over de brief. Zorg dat je hand of je "
        "telefoon geen schaduw op de brief geeft."
    ),
    "small": (
        "Maak een nieuwe foto: de brief is te klein op de foto. Houd je telefoon dichter bij "
        "de brief, zodat de brief bijna de hele foto vult."
    ),
    "blur": (
        "Maak een nieuwe foto: de foto is onscherp. Houd je telefoon stil en tik op de brief "
        "op je scherm, zodat de camera scherp stelt."
    ),
}
# In a warning about one page of several, after "Pagina N": what was wrong with it.
PAGE_CAUSES: dict[Cause, str] = {
    "dark": "de foto is te donker",
    "shadow": "er valt een schaduw over de brief",
    "small": "de brief is te klein op de foto",
    "blur": "de foto is onscherp",
}


def cause(img: Image.Image) -> Cause:
    """The likeliest reason a photo of a letter could not be read (see the module's list)."""
    rgb = np.asarray(img.convert("RGB") if img.mode != "RGB" else img)
    h, w = rgb.shape[:2]
    f = min(1.0, SIDE / max(h, w))
    small = cv2.resize(rgb, (max(1, round(w * f)), max(1, round(h * f))),
                       interpolation=cv2.INTER_AREA) if f < 1 else rgb
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    paper = float(np.percentile(grey, 99.5))  # the brightest paper: a sheet may fill 3 % of it
    if paper < DARK:
        return "dark"
    level = cv2.GaussianBlur(grey, (0, 0), max(2.0, SIDE / 200))
    sh, sw = grey.shape
    centre = level[int(0.2 * sh):int(0.8 * sh), int(0.2 * sw):int(0.8 * sw)]
    if (centre < SHADE * paper).mean() >= SHADED:
        return "shadow"
    region = _sheet(rgb, grey, paper)
    if region.mean() < SMALL_SHARE or max(h, w) < MIN_PHOTO_PX:
        return "small"
    return "blur"


def _sheet(rgb: np.ndarray, grey: np.ndarray, paper: float) -> np.ndarray:
    """The sheet on the small copy `grey`: the outline the reader's sheet finder sees; else
    the largest blob of pixels near the paper's brightness, its holes filled."""
    quad = find_sheet(rgb)
    h, w = grey.shape
    if quad is not None:
        out = np.zeros((h, w), np.uint8)
        cv2.fillPoly(out, [np.round(quad * (max(h, w) / max(rgb.shape[:2]))).astype(np.int32)], 1)
        return out > 0
    return _filled(cv2.GaussianBlur(grey, (0, 0), 2) >= LIT * paper)


def _filled(mask: np.ndarray) -> np.ndarray:
    """The largest blob of `mask` with its holes (text, a shadow's inside edge) closed."""
    k = max(5, int(max(mask.shape) / 25) | 1)
    closed = cv2.morphologyEx(mask.astype(np.uint8) * 255, cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    if n <= 1:
        return mask
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    contours, _ = cv2.findContours((labels == biggest).astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    out = np.zeros(mask.shape, np.uint8)
    cv2.fillPoly(out, [hull], 1)
    return out > 0
