"""Consistency check for first-look batch 107: every NAME.json against NAME.txt.

Run from anywhere: python check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, date arithmetic).
"""

from __future__ import annotations

import json
import math
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "holdout"))

from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

BATCH = "107"
KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative deadlines as printed: number -> (phrase that must be in the text, days, weeks, months)
RELATIVE = {
    "02": ("binnen twee dagen na de betekening", 2, 0, 0),
    "06": ("binnen een maand na de datum van deze brief", 0, 0, 1),
    "09": ("binnen 14 dagen na de datum van deze", 14, 0, 0),
    "10": ("binnen 14 dagen nadat je deze mail hebt ontvangen", 14, 0, 0),
    "11": ("binnen acht dagen na", 8, 0, 0),
    "14": ("binnen twee dagen na heden", 2, 0, 0),
    "17": ("binnen twee dagen na deze betekening", 2, 0, 0),
    "18": ("binnen vier weken na de datum van deze", 0, 4, 0),
    "22": ("binnen 2 weken na de datum van deze brief", 0, 2, 0),
}
# Letters whose bezwaar term is stated as a date (none in this batch: all are relative six weeks)
PRINTED_OBJECTION = {}
# Letter dates printed in words as well
WORD_DATES = {"14": "vijftiende juli tweeduizendzesentwintig"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14602, -3951], 10651), ([10651, -9283, -256], 1112), ([1112, 34], 1146)],
    "02": [([1584, -300], 1284), ([1284.00, 18.00, 21.37, 149.00], 1472.37)],
    "03": [([212] * 12, 2544), ([35] * 5, 175), ([212, -35], 177)],
    "04": [([7847, -6215], 1632), ([68] * 24, 1632)],
    "05": [([312.60, 371.40, 112.48], 796.48), ([796.48, -398.24], 398.24), ([398.24, 8.00, 69.00], 475.24)],
    "06": [([612.90, -61.29], 551.61)],
    "07": [([450.00, 9.00], 459.00)],
    "08": [([150.00, 9.00, 75.00], 234.00), ([150.00, 9.00, 75.00, 150.00], 384.00)],
    "09": [([107.50] * 7, 752.50), ([2150.00, -752.50], 1397.50)],
    "10": [([181.45, 4.95], 186.40)],
    "11": [([1860.00, 29.63, 279.00, 58.59], 2227.22)],
    "12": [([39.95] * 6, 239.70), ([239.70, 40.00, 3.12], 282.82), ([60.00] * 4 + [42.82], 282.82),
           ([282.82, -120.00, 1.48], 164.30)],
    "13": [([821.00] * 3, 2463.00), ([2463.00, 18.40, 369.45], 2850.85), ([2850.85, 121.44], 2972.29)],
    "14": [([131.00, 118.81, 123.00], 372.81),
           ([1142.67, 61.20, 171.40, 372.81, 68.00, 117.93, 9.14, -150.00], 1793.15)],
    "15": [([2455.00, 96.38, 412.00, 324.28], 3287.66)],
    "16": [([1180.00, 54.12, 398.00, 117.93, 287.14], 2037.19)],
    "17": [([118.56, 223.62], 342.18), ([342.18, 8.00, 65.00], 415.18)],
    "18": [([148.35] * 4, 593.40), ([593.40, 385.00], 978.40)],
    "19": [([701.15, 53.15], 754.30), ([754.30, 754.30, -300.00], 1208.60)],
    "20": [([137.00, 137.00, 58.66], 332.66)],
    "21": [([120.00] * 6, 720.00), ([2940.00, -720.00], 2220.00)],
    "23": [([87.42] * 4, 349.68)],
    "25": [([2116.40, 1322.75, 3904.18, 611.07, 6332.00], 14286.40), ([97.50] * 18, 1755.00)],
}
# Buitengerechtelijke incassokosten (Besluit BIK): number -> (hoofdsom, printed costs, printed btw or None)
WIK = {"10": (186.40, 40.00, None), "11": (1860.00, 279.00, 58.59), "12": (239.70, 40.00, None),
       "13": (2463.00, 369.45, None), "14": (1142.67, 171.40, None), "19": (1208.60, 181.29, None)}
# Kosten dwangbevel (41 for the first 45, plus 4 for each further full 45): number -> (debt, printed)
DWANGBEVEL = {"02": (1284.00, 149.00), "05": (398.24, 69.00), "17": (342.18, 65.00), "21": (2220.00, 233.00)}


def dwangbevel_costs(debt: float) -> float:
    if debt < 90:
        return 41.0
    return 41.0 + 4.0 * math.floor((debt - 45) / 45)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def amount_in_text(v: float, text: str) -> bool:
    f = fmt_amount(v)
    return f in text or (v == int(v) and re.search(r"€ ?" + re.escape(f[:-3]) + r"(?![\d,])", text) is not None)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    if num in WORD_DATES and WORD_DATES[num] not in text:
        errs.append("letter date in words not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            phrase, days, weeks, months = RELATIVE[num]
            if phrase not in text:
                errs.append(f"relative phrase '{phrase}' not in text")
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} should be {want}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("printed deadline date not found")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    # objection deadline
    od = truth["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
        if "zes weken" not in text and "6 weken" not in text:
            errs.append("no six-week term printed")
    elif kind in OBJECTION_KINDS and truth["stage"] == "decision":
        errs.append("decision without objection_deadline")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    # amounts
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        if not amount_in_text(a["value"], text):
            errs.append(f"amount {a['value']} not printed")
    extra = printed_amounts(text) - listed
    if extra:
        errs.append(f"printed euro amounts not listed {sorted(extra)}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(truth["amount_due"], 2)
                   for a in truth["amounts"]):
            errs.append("amount_due has no 'total' role entry")
        if not truth["iban"]:
            errs.append("amount_due but no iban")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
    if num in DWANGBEVEL:
        debt, costs = DWANGBEVEL[num]
        if dwangbevel_costs(debt) != costs:
            errs.append(f"dwangbevel costs on {debt} = {dwangbevel_costs(debt)}, printed {costs}")

    # accounts and references
    printed_ibans = [i.replace(" ", "") for i in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text)]
    for ib in printed_ibans:
        if not iban_valid(ib):
            errs.append(f"printed iban {ib} fails mod-97")
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban fails mod-97")
        if truth["iban"] not in printed_ibans:
            errs.append("iban not printed")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("betalingskenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} repeats the payment reference")

    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    valid = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {valid}")
    if truth["bsn_found"] and "BSN" not in text and "urgerservicenummer" not in text:
        errs.append("BSN printed without label")

    # no absolute paths
    if re.search(r"(^|\s)/(work|tmp|home)/", text):
        errs.append("absolute path in text")
    if not truth["notes"]:
        errs.append("empty notes")
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
        problems.append(f"{len(files)} letters, expected 25")
    if KINDS - kinds:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for f in HERE.iterdir():
        if f.is_file() and f.name != "check.py" and re.search(r"/(work|tmp)/", f.read_text(encoding="utf-8")):
            problems.append(f"absolute path in {f.name}")
    for pr in problems:
        print("FAIL batch  " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
