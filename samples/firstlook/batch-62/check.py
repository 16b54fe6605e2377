"""Check every truth file of batch 62 against its letter text.

Run: python check.py   (from anywhere). Uses the helpers of samples/holdout/tools.py only;
nothing here imports snapdebrief.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (KINDS, ROLES, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash, wik)

STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
        "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# Relative terms as printed, written down from the letters: number -> (printed phrase, days, weeks, months)
RELATIVE = {
    "01": ("binnen 7 dagen na deze e-mail", 7, 0, 0),
    "03": ("binnen 14 dagen, te rekenen vanaf de", 14, 0, 0),
    "05": ("binnen vijf dagen na dagtekening dezes", 5, 0, 0),
    "06": ("binnen 8 dagen na de datum van", 8, 0, 0),
    "08": ("binnen TWEE DAGEN na heden", 2, 0, 0),
    "09": ("binnen één week na dagtekening dezes", 0, 1, 0),
    "10": ("binnen veertien dagen na de datum van deze aanmaning", 14, 0, 0),
    "15": ("binnen één maand na de datum van deze", 0, 0, 1),
    "20": ("binnen 14 dagen, gerekend vanaf de dag na", 14, 0, 0),
}
# Letters whose bezwaar/beroep term is stated relatively (six weeks) -> computed with the ATW.
OBJECTION_PHRASE = {
    "11": "binnen zes weken na de dagtekening",
    "12": "binnen zes weken na de datum van deze brief",
    "13": "binnen zes weken na de datum van deze",
    "15": "binnen zes weken na de datum van deze",
    "16": "binnen zes weken na de datum van deze beschikking",
    "21": "binnen 6 weken na de datum van",
}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([27.20, 50.85, 18.85, 90.50], 187.40), ([16.95] * 3, 50.85)],
    "02": [([530.87, 111.48], 642.35), ([642.35, -100.00], 542.35)],
    "03": [([149.95, 64.50], 214.45)],
    "04": [([34.99] * 4, 139.96), ([139.96, 1.84, 40.00], 181.80)],
    "05": [([1515.00, -250.00], 1265.00), ([1265.00, 23.41, 189.75], 1478.16)],
    "06": [([876.40, 14.22, 131.46], 1022.08)],
    "07": [([716.20] * 3, 2148.60), ([2148.60, 322.29, 31.17], 2502.06), ([2502.06, 118.47], 2620.53)],
    "08": [([684.12, 38.50, 102.62, 137.00, 116.84, 200.00, 68.00, 96.45, 3.21], 1446.74)],
    "09": [([1240.00, 61.18, 186.00, 412.60, 68.00, 98.12, 121.37, -150.00], 2037.27),
           ([2214.90, -1587.43], 627.47)],
    "10": [([1412.00, -600.00], 812.00), ([812.00, 18.00], 830.00)],
    "11": [([11400.00, -2110.00, -5310.00, -2000.00], 1980.00), ([180.00] * 11, 1980.00)],
    "12": [([1476.00, -1320.00], 156.00)],
    "13": [([3198.00, -2064.00], 1134.00), ([47.25] * 24, 1134.00)],
    "14": [([88.41] * 3, 265.23), ([133.49, 265.23], 398.72), ([398.72, -199.36], 199.36)],
    "15": [([342.60, 145.30], 487.90), ([51.00] * 12, 612.00)],
    "16": [([122.00, 9.00], 131.00)],
    "17": [([250.00, 9.00, 125.00, 250.00], 634.00), ([250.00 * 0.5], 125.00)],
    "18": [([152.35, 152.35, 85.00], 389.70), ([64.95] * 6, 389.70)],
    "19": [([748.90, 748.90], 1497.80), ([1497.80, -300.00], 1197.80), ([702.15, 46.75], 748.90)],
    "20": [([97.16, 38.50, 38.50], 174.16)],
}
# WIK (Besluit buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {"03": (214.45, 40.00), "04": (139.96, 40.00), "05": (1265.00, 189.75),
       "06": (876.40, 131.46), "07": (2148.60, 322.29), "08": (684.12, 102.62),
       "09": (1240.00, 186.00), "20": (174.16, 40.00)}
TWO_PAGE = {"06", "07", "08", "13", "21"}
WORDS_DATE = {"07": "zestiende september tweeduizendzesentwintig",
              "08": "twintig oktober tweeduizendzesentwintig"}


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            d.strftime("%d.%m.%Y"), d.isoformat()]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_weekdays(text: str) -> list[str]:
    errs = []
    flat = re.sub(r"\s+", " ", text)
    for wd, day, mon, yr in re.findall(r"(?i)\b(" + "|".join(DAYS) + r") (\d{1,2}) (" +
                                       "|".join(MONTHS) + r") (\d{4})", flat):
        d = date(int(yr), MONTHS.index(mon.lower()) + 1, int(day))
        if DAYS[d.weekday()] != wd.lower():
            errs.append(f"weekday {wd} {day} {mon} {yr} is really {DAYS[d.weekday()]}")
    return errs


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    one_line = re.sub(r"\s+", " ", text)
    num = re.search(r"-b62-(\d\d)-", p.stem).group(1)
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not p.stem.startswith(kind + "-b62-"):
        errs.append("name does not start with kind-b62-")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if "stage" not in t["notes"].lower():
        errs.append("notes do not explain the stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (num in WORDS_DATE and WORDS_DATE[num] in one_line):
        errs.append("letter date not printed")
    if num in WORDS_DATE and WORDS_DATE[num] not in one_line:
        errs.append("date in words missing")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        phrase, days, weeks, months = RELATIVE[num]
        if phrase not in one_line:
            errs.append(f"relative phrase '{phrase}' not in text")
        want = plus(ld, days=days, weeks=weeks, months=months)
        if not dl or dl["date"] != want.isoformat():
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not printed(date.fromisoformat(dl["date"]), text):
            errs.append("explicit deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append(f"action {dl['action']}")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")
    # objection deadline
    od = t["objection_deadline"]
    if t["stage"] == "decision" and kind in OBJECTION_KINDS:
        if not od:
            errs.append("decision without objection_deadline")
        elif num in OBJECTION_PHRASE:
            if OBJECTION_PHRASE[num] not in one_line:
                errs.append("objection phrase not in text")
            if od != objection_deadline(ld).isoformat():
                errs.append(f"objection should be {objection_deadline(ld)}")
        elif not printed(date.fromisoformat(od), text):
            errs.append("printed objection day not found")
    elif od:
        errs.append("objection_deadline on a non-decision")
    # appointment
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment should be the attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")
    # amounts
    pr = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - pr
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if pr - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(pr - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in pr:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed as total")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if fmt_amount(costs) not in text:
            errs.append("WIK costs not printed")
    # accounts and references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    if (t["amount_due"] is None) != (t["iban"] is None):
        errs.append("iban and amount_due should be both set or both null")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    ref = t["payment_reference"]
    if ref:
        if squash(ref) not in flat:
            errs.append("payment_reference not printed")
        if ref not in text:
            errs.append("payment_reference not as printed")
        if len(squash(ref)) == 16 and squash(ref).isdigit() and not kenmerk_valid(squash(ref)):
            errs.append("kenmerk check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    errs += check_weekdays(text)
    if num in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    if num not in TWO_PAGE and "\f" in text:
        errs.append("unexpected form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    batch = []
    if len(files) != 25:
        batch.append(f"{len(files)} letters, want 25")
    if KINDS - kinds:
        batch.append(f"kinds missing {sorted(KINDS - kinds)}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            batch.append(f"README lacks {p.stem}")
    for b in batch:
        print("FAIL batch: " + b)
    print(f"{len(files)} letters, {bad} with problems, {len(batch)} batch problems")
    return 1 if bad or batch else 0


if __name__ == "__main__":
    raise SystemExit(main())
