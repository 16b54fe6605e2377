"""Check every NAME.json of batch 66 against its NAME.txt (run: python check.py)."""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {"02": (14, 0, 0), "10": (14, 0, 0), "15": (10, 0, 0), "18": (0, 4, 0), "21": (21, 0, 0)}
# sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([142.00, 71.00], 213.00)],
    "02": [([1846.00, -700.00], 1146.00), ([1146.00, 18.00], 1164.00)],
    "03": [([480.00] * 6, 2880.00)],
    "04": [([287] * 12, 3444)],
    "05": [([1524.00, -912.00], 612.00), ([127] * 12, 1524), ([25.50] * 24, 612.00)],
    "06": [([341.21, 362.40, 219.84], 923.45), ([461.73, 461.72], 923.45)],
    "07": [([1463.12, -1448.92], 14.20), ([14.20] * 12, 170.40), ([345.00, 170.40], 515.40)],
    "08": [([164.00, 9.00], 173.00)],
    "09": [([430.00, 9.00, 215.00], 654.00), ([430.00 * 0.5], 215.00)],
    "10": [([34.95] * 3, 104.85)],
    "11": [([689.00, 11.33, 103.35], 803.68), ([803.68, 117.78], 921.46)],
    "12": [([21.80, 21.80], 43.60)],
    "13": [([148.75, 148.75], 297.50), ([136.25, 12.50], 148.75), ([59.50] * 5, 297.50)],
    "14": [([768.42, -400.00], 368.42), ([368.42, 768.42], 1136.84)],
    "15": [([27.50, 27.50, 64.18], 119.18)],
    "16": [([142.37 * 21.75], 3096.55), ([3096.55 * 0.75], 2322.41), ([3096.55 * 0.70], 2167.59)],
    "17": [([329.12] * 3, 987.36)],
    "19": [([1580.24, -142.61], 1437.63), ([1437.63 * 18 / 31], 834.75)],
    "22": [([468.60] * 4, 1874.40)],
    "23": [([84.20, 84.20], 168.40)],
    "25": [([21.80] * 11, 239.80)],
}
# WIK checks: number -> (principal, printed costs)
WIK = {"10": (104.85, 40.00), "11": (689.00, 103.35), "14": (1136.84, 170.53)}
WORDS = {"11": "veertiende oktober tweeduizendzesentwintig"}


def forms(d: date) -> list[str]:
    return date_forms(d)


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b66-(\d\d)-", p.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(kind + "-b66-"):
        errs.append("kind/name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {set(t) ^ keys}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")
    if num in WORDS and WORDS[num] not in text:
        errs.append("letter date in words missing")
    if t["sender"].split()[0].lower() not in text.lower() and t["sender"] not in ("SVB",):
        errs.append("sender not in text")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter")
    elif num in RELATIVE:
        errs.append("relative term without deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection on non-decision")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if "zes weken" not in text and "6 weken" not in text:
            errs.append("no six-week term printed")
    if t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection")
    # appointment
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend != appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK {wik(WIK[num][0])} != {WIK[num][1]}")
    # iban / references
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
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} invalid")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid 9-digit numbers")
    for line in text.splitlines():  # a number labelled as BSN must pass the elfproef
        if re.search(r"\bBSN\b|burgerservicenummer", line, re.I):
            nums = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", line)
            if any(not bsn_valid(n.replace(".", "")) for n in nums):
                errs.append(f"labelled BSN fails elfproef: {line.strip()}")
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
    if kinds != KINDS:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
