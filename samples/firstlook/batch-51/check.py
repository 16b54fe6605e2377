"""Consistency check for first-look batch 51: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses only the helper functions of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (ACTIONS, KINDS, ROLES, STAGES, OBJECTION_KINDS, bsn_valid, fmt_amount,  # noqa: E402
                   iban_valid, kenmerk_valid, objection_deadline, plus, wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
         "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]


def cardinal(n: int) -> str:
    if n < 20:
        return UNITS[n]
    tens = {20: "twintig", 30: "dertig"}[n - n % 10]
    u = n % 10
    if not u:
        return tens
    unit = UNITS[u]
    return unit + ("ën" if unit.endswith("e") else "en") + tens


def ordinal(n: int) -> str:
    special = {1: "eerste", 3: "derde", 8: "achtste"}
    if n in special:
        return special[n]
    return cardinal(n) + ("ste" if n >= 20 else "de")


DAY_WORDS = {}
for _n in range(1, 32):
    DAY_WORDS[cardinal(_n)] = _n
    DAY_WORDS[ordinal(_n)] = _n
YEAR_WORDS = {f"tweeduizend {cardinal(y - 2000)}": y for y in range(2020, 2030)}
YEAR_WORDS.update({k.replace(" ", ""): v for k, v in list(YEAR_WORDS.items())})

M = "|".join(MONTHS)
DIGIT_DATE = re.compile(rf"(?<!\d)(\d{{1,2}}) ({M}) (\d{{4}})")
NUM_DATE = re.compile(r"(?<!\d)(\d{2})-(\d{2})-(\d{4})(?!\d)")
WORD_DATE = re.compile(rf"(?<![a-zë])({'|'.join(sorted(DAY_WORDS, key=len, reverse=True))}) ({M}) "
                       rf"({'|'.join(sorted(YEAR_WORDS, key=len, reverse=True))})")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\f", " "))


def dates_in(text: str) -> list[tuple[int, int, date]]:
    """All dates printed (digits, dd-mm-yyyy, or fully in words) with their span in norm(text)."""
    t = norm(text)
    out = []
    for m in DIGIT_DATE.finditer(t):
        out.append((m.start(), m.end(), date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))))
    for m in NUM_DATE.finditer(t):
        out.append((m.start(), m.end(), date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in WORD_DATE.finditer(t):
        out.append((m.start(), m.end(), date(YEAR_WORDS[m.group(3)], MONTHS.index(m.group(2)) + 1,
                                             DAY_WORDS[m.group(1)])))
    return out


AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(norm(text)):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


# --- per-letter facts written down independently of the JSON files -----------------------
# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "01": (2, 0, 0),    # binnen twee dagen na heden
    "03": (2, 0, 0),    # binnen twee dagen na heden
    "04": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "05": (10, 0, 0),   # binnen 10 dagen na vandaag
    "07": (2, 0, 0),    # binnen twee dagen na heden (ontruimen: drie dagen, later)
    "10": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "14": (0, 0, 1),    # binnen een maand na de datum van deze brief
    "17": (14, 0, 0),   # binnen 14 dagen na ontvangst -> from letter date
    "18": (0, 2, 0),    # binnen twee weken na de datum van deze brief
    "21": (0, 4, 0),    # binnen vier weken na de datum van dit besluit
}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([34.95] * 7, 244.65), ([244.65, -34.95], 209.70), ([209.70, 6.42, 40.00], 256.12)],
    "02": [([47.85] * 4, 191.40), ([191.40, 1121.15], 1312.55), ([1312.55, 48.17, 196.88], 1557.60),
           ([1557.60, 118.61], 1676.21)],
    "03": [([642.18, 37.91, 96.33, 118.61, 247.00, 200.00, 68.00, 113.49], 1523.52),
           ([1523.52, -50.00], 1473.52), ([93.79, 19.70], 113.49)],
    "04": [([2190.00, 61.48, 782.40, 384.39], 3418.27), ([2214.00, -1587.44], 626.56)],
    "05": [([1874.56, -612.40], 1262.16)],
    "06": [([2877.10, 214.66, 412.71, 512.32, 291.87, 97.55, -300.00], 4106.21)],
    "07": [([3249.60, 41.07, 449.96, 118.61, 247.00, 396.00, 68.00, 121.60], 4691.84), ([812.40] * 4, 3249.60)],
    "08": [([486.40, 11.84, 72.96], 571.20)],
    "09": [([1146, 187], 1333)],
    "10": [([309.00] * 8, 2472.00), ([309.00] * 3, 927.00), ([927.00, 18.00, 6.14], 951.14)],
    "11": [([231] * 12, 2772)],
    "12": [([1488, -1032], 456), ([19] * 24, 456)],
    "13": [([687.44, -229.16], 458.28), ([458.28, 8.60], 466.88)],
    "14": [([4350.00, -3350.00], 1000.00)],
    "15": [([440.00, 9.00], 449.00)],
    "16": [([110.00, 9.00, 55.00, 110.00], 284.00), ([110.00 * 0.5], 55.00)],
    "18": [([148.95, 148.95], 297.90), ([49.65] * 6, 297.90)],
    "19": [([768.33, 768.33], 1536.66)],
    "20": [([214.37, 31.00, 31.00, 7.50], 283.87)],
    "21": [([402.20, 411.20, 402.20], 1215.60), ([60.78] * 20, 1215.60)],
    "23": [([96.52] * 4, 386.08)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (hoofdsom, printed costs)
WIK = {"01": (209.70, 40.00), "02": (1312.55, 196.88), "03": (642.18, 96.33), "06": (2877.10, 412.71),
       "07": (3249.60, 449.96), "08": (486.40, 72.96), "17": (186.40, 40.00), "19": (1536.66, 230.50)}
# dwangbevel costs: 41 for the first 45, plus 4 per further full 45
DWANGBEVEL = {"10": (927.00, 117.00), "23": (386.08, 69.00)}
# appointment times printed in words: number -> phrase
TIME_WORDS = {"02": ("des voormiddags te tien uur", "10:00"),
              "24": ("half twee 's middags", "13:30")}

KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]


def dwangbevel_cost(debt: float) -> float:
    if debt < 90:
        return 41.0
    return 41.0 + 4.0 * int((debt - 45) // 45)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = norm(text)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-b51-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")
    printed_dates = dates_in(text)
    pd = {d for _, _, d in printed_dates}
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if ld not in pd:
        errs.append("letter date not printed")
    # weekday named right before a date must match it
    for s, e, d in printed_dates:
        before = t[max(0, s - 16):s].lower()
        wm = re.search(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(de\s+)?$", before)
        if wm and WEEKDAYS.index(wm.group(1)) != d.weekday():
            errs.append(f"weekday {wm.group(1)} wrong for {d}")
    for _, _, d in printed_dates:
        if d.year < 1900 or d.year > 2030:
            errs.append(f"odd date {d}")
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif dd not in pd:
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection deadline on a non-decision")
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if ad not in pd:
            errs.append("appointment date not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            ok = f"{hh}.{mm}" in t or ap["time"] in t
            if num in TIME_WORDS:
                phrase, tm = TIME_WORDS[num]
                ok = ok or (phrase in t and tm == ap["time"])
            if not ok:
                errs.append("appointment time not printed")
        for word in ap["place"].replace(",", " ").split():
            if len(word) > 3 and word not in t:
                errs.append(f"place word {word} not printed")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in t}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    ad_ = truth["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad_, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
        if c not in printed:
            errs.append("WIK amount not printed")
    if num in DWANGBEVEL:
        debt, c = DWANGBEVEL[num]
        if dwangbevel_cost(debt) != c:
            errs.append(f"dwangbevel cost on {debt} is {dwangbevel_cost(debt)}")
    # identifiers
    flat = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if len(re.findall(r"NL\d{2}[A-Z]{4}\d{10}", flat)) != len(re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text)):
        errs.append("an IBAN is printed in an odd grouping")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    bsns = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [b for b in (x.replace(".", "") for x in bsns) if bsn_valid(b)]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    if not truth["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b51-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
