"""Consistency check for first-look batch 67: every NAME.json against NAME.txt.

Run: python check.py   (uses the helper functions of samples/holdout/tools.py)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, iban_valid, kenmerk_valid, objection_deadline, plus,  # noqa: E402
                   fmt_amount, squash)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding", "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment", "amount_due",
        "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed in the letters: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "10": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze mail
    "13": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes
    "18": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze brief
    "22": (0, 3, 0),    # binnen 3 weken na de datum van deze brief
}
# Sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([4583, -4106], 477), ([477, -212], 265)],
    "02": [([1146, -400], 746), ([746, 18, 6], 770)],
    "03": [([264] * 12, 3168)],
    "04": [([129] * 12, 1548), ([86] * 12, 1032), ([1548, -1032], 516), ([21.50] * 24, 516)],
    "05": [([483.12 * 5 / 12], 201.30), ([40.26] * 5, 201.30)],
    "06": [([127.08, 171.36], 298.44), ([298.44, -150], 148.44), ([148.44, 7], 155.44)],
    "07": [([362.28, 120.84], 483.12), ([10.07] * 12, 120.84), ([120.84, -60], 60.84)],
    "08": [([131, 9], 140), ([131 * 0.5], 65.50)],
    "09": [([290, 9], 299), ([290 * 0.5], 145), ([299, 145, -100], 344)],
    "10": [([27.95, 27.95], 55.90)],
    "11": [([219.90, -80], 139.90), ([139.90, 40, 3.12], 183.02)],
    "12": [([612.40, -350, -100], 162.40), ([40.60] * 4, 162.40)],
    "13": [([612.48, 97.30], 709.78), ([709.78, 106.47, 14.21, -150], 680.46)],
    "14": [([1284.60, 61.37, 402.00, 178.00, 123.52, 128.43], 2177.92), ([2177.92, -250], 1927.92)],
    "15": [([1694.60, -200], 1494.60), ([1494.60, 31.84, 224.19], 1750.63), ([1750.63, 126.19], 1876.82)],
    "16": [([158.75, 158.75, -100, -42.30], 175.20), ([58.40] * 3, 175.20)],
    "18": [([812.64, -600], 212.64), ([212.64, 812.64], 1025.28)],
    "19": [([142] * 12, 1704), ([1842.17, -1704], 138.17), ([138.17, -41.50], 96.67)],
    "20": [([24.60] * 3, 73.80), ([73.80, -24.60], 49.20)],
    "21": [([905.20 * 0.7], 633.64), ([978.40 * 0.7], 684.88), ([633.64, 684.88], 1318.52)],
    "23": [([63.18, 63.18, -30], 96.36)],
    "25": [([331.20, 49.68, 24.12], 405.00)],
}
TOLERANCE: dict = {}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs, printed btw or None)
WIK = {"10": (55.90, 40.00, None), "11": (139.90, 40.00, None), "13": (709.78, 106.47, None),
       "15": (1494.60, 224.19, None), "18": (1025.28, 153.79, 32.30), "25": (331.20, 49.68, None)}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def r2(x: float) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wik(principal: float) -> Decimal:
    bands = [(2500, "0.15"), (2500, "0.10"), (5000, "0.05"), (190000, "0.01"), (10**12, "0.005")]
    rest, total = Decimal(str(principal)), Decimal(0)
    for size, rate in bands:
        part = min(rest, Decimal(size))
        total += part * Decimal(rate)
        rest -= part
        if rest <= 0:
            break
    return min(max(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal(40)), Decimal(6775))


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {m[:3]}. {d.year}"]


def printed(d: date, text: str) -> bool:
    return any(f in text for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b67-(\d\d)-", txt.stem).group(1)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b67-"):
        errs.append(f"kind {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not printed(dd, text):
            errs.append(f"deadline {dd} not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment != attend deadline")
    # amounts
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    pa = printed_amounts(text)
    missing = {v for v in listed - pa if fmt_amount(v) not in text}
    if pa - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(pa - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in pa:
            errs.append("amount_due not printed with a currency sign")
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not in amounts")
    for parts, total in SUMS.get(num, []):
        tol = Decimal(str(TOLERANCE.get((num, total), 0)))
        if abs(r2(sum(parts)) - r2(total)) > tol:
            errs.append(f"sum {parts} = {r2(sum(parts))} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != r2(costs):
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and r2(costs * 0.21) != r2(btw):
            errs.append(f"btw on {costs} is {r2(costs * 0.21)}, printed {btw}")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid (mod-97)")
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
    if t["bsn_found"] != any(bsn_valid(b) for b in bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid BSNs {[b for b in bsns if bsn_valid(b)]}")
    if t["bsn_found"] and any(not bsn_valid(b) for b in bsns):
        errs.append("a printed BSN-like number fails the elfproef")
    if not t["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b67-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
