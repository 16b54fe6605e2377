"""Consistency check for first-look batch 71: every NAME.json against NAME.txt.

Run: python check.py   (from any directory). Uses the helpers in samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "holdout"))

from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, MONTHS,  # noqa: E402
                   bsn_valid, kenmerk_valid, iban_valid, objection_deadline, plus,
                   printed_amounts, fmt_amount, squash, wik)

BATCH = "b71"

# Dates that are printed only in words: stem code -> (date, words)
DATE_WORDS = {"06": (date(2026, 12, 2), "de tweede december tweeduizendzesentwintig")}

# Relative terms as printed: code -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de dag waarop u deze brief heeft ontvangen
    "05": (14, 0, 0),   # binnen veertien dagen, vanaf de dag na ontvangst
    "09": (14, 0, 0),   # binnen 14 dagen, vanaf de dag na ontvangst
    "10": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes
    "11": (14, 0, 0),   # binnen 14 dagen na de dagtekening (also printed on the slip)
    "12": (0, 0, 1),    # binnen een maand na de datum van deze brief
    "16": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "21": (7, 0, 0),    # binnen 7 dagen na deze mail
    "22": (7, 0, 0),    # binnen 7 dagen na de dagtekening
}

# Objection terms stated as six weeks after the date: code list (else a printed date)
SIX_WEEKS = {"08", "12", "15", "17", "18", "19", "24"}

# Sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([142, 142], 284)],
    "02": [([142] * 3, 426), ([426, 63.90], 489.90)],
    "03": [([71] * 8, 568), ([142] * 4, 568), ([71, 142], 213)],
    "04": [([745.20, 67.25], 812.45)],
    "05": [([812.45, 812.45, -304.90], 1320.00)],
    "06": [([812.45] * 4 + [-304.90], 2944.90), ([2944.90, 419.49, 88.09, 14.63], 3467.11),
           ([3467.11, 123.87], 3590.98)],
    "07": [([152.85, 152.85], 305.70)],
    "08": [([152.85] * 6, 917.10)],
    "09": [([48.50, 48.50, 61.15], 158.15)],
    "10": [([158.15, 2.14, 40.00], 200.29)],
    "11": [([372.00, 234.00], 606.00), ([60.60] * 4, 242.40), ([606.00, -242.40], 363.60),
           ([363.60, 9.00], 372.60)],
    "12": [([363.60, -218.16], 145.44), ([2416.80, -2404.68], 12.12), ([12.12] * 12, 145.44),
           ([145.44, 9.00], 154.44)],
    "15": [([11402, -2560], 8842), ([8842, -7761], 1081), ([1081, 65], 1146)],
    "16": [([1146, -200], 946), ([946, 18], 964)],
    "17": [([262] * 12, 3144), ([3144, -2316], 828), ([34.50] * 24, 828)],
    "18": [([61] * 12, 732)],
    "19": [([164, 9], 173)],
    "20": [([164 * 0.5], 82), ([173, 82], 255), ([255, 164], 419)],
    "21": [([189.00, 26.00, 4.95], 219.95), ([round(219.95 / 1.21 * 0.21, 2)], 38.17)],
    "22": [([219.95, 1.83, 40.00], 261.78), ([261.78, -50.00], 211.78)],
    "23": [([216.78, -211.78], 5.00)],
    "24": [([306.30] * 4 + [61.26], 1286.46), ([61.26] * 21, 1286.46), ([61.26] * 5, 306.30),
           ([round(87.51 * 0.70, 2)], 61.26)],
    "25": [([112.38] * 3 + [3.12], 340.26)],
}

# WIK: code -> (principal, printed costs, printed btw or None)
WIK = {"02": (426.00, 63.90, None), "05": (1320.00, 198.00, None),
       "06": (2944.90, 419.49, 88.09), "09": (158.15, 40.00, None),
       "10": (158.15, 40.00, None), "22": (219.95, 40.00, None)}

REQUIRED_STYLES = 18  # every kind at least once


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day}-{d.month}-{d.year}", d.isoformat()]


def printed_date(d: date, text: str, code: str) -> bool:
    if any(f in text for f in date_forms(d)):
        return True
    w = DATE_WORDS.get(code)
    return bool(w and w[0] == d and w[1] in text)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(rf"^(.+)-{BATCH}-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, code = m.group(1), m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
            "appointment", "amount_due", "amounts", "iban", "payment_reference",
            "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys differ: {sorted(set(t) ^ keys)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']} vs name {kind}")
    if t["stage"] not in STAGES - {None}:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed_date(ld, text, code):
        errs.append("letter date not printed")

    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS - {"none"}:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed_date(d, text, code) and not (
                code in DATE_WORDS and DATE_WORDS[code][0] == d):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter")
    elif code in RELATIVE:
        errs.append("relative term listed but deadline null")

    od = t["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if code in SIX_WEEKS:
            if date.fromisoformat(od) != objection_deadline(ld):
                errs.append(f"objection {od} != {objection_deadline(ld)}")
        elif not printed_date(date.fromisoformat(od), text, code):
            errs.append("objection date not printed")
    else:
        if kind in OBJECTION_KINDS and t["stage"] == "decision":
            errs.append("decision without objection_deadline")
        if code in SIX_WEEKS:
            errs.append("six-week term listed but objection null")
    if t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")

    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed_date(ad, text, code):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")

    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
        if not t["iban"]:
            errs.append("amount due but no iban")
    elif t["iban"]:
        errs.append("iban without anything to pay")

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
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid 9-digit numbers")

    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if code in WIK:
        principal, costs, btw = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
    if "\f" in text and text.count("\f") != 1:
        errs.append("unexpected page count")
    for bad in ("/" + "work", "/" + "tmp"):
        if bad in text:
            errs.append("absolute path in letter")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split(f"-{BATCH}-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    codes = sorted(re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1) for p in files)
    if len(set(codes)) != len(codes):
        print("duplicate numbers")
        bad += 1
    readme = HERE / "README.md"
    if not readme.exists() or any(p.stem not in readme.read_text(encoding="utf-8") for p in files):
        print("README.md missing or incomplete")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
