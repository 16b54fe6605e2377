"""Consistency check for first-look batch 01: every NAME.json against its NAME.txt.

Run:  python3 samples/firstlook/batch-01/check.py
Standard library plus python-dateutil (Easter for the Algemene termijnenwet).
Independent of snapdebrief on purpose: nothing here imports or runs the program.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
BATCH = "b01"

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
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
MONTHS_ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]

# --- per-letter facts written down independently of the JSON files -------------------------

# Dates given only in words: number -> (exact phrase in the text, date)
DATE_WORDS = {
    "13": ("de negende november van het jaar tweeduizendzesentwintig", date(2026, 11, 9)),
}

# Relative deadline terms: number -> (phrase that must be in the text, days, weeks, months)
# counted from the letter date, no weekend/holiday shift (brief).
RELATIVE = {
    "02": ("binnen 14 dagen na de datum van\ndeze aanmaning", 14, 0, 0),
    "07": ("binnen één maand na dagtekening dezer", 0, 0, 1),
    "10": ("binnen 14 dagen nadat je deze brief hebt ontvangen", 14, 0, 0),
    "12": ("binnen vijf\ndagen na dagtekening dezes", 5, 0, 0),
    "13": ("binnen twee dagen na heden", 2, 0, 0),
    "16": ("binnen een week", 7, 0, 0),
    "17": ("binnen veertien dagen, te rekenen vanaf de dag na\nontvangst", 14, 0, 0),
    "19": ("binnen 14 dagen na de datum van deze\nbrief", 14, 0, 0),
}

# Objection terms: number -> phrase; all are relative (six weeks) in this batch -> ATW rule.
OBJECTION_PHRASE = {
    "01": "binnen 6 weken na de dagtekening",
    "03": "binnen 6 weken na de datum van\ndeze brief",
    "04": "binnen 6 weken na de datum",
    "05": "binnen zes weken na de dagtekening",
    "06": "binnen zes weken na\nde dagtekening",
    "07": "binnen zes weken na de dagtekening van deze beschikking",
    "08": "binnen\nzes weken na de datum van deze beschikking",
    "20": "binnen 6 weken na de datum van deze\nbrief",
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([17846, -3412, -12069], 2365), ([215] * 11, 2365)],
    "02": [([2186.00, -400.00], 1786.00), ([1786.00, 18.00], 1804.00)],
    "03": [([318] * 12, 3816), ([276] * 3, 828), ([318 - 276] * 3, 126)],
    "04": [([123] * 12, 1476), ([1476, -564], 912), ([38] * 24, 912)],
    "05": [([273.22, 348.60, 242.16], 863.98), ([431.99, 431.99], 863.98)],
    "06": [([98.45, 117.31, 246.51], 462.27), ([82.17] * 3, 246.51)],
    "07": [([301.20, 189.84, 121.36], 612.40), ([301.20, 189.84], 491.04)],
    "08": [([176.00, 9.00], 185.00)],
    "09": [([150.00, 9.00, 75.00], 234.00), ([150.00 * 0.5], 75.00)],
    "10": [([125.00, 4.95], 129.95), ([129.95, -50.00], 79.95)],
    "11": [([212.40, 186.10, 88.00], 486.50), ([486.50, 7.84, 72.98], 567.32)],
    "12": [([34.95] * 6, 209.70), ([209.70, 4.12, 40.00], 253.82)],
    "13": [([1384.00, 63.12, 207.60, 120.57, 254.00, 298.00, 68.00, 119.46], 2514.75),
           ([2514.75, -150.00], 2364.75)],
    "14": [([149.20, 158.45], 307.65)],
    "16": [([689.40, 120.00], 809.40)],
    "17": [([1150.00] * 3, 3450.00), ([3450.00, -600.00], 2850.00), ([410.00, 86.10], 496.10)],
    "18": [([164.00, 164.00, 211.37], 539.37)],
    "19": [([96.40, 21.50, 21.50, 7.50], 146.90)],
    "20": [([843.27], 843.27)],
    "22": [([94.18] * 3, 282.54)],
}

# Products that must hold (rounded to cents): number -> list of (a, b, result)
PRODUCTS = {
    "05": [(287000, 0.000952, 273.22)],
    "06": [(312000, 0.000376, 117.31)],
}

# Buitengerechtelijke incassokosten: number -> (hoofdsom, printed costs, printed btw or None)
WIK = {"10": (79.95, 40.00, None), "11": (486.50, 72.98, None), "12": (209.70, 40.00, None),
       "13": (1384.00, 207.60, None), "17": (2850.00, 410.00, 86.10)}

# --- helpers --------------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])
    return total % 11 == 0


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    body = k[1:]
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(body)))
    c = 11 - (total % 11)
    c = {10: 1, 11: 0}.get(c, c)
    return int(k[0]) == c


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd,
            e + timedelta(days=39), e + timedelta(days=50), date(year, 5, 5), date(year, 12, 25),
            date(year, 12, 26)}
    return days | {d for d in KB_DAYS if d.year == year}


def atw_shift(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day}\n{MONTHS[d.month - 1]} {d.year}",
            f"{d.day} {MONTHS[d.month - 1]}\n{d.year}",
            d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year}"]


def printed_date(text: str, d: date, num: str) -> bool:
    if any(f in text for f in date_forms(d)):
        return True
    if num in DATE_WORDS and DATE_WORDS[num][1] == d and DATE_WORDS[num][0] in text:
        return True
    return False


AMOUNT_RE = re.compile(r"(?:€|EUR)\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?(?![\d.,]\d)")
BARE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?![\d%])")


def euro_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def any_amount_printed(text: str, v: float) -> bool:
    if v in euro_amounts(text):
        return True
    for whole, frac in BARE_RE.findall(text):
        if round(int(whole.replace(".", "")) + int(frac) / 100, 2) == round(v, 2):
            return True
    return False


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def wik(p: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total + 1e-9, 40.0), 6775.0), 2)


# --- the check -------------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"([a-z-]+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind_in_name, num = m.group(1), m.group(2)

    if set(truth) != KEYS:
        errs.append(f"keys differ: {sorted(set(truth) ^ KEYS)}")
    kind = truth["kind"]
    if kind not in KINDS or kind != kind_in_name:
        errs.append(f"kind {kind} / name {kind_in_name}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed_date(text, ld, num):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        d = date.fromisoformat(dl["date"])
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        if num in RELATIVE:
            phrase, days, weeks, months = RELATIVE[num]
            if phrase not in text:
                errs.append(f"relative phrase not in text: {phrase!r}")
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed_date(text, d, num):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS:
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and not od:
        errs.append("objection kind without objection_deadline")
    if od:
        odd = date.fromisoformat(od)
        if num in OBJECTION_PHRASE:
            if OBJECTION_PHRASE[num] not in text:
                errs.append("objection phrase not in text")
            want = atw_shift(ld + timedelta(days=42))
            if odd != want:
                errs.append(f"objection {od} != {want}")
        elif not printed_date(text, odd, num):
            errs.append("objection date neither relative nor printed")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed_date(text, ad, num):
            errs.append("appointment date not printed")
        if ap["time"]:
            h, mi = ap["time"].split(":")
            forms = [f"{int(h)}.{mi}", f"{h}.{mi}", f"{int(h)}:{mi}", f"{h}:{mi}"]
            if not any(f + " uur" in text or f + "\n" in text for f in forms):
                errs.append("appointment time not printed")
        if not ap["place"] or not any(part.strip() in text for part in ap["place"].split(",")):
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
        if dl and dl["date"] > ap["date"]:
            errs.append("deadline after appointment")

    # amounts
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        if not any_amount_printed(text, a["value"]):
            errs.append(f"amount {a['value']} not printed")
    if len(set(listed)) != len(listed):
        errs.append("duplicate values in amounts")
    unlisted = euro_amounts(text) - set(listed)
    if unlisted:
        errs.append(f"printed euro amounts not listed: {sorted(unlisted)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in listed:
            errs.append("amount_due not among amounts")
        if not any_amount_printed(text, due):
            errs.append("amount_due not printed")
        if not any(a["role"] in {"total", "principal"} and round(a["value"], 2) == round(due, 2)
                   for a in truth["amounts"]):
            errs.append("amount_due should carry role total/principal")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for a, b, r in PRODUCTS.get(num, []):
        if round(a * b + 1e-9, 2) != r:
            errs.append(f"product {a}*{b} != {r}")
    if num in WIK:
        p, costs, btw = WIK[num]
        if wik(p) != costs:
            errs.append(f"WIK on {p} is {wik(p)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} wrong")

    # payment data
    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban fails mod-97")
        if iban not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban without amount_due")
    elif due is not None:
        errs.append("amount_due without iban")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text):
        if not iban_valid(squash(ib)):
            errs.append(f"printed iban {ib} fails mod-97")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{16,19}", pr) and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
        if pr in truth["reference_numbers"]:
            errs.append("payment_reference repeated in reference_numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(squash(k)):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # BSN
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    found = sorted({c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))})
    if truth["bsn_found"] != bool(found):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {found}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-" + BATCH + "-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("\n     " + "\n     ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds missing:", sorted(missing))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
