"""Consistency check for batch-24: every NAME.json against NAME.txt. Run: python check.py"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).parent

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


def kenmerk_valid(k: str) -> bool:
    weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
    body = k[1:]
    total = sum(int(d) * weights[i % 10] for i, d in enumerate(reversed(body)))
    c = 11 - total % 11
    return len(k) == 16 and int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return len(iban) == 18 and iban.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def holidays(year: int) -> set[date]:
    e = easter(year)
    kd = date(year, 4, 27)
    if kd.weekday() == 6:
        kd = date(year, 4, 26)
    days = {date(year, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, e + timedelta(days=39),
            e + timedelta(days=50), date(year, 12, 25), date(year, 12, 26)}
    if year % 5 == 0:
        days.add(date(year, 5, 5))
    return days


def working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in holidays(d.year)


def objection(letter: date) -> date:
    d = letter + timedelta(days=42)
    while not working_day(d):
        d += timedelta(days=1)
    return d


def plus_workdays(d: date, n: int) -> date:
    while n:
        d += timedelta(days=1)
        n -= working_day(d)
    return d


AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) if f.isdigit() else 0) / 100, 2)
            for w, f in AMOUNT_RE.findall(text)}


def fmt(v: float) -> str:
    return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# relative terms as printed: number -> (days, weeks, months, workdays)
RELATIVE = {"02": (14, 0, 0, 0), "06": (0, 2, 0, 0), "10": (14, 0, 0, 0), "11": (7, 0, 0, 0),
            "18": (0, 0, 0, 10), "21": (0, 2, 0, 0)}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14937, -2106, -5311, -5375], 2145), ([195] * 11, 2145)],
    "02": [([612, -150], 462), ([462, 19], 481)],
    "03": [([3204, -3204], 0)],
    "04": [([1486, -742], 744), ([31] * 24, 744)],
    "05": [([298.48, 341.92, 276.00], 916.40), ([91.64] * 10, 916.40), ([458.20, 458.20], 916.40)],
    "06": [([312.66, -25], 287.66), ([287.66, 9], 296.66)],
    "07": [([333.96, 204.12], 538.08)],
    "08": [([143, 9], 152)],
    "09": [([119, 9], 128), ([128, 59.50], 187.50), ([119 * 0.5], 59.50)],
    "10": [([32.95] * 3, 98.85)],
    "11": [([401.88, 84.39], 486.27), ([401.88 * 0.21], 84.39)],
    "12": [([1214.60, 48.62, 182.19], 1445.41), ([1445.41, 112.41], 1557.82), ([1214.60 * 0.15], 182.19)],
    "13": [([1748.20, 61.35, 329.00, 179.49], 2318.04)],
    "14": [([148.35] * 3, 445.05)],
    "16": [([712.44] * 2, 1424.88)],
    "17": [([134, 134, 57.18], 325.18)],
    "20": [([1580.25, -131.82], 1448.43)],
    "22": [([73.18] * 3, 219.54)],
    "25": [([3529, -3118], 411)],
}


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b24-(\d\d)-", p.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(kind + "-b24-"):
        errs.append("kind/name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months, wd = RELATIVE[num]
            want = plus_workdays(ld, wd) if wd else ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in date_forms(d)) and f"{d.day} {MONTHS[d.month - 1]}" not in text:
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection deadline on non-decision")
    if od and date.fromisoformat(od) != objection(ld):
        errs.append(f"objection {od} != {objection(ld)}")
    ap = t["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if f"{d.day} {MONTHS[d.month - 1]} {d.year}" not in text:
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend date != appointment")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        errs.append("role")
    missing = {v for v in listed - printed if fmt(v) not in text}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed and fmt(t["amount_due"]) not in text:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        errs.append("payment_reference not printed")
    if pr and t["amount_due"] is None:
        errs.append("payment reference without anything to pay")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"16-digit {k} fails check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    if t["bsn_found"] != any(bsn_valid(b) for b in bsns):
        errs.append("bsn_found mismatch")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts) + 1e-9, 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if re.search(r"(?<![\w.])/(?:home|usr|var|etc|opt|mnt|root)\b", text):
        errs.append("absolute path in text")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        e = check_one(p)
        bad += bool(e)
        print(("FAIL " if e else "ok   ") + p.stem + ("  " + "; ".join(e) if e else ""))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad or len(files) != 25 else 0


if __name__ == "__main__":
    sys.exit(main())
