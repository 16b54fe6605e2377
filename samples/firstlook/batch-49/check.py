"""Check batch-49 truth files against their letters.

Run: python check.py   (from anywhere). Uses only the helper functions of samples/holdout/tools.py.
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
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus, printed_amounts,
                   squash, wik)

# relative terms as printed: code -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "09": (0, 0, 1),   # binnen één maand na dagtekening van deze beschikking
    "12": (14, 0, 0),  # binnen 14 dagen nadat je deze brief hebt gekregen
    "13": (14, 0, 0),  # binnen veertien dagen na heden
    "21": (0, 4, 0),   # binnen vier weken na dagtekening
}
# letters whose text prints its own last day for bezwaar (none in this batch)
PRINTED_OBJECTION = set()
# sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([6988, -2862], 4126), ([5018, -4126], 892), ([892, -146], 746)],
    "02": [([9871, -3381], 6490), ([590] * 11, 6490)],
    "03": [([1764, -318], 1446), ([1446, 18], 1464)],
    "04": [([1476, -1308], 168), ([412, -168], 244)],
    "05": [([282] * 12, 3384), ([282, -36], 246)],
    "06": [([3187, -2104], 1083), ([1083, -247], 836)],
    "07": [([23] * 24, 552), ([214, -23], 191)],
    "08": [([74.82] * 3, 224.46), ([131.52, 224.46, 84.55], 440.53), ([440.53, -49.88], 390.65),
           ([round(312000 * 0.000271, 2)], 84.55)],
    "09": [([1412.37, -1396.79], 15.58), ([15.58] * 12, 186.96), ([311.64, 186.96], 498.60)],
    "10": [([168, 9], 177), ([168 * 0.5], 84)],
    "11": [([120, 9, 60], 189), ([189, -50], 139), ([120 * 0.5], 60)],
    "12": [([34.95] * 3, 104.85), ([104.85, -17.48], 87.37)],
    "13": [([1236, 61.12, 185.40, 386, 121.06, 117.47], 2107.05), ([2107.05, -150], 1957.05),
           ([1802.19, -1541.32], 260.87)],
    "14": [([1546.46, -64.10], 1482.36), ([1482.36, 38.14, 222.35], 1742.85), ([1742.85, 121.72], 1864.57)],
    "15": [([182.43] * 2, 364.86)],
    "16": [([158.95] * 2, 317.90), ([317.90, -64.35], 253.55)],
    "17": [([745.10, 67.30], 812.40), ([812.40, -261], 551.40), ([551.40] * 2 + [-200], 902.80)],
    "18": [([139] * 2, 278), ([278, -187.45], 90.55)],
    "19": [([107.05] * 12, 1284.60)],
    "20": [([1562.44, -1281.72], 280.72), ([280.72] * 3, 842.16), ([842.16, -515.90], 326.26)],
    "21": [([1946.70, 370.75], 2317.45)],
    "23": [([96.18] * 3, 288.54), ([96.18, -82.49], 13.69), ([13.69] * 3, 41.07), ([288.54, -41.07], 247.47),
           ([82.49] * 3, 247.47)],
    "24": [([42.50] * 7, 297.50)],
    "25": [([86.50, -61.20], 25.30)],
}
# code -> (hoofdsom, printed incassokosten)
WIK = {"12": (87.37, 40.00), "13": (1236.00, 185.40), "14": (1482.36, 222.35)}
WORD_DATES = {"13": "de tweede juni tweeduizendzesentwintig", "14": "veertien oktober tweeduizendzesentwintig"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment", "amount_due",
        "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    code = re.search(r"-b49-(\d\d)-", txt.stem).group(1)
    if list(truth) != KEYS:
        errs.append("keys differ from BRIEF.md")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b49-"):
        errs.append(f"kind/stem {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    if code in WORD_DATES and WORD_DATES[code] not in text:
        errs.append("letter date in words not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("printed deadline date not in text")
    elif code in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od and code not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = truth["appointment"]
    if ap:
        if not any(f in text for f in date_forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text
               and not (v == int(v) and (fmt_amount(v)[:-3] + " ") in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    ad = truth["amount_due"]
    if ad is not None:
        if round(ad, 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if not dl or dl["action"] != "pay" and kind != "deurwaarder":
            errs.append("amount_due without a pay deadline")
        if not truth["iban"]:
            errs.append("amount_due without iban")
    elif truth["iban"] or truth["payment_reference"]:
        errs.append("iban/reference but nothing due")
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if code in WIK:
        principal, costs = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
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
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSN-like numbers: {bsns}")
    if "\f" in text and text.count("\f") != 1:
        errs.append("expected two pages")
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
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
