"""A soft photo (lens blur) read a second time sharpened; the read with more sure letters kept,
and the lines only the other read found added to it (issue #16).

A phone photo out of focus (Gaussian blur σ 2-2.6 px at 12 MP) loses Tesseract more than its
letters: its layout analysis drops whole blocks (a letterhead, an address, a closing paragraph)
and it misreads thin strokes. An unsharp mask brings both back on some pages and spoils others,
so the page is read both ways and the reads are compared by what Tesseract is sure of; a line
one read found and the other dropped is kept from the read that found it. Only a page whose
edges are measured soft (`blur_sigma`) is read twice: a sharp photo or a scan reads as before.
"""

from __future__ import annotations

import bisect
import math

import cv2
import numpy as np

from ..result import Word
from .layout import OcrWord, lay_out

# Blur σ (page px) above which a page is read again sharpened. Measured on the pages as handed
# to Tesseract: the samples' hard photos 0.55-1.20, ordinary photos up to 0.81, rough photos
# (blur σ 1.2-2.6 px at 12 MP) 0.82-2.47; the rough pages the second read helped 1.44-2.47.
SOFT = 1.35
SHARPEN_SIGMA, SHARPEN_AMOUNT = 3.0, 1.5  # the unsharp mask (σ 1.5-3, amount 0.6-1.5 measured)
SURE = 80.0  # a letter Tesseract read with this confidence or more counts as sure
MORE_SURE = 1.02  # the sharpened read is kept when it has this many times the sure letters
ADD_LINE = 70.0  # a line only the other read found is added when read with this confidence

Read = tuple[str, tuple[Word, ...], float | None]


def blur_sigma(grey: np.ndarray) -> float:
    """The page's edge blur as a Gaussian σ in page px, measured on a half-size copy: a step
    edge blurred by σ and again by s has a gradient peak ∝ 1/√(σ² + s²), so the ratio of the
    peaks after two extra blurs (at the strongest 3 % of edges) gives σ."""
    h, w = grey.shape
    half = cv2.resize(grey[: h // 2 * 2, : w // 2 * 2], (w // 2, h // 2),
                      interpolation=cv2.INTER_AREA).astype(np.float32)
    sa, sb = 0.5, 1.0

    def peaks(s: float) -> np.ndarray:
        b = cv2.GaussianBlur(half, (0, 0), s)
        return cv2.magnitude(cv2.Sobel(b, cv2.CV_32F, 1, 0, ksize=3),
                             cv2.Sobel(b, cv2.CV_32F, 0, 1, ksize=3))

    ga, gb = peaks(sa), peaks(sb)
    strong = ga > np.percentile(ga, 97)
    if strong.sum() < 100:
        return 0.0
    r = float(np.median(ga[strong] / np.maximum(gb[strong], 1e-3)))
    if r <= 1.0001:
        return math.inf  # no detail left at all
    return 2 * math.sqrt(max((sb * sb - r * r * sa * sa) / (r * r - 1), 0.0))


def is_soft(grey: np.ndarray) -> bool:
    """Whether the page is soft enough to be read again sharpened."""
    return blur_sigma(grey) > SOFT


def sharpen(grey: np.ndarray) -> np.ndarray:
    """The page through an unsharp mask."""
    page = grey.astype(np.float32)
    blurred = cv2.GaussianBlur(page, (0, 0), SHARPEN_SIGMA)
    return np.clip(page + SHARPEN_AMOUNT * (page - blurred) + 0.5, 0, 255).astype(np.uint8)


def better_read(first: Read, sharpened: Read) -> Read:
    """The read with more sure letters (the sharpened one only when it has MORE_SURE times as
    many, and then with the numbers of the first read where both read one), with the lines
    only the other read found added."""
    if _sure(sharpened) > MORE_SURE * _sure(first):
        return _with_missed_lines(_numbers_from(sharpened, first), first)
    return _with_missed_lines(first, sharpened)


def _sure(read: Read) -> int:
    words = read[1]
    return sum(w.end - w.start for w in words if w.conf >= SURE)


def _rows(read: Read) -> list[list[tuple[str, Word]]]:
    """The read's words by laid-out row (a line of its text); fill-in lines (conf -1) too."""
    text, words, _ = read
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    rows: dict[int, list[tuple[str, Word]]] = {}
    for w in words:
        rows.setdefault(bisect.bisect_right(starts, w.start) - 1, []).append((text[w.start:w.end], w))
    return list(rows.values())


def _box(row: list[tuple[str, Word]]) -> tuple[float, float, float, float]:
    return (min(w.bbox[0] for _, w in row), min(w.bbox[1] for _, w in row),
            max(w.bbox[2] for _, w in row), max(w.bbox[3] for _, w in row))


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Boxes on one line (sharing 30 % of the lower's height) that overlap across."""
    down = min(a[3], b[3]) - max(a[1], b[1])
    return down > 0.3 * min(a[3] - a[1], b[3] - b[1]) and min(a[2], b[2]) > max(a[0], b[0])


def _numbers_from(keep: Read, first: Read) -> Read:
    """`keep` with each number (a word with a digit) that `first` read at the same place taken
    from `first`: the mask's halo closes and opens the loops of digits (8 read as 3, 0 as 9,
    the amount and date of a soft rough photo lost), while letters gain from it."""
    numbers = [(t, w) for row in _rows(first) for t, w in row
               if w.conf >= 0 and any(ch.isdigit() for ch in t)]
    rows, changed = [], False
    for row in _rows(keep):
        out = []
        for t, w in row:
            same = next((pair for pair in numbers if any(ch.isdigit() for ch in t)
                         and w.conf >= 0 and _same_place(w.bbox, pair[1].bbox)), None)
            if same is not None and same[0] != t:
                t, w, changed = same[0], Word(w.start, w.end, w.bbox, same[1].conf), True
            out.append((t, w))
        rows.append(out)
    return _laid_out(rows) if changed else keep


def _same_place(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Boxes that share most of the smaller one (the same word, read twice)."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return across > 0 and down > 0 and across * down >= 0.6 * smaller


def _with_missed_lines(keep: Read, other: Read) -> Read:
    """`keep` with the rows of `other` that overlap none of its rows (a block `keep` dropped),
    when Tesseract was sure enough of them; `keep` itself when there is none."""
    kept = [[(t, w) for t, w in row if w.conf >= 0] for row in _rows(keep)]
    kept = [row for row in kept if row]
    boxes = [_box(row) for row in kept]
    added = []
    for row in _rows(other):
        row = [(t, w) for t, w in row if w.conf >= 0]
        letters = sum(len(t) for t, _ in row)
        if letters < 3 or any(_overlaps(_box(row), b) for b in boxes):
            continue
        if sum(len(t) * w.conf for t, w in row) / letters >= ADD_LINE:
            added.append(row)
    if not added:
        return keep
    leaders = [(t, w) for row in _rows(keep) for t, w in row if w.conf < 0]
    return _laid_out([*kept, *added, leaders])


def _laid_out(rows: list[list[tuple[str, Word]]]) -> Read:
    """Rows of words (fill-in lines, conf -1, among them) laid out again as a page's text."""
    words = [OcrWord(t, w.bbox, w.conf, (k, 0, 0)) for k, row in enumerate(rows)
             for t, w in row if w.conf >= 0]
    fills = [(t, w) for row in rows for t, w in row if w.conf < 0]
    words += [OcrWord(t, w.bbox, -1.0, (-1 - k, 0, 0), leader=True)
              for k, (t, w) in enumerate(fills)]
    text, spans = lay_out(words)
    out = sorted((Word(start=s, end=e, bbox=w.box, conf=w.conf) for w, (s, e) in zip(words, spans)),
                 key=lambda w: w.start)
    confs = [w.conf for w in words if w.conf >= 0]
    return text, tuple(out), round(sum(confs) / len(confs), 1)
