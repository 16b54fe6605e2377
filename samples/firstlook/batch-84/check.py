"""Consistency check for first-look batch 84: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "84"
ABS_PATH = re.compile("/" + "(?:" + "wo" + "rk|t" + "mp)/")  # spelled in parts so this file does not match itself
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed: code -> (letter date, days, weeks, months)
RELATIVE = {
    "02": (date(2026, 11, 12), 14, 0, 0),  # binnen 14 dagen na de datum van deze aanmaning
    "06": (date(2026, 6, 9), 14, 0, 0),    # binnen 14 dagen na de datum van deze herinnering
    "07": (date(2026, 2, 10), 0, 4, 0),    # vier weken, gerekend vanaf de datum van deze brief
    "10": (date(2026, 2, 2), 14, 0, 0),    # binnen 14 dagen na ontvangst van deze mail
    "13": (date(2026, 12, 3), 8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "18": (date(2026, 3, 23), 10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "22": (date(2027, 2, 9), 0, 4, 0),     # binnen 4 weken
}

# Sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([276] * 11, 3036), ([18934, -1604, -5185], 12145), ([12145, -9109], 3036),
           ([54910, 1215, -3645], 52480)],
    "03": [([962] * 3 + [1136] * 9, 13110)],
    "04": [([388] * 12, 4656), ([4656, -3522], 1134), ([47.25] * 24, 1134)],
    "05": [([320.02, 382.20, 214.56], 916.78), ([458.39, 458.39], 916.78),
           ([round(367000 * 0.000872, 2)], 320.02)],
    "06": [([118.60, 208.86], 327.46)],
    "07": [([402.36, 84.90], 487.26), ([4150, -3350], 800), ([1212.44, -1100], 112.44),
           ([800, 112.44], 912.44)],
    "08": [([128, 9], 137)],
    "09": [([470, 235], 705), ([705, 470], 1175)],
    "10": [([34.95] * 3, 104.85)],
    "11": [([612.40, 91.86, 7.93], 712.19), ([712.19, -100], 612.19)],
    "12": [([1286.40, 64.12, 192.96], 1543.48), ([1543.48, 118.37], 1661.85)],
    "13": [([2140, 118.54, 321, 512.84, 93.45, 146.20, -250], 3082.03)],
    "14": [([158.75] * 2, 317.50)],
    "16": [([731.15, 51.25], 782.40), ([782.40, 782.40, -400], 1164.80)],
    "17": [([142, 142], 284), ([round(284 * 0.15, 2)], 42.60)],
    "18": [([37.82, 44.79, 15.55], 98.16)],
    "19": [([round(106.73 * 21.75, 2)], 2321.38), ([round(99.61 * 21.75, 2)], 2166.52),
           ([round(142.30 * 0.70, 2)], 99.61)],
    "20": [([612.50, 640.20, 593.50], 1846.20)],
    "22": [([96.22] * 3, 288.66)],
}

# code -> (hoofdsom, printed incassokosten)
WIK = {"11": (612.40, 91.86), "12": (1286.40, 192.96), "13": (2140.00, 321.00), "17": (284.00, 42.60)}


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            d.strftime("%d.%m.%Y"), f"{d.day} {m[:3]}. {d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_weekdays(text: str) -> list[str]:
    errs = []
    flat = re.sub(r"\s+", " ", text)
    pat = r"(" + "|".join(WEEKDAYS) + r") (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})"
    for wd, d, m, y in re.findall(pat, flat):
        real = date(int(y), MONTHS.index(m) + 1, int(d))
        if WEEKDAYS[real.weekday()] != wd:
            errs.append(f"{wd} {d} {m} {y} is really a {WEEKDAYS[real.weekday()]}")
    return errs


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    kind = truth["kind"]
    m = re.fullmatch(r"(.+)-b(\d\d)-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != kind or m.group(2) != BATCH:
        errs.append("name is not <kind>-b84-NN-slug")
        return errs
    code = m.group(3)
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if ABS_PATH.search(text):
        errs.append("absolute path in letter")
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and "tweeduizendzesentwintig" not in text:
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            base, days, weeks, months = RELATIVE[code]
            if base != ld:
                errs.append("relative base != letter date")
            want = plus(base, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("explicit deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif code in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and not od and truth["stage"] not in ("reminder", "aanmaning"):
        errs.append("decision kind without objection_deadline")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and not re.search(r"(6|zes) weken", text):
        errs.append("objection term not printed")
    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("appointment date != attend deadline")
    # amounts
    pr_amounts = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - pr_amounts
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if pr_amounts - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(pr_amounts - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in pr_amounts:
            errs.append("amount_due not printed")
        totals = [a["value"] for a in truth["amounts"] if a["role"] == "total"]
        if round(truth["amount_due"], 2) not in [round(t, 2) for t in totals]:
            errs.append("amount_due is not the listed total")
    # iban and references
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    if truth["amount_due"] is None and truth["iban"]:
        errs.append("iban given while nothing is due")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
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
    errs += check_weekdays(text)
    # per-letter arithmetic
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs = WIK[code]
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
        batch_errs.append(f"{len(files)} letters, expected 25")
    if KINDS - kinds:
        batch_errs.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for extra in ("README.md", "check.py"):
        f = HERE / extra
        if not f.exists():
            batch_errs.append(f"{extra} missing")
        elif ABS_PATH.search(f.read_text(encoding="utf-8")):
            batch_errs.append(f"absolute path in {extra}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            batch_errs.append(f"{p.stem} not in README.md")
    for e in batch_errs:
        print("BATCH " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(batch_errs)} batch problems")
    return 1 if bad or batch_errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
