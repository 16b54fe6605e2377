"""Helpers for the held-out letter set: identifiers, date arithmetic and a consistency check.

Run `python tools.py check` from anywhere to validate every NAME.json against NAME.txt.
Independent of snapdebrief on purpose: nothing here imports the package.
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

# --- identifiers -------------------------------------------------------------------------


def bsn_valid(bsn: str) -> bool:
    digits = [int(c) for c in bsn]
    if len(digits) != 9:
        return False
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8])) - digits[8]
    return total % 11 == 0


def make_bsn(first8: str) -> str | None:
    """Complete eight digits to a valid BSN, or None if no last digit fits."""
    for last in range(10):
        if bsn_valid(first8 + str(last)):
            return first8 + str(last)
    return None


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_check(body15: str) -> int:
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(body15)))
    c = 11 - (total % 11)
    return {10: 1, 11: 0}.get(c, c)


def make_kenmerk(body15: str) -> str:
    assert len(body15) == 15 and body15.isdigit()
    return str(kenmerk_check(body15)) + body15


def kenmerk_valid(k16: str) -> bool:
    return len(k16) == 16 and k16.isdigit() and int(k16[0]) == kenmerk_check(k16[1:])


def make_iban(bank: str, account: str) -> str:
    from schwifty import IBAN

    return str(IBAN.generate("NL", bank_code=bank, account_code=account).compact)


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return len(iban) == 18 and int(num) % 97 == 1


# --- dates -------------------------------------------------------------------------------

KB_DAYS = {date(2023, 4, 28), date(2023, 5, 19), date(2024, 5, 10), date(2024, 12, 27),
           date(2025, 5, 30), date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7),
           date(2028, 4, 28), date(2028, 5, 26)}


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def next_working_day(d: date) -> date:
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def objection_deadline(letter: date) -> date:
    return next_working_day(letter + timedelta(days=42))


def plus(letter: date, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    return letter + timedelta(days=days + 7 * weeks) + relativedelta(months=months)


# --- consistency check --------------------------------------------------------------------

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag", None}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend", "none"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
PRINTED_OBJECTION_DAY = {"kwijtschelding-besluit-h08-cocensus-gedeeltelijk"}  # stems whose letter prints its own last day
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}  # as samples/firstlook/BRIEF.md


def fmt_amount(v: float) -> str:
    """1234.5 -> '1.234,50' (as printed on the letters)."""
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


# --- per-letter arithmetic, written down independently of the JSON files --------------------

# Relative terms as printed: code -> (letter date, days, weeks, months)
RELATIVE_DEADLINES = {
    "h08": (date(2026, 3, 31), 0, 0, 1),    # binnen één maand na de datum van deze brief
    "h12": (date(2026, 3, 3), 14, 0, 0),    # binnen 14 dagen (na ontvangst) -> from letter date
    "h13": (date(2026, 5, 19), 14, 0, 0),   # binnen 14 dagen na dagtekening
    "h15": (date(2026, 9, 8), 5, 0, 0),     # binnen vijf dagen na dagtekening (Sunday, no shift)
    "h18": (date(2026, 7, 7), 14, 0, 0),    # binnen 14 dagen na ontvangst
    "h20": (date(2026, 11, 13), 0, 6, 0),   # binnen zes weken na de datum van deze brief
    "h21": (date(2026, 1, 19), 0, 2, 0),    # binnen 2 weken na de datum van deze brief
}

# Sums that must hold: code -> list of (parts, total)
SUMS = {
    "h01": [([1583, 557], 2140), ([214] * 10, 2140)],
    "h02": [([9654, -9236], 418)],
    "h03": [([1278.00, 18.00, 9.30], 1305.30)],
    "h04": [([287] * 6, 1722)],
    "h05": [([1660, -1018], 642), ([26.75] * 24, 642)],
    "h06": [([247.39, 489.60, 213.84], 950.83), ([475.42, 475.41], 950.83)],
    "h07": [([318.96, 143.28, 89.44], 551.68), ([275.84, 275.84], 551.68)],
    "h08": [([411.39, 137.13], 548.52)],
    "h09": [([173, 9], 182)],
    "h10": [([260, 9, 130], 399)],
    "h11": [([110, 9, 55, 165], 339)],
    "h13": [([312.40, 6.18, 46.86], 365.44)],
    "h14": [([925.00, 21.84, 138.75], 1085.59), ([361.87, 361.86, 361.86], 1085.59)],
    "h15": [([1204.80, 38.12, 180.72, 37.95], 1461.59)],
    "h16": [([798.56] * 4, 3194.24), ([3194.24, 29.40, 444.42, 93.33, 122.45], 3883.84)],
    "h17": [([146.35] * 4, 585.40)],
    "h18": [([742.18, 742.18], 1484.36), ([222.65, 46.76], 269.41)],
    "h19": [([129, 129], 258)],
    "h20": [([304.87, 304.87], 609.74)],
    "h22": [([88.12] * 3 + [2.41], 266.77)],
}


def wik(principal: float) -> float:
    """Besluit vergoeding voor buitengerechtelijke incassokosten art. 2 (domain brief section 4)."""
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0), 2)


# code -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"h12": (84.95, 40.00, None), "h13": (312.40, 46.86, None), "h14": (925.00, 138.75, None),
       "h15": (1204.80, 180.72, 37.95), "h16": (3194.24, 444.42, 93.33), "h18": (1484.36, 222.65, 46.76)}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_arithmetic(code: str, truth: dict, text: str) -> list[str]:
    errs = []
    if code in RELATIVE_DEADLINES:
        ld, days, weeks, months = RELATIVE_DEADLINES[code]
        want = plus(ld, days=days, weeks=weeks, months=months).isoformat()
        if not truth["deadline"] or truth["deadline"]["date"] != want:
            errs.append(f"relative deadline should be {want}")
        if truth["letter_date"] != ld.isoformat():
            errs.append("relative base != letter date")
    elif truth["deadline"]:
        d = date.fromisoformat(truth["deadline"]["date"])
        if not any(f in text for f in date_forms(d)):
            errs.append("explicit deadline date not printed")
    if truth["letter_date"]:
        ld = date.fromisoformat(truth["letter_date"])
        words = "achtentwintigste oktober tweeduizendzesentwintig"
        if not any(f in text for f in date_forms(ld)) and words not in text:
            errs.append("letter date not printed")
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs, btw = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")
    return errs


def check_one(txt_path: Path) -> list[str]:
    errs: list[str] = []
    text = txt_path.read_text(encoding="utf-8")
    truth = json.loads(txt_path.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    kind = truth["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt_path.stem.startswith(kind + "-h"):
        errs.append("stem does not start with kind")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    ld = date.fromisoformat(truth["letter_date"]) if truth["letter_date"] else None
    if ld and not (date(2026, 1, 1) <= ld <= date(2027, 2, 28)):
        errs.append("letter date out of range")
    if truth["deadline"]:
        if truth["deadline"]["action"] not in ACTIONS:
            errs.append("deadline action")
        date.fromisoformat(truth["deadline"]["date"])
    od = truth["objection_deadline"]
    # BRIEF.md: a reminder about a decision gets none; another kind's own decision may state one
    if od and kind not in OBJECTION_KINDS and truth.get("stage") != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and not od and truth.get("stage") not in ("reminder", "aanmaning"):
        errs.append("decision kind without objection_deadline")
    if od and ld and txt_path.stem not in PRINTED_OBJECTION_DAY:
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None and round(truth["amount_due"], 2) not in printed:
        errs.append("amount_due not printed")
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [m for m in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b.replace(".", "") for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {len(bsns)} valid 9-digit numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    errs += check_arithmetic(re.search(r"-(h\d\d)-", txt_path.stem).group(1), truth, text)
    appt = truth["appointment"]
    if appt and truth["deadline"] and truth["deadline"]["action"] == "attend":
        if appt["date"] != truth["deadline"]["date"]:
            errs.append("appointment date != attend deadline")
    return errs


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "check":
        bad = 0
        files = sorted(HERE.glob("*.txt"))
        for p in files:
            errs = check_one(p)
            print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
            bad += bool(errs)
        print(f"{len(files)} letters, {bad} with problems")
        return 1 if bad else 0
    print(__doc__)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
