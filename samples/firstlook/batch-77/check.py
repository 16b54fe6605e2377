"""Consistency check for first-look batch 77: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses the helpers of samples/holdout/tools.py (found relative to this file).
"""

from __future__ import annotations

import json
import math
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,
    kenmerk_valid, objection_deadline, plus, squash, wik,
)

BATCH = "b77"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
# looser than tools.AMOUNT_RE: any run of spaces between the euro sign and the digits
AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")
WORD_DATES = {"2026-10-02": "de tweede oktober tweeduizend-"}

# Relative terms as printed, counted from the letter date: number -> (days, weeks, months)
RELATIVE = {
    "04": (14, 0, 0),   # binnen 14 dagen na de dagtekening
    "10": (14, 0, 0),   # binnen veertien dagen na de datum van deze aanmaning
    "14": (14, 0, 0),   # 14 dagen vanaf de dag na ontvangst van deze e-mail
    "15": (8, 0, 0),    # binnen acht dagen na heden
    "19": (0, 6, 0),    # binnen zes weken na de datum van deze brief (lands on Christmas)
}


def r2(x: float) -> float:
    return round(x + 0.0, 2)


def floor_eur(x: float) -> int:
    return math.floor(x + 1e-9)


# Arithmetic that must hold, per letter number: list of (parts, total)
SUMS = {
    "01": [([46318, 6500, -8332], 44486), ([9872, -1540], 8332), ([440000 * 0.0035], 1540),
           ([floor_eur(38883 * 0.3575)], 13900), ([floor_eur(5603 * 0.3756)], 2104),
           ([38883, 5603], 44486), ([13900, 2104], 16004), ([1996, 5512], 7508),
           ([16004, -7508], 8496), ([8496, -7287], 1209), ([110] * 10 + [109], 1209)],
    "02": [([12684, -11452], 1232), ([1232, -850], 382), ([382, 26], 408)],
    "03": [([12871, -11903, -540], 428), ([428, -173], 255)],
    "04": [([1116, -400], 716), ([716, 18, 4.12], 738.12)],
    "05": [([298] * 12, 3576), ([668.90, 43.50], 712.40)],
    "06": [([2112, -1344], 768), ([64] * 12, 768), ([117] * 12, 1404), ([1404, -768], 636),
           ([26.50] * 24, 636)],
    "07": [([8917, -7842], 1075), ([1075, -212], 863)],
    "08": [([r2(318000 * 0.000872)], 277.30), ([277.30, 241.20, 352.08, 88.56], 959.14),
           ([479.57] * 2, 959.14)],
    "09": [([81.44] * 3, 244.32), ([378.72, 134.12, 244.32], 757.16), ([75.71] * 9 + [75.77], 757.16)],
    "10": [([612.40, -306.20], 306.20), ([306.20, 7.00], 313.20)],
    "11": [([336.00, 201.12], 537.12), ([537.12, 74.40], 611.52), ([1512.40, -54.10], 1458.30),
           ([1458.30, -1421.86], 36.44), ([36.44] * 12, 437.28), ([r2(437.28 * 0.8)], 349.82),
           ([537.12, -349.82], 187.30), ([349.82, 74.40], 424.22)],
    "12": [([196, 9], 205)],
    "13": [([440, 9, 220], 669), ([440 * 0.5], 220)],
    "14": [([86.40, 143.25, 61.10], 290.75), ([290.75, -50.00], 240.75), ([240.75, 40.00], 280.75)],
    "15": [([1386.52, 71.18, 207.98, 487.00, 68.00, 121.44, 130.57], 2472.69),
           ([135.00, 248.00, 104.00], 487.00), ([2472.69, -300.00], 2172.69)],
    "16": [([145.70] * 6, 874.20)],
    "17": [([648.35, 36.80], 685.15), ([685.15, -400.00], 285.15), ([685.15, 285.15], 970.30)],
    "18": [([r2(96 * 1.1042)], 106.00), ([r2(96 * 0.4131)], 39.66), ([72.60, 106.00, 39.66], 218.26),
           ([r2(218.26 * 0.09)], 19.64), ([218.26, 19.64], 237.90), ([15.50] * 12, 186.00),
           ([237.90, -186.00], 51.90)],
    "19": [([612.12, 640.08, 590.16], 1842.36), ([223.88, 234.10, 215.86], 673.84),
           ([388.24, 405.98, 374.30], 1168.52), ([612.12, -223.88], 388.24), ([640.08, -234.10], 405.98),
           ([590.16, -215.86], 374.30), ([1842.36, -673.84], 1168.52)],
    "20": [([1580.06, -142.37, -85.32], 1352.37), ([r2(1580.06 * 18 / 31)], 917.45)],
    "21": [([614.20 * 0.25], 153.55), ([614.20, -153.55], 460.65), ([92.13] * 5, 460.65)],
    "23": [([96.34] * 3, 289.02)],
    "24": [([r2(412000 * 0.000901)], 371.21), ([r2(365000 * 0.000901)], 328.87),
           ([371.21, -328.87], 42.34)],
    "25": [([14862.40, -2106.00], 12756.40)],
}
# number -> (principal, printed collection costs)
WIK = {"14": (240.75, 40.00), "15": (1386.52, 207.98)}


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    kind = t["kind"]
    want_keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
                 "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != want_keys:
        errs.append(f"keys {sorted(set(t) ^ want_keys)}")
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")
    if "\f" in text and text.count("\f") < 1:
        errs.append("page split")
    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(t["letter_date"], "\0") not in text:
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if dd != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("printed deadline date not in text")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if ap["place"].split(",")[0] not in text:
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
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
    if len(listed) != len(t["amounts"]):
        errs.append("duplicate amount values")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with euro sign")
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not in amounts")
        if not t["iban"]:
            errs.append("amount_due without iban")
    elif t["iban"]:
        errs.append("iban given but nothing to pay")
    if dl and dl["action"] == "pay" and t["amount_due"] is None:
        errs.append("pay deadline without amount_due")
    # iban, reference, numbers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
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
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
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
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
