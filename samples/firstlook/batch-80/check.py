"""Check every NAME.json in this batch against NAME.txt (batch 80).

Run: python check.py   (from any directory). Uses the helpers of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
import tools  # noqa: E402
from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline,  # noqa: E402
                   plus, printed_amounts, squash, wik)

BATCH = "b80"
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}

MONTHS = tools.MONTHS
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day} {m.capitalize()} {d.year}",
            f"{d.day} {ABBR[d.month - 1]}. {d.year}", f"{d.day} {ABBR[d.month - 1]} {d.year}",
            d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y"),
            d.strftime("%d/%m/%Y"), d.isoformat()]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


# Relative terms as printed: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "07": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen nadat je deze e-mail hebt ontvangen
    "13": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes
    "15": (0, 2, 0),    # binnen twee weken na de datum van deze brief
}

# Objection days printed in the letter itself: number -> ISO date
PRINTED_OBJECTION = {
    "08": "2026-06-02",
}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([59672, 1218, -7930], 52960), ([1602, 5112], 6714), ([18214, -6714], 11500),
           ([11500, -9124], 2376), ([216] * 11, 2376)],
    "02": [([15431, -14268], 1163), ([46] * 12, 552), ([1163, -552], 611)],
    "03": [([934.00, -200.00], 734.00), ([734.00, 19.00], 753.00)],
    "04": [([128] * 12, 1536)],
    "05": [([351] * 12, 4212), ([244] * 12, 2928), ([4212, -2928], 1284), ([53.50] * 24, 1284)],
    "06": [([256.15, 318.60, 214.44], 789.19), ([394.60, 394.59], 789.19),
           ([round(312000 * 0.000821, 2)], 256.15)],
    "07": [([574.84, -287.42], 287.42), ([287.42, 8.00], 295.42)],
    "09": [([175.00, 9.00], 184.00)],
    "10": [([110.00, 9.00, 55.00], 174.00), ([110.00 * 0.5], 55.00)],
    "11": [([174.85, -50.00], 124.85)],
    "12": [([34.95] * 4, 139.80), ([139.80, 2.14, 40.00], 181.94)],
    "13": [([318.50, 168.10], 486.60), ([486.60, 18.27, 72.99, 15.33], 593.19)],
    "14": [([1842.66, 61.09, 276.40], 2180.15), ([2180.15, 124.64], 2304.79)],
    "15": [([1920.00, 96.14, 388.00, 88.35, 131.92, -150.00], 2474.41)],
    "16": [([152.85, 152.85], 305.70)],
    "17": [([191.15] * 6, 1146.90)],
    "18": [([682.40, 38.75], 721.15), ([721.15, -500.00], 221.15), ([221.15, 721.15, 721.15], 1663.45),
           ([249.52, 52.40], 301.92)],
    "19": [([156.00, 156.00], 312.00)],
    "20": [([1482.60, -934.40], 548.20), ([1482.60, -904.32], 578.28), ([548.20, 578.28], 1126.48)],
    "21": [([round(1330.52 * 13 / 31, 2)], 557.96)],
    "23": [([97.43] * 3, 292.29)],
    "25": [([612.40, 14.86, 91.86], 719.12), ([89.89] * 8, 719.12)],
}

# number -> (principal, printed costs, printed btw or None)
WIK = {
    "11": (124.85, 40.00, None),
    "12": (139.80, 40.00, None),
    "13": (486.60, 72.99, 15.33),
    "14": (1842.66, 276.40, None),
    "18": (1663.45, 249.52, 52.40),
    "25": (612.40, 91.86, None),
}


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    if "@@PAGE@@" in text:
        errs.append("page placeholder left")
    for ln in text.splitlines():
        if re.search(r"(^|\s)/[a-z]+/[a-z]", ln):
            errs.append("absolute path in text")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", p.stem)
    if not m or m.group(1) != t["kind"]:
        errs.append("name does not match kind")
        return errs
    num = m.group(2)
    kind = t["kind"]
    flat = squash(text)
    if kind not in tools.KINDS:
        errs.append(f"kind {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = t["objection_deadline"]
    if kind in tools.OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od:
        if num in PRINTED_OBJECTION:
            if od != PRINTED_OBJECTION[num] or not printed(date.fromisoformat(od), text):
                errs.append("printed objection day mismatch")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    pr_amounts = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in tools.ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - pr_amounts
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if pr_amounts - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(pr_amounts - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in pr_amounts:
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
        if t["amount_due"] is None:
            errs.append("iban without amount due")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        d16 = pr.replace(" ", "")
        if len(d16) == 16 and d16.isdigit() and not kenmerk_valid(d16):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{9})(?![\d])", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {sorted(bsns)}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
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
    missing = tools.KINDS - kinds
    if missing:
        print("kinds not covered:", ", ".join(sorted(missing)))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
