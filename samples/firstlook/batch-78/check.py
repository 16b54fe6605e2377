"""Consistency check for first-look batch 78: every NAME.json against NAME.txt.

Run: python check.py   (finds samples/holdout/tools.py relative to this file)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, ROLES, STAGES, bsn_valid, fmt_amount,  # noqa: E402
                   iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts,
                   squash, wik)

OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# --- written down independently of the JSON files ------------------------------------------

# How the letter date stands in the text when it is not '12 maart 2026' or '12-03-2026'.
LETTER_DATE_AS_PRINTED = {
    "02": "Datum aanmaning: 9 maart 2026",
    "05": "Dagtekening       : 27-02-2026",
    "06": "dinsdag 23 juni 2026 08:02",
    "09": "op 19 januari 2027 verstuurd",
    "10": "vr 5 jun. 2026",
    "11": "maandag 9 februari 2026",
    "13": "Di 14 apr. 2026",
    "14": "de zesde oktober tweeduizendzesentwintig",
    "17": "ma 26 jan. 2026",
    "20": "Bericht van 21 juli 2026",
    "21": "Verzonden:  17-11-2026",
    "22": "Verstuurd 11-05-2026",
    "25": "do 3 sep. 2026",
}
# Relative terms: code -> (days, weeks, months) counted from the letter date.
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (0, 0, 1),    # binnen een maand na de datum van deze brief
    "10": (14, 0, 0),   # binnen 14 dagen nadat je deze mail hebt ontvangen
    "12": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes (Sunday, no shift)
    "15": (0, 4, 0),    # binnen vier weken
    "20": (0, 2, 0),    # binnen twee weken na de datum van dit bericht
}
# Printed deadlines exactly as they stand (short forms without a year included).
DEADLINE_AS_PRINTED = {
    "04": "vóór 1 oktober 2026",
    "05": "vervaldatum 31-03-2026",
    "06": "uiterlijk 7 juli",
    "08": "15 december 2026",
    "09": "uiterlijk 2 maart 2027",
    "11": "uiterlijk vr 13/2",
    "13": "uiterlijk 21-04",
    "14": "dinsdag 10 november 2026 om 10.00 uur",
    "16": "uiterlijk 22 april 2026",
    "17": "uiterlijk vrijdag 30 jan.",
    "18": "vóór 16 december 2026",
    "21": "uiterlijk 8 december 2026",
    "22": "do 4 juni",
    "23": "uiterlijk woensdag 10 februari 2027",
}
# Weekday names printed next to dates: (weekday word, ISO date)
WEEKDAYS = [("dinsdag", "2026-06-23"), ("vr", "2026-06-05"), ("maandag", "2026-02-09"),
            ("vr", "2026-02-13"), ("di", "2026-04-14"), ("dinsdag", "2026-11-10"),
            ("ma", "2026-01-26"), ("vrijdag", "2026-01-30"), ("do", "2026-06-04"),
            ("maandag", "2027-02-15"), ("woensdag", "2027-02-10"), ("do", "2026-09-03"),
            ("wo", "2026-03-11")]
# Sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([9412, -10187], -775), ([775, -310], 465), ([465, 6], 471),
           ([2312, 6020], 8332), ([17744, -8332], 9412)],
    "02": [([1046, 18], 1064)],
    "03": [([241] * 2 + [276] * 10, 3242)],
    "04": [([1476, -912], 564), ([23.50] * 24, 564)],
    "05": [([118.76, 79.25, 252.36], 450.37), ([225.19, 225.18], 450.37),
           ([round(312000 * 0.000254, 2)], 79.25), ([84.12] * 3, 252.36)],
    "06": [([411.62, -224.22], 187.40)],
    "07": [([512.36, -318.20], 194.16), ([64.72] * 3, 194.16)],
    "08": [([158.00, 9.00], 167.00), ([158.00 / 2], 79.00)],
    "09": [([110.00, 9.00], 119.00), ([119.00, 55.00], 174.00), ([110.00 / 2], 55.00)],
    "10": [([59.95, 4.95], 64.90)],
    "11": [([29.99, 2.50], 32.49)],
    "12": [([312.50, 173.50], 486.00), ([486.00, 7.34, 72.90, 15.31], 581.55)],
    "14": [([1742.18, 61.20, 261.33], 2064.71), ([2064.71, 119.14], 2183.85)],
    "15": [([151.85, 151.85], 303.70)],
    "16": [([648.10, 58.63], 706.73), ([706.73, 706.73], 1413.46)],
    "18": [([287.44, -100.00], 187.44)],
    "21": [([96.18, 96.18], 192.36)],
}
# code -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"10": (64.90, 40.00, None), "12": (486.00, 72.90, 15.31), "14": (1742.18, 261.33, None)}
# IBANs printed that are NOT for paying (reader's own or creditor's old account)
NOT_FOR_PAYING = {"01": "NL42INGB8268111357", "03": "NL60ABNA0106750696",
                  "12": "NL33ASNB2977332051", "19": "NL17ABNA1400442604"}
# Amounts written without a euro sign / EUR prefix that tools.printed_amounts misses
EXTRA_AMOUNT_FORMS = {"12": ["581,55"]}


def std_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    code = re.search(r"-b78-(\d\d)-", txt.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(kind + "-b78-"):
        errs.append("name does not start with kind-b78-")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    for k in ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
              "appointment", "amount_due", "amounts", "iban", "payment_reference",
              "reference_numbers", "bsn_found", "notes"]:
        if k not in t:
            errs.append(f"missing key {k}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in std_forms(ld)):
        form = LETTER_DATE_AS_PRINTED.get(code)
        if not form or form not in text:
            errs.append("letter date not printed")
    if code in LETTER_DATE_AS_PRINTED and LETTER_DATE_AS_PRINTED[code] not in text:
        errs.append("declared letter-date form not in text")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            if plus(ld, days=days, weeks=weeks, months=months) != dd:
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif code in DEADLINE_AS_PRINTED:
            form = DEADLINE_AS_PRINTED[code]
            if form not in text:
                errs.append(f"deadline form {form!r} not in text")
            m = re.search(r"(\d{1,2})[-/ ](\d{1,2}|[a-z]+)", form)
            day = int(m.group(1))
            mon = m.group(2)
            mon_n = int(mon) if mon.isdigit() else next(i + 1 for i, n in enumerate(MONTHS) if n.startswith(mon[:3]))
            if (day, mon_n) != (dd.day, dd.month):
                errs.append(f"printed deadline {form!r} != {dd}")
            y = re.search(r"20\d\d", form)
            if y and int(y.group()) != dd.year:
                errs.append("deadline year")
            if not y and not (ld <= dd and (dd - ld).days < 120):
                errs.append("yearless deadline not within months after letter date")
        else:
            errs.append("deadline without declared source")
        if dd < ld:
            errs.append("deadline before letter date")
    elif code in RELATIVE or code in DEADLINE_AS_PRINTED:
        errs.append("declared deadline but truth has none")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("appointment date != attend deadline")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            if f"{int(hh)}.{mm}" not in text and f"{hh}.{mm}" not in text:
                errs.append("appointment time not printed")
        if not (f"{ad.day} {MONTHS[ad.month - 1]}" in text):
            errs.append("appointment date not printed")
    # amounts
    printed = printed_amounts(text)
    for f in EXTRA_AMOUNT_FORMS.get(code, []):
        if f not in text:
            errs.append(f"extra amount form {f} not in text")
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs, btw = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw {round(costs * 0.21, 2)} != {btw}")
    # accounts and references
    ib = t["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
        if t["amount_due"] is None:
            errs.append("iban without anything to pay")
    if code in NOT_FOR_PAYING:
        if NOT_FOR_PAYING[code] not in flat or ib == NOT_FOR_PAYING[code]:
            errs.append("not-for-paying account mishandled")
    for raw in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(raw.replace(" ", "")):
            errs.append(f"printed iban {raw} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN: dotted 4.2.3 or bare 9 digits (also inside longer alphanumeric codes)
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid candidates {valid}")
    return errs


def check_weekdays() -> list[str]:
    """Weekday words printed next to dates must match the calendar."""
    errs = []
    short = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
    for word, iso in WEEKDAYS:
        wd = date.fromisoformat(iso).weekday()
        want = DAYS.index(word) if word in DAYS else short[word]
        if wd != want:
            errs.append(f"{iso} is not a {word}")
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
    general = check_weekdays()
    if len(files) != 25:
        general.append(f"{len(files)} letters, want 25")
    if kinds != KINDS:
        general.append(f"kinds missing: {sorted(KINDS - kinds)}")
    abs_path = re.compile(r"/(?:work|tmp)/")
    for p in files + [HERE / "README.md", Path(__file__)]:
        if p.exists() and abs_path.search(p.read_text(encoding="utf-8")):
            general.append(f"absolute path in {p.name}")
    for g in general:
        print("FAIL " + g)
    print(f"{len(files)} letters, {bad} with problems"
          + (f", {len(general)} batch-level problems" if general else ""))
    return 1 if bad or general else 0


if __name__ == "__main__":
    raise SystemExit(main())
