"""Consistency check for first-look batch 91: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere; tools.py is found relative to this file)
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, fmt_amount, iban_valid,
    kenmerk_valid, objection_deadline, plus, printed_amounts, squash, wik,
)

BATCH = "91"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# Letter dates printed only in words (old-fashioned exploot).
WORD_DATES = {"13": "vierentwintigste november tweeduizendzesentwintig"}

# Relative terms as printed: number -> (days, weeks, months) counted from the letter date.
RELATIVE = {
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "08": (0, 0, 1),    # binnen één maand na de datum van deze brief
    "11": (14, 0, 0),   # binnen 14 dagen nadat je deze brief hebt gekregen (receipt -> letter date)
    "14": (5, 0, 0),    # uiterlijk binnen vijf dagen na dagtekening dezes
    "17": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "22": (8, 0, 0),    # binnen acht dagen na dagtekening van dit schrijven
    "25": (14, 0, 0),   # binnen veertien dagen na de datum van deze herinnering
}

# Letters that print their own last day for bezwaar (must be printed; here equal to +42 days anyway).
PRINTED_OBJECTION = {"08"}

# Two-page letters must contain a form feed.
TWO_PAGE = {"04", "13", "18", "22"}

# Arithmetic that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([4312, -2453], 1859), ([169] * 11, 1859)],
    "02": [([5086, -3334], 1752), ([1752, -1140], 612), ([612, 9], 621)],
    "03": [([231, 8], 239)],
    "04": [([318] * 12, 3816)],
    "05": [([1698, -1212], 486), ([40.50] * 12, 486)],
    "06": [([201.38, 266.52, 372.84], 840.74), ([round(248000 * 0.000812, 2)], 201.38)],
    "07": [([312.46, -125.00], 187.46)],
    "08": [([3412.55, -2180.00], 1232.55)],
    "09": [([139, 9], 148)],
    "10": [([110, 9, 55], 174), ([110 * 0.5], 55)],
    "11": [([29.95] * 3, 89.85)],
    "12": [([349, -100], 249), ([249, 40, 3.12], 292.12)],
    "13": [([1186.40, 48.77, 177.96], 1413.13), ([1413.13, 118.29], 1531.42)],
    "14": [([412.60, 11.84, 61.89], 486.33)],
    "15": [([139.85, 8.50], 148.35), ([148.35] * 2, 296.70)],
    "16": [([621.15, 66.25], 687.40), ([687.40, -300.00], 387.40), ([387.40, 687.40], 1074.80)],
    "17": [([134, 134, 61.27], 329.27)],
    "18": [([round(112.64 * 0.75, 2)], 84.48), ([round(112.64 * 0.70, 2)], 78.85),
           ([round(84.48 * 21.75, 2)], 1837.44)],
    "20": [([63.18] * 2, 126.36)],
    "22": [([1640.00, 86.22, 246.00, 397.00, 112.45, 96.18], 2577.85), ([2577.85, -412.35], 2165.50)],
    "23": [([173.95] * 6, 1043.70)],
    "24": [([118] * 12, 1416)],
    "25": [([300.00, -85.40], 214.60)],
}

# number -> (hoofdsom, printed incassokosten) per the WIK scale
WIK = {"12": (249.00, 40.00), "13": (1186.40, 177.96), "14": (412.60, 61.89), "22": (1640.00, 246.00)}

NAME_RE = re.compile(r"^(?P<kind>[a-z-]+)-b" + BATCH + r"-(?P<num>\d\d)-[a-z0-9-]+$")
ABS_PATH_RE = re.compile(r"(?<![\w.])/(?:work|tmp)/")


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y")]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    jpath = txt.with_suffix(".json")
    if not jpath.exists():
        return ["missing json"]
    t = json.loads(jpath.read_text(encoding="utf-8"))
    m = NAME_RE.match(txt.stem)
    if not m:
        return ["bad file name"]
    num = m["num"]
    kind = t["kind"]
    if kind != m["kind"] or kind not in KINDS:
        errs.append(f"kind {kind} vs name")
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys differ: {sorted(set(t) ^ keys)}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")

    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text) and WORD_DATES.get(num, "@@") not in re.sub(r"\s+", " ", text):
        errs.append("letter date not printed")

    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed(dd, text):
            errs.append("printed deadline not found in text")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    # objection deadline
    od = t["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a kind without bezwaar")
        odd = date.fromisoformat(od)
        if num in PRINTED_OBJECTION:
            if not printed(odd, text):
                errs.append("printed objection day not in text")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif kind in OBJECTION_KINDS and t["stage"] not in ("reminder", "aanmaning"):
        errs.append("decision kind without objection_deadline")
    if t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")

    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            if not re.search(rf"(?<!\d){int(hh)}[.:]{mm}(?!\d)", text):
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    # amounts
    got = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - got
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if got - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in got:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2)
                   for a in t["amounts"]):
            errs.append("amount_due not listed with role total")
        if not t["iban"]:
            errs.append("amount_due without iban")
    if t["amount_due"] is None and t["deadline"] and t["deadline"]["action"] == "pay":
        errs.append("pay deadline without amount_due")

    # iban, references
    flat = squash(text)
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
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")

    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but found {bsns}")

    # pages, paths, arithmetic
    if num in TWO_PAGE and "\f" not in text:
        errs.append("two-page letter without form feed")
    for p in (txt, jpath):
        if ABS_PATH_RE.search(p.read_text(encoding="utf-8")):
            errs.append(f"absolute path in {p.name}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    nums = []
    for p in files:
        errs = check_one(p)
        m = NAME_RE.match(p.stem)
        if m:
            nums.append(m["num"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    batch = []
    if len(files) != 25:
        batch.append(f"{len(files)} letters, want 25")
    if sorted(nums) != [f"{i:02d}" for i in range(1, 26)]:
        batch.append("numbers are not 01..25")
    if kinds != KINDS:
        batch.append(f"kinds missing: {sorted(KINDS - kinds)}")
    if sorted(p.stem for p in HERE.glob("*.json")) != sorted(p.stem for p in files):
        batch.append("json/txt pairs do not match")
    readme = HERE / "README.md"
    if not readme.exists():
        batch.append("README.md missing")
    else:
        rtext = readme.read_text(encoding="utf-8")
        for p in files:
            if p.stem not in rtext:
                batch.append(f"README lacks {p.stem}")
        if ABS_PATH_RE.search(rtext):
            batch.append("absolute path in README.md")
    if ABS_PATH_RE.search(Path(__file__).read_text(encoding="utf-8").replace("(?:work|tmp)", "")):
        batch.append("absolute path in check.py")
    for b in batch:
        print("BATCH " + b)
    print(f"{len(files)} letters, {bad} with problems, {len(batch)} batch problems")
    return 1 if bad or batch else 0


if __name__ == "__main__":
    raise SystemExit(main())
