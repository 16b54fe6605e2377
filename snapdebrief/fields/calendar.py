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

from dateutil.easter import easter
from pydantic import BaseModel, ConfigDict, Field

from .. import yaml_files
from ..errors import RuleFileError
from ..yaml_files import line_of, node_at

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
        raise RuleFileError(str(path), None, "the file of holidays is missing",
                            "put snapdebrief/data/holidays.yaml back") from exc


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


class _Decree(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    sources: list[str] = Field(min_length=1)
    days: list[date] = Field(min_length=1)


class _HolidayFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: dict[str, str]
    decrees: list[_Decree]


@functools.cache
def _decree_days(sig: tuple[str, float]) -> frozenset[date]:
    path = Path(sig[0])
    data, root = yaml_files.parse(path)
    spec = yaml_files.check(path, data, root, _HolidayFile)
    for i, entry in enumerate(spec.decrees):
        for j, key in enumerate(entry.sources):
            if key not in spec.sources:
                raise RuleFileError(str(path), line_of(node_at(root, ("decrees", i, "sources", j))[0]),
                                    f"decrees[{i}]: unknown source {key!r}",
                                    "add the source under `sources`")
    return frozenset(d for entry in spec.decrees for d in entry.days)
