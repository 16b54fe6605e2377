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
    """Edit distance (rapidfuzz's C++ implementation, shared with `snapdebrief eval`)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate, the same measure `snapdebrief eval` reports."""
    from snapdebrief.evaluate import cer as eval_cer

    return eval_cer(reference, hypothesis)
