"""Consistency check for batch-26 ("the calendar"): every NAME.json against NAME.txt.

Run with the project's Python from any directory:  python check.py
Independent of snapdebrief: nothing here imports the package.
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
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ----------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(x) * WEIGHTS[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = {10: 1, 11: 0}.get(11 - total % 11, 11 - total % 11)
    return int(k[0]) == c


# --- calendar -------------------------------------------------------------------------------

KB = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in KB if d.year == y}


def working(d: date) -> bool:
    return d.weekday() < 5 and d not in holidays(d.year)


def objection(ld: date) -> date:
    d = ld + timedelta(42)
    while not working(d):
        d += timedelta(1)
    return d


def add_workdays(d: date, n: int) -> date:
    while n:
        d += timedelta(1)
        n -= working(d)
    return d


WORDS = {date(2026, 10, 15): "vijftiende oktober tweeduizendzesentwintig"}


def forms(d: date) -> list[str]:
    out = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), d.strftime("%d.%m.%y"),
           d.isoformat()]
    if d in WORDS:
        out.append(WORDS[d])
    return out


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in forms(d))


# --- how each deadline is derived, written down independently of the JSON files ---------------
# number -> ("printed",) | ("days", n) | ("workdays", n) | ("month_end",) | None (no deadline)
DEADLINE_RULE = {
    "01": ("printed",),        # first instalment 31-03-2027 in the table on page 2
    "02": ("printed",),        # voor 26-10-2026
    "03": None,                # nothing asked; 4-week term is conditional
    "04": ("printed",),        # only on the payment slip
    "05": ("printed",),        # 1e termijn 28-02-2027 (a Sunday, as printed)
    "06": ("days", 14),        # binnen veertien dagen na de dagtekening
    "07": ("month_end",),      # voor het einde van juni 2026
    "08": ("printed",),        # uiterlijk 9 juni 2026
    "09": ("printed",),        # voor 18 augustus 2026
    "10": ("days", 14),        # binnen 14 dagen na ontvangst -> from the letter date
    "11": ("printed",),        # uiterlijk vrijdag 25 september 2026
    "12": ("printed",),        # hearing woensdag 11 november 2026
    "13": ("printed",),        # uiterlijk op dinsdag 24 maart 2026
    "14": ("days", 14),        # binnen twee weken -> Whit Monday, no shift
    "15": ("printed",),        # uiterlijk vrijdag 4 december 2026
    "16": ("printed",),        # uiterste ontvangstdatum 14-01-2027
    "17": None,
    "18": ("printed",),        # first instalment 31-08-2026 in the table
    "19": ("workdays", 10),    # binnen 10 werkdagen
    "20": ("printed",),        # uiterlijk 9 november 2026 (= three weeks)
    "21": ("printed",),        # vervaldatum 23-11-2026
    "22": ("printed",),        # appointment 2 februari 2027
    "23": ("printed",),        # hearing 28 mei 2026
    "24": None,
    "25": None,
}

SUMS = {
    "01": [([19874, -3214, -13870], 2790), ([279] * 10, 2790)],
    "02": [([864.00, 18.00, 4.26], 886.26)],
    "03": [([243] * 12, 2916)],
    "04": [([3312, -2688], 624), ([26] * 24, 624)],
    "05": [([307.94, 348.60, 221.16], 877.70), ([438.85, 438.85], 877.70), ([87.77] * 10, 877.70)],
    "06": [([412.36, -200.00], 212.36), ([212.36, 7.00], 219.36)],
    "07": [([221.04, 468.40], 689.44), ([18.42] * 12, 221.04), ([221.04, -50.00], 171.04)],
    "08": [([214.00, 9.00], 223.00)],
    "09": [([110.00, 9.00, 55.00], 174.00)],
    "11": [([34.95] * 3, 104.85), ([104.85, 40.00, 1.32], 146.17)],
    "12": [([1486.40, 33.96, 222.96], 1743.32), ([1743.32, 118.39], 1861.71)],
    "13": [([2312.75, 96.40, 346.91, 468.00, 132.59, 198.87, -150.00], 3405.52)],
    "14": [([154.90, 154.90, 87.50], 397.30)],
    "15": [([712.45, 55.90], 768.35), ([268.35, 768.35, 768.35], 1805.05), ([768.35, -500.00], 268.35)],
    "16": [([142.00, 142.00], 284.00)],
    "18": [([642.30, 642.30], 1284.60), ([60.00] * 21 + [24.60], 1284.60)],
    "21": [([96.14, 96.14, 1.12], 193.40)],
    "25": [([5148, -4512], 636), ([636, -420], 216)],
}


def wik(p: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0) + 1e-9, 2)


WIK = {"10": (186.40, 40.00), "11": (104.85, 40.00), "12": (1486.40, 222.96), "13": (2312.75, 346.91),
       "15": (1805.05, 270.76)}
OTHER_CHECKS = {  # number -> list of (description, bool)
    "05": [("OZB 312000 x 0,0987%", round(312000 * 0.000987 + 1e-9, 2) == 307.94)],
    "17": [("part month 18/31", round(1580.42 * 18 / 31, 2) == 917.66)],
    "12": [("interest 6% over 139 days", round(1486.40 * 0.06 * (date(2026, 10, 15) - date(2026, 5, 29)).days / 365, 2) == 33.96)],
}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def amounts_in(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        out.add(round(int(whole.replace(".", "")) + (int(frac) if frac.isdigit() else 0) / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check_one(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b26-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != t["kind"]:
        e.append("name does not match <kind>-b26-NN-slug")
        return e
    num = m.group(2)
    if t["kind"] not in KINDS:
        e.append("kind")
    if t["stage"] not in STAGES:
        e.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            e.append(f"forbidden path {bad}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not printed(ld, text):
        e.append("letter date not printed")
    # deadline
    rule = DEADLINE_RULE[num]
    dl = t["deadline"]
    if rule is None:
        if dl is not None:
            e.append("deadline should be null")
    else:
        if dl is None:
            e.append("deadline missing")
        else:
            if dl["action"] not in ACTIONS:
                e.append("action")
            d = date.fromisoformat(dl["date"])
            if rule[0] == "printed" and not printed(d, text):
                e.append("printed deadline not in text")
            if rule[0] == "days" and d != ld + timedelta(rule[1]):
                e.append(f"deadline should be {ld + timedelta(rule[1])}")
            if rule[0] == "workdays" and d != add_workdays(ld, rule[1]):
                e.append(f"deadline should be {add_workdays(ld, rule[1])}")
            if rule[0] == "month_end" and d != ld + relativedelta(day=31):
                e.append("deadline should be the month's last day")
            if d < ld:
                e.append("deadline before letter date")
    # objection
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":
        if not od:
            e.append("decision without objection_deadline")
        elif date.fromisoformat(od) != objection(ld) and not printed(date.fromisoformat(od), text):
            e.append(f"objection should be {objection(ld)}")
    elif od:
        e.append("objection_deadline on a letter that is no bezwaar-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not printed(d, text):
            e.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            if not any(f"{h}{sep}{mm}" in text for h in (hh, hh.lstrip("0")) for sep in (":", ".")):
                e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment should be the attend deadline")
    # amounts
    got = amounts_in(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    if got != listed:
        e.append(f"amounts printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(listed - got)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in got:
            e.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            e.append("amount_due not listed as total")
    # iban / reference
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed IBAN {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            e.append("iban invalid")
        if t["iban"] not in flat:
            e.append("iban not printed")
        if t["amount_due"] is None:
            e.append("iban without anything to pay")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if squash(pr).isdigit() and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = any(bsn_valid(b) for b in bsns)
    if found != t["bsn_found"]:
        e.append(f"bsn_found {t['bsn_found']} but valid BSN in text: {found}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            e.append(f"WIK on {p} is {wik(p)}, printed {c}")
    for desc, ok in OTHER_CHECKS.get(num, []):
        if not ok:
            e.append(desc)
    if not t.get("notes"):
        e.append("notes empty")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
