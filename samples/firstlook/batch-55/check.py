"""Consistency check for first-look batch 55: every NAME.json against NAME.txt.

Run: python check.py   (from anywhere). Uses only the helper functions of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "holdout"))

from tools import (KINDS, ROLES, bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, printed_amounts, squash)

BATCH = "b55"
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WORDS = {date(2026, 11, 10): "de tiende november tweeduizendzesentwintig"}

# Relative terms as printed in the letters: number -> (days, weeks, months), counted from letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning (e-mail)
    "08": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "12": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail -> from letter date
    "15": (14, 0, 0),   # binnen veertien dagen na dagtekening dezes
    "18": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "22": (0, 3, 0),    # binnen 3 weken na de datum van deze brief
}

# Sums that must hold, per letter number: (parts, total)
SUMS = {
    "01": [([14648, 470], 15118), ([15118, -4962, -7780], 2376), ([216] * 11, 2376)],
    "02": [([1184, -1026], 158)],
    "03": [([1736, -300], 1436), ([1436, 18, 11.52], 1465.52)],
    "04": [([611] * 3 + [733] * 9, 8430)],
    "05": [([131] * 12, 1572), ([1572, -660], 912), ([38] * 24, 912)],
    "06": [([128.40, 128.23, 215.58], 472.21), ([236.11, 236.10], 472.21), ([3 * 71.86], 215.58),
           ([round(312000 * 0.000411, 2)], 128.23)],
    "07": [([575.28, -287.64], 287.64), ([287.64, 8.20], 295.84)],
    "08": [([341.16, 198.72], 539.88), ([1482.30, -1469.30], 13.00), ([13.00] * 12, 156.00),
           ([539.88, -156.00], 383.88)],
    "09": [([440, 9], 449), ([440 * 0.5], 220)],
    "10": [([79, 9, 39.50], 127.50), ([79 * 0.5], 39.50)],
    "11": [([85.41] * 6, 512.46), ([512.46, 14.88], 527.34)],
    "12": [([32.50] * 3, 97.50)],
    "13": [([649.00, 97.35, 6.21], 752.56), ([round(649.00 * 0.15, 2)], 97.35)],
    "14": [([1284.37, 41.18, 192.66], 1518.21), ([1518.21, 121.92], 1640.13),
           ([round(1284.37 * 0.15 + 1e-9, 2)], 192.66)],
    "15": [([1912.40, 58.16, 406.00, 131.70, -250.00], 2258.26)],
    "17": [([152.35, 152.35, 96.40], 401.10), ([138.40, 13.95], 152.35)],
    "18": [([621.40, 72.78], 694.18)],
    "19": [([38.00, 38.00, 38.00, 64.27], 178.27)],
    "20": [([1312.48, -826.26], 486.22), ([243.11, 243.11], 486.22)],
    "21": [([round(1353.24 * 23 / 31, 2)], 1004.02)],
    "23": [([104.37, 104.37], 208.74)],
}

NAME_RE = re.compile(r"^(?P<kind>[a-z-]+)-" + BATCH + r"-(?P<num>\d\d)-[a-z0-9-]+$")


def date_forms(d: date) -> list[str]:
    forms = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
             f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y")]
    if d in WORDS:
        forms.append(WORDS[d])
    return forms


def printed(d: date, text: str) -> bool:
    low = text.lower()
    return any(f in low for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    jpath = txt.with_suffix(".json")
    if not jpath.exists():
        return ["no json"]
    t = json.loads(jpath.read_text(encoding="utf-8"))
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
            "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    m = NAME_RE.match(txt.stem)
    if not m or m["kind"] != t["kind"]:
        errs.append("name does not match <kind>-b55-NN-slug")
        return errs
    num = m["num"]
    kind = t["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"] or t["sender"].lower()[:6] not in text.lower():
        errs.append("sender not in letter")

    ld = date.fromisoformat(t["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")

    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not printed(dd, text):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision":
        if not od:
            errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if t["stage"] in ("reminder", "aanmaning"):
            errs.append("objection_deadline on a reminder")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if "6 weken" not in text and "zes weken" not in text:
            errs.append("no six-week term printed")

    # appointment
    ap = t["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")

    # amounts
    listed = set()
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        listed.add(round(a["value"], 2))
    pr_amounts = printed_amounts(text)
    missing = {v for v in listed if v not in pr_amounts and fmt_amount(v) not in text
               and not (v == int(v) and re.search(r"(?<![\d.,])" + re.escape(fmt_amount(v)[:-3]) + r"(?![\d,])", text))}
    if pr_amounts - listed:
        errs.append(f"printed amounts not listed {sorted(pr_amounts - listed)}")
    if missing:
        errs.append(f"listed amounts not printed {sorted(missing)}")
    ad = t["amount_due"]
    if ad is not None:
        if round(ad, 2) not in listed:
            errs.append("amount_due not among amounts")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad, 2) for a in t["amounts"]):
            errs.append("amount_due has no 'total' role")
        if not dl or dl["action"] not in ("pay", "send_documents", "attend"):
            errs.append("amount_due without deadline")

    # iban, reference, numbers
    flat = squash(text)
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban fails mod-97")
        if t["iban"] not in flat:
            errs.append("iban not printed")
        if ad is None:
            errs.append("iban without amount due")
    for ib in re.findall(r"NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}", text):
        if not iban_valid(re.sub(r"\s", "", ib)):
            errs.append(f"printed iban {ib} fails mod-97")
    for ib in re.findall(r"NL\d{2}[A-Z]{4}\d{10}", flat):
        if not iban_valid(ib):
            errs.append(f"printed iban {ib} fails mod-97")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("payment_reference check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    found = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in found if bsn_valid(b)]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {valid}")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if "\f" in text and text.count("\f") < 1:
        errs.append("form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    problems = []
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files
             if p.with_suffix(".json").exists()}
    if kinds != KINDS:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    if len(files) != 25:
        problems.append(f"{len(files)} letters, expected 25")
    nums = sorted(NAME_RE.match(p.stem)["num"] for p in files if NAME_RE.match(p.stem))
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        problems.append("letter numbers are not 01..25")
    orphans = [p.name for p in HERE.glob("*.json") if not p.with_suffix(".txt").exists()]
    if orphans:
        problems.append(f"json without txt: {orphans}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    absent = [p.stem for p in files if p.stem not in readme]
    if absent:
        problems.append(f"not in README.md: {absent}")
    for pr in problems:
        print("BATCH " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
