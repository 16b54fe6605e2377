"""Consistency check for first-look batch 104: every NAME.json against NAME.txt.

Run from anywhere:  python check.py
Uses the helpers of samples/holdout/tools.py (identifiers, dates, amounts); does not import
snapdebrief. Exit code 0 when no problems are found.
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
    ACTIONS, KINDS, MONTHS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,
    objection_deadline, plus, printed_amounts, squash, wik,
)

OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
STYLES = {"tables", "prose", "legal", "je-form", "e-mail", "two-column", "slip", "two-page"}

# Relative terms as printed, counted from the letter date: nn -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail -> from the letter date
    "12": (7, 0, 0),    # binnen 7 dagen na de datum van deze brief
    "13": (2, 0, 0),    # binnen twee dagen na heden
    "15": (0, 4, 0),    # binnen vier weken na de datum van deze e-mail
    "22": (0, 3, 0),    # binnen drie weken na de datum van dit bericht
}

# Sums that must hold: nn -> list of (parts, total)
SUMS = {
    "01": [([14874, -1702, -5161], 8011), ([8011, -7418], 593), ([593, 14], 607)],
    "02": [([486, -118], 368)],
    "03": [([1836.00, -700.00], 1136.00), ([1136.00, 21.40, 18.00], 1175.40)],
    "04": [([276] * 12, 3312)],
    "05": [([9864, -8412], 1452), ([60.50] * 24, 1452)],
    "06": [([72.18] * 3, 216.54), ([121.64, 216.54, 82.37], 420.55)],
    "07": [([431.20, -215.60], 215.60), ([215.60, 8.00], 223.60)],
    "08": [([398.40, 196.80], 595.20), ([11.84] * 12, 142.08), ([595.20, -142.08], 453.12)],
    "09": [([184.00, 9.00], 193.00)],
    "10": [([170.00, 9.00, 85.00, 170.00], 434.00)],
    "12": [([34.95, 34.95, 2.50, 2.50], 74.90)],
    "13": [([117.49, 93.00, 264.00], 474.49),
           ([1876.34, 96.12, 281.45, 474.49, 73.00, 126.75, 15.44], 2943.59),
           ([2943.59, -150.00], 2793.59)],
    "14": [([1245.00, 18.31, 186.75], 1450.06)],
    "15": [([158.45, 158.45, 127.60], 444.50)],
    "17": [([712.35, 712.35], 1424.70)],
    "18": [([168.00, 168.00, 94.27], 430.27)],
    "19": [([684.20, 23.47, 102.63, 118.10], 928.40)],
    "20": [([1642.18, -1104.90], 537.28), ([1642.18, -980.55], 661.63), ([537.28, 661.63], 1198.91)],
    "23": [([87.34, -40.00], 47.34), ([47.34, 87.34, 87.34], 222.02)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): nn -> (principal, printed costs)
WIK = {"11": (386.40, 57.96), "13": (1876.34, 281.45), "14": (1245.00, 186.75),
       "19": (684.20, 102.63)}

# Extra number facts: 6 = watersysteemheffing gebouwd 0,0312% of WOZ 264.000
PERCENT = {"06": (264000, 0.000312, 82.37)}

# Declared house styles (README) - each must be used at least twice over the batch
STYLE_OF = {
    "01": {"tables", "two-page"}, "02": {"prose"}, "03": {"tables"}, "04": {"two-column"},
    "05": {"tables"}, "06": {"slip", "tables"}, "07": {"prose"}, "08": {"slip", "prose"},
    "09": {"two-column"}, "10": {"slip"}, "11": {"e-mail"}, "12": {"je-form"},
    "13": {"legal", "two-page"}, "14": {"tables"}, "15": {"e-mail"}, "16": {"two-column"},
    "17": {"je-form"}, "18": {"two-column"}, "19": {"legal", "two-page"},
    "20": {"tables", "two-page"}, "21": {"je-form"}, "22": {"e-mail"}, "23": {"tables"},
    "24": {"je-form"}, "25": {"prose"},
}

WORDS = {"2026-10-20": "de twintigste oktober tweeduizendzesentwintig",
         "2026-05-12": "de twaalfde mei tweeduizendzesentwintig"}
TIME_WORDS = {"09:30": ["half tien", "9.30 uur", "09:30"]}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed_date(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d)) or WORDS.get(d.isoformat(), "@@") in flat


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b104-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, nn = m.group(1), m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
            "appointment", "amount_due", "amounts", "iban", "payment_reference",
            "reference_numbers", "bsn_found", "notes"}
    if set(truth) != keys:
        errs.append(f"keys {sorted(set(truth) ^ keys)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if re.search(r"/(work|tmp|home)/", text):
        errs.append("absolute path in text")
    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed_date(ld, text):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            days, weeks, months = RELATIVE[nn]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not printed_date(d, text):
            errs.append("explicit deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif nn in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection deadline on a non-decision")
    if od and truth["stage"] in ("reminder", "aanmaning"):
        errs.append("objection deadline on a reminder")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed_date(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and not any(f in text for f in
                                  TIME_WORDS.get(ap["time"], [ap["time"], ap["time"].replace(":", ".")])):
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
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
    ad_ = truth["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in printed:
            errs.append("amount_due not printed with euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad_, 2)
                   for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not dl or dl["action"] != "pay":
            errs.append("amount_due without pay deadline")
    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [abs(p) for p in parts] + [total]:
            if round(v, 2) not in listed:
                errs.append(f"sum term {v} not in amounts")
    if nn in WIK:
        principal, costs = WIK[nn]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if nn in PERCENT:
        base, rate, val = PERCENT[nn]
        if round(base * rate + 1e-9, 2) != val:
            errs.append(f"percent {base}*{rate} != {val}")
    # iban, references
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        digits = pr.replace(" ", "")
        if len(digits) == 16 and digits.isdigit() and not kenmerk_valid(digits):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    # layout
    if "two-page" in STYLE_OF[nn] and text.count("\f") != 1:
        errs.append("two-page letter without exactly one form feed")
    if "two-page" not in STYLE_OF[nn] and "\f" in text:
        errs.append("form feed in a one-page letter")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    # batch-level spread
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print(f"SPREAD missing kinds: {sorted(KINDS - kinds)}")
        bad += 1
    for s in STYLES:
        n = sum(s in v for v in STYLE_OF.values())
        if n < 2:
            print(f"SPREAD house style {s} used {n} times")
            bad += 1
    if len(files) != 25:
        print(f"SPREAD {len(files)} letters, want 25")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
