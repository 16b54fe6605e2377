"""Consistency check for first-look batch 25 ("the money maze").

Run from anywhere:  python check.py
Checks every NAME.json against NAME.txt: identifiers (elfproef, mod-97, kenmerk check digit),
printed amounts against the listed amounts, dates printed or derived, the sums behind each total,
and the spread of kinds.  Independent of snapdebrief: it imports only the holdout helpers.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import bsn_valid, iban_valid, kenmerk_valid, objection_deadline  # noqa: E402

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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
WORD_DATES = {"2026-03-18": "achttien maart tweeduizendzesentwintig",
              "2027-01-14": "veertiende januari tweeduizendzevenentwintig"}

# Relative terms as printed: number -> (days, weeks, months) counted from the letter date.
RELATIVE = {
    "03": (14, 0, 0),   # binnen 2 weken na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na dagtekening
    "08": (0, 0, 1),    # binnen één maand na dagtekening dezer beschikking
    "11": (14, 0, 0),   # binnen veertien dagen, vanaf de dag na ontvangst
    "20": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
}
# Printed deadlines without a year (the year follows from the letter date).
NO_YEAR = {"18": "19 februari"}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14917, -1732, -5311], 7874), ([7874, -6968], 906), ([906, -420], 486), ([486, 23], 509)],
    "02": [([612, -287], 325)],
    "03": [([1236, -700], 536), ([536, 19], 555)],
    "04": [([123] * 12, 1476), ([116] * 12, 1392), ([1476, -1392], 84)],
    "05": [([3444.00, -2316.00], 1128.00), ([47] * 24, 1128)],
    "06": [([283.27, 336.12, 219.96], 839.35), ([839.35, -24.60], 814.75), ([407.38, 407.37], 814.75),
           ([81.48] * 9 + [81.43], 814.75), ([round(287000 * 0.000987, 2)], 283.27)],
    "07": [([39.06] * 3, 117.18), ([312.46, -117.18], 195.28), ([195.28, 9.00], 204.28)],
    "08": [([366.00, 198.40, 118.80], 683.20), ([11.67] * 12, 140.04), ([366.00, 198.40, -140.04], 424.36),
           ([140.04, 118.80], 258.84), ([258.84, -68.32], 190.52)],
    "09": [([126.00, 9.00], 135.00), ([126.00 / 2], 63.00)],
    "10": [([280.00, 9.00, 140.00, 280.00], 709.00), ([709.00, -150.00], 559.00)],
    "11": [([212.35, -38.90], 173.45)],
    "12": [([29.95] * 4, 119.80), ([119.80, 40.00, 3.12, -50.00], 112.92)],
    "13": [([388.20, 224.20], 612.40), ([612.40, 91.86, 19.29, 8.73], 732.28)],
    "14": [([1939.17, 407.23], 2346.40), ([2346.40, -500.00], 1846.40),
           ([1846.40, 36.12, 276.96], 2159.48), ([2159.48, 121.04], 2280.52)],
    "15": [([148.95] * 3, 446.85), ([446.85, -62.40], 384.45), ([76.89] * 5, 384.45)],
    "17": [([742.18, -742.18], 0.00), ([0.00, 742.18, -400.00], 342.18), ([342.18, 742.18], 1084.36),
           ([1084.36, -742.18], 342.18), ([342.18, 742.18, -63.40], 1020.96), ([1020.96, 742.18], 1763.14),
           ([689.50, 52.68], 742.18)],
    "18": [([575.00, 1150.00], 1725.00), ([575.00] * 3, 1725.00)],
    "19": [([round(2840 * 0.2481, 2)], 704.60), ([round(1120 * 1.2874, 2)], 1441.89),
           ([704.60, 1441.89, 167.76, 612.48, -524.95], 2401.78), ([2401.78, 504.37], 2906.15),
           ([225.00] * 12, 2700.00), ([2906.15, -2700.00], 206.15)],
    "20": [([96.84, -40.00], 56.84), ([56.84, 1.04], 57.88)],
    "21": [([846.27, -58.12], 788.15)],
    "23": [([87.14] * 3, 261.42), ([261.42, 3.48], 264.90)],
    "25": [([89.95, 19.95], 109.90), ([90.83, 19.07], 109.90), ([109.90, -4.95], 104.95)],
}
# Percentages that must hold: number -> list of (base, rate, printed)
RATES = {
    "13": [(612.40, 0.15, 91.86), (91.86, 0.21, 19.29)],     # WIK 15 %, btw 21 %
    "14": [(1846.40, 0.15, 276.96), (1939.17, 0.21, 407.23)],
    "19": [(2401.78, 0.21, 504.37)],
    "25": [(90.83, 0.21, 19.07)],
}
TWO_PAGE = {"01", "06", "14"}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2,4}|-{1,2}))?(?!\d)")


def fmt(v: float, decimals: int = 2) -> str:
    s = f"{v:,.{decimals}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        value = int(whole.replace(".", ""))
        if frac and frac.isdigit():
            value += int(frac) / 10 ** len(frac)
        out.add(round(value, 4))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day} {ABBR[d.month - 1]} {d.year}"]


def in_text(v: float, text: str) -> bool:
    if any(fmt(v, n) in text for n in (2, 4)):
        return True
    return v == int(v) and re.search(r"€\s*" + re.escape(fmt(v, 0)) + r"(?![\d,])", text) is not None


def check_one(p: Path) -> list[str]:
    errs: list[str] = []
    text = p.read_text(encoding="utf-8")
    truth = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b25-(\d\d)-", p.stem).group(1)
    flat = squash(text)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    kind = truth["kind"]
    if kind not in KINDS or not p.stem.startswith(kind + "-b25-"):
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(ld.isoformat(), "@@") not in text:
        errs.append("letter date not printed")
    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if d < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif num in NO_YEAR:
            if NO_YEAR[num] not in text or f"{d.day} {MONTHS[d.month - 1]}" != NO_YEAR[num]:
                errs.append("year-less deadline not printed")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
    # objection deadline
    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif truth["stage"] == "decision" and od:
        if od != objection_deadline(ld).isoformat():
            errs.append(f"own-term objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a non-decision")
    # appointment
    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
    elif dl and dl["action"] == "attend":
        errs.append("attend without appointment")
    # amounts
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    listed = {round(a["value"], 4) for a in truth["amounts"]}
    printed = printed_amounts(text)
    if printed - listed:
        errs.append(f"printed not listed {sorted(printed - listed)}")
    missing = [v for v in listed if not in_text(v, text)]
    if missing:
        errs.append(f"listed not printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in listed or not in_text(due, text):
            errs.append("amount_due not printed/listed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due has no total role")
        if not dl or dl["action"] not in ("pay", "respond", "attend"):
            errs.append("amount due without a pay-type deadline")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    for base, rate, shown in RATES.get(num, []):
        if round(base * rate + 1e-9, 2) != shown:
            errs.append(f"{rate} of {base} is {round(base * rate, 2)}, printed {shown}")
    # iban and payment reference
    iban = truth["iban"]
    if iban and (not iban_valid(iban) or iban not in flat):
        errs.append("iban invalid or not printed")
    if due is not None and not iban:
        errs.append("amount due but no iban")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if pr not in text and squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if squash(pr).isdigit() and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates the payment reference")
    # BSN
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid 9-digit numbers: {bsns}")
    # pages
    if (num in TWO_PAGE) != ("\f" in text):
        errs.append("form feed / two-page mismatch")
    # hygiene
    for p2 in (p, p.with_suffix(".json")):
        body = p2.read_text(encoding="utf-8")
        for bad in ["/" + w + "/" for w in ("work", "home", "root")] + [".." + "/shared"]:
            if bad in body:
                errs.append(f"forbidden string {bad} in {p2.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if kinds != KINDS:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
