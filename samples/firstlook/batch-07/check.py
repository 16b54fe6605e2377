"""Check every truth file of first-look batch 07 against its letter text.

Run from this folder:  ../../../.venv/bin/python check.py
Independent of snapdebrief: only the helper functions of samples/holdout/tools.py are used.
What is checked per letter: the JSON form (keys, kind, stage, action, roles), the file name,
the letter date (printed, in range), the deadline (printed, or the relative term below computed
from the letter date), the objection deadline (letter date + 42 days moved by the Atw, or a
printed date), the appointment (date and time printed, equal to an attend deadline), every
euro amount printed <-> listed, amount_due printed, IBANs (mod-97, printed; every printed IBAN
valid), payment reference and reference numbers printed, 16-digit kenmerken (check digit),
BSNs (elfproef, bsn_found), page breaks, the sums written down below, the WIK costs, and the
spread of kinds, house styles and special features over the batch.
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
# the kinds the brief names as decisions open to bezwaar/beroep
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete",
                   "uitkering-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- written down per letter, independently of the JSON files ---------------------------------

# relative terms as printed: number -> (days, weeks, months) counted from the letter date
RELATIVE = {
    "09": (0, 0, 1),    # binnen één maand na de datum van deze brief
    "12": (0, 2, 0),    # binnen twee weken na de datum van deze brief
    "13": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail
    "15": (8, 0, 0),    # binnen acht dagen na de dagtekening van deze herinnering
    "17": (14, 0, 0),   # binnen veertien dagen na dagtekening dezes
    "18": (0, 4, 0),    # binnen vier weken na de datum van deze e-mail
    "22": (0, 3, 0),    # binnen 3 weken na de datum van dit bericht
}
# letters whose objection day is printed in the letter itself (none in this batch)
PRINTED_OBJECTION: dict[str, str] = {}

# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14310, 19870], 34180), ([12219, -8400, -1366], 2453), ([223] * 11, 2453)],
    "02": [([1350, 612], 1962)],
    "03": [([1742, -456], 1286), ([1286, 19, 11.63], 1316.63)],
    "04": [([666.25, 32.15], 698.40), ([287] * 12, 3444)],
    "05": [([123] * 12, 1476), ([1476, -1044], 432), ([18] * 24, 432)],
    "06": [([340.67, 378.96, 212.40], 932.03), ([106.92, 98.15, 243.69], 448.76),
           ([932.03, 448.76], 1380.79), ([690.40, 690.39], 1380.79)],
    "07": [([309.75, 131.61], 441.36), ([441.36, 0, 9], 450.36)],
    "08": [([98.40, 84.12], 182.52), ([182.52, -56.08], 126.44)],
    "09": [([312.96, 189.84], 502.80), ([1612.40, -1598.20], 14.20), ([14.20] * 12, 170.40),
           ([502.80, -170.40], 332.40)],
    "10": [([96, 10], 106)],
    "11": [([460, 230, 10], 700), ([460] * 3 + [10], 1390)],
    "12": [([112.47] * 3, 337.41), ([337.41, 5.92], 343.33)],
    "13": [([80, 4.95], 84.95)],
    "14": [([1135, 170.25, 18.62], 1323.87)],
    "16": [([541.15, 71.25], 612.40), ([612.40, 21.37, 91.86], 725.63), ([725.63, 118.40], 844.03)],
    "17": [([486.60] * 4, 1946.40),
           ([1946.40, 63.18, 291.96, 508.40, 92.55, 165.69, -150], 2918.18)],
    "18": [([148.65, 148.65, 85], 382.30), ([76.46] * 5, 382.30)],
    "19": [([658.20, -450], 208.20), ([208.20, 658.20], 866.40)],
    "20": [([183.72] * 4, 734.88)],
    "21": [([1146.20, -412.63], 733.57)],
    "23": [([87.14] * 3, 261.42), ([261.42, 4.18], 265.60)],
}
# products and shares that must hold: number -> list of (computed, printed)
PRODUCTS = {
    "06": [(287000 * 0.001187, 340.67), (287000 * 0.000342, 98.15)],
    "08": [(84.12 * 8 / 12, 56.08)],
    "11": [(460 * 0.5, 230)],
    "13": [(84.95 * 21 / 121, 14.74)],     # btw inside the total
    "15": [(389.62 * 21 / 121, 67.62)],    # btw inside the total
}
# WIK (Besluit vergoeding buitengerechtelijke incassokosten): number -> (hoofdsom, printed costs)
WIK = {"13": (84.95, 40.00), "14": (1135.00, 170.25), "16": (612.40, 91.86), "17": (1946.40, 291.96)}

# house styles and features, as designed
STYLES = {
    "01": {"tables", "two-page"}, "02": {"prose"}, "03": {"tables"}, "04": {"two-column"},
    "05": {"two-page"}, "06": {"two-column"}, "07": {"payment-slip"}, "08": {"portal"},
    "09": {"b1-je"}, "10": {"payment-slip"}, "11": {"tables"}, "12": set(),
    "13": {"email", "b1-je"}, "14": {"two-column"}, "15": {"prose", "payment-slip"},
    "16": {"legal", "two-page"}, "17": {"legal"}, "18": {"email"}, "19": {"b1-je", "tables"},
    "20": {"portal"}, "21": {"two-column", "two-page"}, "22": {"portal"}, "23": {"prose"},
    "24": {"b1-je"}, "25": {"prose"},
}
ON_BEHALF = {"06", "07", "08", "12", "14", "16", "17"}
MINIMUM = {"tables": 2, "prose": 2, "legal": 2, "b1-je": 2, "email": 2, "two-column": 2,
           "payment-slip": 3, "two-page": 3, "portal": 3}
SENDER_IN_TEXT = {"DUO": "Dienst Uitvoering Onderwijs", "SVB": "Sociale Verzekeringsbank"}

# --- helpers ------------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2})(?!\d)|,(\d)(?=\s+miljoen))?"
                       r"(\s+miljoen)?")
IBAN_RE = re.compile(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}")
KENMERK_RE = re.compile(r"(?<![\d ])\d{4} \d{4} \d{4} \d{4}(?![\d])")
BSN_RES = [re.compile(r"(?<![\d.])(\d{9})(?![\d])"),
           re.compile(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3})(?![\d])"),
           re.compile(r"(?<![\d.])(\d{3}\.\d{3}\.\d{3})(?![\d])"),
           re.compile(r"(?<![\d ])(\d{3} \d{3} \d{3})(?![\d])")]


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, cents, tenth, mln in AMOUNT_RE.findall(text):
        v = int(whole.replace(".", ""))
        if cents:
            v += int(cents) / 100
        if tenth:
            v += int(tenth) / 10
        if mln:
            v *= 1_000_000
        out.add(round(v, 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}"]


def printed(d: date, text: str) -> bool:
    flat = " ".join(text.split())
    return any(f in flat for f in date_forms(d))


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b07-(\d\d)-", txt.stem).group(1)
    flat = squash(text)

    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS:
        errs.append(f"kind {kind}")
    if not txt.stem.startswith(f"{kind}-b07-{num}-"):
        errs.append("file name does not start with kind-b07-NN-")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    sender = truth["sender"]
    norm = " ".join(text.split()).lower()
    if not sender or (sender.lower() not in norm
                      and SENDER_IN_TEXT.get(sender, "\0").lower() not in norm):
        errs.append(f"sender {sender!r} not in text")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not printed(ld, text):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline {d} != {want}")
        elif not printed(d, text):
            errs.append("deadline date not printed")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    # objection deadline
    od = truth["objection_deadline"]
    if od:
        if kind not in OBJECTION_KINDS:
            errs.append("objection deadline on a kind without bezwaar")
        want = PRINTED_OBJECTION.get(num) or objection_deadline(ld).isoformat()
        if od != want:
            errs.append(f"objection {od} != {want}")
    elif kind in OBJECTION_KINDS and truth["stage"] == "decision":
        errs.append("decision without objection deadline")

    # appointment
    ap = truth["appointment"]
    if ap:
        d = date.fromisoformat(ap["date"])
        if not printed(d, text):
            errs.append("appointment date not printed")
        if ap["time"]:
            h, m = ap["time"].split(":")
            if f"{int(h)}.{m}" not in text and ap["time"] not in text:
                errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment is not the attend deadline")
        if not any(part.strip() in text for part in ap["place"].split(",")):
            errs.append("appointment place not in text")
    elif dl and dl["action"] == "attend":
        errs.append("attend deadline without appointment")

    # amounts
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    found = printed_amounts(text)
    if found - set(listed) or set(listed) - found:
        errs.append(f"amounts printed-not-listed {sorted(found - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - found)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in found:
            errs.append("amount_due not printed")
        if not any(round(a["value"], 2) == round(due, 2) and a["role"] == "total"
                   for a in truth["amounts"]):
            errs.append("amount_due has no 'total' entry")
    totals = [a for a in truth["amounts"] if a["role"] == "total"]
    if due is None and totals:
        errs.append("a 'total' amount but no amount_due")

    # IBANs, references, kenmerken
    for ib in IBAN_RE.findall(text):
        if not iban_valid(squash(ib)):
            errs.append(f"printed IBAN {ib} invalid")
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban fails mod-97")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if due is None:
            errs.append("iban without an amount to pay")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("payment_reference check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in KENMERK_RE.findall(text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails its check digit")

    # BSN
    valid = {m.replace(".", "").replace(" ", "") for rx in BSN_RES for m in rx.findall(text)}
    valid = {b for b in valid if bsn_valid(b)}
    if truth["bsn_found"] != bool(valid):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs printed: {sorted(valid)}")

    # pages
    two_page = "two-page" in STYLES[num]
    if two_page != ("\f" in text) or text.count("\f") > 1:
        errs.append(f"page breaks: {text.count(chr(12))}, two-page={two_page}")

    # arithmetic
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
        for v in [abs(p) for p in parts] + [total]:
            if round(v, 2) not in found:
                errs.append(f"sum part {v} not printed")
    for computed, shown in PRODUCTS.get(num, []):
        if round(computed + 1e-9, 2) != shown:
            errs.append(f"computed {round(computed, 2)} != printed {shown}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
    return errs


def check_batch(files: list[Path]) -> list[str]:
    errs = []
    if len(files) != 25:
        errs.append(f"{len(files)} letters, not 25")
    kinds = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files]
    missing = KINDS - set(kinds)
    if missing:
        errs.append(f"kinds missing: {sorted(missing)}")
    for style, need in MINIMUM.items():
        have = sum(style in s for s in STYLES.values())
        if have < need:
            errs.append(f"style {style}: {have} < {need}")
    if len(ON_BEHALF) < 4:
        errs.append("fewer than 4 on-behalf letters")
    nums = sorted(re.search(r"-b07-(\d\d)-", p.stem).group(1) for p in files)
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        errs.append(f"numbers {nums}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    batch = check_batch(files)
    for e in batch:
        print("FAIL batch: " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(batch)} batch problems")
    return 1 if bad or batch else 0


if __name__ == "__main__":
    raise SystemExit(main())
