"""Consistency check for first-look batch 50: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere; uses the helpers in samples/holdout/tools.py)
Checks kinds/stages/actions, letter date and deadline dates as printed or as derived from a
relative term, objection deadlines (Algemene termijnenwet), appointment dates and times, every
money amount printed (EUR/€/'euro' forms) against the listed amounts and back, sums and WIK
costs, IBANs (mod-97), 16-digit betalingskenmerken, BSNs (elfproef), references.
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
                   objection_deadline, plus, wik)

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
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
WORD_DATES = {"de zevende oktober tweeduizendzesentwintig": date(2026, 10, 7)}

# --- what each letter prints, written down by hand, independent of the JSON files -----------
# letter: printed letter-date strings; deadline: ("printed", text) or ("rel", days, weeks, months);
# objection: "computed" (date + 42 days, Atw) or ("printed", text); appt: (date text, time text)
SPEC = {
    "01": dict(letter=["donderdag 19 februari 2026"], deadline=("rel", 7, 0, 0)),
    "02": dict(letter=["16 maart 2026"], deadline=("rel", 14, 0, 0)),
    "03": dict(letter=["28-10-2026"], deadline=("printed", "maandag 9 november"),
               appt=("vrijdag de 13e", "10:40")),
    "04": dict(letter=["2 juni 2026"]),
    "05": dict(letter=["2 maart 2026"], deadline=("printed", "vrijdag de 13e")),
    "06": dict(letter=["15 juni 2026"], deadline=("printed", "29 juni 2026")),
    "07": dict(letter=["woensdag 26 augustus 2026"], deadline=("rel", 10, 0, 0)),
    "08": dict(letter=["22 september 2026"], deadline=("rel", 5, 0, 0)),
    "09": dict(letter=["3 juli 2026"], deadline=("printed", "3 september 2026"), objection="computed"),
    "10": dict(letter=["3 november 2026"], deadline=("rel", 0, 2, 0)),
    "11": dict(letter=["1 december 2026"], objection="computed"),
    "12": dict(letter=["13 april 2026"], deadline=("printed", "1 juni 2026"), objection="computed"),
    "13": dict(letter=["15 februari 2027"], deadline=("printed", "31 maart 2027"), objection="computed"),
    "14": dict(letter=["9 april 2026"], deadline=("rel", 0, 0, 1), objection="computed"),
    "15": dict(letter=["13 november 2026"], deadline=("printed", "8 januari 2027"), objection="computed"),
    "16": dict(letter=["8 januari 2027"], deadline=("printed", "5 februari 2027")),
    "17": dict(letter=["24 maart 2026"], deadline=("rel", 0, 2, 0), objection="computed"),
    "18": dict(letter=["6 oktober 2026"], deadline=("printed", "20 oktober 2026")),
    "19": dict(letter=["20 januari 2026"], deadline=("printed", "17 februari 2026")),
    "20": dict(letter=["22-1-2026"], deadline=("printed", "dinsdag 3 februari 2026"),
               appt=("dinsdag 3 februari 2026", "8.45 uur")),
    "21": dict(letter=["dinsdag 12 mei 2026"], deadline=("rel", 14, 0, 0)),
    "22": dict(letter=["4 augustus 2026"], deadline=("rel", 14, 0, 0)),
    "23": dict(letter=["de zevende oktober tweeduizendzesentwintig", "07-10-2026"],
               deadline=("printed", "woensdag 4 november 2026"),
               appt=("woensdag 4 november 2026", "10.00 uur")),
    "24": dict(letter=["17-02-2026"]),
    "25": dict(letter=["5 februari 2027"], objection=("printed", "19 maart 2027")),
}

# sums that must hold: list of (parts, total); WIK: (principal, printed costs, printed btw or None)
SUMS = {
    "01": [([100, 285], 385)],
    "02": [([285, 0.84], 285.84), ([285.84, 42.75], 328.59)],
    "03": [([62.50, 62.50], 125), ([135, 125], 260)],
    "04": [([45] * 4, 180)],
    "05": [([875, -500], 375), ([375, 875], 1250)],
    "06": [([142.35, 142.35, 127.40], 412.10)],
    "07": [([164, 164], 328)],
    "08": [([612.40, 9.37, 91.86, 19.29], 732.92)],
    "09": [([12433, -7381], 5052), ([5052, -3960], 1092), ([1092, 46], 1138)],
    "10": [([1106, 19], 1125)],
    "11": [([1284] * 12, 15408)],
    "12": [([3462, -2316], 1146), ([47.75] * 24, 1146)],
    "13": [([284.54, 398.40, 241.20], 924.14), ([462.07, 462.07], 924.14)],
    "14": [([7200, -3450], 3750)],
    "15": [([440, 9], 449)],
    "16": [([151, 9, 75.50, -50], 185.50)],
    "17": [([1456.22] * 6, 8737.32)],
    "18": [([96.38] * 22, 2120.36)],
    "19": [([118.46, 118.46, 1.39], 238.31)],
    "21": [([39.95] * 3, 119.85), ([119.85, 24.95, 4.95], 149.75), ([149.75, -24.95], 124.80)],
    "22": [([186.60] * 3 + [-100, 25], 484.80), ([142.10, 44.50], 186.60)],
    "23": [([34.95] * 6, 209.70), ([209.70, 6.12, 40], 255.82), ([255.82, 124.17], 379.99)],
}
WIK = {"02": (285.00, 42.75, None), "07": (328.00, 49.20, None), "08": (612.40, 91.86, 19.29),
       "21": (124.80, 40.00, None), "22": (459.80, 68.97, None), "23": (209.70, 40.00, None)}
EXTRA = {  # other arithmetic printed in the letters
    "13": [(round(312000 * 0.000912 + 1e-9, 2), 284.54)],
    "15": [(440 * 0.5, 220)],
    "16": [(151 * 0.5, 75.50)],
}

# --- helpers -------------------------------------------------------------------------------

AMT = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?"
EURO_BEFORE = re.compile(r"(?:€|EUR)\s*-?\s*" + AMT + r"(?!\d)")
EURO_AFTER = re.compile(r"(?<![\d.,])" + AMT + r"\s?euro\b", re.I)


def value(whole: str, frac: str) -> float:
    cents = int(frac) if frac and frac.isdigit() else 0
    return round(int(whole.replace(".", "")) + cents / 100, 2)


def euro_amounts(text: str) -> set[float]:
    return {value(w, f) for w, f in EURO_BEFORE.findall(text) + EURO_AFTER.findall(text)}


def amount_printed(v: float, text: str) -> bool:
    s = fmt_amount(v)
    if s in text:
        return True
    if v == int(v):
        whole = s[:-3]
        return bool(re.search(rf"(?:€\s*|EUR\s*){re.escape(whole)}(?!\d|,\d)|"
                              rf"(?<![\d.,]){re.escape(whole)}(?:,-|\s?euro)", text))
    return False


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def denotes(s: str, d: date, ref: date) -> bool:
    """Does the printed date text s mean date d (read in a letter dated ref)?"""
    low = s.lower()
    if low in WORD_DATES:
        return WORD_DATES[low] == d
    found = False
    for i, w in enumerate(WEEKDAYS):
        if re.search(rf"\b{w}\b", low) and d.weekday() != i:
            return False
    m = re.search(r"(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", low)
    if m:
        found = True
        if int(m.group(1)) != d.day or MONTHS.index(m.group(2)) + 1 != d.month:
            return False
        if m.group(3) and int(m.group(3)) != d.year:
            return False
    m = re.search(r"(?<!\d)(\d{1,2})-(\d{1,2})-(\d{2}|\d{4})(?!\d)", low)
    if m:
        found = True
        y = int(m.group(3))
        y = y + 2000 if y < 100 else y
        if (int(m.group(1)), int(m.group(2)), y) != (d.day, d.month, d.year):
            return False
    m = re.search(r"\bde (\d{1,2})e\b", low)
    if m:
        found = True
        if int(m.group(1)) != d.day:
            return False
    if found and not re.search(r"\d{4}", low):  # no year printed: must be the next such date
        if not (ref < d <= plus(ref, months=3)):
            return False
    return found


# --- the check -------------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    ftext = flat(text)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(r"-b50-(\d\d)-", txt.stem).group(1)
    spec = SPEC[code]
    if list(truth) != KEYS:
        errs.append("keys/order of the truth file")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b50-"):
        errs.append(f"kind {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")

    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    for s in spec["letter"]:
        if s not in ftext:
            errs.append(f"letter date text '{s}' not printed")
        elif not denotes(s, ld, ld):
            errs.append(f"'{s}' does not denote {ld}")

    dl = truth["deadline"]
    want = spec.get("deadline")
    if bool(dl) != bool(want):
        errs.append("deadline presence differs from spec")
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if want[0] == "rel":
            exp = plus(ld, days=want[1], weeks=want[2], months=want[3])
            if d != exp:
                errs.append(f"relative deadline should be {exp}")
        else:
            if want[1] not in ftext:
                errs.append(f"deadline text '{want[1]}' not printed")
            elif not denotes(want[1], d, ld):
                errs.append(f"'{want[1]}' does not denote {d}")
        if d < ld:
            errs.append("deadline before letter date")

    od = truth["objection_deadline"]
    ospec = spec.get("objection")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision of an objection kind without objection_deadline")
    if od and kind not in OBJECTION_KINDS and truth["stage"] != "decision":
        errs.append("objection_deadline on a non-decision of another kind")
    if bool(od) != bool(ospec):
        errs.append("objection presence differs from spec")
    if od:
        o = date.fromisoformat(od)
        if ospec == "computed":
            if o != objection_deadline(ld):
                errs.append(f"objection should be {objection_deadline(ld)}")
        else:
            if ospec[1] not in ftext or not denotes(ospec[1], o, ld):
                errs.append(f"objection text '{ospec[1]}' not printed / wrong")

    ap = truth["appointment"]
    aspec = spec.get("appt")
    if bool(ap) != bool(aspec):
        errs.append("appointment presence differs from spec")
    if ap:
        a = date.fromisoformat(ap["date"])
        if aspec[0] not in ftext or not denotes(aspec[0], a, ld):
            errs.append("appointment date text not printed / wrong")
        if aspec[1] not in ftext or ap["time"] != aspec[1].replace(" uur", "").replace(".", ":").zfill(5):
            errs.append("appointment time not printed / wrong")
        if not ap["place"] or not any(p.strip() in ftext for p in ap["place"].split(",")):
            errs.append("appointment place not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")

    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if len(set(listed)) != len(listed):
        errs.append("an amount is listed twice")
    printed = euro_amounts(text)
    extra = printed - set(listed)
    missing = [v for v in listed if not amount_printed(v, text)]
    if extra or missing:
        errs.append(f"amounts printed-not-listed {sorted(extra)} listed-not-printed {missing}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in listed or not amount_printed(due, text):
            errs.append("amount_due not listed/printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due is not the amount with role total")
        if not dl or dl["action"] not in ("pay", "attend"):
            if kind != "afspraak-uitnodiging":
                errs.append("amount_due without a pay deadline")
    if due is None and truth["iban"]:
        errs.append("iban set but nothing to pay")
    for parts, total in SUMS.get(code, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    for got, exp in EXTRA.get(code, []):
        if round(got, 2) != round(exp, 2):
            errs.append(f"arithmetic {got} != {exp}")
    if code in WIK:
        principal, costs, btw = WIK[code]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if btw is not None and round(costs * 0.21 + 1e-9, 2) != btw:
            errs.append(f"btw on {costs} should be {round(costs * 0.21, 2)}")
        for v in [costs] + ([btw] if btw else []):
            if v not in listed:
                errs.append(f"WIK amount {v} not listed")

    sq = squash(text)
    if truth["iban"]:
        if not iban_valid(truth["iban"]) or truth["iban"] not in sq:
            errs.append("iban invalid or not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in sq:
            errs.append("payment_reference not printed")
        if len(pr) == 16 and pr.isdigit() and not kenmerk_valid(pr):
            errs.append("payment_reference check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if squash(r) not in sq:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} repeats the payment reference")
    nums = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [n for n in nums if bsn_valid(n.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN-like numbers printed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    problems = []
    if len(files) != 25:
        problems.append(f"{len(files)} letters instead of 25")
    if KINDS - kinds:
        problems.append(f"kinds missing: {sorted(KINDS - kinds)}")
    for pr in problems:
        print("BATCH " + pr)
    print(f"{len(files)} letters, {bad} with problems, {len(problems)} batch problems")
    return 1 if bad or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
