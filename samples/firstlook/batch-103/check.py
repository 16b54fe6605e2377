"""Consistency check for first-look batch 103: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses the helper functions of samples/holdout/tools.py (identifiers, date arithmetic).
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
    bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
    printed_amounts, squash, wik,
)

BATCH = "b103"
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

# Relative terms as printed, counted from the letter date: number -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze brief
    "08": (0, 0, 1),    # binnen één maand na dagtekening van deze beschikking (Sunday)
    "11": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze brief
    "12": (10, 0, 0),   # binnen tien dagen na dagtekening van deze e-mail
    "14": (0, 2, 0),    # binnen twee weken na de datum van deze brief
    "15": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "18": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "19": (14, 0, 0),   # binnen veertien dagen, te rekenen vanaf de dag na ontvangst
    "22": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
}
# Letters whose objection term is printed as a date (none in this batch).
PRINTED_OBJECTION: dict[str, str] = {}
# Letter date written in words in the letter itself.
DATE_IN_WORDS = {"13": "negende september tweeduizendzesentwintig"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([932, 41], 973), ([49117, -1212], 47905), ([17344, -1812, -5360], 10172),
           ([10172, -9240], 932)],
    "02": [([11452, -10288], 1164), ([97] * 12, 1164), ([9480, -1092], 8388)],
    "03": [([2146, -600], 1546), ([1546, 18], 1564)],
    "04": [([1011 - 936] * 2, 150), ([1011] * 12, 12132), ([96 * 11.40], 1094.40),
           ([96 * 10.97], 1053.12)],
    "05": [([3216, -2388], 828), ([268] * 12, 3216), ([199] * 12, 2388), ([34.50] * 24, 828)],
    "06": [([281.55, 214.80, 336.00], 832.35), ([416.18, 416.17], 832.35),
           ([round(287000 * 0.000981, 2)], 281.55)],
    "07": [([112.56, 205.86], 318.42), ([68.62] * 3, 205.86), ([318.42, 9.00], 327.42)],
    "08": [([378.60, 233.80], 612.40), ([1624.30, -1602.40], 21.90), ([17.52] * 12, 210.24),
           ([612.40, -210.24], 402.16), ([round(21.90 * 0.8, 2)], 17.52)],
    "09": [([430, 9], 439)],
    "10": [([187.40] * 3, 562.20), ([562.20, 12.35, 40.00], 614.55)],
    "11": [([34.95] * 3, 104.85)],
    "12": [([312.00, 174.40], 486.40), ([486.40, 72.96, 6.14], 565.50)],
    "13": [([1284.66, 58.20, 192.70], 1535.56), ([1535.56, 117.03], 1652.59)],
    "14": [([2412.30, 141.87, 512.00, 122.69, 128.41, -250.00], 3067.27),
           ([1998.55, -1612.40], 386.15)],
    "15": [([141.75, 16.50], 158.25), ([158.25] * 4, 633.00)],
    "16": [([round(160.33 * 1.2, 2)], 192.40), ([192.40, -131], 61.40)],
    "17": [([684.12] * 3 + [-300.00], 1752.36), ([638.40, 45.72], 684.12), ([684.12, -300.00], 384.12)],
    "18": [([412.68, 129.00, 129.00], 670.68)],
    "19": [([96.42, 88.17], 184.59), ([7.94, 28.25, 10.22, 34.48, 7.28], 88.17),
           ([round(19 * 1.487, 2)], 28.25), ([round((7.94 + 28.25 + 10.22 + 34.48) * 0.09, 2)], 7.28)],
    "20": [([round(37213.38 / 261, 2)], 142.58), ([round(142.58 * 0.75, 2)], 106.94),
           ([round(142.58 * 0.70, 2)], 99.81)],
    "21": [([412.30, 379.90, 345.40], 1137.60), ([94.80] * 12, 1137.60)],
    "23": [([118.64] * 2, 237.28)],
    "25": [([812.55, 33.31], 845.86), ([845.86, 38.00], 883.86), ([round(812.55 * 0.041, 2)], 33.31)],
}
# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"11": (104.85, 40.00, None), "12": (486.40, 72.96, None), "13": (1284.66, 192.70, None),
       "17": (1752.36, 262.85, 55.20), "19": (184.59, 40.00, None)}

ABS_PATH = re.compile(r"(?<![\w.])/(?:work|tmp|home|root|Users)/")


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day}-{d.month}-{d.year}", f"{d.day} {m[:3]}. {d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(rf"^(.+)-{BATCH}-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    keys = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
            "notes"]
    if list(truth) != keys:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if "\f" not in text:
        errs.append("not a multi-page letter")
    pages = text.split("\f")
    for i, page in enumerate(pages, 1):
        if not re.search(rf"(?<!\d){i}\s*(?:/|van|\()\s*\(?{len(pages)}|pagina {i}\b|blad {i}\b|- blad {i} -",
                         page, re.I):
            errs.append(f"page {i} has no page number")
    if ABS_PATH.search(text):
        errs.append("absolute path in text")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (num in DATE_IN_WORDS and DATE_IN_WORDS[num] in text):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if num in RELATIVE:
        d, w, mo = RELATIVE[num]
        want = plus(ld, days=d, weeks=w, months=mo).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not printed(date.fromisoformat(dl["date"]), text):
            errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append(f"action {dl['action']}")

    od = truth["objection_deadline"]
    is_decision = truth["stage"] == "decision"
    if kind in OBJECTION_KINDS and is_decision and not od:
        errs.append("decision without objection_deadline")
    if od and not is_decision:
        errs.append("objection_deadline on a non-decision")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")

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
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")

    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban invalid")
        if iban not in flat:
            errs.append("iban not printed")
    if (iban is None) != (due is None):
        errs.append("iban and amount_due should both be set or both be null")
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

    nines = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [b for b in nines if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers: {bsns}")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    seen_kinds = set()
    for p in files:
        errs = check_one(p)
        seen_kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters, expected 25")
    if KINDS - seen_kinds:
        problems.append(f"kinds missing: {sorted(KINDS - seen_kinds)}")
    for f in HERE.iterdir():
        if f.is_file() and f.suffix in {".txt", ".json", ".md"} and ABS_PATH.search(f.read_text(encoding="utf-8")):
            problems.append(f"absolute path in {f.name}")
    for pr in problems:
        print("BATCH " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
