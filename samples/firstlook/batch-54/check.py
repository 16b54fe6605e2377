"""Consistency check for first-look batch 54: every NAME.json against its NAME.txt.

Run:  python check.py   (uses the helpers of samples/holdout/tools.py; nothing from snapdebrief)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, iban_valid, kenmerk_valid, objection_deadline,  # noqa: E402
                   plus, printed_amounts, fmt_amount, squash, wik, MONTHS, KINDS, STAGES, ROLES)

ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# --- per-letter facts, written down from the letters, independent of the JSON -------------------
# relative terms: code -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),  # binnen 14 dagen na de datum van deze aanmaning
    "06": (14, 0, 0),  # binnen veertien dagen na dagtekening
    "10": (14, 0, 0),  # binnen 14 dagen, vanaf de dag na ontvangst -> from letter date
    "11": (7, 0, 0),   # binnen 7 dagen na dagtekening
    "13": (5, 0, 0),   # binnen vijf dagen na dagtekening dezes
    "15": (0, 4, 0),   # binnen 4 weken na de datum van deze brief
    "18": (14, 0, 0),  # binnen 14 dagen na ontvangst
    "20": (14, 0, 0),  # binnen 14 dagen na de datum van deze brief
}
# letters whose text prints the last day for bezwaar itself (none in this batch)
PRINTED_OBJECTION = set()
# letter dates written in words
DATE_WORDS = {"14": "negentiende november tweeduizendzesentwintig"}
# sums that must hold: code -> [(parts, total)]
SUMS = {
    "01": [([14602, -4728], 9874), ([9874, -5138, -3500, 31], 1267)],
    "02": [([2140, -800], 1340), ([1340, 18, 12.36], 1370.36)],
    "03": [([131] * 12, 1572)],
    "04": [([3612, -2466], 1146), ([47.75] * 24, 1146)],
    "05": [([307.94, 246.12, 320.12], 874.18), ([437.09, 437.09], 874.18), ([87.42] * 9 + [87.40], 874.18),
           ([312000 * 0.000987], 307.94)],
    "06": [([206.18, 206.18], 412.36), ([206.18, 7.00], 213.18)],
    "07": [([398.40, 254.40], 652.80), ([652.80, -412.80], 240.00), ([1412.35, -1387.35], 25.00),
           ([25.00 * 0.8], 20.00), ([20.00] * 12, 240.00)],
    "08": [([147, 9], 156), ([147 * 0.5], 73.50)],
    "09": [([290, 9, 145, 290], 734), ([734, -200], 534), ([290 * 0.5], 145)],
    "10": [([189.00, 45.00, 4.95], 238.95), ([238.95 * 21 / 121], 41.47)],
    "11": [([29.95] * 6, 179.70), ([179.70, 4.12, 40.00, -50.00], 173.82)],
    "12": [([86.40, -64.80], 21.60), ([21.60, 142.15], 163.75)],
    "13": [([412.18, 412.18, 494.28], 1318.64), ([1318.64, 41.07, 197.80], 1557.51), ([1557.51, -150.00], 1407.51)],
    "14": [([2874.16, 96.40, 412.42], 3382.98), ([3382.98, 119.14], 3502.12)],
    "15": [([1684.60, 88.21, 252.69, 286.00, 121.13, 109.78, -100.00], 2442.41)],
    "16": [([158.45, 24.10], 182.55), ([182.55, 182.55], 365.10)],
    "18": [([648.23, 64.25], 712.48), ([712.48, 712.48, -300.00], 1124.96)],
    "19": [([386.52, 142.00], 528.52)],
    "20": [([96.33, -40.00], 56.33)],
    "23": [([73.18] * 3, 219.54), ([219.54, 2.86], 222.40)],
    "25": [([498.00, 35.10, 74.70], 607.80), ([76.55] * 8, 612.40), ([612.40, -607.80], 4.60)],
}
# WIK: code -> (hoofdsom, printed incassokosten)
WIK = {"10": (238.95, 40.00), "11": (179.70, 40.00), "13": (1318.64, 197.80), "14": (2874.16, 412.42),
       "15": (1684.60, 252.69), "18": (1124.96, 168.74), "25": (498.00, 74.70)}

BARE_RE = re.compile(r"(?<![\d,.])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d%])(?!\s?%)")


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day} {MONTHS[d.month - 1]}\n{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in text or f in flat for f in date_forms(d))


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(r"-b54-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(kind + "-b54-"):
        errs.append("stem does not start with kind-b54-")
    if t["stage"] not in STAGES or t["stage"] is None:
        errs.append(f"stage {t['stage']}")
    if not t.get("sender") or not t.get("notes"):
        errs.append("sender/notes empty")
    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (code in DATE_WORDS and DATE_WORDS[code] in text):
        errs.append("letter date not printed")
    if code in DATE_WORDS and DATE_WORDS[code] not in text:
        errs.append("date in words missing")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if d < ld:
            errs.append("deadline before letter date")
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(d, text):
            errs.append("printed deadline not found in text")
        # a weekday printed next to the date must be the right one
        for m in re.finditer(r"(" + "|".join(DAYS) + r") (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", text):
            wd = date(int(m.group(4)), MONTHS.index(m.group(3)) + 1, int(m.group(2)))
            if DAYS[wd.weekday()] != m.group(1):
                errs.append(f"weekday wrong: {m.group(0)}")
    elif code in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision of a bezwaar kind without objection_deadline")
    if od and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od and code not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and code in PRINTED_OBJECTION and not printed(date.fromisoformat(od), text):
        errs.append("printed objection date not in text")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    # amounts
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    euro = printed_amounts(text)
    bare = {round(int(w.replace(".", "")) + int(c) / 100, 2) for w, c in BARE_RE.findall(text)}
    missing = {v for v in listed if v not in euro and v not in bare and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if euro - listed:
        errs.append(f"euro amounts not listed {sorted(euro - listed)}")
    if bare - listed:
        errs.append(f"bare amounts not listed {sorted(bare - listed)}")
    if missing:
        errs.append(f"listed amounts not printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in euro:
            errs.append("amount_due not printed with a euro sign")
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not in amounts")
    # iban, reference, numbers
    if (t["iban"] is None) != (t["amount_due"] is None):
        errs.append("iban and amount_due should be both set or both null")
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
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates payment_reference")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid BSN(s) in text")
    if t["bsn_found"] and len(valid) != len(bsns):
        errs.append("a printed BSN-like number fails the elfproef")
    # arithmetic
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if code in WIK:
        principal, costs = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
