"""Two-column pages read one column at a time, so a sentence is not cut by the side column.

Many letters put a side column beside the body (Datum, Kenmerk, "Betaal vóór", IBAN, an "in het
kort" box). The PDF text layer and the OCR layout keep what stands side by side on one line, so
"Betaal dit bedrag uiterlijk op dinsdag          | Betaal vóór of op" runs on into the other
column and the label "Datum" stands one line above its date in another column. Here a block of
lines with a steady gutter is rewritten as its left column, then its right column. Tables are left
alone: a side column holds words on several lines beside running prose on the left, a table holds
labels beside amounts.

`split_columns` returns the new text and moves the OCR words' offsets with their text.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from ..result import Word

_BORDER = "|│┃+"
MIN_GUTTER_COL = 40  # the side column starts right of this character column
MIN_ROWS = 5  # lines with text in the right column
MIN_PROSE = 3  # left lines of running text (4+ words, most of the column wide) beside it
_RIGHT_START = re.compile(r"(?:[ ]{3,}|[ ]*[|│┃][ ]*)(?=[^ |│┃+\-=_])")
_WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# A word in the side column that is no part of a date or an amount (a table's values are).
_TEXT_WORD = re.compile(
    r"\b(?!(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec|ma|di|wo|do|vr|za|zo|eur)"
    r"[a-z]*\b)[A-Za-zÀ-ÿ]{3,}", re.IGNORECASE)
_RULE_ONLY = re.compile(r"^[ \t|│┃+\-=_─━]*$")


@dataclasses.dataclass(frozen=True)
class _Seg:
    start: int  # offsets in the old text
    end: int


TOLERANCE = 3  # the side column may start this many characters off its usual column (OCR and
# PDF text laid out from proportional fonts do not keep a column to the character)
_GAP_OR_BORDER = re.compile(r"[ ]{2,}|[ ]*[|│┃][ ]*")


def _gutter_candidates(line: str) -> set[int]:
    """Columns where text starts after a gap of 3+ spaces or a box border."""
    out = set()
    for m in _RIGHT_START.finditer(line):
        if m.end() >= MIN_GUTTER_COL:
            out.add(m.end())
    return out


def _split(line: str, col: int) -> tuple[int, int] | None:
    """(end of the left column's text, start of the right column's text) on this line for a
    gutter near `col`; None when text runs across it."""
    # (a trailing "-" of "€ 600 -" and a table's "-------" rule stay the left column's own)
    text_end = len(line.rstrip(" |│┃"))
    if text_end <= col - TOLERANCE - 1:
        return _trim_left(line, text_end), len(line)  # only the left column (or nothing)
    for m in _GAP_OR_BORDER.finditer(line, max(0, col - TOLERANCE - 3), col + TOLERANCE + 1):
        a = m.end()
        while a < len(line) and (line[a] == " " or line[a] in _BORDER or line[a] in "-=─"):
            a += 1  # a border, or a ruled line inside the side column's box
        if col - TOLERANCE <= a <= col + TOLERANCE or (a >= len(line) and m.start() < col):
            return _trim_left(line, m.start()), a
    return None


def _trim_left(line: str, e: int) -> int:
    while e > 0 and (line[e - 1] == " " or line[e - 1] in _BORDER):
        e -= 1
    return e


def _fits(line: str, col: int) -> bool:
    return _split(line, col) is not None


_AMOUNT_ONLY = re.compile(r"^(?:€|EUR)?\s*-?\s*\d{1,3}(?:[.\s]\d{3})*(?:,(?:\d\d|-))?\s*-?$", re.IGNORECASE)


def _table_row(line: str, col: int) -> bool:
    """A label beside a bare amount ("  subtotaal        € 2.177,92"): a table under the
    two-column part, whose amounts would lose their labels if read as a side column."""
    right = _right_part(line, col)
    if right is None or not _AMOUNT_ONLY.match(line[right[0]:right[1]].strip()):
        return False
    return 1 <= len(_WORDS.findall(line[: _left_end(line, col)])) <= 5


def _table_rows(lines: list[str], col: int) -> set[int]:
    """Lines in a run of 3+ table rows (ruled lines between them kept in the run); one label
    beside one value ("Uw voorschot   € 733,50" in a side column) is no table."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + [""]):
        if run and _RULE_ONLY.match(line) and line.strip():
            continue
        if i < len(lines) and _table_row(line, col):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(range(run[0], run[-1] + 1))
        run = []
    return out


def _find_block(lines: list[str], col: int, first: int, table: set[int]) -> tuple[int, int]:
    """The lines around `first` that all respect the gutter at `col`; a table ends it."""
    def joins(i: int) -> bool:
        return _fits(lines[i], col) and i not in table

    lo = first
    while lo > 0 and joins(lo - 1):
        lo -= 1
    hi = first
    while hi + 1 < len(lines) and joins(hi + 1):
        hi += 1
    return lo, hi + 1


def _right_part(line: str, col: int) -> tuple[int, int] | None:
    """(start, end) of the right column's text on this line, borders and padding left out."""
    split = _split(line, col)
    if split is None:
        return None
    a = split[1]
    b = len(line)
    while b > a and (line[b - 1] == " " or line[b - 1] in _BORDER):
        b -= 1
    if a >= b or _RULE_ONLY.match(line[a:b]):
        return None
    return a, b


def _left_end(line: str, col: int) -> int:
    split = _split(line, col)
    return split[0] if split is not None else len(line)


def _is_side_column(lines: list[str], lo: int, hi: int, col: int) -> bool:
    rights = [r for r in (_right_part(lines[i], col) for i in range(lo, hi)) if r]
    if len(rights) < MIN_ROWS:
        return False
    wordy = sum(1 for i in range(lo, hi)
                if (r := _right_part(lines[i], col)) and _TEXT_WORD.search(lines[i][r[0]:r[1]]))
    prose = sum(1 for i in range(lo, hi)
                if len(_WORDS.findall(lines[i][: _left_end(lines[i], col)])) >= 4
                and _left_end(lines[i], col) >= 0.6 * col)
    # a box drawn round both columns ("| Per maand in 2027   | € 287 |") is a table
    boxed = sum(1 for i in range(lo, hi) if lines[i].lstrip()[:1] in ("|", "│", "┃", "+"))
    return (len(rights) >= MIN_ROWS and wordy >= MIN_ROWS - 2 and prose >= MIN_PROSE
            and boxed * 2 < hi - lo)


def _blocks(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first line, end line, gutter column) of every two-column block, top to bottom."""
    cands = [_gutter_candidates(line)
             if len(line) > MIN_GUTTER_COL and ("   " in line or "|" in line or "│" in line)
             else set() for line in lines]
    if sum(1 for c in cands if c) < MIN_ROWS:
        return []  # most pages: no side column to look for
    exact: Counter[int] = Counter(c for cs in cands for c in cs)
    votes: Counter[int] = Counter({c: sum(exact[c + d] for d in range(-TOLERANCE, TOLERANCE + 1))
                                   for c in exact})
    near = [{c + d for c in cs for d in range(-TOLERANCE, TOLERANCE + 1)} for cs in cands]
    out: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for col, n in votes.most_common():
        if n < MIN_ROWS:
            break
        tried = -1  # the end of the last block checked for this column
        table = _table_rows(lines, col)
        for i in range(len(lines)):
            if i < tried or i in taken or col not in near[i]:
                continue
            lo, hi = _find_block(lines, col, i, table)
            tried = hi
            if taken.intersection(range(lo, hi)) or not _is_side_column(lines, lo, hi, col):
                continue
            out.append((lo, hi, col))
            taken.update(range(lo, hi))
    return sorted(out)


def split_columns(text: str, words: Sequence[Word] = ()) -> tuple[str, tuple[Word, ...]]:
    """The page text with every two-column block as left column then right column."""
    lines = text.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return text, tuple(words)
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    pieces: list[_Seg | str] = []  # a segment of the old text, or new text (line breaks)
    at = 0
    for lo, hi, col in blocks:
        pieces.append(_Seg(at, starts[lo]))
        for i in range(lo, hi):
            pieces += [_Seg(starts[i], starts[i] + _left_end(lines[i], col)), "\n"]
        pieces.append("\n")
        for i in range(lo, hi):
            r = _right_part(lines[i], col)
            if r:
                pieces += [_Seg(starts[i] + r[0], starts[i] + r[1]), "\n"]
        at = starts[hi] if hi < len(lines) else len(text)
        if hi < len(lines):
            pieces.append("\n")
    pieces.append(_Seg(at, len(text)))
    out: list[str] = []
    moves: list[tuple[int, int, int]] = []  # (old start, old end, new start)
    n = 0
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
            n += len(p)
        elif p.end > p.start:
            out.append(text[p.start : p.end])
            moves.append((p.start, p.end, n))
            n += p.end - p.start
    moved = []
    for w in words:
        for a, b, new in moves:
            if a <= w.start and w.end <= b:
                moved.append(dataclasses.replace(w, start=new + w.start - a, end=new + w.end - a))
                break
    return "".join(out), tuple(moved)
