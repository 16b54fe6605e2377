"""Consistency check for first-look batch 46: every NAME.json against its NAME.txt.

Run: python3 check.py   (uses only the helper functions of samples/holdout/tools.py)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, bsn_valid, iban_valid,  # noqa: E402
                   kenmerk_valid, objection_deadline, plus, printed_amounts, fmt_amount, squash,
                   wik, MONTHS)

BATCH = "b46"
# letter number -> (days, weeks, months) of the relative term printed in the letter
RELATIVE = {"07": (14, 0, 0),   # binnen 14 dagen na de dagtekening
            "12": (0, 4, 0),    # binnen vier weken na de datum van deze brief
            "13": (14, 0, 0),   # binnen 14 dagen vanaf de dag na ontvangst -> from letter date
            "15": (0, 2, 0),    # binnen twee weken na de dagtekening
            "19": (7, 0, 0),    # binnen 7 dagen na de datum van deze e-mail
            "21": (8, 0, 0),    # binnen acht dagen na de dagtekening
            "22": (0, 2, 0)}    # binnen 2 weken na de datum van deze brief
# letters that print their own last day for bezwaar/verzet
PRINTED_OBJECTION = {"10": date(2026, 9, 15)}
# sums that must hold: letter number -> list of (parts, total)
SUMS = {
    "01": [([44380, 1540, -6212], 39708), ([11904, -5186, -3000], 3718), ([338] * 11, 3718)],
    "02": [([5210, -3218], 1992), ([1992, -1380], 612), ([115] * 12, 1380)],
    "03": [([1546, -400], 1146), ([1146, 18, 6.34], 1170.34)],
    "04": [([287] * 12, 3444)],
    "05": [([1476, -612], 864), ([36] * 24, 864)],
    "06": [([182.52, 496.32, 207.96], 886.80), ([88.68] * 10, 886.80)],
    "07": [([318.64, 8.00], 326.64)],
    "08": [([398.16, 215.40, 130.02], 743.58), ([398.16, 215.40], 613.56), ([1482.30, -1444.05], 38.25),
           ([38.25] * 12, 459.00), ([613.56, -367.20], 246.36), ([367.20, 130.02], 497.22)],
    "09": [([151, 9], 160)],
    "11": [([110, 9, 55, 110, -40], 244)],
    "12": [([204.15] * 3, 612.45), ([612.45, 14.82], 627.27)],
    "13": [([185.00, 4.95], 189.95)],
    "14": [([44.90] * 12, 538.80), ([538.80, 21.38, 80.82], 641.00), ([641.00, 119.83], 760.83)],
    "15": [([1204.80, 63.17, 412.00, 116.37, 158.31], 1954.65), ([1954.65, -150], 1804.65)],
    "17": [([143.90, 143.90], 287.80)],
    "18": [([744.10, 68.25], 812.35), ([812.35, -600], 212.35), ([212.35, 812.35], 1024.70)],
    "19": [([164, 164], 328)],
    "21": [([284.60, 42.69, 8.96, 2.87], 339.12)],
}
# letter number -> (principal, printed WIK costs, printed btw or None)
WIK = {"14": (538.80, 80.82, None), "21": (284.60, 42.69, 8.96)}
# percentages that must hold: (base, pct, printed)
PCTS = {"06": [(412000, 0.000443, 182.52)], "08": [(459.00, 0.80, 367.20)],
        "09": [(151, 0.5, 75.50)], "11": [(110, 0.5, 55), (110, 1.0, 110)],
        "20": [(162.48, 0.75, 121.86), (162.48, 0.70, 113.74)]}
WORD_DATES = {"14": "tweeëntwintigste oktober tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS:
        e.append(f"kind {kind}")
    if not txt.stem.startswith(f"{kind}-{BATCH}-"):
        e.append("name does not start with kind-b46-")
    if t["stage"] not in STAGES:
        e.append(f"stage {t['stage']}")
    if not t["sender"]:
        e.append("no sender")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        e.append("letter date not printed")
    if num in WORD_DATES and WORD_DATES[num] not in text:
        e.append("date in words not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                e.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(d)):
            e.append("deadline date not printed")
    elif num in RELATIVE:
        e.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection_deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        e.append("objection_deadline on a non-decision")
    if od and t["stage"] in ("reminder", "aanmaning"):
        e.append("objection_deadline on a reminder")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            e.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not any(f in text for f in date_forms(want)):
            e.append("printed objection day not in text")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment without matching attend deadline")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        e.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            e.append("amount_due not printed with euro sign")
        if round(t["amount_due"], 2) not in listed:
            e.append("amount_due not among the listed amounts")
        if not t["iban"]:
            e.append("amount due but no iban")
    # iban / reference
    if t["iban"]:
        if not iban_valid(t["iban"]):
            e.append("iban invalid")
        if t["iban"] not in flat:
            e.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        e.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
        if fmt_amount(total) not in text and fmt_amount(total)[:-3] not in text:
            e.append(f"sum total {total} not printed")
    if num in WIK:
        p, c, btw = WIK[num]
        if wik(p) != c:
            e.append(f"WIK on {p} is {wik(p)}, printed {c}")
        if btw is not None and round(c * 0.21 + 1e-9, 2) != btw:
            e.append(f"btw on {c} should be {round(c * 0.21, 2)}")
    for base, pct, val in PCTS.get(num, []):
        if round(base * pct + 1e-9, 2) != round(val, 2):
            e.append(f"{pct} of {base} is {round(base * pct, 2)}, printed {val}")
    if "\f" in text and text.count("\f") > 1:
        e.append("more than two pages")
    if not t.get("notes"):
        e.append("no notes")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
