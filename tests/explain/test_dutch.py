"""Dutch formatting: money, dates, IBAN, days left — the same on every machine (no locale)."""

from __future__ import annotations

from datetime import date

import pytest

from snapdebrief.explainers.dutch import (
    clock,
    days_phrase,
    iban_groups,
    long_date,
    money,
    short_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1234.56, "€ 1.234,56", id="thousands"),
        pytest.param(0.1, "€ 0,10", id="float-dime"),
        pytest.param(40, "€ 40,00", id="int"),
        pytest.param(1_000_000, "€ 1.000.000,00", id="million"),
        pytest.param(266.665, "€ 266,67", id="half-up"),
        pytest.param(48.4, "€ 48,40", id="trailing-zero"),
        pytest.param(-12.5, "€ 12,50", id="sign-dropped"),
        pytest.param(999.999, "€ 1.000,00", id="rounds-into-thousand"),
    ],
)
def test_money(value, expected):
    assert money(value) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(date(2026, 5, 5), "dinsdag 5 mei 2026", id="5-mei-2026"),
        pytest.param(date(2026, 1, 1), "donderdag 1 januari 2026", id="nieuwjaar"),
        pytest.param(date(2027, 12, 26), "zondag 26 december 2027", id="zondag"),
        pytest.param(date(2024, 2, 29), "donderdag 29 februari 2024", id="leap-day"),
        pytest.param(date(2026, 4, 21), "dinsdag 21 april 2026", id="day-42-example"),
    ],
)
def test_long_date(d, expected):
    assert long_date(d) == expected
    assert long_date(d).endswith(short_date(d))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("NL86INGB0002445588", "NL86 INGB 0002 4455 88", id="compact"),
        pytest.param("nl86 ingb 0002 4455 88", "NL86 INGB 0002 4455 88", id="lower-spaced"),
        pytest.param("NL45 INGB 0705 0019 03", "NL45 INGB 0705 0019 03", id="already-grouped"),
        pytest.param("DE89370400440532013000", "DE89 3704 0044 0532 0130 00", id="german-22"),
    ],
)
def test_iban_groups(raw, expected):
    assert iban_groups(raw) == expected


DEADLINE = date(2026, 5, 7)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        pytest.param(date(2026, 5, 4), "Je hebt nog 3 dagen.", id="3-days-before"),
        pytest.param(date(2026, 5, 6), "Dat is morgen. Je hebt nog 1 dag.", id="day-before"),
        pytest.param(date(2026, 5, 7), "Dat is vandaag. Doe het vandaag nog.", id="on-the-day"),
        pytest.param(date(2026, 5, 8), "Die datum was gisteren. Je bent dus te laat.", id="day-after"),
        pytest.param(date(2026, 5, 12), "Die datum is 5 dagen geleden. Je bent dus te laat.", id="5-days-after"),
        pytest.param(date(2026, 3, 31), "Je hebt nog 37 dagen.", id="weeks-before"),
    ],
)
def test_days_phrase(today, expected):
    assert days_phrase(DEADLINE, today) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [pytest.param("09:30", "9.30", id="leading-zero"), pytest.param("14:05", "14.05", id="afternoon"),
     pytest.param("9 uur", "9 uur", id="not-hhmm-kept")],
)
def test_clock(raw, expected):
    assert clock(raw) == expected
