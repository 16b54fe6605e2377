"""Consistency check for first-look batch 76: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses the helper functions of samples/holdout/tools.py (found relative to this file).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,
    objection_deadline, plus, printed_amounts, squash, wik,
)

OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
# An absolute path into this machine's checkout or scratch space (built so this file holds none).
ABS_PATH = re.compile("(?<![\\w.])/(" + "wo" + "rk" + "|" + "tm" + "p" + ")/")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# Letter dates written only in words (old-fashioned exploten).
WORD_DATES = {
    "11": "de vijfde november tweeduizendzesentwintig",
    "23": "negenentwintig september tweeduizendzesentwintig",
}
# Relative terms as printed: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "06": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "10": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail
    "11": (14, 0, 0),   # binnen veertien dagen na heden
    "15": (10, 0, 0),   # binnen 10 dagen (postcard)
    "19": (8, 0, 0),    # binnen 8 dagen na vandaag
}
# Dates printed without a year (text messages): the year is the letter's year.
YEARLESS = {"09", "21"}
# Letters whose own objection term is not the standard 6 weeks: none in this batch.
PRINTED_OBJECTION = {}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "02": [([1115.00, -500.00], 615.00), ([615.00, 18.00], 633.00)],
    "03": [([131.00] * 12, 1572.00)],
    "04": [([3456.00, -2904.00], 552.00), ([23.00] * 24, 552.00)],
    "05": [([269.73, 398.04, 219.60, 127.74, 104.35, 206.70], 1326.16), ([68.90] * 3, 206.70),
           ([132.62] * 9 + [132.58], 1326.16), ([341000 * 0.000791], 269.73),
           ([341000 * 0.000306], 104.35)],
    "06": [([486.40, -312.40], 174.00), ([14.50] * 12, 174.00)],
    "07": [([110.00, 9.00], 119.00)],
    "08": [([95.00, 9.00, 47.50], 151.50), ([95.00 * 0.5], 47.50)],
    "09": [([29.95, 29.95], 59.90)],
    "11": [([1640.00, 88.17, 512.79, 128.62, 166.38, 96.25, -200.00], 2432.21)],
    "12": [([143.70, 143.70], 287.40)],
    "14": [([742.35, -360.00], 382.35), ([382.35, 742.35], 1124.70)],
    "16": [([134.00] * 3, 402.00)],
    "17": [([118.40 * 21.75 * 0.75], 1931.40)],
    "20": [([94.12] * 3 + [3.07], 285.43)],
    "23": [([1520.00, 48.36, 228.00], 1796.36), ([1796.36, 120.87], 1917.23)],
    "24": [([65.00] * 6, 390.00)],
    "25": [([96.00] * 12, 1152.00)],
}
# Statutory collection costs (WIK) printed: number -> (principal, printed costs)
WIK = {"10": (184.50, 40.00), "16": (402.00, 60.30), "23": (1520.00, 228.00)}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed_date(d: date, text: str, num: str) -> bool:
    if any(f in text for f in date_forms(d)):
        return True
    if num in YEARLESS and f"{d.day} {MONTHS[d.month - 1]}" in text:
        return True
    return False


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.search(r"-b76-(\d\d)-", txt.stem)
    if not m:
        return ["name does not contain -b76-NN-"]
    num = m.group(1)
    kind = truth["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(kind + "-b76-"):
        errs.append("name does not start with kind")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    for key in ("sender", "notes"):
        if not truth.get(key):
            errs.append(f"{key} empty")
    if ABS_PATH.search(text):
        errs.append("absolute path in letter")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not (printed_date(ld, text, num) or (num in WORD_DATES and WORD_DATES[num] in text)):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed_date(d, text, num):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        want = PRINTED_OBJECTION.get(num, objection_deadline(ld))
        if od != want.isoformat():
            errs.append(f"objection {od} != {want}")
    elif od:
        if truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        elif date.fromisoformat(od) != plus(ld, weeks=6):
            errs.append("own objection term is not 6 weeks after the letter date")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("objection_deadline on a reminder")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed_date(ad, text, num):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or (dl["action"] == "attend" and dl["date"] != ap["date"]):
            errs.append("appointment / attend deadline mismatch")
    if dl and dl["action"] == "attend" and not ap:
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
        if not truth["iban"]:
            errs.append("amount_due without an account to pay to")
    elif truth["iban"]:
        errs.append("iban given but nothing to pay")

    # accounts, references, identifiers
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
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
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
    readme = HERE / "README.md"
    for own in [readme, Path(__file__)]:
        if own.exists() and ABS_PATH.search(own.read_text(encoding="utf-8")):
            print(f"absolute path in {own.name}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
