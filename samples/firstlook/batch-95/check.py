"""Consistency check for first-look batch 95: every NAME.json against its NAME.txt.

Run: .venv/bin/python samples/firstlook/batch-95/check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, dates, amounts).
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
TWO_PAGE = {"01", "06", "14", "20"}

# Relative terms as printed (counted from the letter date, no shift): code -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "08": (14, 0, 0),   # binnen twee weken na de dagtekening
    "12": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail
    "15": (7, 0, 0),    # binnen 7 dagen na de datum van deze brief (form back)
    "17": (0, 6, 0),    # binnen 6 weken na de datum van deze brief
    "21": (0, 3, 0),    # binnen drie weken na de datum van deze brief
}


def r(x: float) -> float:
    return round(x + 1e-9, 2)


# Arithmetic that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([13747, -7587], 6160), ([2287, 5300], 7587), ([560] * 11, 6160)],
    "02": [([5047, -4318, -312], 417), ([417, 9], 426), ([426, -268], 158)],
    "03": [([220] * 12, 2640), ([220] * 5, 1100), ([2640, -1100], 1540),
           ([1540, 23.41, 18.00], 1581.41)],
    "04": [([298] * 11, 3278), ([3278, 352, 330], 3960), ([330 - 298] * 11, 352)],
    "05": [([123] * 12, 1476), ([1476, -684], 792), ([33] * 24, 792)],
    "06": [([3588, -2916], 672), ([56] * 12, 672), ([287, -56], 231)],
    "07": [([313.87, 356.40, 219.12, 131.02, 134.28, 206.19], 1360.88), ([680.44] * 2, 1360.88),
           ([r(318000 * 0.000987)], 313.87), ([r(318000 * 0.000412)], 131.02), ([68.73] * 3, 206.19)],
    "08": [([534.90, -250.00], 284.90), ([284.90, 9.00], 293.90)],
    "09": [([341.16, 141.54], 482.70), ([1434.95, -1412.60], 22.35), ([22.35] * 12, 268.20),
           ([r(268.20 * 0.8)], 214.56), ([482.70, -214.56], 268.14)],
    "10": [([440, 9], 449)],
    "11": [([500, 9, 250], 759), ([500 * 0.5], 250)],
    "12": [([186.40, 57.15], 243.55), ([243.55, -50.00], 193.55)],
    "13": [([2148.60, 96.14, 322.29, 612.45, 128.97, 141.10], 3449.55), ([3449.55, -200], 3249.55),
           ([1872.40, -1538.76], 333.64)],
    "14": [([196.40, -131.00], 65.40), ([214.10] * 6, 1284.60)],
    "15": [([174.55] * 6, 1047.30), ([712.35, 174.55], 886.90)],
    "16": [([24.80, 24.80, 37.45], 87.05)],
    "17": [([r(118.40 * 0.7)], 82.88), ([82.88] * 22, 1823.36), ([82.88] * 7, 580.16),
           ([82.88] * 15, 1243.20), ([1823.36, -580.16], 1243.20), ([1243.20, -452.30], 790.90),
           ([r(1243.20 * 0.08)], 99.46), ([246.18, -99.46], 146.72), ([790.90, -146.72], 644.18)],
    "18": [([1596.44, -1096.84], 499.60), ([499.60] * 4, 1998.40), ([134.35] * 12, 1612.20)],
    "19": [([r(612.80 * 0.25)], 153.20), ([612.80, -153.20], 459.60), ([1336.14, -459.60], 876.54),
           ([876.54, -57.00], 819.54)],
    "20": [([318.72, -57.74], 260.98), ([318.72, 260.98], 579.70), ([144.93] * 3 + [144.91], 579.70)],
    "22": [([23.80] * 23 + [23.60], 571.00)],
    "23": [([31240, -25380], 5860), ([r(5860 * 0.04)], 234.40), ([r(234.40 / 12)], 19.53)],
    "24": [([64.27] * 3 + [1.38], 194.19)],
}

# Art. 6:96 BW staffel: code -> (principal, printed costs, printed btw or None)
WIK = {"12": (193.55, 40.00, None), "13": (2148.60, 322.29, None)}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(r"^(.*)-b95-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, code = m.group(1), m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if "<<FF>>" in text:
        errs.append("page marker left in text")
    if (code in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("explicit deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif code in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision kind without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if truth["stage"] in ("reminder", "aanmaning"):
            errs.append("objection_deadline on a reminder")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if "zes weken" not in text and "6 weken" not in text:
            errs.append("no six-week term printed")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if squash(appt["place"].split(",")[0]) not in flat:
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")

    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(truth["amount_due"], 2)
                   for a in truth["amounts"]):
            errs.append("amount_due not listed as total")

    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if truth["amount_due"] is None and (not dl or dl["action"] != "pay"):
            errs.append("iban given but nothing to pay")
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
    for ref in truth["reference_numbers"]:
        if squash(ref) not in flat:
            errs.append(f"reference {ref} not printed")

    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(valid)} valid 9-digit numbers")
    for b in bsns:
        if not bsn_valid(b.replace(".", "")) and re.search(r"(BSN|[Bb]urgerservicenummer)\W+" + re.escape(b), text):
            errs.append(f"labelled BSN {b} fails elfproef")

    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs, btw = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b95-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
