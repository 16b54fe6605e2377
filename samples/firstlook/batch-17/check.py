"""Consistency check for first-look batch 17: every NAME.json against its NAME.txt.

Run:  python check.py   (from anywhere; files are found next to this script)
Independent of snapdebrief: nothing here imports the package.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed in the letters: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "03": (14, 0, 0),   # binnen 2 weken na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen veertien dagen na de dagtekening van deze brief
    "08": (0, 0, 1),    # binnen een maand na de dagtekening van deze beslissing
    "11": (14, 0, 0),   # binnen veertien dagen na de dag waarop u deze e-mail ontvangt
    "12": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes (Sunday, no shift)
    "14": (2, 0, 0),    # binnen twee dagen na heden
    "17": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "19": (15, 0, 0),   # binnen vijftien dagen nadat deze e-mail bij u is bezorgd
    "21": (0, 4, 0),    # binnen vier weken na de dagtekening van deze brief
    "23": (0, 4, 0),    # binnen vier weken na de datum van deze brief
}

# Sums that must hold, written down from the letters: number -> [(parts, total)].
SUMS = {
    "01": [([14960, -5720, -7051], 2189), ([199] * 11, 2189)],
    "02": [([7406, -6918], 488), ([488, -412], 76), ([76, 3], 79)],
    "03": [([1412, -180], 1232), ([1232, 19], 1251)],
    "04": [([118] * 12, 1416), ([263] * 12, 3156), ([118, 263], 381), ([1416, 3156], 4572)],
    "05": [([3612, -2494], 1118)],
    "06": [([261.74, 384.00, 263.40], 909.14), ([90.91] * 9 + [90.95], 909.14)],
    "07": [([138.60, 249.36], 387.96), ([387.96, -130.00], 257.96), ([257.96, 9.00], 266.96)],
    "08": [([341.88, 224.52, 96.00], 662.40), ([341.88, 224.52], 566.40), ([96.00, -24.00], 72.00)],
    "09": [([129.00, 9.00], 138.00)],
    "10": [([110.00, 9.00, 55.00], 174.00), ([174.00, 110.00], 284.00)],
    "11": [([214.60, -60.00], 154.60), ([40.00, 8.40], 48.40)],
    "12": [([34.95] * 3, 104.85), ([104.85, 40.00, 1.37, -25.00], 121.22)],
    "13": [([1284.56, 38.12, 192.68], 1515.36), ([1515.36, 121.19], 1636.55)],
    "14": [([2340.00, 97.44, 351.00, 532.71, 145.00, 136.54], 3602.69), ([3602.69, -250.00], 3352.69)],
    "15": [([152.35, 152.35, 63.40], 368.10), ([122.70] * 3, 368.10)],
    "16": [([152.20] * 6, 913.20)],
    "17": [([681.40, 56.75], 738.15), ([738.15, 738.15, -400.00], 1076.30)],
    "18": [([147.00, 213.84], 360.84)],
    "19": [([58.31, 61.07], 119.38)],
    "21": [([1903.50, -1061.34], 842.16)],
    "23": [([89.37] * 3, 268.11), ([268.11, 1.64], 269.75)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs, printed btw)
WIK = {"11": (154.60, 40.00, 8.40), "12": (104.85, 40.00, None), "13": (1284.56, 192.68, None),
       "14": (2340.00, 351.00, None), "19": (119.38, 40.00, None)}


# --- identifiers -----------------------------------------------------------------------------

def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])
    return total % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates -----------------------------------------------------------------------------------

def easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return date(year, month, day)


EQUATED_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # days equated by KB (as samples/holdout/tools.py)


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    return days | {d for d in EQUATED_DAYS if d.year == year}


def objection_deadline(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def plus(d: date, days: int, weeks: int, months: int) -> date:
    return add_months(d + timedelta(days=days + 7 * weeks), months)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


WORD_DATES = {date(2026, 3, 10): "de tiende maart tweeduizendzesentwintig"}


# --- amounts ---------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")
BARE_AMOUNT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?![\d,])")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total + 1e-9, 40.0), 6775.0), 2)


# --- the check -------------------------------------------------------------------------------

def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b17-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["name does not follow <kind>-b17-NN-<slug>"]
    kind, nr = m.group(1), m.group(2)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(ld, "@@") not in text:
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if nr in RELATIVE:
        want = plus(ld, *RELATIVE[nr]).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not any(f in text for f in date_forms(date.fromisoformat(dl["date"]))):
            errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append(f"action {dl['action']}")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection should be {objection_deadline(ld)}")
    elif od and not (truth["stage"] == "decision" and od == objection_deadline(ld).isoformat()):
        errs.append("objection deadline where none belongs")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("objection on a reminder")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")

    printed = printed_amounts(text)
    bare = {round(int(w.replace(".", "")) + int(f) / 100, 2) for w, f in BARE_AMOUNT_RE.findall(text)}
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed if v not in printed and v not in bare}
    extra = printed - set(listed)
    if missing or extra:
        errs.append(f"amounts listed-not-printed {sorted(missing)} printed-not-listed {sorted(extra)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not any(round(a["value"], 2) == round(due, 2) and a["role"] == "total" for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
    elif any(a["role"] == "total" for a in truth["amounts"]):
        errs.append("total listed but amount_due null")
    if due is None and (truth["iban"] or truth["payment_reference"]):
        errs.append("iban/reference without anything to pay")

    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban fails mod-97")
        if iban not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if pr not in text:
            errs.append("payment_reference not printed as given")
        if re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if r not in text:
            errs.append(f"reference {r} not printed")

    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN(s) printed")

    for parts, total in SUMS.get(nr, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [abs(p) for p in parts] + [total]:
            if round(v, 2) not in listed:
                errs.append(f"sum term {v} not among the amounts")
    if nr in WIK:
        principal, costs, btw = WIK[nr]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} printed {btw}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*-b17-*.txt"))
    bad = 0
    numbers = [re.search(r"-b17-(\d\d)-", p.stem).group(1) for p in files]
    if len(set(numbers)) != len(numbers):
        print("duplicate letter numbers")
        bad += 1
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    print(f"{len(files)} letters, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
