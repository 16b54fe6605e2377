"""A page whose grain a single threshold would turn into specks: a 5 px median first.

Evening out the light divides the camera's grain by it too, so under a hand's shadow (35-55 %
darker) the grain comes out stronger than on lit paper. Tesseract binarises a page with one
threshold; there the grain becomes specks by the thousand and its layout analysis drops or
garbles the lines among them (a rough photo: 46 % of its characters wrong, the kenmerk, BSN and
Betreft lines lost). A half-size copy of the page is thresholded the same way (Otsu) and its
specks counted against its letters (at full size the same order, 6 x slower): on the samples'
rough photos 4-10 specks a letter on the two pages where lines were lost, at most 1.1 on the
others, under 0.5 on nearly all. Only such a page is smoothed; a page that thresholds cleanly is
left as it is, whatever its light.
"""

from __future__ import annotations

import cv2
import numpy as np

SPECKLED = 2.5  # specks per letter-sized blob (half-size copy) above which to smooth
SPECK_SIDE = 0.0025  # a speck fits in a square this share of the long side (4 px of 1650)
LETTER_HEIGHT = (0.004, 0.03)  # letter-sized blobs, as shares of the page's long side


def speck_ratio(grey: np.ndarray) -> float:
    """Specks per letter when a half-size copy of the page is binarised with one Otsu threshold,
    as Tesseract binarises the page."""
    h, w = grey.shape
    if min(h, w) >= 400:
        grey = cv2.resize(grey[: h // 2 * 2, : w // 2 * 2], (w // 2, h // 2),
                          interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    area, height = stats[1:, cv2.CC_STAT_AREA], stats[1:, cv2.CC_STAT_HEIGHT]
    side = max(grey.shape)
    speck = area <= (side * SPECK_SIDE) ** 2
    letter = ~speck & (height >= side * LETTER_HEIGHT[0]) & (height <= side * LETTER_HEIGHT[1])
    return float(speck.sum()) / max(int(letter.sum()), 1)


def despeckle(grey: np.ndarray) -> np.ndarray:
    """`grey` through a 5 px median when it is speckled (see the module's docstring), else
    `grey` itself."""
    return cv2.medianBlur(grey, 5) if speck_ratio(grey) > SPECKLED else grey
