"""Validate the ground-truth files in samples/letters/*.json.

Usage:
    .venv/bin/python samples/tools/check_truth.py            # all letters
    .venv/bin/python samples/tools/check_truth.py FILE.json  # some letters

Checks the contract shape (keys, types, enums), identifiers (IBAN mod 97,
16-digit kenmerk check digit, BSN elfproef), amounts (amount_due present,
components add up to the total) and dates (deadline / objection_deadline
follow from the letter date and the text, Algemene termijnenwet shift).
When NAME.txt sits beside NAME.json, values are also looked up in the text.
Exit code 1 when any error is found; warnings do not fail.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ids

LETTERS = Path(__file__).resolve().parent.parent / "letters"

KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
        "appointment", "amount_due", "amounts", "iban", "payment_reference",
        "reference_numbers", "bsn_found", "notes"]
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie",
          "dagvaarding", "vonnis", "beslag", None}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend", "none"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit",
         "refund", "other"}
COMPONENT_ROLES = {"principal", "interest", "costs", "fine", "increase"}
NO_OBJECTION_KINDS = {"belasting-aanmaning", "cjib-aanmaning", "incasso-aanmaning"}

# Royal-decree days put on a par with holidays (Atw art. 3(3)); [S2][S3].
KB_DAYS = {dt.date(2025, 5, 30), dt.date(2026, 1, 2), dt.date(2026, 5, 15),
           dt.date(2027, 5, 7), dt.date(2028, 4, 28), dt.date(2028, 5, 26)}
MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3,
          "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
          "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
          "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
NUMBER_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
                "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "twaalf": 12,
                "veertien": 14, "eenentwintig": 21, "achtentwintig": 28, "dertig": 30}


def holidays(year: int) -> set[dt.date]:
    """General holidays of the Algemene termijnenwet for one year."""
    e = easter(year)
    king = dt.date(year, 4, 27)
    if king.weekday() == 6:
        king = dt.date(year, 4, 26)
    days = {dt.date(year, 1, 1), e - dt.timedelta(days=2), e + dt.timedelta(days=1),
            e + dt.timedelta(days=39), e + dt.timedelta(days=50), king,
            dt.date(year, 5, 5), dt.date(year, 12, 25), dt.date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def atw_shift(day: dt.date) -> dt.date:
    """Move a last day off Saturday, Sunday or a holiday (Atw art. 1)."""
    while day.weekday() >= 5 or day in holidays(day.year):
        day += dt.timedelta(days=1)
    return day


def parse_iso(value: object) -> dt.date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def dates_in_text(text: str) -> set[dt.date]:
    """All day-month-year dates printed in the text (Dutch formats)."""
    found: set[dt.date] = set()
    month_re = "|".join(sorted(MONTHS, key=len, reverse=True))
    for m in re.finditer(rf"\b(\d{{1,2}})\s+({month_re})\.?\s+(\d{{4}})\b", text, re.IGNORECASE):
        _add(found, int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    for m in re.finditer(r"(?<![\d.])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![\d])", text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        _add(found, year, int(m[2]), int(m[1]))
    return found


def _add(found: set[dt.date], y: int, mo: int, d: int) -> None:
    try:
        found.add(dt.date(y, mo, d))
    except ValueError:
        pass


def relative_dates(text: str, start: dt.date) -> set[dt.date]:
    """Dates reached by the relative terms in the text, counted from ``start``."""
    out: set[dt.date] = set()
    words = "|".join(NUMBER_WORDS)
    pat = rf"(?:binnen|uiterlijk|na)\s+(\d+|{words})\s+(dag|dagen|week|weken|maand|maanden)"
    for m in re.finditer(pat, text, re.IGNORECASE):
        n = int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1].lower()]
        unit = m[2].lower()
        if unit.startswith("dag"):
            out.add(start + dt.timedelta(days=n))
        elif unit.startswith("we"):
            out.add(start + dt.timedelta(weeks=n))
        else:
            out.add(start + relativedelta(months=n))
    return out


def amount_variants(value: float) -> set[str]:
    """Ways a euro amount is printed: 1.219 / 1.219,00 / 1219,00 / 45,- ."""
    v = abs(value)
    euros = round(v * 100) // 100
    cents = round(v * 100) % 100
    grouped = f"{euros:,}".replace(",", ".")
    out = {f"{grouped},{cents:02d}", f"{euros},{cents:02d}"}
    if cents == 0:
        out |= {grouped, str(euros), f"{grouped},-", f"{grouped},--"}
    return out


def subset_explains(amounts: list[dict], total: float) -> bool:
    """True if some components plus/minus some 'other' amounts give ``total``.

    Fallback for letters that list announced costs, subtotals or payments as
    positive 'other' beside the sum. Each non-total amount is left out,
    added or (only for 'other') subtracted; at most 14 amounts are tried.
    """
    items = [a for a in amounts if a["role"] not in {"total", "benefit", "refund"}][:14]
    target = round(total * 100)
    reach = {0}
    for a in items:
        cents = round(a["value"] * 100)
        step = {r + cents for r in reach} if a["role"] != "other" or cents < 0 else set()
        if a["role"] == "other" and cents > 0:
            step = {r + cents for r in reach} | {r - cents for r in reach}
        reach |= step
    return target in reach


def find_bsns(text: str) -> list[str]:
    """Standalone 9-digit numbers (plain or 4.2.3 dotted) that pass the elfproef."""
    hits = []
    for m in re.finditer(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d]|\.\d)", text):
        if ids.is_bsn(m[1]):
            hits.append(m[1])
    return hits


def check(json_path: Path) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warns: list[str] = []
    try:
        t = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"cannot read: {exc}"], []
    if not isinstance(t, dict):
        return ["top level is not an object"], []
    missing = [k for k in KEYS if k not in t]
    extra = [k for k in t if k not in KEYS]
    if missing:
        errors.append(f"missing keys {missing}")
    if extra:
        errors.append(f"unknown keys {extra}")
    if missing:
        return errors, warns

    txt_path = json_path.with_suffix(".txt")
    text = txt_path.read_text(encoding="utf-8") if txt_path.exists() else None
    if text is None:
        warns.append("no .txt beside the .json")
    flat = re.sub(r"\s+", "", text) if text else ""
    digits_only = re.sub(r"\D", "", text) if text else ""
    printed_dates = dates_in_text(text) if text else set()

    # --- shape -------------------------------------------------------------
    if not isinstance(t["kind"], str) or not re.fullmatch(r"[a-z0-9-]+", t["kind"]):
        errors.append("kind must be a lower-case id")
    if not (t["sender"] is None or (isinstance(t["sender"], str) and t["sender"].strip())):
        errors.append("sender must be a non-empty string or null")
    letter_date = parse_iso(t["letter_date"]) if t["letter_date"] is not None else None
    if t["letter_date"] is not None and letter_date is None:
        errors.append("letter_date is not YYYY-MM-DD")
    if t["stage"] not in STAGES:
        errors.append(f"stage {t['stage']!r} not in enum")
    if not isinstance(t["notes"], str) or not t["notes"].strip() or "\n" in t["notes"]:
        errors.append("notes must be one non-empty line")
    if not isinstance(t["bsn_found"], bool):
        errors.append("bsn_found must be a boolean")

    deadline = None
    if t["deadline"] is not None:
        d = t["deadline"]
        if not isinstance(d, dict) or set(d) != {"date", "action"}:
            errors.append("deadline must be {date, action} or null")
        else:
            deadline = parse_iso(d["date"])
            if deadline is None:
                errors.append("deadline.date is not YYYY-MM-DD")
            if d["action"] not in ACTIONS:
                errors.append(f"deadline.action {d['action']!r} not in enum")

    objection = None
    if t["objection_deadline"] is not None:
        objection = parse_iso(t["objection_deadline"])
        if objection is None:
            errors.append("objection_deadline is not YYYY-MM-DD")

    if t["appointment"] is not None:
        ap = t["appointment"]
        if not isinstance(ap, dict) or set(ap) != {"date", "time", "place"}:
            errors.append("appointment must be {date, time, place} or null")
        else:
            if parse_iso(ap["date"]) is None:
                errors.append("appointment.date is not YYYY-MM-DD")
            if ap["time"] is not None and not re.fullmatch(r"\d{2}:\d{2}", str(ap["time"])):
                errors.append("appointment.time is not HH:MM")

    amounts = t["amounts"]
    if not isinstance(amounts, list):
        errors.append("amounts must be a list")
        amounts = []
    for i, a in enumerate(amounts):
        if not isinstance(a, dict) or set(a) != {"value", "role"}:
            errors.append(f"amounts[{i}] must be {{value, role}}")
            continue
        if isinstance(a["value"], bool) or not isinstance(a["value"], (int, float)):
            errors.append(f"amounts[{i}].value is not a number")
        if a["role"] not in ROLES:
            errors.append(f"amounts[{i}].role {a['role']!r} not in enum")
    amounts = [a for a in amounts if isinstance(a, dict) and isinstance(a.get("value"), (int, float))]

    due = t["amount_due"]
    if due is not None and (isinstance(due, bool) or not isinstance(due, (int, float)) or due < 0):
        errors.append("amount_due must be a number >= 0 or null")
        due = None

    if t["iban"] is not None:
        if not isinstance(t["iban"], str) or " " in t["iban"] or not ids.is_iban(t["iban"]):
            errors.append(f"iban {t['iban']!r} fails mod 97 or has spaces")
        elif text is not None and t["iban"] not in flat:
            errors.append("iban not found in the text")

    ref = t["payment_reference"]
    if ref is not None:
        if not isinstance(ref, str) or not ref or re.search(r"\s", ref):
            errors.append("payment_reference must be a string without spaces")
        else:
            if not ref.isdigit():
                warns.append(f"payment_reference {ref!r} is not digits only (contract says digits)")
            if len(ref) == 16 and not ids.is_kenmerk16(ref):
                errors.append("16-digit payment_reference fails the check digit")
            if text is not None and ref not in (digits_only if ref.isdigit() else flat):
                errors.append("payment_reference not found in the text")

    if not isinstance(t["reference_numbers"], list) or not all(isinstance(r, str) for r in t["reference_numbers"]):
        errors.append("reference_numbers must be a list of strings")
    else:
        for r in t["reference_numbers"]:
            if " " in r:
                errors.append(f"reference number {r!r} contains spaces")
            elif text is not None and r not in flat:
                errors.append(f"reference number {r!r} not found in the text")

    # --- amounts -----------------------------------------------------------
    roles = [a["role"] for a in amounts]
    totals = [a["value"] for a in amounts if a["role"] == "total"]
    if due is not None:
        pool = totals or [a["value"] for a in amounts]
        if not any(abs(v - due) < 0.005 for v in pool):
            errors.append("amount_due matches no total (or no amount)")
    if ("refund" in roles or "benefit" in roles) and "total" not in roles and due is not None:
        warns.append("amount_due set on a refund/benefit letter without a total")
    comps = [a["value"] for a in amounts
             if a["role"] in COMPONENT_ROLES or (a["role"] == "other" and a["value"] < 0)]
    if totals and any(a["role"] in COMPONENT_ROLES for a in amounts):
        s = round(sum(comps), 2)
        if not any(abs(s - tv) < 0.005 for tv in totals):
            if any(subset_explains(amounts, tv) for tv in totals):
                warns.append(f"components add up to {s}, total {totals} only via a subset "
                             "(announced costs, subtotals or payments as positive 'other'?)")
            else:
                errors.append(f"components add up to {s}, no combination gives total {totals}")
    if text is not None:
        for a in amounts:
            if not any(v in text for v in amount_variants(a["value"])):
                errors.append(f"amount {a['value']} not printed in the text")

    # --- dates -------------------------------------------------------------
    if text is not None and letter_date is not None and letter_date not in printed_dates:
        errors.append("letter_date not printed in the text")
    relative = relative_dates(text, letter_date) if (text and letter_date) else set()
    if deadline is not None:
        if letter_date and deadline < letter_date:
            errors.append("deadline before letter_date")
        if text is not None and deadline not in printed_dates and deadline not in relative:
            errors.append("deadline neither printed nor reached by a relative term")
        if deadline in relative and deadline not in printed_dates and deadline.weekday() >= 5:
            warns.append("relative deadline on a weekend (fine: the contract never shifts)")
    if objection is not None:
        if letter_date is None:
            errors.append("objection_deadline without letter_date")
        else:
            day42 = letter_date + dt.timedelta(days=42)
            expected = atw_shift(day42)
            # A short printed term (10 or 14 days) may be read as is or Atw-shifted;
            # the six-week term must be Atw-shifted.
            rel_obj = {atw_shift(d) for d in relative} | {d for d in relative if d != day42}
            if objection != expected and objection not in printed_dates and objection not in rel_obj:
                errors.append(f"objection_deadline {objection} is not date+42 under Atw ({expected}), "
                              "not printed and not a relative term")
            if objection != expected:
                warns.append(f"objection_deadline {objection} differs from date+42 Atw {expected}")
    if t["kind"] in NO_OBJECTION_KINDS and objection is not None:
        errors.append(f"{t['kind']} must have objection_deadline null")
    if "refund" in roles and (t["deadline"] is not None or due is not None) and "total" not in roles:
        errors.append("refund letter must have deadline and amount_due null")
    if t["deadline"] is None and due is not None:
        warns.append("amount_due set but no deadline")

    # --- BSN -----------------------------------------------------------------
    if text is not None:
        bsns = find_bsns(text)
        if t["bsn_found"] and not bsns:
            errors.append("bsn_found is true but no elfproef-valid BSN is printed")
        if not t["bsn_found"] and bsns:
            warns.append(f"bsn_found is false but {len(bsns)} elfproef-valid 9-digit number(s) appear")

    return errors, warns


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(LETTERS.glob("*.json"))
    bad = 0
    for p in paths:
        errors, warns = check(p)
        status = "FAIL" if errors else "ok  "
        print(f"{status} {p.name}")
        for e in errors:
            print(f"     error: {e}")
        for w in warns:
            print(f"     warn:  {w}")
        bad += bool(errors)
    print(f"{len(paths) - bad}/{len(paths)} files pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
