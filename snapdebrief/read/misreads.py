"""Undo Tesseract's best-known misreads: strokes in the few labels the payment finders anchor
on, a letter O among digits, typographic quotes for typed ones, and an empty box "[ ]" closed
up to "[]".

Tesseract reads a thin upright stroke as any of `| l 1 I i ! J j`, and a capital J that dips
below the line (DejaVu Sans, Verdana) as a bar: "C|IB-nummer", "CJlIB-nummer", "|BAN". The
payment reference and IBAN are found by their labels ("CJIB-nummer", "IBAN"), so one such
stroke loses the field. Only these labels are corrected, one OCR word at a time (before the
words are laid out, so every offset stays true); other words are left as read.

Tesseract's Dutch model gives a straight quote on paper as a curly one (“ ” ‘ ’): it learned from
typeset books. Letters are typed, and the finders and the text layer of a PDF use straight
quotes, so OCR'd quotes are made straight. An empty tick box typed as "[ ]" comes back as "[]".
A number ("O1", "2O26", "1O,OO") or an IBAN's start ("NLO5") with an O where a digit must be
gets its 0: the finders allow for that slip, the text shown to a volunteer should not have it.
A Dutch month name never has an accent: "meí", "apríl", "junì" (the dot of an i read as an
accent, which a deblurred photo's faint halo invites, read/deblur.py) is the plain month, so
the date is found.
"""

from __future__ import annotations

import re
import unicodedata

LABELS = ("CJIB", "IBAN")
_STROKES = "|l1Ii!Jj"
_PART = re.compile(r"[A-Za-z|!1]+")


def _fold(s: str) -> str:
    """Upper case, every stroke the same letter, a run of strokes one stroke."""
    folded = "".join("I" if ch in _STROKES else ch.upper() for ch in s)
    return re.sub(r"I+", "I", folded)


_BY_FOLD = {_fold(label): label for label in LABELS}


_NUMBER = re.compile(r"[0-9Oo.,:/-]*[0-9][0-9Oo.,:/-]*")
_IBAN_START = re.compile(r"[A-Z]{2}[0-9O]{2}(?:[A-Z]{4}[0-9O]{10})?")
_ZERO = str.maketrans({"O": "0", "o": "0"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


_MONTHS = frozenset((
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
    "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
))
_WORD = re.compile(r"[^\W\d_]+")


def _plain_month(m: re.Match[str]) -> str:
    word = m.group()
    plain = "".join(ch for ch in unicodedata.normalize("NFD", word)
                    if not unicodedata.combining(ch))
    return plain if plain.lower() in _MONTHS else word


def fix_word(token: str) -> str:
    """The token with a misread label put right ("C|IB-nummer:" -> "CJIB-nummer:")."""
    token = token.translate(_QUOTES)
    if not token.isascii():
        token = _WORD.sub(_plain_month, token)
    if "O" in token or "o" in token:
        if _NUMBER.fullmatch(token):
            token = token.translate(_ZERO)
        elif _IBAN_START.fullmatch(token):
            token = token[:2] + token[2:4].translate(_ZERO) + token[4:8] + token[8:].translate(_ZERO)
    if token.startswith("[]"):
        token = "[ ]" + (" " + token[2:] if token[2:] else "")
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
