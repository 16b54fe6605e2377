"""Consistency check for first-look batch 30 ("debts that grow").

Run from anywhere:  python check.py
Checks every NAME.json against NAME.txt: schema, printed IBANs (mod-97), payment references and
16-digit kenmerken (check digit), BSNs (elfproef), every money amount printed <-> listed, dates
printed or derived (relative terms, objection term with the Algemene termijnenwet), sums and WIK.
Self-contained on purpose: it imports nothing from the program under test.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b30"

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

# ---------------------------------------------------------------- identifiers


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * KW[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    c = {10: 1, 11: 0}.get(c, c)
    return int(k[0]) == c


# ---------------------------------------------------------------- dates


def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # days named by Koninklijk Besluit


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    base = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    return base | {d for d in KB_DAYS if d.year == y}


def atw(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}", f"{d.day} {MONTHS[d.month - 1][:3]}. {d.year}"]


# Relative terms as printed (letter number -> (days, weeks, months)); counted from the letter date.
RELATIVE = {
    "05": (2, 0, 0),    # binnen twee dagen na betekening (betekend op de dagtekening)
    "10": (14, 0, 0),   # binnen 14 dagen na de dag waarop je deze brief hebt gekregen
    "13": (2, 0, 0),    # binnen twee dagen na heden
    "15": (8, 0, 0),    # binnen acht dagen na heden (valt op zaterdag, geen verschuiving)
    "18": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt ontvangen
    "20": (0, 8, 0),    # binnen 8 weken na de datum van deze brief
    "25": (14, 0, 0),   # binnen 14 dagen na de dagtekening
}

# Sums that must hold (letter number -> list of (parts, total)).
SUMS = {
    "01": [([4812, -3960], 852), ([852, 23], 875), ([3960, -3630], 330)],
    "02": [([1514, -300], 1214), ([1214, 18], 1232)],
    "03": [([223] * 12, 2676), ([2964, -2676], 288), ([288, -137], 151), ([549, -137], 412)],
    "04": [([7842, -5316], 2526), ([105.25] * 24, 2526)],
    "05": [([512.38, -100.00], 412.38), ([412.38, 9.00, 74.00], 495.38)],
    "06": [([372.00, 214.80], 586.80), ([13.10] * 12, 157.20), ([586.80, -157.20], 429.60),
           ([157.20, -58.68], 98.52), ([49.26, 49.26], 98.52), ([58.68] * 10, 586.80)],
    "07": [([187.00, 9.00], 196.00), ([187.00 * 0.5], 93.50)],
    "08": [([112, 9, 56, 112], 289), ([289, -60], 229), ([112 * 0.5], 56)],
    "09": [([450, 90, 90, 275], 905), ([905, -100], 805), ([450 * 0.2], 90)],
    "10": [([189.95, 6.95], 196.90)],
    "11": [([34.99] * 4, 139.96), ([139.96, 2.31, 40.00, -50.00], 132.27)],
    "12": [([1486.20, 41.17, 222.93], 1750.30), ([1750.30, 118.61], 1868.91)],
    "13": [([965.00] * 4, 3860.00), ([119.13, 532.00, 406.00], 1057.13),
           ([3860.00, 96.48, 511.00, 1057.13, 203.00, -250.00], 5477.61)],
    "14": [([2190.00, -1544.60], 645.40),
           ([1212.40, 88.17, 181.86, 649.42, 121.48, 187.30, -75.00], 2365.63)],
    "15": [([212.00, 318.50, 154.00], 684.50), ([684.50, 47.12, 102.68, 453.94, 190.00, 209.66], 1687.90),
           ([1687.90, -612.37], 1075.53)],
    "16": [([156.85] * 6, 941.10), ([38.50] * 10, 385.00)],
    "17": [([174.10] * 6, 1044.60)],
    "18": [([742.18, -600.00], 142.18), ([142.18, 742.18, 742.18], 1626.54)],
    "19": [([212.37, 148.00, 148.00, 148.00], 656.37)],
    "20": [([1744.68, -1146.30], 598.38)],
    "22": [([118.27] * 4, 473.08), ([473.08, 6.12], 479.20)],
    "25": [([401.52, 312.00, 133.20], 846.72), ([105.84] * 8, 846.72), ([105.84] * 2, 211.68),
           ([846.72, -211.68], 635.04), ([635.04, 16.00], 651.04)],
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
    return round(min(max(total + 1e-9, 40.0), 6775.0), 2)


# letter number -> (principal, printed incassokosten)
WIK = {"10": (196.90, 40.00), "11": (139.96, 40.00), "12": (1486.20, 222.93), "13": (3860.00, 511.00),
       "14": (1212.40, 181.86), "15": (684.50, 102.68), "18": (1626.54, 243.98), "19": (656.37, 98.46)}

# ---------------------------------------------------------------- text helpers

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def fmt(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# ---------------------------------------------------------------- the check


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append("kind / file name")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    for p in ("/" + "work/", "/" + "home/", "/" + "root/", ".." + "/shared"):
        if p in text or p in json.dumps(truth):
            errs.append(f"forbidden path {p}")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = add_months(ld + timedelta(days=days + 7 * weeks), months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    decision = truth["stage"] == "decision"
    if kind in OBJECTION_KINDS and decision and not od:
        errs.append("decision without objection deadline")
    if od:
        if not decision:
            errs.append("objection deadline on a non-decision")
        want = atw(ld + timedelta(days=42))
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")

    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = printed_amounts(text)
    missing = {v for v in listed - printed
               if fmt(v) not in text and not (v == int(v) and fmt(v)[:-3] in text)}
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
    if truth["amount_due"] is None and truth["iban"]:
        errs.append("iban without anything to pay")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment reference not printed")
        if re.fullmatch(r"[\d ]{19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("payment reference check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    nines = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9}|\d{3}\.\d{3}\.\d{3})(?![\d])", text)
    valid = [b for b in nines if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers {valid}")
    if truth["bsn_found"] and not re.search(r"BSN|[Bb]urgerservicenummer", text):
        errs.append("bsn printed without a label")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for f in files:
        e = check(f)
        kinds.add(json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        bad += bool(e)
        print(("FAIL " if e else "ok   ") + f.stem + ("  " + "; ".join(e) if e else ""))
    if kinds != KINDS:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
