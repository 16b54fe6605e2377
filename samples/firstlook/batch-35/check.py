"""Check every NAME.json of batch-35 against its NAME.txt.

Run from anywhere:  python check.py
Self-contained on purpose: imports nothing from the project.
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
# built from parts so that this file itself holds no such path
FORBIDDEN = re.compile("|".join(re.escape("/" + w + "/") for w in ("work", "home", "root"))
                       + "|" + re.escape(".." + "/shared"))
BATCH = "b35"

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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MON3 = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
DAY2 = ["ma", "di", "wo", "do", "vr", "za", "zo"]

# --- per-letter facts written down independently of the JSON files -------------------------

# relative deadline terms: number -> (phrase that must be printed, days, months)
RELATIVE = {
    "03": ("binnen veertien dagen na de datum van deze", 14, 0),
    "07": ("binnen een maand na de datum van deze brief", 0, 1),
    "10": ("nog 14 dagen de tijd", 14, 0),
    "12": ("binnen twee maal vierentwintig uur na dagtekening", 2, 0),
    "19": ("acht dagen na de dagtekening", 8, 0),
    "21": ("binnen zes weken na de datum van deze brief", 42, 0),
}
# letters where the deadline is a printed date, as printed
PRINTED_DEADLINE = {
    "01": "28-02-2026", "05": "1 augustus 2026", "06": "31-03-2026", "08": "22-10-2026",
    "09": "10 december 2026", "11": "maandag 9 november 2026", "13": "woensdag 10 juni 2026",
    "14": "op of voor 15 mei 2026", "16": "uiterlijk dinsdag\n17 maart 2026",
    "17": "donderdag 10 september", "18": "niet later dan 12-11-2026",
    "22": "tot en met vrijdag 8 mei 2026", "23": "di 10 mrt 2026", "24": "woensdag 7 oktober 2026",
}
NO_DEADLINE = {"02", "04", "15", "20", "25"}
# conditional or other dates that must NOT be the deadline
NOT_DEADLINE = {
    "02": ["2026-05-15"], "04": ["2027-02-01", "2026-12-20"], "06": ["2025-01-01"],
    "08": ["2026-07-12", "2026-10-08"], "09": ["2026-10-08", "2026-07-09"], "10": ["2026-01-28"],
    "12": ["2026-04-03"], "13": ["2026-03-14"], "16": ["2026-03-31", "2026-07-01"],
    "17": ["2026-09-25"], "18": ["2026-09-01", "2026-10-01"], "19": ["2026-12-17", "2026-12-03"],
    "20": ["2026-07-24", "2027-03-14"], "21": ["2026-10-01", "2008-06-14"], "22": ["2026-05-19"],
    "24": ["2026-09-30"], "25": ["2026-12-01", "2027-01-04"],
}
# objection deadlines stated as a printed day (none in this batch: all are six-week terms)
PRINTED_OBJECTION: dict[str, str] = {}

# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([9824, -3621, -3046], 3157), ([287] * 11, 3157)],
    "02": [([6730, -6318], 412)],
    "03": [([1278.00, 18.00, 9.30], 1305.30)],
    "04": [([318.00] * 12, 3816.00)],
    "05": [([1660, -1018], 642), ([26.75] * 24, 642)],
    "06": [([234.31, 289.44, 341.40, 104.28, 68.95, 188.22], 1226.60), ([62.74] * 3, 188.22)],
    "07": [([548.52, -411.36], 137.16), ([11.43] * 12, 137.16)],
    "08": [([149.00, 9.00], 158.00)],
    "09": [([110, 9, 55, 110, -40], 244)],
    "10": [([84.95, 19.95, -19.95], 84.95)],
    "11": [([78.10] * 4, 312.40), ([312.40, 6.18, 46.86], 365.44)],
    "12": [([1204.80, 38.12, 180.72, 37.95], 1461.59)],
    "13": [([925.00, 21.84, 138.75], 1085.59)],
    "14": [([146.35, 146.35], 292.70)],
    "16": [([689.50, 689.50], 1379.00)],
    "17": [([875, 875], 1750), ([1750, -300], 1450)],
    "18": [([164, 164], 328)],
    "23": [([88.12, 88.12, 2.41], 178.65)],
}
# WIK (Besluit vergoeding voor buitengerechtelijke incassokosten): number -> (principal, costs, btw)
WIK = {"10": (84.95, 40.00, None), "11": (312.40, 46.86, None), "12": (1204.80, 180.72, 37.95),
       "13": (925.00, 138.75, None)}


# --- helpers ------------------------------------------------------------------------------

def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * KW[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    out = {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
           e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}
    return out | {d for d in {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)} if d.year == y}


def atw(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def fmt_amount(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


AMOUNT_RE = re.compile(r"(?:€|EUR)\s*(?:-\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def printed_amounts(text: str) -> list[float]:
    return [round(int(w.replace(".", "")) + (int(f) / 100 if f else 0), 2)
            for w, f in AMOUNT_RE.findall(text)]


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {MON3[d.month - 1]} {d.year}", f"{d.day} {MONTHS[d.month - 1]}"]


def norm(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


def check_weekdays(text: str) -> list[str]:
    errs = []
    flat = re.sub(r"\s+", " ", text)
    for wd, day, mon, yr in re.findall(
            r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)"
            r" (\d{1,2}) ([a-z]+)\.? (\d{4})", flat):
        mons = MONTHS if mon in MONTHS else MON3
        if mon not in mons:
            continue
        d = date(int(yr), mons.index(mon) + 1, int(day))
        want = DAYS[d.weekday()] if len(wd) > 2 else DAY2[d.weekday()]
        if wd != want:
            errs.append(f"weekday {wd} {day} {mon} {yr} should be {want}")
    return errs


# --- the check ----------------------------------------------------------------------------

def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    ntext = norm(text)
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in ntext for f in date_forms(ld)[:2]) and "twintigste mei tweeduizendzesentwintig" not in text:
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in NO_DEADLINE:
        if dl is not None:
            errs.append("deadline should be null")
    elif dl is None:
        errs.append("deadline missing")
    else:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            phrase, days, months = RELATIVE[num]
            if norm(phrase) not in ntext and phrase.replace("\n", " ") not in re.sub(r"\s+", " ", text):
                errs.append(f"relative phrase not printed: {phrase!r}")
            want = ld + timedelta(days) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif num in PRINTED_DEADLINE:
            printed = PRINTED_DEADLINE[num]
            if printed not in text:
                errs.append(f"printed deadline phrase missing: {printed!r}")
            if not any(f in re.sub(r"\s+", " ", printed) for f in date_forms(dd)) and \
                    f"{DAY2[dd.weekday()]} {dd.day} {MON3[dd.month - 1]} {dd.year}" != printed:
                errs.append(f"deadline {dd} does not match printed {printed!r}")
        else:
            errs.append("deadline not documented in check.py")
    for other in NOT_DEADLINE.get(num, []):
        if dl and dl["date"] == other:
            errs.append(f"deadline is a trap date {other}")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" or (t["stage"] == "decision" and od):
        want = PRINTED_OBJECTION.get(num) or atw(ld + timedelta(42)).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
        if not re.search(r"(zes|6) weken", text):
            errs.append("no six-week term printed")
    elif od is not None:
        errs.append("objection deadline on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        a = date.fromisoformat(ap["date"])
        if not any(f in ntext for f in date_forms(a)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")
    # amounts
    printed = set(printed_amounts(text))
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if printed - listed:
        errs.append(f"printed not listed {sorted(printed - listed)}")
    missing = [v for v in listed if v not in printed and fmt_amount(v) not in text
               and fmt_amount(v)[:-3] not in text]
    if missing:
        errs.append(f"listed not printed {missing}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        w = round(min(max(min(principal, 2500) * 0.15 + max(min(principal - 2500, 2500), 0) * 0.10, 40), 6775), 2)
        if w != costs:
            errs.append(f"WIK {principal} -> {w}, printed {costs}")
        if btw is not None and round(costs * 0.21, 2) != btw:
            errs.append("btw on WIK costs")
    # iban / reference / numbers
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
    if t["amount_due"] is not None and not t["iban"]:
        errs.append("amount due but no iban")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment reference not printed")
        if re.fullmatch(r"[\d ]{19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    valid = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid candidates {valid}")
    errs += check_weekdays(text)
    if FORBIDDEN.search(text + json.dumps(t)):
        errs.append("absolute path in file")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"{len(files)} letters, want 25")
        bad += 1
    for p in HERE.iterdir():
        if p.is_file() and FORBIDDEN.search(p.read_text(encoding="utf-8")):
            print("absolute path in", p.name)
            bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
