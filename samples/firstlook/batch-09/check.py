"""Check every truth file of batch 09 against its letter text.

Run from this folder:  ../../../.venv/bin/python check.py
Uses only the helper functions of samples/holdout/tools.py (identifier checks, the Algemene
termijnenwet holidays); the per-letter arithmetic below is written down independently of the
JSON files. Exit code 0 when every letter passes.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import atw_holidays, bsn_valid, iban_valid, kenmerk_valid, objection_deadline  # noqa: E402

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek", "duo-studieschuld",
         "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# --- per-letter facts, written from the letters, not from the JSON ---------------------------

# relative terms as printed: number -> (unit, n)
RELATIVE = {
    "06": ("days", 14),       # binnen 14 dagen na de dagtekening van deze aanmaning
    "10": ("days", 14),       # 14 dagen vanaf de dag nadat je deze brief hebt gekregen
    "11": ("weeks", 2),       # binnen twee weken na de datum van deze e-mail
    "13": ("workdays", 5),    # binnen vijf werkdagen na dagtekening dezes
    "15": ("weeks", 4),       # binnen vier weken na de datum van deze brief
    "19": ("days", 14),       # binnen 14 dagen na de datum van deze brief
}
# the letter prints its own last day for bezwaar/beroep
PRINTED_OBJECTION = {"07": date(2026, 7, 2)}
# letters whose deadline is a weekday + date in running text
WEEKDAY_DEADLINE = {"04", "16", "17", "21"}
# time of an appointment as written in the letter
TIME_WRITTEN = {"23": ("09:45", "kwart voor tien"), "24": ("13:15", "13:15 - 14:00 uur")}
# sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([21143, -4217, -14583], 2343), ([213] * 11, 2343)],
    "02": [([812, -200], 612), ([612, 19], 631)],
    "03": [([262] * 12, 3144), ([3328, -3144], 184)],
    "04": [([1512, -384], 1128), ([47] * 24, 1128)],
    "05": [([270.75, 318.60, 214.32, 124.83, 125.15, 206.82], 1260.47), ([68.94] * 3, 206.82),
           ([341000 * 0.000794], 270.75), ([341000 * 0.000367], 125.15)],
    "06": [([150.00, 286.40], 436.40), ([286.40, 9.00], 295.40)],
    "07": [([12.30] * 12, 147.60), ([372.60, -225.00], 147.60), ([372.60, 226.80], 599.40),
           ([225.00, 226.80], 451.80), ([599.40, -451.80], 147.60)],
    "08": [([127.00, 10.00], 137.00), ([127.00 * 0.5], 63.50)],
    "09": [([79.00 * 0.5], 39.50), ([79.00, 10.00, 39.50], 128.50)],
    "11": [([29.95] * 4, 119.80), ([119.80, 1.62, 40.00], 161.42)],
    "12": [([306.40, -120.00], 186.40)],
    "13": [([1284.37, 38.20, 192.66], 1515.23)],
    "14": [([2760.00, 187.44, 401.00, 624.00, 178.00, 112.89, 134.86, -250.00], 4148.19)],
    "15": [([139.20, 19.25], 158.45), ([158.45] * 2, 316.90), ([63.38] * 5, 316.90)],
    "16": [([641.20, 46.15], 687.35)],
    "17": [([1150.00] * 2, 2300.00), ([2300.00, -400.00], 1900.00)],
    "18": [([412.18, 134.00], 546.18)],
    "19": [([57.84, 38.58], 96.42)],
    "20": [([148.62 * 21.75], 3232.49), ([148.62 * 21.75 * 0.75], 2424.36), ([148.62 * 21.75 * 0.70], 2262.74)],
    "22": [([112.37] * 3 + [4.18], 341.29)],
    "25": [([430.34, 365.78], 796.12), ([421.53, 358.30], 779.83)],
}
# Besluit vergoeding buitengerechtelijke incassokosten: number -> (hoofdsom, printed costs)
WIK = {"10": (149.95, 40.00), "11": (119.80, 40.00), "13": (1284.37, 192.66), "18": (546.18, 81.93)}
# letters whose amount due must NOT be labelled with the word 'totaal'
NOT_TOTAAL = {"04", "06", "07", "17", "19"}


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


def working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in atw_holidays(d.year)


def add_workdays(d: date, n: int) -> date:
    while n:
        d += timedelta(days=1)
        if working_day(d):
            n -= 1
    return d


def relative(letter: date, unit: str, n: int) -> date:
    if unit == "days":
        return letter + timedelta(days=n)
    if unit == "weeks":
        return letter + timedelta(weeks=n)
    if unit == "months":
        return letter + relativedelta(months=n)
    if unit == "workdays":
        return add_workdays(letter, n)
    raise ValueError(unit)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d.,]\d)")


def printed_amounts(text: str) -> list[float]:
    out = []
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.append(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b09-(\d\d)-", txt.stem).group(1)

    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b09-"):
        errs.append(f"kind/name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or truth["sender"].split()[0].rstrip(",") not in text:
        errs.append("sender not in letterhead/text")
    if not truth["notes"] or "http" not in truth["notes"]:
        errs.append("notes must record the source addresses")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            want = relative(ld, *RELATIVE[num])
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(d, text):
            errs.append("deadline date not printed")
        if num in WEEKDAY_DEADLINE and f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}" not in re.sub(r"\s+", " ", text):
            errs.append("weekday + date of the deadline not printed (or wrong weekday)")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if not od:
            errs.append("decision without objection_deadline")
        elif num in PRINTED_OBJECTION:
            if date.fromisoformat(od) != PRINTED_OBJECTION[num] or not printed(PRINTED_OBJECTION[num], text):
                errs.append("printed objection date")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a letter that is no decision open to bezwaar")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text) and f"{WEEKDAYS[ad.weekday()].capitalize()} {ad.day} {MONTHS[ad.month - 1]} {ad.year}" not in text:
            errs.append("appointment date not printed")
        want_time, written = TIME_WRITTEN.get(num, (ap["time"], ap["time"] or ""))
        if ap["time"] != want_time or written not in text:
            errs.append(f"appointment time should be {want_time}, written as '{written}'")
        for part in ap["place"].split(","):
            if part.strip() not in text:
                errs.append(f"place part '{part.strip()}' not in text")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")

    # amounts
    found = printed_amounts(text)
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if set(found) != set(listed):
        errs.append(f"amounts printed-not-listed {sorted(set(found) - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - set(found))}")
    if len(listed) != len(set(listed)):
        errs.append("an amount value is listed twice")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in found:
            errs.append("amount_due not printed")
        roles_of_due = {a["role"] for a in truth["amounts"] if round(a["value"], 2) == round(due, 2)}
        has_total = any(a["role"] == "total" for a in truth["amounts"])
        if not ("total" in roles_of_due or (not has_total and "principal" in roles_of_due)):
            errs.append("amount_due is neither the 'total' nor (without a total) the principal")
        if num in NOT_TOTAAL:
            for line in text.splitlines():
                if "totaal" in line.lower() and (f"{due:.2f}".replace(".", ",") in line or f"€ {int(due):,}".replace(",", ".") in line):
                    errs.append("amount due labelled 'totaal' although it should not be")
    elif any(a["role"] == "total" for a in truth["amounts"]):
        errs.append("a 'total' amount but amount_due is null")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        if round(total, 2) not in found and total != int(total):
            errs.append(f"sum total {total} not printed")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs or costs not in found:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # identifiers
    ibans = [re.sub(r"[ .]", "", m) for m in
             re.findall(r"NL\d{2}[ .]?[A-Z]{4}[ .]?\d{4}[ .]?\d{4}[ .]?\d{2}", text)]
    for ib in ibans:
        if not iban_valid(ib):
            errs.append(f"printed IBAN {ib} invalid")
    if truth["iban"]:
        if truth["iban"] not in ibans or not iban_valid(truth["iban"]):
            errs.append("iban not printed or invalid")
        if due is None:
            errs.append("iban set but nothing to pay")
    elif due is not None:
        errs.append("amount due but no iban")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails its check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {sorted(bsns)}")
    if "\f" in text and text.count("\f") < 1:
        errs.append("page split")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*-b09-*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("\n       " + "\n       ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
