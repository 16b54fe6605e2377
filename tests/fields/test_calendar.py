"""Algemene termijnenwet calendar (Atw art. 1 and 3): real cases of bezwaar terms and holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.fields.calendar import (
    HOLIDAYS_FILE,
    add_working_days,
    atw_shift,
    decree_days,
    holidays_nl,
    is_working_day,
    next_working_day,
    objection_deadline,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("letter", "expected"),
    [
        # §3.2: dagtekening + 42 days, then the Atw.
        pytest.param("2026-02-20", "2026-04-07", id="goede-vrijdag-then-paasmaandag"),
        pytest.param("2026-04-02", "2026-05-18", id="hemelvaart-then-kb-day-15-mei"),
        pytest.param("2026-03-16", "2026-04-28", id="koningsdag-monday"),
        pytest.param("2026-03-24", "2026-05-06", id="bevrijdingsdag-2026-not-lustrum"),
        pytest.param("2026-03-07", "2026-04-20", id="saturday-letter-lands-on-saturday"),
        pytest.param("2026-11-13", "2026-12-28", id="christmas-friday"),
        pytest.param("2025-04-17", "2025-06-02", id="hemelvaart-then-kb-day-30-mei-2025"),
        pytest.param("2027-02-12", "2027-03-30", id="goede-vrijdag-2027"),
        # §3.1: six weeks, same weekday, a working day → no shift.
        pytest.param("2017-01-20", "2017-03-03", id="awb-example-2017"),
        pytest.param("2026-03-10", "2026-04-21", id="awb-example-2026"),
    ],
)
def test_objection_deadline_real_cases(letter: str, expected: str) -> None:
    assert objection_deadline(D(letter)) == D(expected)


def test_objection_deadline_other_term() -> None:
    # Two weeks (UWV medical Ziektewet): 4 May 2026 + 14 = Monday 18 May, a working day.
    assert objection_deadline(D("2026-05-04"), weeks=2) == D("2026-05-18")
    # 1 May 2026 + 14 = Friday 15 May (KB day) → Monday 18 May.
    assert objection_deadline(D("2026-05-01"), weeks=2) == D("2026-05-18")


@pytest.mark.parametrize(
    ("year", "days"),
    [
        pytest.param(2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05",
                            "2025-05-29", "2025-05-30", "2025-06-09", "2025-12-25",
                            "2025-12-26"], id="2025"),
        pytest.param(2026, ["2026-01-01", "2026-01-02", "2026-04-03", "2026-04-06", "2026-04-27",
                            "2026-05-05", "2026-05-14", "2026-05-15", "2026-05-25",
                            "2026-12-25", "2026-12-26"], id="2026"),
        pytest.param(2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-04-27", "2027-05-05",
                            "2027-05-06", "2027-05-07", "2027-05-17", "2027-12-25",
                            "2027-12-26"], id="2027"),
    ],
)
def test_holidays_table(year: int, days: list[str]) -> None:
    assert holidays_nl(year) == {D(d) for d in days}


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        pytest.param("2025-04-26", True, id="koningsdag-2025-saturday-26-april"),
        pytest.param("2025-04-27", False, id="27-april-2025-is-sunday-not-koningsdag"),
        pytest.param("2026-04-27", True, id="koningsdag-2026"),
        pytest.param("2023-05-05", True, id="5-mei-every-year-2023"),
        pytest.param("2024-05-05", True, id="5-mei-every-year-2024"),
        pytest.param("2028-04-28", True, id="kb-day-2028-april"),
        pytest.param("2028-05-26", True, id="kb-day-2028-may"),
        pytest.param("2023-04-28", True, id="kb-day-2023"),
        pytest.param("2024-12-27", True, id="kb-day-2024-december"),
        pytest.param("2026-12-24", False, id="christmas-eve-no-holiday"),
        pytest.param("2026-04-05", False, id="easter-sunday-not-listed-weekend-anyway"),
    ],
)
def test_single_days(day: str, holiday: bool) -> None:
    d = D(day)
    assert (d in holidays_nl(d.year)) is holiday


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param("2026-04-21", "2026-04-21", id="working-day-stays"),
        pytest.param("2026-04-25", "2026-04-28", id="saturday-before-koningsdag"),
        pytest.param("2026-04-03", "2026-04-07", id="goede-vrijdag"),
        pytest.param("2026-05-14", "2026-05-18", id="hemelvaart-and-kb"),
        pytest.param("2026-12-25", "2026-12-28", id="kerst"),
        pytest.param("2026-12-31", "2026-12-31", id="oudejaarsdag-is-working"),
        pytest.param("2027-01-01", "2027-01-04", id="nieuwjaar-friday"),
    ],
)
def test_atw_shift(day: str, expected: str) -> None:
    assert atw_shift(D(day)) == D(expected)


def test_next_working_day_is_strictly_after() -> None:
    assert next_working_day(D("2026-04-21")) == D("2026-04-22")
    assert next_working_day(D("2026-04-24")) == D("2026-04-28")  # Fri → Tue (Koningsdag)
    assert is_working_day(D("2026-04-28"))
    assert not is_working_day(D("2026-04-26"))


def test_add_working_days() -> None:
    assert add_working_days(D("2026-04-24"), 1) == D("2026-04-28")
    assert add_working_days(D("2026-05-12"), 5) == D("2026-05-21")  # 13, 18, 19, 20, 21


def test_shipped_decree_file_loads() -> None:
    days = decree_days(HOLIDAYS_FILE)
    assert len(days) == 10
    assert D("2026-01-02") in days


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("decrees: [\n", id="broken-yaml"),
        pytest.param("sources: {}\n", id="no-decrees"),
        pytest.param("sources: {S3: x}\ndecrees:\n  - {name: a, sources: [S3], days: []}\n",
                     id="empty-days"),
        pytest.param("sources: {S3: x}\ndecrees:\n"
                     "  - {name: a, sources: [S9], days: [2026-01-02]}\n",
                     id="unknown-source"),
        pytest.param("sources: {S3: x}\ndecrees:\n  - {name: a, days: [2026-01-02]}\n",
                     id="no-source"),
        pytest.param("sources: {S3: x}\ndecrees:\n  - {name: a, sources: [S3], days: [2 jan]}\n",
                     id="not-a-date"),
    ],
)
def test_broken_decree_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "holidays.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        decree_days(path)
    assert info.value.path == str(path)


def test_missing_decree_file(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError):
        decree_days(tmp_path / "nope.yaml")
