"""Consistency check for batch-28: every NAME.json against its NAME.txt.

Run with the project's Python from this folder or anywhere:  python check.py
Self-contained on purpose (no import of snapdebrief or of other batches).
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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(c) for w, c in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


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


# --- dates -----------------------------------------------------------------------------------

KB = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}  # Besluit algemene termijnenwet extra days


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    return days | {d for d in KB if d.year == y}


def objection(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            f"{d.day}/{d.month}/{d.year}", d.strftime("%d/%m/%Y")]


# Per-letter facts written down independently of the JSON: relative terms as printed,
# year-less dates, sums that must hold.
RELATIVE = {  # number -> (days, weeks, months) counted from the letter date
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze herinnering
    "08": (0, 0, 2),    # binnen twee maanden na de datum van deze brief
    "11": (14, 0, 0),   # binnen 14 dagen nadat u deze e-mail hebt ontvangen
    "14": (2, 0, 0),    # binnen twee dagen na heden
    "21": (0, 6, 0),    # binnen 6 weken na de datum van deze brief (payment)
}
EXTRA_FORMS = {"18": {"2026-02-27": ["vrijdag 27/2"]}}
SUMS = {
    "01": [([8240, -2312, -4542], 1386), ([138.60] * 10, 1386)],
    "02": [([1356, -1044], 312)],
    "03": [([917, -400], 517), ([517, 8], 525)],
    "05": [([119] * 12, 1428), ([1428, -810], 618), ([25.75] * 24, 618)],
    "06": [([290.44, 336.00, 218.40], 844.84)],
    "07": [([128.40, 167.72], 296.12)],
    "08": [([381.20, 142.40], 523.60), ([523.60, -171.36], 352.24)],
    "09": [([64, 9], 73)],
    "10": [([160, 9, 80], 249), ([160 * 0.5], 80)],
    "11": [([189.95, -50], 139.95)],
    "12": [([97.50, 104, 2.50], 204)],
    "13": [([305.40, -93], 212.40)],
    "14": [([736.30, -250], 486.30), ([486.30, 8.10, 45, 96], 635.40)],
    "15": [([186.25] * 8, 1490), ([1490, 21.37, 223.50], 1734.87), ([1734.87, 124.62], 1859.49)],
    "16": [([151.20, 151.20, 85], 387.40)],
    "18": [([780, 45], 825)],
    "19": [([786.42] * 2, 1572.84), ([731.17, 55.25], 786.42), ([131.07] * 12, 1572.84)],
    "20": [([212.77, 138], 350.77)],
    "21": [([412.18, 272.18], 684.36)],
    "23": [([87.14] * 2, 174.28)],
    "25": [([10.25 * 1104], 11316), ([11316, -11316], 0)],
}
WIK = {"11": (139.95, 40.00), "15": (1490.00, 223.50)}  # hoofdsom -> printed incassokosten


def wik(p: float) -> float:
    total, rest = 0.0, p
    for size, rate in [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0), 2)


# --- amounts ---------------------------------------------------------------------------------

NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)"
AMT_PREFIX = re.compile(r"(?:€|EUR)\s*" + NUM + r"(?:,(\d{2}|-{1,2}))?(?![\d.,]\d)")
AMT_SUFFIX = re.compile(r"(?<![\d.])" + NUM + r",(\d{2})\s*euro\b", re.I)


def printed_amounts(text: str) -> set[float]:
    out = set()
    for rx in (AMT_PREFIX, AMT_SUFFIX):
        for whole, frac in rx.findall(text):
            cents = int(frac) if frac and frac.isdigit() else 0
            out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- the check -------------------------------------------------------------------------------


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b28-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    if set(t) != KEYS:
        e.append(f"keys {sorted(set(t) ^ KEYS)}")
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b28-"):
        e.append("kind/stem")
    if t["stage"] not in STAGES:
        e.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            e.append(f"forbidden path {bad}")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        e.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                e.append(f"relative deadline should be {want}")
        elif not any(f in text for f in forms(d) + EXTRA_FORMS.get(num, {}).get(dl["date"], [])):
            e.append("deadline date not printed")
        if d < ld:
            e.append("deadline before letter date")
    elif num in RELATIVE:
        e.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if od:
        if t["kind"] not in OBJECTION_KINDS and t["stage"] != "decision":
            e.append("objection on a non-decision")
        if date.fromisoformat(od) != objection(ld):
            e.append(f"objection {od} != {objection(ld)}")
    elif t["kind"] in OBJECTION_KINDS and t["stage"] == "decision":
        e.append("decision without objection deadline")
    if t["stage"] in ("reminder", "aanmaning") and od:
        e.append("reminder with objection deadline")
    # appointment
    ap = t["appointment"]
    if ap:
        a = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(a)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment but deadline is not attend on that date")
    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        e.append("duplicate listed amount")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    if set(listed) ^ printed:
        e.append(f"printed-not-listed {sorted(printed - set(listed))} listed-not-printed {sorted(set(listed) - printed)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            e.append("amount_due not printed")
        roles = {round(a["value"], 2): a["role"] for a in t["amounts"]}
        if roles.get(round(t["amount_due"], 2)) not in ("total", "principal"):
            e.append("amount_due role not total/principal")
    # iban and reference
    ibans = [m.replace(" ", "") for m in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d{2,4}){3,5}", text)]
    for ib in ibans:
        if not iban_valid(ib):
            e.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in ibans:
            e.append("iban invalid or not printed")
    if t["amount_due"] is None and t["iban"]:
        e.append("iban without anything to pay")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if squash(pr).isdigit() and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            e.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed 16-digit {k} fails check")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    found = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(found):
        e.append(f"bsn_found {t['bsn_found']} but valid BSNs {found}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        e.append(f"WIK {wik(WIK[num][0])} != {WIK[num][1]}")
    if "\f" in text and text.count("\f") < 1:
        e.append("form feed")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"missing kinds {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
