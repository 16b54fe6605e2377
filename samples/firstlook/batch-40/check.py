"""Consistency check for batch-40: every NAME.json against NAME.txt.

Run: python check.py   (from any directory). Self-contained; imports nothing from snapdebrief.
Per-letter facts below are written down by hand from the letters, apart from the JSON files.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# ---------------------------------------------------------------- identifiers


def elfproef(n: str) -> bool:
    d = [int(c) for c in n]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_ok(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return len(iban) == 18 and iban.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_ok(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    t = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = {10: 1, 11: 0}.get(11 - t % 11, 11 - t % 11)
    return int(k[0]) == c

# ---------------------------------------------------------------- dates


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


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    s = {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
         e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}
    return s | {d for d in (date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)) if d.year == y}


def awb_six_weeks(ld: date) -> date:
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError


MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "okt": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
            "zondag": 6, "ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


def parse_loose(s: str, hint: date | None = None) -> date:
    """Parse a date as printed in these letters; `hint` gives month/year when they are missing."""
    t = s.lower().strip()
    wd = None
    m = re.match(r"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\b\.?\s*(.*)$", t)
    if m:
        wd, t = WEEKDAYS[m.group(1)], m.group(2)
    d = None
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})", t):
        y = int(m.group(3))
        d = date(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))
    elif m := re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?", t):
        y = int(m.group(3)) if m.group(3) else hint.year
        d = date(y, MONTHS[m.group(2)], int(m.group(1)))
    elif m := re.fullmatch(r"de\s+(\d{1,2})e", t):
        d = date(hint.year, hint.month, int(m.group(1)))
    if d is None:
        raise ValueError(f"cannot parse date {s!r}")
    if wd is not None and d.weekday() != wd:
        raise ValueError(f"weekday in {s!r} does not match {d}")
    return d

# ---------------------------------------------------------------- amounts

NUM = r"(\d{1,3}(?:\.\d{3})+(?:,\d{2})?|\d+(?:[.,]\d{2}(?!\d))?)"
AMOUNT_RES = [re.compile(r"(?:€|EUR)[ \t]*-?[ \t]*" + NUM), re.compile(NUM + r"\s+euro\b")]


def to_value(s: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{2})?", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    return round(float(s), 2)


def printed_amounts(text: str) -> set[float]:
    return {to_value(m) for r in AMOUNT_RES for m in r.findall(text)}


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)

# ---------------------------------------------------------------- per-letter facts, by hand
# letter date as printed; deadline as printed ("abs", text) or relative ("rel", phrase, d, w, m);
# sums that must hold; WIK (principal, costs); nine-digit numbers that pass the elfproef but are no BSN.

FACTS = {
    "01": {"ld": "15 januari 2027", "dl": ("abs", "28-02-2027"),
           "sums": [([31480, -9610], 21870), ([7818, -5376], 2442), ([222] * 11, 2442)]},
    "02": {"ld": "9 juni 2026", "dl": ("rel", "binnen 14 dagen na de datum van deze aanmaning", 14, 0, 0),
           "sums": [([1318, -400], 918), ([918, 9], 927)]},
    "03": {"ld": "12 februari 2027", "dl": None, "sums": [([296, 296] + [318] * 10, 3772)]},
    "04": {"ld": "14 augustus 2026", "dl": ("abs", "1 oktober 2026"),
           "sums": [([123] * 12, 1476), ([85] * 12, 1020), ([1476, -1020], 456)]},
    "05": {"ld": "27-02-2026", "dl": ("abs", "31-03-2026"),
           "sums": [([298.77, 341.23, 226.00], 866.00), ([433, 433], 866)],
           "extra": [(round(287000 * 0.001041, 2), 298.77)]},
    "06": {"ld": "6 mei 2026", "dl": ("rel", "binnen een maand na de datum van deze brief", 0, 0, 1),
           "sums": [([401.10, 158.34, 53.00], 612.44), ([401.10, 158.34], 559.44)]},
    "07": {"ld": "22 september 2026", "dl": ("abs", "3 november 2026"), "sums": [([121, 9], 130)]},
    "08": {"ld": "17 maart 2026", "dl": ("abs", "28 april 2026"),
           "sums": [([105, 9, 52.50], 166.50)], "extra": [(105 * 0.5, 52.50)]},
    "09": {"ld": "12-5-26", "dl": ("rel", "14 dagen voor na ontvangst van deze brief", 14, 0, 0),
           "sums": [([62.50, 62.50], 125), ([125, 278], 403), ([403, 84.63], 487.63)],
           "extra": [(round(403 * 0.21, 2), 84.63)], "wik": (487.63, 73.14)},
    "10": {"ld": "11 aug. 2026", "dl": ("abs", "25-08-2026"),
           "sums": [([17.04] * 3, 51.12), ([28.12, 18.64, 51.12, 64.70], 162.58), ([162.58, -50], 112.58)]},
    "11": {"ld": "wo 28 okt 2026", "dl": ("abs", "woensdag 11 november 2026"),
           "sums": [([34.95, 4.95], 39.90)], "wik": (39.90, 40.00)},
    "12": {"ld": "9-2-26", "dl": ("abs", "vrijdag 20 feb."),
           "sums": [([272.50, 272.50], 545), ([272.50, 56], 328.50)]},
    "13": {"ld": "maandag 5 oktober 2026", "dl": ("rel", "binnen 7 dagen na deze mail", 7, 0, 0),
           "sums": [([215, 5], 220)]},
    "14": {"ld": "14 oktober 2026",
           "dl": ("rel", "binnen veertien dagen na de dag waarop\ndeze brief u is bezorgd", 14, 0, 0),
           "sums": [([186.40] * 3, 559.20)], "wik": (559.20, 83.88)},
    "15": {"ld": "10-11-2026", "dl": ("abs", "woensdag 9 december 2026"),
           "sums": [([53] * 12, 636), ([636, 23.17, 95.40], 754.57), ([754.57, 117.04], 871.61)],
           "wik": (636.00, 95.40)},
    "16": {"ld": "8 januari 2027", "dl": ("abs", "22 januari 2027"), "sums": [([151.35, 151.35], 302.70)],
           "nine_ok": ["204816395"]},
    "17": {"ld": "2 maart 2026", "dl": ("abs", "maandag de 16e"), "sums": [([825, 825], 1650)]},
    "18": {"ld": "10-03-2026", "dl": ("abs", "24 maart 2026"), "sums": [([214.66, 119], 333.66)]},
    "19": {"ld": "18 juni 2026", "dl": None,
           "extra": [(round(142.31 * 0.75, 2), 106.73), (round(142.31 * 0.70, 2), 99.62)]},
    "20": {"ld": "26-01-2026", "dl": ("abs", "9 februari 2026")},
    "21": {"ld": "30-11-2026", "dl": ("abs", "21 december 2026"), "sums": [([87.14] * 3, 261.42)]},
    "22": {"ld": "28 mei 2026", "dl": ("abs", "dinsdag 9 juni 2026")},
    "23": {"ld": "29-09-2026", "dl": ("abs", "donderdag 15 oktober 2026")},
    "24": {"ld": "20 januari 2027", "dl": None, "sums": [([25] * 12, 300), ([300, 75, 40], 415)],
           "no_bsn": ["824041902"]},
    "25": {"ld": "vrijdag 27 maart 2026", "dl": None, "sums": [([42.50, 85.00], 127.50)]},
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


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    code = re.search(r"-b40-(\d\d)-", txt.stem).group(1)
    f = FACTS[code]
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b40-"):
        errs.append("kind / file name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    for bad in ("/" + "work/", "/" + "home/", "/" + "root/", ".." + "/shared"):
        if bad in text:
            errs.append("absolute path in text")
    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if f["ld"] not in text:
        errs.append("letter date string not in text")
    elif parse_loose(f["ld"], ld) != ld:
        errs.append(f"letter date {f['ld']} != {ld}")
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    # deadline
    dl = t["deadline"]
    if (dl is None) != (f["dl"] is None):
        errs.append("deadline presence")
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        want = None
        if f["dl"][0] == "abs":
            if f["dl"][1] not in text:
                errs.append("deadline string not in text")
            want = parse_loose(f["dl"][1], ld)
        else:
            _, phrase, dd, ww, mm = f["dl"]
            if phrase not in text:
                errs.append("relative phrase not in text")
            want = add_months(ld + timedelta(dd + 7 * ww), mm)
        if want and dl["date"] != want.isoformat():
            errs.append(f"deadline {dl['date']} != {want}")
    # objection
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":
        if od != awb_six_weeks(ld).isoformat():
            errs.append(f"objection {od} != {awb_six_weeks(ld)}")
    elif od is not None:
        errs.append("objection on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment vs deadline")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("duplicate amount values")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if printed != set(listed):
        errs.append(f"printed-not-listed {sorted(printed - set(listed))} listed-not-printed {sorted(set(listed) - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not the total")
    for parts, total in f.get("sums", []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for got, want in f.get("extra", []):
        if round(got, 2) != round(want, 2):
            errs.append(f"arithmetic {got} != {want}")
    if "wik" in f and wik(f["wik"][0]) != f["wik"][1]:
        errs.append(f"WIK on {f['wik'][0]} is {wik(f['wik'][0])}")
    # iban / reference
    ibans = {m.replace(" ", "") for m in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text)}
    for ib in ibans:
        if not iban_ok(ib):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"] and (t["iban"] not in ibans or not iban_ok(t["iban"])):
        errs.append("iban not printed / invalid")
    if t["iban"] is None and t["amount_due"] is not None:
        errs.append("amount due without iban")
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        errs.append("payment reference not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_ok(k.replace(" ", "")):
            errs.append(f"kenmerk {k} check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    nines = [n.replace(".", "") for n in re.findall(r"(?<![\dA-Za-z.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\dA-Za-z])", text)]
    valid = [n for n in nines if elfproef(n) and n not in f.get("no_bsn", [])]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid BSNs {valid}")
    for n in nines:
        if not elfproef(n) and n not in f.get("nine_ok", []):
            errs.append(f"nine-digit {n} fails elfproef and is not declared")
    if "\f" in text and text.count("\f") < 1:
        errs.append("page split")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        e = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if e else "ok   ") + p.stem + ("  " + "; ".join(e) if e else ""))
        bad += bool(e)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
