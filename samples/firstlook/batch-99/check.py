"""Consistency check for first-look batch 99: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses only the helper functions of samples/holdout/tools.py; nothing from snapdebrief.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms, fmt_amount,
    iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

NN = "b99"

# Relative terms as printed in the letters: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "06": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (0, 0, 1),    # binnen één maand na de dagtekening
    "10": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen
    "11": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "14": (2, 0, 0),    # binnen twee dagen na heden
    "15": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "17": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "20": (0, 6, 0),    # binnen zes weken na de dagtekening (no shift for paying)
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([10412, -3106], 7306), ([7306, -6618], 688), ([688, 23], 711)],
    "02": [([1836, -400], 1436), ([1436, 18], 1454)],
    "03": [([131] * 12, 1572)],
    "04": [([3084, -2316], 768), ([32] * 24, 768)],
    "05": [([272.08, 348.00, 211.44], 831.52), ([round(287000 * 0.000948, 2)], 272.08)],
    "06": [([116.40, 219.30], 335.70), ([335.70, 9.10], 344.80)],
    "07": [([412.80, 225.36], 638.16), ([412.80, 122.16], 534.96), ([638.16, -534.96], 103.20),
           ([8.60] * 12, 103.20)],
    "08": [([174.00, 9.00], 183.00)],
    "09": [([280.00, 9.00, 140.00], 429.00), ([280.00 * 0.5], 140.00)],
    "10": [([189.95, 40.00], 229.95)],
    "11": [([1347.60, 19.84, 202.14], 1569.58)],
    "12": [([34.95] * 3, 104.85), ([104.85, 40.00, 1.37], 146.22), ([146.22, -20.00], 126.22)],
    "13": [([1214.37, 58.12, 182.16], 1454.65), ([1454.65, 117.50], 1572.15)],
    "14": [([117.50, 135.00, 200.00], 452.50), ([642.50, 21.77, 96.38, 452.50], 1213.15),
           ([1213.15, 4.18, 145.00, 112.04], 1474.37)],
    "15": [([1806.45, 71.33, 348.50, 164.78], 2391.06)],
    "16": [([2780.00, 64.12, 403.00, 84.63], 3331.75)],
    "17": [([148.25] * 2, 296.50)],
    "18": [([712.46, -350.00], 362.46), ([362.46, 712.46], 1074.92)],
    "19": [([187.00] * 3, 561.00)],
    "20": [([743.10] * 2, 1486.20)],
    "23": [([137.56] * 3, 412.68)],
}

# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"11": (1347.60, 202.14, None), "12": (104.85, 40.00, None), "13": (1214.37, 182.16, None),
       "14": (642.50, 96.38, None), "16": (2780.00, 403.00, 84.63)}

# Dates or amounts written in words that must stand in the letter
WORDS = {
    "07": ["vijfhonderdvierendertig euro en zes-", "honderddrie euro en twintig cent"],
    "11": ["dertienhonderdzevenenveertig euro", "vijftienhonderdnegenenzestig euro en achtenvijftig cent"],
    "13": ["de tweede december tweeduizendzesentwintig", "zestiende december tweeduizendzesentwintig",
           "vijftienhonderdtweeënzeventig euro en vijftien cent"],
    "14": ["negenentwintigste juni tweeduizendzesentwintig",
           "veertienhonderdvierenzeventig euro en zevenendertig cent"],
    "20": ["veertienhonderdzesentachtig euro en twintig cent"],
    "25": ["elfhonderdachttien euro en veertig cent"],
}

# Letters whose objection term is printed as a date of its own (none in this batch)
PRINTED_OBJECTION = set()

STYLE_MIN = 2
FIELDS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
          "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]


def date_in_text(d: date, text: str) -> bool:
    forms = date_forms(d) + [f"{d.day:02d}-{d.month:02d}-{d.year}"]
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in forms)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(rf"-{NN}-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    if list(truth) != FIELDS:
        errs.append(f"fields {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(f"{kind}-{NN}-"):
        errs.append("name does not start with kind-bNN-")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if re.search(r"/(?:work|tmp|home)/", text):
        errs.append("absolute path in text")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not date_in_text(ld, text):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not date_in_text(d, text):
            errs.append("explicit deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od and txt.stem not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not date_in_text(ad, text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")

    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    ad = truth["amount_due"]
    if ad is not None:
        if round(ad, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not dl or dl["action"] != "pay":
            if num not in ("13", "15"):  # dagvaarding (attend) and beslag (send form) judged in notes
                errs.append("amount_due without pay deadline")
    if ad is None and dl and dl["action"] == "pay":
        errs.append("pay deadline without amount_due")

    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if ad is None:
            errs.append("iban but nothing to pay")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

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

    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN-like numbers")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        if round(total, 2) >= 0 and fmt_amount(total) not in text and fmt_amount(total)[:-3] not in text:
            errs.append(f"sum total {total} not printed")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}")
    for w in WORDS.get(num, []):
        if w not in re.sub(r"\s+", " ", text):
            errs.append(f"words '{w}' not in text")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = Counter(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files)
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters, want 25")
    if set(kinds) != KINDS:
        problems.append(f"kinds missing: {sorted(KINDS - set(kinds))}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            problems.append(f"{p.stem} not in README.md")
    for p in HERE.iterdir():
        if p.suffix in (".txt", ".json", ".md", ".py") and re.search(r"/(?:work|tmp)/", p.read_text(encoding="utf-8")):
            if p.name != "check.py":
                problems.append(f"absolute path in {p.name}")
    if problems:
        bad += 1
        for m in problems:
            print("FAIL batch  " + m)
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
