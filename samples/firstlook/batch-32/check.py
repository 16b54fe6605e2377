"""Consistency check for batch-32: every NAME.json against its NAME.txt.

Run: python check.py   (from any directory; it only reads files next to itself)
Self-contained on purpose: it imports nothing from the project.
"""

from __future__ import annotations

import calendar
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
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


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


# --- dates ---------------------------------------------------------------------------------


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


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}


def objection_day(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# Relative terms as printed, written down independently of the JSON: number -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (0, 2, 0),    # binnen twee weken na de dagtekening van deze herinnering
    "08": (0, 0, 1),    # binnen één maand na de dagtekening van deze beschikking
    "11": (14, 0, 0),   # binnen 14 dagen na de dag waarop je deze mail ontvangt
    "25": (8, 0, 0),    # binnen 8 dagen na dagtekening van deze brief
}
# Letters whose objection term is printed as a date (none in this batch).
PRINTED_OBJECTION: dict[str, str] = {}

# --- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2,5}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        v = int(whole.replace(".", ""))
        if frac and frac.isdigit():
            v = v + int(frac) / 10 ** len(frac)
        out.add(round(v, 5))
    return out


# Sums that must hold (number -> list of (parts, total)); written from the letters' arithmetic.
SUMS = {
    "01": [([14936, -3362], 11574), ([11574, -9143], 2431), ([221] * 11, 2431)],
    "02": [([1884, -1200], 684)],
    "03": [([1816, -500], 1316), ([1316, 18], 1334)],
    "04": [([131] * 12, 1572)],
    "05": [([3060, -2196], 864), ([36] * 24, 864)],
    "06": [([261.74, 318.60, 214.32], 794.66), ([397.33, 397.33], 794.66)],
    "07": [([118.26, 170.88], 289.14), ([289.14, -96.38], 192.76), ([96.38] * 3, 289.14)],
    "08": [([398.16, 214.24], 612.40), ([1347.90, -1332.60], 15.30), ([15.30] * 12, 183.60),
           ([612.40, -183.60], 428.80)],
    "09": [([161, 9], 170)],
    "10": [([105, 9, 52.50, 105], 271.50), ([105, 9], 114), ([105 / 2], 52.50)],
    "11": [([64.95, 17.50, 4.00], 86.45)],
    "12": [([34.95] * 3, 104.85), ([104.85, 40.00, 2.17, -20.00], 127.02)],
    "13": [([1148.26, 35.67, 172.24], 1356.17), ([1356.17, 119.31], 1475.48)],
    "14": [([1604.10, 218.33, 1023.74], 2846.17)],
    "15": [([141.25, 7.50], 148.75), ([148.75, 148.75], 297.50)],
    "16": [([612.30, 41.70], 654.00), ([654.00, 654.00, -300.00], 1008.00)],
    "17": [([137.62] * 3, 412.86)],
    "18": [([1486.20, -1063.02], 423.18)],
    "20": [([25104.11, 612.08, -964.10], 24752.09), ([96.41, 96.41], 192.82)],
    "24": [([114.00] * 6, 684.00)],
}
# OZB: WOZ value x rate
PRODUCTS = {"06": (287000 * 0.000912, 261.74)}


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0) + 1e-9, 2)


# number -> (principal, printed incassokosten)
WIK = {"11": (86.45, 40.00), "12": (104.85, 40.00), "13": (1148.26, 172.24), "17": (412.86, 61.93)}

# --- the check -----------------------------------------------------------------------------


# absolute paths and the shared folder must not appear in any file (built so as not to contain them)
FORBIDDEN = re.compile("|".join(re.escape(x) for x in (
    "/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/", ".." + "/" + "shared")))


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b32-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["name does not follow <kind>-b32-NN-<slug>"]
    kind, num = m.group(1), m.group(2)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']} vs name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"] or not t["notes"]:
        errs.append("sender/notes empty")
    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = add_months(ld + timedelta(days=days + 7 * weeks), months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if t["stage"] in ("reminder", "aanmaning"):
            errs.append("objection_deadline on a reminder")
        want = PRINTED_OBJECTION.get(num) or objection_day(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            if f"{int(hh)}.{mm}" not in text and f"{hh}:{mm}" not in text:
                errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 5) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if printed != listed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 5) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due has no total role")
    if t["amount_due"] is None and (t["iban"] or t["payment_reference"]):
        errs.append("iban/reference without amount_due")
    if t["amount_due"] is not None and dl and dl["action"] not in ("pay", "attend"):
        errs.append("amount_due but deadline not pay")
    # accounts and references
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}(?!\d)", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if squash(pr).isdigit() and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates payment_reference")
    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but found {bsns}")
    # weekdays printed next to dates must be right
    for wd, dd, mon, yy in re.findall(
            r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(\d{1,2})\s+"
            r"(" + "|".join(MONTHS) + r")\s+(\d{4})", text):
        d = date(int(yy), MONTHS.index(mon) + 1, int(dd))
        if WEEKDAYS[d.weekday()] != wd:
            errs.append(f"weekday {wd} {dd} {mon} {yy} wrong")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in PRODUCTS:
        calc, shown = PRODUCTS[num]
        if round(calc + 1e-9, 2) != shown:
            errs.append(f"product {calc} != {shown}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    # hygiene
    for name in (txt, txt.with_suffix(".json")):
        body = name.read_text(encoding="utf-8")
        if FORBIDDEN.search(body):
            errs.append(f"path text in {name.name}")
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
    for extra in sorted(set(HERE.glob("*.json")) - {p.with_suffix('.json') for p in files}):
        print(f"json without txt: {extra.name}")
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
