"""Consistency check for first-look batch 81: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses the helpers of samples/holdout/tools.py.
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
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,
    kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

BATCH = "b81"
ABS_PATH = re.compile("/" + "(?:wo" + "rk|tm" + "p)/")  # split so this file does not match itself
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# letters whose text prints its own last day for bezwaar/beroep
PRINTED_OBJECTION_DAY = {"13"}

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "05": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "16": (14, 0, 0),   # binnen 14 dagen na de dag waarop je deze brief hebt gekregen
    "23": (10, 0, 0),   # binnen 10 dagen na de datum van dit bericht
    "24": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
}

# sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([57052, 1540, -6212], 52380), ([1549, 4689], 6238), ([18993, -6238], 12755),
           ([12755, -11634, -420], 701), ([701, 18], 719)],
    "02": [([203] * 12, 2436), ([round(412000 * 0.0035)], 1442)],
    "03": [([5611, -4102], 1509), ([1509, -600], 909), ([909, 23], 932), ([932, -347], 585)],
    "04": [([188, 94], 282), ([188 / 2], 94)],
    "05": [([612, -250], 362), ([362, 9, 4.37], 375.37)],
    "06": [([1176, -948], 228), ([98] * 12, 1176), ([79] * 12, 948)],
    "07": [([3036, -2184], 852), ([35.50] * 24, 852)],
    "08": [([952, -312], 640), ([640, -215], 425)],
    "09": [([round(338000 * 0.000812, 2)], 274.46), ([274.46, 351.60, 224.28], 850.34),
           ([425.17, 425.17], 850.34)],
    "10": [([round(295000 * 0.000423 + 1e-9, 2)], 124.79), ([79.90] * 3, 239.70),
           ([151.48, 124.79, 239.70], 515.97)],
    "11": [([8412.96, -1512.48, -452.13], 6448.35)],
    "12": [([round(287000 * 0.00111, 2)], 318.57), ([round(271000 * 0.00111, 2)], 300.81),
           ([318.57, -300.81], 17.76)],
    "13": [([338.40, 196.56], 534.96), ([1417.37, -1398.87], 18.50), ([18.50] * 12, 222.00),
           ([222.00 * 0.8], 177.60), ([534.96, -177.60], 357.36), ([44.40] * 4, 177.60)],
    "14": [([189, 10], 199)],
    "15": [([110, 10, 55], 175), ([110 / 2], 55)],
    "16": [([386.80, 58.02], 444.82)],
    "17": [([2316.40, 84.17, 347.46, 588.00, 123.76, -250.00], 3209.79)],
    "18": [([151.25, 24.50], 175.75), ([175.75, 175.75], 351.50)],
    "19": [([745.10, 67.30], 812.40), ([812.40, -300.00, 812.40], 1324.80)],
    "20": [([158.00] * 12, 1896.00), ([2184.66, -1896.00], 288.66)],
    "21": [([1688.40, -1077.20], 611.20), ([1688.40, -1062.80], 625.60), ([611.20, 625.60], 1236.80),
           ([1236.80, -394.63], 842.17)],
    "22": [([421.54, 1580.76, 1612.84], 3615.14), ([3615.14, -326.91], 3288.23), ([3288.23, -186.00], 3102.23),
           ([round(1580.76 * 8 / 30, 2)], 421.54)],
    "24": [([67.34] * 3, 202.02)],
}

# statutory collection costs (Besluit vergoeding buitengerechtelijke incassokosten)
WIK = {"16": (386.80, 58.02), "17": (2316.40, 347.46)}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), d.isoformat()]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    kind = truth["kind"]
    m = re.fullmatch(rf"(.+)-{BATCH}-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != kind:
        return [f"name does not match <kind>-{BATCH}-NN-slug"]
    num = m.group(2)
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if ABS_PATH.search(text):
        errs.append("absolute path in letter")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")

    # deadline: relative terms computed, printed dates must appear
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
            errs.append("printed deadline date not in text")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od:
        odd = date.fromisoformat(od)
        if num in PRINTED_OBJECTION_DAY:
            if not any(f in text for f in date_forms(odd)):
                errs.append("printed objection day not in text")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")

    # amounts: every printed amount listed, every listed amount printed
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not dl or dl["action"] != "pay":
            if kind != "deurwaarder":
                errs.append("amount_due without a pay deadline")
    if dl and dl["action"] == "pay" and due is None:
        errs.append("pay deadline without amount_due")

    # accounts and references
    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban without amount_due")
    for raw in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(raw.replace(" ", "")):
            errs.append(f"printed iban {raw} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        digits = pr.replace(" ", "")
        if len(digits) == 16 and digits.isdigit() and not kenmerk_valid(digits):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # BSN: only valid BSNs count; the flag must match
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    # appointment
    ap = truth["appointment"]
    if ap:
        apd = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(apd)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

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
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    for extra in ("README.md", "check.py"):
        p = HERE / extra
        if p.exists() and ABS_PATH.search(p.read_text(encoding="utf-8")):
            print(f"absolute path in {extra}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
