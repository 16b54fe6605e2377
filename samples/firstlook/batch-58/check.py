"""Consistency check for first-look batch 58: every NAME.json against its NAME.txt.

Run:  python check.py   (from anywhere)
Uses only the helper functions of samples/holdout/tools.py.
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
    KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, MONTHS,
    bsn_valid, kenmerk_valid, iban_valid, objection_deadline, plus, fmt_amount,
    printed_amounts, squash, wik,
)

KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# Relative terms as printed, written down independently of the JSON: nn -> (letter date, days, weeks, months)
RELATIVE = {
    "05": (date(2026, 3, 16), 0, 6, 0),    # binnen zes weken na de datum van deze brief (no ATW shift)
    "08": (date(2026, 5, 12), 14, 0, 0),   # binnen 14 dagen na de dagtekening
    "13": (date(2026, 8, 24), 14, 0, 0),   # veertien dagen vanaf de dag na ontvangst -> from letter date
    "16": (date(2026, 2, 10), 10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "20": (date(2026, 1, 14), 0, 3, 0),    # uiterlijk drie weken na de dagtekening
    "22": (date(2026, 9, 28), 0, 2, 0),    # binnen 2 weken na de datum van deze brief
}

# Letters that print their own last day for bezwaar/beroep
PRINTED_OBJECTION = {"09": date(2026, 8, 19)}

# Sums that must hold: nn -> list of (parts, total)
SUMS = {
    "01": [([17637, -1902, -5338], 10397), ([10397, -9512, -410], 475), ([475, 23], 498)],
    "02": [([11206, -4850, -7808], -1452), ([121] * 12, 1452)],
    "03": [([1364, -300], 1064), ([1064, 18, 7.15], 1089.15)],
    "04": [([243] * 12, 2916)],
    "05": [([1488, -792], 696), ([29] * 24, 696)],
    "06": [([283.97, 336.00, 214.56], 834.53), ([417.27, 417.26], 834.53),
           ([round(318000 * 0.000893, 2)], 283.97)],
    "07": [([118.52, 123.65, 206.73], 448.90), ([round(276000 * 0.000448, 2)], 123.65),
           ([68.91] * 3, 206.73)],
    "08": [([389.40, 8.40], 397.80)],
    "09": [([1642.18, -1478.55], 163.63), ([163.63] * 12, 1963.56), ([612.44, -154.00], 458.44)],
    "10": [([86.00, 9.00], 95.00), ([86.00 / 2], 43.00)],
    "11": [([190.00, 9.00, 95.00], 294.00), ([190.00 / 2], 95.00)],
    "12": [([137.62] * 3, 412.86), ([412.86, 3.91, 18.00], 434.77)],
    "13": [([286.50, 125.50], 412.00)],
    "14": [([1486.35, 41.22, 222.95, 117.94], 1868.46)],
    "15": [([139.95, 11.50], 151.45), ([151.45, 151.45], 302.90), ([60.58] * 5, 302.90)],
    "16": [([689.12, 41.30], 730.42)],
    "17": [([346.78, -100.00], 246.78)],
    "18": [([1912.60, -1005.40], 907.20), ([1912.60, -945.40], 967.20), ([907.20, 967.20], 1874.40),
           ([1874.40, -472.22], 1402.18)],
    "19": [([round(1129.81 * 0.96, 2)], 1084.62)],
    "20": [([1398.40, -69.92], 1328.48), ([round(1398.40 * 0.05, 2)], 69.92),
           ([round(1328.48 * 30 / 31, 2)], 1285.63), ([1285.63, -600.00], 685.63)],
    "23": [([96.14] * 3, 288.42)],
    "25": [([61.37] * 10, 613.70)],
}

# nn -> (hoofdsom, printed incassokosten)
WIK = {"13": (412.00, 61.80), "14": (1486.35, 222.95)}

TWO_PAGE = {"01", "05", "14", "18"}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def amount_printed(v: float, text: str) -> bool:
    s = fmt_amount(v)
    if s in text:
        return True
    return v == int(v) and re.search(r"(?<![\d.,])" + re.escape(s[:-3]) + r"(?![\d,])", text) is not None


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b58-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, nn = m.group(1), m.group(2)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    if "&#12;" in text:
        errs.append("form-feed placeholder left")
    if nn in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            base, days, weeks, months = RELATIVE[nn]
            if base != ld:
                errs.append("relative base is not the letter date")
            if plus(base, days=days, weeks=weeks, months=months) != d:
                errs.append(f"relative deadline should be {plus(base, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif nn in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        want = PRINTED_OBJECTION.get(nn) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if nn in PRINTED_OBJECTION and not any(f in text for f in date_forms(want)):
            errs.append("printed objection day not in text")
    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"]:
            h, mi = ap["time"].split(":")
            if not re.search(rf"(?<!\d){int(h)}[.:]{mi}(?!\d)", text):
                errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    euro = printed_amounts(text)
    if euro - listed:
        errs.append(f"euro amounts printed but not listed {sorted(euro - listed)}")
    missing = sorted(v for v in listed if v not in euro and not amount_printed(v, text))
    if missing:
        errs.append(f"listed amounts not printed {missing}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in euro:
            errs.append("amount_due not printed with a euro sign")
        if round(truth["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if not truth["iban"]:
            errs.append("amount due but no iban")
    # iban
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if truth["iban"]:
        if not iban_valid(truth["iban"]) or truth["iban"] not in flat:
            errs.append("iban invalid or not printed")
    # payment reference and other numbers
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"\d{16}", squash(pr)) and not kenmerk_valid(squash(pr)):
            errs.append("payment_reference check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers {sorted(bsns)}")
    if len(bsns) > 1:
        errs.append(f"more than one BSN-like number {sorted(bsns)}")
    # arithmetic
    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if nn in WIK:
        principal, costs = WIK[nn]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
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
