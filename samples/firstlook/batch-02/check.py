"""Consistency check for first-look batch 02: every NAME.json against its NAME.txt.

Run:  python samples/firstlook/batch-02/check.py
Needs python-dateutil (installed in the project venv). Imports nothing from snapdebrief;
the date helpers come from samples/holdout/tools.py as the brief allows.

What it checks, per letter:
  - file name <kind>-b02-NN-slug, kind/stage/action/role vocabularies, the JSON keys;
  - letter date in range and printed (numeric, written, or in words for the exploot);
  - deadline: printed as a date, or derived from the relative term written in the letter
    (the term's wording must occur in the text) with the brief's counting rule;
  - objection deadline: printed, or letter date + 42 days moved to the next working day;
  - appointment date and time printed; an 'attend' deadline equals the appointment date;
  - every money amount printed is listed and every listed amount is printed; amount_due printed
    and equal to the one amount with role 'total';
  - sums and WIK costs written down independently below;
  - IBAN: mod-97, NL and 18 characters, printed; every IBAN printed passes mod-97;
  - payment reference and reference numbers printed; 16-digit kenmerken pass the check digit;
  - bsn_found agrees with the 9-digit numbers in the text that pass the elfproef.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # leave no __pycache__ in samples/holdout
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import objection_deadline

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
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
        "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# --- written down independently of the JSON files ------------------------------------------

# number -> (letter date, days, weeks, months, wording that must occur in the text)
RELATIVE = {
    "03": (date(2026, 9, 9), 14, 0, 0, "binnen 14 dagen na de dagtekening"),
    "08": (date(2026, 4, 14), 0, 0, 1, "binnen één maand na dagtekening"),
    "12": (date(2026, 10, 6), 14, 0, 0, "binnen 14 dagen na ontvangst"),
    "13": (date(2026, 2, 2), 10, 0, 0, "binnen tien dagen na de datum van deze brief"),
    "14": (date(2026, 6, 22), 2, 0, 0, "binnen twee dagen na heden"),
    "16": (date(2026, 4, 7), 0, 4, 0, "binnen vier weken na de datum van deze brief"),
    "21": (date(2026, 12, 10), 0, 2, 0, "binnen twee weken na de datum van deze brief"),
    "23": (date(2026, 3, 16), 0, 6, 0, "binnen zes weken na de datum van dit bericht"),
}

# letters whose own text states the last day for bezwaar
PRINTED_OBJECTION = {"06": "tot en met 30 oktober 2026"}

# letter dates printed only in words
WORD_DATES = {"14": "de tweeëntwintigste juni tweeduizendzesentwintig"}

SUMS = {
    "01": [([21386, -4122], 17264), ([17264, -14780], 2484), ([276] * 9, 2484)],
    "02": [([16512, -3845], 12667), ([12667, -11408, -562], 697), ([697, 31], 728)],
    "03": [([1514, -250], 1264), ([1264, 18, 11], 1293)],
    "04": [([287] * 12, 3444)],
    "05": [([123] * 12, 1476), ([1476, -1032], 444)],
    "06": [([4152, -3264], 888), ([37] * 24, 888)],
    "07": [([121.43, 204.36, 114.73], 440.52), ([68.12] * 3, 204.36), ([220.26] * 2, 440.52),
           ([round(298000 * 0.0385 / 100, 2)], 114.73)],
    "08": [([341.20, 195.60], 536.80), ([75.20, 75.20], 150.40), ([536.80, -150.40], 386.40)],
    "09": [([124, 9], 133)],
    "10": [([290, 9], 299), ([290, 9, 145], 444), ([444, 290], 734), ([290 * 0.5], 145)],
    "11": [([100.57] * 6, 603.42), ([603.42, 19.88], 623.30)],
    "12": [([34.95] * 3, 104.85)],
    "13": [([86.42, 61.80], 148.22), ([148.22, -50.00], 98.22)],
    "14": [([1386.00, 58.74, 207.90, 117.23, 139.00, 272.00, 118.67], 2299.54),
           ([2299.54, -100.00], 2199.54)],
    "15": [([2214.60, 96.18, 601.00, 121.35, 186.44], 3219.57), ([3219.57, -300.00], 2919.57)],
    "16": [([151.35] * 2, 302.70)],
    "17": [([1012.50, 72.50], 1085.00), ([1085.00, -650.00], 435.00), ([435.00, 1085.00], 1520.00)],
    "18": [([163.00, 163.00, 57.38], 383.38)],
    "19": [([1612.58, -148.03], 1464.55)],
    "22": [([121.37] * 2, 242.74)],
    "25": [([70.20, 104.38, 35.20], 209.78), ([round(209.78 * 0.09, 2)], 18.88),
           ([209.78, 18.88], 228.66), ([21.90] * 12, 262.80), ([262.80, -228.66], 34.14)],
}

# number -> (hoofdsom, incassokosten printed)
WIK = {"12": (104.85, 40.00), "14": (1386.00, 207.90)}


# --- helpers ---------------------------------------------------------------------------------

def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if not (len(k) == 16 and k.isdigit()):
        return False
    body = k[1:]
    total = sum(int(c) * KENMERK_WEIGHTS[i % 10] for i, c in enumerate(reversed(body)))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


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


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), d.strftime("%d.%m.%Y"),
            d.strftime("%d/%m/%Y"), f"{d.day}-{d.month}-{d.year}"]


def printed(d: date, flat_text: str) -> bool:
    return any(f in flat_text for f in date_forms(d))


EURO_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d,])")
BARE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?!\d)(?!\s*%)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for rx in (EURO_RE, BARE_RE):
        for whole, frac in rx.findall(text):
            cents = int(frac) if frac and frac.isdigit() else 0
            out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- the check -------------------------------------------------------------------------------

def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", text)
    sq = squash(text)
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-b02-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, nr = m.group(1), m.group(2)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"] or not t["notes"]:
        errs.append("sender/notes empty")

    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, flat) and WORD_DATES.get(nr, "\0") not in flat:
        errs.append("letter date not printed")

    dl = t["deadline"]
    if nr in RELATIVE:
        base, days, weeks, months, wording = RELATIVE[nr]
        want = base + relativedelta(days=days + 7 * weeks, months=months)
        if base != ld:
            errs.append("relative base is not the letter date")
        if wording not in flat:
            errs.append(f"relative wording not in text: {wording!r}")
        if not dl or dl["date"] != want.isoformat():
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not printed(date.fromisoformat(dl["date"]), flat):
            errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append(f"action {dl['action']}")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")

    od = t["objection_deadline"]
    if od and kind not in OBJECTION_KINDS:
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if nr in PRINTED_OBJECTION:
            if PRINTED_OBJECTION[nr] not in flat or not printed(date.fromisoformat(od), flat):
                errs.append("printed objection day not in text")
        elif od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")

    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), flat):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in flat and ap["time"] not in flat:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    got = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if got - listed:
        errs.append(f"amounts printed but not listed {sorted(got - listed)}")
    if listed - got:
        errs.append(f"amounts listed but not printed {sorted(listed - got)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in got:
            errs.append("amount_due not printed")
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not in amounts")
    totals = [round(a["value"], 2) for a in t["amounts"] if a["role"] == "total"]
    if t["amount_due"] is None and totals:
        errs.append("a 'total' amount but no amount_due")
    if t["amount_due"] is not None and totals != [round(t["amount_due"], 2)]:
        errs.append(f"amount_due is not the one 'total' amount {totals}")
    if dl and dl["action"] == "pay" and t["amount_due"] is None:
        errs.append("pay deadline without amount_due")
    for parts, total in SUMS.get(nr, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if nr in WIK:
        principal, costs = WIK[nr]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    iban = t["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban fails mod-97 or format")
        if iban not in sq:
            errs.append("iban not printed")
    if t["amount_due"] is not None and not iban:
        errs.append("amount due but no iban")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in sq:
            errs.append("payment_reference not printed")
        if pr.isdigit() and len(pr) == 16 and not kenmerk_valid(pr):
            errs.append("payment_reference check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in sq:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check digit")

    nines = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = {n.replace(".", "") for n in nines if bsn_valid(n.replace(".", ""))}
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but elfproof 9-digit numbers: {sorted(bsns)}")
    for lab in re.findall(r"(?:BSN|[Bb]urgerservicenummer):?\s+([\d.]+\d)", text):
        if not bsn_valid(lab.replace(".", "")):
            errs.append(f"labelled BSN {lab} fails elfproef")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    nrs = sorted(re.search(r"-b02-(\d\d)-", p.stem).group(1) for p in files)
    if nrs != [f"{i:02d}" for i in range(1, 26)]:
        print("numbering is not 01..25")
        bad += 1
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
