"""Consistency check for batch-36: every NAME.json against NAME.txt.

Run with the project's Python from this folder (or anywhere):  python check.py
Independent of snapdebrief on purpose; only the standard library and dateutil.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------

def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return len(iban) == 18 and iban.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    c = 11 - sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:]))) % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)

# --- dates ---------------------------------------------------------------------------------

KB = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in KB if d.year == y}


def atw(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


# Relative terms as printed in the letter: number -> (days, weeks, months)
RELATIVE = {
    "09": (14, 0, 0),   # binnen 14 dagen na ontvangst -> from the letter date
    "10": (7, 0, 0),    # binnen 7 dagen na de datum van deze mail
    "14": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "21": (0, 2, 0),    # binnen twee weken na de datum van deze brief
}
# Letters of a non-objection kind that are decisions stating their own 6-week term.
OWN_TERM = {"15", "24"}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([5261, -3068, -2011], 182), ([1284, -182, -240], 862), ([6112, 8174], 14286), ([512, 772], 1284)],
    "02": [([1146, -400], 746), ([746, 9], 755)],
    "03": [([472.60, 59.57], 532.17), ([298] * 12, 3576), ([298, 298], 596)],
    "04": [([1356, -744], 612), ([113] * 12, 1356), ([25.50] * 24, 612)],
    "05": [([267.84, 98.12, 66.45], 432.41), ([216.21, 216.20], 432.41)],
    "07": [([129, 9], 138)],
    "08": [([170, 9, 85], 264), ([264, 170], 434), ([170 * 0.5], 85)],
    "09": [([27.50, 27.50, 31.15, 96.35], 182.50)],
    "10": [([29.95, 29.95, 2.50, 2.50], 64.90)],
    "11": [([70, 3.86], 73.86), ([73.86, 20], 93.86)],
    "12": [([498.75] * 3, 1496.25), ([1496.25, 18.37, 224.44, 116.42], 1855.48)],
    "13": [([389.95, 41.12, 337.88, 121.36, 133.91, -50.00], 974.22)],
    "14": [([148.25, 148.25, 143.60], 440.10)],
    "16": [([371.30, 65.50], 436.80)],
    "17": [([1181.57, -869.00], 312.57), ([79.00] * 11, 869.00)],
    "18": [([96.84 * 0.75], 72.63), ([96.84 * 0.70], 67.79)],
    "19": [([1401.50, -555.30], 846.20)],
    "23": [([64.18, 64.18], 128.36)],
    "24": [([86.21, 86.21], 172.42)],
}


def wik(p: float) -> float:
    bands = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0), 2)


WIK = {"09": (182.50, 40.00), "12": (1496.25, 224.44)}

# --- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        out.add(round(int(whole.replace(".", "")) + (int(frac) / 100 if frac and frac.isdigit() else 0), 2))
    return out


def fmt(v: float) -> str:
    return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)

# --- one letter ----------------------------------------------------------------------------


def check_one(p: Path) -> list[str]:
    e: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b36-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    if list(t) != KEYS:
        e.append("keys")
    if t["kind"] not in KINDS or not p.stem.startswith(t["kind"] + "-b36-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    banned = ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]
    if any(b in text for b in banned):
        e.append("forbidden path in text")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        e.append("letter date not printed")
    dlt = t["deadline"]
    if dlt:
        if dlt["action"] not in ACTIONS:
            e.append("action")
        dd = date.fromisoformat(dlt["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                e.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(dd)):
            e.append("deadline date not printed")
        if dd < ld:
            e.append("deadline before letter")
    elif num in RELATIVE:
        e.append("relative term listed but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection deadline")
    if od:
        if t["kind"] not in OBJECTION_KINDS and num not in OWN_TERM:
            e.append("objection deadline on a non-decision kind")
        want = atw(ld + timedelta(42))
        if num in OWN_TERM:
            want = ld + timedelta(42)
            if want != atw(want):
                e.append("own term falls on a non-working day: ambiguous")
        if date.fromisoformat(od) != want:
            e.append(f"objection {od} != {want}")
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if dlt and dlt["action"] == "attend" and dlt["date"] != ap["date"]:
            e.append("attend != appointment")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt(v) not in text and not (v == int(v) and fmt(v)[:-3] in text)}
    if printed - listed or missing:
        e.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            e.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            e.append("amount_due has no total role")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            e.append("iban invalid or not printed")
    elif t["amount_due"] is not None:
        e.append("amount due without iban")
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
    found = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = [b for b in found if bsn_valid(b)]
    if t["bsn_found"] != bool(found):
        e.append(f"bsn_found {t['bsn_found']} but {len(found)} valid 9-digit numbers")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK:
        pr_, costs = WIK[num]
        if wik(pr_) != costs:
            e.append(f"WIK on {pr_} is {wik(pr_)}, printed {costs}")
    return e


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
    if len(files) != 25:
        print("expected 25 letters")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
