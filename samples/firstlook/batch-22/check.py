"""Consistency check for first-look batch 22: every NAME.json against its NAME.txt.

Run: python check.py   (from any directory; files are found next to this script)
Self-contained on purpose: it imports nothing from snapdebrief.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
BATCH = "b22"

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
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# Letters whose deadline is a relative term: number -> (days, weeks, months) after the letter date.
RELATIVE = {"03": (14, 0, 0), "12": (14, 0, 0), "22": (0, 4, 0), "25": (14, 0, 0)}
# Letters that print their own last day for bezwaar/verzet (else letter date + 42 days, Atw).
PRINTED_OBJECTION = {"10"}
# Letters of two pages (must contain a form feed).
TWO_PAGES = {"01", "05", "13", "19"}

# Arithmetic printed in the letters: number -> list of (parts, total).
SUMS = {
    "01": [([16112, -1843, -5541, -5351], 3377), ([307] * 11, 3377)],
    "02": [([3456, -2310], 1146), ([1146, 14], 1160), ([1160, -684], 476)],
    "03": [([612, 18], 630)],
    "04": [([312] * 12, 3744), ([717.68, 24.50], 742.18)],
    "05": [([3480, -2916], 564), ([23.50] * 24, 564)],
    "06": [([1428, -360], 1068), ([1068, 51.85], 1119.85), ([1119.85, -420], 699.85)],
    "07": [([264.52, 318, 214.80, 118.37, 58.42, 194.67], 1168.78), ([584.39, 584.39], 1168.78),
           ([268000 * 0.000987], 264.52), ([268000 * 0.000218], 58.42), ([64.89] * 3, 194.67)],
    "08": [([386.40, 201.60, 154.60], 742.60), ([386.40, 201.60], 588), ([20] * 12, 240),
           ([588, -240], 348), ([240, 154.60], 394.60), ([98.65] * 4, 394.60)],
    "09": [([148, 9], 157)],
    "11": [([280, 9], 289), ([289, 140], 429), ([429, 280, -100], 609), ([280 / 2], 140)],
    "12": [([289, 147.95], 436.95)],
    "13": [([1248.40, 46.71, 187.26], 1482.37), ([1482.37, 119.48], 1601.85)],
    "14": [([1690, 88.15, 402, 124.12, 136.50], 2440.77)],
    "16": [([148.95] * 4 + [87.40], 683.20), ([85.40] * 8, 683.20)],
    "17": [([687.45, 687.45, -200], 1174.90), ([652.95, 34.50], 687.45)],
    "18": [([164, 164], 328), ([328, -88.12], 239.88)],
    "19": [([604.12, 632.36], 1236.48), ([871.27, -214.63], 656.64)],
    "20": [([1580.14 * 28 / 30], 1474.80)],
    "22": [([96.18] * 3, 288.54)],
}
# Statutory collection costs (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed).
WIK = {"12": (436.95, 65.54), "13": (1248.40, 187.26)}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


# --- identifiers -------------------------------------------------------------------------

def bsn_valid(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), bsn[:8])) - int(bsn[8])
    return total % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


def kenmerk_valid(k16: str) -> bool:
    weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
    body = k16[1:]
    total = sum(int(d) * weights[i % 10] for i, d in enumerate(reversed(body)))
    c = 11 - total % 11
    c = {10: 1, 11: 0}.get(c, c)
    return len(k16) == 16 and k16.isdigit() and int(k16[0]) == c


# --- dates -------------------------------------------------------------------------------

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


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kingsday = date(year, 4, 27)
    if kingsday.weekday() == 6:
        kingsday = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kingsday, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    equated = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # days equated by royal decree
    return days | {d for d in equated if d.year == year}


def objection_day(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    last = (date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def relative(letter: date, days: int, weeks: int, months: int) -> date:
    return add_months(letter + timedelta(days=days + 7 * weeks), months)


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}"]


def printed(d: date, text: str) -> bool:
    return any(f in text for f in date_forms(d))


# --- amounts -----------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def fmt_amount(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def euro_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def amount_in_text(v: float, text: str) -> bool:
    if round(v, 2) in euro_amounts(text):
        return True
    s = fmt_amount(v)
    return s in text or (v == int(v) and s[:-3] in text)


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


# --- checks ------------------------------------------------------------------------------

def check_letter(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    flat = squash(text)
    spaced = re.sub(r"[ \t]+", " ", text)
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(rf"(.+)-{BATCH}-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["name does not follow <kind>-b22-<NN>-<slug>"]
    kind, nn = m.group(1), m.group(2)
    if set(t) != KEYS:
        errs.append(f"keys differ: {sorted(set(t) ^ KEYS)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']} vs name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")

    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, spaced):
        errs.append("letter date not printed")

    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            want = relative(ld, *RELATIVE[nn])
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, spaced):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif nn in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od and t["stage"] in ("reminder", "aanmaning"):
        errs.append("objection_deadline on a reminder")
    if od:
        o = date.fromisoformat(od)
        if nn in PRINTED_OBJECTION:
            if not printed(o, spaced):
                errs.append("printed objection day not found")
        elif o != objection_day(ld):
            errs.append(f"objection {o} != {objection_day(ld)}")

    ap = t["appointment"]
    if ap:
        a = date.fromisoformat(ap["date"])
        if not printed(a, spaced):
            errs.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            forms = [f"{hh}:{mm}", f"{hh}.{mm}", f"{int(hh)}.{mm}", f"{int(hh)}:{mm}"]
            if not any(f in text for f in forms):
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")

    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    euro = euro_amounts(text)
    not_listed = euro - listed
    not_printed = {v for v in listed if not amount_in_text(v, text)}
    if not_listed or not_printed:
        errs.append(f"amounts printed-not-listed {sorted(not_listed)} listed-not-printed {sorted(not_printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in listed or not amount_in_text(t["amount_due"], text):
            errs.append("amount_due not printed/listed")
        if not t["iban"]:
            errs.append("amount_due without iban")

    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
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

    found = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = [b for b in found if bsn_valid(b)]
    if t["bsn_found"] != bool(found):
        errs.append(f"bsn_found {t['bsn_found']} but {len(found)} valid BSN-like numbers")

    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if nn in WIK:
        principal, costs = WIK[nn]
        bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
        rest, wik = principal, 0.0
        for size, rate in bands:
            part = min(rest, size)
            wik += part * rate
            rest -= part
            if rest <= 0:
                break
        if round(min(max(wik, 40.0), 6775.0) + 1e-9, 2) != costs:
            errs.append(f"WIK on {principal} is not {costs}")

    if nn in TWO_PAGES and "\f" not in text:
        errs.append("two-page letter without form feed")
    if not t["notes"]:
        errs.append("no notes")
    return errs


def no_absolute_paths() -> list[str]:
    roots = ["work", "tmp", "home", "usr", "root", "mnt", "var"]
    pat = re.compile(r"(?<![\w.~])/(?:" + "|".join(roots) + r")/")
    return [f"absolute path in {p.name}" for p in sorted(HERE.iterdir())
            if p.is_file() and p.suffix in {".txt", ".json", ".md", ".py"}
            and pat.search(p.read_text(encoding="utf-8"))]


def main() -> int:
    files = sorted(HERE.glob(f"*-{BATCH}-*.txt"))
    bad = 0
    for p in files:
        errs = check_letter(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    general = no_absolute_paths()
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        general.append(f"kinds missing: {sorted(KINDS - kinds)}")
    if len(files) != 25:
        general.append(f"{len(files)} letters, expected 25")
    numbers = sorted(re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1) for p in files)
    if numbers != [f"{i:02d}" for i in range(1, 26)]:
        general.append("letter numbers are not 01..25")
    if not (HERE / "README.md").exists():
        general.append("README.md missing")
    for g in general:
        print("FAIL " + g)
    print(f"{len(files)} letters, {bad} with problems, {len(general)} batch problems")
    return 1 if bad or general else 0


if __name__ == "__main__":
    sys.exit(main())
