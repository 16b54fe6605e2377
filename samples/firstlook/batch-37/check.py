"""Consistency check for first-look batch 37: every NAME.json against its NAME.txt.

Run: python check.py   (from any directory; standard library only)
Independent of snapdebrief: nothing here imports the package.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b37"

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers -------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(d) for w, d in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * W[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates -------------------------------------------------------------------------------


def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # besluiten ex art. 3 Atw


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    base = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    return base | {d for d in KB_DAYS if d.year == y}


def next_working_day(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def plus(d: date, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    d = d + timedelta(days=days + 7 * weeks)
    if months:
        m = d.month - 1 + months
        y, m = d.year + m // 12, m % 12 + 1
        d = date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# --- amounts -----------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- per-letter facts, written down independently of the JSON files ----------------------

# relative terms as printed: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen na ontvangst -> from the letter date
    "12": (2, 0, 0),    # binnen twee dagen na heden
    "17": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "21": (0, 2, 0),    # binnen twee weken na de datum van deze brief
}
# deadlines printed as a date (number -> ISO date), including the attend date of 23
PRINTED = {"02": "2027-02-28", "06": "2026-03-31", "09": "2026-07-30", "10": "2026-10-01",
           "15": "2026-10-15", "16": "2026-10-23", "23": "2026-03-17"}
NO_DEADLINE = {"01", "04", "05", "07", "08", "13", "14", "18", "19", "20", "22", "24", "25"}

SUMS = {
    "01": [([6214, -6587], -373), ([373, -148], 225), ([225, 11], 236)],
    "02": [([2311, 1176], 3487), ([317] * 11, 3487)],
    "03": [([1642, -600], 1042), ([1042, 18], 1060)],
    "04": [([289] * 12, 3468)],
    "05": [([11382, -10215], 1167), ([1168 * 9.12], 10652.16)],
    "06": [([277.53, 356.40, 214.80], 848.73), ([424.37, 424.36], 848.73), ([round(287000 * 0.000967, 2)], 277.53)],
    "07": [([127.44, 321.12], 448.56), ([107.04] * 3, 321.12), ([44.86] * 9 + [44.82], 448.56)],
    "08": [([389.64, 222.54], 612.18), ([61.22, 61.22], 122.44)],
    "09": [([149, 9], 158)],
    "10": [([110, 9, 55], 174)],
    "11": [([486.75, -150], 336.75)],
    "12": [([1286.40, 42.17, 192.96, 118.41, 90.00, 150.00, 145.00, 31.08], 2056.02), ([2056.02, -100], 1956.02)],
    "13": [([1502.61, 318.40], 1821.01)],
    "15": [([148.95, 148.95], 297.90)],
    "16": [([255.75, 712.65], 968.40)],
    "17": [([164, 164], 328)],
    "18": [([68.80] * 6, 412.80)],
    "19": [([round(128.46 * 0.75 + 1e-9, 2)], 96.35), ([round(128.46 * 0.70, 2)], 89.92),
           ([round(96.35 * 21.75, 2)], 2095.61), ([round(89.92 * 21.75, 2)], 1955.76)],
    "22": [([24318.72, -1349.88, 548.77], 23517.61), ([112.49] * 12, 1349.88)],
    "24": [([873.12, 1314.66, 167.76, 660.54, -631.39], 2384.69), ([207] * 12, 2484), ([2484, -2384.69], 99.31),
           ([round(2384.69 * 21 / 121, 2)], 413.87)],
    "25": [([29.95] * 3, 89.85)],
}


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0) + 1e-9, 2)


WIK = {"11": (336.75, 50.51), "12": (1286.40, 192.96), "17": (328.00, 49.20)}


# --- the check ---------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if t["stage"] not in STAGES:
        errs.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            errs.append(f"forbidden path {bad}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        want = plus(ld, *RELATIVE[num]).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif num in PRINTED:
        if not dl or dl["date"] != PRINTED[num]:
            errs.append(f"printed deadline should be {PRINTED[num]}")
        elif not any(f in text for f in forms(date.fromisoformat(dl["date"]))):
            errs.append("printed deadline not in text")
    elif num in NO_DEADLINE:
        if dl is not None:
            errs.append("deadline should be null")
    else:
        errs.append("letter not in any deadline table")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision":
        want = next_working_day(ld + timedelta(days=42)).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
    elif od and not (t["stage"] == "decision"):
        errs.append("objection deadline on a non-decision")
    elif od and t["stage"] == "decision":  # own term of another kind's decision (CAK)
        want = next_working_day(ld + timedelta(days=42)).isoformat()
        if od != want:
            errs.append(f"own objection {od} != {want}")
    # appointment
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
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
    due = t["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not dl or dl["action"] != "pay":
            errs.append("amount_due without pay deadline")
        if not t["iban"]:
            errs.append("amount_due without iban")
    elif dl and dl["action"] == "pay":
        errs.append("pay deadline without amount_due")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
        if due is None:
            errs.append("iban without anything to pay")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {valid}")
    if t["bsn_found"] and len(set(valid)) != 1:
        errs.append(f"expected exactly one BSN, got {set(valid)}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK on {WIK[num][0]} is {wik(WIK[num][0])}")
    if not t["notes"]:
        errs.append("notes empty")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    nums = sorted(re.search(r"-" + BATCH + r"-(\d\d)-", p.stem).group(1) for p in files)
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        print("letter numbers not 01..25:", nums)
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
