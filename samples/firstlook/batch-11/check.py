"""Consistency check for first-look batch 11: every truth value in NAME.json against NAME.txt.

Run from anywhere:  ../../../.venv/bin/python check.py
Independent of snapdebrief. Uses only the helper functions of samples/holdout/tools.py.
The letters of this batch vary their number and date formats on purpose, so the parsers
below accept: 3-3-2026, 08.09.2026, 3 maart 2026, 20 nov. 2026, 1 juli '26, 'vrijdag de 20e
maart' (no year), dates in words; € 1.234,56, €1.234,56, EUR 1234,56, 1.234,56 euro,
€ 40,-, € 2.343 and 'veertig euro'.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import bsn_valid, iban_valid, kenmerk_valid, objection_deadline  # noqa: E402

BATCH = "b11"
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

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
ORDINAL_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
                 "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
                 "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16,
                 "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20}
YEAR_WORDS = {"tweeduizendzesentwintig": 2026, "tweeduizendzevenentwintig": 2027}
NUMBER_WORDS = {"tien": 10, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
                "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100}

# ---- per-letter facts written down independently of the JSON files ----------------------

# Relative terms as printed in the letter: number -> (days, weeks, months), counted from the
# letter date without weekend or holiday shift (BRIEF.md).
RELATIVE = {
    "07": (14, 0, 0),   # binnen veertien dagen na de dagtekening
    "08": (0, 0, 1),    # binnen één maand na de dagtekening
    "11": (14, 0, 0),   # binnen 14 dagen na de dag waarop u deze brief heeft ontvangen
    "13": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "14": (2, 0, 0),    # binnen twee dagen na heden
    "15": (14, 0, 0),   # 14 dagen na de datum van deze brief (ALSO printed as 15 juni 2026)
    "18": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
}
# Letters that print the deadline date as well as a relative term: both must agree.
PRINTED_AND_RELATIVE = {"15"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([18077, -1744, -4630, -9360], 2343), ([213] * 11, 2343)],
    "02": [([4486, -3874], 612)],
    "03": [([1876, -600], 1276), ([1276, 18, 23.41], 1317.41)],
    "04": [([254] * 6 + [287] * 6, 3246), ([287, -254], 33), ([33] * 6, 198),
           ([648.15, 64.25], 712.40)],
    "05": [([1536, -396], 1140), ([47.50] * 24, 1140)],
    "06": [([275.81, 342.00, 219.48], 837.29), ([83.73] * 9 + [83.72], 837.29)],
    "07": [([196.32, 116.16], 312.48), ([312.48, 9.00], 321.48)],
    "08": [([389.00, 223.60, 136.00], 748.60), ([389.00, 223.60], 612.60),
           ([612.60, -300.20], 312.40), ([300.20, 136.00], 436.20)],
    "09": [([129, 9], 138)],
    "10": [([95, 9, 47.50, 0], 151.50), ([95 / 2], 47.50)],
    "11": [([234.95, -50.00], 184.95)],
    "12": [([340.79, 71.57], 412.36)],
    "13": [([204.06] * 3, 612.18), ([612.18, 14.07, 91.83], 718.08)],
    "14": [([115.13, 264.00, 208.00], 587.13), ([1046.50, 61.22, 156.98, 587.13, 98.44], 1950.27),
           ([1950.27, -150.00], 1800.27)],
    "15": [([139.25, 9.50], 148.75), ([148.75] * 2, 297.50)],
    "17": [([692.55] * 2, 1385.10)],
    "18": [([486.73, 134.00], 620.73)],
    "22": [([87.36] * 3, 262.08), ([262.08, 3.14], 265.22)],
    "25": [([48.21] * 2, 96.42)],
}
# Products / percentages printed: number -> list of (a, b, printed result)
PRODUCTS = {
    "06": [(287000, Decimal("0.000961"), 275.81)],
    "12": [(340.79, Decimal("0.21"), 71.57)],
    "19": [(142.18, Decimal("21.75"), 3092.42)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (hoofdsom, printed costs)
WIK = {"11": (184.95, 40.00), "13": (612.18, 91.83), "14": (1046.50, 156.98)}
# Letters printed on two pages (one form feed)
TWO_PAGE = {"01", "05", "13", "20"}


def q2(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wik(principal: float) -> Decimal:
    bands = [(2500, "0.15"), (2500, "0.10"), (5000, "0.05"), (190000, "0.01"), (10 ** 12, "0.005")]
    rest, total = Decimal(str(principal)), Decimal(0)
    for size, rate in bands:
        part = min(rest, Decimal(size))
        total += part * Decimal(rate)
        rest -= part
        if rest <= 0:
            break
    return q2(min(max(total, Decimal(40)), Decimal(6775)))


# ---- parsers --------------------------------------------------------------------------------

def _num(whole: str, frac: str | None) -> float:
    cents = int(frac) if frac and frac.isdigit() else 0
    return round(int(whole.replace(".", "")) + cents / 100, 2)


CUR_RE = re.compile(r"(?:€|EUR)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-|=))?(?![\d.,]\d)")
EURO_AFTER_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2}|-)\s+euro\b")
WORD_EURO_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\s+euro\b", re.I)


def printed_amounts(text: str) -> set[float]:
    out = {_num(w, f) for w, f in CUR_RE.findall(text)}
    out |= {_num(w, f) for w, f in EURO_AFTER_RE.findall(text)}
    out |= {float(NUMBER_WORDS[w.lower()]) for w in WORD_EURO_RE.findall(text)}
    return out


def bare_forms(v: float) -> list[str]:
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    forms = [s, s.replace(".", "")]
    if v == int(v):
        forms += [s[:-3], s[:-3] + ",-"]
    return forms


def printed_dates(text: str, year_hint: int) -> set[date]:
    out: set[date] = set()
    t = text.lower()

    def add(y, m, d):
        try:
            out.add(date(y, m, d))
        except ValueError:
            pass

    for d, m, y in re.findall(r"(?<![\d.\-/])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)", t):
        add(int(y), int(m), int(d))
    for d, m, y in re.findall(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)", t):
        add(int(y), int(m), int(d))
    mon = "|".join(MONTHS)
    for d, m, y in re.findall(r"(?<!\d)(\d{1,2})e?\s+(" + mon + r")\s+(\d{4})", t):
        add(int(y), MONTHS.index(m) + 1, int(d))
    for d, m, y in re.findall(r"(?<!\d)(\d{1,2})\s+(" + "|".join(ABBR) + r")\.?\s+(\d{4})", t):
        add(int(y), ABBR.index(m) + 1, int(d))
    for d, m, y in re.findall(r"(?<!\d)(\d{1,2})\s+(" + mon + r")\s+'(\d{2})", t):
        add(2000 + int(y), MONTHS.index(m) + 1, int(d))
    # weekday + day + month without a year: the year of the letter
    for _wd, d, m, rest in re.findall(r"\b(" + "|".join(WEEKDAYS) + r")\s+(?:de\s+)?(\d{1,2})e?\s+("
                                      + mon + r")(\s+\d{4})?", t):
        if not rest:
            add(year_hint, MONTHS.index(m) + 1, int(d))
    for dw, m, yw in re.findall(r"de\s+(" + "|".join(ORDINAL_WORDS) + r")\s+(" + mon + r")\s+("
                                + "|".join(YEAR_WORDS) + r")", t):
        add(YEAR_WORDS[yw], MONTHS.index(m) + 1, ORDINAL_WORDS[dw])
    return out


def weekday_errors(text: str, year_hint: int) -> list[str]:
    errs = []
    mon = "|".join(MONTHS)
    for wd, d, m, y in re.findall(r"\b(" + "|".join(WEEKDAYS) + r")\s+(?:de\s+)?(\d{1,2})e?\s+("
                                  + mon + r")(?:\s+(\d{4}))?", text.lower()):
        dd = date(int(y) if y else year_hint, MONTHS.index(m) + 1, int(d))
        if WEEKDAYS[dd.weekday()] != wd:
            errs.append(f"{wd} {d} {m} is a {WEEKDAYS[dd.weekday()]}")
    return errs


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text).upper()


# ---- the check ------------------------------------------------------------------------------

def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    tr = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return [f"bad name {txt.stem}"]
    kind, num = m.group(1), m.group(2)
    if tr["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {tr['kind']} vs name {kind}")
    if tr["stage"] not in STAGES:
        errs.append(f"stage {tr['stage']}")
    for key in ("sender", "notes"):
        if not tr.get(key):
            errs.append(f"{key} empty")
    if "http" not in tr["notes"]:
        errs.append("notes name no source address")

    ld = date.fromisoformat(tr["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    dates = printed_dates(text, ld.year)
    if ld not in dates:
        errs.append(f"letter date {ld} not printed")
    for d in dates:
        if not date(2025, 1, 1) <= d <= date(2027, 3, 31):
            errs.append(f"printed date {d} outside the allowed span")
    errs += weekday_errors(text, ld.year)

    # deadline
    dl = tr["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}, json {dd}")
            if num in PRINTED_AND_RELATIVE and dd not in dates:
                errs.append("deadline also said to be printed, but is not")
        elif dd not in dates:
            errs.append(f"deadline {dd} not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    # objection deadline
    od = tr["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and tr["stage"] != "decision":
            errs.append("objection deadline on a kind/stage without bezwaar")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if not re.search(r"(6|zes)\s+weken", text):
            errs.append("no six-week term printed")
    elif kind in OBJECTION_KINDS and tr["stage"] == "decision":
        errs.append("decision without objection deadline")
    if tr["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection deadline")

    # appointment
    ap = tr["appointment"]
    if ap:
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment date != attend deadline")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        street = ap["place"].split(",")[1].strip() if "," in ap["place"] else ap["place"]
        if street not in text:
            errs.append("appointment place not printed")

    # amounts
    for a in tr["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    listed = {round(a["value"], 2) for a in tr["amounts"]}
    printed = printed_amounts(text)
    extra = printed - listed
    missing = {v for v in listed - printed if not any(f in text for f in bare_forms(v))}
    if extra or missing:
        errs.append(f"amounts printed-not-listed {sorted(extra)} listed-not-printed {sorted(missing)}")
    due = tr["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if round(due, 2) not in listed:
            errs.append("amount_due not among amounts")
        if not tr["iban"]:
            errs.append("amount due but no iban")
    for parts, total in SUMS.get(num, []):
        if sum(q2(p) for p in parts) != q2(total):
            errs.append(f"sum {parts} != {total}")
    for a, b, res in PRODUCTS.get(num, []):
        if q2(Decimal(str(a)) * b) != q2(res):
            errs.append(f"{a} x {b} = {q2(Decimal(str(a)) * b)}, printed {res}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != q2(costs):
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # identifiers
    flat = squash(text)
    if tr["iban"]:
        if not iban_valid(tr["iban"]):
            errs.append("iban fails mod-97")
        if tr["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text.upper()):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} fails mod-97")
    pr = tr["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        digits = pr.replace(" ", "")
        if len(digits) == 16 and digits.isdigit() and not kenmerk_valid(digits):
            errs.append("payment_reference check digit")
    for k in re.findall(r"(?<!\d)(\d{4} \d{4} \d{4} \d{4}|\d{16})(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails its check digit")
    for r in tr["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if tr["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {tr['bsn_found']} but valid BSNs printed: {bsns}")

    # layout
    pages = text.count("\f")
    if num in TWO_PAGE and pages != 1:
        errs.append(f"two-page letter has {pages} form feeds")
    if num not in TWO_PAGE and pages:
        errs.append("unexpected form feed")
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
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
