"""Consistency check for first-look batch 65: every NAME.json against NAME.txt.

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
from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount,  # noqa: E402
                   iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts, squash,
                   wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = {"2026-09-22": "tweeëntwintigste september tweeduizendzesentwintig"}

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "09": (14, 0, 0),   # veertien dagen vanaf de dag na ontvangst
    "12": (14, 0, 0),   # veertien dagen, aanvangende op de dag na ontvangst
    "14": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "19": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "20": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
}
# Deadlines printed without a year (year taken from the letter): number -> printed text
NO_YEAR = {"10": "vrijdag 30 oktober", "13": "maandag 1 februari"}
# Objection deadlines printed by the letter itself (none in this batch)
PRINTED_OBJECTION: dict[str, str] = {}

SUMS = {
    "01": [([9214, -3871], 5343), ([5343, -5955], -612)],
    "02": [([1146.00, 18.00, 23.17], 1187.17)],
    "03": [([287] * 12, 3444)],
    "04": [([1476, -624], 852)],
    "05": [([307.94, 389.40, 231.60], 928.94), ([464.47, 464.47], 928.94)],
    "06": [([598.40, -356.16], 242.24), ([60.56] * 4, 242.24)],
    "07": [([146.00, 9.00], 155.00)],
    "08": [([110.00, 9.00, 55.00], 174.00)],
    "09": [([142.80] * 3, 428.40), ([64.26, 13.49], 77.75)],
    "10": [([206.25, 206.25], 412.50), ([206.25, 7.50], 213.75)],
    "12": [([480.00, 100.80], 580.80)],
    "13": [([28.00] * 12, 336.00), ([168.00, 168.00], 336.00), ([29.50] * 12, 354.00)],
    "14": [([1495.00, 116.00, -1000.00], 611.00), ([58.00, 58.00], 116.00)],
    "15": [([1150.00, -600.00], 550.00), ([550.00, 1150.00], 1700.00)],
    "16": [([612.34, 38.20], 650.54), ([650.54, -500.00], 150.54),
           ([150.54, 650.54, 650.54], 1451.62)],
    "17": [([164.00, 164.00, 88.37], 416.37)],
    "18": [([412.50, 271.50], 684.00), ([684.00, 31.46, 102.60], 818.06),
           ([818.06, 118.92], 936.98)],
    "19": [([2340.00, 118.40, 596.00, 210.56, -400.00], 2864.96)],
    "20": [([152.95, 152.95], 305.90), ([61.18] * 5, 305.90)],
    "23": [([118.37] * 3, 355.11)],
    "25": [([40.00] * 12, 480.00), ([480.00, 25.00], 505.00)],
}
# number -> (principal, printed WIK costs, printed btw or None)
WIK = {"09": (428.40, 64.26, 13.49), "12": (580.80, 87.12, None), "16": (1451.62, 217.74, None),
       "18": (684.00, 102.60, None)}


def date_forms(d: date, with_year: bool = True) -> list[str]:
    forms = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
             f"{d.day} {EN[d.month - 1]} {d.year}"]
    if d.isoformat() in WORDS:
        forms.append(WORDS[d.isoformat()])
    return forms


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    flat_ws = norm(text)
    flat = squash(text)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
            "appointment", "amount_due", "amounts", "iban", "payment_reference",
            "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    kind = truth["kind"]
    num = re.search(r"-b65-(\d\d)-", txt.stem).group(1)
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(kind + "-b65-"):
        errs.append("stem does not start with kind-b65-")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in flat_ws for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            want = plus(ld, *RELATIVE[num])
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif num in NO_YEAR:
            if NO_YEAR[num] not in flat_ws or d.year != ld.year + (d.month < ld.month) \
                    or f"{d.day} {MONTHS[d.month - 1]}" not in NO_YEAR[num]:
                errs.append("year-less deadline mismatch")
        elif not any(f in flat_ws for f in date_forms(d)):
            errs.append("explicit deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE or num in NO_YEAR:
        errs.append("relative term listed but no deadline")
    # objection
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
    # amounts
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
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
            errs.append("amount_due without iban")
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
        principal, costs, btw = WIK[num]
        if wik(principal) != costs and round(principal * 0.15, 2) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")
        if fmt_amount(costs) not in text:
            errs.append("WIK costs not printed")
    # appointment
    ap = truth["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in flat_ws.lower() for f in date_forms(d)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    if truth["stage"] in ("info",) and due is not None:
        errs.append("info letter with amount_due")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
