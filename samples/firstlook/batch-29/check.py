"""Check every NAME.json of batch-29 against its NAME.txt.

Run from anywhere:  python check.py
Self-contained on purpose: it imports nothing from the project.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b29"

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

# ---------------------------------------------------------------- identifiers


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
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


# ---------------------------------------------------------------- dates


def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27)
    if kd.weekday() == 6:
        kd = date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    extra = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # days declared by KB
    return days | {d for d in extra if d.year == y}


def objection_day(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# ---------------------------------------------------------------- amounts

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def wik(p: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0), 2)


# ---------------------------------------------------------------- per letter, written down by hand

# relative terms as printed: number -> (days, weeks, months)
RELATIVE = {"03": (14, 0, 0), "08": (14, 0, 0), "12": (14, 0, 0), "15": (0, 4, 0), "17": (10, 0, 0),
            "18": (14, 0, 0), "20": (14, 0, 0)}
# objection terms stated as 'zes weken' (all letters of this batch): computed, never printed as a day
SUMS = {
    "01": [([11555, -10894, -240], 421), ([421, 8], 429), ([14967, -3412], 11555)],
    "02": [([103] * 12, 1236)],
    "03": [([1183, 19], 1202)],
    "04": [([301] * 12, 3612)],
    "05": [([1593, -1077], 516), ([21.50] * 24, 516)],
    "06": [([268] * 8, 2144), ([209] * 8, 1672), ([2144, -1672], 472)],
    "07": [([245.76, 198.60, 467.30], 911.66), ([455.83, 455.83], 911.66)],
    "08": [([390.20, -100.00], 290.20), ([290.20, 9.00, 2.13], 301.33)],
    "09": [([445.80, -341.04], 104.76)],
    "10": [([166, 9], 175)],
    "11": [([110, 9, 55], 174), ([110 * 0.5], 55), ([110, 55], 165)],
    "12": [([42.18, 42.18, 61.44], 145.80), ([145.80, 1.93], 147.73), ([147.73, 40.00], 187.73)],
    "13": [([29.95, 29.95, 5.00], 64.90), ([2.50, 2.50], 5.00)],
    "14": [([1214.60, 38.47, 182.19, 118.37], 1553.63)],
    "15": [([148.95, 148.95], 297.90), ([139.85, 9.10], 148.95), ([49.65] * 6, 297.90)],
    "16": [([174.45] * 6, 1046.70)],
    "17": [([184.37, 684.37], 868.74), ([652.12, 32.25], 684.37)],
    "18": [([1150, 1150], 2300)],
    "19": [([168, 168, 212.45], 548.45)],
    "20": [([27.96, 40.49], 68.45), ([68.45, 6.16], 74.61), ([round(68.45 * 0.09, 2)], 6.16)],
    "21": [([round(132.41 * 21.75 * 0.75, 2)], 2159.94), ([round(132.41 * 21.75 * 0.70, 2)], 2015.94)],
    "23": [([87.12, 87.12], 174.24)],
    "25": [([598.40, 41.80], 640.20), ([622.34, 41.80], 664.14), ([622.34, -598.40], 23.94),
           ([round(598.40 * 1.04, 2)], 622.34)],
}
WIK = {"12": (145.80, 40.00), "14": (1214.60, 182.19), "18": (2300.00, 345.00)}
WORDS_DATE = {"14": "tiende november tweeduizendzesentwintig"}


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    raw = txt.read_text(encoding="utf-8")
    text = re.sub(r"[ \t]*\n[ \t]*", " ", raw.replace("\f", "\n"))  # lines joined, for dates
    flat = squash(raw)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if list(truth) != KEYS:
        errs.append("keys differ from the brief")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in raw or bad in json.dumps(truth):
            errs.append(f"forbidden path text {bad}")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)) and WORDS_DATE.get(num, "@@") not in text:
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if months:
                raise NotImplementedError
            want = ld + timedelta(days=days + 7 * weeks)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(d)):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if date.fromisoformat(od) != objection_day(ld):
            errs.append(f"objection {od} != {objection_day(ld)}")
        if "6 weken" not in text and "zes weken" not in text:
            errs.append("objection term not printed")

    appt = truth["appointment"]
    if appt:
        a = date.fromisoformat(appt["date"])
        if not any(f in text for f in forms(a)) and not (f"{a.day} {MONTHS[a.month - 1]}" in text):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text and appt["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")

    printed = printed_amounts(raw)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if printed != listed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(listed - printed)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due is not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")

    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", raw):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

    pr = truth["payment_reference"]
    if pr and squash(pr) not in flat:
        errs.append("payment_reference not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", raw):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails its check digit")
    if pr and re.fullmatch(r"[\d ]{19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
        errs.append("payment_reference check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    found = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", raw)]
    found = [b for b in found if bsn_valid(b)]
    # also nine digits printed in groups (e.g. '81 200 5573'): must not pass the elfproef by accident
    spaced = [re.sub(r"\D", "", s) for s in re.findall(r"(?<![\d.])\d[\d ]{8,12}\d(?![\d.])", raw)]
    spaced_ok = [s for s in spaced if len(s) == 9 and bsn_valid(s)]
    if truth["bsn_found"] != bool(found):
        errs.append(f"bsn_found {truth['bsn_found']} but found {found}")
    if spaced_ok and not truth["bsn_found"]:
        errs.append(f"grouped number passes elfproef: {spaced_ok}")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    if ("\f" in raw) != (num in {"01", "05", "14", "21"}):
        errs.append("page split (form feed) not as planned")
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
