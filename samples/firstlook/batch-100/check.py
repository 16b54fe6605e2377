"""Check every truth file of this batch against its letter text.

Run from anywhere: `python check.py`. Uses only the helper functions of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline,  # noqa: E402
                   plus, squash, wik)

BATCH = "b100"
KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# Relative terms as printed in the letters: number -> (days, weeks, months), counted from the letter date
RELATIVE = {
    "07": (14, 0, 0),   # binnen veertien dagen na de dagtekening van deze aanmaning
    "08": (0, 0, 1),    # binnen een maand na de datum van deze brief (31 aug -> 30 sep)
    "10": (0, 4, 0),    # binnen 4 weken na de datum van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen na de dag waarop u deze brief ontvangt
    "15": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "17": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "18": (0, 6, 0),    # binnen zes weken na de datum van deze brief (lands on 25 December, no shift)
    "25": (14, 0, 0),   # binnen 14 dagen na dagtekening
}
PRINTED_OBJECTION = set()  # no letter in this batch prints its own last day for bezwaar

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([16642, -2081, -5190, -6874], 2497), ([227] * 11, 2497)],
    "02": [([1458, -1140], 318), ([318, 7], 325)],
    "03": [([1312, -826], 486), ([486, 18], 504)],
    "04": [([261] * 2 + [288] * 10, 3402)],
    "05": [([1548, -906], 642), ([26.75] * 24, 642)],
    "06": [([234.60, 234.60], 469.20), ([46.92] * 10, 469.20)],
    "07": [([105.92, 225.72], 331.64), ([331.64, -165.82], 165.82), ([165.82, 7.00], 172.82)],
    "08": [([361.20, 51.17], 412.37), ([412.37, -300.00], 112.37)],
    "09": [([202.00, 9.00], 211.00)],
    "10": [([140.00, 9.00, 70.00, 210.00], 429.00), ([140 * 0.5], 70.00), ([140 * 1.5], 210.00)],
    "12": [([34.99] * 3, 104.97), ([104.97, 40.00, 1.86], 146.83)],
    "13": [([1286.40, 48.17, 192.96], 1527.53), ([1527.53, 114.72], 1642.25), ([109.45, 5.27], 114.72)],
    "14": [([2140.00, 96.31, 321.00, 512.00, 121.14, 238.89, -150.00], 3279.34)],
    "15": [([149.45, 149.45], 298.90)],
    "16": [([185.30, 742.18], 927.48)],
    "17": [([168.00, 168.00], 336.00)],
    "20": [([118.72] * 3, 356.16), ([356.16, 3.87], 360.03)],
    "22": [([834.60, 33.38], 867.98), ([834.60, 45.00], 879.60), ([867.98, 45.00], 912.98),
           ([round(834.60 * 0.04, 2)], 33.38)],
    "25": [([30.12, 52.89, 56.52, 20.41], 159.94)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
# absolute paths must not appear in any file of the batch (pattern built so it does not match itself)
ABS = re.compile("/(?:" + "|".join(["wo" + "rk", "t" + "mp", "ho" + "me"]) + ")/")
WIK = {"11": (184.95, 40.00), "12": (104.97, 40.00), "13": (1286.40, 192.96), "14": (2140.00, 321.00)}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAY_WORDS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
             "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende",
             "zeventiende", "achttiende", "negentiende", "twintigste", "eenentwintigste",
             "tweeëntwintigste", "drieëntwintigste", "vierentwintigste", "vijfentwintigste",
             "zesentwintigste", "zevenentwintigste", "achtentwintigste", "negenentwintigste",
             "dertigste", "eenendertigste"]
YEAR_WORDS = {2026: "tweeduizendzesentwintig", 2027: "tweeduizendzevenentwintig"}

AMOUNT_RE = re.compile(r"(?:€|EUR)[ \t]*\n?[ \t]*-?[ \t]*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            d.strftime("%d.%m.%Y"), d.strftime("%d/%m/%Y"),
            f"{DAY_WORDS[d.day - 1]} {MONTHS[d.month - 1]} {YEAR_WORDS.get(d.year, '?')}"]


def printed(d: date, text: str) -> bool:
    t = norm(text)
    return any(f in t for f in date_forms(d))


def amounts_in(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(rf"([a-z-]+)-{BATCH}-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["file name does not follow <kind>-b100-NN-slug"]
    kind, nn = m.group(1), m.group(2)
    if set(t) != KEYS:
        errs.append(f"keys differ: {sorted(set(t) ^ KEYS)}")
    if t["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {t['kind']} vs name {kind}")
    if t["stage"] not in STAGES:
        errs.append(f"stage {t['stage']}")
    if not t["sender"]:
        errs.append("no sender")
    # letter date
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            days, weeks, months = RELATIVE[nn]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if dd != want:
                errs.append(f"relative deadline {dd} != {want}")
        elif not printed(dd, text):
            errs.append(f"deadline {dd} not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif nn in RELATIVE:
        errs.append("relative term listed but deadline null")
    # objection deadline
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if t["stage"] in ("reminder", "aanmaning"):
            errs.append("objection_deadline on a reminder")
        if nn in PRINTED_OBJECTION:
            if not printed(date.fromisoformat(od), text):
                errs.append("printed objection date not found")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if "bezwaar" not in text.lower() and "beroep" not in text.lower():
            errs.append("objection date but no bezwaar/beroep in text")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        for part in ap["place"].split(","):
            if squash(part).lower() not in flat.lower():
                errs.append(f"appointment place part '{part.strip()}' not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")
    # amounts
    found = amounts_in(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - found
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if found - listed:
        errs.append(f"amounts printed but not listed: {sorted(found - listed)}")
    if missing:
        errs.append(f"amounts listed but not printed: {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]) \
                and not any(round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            errs.append("amount_due has no amount entry")
        if not t["iban"]:
            errs.append("amount_due but no iban")
    # iban
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}(?!\d)", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("truth iban invalid")
        if t["iban"] not in flat:
            errs.append("truth iban not printed")
        if t["amount_due"] is None:
            errs.append("iban without amount_due")
    # references
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        errs.append("payment_reference not printed")
    if pr and re.fullmatch(r"\d{16}", squash(pr)) and not kenmerk_valid(squash(pr)):
        errs.append("payment_reference check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)(\d{4} \d{4} \d{4} \d{4}|\d{16})(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit number {k} fails the check digit")
    # bsn
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9}|\d{3} \d{3} \d{3})(?!\d)", text)
    valid = [c for c in cands if bsn_valid(re.sub(r"\D", "", c))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but valid BSNs printed: {valid}")
    # arithmetic
    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if nn in WIK:
        principal, costs = WIK[nn]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    # house rules
    for f in (txt, txt.with_suffix(".json")):
        if ABS.search(f.read_text(encoding="utf-8")):
            errs.append(f"absolute path in {f.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split(f"-{BATCH}-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    batch_errs = []
    if len(files) != 25:
        batch_errs.append(f"{len(files)} letters, want 25")
    if KINDS - kinds:
        batch_errs.append(f"kinds missing: {sorted(KINDS - kinds)}")
    nums = sorted(p.stem.split(f"-{BATCH}-")[1][:2] for p in files)
    if nums != [f"{i:02d}" for i in range(1, len(files) + 1)]:
        batch_errs.append("numbering not 01..NN")
    for other in ("README.md", "check.py"):
        if ABS.search((HERE / other).read_text(encoding="utf-8")):
            batch_errs.append(f"absolute path in {other}")
    for e in batch_errs:
        print("BATCH " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(batch_errs)} batch problems")
    return 1 if bad or batch_errs else 0


if __name__ == "__main__":
    raise SystemExit(main())
