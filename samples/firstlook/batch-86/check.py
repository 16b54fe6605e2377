"""Consistency check for first-look batch 86: every NAME.json against its NAME.txt.

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
from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,
    kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
ABS_PREFIXES = tuple("/" + w for w in ("wo" + "rk", "tm" + "p"))
TWO_PAGE = {"02", "07", "16", "20"}
FIELDS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
          "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
          "notes"]

# --- arithmetic written down from the letters, independent of the JSON files -------------

# letter date as printed (when not in the usual forms)
DATE_IN_WORDS = {"16": "zevenentwintigste oktober tweeduizendzesentwintig"}

# deadlines stated as a relative term: code -> (days, weeks, months) from the letter date
RELATIVE = {
    "11": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "15": (14, 0, 0),   # binnen 14 dagen na de datum van deze e-mail
    "16": (2, 0, 0),    # binnen twee dagen na heden
    "19": (14, 0, 0),   # binnen 14 dagen na de datum van deze nota
}
# deadlines printed as a date: code -> date (must appear in the text)
PRINTED = {
    "02": date(2027, 1, 31), "03": date(2026, 5, 10), "04": date(2026, 8, 21),
    "07": date(2026, 10, 16), "08": date(2026, 4, 27), "09": date(2026, 3, 31),
    "12": date(2026, 6, 1), "13": date(2026, 12, 24), "14": date(2026, 11, 19),
    "18": date(2026, 3, 23), "22": date(2026, 9, 30), "24": date(2026, 10, 13),
}
NO_DEADLINE = {"01", "05", "06", "10", "17", "20", "21", "23", "25"}

# sums that must hold: code -> [(parts, total)]
SUMS = {
    "01": [([11642, -10975, -1020], -353)],
    "02": [([6214, -3046], 3168), ([288] * 11, 3168)],
    "03": [([6218, -6940], -722), ([1140, -722], 418), ([418, 19], 437)],
    "04": [([1774, -500], 1274), ([1274, 18], 1292)],
    "05": [([3516, -3264], 252), ([252, 1], 253)],
    "06": [([1046] * 12, 12552), ([35] * 18, 630), ([1046, -35], 1011)],
    "07": [([124] * 12, 1488), ([62] * 12, 744), ([1488, -744, 5], 749), ([32] * 23 + [13], 749)],
    "08": [([3060, -2172], 888), ([888, 25, -301], 612)],
    "09": [([222.92, 318.00, 214.80], 755.72), ([377.86, 377.86], 755.72)],
    "10": [([121.42, 191.52], 312.94), ([121.42, 63.84], 185.26), ([312.94, -185.26], 127.68),
           ([63.84] * 3, 191.52)],
    "11": [([689.40, -344.70], 344.70), ([344.70, 8.10], 352.80)],
    "12": [([372, 168], 540), ([1460.15, -1438.90], 21.25), ([21.25] * 12, 255),
           ([540, -204], 336), ([45, 45], 90), ([204, -90], 114)],
    "13": [([163, 9], 172)],
    "14": [([160, 9, 80, -50], 199)],
    "15": [([198.00, 88.50, -50.00], 236.50), ([236.50, 40.00, 3.12], 279.62)],
    "16": [([1648.20, 63.41, 247.23, 118.31, 139.00, 230.00, 68.00, 119.43, -100.00], 2533.58)],
    "18": [([724.60, 724.60, -400.00], 1049.20)],
    "19": [([1318.54, 1427.84, -600.00], 2146.38), ([195] * 10, 1950), ([2146.38, -1950], 196.38),
           ([195] * 12 + [-2146.38], 193.62), ([195, 195], 390)],
    "20": [([3120, -1240], 1880), ([1316, 1240], 2556), ([1316, -212.40], 1103.60),
           ([1103.60, -318.40], 785.20)],
    "21": [([310] * 3, 930), ([93] * 10, 930), ([1445.07, -93], 1352.07)],
    "25": [([19620.48, 1102.56], 20723.04), ([20723.04, -1874.10, -1090.03], 17758.91)],
}
# products and percentages: code -> [(computed, printed)]
PRODUCTS = {
    "09": [(round(231000 * 0.0965 / 100 + 1e-9, 2), 222.92)],
    "12": [(round(255 * 0.80, 2), 204.00)],
    "14": [(round(160 * 0.5, 2), 80.00)],
    "13": [(round(163 * 0.5, 2), 81.50)],
    "20": [(round(1880 * 0.70, 2), 1316.00), (round(3120 * 0.70, 2), 2184.00)],
    "25": [(round(20723.04 * 0.0526, 2), 1090.03)],
}
# WIK on principal -> printed costs
WIK = {"15": (236.50, 40.00), "16": (1648.20, 247.23)}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(r"-b86-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    if list(truth) != FIELDS:
        errs.append("fields/order")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b86-"):
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    for bad in ABS_PREFIXES:
        if bad in text:
            errs.append(f"absolute path {bad} in letter")
    if (code in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and DATE_IN_WORDS.get(code, "@@") not in text:
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if code in NO_DEADLINE:
        if dl is not None:
            errs.append("deadline should be null")
    elif dl is None:
        errs.append("deadline missing")
    else:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        got = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if got != want:
                errs.append(f"relative deadline {got} != {want}")
        elif code in PRINTED:
            if got != PRINTED[code]:
                errs.append(f"printed deadline {got} != {PRINTED[code]}")
            if not any(f in text for f in date_forms(got)):
                errs.append("printed deadline not in text")
        else:
            errs.append("deadline has no rule in check.py")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")

    # appointment
    ap = truth["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(d)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment != attend deadline")
        if ap["place"].split(",")[0] not in text:
            errs.append("appointment place not printed")

    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    if len(listed) != len(truth["amounts"]):
        errs.append("duplicate amount listed")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text}
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
    bsns = [b.replace(".", "") for b in
            re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(valid)} valid 9-digit numbers")

    # arithmetic
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for computed, shown in PRODUCTS.get(code, []):
        if round(computed, 2) != round(shown, 2):
            errs.append(f"product {computed} != printed {shown}")
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
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    for extra in ("README.md", "check.py"):
        t = (HERE / extra).read_text(encoding="utf-8")
        if any(prefix in t for prefix in ABS_PREFIXES):
            print(f"absolute path in {extra}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
