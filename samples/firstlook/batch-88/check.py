"""Consistency check for first-look batch 88: every NAME.json against its NAME.txt.

Run:  python check.py   (from any directory; tools.py is found relative to this file)
Checks kinds, stages, names, IBANs (mod-97), BSNs (elfproef), 16-digit payment references,
amounts printed vs listed, sums and WIK costs, dates printed or derived (BRIEF.md conventions),
objection deadlines (Algemene termijnenwet), appointments, and that no absolute path is written.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import (bsn_valid, fmt_amount, iban_valid, kenmerk_valid,  # noqa: E402
                   objection_deadline, plus, squash, wik)

BATCH = "b88"
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
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- written down independently of the JSON files --------------------------------------------
# relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE = {
    "03": (date(2026, 6, 9), 14, 0, 0),    # binnen 14 dagen na de datum van deze aanmaning
    "08": (date(2026, 6, 17), 14, 0, 0),   # binnen veertien dagen na de dagtekening
    "12": (date(2026, 3, 18), 14, 0, 0),   # binnen 14 dagen na ontvangst -> from letter date
    "14": (date(2026, 10, 7), 8, 0, 0),    # binnen acht (8) dagen na dagtekening dezes
    "16": (date(2027, 1, 20), 0, 2, 0),    # binnen twee weken na de datum van deze brief
    "20": (date(2026, 5, 6), 10, 0, 0),    # binnen 10 dagen
}
# letters that print their own last day for bezwaar: number -> printed day
PRINTED_OBJECTION = {"07": date(2026, 4, 10)}
# sums that must hold: number -> [(parts, total)]
SUMS = {
    "01": [([14868, -2101, -5105, -5252], 2410), ([241] * 10, 2410)],
    "02": [([1354, -1020], 334), ([85] * 12, 1020), ([334, 6], 340)],
    "03": [([1140, -400], 740), ([740, 18], 758)],
    "04": [([263] * 12, 3156)],
    "05": [([123] * 12, 1476), ([1476, -612], 864), ([36] * 24, 864)],
    "06": [([194.89, 511.80], 706.69), ([70.67] * 9 + [70.66], 706.69)],
    "07": [([121.37, 77.88], 199.25), ([99.63, 99.62], 199.25)],
    "08": [([466.20, -150.00], 316.20), ([316.20, 8.50], 324.70)],
    "09": [([536.40, -402.30], 134.10), ([44.70] * 3, 134.10)],
    "10": [([178, 9], 187)],
    "11": [([440, 9, 220], 669), ([440 * 0.5], 220)],
    "12": [([127.00, 7.95], 134.95)],
    "13": [([29.95] * 3, 89.85), ([89.85, 1.12, 40.00], 130.97)],
    "14": [([1486.20, 37.48, 222.93], 1746.61)],
    "15": [([2184.60, 96.31, 327.69], 2608.60), ([2608.60, 121.15], 2729.75)],
    "16": [([2104.00, -1611.07], 492.93)],
    "17": [([148.20, 14.85], 163.05), ([163.05] * 2, 326.10)],
    "19": [([734.18] * 2 + [-300.00], 1168.36), ([668.40, 65.78], 734.18)],
    "20": [([142] * 2, 284)],
    "23": [([78.43] * 3, 235.29), ([235.29, 1.87], 237.16)],
}
# number -> (principal, printed WIK costs)
WIK = {"12": (134.95, 40.00), "13": (89.85, 40.00), "14": (1486.20, 222.93), "15": (2184.60, 327.69),
       "19": (1168.36, 175.25)}
# percentages computed on the letter: number -> (base, rate, printed result)
PERCENT = {"06": (447000, 0.000436, 194.89), "21a": (148.62, 0.75, 111.47), "21b": (148.62, 0.70, 104.03),
           "12": (134.95 / 1.21, 0.21, 23.42)}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def amount_in_text(v: float, text: str, printed: set[float]) -> bool:
    if round(v, 2) in printed or fmt_amount(v) in text:
        return True
    return v == int(v) and re.search(r"€\s*-?\s*" + re.escape(fmt_amount(v)[:-3]) + r"(?![\d,])", text) is not None


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = re.sub(r"\s+", " ", text)
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.fullmatch(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m or m.group(1) != t["kind"]:
        return [f"name does not match <kind>-{BATCH}-NN-slug"]
    num = m.group(2)
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        errs.append(f"keys {sorted(set(t) ^ keys)}")
    if t["kind"] not in KINDS:
        errs.append("kind")
    if t["stage"] not in STAGES:
        errs.append("stage")
    if not t["sender"] or not t["notes"]:
        errs.append("sender/notes empty")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text) and not (num == "15" and "derde november tweeduizendzesentwintig" in text):
        errs.append("letter date not printed")
    # deadline
    dl = t["deadline"]
    if num in RELATIVE:
        base, dd, ww, mm = RELATIVE[num]
        want = plus(base, days=dd, weeks=ww, months=mm)
        if base != ld:
            errs.append("relative base != letter date")
        if not dl or dl["date"] != want.isoformat():
            errs.append(f"relative deadline should be {want}")
    elif dl:
        if not printed(date.fromisoformat(dl["date"]), text):
            errs.append("deadline date not printed")
    if dl and dl["action"] not in ACTIONS:
        errs.append("deadline action")
    if dl and date.fromisoformat(dl["date"]) < ld:
        errs.append("deadline before letter date")
    # objection deadline
    od = t["objection_deadline"]
    is_decision_kind = t["kind"] in OBJECTION_KINDS and t["stage"] == "decision"
    if is_decision_kind and not od:
        errs.append("decision without objection_deadline")
    if t["stage"] in ("reminder", "aanmaning") and od:
        errs.append("objection_deadline on a reminder")
    if od and t["stage"] != "decision":
        errs.append("objection_deadline on a non-decision")
    if od:
        if num in PRINTED_OBJECTION:
            if od != PRINTED_OBJECTION[num].isoformat() or not printed(PRINTED_OBJECTION[num], text):
                errs.append("printed objection day")
        elif od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not printed(ad, text):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not ap["place"]:
            errs.append("appointment place empty")
    if dl and dl["action"] == "attend" and (not ap or ap["date"] != dl["date"]):
        errs.append("attend deadline != appointment")
    # amounts
    pr = printed_amounts(text)
    listed = [round(a["value"], 2) for a in t["amounts"]]
    if len(listed) != len(set(listed)):
        errs.append("amount listed twice")
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    not_listed = sorted(pr - set(listed))
    not_printed = sorted(v for v in listed if not amount_in_text(v, text, pr))
    if not_listed or not_printed:
        errs.append(f"amounts printed-not-listed {not_listed} listed-not-printed {not_printed}")
    due = t["amount_due"]
    if due is not None:
        if round(due, 2) not in listed:
            errs.append("amount_due not among amounts")
        if not amount_in_text(due, text, pr):
            errs.append("amount_due not printed")
        if not t["iban"]:
            errs.append("amount due but no iban")
    elif t["iban"]:
        errs.append("iban without an amount due")
    # iban, references
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    ref = t["payment_reference"]
    if ref:
        if squash(ref) not in flat:
            errs.append("payment_reference not printed")
        if len(ref) == 16 and ref.isdigit() and not kenmerk_valid(ref):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = {c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))}
    if t["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {t['bsn_found']} but valid 9-digit numbers {sorted(bsns)}")
    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        p, c = WIK[num]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")
    for key, (base, rate, res) in PERCENT.items():
        if key[:2] == num and round(base * rate + 1e-9, 2) != res:
            errs.append(f"{rate} of {base} != {res}")
    # paths
    for f in (txt, txt.with_suffix(".json")):
        if re.search(r"(?<![\w.])/(work|tmp)/", f.read_text(encoding="utf-8")):
            errs.append(f"absolute path in {f.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    nums = []
    for p in files:
        errs = check_one(p)
        m = re.search(r"-" + BATCH + r"-(\d\d)-", p.stem)
        nums.append(m.group(1) if m else "??")
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    extra = []
    if sorted(nums) != [f"{i:02d}" for i in range(1, 26)]:
        extra.append("letter numbers are not 01..25")
    if kinds != KINDS:
        extra.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for f in (HERE / "README.md", Path(__file__)):
        if f.exists() and re.search(r"(?<![\w.])/(work|tmp)/", f.read_text(encoding="utf-8")):
            extra.append(f"absolute path in {f.name}")
    for e in extra:
        print("FAIL batch: " + e)
    print(f"{len(files)} letters, {bad} with problems" + (f", {len(extra)} batch problems" if extra else ""))
    return 1 if bad or extra else 0


if __name__ == "__main__":
    raise SystemExit(main())
