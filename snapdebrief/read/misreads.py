"""Undo Tesseract's best-known misread in the few labels the payment finders anchor on.

Tesseract reads a thin upright stroke as any of `| l 1 I i ! J j`, and a capital J that dips
below the line (DejaVu Sans, Verdana) as a bar: "C|IB-nummer", "CJlIB-nummer", "|BAN". The
payment reference and IBAN are found by their labels ("CJIB-nummer", "IBAN"), so one such
stroke loses the field. Only these labels are corrected, one OCR word at a time (before the
words are laid out, so every offset stays true); other words are left as read.
"""

from __future__ import annotations

import re

LABELS = ("CJIB", "IBAN")
_STROKES = "|l1Ii!Jj"
_PART = re.compile(r"[A-Za-z|!1]+")


def _fold(s: str) -> str:
    """Upper case, every stroke the same letter, a run of strokes one stroke."""
    folded = "".join("I" if ch in _STROKES else ch.upper() for ch in s)
    return re.sub(r"I+", "I", folded)


_BY_FOLD = {_fold(label): label for label in LABELS}


def fix_word(token: str) -> str:
    """The token with a misread label put right ("C|IB-nummer:" -> "CJIB-nummer:")."""
    if not any(ch in _STROKES for ch in token):
        return token

    def fix(m: re.Match[str]) -> str:
        part = m.group()
        label = _BY_FOLD.get(_fold(part))
        if label is None or part.upper() == label or not any(ch in "|!1" or ch.isupper()
                                                             for ch in part):
            return part
        return label

    return _PART.sub(fix, token)
