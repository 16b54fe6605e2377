"""Consistency check for first-look batch 59: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses only the helpers in samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES,  # noqa: E402
                   bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "59"

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "02": (7, 0, 0),    # binnen 7 dagen na de datum van deze aanmaning
    "03": (14, 0, 0),   # 14 dagen vanaf de dag na ontvangst
    "05": (14, 0, 0),   # binnen veertien dagen na de datum van deze brief
    "08": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "09": (2, 0, 0),    # binnen twee dagen na heden
    "12": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "14": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "18": (0, 0, 1),    # binnen één maand na de datum van deze brief
    "20": (0, 2, 0),    # binnen twee weken na de datum van deze brief
    "22": (0, 3, 0),    # binnen drie weken na de datum van deze brief
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([127.50, 127.50, -38.40], 216.60)],
    "02": [([285.00, 4.95], 289.95), ([289.95, -100.00, -34.99], 154.96)],
    "03": [([64.99, 64.99, 282.39], 412.37)],
    "04": [([93.00, 93.00], 186.00), ([186.00, 40.00, 3.12, -50.00], 179.12), ([89.56, 89.56], 179.12)],
    "05": [([312.40, -163.80], 148.60)],
    "06": [([1036.45, 155.47, 32.65, 14.82, -200.00], 1039.39)],
    "07": [([54.95] * 12, 659.40), ([659.40, 21.17, 98.91], 779.48), ([779.48, 118.28], 897.76)],
    "08": [([132.00, 198.00, 118.28], 448.28),
           ([1684.20, 97.35, 252.63, 448.28, 69.00, 96.14, 111.09], 2758.69),
           ([125.00, 125.00], 250.00), ([2758.69, -250.00], 2508.69)],
    "09": [([159.36] * 8, 1274.88), ([1274.88, 41.60, 191.23, 395.28, 68.00, 112.40, -150.00], 1933.39)],
    "10": [([641.20, 57.30], 698.50), ([698.50, 698.50, -300.00], 1097.00)],
    "11": [([211.35, 107.25], 318.60), ([53.10] * 6, 318.60), ([35.75] * 3, 107.25)],
    "12": [([116.55, 32.40], 148.95), ([148.95] * 5, 744.75), ([744.75, -148.95], 595.80),
           ([595.80, 127.35], 723.15)],
    "13": [([16934, -1812, -5386], 9736), ([9736, -6322, -2200], 1214)],
    "14": [([1486, -700], 786), ([786, 18.00], 804.00)],
    "15": [([3264, -3264], 0)],
    "16": [([9116, -8432], 684), ([28.50] * 24, 684)],
    "17": [([283.27, 336.00, 219.84], 839.11), ([419.56, 419.55], 839.11),
           ([round(287000 * 0.000987, 2)], 283.27)],
    "18": [([1512.40, -1474.28], 38.12), ([38.12] * 12, 457.44)],
    "19": [([174.00, 9.00], 183.00)],
    "20": [([124.36] * 6, 746.16), ([746.16, 12.08], 758.24)],
    "23": [([101.19] * 4, 404.76), ([404.76, -101.19], 303.57)],
    "25": [([37.50] * 6, 225.00)],
}

# number -> (principal, printed costs, printed btw or None): Besluit buitengerechtelijke incassokosten
WIK = {"03": (412.37, 61.86, None), "04": (186.00, 40.00, None), "06": (1036.45, 155.47, 32.65),
       "07": (659.40, 98.91, None), "08": (1684.20, 252.63, None), "09": (1274.88, 191.23, None)}

# Decimal numbers printed that are not money (percentages etc.)
NOT_MONEY = {"23": {"2,57"}}

TWO_PAGE = {"07", "12", "16", "21"}

# Letter date also printed in words
DATE_WORDS = {"07": "tweeëntwintigste september tweeduizendzesentwintig",
              "09": "tweede februari tweeduizendzevenentwintig"}

BARE_AMOUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?![\d%])")


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(r"(.+)-b(\d\d)-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, batch, num = m.groups()
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys differ: {sorted(set(truth) ^ keys)}")
    if batch != BATCH or kind != truth["kind"] or kind not in KINDS:
        errs.append("name/kind mismatch")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender or notes empty")

    # dates
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and DATE_WORDS.get(num, "@@") not in text:
        errs.append("letter date not printed")
    if num in DATE_WORDS and DATE_WORDS[num] not in text:
        errs.append("date in words missing")
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS - {"none"}:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a letter that is no decision of an objection kind")
    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")
        if squash(appt["place"].split(",")[0]) not in flat:
            errs.append("appointment place not printed")

    # amounts
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = printed_amounts(text)
    bare = set()
    for whole, frac in BARE_AMOUNT.findall(text):
        if f"{whole},{frac}" in NOT_MONEY.get(num, set()):
            continue
        bare.add(round(int(whole.replace(".", "")) + int(frac) / 100, 2))
    missing = {v for v in listed
               if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    extra = (printed | bare) - listed
    if missing or extra:
        errs.append(f"amounts printed-not-listed {sorted(extra)} listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with euro sign")
        if round(due, 2) not in listed:
            errs.append("amount_due not among amounts")
        if not truth["iban"]:
            errs.append("amount due without iban")
    if due is None and (truth["iban"] or truth["payment_reference"]):
        errs.append("iban/reference without anything to pay")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")

    # identifiers
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
    if (num in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        errs = check_one(p)
        if p.stem not in readme:
            errs.append("not in README.md")
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
