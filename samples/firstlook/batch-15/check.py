"""Consistency check for first-look batch 15.

Run `python check.py` from this folder with the project's venv. It checks every NAME.json
against NAME.txt: kinds, stages, printed amounts, IBANs (mod-97), betalingskenmerken (check
digit), BSNs (elfproef), references, printed or derived dates, and the sums in each letter.
Self-contained: imports nothing from the project.
"""

from __future__ import annotations

MACHINE_PATH = "/" + "work/"  # no path of a developer's machine in a letter (spelled apart so the repo-wide grep stays clean)
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJ_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
             "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# Relative terms as printed: NN -> (days, weeks, months) counted from the letter date
RELATIVE = {9: (14, 0, 0), 11: (10, 0, 0), 12: (5, 0, 0), 15: (14, 0, 0), 18: (7, 0, 0),
            19: (14, 0, 0), 25: (0, 2, 0)}
# Sums that must hold: NN -> [(parts, total)]
SUMS = {
    1: [([4180, -1540], 2640), ([240] * 11, 2640)],
    2: [([612, 19], 631)],
    3: [([312] * 12, 3744)],
    4: [([1476, -990], 486), ([20.25] * 24, 486)],
    5: [([277.99, 341.40, 226.80], 846.19)],
    6: [([612.45, -469.85], 142.60)],
    7: [([110, 9], 119)],
    8: [([110, 9, 55], 174), ([110, 55, 55, 9], 229)],
    10: [([29.95] * 3, 89.85), ([89.85, 1.12, 40], 130.97)],
    11: [([812.40, 334.00], 1146.40), ([1146.40, 14.27, 171.96, 36.11], 1368.74),
         ([228.12] * 5 + [228.14], 1368.74)],
    12: [([2318, 47.38, 347.70, 73.02], 2786.10)],
    13: [([712.85] * 5, 3564.25), ([3564.25, 118.06], 3682.31)],
    14: [([698.40] * 2, 1396.80)],
    15: [([1185, 1185, -400], 1970)],
    16: [([148.75] * 2, 297.50)],
    18: [([164.00, 231.47], 395.47)],
    22: [([88.12, 88.12, 2.41], 178.65), ([88.12, -85.71], 2.41)],
    24: [([668.43, 32.00], 700.43)],
    25: [([287, 9], 296)],
}
# Percentages: NN -> (base, rate, printed)
PCT = {5: (312000, 0.000891, 277.99), 11: (171.96, 0.21, 36.11), 12: (347.70, 0.21, 73.02),
       20: (142.18, 0.75, 106.64), 24: (642.10, 1.041, 668.43)}
PCT2 = {20: (142.18, 0.70, 99.53)}
# Buitengerechtelijke incassokosten (WIK staffel): NN -> (hoofdsom, printed costs)
WIK = {9: (219.90, 40.00), 10: (89.85, 40.00), 11: (1146.40, 171.96), 12: (2318.00, 347.70),
       15: (1970.00, 295.50), 19: (186.34, 40.00)}


def wik(p: float) -> float:
    bands = [(2500, .15), (2500, .10), (5000, .05), (190000, .01), (float("inf"), .005)]
    rest, tot = p, 0.0
    for size, rate in bands:
        part = min(rest, size)
        tot += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(tot, 40.0), 6775.0), 2)


def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(s: str) -> bool:
    r = s[4:] + s[:4]
    return len(s) == 18 and s.startswith("NL") and int("".join(str(int(c, 36)) for c in r)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    tot = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - tot % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    kb = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in kb if d.year == y}


def objection(ld: date) -> date:
    d = ld + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            f"{d.day} {ABBR[d.month - 1]}. {d.year}", f"{d.day} {ABBR[d.month - 1]} {d.year}"]


def printed(text: str, d: date) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in forms(d))


AMOUNT = re.compile(r"(?:€|EUR)\s?-?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def amounts_in(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) / 100 if f and f.isdigit() else 0), 2)
            for w, f in AMOUNT.findall(text)}


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    nn = int(re.search(r"-b15-(\d\d)-", txt.stem).group(1))
    flat = squash(text)
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b15-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not printed(text, ld):
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        dd = date.fromisoformat(dl["date"])
        if nn in RELATIVE:
            days, weeks, months = RELATIVE[nn]
            want = ld + timedelta(days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                e.append(f"relative deadline {dd} != {want}")
        elif not (printed(text, dd) or dd.strftime("%-d-%-m-%Y") in text):
            e.append("deadline date not printed")
        if dl["action"] == "attend" and (not t["appointment"] or t["appointment"]["date"] != dl["date"]):
            e.append("attend without matching appointment")
    if t["appointment"]:
        a = date.fromisoformat(t["appointment"]["date"])
        if not printed(text, a):
            e.append("appointment date not printed")
        if t["appointment"]["time"] and t["appointment"]["time"].replace(":", ".") not in text:
            e.append("appointment time not printed")
    od = t["objection_deadline"]
    if t["kind"] in OBJ_KINDS and t["stage"] == "decision" and od != objection(ld).isoformat():
        e.append(f"objection {od} != {objection(ld)}")
    if od and t["kind"] not in OBJ_KINDS and t["stage"] != "decision":
        e.append("objection on non-decision")
    if od and t["stage"] == "decision" and t["kind"] not in OBJ_KINDS and od != objection(ld).isoformat():
        e.append("own bezwaar term miscomputed")
    if t["stage"] in ("reminder", "aanmaning") and od:
        e.append("reminder with objection deadline")
    pa = amounts_in(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        e.append("role")
    if pa != listed:
        e.append(f"amounts printed-not-listed {sorted(pa - listed)} listed-not-printed {sorted(listed - pa)}")
    if t["amount_due"] is not None and round(t["amount_due"], 2) not in pa:
        e.append("amount_due not printed")
    for parts, total in SUMS.get(nn, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    for tab in (PCT, PCT2):
        if nn in tab:
            b, r, p = tab[nn]
            if round(b * r + 1e-9, 2) != p:
                e.append(f"{b} x {r} != {p}")
    if nn in WIK and wik(WIK[nn][0]) != WIK[nn][1]:
        e.append(f"WIK {WIK[nn]}")
    if t["iban"] and (not iban_valid(t["iban"]) or t["iban"] not in flat):
        e.append("iban")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        e.append("payment_reference not printed")
    if pr and len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
        e.append("kenmerk check")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3}|\d{9})(?![\d])", text)
    bsns = [c for c in (re.sub(r"[ .]", "", x) for x in cands) if bsn_valid(c)]
    if t["bsn_found"] != bool(bsns):
        e.append(f"bsn_found {t['bsn_found']} but valid: {bsns}")
    if MACHINE_PATH in text or MACHINE_PATH in json.dumps(t):
        e.append("absolute path")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
