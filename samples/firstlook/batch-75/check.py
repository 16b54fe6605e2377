"""Consistency check for first-look batch 75: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses the helpers of samples/holdout/tools.py,
found relative to this file. The arithmetic below is written down independently of the JSON.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE = {
    "03": (date(2026, 9, 10), 14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "07": (date(2026, 5, 13), 14, 0, 0),   # binnen 14 dagen na de dagtekening
    "08": (date(2026, 7, 8), 14, 0, 0),    # binnen 14 dagen na de datum van deze aanmaning
    "12": (date(2026, 5, 19), 7, 0, 0),    # binnen 7 dagen na de datum van deze e-mail
    "13": (date(2026, 4, 8), 14, 0, 0),    # veertien dagen na ontvangst -> from letter date
    "15": (date(2027, 1, 19), 8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "16": (date(2026, 7, 14), 0, 4, 0),    # binnen vier weken na de datum van deze brief
    "18": (date(2026, 5, 6), 10, 0, 0),    # binnen 10 dagen (e-mail date)
    "19": (date(2026, 9, 22), 0, 2, 0),    # binnen twee weken na de datum van deze herinnering
}
# Letters whose objection day is printed in the letter (none in this batch)
PRINTED_OBJECTION: set[str] = set()

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([17347, -4918], 12429), ([12429, -11186], 1243)],
    "02": [([8990, -5178], 3812), ([4976, -3812], 1164), ([97] * 12, 1164)],
    "03": [([1243, 18], 1261)],
    "04": [([312] * 12, 3744)],
    "05": [([1488, -1104], 384), ([16] * 24, 384)],
    "06": [([47.82] * 10, 478.20)],
    "07": [([5.40, 75.80], 81.20)],
    "08": [([137.92, 313.59], 451.51), ([451.51, -150.00], 301.51), ([301.51, 8.00], 309.51)],
    "10": [([131, 9], 140)],
    "11": [([180, 9, 90], 279), ([279, 180], 459)],
    "12": [([34.95] * 3, 104.85), ([104.85, 40.00, 1.12], 145.97)],
    "13": [([248.72, -62.30], 186.42)],
    "14": [([842.17] * 3, 2526.51), ([2526.51, 377.65, 79.31, 21.38, 116.30], 3121.15)],
    "15": [([1418.22, 96.40, 212.73, 562.30, 128.10, 203.30], 2621.05), ([2621.05, -100.00], 2521.05)],
    "16": [([147.85, 147.85, 87.30], 383.00), ([76.60] * 5, 383.00)],
    "17": [([781.62, 60.55], 842.17)],
    "18": [([176, 176], 352)],
    "19": [([19.20, 37.18, 11.06, 6.07], 73.51)],
    "20": [([402.18, 391.07, 391.11], 1184.36)],
    "21": [([350.67, 350.67], 701.34), ([412.56, 350.67], 763.23)],
}
# btw 9% on the drinking-water bill of letter 19
VAT = {"19": (67.44, 0.09, 6.07)}
# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"12": (104.85, 40.00, None), "14": (2526.51, 377.65, 79.31), "15": (1418.22, 212.73, None)}
DATE_IN_WORDS = {"14": "zeventiende november tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y")]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b75-(\d\d)-", txt.stem).group(1)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b75-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and DATE_IN_WORDS.get(num, "\0") not in text:
        errs.append("letter date not printed")
    if num in DATE_IN_WORDS and DATE_IN_WORDS[num] not in text:
        errs.append("date in words missing")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            base, days, weeks, months = RELATIVE[num]
            if base != ld:
                errs.append("relative base != letter date")
            if d != plus(base, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(base, days=days, weeks=weeks, months=months)}")
        elif not printed(d, text):
            errs.append("explicit deadline not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and not (kind in OBJECTION_KINDS or t["stage"] == "decision"):
        errs.append("objection_deadline on a non-decision")
    if od and t["stage"] in ("reminder", "aanmaning"):
        errs.append("objection_deadline on a reminder")
    if od:
        odd = date.fromisoformat(od)
        if txt.stem in PRINTED_OBJECTION:
            if not printed(odd, text):
                errs.append("printed objection day not printed")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if not re.search(r"(zes|6) weken", text):
            errs.append("no six-week term in text")
    # appointment
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    pr_am = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - pr_am if fmt_amount(v) not in text}
    if pr_am - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(pr_am - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in pr_am:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
        if not t["iban"]:
            errs.append("amount due but no iban")
    # iban / reference / numbers
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
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid 9-digit numbers")
    if len(valid) != len(bsns):
        errs.append("a printed 9-digit number fails the elfproef")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in VAT:
        base, rate, vat = VAT[num]
        if round(base * rate + 1e-9, 2) != vat:
            errs.append("vat")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}")
    if any(("/" + root + "/") in text for root in ("wo" "rk", "tm" "p")):
        errs.append("absolute path in letter")
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
