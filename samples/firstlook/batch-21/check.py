"""Check the truth files of first-look batch 21 against the letter texts.

Run from anywhere:  python check.py
Files are found relative to this script; nothing outside this folder is read.
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
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sept", "okt", "nov", "dec"]

# Relative terms: letter number -> (phrase that must be printed, days, months)
RELATIVE = {
    "04": ("twee weken na de datum van deze brief", 14, 0),
    "07": ("veertien dagen", 14, 0),
    "12": ("binnen 14 dagen na de datum van deze aanmaning", 14, 0),
    "14": ("binnen 2 maanden na de datum van deze brief", 0, 2),
    "20": ("binnen 14 dagen na de dagtekening", 14, 0),
    "22": ("binnen acht dagen na dagtekening dezes", 8, 0),
    "25": ("binnen een maand na de datum van deze brief", 0, 1),
}
# Dates written in words (letter date of the summons)
WORDS = {"08": ["negende september tweeduizendzesentwintig"]}

# Arithmetic printed in the letters: (parts, total)
SUMS = {
    "01": [([7.50, 72.90], 80.40)],
    "02": [([441.60, -242.88], 198.72), ([198.72, -88.32], 110.40), ([441.60 * 0.55], 242.88)],
    "03": [([1401.50, -989.15], 412.35), ([1401.50, -1114.60], 286.90), ([412.35, 286.90], 699.25)],
    "06": [([875, -400], 475), ([875, 475], 1350)],
    "07": [([468.75, 70.31], 539.06)],
    "08": [([34.95] * 12, 419.40), ([419.40, 18.63, 62.91], 500.94), ([500.94, 118.47], 619.41)],
    "09": [([152.85, 152.85], 305.70)],
    "10": [([123.09, 123.09], 246.18)],
    "11": [([11634, -9118], 2516), ([2516, -1904], 612)],
    "12": [([1276, -400], 876), ([876, 18], 894)],
    "13": [([118] * 12, 1416)],
    "14": [([3312, -2604], 708), ([29.50] * 24, 708)],
    "15": [([131, 9], 140)],
    "16": [([110, 9, 55], 174), ([110 / 2], 55)],
    "17": [([96.42, 96.42], 192.84), ([96.42 * 2], 192.84)],
    "19": [([127.84, 391.44, 154.20], 673.48), ([67.35] * 9 + [67.33], 673.48),
           ([318000 * 0.000402], 127.84)],
    "20": [([503.86, -217.42], 286.44), ([286.44, 8], 294.44)],
    "21": [([186, 7.50], 193.50)],
    "22": [([768.40, 768.40], 1536.80), ([1536.80, 9.84, 230.52], 1777.16)],
    "23": [([142.37 * 21.75 * 0.75], 2322.41), ([142.37 * 21.75 * 0.70], 2167.58)],
    "25": [([327.12, 96.88, 88.36], 512.36)],
}
# Incassokosten per the Besluit vergoeding voor buitengerechtelijke incassokosten
WIK = {"07": (468.75, 70.31), "08": (419.40, 62.91), "22": (1536.80, 230.52)}
TWO_PAGE = {"03", "08", "14", "19"}


def easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def objection(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    last = (date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(c) for w, c in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * WEIGHTS[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def fmt(v: float) -> str:
    return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


CUR = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:([.,])(\d{2}|-{1,2}))?(?!\d)")
EURO = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?\s?euro\b", re.I)


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, sep, frac in CUR.findall(text):
        cents = int(frac) if frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    for whole, frac in EURO.findall(text):
        cents = int(frac) if frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day}-{d.month}-{d.year}", f"{d.day}-{d.month}-{d.year % 100:02d}",
            f"{d.day} {SHORT[d.month - 1]}. {d.year}", f"{d.day} {MONTHS[d.month - 1]}",
            f"{d.day} {SHORT[d.month - 1]}."]


def printed(d: date, text: str) -> bool:
    return any(re.search(r"(?<!\d)" + re.escape(f) + r"(?!\d)", text) for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b21-(\d\d)-", txt.stem).group(1)
    if list(truth) != KEYS:
        errs.append("keys differ from the brief's schema")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b21-"):
        errs.append("kind / name mismatch")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and not any(w in text for w in WORDS.get(num, [])):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            phrase, days, months = RELATIVE[num]
            want = add_months(ld + timedelta(days=days), months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
            if phrase not in " ".join(text.split()):
                errs.append("relative term phrase not printed")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if not od:
            errs.append("decision without objection deadline")
        elif date.fromisoformat(od) != objection(ld):
            errs.append(f"objection {od} != {objection(ld)}")
    elif od:
        errs.append("objection deadline on a non-decision")
    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        for part in ap["place"].split(", "):
            if part not in text:
                errs.append(f"place part '{part}' not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment should be the attend deadline")
    # amounts
    found = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - found
               if fmt(v) not in text and not (v == int(v) and re.search(rf"(?<![\d.,]){int(v)}(?![\d,])", text))}
    if found - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(found - listed)} listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if not any(a["role"] in ("total", "principal") and round(a["value"], 2) == round(truth["amount_due"], 2)
                   for a in truth["amounts"]):
            errs.append("amount_due not listed as total or principal")
        if not dl or dl["action"] != "pay":
            if kind != "deurwaarder":
                errs.append("amount due without pay deadline")
    # payment data
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)]
    if truth["bsn_found"] != any(bsn_valid(b) for b in bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {[b for b in bsns if bsn_valid(b)]}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        bands, rest, tot = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (1e12, .005)], principal, 0.0
        for size, rate in bands:
            tot += min(rest, size) * rate
            rest -= min(rest, size)
        if round(min(max(tot, 40.0), 6775.0), 2) != costs:
            errs.append("WIK costs wrong")
    if (num in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")
    return errs


def no_absolute_paths() -> list[str]:
    bad = []
    pat = re.compile(r"(?<![\w.~])/(?:work|tmp|home|usr|root|Users|var|opt|mnt)/|[A-Za-z]:\\\\")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".json", ".md", ".py"}:
            body = p.read_text(encoding="utf-8")
            if p.name == "check.py":
                body = body.replace(pat.pattern, "")
            if pat.search(body):
                bad.append(p.name)
    return bad


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    extra = []
    if len(files) != 25:
        extra.append(f"{len(files)} letters, want 25")
    if kinds != KINDS:
        extra.append(f"kinds missing: {sorted(KINDS - kinds)}")
    missing_readme = [p.stem for p in files if p.stem not in readme]
    if missing_readme:
        extra.append(f"not in README: {missing_readme}")
    paths = no_absolute_paths()
    if paths:
        extra.append(f"absolute paths in {paths}")
    for e in extra:
        print("FAIL " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(extra)} batch problems")
    return 1 if bad or extra else 0


if __name__ == "__main__":
    sys.exit(main())
