"""Consistency check for batch-27: every NAME.json against NAME.txt.

Run from anywhere:  python check.py
Self-contained on purpose (imports nothing from the project).
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
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates ---------------------------------------------------------------------------------

KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in KB_DAYS if d.year == y}


def objection(letter: date) -> date:
    d = letter + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# --- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


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


# --- per letter, written down from the letters themselves ---------------------------------

# number -> (days, weeks, months) counted from the letter date
RELATIVE = {"03": (14, 0, 0), "07": (14, 0, 0), "12": (14, 0, 0), "15": (8, 0, 0)}
# letter date printed in a form other than the two standard ones
DATE_TEXT = {"11": "14-01-2027", "12": "Thu, 30 Apr 2026", "14": "drieëntwintig november tweeduizendzesentwintig",
             "15": "derde december tweeduizendzesentwintig", "25": "donderdag 9 april 2026"}
SUMS = {
    "01": [([14724, -13981, -312], 431), ([431, 18], 449), ([17842, -3118], 14724)],
    "02": [([52900, -7420], 45480), ([123] * 12, 1476)],
    "03": [([2136, -900], 1236), ([1236, 18], 1254)],
    "04": [([1142] * 12, 13704), ([1142] * 3, 3426), ([986] * 3, 2958), ([3426, -2958], 468)],
    "05": [([1476, -1188], 288), ([12] * 24, 288)],
    "06": [([292.99, 398.04, 224.16, 77.18, 96.48, 214.56], 1303.41), ([651.71, 651.70], 1303.41),
           ([71.52] * 3, 214.56)],
    "07": [([318.62, 9.00], 327.62)],
    "08": [([326.40, 205.32], 531.72), ([531.72, -383.52], 148.20)],
    "09": [([94, 9], 103)],
    "10": [([150, 9, 75, 150], 384)],
    "11": [([162.45] * 3, 487.35), ([487.35, 11.92, 73.10], 572.37)],
    "13": [([145.60, 212.30, 88.75], 446.65), ([446.65, 67.00, 14.07, 6.14, -50.00], 483.86)],
    "14": [([612.48, 23.17, 91.87], 727.52), ([727.52, 119.91], 847.43), ([98.88, 21.03], 119.91)],
    "15": [([1180.00, 47.36, 488.00, 110.31, -200.00], 1625.67)],
    "16": [([148.95, 148.95], 297.90), ([49.65] * 6, 297.90)],
    "18": [([712.48, 712.48], 1424.96)],
    "19": [([187.00, 187.00, 96.35], 470.35)],
    "20": [([734.86, 477.78], 1212.64)],
}
WIK = {"11": (487.35, 73.10, None), "12": (389.00, 58.35, None), "13": (446.65, 67.00, 14.07),
       "14": (612.48, 91.87, None)}


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b27-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    if list(t) != KEYS:
        errs.append("keys")
    if t["kind"] not in KINDS or not p.stem.startswith(t["kind"] + "-b27-"):
        errs.append("kind/stem")
    if t["stage"] not in STAGES:
        errs.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)) and DATE_TEXT.get(num, "\0") not in text:
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and t["kind"] not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection deadline on non-decision")
    if od and date.fromisoformat(od) != objection(ld):
        errs.append(f"objection {od} != {objection(ld)}")
    if t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection deadline")
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment vs attend deadline")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        errs.append("role")
    if printed - listed or listed - printed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]) \
                and not any(a["role"] == "principal" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due has no total/principal role")
        if not t["iban"]:
            errs.append("amount due but no iban")
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
        if pr not in text:
            errs.append("payment_reference not printed as given")
        s = pr.replace(" ", "")
        if len(s) == 16 and s.isdigit() and not kenmerk_valid(s):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    for r in t["reference_numbers"]:
        if r not in text:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(found):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {found}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        base, costs, btw = WIK[num]
        if wik(base) != costs:
            errs.append(f"WIK({base}) = {wik(base)} not {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append("btw on costs")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            errs.append(f"forbidden path {bad}")
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
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
