"""Consistency check for first-look batch 45: every NAME.json against NAME.txt.

Run:  python3 samples/firstlook/batch-45/check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, date arithmetic).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

BATCH = "45"
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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed: number -> (letter date, days, weeks, months, quote)
RELATIVE = {
    "01": (date(2026, 7, 2), 8, 0, 0, "binnen acht dagen na dagtekening"),
    "02": (date(2026, 3, 17), 14, 0, 0, "veertien dagen"),
    "05": (date(2026, 5, 13), 0, 4, 0, "binnen 4 weken na de datum van deze brief"),
    "07": (date(2026, 9, 24), 14, 0, 0, "veertien dagen"),
    "10": (date(2026, 6, 18), 0, 2, 0, "binnen twee weken na de datum van deze brief"),
    "13": (date(2026, 2, 20), 14, 0, 0, "binnen 14 dagen na de datum van deze aanmaning"),
}

# Sums that must hold (written down independently of the JSON): number -> [(parts, total)]
SUMS = {
    "01": [([34.95, 34.95, 34.95, 19.95, -19.95, -30.00], 74.85), ([74.85, 40.00, 0.62], 115.47)],
    "02": [([129.00, 53.95, 6.95], 189.90), ([189.90, -53.95], 135.95)],
    "03": [([2140.48, -1528.00], 612.48), ([102.08] * 6, 612.48)],
    "04": [([131.04, -43.68], 87.36)],
    "05": [([151.20, 151.20], 302.40), ([302.40, -64.35], 238.05), ([79.35] * 3, 238.05)],
    "06": [([186.45, -131.00], 55.45), ([171.60] * 6, 1029.60)],
    "07": [([812.37, 812.37], 1624.74), ([1624.74, -500.00, 86.20], 1210.94), ([181.64, 38.14], 219.78)],
    "08": [([1150.00, -900.00], 250.00), ([250.00, -64.80], 185.20)],
    "09": [([298.90, 322.80, 241.44], 863.14), ([863.14, -63.14], 800.00), ([400.00] * 2, 800.00),
           ([80.00] * 10, 800.00), ([round(312000 * 0.000958, 2)], 298.90)],
    "10": [([412.36, -200.00], 212.36), ([212.36, 9.00], 221.36)],
    "11": [([356.40, 253.00, 124.80], 734.20), ([356.40, 253.00], 609.40), ([1612.35, -1587.64], 24.71),
           ([round(24.71 * 0.8, 2)], 19.77), ([19.77] * 12, 237.24), ([609.40, -237.24], 372.16),
           ([73.42, 73.42], 146.84), ([734.20, -372.16, -146.84], 215.20)],
    "12": [([9958, -8912], 1046), ([1046, 23], 1069), ([1069, -735], 334)],
    "13": [([1688, -500], 1188), ([1188, 18], 1206)],
    "14": [([312] * 12, 3744), ([312, -287], 25)],
    "15": [([124] * 12, 1488), ([87] * 12, 1044), ([1488, -1044], 444), ([18.50] * 24, 444)],
    "16": [([110, 9], 119), ([110 * 0.5], 55)],
    "17": [([290, 9, 145, 290], 734), ([734, -150], 584), ([290 * 0.5], 145)],
    "18": [([1636.22, -150.00], 1486.22), ([1486.22, 43.17, 222.93], 1752.32), ([1752.32, 118.52], 1870.84)],
    "19": [([2310.00, 61.48, 356.00, 512.40, 139.00, 96.81, 109.62], 3585.31), ([3585.31, -400.00], 3185.31),
           ([2105.18, -1412.36], 692.82)],
    "20": [([62.43] * 20, 1248.60), ([1289.44, -62.43], 1227.01)],
    "21": [([1612.40 / 2], 806.20)],
    "22": [([96.18] * 3, 288.54), ([288.54, 3.12], 291.66)],
    "24": [([186.30, -48.30], 138.00)],
    "25": [([230.75] * 6, 1384.50), ([230.75, 230.75], 461.50), ([1384.50, -461.50], 923.00),
           ([923.00, 138.45, 11.40], 1072.85)],
}

# Announced/charged incassokosten: number -> (principal, printed costs, printed btw or None)
WIK = {"01": (74.85, 40.00, None), "02": (135.95, 40.00, None), "07": (1210.94, 181.64, 38.14),
       "18": (1486.22, 222.93, None), "25": (923.00, 138.45, None)}

DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d,])")


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def all_decimals(text: str) -> set[float]:
    out = set()
    for whole, frac in DECIMAL_RE.findall(text):
        out.add(round(int(whole.replace(".", "")) + int(frac) / 100, 2))
    return out


def is_printed(v: float, text: str) -> bool:
    s = fmt_amount(v)
    return s in text or (v == int(v) and s[:-3] in text)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"([a-z-]+)-b(\d\d)-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(2) != BATCH:
        return [f"bad name {txt.stem}"]
    kind, num = m.group(1), m.group(3)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("empty sender/notes")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    words = "de zeventiende september tweeduizendzesentwintig"
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    if num == "18" and words not in text:
        errs.append("letter date in words missing")
    # deadline
    dl = truth["deadline"]
    if num in RELATIVE:
        base, dd, ww, mm, quote = RELATIVE[num]
        want = plus(base, days=dd, weeks=ww, months=mm).isoformat()
        if base != ld:
            errs.append("relative base != letter date")
        if quote not in text:
            errs.append(f"relative term '{quote}' not printed")
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not any(f in text for f in date_forms(date.fromisoformat(dl["date"]))):
            errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")
    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od and not (truth["stage"] == "decision"):
        errs.append("objection_deadline on a non-decision")
    elif od and od != objection_deadline(ld).isoformat():
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and "zes weken" not in text and "6 weken" not in text:
        errs.append("objection term not printed")
    # appointment
    ap = truth["appointment"]
    if ap:
        if not any(f in text for f in date_forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].lstrip("0").replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment != attend deadline")
    # amounts
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        if not is_printed(a["value"], text):
            errs.append(f"amount {a['value']} not printed")
    euro = printed_amounts(text)
    if euro - listed:
        errs.append(f"euro amounts not listed {sorted(euro - listed)}")
    dec = all_decimals(text)
    if dec - listed:
        errs.append(f"decimal numbers not listed {sorted(dec - listed)}")
    ad = truth["amount_due"]
    totals = [a["value"] for a in truth["amounts"] if a["role"] == "total"]
    if ad is not None:
        if round(ad, 2) not in euro | dec:
            errs.append("amount_due not printed")
        if ad not in totals:
            errs.append("amount_due has no total role")
        if not truth["iban"] and kind != "uitkering-besluit":
            errs.append("amount_due without iban")
    # identifiers
    ib = truth["iban"]
    if ib and (not iban_valid(ib) or ib not in flat):
        errs.append("iban invalid or not printed")
    for p in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(p.replace(" ", "")):
            errs.append(f"printed iban {p} invalid")
    pr = truth["payment_reference"]
    if pr:
        if pr not in text and squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
        if pr in truth["reference_numbers"]:
            errs.append("payment_reference repeated in reference_numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    for r in truth["reference_numbers"]:
        if r not in text and squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    if truth["bsn_found"] != any(bsn_valid(b) for b in bsns):
        errs.append(f"bsn_found {truth['bsn_found']} vs found {[b for b in bsns if bsn_valid(b)]}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        if not is_printed(total, text):
            errs.append(f"sum total {total} not printed")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} wrong")
    pages = text.count("\f") + 1
    if "pagina 2" in text.lower() or "blad 2" in text.lower():
        if pages < 2:
            errs.append("second page announced but no form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b" + BATCH)[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds missing:", sorted(missing))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
