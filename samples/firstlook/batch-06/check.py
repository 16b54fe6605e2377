"""Check every NAME.json of batch-06 against its NAME.txt.

Standard library plus dateutil. Run: python check.py  (exit code 0 when all pass).
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
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- written down per letter, independently of the JSON -----------------------------------
# relative terms: number -> (days, weeks, months) counted from the letter date
RELATIVE = {"03": (14, 0, 0), "07": (14, 0, 0), "08": (0, 0, 1), "12": (14, 0, 0), "15": (8, 0, 0),
            "16": (0, 4, 0), "18": (10, 0, 0), "21": (0, 2, 0)}
# objection days the letter prints itself
PRINTED_OBJECTION = {"10": date(2027, 1, 28)}
# letter dates printed in a form other than '7 juli 2026' / '07-07-2026'
DATE_FORMS = {"08": "den 23sten april 2026", "15": "7 Jul 2026",
              "14": "vijftiende februari tweeduizendzevenentwintig"}
TIME_FORMS = {"23": "kwart over tien"}
SUMS = {
    "01": [([5312, -2456], 2856), ([238] * 12, 2856)],
    "02": [([1994, -1380], 614)],
    "03": [([1140.00, 18.00, 6.42], 1164.42)],
    "04": [([131] * 12, 1572)],
    "05": [([4140, -2904], 1236), ([51.50] * 24, 1236)],
    "06": [([262.39, 231.60, 348.00], 841.99), ([420.99, 421.00], 841.99)],
    "07": [([412.66, -206.33], 206.33), ([206.33, 9.00], 215.33)],
    "09": [([149, 9], 158)],
    "11": [([110, 9, 55, 110], 284)],
    "13": [([1212.40, 23.17, 181.86], 1417.43)],
    "14": [([822] * 3, 2466), ([2466, 31.12, 369.90, 118.54], 2985.56)],
    "15": [([1640, 41, 98.47, -412.18], 1367.29)],
    "16": [([153.40] * 4, 613.60)],
    "17": [([744.18, 120.00], 864.18)],
    "18": [([48.21] * 2, 96.42), ([48.21] * 12, 578.52)],
    "20": [([329.65] * 4, 1318.60)],
    "22": [([97.34] * 3, 292.02)],
}
WIK = {"13": (1212.40, 181.86), "14": (2466.00, 369.90)}


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
    tot = sum(int(c) * W[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = {10: 1, 11: 0}.get(11 - tot % 11, 11 - tot % 11)
    return int(k[0]) == c


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}


def objection(ld: date) -> date:
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def fmt(v: float) -> str:
    return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


AMT = re.compile(r"(?:€|EUR)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def squash(t: str) -> str:
    return re.sub(r"[\s.]", "", t)


def check(p: Path) -> list[str]:
    e: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    n = re.search(r"-b06-(\d\d)-", p.stem).group(1)
    if t["kind"] not in KINDS or not p.stem.startswith(t["kind"] + "-b06-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in forms(ld)) and DATE_FORMS.get(n, "\0") not in text:
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if n in RELATIVE:
            days, weeks, months = RELATIVE[n]
            want = ld + timedelta(days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                e.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in forms(d)) and f"{d.day} {MONTHS[d.month-1]}" not in text:
            e.append("deadline not printed")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":  # convention settled in BRIEF.md (2026-12-07)
        want = PRINTED_OBJECTION.get(n) or objection(ld)
        if od != want.isoformat():
            e.append(f"objection {od} != {want}")
        if n in PRINTED_OBJECTION and not any(f in text for f in forms(want)):
            e.append("printed objection day not in text")
    elif od:
        e.append("objection_deadline on a kind without bezwaar")
    ap = t["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(d)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and TIME_FORMS.get(n, "\0") not in text:
            e.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            e.append("attend != appointment")
    printed = {round(int(w.replace(".", "")) + (int(f) / 100 if f else 0), 2) for w, f in AMT.findall(text)}
    listed = [round(a["value"], 2) for a in t["amounts"]]
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append("role")
    for v in listed:
        if v not in printed and fmt(v) not in text and not (v == int(v) and fmt(v)[:-3] in text):
            e.append(f"amount {v} not printed")
    if printed - set(listed):
        e.append(f"printed but not listed {sorted(printed - set(listed))}")
    due = t["amount_due"]
    if due is not None:
        if due not in printed and fmt(due) not in text:
            e.append("amount_due not printed")
        totals = [a["value"] for a in t["amounts"] if a["role"] == "total"]
        if totals and round(due, 2) not in [round(x, 2) for x in totals]:
            e.append("amount_due != total")
    for parts, tot in SUMS.get(n, []):
        if round(sum(parts), 2) != round(tot, 2):
            e.append(f"sum {parts} != {tot}")
    if n in WIK and wik(WIK[n][0]) != WIK[n][1]:
        e.append("WIK")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            e.append("iban invalid")
        if t["iban"] not in flat:
            e.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed kenmerk {k} fails")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    found = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(found):
        e.append(f"bsn_found {t['bsn_found']} but valid BSNs {found}")
    return e


def main() -> int:
    bad = 0
    files = sorted(HERE.glob("*.txt"))
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
