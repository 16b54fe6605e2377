"""Consistency check for first-look batch 97: every NAME.json against its NAME.txt.

Run from anywhere: python check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, date arithmetic,
amount parsing); it does not import snapdebrief.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms, fmt_amount,
    iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

BATCH = "97"

# Relative terms as printed: number -> (days, weeks, months), counted from the letter date.
RELATIVE = {
    "03": (14, 0, 0),  # binnen 14 dagen na de datum van deze aanmaning
    "11": (14, 0, 0),  # 14 dagen vanaf de dag nadat je deze brief hebt gekregen
    "13": (10, 0, 0),  # binnen 10 dagen na vandaag (Saturday, no shift)
    "14": (5, 0, 0),   # binnen vijf dagen na dagtekening dezes (Sunday, no shift)
    "18": (14, 0, 0),  # binnen 14 dagen na de datum van deze brief
    "19": (14, 0, 0),  # binnen veertien dagen na ontvangst van deze brief
    "22": (0, 2, 0),   # binnen twee weken na de datum van deze brief
}

# Sums printed in the letters: number -> list of (parts, total)
SUMS = {
    "01": [([19842, -1576, -15406], 2860), ([260] * 11, 2860)],
    "02": [([3580, -3146], 434), ([434, 11.40], 445.40)],
    "03": [([1274, -500], 774), ([774, 18], 792)],
    "04": [([112] * 12, 1344)],
    "05": [([7845, -6921], 924), ([38.50] * 24, 924)],
    "06": [([284.54, 358.20, 241.80], 884.54), ([442.27] * 2, 884.54),
           ([round(312000 * 0.000912, 2)], 284.54)],
    "07": [([138.70, 84.36, 166.56], 389.62), ([389.62, -200], 189.62)],
    "08": [([372, 198.40, 122], 692.40), ([372, 198.40], 570.40), ([570.40, -186], 384.40),
           ([186, 122], 308), ([77] * 4, 308)],
    "09": [([179, 9], 188), ([179 * 0.5], 89.50)],
    "10": [([110, 9, 55, 110], 284), ([284, -50], 234), ([110 * 0.5], 55)],
    "11": [([149.95, -40], 109.95)],
    "12": [([34.50] * 8, 276), ([276, 25], 301), ([301, 45.15, 3.86], 350.01),
           ([350.01, -100], 250.01)],
    "13": [([96.40, 190], 286.40), ([286.40, -86.40], 200)],
    "14": [([1876, 38.27, 281.40], 2195.67), ([2195.67, -250], 1945.67)],
    "15": [([535] * 4, 2140), ([2140, 41.18, 321], 2502.18), ([2502.18, 119.72], 2621.90)],
    "16": [([148.95] * 3 + [112.40], 559.25), ([559.25, -100], 459.25), ([91.85] * 5, 459.25)],
    "17": [([648.10, 64.25], 712.35), ([712.35] * 2, 1424.70), ([1424.70, -300], 1124.70)],
    "18": [([164] * 2, 328)],
    "19": [([22.40, 58.63, 7.29, 8.52], 96.84), ([round((22.40 + 58.63) * 0.09, 2)], 7.29)],
    "20": [([1236.48, -363.36], 873.12)],
    "21": [([289.84, 351.96], 641.80)],
    "23": [([143.67] * 2 + [3.12], 290.46)],
}

# WIK (Besluit buitengerechtelijke incassokosten) where the letter charges costs: number -> (principal, printed)
WIK = {"12": (301.00, 45.15), "14": (1876.00, 281.40), "15": (2140.00, 321.00)}

KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
        "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
WEIRD_MONTH_TEXT = {"2026-12-08": "achtste december tweeduizendzesentwintig"}


def printed_dates(d: date) -> list[str]:
    return date_forms(d) + [f"{d.day:02d}-{d.month:02d}-{d.year}"]


def nine_digit_bsns(text: str) -> list[str]:
    found = []
    pats = [r"(?<![\d.])(\d{4}\.\d{2}\.\d{3})(?![\d])", r"(?<![\d.])(\d{3}\.\d{3}\.\d{3})(?!\d)",
            r"(?<!\d)(\d{9})(?!\d)", r"(?<!\d)(\d{3} \d{3} \d{3})(?![\d])",
            r"(?<!\d)(\d{4} \d{2} \d{3})(?![\d])"]
    for pat in pats:
        for m in re.findall(pat, text):
            digits = re.sub(r"\D", "", m)
            if bsn_valid(digits):
                found.append(digits)
    return found


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    kind = truth["kind"]
    m = re.fullmatch(r"(.+)-b(\d\d)-(\d\d)-([a-z0-9-]+)", txt.stem)
    if not m or m.group(1) != kind or m.group(2) != BATCH:
        errs.append("name does not follow <kind>-b97-NN-slug")
        return errs
    num = m.group(3)
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date outside Jan 2026 - Mar 2027")
    if not any(f in text for f in printed_dates(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if num in RELATIVE:
        days, weeks, months = RELATIVE[num]
        want = plus(ld, days=days, weeks=weeks, months=months)
        if not dl or dl["date"] != want.isoformat():
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not any(f in text for f in printed_dates(date.fromisoformat(dl["date"]))):
            errs.append("explicit deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")
    # objection deadline
    od = truth["objection_deadline"]
    is_decision = truth["stage"] == "decision"
    if kind in OBJECTION_KINDS and is_decision:
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a letter that is no decision open to bezwaar")
    if kind in OBJECTION_KINDS and not is_decision and truth["stage"] not in ("reminder", "aanmaning"):
        errs.append("decision kind with odd stage")
    # appointment
    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in printed_dates(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"] not in text and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")
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
        if round(due, 2) not in printed and fmt_amount(due) not in text:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2)
                   for a in truth["amounts"]):
            errs.append("amount_due not listed as a total")
        if not dl or dl["action"] != "pay":
            if truth["stage"] != "dagvaarding":
                errs.append("amount_due without a pay deadline")
    # accounts and references
    ib = truth["iban"]
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in flat:
            errs.append("iban not printed")
    if due is None and ib:
        errs.append("iban given while nothing is due")
    for pib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(pib.replace(" ", "")):
            errs.append(f"printed iban {pib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = nine_digit_bsns(text)
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {bsns}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
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
    batch_errs = []
    if len(files) != 25:
        batch_errs.append(f"{len(files)} letters, want 25")
    if KINDS - kinds:
        batch_errs.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for p in HERE.iterdir():
        if p.is_file() and p.suffix in {".txt", ".json", ".md", ".py"}:
            content = p.read_text(encoding="utf-8")
            if re.search(r"(?<![\w.])/(work|tmp|home|root)/", content):
                batch_errs.append(f"absolute path in {p.name}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            batch_errs.append(f"{p.stem} missing from README.md")
    for e in batch_errs:
        print("BATCH " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(batch_errs)} batch problems")
    return 1 if bad or batch_errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
