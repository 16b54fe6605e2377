"""Which way up a page is, decided from its text: Tesseract's OSD when it is sure, else a trial
read of one block of the page in each turn that is still possible.

OSD guesses from letter shapes on a reduced page; on a soft, grainy or small photo it is often
unsure (confidence under 1.5) or finds "too few characters", and then a sideways or upside-down
page was read as it lay (issue #16: rough photos, 6 of 8 sideways pages without an EXIF tag lost).
A trial read costs more (one Tesseract run over the turns of a block of ~a tenth of the page) but
is only paid for where OSD is unsure: the turn whose words Tesseract reads with the most
confident letters is the upright one.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from PIL import Image

from .ocr import osd, read_tsv
from .straighten import deskew, letter_height, text_angle

OSD_SURE = 1.5  # OSD's orientation confidence from which its verdict is taken as it is
BLOCK = 0.3  # the trial block's side, as a share of the page's width and height
LETTER_PX = 24.0  # a letter's height for the trial: read as well as at 300 dpi's ~30 px, faster


def upright_turn(grey: np.ndarray, turns: Sequence[int], lang: str, timeout: float) -> int:
    """Degrees to turn `grey` clockwise (one of `turns`) so its text is upright.

    OSD's verdict when it is sure and among `turns`; otherwise the turn in which a block of the
    page reads best (`best_by_reading`)."""
    if len(turns) == 1:
        return turns[0]
    rotate, conf = osd(Image.fromarray(grey), timeout)
    if conf >= OSD_SURE and rotate in turns:
        return rotate
    return best_by_reading(grey, turns, lang, timeout)


def best_by_reading(grey: np.ndarray, turns: Sequence[int], lang: str, timeout: float) -> int:
    """The turn (clockwise degrees) in which Tesseract reads the inkiest block of the page, its
    lines levelled and its letters enlarged where small, with the most confident letters; all
    turns go to one Tesseract (`ocr.read_tsv`)."""
    block = densest_block(grey)
    # level its lines first (across or up-down, whichever): at a tilt of 8-9° Tesseract reads
    # nothing in any turn
    block = readable_size(deskew(block, angle=text_angle(block)))
    tables = read_tsv([np.rot90(block, k=-turn // 90) for turn in turns], lang, timeout)
    scores = [sum(conf / 100 * sum(ch.isalnum() for ch in text)
                  for conf, text in zip(data["conf"], data["text"]) if conf > 0)
              for data in tables]
    return turns[int(np.argmax(scores))]


def densest_block(grey: np.ndarray, side: float = BLOCK) -> np.ndarray:
    """The block of `side` x the page's width and height that holds the most dark strokes of
    letter size (a black-hat on a small copy, as straighten.text_lines finds letters)."""
    h, w = grey.shape
    f = 400 / max(h, w)
    small = cv2.resize(grey, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    k = max(5, int(max(small.shape) / 60) | 1)
    ink = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    _, ink = cv2.threshold(ink, 0, 1, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    sh, sw = ink.shape
    bh, bw = max(1, int(sh * side)), max(1, int(sw * side))
    sums = cv2.integral(ink)
    best, at = -1, (0, 0)
    for y in range(0, sh - bh + 1, max(1, sh // 20)):
        for x in range(0, sw - bw + 1, max(1, sw // 20)):
            s = sums[y + bh, x + bw] - sums[y, x + bw] - sums[y + bh, x] + sums[y, x]
            if s > best:
                best, at = s, (y, x)
    y0, x0 = int(at[0] / f), int(at[1] / f)
    return grey[y0:y0 + int(h * side), x0:x0 + int(w * side)]


def readable_size(block: np.ndarray) -> np.ndarray:
    """The block scaled so its letters are LETTER_PX tall: the page of a photo whose sheet was
    not found (a chat app's 1600 px photo, say) has letters of 8-12 px, which Tesseract reads
    as nothing in any turn; a 300 dpi page's letters of ~30 px read as well a little smaller,
    and faster."""
    _, ink = cv2.threshold(block, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    side = max(block.shape)
    size = letter_height(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], side, 20)
    if size is None:
        return block
    f = min(3.0, max(0.5, LETTER_PX / max(size, 1.0)))
    if abs(f - 1) < 0.1:
        return block
    return cv2.resize(block, None, fx=f, fy=f,
                      interpolation=cv2.INTER_CUBIC if f > 1 else cv2.INTER_AREA)
