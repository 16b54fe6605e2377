"""An iCalendar file (RFC 5545) for a letter's deadline: one all-day event and a reminder.

The event holds no letter text: only the kind label, the action and the date, so a calendar synced
to a cloud does not receive amounts, names or numbers from the letter.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

PRODID = "-//Snap de brief//snapdebrief//NL"
REMINDER = "-PT15H"  # 09:00 the day before an all-day event that starts at 00:00

ACTION_TITLES = {
    "pay": "Betalen",
    "respond": "Reageren",
    "send_documents": "Papieren sturen",
    "object": "Bezwaar maken",
    "attend": "Afspraak",
    "none": "Let op",
}


def deadline_ics(
    deadline: date,
    kind_label: str,
    action: str = "none",
    *,
    now: datetime | None = None,
    uid: str | None = None,
) -> bytes:
    """The .ics bytes: an all-day event on `deadline` with a display alarm the day before."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    uid = uid or f"{uuid.uuid4()}@snapdebrief"
    title = f"{ACTION_TITLES.get(action, 'Let op')}: {kind_label}"
    description = (
        f"Laatste dag voor je brief: {kind_label}. Kijk op de brief wat je moet doen."
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{_text(uid)}",
        f"DTSTAMP:{now.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{deadline.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(deadline + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_text(title)}",
        f"DESCRIPTION:{_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_text('Morgen: ' + title)}",
        f"TRIGGER:{REMINDER}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


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
