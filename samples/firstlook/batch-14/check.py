"""Consistency check for first-look batch 14: every truth value against its letter text.

Run: ../../../.venv/bin/python check.py   (from this folder or anywhere)
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import objection_deadline  # noqa: E402  (date arithmetic helper only)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding", "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJ_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering", "gemeente-belastingaanslag",
             "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# relative terms as printed in the letters: number -> days after the letter date
RELATIVE = {2: 14, 6: 14, 10: 14, 12: 10, 13: 8, 18: 14}
# letters whose objection term is 'six weeks after the letter date' (all with one)
# sums that must hold: number -> list of (parts, total)
SUMS = {
    1: [([9654, -7806], 1848), ([231] * 8, 1848)],
    2: [([418, 9], 427)],
    3: [([131] * 12, 1572)],
    4: [([2850, -2208], 642), ([26.75] * 24, 642)],
    5: [([104.30, 128.54, 214.26], 447.10), ([71.42 * 3], 214.26), ([312000 * 0.000412], 128.54)],
    6: [([386.40, 8.50], 394.90)],
    7: [([348.60, 201.24, 63.00], 612.84), ([348.60, 201.24], 549.84)],
    8: [([124, 9], 133)],
    9: [([110, 9, 55], 174), ([110 * 0.5], 55)],
    11: [([249.95, 40.00, 2.86], 292.81)],
    13: [([1284.60, 67.12, 192.69, 487.00, 121.35, 131.44, -150.00], 2134.20)],
    14: [([29.95] * 12, 359.40), ([359.40, 53.91, 8.76, 118.02], 540.09)],
    15: [([139.85, 8.50], 148.35), ([148.35, 148.35], 296.70)],
    17: [([168.75, 468.75, 468.75], 1106.25)],
    18: [([164.00, 213.58], 377.58)],
    21: [([1842.06, -1329.76], 512.30), ([1903.46, -1542.30], 361.16), ([512.30, 361.16], 873.46)],
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, printed costs)
WIK = {10: (412.00, 61.80), 11: (249.95, 40.00), 13: (1284.60, 192.69), 14: (359.40, 53.91)}


def wik(p: float) -> float:
    bands = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot + 1e-9, 40.0), 6775.0), 2)


def bsn_ok(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_ok(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    t = sum(int(c) * W[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - t % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_ok(i: str) -> bool:
    s = i[4:] + i[:4]
    return len(i) == 18 and i.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


AMT_DEC = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})(?!\d)(?!\s?%)")
AMT_EUR_INT = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d,.]*\d)")


def amounts_in(text: str) -> set[float]:
    out = {round(int(w.replace(".", "")) + int(f) / 100, 2) for w, f in AMT_DEC.findall(text)}
    out |= {float(int(w.replace(".", ""))) for w in AMT_EUR_INT.findall(text)}
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-b14-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != t["kind"]:
        e.append("name/kind")
    n = int(m.group(2)) if m else 0
    if t["kind"] not in KINDS:
        e.append("kind")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date range")
    if not any(f in text for f in forms(ld)):
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if n in RELATIVE:
            if d != ld + timedelta(days=RELATIVE[n]):
                e.append(f"relative deadline {d} != {ld + timedelta(days=RELATIVE[n])}")
        elif not any(f in text for f in forms(d)):
            e.append("deadline date not printed")
    elif n in RELATIVE:
        e.append("relative term but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJ_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection deadline")
    if od:
        if t["stage"] != "decision":
            e.append("objection deadline on a non-decision")
        if date.fromisoformat(od) != objection_deadline(ld):
            e.append(f"objection {od} != {objection_deadline(ld)}")
        if "zes weken" not in text and "6 weken" not in text:
            e.append("no six-week term printed")
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            e.append("attend != appointment")
    printed = amounts_in(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    if printed != listed:
        e.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None and round(t["amount_due"], 2) not in printed:
        e.append("amount_due not printed")
    flat = squash(text)
    if t["iban"]:
        if not iban_ok(t["iban"]):
            e.append("iban mod-97")
        if t["iban"] not in flat:
            e.append("iban not printed")
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}", text):
        if not iban_ok(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_ok(squash(pr)):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_ok(k.replace(" ", "")):
            e.append(f"printed kenmerk {k} invalid")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    found = [c for c in cands if bsn_ok(c.replace(".", ""))]
    if t["bsn_found"] != bool(found):
        e.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers: {found}")
    for parts, total in SUMS.get(n, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if n in WIK and wik(WIK[n][0]) != WIK[n][1]:
        e.append(f"WIK on {WIK[n][0]} = {wik(WIK[n][0])}, printed {WIK[n][1]}")
    if not t["notes"]:
        e.append("notes empty")
    return e


def main() -> int:
    files = sorted(HERE.glob("*-b14-*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
