"""Consistency check for first-look batch 05: every NAME.json against its NAME.txt.

Run with the project venv (needs python-dateutil):  python check.py
Standard library plus dateutil only; imports nothing from snapdebrief.
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
BATCH = "b05"

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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

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
    return {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)} | \
        {d for d in KB_DAYS if d.year == y}


def objection(ld: date) -> date:
    d = ld + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = {date(2026, 9, 22): "tweeëntwintigste september tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    f = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
         f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
         f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {SHORT[d.month - 1]}. {d.year}",
         f"{d.day} {EN[d.month - 1]} {d.year}", d.isoformat()]
    if d in WORDS:
        f.append(WORDS[d])
    return f


def printed_date(text: str, d: date) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(re.search(r"(?<!\d)" + re.escape(f), flat) for f in date_forms(d))

# --- amounts -------------------------------------------------------------------------------


def fmt(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d,])"
AMOUNT_RES = [re.compile(r"(?:€|EUR)\s*-?\s*" + NUM), re.compile(NUM.replace("(?![\\d,])", "") + r"\s*euro\b")]


def printed_amounts(text: str) -> set[float]:
    out = set()
    for rx in AMOUNT_RES:
        for whole, frac in rx.findall(text):
            cents = int(frac) if frac and frac.isdigit() else 0
            out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def amount_in_text(v: float, text: str) -> bool:
    forms = {fmt(v), fmt(v).replace(".", "")}
    if v == int(v):
        forms |= {fmt(v)[:-3], fmt(v)[:-3] + ",-", fmt(v)[:-3] + ",--"}
    return any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|,\d)", text) for f in forms)

# --- per-letter arithmetic, written down independently of the JSON files -----------------------


# number -> (days, weeks, months, phrase printed in the letter)
RELATIVE = {
    "08": (14, 0, 0, "binnen 14 dagen na de dagtekening"),
    "11": (0, 2, 0, "binnen twee weken na de datum van deze aanmaning"),
    "12": (14, 0, 0, "binnen veertien dagen vanaf de dag nadat"),
    "16": (0, 4, 0, "binnen vier weken na dagtekening"),
    "19": (10, 0, 0, "binnen tien dagen na de datum van deze"),
    "23": (0, 1, 0, "binnen één week na de datum van deze brief"),
}

SUMS = {
    "01": [([116] * 10 + [112], 1272)],
    "02": [([1906, -1562], 344)],
    "03": [([214, 9], 223)],
    "05": [([1660, -1018], 642), ([26.75] * 24, 642)],
    "06": [([8760, -7412], 1348), ([1348, -410], 938)],
    "07": [([131.40, 207.33, 273.48], 612.21), ([306.11, 306.10], 612.21), ([69.11] * 3, 207.33),
           ([318000 * 0.00086], 273.48)],
    "08": [([188.60, 7.00], 195.60)],
    "09": [([310.36, -214.36], 96.00)],
    "10": [([166, 9], 175)],
    "11": [([290, 9, 145, 290, -100], 634)],
    "12": [([34.95] * 3, 104.85)],
    "13": [([212.40, 40.00, 3.18], 255.58)],
    "15": [([1846.20, 62.17, 276.93, 118.71], 2304.01)],
    "16": [([2410.00, 188.40, 397.00, 169.15], 3164.55)],
    "18": [([148.35] * 2, 296.70)],
    "19": [([748.15, 348.15], 1096.30), ([748.15, -400], 348.15)],
    "20": [([23.35] * 4, 93.40)],
    "22": [([118.42 * 21.75], 2575.64), ([118.42 * 0.75 * 21.75], 1931.73), ([118.42 * 0.70 * 21.75], 1802.94)],
    "24": [([87.61] * 3 + [4.12], 266.95)],
}


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


WIK = {"12": (104.85, 40.00), "13": (212.40, 40.00), "15": (1846.20, 276.93)}

# --- the check -----------------------------------------------------------------------------


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = re.sub(r"[\s.]", "", text)
    m = re.match(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+$", p.stem)
    if not m:
        return ["bad file name"]
    num = m.group(2)
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    kind = t["kind"]
    if kind not in KINDS or m.group(1) != kind:
        errs.append(f"kind {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed_date(text, ld):
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months, phrase = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
            if phrase not in re.sub(r"\s+", " ", text):
                errs.append("relative phrase not printed")
        elif not printed_date(text, dd):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    od = t["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and not (t["stage"] == "decision" and "bezwaar" in text):  # convention settled in BRIEF.md (2026-12-07)
            errs.append("objection deadline on a kind without bezwaar")
        if date.fromisoformat(od) != objection(ld):
            errs.append(f"objection {od} != {objection(ld)}")
    elif kind in OBJECTION_KINDS and t["stage"] == "decision":
        errs.append("decision without objection deadline")
    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("an amount is listed twice")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = [v for v in listed if v not in printed and not amount_in_text(v, text)]
    extra = sorted(printed - set(listed))
    if missing or extra:
        errs.append(f"amounts listed-not-printed {missing} printed-not-listed {extra}")
    ad = t["amount_due"]
    totals = [a["value"] for a in t["amounts"] if a["role"] == "total"]
    if ad is not None:
        if round(ad, 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if totals and round(totals[0], 2) != round(ad, 2):
            errs.append("amount_due != amount with role total")
        if not t["iban"]:
            errs.append("amount due but no iban")
    elif totals:
        errs.append("role total but no amount_due")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK on {WIK[num][0]} is {wik(WIK[num][0])}")
    # identifiers
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban fails mod-97")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if re.sub(r"[\s.]", "", pr) not in flat:
            errs.append("payment reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("payment reference check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check digit")
    for r in t["reference_numbers"]:
        if re.sub(r"[\s.]", "", r) not in flat:
            errs.append(f"reference {r} not printed")
    found = [b.replace(".", "") for b in re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)]
    valid = [b for b in found if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid BSNs {valid}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad_ = date.fromisoformat(ap["date"])
        if not printed_date(text, ad_) and ad_.strftime("%d-%m-%Y") not in text:
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
    if "\f" in text and text.count("\f") < 1:
        errs.append("form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
