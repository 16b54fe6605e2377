"""Consistency check for first-look batch 96: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Independent of snapdebrief; uses only the helpers of
samples/holdout/tools.py. The per-letter arithmetic below is written down from the letters.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b96"

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "08": (0, 2, 0),    # binnen twee weken na de datum van deze aanmaning
    "12": (14, 0, 0),   # binnen 14 dagen, beginnend de dag na ontvangst -> from letter date
    "13": (10, 0, 0),   # binnen 10 dagen na de datum van deze herinnering
    "21": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "22": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
}

# Objection last day printed in the letter itself (else letter date + 42, Atw shift)
PRINTED_OBJECTION = {"09": date(2026, 8, 13)}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([19117, -3362, -14301], 1454), ([1454, -1116], 338)],
    "02": [([97] * 12, 1164)],
    "03": [([1746, -873], 873), ([873, 18, 4.85], 895.85)],
    "04": [([254] * 12, 3048), ([3216, -3048], 168)],
    "05": [([99] * 12, 1188), ([49.50] * 24, 1188)],
    "06": [([212.38, 326.40, 232.62], 771.40), ([77.14] * 10, 771.40)],
    "07": [([198.72, 371.40, 219.00, 118.44, 72.30, 267.90], 1247.76), ([623.88, 623.88], 1247.76)],
    "08": [([389.16, -200.00], 189.16), ([189.16, 8.00], 197.16)],
    "09": [([336.12, 188.40, 118.20], 642.72), ([336.12, 188.40], 524.52), ([642.72, -524.52], 118.20)],
    "10": [([219, 9], 228), ([219 / 2], 109.50)],
    "11": [([110, 9, 55, 110], 284), ([110 / 2], 55)],
    "12": [([486.40, 72.96], 559.36)],
    "13": [([213.62, -65.00], 148.62)],
    "14": [([312.85, 46.93, 4.12], 363.90)],
    "15": [([1642.18, 38.77, 246.33], 1927.28), ([1927.28, 129.47], 2056.75)],
    "16": [([2318.40, 96.15, 543.00, 121.30, 112.64], 3191.49), ([3191.49, -250.00], 2941.49)],
    "17": [([148.95, 148.95, 85.00], 382.90)],
    "19": [([701.33, 40.85], 742.18), ([742.18, -600.00], 142.18), ([142.18, 742.18], 884.36)],
    "20": [([418.77, 136.00], 554.77)],
    "21": [([512.36, 524.12], 1036.48)],
    "23": [([64.37, 64.37], 128.74)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"12": (486.40, 72.96), "14": (312.85, 46.93), "15": (1642.18, 246.33),
       "19": (884.36, 132.65), "20": (554.77, 83.22)}

REQUIRED = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(rf"(.+)-{BATCH}-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    for k in REQUIRED:
        if k not in truth:
            errs.append(f"missing field {k}")
    if set(truth) - set(REQUIRED):
        errs.append(f"extra fields {set(truth) - set(REQUIRED)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if "<<FF>>" in text:
        errs.append("page marker left in text")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (num == "15" and "vijfde november tweeduizendzesentwintig" in text):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS - {"none"}:
            errs.append(f"deadline action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if dd < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not printed(want, text):
            errs.append("printed objection day not in text")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")

    amounts_printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - amounts_printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if amounts_printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(amounts_printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    ad_ = truth["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in amounts_printed:
            errs.append("amount_due not printed with euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad_, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")

    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
    for p in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(p.replace(" ", "")):
            errs.append(f"printed iban {p} invalid")

    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs {sorted(bsns)}")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if fmt_amount(costs) not in text:
            errs.append("WIK costs not printed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        if not p.with_suffix(".json").exists():
            print("FAIL " + p.stem + "  no json")
            bad += 1
            continue
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    nums = sorted(re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1) for p in files)
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        print(f"numbering not 01..25: {nums}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
