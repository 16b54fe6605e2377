"""Check every NAME.json of first-look batch 18 against its NAME.txt.

Usage: python check.py   (from any directory; files are found next to this script)

Self-contained on purpose: it imports nothing from snapdebrief and needs only the standard
library. It checks identifiers (elfproef, mod-97, betalingskenmerk check digit), that every
value in the truth is printed or can be derived from the text, that every printed amount is
listed, and the arithmetic of each letter, written down here independently of the JSON files.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b18"

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

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(bsn: str) -> bool:
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), bsn[:8])) - int(bsn[8])
    return total % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k16: str) -> bool:
    if len(k16) != 16 or not k16.isdigit():
        return False
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(k16[1:])))
    c = 11 - total % 11
    return int(k16[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates -----------------------------------------------------------------------------------


def easter(year: int) -> date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holidays(year: int) -> set[date]:
    """Days the Algemene termijnenwet treats as holidays (as in samples/holdout/tools.py)."""
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    kb = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}
    return days | {d for d in kb if d.year == year}


def objection_deadline(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def plus(d: date, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    d = d + timedelta(days=days + 7 * weeks)
    if months:
        y, m = divmod(d.month - 1 + months, 12)
        y, m = d.year + y, m + 1
        d = date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# --- text helpers ----------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def fmt_amount(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def flowing(text: str) -> str:
    """Text with column bars removed and all whitespace runs made single spaces."""
    return re.sub(r"\s+", " ", text.replace("|", " "))


# --- per-letter facts, written down independently of the JSON files --------------------------

# Relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE = {
    "02": (date(2026, 4, 14), 0, 2, 0),    # binnen 2 weken na de datum van deze aanmaning
    "06": (date(2026, 8, 11), 14, 0, 0),   # binnen 14 dagen na de dagtekening
    "10": (date(2026, 11, 10), 14, 0, 0),  # binnen 14 dagen na ontvangst -> from letter date
    "12": (date(2026, 3, 25), 8, 0, 0),    # binnen acht dagen na heden (also printed)
    "14": (date(2027, 1, 19), 0, 4, 0),    # binnen vier weken na de datum van deze brief
    "18": (date(2026, 10, 16), 14, 0, 0),  # binnen 14 dagen (also printed)
    "19": (date(2026, 10, 13), 0, 6, 0),   # binnen 6 weken na de datum van deze brief
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([9318, -3254, -2797], 3267), ([297] * 11, 3267)],
    "02": [([1412, -500], 912), ([912, 17, 11.64], 940.64)],
    "03": [([486, 56, 2710], 3252), ([243, 243], 486), ([28, 28], 56), ([271] * 10, 2710)],
    "04": [([1650, -1164], 486), ([137.50] * 12, 1650), ([20.25] * 24, 486)],
    "05": [([292.88, 341.40, 226.56], 860.84), ([430.42, 430.42], 860.84),
           ([86.08] * 9 + [86.12], 860.84)],
    "06": [([118.68, 293.52], 412.20), ([97.84] * 3, 293.52), ([412.20, -206.10, 7.00], 213.10)],
    "07": [([389.16, 202.44, 132.76], 724.36), ([389.16, 202.44], 591.60),
           ([44.26, 44.25, 44.25], 132.76)],
    "08": [([164, 9], 173)],
    "09": [([110, 9, 55, 110], 284), ([284, -50], 234)],
    "10": [([187.40, 40.00, 8.40], 235.80)],
    "11": [([612.95, 9.87, 91.94], 714.76), ([714.76, -150], 564.76), ([141.19] * 4, 564.76)],
    "12": [([34.95] * 8, 279.60), ([279.60, 14.37, 41.94], 335.91)],
    "13": [([1284.36, 61.02, 192.65, 121.91], 1659.94)],
    "14": [([1874.20, -1512.31], 361.89), ([2140, 187.33, 449, 115.73, 131.28], 3023.34)],
    "15": [([148.25, 10.50], 158.75), ([158.75] * 4, 635), ([635, 212.40, 15], 862.40),
           ([86.24] * 10, 862.40)],
    "16": [([186.21, -131.00], 55.21)],
    "17": [([688.40, 47.75], 736.15), ([736.15, -400], 336.15), ([336.15, 736.15], 1072.30)],
    "18": [([143, 143, 97.36], 383.36), ([383.36, 57.50], 440.86)],
    "19": [([1146.82, -334.28], 812.54)],
    "22": [([118.42] * 3 + [4.17], 359.43)],
    "24": [([312.60, 174.75], 487.35)],
    "25": [([14519, -3202], 11317), ([13141, -11317], 1824), ([1824, -1140], 684), ([95] * 12, 1140)],
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
    return round(min(max(total, 40.0), 6775.0), 2)


# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"10": (187.40, 40.00, 8.40), "11": (612.95, 91.94, None), "12": (279.60, 41.94, None),
       "13": (1284.36, 192.65, None), "18": (383.36, 57.50, None)}

# Letters whose objection term is printed as a date rather than derived (none in this batch).
PRINTED_OBJECTION = set()


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat, flow = squash(text), flowing(text)
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["name does not follow <kind>-b18-<NN>-<slug>"]
    kind, num = m.group(1), m.group(2)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} / name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or truth["sender"].split()[0].rstrip(",").lower() not in text.lower():
        errs.append("sender not printed")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in flow for f in date_forms(ld)):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        d = date.fromisoformat(dl["date"])
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        if num in RELATIVE:
            base, days, weeks, months = RELATIVE[num]
            if base != ld:
                errs.append("relative base is not the letter date")
            if plus(base, days, weeks, months) != d:
                errs.append(f"relative deadline should be {plus(base, days, weeks, months)}")
        elif not any(f in flow for f in date_forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision of an objection kind without objection_deadline")
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision of another kind")
    if od and txt.stem not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and not re.search(r"(6|zes) weken", text):
        errs.append("objection term (6 weeks) not printed")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in flow for f in date_forms(ad)) and ad.strftime("%d-%m-%Y") not in text:
            words = {"2026-09-30": "dertig september tweeduizendzesentwintig"}
            if words.get(ap["date"], "@@") not in flow:
                errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        first = ap["place"].split(",")[0]
        if first not in flow:
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("an amount is listed twice")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed if v not in printed and fmt_amount(v) not in text}
    extra = printed - set(listed)
    if missing or extra:
        errs.append(f"amounts listed-not-printed {sorted(missing)} printed-not-listed {sorted(extra)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if round(due, 2) not in listed:
            errs.append("amount_due not among amounts")
    if due is None and (truth["iban"] or truth["payment_reference"]):
        errs.append("payment details without amount_due")

    # iban and references
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban fails mod-97")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} fails mod-97")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        digits = pr.replace(" ", "")
        if len(digits) == 16 and digits.isdigit() and not kenmerk_valid(digits):
            errs.append("betalingskenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails its check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # BSN
    candidates = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in candidates if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN(s) printed")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [abs(p) for p in parts] + [total]:
            if round(v, 2) not in printed and fmt_amount(v) not in text:
                errs.append(f"sum part {v} not printed")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")

    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-" + BATCH + "-")[0])
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
    sys.exit(main())
