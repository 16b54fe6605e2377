"""A Belastingdienst letter whose BSN, aanslagnummer and betalingskenmerk are printed as OCR
leaves them on hard photos (a tenth digit, a split group, O for 0, "B5N" for "BSN"), and the
check that no output shows the BSN: its nine digits in a row once separators are dropped.

Both BSNs pass the elfproef and belong to no one (123456782 is the textbook example). Each
betalingskenmerk is built as the Belastingdienst builds one: check digit, the fiscal number's
first 8 digits, then the tax and period (Belastingdienst, Rekenhulp betalingskenmerk), and its
check digit holds.
"""

from __future__ import annotations

import re

BSN = "123456782"
KENMERK = "1123 4567 8704 6001"  # check digit 1, then 12345678 from the BSN
BSN_0158 = "105800132"  # holds 0, 1, 5 and 8: the digits OCR prints as O, l, S and B
KENMERK_0158 = "2105 8001 3704 6001"

IBAN = "NL86 INGB 0002 4455 88"
# Values near the BSN that must come out whole: they hold no BSN.
SURVIVORS = (IBAN, "872,00", "26 maart 2026", "12 maart 2026")

TEMPLATE = """Belastingdienst
Postbus 2526
6401 DA Heerlen

Mevrouw A. Wildeboer
Kinkerstraat 12
1053 DX Amsterdam

Datum: 12 maart 2026
{top}

Betreft: Aanmaning inkomstenbelasting 2024

Geachte mevrouw Wildeboer,

U heeft de aanslag inkomstenbelasting 2024 nog niet helemaal betaald.
Daarom krijgt u deze aanmaning.
Betaal het totaalbedrag van € 872,00 vóór 26 maart 2026
op rekening NL86 INGB 0002 4455 88.
Vermeld bij uw betaling {pay}.

Met vriendelijke groet,
Belastingdienst
"""


def letter(top: str, kenmerk: str = KENMERK, pay: str | None = None) -> str:
    """The letter with `top` (the BSN and aanslagnummer lines) under the date; the payment
    line names the betalingskenmerk, or `pay` ("het aanslagnummer …")."""
    return TEMPLATE.format(top=top, pay=pay or f"het betalingskenmerk {kenmerk}")


_AS_DIGIT = str.maketrans("OoIl|SB", "0011158")
# A number as it may be printed: digits (or their look-alike letters) joined by separators.
_NUMBER = re.compile(r"[0-9OoIl|SB](?:[\s.,\-]{0,3}[0-9OoIl|SB])*")


def leaks(text: str, bsn: str = BSN) -> bool:
    """True when `text` shows the BSN: its nine digits in a row inside one number once spaces,
    dots, commas and dashes are dropped and look-alike letters read as digits."""
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group().translate(_AS_DIGIT))
        if bsn in digits:
            return True
    return False
