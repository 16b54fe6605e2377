"""Check every NAME.json of batch 44 against its NAME.txt.

Run: python check.py   (from any directory; it looks next to itself)
Self-contained on purpose: it imports nothing from the project.
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
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
        "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- per-letter facts, written down independently of the JSON files ----------------------

# relative terms as printed: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "08": (0, 2, 0),    # binnen twee weken na de dagtekening
    "12": (14, 0, 0),   # binnen veertien dagen na ontvangst -> from letter date
    "15": (2, 0, 0),    # binnen twee dagen na heden
    "18": (8, 0, 0),    # binnen de acht dagen na dagtekening
    "20": (10, 0, 0),   # binnen tien dagen na de datum van deze brief
}
# letters that print their own last day for bezwaar/beroep
PRINTED_OBJECTION = {"09": "2026-06-30"}
# letter dates printed only in words
WORD_DATES = {"14": ("achtste oktober tweeduizendzesentwintig", "2026-10-08")}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([4812, -3655, -322], 835), ([835, 17], 852)],
    "02": [([197] * 12, 2364)],
    "03": [([1146, -400], 746), ([746, 18], 764)],
    "04": [([118] * 12, 1416)],
    "05": [([3420, -2184], 1236), ([51.50] * 24, 1236)],
    "06": [([284.54, 276.00, 248.40], 808.94), ([404.47, 404.47], 808.94),
           ([312000 * 0.000912], 284.54)],
    "07": [([3 * 74.41], 223.23), ([112.68, 223.23], 335.91)],
    "08": [([697.32, -348.66], 348.66), ([348.66, 9.00], 357.66)],
    "09": [([312.00, 198.60, 75.60], 586.20), ([312.00, 198.60, -412.80], 97.80),
           ([97.80, 75.60], 173.40)],
    "10": [([109, 9], 118), ([109 * 0.5], 54.50)],
    "11": [([290, 9], 299), ([290 * 0.5], 145), ([299, 145], 444)],
    "13": [([34.95, 34.95, 5.00], 74.90), ([2.50, 2.50], 5.00)],
    "14": [([1318.45, 63.12, 197.77], 1579.34), ([1579.34, 118.26], 1697.60)],
    "15": [([2146.80, 88.41, 612.00, 145.00, 121.37], 3113.58)],
    "16": [([148.75, 148.75], 297.50)],
    "17": [([687.45, -474.90], 212.55), ([212.55, 687.45], 900.00)],
    "18": [([725, 725], 1450)],
    "19": [([412.36, 129.00], 541.36)],
    "20": [([23.40, 23.40], 46.80)],
    "21": [([142.37 * 0.75], 106.78), ([142.37 * 0.70], 99.66), ([106.78 * 22], 2349.16)],
    "23": [([87.14] * 3, 261.42)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"12": (486.20, 72.93), "14": (1318.45, 197.77)}


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


# --- identifiers -------------------------------------------------------------------------

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
    total = sum(int(x) * KW[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates -------------------------------------------------------------------------------

def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25),
            date(y, 12, 26)} | {d for d in KB_DAYS if d.year == y}


def objection_default(ld: date) -> date:
    d = ld + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError


def date_forms(d: date) -> list[str]:
    dd, mm = f"{d.day:02d}", f"{d.month:02d}"
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{dd}-{mm}-{d.year}",
            f"{dd}.{mm}.{d.year}", f"{dd}/{mm}/{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


# --- amounts -----------------------------------------------------------------------------

NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)"
PREFIXED = re.compile(r"(?:€|EUR)\s*" + NUM + r"(?:,(\d{2}|-))?(?![\d,])")
BARE_CENTS = re.compile(r"(?<![\d.,])" + NUM + r",(\d{2})(?![\d%])")


def to_value(whole: str, frac: str) -> float:
    cents = int(frac) if frac and frac.isdigit() else 0
    return round(int(whole.replace(".", "")) + cents / 100, 2)


def printed_amounts(text: str) -> set[float]:
    out = {to_value(w, f) for w, f in PREFIXED.findall(text)}
    out |= {to_value(w, f) for w, f in BARE_CENTS.findall(text)}
    return out


def fmt(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# --- the check ---------------------------------------------------------------------------

def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-b44-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if num in WORD_DATES:
        words, iso = WORD_DATES[num]
        if words not in re.sub(r"\s+", " ", text) or iso != truth["letter_date"]:
            errs.append("letter date in words")
    elif not printed(ld, text):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = add_months(ld + timedelta(days=days + 7 * weeks), months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    if truth["amount_due"] is not None and (not dl or dl["action"] != "pay") and kind != "deurwaarder":
        errs.append("amount due without pay deadline")

    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        want = PRINTED_OBJECTION.get(num) or objection_default(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not printed(date.fromisoformat(want), text):
            errs.append("printed objection date not in text")
    elif od is not None:
        errs.append("objection deadline on a non-decision")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"]:
            h, mi = ap["time"].split(":")
            if not re.search(rf"(?<!\d)0?{int(h)}[.:]{mi}(?!\d)", text):
                errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
        if not all(part.strip().lower() in re.sub(r"\s+", " ", text).lower() for part in ap["place"].split(",")):
            errs.append("appointment place not printed")

    # amounts
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    if len(set(listed)) != len(listed):
        errs.append("duplicate amount listed")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    found = printed_amounts(text)
    if set(listed) != found:
        errs.append(f"printed-not-listed {sorted(found - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - found)}")
    for v in listed:
        f = fmt(v)
        if f not in text and not (v == int(v) and (f[:-3] in text)):
            errs.append(f"amount {v} not printed as {f}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        totals = [a["value"] for a in truth["amounts"] if a["role"] == "total"]
        if round(truth["amount_due"], 2) not in [round(t, 2) for t in totals]:
            errs.append("amount_due has no total role")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts) + 1e-9, 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")

    # iban, reference, numbers
    flat = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban fails mod-97")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if truth["amount_due"] is None:
            errs.append("iban without amount due")
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} fails mod-97")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9}|\d{4} \d{2} \d{3}|\d{4} \d{4} \d)(?!\d)", text)
    valid = [c for c in cands if bsn_valid(re.sub(r"\D", "", c))]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {valid}")

    # no paths written into the files
    bad = ["/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/", ".." + "/shared"]
    for p in (txt, txt.with_suffix(".json")):
        s = p.read_text(encoding="utf-8")
        if any(b in s for b in bad):
            errs.append(f"path string in {p.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(p.stem.split("-b44-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    for extra in ("README.md", "check.py"):
        s = (HERE / extra).read_text(encoding="utf-8")
        if any(b in s for b in ["/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/",
                                ".." + "/shared"]):
            print(f"path string in {extra}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
