"""Consistency check for first-look batch 69: every NAME.json against NAME.txt.

Run with the project's python from anywhere: python check.py
Helpers come from samples/holdout/tools.py, found relative to this file.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (bsn_valid, iban_valid, kenmerk_valid, objection_deadline, plus,  # noqa: E402
                   printed_amounts, fmt_amount, squash, wik)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed (counted from the letter date): number -> (days, weeks, months)
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "06": (0, 0, 1),    # binnen één maand na dagtekening dezer beschikking
    "13": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze brief
    "16": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "20": (14, 0, 0),   # binnen 14 dagen na dagtekening van deze herinnering
    "21": (10, 0, 0),   # binnen tien dagen na de datum van deze brief
    "23": (14, 0, 0),   # binnen veertien dagen na dagtekening dezes
}
# Letter dates printed in a form the generic patterns do not cover
LETTER_DATE_TEXT = {"17": "29 okt. 2026", "23": "1sten december 2026"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([16340, 14935], 31275), ([11181, -2806, -5015], 3360), ([336] * 10, 3360)],
    "02": [([612.00, 18.00, 7.43], 637.43)],
    "04": [([9213, -7845], 1368), ([57] * 24, 1368)],
    "05": [([341.09, 268.00, 344.52], 953.61), ([95.36] * 9 + [95.37], 953.61),
           ([round(318000 * 0.0010726, 2)], 341.09)],
    "06": [([612.44, -224.26], 388.18), ([round((1486.20 - 1462.84) * 12 * 0.8, 2)], 224.26)],
    "07": [([139.00, 9.00], 148.00)],
    "08": [([110.00, 9.00, 55.00], 174.00), ([110.00 * 0.5], 55.00)],
    "09": [([684.35, -300.00], 384.35), ([round(684.35 / 1.21 * 0.21, 2)], 118.77)],
    "10": [([1186.40, 63.12, 177.96], 1427.48), ([1427.48, 118.34], 1545.82)],
    "11": [([148.95, 148.95], 297.90)],
    "12": [([880, 45], 925), ([925, 925], 1850), ([1850, -400], 1450)],
    "13": [([164.00, 164.00], 328.00)],
    "16": [([118.42, 118.42], 236.84)],
    "18": [([12.00] * 24, 288.00), ([27.50, 12.00], 39.50)],
    "19": [([650.00, 136.50], 786.50), ([650.00 * 0.21], 136.50)],
    "20": [([389.60, -177.00], 212.60)],
    "21": [([612.40, 612.40, 15.00], 1239.80), ([7.50, 7.50], 15.00)],
    "22": [([309.90, -49.95], 259.95)],
    "23": [([46.26, 46.26], 92.52)],
    "24": [([1412.60, 96.31, 211.89, 356.00, 121.17, 148.80, -28.00], 2318.77)],
    "25": [([29.99] * 3, 89.97), ([89.97, 40.00, 1.84], 131.81), ([43.94, 43.94, 43.93], 131.81)],
}
# Buitengerechtelijke incassokosten printed: number -> (hoofdsom, costs)
WIK = {"10": (1186.40, 177.96), "13": (328.00, 49.20), "22": (259.95, 40.00),
       "24": (1412.60, 211.89), "25": (89.97, 40.00)}


def date_texts(d: date, with_year: bool = True) -> list[str]:
    m = MONTHS[d.month - 1]
    forms = [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}"]
    if not with_year:
        forms.append(f"{d.day} {m}")
    return forms


def printed(d: date, text: str, with_year: bool = True) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_texts(d, with_year))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    m = re.match(r"^(.+)-b69-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m or m.group(1) != kind or kind not in KINDS:
        errs.append("name/kind")
        return errs
    num = m.group(2)
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if any("/" + root + "/" in text for root in ("work", "tmp")):
        errs.append("absolute path in letter")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 2, 28):
        errs.append("letter date out of range")
    if num in LETTER_DATE_TEXT:
        if LETTER_DATE_TEXT[num] not in text:
            errs.append("letter date text not printed")
    elif not printed(ld, text):
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
        elif not printed(dd, text, with_year=False):
            errs.append("explicit deadline not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a letter that is no decision open to bezwaar")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not printed(ad, text, with_year=False):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"] not in text and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")

    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    found = printed_amounts(text)
    missing = {v for v in listed - found
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if found - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(found - listed)} listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None:
        due = round(truth["amount_due"], 2)
        if due not in listed or due not in found:
            errs.append("amount_due not listed/printed")
        totals = [a for a in truth["amounts"] if a["role"] == "total" and round(a["value"], 2) == due]
        if not totals:
            errs.append("amount_due has no total role")

    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if truth["amount_due"] is None:
            errs.append("iban but nothing to pay")
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

    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if truth["stage"] in ("decision",) and kind not in OBJECTION_KINDS and kind != "uitkering-besluit":
        errs.append("decision stage on a non-decision kind")
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
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
