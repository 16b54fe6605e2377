"""Consistency check for first-look batch 53: every NAME.json against its NAME.txt.

Run: python check.py   (uses the helpers of samples/holdout/tools.py)
Checks kind/stage/actions/roles, letter date printed, deadline printed or derived from the
relative term as BRIEF.md counts it, objection deadline (+42 days, Atw), amounts printed and
listed both ways, sums and WIK costs, IBAN (mod-97) and payment reference printed, 16-digit
kenmerken, BSN elfproef vs bsn_found, appointment date/time printed.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (ACTIONS, KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,  # noqa: E402
                   kenmerk_valid, objection_deadline, plus, printed_amounts, squash)

OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen, te rekenen vanaf de dag na ontvangst
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "06": (14, 0, 0),   # binnen veertien dagen na dagtekening (also on the slip)
    "11": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "12": (0, 0, 1),    # binnen een maand na dagtekening dezer beschikking
    "13": (14, 0, 0),   # binnen 14 dagen na ontvangst
    "17": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "20": (2, 0, 0),    # binnen twee dagen na de dagtekening dezes (Saturday, no shift)
    "23": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
}
# sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([32.50, 15.33], 47.83)],
    "02": [([119.98, 89.99, -20.00], 189.97), ([189.97, 40.00], 229.97)],
    "03": [([29.95] * 3, 89.85)],
    "04": [([214.60, 3.87, 40.00], 258.47)],
    "05": [([138.00, 138.00], 276.00)],
    "06": [([21.40] * 3 + [18.35], 82.55), ([82.55, -20.00], 62.55)],
    "07": [([190.00, 9.00], 199.00), ([190.00 * 0.5], 95.00)],
    "08": [([109.00, 9.00, 54.50], 172.50), ([109.00 * 0.5], 54.50)],
    "09": [([650.00, -150.00], 500.00), ([500.00, 15.00], 515.00)],
    "10": [([273.60, 273.60], 547.20), ([54.72] * 10, 547.20)],
    "11": [([912.66, -500.00], 412.66), ([412.66, 8.00], 420.66)],
    "12": [([381.52, 267.34], 648.86), ([1342.94, -1320.61], 22.33), ([22.33] * 12, 267.96),
           ([267.96 * 0.8], 214.37), ([648.86, -214.37], 434.49)],
    "13": [([731.45, 731.45, -300.50], 1162.40), ([731.45, -300.50], 430.95), ([689.90, 41.55], 731.45),
           ([174.36, 36.62], 210.98)],
    "14": [([158.25] * 2, 316.50), ([105.50] * 3, 316.50)],
    "15": [([102.08] * 6, 612.48)],
    "17": [([87.16] * 2, 174.32)],
    "20": [([1126.40, 41.18, 168.96], 1336.54)],
    "21": [([856.40, 52.77, 128.46], 1037.63), ([1037.63, 120.81], 1158.44)],
    "22": [([11549, -2433, -5204], 3912), ([3912, -3169], 743), ([743, 18], 761)],
    "23": [([388.00, 8.00, 4.12], 400.12)],
    "24": [([302] * 12, 3624)],
    "25": [([123] * 12, 1476), ([1476, -984], 492), ([20.50] * 24, 492)],
}
# WIK: number -> (hoofdsom, printed costs, printed btw or None)
WIK = {"02": (189.97, 40.00, None), "03": (89.85, 40.00, None), "04": (214.60, 40.00, None),
       "06": (62.55, 40.00, None), "13": (1162.40, 174.36, 36.62), "20": (1126.40, 168.96, None),
       "21": (856.40, 128.46, None)}


def money(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wik(principal: float) -> Decimal:
    bands = [(2500, "0.15"), (2500, "0.10"), (5000, "0.05"), (190000, "0.01"), (10 ** 12, "0.005")]
    rest, total = Decimal(str(principal)), Decimal(0)
    for size, rate in bands:
        part = min(rest, Decimal(size))
        total += part * Decimal(rate)
        rest -= part
        if rest <= 0:
            break
    return money(min(max(total, Decimal(40)), Decimal(6775)))


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            d.strftime("%d/%m/%Y"), f"{d.day} {ABBR[d.month - 1]} {d.year}", d.isoformat()]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b53-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b53-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        dd, ww, mm = RELATIVE[num]
        want = plus(ld, days=dd, weeks=ww, months=mm).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl and not printed(date.fromisoformat(dl["date"]), text):
        errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS - {"none"}:
        errs.append("deadline action")
    if dl and dl["action"] == "pay" and t["amount_due"] is None:
        errs.append("pay deadline without amount_due")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection deadline on a non-decision")
    # amounts
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    got = printed_amounts(text)
    missing = {v for v in listed - got
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if got - listed or missing:
        errs.append(f"printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if round(t["amount_due"], 2) not in got:
            errs.append("amount_due not printed with euro sign")
    for parts, total in SUMS.get(num, []):
        if money(sum(Decimal(str(p)) for p in parts)) != money(total):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c, btw = WIK[num]
        if wik(p) != money(c):
            errs.append(f"WIK {p} -> {wik(p)} not {c}")
        if btw is not None and money(Decimal(str(c)) * Decimal("0.21")) != money(btw):
            errs.append(f"btw on {c} != {btw}")
    # accounts and references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["amount_due"] is not None and not t["iban"]:
        errs.append("amount due but no iban")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
        if pr in t["reference_numbers"]:
            errs.append("payment reference repeated in reference_numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    # appointment
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    kinds = {json.loads(p.with_suffix(".json").read_text())["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
