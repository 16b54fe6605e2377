"""Dates, times and amounts written the language's way, with Babel's CLDR data (no month tables).

Dutch keeps explainers/dutch.py, so the Dutch answer stays byte for byte what it was. Digits stay
Latin in every language (CLDR's default for these locales): the resident compares them with the
letter.
"""

from __future__ import annotations

import functools
from datetime import date, time
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency

from ..result import cents

# en_GB: day before month, as on a Dutch letter ("Tuesday, 5 May 2026", not "May 5").
LOCALES = {"nl": "nl_NL", "en": "en_GB", "tr": "tr_TR", "ar": "ar", "pl": "pl_PL", "uk": "uk_UA"}


@functools.cache
def locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def long_date(d: date, lang: str) -> str:
    """The date with its weekday, in the locale's own full pattern ("wtorek, 5 maja 2026")."""
    return format_date(d, "full", locale=locale(lang))


def clock(t: time, lang: str) -> str:
    return format_time(t, "short", locale=locale(lang))


def money(value: Decimal | float, lang: str) -> str:
    """The amount in euros, rounded to cents like the Dutch answer, sign dropped."""
    return format_currency(abs(cents(value)), "EUR", locale=locale(lang))
