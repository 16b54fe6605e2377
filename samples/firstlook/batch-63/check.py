"""Consistency check for first-look batch 63: every NAME.json against NAME.txt.

Run: python check.py   (uses helper functions from samples/holdout/tools.py)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, MONTHS, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b63"

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen veertien dagen na de dagtekening
    "04": (0, 0, 1),    # binnen één maand na dagtekening dezes
    "13": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen
    "21": (8, 0, 0),    # binnen acht dagen na de datum van deze brief
}
# objection days printed in the letter itself
PRINTED_OBJECTION = {"05": date(2026, 8, 27)}
# letter dates written only in words
DATE_WORDS = {"14": "de tweede november tweeduizendzesentwintig"}

SUMS = {
    "01": [([290.02, 371.40, 224.16, 121.88, 132.92, 233.49], 1373.87), ([686.94, 686.93], 1373.87),
           ([3 * 77.83], 233.49)],
    "02": [([256.18, 256.18], 512.36), ([256.18, 9.00], 265.18)],
    "03": [([118.74, 72.05], 190.79)],
    "04": [([4381.17, -2896.40], 1484.77)],
    "05": [([402.60, 191.24, 104.52, 162.28], 860.64), ([296.10, 149.54, 104.52, 162.28], 712.44),
           ([106.50, 41.70], 148.20), ([712.44, 148.20], 860.64), ([148.20, -60.00], 88.20),
           ([402.60, -296.10], 106.50), ([191.24, -149.54], 41.70)],
    "06": [([428.68, -397.82], 30.86), ([152.49, -141.51], 10.98), ([30.86, 10.98], 41.84)],
    "07": [([5163, -2809], 2354), ([214] * 11, 2354)],
    "08": [([1146.00, 18.00, 11.42], 1175.42)],
    "09": [([296] * 12, 3552)],
    "10": [([1512, -798], 714), ([29.75] * 24, 714)],
    "11": [([176, 9], 185)],
    "12": [([454, 9, 227], 690), ([454 * 0.5], 227)],
    "14": [([847.21] * 3, 2541.63), ([2541.63, 379.16, 12.87], 2933.66), ([2933.66, 126.41], 3060.07)],
    "15": [([1384.20, 61.37, 207.63, 356.00, 118.14], 2127.34), ([2127.34, -150.00], 1977.34)],
    "17": [([763.10, -400.00], 363.10)],
    "18": [([812.40, 512.40], 1324.80), ([812.40, -300.00], 512.40), ([220.80] * 6, 1324.80)],
    "19": [([146.32, 24.50, 24.50], 195.32)],
    "20": [([312.60, 298.14, 330.02, 287.76], 1228.52)],
    "24": [([86.42, 86.42], 172.84)],
}
# tariff x base = printed amount (rounded to cents)
PRODUCTS = {
    "01": [(318000, 0.000912, 290.02), (318000, 0.000418, 132.92)],
    "06": [(389000, 0.001102, 428.68), (361000, 0.001102, 397.82), (389000, 0.000392, 152.49),
           (361000, 0.000392, 141.51)],
}
# principal -> printed incassokosten (Besluit BIK)
WIK = {"13": (98.85, 40.00), "14": (2541.63, 379.16), "15": (1384.20, 207.63), "18": (1324.80, 198.72)}


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y")]


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(rf"^(.+)-{BATCH}-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if t["stage"] not in STAGES or t["stage"] is None:
        errs.append("stage")
    if not t["sender"] or not t["notes"]:
        errs.append("sender/notes empty")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if num in DATE_WORDS:
        if DATE_WORDS[num] not in text:
            errs.append("letter date (words) not printed")
    elif not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection on non-decision")
        if t["stage"] in ("reminder", "aanmaning"):
            errs.append("objection on a reminder")
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not any(f in text for f in forms(want)):
            errs.append("printed objection day not in text")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        for part in ap["place"].split(", "):
            if part not in text:
                errs.append(f"place part '{part}' not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for base, rate, amount in PRODUCTS.get(num, []):
        if round(base * rate + 1e-9, 2) != amount:
            errs.append(f"{base} x {rate} = {round(base * rate, 2)} != {amount}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK on {WIK[num][0]} is {wik(WIK[num][0])}")
    # money identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
        if t["amount_due"] is None:
            errs.append("iban without amount_due")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(p.stem.split(f"-{BATCH}-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
