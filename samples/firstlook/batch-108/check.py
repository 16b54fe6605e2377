"""Consistency check for first-look batch 108: every NAME.json against its NAME.txt.

Run from anywhere: python check.py
Uses only the helpers of samples/holdout/tools.py; nothing from snapdebrief.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, iban_valid, kenmerk_valid, objection_deadline,  # noqa: E402
                   plus, wik)

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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# Written down from the letters, independently of the JSON files ---------------------------------
# relative terms: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen veertien dagen na de datum van deze aanmaning
    "06": (0, 2, 0),    # binnen twee weken na de dagtekening
    "07": (0, 0, 1),    # binnen een maand na de datum van deze brief
    "10": (14, 0, 0),   # 14 dagen vanaf de dag nadat je deze mail hebt ontvangen
    "17": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "22": (0, 3, 0),    # binnen 3 weken na de datum van dit bericht
}
# dates printed only in words
WORDS = {
    "12": {"2026-03-18": "achttiende maart tweeduizendzesentwintig",
           "2026-04-15": "vijftien april tweeduizendzesentwintig"},
}
# two-page letters (one form feed)
TWO_PAGE = {"01", "04", "12", "20"}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([10347, -2618, -4902], 2827), ([257] * 11, 2827)],
    "02": [([1534, -350], 1184), ([1184, 8], 1192)],
    "04": [([3012, -2184], 828), ([34.50] * 24, 828)],
    "05": [([398.40, 236.79, 109.62], 744.81), ([78.93] * 3, 236.79), ([372.41, 372.40], 744.81)],
    "06": [([287.36, 8.00], 295.36)],
    "07": [([386.52, 128.40], 514.92)],
    "08": [([111, 9], 120)],
    "09": [([160, 9], 169), ([169, 80], 249), ([249, 160], 409), ([160 * 0.5], 80)],
    "10": [([34.95, 34.95], 69.90), ([1.50, 1.50], 3.00), ([69.90, 3.00], 72.90)],
    "11": [([649, -150], 499), ([499, 11.37, 74.85], 585.22)],
    "12": [([37.50] * 11, 412.50), ([412.50, 18.64, 61.88, 118.37], 611.39)],
    "13": [([1286.40, 47.12, 386.00, 124.55, 158.70, -250.00], 1752.77)],
    "14": [([143.95, 143.95, 96.40], 384.30), ([128.45, 15.50], 143.95), ([64.05] * 6, 384.30)],
    "16": [([212.35, 706.44], 918.79)],
    "17": [([1127.50] * 3, 3382.50), ([3382.50, 463.25, 97.28], 3943.03)],
    "18": [([94.62, 168.00], 262.62)],
    "19": [([70.66, 65.76], 136.42), ([1.37 * 48], 65.76)],
    "20": [([1940.16, -1327.86], 612.30)],
    "21": [([1401.50, -70.08, -412.80], 918.62), ([918.62 * 23 / 31], 681.56)],
    "23": [([96.18, 96.18, 56.18], 248.54), ([96.18, -40.00], 56.18)],
    "25": [([184.20, 96.50], 280.70), ([100, 100, 80.70], 280.70)],
}
# WIK: number -> (principal, printed costs, printed btw or None)
WIK = {"10": (69.90, 40.00, None), "11": (499.00, 74.85, None), "12": (412.50, 61.88, None),
       "17": (3382.50, 463.25, 97.28)}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d,])")


def fmt(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed_date(d: str, text: str, num: str) -> bool:
    dd = date.fromisoformat(d)
    return any(f in text for f in date_forms(dd)) or WORDS.get(num, {}).get(d, "\0") in text


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    jpath = txt.with_suffix(".json")
    if not jpath.exists():
        return ["no json"]
    t = json.loads(jpath.read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-b108-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad name"]
    kind, num = m.group(1), m.group(2)
    if list(t) != KEYS:
        errs.append("keys differ from BRIEF.md")
    if t["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if t["stage"] not in STAGES:
        errs.append("stage")
    if not t["sender"]:
        errs.append("sender")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed_date(t["letter_date"], text, num):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months).isoformat()
            if dl["date"] != want:
                errs.append(f"relative deadline should be {want}")
        elif not printed_date(dl["date"], text, num):
            errs.append("deadline date not printed")
        if date.fromisoformat(dl["date"]) < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and kind not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection deadline on a non-decision")
    if od and t["stage"] in ("reminder", "aanmaning"):
        errs.append("objection deadline on a reminder")
    if od and od != objection_deadline(ld).isoformat():
        errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        if not printed_date(ap["date"], text, num):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")
    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    not_printed = {v for v in listed - printed
                   if fmt(v) not in text and not (v == int(v) and fmt(v)[:-3] in text)}
    if printed - listed:
        errs.append(f"printed but not listed {sorted(printed - listed)}")
    if not_printed:
        errs.append(f"listed but not printed {sorted(not_printed)}")
    ad = t["amount_due"]
    if ad is not None:
        if round(ad, 2) not in listed:
            errs.append("amount_due not among amounts")
        totals = [a["value"] for a in t["amounts"] if a["role"] == "total"]
        if round(ad, 2) not in [round(x, 2) for x in totals]:
            errs.append("amount_due is not the listed total")
        if not t["iban"]:
            errs.append("amount due but no iban")
    # iban / reference
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}", text):
        if not iban_valid(re.sub(r"\s", "", ib)):
            errs.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {t['bsn_found']} but {len(valid)} valid BSN-like numbers")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c, b = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK {p} -> {wik(p)} not {c}")
        if b is not None and round(c * 0.21 + 1e-9, 2) != b:
            errs.append("btw on incassokosten")
    # layout and hygiene
    ff = text.count("\f")
    if (num in TWO_PAGE) != (ff == 1) or ff > 1:
        errs.append(f"form feeds {ff}")
    if re.search(r"/(work|tmp|home)/", text + jpath.read_text(encoding="utf-8")):
        errs.append("absolute path")
    if not t["notes"]:
        errs.append("notes empty")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        e = check(p)
        kinds.add(p.stem.split("-b108-")[0])
        print(("FAIL " if e else "ok   ") + p.stem + ("  " + "; ".join(e) if e else ""))
        bad += bool(e)
    general = []
    if len(files) != 25:
        general.append(f"{len(files)} letters, want 25")
    if kinds != KINDS:
        general.append(f"kinds missing {sorted(KINDS - kinds)}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    missing = [p.stem for p in files if p.stem not in readme]
    if missing:
        general.append(f"README lacks {missing}")
    if re.search(r"/(work|tmp|home)/", readme):
        general.append("README has an absolute path")
    for g in general:
        print("FAIL " + g)
    print(f"{len(files)} letters, {bad} with problems, {len(general)} batch problems")
    return 1 if bad or general else 0


if __name__ == "__main__":
    raise SystemExit(main())
