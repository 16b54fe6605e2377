"""An iCalendar file (RFC 5545) for a letter's deadline (an all-day event) and its appointment
(timed when the letter gives the time), each with a reminder the day before.

The events hold no letter text: only the kind label, the action, the date and the time, so a
calendar synced to a cloud does not receive amounts, names, numbers or addresses from the letter.
Their words are the answer's language's (rules/lang/<code>/app.yaml, ui/words.py, #20); a
language other than Dutch is named on each text (RFC 5545 LANGUAGE), so a phone can read it out.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .words import Words

PRODID = "-//Snap de brief//snapdebrief//NL"
REMINDER = "-PT15H"  # 09:00 the day before an all-day event that starts at 00:00

ACTIONS = ("pay", "respond", "send_documents", "object", "attend", "none")


def deadline_ics(
    deadline: date | None,
    kind_label: str,
    action: str = "none",
    *,
    now: datetime | None = None,
    uid: str | None = None,
    appointment: tuple[date, str | None] | None = None,
    words: Words | None = None,
) -> bytes:
    """The .ics bytes: an all-day event on `deadline` with a display alarm the day before, and
    the appointment (date, "HH:MM" or None) as an event of its own, timed when the time is known.
    An appointment that is the deadline itself is one event. `words`: the answer's language
    (ui.words.words_for; None is Dutch), `kind_label` already in it."""
    if words is None:
        from .words import words_for

        words = words_for("nl")
    w = words
    now = (now or datetime.now(UTC)).astimezone(UTC)
    uid = uid or f"{uuid.uuid4()}@snapdebrief"
    events: list[list[str]] = []
    if deadline is not None and not (appointment and action == "attend" and appointment[0] == deadline):
        what = w(f"ics.{action}" if action in ACTIONS else "ics.none")
        events.append(_event(uid, now, w, f"{what}: {kind_label}", _all_day(deadline),
                             w("ics.deadline-text", label=kind_label)))
    if appointment is not None:
        events.append(_event(f"afspraak-{uid}" if events else uid, now, w,
                             f"{w('ics.attend')}: {kind_label}", _appointment_times(*appointment),
                             w("ics.appointment-text", label=kind_label)))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", *(line for event in events for line in event), "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _all_day(day: date) -> tuple[str, str, str]:
    return (f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}", REMINDER)


def _appointment_times(day: date, time: str | None) -> tuple[str, str, str]:
    """A timed hour in local time ("floating": the phone's own time zone, which is Dutch time for
    a Dutch letter), or all day when the letter gives no time."""
    try:
        hour, minute = (int(x) for x in (time or "").replace(".", ":").split(":"))
        start = datetime(day.year, day.month, day.day, hour, minute)
    except ValueError:
        return _all_day(day)
    end = start + timedelta(hours=1)
    return (f"DTSTART:{start.strftime('%Y%m%dT%H%M%S')}", f"DTEND:{end.strftime('%Y%m%dT%H%M%S')}",
            "-P1D")


def _event(uid: str, now: datetime, w: Words, title: str, times: tuple[str, str, str],
           description: str) -> list[str]:
    start, end, trigger = times
    # Dutch as before (no parameter); another language named, e.g. SUMMARY;LANGUAGE=ar:
    lang = "" if w.lang == "nl" else f";LANGUAGE={w.lang}"
    return [
        "BEGIN:VEVENT",
        f"UID:{_text(uid)}",
        f"DTSTAMP:{now.strftime('%Y%m%dT%H%M%SZ')}",
        start,
        end,
        f"SUMMARY{lang}:{_text(title)}",
        f"DESCRIPTION{lang}:{_text(description)}",
        "TRANSP:TRANSPARENT" if trigger == REMINDER else "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION{lang}:{_text(w('ics.tomorrow', title=title))}",
        f"TRIGGER:{trigger}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    )


def _fold(line: str, limit: int = 75) -> str:
    """Fold a content line at `limit` octets without splitting a UTF-8 character (§3.1)."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        # continuation lines start with one space, which counts against the limit
        if size + n > limit:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)
