"""Consistency check for first-look batch 68: every NAME.json against NAME.txt.

Run: python check.py   (uses the helpers in samples/holdout/tools.py)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, kenmerk_valid, iban_valid, objection_deadline, plus,  # noqa: E402
                   fmt_amount, printed_amounts, squash, wik, date_forms)

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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# Relative terms as printed, counted from the letter date (BRIEF.md): code -> (days, weeks, months)
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "07": (0, 0, 1),    # binnen één maand na de dagtekening
    "10": (14, 0, 0),   # binnen 14 dagen, beginnend op de dag na ontvangst
    "11": (7, 0, 0),    # binnen zeven dagen na de datum van deze brief
    "13": (0, 4, 0),    # binnen vier weken na dagtekening dezes
    "22": (0, 2, 0),    # binnen twee weken na de datum van dit bericht
}
# Sums that must hold: code -> [(parts, total)]
SUMS = {
    "01": [([14987, -1764, -5468], 7755), ([7755, -7204, 312], 863), ([863, 24], 887)],
    "02": [([1146, -400], 746), ([96] * 3, 288), ([746, 288, 512], 1546), ([18, 9, 18], 45),
           ([1546, 45], 1591)],
    "03": [([19870, 14310], 34180), ([2964, -2856], 108)],
    "04": [([1104, -648], 456)],
    "05": [([398.40, 212.64], 611.04), ([301.20, 212.64], 513.84), ([398.40, -301.20], 97.20),
           ([513.84, -122.20], 391.64), ([48.96] * 7 + [48.92], 391.64)],
    "06": [([71.86] * 3, 215.58), ([132.48, 215.58], 348.06), ([348.06, -68.40], 279.66)],
    "07": [([1893.40, -1879.40], 14.00), ([14.00] * 12, 168.00), ([341.28, 189.96], 531.24),
           ([341.28, 21.96], 363.24), ([531.24, -363.24], 168.00), ([189.96, -21.96], 168.00)],
    "08": [([84, 9], 93)],
    "09": [([250, 9, 125, 250, -100], 534), ([250 / 2], 125)],
    "10": [([39.95] * 3, 119.85)],
    "11": [([89.99, 149.00, 64.50, -34.50, 212.40, 56.75], 538.14), ([538.14, -100, 6.37, 80.72], 525.23)],
    "12": [([1286.44, 48.19, 192.97], 1527.60), ([1527.60, 119.54], 1647.14)],
    "13": [([1740.00, 96.12, 312.00, 112.94, 57.50], 2318.56), ([2204.17, -1612.33], 591.84)],
    "14": [([192.86, 192.86], 385.72)],
    "15": [([158.25, 158.25], 316.50), ([316.50, 316.50, 385.00, -158.25], 859.75)],
    "16": [([742.18, -265.00, -477.18], 0), ([742.18, -477.18], 265.00), ([742.18, -300.00], 442.18),
           ([265.00, 265.00, 442.18], 972.18)],
    "17": [([38.50, 38.50, 61.27], 138.27)],
    "18": [([282.04] * 3, 846.12)],
    "19": [([512.30, 788.64, 382.48], 1683.42), ([145.86, 224.54, 108.86], 479.26),
           ([366.44, 564.10, 273.62], 1204.16), ([1683.42, -479.26], 1204.16),
           ([512.30, -145.86], 366.44), ([788.64, -224.54], 564.10), ([382.48, -108.86], 273.62)],
    "20": [([1913.28, -1300.88], 612.40), ([649.00, -425.00], 224.00)],
    "23": [([68.76] * 6, 412.56), ([172.74] * 6, 1036.44)],
}
# code -> (hoofdsom, printed incassokosten)
WIK = {"10": (119.85, 40.00), "11": (538.14, 80.72), "12": (1286.44, 192.97), "16": (972.18, 145.83),
       "17": (138.27, 40.00)}
WORDED_DATES = {"12": "zevende oktober tweeduizendzesentwintig", "18": "13 mrt 2026"}


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(r"-b68-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not p.stem.startswith(kind + "-b68-"):
        errs.append("stem does not start with kind")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORDED_DATES.get(code, "\0") not in text:
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        else:
            forms = date_forms(d) + [f"{d.day} {['januari','februari','maart','april','mei','juni','juli','augustus','september','oktober','november','december'][d.month-1]}"]
            if not any(f in text for f in forms):
                errs.append(f"deadline {d} not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif code in RELATIVE:
        errs.append("relative term listed but no deadline")
    # objection
    od = t["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection_deadline on a kind without bezwaar")
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(d)) and f"{d.day} {['januari','februari','maart','april','mei','juni','juli','augustus','september','oktober','november','december'][d.month-1]}" not in text \
                and d.strftime("%d-%m-%Y") not in text:
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("duplicate amount values listed")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and re.search(r"(?<![\d.,])" + re.escape(fmt_amount(v)[:-3]) + r"(?![\d,])", text))}
    if printed - set(listed) or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - set(listed))} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            errs.append("amount_due not printed with a currency sign")
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not in amounts")
    # iban / reference
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    if t["amount_due"] is None and t["iban"]:
        errs.append("iban without anything to pay")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates the payment reference")
    # identifiers printed anywhere
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid 9-digit numbers {bsns}")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    # arithmetic
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if code in WIK:
        principal, costs = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if len(t["notes"]) < 40:
        errs.append("notes too short")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*-b68-*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
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
