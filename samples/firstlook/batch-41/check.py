"""Consistency check for batch 41: every NAME.json against NAME.txt.

Run with the project's Python from anywhere:  python check.py
Independent of the program under test; it only reads the files in this folder.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
BATCH = "b41"

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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


# --- identifiers ----------------------------------------------------------------------------

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
    total = sum(int(d) * W[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates ----------------------------------------------------------------------------------

KB = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in KB if d.year == y}


def objection(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# letter number -> (days, months) of the relative term printed in that letter
RELATIVE = {"07": (14, 0), "08": (0, 1), "11": (14, 0), "12": (5, 0), "13": (14, 0), "16": (14, 0)}


# --- money ----------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)[ \t]*-?[ \t]*(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        out.add(round(int(whole.replace(".", "")) + (int(frac) if frac.isdigit() else 0) / 100, 2))
    return out


def r2(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wik(p: float) -> Decimal:
    p = Decimal(str(p))
    bands = [(2500, "0.15"), (2500, "0.10"), (5000, "0.05"), (190000, "0.01"), (10**12, "0.005")]
    total, rest = Decimal(0), p
    for size, rate in bands:
        part = min(rest, Decimal(size))
        total += part * Decimal(rate)
        rest -= part
        if rest <= 0:
            break
    return min(max(r2(total), Decimal(40)), Decimal(6775))


# letter number -> list of (parts, total) that must add up as printed
SUMS = {
    "01": [([18840, -3112, -13880], 1848), ([168] * 11, 1848)],
    "03": [([1512, -225], 1287), ([1287.00, 18.00, 23.46], 1328.46)],
    "05": [([3216, -2578], 638)],
    "06": [([298.27, 412.80, 223.56], 934.63), ([93.46] * 9 + [93.49], 934.63)],
    "07": [([131.88, 186.76], 318.64), ([318.64, 8.00], 326.64)],
    "08": [([61.20] * 12, 734.40)],
    "09": [([112.00, 9.00], 121.00)],
    "10": [([110.00, 9.00, 55.00], 174.00)],
    "11": [([29.95] * 3, 89.85)],
    "12": [([478.50, 6.12, 71.78], 556.40)],
    "13": [([214.60, -27.25], 187.35)],
    "14": [([1364.20, 42.17, 204.63], 1611.00), ([1611.00, 120.77], 1731.77)],
    "15": [([148.65] * 2, 297.30)],
    "17": [([698.40, -350.00], 348.40), ([348.40, 698.40], 1046.80), ([652.15, 46.25], 698.40)],
    "18": [([1150] * 2, 2300)],
    "19": [([136.00] * 2, 272.00)],
    "20": [([86.52, 58.14, 9.16, 13.84], 167.66)],
    "23": [([112.36] * 2, 224.72)],
    "25": [([612.30, 38.75], 651.05), ([642.30, 38.75], 681.05), ([642.30, -612.30], 30.00)],
}
# products / percentages printed: (a, b, printed result)
PRODUCTS = {
    "06": [(312000, "0.000956", 298.27)],
    "10": [(110, "0.5", 55.00)],
    "20": [(153.82, "0.09", 13.84)],
    "21": [(142.86, "0.75", 107.15), (142.86, "0.70", 100.00), (107.15, "21.75", 2330.51),
           (100.00, "21.75", 2175.00)],
    "25": [(612.30, "1.049", 642.30)],
}
WIK = {"12": (478.50, 71.78), "14": (1364.20, 204.63)}


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != t["kind"]:
        errs.append("name does not match <kind>-b41-NN-slug")
        return errs
    num = m.group(2)
    if list(t) != KEYS:
        errs.append("keys")
    if t["kind"] not in KINDS or t["stage"] not in STAGES:
        errs.append("kind/stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, months = RELATIVE[num]
            want = ld + timedelta(days=days) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("deadline date not printed")
        if not date(2026, 1, 1) <= dd <= date(2027, 3, 31):
            errs.append("deadline out of range")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":
        if od != objection(ld).isoformat():
            errs.append(f"objection should be {objection(ld)}")
    elif od is not None:
        errs.append("objection_deadline on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        errs.append("role")
    if printed != listed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not the listed total")
    for parts, total in SUMS.get(num, []):
        if sum(r2(p) for p in parts) != r2(total):
            errs.append(f"sum {parts} != {total}")
    for a, b, res in PRODUCTS.get(num, []):
        if r2(Decimal(str(a)) * Decimal(b)) != r2(res):
            errs.append(f"product {a}*{b} != {res}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != r2(c):
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if (t["amount_due"] is None) != (t["iban"] is None) and t["kind"] not in ("deurwaarder",):
        errs.append("iban/amount_due presence differ")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = any(bsn_valid(b) for b in bsns)
    if t["bsn_found"] != found:
        errs.append(f"bsn_found {t['bsn_found']} but valid BSN present: {found}")
    if not t["notes"].strip():
        errs.append("notes empty")
    return errs


def main() -> int:
    bad = 0
    files = sorted(HERE.glob("*.txt"))
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    general = []
    if len(files) != 25:
        general.append(f"{len(files)} letters, want 25")
    if kinds != KINDS:
        general.append(f"kinds missing: {sorted(KINDS - kinds)}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            general.append(f"README lacks {p.stem}")
    banned = ["/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/", ".." + "/" + "shared"]
    for f in HERE.iterdir():
        if f.is_file():
            body = f.read_text(encoding="utf-8")
            for b in banned:
                if b in body:
                    general.append(f"{f.name} contains a forbidden path string")
    for g in general:
        print("FAIL " + g)
    print(f"{len(files)} letters, {bad} with problems, {len(general)} general problems")
    return 1 if bad or general else 0


if __name__ == "__main__":
    sys.exit(main())
