"""Lay OCR'd words out as on paper: rows across the page, column gaps as runs of spaces.

Tesseract cuts a page into blocks and may read a table's right-hand column (amounts, dates)
as a block of its own, after all the labels. The finders read a label beside its value and a
table's header above its cells by character column, as in the PDF text layer
(`pdf._layout_text`). So the words are put back into rows by where they sit, and a word after
a wide gap starts at the character column its left edge is at, so cells of one table column
line up under their header.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

COLUMN_GAP = 2.0  # a gap wider than this many characters is a column gap, not a word space
INDENT = 4  # a row starting this many characters right of the margin keeps its indent
PARAGRAPH_PITCH = 1.5  # blank line when a row is this many times the usual row pitch below
# the one before: a skipped line, as the PDF layer has it (gap > 0.9 x font size)
SAME_ROW = 0.5  # Tesseract lines overlapping this share of the lower one's height share a row


@dataclass(frozen=True)
class OcrWord:
    """One word as Tesseract read it: its text, box (left, top, right, bottom), confidence and
    the Tesseract line it belongs to (block, paragraph, line). A fill-in line read off the
    image (`leaders.py`) is a word too, with a line of its own, left out of the letter width."""

    text: str
    box: tuple[float, float, float, float]
    conf: float
    line: tuple[int, int, int]
    leader: bool = False


def rows(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into rows, top to bottom, each row left to right.

    Tesseract's own lines are kept whole; lines of different blocks that sit at the same height
    and do not overlap across are one row.
    """
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    # (top, bottom, words) per Tesseract line, by middle height
    bands = sorted(
        ((_median_top(ws), _median_bottom(ws), ws) for ws in lines.values()),
        key=lambda b: (b[0] + b[1]) / 2,
    )
    out: list[tuple[float, float, list[OcrWord]]] = []
    for top, bottom, ws in bands:
        for i in range(len(out) - 1, max(-1, len(out) - 4), -1):
            rtop, rbottom, rws = out[i]
            overlap = min(bottom, rbottom) - max(top, rtop)
            if overlap >= SAME_ROW * min(bottom - top, rbottom - rtop) and not _cross(ws, rws):
                out[i] = (min(top, rtop), max(bottom, rbottom), rws + ws)
                break
        else:
            out.append((top, bottom, list(ws)))
    out.sort(key=lambda r: r[0])
    return [sorted(ws, key=lambda w: w.box[0]) for _, _, ws in out]


def _median_top(ws: list[OcrWord]) -> float:
    return statistics.median(w.box[1] for w in ws)


def _median_bottom(ws: list[OcrWord]) -> float:
    return statistics.median(w.box[3] for w in ws)


def _cross(a: list[OcrWord], b: list[OcrWord]) -> bool:
    """Whether any word of `a` overlaps any word of `b` across the page."""
    return any(x.box[0] < y.box[2] and y.box[0] < x.box[2] for x in a for y in b)


def char_width(words: list[OcrWord]) -> float:
    """Typical width of one character on the page (median over words of 3+ characters)."""
    widths = [(w.box[2] - w.box[0]) / len(w.text) for w in words if len(w.text) >= 3 and not w.leader]
    if not widths:
        widths = [(w.box[2] - w.box[0]) / max(len(w.text), 1) for w in words if not w.leader]
    return max(statistics.median(widths), 1.0) if widths else 1.0


def lay_out(words: list[OcrWord]) -> tuple[str, list[tuple[int, int]]]:
    """The page text and, for each word in `words`' order, its (start, end) in that text."""
    if not words:
        return "", []
    index = {id(w): i for i, w in enumerate(words)}
    spans: list[tuple[int, int]] = [(0, 0)] * len(words)
    cw = char_width(words)
    left = min(w.box[0] for w in words)
    laid = rows(words)
    tops = [statistics.median(w.box[1] for w in row) for row in laid]
    pitch = row_pitch(tops, statistics.median(w.box[3] - w.box[1] for w in words))
    parts: list[str] = []
    pos = 0
    for r, row in enumerate(laid):
        if r:
            sep = "\n\n" if tops[r] - tops[r - 1] > PARAGRAPH_PITCH * pitch else "\n"
            parts.append(sep)
            pos += len(sep)
        line_start = pos
        for j, w in enumerate(row):
            col = round((w.box[0] - left) / cw)
            if j == 0:
                pad = col if col >= INDENT else 0
            elif (w.box[0] - row[j - 1].box[2]) / cw > COLUMN_GAP:
                pad = max(2, col - (pos - line_start))
            else:
                pad = 1
            parts.append(" " * pad)
            pos += pad
            spans[index[id(w)]] = (pos, pos + len(w.text))
            parts.append(w.text)
            pos += len(w.text)
    return "".join(parts), spans


def row_pitch(tops: list[float], height: float) -> float:
    """The usual distance from one row to the next: the median step between rows, leaving out
    steps over a skipped line (more than 2.5 letter heights); `height` when too few rows."""
    steps = [b - a for a, b in itertools.pairwise(tops) if 0 < b - a <= 2.5 * height]
    return statistics.median(steps) if len(steps) >= 3 else 1.4 * height
