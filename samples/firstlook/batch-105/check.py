"""Consistency check for first-look batch 105: every NAME.json against its NAME.txt.

Run from anywhere: python check.py
Imports the helpers of samples/holdout/tools.py (identifiers, date arithmetic, WIK scale).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount,  # noqa: E402
                   iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# letter number -> (days, weeks, months) of a relative deadline, counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (0, 0, 1),    # binnen één maand na dagtekening dezes
    "10": (14, 0, 0),   # binnen veertien dagen vanaf de dag na ontvangst -> from letter date
    "12": None,         # attend: hearing date printed
    "13": (8, 0, 0),    # binnen acht dagen na dagtekening
    "14": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "16": (30, 0, 0),   # binnen 30 dagen na dagtekening
    "19": (14, 0, 0),   # binnen 14 dagen na ontvangst
    "22": (0, 3, 0),    # binnen drie weken na de datum van deze brief
}

# letter number -> list of (parts, total); parts may be negative
SUMS = {
    "01": [([12964, -3822], 9142), ([9836, -9142], 694), ([694, -264], 430), ([430, -187], 243)],
    "02": [([1468, -341], 1127), ([1127, 18], 1145)],
    "03": [([101] * 12, 1212), ([1428, -1212], 216), ([216, -158], 58)],
    "04": [([285] * 12, 3420), ([3420, -2316], 1104), ([1104, -387], 717)],
    "05": [([338000 * 0.000938], 317.04), ([317.04, 372.60, 231.84], 921.48), ([921.48, -64.11], 857.37),
           ([428.69, 428.68], 857.37)],
    "06": [([118.40, 253.59, 59.89], 431.88), ([84.53] * 3, 253.59), ([431.88, -84.53], 347.35),
           ([43.19] * 9, 388.71), ([388.71, 43.17], 431.88), ([388.71, -347.35], 41.36)],
    "07": [([341.20, 145.00], 486.20), ([486.20, -277.64], 208.56), ([48.62, 48.62], 97.24),
           ([208.56, -97.24], 111.32)],
    "08": [([280, 9], 289), ([186, 9], 195), ([289, -195], 94)],
    "09": [([109, 9], 118), ([109 * 0.5], 54.50), ([118, 54.50], 172.50), ([172.50, -60], 112.50)],
    "10": [([284.95, -39.99], 244.96), ([40.00, 8.40], 48.40), ([244.96, 48.40], 293.36)],
    "11": [([34.95] * 3, 104.85), ([2.50] * 3, 7.50), ([104.85, -34.95, 7.50], 77.40)],
    "12": [([1386.40, 207.96, 61.37], 1655.73), ([125, 125], 250), ([1655.73, -250], 1405.73),
           ([1405.73, 119.27], 1525.00)],
    "13": [([1048.00, 38.12, 364.00, 116.38, 142.17], 1708.67), ([1708.67, -412.66], 1296.01)],
    "14": [([152.35, 152.35], 304.70), ([304.70, -68.00], 236.70)],
    "15": [([183.50] * 6, 1101.00), ([183.50] * 5, 917.50), ([917.50, 91.75], 1009.25),
           ([1101.00, -1009.25], 91.75)],
    "16": [([712.40, 712.40], 1424.80), ([1424.80, 86.15, 240.00], 1750.95), ([950.00, 63.20], 1013.20),
           ([1750.95, -1013.20], 737.75)],
    "17": [([985, -650], 335), ([335, -96.80], 238.20)],
    "18": [([275] * 12, 3300), ([3300, -3095.65], 204.35), ([275, 275], 550), ([550, -204.35], 345.65)],
    "19": [([35.50] * 4, 142.00), ([183.62, -142.00], 41.62), ([41.62, 77.15], 118.77)],
    "20": [([1687.20, -1412.38], 274.82), ([1412.38, -689.51], 722.87), ([722.87, -274.82], 448.05)],
    "21": [([412 * 0.25], 103.00), ([412, -103], 309.00), ([309.00, -127.45], 181.55), ([90.78, 90.77], 181.55)],
    "23": [([206, 206], 412), ([1046.30, -412], 634.30)],
    "24": [([640, -212.50], 427.50)],
    "25": [([246.80, -158.40], 88.40)],
}

# letter number -> (principal, printed incassokosten, printed btw or None)
WIK = {"10": (244.96, 40.00, 8.40), "12": (1386.40, 207.96, None), "19": (118.77, 40.00, None)}

TWO_PAGE = {"01", "04", "12", "16"}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}"]


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    kind = t["kind"]
    m = re.fullmatch(r"(.+)-b105-(\d\d)-[a-z0-9-]+", p.stem)
    if not m or m.group(1) != kind or kind not in KINDS:
        errs.append(f"name/kind {kind}")
        return errs
    num = m.group(2)
    if t["stage"] not in STAGES:
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
        dd = date.fromisoformat(dl["date"])
        rel = RELATIVE.get(num)
        if rel:
            want = plus(ld, days=rel[0], weeks=rel[1], months=rel[2])
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("printed deadline not in text")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative deadline listed but deadline null")
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    if kind in OBJECTION_KINDS and t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    ad_ = t["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in printed:
            errs.append("amount_due not printed")
        if not t["iban"] and "iban" not in t["notes"].lower():
            errs.append("amount_due without iban")
        if not dl or dl["action"] not in ("pay", "attend"):
            errs.append("amount_due without pay/attend deadline")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
        if ad_ is None:
            errs.append("iban without amount_due")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr.replace(" ", "")) == 16 and pr.replace(" ", "").isdigit() and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b for b in bsns if bsn_valid(b.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    # weekday names next to dates must match
    for wd, d_, mo, y in re.findall(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
                                    r"\s+(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", text, re.I):
        real = date(int(y), MONTHS.index(mo.lower()) + 1, int(d_))
        if DAYS[real.weekday()] != wd.lower():
            errs.append(f"{wd} {d_} {mo} {y} is a {DAYS[real.weekday()]}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
        if round(abs(total), 2) not in listed:
            errs.append(f"sum total {total} not listed")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} != {btw}")
    if num in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    if "@@FF@@" in text:
        errs.append("page marker left")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    for f in HERE.iterdir():
        if f.is_file() and re.search(r"(?<![\w.])/(work|tmp)/", f.read_text(encoding="utf-8", errors="ignore")):
            print(f"FAIL absolute path in {f.name}")
            bad += 1
    nums = sorted(re.search(r"-b105-(\d\d)-", p.stem).group(1) for p in files if "-b105-" in p.stem)
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        print(f"FAIL letter numbers {nums}")
        bad += 1
    kinds = {json.loads(p.with_suffix('.json').read_text(encoding='utf-8'))["kind"] for p in files}
    if kinds != KINDS:
        print(f"FAIL kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
