"""Check the truth files of batch 23 against the letter texts. Run: python check.py"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import bsn_valid, iban_valid, objection_deadline  # noqa: E402

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
# relative terms: stem -> (field, days, weeks, months) counted from the letter date
RELATIVE = {
    "belasting-aanmaning-b23-02-acceptgiro": ("deadline", 0, 2, 0),
    "kwijtschelding-besluit-b23-06-zwolle-gedeeltelijk": ("deadline", 0, 4, 0),
    "incasso-aanmaning-b23-09-webshop-14-dagen": ("deadline", 14, 0, 0),
    "incasso-aanmaning-b23-19-incassobureau-garage": ("deadline", 7, 0, 0),
    "deurwaarder-b23-20-loonbeslag-mededeling": ("deadline", 14, 0, 0),
    "gemeente-belastingaanslag-b23-23-waterschap-aanmaning": ("deadline", 14, 0, 0),
}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {MONTHS[d.month - 1]}", f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
            f"{d.day} {MONTHS[d.month - 1][:3]}. {d.year}", f"({d.day:02d}-{d.month:02d}-{d.year})"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def amount_forms(v: float) -> list[str]:
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    forms = [s]
    if s.endswith(",00"):
        forms.append("€ " + s[:-3])
        forms.append(s[:-3] + "\n")
    return forms


def check(stem: str) -> list[str]:
    errs = []
    text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
    t = json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))
    flat = re.sub(r"\s+", " ", text)
    nospace = re.sub(r"\s+", "", text)
    kind = stem.split("-b23-")[0]
    if t["kind"] != kind:
        errs.append("kind mismatch")
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and f"{ld.day} {MONTHS[ld.month-1][:3]}" not in flat:
        errs.append("letter date not printed")
    if t["deadline"]:
        dd = date.fromisoformat(t["deadline"]["date"])
        if stem in RELATIVE:
            _, d, w, m = RELATIVE[stem]
            assert m == 0
            if ld + timedelta(days=d + 7 * w) != dd:
                errs.append("relative deadline wrong")
        elif not printed(dd, text):
            errs.append(f"deadline {dd} not printed")
    if t["objection_deadline"]:
        od = date.fromisoformat(t["objection_deadline"])
        if not printed(od, text) and od != objection_deadline(ld):
            errs.append("objection deadline neither printed nor letter+42 (ATW)")
    if t["appointment"]:
        if not printed(date.fromisoformat(t["appointment"]["date"]), text):
            errs.append("appointment date not printed")
        tm = t["appointment"]["time"]
        if tm and tm not in text and tm.replace(":", ".").lstrip("0") not in text:
            errs.append("appointment time not printed")
    for a in t["amounts"]:
        if not any(f in text for f in amount_forms(a["value"])):
            errs.append(f"amount {a['value']} not printed")
    if t["amount_due"] is not None and t["amount_due"] not in [a["value"] for a in t["amounts"]]:
        errs.append("amount_due not among amounts")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban fails mod-97")
        if t["iban"] not in nospace:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2}[A-Z]{4}\d{10}", nospace):
        if not iban_valid(ib):
            errs.append(f"printed iban {ib} invalid")
    if t["payment_reference"] and t["payment_reference"] not in flat:
        errs.append("payment reference not printed")
    for r in t["reference_numbers"]:
        if r not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"\b\d{4} \d{4} \d{4} \d{4}\b", text):
        from tools import kenmerk_valid
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"kenmerk {k} invalid")
    digits9 = [c for c in re.findall(r"(?<![\d.])\d{4}\.\d{2}\.\d{3}(?=\.H)|\b\d{9}\b", text)]
    bsns = [c.replace(".", "") for c in digits9 if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but found {bsns}")
    # weekdays printed next to dates must be right
    days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    for wd, dy, mo, yr in re.findall(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) (\d{1,2}) (\w+) (\d{4})", flat):
        if mo in MONTHS and days[date(int(yr), MONTHS.index(mo) + 1, int(dy)).weekday()] != wd:
            errs.append(f"weekday wrong: {wd} {dy} {mo} {yr}")
    return errs


def main() -> int:
    stems = sorted(p.stem for p in HERE.glob("*.json"))
    bad = 0
    kinds = set()
    for s in stems:
        kinds.add(s.split("-b23-")[0])
        e = check(s)
        if e:
            bad += 1
            print(s, e)
    if len(stems) != 25:
        print("expected 25 letters, found", len(stems)); bad += 1
    if len(kinds) != 18:
        print("kinds covered:", len(kinds)); bad += 1
    print("OK" if not bad else f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
