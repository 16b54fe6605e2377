"""Consistency check for first-look batch 93: every NAME.json against NAME.txt.

Run: python check.py   (uses the helper functions of samples/holdout/tools.py)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, date_forms, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

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
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# Relative terms as printed, written down independently: number -> (days, weeks, months, words)
RELATIVE = {
    "02": (14, 0, 0, "binnen 2 weken na de datum van"),
    "06": (14, 0, 0, "binnen veertien dagen na de dagtekening"),
    "11": (14, 0, 0, "binnen 14 dagen na de dag waarop u deze e-mail ontvangt"),
    "13": (8, 0, 0, "binnen acht dagen na heden"),
    "17": (14, 0, 0, "binnen 14 dagen"),
}
# Printed deadline forms that must appear in the text (besides date_forms)
EXTRA_DATE_FORMS = {"16": "vrijdag 20 november 2026", "20": "maandag 26 oktober 2026",
                    "22": "dinsdag 14 april 2026", "14": "woensdag 4 november 2026"}
# Letter dates written in words
WORD_DATES = {"13": "tweeëntwintigste september tweeduizendzesentwintig",
              "14": "zeven oktober tweeduizendzesentwintig"}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([12431, -3058, -8617], 756), ([756, 14, -420], 350)],
    "02": [([1284, -600], 684), ([684, 19], 703)],
    "03": [([311] * 2, 622), ([268] * 10, 2680), ([622, 2680], 3302)],
    "04": [([123] * 12, 1476), ([1476, -864], 612), ([25.50] * 24, 612)],
    "05": [([283.27, 342.60, 219.48], 845.35), ([422.68, 422.67], 845.35)],
    "06": [([498.84, -186.00], 312.84), ([312.84, 7.00], 319.84)],
    "07": [([318.24, 194.16], 512.40), ([512.40, -384.30], 128.10)],
    "08": [([173, 9], 182), ([173 / 2], 86.50)],
    "09": [([110, 9, 55, 110], 284), ([284, -60], 224)],
    "10": [([122.70] * 6, 736.20), ([736.20, 18.44, 40.00], 794.64)],
    "11": [([249.95, 14.95], 264.90), ([264.90, -100.00], 164.90)],
    "12": [([34.95] * 3, 104.85), ([104.85, 40.00, 1.12, -20.00], 125.97)],
    "13": [([2486.30, 97.12, 733.00, 118.44, 127.86], 3562.72), ([3562.72, -250.00], 3312.72)],
    "14": [([712.30, 472.30], 1184.60), ([1184.60, 52.37, 177.69], 1414.66), ([1414.66, 123.85], 1538.51)],
    "15": [([154.85, 154.85, 127.40], 437.10), ([437.10, -50.00], 387.10)],
    "16": [([700.98, 41.20], 742.18), ([742.18] * 3, 2226.54), ([2226.54, -500.00], 1726.54)],
    "18": [([142.36 * 0.75], 106.77), ([142.36 * 0.70], 99.65), ([106.77 * 21.75], 2322.25)],
    "21": [([86.42] * 4 + [4.91], 350.59)],
    "23": [([95.00] * 4 + [47.60], 427.60)],
    "24": [([1638, -1200], 438), ([438, -57], 381)],
}
# WIK: number -> (hoofdsom, printed collection costs)
WIK = {"11": (164.90, 40.00), "12": (104.85, 40.00), "14": (1184.60, 177.69)}
# OZB: WOZ value x tariff
OZB = {"05": (287000, 0.0987, 283.27)}
TWO_PAGE = {"03", "05", "13", "14"}


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"([a-z-]+)-b93-(\d\d)-[a-z0-9-]+", p.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.groups()
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(num, "@@") not in text:
        errs.append("letter date not printed")
    if num in WORD_DATES and WORD_DATES[num] not in text:
        errs.append("word date missing")
    # deadline
    dlt = t["deadline"]
    if num in RELATIVE:
        days, weeks, months, words = RELATIVE[num]
        want = plus(ld, days=days, weeks=weeks, months=months).isoformat()
        if not dlt or dlt["date"] != want:
            errs.append(f"relative deadline should be {want}")
        if words not in text:
            errs.append(f"relative term wording missing: {words}")
    elif dlt:
        d = date.fromisoformat(dlt["date"])
        forms = date_forms(d) + [f"{d.day}-{d.month}-{d.year}"]
        if not any(f in text for f in forms):
            errs.append("explicit deadline date not printed")
        if num in EXTRA_DATE_FORMS and EXTRA_DATE_FORMS[num] not in text:
            errs.append("weekday form missing")
    if dlt and dlt["action"] not in ACTIONS:
        errs.append(f"action {dlt['action']}")
    if dlt and dlt["date"] < t["letter_date"]:
        errs.append("deadline before letter date")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection_deadline on non-decision")
    if t["stage"] in ("aanmaning", "reminder") and od:
        errs.append("reminder with objection_deadline")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    if od and not re.search(r"(6|zes)\s+weken", text):
        errs.append("no 6-week term printed")
    # appointment
    ap = t["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(d)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dlt or dlt["action"] != "attend" or dlt["date"] != ap["date"]:
            errs.append("appointment vs attend deadline")
        if ap["place"].split(",")[0].split()[0].lower() not in text.lower():
            errs.append("place not printed")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    ad = t["amount_due"]
    if ad is not None:
        if round(ad, 2) not in printed and fmt_amount(ad) not in text:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad, 2) for a in t["amounts"]):
            errs.append("amount_due not listed as total")
        if not t["iban"]:
            errs.append("amount due but no iban")
    elif t["iban"] or t["payment_reference"]:
        errs.append("iban/reference without amount due")
    if ad is None and dlt and dlt["action"] == "pay":
        errs.append("pay deadline without amount")
    # identifiers
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
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid BSN-like numbers")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if num in OZB:
        woz, pct, tax = OZB[num]
        if round(woz * pct / 100 + 1e-9, 2) != tax:
            errs.append("OZB arithmetic")
    # layout
    if (num in TWO_PAGE) != ("\f" in text):
        errs.append("page split (form feed) mismatch")
    if not t["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    nums, kinds = set(), set()
    for p in files:
        errs = check_one(p)
        m = re.match(r"([a-z-]+)-b93-(\d\d)-", p.stem)
        if m:
            kinds.add(m.group(1))
            nums.add(m.group(2))
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    batch_errs = []
    if len(files) != 25 or nums != {f"{i:02d}" for i in range(1, 26)}:
        batch_errs.append("need letters 01..25")
    if kinds != KINDS:
        batch_errs.append(f"kinds missing: {sorted(KINDS - kinds)}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            batch_errs.append(f"README lacks {p.stem}")
    for e in batch_errs:
        print("FAIL batch: " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(batch_errs)} batch problems")
    return 1 if bad or batch_errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
