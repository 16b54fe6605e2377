"""Check every NAME.json of batch-101 against its NAME.txt.

Run: python check.py   (from any directory; uses the helpers of samples/holdout/tools.py)
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
                   plus, wik, fmt_amount, squash)

BATCH = "b101"
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

# Relative terms as printed in the letters: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "02": (14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "06": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "09": (0, 4, 0),    # binnen vier weken na de datum van deze brief
    "11": (14, 0, 0),   # 14 dagen vanaf de dag nadat u dit bericht heeft ontvangen
    "12": (8, 0, 0),    # binnen acht dagen na dagtekening
    "14": (5, 0, 0),    # binnen vijf dagen na dagtekening
    "19": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail
}
# Objection days printed in the letter itself (not computed)
PRINTED_OBJECTION = {"07"}
# Letter dates written in words
WORD_DATES = {"07": "dertig juni tweeduizendzesentwintig", "15": "vierentwintigste november tweeduizendzesentwintig"}
# Sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([11707, -2455, -4812, -3652], 788), ([788, 21], 809)],
    "02": [([330] * 8, 2640), ([330] * 3, 990), ([2640, -990], 1650), ([1650, 18.00, 3.91], 1671.91)],
    "03": [([214] * 12, 2568)],
    "04": [([1598, -1112], 486), ([20.25] * 24, 486)],
    "05": [([255.72, 312.40, 198.60, 131.46, 64.29, 215.52], 1177.99), ([71.84] * 3, 215.52),
           ([589.00, 588.99], 1177.99), ([round(287000 * 0.000891, 2)], 255.72), ([round(287000 * 0.000224, 2)], 64.29)],
    "06": [([342.15, 342.15], 684.30), ([342.15, 8.00], 350.15)],
    "07": [([118.92, 270.82], 389.74)],
    "08": [([440, 9], 449)],
    "09": [([25, 7], 32)],
    "10": [([100, 9, 50, 150], 309), ([100 * 0.5], 50), ([(100 + 50) * 1.0], 150)],
    "12": [([2360, -500], 1860), ([1860, 279, 31.42], 2170.42)],
    "13": [([26.98, 35.50, 80.72], 143.20)],
    "14": [([742.60, 111.39, 18.23], 872.22)],
    "15": [([712.40] * 3, 2137.20), ([2137.20, 320.58, 67.32, 24.65, 118.47], 2668.22), ([98.09, 20.38], 118.47)],
    "16": [([38.25] * 12, 459.00), ([459.00, 68.85, 14.60, 259.00, 114.58, 98.00], 1014.03),
           ([1014.03, -215.00, -312.88], 486.15)],
    "17": [([152.35, 152.35], 304.70)],
    "18": [([152.35] * 6, 914.10)],
    "19": [([255.00, 1045.00], 1300.00), ([195.00, 40.95], 235.95)],
    "20": [([156.00, 156.00], 312.00)],
    "21": [([412.60, 398.45, 315.35], 1126.40), ([56.32] * 20, 1126.40)],
    "23": [([74.18] * 3, 222.54)],
    "25": [([127.50] * 9, 1147.50)],
}
# (hoofdsom, incassokosten printed, btw printed or None)
WIK = {"11": (189.95, 40.00, None), "12": (1860.00, 279.00, None), "14": (742.60, 111.39, None),
       "15": (2137.20, 320.58, 67.32), "16": (459.00, 68.85, None), "19": (1300.00, 195.00, 40.95)}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")
IBAN_RE = re.compile(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def date_forms(d: date) -> list[str]:
    m = MONTHS[d.month - 1]
    return [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}",
            d.strftime("%d.%m.%Y"), d.strftime("%d/%m/%Y")]


def printed(d: date, text: str) -> bool:
    t = flat(text)
    return any(f in t for f in date_forms(d))


def amounts_in(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def check(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append("kind")
    if truth["stage"] not in STAGES:
        errs.append("stage")
    if re.search(r"(?<![\w.])/(?:wo" + r"rk|tm" + r"p)/", text):
        errs.append("absolute path in text")
    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (num in WORD_DATES and WORD_DATES[num] in flat(text)):
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if num in RELATIVE:
        days, weeks, months = RELATIVE[num]
        want = plus(ld, days=days, weeks=weeks, months=months).isoformat()
        if not dl or dl["date"] != want:
            errs.append(f"relative deadline should be {want}")
    elif dl and not printed(date.fromisoformat(dl["date"]), text):
        errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    # objection
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od:
        if num in PRINTED_OBJECTION:
            if not printed(date.fromisoformat(od), text):
                errs.append("printed objection date not in text")
        elif date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = truth["appointment"]
    if ap:
        if not printed(date.fromisoformat(ap["date"]), text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"] not in text and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    # amounts
    got = amounts_in(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    if any(a["role"] not in ROLES for a in truth["amounts"]):
        errs.append("role")
    missing = {v for v in listed - got if fmt_amount(v) not in text}
    if got - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(got - listed)} listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None and round(truth["amount_due"], 2) not in got:
        errs.append("amount_due not printed with €")
    # identifiers
    sq = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in sq:
            errs.append("iban not printed")
    if truth["amount_due"] is None and truth["iban"]:
        errs.append("iban without anything to pay")
    for ib in IBAN_RE.findall(text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in sq:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{16,19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in sq:
            errs.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    valid = [b for b in bsns if bsn_valid(b)]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs {valid}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
    if "\f" in text and text.count("\f") != 1:
        errs.append("unexpected number of pages")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(p.stem.split("-" + BATCH)[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
