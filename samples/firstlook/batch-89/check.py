"""Consistency check for first-look batch 89: every NAME.json against NAME.txt.

Run: python check.py   (from any directory)
Uses only the helpers of samples/holdout/tools.py, found relative to this file.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}

# --- how dates are written on the letters ------------------------------------------------

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
          "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
          "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
          "nov": 11, "december": 12, "dec": 12}
WEEKDAYS = {"ma": 0, "maandag": 0, "di": 1, "dinsdag": 1, "wo": 2, "woensdag": 2, "do": 3,
            "donderdag": 3, "vr": 4, "vrijdag": 4, "za": 5, "zaterdag": 5, "zo": 6, "zondag": 6}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
            "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10}
YEAR_WORDS = {"tweeduizendzesentwintig": 2026, "tweeduizendzevenentwintig": 2027}


def parse_date(s: str, ref: date) -> date:
    """Read a Dutch date as typed ('vr 20-2', '24/3', 'di 10 feb.', '8 januari 2027',
    'vrijdag de 13e', 'de vierde februari tweeduizendzevenentwintig'). A missing year is the
    first one that puts the date no earlier than 60 days before ref. A weekday must fit."""
    low = s.lower().replace(".", " ").replace(",", " ")
    wd = None
    words = low.split()
    if words and words[0] in WEEKDAYS:
        wd = WEEKDAYS[words[0]]
    year = None
    for w, y in YEAR_WORDS.items():
        if w in low:
            year = y
    m = re.search(r"\b(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?\b", low)
    if m:
        day, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    else:
        m = re.search(r"\b(\d{1,2})e?\b(?:\s+([a-z]+))?(?:\s+(\d{4}))?", low)
        ordm = re.search(r"\b(" + "|".join(ORDINALS) + r")\s+([a-z]+)", low)
        if m and (m.group(2) in MONTHS or not ordm):
            day = int(m.group(1))
            month = MONTHS.get(m.group(2) or "", None)
            if m.group(3):
                year = int(m.group(3))
        else:
            day, month = ORDINALS[ordm.group(1)], MONTHS[ordm.group(2)]
        if month is None:  # 'de 13e': this month or the next
            month = ref.month if day >= ref.day else ref.month % 12 + 1
    if year is None:
        year = ref.year
        while date(year, month, day) < ref - timedelta(days=60):
            year += 1
    d = date(year, month, day)
    if wd is not None and d.weekday() != wd:
        raise ValueError(f"weekday in {s!r} does not fit {d}")
    return d


# --- per letter: how the truth is printed (written down independently of the JSON) -------
# letter: the literal that gives the letter date
# deadline: ("printed", literal) or ("rel", days, weeks, months) from the letter date
# objection: "computed" (letter date + 42, Algemene termijnenwet) for decisions
# appointment: literal of the date, and the time as printed
# sums: (parts, total); wik: (principal, costs printed)
SPEC = {
    "01": {"letter": "di 10 feb.", "deadline": ("printed", "vr 20-2"),
           "sums": [([147.43, 40.00], 187.43)], "wik": (147.43, 40.00)},
    "02": {"letter": "09-03-2026", "deadline": ("printed", "vrijdag de 13e"),
           "sums": [([895, -400], 495), ([495, 35], 530)]},
    "03": {"letter": "23-04-2026", "deadline": ("printed", "7 mei")},
    "04": {"letter": "ma 1 jun 2026", "deadline": ("printed", "15-06-2026"),
           "sums": [([151.35, 151.35], 302.70)]},
    "05": {"letter": "do 8 okt. 2026", "deadline": ("printed", "22-10")},
    "06": {"letter": "30 juni 2026", "deadline": ("printed", "28-07-2026"),
           "sums": [([135.00, 9.00, 67.50], 211.50), ([135.00 * 0.5], 67.50)]},
    "07": {"letter": "21 augustus 2026", "deadline": ("printed", "02-10-2026"), "objection": "computed",
           "sums": [([115.00, 9.00], 124.00)]},
    "08": {"letter": "8 januari 2027", "deadline": ("printed", "28-02-2027"), "objection": "computed",
           "sums": [([2874, -1411], 1463), ([133] * 11, 1463)]},
    "09": {"letter": "15 september 2026", "deadline": ("rel", 14, 0, 0),
           "sums": [([812, 18], 830)]},
    "10": {"letter": "10 december 2026", "deadline": None, "objection": "computed",
           "sums": [([318] * 12, 3816)]},
    "11": {"letter": "17 juli 2026", "deadline": ("printed", "31 augustus 2026"), "objection": "computed",
           "sums": [([8148, -6912], 1236), ([51.50] * 24, 1236)]},
    "12": {"letter": "26 mei 2026", "deadline": ("rel", 0, 0, 1), "objection": "computed",
           "sums": [([486.92, -162.30], 324.62), ([58.11] * 12, 697.32)]},
    "13": {"letter": "19 november 2026", "deadline": ("rel", 5, 0, 0),
           "sums": [([623.40, 14.27, 93.51], 731.18)], "wik": (623.40, 93.51)},
    "14": {"letter": "de vierde februari tweeduizendzevenentwintig",
           "deadline": ("printed", "woensdag 3 maart 2027"),
           "appointment": ("woensdag 3 maart 2027", "09.30 uur"),
           "sums": [([1874.50, 61.22, 281.18], 2216.90), ([2216.90, 127.24], 2344.14)],
           "wik": (1874.50, 281.18)},
    "15": {"letter": "14 april 2026", "deadline": None, "objection": "computed",
           "sums": [([round(142.18 * 21.75 * 0.75, 2)], 2319.31), ([round(142.18 * 21.75 * 0.70, 2)], 2164.69)]},
    "16": {"letter": "wo 2 sep 2026", "deadline": ("printed", "16/9")},
    "17": {"letter": "12-01-2027", "deadline": ("printed", "26 januari 2027"),
           "sums": [([96.43, 96.43], 192.86)]},
    "18": {"letter": "vr 13 mrt 2026", "deadline": ("printed", "dinsdag 24/3"),
           "appointment": ("dinsdag 24/3", "09:45")},
    "19": {"letter": "02-06-2026", "deadline": None,
           "sums": [([37.25] * 3, 111.75), ([111.75, 37.25], 149.00)]},
    "20": {"letter": "27 oktober 2026", "deadline": ("rel", 14, 0, 0), "wik": (268.95, 40.34)},
    "21": {"letter": "di 19 mei", "deadline": ("printed", "2 juni")},
    "22": {"letter": "ma 7 dec. 2026", "deadline": ("printed", "vr 11-12")},
    "23": {"letter": "29 januari 2027", "deadline": ("printed", "31-03-2027"), "objection": "computed",
           "sums": [([118.44, 214.92, 124.18], 457.54), ([71.64] * 3, 214.92),
                    ([round(312000 * 0.000398, 2)], 124.18)]},
    "24": {"letter": "3 november 2026", "deadline": ("printed", "19 november 2026"),
           "sums": [([28.50, 28.50, 41.73], 98.73)], "wik": (98.73, 40.00)},
    "25": {"letter": "dinsdag 11 augustus 2026", "deadline": ("rel", 14, 0, 0),
           "sums": [([687.12, 687.12, -250.00], 1124.24)], "wik": (1124.24, 168.64)},
}

# --- amounts as people type them -------------------------------------------------------

NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?"
AMOUNT_PATTERNS = [
    re.compile(r"(?:€|\bEUR\b)\s?-?\s?" + NUM + r"(?!\d|[.,]\d)"),       # € 12,34  EUR 12,34  €12
    re.compile(r"(?<![\d.,])" + NUM + r"\s?(?:euro|eur)\b", re.I),     # 400 euro
    re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(-{1,2})(?!\d)"),  # 895,-
]


def to_value(whole: str, frac: str | None) -> float:
    cents = int(frac) if frac and frac.isdigit() else 0
    return round(int(whole.replace(".", "")) + cents / 100, 2)


def scanned_amounts(text: str) -> set[float]:
    out = set()
    for pat in AMOUNT_PATTERNS:
        for m in pat.finditer(text):
            out.add(to_value(m.group(1), m.group(2)))
    return out


def amount_printed(v: float, text: str) -> bool:
    if v in scanned_amounts(text):
        return True
    forms = {fmt_amount(v), fmt_amount(v).replace(".", "")}
    if v == int(v):  # typed in a chat: '895,-', '400 euro', a bare '495'
        forms |= {f"{int(v)},-", f"{int(v)} euro", str(int(v))}
    return any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])", text) for f in forms)


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


# --- the check ---------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    stem = txt.stem
    m = re.fullmatch(r"([a-z-]+)-b89-(\d\d)-[a-z0-9-]+", stem)
    if not m:
        return ["bad file name"]
    kind, code = m.group(1), m.group(2)
    spec = SPEC[code]
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
    if spec["letter"] not in text:
        errs.append(f"letter date literal {spec['letter']!r} not in text")
    elif parse_date(spec["letter"], ld) != ld:
        errs.append(f"letter date literal reads {parse_date(spec['letter'], ld)}")

    # deadline
    dl, ds = truth["deadline"], spec["deadline"]
    if (dl is None) != (ds is None):
        errs.append("deadline presence differs from spec")
    elif dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        want = None
        if ds[0] == "printed":
            if ds[1] not in text:
                errs.append(f"deadline literal {ds[1]!r} not in text")
            want = parse_date(ds[1], ld)
        else:
            want = plus(ld, days=ds[1], weeks=ds[2], months=ds[3])
        if dl["date"] != want.isoformat():
            errs.append(f"deadline {dl['date']} != {want}")
        if date.fromisoformat(dl["date"]) < ld:
            errs.append("deadline before letter date")

    # objection deadline
    od = truth["objection_deadline"]
    if spec.get("objection") == "computed":
        if kind not in OBJECTION_KINDS or truth["stage"] != "decision":
            errs.append("objection term on a non-decision")
        if od != objection_deadline(ld).isoformat():
            errs.append(f"objection {od} != {objection_deadline(ld)}")
    elif od is not None:
        errs.append("objection_deadline should be null")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and od is None:
        errs.append("decision without objection deadline")

    # appointment
    ap = truth["appointment"]
    if ("appointment" in spec) != (ap is not None):
        errs.append("appointment presence")
    elif ap:
        lit, tm = spec["appointment"]
        if lit not in text or tm not in text:
            errs.append("appointment literal not in text")
        if ap["date"] != parse_date(lit, ld).isoformat():
            errs.append("appointment date")
        if ap["time"] != tm[:5].replace(".", ":"):
            errs.append("appointment time")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment")
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9-]{3,}", ap["place"])]
        if not all(w in text for w in words):
            errs.append("appointment place words not in text")

    # amounts
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
        if not amount_printed(round(a["value"], 2), text):
            errs.append(f"amount {a['value']} not printed")
    extra = scanned_amounts(text) - listed
    if extra:
        errs.append(f"printed amounts not listed {sorted(extra)}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in listed or not amount_printed(due, text):
            errs.append("amount_due not listed/printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due has no total role")
        if truth["iban"] is None:
            errs.append("amount due but no iban")
    for parts, total in spec.get("sums", []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
        for v in [abs(p) for p in parts] + [total]:
            if not amount_printed(round(v, 2), text):
                errs.append(f"sum part {v} not printed")
    if "wik" in spec:
        p, c = spec["wik"]
        if wik(p) != c:
            errs.append(f"WIK on {p} is {wik(p)}, printed {c}")

    # accounts, references, identifiers
    flat = squash(text)
    ib = truth["iban"]
    if ib and (not iban_valid(ib) or ib not in flat):
        errs.append("iban invalid or not printed")
    for raw in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(raw.replace(" ", "")):
            errs.append(f"printed iban {raw} invalid")
    pr = truth["payment_reference"]
    if pr:
        if pr not in text and squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for r in truth["reference_numbers"]:
        if r not in text:
            errs.append(f"reference {r} not printed as given")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)]
    found = any(bsn_valid(b) for b in bsns)
    if truth["bsn_found"] != found:
        errs.append(f"bsn_found {truth['bsn_found']} but text says {found}")
    if not truth["notes"]:
        errs.append("no notes")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        try:
            errs = check_one(p)
        except Exception as e:  # noqa: BLE001
            errs = [f"crash: {e!r}"]
        kinds.add(p.stem.split("-b89-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds missing:", sorted(missing))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
