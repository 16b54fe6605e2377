"""Check every NAME.json of batch 47 against its NAME.txt (run: python check.py).

Uses only the helper functions of samples/holdout/tools.py; the per-letter arithmetic
below is written down independently of the JSON files.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, iban_valid, kenmerk_valid, objection_deadline,  # noqa: E402
                   plus, wik, fmt_amount, squash)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed: letter number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # veertien dagen vanaf de dag nadat u deze brief heeft ontvangen
    "03": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "07": (0, 4, 0),    # binnen vier weken na de datum van deze e-mail
    "10": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "16": (8, 0, 0),    # binnen 8 dagen na de datum van deze e-mail
    "24": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze brief
}
# Objection terms stated as a printed last day (none in this batch): number -> ISO date
PRINTED_OBJECTION = {}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([58.95, 61.40], 120.35), ([52.50, 6.45], 58.95), ([52.50, 8.90], 61.40)],
    "02": [([58.95, 61.40, 58.95], 179.30), ([179.30, 1.12], 180.42)],
    "03": [([179.30, 3.05, 40.00], 222.35), ([222.35, -40.00], 182.35)],
    "04": [([212.60, 748.20], 960.80), ([535.60, 212.60], 748.20), ([702.15, 46.05], 748.20)],
    "05": [([1992.15, 14.37, 298.82, 128.09], 2433.43), ([105.86, 22.23], 128.09)],
    "06": [([142.00, 142.00, 142.00, -100.00], 326.00)],
    "07": [([158.75, 158.75], 317.50), ([144.55, 14.20], 158.75), ([63.50] * 5, 317.50)],
    "08": [([158.75] * 6, 952.50)],
    "09": [([235.86, 235.86], 471.72), ([78.62] * 6, 471.72)],
    "10": [([235.86, 9.00], 244.86)],
    "11": [([471.72, -348.48], 123.24), ([1656.21, -1643.37], 12.84), ([10.27] * 12, 123.24)],
    "14": [([2104.55, -1275.11], 829.44), ([829.44, -145.27], 684.17)],
    "17": [([11417, -2762, -5155], 3500), ([3500, -3912], -412)],
    "18": [([1377, -250], 1127), ([1127, 19], 1146)],
    "19": [([1539, -1287], 252), ([21] * 12, 252)],
    "20": [([287] * 12, 3444), ([702.15, 26.10], 728.25)],
    "21": [([440.00, 9.00], 449.00)],
    "22": [([440.00, 9.00, 220.00], 669.00), ([440.00 * 0.5], 220.00)],
    "23": [([96.31, 96.31], 192.62)],
    "24": [([247.90, 164.50], 412.40), ([412.40, -200.00], 212.40)],
    "25": [([689.40, -268.00], 421.40), ([421.40, 421.40], 842.80)],
}
# 14-day letters / summonses: number -> (principal, printed incassokosten)
WIK = {"02": (179.30, 40.00), "03": (179.30, 40.00), "05": (1992.15, 298.82), "24": (212.40, 40.00)}
# UWV: allowed benefit = paid - 70% of income
EXTRA = {"14": lambda: round(2104.55 - 0.7 * 1184.91, 2) == 1275.11}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d,])")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b47-(\d\d)-", txt.stem).group(1)
    kind = t["kind"]
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    if kind not in KINDS or not txt.stem.startswith(kind + "-b47-"):
        errs.append(f"kind/stem {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"] or t["sender"].split()[0].lower() not in text.lower():
        errs.append("sender not in text")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        days, weeks, months = RELATIVE[num]
        want = plus(ld, days=days, weeks=weeks, months=months).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl and not any(f in text for f in date_forms(date.fromisoformat(dl["date"]))):
        errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    if dl and dl["action"] == "pay" and t["amount_due"] is None:
        errs.append("pay deadline without amount_due")
    if t["amount_due"] is not None and not dl:
        errs.append("amount_due without deadline")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
    # appointment
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in date_forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("appointment != attend deadline")
    if dl and dl["action"] == "attend" and not ap:
        errs.append("attend without appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    # accounts and references
    printed_ibans = [i.replace(" ", "") for i in
                     re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text)]
    for ib in printed_ibans:
        if not iban_valid(ib):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in printed_ibans:
            errs.append("iban invalid or not printed")
    elif t["amount_due"] is not None:
        errs.append("amount due but no iban")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {valid}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if num in EXTRA and not EXTRA[num]():
        errs.append("extra arithmetic")
    if "\f" in text and text.count("\f") < 1:
        errs.append("page split")
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
