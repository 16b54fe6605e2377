"""Dutch formatting for the explanation: money, dates, IBAN, days left — no locale needed.

The host's locale is never read: weekday and month names are spelled out here, so "dinsdag 5 mei
2026" comes out the same on every machine.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..result import cents  # the explainers import it from here too

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def money(value: Decimal | float) -> str:
    """€ 1.234,56 — dot for thousands, comma for cents, always two decimals; sign dropped."""
    amount = abs(cents(value))
    whole, frac = f"{amount:.2f}".split(".")
    return f"€ {_thousands(int(whole))},{frac}"


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def weekday(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def short_date(d: date) -> str:
    """5 mei 2026"""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def long_date(d: date) -> str:
    """dinsdag 5 mei 2026"""
    return f"{weekday(d)} {short_date(d)}"


def iban_groups(iban: str) -> str:
    """NL86 INGB 0002 4455 88 — groups of four, as banks print it."""
    compact = re.sub(r"\s+", "", iban).upper()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def days_left(deadline: date, today: date) -> int:
    return (deadline - today).days


def days_phrase(deadline: date, today: date) -> str:
    """A short sentence on how far away the date is: 'Je hebt nog 3 dagen.' / 'Dat is vandaag.'"""
    n = days_left(deadline, today)
    if n > 1:
        return f"Je hebt nog {n} dagen."
    if n == 1:
        return "Dat is morgen. Je hebt nog 1 dag."
    if n == 0:
        return "Dat is vandaag. Doe het vandaag nog."
    if n == -1:
        return "Die datum was gisteren. Je bent dus te laat."
    return f"Die datum is {-n} dagen geleden. Je bent dus te laat."


def clock(hhmm: str) -> str:
    """'09:30' → '9.30' (as Dutch letters write it; followed by 'uur')."""
    h, _, m = hhmm.partition(":")
    return f"{int(h)}.{m}" if h.isdigit() and m.isdigit() else hhmm


def capitalize(sentence: str) -> str:
    """Upper-case the first letter only ('de afzender …' → 'De afzender …')."""
    for i, ch in enumerate(sentence):
        if ch.isalpha():
            return sentence[:i] + ch.upper() + sentence[i + 1:]
    return sentence
