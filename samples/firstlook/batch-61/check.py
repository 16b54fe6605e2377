"""Consistency check for first-look batch 61: every NAME.json against NAME.txt.

Run: python check.py   (uses helpers from samples/holdout/tools.py)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (KINDS, STAGES, ACTIONS, ROLES, OBJECTION_KINDS, bsn_valid, kenmerk_valid,  # noqa: E402
                   iban_valid, objection_deadline, plus, printed_amounts, fmt_amount, squash, wik,
                   date_forms)

KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# Relative terms as printed in the letter: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "01": (14, 0, 0),   # veertien dagen, beginnend de dag na ontvangst
    "03": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
    "05": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "07": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "10": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "14": (14, 0, 0),   # binnen veertien dagen na de dagtekening
    "19": (0, 2, 0),    # binnen twee weken na de datum van deze brief
}
# Letters whose text prints the last day for bezwaar/beroep itself
PRINTED_OBJECTION = {"15": "4 juni 2026"}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "02": [([34.95] * 4, 139.80), ([139.80, 1.62, 40.00], 181.42), ([181.42, -25.00], 156.42)],
    "03": [([687.43, 687.43, -300.00], 1074.86)],
    "04": [([1145.00] * 3, 3435.00), ([1145.00] * 2, 2290.00)],
    "05": [([412.37, 148.00], 560.37)],
    "07": [([139.95, 12.90], 152.85), ([152.85] * 3, 458.55)],
    "09": [([9864, -3092], 6772), ([6772, -6045], 727), ([727, 7], 734)],
    "10": [([1236, 18], 1254)],
    "11": [([283] * 12, 3396)],
    "12": [([123] * 12, 1476), ([2112, -1248], 864), ([1476, -864], 612), ([25.50] * 24, 612)],
    "13": [([378.60, 214.08], 592.68), ([296.34, 296.34], 592.68)],
    "14": [([318.42, -100.00], 218.42), ([218.42, 9.00], 227.42)],
    "15": [([1589.35, -1566.43], 22.92), ([18.34] * 12, 220.08), ([512.40, -220.08], 292.32)],
    "16": [([200.00, 9.00], 209.00), ([100.00, 100.00], 200.00)],
    "17": [([103.20] * 4, 412.80), ([412.80, 11.37], 424.17)],
    "18": [([742.18, 38.44, 111.33], 891.95), ([891.95, 121.15], 1013.10)],
    "19": [([1688.40, 64.12, 566.25], 2318.77), ([1790.00, -1472.16], 317.84)],
    "20": [([84.62] * 10, 846.20)],
    "22": [([93.30, 93.30], 186.60)],
    "25": [([29.41, 116.79], 146.20)],
}
# number -> (hoofdsom, printed incassokosten)
WIK = {"01": (189.95, 40.00), "02": (139.80, 40.00), "04": (3435.00, 468.50), "18": (742.18, 111.33)}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DATE_WORDS = {"2027-01-26": "zesentwintigste januari tweeduizendzevenentwintig"}


def forms(d: date) -> list[str]:
    return date_forms(d) + [d.strftime("%d-%m-%Y"), f"{d.day} {MONTHS[d.month - 1]}"]


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b61-(\d\d)-", txt.stem).group(1)
    if list(t) != KEYS:
        e.append("json keys")
    kind = t["kind"]
    if kind not in KINDS or not txt.stem.startswith(f"{kind}-b61-{num}-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and DATE_WORDS.get(t["letter_date"], "@@") not in text:
        e.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                e.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in forms(d)):
            e.append("deadline date not printed")
    elif num in RELATIVE:
        e.append("relative term but no deadline")
    # objection
    od = t["objection_deadline"]
    is_decision = t["stage"] == "decision"
    if kind in OBJECTION_KINDS and is_decision and not od:
        e.append("decision without objection_deadline")
    if od and not is_decision:
        e.append("objection_deadline on a non-decision")
    if od:
        if num in PRINTED_OBJECTION:
            if PRINTED_OBJECTION[num] not in text or date.fromisoformat(od) != date(2026, 6, 4):
                e.append("printed objection day mismatch")
        elif date.fromisoformat(od) != objection_deadline(ld):
            e.append(f"objection {od} != {objection_deadline(ld)}")
    # amounts
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        e.append("amount listed twice")
    printed = printed_amounts(text)
    missing = [v for v in listed if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)]
    if printed - set(listed) or missing:
        e.append(f"printed-not-listed {sorted(printed - set(listed))} listed-not-printed {missing}")
    due = t["amount_due"]
    if due is not None:
        if round(due, 2) not in printed or round(due, 2) not in listed:
            e.append("amount_due not printed/listed")
        if t["iban"] is None:
            e.append("amount due without iban")
    # iban / reference
    if t["iban"]:
        if not iban_valid(t["iban"]) or t["iban"] not in flat:
            e.append("iban invalid or not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed kenmerk {k} invalid")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        e.append(f"bsn_found {t['bsn_found']} but valid BSNs {bsns}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            e.append("attend deadline != appointment")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        e.append(f"WIK on {WIK[num][0]} is {wik(WIK[num][0])}")
    if due is not None and t["stage"] == "14-dagenbrief" and any(a["role"] == "costs" and a["value"] == due for a in t["amounts"]):
        e.append("announced costs in amount_due")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    kinds = {json.loads(p.with_suffix(".json").read_text())["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds)); bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}"); bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
