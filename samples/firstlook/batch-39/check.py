"""Consistency check for batch 39: every NAME.json against NAME.txt.

Run: python check.py  (from any directory). Self-contained; imports nothing from the project.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b39"

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

# ---- written down independently of the JSON files -------------------------------------------
# number -> (letter date, days, weeks) for relative terms as printed
RELATIVE = {
    "07": (date(2026, 6, 30), 14, 0),   # binnen 14 dagen na de datum van deze e-mail
    "11": (date(2026, 3, 5), 14, 0),    # binnen 14 dagen na de dag waarop je deze brief hebt gekregen
    "14": (date(2026, 6, 9), 0, 4),     # binnen vier weken na de dagtekening
    "15": (date(2026, 9, 15), 0, 4),    # binnen vier weken na de datum van deze brief
    "21": (date(2027, 1, 12), 0, 3),    # binnen drie weken na de datum van deze brief
}
# number -> list of (parts, total)
SUMS = {
    "01": [([17952, -14768], 3184), ([318.40] * 10, 3184)],
    "02": [([1752, -1140], 612)],
    "03": [([1656, -250], 1406), ([1406, 18], 1424)],
    "04": [([281] * 12, 3372)],
    "05": [([1548, -1176], 372)],
    "06": [([269.05, 211.20, 338.64], 818.89), ([409.45, 409.44], 818.89)],
    "07": [([296.34, -98.78], 197.56)],
    "08": [([334.80, 173.60, 118.56], 626.96), ([334.80, 173.60], 508.40)],
    "09": [([114, 9], 123)],
    "10": [([114, 9, 57], 180), ([114 * 0.5], 57)],
    "12": [([187.44, -50], 137.44)],
    "13": [([1142.60, 61.35, 171.39], 1375.34), ([1375.34, 117.84], 1493.18)],
    "14": [([2318.00, 144.27, 389.50, 126.95], 2978.72), ([1915.82, -1503.60], 412.22)],
    "15": [([148.95, 148.95], 297.90)],
    "16": [([724.18, 724.18, -300], 1148.36)],
    "17": [([137.62] * 3, 412.86)],
    "18": [([142.35 * 21.75 * 0.75], 2322.08), ([142.35 * 21.75 * 0.70], 2167.28)],
    "22": [([96.41, 96.41], 192.82)],
}
# number -> (principal, printed incasso costs)
WIK = {"11": (286.40, 42.96), "13": (1142.60, 171.39)}
# OZB: 0,0789% of 341.000
EXTRA = {"06": [(round(341000 * 0.000789, 2), 269.05)]}


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
    kb = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # Atw-gelijkgestelde dagen
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in kb if d.year == y}


def objection(ld: date) -> date:
    d = ld + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(c) for w, c in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    tot = sum(int(d) * KW[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - tot % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def wik(p: float) -> float:
    bands = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0) + 1e-9, 2)


AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def plus(d: date, days: int, weeks: int) -> date:
    return d + timedelta(days=days + 7 * weeks)


def check_one(p: Path) -> list[str]:
    errs = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    nr = re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1)
    kind = t["kind"]
    if kind not in KINDS or not p.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append("kind/name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    if not t["sender"]:
        errs.append("sender")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if nr in RELATIVE:
            base, days, weeks = RELATIVE[nr]
            if base != ld or plus(base, days, weeks) != dd:
                errs.append(f"relative deadline should be {plus(base, days, weeks)}")
        elif not any(f in text for f in date_forms(dd)):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter")
    elif nr in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and (kind not in OBJECTION_KINDS or t["stage"] != "decision"):
        errs.append("objection deadline on non-decision")
    if od and date.fromisoformat(od) != objection(ld):
        errs.append(f"objection {od} != {objection(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)) and ad.strftime("%d-%m-%Y") not in text:
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
        if dl and date.fromisoformat(dl["date"]) > ad:
            errs.append("appointment earlier than deadline")
    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("duplicate amount")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append("role")
    if set(listed) != printed:
        errs.append(f"amounts printed-not-listed {sorted(printed - set(listed))} listed-not-printed {sorted(set(listed) - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        totals = [a["value"] for a in t["amounts"] if a["role"] == "total"]
        if t["amount_due"] not in listed or totals not in ([], [t["amount_due"]]):
            errs.append("amount_due not listed, or another total listed")
        if not t["iban"]:
            errs.append("amount due but no iban")
    else:
        if t["iban"] or t["payment_reference"]:
            errs.append("iban/reference without amount due")
    for parts, total in SUMS.get(nr, []):
        if abs(round(sum(parts), 2) - total) > 0.005:
            errs.append(f"sum {parts} != {total}")
    for got, want in EXTRA.get(nr, []):
        if abs(got - want) > 0.005:
            errs.append(f"extra {got} != {want}")
    if nr in WIK and wik(WIK[nr][0]) != WIK[nr][1]:
        errs.append(f"WIK on {WIK[nr][0]} is {wik(WIK[nr][0])}")
    # iban / reference / numbers
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
            errs.append("payment reference not printed as given")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} invalid")
    for r in t["reference_numbers"]:
        if r not in text:
            errs.append(f"reference {r} not printed")
        if pr and r == pr:
            errs.append("payment reference repeated in reference_numbers")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {bsns}")
    # hygiene
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            errs.append(f"forbidden string {bad}")
    if not t["notes"]:
        errs.append("notes empty")
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
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
