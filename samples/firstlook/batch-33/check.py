"""Check every NAME.json of batch-33 against its NAME.txt.

Run from anywhere:  python check.py
Independent of snapdebrief: it only reads the letters, the truths and the helpers in
samples/holdout/tools.py (identifier and date arithmetic).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import bsn_valid, iban_valid, kenmerk_valid, objection_deadline  # noqa: E402

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
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed: number -> (days, weeks, months) after the letter date
RELATIVE = {
    "02": (10, 0, 0),   # binnen tien dagen na de datum van deze aanmaning
    "06": (14, 0, 0),   # binnen 14 dagen na de dagtekening
    "10": (14, 0, 0),   # binnen veertien dagen na ontvangst -> from the letter date
    "21": (14, 0, 0),   # binnen 2 weken na de datum van deze brief (2 weeks = 14 days)
    "25": (14, 0, 0),   # binnen 14 dagen na de dagtekening
}
# Sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([17402, -1986, -12546], 2870), ([287] * 10, 2870)],
    "02": [([1146, 18, 23.64], 1187.64)],
    "04": [([3264, -2418], 846)],
    "05": [([98.12, 76.63, 217.35], 392.10), ([72.45] * 3, 217.35), ([39.21] * 10, 392.10),
           ([round(186000 * 0.000412, 2)], 76.63)],
    "06": [([624.96, -312.48], 312.48), ([312.48, 8.00], 320.48)],
    "07": [([587.40, -412.20], 175.20), ([1412.37, -1397.77], 14.60), ([14.60] * 12, 175.20)],
    "08": [([129, 9], 138), ([129 * 0.5], 64.50)],
    "09": [([110, 9, 55], 174), ([110 * 0.5], 55)],
    "11": [([1486.00, 61.37, 222.90], 1770.27), ([1770.27, 118.72], 1888.99)],
    "12": [([2215.60, 143.11, 559.00, 112.84, 96.48], 3127.03), ([3127.03, -250.00], 2877.03)],
    "13": [([148.35, 148.35], 296.70)],
    "15": [([712.46, 712.46], 1424.92)],
    "16": [([467.05, 467.05], 934.10)],
    "17": [([38.20, 57.85], 96.05)],
    "18": [([142.00] * 3, 426.00), ([426.00, -100.00], 326.00)],
    "19": [([1426.21, -312.50], 1113.71), ([round(1426.21 * 0.05, 2)], 71.31)],
    "20": [([1842.17, -603.63], 1238.54)],
    "22": [([86.37, 86.37], 172.74)],
    "25": [([30.42, 16.94 * 3, 112.15, 19.69], 213.08)],
}
# number -> (hoofdsom, printed incassokosten)
WIK = {"10": (684.40, 102.66), "11": (1486.00, 222.90)}
WORD_DATES = {"11": "eenentwintigste september tweeduizendzesentwintig"}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


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


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day} {MONTHS[d.month - 1]}\n{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in text or f in flat for f in date_forms(d))


def check(txt: Path) -> list[str]:
    errs = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b33-(\d\d)-", txt.stem).group(1)
    forbidden = ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]
    for bad in forbidden:
        if bad in text or bad in json.dumps(truth):
            errs.append(f"forbidden path {bad}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b33-"):
        errs.append("kind / name")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    if not truth["sender"]:
        errs.append("sender")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and WORD_DATES.get(num, "#") not in text:
        errs.append("letter date not printed")
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not printed(d, text):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter")
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection deadline on non-decision")
        if truth["stage"] in ("reminder", "aanmaning"):
            errs.append("objection deadline on reminder")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if DAYS[ad.weekday()] not in text:
            errs.append("weekday of appointment not in text")
    if dl and dl["action"] == "attend" and (not ap or ap["date"] != dl["date"]):
        errs.append("attend deadline != appointment")
    got = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if got != listed:
        errs.append(f"printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(listed - got)}")
    if truth["amount_due"] is not None and round(truth["amount_due"], 2) not in got:
        errs.append("amount_due not printed")
    if truth["amount_due"] is not None and not any(
            a["role"] in ("total", "principal") and round(a["value"], 2) == round(truth["amount_due"], 2)
            for a in truth["amounts"]):
        errs.append("amount_due not listed as total/principal")
    flat = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]) or truth["iban"] not in flat:
            errs.append("iban invalid or not printed")
    if truth["amount_due"] is None and truth["iban"]:
        errs.append("iban while nothing to pay")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid numbers {bsns}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK {p} -> {wik(p)} not {c}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for f in files:
        errs = check(f)
        kinds.add(json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + f.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad or len(files) != 25 else 0


if __name__ == "__main__":
    raise SystemExit(main())
