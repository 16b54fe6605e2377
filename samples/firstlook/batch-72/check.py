"""Consistency check for first-look batch 72: every NAME.json against NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
Checks: kinds/stages/actions/roles, letter date printed, deadlines printed or derived from the printed
relative term, objection deadlines (letter date + 42 days, Algemene termijnenwet), every money amount
in the text listed and every listed amount printed, amount_due printed and a total, per-letter sums and
WIK costs, IBANs (mod-97, printed), 16-digit betalingskenmerken (check digit), references printed, BSN
elfproef and bsn_found, appointment = attend deadline, no absolute paths in the folder.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus, squash, wik)

BATCH = "b72"

# Relative terms as printed in the letter: number -> (days, weeks, months)
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "06": (0, 2, 0),    # binnen twee weken na de dagtekening
    "10": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail -> from the date
    "16": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "18": (0, 3, 0),    # binnen drie weken na deze e-mail
}

# Printed objection dates (else letter date + 42 days, moved to a working day)
PRINTED_OBJECTION = {"04": "16 oktober 2026"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([31418, 18341, -2847], 46912), ([16208, -2136, -5312], 8760), ([8760, -2576], 6184),
           ([6184, -5662], 522), ([17, 15], 32), ([522, 32], 554)],
    "02": [([246] * 10, 2460), ([2460, -246, -87], 2127), ([2127, 18], 2145)],
    "03": [([131] * 12, 1572), ([1572, -1488], 84)],
    "04": [([341] * 12, 4092), ([4092, 96], 4188), ([4188, -2856], 1332), ([55.50] * 24, 1332)],
    "05": [([310.99, 378.60, 224.16], 913.75), ([456.88, 456.87], 913.75)],
    "06": [([66.81, 66.81], 133.62), ([118.44, 133.62], 252.06), ([84.02] * 3, 252.06), ([84.02, 8.00], 92.02)],
    "07": [([52.02] * 10, 520.20), ([52.02] * 2, 104.04), ([520.20, -104.04], 416.16)],
    "08": [([204, 9], 213)],
    "09": [([110, 9, 55, -50, 110], 234)],
    "10": [([64.90, 112.45, -23.95, -50.00], 103.40)],
    "11": [([34.99, -20.00], 14.99), ([14.99, 34.99, 34.99, 34.99], 119.96), ([0.24, 0.44, 0.33, 0.21], 1.22),
           ([119.96, 1.22, 40.00], 161.18)],
    "12": [([1252.47, 191.00, 192.85], 1636.32), ([1636.32, -150.00], 1486.32), ([100.32, 21.07], 121.39),
           ([1486.32, 61.08, 222.95, 121.39], 1891.74)],
    "13": [([2184.60, 97.43, 396.00, 241.00, 128.64, 112.38], 3160.05), ([3160.05, -100, -100, -100], 2860.05)],
    "15": [([147.35, 23.10], 170.45), ([170.45, -70.45], 100.00), ([100.00, 170.45, 170.45], 440.90),
           ([440.90, -62.15], 378.75)],
    "16": [([761.20, 51.25], 812.45), ([812.45, -400.00], 412.45), ([412.45, 812.45], 1224.90)],
    "17": [([155.00] * 12, 1860.00), ([2348.70, -1860.00], 488.70), ([488.70, 176.00, -200.00], 464.70)],
    "18": [([42.60, 42.60], 85.20)],
    "19": [([141.06] * 5 + [141.07], 846.37)],
    "20": [([1401.50, -70.08], 1331.42), ([412.80, -103.20], 309.60), ([1331.42, -309.60], 1021.82)],
    "22": [([118.04] * 12, 1416.48), ([28412.63, 727.36, -1416.48], 27723.51)],
    "24": [([642.00, 12.84, 96.30], 751.14), ([125.19] * 6, 751.14)],
    "25": [([10424, -9812], 612), ([612, -230], 382)],
}

# Percentages that must give the printed amount: number -> list of (base, rate, printed)
PERCENT = {
    "05": [(341000, 0.000912, 310.99)],
    "12": [(100.32, 0.21, 21.07)],
    "20": [(1401.50, 0.05, 70.08), (412.80, 0.25, 103.20)],
    "22": [(28412.63, 0.0256, 727.36)],
}

# WIK (Besluit buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"10": (103.40, 40.00), "11": (119.96, 40.00), "12": (1486.32, 222.95), "16": (1224.90, 183.74),
       "24": (642.00, 96.30)}

ABS_PATHS = ("/" + "work", "/" + "tmp")  # split so that this file holds no absolute path itself


def has_abs_path(s: str) -> bool:
    return any(re.search(re.escape(a) + r"(?:/|\b)", s) for a in ABS_PATHS)


EURO_RE = re.compile(r"€\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d|,\d)")
COMMA_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?![\d%])")


def money_in(text: str) -> set[float]:
    out = set()
    for whole, frac in EURO_RE.findall(text) + COMMA_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def printed_form(v: float, text: str) -> bool:
    f = fmt_amount(v)
    return f in text or (v == int(v) and re.search(r"€\s*" + re.escape(f[:-3]) + r"(?![\d,])", text) is not None)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    stem = txt.stem
    m = re.match(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+$", stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    flat = squash(text)

    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']}")
    if t["stage"] not in STAGES - {None}:
        errs.append(f"stage {t['stage']}")

    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")

    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS - {"none"}:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od:
        if num in PRINTED_OBJECTION:
            if PRINTED_OBJECTION[num] not in text or date_forms(date.fromisoformat(od))[0] != PRINTED_OBJECTION[num]:
                errs.append("printed objection date mismatch")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")

    appt = t["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        if not printed_form(a["value"], text):
            errs.append(f"amount {a['value']} not printed")
    extra = money_in(text) - listed
    if extra:
        errs.append(f"printed but not listed: {sorted(extra)}")
    due = t["amount_due"]
    if due is not None:
        if round(due, 2) not in listed or not printed_form(due, text):
            errs.append("amount_due not printed/listed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in t["amounts"]):
            errs.append("amount_due has no 'total' entry")
        if not t["iban"]:
            errs.append("amount_due without iban")
    elif t["iban"]:
        errs.append("iban given although nothing to pay")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
        for v in parts + [total]:
            if round(abs(v), 2) not in listed:
                errs.append(f"sum part {v} not listed")
    for base, rate, printed in PERCENT.get(num, []):
        if abs(base * rate - printed) > 0.005 + 1e-9:
            errs.append(f"{base} x {rate} = {base * rate:.3f}, printed {printed}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")

    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
        if pr in t["reference_numbers"]:
            errs.append("payment_reference repeated in reference_numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid 9-digit numbers")
    if len({c.replace('.', '') for c in valid}) > 1:
        errs.append("more than one BSN-like number")

    if has_abs_path(text) or has_abs_path(json.dumps(t)):
        errs.append("absolute path in letter or truth")
    if not t["notes"] or not t["sender"]:
        errs.append("empty notes/sender")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-" + BATCH + "-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters, expected 25")
    if KINDS - kinds:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for other in ("README.md", "check.py"):
        body = (HERE / other).read_text(encoding="utf-8") if (HERE / other).exists() else ""
        if not body:
            problems.append(f"{other} missing")
        elif has_abs_path(body):
            problems.append(f"absolute path in {other}")
    for s in problems:
        print("PROBLEM " + s)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
