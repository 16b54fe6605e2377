"""Consistency check for first-look batch 83: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses the helpers of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,
    kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen veertien dagen na de dagtekening
    "11": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen
    "13": (10, 0, 0),   # binnen tien dagen na de datum van deze brief
    "14": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes
    "19": (14, 0, 0),   # binnen 14 dagen
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([8412, -7266, 38], 1184)],
    "02": [([119] * 12, 1428)],
    "03": [([2376, -1000], 1376), ([1376, 18, 11], 1405)],
    "04": [([9876, -9512], 364)],
    "05": [([3096, -2184], 912), ([38] * 24, 912)],
    "06": [([260.21, 348.60, 201.84], 810.65), ([405.33, 405.32], 810.65),
           ([round(312000 * 0.000834, 2)], 260.21)],
    "07": [([684.30, -456.20], 228.10), ([228.10, 8.00], 236.10)],
    "08": [([187.44, 331.20, 124.80], 643.44)],
    "09": [([144, 9], 153), ([144 / 2], 72)],
    "10": [([150, 9, 75], 234), ([234, 150], 384), ([150 / 2], 75)],
    "12": [([34.95] * 3, 104.85), ([104.85, 1.62, 40.00], 146.47)],
    "13": [([186.40, -50.00], 136.40)],
    "14": [([1318.72, 24.09, 197.81, 41.54], 1582.16)],
    "15": [([2640.00, 87.31, 389.00], 3116.31), ([3116.31, 121.08], 3237.39)],
    "16": [([148.25, 148.25, 96.40], 392.90)],
    "18": [([812.47, 812.47, -500.00], 1124.94)],
    "19": [([463.18, 129.00], 592.18)],
    "20": [([211.36, -120.00], 91.36)],
    "23": [([112.48] * 3, 337.44)],
    "25": [([684.95 / 1.21 * 0.21], 118.88)],
}

# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"11": (142.85, 40.00, None), "12": (104.85, 40.00, None),
       "14": (1318.72, 197.81, 41.54), "15": (2640.00, 389.00, None)}

WORD_DATES = {"2026-10-20": "twintigste oktober tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    forms = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]
    if d.isoformat() in WORD_DATES:
        forms.append(WORD_DATES[d.isoformat()])
    return forms


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    kind, stage = truth["kind"], truth["stage"]
    num = re.search(r"-b83-(\d\d)-", txt.stem).group(1)
    if kind not in KINDS or not txt.stem.startswith(kind + "-b83-"):
        errs.append(f"kind/stem {kind}")
    if stage not in STAGES:
        errs.append(f"stage {stage}")
    if re.search(r"(?<![\w.])/(work|tmp)/", text):
        errs.append("absolute path in letter")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and stage != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and stage == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and stage in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    # amounts
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
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2)
                   for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")
    elif truth["iban"]:
        errs.append("iban without amount due")
    # identifiers
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
        if pr in truth["reference_numbers"]:
            errs.append("payment_reference repeated in reference_numbers")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b.replace(".", "") for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {len(bsns)} valid 9-digit numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")
    # appointment
    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("appointment date != attend deadline")
    if ("\f" in text) != ("two pages" in truth["notes"].lower() or "two-page" in truth["notes"].lower()):
        errs.append("page break and notes disagree")
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
    if KINDS - kinds:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    for f in [HERE / "README.md", Path(__file__)]:
        if f.exists() and re.search(r"(?<![\w.\\])/(work|tmp)/", f.read_text(encoding="utf-8")):
            print(f"absolute path in {f.name}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
