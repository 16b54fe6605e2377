"""Check batch 48: every NAME.json against NAME.txt.

Run: python3 check.py   (from anywhere). Uses only the helper functions of samples/holdout/tools.py.
The per-letter arithmetic below is written down from the letters, independently of the JSON files.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (AMOUNT_RE, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed: number -> (letter date, days)
RELATIVE = {
    "07": (date(2026, 7, 9), 14),    # binnen 2 weken na de datum van deze aanmaning
    "14": (date(2026, 2, 10), 14),   # binnen 14 dagen nadat je deze mail hebt ontvangen
    "16": (date(2026, 12, 2), 2),    # binnen twee dagen na heden
    "18": (date(2026, 4, 28), 7),    # binnen zeven dagen na de datum van deze brief
    "21": (date(2026, 6, 15), 8),    # binnen acht dagen na de datum van deze brief
    "25": (date(2026, 3, 17), 10),   # binnen tien dagen na dagtekening
}
# Dates printed in a form that date_forms() does not produce: number -> list of strings
EXTRA_DATE_FORMS = {
    "03": ["maandag 8 juni"],
    "15": ["de vijftiende oktober tweeduizendzesentwintig", "vier november tweeduizendzesentwintig"],
}
TIME_WORDS = {"03": {"14:15": "kwart over twee"}, "15": {"10:00": "om\ntien uur"}}
# Letters whose bezwaar term the letter states as a relative term (checked against the text)
SIX_WEEKS = re.compile(r"(6|zes) weken na de (dagtekening|datum)")

SUMS = {
    "06": [([17844, -3925], 13919), ([13919, -12906], 1013), ([1013, 14], 1027),
           ([52870, -4657], 48213), ([1212, 2713], 3925)],
    "07": [([864, 18], 882)],
    "08": [([312] * 12, 3744), ([298, 14], 312), ([698.40, 44.10], 742.50)],
    "09": [([133] * 12, 1596), ([1596, -948], 648), ([27] * 24, 648)],
    "10": [([118.40, 205.56, 77.38], 401.34), ([68.52] * 3, 205.56), ([200.67, 200.67], 401.34),
           ([round(312000 * 0.000248, 2)], 77.38)],
    "11": [([348.60, 263.88], 612.48), ([153.12] * 4, 612.48), ([87.16] * 12, 1045.92)],
    "12": [([172, 9], 181)],
    "13": [([110, 9, 55], 174), ([110 * 0.5], 55)],
    "14": [([34.95, 2.50, 34.95, 2.50], 74.90)],
    "15": [([486.37, 31.42, 72.96], 590.75), ([590.75, 121.37], 712.12)],
    "16": [([1248.00, 56.21, 187.20, 118.84, 90.00, 200.00, 68.00, 126.60], 2094.85),
           ([2094.85, -150.00], 1944.85)],
    "17": [([152.85, 152.85], 305.70)],
    "18": [([768.42, -300.00], 468.42), ([468.42, 768.42], 1236.84)],
    "19": [([142.00, 142.00], 284.00)],
    "20": [([round(142.18 * 21.75 * 0.75, 2)], 2319.31), ([round(142.18 * 21.75 * 0.70, 2)], 2164.69)],
    "23": [([87.14] * 3, 261.42)],
    "25": [([264.30, 3.12, 40.00, 8.40], 315.82)],
}
# number -> (principal, printed collection costs, printed btw or None)
WIK = {"14": (74.90, 40.00, None), "15": (486.37, 72.96, None), "16": (1248.00, 187.20, None),
       "25": (264.30, 40.00, 8.40)}


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}\n{MONTHS[d.month - 1]} {d.year}", f"{d.day} {MONTHS[d.month - 1]}\n{d.year}"]


def printed(d: date, text: str, num: str) -> bool:
    forms = date_forms(d) + [f for f in EXTRA_DATE_FORMS.get(num, [])
                             if (str(d.day) in f or MONTHS[d.month - 1] in f or "tweeduizend" in f)]
    flat = re.sub(r"\s+", " ", text)
    return any(f in text or re.sub(r"\s+", " ", f) in flat for f in forms)


def weekday_errors(text: str, year_default: int) -> list[str]:
    errs = []
    flat = re.sub(r"\s+", " ", text)
    pat = re.compile(r"(" + "|".join(WEEKDAYS) + r") (\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?")
    for wd, day, mon, yr in pat.findall(flat):
        d = date(int(yr) if yr else year_default, MONTHS.index(mon) + 1, int(day))
        if WEEKDAYS[d.weekday()] != wd:
            errs.append(f"weekday {wd} {day} {mon} {yr} is really {WEEKDAYS[d.weekday()]}")
    return errs


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-b48-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    flat = squash(text)
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text, num):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        base, days = RELATIVE[num]
        if base != ld:
            errs.append("relative base != letter date")
        if not dl or dl["date"] != plus(base, days=days).isoformat():
            errs.append(f"relative deadline should be {plus(base, days=days)}")
    elif dl and not printed(date.fromisoformat(dl["date"]), text, num):
        errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if not SIX_WEEKS.search(re.sub(r"\s+", " ", text)):
            errs.append("no six-week term in text")
    elif od:
        errs.append("objection_deadline on a letter that is no decision of an objection kind")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text, num):
            errs.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            forms = [f"{int(hh)}.{mm}", f"{hh}.{mm}", ap["time"]]
            word = TIME_WORDS.get(num, {}).get(ap["time"])
            if word:
                forms.append(word)
            if not any(f in text for f in forms):
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
        if dl and dl["date"] > ap["date"]:
            errs.append("deadline later than appointment")
    # amounts
    got = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - got if fmt_amount(v) not in text}
    if got - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in got:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c, b = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK({p}) = {wik(p)}, printed {c}")
        if b is not None and round(c * 0.21 + 1e-9, 2) != b:
            errs.append(f"btw on {c} != {b}")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    if (t["iban"] is None) != (t["amount_due"] is None):
        errs.append("iban and amount_due disagree on whether something is paid")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"\d{16}", squash(pr)) and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    errs += weekday_errors(text, ld.year)
    if len(t["notes"]) < 40:
        errs.append("notes too short")
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
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
