"""Consistency check for first-look batch 85: every NAME.json against NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b85"

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "07": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze mail
    "13": (5, 0, 0),    # binnen vijf dagen na dagtekening (falls on a Saturday, no shift)
    "14": (2, 0, 0),    # bevel om binnen twee dagen na heden te voldoen
    "17": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze brief
    "20": (0, 6, 0),    # binnen 6 weken na de datum van deze brief (25 Dec, no shift)
}

# Deadlines printed without a year (chat messages): number -> printed text
NO_YEAR = {"16": "vrijdag 12 juni"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([142] * 11, 1562)],
    "02": [([41092, 1738, -3115], 39715), ([8214, -8637], -423), ([423, -312], 111)],
    "03": [([1046.00, 18.00], 1064.00)],
    "04": [([131] * 3 + [118] * 9, 1455), ([131] * 3, 393)],
    "05": [([3108, -2364], 744), ([31] * 24, 744)],
    "06": [([312.40, 301.20, 84.92], 698.52)],
    "07": [([356.28, -69.12], 287.16), ([287.16, 8.20], 295.36)],
    "08": [([298.40, 78.40], 376.80), ([47.10] * 8, 376.80)],
    "09": [([181, 9], 190), ([181 * 0.5], 90.50)],
    "10": [([109, 9], 118), ([109 * 0.5], 54.50), ([109, 54.50, 9], 172.50)],
    "11": [([29.95] * 3, 89.85)],
    "12": [([189.95, 40.00, 2.37], 232.32)],
    "13": [([612.48, 14.21, 91.87], 718.56)],
    "14": [([132.00, 271.00, 115.31], 518.31),
           ([1874.40, 96.12, 281.16, 518.31, 68.00, 126.89], 2964.88),
           ([2964.88, -150.00], 2814.88)],
    "15": [([148.65, 148.65], 297.30)],
    "16": [([975, 975], 1950), ([1950, 35], 1985)],
    "17": [([705.20, 705.20], 1410.40), ([662.85, 42.35], 705.20), ([211.56, 44.43], 255.99),
           ([1410.40, 255.99], 1666.39)],
    "19": [([21.40, 21.40, 63.17], 105.97)],
    "20": [([1214.56, -372.46], 842.10)],
    "21": [([1401.71 * 27 / 31], 1220.84)],
    "23": [([86.43, 86.43], 172.86)],
}

# number -> (principal, printed collection costs, printed btw or None)
WIK = {"11": (89.85, 40.00, None), "12": (189.95, 40.00, None), "13": (612.48, 91.87, None),
       "14": (1874.40, 281.16, None), "17": (1410.40, 211.56, 44.43)}

ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
WORDS = {date(2026, 12, 8): "de achtste december tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            f"{d.day} {ABBR[d.month - 1]}. {d.year}", f"{d.day} {m}"] + ([WORDS[d]] if d in WORDS else [])


def printed(d: date, text: str, with_year: bool = True) -> bool:
    low = text.lower()
    forms = date_forms(d) if not with_year else [f for f in date_forms(d) if str(d.year) in f or "tweeduizend" in f]
    return any(f.lower() in low for f in forms)


def sum_ok(parts, total) -> bool:
    return abs(round(sum(parts), 2) - round(total, 2)) < 0.005


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    for key in ("sender", "notes"):
        if not truth.get(key):
            errs.append(f"empty {key}")
    if re.search(r"(^|[\s(])/(work|tmp)\b", text):
        errs.append("absolute path in letter")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
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
        elif num in NO_YEAR:
            if NO_YEAR[num] not in text or not printed(dd, text, with_year=False) or dd.year != ld.year:
                errs.append("yearless deadline mismatch")
        elif not printed(dd, text):
            errs.append("explicit deadline not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection_deadline on a kind without bezwaar")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif kind in OBJECTION_KINDS and truth["stage"] == "decision":
        errs.append("decision without objection_deadline")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")

    got = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - got
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if got - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in got:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]) \
                and not any(a["role"] == "principal" and a["value"] == due for a in truth["amounts"]):
            errs.append("amount_due has no total/principal role")
        if not truth["iban"]:
            errs.append("amount due but no iban")
    if due is None and truth["iban"]:
        errs.append("iban without amount due")
    if dl and dl["action"] == "pay" and due is None:
        errs.append("pay deadline without amount_due")

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

    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    for parts, total in SUMS.get(num, []):
        if not sum_ok(parts, total):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-" + BATCH + "-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds missing:", ", ".join(sorted(missing)))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
