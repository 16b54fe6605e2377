"""Consistency check for first-look batch 92: every NAME.json against its NAME.txt.

Run:  python check.py   (from anywhere; tools.py is found relative to this file)
Uses the helpers of samples/holdout/tools.py and adds the arithmetic of this batch,
written down independently of the JSON files.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "holdout"))

from tools import (ACTIONS, KINDS, MONTHS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus, squash, wik)

BATCH = "b92"
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# Relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE_DEADLINES = {
    "03": (date(2026, 9, 22), 14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "07": (date(2026, 7, 14), 14, 0, 0),   # binnen veertien dagen na de datum van deze aanmaning
    "11": (date(2026, 1, 27), 14, 0, 0),   # binnen 14 dagen nadat je deze mail hebt ontvangen
    "18": (date(2026, 11, 13), 0, 6, 0),   # binnen 6 weken na de datum van deze brief (25 Dec, no shift)
}

# Letters that print their own last day for bezwaar / verzet: number -> printed day
PRINTED_OBJECTION = {
    "24": date(2026, 5, 21),   # CAK: uiterlijk op 21 mei 2026
    "25": date(2027, 2, 9),    # strafbeschikking: verzet uiterlijk op 9 februari 2027 (14 days)
}

# Objection days that must move by the Algemene termijnenwet: number -> expected day
ATW_SHIFTED = {
    "01": date(2026, 4, 28),   # 27 April 2026 Koningsdag
    "05": date(2026, 5, 18),   # 14 May Hemelvaart, 15 May bridge day, weekend
    "06": date(2027, 3, 30),   # 29 March 2027 Paasmaandag
    "08": date(2026, 5, 26),   # 25 May 2026 Pinkstermaandag
    "18": date(2026, 12, 28),  # 25/26 December + weekend
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14837, -3461], 11376), ([11376, -9624], 1752), ([194.67] * 8 + [194.64], 1752)],
    "02": [([10365, -9218], 1147), ([1147, 14], 1161), ([1161, -388], 773)],
    "03": [([1830, -600], 1230), ([1230, 18], 1248)],
    "04": [([287] * 8, 2296), ([25] * 8, 200), ([312] * 4, 1248), ([2296, 200, 1248], 3744),
           ([312] * 12, 3744), ([312, -287], 25)],
    "05": [([1476, -804], 672), ([28] * 24, 672)],
    "06": [([262.02, 356.40, 219.84], 838.26), ([419.13, 419.13], 838.26),
           ([83.83] * 9 + [83.79], 838.26), ([round(368000 * 0.000712, 2)], 262.02)],
    "07": [([326.40, 65.28], 391.68), ([48.96] * 8, 391.68), ([48.96, 48.96], 97.92),
           ([391.68, -97.92], 293.76), ([293.76, 8.00], 301.76)],
    "08": [([398.16, 214.20, 116.40], 728.76), ([398.16, 214.20, -64.20], 548.16),
           ([728.76, -548.16], 180.60), ([64.20, 116.40], 180.60), ([60.20] * 3, 180.60)],
    "09": [([136, 9], 145), ([136 * 0.5], 68)],
    "10": [([380, 9], 389), ([64.83] * 5 + [64.85], 389), ([64.83, 64.83], 129.66),
           ([389, -129.66], 259.34), ([259.34, 190], 449.34), ([380 * 0.5], 190)],
    "11": [([34.95] * 3 + [7.50], 112.35), ([2.50] * 3, 7.50)],
    "12": [([1150, 63.77, 172.50], 1386.27), ([1386.27, -100], 1286.27)],
    "13": [([842.16, 57.31, 126.32], 1025.79), ([1025.79, 117.49], 1143.28)],
    "14": [([1618.40, 41.12, 242.76], 1902.28), ([1902.28, -200], 1702.28), ([300] * 5 + [202.28], 1702.28)],
    "15": [([153.85, 153.85], 307.70), ([76.93] * 3 + [76.91], 307.70)],
    "16": [([712.40, 712.40, -300], 1124.80), ([150] * 7 + [74.80], 1124.80), ([712.40, 150], 862.40)],
    "17": [([168, 168, -23.45], 312.55), ([62.51] * 5, 312.55)],
    "18": [([1812.40, -568.82], 1243.58)],
    "19": [([1398.17, -210], 1188.17), ([1188.17] * 2, 2376.34), ([72, 72], 144),
           ([2376.34, -144], 2232.34), ([1188.17, -72], 1116.17)],
    "21": [([137.62] * 3 + [4.18], 417.04)],
    "23": [([742.50, 30.27, 111.38], 884.15), ([147.37] * 5, 736.85), ([736.85, 147.30], 884.15)],
    "25": [([300, 185.60], 485.60), ([161.87, 161.87, 161.86], 485.60)],
}

# number -> (hoofdsom, printed incassokosten) under the WIK scale
WIK = {"11": (112.35, 40.00), "12": (1150.00, 172.50), "13": (842.16, 126.32),
       "14": (1618.40, 242.76), "17": (312.55, 46.88)}

# letters that must have two pages (a form feed)
TWO_PAGES = {"01", "05", "12", "13", "18"}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")
WORD_DATE = {"13": "negen september tweeduizendzesentwintig"}
ABS_PATH = re.compile("(?<![\\w.])/(" + "|".join(["wo" + "rk", "t" + "mp"]) + ")/?")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), d.strftime("%d.%m.%Y"),
            d.strftime("%d/%m/%Y"), d.isoformat(), f"{d.day} {m[:3]}. {d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(rf"^(.+)-{BATCH}-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)

    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} / name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if ABS_PATH.search(text):
        errs.append("absolute path in letter")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and WORD_DATE.get(num, "#") not in text:
        errs.append("letter date not printed")

    # printed weekdays must match their dates
    for wd, d, mon, y in re.findall(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+"
                                    r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", text):
        real = date(int(y), MONTHS.index(mon) + 1, int(d))
        if WEEKDAYS[real.weekday()] != wd:
            errs.append(f"{wd} {d} {mon} {y} is a {WEEKDAYS[real.weekday()]}")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE_DEADLINES:
            base, days, weeks, months = RELATIVE_DEADLINES[num]
            if base != ld:
                errs.append("relative base != letter date")
            if plus(base, days=days, weeks=weeks, months=months) != dd:
                errs.append(f"relative deadline should be {plus(base, days=days, weeks=weeks, months=months)}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE_DEADLINES:
        errs.append("relative deadline listed but deadline null")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od:
        odd = date.fromisoformat(od)
        if truth["stage"] != "decision":
            errs.append("objection deadline on a non-decision")
        if num in PRINTED_OBJECTION:
            if odd != PRINTED_OBJECTION[num] or not printed(odd, text):
                errs.append("printed objection day mismatch")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if num in ATW_SHIFTED and odd != ATW_SHIFTED[num]:
            errs.append("Atw shift expected")
        if num in ATW_SHIFTED and odd == ld + timedelta(days=42):
            errs.append("objection day not shifted")
    elif num in PRINTED_OBJECTION or num in ATW_SHIFTED:
        errs.append("objection deadline missing")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
        if dl and date.fromisoformat(dl["date"]) > ad:
            errs.append("deadline after appointment")

    # amounts
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("duplicate amounts listed")
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    found = printed_amounts(text)
    missing = [v for v in listed if v not in found and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)]
    extra = sorted(found - set(listed))
    if missing or extra:
        errs.append(f"amounts listed-not-printed {missing} printed-not-listed {extra}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in found:
            errs.append("amount_due not printed with a currency sign")
        if round(due, 2) not in listed:
            errs.append("amount_due not in amounts")
        if truth["stage"] != "dagvaarding" and (not dl or dl["action"] != "pay"):
            errs.append("amount_due without a pay deadline")
    elif dl and dl["action"] == "pay":
        errs.append("pay deadline without amount_due")

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
    if due is None and (truth["iban"] or pr):
        errs.append("iban/reference although nothing to pay")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs {sorted(bsns)}")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if fmt_amount(costs) not in text:
            errs.append("WIK costs not printed")
    if num in TWO_PAGES and "\f" not in text:
        errs.append("two-page letter without form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split(f"-{BATCH}-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    for f in [HERE / "README.md", Path(__file__)]:
        if f.exists() and ABS_PATH.search(f.read_text(encoding="utf-8")):
            print(f"absolute path in {f.name}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
