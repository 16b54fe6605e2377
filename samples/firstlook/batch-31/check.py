"""Consistency check for batch-31: every NAME.json against its NAME.txt.

Run:  python check.py   (from any directory). Needs python-dateutil. Imports nothing of the project.
Checks kind/stage/action/role vocabularies, IBAN mod-97, kenmerk check digit, BSN elfproef, that every
printed euro amount is listed (and vice versa), that deadline / letter dates are printed or follow from
the relative term written in the letter, objection terms (letter date + 42 days, Algemene termijnenwet),
and the sums written down below independently of the JSON files.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent

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
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# letters that print their own last day for bezwaar/beroep: number -> printed day
PRINTED_OBJECTION = {"10": date(2026, 6, 30)}

# relative terms as written: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "04": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "09": (0, 0, 1),    # binnen één maand na de dagtekening (slip also prints the day)
    "11": (0, 0, 1),    # binnen één maand na dagtekening van deze beschikking
    "14": (14, 0, 0),   # binnen 14 dagen na ontvangst -> from the letter date
    "15": (2, 0, 0),    # binnen twee dagen na heden
}

# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([17861, -4983], 12878), ([12878, -11644, -576], 658), ([658, 23], 681)],
    "02": [([62500, -6380], 56120), ([20517, -2905, -15764], 1848), ([168] * 11, 1848)],
    "03": [([2566, -1440], 1126), ([120] * 12, 1440), ([1126, -287], 839)],
    "04": [([1309, -400], 909), ([909, 15], 924)],
    "05": [([121] * 12, 1452)],
    "06": [([9654, -8236], 1418)],
    "07": [([123, -58], 65), ([65] * 9, 585), ([48.75] * 12, 585)],
    "08": [([363.61, 312.00, 198.40], 874.01)],
    "09": [([4.20, 77.20], 81.40)],
    "10": [([348.00, 264.36], 612.36), ([1702.15, -1401.55, -276.00], 24.60), ([24.60] * 12, 295.20),
           ([612.36, -236.16], 376.20), ([59.04] * 4, 236.16)],
    "11": [([121.50, 197.24], 318.74)],
    "12": [([154.00, 10.00], 164.00)],
    "13": [([110.00, 10.00], 120.00), ([110.00, 10.00, 55.00], 175.00)],
    "14": [([34.95] * 3, 104.85), ([104.85, 40.00], 144.85)],
    "15": [([1206.48, 61.37, 180.97, 530.74, 70.00, 118.92], 2168.48), ([2168.48, -150.00], 2018.48)],
    "17": [([742.18, 742.18], 1484.36), ([689.40, 52.78], 742.18)],
    "18": [([70.79] * 3, 212.37)],
    "20": [([332.58, -284.27], 48.31), ([284.27, -48.31], 235.96)],
    "21": [([901.38, 945.88], 1847.26), ([1980.44, -901.38], 1079.06), ([1980.44, -945.88], 1034.56)],
    "25": [([18942.36, -1504.80, -1021.95], 16415.61)],
}

# percentage computations: number -> list of (base, rate, printed)
RATES = {
    "08": [(386000, 0.000942, 363.61)],
    "10": [(295.20, 0.80, 236.16)],
    "13": [(110.00, 0.50, 55.00)],
    "12": [(154.00, 0.50, 77.00)],
    "15": [(1206.48, 0.15, 180.97)],   # WIK: 15% over the first 2500
    "19": [(142.36, 0.75, 106.77), (142.36, 0.70, 99.65)],
}


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0), 2)


WIK = {"14": (104.85, 40.00), "15": (1206.48, 180.97)}

KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def objection_deadline(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


W10 = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * W10[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def fmt(v: float) -> str:
    return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b31-(\d\d)-", p.stem).group(1)
    if list(t) != KEYS:
        errs.append("keys/order")
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(kind + "-b31-"):
        errs.append("kind/stem")
    if t["stage"] not in STAGES:
        errs.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            errs.append(f"forbidden string {bad}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection on non-decision")
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not any(f in text for f in date_forms(want)):
            errs.append("printed objection day not printed")
        if not re.search(r"bezwaar|beroep", text, re.I):
            errs.append("objection deadline but no bezwaar/beroep in text")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if ap["place"] not in text:
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt(v) not in text and not (v == int(v) and fmt(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not t["iban"] and not dl:
            errs.append("amount_due without iban/deadline")
    # accounts and references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in squash(text):
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr and squash(pr) not in squash(text):
        errs.append("payment_reference not printed")
    if pr and len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
        errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails")
    for r in t["reference_numbers"]:
        if squash(r) not in squash(text):
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {sorted(bsns)}")
    if len(bsns) > 1:
        errs.append(f"more than one valid BSN-like number {sorted(bsns)}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for base, rate, printed_v in RATES.get(num, []):
        if round(base * rate + 1e-9, 2) != printed_v:
            errs.append(f"{base} x {rate} = {round(base * rate, 2)}, printed {printed_v}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append("WIK costs")
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
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
