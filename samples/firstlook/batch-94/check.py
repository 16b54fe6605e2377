"""Check every NAME.json of batch 94 against its NAME.txt.

Run: python check.py   (from anywhere; imports helpers from samples/holdout/tools.py)
Independent of snapdebrief: nothing here imports the package.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, bsn_valid, kenmerk_valid,  # noqa: E402
                   iban_valid, objection_deadline, plus, printed_amounts, fmt_amount, squash, wik)

BATCH = "b94"
FIRST, LAST = date(2026, 1, 1), date(2027, 3, 31)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYWORDS = {15: "vijftiende", 18: "achttiende"}
YEARWORDS = {2026: "tweeduizendzesentwintig", 2027: "tweeduizendzevenentwintig"}


def full_forms(d: date) -> list[str]:
    """Forms that carry the year."""
    m = d.month - 1
    out = [f"{d.day} {MONTHS[m]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
           f"{d.day} {SHORT[m]} {d.year}", f"{d.day} {SHORT[m]}. {d.year}"]
    if d.day in DAYWORDS and d.year in YEARWORDS:
        out.append(f"{DAYWORDS[d.day]} {MONTHS[m]} {YEARWORDS[d.year]}")
    return out


def yearless_forms(d: date) -> list[str]:
    """Forms as text messages and apps print them, without the year."""
    m = d.month - 1
    return [f"{d.day} {MONTHS[m]}", f"{d.day} {SHORT[m]}", d.strftime("%d-%m")]


# Relative terms as printed: stem number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "06": (0, 0, 1),    # binnen één maand na dagtekening dezes
    "16": (14, 0, 0),   # binnen 14 dagen na ontvangst -> from the letter date
    "20": (0, 2, 0),    # binnen 2 weken na de datum van dit bericht
    "25": (7, 0, 0),    # binnen 7 dagen na deze mail
}
# Deadlines printed without a year (SMS / app style); the year comes from the message
YEARLESS_DEADLINE = {"10", "15", "19", "22"}
# Letters whose text states its own last day for objection (none in this batch)
PRINTED_OBJECTION: set[str] = set()
# Two-page letters must contain a form feed
TWO_PAGE = {"04", "11", "13", "18"}

# Sums that must hold: stem number -> list of (parts, total)
SUMS = {
    "01": [([8114, -8797], -683)],
    "02": [([1546, -500], 1046), ([1046, 11, 18], 1075)],
    "03": [([123] * 12, 1476)],
    "04": [([3012, -2388], 624), ([26] * 24, 624)],
    "05": [([298.41, 356.04, 89.43], 743.88), ([74.38] * 9 + [74.46], 743.88)],
    "06": [([612.77, -200.00], 412.77), ([1742.16, -1488.30], 253.86), ([253.86] * 12, 3046.32)],
    "07": [([94, 9], 103)],
    "08": [([150, 9, 75], 234), ([150 * 0.5], 75)],
    "09": [([486.60, 7.12, 72.99], 566.71), ([188.90, 188.90, 188.91], 566.71)],
    "11": [([104.13, 18.32], 122.45), ([1895.00, 64.31, 284.25], 2243.56), ([2243.56, 122.45], 2366.01)],
    "12": [([148.95, 148.95], 297.90)],
    "13": [([181.20] * 6, 1087.20)],
    "14": [([698.15, 114.25], 812.40), ([812.40, 812.40], 1624.80)],
    "15": [([164.00, 212.37], 376.37)],
    "18": [([412.15, 520.60, 453.65], 1386.40)],
    "21": [([137.42] * 3, 412.26)],
    "25": [([74.95, 12.45 * 2, 4.95], 104.80), ([104.80, -24.90], 79.90)],
}
# Incassokosten by the WIK scale: stem number -> (principal, printed costs)
WIK = {"09": (486.60, 72.99), "11": (1895.00, 284.25), "14": (1624.80, 243.72),
       "16": (96.48, 40.00), "25": (79.90, 40.00)}


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    stem = txt.stem
    kind = truth["kind"]
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", stem)
    if not m or m.group(1) != kind:
        errs.append("stem is not <kind>-b94-NN-slug")
        return errs
    num = m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not FIRST <= ld <= LAST:
        errs.append("letter date out of range")
    if not any(f in text for f in full_forms(ld)):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if d < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif num in YEARLESS_DEADLINE:
            if not any(f in text for f in full_forms(d) + yearless_forms(d)):
                errs.append("yearless deadline not printed")
        elif not any(f in text for f in full_forms(d)):
            errs.append("deadline date not printed")
    elif num in RELATIVE or num in YEARLESS_DEADLINE:
        errs.append("deadline missing")

    # objection deadline
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and num not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and not re.search(r"bezwaar|beroep", text, re.I):
        errs.append("objection deadline but no bezwaar/beroep in text")

    # appointment
    ap = truth["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in text for f in full_forms(d) + yearless_forms(d)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not dl or (dl["action"] != "pay" and truth["stage"] != "dagvaarding"):
            errs.append("amount_due without a pay deadline")
    elif dl and dl["action"] == "pay":
        errs.append("pay deadline without amount_due")

    # accounts and references
    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban but nothing to pay")
    for p in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(p.replace(" ", "")):
            errs.append(f"printed iban {p} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{16,19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    # layout
    if num in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    if num not in TWO_PAGE and "\f" in text:
        errs.append("form feed in a one-page letter")

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
