"""Text helpers shared by the generator and the evaluation: pages, words, CER."""

from __future__ import annotations

import re
from pathlib import Path

_WS = re.compile(r"\s+")


def page_texts(txt_path: str | Path) -> list[str]:
    r"""Return the pages of a sample letter, split on form feeds (``\f``).

    A trailing page that holds only whitespace (a ``\f`` at the very end) is dropped,
    so ``"a\fb\f\n"`` has two pages. The text of each page is returned unchanged.
    """
    text = Path(txt_path).read_text(encoding="utf-8")
    pages = text.split("\f")
    while len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return pages


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Return the whitespace-separated words of ``text`` in order."""
    return text.split()


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute; each costs 1) between two strings.

    Myers' bit-parallel algorithm (Myers 1999; Hyyrö's formulation for the global
    distance): one column of the DP table is a pair of bit vectors held in Python
    integers, so each character of ``b`` costs a handful of big-integer operations.
    Two 5,000-character pages take a few hundredths of a second.
    """
    if len(a) > len(b):  # the shorter string becomes the bit vector
        a, b = b, a
    m = len(a)
    if m == 0:
        return len(b)
    peq: dict[str, int] = {}
    for i, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in b:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of ``hypothesis`` against ``reference``.

    Both texts are normalised first (whitespace runs → one space, stripped). The rate
    is the Levenshtein distance divided by the length of the normalised reference, so
    it can exceed 1.0 when the hypothesis is much longer. An empty reference gives 0.0
    for an empty hypothesis and 1.0 otherwise.
    """
    ref = normalise(reference)
    hyp = normalise(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return levenshtein(ref, hyp) / len(ref)
