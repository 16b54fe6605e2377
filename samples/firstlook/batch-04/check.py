"""Check every truth file of first-look batch 04 against its letter text.

Run: python check.py   (standard library + python-dateutil)

Checks per letter: schema values, IBAN mod-97 and printed, every printed IBAN valid,
payment reference printed (16-digit kenmerk check digit), reference numbers printed,
amounts printed <-> listed, amount_due printed and equal to the role-total amount,
the arithmetic written down below, letter date / deadline / objection deadline /
appointment printed or derived from the relative term written down below, BSN elfproef
and bsn_found. Independent of snapdebrief: nothing here imports the package.
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
BATCH = "b04"

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete",
                   "uitkering-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# --- identifiers ---------------------------------------------------------------------------


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


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * KENMERK_WEIGHTS[i % 10] for i, c in enumerate(reversed(k[1:])))
    check = {10: 1, 11: 0}.get(11 - total % 11, 11 - total % 11)
    return int(k[0]) == check


# --- dates -----------------------------------------------------------------------------------

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
KB_DAYS = {date(2026, 4, 27), date(2027, 4, 27)}


def holidays(year: int) -> set[date]:
    e = easter(year)
    return {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), date(year, 4, 27),
            date(year, 5, 5), e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25),
            date(year, 12, 26), date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)} | KB_DAYS


def objection_default(letter: date) -> date:
    """Letter date + 42 days, moved by the Algemene termijnenwet to the next working day."""
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}",
            d.isoformat(), f"{d.day} {ABBR[d.month - 1]}. {d.year}"]


# Dates written only in words: number -> {iso date: words as printed}
WORD_DATES = {"25": {"2026-09-24": "vierentwintigste september tweeduizendzesentwintig"}}


def printed(d: str, text: str, code: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    if any(f in flat for f in date_forms(date.fromisoformat(d))):
        return True
    return WORD_DATES.get(code, {}).get(d, "\0") in flat


# Relative terms as printed, counted from the letter date (no weekend shift):
# number -> (days, weeks, months, the words in the letter)
RELATIVE = {
    "02": (14, 0, 0, "binnen 14 dagen na de dagtekening van deze aanmaning"),
    "13": (0, 4, 0, "binnen vier weken na de datum van deze"),
    "15": (0, 6, 0, "binnen zes weken na de datum van deze brief"),
    "22": (7, 0, 0, "binnen 7 dagen na deze e-mail"),
    "23": (14, 0, 0, "binnen 14 dagen na ontvangst van deze brief"),
}
# Objection terms the letter itself ends on a printed date: number -> words
OBJECTION_PRINTED = {"03": "tot en met 15 januari 2027", "07": "uiterlijk op 17 juni 2026"}
# Appointment times written in words: number -> words
TIME_WORDS = {"18": ("10:30", "half elf")}

# --- amounts ---------------------------------------------------------------------------------

EURO_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)(?![.,]\d)")
BARE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?![\d%])(?!\s*%)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in EURO_RE.findall(text) + BARE_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


# Arithmetic that must hold: number -> list of (parts, expected); parts are summed
SUMS = {
    "01": [([16487, -5503], 10984), ([10984, -9238, -600], 1146)],
    "02": [([1012, -400], 612), ([612, 18], 630)],
    "03": [([131] * 12, 1572)],
    "04": [([3322, -3108], 214)],
    "05": [([1098, -612], 486), ([20.25] * 24, 486)],
    "06": [([299.83, 341.40, 198.72, 141.12, 206.82, 121.37], 1309.26), ([654.63, 654.63], 1309.26),
           ([round(312000 * 0.000961, 2)], 299.83), ([round(312000 * 0.000389, 2)], 121.37),
           ([68.94] * 3, 206.82)],
    "07": [([331.32, 281.16], 612.48), ([93.72] * 3, 281.16)],
    "08": [([301.20, 88.44], 389.64)],
    "09": [([118, 9], 127)],
    "10": [([440, 9, 220], 669), ([440 * 0.5], 220), ([440, 220], 660)],
    "11": [([138, 138, 64.37], 340.37)],
    "12": [([191.28, 96.18], 287.46), ([95.82] * 3, 287.46)],
    "13": [([158.25] * 2, 316.50), ([24.95] * 2, 49.90), ([316.50, 49.90], 366.40), ([91.60] * 4, 366.40)],
    "14": [([875, 875], 1750), ([1750, -300], 1450)],
    "17": [([142.37, 142.37, 1.64], 286.38)],
    "22": [([64.95, 64.95], 129.90), ([129.90, 4.95, -10.00], 124.85)],
    "23": [([39.99, 7.51], 47.50), ([47.50, 47.50], 95.00)],
    "24": [([1214.00, 63.18, 182.10, 387.00, 112.91], 1959.19), ([1959.19, -200.00], 1759.19)],
    "25": [([2318.40, 96.12, 347.76], 2762.28), ([2762.28, 124.87], 2887.15)],
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


# number -> (principal, incassokosten as printed)
WIK = {"22": (124.85, 40.00), "23": (95.00, 40.00), "24": (1214.00, 182.10), "25": (2318.40, 347.76)}


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- the check -------------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    flat = squash(text)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] not in KINDS or not txt.stem.startswith(f"{truth['kind']}-{BATCH}-"):
        errs.append("kind / file name")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")

    # dates
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(truth["letter_date"], text, code):
        errs.append("letter date not printed")
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        if code in RELATIVE:
            days, weeks, months, words = RELATIVE[code]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dl["date"] != want.isoformat():
                errs.append(f"relative deadline should be {want}")
            if words not in re.sub(r"\s+", " ", text):
                errs.append("relative term words not in text")
        elif not printed(dl["date"], text, code):
            errs.append("deadline date not printed")
    od = truth["objection_deadline"]
    if truth["kind"] in OBJECTION_KINDS:
        if not od:
            errs.append("decision kind without objection_deadline")
        elif code in OBJECTION_PRINTED:
            if OBJECTION_PRINTED[code] not in re.sub(r"\s+", " ", text) or not printed(od, text, code):
                errs.append("printed objection date not found")
        elif od != objection_default(ld).isoformat():
            errs.append(f"objection should be {objection_default(ld)}")
    elif od:
        errs.append("objection_deadline on a kind without bezwaar")
    ap = truth["appointment"]
    if ap:
        if not printed(ap["date"], text, code):
            errs.append("appointment date not printed")
        t = ap["time"]
        if t:
            forms = [t, t.replace(":", ".")]
            if code in TIME_WORDS and TIME_WORDS[code][0] == t:
                forms.append(TIME_WORDS[code][1])
            if not any(f in text for f in forms):
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

    # amounts
    shown = printed_amounts(text)
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("an amount is listed twice")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if set(listed) - shown:
        errs.append(f"listed, not printed: {sorted(set(listed) - shown)}")
    if shown - set(listed):
        errs.append(f"printed, not listed: {sorted(shown - set(listed))}")
    due = truth["amount_due"]
    totals = [round(a["value"], 2) for a in truth["amounts"] if a["role"] == "total"]
    if due is not None:
        if round(due, 2) not in shown:
            errs.append("amount_due not printed")
        if totals and round(due, 2) not in totals:
            errs.append("amount_due != amount with role total")
    if len(totals) > 1:
        errs.append("more than one total")
    for parts, want in SUMS.get(code, []):
        if round(sum(parts), 2) != round(want, 2):
            errs.append(f"sum {parts} != {want}")
    if code in WIK and wik(WIK[code][0]) != WIK[code][1]:
        errs.append(f"WIK on {WIK[code][0]} is {wik(WIK[code][0])}")

    # identifiers
    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban fails mod-97")
        if iban not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if (due is None) != (iban is None) and truth["kind"] != "afspraak-uitnodiging":
        errs.append("iban and amount_due disagree on whether something is to be paid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if pr.replace(" ", "").isdigit() and len(pr.replace(" ", "")) == 16 and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails its check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} repeats the payment reference")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs found: {sorted(bsns)}")
    if not truth["notes"].strip():
        errs.append("empty notes")
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
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad or len(files) != 25 else 0


if __name__ == "__main__":
    sys.exit(main())
