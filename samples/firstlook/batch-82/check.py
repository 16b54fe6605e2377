"""Consistency check for first-look batch 82: every NAME.json against its NAME.txt.

Run: python check.py  (from anywhere). Uses the helpers in samples/holdout/tools.py, found
relative to this file. Prints one line per letter and a summary; exit code 1 on problems.
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
    bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
    printed_amounts, squash, wik,
)

BATCH = "82"
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
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found",
        "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# --- per-letter facts, written down independently of the JSON files -----------------------

# Relative terms as printed: number -> (letter date, days, weeks, months, wording)
RELATIVE = {
    "02": (date(2026, 6, 15), 14, 0, 0, "binnen 14 dagen na de dagtekening"),
    "07": (date(2026, 1, 30), 0, 0, 1, "binnen één maand na dagtekening"),
    "10": (date(2026, 5, 11), 7, 0, 0, "binnen 7 dagen"),
    "11": (date(2026, 10, 21), 14, 0, 0, "14 dagen, te rekenen vanaf de dag na ontvangst"),
    "25": (date(2026, 9, 22), 14, 0, 0, "binnen veertien dagen na de datum van deze brief"),
}
# A relative term that is printed next to an explicit date (the date wins; both must agree)
RELATIVE_AND_DATE = {"14": (date(2026, 4, 22), 0, 4, 0, "binnen 4 weken")}

# Dates printed without a year (chat, SMS): number -> {iso date: [exact printed strings]}
EXTRA_DATE_FORMS = {
    "15": {"2026-02-20": ["vrijdag 20 februari"]},
    "16": {"2026-03-23": ["vóór 23 maart"]},
    "20": {"2026-03-12": ["do 12 maart"]},
}

SUMS = {
    "01": [([21740, -3320], 18420), ([3068, 1864], 4932), ([6812, -4932], 1880), ([188] * 10, 1880)],
    "02": [([1046, -300], 746), ([746, 18], 764)],
    "03": [([131] * 12, 1572)],
    "04": [([3516, -2784], 732), ([293] * 12, 3516), ([30.50] * 24, 732)],
    "05": [([270.07, 356.40, 241.56], 868.03), ([434.02, 434.01], 868.03),
           ([86.83] + [86.80] * 9, 868.03), ([round(287000 * 0.000941, 2)], 270.07)],
    "06": [([412.46, -94.00], 318.46)],
    "07": [([4150, -3350], 800), ([587.62, -200], 387.62)],
    "08": [([460, 9], 469), ([460 * 0.5], 230)],
    "09": [([110, 9], 119), ([110 * 0.5], 55)],
    "10": [([34.99, 2.50], 37.49)],
    "11": [([1268.40, -200], 1068.40), ([1068.40, 160.26], 1228.66)],
    "12": [([1946.27, 61.84, 291.94], 2300.05), ([2300.05, 120.14], 2420.19)],
    "14": [([152.35, 152.35], 304.70)],
    "15": [([671.70, 41.15], 712.85)],
    "17": [([1401.17, -312.40], 1088.77), ([round(1088.77 * 29 / 31, 2)], 1018.53),
           ([round(1401.17 * 0.05, 2)], 70.06)],
    "19": [([87.14, 87.14], 174.28)],
    "24": [([1992, -1380], 612)],
    "25": [([48.15, 48.15], 96.30)],
}
WIK = {"11": (1068.40, 160.26), "12": (1946.27, 291.94)}
BSNS = {"01": "248173601", "02": "172904560", "03": "136590421", "04": "183740920",
        "17": "219847307", "24": "305629177"}
TWO_PAGE = {"01", "11", "12"}
# Letters that print an IBAN which is not the one to pay to
OTHER_IBANS = {"11": {"NL06RBRB0005065847"}, "24": {"NL98KNAB3657253743"}}

BSN_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?![\d])")
IBAN_RE = re.compile(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}")
KENMERK_RE = re.compile(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)")


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed(d: date, flat: str, num: str) -> bool:
    if any(f in flat for f in date_forms(d)):
        return True
    return any(f in flat for f in EXTRA_DATE_FORMS.get(num, {}).get(d.isoformat(), []))


def amount_in_text(v: float, text: str) -> bool:
    s = fmt_amount(v)
    if s in text:
        return True
    if v == int(v):
        whole = s[:-3]
        return bool(re.search(r"(€|EUR)\s?-?\s?" + re.escape(whole) + r"(?![\d.,])", text)) or \
            (whole + ",-") in text
    return False


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    raw = txt.read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", raw)
    sq = squash(raw)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"([a-z-]+)-b" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)

    if set(truth) != KEYS:
        errs.append(f"keys differ: {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, flat, num):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            base, days, weeks, months, wording = RELATIVE[num]
            if base != ld:
                errs.append("relative base is not the letter date")
            if plus(base, days=days, weeks=weeks, months=months) != d:
                errs.append(f"relative deadline should be {plus(base, days=days, weeks=weeks, months=months)}")
            if wording not in flat:
                errs.append(f"relative wording '{wording}' not printed")
        else:
            if not printed(d, flat, num):
                errs.append("deadline date not printed")
            if num in RELATIVE_AND_DATE:
                base, days, weeks, months, wording = RELATIVE_AND_DATE[num]
                if plus(base, days=days, weeks=weeks, months=months) != d or wording not in flat:
                    errs.append("printed date and relative term disagree")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but deadline null")

    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if not od:
            errs.append("decision without objection_deadline")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a non-decision / non-bezwaar letter")

    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, flat, num):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in flat and ap["time"].replace(":", ".") not in flat:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    # amounts
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if len(listed) != len(truth["amounts"]):
        errs.append("duplicate amount listed")
    seen = printed_amounts(raw)
    if seen - listed:
        errs.append(f"printed but not listed: {sorted(seen - listed)}")
    missing = [v for v in listed if v not in seen and not amount_in_text(v, raw)]
    if missing:
        errs.append(f"listed but not printed: {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in listed or not amount_in_text(due, raw):
            errs.append("amount_due not printed/listed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]) \
                and not any(a["role"] == "principal" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due has neither role total nor principal")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # iban and references
    ib = truth["iban"]
    printed_ibans = {i.replace(" ", "") for i in IBAN_RE.findall(raw)}
    for i in printed_ibans:
        if not iban_valid(i):
            errs.append(f"printed IBAN {i} fails mod-97")
    if ib:
        if not iban_valid(ib):
            errs.append("iban invalid")
        if ib not in printed_ibans:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban given but nothing to pay")
    others = printed_ibans - ({ib} if ib else set())
    if others != OTHER_IBANS.get(num, set()):
        errs.append(f"unexpected other IBANs {sorted(others)}")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in sq:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in KENMERK_RE.findall(raw):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in sq:
            errs.append(f"reference {r} not printed")
    if pr and pr in truth["reference_numbers"]:
        errs.append("payment reference repeated in reference_numbers")

    # BSN
    found = {re.sub(r"[ .]", "", b) for b in BSN_RE.findall(raw)}
    valid = {b for b in found if bsn_valid(b)}
    want = {BSNS[num]} if num in BSNS else set()
    if valid != want:
        errs.append(f"elfproef-valid 9-digit numbers {sorted(valid)}, expected {sorted(want)}")
    if truth["bsn_found"] != bool(want):
        errs.append("bsn_found disagrees")
    for b in want:
        if not bsn_valid(b):
            errs.append(f"BSN {b} fails elfproef")

    # layout
    if (num in TWO_PAGE) != ("\f" in raw):
        errs.append("form feed / two-page mismatch")
    if not truth["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    nums, kinds = set(), set()
    for p in files:
        errs = check_one(p)
        m = re.search(r"-b" + BATCH + r"-(\d\d)-", p.stem)
        if m:
            if m.group(1) in nums:
                errs.append("duplicate number")
            nums.add(m.group(1))
        if p.with_suffix(".json").exists():
            kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters, want 25")
    if KINDS - kinds:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    if len(list(HERE.glob("*.json"))) != len(files):
        problems.append("txt/json count differs")
    readme = HERE / "README.md"
    if not readme.exists():
        problems.append("README.md missing")
    else:
        rt = readme.read_text(encoding="utf-8")
        for p in files:
            if p.stem not in rt:
                problems.append(f"README lacks {p.stem}")
    for f in HERE.iterdir():
        if f.suffix in {".txt", ".json", ".md", ".py"}:
            if re.search(r"(?<![\w.])/(work|tmp)/", f.read_text(encoding="utf-8")):
                problems.append(f"absolute path in {f.name}")
    for pr in problems:
        print("FAIL batch  " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
