"""Consistency check for first-look batch 57: every NAME.json against NAME.txt.

Run: python check.py   (uses the helpers of samples/holdout/tools.py, nothing of snapdebrief)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b57"

# Relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE = {
    "13": (date(2026, 8, 18), 14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "17": (date(2026, 4, 28), 0, 0, 1),    # binnen één maand na de datum van deze brief
    "20": (date(2026, 3, 5), 14, 0, 0),    # binnen 14 dagen na ontvangst -> from letter date
}


def r2(x: float) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def mul(a: float, b: float) -> float:
    return float((Decimal(str(a)) * Decimal(str(b))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "10": [([742.18, 742.18], 1484.36), ([1484.36, -300.00], 1184.36), ([689.43, 52.75], 742.18)],
    "11": [([1204.80, 24.95, 180.72], 1410.47), ([1410.47, 117.38], 1527.85),
           ([mul(1204.80 * 0.06, 126 / 365)], 24.95)],
    "12": [([17486, -1352, -5210, -7613], 3311), ([301] * 11, 3311)],
    "13": [([1142.00, -400.00], 742.00), ([742.00, 18.00, 11.37], 771.37)],
    "14": [([284] * 12, 3408)],
    "15": [([123] * 12, 1476), ([1476, -912], 564), ([23.50] * 24, 564)],
    "16": [([132.00, 122.30, 287.40], 541.70), ([95.80] * 3, 287.40), ([mul(312000, 0.000392)], 122.30)],
    "17": [([389.16, 201.48], 590.64), ([1486.22, -1470.72], 15.50), ([15.50] * 12, 186.00),
           ([590.64, -186.00], 404.64)],
    "18": [([197.00, 9.00], 206.00)],
    "19": [([150.00, 9.00, 75.00, 150.00], 384.00), ([mul(150, 0.5)], 75.00)],
    "20": [([34.95] * 3, 104.85), ([104.85, 40.00], 144.85)],
    "21": [([158.75] * 2, 317.50)],
    "22": [([131.00] * 3 + [93.40], 486.40)],
    "23": [([mul(142.37, 0.75)], 106.78), ([mul(142.37, 0.70)], 99.66),
           ([mul(106.78, 21.75)], 2322.47), ([mul(99.66, 21.75)], 2167.61)],
    "24": [([87.34] * 2, 174.68)],
    "25": [([49.00, 189.00], 238.00)],
}

# Buitengerechtelijke incassokosten printed: number -> (hoofdsom, costs)
WIK = {"11": (1204.80, 180.72), "20": (104.85, 40.00)}

WORD_HOURS = ["twaalf", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
              "tien", "elf"]


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def time_forms(hhmm: str) -> list[str]:
    h, m = (int(x) for x in hhmm.split(":"))
    forms = [f"{h}:{m:02d}", f"{h:02d}:{m:02d}", f"{h}.{m:02d}", f"{h:02d}.{m:02d}",
             f"tussen {h} en"]
    h12 = h % 12
    nxt = WORD_HOURS[(h12 + 1) % 12]
    if m == 15:
        forms.append(f"kwart over {WORD_HOURS[h12]}")
    if m == 30:
        forms.append(f"half {nxt}")
    if m == 45:
        forms.append(f"kwart voor {nxt}")
    return forms


def flat_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    ws = flat_ws(text)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
            "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    kind = truth["kind"]
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != kind or kind not in KINDS:
        errs.append("name/kind")
        return errs
    num = m.group(2)
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in ws for f in date_forms(ld)):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if dd < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            base, days, weeks, months = RELATIVE[num]
            if base != ld:
                errs.append("relative base != letter date")
            if plus(base, days=days, weeks=weeks, months=months) != dd:
                errs.append(f"relative deadline should be {plus(base, days, weeks, months)}")
        elif not any(f in ws for f in date_forms(dd)):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and (kind not in OBJECTION_KINDS or truth["stage"] != "decision"):
        errs.append("objection_deadline on a non-decision")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in ws for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and not any(f in ws for f in time_forms(ap["time"])):
            errs.append(f"appointment time {ap['time']} not printed in any form")
        if not ap["place"]:
            errs.append("appointment without place")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
        if dl and date.fromisoformat(dl["date"]) > ad:
            errs.append("deadline later than the appointment")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")

    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")
    elif truth["iban"]:
        errs.append("iban without anything due")

    # accounts and references
    flat = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # BSN (elfproef)
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSNs printed")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # form feeds: two-page letters
    if kind in {"deurwaarder"} and "\f" not in text:
        errs.append("expected two pages")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
