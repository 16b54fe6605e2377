"""Check every truth file of batch 13 against its letter text.

Run: python check.py   (exit code 1 if any letter has a problem)
Self-contained on purpose: no import of snapdebrief or of other sample folders.
"""
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
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Relative terms as printed, counted from the letter date (brief: no weekend/holiday shift).
RELATIVE = {
    11: dict(days=14),   # veertien dagen, te rekenen vanaf de dag na ontvangst
    12: dict(days=10),   # binnen tien dagen na de datum van deze brief
    14: dict(days=2),    # binnen twee dagen na heden (exploot)
    20: dict(days=14),   # binnen veertien dagen na ontvangst van deze brief
}
# Letters dated only in words
DATE_WORDS = {14: "tweeëntwintigste oktober tweeduizendzesentwintig"}
# Sums that must hold: (parts, total)
SUMS = {
    1: [([19487, -2211, -15092], 2184), ([273] * 8, 2184)],
    2: [([4518, -3906], 612), ([612, 9], 621)],
    3: [([1063, 18], 1081)],
    4: [([131] * 12, 1572)],
    5: [([3576, -2424], 1152), ([48] * 24, 1152)],
    6: [([268.06, 312.60, 198.40], 779.06), ([389.53, 389.53], 779.06)],
    7: [([436.80, -290.60], 146.20)],
    8: [([159, 9], 168)],
    9: [([440, 9], 449), ([440 * 0.5], 220)],
    10: [([119, 9, 59.50], 187.50), ([119 * 0.5], 59.50)],
    11: [([57.96, 12.17], 70.13)],
    12: [([34.95] * 3, 104.85), ([104.85, 40.00, 1.87], 146.72)],
    13: [([486.40, 72.96, 11.38], 570.74)],
    14: [([2340, 87.15, 351, 121.13, 135, 271, 68, 94.12], 3467.40), ([3467.40, -250], 3217.40)],
    15: [([132.95, 15.80], 148.75), ([148.75, 148.75], 297.50)],
    17: [([142, 142], 284)],
    18: [([61.20, 61.20], 122.40)],
    19: [([668.20, 44.28], 712.48), ([712.48, 712.48], 1424.96)],
    20: [([1185] * 3 + [-600], 2955)],
    21: [([1612.40, -769.20], 843.20)],
    23: [([96.12, 96.12], 192.24)],
}
# Wettelijke incassokosten (Besluit vergoeding buitengerechtelijke incassokosten): hoofdsom -> printed
WIK = {11: (386.40, 57.96), 12: (104.85, 40.00), 13: (486.40, 72.96), 14: (2340.00, 351.00),
       20: (2955.00, 420.50)}
BTW = {11: (57.96, 12.17)}


def wik(p):
    bands = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0) + 1e-9, 2)


def holidays(y):
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}
    # days declared equal to a holiday by Koninklijk Besluit (Algemene termijnenwet art. 3)
    kb = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}
    return days | {d for d in kb if d.year == y}


def objection(ld):
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def bsn_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_ok(i):
    s = i[4:] + i[:4]
    return len(i) == 18 and i.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_ok(k):
    if len(k) != 16 or not k.isdigit():
        return False
    tot = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - tot % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


AMOUNT = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def amounts(text):
    out = set()
    for whole, frac in AMOUNT.findall(text):
        out.add(round(int(whole.replace(".", "")) + (int(frac) / 100 if frac.isdigit() else 0), 2))
    # amounts printed without a currency sign in a slip ("Bedrag in euro's 122,40") are covered by €-forms
    return out


def squash(s):
    return re.sub(r"[\s.]", "", s)


def forms(d):
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def check(txt):
    errs = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = int(re.search(r"-b13-(\d\d)-", txt.stem).group(1))
    flat = squash(text)
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b13-"):
        errs.append("kind/name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)) and DATE_WORDS.get(num, "\0") not in text:
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            want = ld + timedelta(days=RELATIVE[num].get("days", 0)) + relativedelta(
                months=RELATIVE[num].get("months", 0))
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("deadline date not printed")
        if dl["action"] == "attend" and (not t["appointment"] or t["appointment"]["date"] != dl["date"]):
            errs.append("attend without matching appointment")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    if t["appointment"]:
        a = date.fromisoformat(t["appointment"]["date"])
        if not any(f in text for f in forms(a)):
            errs.append("appointment date not printed")
        if t["appointment"]["time"] and t["appointment"]["time"].replace(":", ".") not in text \
                and t["appointment"]["time"] not in text:
            errs.append("appointment time not printed")
    o = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not o:
        errs.append("decision without objection deadline")
    if o:
        if t["stage"] != "decision":
            errs.append("objection deadline on non-decision")
        if date.fromisoformat(o) != objection(ld):
            errs.append(f"objection {o} != {objection(ld)}")
    printed = amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        errs.append("role")
    if printed != listed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed "
                    f"{sorted(listed - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] in ("total", "principal") and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due has no total role")
        if not t["iban"]:
            errs.append("amount due but no iban")
    if t["iban"]:
        if not iban_ok(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for i in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_ok(i.replace(" ", "")):
            errs.append(f"printed iban {i} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_ok(pr):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_ok(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    nine = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    valid = [n for n in nine if bsn_ok(n.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {valid}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK {wik(WIK[num][0])} != printed {WIK[num][1]}")
    if num in BTW and round(BTW[num][0] * 0.21 + 1e-9, 2) != BTW[num][1]:
        errs.append("btw")
    return errs


def main():
    bad = 0
    files = sorted(HERE.glob("*.txt"))
    for p in files:
        e = check(p)
        bad += bool(e)
        print(("FAIL " if e else "ok   ") + p.stem + ("  " + "; ".join(e) if e else ""))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
