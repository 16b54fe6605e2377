"""Consistency check for first-look batch 73: every NAME.json against its NAME.txt.

Run from anywhere: python check.py
Uses the helper functions of samples/holdout/tools.py (found relative to this file).
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
    bsn_valid, date_forms, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
    printed_amounts, squash, wik,
)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# Relative terms as printed, counted from the letter date: code -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze e-mail
    "08": (0, 0, 1),    # binnen één maand na dagtekening dezer beschikking
    "12": (14, 0, 0),   # 14 dagen, ingaand de dag na ontvangst -> from letter date
    "13": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "15": (2, 0, 0),    # binnen twee dagen na heden
    "19": (14, 0, 0),   # binnen veertien dagen nadat u deze brief hebt ontvangen
    "20": (10, 0, 0),   # binnen 10 dagen na de datum van deze brief
}

# Sums that must hold: code -> list of (parts, total)
SUMS = {
    "01": [([17912, -3474], 14438), ([14438, -11869], 2569), ([2569, -1320], 1249), ([1249, 17], 1266),
           ([110] * 12, 1320), ([1442, -6317], -4875)],
    "02": [([2880, 612], 3492), ([240] * 12, 2880), ([612, -487], 125)],
    "03": [([1436, -300, -300], 836), ([836, 18], 854)],
    "04": [([123] * 6, 738), ([738, 738], 1476), ([696, 696], 1392), ([1476, -1392], 84)],
    "05": [([9846, -7662], 2184), ([2184, -396], 1788), ([74.50] * 24, 1788)],
    "06": [([118.44, 118.24, 204.96], 441.64), ([441.64, -61.20], 380.44), ([190.22, 190.22], 380.44),
           ([68.32] * 3, 204.96)],
    "07": [([89.46] * 10, 894.60), ([89.46] * 4, 357.84), ([894.60, -357.84], 536.76), ([536.76, 8.40], 545.16)],
    "08": [([372.60, 181.80, 126.00], 680.40), ([372.60, 181.80], 554.40), ([680.40, -554.40, -68.04], 57.96),
           ([68.04] * 10, 680.40)],
    "09": [([301.20, 198.48, 159.75], 659.43), ([65.94] * 3, 197.82)],
    "10": [([157, 9], 166), ([78.50, 78.50], 157)],
    "11": [([250, 9, 125, 250], 634), ([634, -200], 434), ([125, 125], 250)],
    "12": [([149.90, -100], 49.90), ([212.45, -64.95], 147.50), ([49.90, 147.50, 38.50], 235.90)],
    "13": [([34.95] * 3 + [-20], 84.85), ([0.46, 0.05, 0.40, 0.22], 1.13), ([84.85, 1.13, 40.00], 125.98),
           ([34.95, -20], 14.95)],
    "14": [([386.40, -50, -254], 82.40), ([82.40, 28.62], 111.02)],
    "15": [([1146.20, 38.71, 171.93, 119.53, 146.00, 198.00, 73.00, 41.18, 128.65], 2063.20),
           ([2063.20, -150], 1913.20)],
    "16": [([87.34, -60.00, -27.34], 0.00)],
    "17": [([1284.50, 462.10, -400, -250], 1096.60), ([1096.60, 36.05, 164.49], 1297.14),
           ([1297.14, 122.19], 1419.33)],
    "18": [([152.85] * 3 + [87.40, -64.00, -152.85], 329.10), ([54.85] * 6, 329.10)],
    "19": [([641.15, 48.25], 689.40), ([689.40, -300], 389.40), ([389.40, 689.40], 1078.80),
           ([1078.80, -112.63], 966.17), ([966.17, -689.40], 276.77), ([276.77, 689.40], 966.17)],
    "20": [([1742.86, -1490.00], 252.86), ([149] * 12, 1788), ([1788, -1742.86], 45.14), ([149, 149], 298),
           ([1788, -298], 1490)],
    "21": [([438.17, 612.45], 1050.62), ([1050.62, -262.10], 788.52), ([65.71] * 12, 788.52)],
    "22": [([1574.33, -1063.14], 511.19), ([511.19] * 3, 1533.57), ([1533.57, -412.53], 1121.04),
           ([1121.04, -240.00], 881.04)],
    "24": [([124.16, -50.00], 74.16), ([74.16, 124.16, 124.16], 322.48), ([322.48, 3.27], 325.75)],
    "25": [([1240.00, 386.50, 612.90, 179.95], 2419.35)],
}

# code -> (principal, printed incassokosten)
ABS_PATH = re.compile("/" + "(?:wo" + "rk|t" + "mp)/")  # spelled in pieces so this file holds no such path

WIK = {"12": (235.90, 40.00), "13": (84.85, 40.00), "15": (1146.20, 171.93), "17": (1096.60, 164.49),
       "19": (966.17, 144.93)}


def extra_arithmetic(code: str) -> list[str]:
    """Interest and tariff figures that are computed in the letters."""
    errs = []
    if code == "01":  # belastingrente 6,5% over 1.249 for 79 days, rounded down to whole euros
        days = (date(2026, 9, 17) - date(2026, 7, 1)).days + 1
        if days != 79 or int(1249 * 0.065 * days / 365) != 17:
            errs.append("belastingrente 01")
    if code == "06" and round(287000 * 0.000412, 2) != 118.24:
        errs.append("watersysteemheffing gebouwd 06")
    if code == "13":
        for amount, d1, d2, want in [(34.95, date(2026, 3, 1), date(2026, 5, 20), 0.46),
                                     (14.95, date(2026, 5, 20), date(2026, 6, 9), 0.05),
                                     (34.95, date(2026, 4, 1), date(2026, 6, 9), 0.40),
                                     (34.95, date(2026, 5, 1), date(2026, 6, 9), 0.22)]:
            if round(amount * 0.06 * (d2 - d1).days / 365, 2) != want:
                errs.append(f"interest 13 {amount} {d1}")
    return errs


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    code = re.search(r"-b73-(\d\d)-", txt.stem).group(1)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b73-"):
        errs.append(f"kind/stem {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if ABS_PATH.search(text):
        errs.append("absolute path in letter")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    words = {"15": "de eerste december tweeduizendzesentwintig",
             "17": "negentien januari tweeduizendzevenentwintig"}
    if not any(f in text for f in date_forms(ld)):
        errs.append("letter date not printed")
    if code in words and words[code] not in text:
        errs.append("letter date in words not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if code in RELATIVE:
            days, weeks, months = RELATIVE[code]
            if d != plus(ld, days=days, weeks=weeks, months=months):
                errs.append(f"relative deadline should be {plus(ld, days=days, weeks=weeks, months=months)}")
        elif not any(f in text for f in date_forms(d)):
            errs.append("deadline date not printed")
    elif code in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od:
        errs.append("objection_deadline on a letter that is no decision open to bezwaar")

    appt = truth["appointment"]
    if appt:
        a = date.fromisoformat(appt["date"])
        if not any(f in text for f in date_forms(a)):
            errs.append("appointment date not printed")
        if appt["time"] and appt["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != appt["date"]:
            errs.append("attend deadline != appointment")

    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed if v not in printed and fmt_amount(v) not in text
               and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with a euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due not listed as total")
        if not truth["iban"]:
            errs.append("amount due but no iban")

    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    bsns = [b for b in bsns if bsn_valid(b)]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid 9-digit numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")

    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [total] + parts:
            if abs(v) not in listed and fmt_amount(abs(v)) not in text and f"{abs(v):,}".replace(",", ".") not in text:
                errs.append(f"sum figure {v} not in letter")
    if code in WIK:
        principal, costs = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    errs += extra_arithmetic(code)
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    for extra in ("README.md", "check.py"):
        if ABS_PATH.search((HERE / extra).read_text(encoding="utf-8")):
            print(f"absolute path in {extra}")
            bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
