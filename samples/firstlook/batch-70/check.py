"""Consistency check for first-look batch 70: every NAME.json against its NAME.txt.

Run:  python check.py   (from anywhere; tools.py is found relative to this file)
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
    ACTIONS, KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,
    objection_deadline, plus, printed_amounts, squash, wik,
)

BATCH = "b70"
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed in the letters: number -> (days, weeks, months, the printed phrase)
RELATIVE = {
    "02": (14, 0, 0, "binnen 14 dagen na de"),
    "06": (14, 0, 0, "binnen veertien dagen na de"),
    "09": (14, 0, 0, "Je hebt hiervoor 14 dagen"),
    "13": (10, 0, 0, "binnen tien dagen"),
    "14": (0, 2, 0, "binnen 2 weken na de datum van deze brief"),
    "16": (0, 2, 0, "binnen 2 weken na ontvangst"),
    "18": (0, 2, 0, "binnen twee weken na de datum van deze brief"),
    "19": (0, 6, 0, "binnen zes\nweken na de datum van deze brief"),
    "21": (7, 0, 0, "binnen 7 dagen na de datum van deze brief"),
    "25": (2, 0, 0, "binnen twee dagen na heden"),
}
# Deadlines printed without a year (weekday + day + month)
NO_YEAR = {"12"}
# Letters whose text states its own last day for bezwaar (none in this batch)
PRINTED_OBJECTION = set()
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([16417, -3902, -11604, -520], 391)],
    "02": [([1146.00, -400.00], 746.00), ([746.00, 18.00, 6.42], 770.42)],
    "04": [([1476.00, -864.00], 612.00), ([123.00] * 12, 1476.00), ([25.50] * 24, 612.00)],
    "05": [([305.14, 352.80, 241.56], 899.50), ([449.75, 449.75], 899.50),
           ([round(312000 * 0.000978, 2)], 305.14)],
    "06": [([712.40, -224.80], 487.60)],
    "07": [([142.00, 9.00], 151.00)],
    "08": [([440.00, 9.00, 220.00, 440.00], 1109.00), ([440.00 * 0.5], 220.00)],
    "09": [([34.95, 34.95], 69.90)],
    "10": [([1284.40, 61.37, 192.66, 121.73], 1660.16)],
    "11": [([148.75] * 3, 446.25), ([74.38] * 5 + [74.35], 446.25)],
    "12": [([212.60, 687.40], 900.00)],
    "13": [([96.00, 96.00], 192.00)],
    "24": [([389.00, 58.35, 7.12], 454.47), ([454.47, -100.00], 354.47)],
    "25": [([642.18, 38.40, 96.33, 121.73, 93.00, 200.00, 68.00], 1259.64),
           ([1259.64, 99.52], 1359.16)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"09": (69.90, 40.00), "10": (1284.40, 192.66), "24": (389.00, 58.35), "25": (642.18, 96.33)}
WORD_DATES = {"10": "de twintigste oktober tweeduizendzesentwintig",
              "25": "de twaalfde januari tweeduizend zevenentwintig"}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed_somewhere(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys differ: {sorted(set(truth) ^ keys)}")
    kind = truth["kind"]
    m = re.fullmatch(rf"(.+)-{BATCH}-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != kind:
        errs.append("name does not follow <kind>-b70-NN-slug")
        return errs
    num = m.group(2)
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if re.search(r"/(?:work|tmp)/", text):
        errs.append("absolute path in letter")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed_somewhere(ld, text) and WORD_DATES.get(num, "\0") not in text:
        errs.append("letter date not printed")
    if num in WORD_DATES and WORD_DATES[num] not in text:
        errs.append("date in words not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months, phrase = RELATIVE[num]
            if phrase not in text:
                errs.append(f"relative phrase not in text: {phrase!r}")
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif num in NO_YEAR:
            form = f"{WEEKDAYS[dd.weekday()]} {dd.day} {MONTHS[dd.month - 1]}"
            if form not in text or dd.year != ld.year:
                errs.append(f"no-year deadline {form!r} not printed")
        elif not printed_somewhere(dd, text):
            errs.append("explicit deadline not printed")
        if dd < ld:
            errs.append("deadline before letter date")
        # a weekday printed next to the date must be the right one
        for wd, dm in re.findall(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) (\d{1,2} \w+)", text):
            for y in (ld.year, ld.year + 1):
                try:
                    d = date(y, MONTHS.index(dm.split()[1]) + 1, int(dm.split()[0]))
                except ValueError:
                    continue
                if d >= ld and WEEKDAYS[d.weekday()] != wd:
                    errs.append(f"weekday {wd} wrong for {d}")
                break

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        want = objection_deadline(ld)
        if num in PRINTED_OBJECTION:
            if not od or not printed_somewhere(date.fromisoformat(od), text):
                errs.append("printed objection day missing")
        elif od != want.isoformat():
            errs.append(f"objection_deadline should be {want}")
    elif od and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed_somewhere(ad, text):
            errs.append("appointment date not printed")
        if ap["time"]:
            h, mi = ap["time"].split(":")
            if f"{int(h)}.{mi}" not in text:
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")

    # amounts
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    printed = printed_amounts(text)
    missing = {v for v in listed
               if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and f"€ {fmt_amount(v)[:-3]}" in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # accounts and references
    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban without anything to pay")
    elif due is not None:
        errs.append("amount due but no iban")
    for p in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(p.replace(" ", "")):
            errs.append(f"printed iban {p} invalid")
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

    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")
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
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters, want 25")
    if KINDS - kinds:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    readme = HERE / "README.md"
    if not readme.exists():
        problems.append("README.md missing")
    else:
        rd = readme.read_text(encoding="utf-8")
        problems += [f"README lacks {p.stem}" for p in files if p.stem not in rd]
        if re.search(r"/(?:work|tmp)/", rd):
            problems.append("absolute path in README")
    for pr in problems:
        print("BATCH " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
