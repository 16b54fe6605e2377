"""Fields stage helper: the Dutch legal calendar of the Algemene termijnenwet (Atw).

Used to compute the bezwaar deadline (art. 6:7 Awb: six weeks) and to move a statutory term
that ends on a Saturday, Sunday or general holiday to the next working day (Atw art. 1).
Holidays: art. 3(1) fixed and Easter-derived days, art. 3(2) Goede Vrijdag, art. 3(3) days a
Royal Decree adds, kept as data in snapdebrief/data/holidays.yaml (Atw art. 3, BWBR0002448; [S2][S3]).
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from dateutil.easter import easter

from ..errors import RuleFileError

HOLIDAYS_FILE = Path(__file__).resolve().parent.parent / "data" / "holidays.yaml"


def holidays_nl(year: int) -> set[date]:
    """Every day of `year` that the Atw treats as a general holiday (weekends not included).

    The King's day follows the rule in force since 2014 (27 April, 26 April when the 27th is a
    Sunday) [S6]; decree days are known only for the years holidays.yaml lists.
    """
    return set(_holidays(year, _signature(HOLIDAYS_FILE)))


def is_working_day(d: date) -> bool:
    """True for Monday to Friday when the day is no Atw holiday."""
    return d.weekday() < 5 and d not in holidays_nl(d.year)


def next_working_day(d: date) -> date:
    """The first working day strictly after `d`."""
    d += timedelta(days=1)
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def atw_shift(d: date) -> date:
    """Atw art. 1: a statutory term ending on a Saturday, Sunday or holiday ends on the next
    working day; a term ending on a working day stays."""
    return d if is_working_day(d) else next_working_day(d)


def add_working_days(start: date, n: int) -> date:
    """`n` working days after `start` ("binnen 5 werkdagen"); start itself does not count."""
    d = start
    for _ in range(max(0, n)):
        d = next_working_day(d)
    return d


def objection_deadline(letter_date: date, weeks: int = 6) -> date:
    """Last day for bezwaar or beroep: dagtekening + 7*weeks days (art. 6:7/6:8 Awb, the same
    weekday six weeks on [S10]), moved by the Atw when it ends on a weekend or holiday."""
    return atw_shift(letter_date + timedelta(days=7 * weeks))


def decree_days(path: Path = HOLIDAYS_FILE) -> frozenset[date]:
    """The art. 3(3) Royal Decree days listed in `path`; RuleFileError when it is broken."""
    return _decree_days(_signature(path))


# --- holidays -------------------------------------------------------------------------------


def _signature(path: Path) -> tuple[str, float]:
    try:
        return str(path), path.stat().st_mtime
    except OSError as exc:
        raise RuleFileError(str(path), None, "het bestand met feestdagen ontbreekt",
                            "zet snapdebrief/data/holidays.yaml terug") from exc


@functools.cache
def _holidays(year: int, sig: tuple[str, float]) -> frozenset[date]:
    e = easter(year)  # western Easter Sunday
    days = {
        date(year, 1, 1),  # Nieuwjaarsdag, art. 3(1)
        e - timedelta(days=2),  # Goede Vrijdag, art. 3(2)
        e + timedelta(days=1),  # tweede Paasdag
        e + timedelta(days=39),  # Hemelvaartsdag
        e + timedelta(days=50),  # tweede Pinksterdag
        date(year, 5, 5),  # Bevrijdingsdag: every year, art. 3(1)
        date(year, 12, 25),
        date(year, 12, 26),
    }
    if year >= 2014:  # Koningsdag [S6]
        kings = date(year, 4, 27)
        days.add(kings - timedelta(days=1) if kings.weekday() == 6 else kings)
    days.update(d for d in _decree_days(sig) if d.year == year)
    return frozenset(days)


@functools.cache
def _decree_days(sig: tuple[str, float]) -> frozenset[date]:
    path = sig[0]
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RuleFileError(path, line, "dit is geen geldige YAML", str(exc.problem)) from exc
    return frozenset(_parse_decrees(path, data))


def _parse_decrees(path: str, data: Any) -> list[date]:
    if not isinstance(data, dict) or not isinstance(data.get("decrees"), list):
        raise RuleFileError(path, None, "de sleutel 'decrees' (een lijst) ontbreekt")
    sources = data.get("sources") or {}
    out: list[date] = []
    for i, entry in enumerate(data["decrees"]):
        where = f"decrees[{i}]"
        if not isinstance(entry, dict) or not entry.get("days"):
            raise RuleFileError(path, None, f"{where}: 'days' ontbreekt of is leeg")
        for key in entry.get("sources") or []:
            if key not in sources:
                raise RuleFileError(path, None, f"{where}: onbekende bron {key!r}",
                                    "zet de bron onder 'sources'")
        if not entry.get("sources"):
            raise RuleFileError(path, None, f"{where}: 'sources' ontbreekt",
                                "noem de bron van het besluit")
        for d in entry["days"]:
            if not isinstance(d, date):
                raise RuleFileError(path, None, f"{where}: {d!r} is geen datum",
                                    "schrijf de dag als JJJJ-MM-DD")
            out.append(d)
    return out
