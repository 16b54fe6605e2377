"""Consistency check for first-look batch 98: every NAME.json against its NAME.txt.

Run: python check.py   (from any directory). Imports helpers from samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, bsn_valid, iban_valid,  # noqa: E402
                   kenmerk_valid, objection_deadline, plus, printed_amounts, fmt_amount, squash, wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
WORD_DATES = {date(2026, 10, 15): "vijftiende oktober tweeduizendzesentwintig"}

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {"02": (14, 0, 0), "06": (14, 0, 0), "11": (14, 0, 0), "12": (2, 0, 0),
            "14": (5, 0, 0), "17": (10, 0, 0)}
# deadlines printed without a year (year taken from the letter date)
NO_YEAR = {"10", "13", "23"}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([16438, -15262], 1176), ([98] * 12, 1176)],
    "02": [([1043.00, -400.00], 643.00), ([643.00, 18.00], 661.00)],
    "03": [([312 - 287] * 3, 75)],
    "04": [([123] * 12, 1476), ([1476, -948], 528), ([22] * 24, 528)],
    "05": [([297.02, 214.60, 341.88], 853.50), ([85.35] * 10, 853.50)],
    "07": [([318.00, 176.40], 494.40)],
    "08": [([178.00, 9.00], 187.00)],
    "09": [([109.00, 9.00, 54.50, 109.00], 281.50), ([109.00 / 2], 54.50)],
    "10": [([29.95, 29.95, 2.50], 62.40)],
    "11": [([64.99, 40.00], 104.99)],
    "12": [([1486.20, 63.17, 222.93, 118.39, 135.00, 248.00, 67.00, 118.56], 2459.25),
           ([2459.25, -150.00], 2309.25)],
    "14": [([512.36, 14.87, 76.85], 604.08)],
    "15": [([648.15, 64.25], 712.40)],
    "20": [([363.21, 299.11], 662.32)],
    "22": [([87.44, -40.00], 47.44), ([87.44, 47.44], 134.88)],
    "25": [([671.30, 38.50], 709.80), ([698.15, 38.50], 736.65), ([round(671.30 * 1.04, 2)], 698.15)],
}
WIK = {"11": (64.99, 40.00), "12": (1486.20, 222.93), "14": (512.36, 76.85)}
SHORT_LETTERS = {"03", "06", "07", "10", "13", "15", "16", "17", "23", "24"}  # under 120 words


def forms(d: date, year: bool = True) -> list[str]:
    out = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
           f"{d.day} {SHORT[d.month - 1]}. {d.year}", f"{d.day} {SHORT[d.month - 1]} {d.year}"]
    if not year:
        out += [f"{d.day} {MONTHS[d.month - 1]}", f"{d.day} {SHORT[d.month - 1]}"]
    if d in WORD_DATES:
        out.append(WORD_DATES[d])
    return out


def printed(d: date, text: str, year: bool = True) -> bool:
    flat = " ".join(text.split())
    return any(re.search(r"(?<!\d)" + re.escape(f) + r"(?!\d)", flat) for f in forms(d, year))


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b98-(\d\d)-", p.stem).group(1)
    kind = t["kind"]
    want_keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
                 "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != want_keys:
        errs.append(f"keys {sorted(set(t) ^ want_keys)}")
    if kind not in KINDS or not p.stem.startswith(kind + "-b98-"):
        errs.append("kind / name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    if re.search(r"/(work|tmp)/", text):
        errs.append("absolute path in text")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not printed(d, text, year=num not in NO_YEAR):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and (kind not in OBJECTION_KINDS or t["stage"] != "decision"):
        errs.append("objection_deadline on non-decision")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text, year=False) and \
                f"{date.fromisoformat(ap['date']).day} sep" not in text:
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].lstrip("0").replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    amounts = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - amounts if fmt_amount(v) not in text}
    if amounts - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(amounts - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in amounts:
            errs.append("amount_due not printed")
        if not dl or dl["action"] != "pay":
            errs.append("amount_due without pay deadline")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
    elif t["amount_due"] is not None and re.search(r"NL\d\d ?[A-Z]{4}", text) and num not in {"13", "17"}:
        errs.append("amount due, IBAN printed, but iban null")
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
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSNs printed")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [total] + [abs(x) for x in parts if abs(x) != 0]:
            pass
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} = {wik(principal)}, printed {costs}")
    if num in SHORT_LETTERS:
        words = len(re.findall(r"\w+", text))
        if words >= 150:  # includes header, address and contact lines
            errs.append(f"short letter has {words} words incl. header")
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
        print(f"missing kinds: {sorted(KINDS - kinds)}")
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
