"""Generate and check the fictitious identifiers used in samples/letters.

Run as a script to print a few fresh values:
    .venv/bin/python samples/tools/ids.py

Everything here is for test data only: the numbers are made up but pass the
same checks a real letter's numbers pass (BSN elfproef, IBAN mod 97,
betalingskenmerk weighted mod 11).
"""

from __future__ import annotations

import random
import re

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

_KENMERK_WEIGHTS = (2, 4, 8, 5, 10, 9, 7, 3, 6, 1)


def digits(text: str) -> str:
    """Return only the digits of ``text``."""
    return re.sub(r"\D", "", text)


# --- BSN -------------------------------------------------------------------

def is_bsn(value: str) -> bool:
    """Elfproef: weights 9..2 on the first eight digits, -1 on the last."""
    d = digits(value)
    if len(d) != 9 or d == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(d[:8], range(9, 1, -1))) - int(d[8])
    return total % 11 == 0


def bsn(rng: random.Random | None = None) -> str:
    """Return a random 9-digit number that passes the elfproef."""
    rng = rng or random.Random()
    while True:
        first8 = [rng.randint(0, 9) for _ in range(8)]
        if first8[0] == 0:
            continue
        total = sum(c * w for c, w in zip(first8, range(9, 1, -1)))
        last = total % 11  # need total - last ≡ 0 (mod 11)
        if last <= 9:
            return "".join(map(str, first8)) + str(last)


def bsn_dotted(value: str) -> str:
    """Print a BSN as 1234.56.782."""
    d = digits(value)
    return f"{d[:4]}.{d[4:6]}.{d[6:]}"


# --- IBAN ------------------------------------------------------------------

def iban(bank_code: str, account_code: str | None = None,
         rng: random.Random | None = None) -> str:
    """Return a valid Dutch IBAN (compact) for a bank code like 'BNGH'."""
    if account_code is None:
        rng = rng or random.Random()
        account_code = "".join(str(rng.randint(0, 9)) for _ in range(10))
    return IBAN.generate("NL", bank_code=bank_code, account_code=account_code).compact


def is_iban(value: str) -> bool:
    """ISO 13616 mod-97 check (via schwifty)."""
    try:
        IBAN(value.replace(" ", ""))
    except SchwiftyException:
        return False
    return True


def iban_grouped(value: str) -> str:
    """Print an IBAN in groups of four."""
    v = value.replace(" ", "")
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


# --- Betalingskenmerk --------------------------------------------------------

def kenmerk_check_digit(body: str) -> int:
    """Check digit for the digits after it: weights 2,4,8,5,10,9,7,3,6,1 from the right."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * _KENMERK_WEIGHTS[i % len(_KENMERK_WEIGHTS)]
    c = 11 - (total % 11)
    return {10: 1, 11: 0}.get(c, c)


def kenmerk16(body15: str | None = None, rng: random.Random | None = None) -> str:
    """Return a 16-digit betalingskenmerk: check digit + 15 digits."""
    if body15 is None:
        rng = rng or random.Random()
        body15 = "".join(str(rng.randint(0, 9)) for _ in range(15))
    if not re.fullmatch(r"\d{15}", body15):
        raise ValueError("body must be 15 digits")
    return f"{kenmerk_check_digit(body15)}{body15}"


def is_kenmerk16(value: str) -> bool:
    """True if ``value`` has 16 digits and a correct leading check digit."""
    d = digits(value)
    return len(d) == 16 and kenmerk_check_digit(d[1:]) == int(d[0])


def kenmerk_grouped(value: str, sep: str = " ") -> str:
    """Print a 16-digit kenmerk in groups of four."""
    d = digits(value)
    return sep.join(d[i:i + 4] for i in range(0, 16, 4))


def kenmerk_belastingdienst(bsn9: str, letter: str, slot: str) -> str:
    """A Belastingdienst-style kenmerk for an aanslag- or beschikkingsnummer.

    Mirrors the public pattern (first eight BSN digits, a type code, the slot
    digits) for the letters used in our samples: H (inkomstenbelasting),
    W (Zvw-bijdrage), M (motorrijtuigenbelasting), T (toeslagen).
    """
    b8 = digits(bsn9)[:8]
    if letter == "H" and len(slot) == 4:
        body = b8 + "70" + slot[0] + slot[1] + "0" + slot[2:4]
    elif letter == "W" and len(slot) == 5:
        body = b8 + "75" + slot
    elif letter == "M" and 1 <= len(slot) <= 5:
        rest = slot[1:].lstrip("0") or "1"
        body = b8 + "78" + slot[0] + rest.zfill(4)[-4:]
    elif letter == "T" and len(slot) == 7:
        codes = {"1": "23", "2": "24", "3": "25", "4": "26"}
        body = b8 + codes[slot[6]] + slot[1:3] + slot[3:6]
    else:
        raise ValueError(f"unsupported letter/slot {letter}/{slot}")
    return kenmerk16(body)


if __name__ == "__main__":
    r = random.Random(2026)
    for _ in range(3):
        b = bsn(r)
        print("BSN", b, bsn_dotted(b), is_bsn(b))
    print("IBAN", iban_grouped(iban("BNGH", rng=r)))
    k = kenmerk16(rng=r)
    print("kenmerk", kenmerk_grouped(k), is_kenmerk16(k))
    # Published examples: H 010002169 slot 1010 -> 5010 0021 6701 0010
    assert kenmerk_belastingdienst("010002169", "H", "1010") == "5010002167010010"
    assert kenmerk_belastingdienst("010002169", "W", "10014") == "7010002167510014"
    assert kenmerk_belastingdienst("049230761", "M", "24589") == "1049230767824589"
    assert is_kenmerk16("1062 5421 5704 7959")
    assert is_bsn("111222333") and is_iban("NL86 INGB 0002 4455 88")
