"""Consistency check for first-look batch 08: every NAME.json against its NAME.txt.

Run from this folder:  ../../../.venv/bin/python check.py
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
BATCH = "b08"

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

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * KENMERK_WEIGHTS[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    return int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


# --- dates ---------------------------------------------------------------------------------

KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # kabinet-decreed ATW days


def atw_holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27) if date(year, 4, 27).weekday() != 6 else date(year, 4, 26)
    return ({date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(year, 5, 5),
             e + timedelta(days=39), e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
            | {d for d in KB_DAYS if d.year == year})


def objection_from(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in atw_holidays(d.year):
        d += timedelta(days=1)
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


WORD_DATES = {"2026-12-03": "de derde december tweeduizendzesentwintig",
              "2027-01-13": "de dertiende januari tweeduizendzevenentwintig"}


def printed(d: date, text: str) -> bool:
    return any(f in text for f in date_forms(d)) or WORD_DATES.get(d.isoformat(), "\0") in text


# --- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        out.add(round(int(whole.replace(".", "")) + (int(frac) if frac.isdigit() else 0) / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- per-letter facts, written down from the letters, independent of the JSON ----------------

# relative deadline terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "08": (0, 0, 1),   # binnen een maand na de datum van deze brief
    "11": (14, 0, 0),  # binnen 14 dagen na de datum van deze brief
    "15": (21, 0, 0),  # binnen drie weken na de dagtekening
    "20": (14, 0, 0),  # binnen 14 dagen na de datum van deze e-mail
    "22": (14, 0, 0),  # binnen twee weken na de datum van deze brief
}
# letters whose printed deadline equals letter date + a printed term (checked as extra sanity)
PRINTED_TERM = {"03": 14, "07": 14, "05": 42, "06": 42}
# reminders that repeat an earlier, already passed due date: number -> that date
OLD_DUE = {"03": date(2026, 8, 31), "07": date(2026, 4, 30), "10": date(2026, 7, 21),
           "13": date(2026, 10, 4), "19": date(2026, 4, 1), "14": date(2026, 4, 20),
           "15": date(2026, 10, 12), "23": date(2026, 10, 31)}

SUMS = {
    "01": [([13947, -1688, -5163], 7096), ([709.60] * 10, 7096)],
    "02": [([7926, -8412, 74], -412)],
    "03": [([1386.00, 19.00], 1405.00)],
    "04": [([131, 284], 415), ([131 * 12], 1572), ([284 * 12], 3408), ([415 * 12], 4980)],
    "05": [([9612, -8187], 1425)],
    "06": [([180.04, 162.36, 461.28], 803.68), ([round(412000 * 0.000437, 2)], 180.04)],
    "07": [([411.06, 213.12], 624.18), ([624.18, 19.00], 643.18)],
    "08": [([563.40, -65.04], 498.36)],
    "09": [([74.00, 9.00], 83.00)],
    "10": [([110.00, 9.00, 55.00], 174.00), ([110.00 * 0.5], 55.00)],
    "11": [([38.50, 41.25], 79.75)],
    "12": [([42.25, 42.25], 84.50), ([84.50, 1.12, 40.00], 125.62)],
    "14": [([1184.00, 1184.00, -600.00], 1768.00)],
    "16": [([123.77] * 6, 742.62), ([742.62, 38.41, 111.39], 892.42), ([892.42, 117.03], 1009.45)],
    "17": [([148.95, 148.95], 297.90), ([49.65] * 6, 297.90)],
    "18": [([190.80, 196.40], 387.20)],
    "19": [([698.45, 698.45, -250.00], 1146.90)],
    "20": [([164.00, 164.00, 57.36], 385.36)],
    "21": [([1212.46, -343.94], 868.52)],
    "23": [([96.14] * 3, 288.42), ([288.42, 4.37], 292.79)],
    "25": [([19.96, -18.72], 1.24)],
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
    return round(min(max(total, 40.0), 6775.0) + 1e-9, 2)


WIK = {"11": (79.75, 40.00), "12": (84.50, 40.00), "16": (742.62, 111.39)}


# --- the check -------------------------------------------------------------------------------


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append(f"kind/name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")
    if "http" not in truth["notes"]:
        errs.append("notes name no source address")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        dd = date.fromisoformat(dl["date"])
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        if dd < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
            if printed(dd, text):
                errs.append("term-only letter prints its deadline date")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if num in PRINTED_TERM and dd != ld + timedelta(days=PRINTED_TERM[num]):
            errs.append("printed deadline does not match the printed term")
    elif num in RELATIVE:
        errs.append("relative term recorded but no deadline")

    od = truth["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and not (truth["stage"] == "decision" and "Bezwaar" in text):  # convention settled in BRIEF.md (2026-12-07)
            errs.append("objection_deadline on a kind without bezwaar")
        if date.fromisoformat(od) != objection_from(ld):
            errs.append(f"objection {od} != {objection_from(ld)}")
    elif kind in OBJECTION_KINDS and truth["stage"] == "decision":
        errs.append("decision without objection_deadline")

    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")

    amounts = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if amounts != listed:
        errs.append(f"amounts printed-not-listed {sorted(amounts - listed)} "
                    f"listed-not-printed {sorted(listed - amounts)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in amounts:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2)
                   for a in truth["amounts"]):
            errs.append("amount_due is not listed as the total")
        if not dl or dl["action"] != "pay" and kind != "deurwaarder":
            errs.append("amount_due without a pay deadline")

    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban fails mod-97")
        if ib not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban without an amount to pay")
    for raw in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text):
        if not iban_valid(raw.replace(" ", "")):
            errs.append(f"printed iban {raw} fails mod-97")

    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"\d{16}", squash(pr)) and not kenmerk_valid(squash(pr)):
            errs.append("payment_reference fails the kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit number {k} fails the kenmerk check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates the payment reference")

    found = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = [b for b in found if bsn_valid(b)]
    if truth["bsn_found"] != bool(found):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(found)} valid BSN-like numbers")

    if num in OLD_DUE:
        old = OLD_DUE[num]
        if not (old < ld and printed(old, text)):
            errs.append("old due date not printed or not passed")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if "\f" in text and text.count("\f") != 1:
        errs.append("unexpected page count")
    return errs


def main() -> int:
    files = sorted(HERE.glob(f"*-{BATCH}-*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
