"""Consistency check for first-look batch 38: every NAME.json against NAME.txt.

Run from anywhere:  python check.py
Independent of snapdebrief: nothing here imports the package. The arithmetic below is written
down per letter, separately from the JSON files, so a wrong truth value shows up as a mismatch.
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

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(s: str) -> bool:
    if len(s) != 18 or not s.startswith("NL"):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * W[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    c = {10: 1, 11: 0}.get(c, c)
    return int(k[0]) == c

# --- dates ---------------------------------------------------------------------------------


KB_DAYS = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in KB_DAYS if d.year == y}


def atw(d: date) -> date:
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]

# --- amounts -------------------------------------------------------------------------------


AMOUNT_RE = re.compile(r"€\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    return {round(int(w.replace(".", "")) + (int(f) if f else 0) / 100, 2)
            for w, f in AMOUNT_RE.findall(text)}


def fmt(v: float) -> str:
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return s


def squash(t: str) -> str:
    return re.sub(r"[\s.]", "", t)

# --- per-letter facts, written down from the letters themselves ----------------------------


# number -> (letter date, days, weeks, months) for deadlines stated as a term
RELATIVE = {
    "03": (date(2026, 8, 14), 14, 0, 0),    # binnen 14 dagen na de dagtekening
    "07": (date(2026, 6, 9), 14, 0, 0),     # binnen 14 dagen na de datum van deze brief
    "08": (date(2026, 5, 6), 0, 0, 1),      # binnen één maand na dagtekening
    "11": (date(2026, 4, 9), 14, 0, 0),     # 14 dagen vanaf de dag na ontvangst -> from letter date
    "13": (date(2026, 7, 21), 5, 0, 0),     # binnen vijf dagen na dagtekening dezes (Sunday, no shift)
    "16": (date(2026, 3, 10), 0, 4, 0),     # binnen vier weken na de datum van deze brief
    "19": (date(2026, 10, 16), 14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "21": (date(2026, 8, 27), 0, 6, 0),     # binnen 6 weken na de datum van deze brief
    "22": (date(2026, 11, 4), 0, 4, 0),     # binnen 4 weken na de datum van deze brief
}

# number -> list of (parts, total) that must add up
SUMS = {
    "01": [([12874, -4102], 8772), ([8772, -8109], 663), ([663, 21], 684), ([1548, 2554], 4102)],
    "02": [([153] * 12, 1836)],
    "03": [([1650, -410], 1240), ([1240, 18, 7], 1265)],
    "04": [([287] * 12, 3444)],
    "05": [([6112, -5478], 634)],
    "06": [([312.60, 384.00, 221.16], 917.76), ([458.88, 458.88], 917.76),
           ([round(298000 * 0.001049, 2)], 312.60)],
    "07": [([342.18, 8.00], 350.18)],
    "08": [([1402.18, -1387.18], 15.00), ([15.00] * 12, 180.00), ([356.40, 176.20], 532.60),
           ([532.60, -180.00], 352.60)],
    "09": [([119, 9], 128)],
    "10": [([105, 9, 52.50], 166.50), ([105 * 0.5], 52.50)],
    "12": [([34.95] * 3, 104.85), ([104.85, 1.87, 40.00], 146.72)],
    "13": [([1206.40, 38.12, 180.96, 38.00], 1463.48)],
    "14": [([842.00, 27.15, 126.30], 995.45), ([995.45, 118.17], 1113.62)],
    "15": [([1650.00, 62.88, 411.00, 194.86], 2318.74)],
    "16": [([148.35, 148.35], 296.70), ([49.45] * 6, 296.70)],
    "18": [([712.40, 712.40, -300.00], 1124.80)],
    "19": [([164.00, 164.00, 57.38], 385.38)],
    "21": [([3712.80, -2561.20], 1151.60)],
    "23": [([87.44, 87.44], 174.88)],
}


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


# number -> (hoofdsom, printed incassokosten, printed btw or None)
WIK = {"11": (219.95, 40.00, None), "12": (104.85, 40.00, None), "13": (1206.40, 180.96, 38.00),
       "14": (842.00, 126.30, None)}

# --- checks --------------------------------------------------------------------------------


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    num = re.search(r"-b38-(\d\d)-", txt.stem).group(1)
    if set(t) != KEYS:
        errs.append(f"keys {sorted(set(t) ^ KEYS)}")
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b38-"):
        errs.append("kind/name")
    if t["stage"] not in STAGES:
        errs.append("stage")
    for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
        if bad in text or bad in json.dumps(t):
            errs.append("forbidden path")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in forms(ld)):
        errs.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            base, d, w, m = RELATIVE[num]
            want = base + timedelta(days=d + 7 * w) + relativedelta(months=m)
            if base != ld or dd != want:
                errs.append(f"relative deadline want {want}")
        elif not any(f in text for f in forms(dd)):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection deadline")
    if od and t["kind"] not in OBJECTION_KINDS and t["stage"] != "decision":
        errs.append("objection deadline on non-decision")
    if od and date.fromisoformat(od) != atw(ld + timedelta(42)):
        errs.append(f"objection want {atw(ld + timedelta(42))}")
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment/attend mismatch")
    # amounts
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    listed = {round(a["value"], 2) for a in t["amounts"]}
    printed = printed_amounts(text)
    missing = {v for v in listed if v not in printed and fmt(v) not in text}
    if printed - listed or missing:
        errs.append(f"printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    if t["amount_due"] is not None:
        if round(t["amount_due"], 2) not in listed:
            errs.append("amount_due not among amounts")
        if not t["iban"]:
            errs.append("amount due but no iban")
        if not dl or dl["action"] not in ("pay", "attend", "send_documents"):
            errs.append("amount due without pay-type deadline")
    # identifiers
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
            errs.append("payment reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed kenmerk {k} invalid")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {bsns}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c, b = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK {p} -> {wik(p)} not {c}")
        if b is not None and round(c * 0.21 + 1e-9, 2) != b:
            errs.append(f"btw {c} -> {round(c * .21, 2)} not {b}")
    if "\f" in text and text.count("\f") < 1:
        errs.append("page split")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for f in files:
        e = check(f)
        kinds.add(json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if e else "ok   ") + f.stem + ("  " + "; ".join(e) if e else ""))
        bad += bool(e)
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
