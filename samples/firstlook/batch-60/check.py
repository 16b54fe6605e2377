"""Consistency check for first-look batch 60: every NAME.json against its NAME.txt.

Run:  python check.py   (from any directory). Uses only the helper functions of
samples/holdout/tools.py; independent of snapdebrief.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid, date_forms,  # noqa: E402
                   fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus, squash, wik)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
# € amounts with any spacing / minus sign, incl. whole euros ("€ 1.716") and EUR
MONEY_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")

# relative terms as printed: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen twee weken na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze e-mail
    "12": (14, 0, 0),   # binnen 14 dagen na de dag waarop je deze mail ontvangt
    "15": (14, 0, 0),   # binnen veertien dagen na dagtekening
    "23": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
}
RELATIVE_PHRASE = {
    "03": "binnen twee weken na de datum van deze aanmaning",
    "07": "binnen 14 dagen na de datum van deze e-mail",
    "12": "binnen 14 dagen na de dag",
    "15": "veertien dagen na dagtekening",
    "23": "binnen 4 weken na de datum van",
}
# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([13756, -2216, -5102], 6438), ([7158, -6438], 720), ([1152, -720], 432), ([432, 11], 443)],
    "02": [([156] * 11, 1716), ([1716, -132], 1584), ([156, 156], 312), ([312, -132], 180)],
    "03": [([1537, 18], 1555)],
    "04": [([274, -212], 62), ([62] * 3, 186)],
    "05": [([123] * 12, 1476), ([1476, -873], 603), ([3012, -2925], 87), ([603, -87], 516), ([21.50] * 24, 516)],
    "06": [([274.95, 198.40, 331.80], 805.15), ([805.15, -48.20], 756.95), ([378.48, 378.47], 756.95)],
    "07": [([98.16, 165.21], 263.37), ([263.37, -120], 143.37)],
    "08": [([312, 158.40, 96], 566.40), ([56.64] * 10, 566.40), ([56.64, 56.64], 113.28),
           ([312, 158.40], 470.40), ([113.28, -96], 17.28)],
    "09": [([148, 9], 157)],
    "10": [([110, 9, 55, 110], 284), ([284, -50], 234)],
    "11": [([1250, -550], 700), ([50, 50], 100)],
    "12": [([149.90, -39.95], 109.95)],
    "13": [([34.95] * 3, 104.85), ([104.85, 40, 1.87], 146.72)],
    "14": [([1840, 41.37, 276], 2157.37), ([2157.37, 118.45], 2275.82)],
    "15": [([2104.55, 187.20, 398, 112.61, -300], 2502.36)],
    "16": [([149.20, 149.20], 298.40), ([298.40, 298.40], 596.80)],
    "18": [([743.15, 743.15], 1486.30), ([297.26] * 5, 1486.30)],
    "19": [([712.40, 880.50, 167.76, 612.30, -630.78], 1742.18), ([83.88, 83.88], 167.76), ([165] * 10, 1650),
           ([165] * 12, 1980), ([1980, -1742.18], 237.82), ([165, 165], 330), ([330, -237.82], 92.18)],
    "20": [([1874.20, -1461.54], 412.66), ([1180.40, -1052.10], 128.30), ([412.66, -128.30], 284.36),
           ([284.36, -82.53], 201.83)],
    "23": [([196.52, 196.52], 393.04)],
    "25": [([212.60, 486.15, 519, 1104.40], 2322.15)],
}
# (hoofdsom, printed buitengerechtelijke incassokosten)
WIK = {"12": (109.95, 40.00), "13": (104.85, 40.00), "14": (1840.00, 276.00)}
# letters that print their last day for bezwaar themselves (none in this batch)
PRINTED_OBJECTION = set()


def money(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(c) / 100 if c else 0), 2) for w, c in MONEY_RE.findall(text)}


def forms(d: date) -> list[str]:
    f = date_forms(d)
    return f + [f"{d.day} {MONTHS[d.month - 1]}", f"{d.day}-{d.month:02d}-{d.year}"]


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b60-(\d\d)-", txt.stem).group(1)
    flat = squash(text)
    keys = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
    if list(t) != keys:
        e.append(f"keys {list(t)}")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b60-"):
        e.append("kind/stem")
    if t["stage"] not in STAGES:
        e.append("stage")
    if t["sender"].split()[0].lower().strip(",") not in text.lower() and t["sender"] != "GBLT":
        e.append("sender not in text")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)):
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        dd = date.fromisoformat(dl["date"])
        if dd <= ld:
            e.append("deadline not after letter date")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if dd != plus(ld, days=days, weeks=weeks, months=months):
                e.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
            if RELATIVE_PHRASE[num] not in text:
                e.append("relative phrase not printed")
        elif not any(f in text for f in forms(dd)):
            e.append("deadline date not printed")
    od = t["objection_deadline"]
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection deadline")
    if od:
        if kind not in OBJECTION_KINDS and t["stage"] != "decision":
            e.append("objection deadline on non-decision")
        if num not in PRINTED_OBJECTION and date.fromisoformat(od) != objection_deadline(ld):
            e.append(f"objection {od} != {objection_deadline(ld)}")
        if not re.search(r"(6|zes) weken", text):
            e.append("no six-week term printed")
    if t["stage"] in ("reminder", "aanmaning") and od:
        e.append("reminder with objection deadline")
    ap = t["appointment"]
    if ap:
        if not any(f in text for f in forms(date.fromisoformat(ap["date"]))):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            e.append("attend date != appointment")
    # amounts
    listed = [round(a["value"], 2) for a in t["amounts"]]
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    printed = money(text)
    extra = printed - set(listed)
    missing = {v for v in listed if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if extra or missing:
        e.append(f"amounts printed-not-listed {sorted(extra)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in printed:
            e.append("amount_due not printed with euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(t["amount_due"], 2) for a in t["amounts"]):
            e.append("amount_due has no total role")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        e.append(f"WIK on {WIK[num][0]} is {wik(WIK[num][0])}")
    # identifiers
    ibans_printed = {m.replace(" ", "") for m in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text)}
    for ib in ibans_printed:
        if not iban_valid(ib):
            e.append(f"printed iban {ib} invalid")
    if t["iban"]:
        if t["iban"] not in ibans_printed:
            e.append("iban not printed")
        if t["amount_due"] is None:
            e.append("iban without amount due")
    elif t["amount_due"] is not None:
        e.append("amount due without iban")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        d = pr.replace(" ", "")
        if d.isdigit() and len(d) == 16 and not kenmerk_valid(d):
            e.append("payment_reference check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"16-digit {k} fails check")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        e.append(f"bsn_found {t['bsn_found']} but valid BSNs {bsns}")
    if "\f" in text and text.count("\f") < 1:
        e.append("page split")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
