"""Consistency check for batch 43: every truth value against its letter text.

Run: python check.py   (from any directory). Exit code 0 when all letters pass.
Self-contained on purpose: it imports nothing from the project.
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
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# relative terms as printed in the letters: number -> (days, weeks, months)
RELATIVE = {"03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
            "08": (0, 0, 1),    # binnen een maand na de datum van deze brief
            "12": (7, 0, 0),    # binnen 7 dagen (e-mail)
            "13": (14, 0, 0),   # 14 dagen na ontvangst -> from the letter date
            "14": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
            "20": (10, 0, 0)}   # binnen 10 dagen na de datum van deze brief

# sums that must hold: number -> [(parts, total)]
SUMS = {"01": [([7412, -5564], 1848), ([154] * 12, 1848)],
        "02": [([1896, -1284], 612)],
        "03": [([1166, 18], 1184)],
        "04": [([231] * 12, 2772)],
        "05": [([124] * 12, 1488), ([1488, -1032], 456), ([19] * 24, 456)],
        "06": [([198.03, 412.80, 165.60], 776.43), ([388.22, 388.21], 776.43),
               ([round(287000 * 0.00069, 2)], 198.03)],
        "07": [([318.46, -150.00], 168.46)],
        "08": [([411.60, 282.60], 694.20), ([23.55] * 12, 282.60)],
        "09": [([160, 9], 169)],
        "10": [([140, 9, 70], 219), ([140 * 3, 9], 429)],
        "11": [([806.00, 18.74], 824.74)],
        "12": [([89.95, -24.95], 65.00)],
        "13": [([32.95] * 3, 98.85)],
        "14": [([742.60, 18.37, 111.39], 872.36)],
        "15": [([844.50, 844.50], 1689.00), ([1689.00, 21.15, 253.35], 1963.50), ([1963.50, 121.40], 2084.90)],
        "16": [([148.75, 148.75, 112.40], 409.90)],
        "17": [([712.35, 412.35], 1124.70)],
        "18": [([164.00, 87.16], 251.16)],
        "19": [([round(112.48 * 0.75, 2)], 84.36), ([round(112.48 * 0.70, 2)], 78.74)],
        "21": [([143.27, 143.27], 286.54)]}

# buitengerechtelijke incassokosten (Besluit BIK): number -> (principal, printed costs)
WIK = {"13": (98.85, 40.00), "14": (742.60, 111.39), "15": (1689.00, 253.35)}


def bsn_ok(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_ok(s: str) -> bool:
    r = s[4:] + s[:4]
    return len(s) == 18 and s[:2] == "NL" and int("".join(str(int(c, 36)) for c in r)) % 97 == 1


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_ok(k: str) -> bool:
    t = sum(int(d) * KW[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = {10: 1, 11: 0}.get(11 - t % 11, 11 - t % 11)
    return len(k) == 16 and int(k[0]) == c


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}
    return days | {d for d in {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)} if d.year == y}


def objection(ld: date) -> date:
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


AMOUNT = re.compile(r"(?:€|EUR)\s*-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def amounts(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) if f else 0) / 100, 2) for w, f in AMOUNT.findall(text)}


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check(p: Path) -> list[str]:
    e: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b43-(\d\d)-", p.stem).group(1)
    if set(t) != {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
                  "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}:
        e.append("keys")
    if t["kind"] not in KINDS or not p.stem.startswith(t["kind"] + "-b43-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        e.append("letter date not printed")
    if t["sender"].split()[0].lower() not in text.lower():
        e.append("sender not in text")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            dd, ww, mm = RELATIVE[num]
            want = ld + timedelta(dd + 7 * ww) + relativedelta(months=mm)
            if d != want:
                e.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in forms(d)):
            e.append("deadline date not printed")
        if d < ld:
            e.append("deadline before letter")
    elif num in RELATIVE:
        e.append("relative term but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":
        if od != objection(ld).isoformat():
            e.append(f"objection {od} != {objection(ld)}")
    elif od is not None:
        e.append("objection deadline where none belongs")
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            e.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            e.append("attend deadline != appointment")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append("role")
    listed = {round(a["value"], 2) for a in t["amounts"]}
    printed = amounts(text)
    if printed != listed:
        e.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            e.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            e.append("amount_due not the total")
    if t["iban"]:
        if not iban_ok(t["iban"]) or t["iban"] not in flat:
            e.append("iban")
    elif t["amount_due"] is not None:
        e.append("amount due but no iban")
    for ib in re.findall(r"NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}", text):
        if not iban_ok(re.sub(r"\s", "", ib)):
            e.append(f"printed iban {ib!r} fails mod-97")
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        e.append("payment_reference not printed")
    if pr and len(pr) == 16 and pr.isdigit() and not kenmerk_ok(pr):
        e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_ok(k.replace(" ", "")):
            e.append(f"printed kenmerk {k} fails")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    cands = re.findall(r"(?<!\d)(?<!\d )(\d{4}[. ]{0,2}\d{2}[. ]{0,2}\d{3}|\d{9})(?![\d])", text)
    found = [c for c in cands if bsn_ok(re.sub(r"[. ]", "", c))]
    if t["bsn_found"] != bool(found):
        e.append(f"bsn_found {t['bsn_found']} but valid candidates {found}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK:
        pr_, cost = WIK[num]
        w = min(max(round(min(pr_, 2500) * 0.15 + max(min(pr_ - 2500, 2500), 0) * 0.10, 2), 40.0), 6775.0)
        if w != cost:
            e.append(f"WIK {w} != {cost}")
    for bad in ("/" + "work/", "/" + "home/", "/" + "root/", ".." + "/shared"):
        if bad in text or bad in json.dumps(t):
            e.append("absolute path in file")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    nums = sorted(re.search(r"-b43-(\d\d)-", p.stem).group(1) for p in files)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        print("numbering is not 01..25"); bad += 1
    if kinds != KINDS:
        print("kinds missing:", sorted(KINDS - kinds)); bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
