"""Fill-in lines of a form ("Datum ........", "- - - - knip hier"): found on the page image,
painted out, and put back into the text as the dots and dashes they are.

Tesseract reads a row of dots badly: it drops it, turns it into letters ("sin ease tedere"),
and often loses the words beside it ("Datum", "[ ] ja, €"). The marks are easy to see on the
image itself: small blobs of one shape, evenly spaced on one line, with nothing else between
them. They are counted there, painted with paper before Tesseract reads the page, and handed
to the layout as words of their own (`OcrWord(..., leader=True)`).

Dashes typed close together partly run into each other on a photo: such a bar within a row
of dashes is counted by the row's own step from one dash to the next. A ruled line alone is
no row of dashes; `straighten.drop_rules` paints it out.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from .straighten import letter_height

# More blobs of ink than this on a page is the grain of a dark or blurred photo, not text
# (sample pages of letters: 700-23,000 outlines; photos no one can read: 90,000-260,000): no
# row of marks can be told there, and tracing the outlines alone took up to 37 s.
MAX_BLOBS = 60_000
MIN_MARKS = 4  # fewer dots in a row are an ellipsis or a full stop Tesseract reads well
DOT_MAX = 0.45  # a dot's width and height at most this x the letter height
SQUARE = 1.5  # a dot is at most this much wider than tall; a dash more
DASH_HEIGHT = 0.3  # a dash (or dashes run together) is at most this x the letter height tall
DASH_WIDTH = 0.25  # and at least this x the letter height wide
SINGLE_WIDTH = 0.9  # wider than this x the letter height: dashes run together (a bar)
REACH = 1.0  # the next mark of a row is at most this many letter heights further on
JOIN = 2.5  # fill-in parts ("....... - .......") this many letter heights apart are one line
SPACE = 0.45  # a gap this many letter heights wide between two marks is a space (a typed
# row of dots or dashes leaves ~0.2, a space between them ~0.6)
SINGLES = 0.25  # at least this share of a row's marks stand alone (a ruled line with a few
# specks along it is no row of dashes), unless the row keeps its step (`_run_together`):
MIN_JOINED_ROW = 12  # a row of at least this many marks (single dashes and joined ones)
MAX_JOINED = 8  # each starting 1 to this many steps after the one before


@dataclass(frozen=True)
class Leader:
    """One fill-in line: its text (dots, dashes and single spaces) and its box in page pixels."""

    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom


@dataclass(frozen=True)
class _Mark:
    kind: str  # "." a dot, "-" a dash, "=" dashes run together
    left: int
    top: int
    right: int
    bottom: int

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def find_leaders(grey: np.ndarray) -> list[Leader]:
    """The fill-in lines on an upright, level page (dark text on light paper)."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if cv2.connectedComponents(ink, connectivity=8)[0] > MAX_BLOBS:
        return []  # grain, not text (7 ms on a page of text; tracing outlines of grain took 12 s)
    # outlines, not labelled pixels: ~10x faster on a 300 dpi page. Every blob's outer outline
    # is kept, also of a blob inside the hole of another (a page in a dark frame), not the
    # outlines of holes (the inside of an "o")
    contours, tree = cv2.findContours(ink, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if len(contours) < 2:
        return []
    parent = tree[0][:, 3]
    depth = np.zeros(len(contours), int)
    for _ in range(16):  # nesting deeper than this is no page of text
        nxt = np.where(parent >= 0, depth[parent] + 1, 0)
        if np.array_equal(nxt, depth):
            break
        depth = nxt
    boxes = np.array([cv2.boundingRect(c) for c, d in zip(contours, depth) if d % 2 == 0])
    x, y, w, h = (boxes[:, i] for i in range(4))
    size = letter_height(w, h, max(grey.shape), at_least=10)
    if size is None:  # too few letters to know their size
        return []
    # the sheet's own edge leaves hairlines and specks along the border: no marks there
    rows, cols = grey.shape
    inside = ((x > size / 2) & (y > size / 2) & (x + w < cols - size / 2) & (y + h < rows - size / 2)
              & (h >= max(2.0, 0.08 * size)))
    dot = inside & (w <= DOT_MAX * size) & (h <= DOT_MAX * size) & (w <= SQUARE * h) & (h <= SQUARE * w) & (w * h >= 4)
    thin = inside & (h <= DASH_HEIGHT * size) & (w > SQUARE * h) & (w >= DASH_WIDTH * size)
    bar = thin & (w > SINGLE_WIDTH * size)
    # every other blob of ink of about a letter's size: text a row of marks must not run
    # through (a dark frame round the page or a picture is no text)
    others = np.stack([x, y, x + w, y + h], axis=1)[~(dot | thin) & (w * h >= 4) & (h <= 3 * size)]
    kinds = np.where(dot, ".", np.where(bar, "=", "-"))
    marks = [_Mark(str(kinds[i]), int(x[i]), int(y[i]), int(x[i] + w[i]), int(y[i] + h[i]))
             for i in np.flatnonzero(dot | thin)]
    runs, steps = [], {}
    for run in _runs(marks, size):
        if _blocked(run, others, size):
            continue
        if _typed(run, size):
            runs.append(run)
        elif (step := _run_together(run, size)) is not None:
            runs.append(run)
            steps[id(run)] = step
    return [_leader(group, size, steps) for group in _joined(runs, marks, others, size)]


def _runs(marks: list[_Mark], size: float) -> list[list[_Mark]]:
    """Marks chained left to right along one line, each within REACH of the last. Dots and
    dashes chain alike (a blurred dash looks like a dot); which they are is the row's choice."""
    open_runs: list[list[_Mark]] = []
    done: list[list[_Mark]] = []
    for m in sorted(marks, key=lambda m: m.left):
        for run in open_runs:
            last = run[-1]
            if abs(last.middle - m.middle) <= 0.2 * size and 0 <= m.left - last.right <= REACH * size:
                run.append(m)
                break
        else:
            open_runs.append([m])
        # a run whose end is out of reach is closed, so the list of open runs stays short
        still = []
        for run in open_runs:
            (still if m.left - run[-1].right <= REACH * size else done).append(run)
        open_runs = still
    return done + open_runs


def _kind(run: list[_Mark]) -> str:
    """A row of dots or of dashes: what most of its single marks look like."""
    dots = sum(m.kind == "." for m in run)
    return "." if dots > (len(run) - sum(m.kind == "=" for m in run)) / 2 else "-"


def _pitch(run: list[_Mark], size: float) -> tuple[float, float] | None:
    """(step, gap) from one single mark to the next where they follow without a space."""
    pairs = [(b.left - a.left, b.left - a.right) for a, b in itertools.pairwise(run)
             if a.kind != "=" and b.kind != "=" and b.left - a.right <= SPACE * size]
    if len(pairs) < 2:
        return None
    # the mean, not the median: pixel steps alternate (12, 12, 13, ...) around the true one
    return float(np.mean([p[0] for p in pairs])), float(np.mean([p[1] for p in pairs]))


def _typed(run: list[_Mark], size: float) -> bool:
    """Whether the run is a typed row of marks: enough of them, most standing alone, following
    each other at one step (specks and the pieces of a broken letter do not)."""
    singles = [m for m in run if m.kind != "="]
    if len(singles) < MIN_MARKS:
        return False
    if len(singles) < SINGLES * _count(run, size):
        return False
    steps = np.array([b.left - a.left for a, b in itertools.pairwise(run)
                      if a.kind != "=" and b.kind != "="])
    if not len(steps):
        return False
    # steps over a space are as even as the others
    usual = float(np.median(steps))
    return float(np.mean(np.abs(steps - usual) <= 0.25 * usual + 1)) >= 0.75


def _run_together(run: list[_Mark], size: float) -> float | None:
    """The step of a row whose dashes mostly ran together (a soft photo joins two, three or
    more into one bar, so too few stand alone for `_typed`), or None: every mark starts a whole
    number of steps (1 to MAX_JOINED) after the one before, a step being the shortest distance
    from one mark to the next. A ruled line with specks along it does not keep a step."""
    if len(run) < MIN_JOINED_ROW:
        return None
    lefts = np.array([b.left - a.left for a, b in itertools.pairwise(run)], float)
    usual = lefts[lefts >= DASH_WIDTH * size]  # the shortest: from one lone dash to the next
    if not len(usual):
        return None
    step = float(usual.min())
    for _ in range(2):  # then the step over the row's whole length, not one pair's
        whole = np.round(lefts / step)
        step = float(lefts.sum() / max(float(whole.sum()), 1.0))
    whole = np.round(lefts / step)
    keeps = (whole >= 1) & (whole <= MAX_JOINED) & (np.abs(lefts / step - whole) <= 0.2)
    return step if bool(keeps.all()) else None


def _count(run: list[_Mark], size: float) -> int:
    """How many marks the run holds, dashes run together counted by the row's own step."""
    return sum(len(seg) for seg in _segments(run, size))


def _segments(run: list[_Mark], size: float, step: float | None = None) -> list[str]:
    """The run as strings of marks, cut where a space lies between two marks; a row that ran
    together (`step` from `_run_together`) as one string, counted by its step."""
    kind = _kind(run)
    if step is not None:
        last = run[-1]
        n = sum(round((b.left - a.left) / step) for a, b in itertools.pairwise(run))
        return [kind * (n + max(1, round((last.right - last.left) / step + 0.2)))]
    pitch = _pitch(run, size)
    parts: list[list[_Mark]] = [[run[0]]]
    for a, b in itertools.pairwise(run):
        if b.left - a.right > SPACE * size:
            parts.append([b])
        else:
            parts[-1].append(b)
    out = []
    for part in parts:
        n = len(part)
        if pitch is not None:  # each bar holds as many dashes as fit at the row's step
            step, gap = pitch
            n += sum(max(1, round((m.right - m.left + gap) / step)) - 1 for m in part if m.kind == "=")
        out.append(kind * n)
    return out


def _blocked(run: list[_Mark], others: np.ndarray, size: float) -> bool:
    """Whether letters sit between the marks (then it is text, not a fill-in line)."""
    left, right = run[0].left, run[-1].right
    mid = sum(m.middle for m in run) / len(run)
    inside = ((others[:, 0] >= left) & (others[:, 2] <= right)
              & (others[:, 1] <= mid + 0.2 * size) & (others[:, 3] >= mid - 0.2 * size))
    return bool(inside.any())


def _joined(runs: list[list[_Mark]], marks: list[_Mark], others: np.ndarray, size: float
            ) -> list[list[list[_Mark]]]:
    """Runs on one line with only a single dash or two between them, as in a date to fill in
    ("....... - ....... - ......"), joined with those dashes into one fill-in line."""
    runs = sorted(runs, key=lambda r: (r[0].left))
    used: set[int] = set()
    groups: list[list[list[_Mark]]] = []
    for i, run in enumerate(runs):
        if i in used:
            continue
        group = [run]
        used.add(i)
        while True:
            tail = group[-1]
            base = max(m.bottom for m in tail)
            nxt = None
            for j, other in enumerate(runs):
                if j in used or other[0].left < tail[-1].right:
                    continue
                gap = other[0].left - tail[-1].right
                if gap <= JOIN * size and abs(max(m.bottom for m in other) - base) <= 0.3 * size:
                    nxt = j
                    break
            if nxt is None:
                break
            left, right = tail[-1].right, runs[nxt][0].left
            between = [m for m in marks
                       if m.left >= left and m.right <= right and base - size <= m.bottom <= base]
            box = (left, base - size, right, base + 0.3 * size)
            stray = ((others[:, 0] < box[2]) & (others[:, 2] > box[0])
                     & (others[:, 1] < box[3]) & (others[:, 3] > box[1]))
            if stray.any() or len(between) > 2:
                break
            # between two rows of dots a mark that stands above their line is a dash, however
            # blurred its shape
            between = [dataclasses.replace(
                m, kind="." if m.bottom >= base - 0.2 * size and m.kind == "." else "-")
                for m in sorted(between, key=lambda m: m.left)]
            group += [[m] for m in between] + [runs[nxt]]
            used.add(nxt)
        groups.append(group)
    return groups


def _leader(group: list[list[_Mark]], size: float, steps: dict[int, float]) -> Leader:
    parts = [" ".join(_segments(run, size, steps.get(id(run)))) if len(run) > 1 else run[0].kind
             for run in group]
    marks = [m for run in group for m in run]
    box = (min(m.left for m in marks), min(m.top for m in marks),
           max(m.right for m in marks), max(m.bottom for m in marks))
    return Leader(" ".join(parts), box)


def paint_out(grey: np.ndarray, leaders: list[Leader], paper: int) -> np.ndarray:
    """The page with the fill-in lines painted over with paper, so Tesseract reads the words
    beside them."""
    out = grey.copy()
    for lead in leaders:
        x0, y0, x1, y1 = lead.box
        out[max(0, y0 - 2):y1 + 3, max(0, x0 - 2):x1 + 3] = paper
    return out


def turned(leaders: list[Leader], rotate: int, size: tuple[int, int]) -> list[Leader]:
    """The fill-in lines of a page of `size` (width, height) after turning it `rotate` degrees
    clockwise: only half a turn keeps them rows (then read the other way round)."""
    if rotate % 360 == 0:
        return leaders
    if rotate % 360 != 180:
        return []
    w, h = size
    return [Leader(lead.text[::-1], (w - lead.box[2], h - lead.box[3], w - lead.box[0], h - lead.box[1]))
            for lead in leaders]
