"""Check every truth file of batch 10 against its letter.

Run from this folder:  ../../../.venv/bin/python check.py

Checks, per letter: the JSON shape and vocabularies; the letter date and every printed date
(deadline, appointment, printed objection day) can be found in the text; relative deadlines
and objection deadlines recomputed from the letter date; every money amount printed in the
letter is listed in `amounts` and every listed amount is printed; `amount_due` is printed;
per-letter sums; WIK costs; IBANs (mod-97) printed and valid, the paying IBAN printed;
16-digit betalingskenmerken (check digit); payment reference and reference numbers printed;
BSN elfproef against `bsn_found`.  Independent of snapdebrief: nothing here imports it.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "holdout"))
from tools import objection_deadline  # noqa: E402  (allowed helper: letter date + 42, Atw shift)

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
# Decision kinds that carry an objection deadline (BRIEF.md, objection_deadline).
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MONTHS_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# --- per-letter facts, written down by hand from the letters ------------------------------

# Relative deadline terms as printed: number -> (days, weeks, months) counted from the letter date.
RELATIVE = {
    "07": (14, 0, 0),   # binnen veertien dagen na de dagtekening van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen na de dag waarop u deze e-mail heeft ontvangen
    "13": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "19": (7, 0, 0),    # Betaal het binnen 7 dagen
}
# Letters whose objection day is printed as a date (it must then be found in the text).
PRINTED_OBJECTION = {"17"}

# Sums that must hold: number -> list of (parts, total).
SUMS = {
    "01": [([10986, -9721], 1265), ([1265, -912, 14], 367)],
    "02": [([153] * 12, 1836)],
    "03": [([1208, 18, 11], 1237)],
    "04": [([318] * 12, 3816), ([127] * 12, 1524), ([318, 127], 445), ([3816, 1524], 5340)],
    "05": [([1476, -1098], 378), ([15.75] * 24, 378)],
    "06": [([318000 * 0.000298], 94.76), ([79.88] * 3, 239.64), ([127.40, 94.76, 239.64], 461.80),
           ([230.90, 230.90], 461.80), ([46.18] * 10, 461.80)],
    "07": [([386.45, 7.00], 393.45)],
    "08": [([341.60, 176.60], 518.20), ([518.20, -303.40], 214.80), ([17.90] * 12, 214.80)],
    "09": [([149.00, 10.00], 159.00), ([149.00 * 0.5], 74.50)],
    "10": [([1062.84, 38.46, 45.00], 1146.30), ([1146.30, -200.00], 946.30)],
    "12": [([159.40] * 3, 478.20), ([478.20, -150.00], 328.20),
           ([328.20, 49.23, 10.34, 6.12], 393.89)],
    "13": [([58.00] + [42.50] * 4, 228.00)],
    "14": [([1842.17, 96.40, 276.33, 511.00, 124.83, 128.36], 2979.09)],
    "15": [([34.95] * 7, 244.65), ([7.50] * 5, 37.50), ([244.65, 37.50], 282.15),
           ([282.15, 17.42, 42.32], 341.89), ([341.89, 123.91, 141.00], 606.80)],
    "16": [([152.35, 152.35], 304.70), ([304.70, -48.20], 256.50), ([51.30] * 5, 256.50)],
    "18": [([875.00, -500.00], 375.00), ([375.00, 875.00], 1250.00)],
    "20": [([134.00, 211.63, 134.00], 479.63)],
    "21": [([421.53, -150.00], 271.53), ([358.30, -150.00], 208.30)],
    "23": [([117.42] * 3, 352.26), ([352.26, 4.11], 356.37)],
    "25": [([61.20] * 10, 612.00)],
}

# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (principal, costs, btw or None)
WIK = {"11": (243.75, 40.00, None), "12": (328.20, 49.23, 10.34), "14": (1842.17, 276.33, None),
       "15": (282.15, 42.32, None)}

# --- helpers -------------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    total = sum(w * int(c) for w, c in zip(range(9, 1, -1), s[:8])) - int(s[8])
    return total % 11 == 0


def iban_valid(iban: str) -> bool:
    if not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def kenmerk_valid(k: str) -> bool:
    weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * weights[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total + 1e-9, 40.0), 6775.0), 2)


def normalise(text: str) -> str:
    """Undo line-end hyphenation of words (scanned letters) and flatten whitespace."""
    text = re.sub(r"(?<=[a-zà-ÿ])-\n\s*(?=[a-zà-ÿ])", "", text)
    return re.sub(r"\s+", " ", text.replace("\f", " "))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def date_forms(d: date) -> list[str]:
    m, ms = MONTHS[d.month - 1], MONTHS_SHORT[d.month - 1]
    return [f"{d.day} {m} {d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day}-{d.month}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day}/{d.month}/{d.year}", d.isoformat(), f"{d.day} {ms} {d.year}",
            f"{d.day} {ms}. {d.year}"]


def date_printed(d: date, flat: str) -> bool:
    return any(f in flat for f in date_forms(d))


EURO_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d])")
BARE_RE = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})*,\d{2})(?![\d,])(?!\s?%)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in EURO_RE.findall(text):
        cents = int(frac) if frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    for m in BARE_RE.findall(text):
        whole, frac = m.split(",")
        out.add(round(int(whole.replace(".", "")) + int(frac) / 100, 2))
    return out


def plus(d: date, days: int, weeks: int, months: int) -> date:
    return d + timedelta(days=days + 7 * weeks) + relativedelta(months=months)


# --- the check -------------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    raw = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = normalise(raw)
    flat_sq = squash(flat)
    num = re.search(r"-b10-(\d\d)-", txt.stem).group(1)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b10-"):
        errs.append(f"kind {kind} / name")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or truth["sender"].lower().split()[0] not in flat.lower():
        errs.append("sender not printed")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not date_printed(ld, flat):
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        dd = date.fromisoformat(dl["date"])
        if dd < ld:
            errs.append("deadline before letter date")
        if num in RELATIVE:
            want = plus(ld, *RELATIVE[num])
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not date_printed(dd, flat):
            errs.append("deadline date not printed")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision":
        if not od:
            errs.append("decision without objection_deadline")
    elif od and num not in PRINTED_OBJECTION:
        errs.append("objection_deadline on a letter that is no decision of an objection kind")
    if od:
        odd = date.fromisoformat(od)
        if num in PRINTED_OBJECTION:
            if not date_printed(odd, flat):
                errs.append("printed objection day not found")
        elif odd != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")

    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not date_printed(ad, flat):
            errs.append("appointment date not printed")
        if ap["time"]:
            hh, mm = ap["time"].split(":")
            if not any(t in flat for t in (f"{hh}:{mm}", f"{hh}.{mm}", f"{int(hh)}.{mm}")):
                errs.append("appointment time not printed")
        for part in ap["place"].split(","):
            if part.strip().lower() not in flat.lower():
                errs.append(f"appointment place part '{part.strip()}' not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

    printed = printed_amounts(raw)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if printed != listed:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(listed - printed)}")
    if truth["amount_due"] is not None and round(truth["amount_due"], 2) not in printed:
        errs.append("amount_due not printed")
    if truth["amount_due"] is not None and not dl:
        errs.append("amount_due without a deadline")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
        if round(total, 2) not in printed and num != "06":
            errs.append(f"sum total {total} not printed")
    if num in WIK:
        principal, costs, btw = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")

    ibans = {m.replace(" ", "") for m in re.findall(r"\bNL\d{2} ?[A-Z]{4}(?: ?\d){10}\b", raw)}
    for ib in ibans:
        if not iban_valid(ib):
            errs.append(f"printed IBAN {ib} fails mod-97")
    if truth["iban"]:
        if truth["iban"] not in ibans:
            errs.append("iban not printed")
        if not truth["amount_due"]:
            errs.append("iban given but nothing to pay")

    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)|(?<!\d)\d{16}(?!\d)", raw):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit number {k} fails the check digit")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat_sq:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("payment_reference check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat_sq:
            errs.append(f"reference {r} not printed")

    nine = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", raw)
    valid = [n for n in nine if bsn_valid(n.replace(".", ""))]
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs {valid} (9-digit seen: {nine})")

    if "\f" in raw and not raw.split("\f")[1].strip():
        errs.append("empty page after form feed")
    if len(truth["notes"]) < 40:
        errs.append("notes too short")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*-b10-*.txt"))
    bad = 0
    for p in files:
        if not p.with_suffix(".json").exists():
            print("FAIL " + p.stem + "  no json")
            bad += 1
            continue
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if len(files) != 25 or kinds != KINDS:
        print(f"batch: {len(files)} letters, kinds missing {sorted(KINDS - kinds)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
