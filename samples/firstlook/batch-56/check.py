"""Consistency check for first-look batch 56: every NAME.json against NAME.txt.

Run: python check.py   (from anywhere). Exit code 0 when no problems are found.
Checks: enumerations, name pattern, IBAN (mod-97) and its presence, payment reference and
16-digit kenmerk check digits, reference numbers, BSN elfproef versus bsn_found, every printed
money amount (with €, EUR or euro before or after) against the amounts list and back, sums,
WIK costs, letter date printed, deadline printed or derived from the printed term, objection
deadline (letter date + 42 days, Algemene termijnenwet), appointment, the spread over kinds.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import objection_deadline  # noqa: E402  (samples/holdout/tools.py)

from dateutil.relativedelta import relativedelta  # noqa: E402

KINDS = ["belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"]
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# --- per-letter facts, written down from the letters independently of the JSON files ---------
# deadline: ("printed",) the date stands in the text; ("rel", days, weeks, months, phrase) a term
# counted from the letter date, phrase must be in the text; None: no deadline.
SPEC = {
    "01": {"deadline": ("printed",), "sums": [([19012, -16515], 2497), ([227] * 11, 2497)]},
    "02": {"deadline": None, "sums": [([11482, -10934, -1734], -1186), ([1186, 17], 1203)]},
    "03": {"deadline": ("printed",), "sums": [([743.00, 18.00], 761.00)]},
    "04": {"deadline": None, "sums": [([287] * 12, 3444)]},
    "05": {"deadline": ("printed",), "sums": [([1476, -612], 864), ([123] * 12, 1476), ([36] * 24, 864)]},
    "06": {"deadline": ("printed",), "sums": [([249.98, 341.40, 212.16], 803.54), ([401.77, 401.77], 803.54),
                                               ([round(287000 * 0.000871, 2)], 249.98)]},
    "07": {"deadline": ("rel", 14, 0, 0, "binnen twee weken na dagtekening"),
           "sums": [([118.56, 149.78], 268.34), ([268.34, 9.00], 277.34)]},
    "08": {"deadline": ("rel", 0, 0, 1, "binnen een maand na dagtekening"), "sums": []},
    "09": {"deadline": ("printed",), "sums": [([164.00, 9.00], 173.00)]},
    "10": {"deadline": ("printed",), "sums": [([110.00, 9.00, 55.00, 110.00], 284.00), ([110 * 0.5], 55.00)]},
    "11": {"deadline": ("rel", 14, 0, 0, "binnen 14 dagen na ontvangst"), "sums": [([29.95] * 3, 89.85)]},
    "12": {"deadline": ("printed",), "sums": [([218.50, 3.12, 40.00], 261.62)], "wik": (218.50, 40.00)},
    "13": {"deadline": ("printed",), "sums": [([1846.20, 87.34, 276.93], 2210.47), ([2210.47, 119.87], 2330.34)],
           "wik": (1846.20, 276.93)},
    "14": {"deadline": ("rel", 14, 0, 0, "binnen veertien dagen na dagtekening"),
           "sums": [([2104.55, 168.20, 512.00, 268.47, -300.00], 2753.22)]},
    "15": {"deadline": ("printed",), "sums": [([148.65, 148.65], 297.30), ([139.40, 9.25], 148.65), ([99.10] * 3, 297.30)]},
    "16": {"deadline": None, "sums": [([198.40] * 6, 1190.40)]},
    "17": {"deadline": ("printed",), "sums": [([612.15, 75.25], 687.40), ([687.40, -300.00], 387.40),
                                               ([687.40, 387.40, 687.40], 1762.20)], "wik": (1762.20, 264.33)},
    "18": {"deadline": ("printed",), "sums": [([134.00, 134.00, 96.18], 364.18)]},
    "19": {"deadline": None, "sums": [([round(142.87 * 0.75, 2)], 107.15), ([round(142.87 * 0.70, 2)], 100.01),
                                       ([round(107.15 * 21.75, 2)], 2330.51), ([round(100.01 * 21.75, 2)], 2175.22)]},
    "20": {"deadline": ("printed",), "sums": [([412.30, 518.76, 417.56], 1348.62)]},
    "21": {"deadline": ("rel", 8, 0, 0, "binnen acht dagen na de datum van deze brief"), "sums": []},
    "22": {"deadline": ("printed",), "sums": [([61.27] * 3, 183.81), ([183.81, 1.96], 185.77)]},
    "23": {"deadline": ("printed",), "sums": []},
    "24": {"deadline": None, "sums": []},
    "25": {"deadline": ("rel", 14, 0, 0, "binnen veertien dagen\nna dagtekening"), "sums": [([142.38, -56.20], 86.18)]},
}
WORD_DATES = {"2026-10-26": "de zesentwintigste oktober tweeduizendzesentwintig"}


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0), 2)


def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return len(iban) == 18 and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def fmt(v: float, cents: bool = True) -> str:
    s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return s if cents else s[:-3]


NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}))?(?!\d)(?![.,]\d)"
AMOUNT_RES = [re.compile(r"(?:€|\bEUR\b|\beuro\b)\s*" + NUM, re.I),
              re.compile(r"(?<![\d.,])" + NUM + r"[ \t]?(?:\bEUR\b|\beuro\b)", re.I)]


def printed_amounts(text: str) -> set[float]:
    out = set()
    for rx in AMOUNT_RES:
        for whole, frac in rx.findall(text):
            out.add(round(int(whole.replace(".", "")) + (int(frac) / 100 if frac else 0), 2))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{d.day} {MONTHS[d.month - 1]}\n{d.year}",
            d.strftime("%d-%m-%Y"), f"{d.day:02d} {EN_MONTHS[d.month - 1]} {d.year}",
            f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"]


def check_one(p: Path) -> list[str]:
    e: list[str] = []
    text = p.read_text(encoding="utf-8")
    t = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
    keys = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
            "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
    if set(t) != keys:
        e.append(f"keys {sorted(set(t) ^ keys)}")
    m = re.fullmatch(r"(.+)-b56-(\d\d)-[a-z0-9-]+", p.stem)
    if not m or m.group(1) != t["kind"]:
        e.append("name does not match <kind>-b56-NN-slug")
        return e
    code = m.group(2)
    spec = SPEC[code]
    kind = t["kind"]
    if kind not in KINDS:
        e.append(f"kind {kind}")
    if t["stage"] not in STAGES:
        e.append(f"stage {t['stage']}")
    if not t["sender"] or not t["notes"]:
        e.append("sender/notes empty")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not any(f in text for f in date_forms(ld)) and WORD_DATES.get(t["letter_date"], "\0") not in text:
        e.append("letter date not printed")

    # deadline
    dl = t["deadline"]
    sd = spec["deadline"]
    if (dl is None) != (sd is None):
        e.append("deadline presence differs from spec")
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("deadline action")
        dd = date.fromisoformat(dl["date"])
        if dd < ld:
            e.append("deadline before letter date")
        if sd and sd[0] == "printed" and not any(f in text for f in date_forms(dd)):
            e.append("printed deadline not in text")
        if sd and sd[0] == "rel":
            _, days, weeks, months, phrase = sd
            want = ld + relativedelta(days=days + 7 * weeks, months=months)
            if dd != want:
                e.append(f"relative deadline should be {want}")
            if phrase not in text:
                e.append(f"term phrase '{phrase}' not in text")

    # objection deadline
    od = t["objection_deadline"]
    decision_elsewhere = t["stage"] == "decision" and kind not in OBJECTION_KINDS
    if kind in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection_deadline")
    if od and not (kind in OBJECTION_KINDS and t["stage"] == "decision") and not decision_elsewhere:
        e.append("objection_deadline on a letter that is no decision")
    if kind in OBJECTION_KINDS and t["stage"] in ("reminder", "aanmaning") and od:
        e.append("reminder must have objection_deadline null")
    if od and date.fromisoformat(od) != objection_deadline(ld):
        e.append(f"objection {od} != {objection_deadline(ld)}")
    if od and not re.search(r"(zes|6) weken", text):
        e.append("objection term not printed")

    # appointment
    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in text for f in date_forms(ad)):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment without matching attend deadline")
    elif dl and dl["action"] == "attend":
        e.append("attend deadline without appointment")

    # amounts
    listed = [round(a["value"], 2) for a in t["amounts"]]
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            e.append(f"role {a['role']}")
    pairs = [(round(a["value"], 2), a["role"]) for a in t["amounts"]]
    if len(set(pairs)) != len(pairs):
        e.append("duplicate value in amounts")
    printed = printed_amounts(text)
    extra = printed - set(listed)
    if extra:
        e.append(f"printed but not listed {sorted(extra)}")
    for v in listed:
        if fmt(v) not in text and not (v == int(v) and re.search(r"(?<![\d.])" + re.escape(fmt(v, False)) + r"(?![\d,])", text)):
            e.append(f"listed {v} not printed")
    ad_ = t["amount_due"]
    if ad_ is not None:
        if round(ad_, 2) not in listed:
            e.append("amount_due not among amounts")
        if round(ad_, 2) not in printed:
            e.append("amount_due not printed with a currency mark")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(ad_, 2) for a in t["amounts"]):
            e.append("amount_due has no role total")
    for parts, total in spec["sums"]:
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} = {round(sum(parts), 2)} != {total}")
    if "wik" in spec:
        principal, costs = spec["wik"]
        if wik(principal) != costs:
            e.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # iban, reference, numbers
    flat = squash(text)
    ib = t["iban"]
    if ib:
        if not iban_valid(ib):
            e.append("iban invalid")
        if ib not in flat:
            e.append("iban not printed")
        if ad_ is None:
            e.append("iban without amount_due")
    elif ad_ is not None:
        e.append("amount_due without iban")
    for cand in re.findall(r"NL\d{2}(?:\s?[A-Z]{4})(?:\s?\d){10}", text):
        if not iban_valid(cand.replace(" ", "").replace("\n", "")):
            e.append(f"printed iban {cand} invalid")
    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            e.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    bsns = re.findall(r"(?<![\d.\-])(?<!\d )(\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3}|\d{9})(?![\d])", text)
    bsns = [b for b in (re.sub(r"\D", "", x) for x in bsns) if bsn_valid(b)]
    if t["bsn_found"] != bool(bsns):
        e.append(f"bsn_found {t['bsn_found']} but valid BSNs found: {bsns}")
    if "\f" in text and text.count("\f") + 1 < 2:
        e.append("form feed count")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = [k for k in KINDS if k not in kinds]
    if missing:
        print("kinds missing:", missing)
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {len(kinds)} kinds, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
