"""Check every NAME.json in this batch against NAME.txt (first-look batch 87).

Run: python check.py   (from anywhere; tools.py is found relative to this file)
Checks: schema values, letter date and deadline printed or derived as BRIEF.md says,
objection deadlines (date + 42, Algemene termijnenwet), every euro amount printed is
listed and every listed amount is printed, sums and WIK costs, IBAN mod-97, betalingskenmerk
check digit, references printed, BSN elfproef against bsn_found, page breaks, no absolute paths.
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
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms, fmt_amount,
    iban_valid, kenmerk_valid, objection_deadline, plus, squash, wik,
)

BATCH = "b87"

# Lenient: any amount after a euro sign or EUR, with any spacing and an optional minus.
AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")

# How each deadline is derived: ("printed",) or ("rel", days, weeks, months) from the letter date.
DEADLINE_RULE = {
    "01": ("rel", 10, 0, 0),   # binnen tien dagen na de datum van deze herinnering
    "02": ("rel", 14, 0, 0),   # binnen 14 dagen, vanaf de dag nadat je de brief hebt gekregen
    "03": ("printed",),
    "04": ("printed",),        # first instalment
    "05": ("rel", 5, 0, 0),    # binnen vijf dagen na dagtekening dezes
    "06": ("rel", 0, 2, 0),    # binnen twee weken na de datum van deze brief
    "07": ("printed",),        # earliest of 'vóór 2 juni' and slip '01-06-2026'
    "09": ("rel", 14, 0, 0),   # binnen 14 dagen nadat u deze brief heeft ontvangen
    "10": ("printed",),
    "11": ("printed",),
    "12": ("printed",),
    "13": ("rel", 14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "15": ("printed",),        # first instalment, page 2
    "16": ("printed",),        # first instalment
    "17": ("printed",),        # first instalment
    "18": ("printed",),
    "19": ("printed",),
    "21": ("printed",),
    "22": ("printed",),        # vóór 15 september 2026, taken as printed
    "23": ("printed",),        # appointment
}

# Letters asking for payment without a date while another action has the deadline.
DUE_WITHOUT_PAY_DEADLINE = {"06"}  # loonbeslag: pay the rest (no date); form back in 2 weeks

# Letters whose bezwaar term is stated as 'zes weken na de datum' (computed the same way).
OWN_DECISION_TERM = {"08"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([30.27, 4 * 16.84, 2 * 19.61, 118.45], 255.30), ([255.30, -100.00], 155.30)],
    "02": [([249.00, 19.95], 268.95), ([268.95, -34.90], 234.05), ([234.05, 40.00], 274.05)],
    "03": [([395.80, 395.80, 84.00], 875.60), ([875.60, -150.00], 725.60),
           ([4.60, 2.40, 5.47], 12.47), ([725.60, 12.47, 108.84, 22.86], 869.77),
           ([395.80, -150.00], 245.80), ([395.80, 84.00], 479.80)],
    "04": [([34.95] * 4, 139.80), ([139.80, 40.00, 1.12], 180.92), ([45.23] * 4, 180.92)],
    "05": [([41.50, 41.50, 63.27, 122.40, -12.50], 256.17), ([256.17, 4.86, 40.00], 301.03)],
    "06": [([1412.60, 61.73, 211.89, 532.50, 68.00, 121.11, 97.56], 2505.39),
           ([2505.39, -250.00], 2255.39)],
    "07": [([156.45, 156.45, 87.30, -100.00], 300.20)],
    "09": [([712.48, 38.50], 750.98), ([750.98, -400.00], 350.98), ([350.98, 750.98], 1101.96),
           ([1101.96, 165.29, 34.71], 1301.96)],
    "10": [([1284.62, 1506.37, 612.04, -524.95], 2878.08), ([215.00] * 12, 2580.00),
           ([2878.08, -2580.00], 298.08)],
    "11": [([68.42, 71.15, 46.90, -40.00], 146.47), ([48.82, 48.82, 48.83], 146.47)],
    "12": [([4873, -4102], 771), ([771, -540], 231), ([231, 12], 243)],
    "13": [([382] * 12, 4584), ([382] * 3, 1146), ([1146, 18], 1164)],
    "14": [([276] * 12, 3312)],
    "15": [([1416, -648], 768), ([32] * 24, 768)],
    "16": [([131.40, 97.34, 243.81], 472.55), ([81.27] * 3, 243.81), ([236.28, 236.27], 472.55),
           ([round(312000 * 0.000312, 2)], 97.34)],
    "17": [([402.60, 198.24, 117.52], 718.36), ([402.60, 198.24], 600.84), ([58.76, 58.76], 117.52)],
    "18": [([139.00, 9.00], 148.00)],
    "19": [([100.00, 9.00, 50.00], 159.00), ([100.00 * 0.5], 50.00)],
    "20": [([1398.72, -786.24], 612.48)],
    "22": [([97.36, 97.36], 194.72)],
    "24": [([54.95, 35.00], 89.95), ([round(54.95 * 21 / 121, 2)], 9.54)],
    "25": [([1086.40, 47.18, 162.96, 386.50], 1683.04), ([120.00] * 13, 1560.00),
           ([1560.00, 130.18], 1690.18), ([1690.18, -1683.04], 7.14)],
}

# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"02": (234.05, 40.00, None), "03": (725.60, 108.84, 22.86), "04": (139.80, 40.00, None),
       "05": (256.17, 40.00, None), "06": (1412.60, 211.89, None), "09": (1101.96, 165.29, 34.71),
       "10": (298.08, 44.71, None), "25": (1086.40, 162.96, None)}

# Interest per period in letter 03: (amount, first day, last day, printed interest), 4% simple
INTEREST_03 = [(395.80, date(2025, 10, 2), date(2026, 1, 15), 4.60),
               (245.80, date(2026, 1, 16), date(2026, 4, 14), 2.40),
               (479.80, date(2026, 1, 1), date(2026, 4, 14), 5.47)]

TWO_PAGE = {"03", "06", "15", "20"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def forms(d: date) -> list[str]:
    return date_forms(d) + [f"{d.day:02d}-{d.month:02d}-{d.year}"]


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def amount_in_text(v: float, text: str) -> bool:
    s = fmt_amount(v)
    return s in text or (v == int(v) and s[:-3] in text)


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    raw_json = p.with_suffix(".json").read_text(encoding="utf-8")
    t = json.loads(raw_json)
    num = re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
            "appointment", "amount_due", "amounts", "iban", "payment_reference",
            "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys differ: {sorted(set(t) ^ keys)}")
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not p.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append("name does not start with kind-b87-")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if re.search(r"(?<![\w.])/(?:work|tmp)/", text + raw_json):
        errs.append("absolute path in letter or truth")

    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")

    # deadline
    dl = t["deadline"]
    rule = DEADLINE_RULE.get(num)
    if dl is None:
        if rule:
            errs.append("deadline missing")
    else:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if dd < ld:
            errs.append("deadline before letter date")
        if not rule:
            errs.append("deadline without rule")
        elif rule[0] == "rel":
            want = plus(ld, days=rule[1], weeks=rule[2], months=rule[3])
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("printed deadline not in text")

    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" or num in OWN_DECISION_TERM:
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection should be {objection_deadline(ld)}")
    elif od is not None:
        errs.append("objection_deadline on a letter that is no decision")

    # appointment
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without attend deadline")

    # amounts
    listed = set()
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        v = round(a["value"], 2)
        if v in listed:
            errs.append(f"amount {v} listed twice")
        listed.add(v)
        if not amount_in_text(v, text):
            errs.append(f"listed amount {v} not printed")
    printed = printed_amounts(text)
    if printed - listed:
        errs.append(f"printed amounts not listed: {sorted(printed - listed)}")
    ad = t["amount_due"]
    if ad is not None:
        if round(ad, 2) not in listed:
            errs.append("amount_due not among amounts")
        roles = [a["role"] for a in t["amounts"] if round(a["value"], 2) == round(ad, 2)]
        if roles != ["total"]:
            errs.append("amount_due should have role total")
        if (not dl or dl["action"] != "pay") and num not in DUE_WITHOUT_PAY_DEADLINE:
            errs.append("amount_due without pay deadline")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")
    if num == "03":
        for amount, start, end, printed_r in INTEREST_03:
            days = (end - start).days + 1
            if round(amount * 0.04 * days / 365, 2) != printed_r or f" {days} " not in text:
                errs.append(f"interest on {amount} wrong")

    # IBANs
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
        if ad is None:
            errs.append("iban without amount_due")
    elif ad is not None:
        errs.append("amount_due without iban")

    # references
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")

    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {bsns}")

    # weekdays printed next to dates must be right
    for wd, d, m, y in re.findall(r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
                                  r"ma|di|wo|do|vr|za|zo)\s+(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", text):
        mi = next((i for i, name in enumerate(MONTHS) if name.startswith(m[:3])), None)
        if mi is None:
            continue
        real = WEEKDAYS[date(int(y), mi + 1, int(d)).weekday()]
        if not real.startswith(wd):
            errs.append(f"{wd} {d} {m} {y} is a {real}")

    # pages
    if (num in TWO_PAGE) != ("\f" in text):
        errs.append("page break mismatch")
    return errs


def main() -> int:
    files = sorted(HERE.glob(f"*-{BATCH}-*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            print(f"README.md lacks {p.stem}")
            bad += 1
    if re.search(r"(?<![\w.])/(?:work|tmp)/", readme):
        print("absolute path in README.md")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
