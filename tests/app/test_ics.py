"""The deadline calendar file: valid RFC 5545, one all-day event, a reminder, no letter text."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from snapdebrief.ui.ics import deadline_ics

NOW = datetime(2026, 3, 20, 10, 30, tzinfo=UTC)


def parse(data: bytes) -> list[tuple[str, dict[str, str], str]]:
    """A strict small reader: CRLF lines of ≤ 75 octets, unfolded into (name, params, value)."""
    assert data.endswith(b"\r\n")
    raw_lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in raw_lines), "bare CR or LF"
    assert all(len(line) <= 75 for line in raw_lines), "line not folded at 75 octets"
    for line in raw_lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character
    logical: list[bytes] = []
    for line in raw_lines:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    out = []
    for line in logical:
        head, value = line.decode("utf-8").split(":", 1)
        name, *params = head.split(";")
        out.append((name, dict(p.split("=", 1) for p in params), value))
    return out


def components(props: list[tuple[str, dict[str, str], str]]) -> dict[str, dict[str, str]]:
    """Properties per component; checks BEGIN/END nest properly."""
    stack: list[str] = []
    found: dict[str, dict[str, str]] = {}
    for name, params, value in props:
        if name == "BEGIN":
            stack.append(value)
            found[value] = {}
        elif name == "END":
            assert stack and stack.pop() == value
        else:
            assert stack, f"{name} outside any component"
            key = name + "".join(f";{k}={v}" for k, v in params.items())
            found[stack[-1]][key] = value
    assert not stack
    return found


def unescape(value: str) -> str:
    return (value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            .replace("\\\\", "\\"))


@pytest.mark.parametrize(
    ("deadline", "start", "end"),
    [
        pytest.param(date(2026, 4, 9), "20260409", "20260410", id="plain"),
        pytest.param(date(2026, 12, 31), "20261231", "20270101", id="year-end"),
        pytest.param(date(2028, 2, 29), "20280229", "20280301", id="leap-day"),
    ],
)
def test_all_day_event_with_reminder(deadline: date, start: str, end: str) -> None:
    comps = components(parse(deadline_ics(deadline, "Aanmaning van het CJIB", "pay", now=NOW)))
    cal, event, alarm = comps["VCALENDAR"], comps["VEVENT"], comps["VALARM"]
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert event["DTSTART;VALUE=DATE"] == start
    assert event["DTEND;VALUE=DATE"] == end
    assert event["DTSTAMP"] == "20260320T103000Z"
    assert event["UID"]
    assert unescape(event["SUMMARY"]) == "Betalen: Aanmaning van het CJIB"
    assert alarm["ACTION"] == "DISPLAY" and alarm["DESCRIPTION"]
    assert alarm["TRIGGER"] == "-PT15H"  # 09:00 the day before


@pytest.mark.parametrize(
    "label",
    [
        pytest.param("Brief, met; tekens \\ erin", id="escaped-characters"),
        pytest.param("Aanslag gemeentelijke belastingen en waterschapsbelasting " * 3, id="folded"),
        pytest.param("Beschikking — één café ë ü € " * 6, id="folded-multibyte"),
        pytest.param("Regel een\nregel twee", id="newline"),
    ],
)
def test_text_values_are_escaped_and_folded(label: str) -> None:
    comps = components(parse(deadline_ics(date(2026, 4, 9), label, "respond", now=NOW)))
    assert unescape(comps["VEVENT"]["SUMMARY"]) == f"Reageren: {label}"


def test_each_call_gets_its_own_uid() -> None:
    a = components(parse(deadline_ics(date(2026, 4, 9), "X", now=NOW)))["VEVENT"]["UID"]
    b = components(parse(deadline_ics(date(2026, 4, 9), "X", now=NOW)))["VEVENT"]["UID"]
    assert a != b


def test_holds_no_letter_values() -> None:
    data = deadline_ics(date(2026, 4, 9), "Aanmaning van het CJIB", "pay", now=NOW).decode()
    # only the label, the action and the date go in: no amounts, accounts or numbers
    assert "€" not in data and "NL86" not in data and "1062" not in data


def _events(data: bytes) -> list[dict[str, str]]:
    """Every VEVENT's properties (components() keeps only the last of a kind)."""
    out: list[dict[str, str]] = []
    for name, params, value in parse(data):
        if name == "BEGIN" and value == "VEVENT":
            out.append({})
        elif out and name not in ("BEGIN", "END"):  # the event's own come before its alarm's
            out[-1].setdefault(name + "".join(f";{k}={v}" for k, v in params.items()), value)
    return out


def test_papers_first_then_the_appointment_at_its_time() -> None:
    data = deadline_ics(date(2026, 5, 27), "Uitnodiging voor een afspraak", "send_documents",
                        now=NOW, appointment=(date(2026, 6, 4), "09:15"))
    papers, talk = _events(data)
    assert papers["DTSTART;VALUE=DATE"] == "20260527"
    assert unescape(papers["SUMMARY"]) == "Papieren sturen: Uitnodiging voor een afspraak"
    assert talk["DTSTART"] == "20260604T091500" and talk["DTEND"] == "20260604T101500"
    assert unescape(talk["SUMMARY"]) == "Afspraak: Uitnodiging voor een afspraak"
    assert papers["UID"] != talk["UID"]


def test_an_appointment_that_is_the_deadline_is_one_timed_event() -> None:
    data = deadline_ics(date(2026, 6, 4), "Uitnodiging", "attend", now=NOW,
                        appointment=(date(2026, 6, 4), None))
    (talk,) = _events(data)
    assert talk["DTSTART;VALUE=DATE"] == "20260604"  # no time on the letter: all day
    data = deadline_ics(date(2026, 6, 4), "Uitnodiging", "attend", now=NOW,
                        appointment=(date(2026, 6, 4), "14.00"))
    (talk,) = _events(data)
    assert talk["DTSTART"] == "20260604T140000"


@pytest.mark.parametrize("lang", ["tr", "ar", "en", "pl", "uk"])
def test_the_calendar_speaks_the_answers_language(lang: str) -> None:
    """#20: the events' words are the chosen language's, named with LANGUAGE; no Dutch left."""
    from snapdebrief.ui.words import words_for

    w = words_for(lang)
    label = {"ar": "إنذار بالدفع (aanmaning) من CJIB", "en": "Reminder (aanmaning) from the CJIB"}
    kind = label.get(lang, "CJIB aanmaning")
    data = deadline_ics(date(2026, 4, 9), kind, "pay", now=NOW, words=w,
                        appointment=(date(2026, 4, 2), "10:30"))
    props = parse(data)
    texts = [(name, params, unescape(value)) for name, params, value in props
             if name in ("SUMMARY", "DESCRIPTION")]
    assert len(texts) == 6  # two events: summary, description, the alarm's description
    assert all(params == {"LANGUAGE": lang} for _, params, _ in texts)
    values = [v for _, _, v in texts]
    assert values[0] == f"{w('ics.pay')}: {kind}"
    assert values[1] == w("ics.deadline-text", label=kind)
    assert values[2] == w("ics.tomorrow", title=values[0])
    assert values[3] == f"{w('ics.attend')}: {kind}"
    for dutch in ("Betalen", "Laatste dag", "Kijk op de brief", "Morgen", "Afspraak"):
        assert not any(dutch in v for v in values), (dutch, values)
    events = [c for c in props if c[0] == "DTSTART"]
    assert [v for _, _, v in events] == ["20260409", "20260402T103000"]


def test_the_dutch_calendar_names_no_language() -> None:
    data = deadline_ics(date(2026, 4, 9), "Aanmaning van het CJIB", "pay", now=NOW).decode()
    assert "LANGUAGE=" not in data and "SUMMARY:Betalen: Aanmaning van het CJIB" in data
