"""Check every NAME.json of batch 16 against its NAME.txt.

Run `python check.py` from this folder with the project's venv. Self-contained: it imports
nothing from the project. It checks kinds, stages, amounts printed, IBANs (mod-97), payment
references and 16-digit kenmerken, BSNs (elfproef), dates printed or derived from a relative
term, objection deadlines (42 days, Algemene termijnenwet) and the sums in the letters.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding", "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}

# relative terms as printed: number -> (days, weeks, months), counted from the letter date
RELATIVE = {2: (14, 0, 0), 6: (14, 0, 0), 7: (0, 0, 1), 10: (14, 0, 0), 12: (5, 0, 0), 13: (2, 0, 0),
            16: (14, 0, 0), 18: (14, 0, 0), 19: (7, 0, 0), 22: (0, 2, 0)}
# sums that must hold: number -> [(parts, total)]
SUMS = {1: [([4905, -3618], 1287), ([117] * 11, 1287)],
        2: [([2147, -800], 1347), ([1347, 18, 6.42], 1371.42)],
        4: [([1505, -1018], 487)],
        5: [([312.54, 341.16, 218.40], 872.10), ([436.05, 436.05], 872.10)],
        6: [([594.30, -198.10], 396.20), ([396.20, 7.00], 403.20)],
        7: [([402.36, 232.44], 634.80)],
        8: [([134, 9], 143)],
        9: [([109, 9, 54.50], 172.50), ([172.50, 109], 281.50)],
        11: [([34.95] * 3, 104.85), ([104.85, 1.87, 40], 146.72)],
        12: [([388.15, 224.25], 612.40), ([612.40, 18.77, 91.86], 723.03)],
        13: [([1486, 61.23, 222.90, 643.48, 129.44], 2543.05)],
        14: [([148.35, 148.35, 96.40], 393.10)],
        16: [([742.18, 742.18], 1484.36)],
        17: [([1095, -600], 495)],
        18: [([154, 154], 308)],
        19: [([274.82, -213.47], 61.35)],
        23: [([97.52] * 3, 292.56), ([292.56, 4.18], 296.74)]}
# percentages printed: number -> [(base, rate, printed)]
PCTS = {5: [(287000, 0.001089, 312.54)], 9: [(109, 0.5, 54.50)], 20: [(142.18, 0.75, 106.64), (142.18, 0.70, 99.53),
        (106.64, 21.75, 2319.42)]}
# Besluit vergoeding buitengerechtelijke incassokosten: number -> (principal, costs printed)
WIK = {10: (264.95, 40.00), 11: (104.85, 40.00), 12: (612.40, 91.86), 13: (1486.00, 222.90),
       16: (1484.36, 222.65), 18: (308.00, 46.20)}


def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(s: str) -> bool:
    return len(s) == 18 and s.startswith("NL") and int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def kenmerk_valid(k: str) -> bool:
    w = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
    c = 11 - sum(int(x) * w[i % 10] for i, x in enumerate(reversed(k[1:]))) % 11
    return len(k) == 16 and int(k[0]) == {10: 1, 11: 0}.get(c, c)


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)}


def objection(ld: date) -> date:
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def wik(p: float) -> float:
    bands, rest, tot = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (1e12, .005)], p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0) + 1e-9, 2)


AMOUNT_RE = re.compile(r"(?:€|EUR)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) / 100 if f and f.isdigit() else 0), 2)
            for w, f in AMOUNT_RE.findall(text)}


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check(p: Path) -> list[str]:
    e: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    nn = int(re.search(r"-b16-(\d\d)-", p.stem).group(1))
    flat = squash(text)
    if t["kind"] not in KINDS or not p.stem.startswith(t["kind"] + "-b16-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        d = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            days, weeks, months = RELATIVE[nn]
            want = ld + timedelta(days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                e.append(f"relative deadline {d} != {want}")
        elif not any(f in text for f in forms(d)):
            e.append("deadline date not printed")
        if d < ld:
            e.append("deadline before letter")
    elif nn in RELATIVE:
        e.append("relative term but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection deadline")
    if od and t["kind"] not in OBJECTION_KINDS and t["stage"] != "decision":
        e.append("objection deadline on a non-decision")
    if od and date.fromisoformat(od) != objection(ld):
        e.append(f"objection {od} != {objection(ld)}")
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment/attend mismatch")
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        e.append("role")
    if printed != listed:
        e.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(listed - printed)}")
    if t["amount_due"] is not None and round(t["amount_due"], 2) not in printed:
        e.append("amount_due not printed")
    if t["amount_due"] is None and (t["iban"] or t["payment_reference"]):
        e.append("payment data but nothing due")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            e.append("iban invalid")
        if t["iban"] not in flat:
            e.append("iban not printed")
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment reference not printed")
        if re.fullmatch(r"\d{16}", pr) and not kenmerk_valid(pr):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    if t["bsn_found"] != any(bsn_valid(b) for b in bsns):
        e.append(f"bsn_found {t['bsn_found']} but found {bsns}")
    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
        for v in [abs(x) for x in parts] + [total]:
            if round(v, 2) not in printed:
                e.append(f"sum part {v} not printed")
    for base, rate, val in PCTS.get(nn, []):
        if round(base * rate + 1e-9, 2) != val:
            e.append(f"{base} x {rate} != {val}")
    if nn in WIK and wik(WIK[nn][0]) != WIK[nn][1]:
        e.append(f"WIK on {WIK[nn][0]} is {wik(WIK[nn][0])}")
    if not t.get("notes"):
        e.append("no notes")
    return e


def main() -> int:
    files = sorted(HERE.glob("*-b16-*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        bad += bool(errs)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad or len(files) != 25 else 0


if __name__ == "__main__":
    sys.exit(main())
