"""Checksums for the numbers the finders propose; they never see the letter itself.

A finder proposes a candidate from patterns and context words; one of these functions says
whether its check digit holds. Sources (docs/sources.md): (elfproef [S61], betalingskenmerk
[S55], IBAN ISO 13616 via schwifty).
"""

from __future__ import annotations

import re

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")
_NON_DIGIT = re.compile(r"[^0-9]")

# Betaalvereniging: weights from the rightmost digit to the left, repeating after ten digits.
_KENMERK_WEIGHTS = (2, 4, 8, 5, 10, 9, 7, 3, 6, 1)
# Length code (second digit) for 9..14 digits = number of digits after it, mod 10.
_KENMERK_LENGTH_CODE = {9: 7, 10: 8, 11: 9, 12: 0, 13: 1, 14: 2}


def iban_valid(s: str) -> bool:
    """True when `s` (spaces allowed) is an IBAN whose country format and mod-97 check hold."""
    compact = _NON_ALNUM.sub("", s or "").upper()
    if len(compact) < 15 or len(compact) > 34:
        return False
    try:
        IBAN(compact)
    except (SchwiftyException, ValueError):
        return False
    return True


def elfproef(bsn9: str) -> bool:
    """BSN elfproef: weights 9..2 on the first eight digits and −1 on the ninth, sum % 11 == 0.

    Takes exactly nine digits (callers pad an old 8-digit number with a leading 0 first).
    All zeros passes the arithmetic but is no number anyone has, so it fails here.
    """
    if len(bsn9) != 9 or not bsn9.isascii() or not bsn9.isdigit() or bsn9 == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(bsn9[:8], range(9, 1, -1))) - int(bsn9[8])
    return total % 11 == 0


def kenmerk_check_digit(body: str) -> int:
    """The check digit for the digits after it (weighted mod 11, 10 → 1, 11 → 0)."""
    total = sum(
        int(c) * _KENMERK_WEIGHTS[i % len(_KENMERK_WEIGHTS)] for i, c in enumerate(reversed(body))
    )
    c = 11 - total % 11
    return {10: 1, 11: 0}.get(c, c)


def kenmerk_valid(digits: str) -> bool | None:
    """Check a Dutch betalingskenmerk (spaces and dots allowed between the digits).

    16 digits: check digit + 15. 9–14 digits: check digit + length code + the rest, the length
    code counted in the sum. 7 digits: the format has no check, so None. Any other length, or
    anything but digits, spaces and dots: False.
    """
    if not digits or re.search(r"[^0-9\s.]", digits):
        return False
    d = _NON_DIGIT.sub("", digits)
    n = len(d)
    if n == 7:
        return None
    if n == 16:
        return int(d[0]) == kenmerk_check_digit(d[1:])
    if n in _KENMERK_LENGTH_CODE:
        if int(d[1]) != _KENMERK_LENGTH_CODE[n]:
            return False
        return int(d[0]) == kenmerk_check_digit(d[1:])
    return False
