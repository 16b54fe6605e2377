"""Consistency check for first-look batch 102: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses only the helper functions of samples/holdout/tools.py (no snapdebrief import).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount,  # noqa: E402
                   iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de dagtekening
    "11": (14, 0, 0),   # binnen 14 dagen nadat je deze mail hebt ontvangen
    "19": (0, 2, 0),    # binnen twee weken na de datum van deze aanmaning
    "21": (0, 2, 0),    # binnen twee weken na de datum van deze brief
}

# Letters that print their own last day for bezwaar (must then be printed as well).
PRINTED_OBJECTION = {"16"}

# Letters that must be split into pages by a form feed.
TWO_PAGE = {"02", "14", "16"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([13702, -3421], 10281), ([10281, -11733], -1452), ([121] * 12, 1452)],
    "02": [([8947, -7812, -640], 495), ([495, 7], 502)],
    "03": [([187, 18], 205)],
    "04": [([254] * 12, 3048), ([3276, -3048], 228), ([228, 1], 229)],
    "05": [([1476, -1140], 336), ([14] * 24, 336)],
    "06": [([round(287000 * 0.000947, 2), 318.00, 224.50], 814.29), ([407.15, 407.14], 814.29)],
    "07": [([1046.80, -231.75], 815.05)],
    "08": [([341.20, 148.40], 489.60), ([48.96] * 10, 489.60)],
    "09": [([112.00, 9.00], 121.00)],
    "10": [([110.00, 9.00], 119.00), ([119.00, 55.00], 174.00), ([110.00 * 0.5], 55.00)],
    "11": [([39.95, 39.95], 79.90)],
    "12": [([486.00, 72.90, 6.14], 565.04), ([113.01] * 4 + [113.00], 565.04)],
    "13": [([1812.40, 96.37, 404.55], 2313.32), ([2331.92, -2313.32], 18.60)],
    "14": [([1247.63, 38.21, 187.14], 1472.98), ([1472.98, 120.37], 1593.35)],
    "15": [([148.75, 148.75], 297.50)],
    "17": [([231.32] * 5, 1156.60)],
    "20": [([1549.70, -121.84], 1427.86), ([1571.28, -123.90], 1447.38)],
}

# number -> (hoofdsom, printed incassokosten)
WIK = {"11": (79.90, 40.00), "12": (486.00, 72.90), "14": (1247.63, 187.14), "19": (164.38, 40.00)}


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}\n{m} {d.year}",
            f"{d.day} {m}\n{d.year}"]


def printed(d: date, text: str) -> bool:
    return any(f in text for f in date_forms(d))


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b102-(\d\d)-", p.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(kind + "-b102-"):
        errs.append(f"kind/stem {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    for key in ("kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
                "appointment", "amount_due", "amounts", "iban", "payment_reference",
                "reference_numbers", "bsn_found", "notes"):
        if key not in t:
            errs.append(f"missing key {key}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and "achtentwintigste oktober tweeduizendzesentwintig" not in text:
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("explicit deadline not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision of another kind")
        odd = date.fromisoformat(od)
        if num in PRINTED_OBJECTION:
            if not printed(odd, text):
                errs.append("printed objection day not found")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if "bezwaar" not in text.lower() and "beroep" not in text.lower():
            errs.append("objection_deadline but no bezwaar/beroep in text")
    elif kind in OBJECTION_KINDS and t["stage"] == "decision":
        errs.append("decision without objection_deadline")
    # amounts
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    seen = printed_amounts(text)
    missing = {v for v in listed - seen
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if seen - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(seen - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in seen:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
        if not t["iban"]:
            errs.append("amount_due without iban")
        if not dl or dl["action"] not in ("pay", "attend"):
            errs.append("amount_due but no pay/attend deadline")
    # iban and references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}", text):
        if not iban_valid(re.sub(r"\s", "", ib)):
            errs.append(f"printed iban {ib!r} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but found {bsns}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("appointment date != attend deadline")
    # weekdays printed next to dates must be right
    for wd, day, mon, yr in re.findall(
            r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(\d{1,2})\s+(%s)\s+(\d{4})"
            % "|".join(MONTHS), text):
        d = date(int(yr), MONTHS.index(mon) + 1, int(day))
        if DAYS[d.weekday()] != wd:
            errs.append(f"{wd} {day} {mon} {yr} is a {DAYS[d.weekday()]}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    # layout and hygiene
    if num in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    for f in (p, p.with_suffix(".json")):
        if re.search(r"(?<![\w.])/(work|tmp|home|root)/", f.read_text(encoding="utf-8")):
            errs.append(f"absolute path in {f.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
