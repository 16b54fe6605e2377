"""Consistency check for first-look batch 79: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b79"
ABSOLUTE = ("/" + "work", "/" + "tmp")  # prefixes no file may contain
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed: number -> (phrase in the text, days, weeks, months), counted from the letter date
RELATIVE = {
    "02": ("binnen 14 dagen na de datum van deze aanmaning", 14, 0, 0),
    "06": ("binnen 4 weken na de datum van deze brief", 0, 4, 0),
    "09": ("binnen veertien dagen na de dag waarop u deze brief ontvangt", 14, 0, 0),
    "11": ("binnen 7 dagen na de datum van deze mail", 7, 0, 0),
    "12": ("binnen acht dagen na dagtekening dezes", 8, 0, 0),
    "14": ("binnen twee dagen na heden", 2, 0, 0),
    "16": ("binnen vier weken na de datum van deze brief", 0, 4, 0),
    "18": ("binnen 14 dagen na ontvangst van deze brief", 14, 0, 0),
    "22": ("binnen 3 weken na de datum van deze brief", 0, 3, 0),
}

# Objection days the letter prints itself: number -> date
PRINTED_OBJECTION = {"06": date(2026, 8, 11)}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14695, -2204, -5210], 7281), ([7281, -2963], 4318), ([4318, -3672], 646), ([646, 27], 673),
           ([34806, 6218], 41024)],
    "02": [([2412, -1275], 1137), ([1137, 18], 1155)],
    "03": [([3204, -2988], 216)],
    "04": [([1434, -288], 1146), ([47.75] * 24, 1146)],
    "05": [([198.59, 421.08, 214.32, 139.44, 77.45, 230.43], 1281.31), ([640.66, 640.65], 1281.31),
           ([76.81] * 3, 230.43)],
    "06": [([612.40, -100], 512.40)],
    "07": [([440, 9], 449), ([220, 220], 440)],
    "08": [([130, 65], 195), ([65, 65], 130)],
    "09": [([400, -112.60], 287.40)],
    "10": [([29.95] * 4, 119.80), ([119.80, 2.14, 40], 161.94)],
    "11": [([59.95, 9.95, 19.99, -19.99, 4.95], 74.85)],
    "12": [([1186.40, 31.27, 177.96], 1395.63)],
    "13": [([612.88, 18.46, 91.93], 723.27), ([723.27, 118.45], 841.72)],
    "14": [([806.20] * 3, 2418.60), ([2418.60, 64.12, 362.79, 559, 396, 118.45, 92, 124.95], 4135.91),
           ([4135.91, -150], 3985.91)],
    "15": [([1104.60, 47.33, 165.69, 386, 112.20, 116.35], 1932.17), ([1932.17, -412.36], 1519.81)],
    "16": [([156.35, 156.35], 312.70)],
    "17": [([184.15] * 6, 1104.90)],
    "18": [([689.27, 45.25], 734.52), ([734.52, -200], 534.52), ([534.52, 734.52], 1269.04),
           ([190.36, 39.98], 230.34)],
    "19": [([925, 45], 970), ([970, 970], 1940)],
    "20": [([142, 142, 76.18], 360.18)],
    "21": [([1401.78, -280.36], 1121.42)],
    "23": [([67.42] * 3, 202.26), ([202.26, 3.18], 205.44)],
    "25": [([54.50, -8.50], 46)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (hoofdsom, printed costs, printed btw)
WIK = {"09": (287.40, 43.11, None), "10": (119.80, 40.00, None), "12": (1186.40, 177.96, None),
       "13": (612.88, 91.93, None), "14": (2418.60, 362.79, None), "15": (1104.60, 165.69, None),
       "18": (1269.04, 190.36, 39.98), "20": (360.18, 54.03, None)}

# Letter dates also given in words in the exploot
DATE_WORDS = {"13": "de derde november tweeduizendzesentwintig",
              "14": "veertien januari tweeduizendzevenentwintig"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed(d: date, text: str) -> bool:
    return any(f in text for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    raw = txt.read_text(encoding="utf-8")
    text = norm(raw)
    flat = squash(raw)
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if any(a in raw for a in ABSOLUTE):
        errs.append("absolute path in text")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and DATE_WORDS.get(num, "@@") not in text:
        errs.append("letter date not printed")
    # weekday names printed next to a date must be right
    for wd, day, mon, yr in re.findall(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) (\d{1,2}) ("
                                       + "|".join(MONTHS) + r") (\d{4})", text):
        d = date(int(yr), MONTHS.index(mon) + 1, int(day))
        if WEEKDAYS[d.weekday()] != wd:
            errs.append(f"weekday {wd} {d} wrong")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            phrase, days, weeks, months = RELATIVE[num]
            if phrase not in text:
                errs.append(f"relative phrase not printed: {phrase}")
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection_deadline on non-decision")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not printed(want, text):
            errs.append("printed objection date missing")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    # amounts
    found = printed_amounts(raw)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - found
               if fmt_amount(v) not in raw and not (v == int(v) and fmt_amount(v)[:-3] in raw)}
    if found - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(found - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in found:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
        if not dl or dl["action"] not in ("pay", "attend"):
            errs.append("amount_due without pay deadline")
    # iban and references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", raw):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        digits = pr.replace(" ", "")
        if len(digits) == 16 and digits.isdigit() and not kenmerk_valid(digits):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", raw):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # bsn
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", raw)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
    # page layout: a two-page letter has exactly one form feed
    if "\f" in raw and raw.count("\f") != 1:
        errs.append("unexpected number of pages")
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
        print(f"FAIL kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    if len(files) != 25:
        print(f"FAIL expected 25 letters, found {len(files)}")
        bad += 1
    readme = (HERE / "README.md")
    if readme.exists():
        rtext = readme.read_text(encoding="utf-8")
        for p in files:
            if p.stem not in rtext:
                print(f"FAIL README lacks {p.stem}")
                bad += 1
        if any(a in rtext for a in ABSOLUTE):
            print("FAIL absolute path in README")
            bad += 1
    else:
        print("FAIL README.md missing")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
