"""Consistency check for first-look batch 52: every NAME.json against its NAME.txt.

Run from anywhere:  python check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, date arithmetic,
amount parsing); the per-letter arithmetic below is written down independently of the JSON.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (  # noqa: E402
    bsn_valid, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
    printed_amounts, squash, wik,
)

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

# Relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE_DEADLINES = {
    "03": (date(2026, 10, 9), 14, 0, 0),   # binnen 14 dagen na de dagtekening van deze aanmaning
    "07": (date(2026, 5, 19), 14, 0, 0),   # binnen 14 dagen na de datum van deze herinnering
    "08": (date(2026, 4, 17), 0, 0, 1),    # binnen één maand na dagtekening (Sunday, no shift)
    "11": (date(2027, 1, 12), 14, 0, 0),   # binnen 14 dagen na de dag waarop u deze brief ontvangt
    "14": (date(2027, 3, 5), 0, 4, 0),     # binnen vier weken na dagtekening
    "17": (date(2026, 10, 20), 14, 0, 0),  # binnen 14 dagen na ontvangst
    "25": (date(2026, 2, 6), 14, 0, 0),    # binnen 14 dagen na de datum van dit bericht
}

# Objection last days printed in the letter itself: number -> date
PRINTED_OBJECTION = {"08": date(2026, 5, 29)}

# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([21212, -1214, -4602, -12212], 3184), ([289] * 10 + [294], 3184)],
    "02": [([3357, -2310], 1047)],
    "03": [([1042, -300], 742), ([742, 18, 6.12], 766.12)],
    "04": [([612] * 12, 7344), ([84 * 10.25], 861)],
    "05": [([3996, -2712], 1284), ([53.50] * 24, 1284), ([333, -226], 107)],
    "06": [([round(412000 * 0.000891, 2)], 367.09), ([367.09, 356.40, 231.72], 955.21),
           ([477.61, 477.60], 955.21), ([95.52] * 9 + [95.53], 955.21)],
    "07": [([128.40, 61.18, 223.29], 412.87), ([412.87, -206.44], 206.43)],
    "08": [([4200, -3350], 850), ([850, 912.18], 1762.18)],
    "09": [([114, 9], 123), ([114 * 0.5], 57)],
    "10": [([150, 9, 75], 234), ([150 * 0.5], 75)],
    "11": [([312.15, 174.25], 486.40)],
    "12": [([29.95] * 6, 179.70), ([179.70, 40.00, 3.12], 222.82)],
    "13": [([1486.60, 62.14, 222.99], 1771.73), ([1771.73, 118.63], 1890.36)],
    "14": [([2140.00, 187.45, 612.00, 178.00, 124.87, -150.00], 3092.32)],
    "15": [([148.95, 148.95], 297.90)],
    "17": [([687.42, -600.00], 87.42), ([87.42, 687.42, 687.42], 1462.26), ([219.34, 46.06], 265.40)],
    "18": [([83.17, 164, 164, 164], 575.17)],
    "20": [([1086.93, -108.72], 978.21)],
    "22": [([96.18, 96.18], 192.36)],
    "24": [([1045.00, 62.50], 1107.50)],
    "25": [([round(62 * 1.1640, 2)], 72.17), ([78.36, 72.17, 31.93], 182.46),
           ([round(182.46 * 0.09, 2)], 16.42), ([182.46, 16.42], 198.88)],
}

# Buitengerechtelijke incassokosten: number -> (hoofdsom, printed costs, printed btw or None)
WIK = {"11": (486.40, 72.96, None), "12": (179.70, 40.00, None), "13": (1486.60, 222.99, None),
       "17": (1462.26, 219.34, 46.06)}


LOOSE_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def loose_amounts(text: str) -> set[float]:
    """Like tools.printed_amounts, but allows column padding between the euro sign and the digits."""
    out = set()
    for whole, frac in LOOSE_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def flat_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


def printed_date(d: date, text: str) -> bool:
    t = flat_ws(text)
    return any(f in t for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    m = re.fullmatch(r"(.+)-b52-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return errs + ["name does not match <kind>-b52-NN-slug"]
    kind, num = m.group(1), m.group(2)
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} / stem {kind}")
    if "\f" not in text:
        errs.append("no page break (form feed)")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"]:
        errs.append("no sender")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not printed_date(ld, text):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"deadline action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE_DEADLINES:
            base, days, weeks, months = RELATIVE_DEADLINES[num]
            want = plus(base, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
            if base != ld:
                errs.append("relative base != letter date")
        elif not printed_date(d, text):
            errs.append("explicit deadline date not printed")
    elif num in RELATIVE_DEADLINES:
        errs.append("relative term listed but deadline null")

    # objection
    od = truth["objection_deadline"]
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision of a kind without bezwaar")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if kind in OBJECTION_KINDS and truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")
    if od:
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld)
        if date.fromisoformat(od) != want:
            errs.append(f"objection {od} != {want}")
        if num in PRINTED_OBJECTION and not printed_date(want, text):
            errs.append("printed objection day not in text")

    # appointment
    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not printed_date(ad, text):
            errs.append("appointment date not printed")
        if appt["time"]:
            hh, mm = appt["time"].split(":")
            if f"{int(hh)}.{mm}" not in text and f"{hh}:{mm}" not in text and f"{hh}.{mm}" not in text:
                errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("appointment date != attend deadline")
        if dl and dl["date"] > appt["date"]:
            errs.append("deadline after appointment")

    # amounts
    printed = printed_amounts(text) | loose_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    ad_ = truth["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in printed_amounts(text):
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad_, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed with role total")
        if not truth["iban"]:
            errs.append("amount_due without iban")
    else:
        if truth["iban"]:
            errs.append("iban although nothing to pay")
    if dl and dl["action"] == "pay" and ad_ is None:
        errs.append("pay deadline without amount_due")

    # iban / references
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    # bsn
    cands = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} is {round(costs * 0.21, 2)}, printed {btw}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b52-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    spread = []
    if len(files) != 25:
        spread.append(f"{len(files)} letters, expected 25")
    if KINDS - kinds:
        spread.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for s in spread:
        print("FAIL batch: " + s)
    print(f"{len(files)} letters, {bad} with problems" + ("" if not spread else f", {len(spread)} batch problems"))
    return 1 if bad or spread else 0


if __name__ == "__main__":
    raise SystemExit(main())
