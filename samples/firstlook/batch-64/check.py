"""Consistency check for first-look batch 64: every NAME.json against NAME.txt.

Run: python check.py   (from anywhere). Uses only the helpers of samples/holdout/tools.py.
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
                   plus, wik)

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

# Relative terms as printed in the letters: number -> (days, weeks, months), counted from letter date
RELATIVE = {
    "03": (14, 0, 0),   # binnen veertien dagen na de datum van deze aanmaning
    "08": (0, 0, 1),    # binnen één maand na dagtekening dezes
    "11": (14, 0, 0),   # binnen veertien dagen, vanaf de dag na ontvangst -> from letter date
    "12": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "21": (0, 4, 0),    # binnen 4 weken na de datum van deze brief
    "25": (14, 0, 0),   # binnen veertien dagen na dagtekening dezes
}
# Dates printed only in words
WORD_DATES = {
    date(2026, 10, 29): "negenentwintigste oktober tweeduizendzesentwintig",
    date(2027, 3, 31): "eenendertigste maart tweeduizendzevenentwintig",
}
# Amounts printed in words ("zegge: ..."): number -> {value: words as printed, whitespace removed}
WORD_AMOUNTS = {
    "08": {596.18: "vijfhonderdzesennegentigeuroenachttiencent",
           331.20: "driehonderd-eenendertigeuroentwintigcent",
           264.98: "tweehonderdvierenzestigeuroenachtennegentigcent"},
    "12": {612.85: "zeshonderdtwaalfeuroenvijfentachtigcent"},
    "13": {1847.92: "achttienhonderdzevenenveertigeuroentweeënnegentigcent"},
    "24": {712.50: "zevenhonderdtwaalfeuroenvijftigcent",
           2137.50: "tweeduizendhonderdzevenendertigeuroenvijftigcent"},
    "25": {1185.00: "elfhonderdvijfentachtigeuro", 2370.00: "tweeduizenddriehonderdzeventigeuro"},
}
# Sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([17846, -4129, -12899], 818)],
    "02": [([2201, -1164], 1037), ([97] * 12, 1164)],
    "03": [([1312.00, 18.00], 1330.00)],
    "04": [([118] * 12, 1416)],
    "05": [([6883, -5731], 1152), ([48] * 24, 1152)],
    "06": [([263.64, 331.20, 227.40], 822.24), ([411.12, 411.12], 822.24), ([312000 * 0.000845], 263.64)],
    "07": [([384.56, -150.00], 234.56)],
    "08": [([596.18, -331.20], 264.98)],
    "09": [([171.00, 9.00], 180.00)],
    "10": [([110.00, 9.00, 55.00], 174.00), ([110.00 * 0.5], 55.00)],
    "12": [([506.49, 106.36], 612.85), ([round(506.49 * 0.21, 2)], 106.36)],
    "13": [([1468.22, 37.91, 220.23], 1726.36), ([1726.36, 121.56], 1847.92), ([101.53, 20.03], 121.56)],
    "14": [([243.18, 6.44, 40.00, -50.00], 239.62)],
    "15": [([142.05] * 6, 852.30)],
    "16": [([148.95, 148.95, 87.40], 385.30)],
    "17": [([712.46, 712.46, -300.00], 1124.92)],
    "18": [([164.00, 231.57], 395.57)],
    "19": [([round(142.18 * 21.75 * 0.75, 2)], 2319.31), ([round(142.18 * 21.75 * 0.70, 2)], 2164.69)],
    "21": [([93.27, 93.27], 186.54)],
    "23": [([32.50, -29.95], 2.55)],
    "24": [([712.50] * 3, 2137.50)],
    "25": [([1185.00, 1185.00], 2370.00)],
}
WIK = {"11": (186.40, 40.00), "13": (1468.22, 220.23), "14": (243.18, 40.00)}

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def fmt_amount(v: float) -> str:
    s = f"{v:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def date_printed(d: date, text: str) -> bool:
    forms = [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
             f"{d.day}-{d.month}-{d.year}"]
    flat = re.sub(r"\s+", " ", text)
    if any(f in flat for f in forms):
        return True
    return d in WORD_DATES and WORD_DATES[d] in flat


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    words = re.sub(r"\s+", "", text)
    m = re.fullmatch(r"(.+)-b64-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append("kind / name mismatch")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not date_printed(ld, text):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
        elif not date_printed(d, text):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection should be {objection_deadline(ld)}")
    elif od:
        if truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        elif od != objection_deadline(ld).isoformat():
            errs.append(f"stated six-week term should give {objection_deadline(ld)}")

    appt = truth["appointment"]
    if appt:
        ad = date.fromisoformat(appt["date"])
        if not date_printed(ad, text):
            errs.append("appointment date not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != appt["date"]:
            errs.append("appointment without matching attend deadline")
        if appt["time"]:
            hh, mm = appt["time"].split(":")
            if f"{int(hh)}.{mm}" not in text and f"{hh}:{mm}" not in text:
                errs.append("appointment time not printed")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed if fmt_amount(v) not in text
               and not (v == int(v) and f"€ {int(v):,}".replace(",", ".") in text)}
    if printed - listed or missing:
        errs.append(f"printed-not-listed {sorted(printed - listed)} listed-not-printed {sorted(missing)}")
    for v, w in WORD_AMOUNTS.get(num, {}).items():
        if w not in words:
            errs.append(f"amount {v} in words not printed")
        if round(v, 2) not in listed:
            errs.append(f"amount in words {v} not listed")
    if "zegge:" in text and num not in WORD_AMOUNTS:
        errs.append("amount in words not registered")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed with euro sign")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]) \
                and not any(a["role"] == "principal" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due has no total/principal entry")
        if not dl or dl["action"] not in ("pay", "attend"):
            errs.append("amount due without pay deadline")
    elif dl and dl["action"] == "pay":
        errs.append("pay deadline without amount_due")

    iban = truth["iban"]
    if iban:
        if not iban_valid(iban):
            errs.append("iban invalid")
        if iban not in flat:
            errs.append("iban not printed")
    if due is None and iban:
        errs.append("iban without amount due")
    for ib in re.findall(r"NL\d{2}(?:\s?[A-Z]{4})(?:\s?\d){10}", text):
        if not iban_valid(re.sub(r"\s", "", ib)):
            errs.append(f"printed iban {ib!r} invalid")
    for ib in re.findall(r"NL\d{2}[A-Z]{4}\d{10}", flat):
        if not iban_valid(ib):
            errs.append(f"squashed iban {ib} invalid")

    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{16,19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")

    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c.replace(".", "") for c in cands if bsn_valid(c.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {bsns}")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    if not truth["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-b64-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    if KINDS - kinds:
        print(f"kinds missing: {sorted(KINDS - kinds)}")
        bad += 1
    readme = HERE / "README.md"
    if not readme.exists() or any(p.stem not in readme.read_text(encoding="utf-8") for p in files):
        print("README.md missing or incomplete")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
