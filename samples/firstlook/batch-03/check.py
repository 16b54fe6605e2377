"""Consistency check for first-look batch 03: every NAME.json against its NAME.txt.

Run: python samples/firstlook/batch-03/check.py
Standard library plus python-dateutil. Independent of snapdebrief on purpose.

What it checks per letter:
- kind / stage / action / role vocabularies, name pattern <kind>-b03-NN-slug
- letter date printed (or in the one stated alternative form), within Jan 2026 - Mar 2027
- deadline printed, or derived from the relative term written below (term text must be present)
- objection_deadline: letter date + 42 days moved by the Algemene termijnenwet, unless the letter
  prints its own last day; null for kinds without bezwaar
- appointment date/time printed and equal to an attend deadline
- every euro amount printed is listed and every listed amount printed; amount_due printed or equal
  to a stated sum; amount_due equals the amount with role total when one is given
- written-down arithmetic (sums, WIK staffel)
- IBAN mod-97 and printed; every printed IBAN valid; reference and reference numbers printed;
  16-digit betalingskenmerken pass their check digit; BSN elfproef and bsn_found
- two-page letters contain a form feed
"""

from __future__ import annotations

import json
import re
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
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])
    return total % 11 == 0


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    c = {10: 1, 11: 0}.get(c, c)
    return int(k[0]) == c


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


# --- dates ---------------------------------------------------------------------------------

# Days the Algemene termijnenwet treats as rest days by Koninklijk Besluit (as used in
# samples/holdout/tools.py); only 2026/2027 matter here.
KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def objection_day(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# --- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) if f else 0) / 100, 2)
            for w, f in AMOUNT_RE.findall(text)}


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


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


# --- per-letter facts written down independently of the JSON files ------------------------

# code -> (days, weeks, months, term text that must be printed)
RELATIVE = {
    "06": (14, 0, 0, "binnen veertien dagen na de dagtekening van deze aanmaning"),
    "10": (14, 0, 0, "binnen veertien dagen, te rekenen vanaf de dag nadat deze brief bij u is bezorgd"),
    "11": (7, 0, 0, "binnen zeven dagen na de datum van deze e-mail"),
    "13": (5, 0, 0, "binnen vijf dagen na dagtekening dezes"),
    "18": (14, 0, 0, "binnen veertien dagen na ontvangst van deze e-mail"),
}

# letters that print their own last objection day (the date must be printed)
PRINTED_OBJECTION = {"20"}

# letter date in another printed form than '9 juni 2026' / '09-06-2026'
LETTER_DATE_ALT = {"14": "de negende juni tweeduizendzesentwintig", "18": "December 1, 2026"}

# deadline printed in another form
DEADLINE_ALT = {}

# sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([22187, -4203, -15608], 2376), ([216] * 11, 2376)],
    "02": [([1187.00, 18.00, 14.62], 1219.62)],
    "03": [([318] * 12, 3816)],
    "04": [([1944, -1104], 840), ([35] * 24, 840)],
    "05": [([287.43, 341.76, 218.04], 847.23), ([362000 * 0.000794], 287.43)],
    "06": [([612.56, -308.00], 304.56), ([304.56, 7.00], 311.56)],
    "07": [([1487.30, -1469.68], 17.62), ([17.62] * 12, 211.44), ([743.20, -531.76], 211.44),
           ([52.86] * 4, 211.44)],
    "08": [([126.00, 9.00], 135.00)],
    "09": [([100.00 * 0.5], 50.00), ([100.00, 50.00], 150.00), ([100.00, 50.00, 150.00, 9.00], 309.00)],
    "11": [([34.95] * 3, 104.85), ([104.85, 1.17, 40.00], 146.02)],
    "12": [([149.95, 64.90], 214.85)],
    "13": [([418.60, 9.84, 62.79], 491.23)],
    "14": [([2450.00, 25.36, 367.50], 2842.86), ([2842.86, 118.02], 2960.88)],
    "15": [([148.95, 148.95], 297.90), ([49.65] * 6, 297.90)],
    "16": [([163.40, -100.00], 63.40), ([163.40, 63.40, 163.40, 163.40, 87.25], 640.85)],
    "17": [([712.35, -250.00], 462.35), ([712.35, 462.35], 1174.70)],
    "18": [([1145.00, -800.00], 345.00), ([345.00, 1145.00], 1490.00)],
    "19": [([167.00, 167.00], 334.00)],
    "20": [([462.14] * 3, 1386.42)],
    "23": [([71.38] * 3 + [2.09], 216.23)],
    "25": [([268.00, 18.20, 40.20], 326.40)],
}

# amount_due that is not printed as a number: code -> (sum key already in SUMS, words printed or None)
DERIVED_DUE = {
    "12": (214.85, None),
    "13": (491.23, "vierhonderdeenennegentig euro en drieëntwintig eurocent"),
}

# code -> (principal, incassokosten printed)
WIK = {"10": (286.50, 42.98), "11": (104.85, 40.00), "13": (418.60, 62.79), "14": (2450.00, 367.50),
       "18": (1490.00, 223.50), "25": (268.00, 40.20)}

TWO_PAGE = {"01", "14", "20"}


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    ftext = flat(text)
    sq = squash(text)
    m = re.fullmatch(r"(.+)-b03-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    code = m.group(2)
    kind = truth["kind"]
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if kind not in KINDS or m.group(1) != kind:
        errs.append(f"kind {kind} / name")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if "<FF>" in text:
        errs.append("placeholder left")
    if (code in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    forms = date_forms(ld) + ([LETTER_DATE_ALT[code]] if code in LETTER_DATE_ALT else [])
    if not any(f in ftext for f in forms):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months, phrase = RELATIVE[code]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
            if phrase not in ftext:
                errs.append("relative term text not printed")
            if any(f in ftext for f in date_forms(d)):
                errs.append("relative deadline is also printed as a date (not a pure term)")
        else:
            alt = [DEADLINE_ALT[code]] if code in DEADLINE_ALT else []
            if not any(f in ftext for f in date_forms(d) + alt):
                errs.append("deadline date not printed")
    elif code in RELATIVE:
        errs.append("relative term but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if (kind not in OBJECTION_KINDS or truth["stage"] in ("reminder", "aanmaning")) and od:
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] not in ("reminder", "aanmaning"):  # convention settled in BRIEF.md (2026-12-07)
        if not od:
            errs.append("objection kind without objection_deadline")
        elif code in PRINTED_OBJECTION:
            if not any(f in ftext for f in date_forms(date.fromisoformat(od))):
                errs.append("stated objection day not printed")
        elif date.fromisoformat(od) != objection_day(ld):
            errs.append(f"objection {od} != {objection_day(ld)}")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in ftext for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in ftext and ap["time"] not in ftext:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    # amounts
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("an amount is listed twice")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = printed_amounts(text)
    if printed != set(listed):
        errs.append(f"printed-not-listed {sorted(printed - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - printed)}")
    due = truth["amount_due"]
    totals = [round(a["value"], 2) for a in truth["amounts"] if a["role"] == "total"]
    if len(totals) > 1:
        errs.append("more than one total")
    if due is not None:
        due = round(due, 2)
        if totals and totals[0] != due:
            errs.append("amount_due != amount with role total")
        if code in DERIVED_DUE:
            value, words = DERIVED_DUE[code]
            if due != value or due in printed:
                errs.append("derived amount_due wrong or printed after all")
            if not any(round(t, 2) == due for _, t in SUMS.get(code, [])):
                errs.append("derived amount_due not backed by a sum")
            if words and words not in ftext:
                errs.append("amount in words not printed")
        elif due not in printed:
            errs.append("amount_due not printed")
    elif totals and kind != "overig":
        errs.append("total listed but amount_due null")
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # accounts and references
    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban invalid")
        if iban not in sq:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban given but nothing to pay")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in sq:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in sq:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates the payment reference")

    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    for lab in re.findall(r"(?:Burgerservicenummer|BSN[a-z ]*)\s+([\d.]{9,11})", text):
        if not bsn_valid(lab.replace(".", "")):
            errs.append(f"labelled BSN {lab} fails elfproef")
    if not truth["notes"].strip():
        errs.append("empty notes")
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
