"""Consistency check for samples/firstlook/batch-12 (written blind, issue #15).

Run from this folder:  ../../../.venv/bin/python check.py
Checks every NAME.json against NAME.txt: identifiers (elfproef, mod-97, kenmerk check digit),
every euro amount printed is listed (and the reverse), dates printed or derived from relative
terms, objection deadlines (Awb 6 weeks + Algemene termijnenwet), sums and WIK costs.
Imports only helper functions from samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (atw_holidays, bsn_valid, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, fmt_amount, squash, wik)

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
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# --- per-letter facts, written down from the letters independently of the JSON files ---------

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "02": (14, 0, 0),   # veertien dagen vanaf de dag nadat u deze brief hebt ontvangen
    "16": (10, 0, 0),   # binnen 10 dagen nadat je deze brief hebt gekregen
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([129.00, 79.90, 6.95], 215.85), ([215.85, -39.95], 175.90)],
    "02": [([43.11, 9.05], 52.16)],
    "03": [([34.95, 34.95, 19.95, 34.95], 124.80), ([124.80, 40.00, 1.12], 165.92)],
    "04": [([1186.60, 177.99, 14.22], 1378.81)],
    "05": [([612.38, 23.41, 91.86], 727.65), ([727.65, -50.00], 677.65)],
    "06": [([728.20] * 3, 2184.60), ([2184.60, 18.44, 327.69, 119.43], 2650.16)],
    "07": [([1940.00, 86.27, 291.00, 517.00, 127.38, 146.12, -100.00], 3007.77)],
    "08": [([13941, -3427], 10514), ([10514, -8928], 1586), ([158.60] * 10, 1586)],
    "09": [([1318, -200], 1118), ([1118, 19], 1137)],
    "10": [([721.90, 46.45], 768.35), ([268] * 6, 1608), ([287] * 6, 1722), ([1608, 1722], 3330),
           ([287, -268], 19)],
    "11": [([1527, -1104], 423)],
    "12": [([348.12, 196.80, 119.40], 664.32), ([332.16, 332.16], 664.32)],
    "13": [([219.36, 99.20], 318.56), ([1873.18, -433.58], 1439.60), ([1439.60, -1426.48], 13.12),
           ([13.12] * 12, 157.44), ([318.56, -125.95], 192.61)],
    "14": [([148.95, 37.22, 148.95], 335.12), ([83.78] * 4, 335.12)],
    "15": [([189.75, -131.00], 58.75)],
    "16": [([712.40, -300.00], 412.40), ([412.40, 712.40], 1124.80)],
    "17": [([265.00, 965.00, 615.00], 1845.00), ([307.50] * 6, 1845.00), ([965.00, 307.50], 1272.50)],
    "18": [([142.00, 142.00, 96.37], 380.37)],
    "19": [([129.00, 9.00], 138.00)],
    "20": [([174.00, 9.00, 87.00], 270.00)],
    "21": [([481.62, 486.78], 968.40), ([1286.14, -804.52], 481.62), ([1286.14, -799.36], 486.78),
           ([968.40, -297.15], 671.25)],
    "23": [([112.83, 112.83], 225.66), ([225.66, 1.93], 227.59)],
    "25": [([1005.60, 150.84, 79.96], 1236.40), ([103.03] * 11 + [103.07], 1236.40)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"02": (287.40, 43.11), "04": (1186.60, 177.99), "05": (612.38, 91.86),
       "06": (2184.60, 327.69), "07": (1940.00, 291.00), "16": (1124.80, 168.72),
       "25": (1005.60, 150.84)}
BTW = {"02": (43.11, 9.05)}          # 21% btw on incassokosten
KWIJT_80 = {"13": (157.44, 125.95)}  # 80% of the yearly betalingscapaciteit
HALF = {"20": (174.00, 87.00)}       # first CJIB reminder: +50% of the fine

# Letters that print their own last day for bezwaar/beroep (checked as printed, and equal to rule)
PRINTED_OBJECTION = {"19": date(2026, 5, 20)}


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day} {ABBR[d.month - 1]} {d.year}", d.isoformat()]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b12-(\d\d)-", txt.stem).group(1)
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b12-"):
        errs.append(f"kind/stem {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    if truth["sender"] and squash(truth["sender"].split(" (")[0]).lower() not in flat.lower():
        errs.append("sender not printed")

    # deadline
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
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision of an objection kind without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        odd = date.fromisoformat(od)
        if num in PRINTED_OBJECTION:
            if odd != PRINTED_OBJECTION[num] or not printed(odd, text):
                errs.append("printed objection day")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if odd.weekday() >= 5 or odd in atw_holidays(odd.year):
            errs.append("objection deadline not a working day")
        if not re.search(r"6 weken|zes weken", text):
            errs.append("no six-week term printed")

    # appointment
    ap = truth["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")

    # amounts
    prt = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - prt
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if prt - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(prt - listed)} listed-not-printed {sorted(missing)}")
    ad = truth["amount_due"]
    if ad is not None:
        if round(ad, 2) not in prt:
            errs.append("amount_due not printed with a euro sign")
        if round(ad, 2) not in {round(a['value'], 2) for a in truth['amounts'] if a['role'] == 'total'}:
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in parts + [total]:
            if abs(v) not in listed:
                errs.append(f"sum part {v} not among amounts")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    for n, (base, btw) in BTW.items():
        if n == num and round(base * 0.21 + 1e-9, 2) != btw:
            errs.append("btw")
    for n, (base, part) in KWIJT_80.items():
        if n == num and round(base * 0.8 + 1e-9, 2) != part:
            errs.append("80% betalingscapaciteit")
    for n, (base, part) in HALF.items():
        if n == num and round(base / 2, 2) != part:
            errs.append("50% verhoging")

    # iban / references
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    if (ad is None) != (truth["iban"] is None) and kind != "deurwaarder":
        errs.append("iban and amount_due disagree on whether there is something to pay")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    for k in re.findall(r"(?<![\d.])\d{4}[ .]\d{4}[ .]\d{4}[ .]\d{4}(?![\d.])", text):
        if not kenmerk_valid(re.sub(r"\D", "", k)):
            errs.append(f"printed 16-digit {k} fails check")
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b.replace(".", "") for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {bsns}")
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    for wd, d, m, y in re.findall(r"(?i)\b(%s)\s+(\d{1,2})\s+(%s)\s+(\d{4})" % ("|".join(days), "|".join(MONTHS)),
                                  re.sub(r"\s+", " ", text)):
        if days[date(int(y), MONTHS.index(m.lower()) + 1, int(d)).weekday()] != wd.lower():
            errs.append(f"weekday wrong: {wd} {d} {m} {y}")
    if "\f" in text and text.count("\f") > 2:
        errs.append("more than three pages")
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
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
