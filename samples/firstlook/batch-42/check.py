"""Consistency check for batch-42: every NAME.json against NAME.txt.

Run:  python check.py     (from this folder or elsewhere; paths are relative to this file)
Independent of the snapdebrief package on purpose.
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
BATCH = "b42"

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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers -----------------------------------------------------------------------

def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(x) * KW[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1

# --- dates -----------------------------------------------------------------------------

def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    extra = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # Atw-gelijkgestelde dagen
    return days | {d for d in extra if d.year == y}


def objection_default(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# letters whose deadline is a relative term: number -> (days, weeks, months) from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "06": (2, 0, 0),    # binnen twee dagen na de betekening (betekend op de datum van het dwangbevel)
    "10": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen -> from letter date
    "11": (14, 0, 0),   # veertien dagen vanaf de dag na ontvangst -> from letter date
    "14": (2, 0, 0),    # binnen twee dagen na heden
    "22": (0, 3, 0),    # binnen 3 weken na de datum van deze brief
}
# date written in words in the letter (exploten)
WORD_DATES = {"13": "tweeëntwintigste september tweeduizendzesentwintig",
              "14": "vierentwintig november tweeduizendzesentwintig"}

# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([15592, -3106], 12486), ([12486, -11642], 844), ([844, 17], 861)],
    "02": [([1426, -300], 1126), ([1126, 16], 1142)],
    "03": [([287] * 12, 3444)],
    "04": [([10542, -9216], 1326), ([55.25] * 24, 1326)],
    "05": [([261.74, 342.60, 198.36], 802.70), ([80.27] * 10, 802.70)],
    "06": [([412.58, 7.00, 74.00], 493.58), ([(412 // 45) * 4, 38], 74)],
    "07": [([371.20, 247.20], 618.40), ([618.40, -454.24], 164.16)],
    "08": [([155, 9], 164)],
    "09": [([120, 9, 60, 180], 369), ([120 * 0.5], 60), ([(120 + 60) * 1.0], 180)],
    "10": [([74.95, 114.95], 189.90)],
    "12": [([1487.35, 31.62, 223.10], 1742.07), ([1742.07, -150], 1592.07)],
    "13": [([846.12, 38.40, 126.92], 1011.44), ([1011.44, 118.07], 1129.51)],
    "14": [([118.07, 130, 150], 398.07), ([623.60, 22.14, 93.54, 398.07, 68.00, 9.87, 121.44], 1336.66)],
    "16": [([1903.18, -412.66], 1490.52)],
    "18": [([151.85] * 4, 607.40)],
    "19": [([768.44, -200], 568.44), ([568.44, 768.44], 1336.88)],
    "20": [([27.50, 27.50, 84.31], 139.31)],
    "23": [([112.46, 112.46], 224.92)],
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
    return round(min(max(tot, 40.0), 6775.0) + 1e-9, 2)


WIK = {"10": (189.90, 40.00), "11": (1318.47, 197.77), "12": (1487.35, 223.10),
       "13": (846.12, 126.92), "14": (623.60, 93.54)}

# --- amounts ---------------------------------------------------------------------------

EURO_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d|,\d)")
BARE_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d%]|,\d)")


def to_val(whole: str, frac: str) -> float:
    return round(int(whole.replace(".", "")) + (int(frac) / 100 if frac else 0), 2)


def printed_amounts(text: str) -> list[float]:
    out = [to_val(w, f) for w, f in EURO_RE.findall(text)]
    euro_spans = [m.span(1) for m in EURO_RE.finditer(text)]
    for m in BARE_RE.finditer(text):
        if not any(a <= m.start(1) < b for a, b in euro_spans):
            out.append(to_val(m.group(1), m.group(2)))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)

# --- checks ----------------------------------------------------------------------------

def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(rf"-{BATCH}-(\d\d)-", txt.stem).group(1)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-{BATCH}-"):
        errs.append(f"kind/name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(num, "\0") not in text:
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if t["stage"] == "decision" and (kind in OBJECTION_KINDS or "bezwaar" in text):
        if not od or date.fromisoformat(od) != objection_default(ld):
            errs.append(f"objection {od} != {objection_default(ld)}")
    elif od:
        errs.append("objection_deadline on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in date_forms(date.fromisoformat(ap["date"]))):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment vs deadline")
    # amounts
    printed = sorted(printed_amounts(text))
    listed = sorted(round(a["value"], 2) for a in t["amounts"])
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if set(printed) != set(listed):
        errs.append(f"amounts printed-not-listed {sorted(set(printed) - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - set(printed))}")
    if sorted(printed) != listed:
        errs.append(f"amount multiplicity differs: printed {printed} listed {listed}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due has no total role")
        if not dl or dl["action"] not in ("pay", "attend" if t["stage"] == "dagvaarding" else "pay"):
            errs.append("amount_due without pay deadline")
    # iban
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            errs.append("iban invalid or not printed")
    elif t["amount_due"] is not None:
        errs.append("amount due but no iban")
    # references
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr.replace(" ", "")) == 16 and pr.replace(" ", "").isdigit() and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    found = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(found):
        errs.append(f"bsn_found {t['bsn_found']} but valid: {found}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        errs.append(f"WIK {WIK[num]} -> {wik(WIK[num][0])}")
    # no machine paths inside files
    bad = ["/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/", ".." + "/shared"]
    for p in (txt, txt.with_suffix(".json")):
        s = p.read_text(encoding="utf-8")
        if any(b in s for b in bad):
            errs.append(f"absolute path in {p.name}")
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
    for p in [HERE / "README.md", Path(__file__)]:
        s = p.read_text(encoding="utf-8") if p.exists() else ""
        if any(b in s for b in ["/" + "work" + "/", "/" + "home" + "/", "/" + "root" + "/", ".." + "/shared"]):
            print(f"absolute path in {p.name}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
