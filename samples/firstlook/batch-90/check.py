"""Consistency check for first-look batch 90: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
Uses only the helper functions of samples/holdout/tools.py; the arithmetic per letter is
written down here independently of the JSON files.
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
    KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, bsn_valid, iban_valid, kenmerk_valid,
    objection_deadline, plus, printed_amounts, fmt_amount, squash, wik,
)

BATCH = "b90"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]
WORDS = {"2026-11-18": "achttiende november tweeduizendzesentwintig"}

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "04": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "13": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen (from letter date)
    "14": (7, 0, 0),    # binnen zeven dagen na de datum van deze e-mail
    "19": (14, 0, 0),   # binnen 14 dagen na dagtekening van deze e-mail
    "20": (0, 6, 0),    # binnen zes weken na de datum van deze brief
    "22": (0, 3, 0),    # binnen drie weken na de datum van deze brief
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([49806, -3488], 46318), ([16914, -2113, -5376], 9425), ([9425, -8611], 814),
           ([814, 356], 1170)],
    "02": [([3518, -42], 3476), ([3476, -3476], 0)],
    "03": [([15496, -14212], 1284), ([107] * 12, 1284)],
    "04": [([2346, -900], 1446), ([1446, 18, 23.74], 1487.74)],
    "05": [([96] * 12, 1152), ([103] * 12, 1236), ([1236, -1152], 84)],
    "06": [([265] * 12, 3180), ([242] * 12, 2904), ([3180, -2904], 276)],
    "07": [([8150, -7412], 738), ([31] * 23 + [25], 738)],
    "08": [([305.60, 341.52, 224.16], 871.28), ([435.64, 435.64], 871.28),
           ([87.13] * 9 + [87.11], 871.28)],
    "09": [([68.47] * 3, 205.41), ([121.08, 205.41], 326.49), ([121.08, 68.47], 189.55),
           ([326.49, -189.55], 136.94), ([205.41, -68.47], 136.94)],
    "10": [([1689.35, -184.20, -78.25], 1426.90), ([1426.90, -1401.65], 25.25),
           ([25.25] * 12, 303.00), ([312.40, 183.78], 496.18), ([496.18, -242.40], 253.78)],
    "11": [([440, 9], 449)],
    "12": [([150, 9, 75, 150], 384), ([384, -100], 284)],
    "13": [([34.95] * 3 + [2.50] * 3, 112.35)],
    "14": [([489, -100], 389), ([389, 7.14, 58.35], 454.49)],
    "15": [([1326.48, 61.19, 198.97], 1586.64), ([1586.64, 126.71], 1713.35)],
    "16": [([158.45] * 3 + [96.20], 571.55), ([571.55, -150], 421.55)],
    "17": [([45.00] * 12, 540.00), ([624.36, -540.00], 84.36), ([1045.00, 1045.00, 84.36], 2174.36),
           ([2174.36, -600.00], 1574.36)],
    "18": [([1118.42, 1264.91, 497.63, -732.60], 2148.36), ([165.00] * 12, 1980.00),
           ([2148.36, -1980.00], 168.36)],
    "19": [([32.64] * 7, 228.48), ([228.48, -186.33], 42.15), ([97.50, -42.15], 55.35)],
    "20": [([612.40, 287.95], 900.35)],
    "21": [([876.40, -219.10], 657.30), ([1398.20, -657.30], 740.90), ([740.90, -526.53], 214.37)],
    "23": [([42015, -22785], 19230), ([64.10] * 3, 192.30), ([192.30, -50.00], 142.30)],
    "25": [([745.71, 1443.68, 95.88, 462.12, -701.39], 2046.00)],
}

# Products and percentages: number -> list of (a, b, result) with round(a * b, 2) == result
PRODUCTS = {
    "08": [(318000, 0.000961, 305.60)],
    "10": [(303.00, 0.80, 242.40)],
    "21": [(876.40, 0.25, 219.10)],
    "23": [(19230, 0.04, 769.20), (769.20, 1 / 12, 64.10)],
    "25": [(2046.00, 1 / 12, 170.50)],
}

# Collection costs under the WIK: number -> (principal, printed or announced costs)
WIK = {"13": (112.35, 40.00), "14": (389.00, 58.35), "15": (1326.48, 198.97)}

ABSOLUTE = re.compile(r"(?<![\w.])/(work|tmp)/")


def date_forms(d: date) -> list[str]:
    m = d.month - 1
    forms = [f"{d.day} {MONTHS[m]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
             d.strftime("%d.%m.%Y"), f"{d.day} {ABBR[m]}. {d.year}", f"{d.day} {EN[m]} {d.year}"]
    if d.isoformat() in WORDS:
        forms.append(WORDS[d.isoformat()])
    return forms


def day_month_printed(d: date, text: str) -> bool:
    """A date printed without its year (e.g. 'maandag 9 november')."""
    return any(f in text for f in date_forms(d)) or f"{d.day} {MONTHS[d.month - 1]}" in text


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    kind = truth["kind"]

    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append("stem does not start with kind")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if ABSOLUTE.search(text):
        errs.append("absolute path in letter")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("explicit deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od is not None:
        errs.append("objection_deadline on a letter that is no decision open to bezwaar")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not day_month_printed(ad, text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")

    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = printed_amounts(text)
    missing = {v for v in listed
               if fmt_amount(v) not in text and not (v == int(v) and f"€ {fmt_amount(v)[:-3]}" in text)}
    if printed - listed:
        errs.append(f"printed, not listed: {sorted(printed - listed)}")
    if missing:
        errs.append(f"listed, not printed: {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        totals = [a["value"] for a in truth["amounts"] if a["role"] == "total"]
        if round(due, 2) not in {round(t, 2) for t in totals}:
            errs.append("amount_due is not the amount with role total")
        if not truth["iban"]:
            errs.append("amount due but no iban")

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
        if pr not in text and squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if r not in text and squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    nines = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    valid = {n.replace(".", "") for n in nines if bsn_valid(n.replace(".", ""))}
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers {sorted(valid)}")
    if truth["bsn_found"] and "urgerservicenummer" not in text and "BSN" not in text:
        errs.append("BSN printed without a label")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for a, b, result in PRODUCTS.get(num, []):
        if round(a * b + 1e-9, 2) != round(result, 2):
            errs.append(f"{a} x {b} = {round(a * b, 2)}, printed {result}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if num in SUMS or num in PRODUCTS:
        for parts, total in SUMS.get(num, []):
            for v in [abs(p) for p in parts] + [total]:
                if round(v, 2) not in listed and v != 0 and fmt_amount(v) not in text \
                        and f"€ {fmt_amount(v)[:-3]}" not in text and fmt_amount(v)[:-3] not in text:
                    errs.append(f"sum term {v} appears nowhere")
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
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    for extra in ("README.md", "check.py"):
        f = HERE / extra
        if f.exists() and ABSOLUTE.search(f.read_text(encoding="utf-8")):
            print(f"absolute path in {extra}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
