"""Consistency check for first-look batch 20: every NAME.json against NAME.txt.

Run:  python check.py      (from any directory; files are found next to this script)

Independent of snapdebrief on purpose: nothing here imports the package. It checks the
truth values against the printed text (dates, amounts, IBAN, references, BSN), the
identifier check digits (elfproef, mod-97, betalingskenmerk), relative terms, objection
terms under the Algemene termijnenwet, and the arithmetic that each letter prints.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = "b20"

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "attend", "object"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit",
                   "kwijtschelding-besluit"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# --- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    return (sum(w * int(c) for w, c in zip(range(9, 1, -1), s[:8])) - int(s[8])) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# --- dates -----------------------------------------------------------------------------------


def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def holidays(y: int) -> set[date]:
    """Algemene termijnenwet: Sundays/Saturdays plus these days (bevrijdingsdag every year)."""
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    return {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}


def objection_default(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"),
            f"{d.day}-{d.month}-{d.year}", d.strftime("%d.%m.%Y"), d.strftime("%d/%m/%Y")]


# Dates written in words on the paper (exploot style): stem -> (words, date)
WORD_DATES = {"deurwaarder-b20-15-dagvaarding-huurachterstand":
              ("de tiende november tweeduizendzesentwintig", date(2026, 11, 10))}


def date_printed(d: date, text: str, stem: str) -> bool:
    if any(f in text for f in date_forms(d)):
        return True
    w = WORD_DATES.get(stem)
    return bool(w and w[1] == d and w[0] in text)


# --- per-letter facts written down from the paper, independently of the JSON ---------------

# Relative terms as printed, counted from the letter date: stem number -> (days, weeks, months)
RELATIVE = {
    "03": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning (slip repeats 22-09-2026)
    "07": (14, 0, 0),   # binnen 14 dagen na de datum van deze aanmaning
    "11": (14, 0, 0),   # binnen 14 dagen nadat je deze e-mail hebt ontvangen
    "13": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
    "14": (8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "16": (2, 0, 0),    # binnen twee dagen na heden
}
# Letters that print their own last day for bezwaar/beroep
PRINTED_OBJECTION = {"02"}

D = Decimal


def wik(principal: str) -> Decimal:
    p = D(principal)
    bands = [(D(2500), D("0.15")), (D(2500), D("0.10")), (D(5000), D("0.05")),
             (D(190000), D("0.01")), (D(10) ** 9, D("0.005"))]
    rest, total = p, D(0)
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    total = total.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    return min(max(total, D(40)), D(6775))


def q(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


# stem number -> list of (left expression value, printed value)
def sums() -> dict[str, list[tuple[Decimal, Decimal]]]:
    return {
        "01": [(D(15106) - D(5280) - D(6702), D(3124)), (D(284) * 11, D(3124))],
        "02": [(D(4965) - D(2913), D(2052)), (D(2052) - D(1440), D(612))],
        "03": [(D(2316) - D(500), D(1816)), (D(1816) + D(18), D(1834))],
        "04": [(D(131) * 12, D(1572))],
        "05": [(D(2760) - D(1656), D(1104)), (D(46) * 24, D(1104))],
        "06": [(q(D(298000) * D("0.000821")), D("244.66")),
               (D("244.66") + D("336.96") + D("231.12"), D("812.74")),
               (D("406.37") * 2, D("812.74"))],
        "07": [(D("398.12") - D(200), D("198.12")), (D("198.12") + D(8), D("206.12"))],
        "08": [(D(4150) - D(3350), D(800))],
        "09": [(D(186) + D(9), D(195))],
        "10": [(D(110) + D(9) + D(55), D(174)), (D(110) / 2, D(55))],
        "11": [(D("59.95") + D("4.95"), D("64.90")), (q(D("64.90") * 21 / 121), D("11.26"))],
        "12": [(D("29.95") * 3, D("89.85")), (D("89.85") + D("1.37") + D(40), D("131.22")),
               (D("131.22") - D(30), D("101.22")), (wik("89.85"), D(40))],
        "13": [(D("17.39") * 3, D("52.17")), (D("21.25") * 2, D("42.50")),
               (D("28.91") + D("52.17") + D("42.50") + D("87.67"), D("211.25")),
               (D("211.25") - D("23.85"), D("187.40"))],
        "14": [(D("131.74") * 2, D("263.48")), (D("263.48") + D("7.12") + D(40), D("310.60")),
               (wik("263.48"), D(40))],
        "15": [(D("684.50") * 3, D("2053.50")), (D("2053.50") - D(300), D("1753.50")),
               (D("1753.50") + D("14.22") + D("263.03") + D("127.65"), D("2158.40")),
               (wik("1753.50"), D("263.03"))],
        "16": [(D(139) + D("127.65") + D(298), D("564.65")),
               (D(1186) + D("48.17") + D("177.90") + D("564.65") + D(143) + D("118.38"), D("2238.10")),
               (D("2238.10") - D(250), D("1988.10")), (wik("1186"), D("177.90"))],
        "17": [(D("148.65") * 3, D("445.95")), (D("89.19") * 5, D("445.95"))],
        "19": [(D("712.40") - D(400), D("312.40")), (D("712.40") + D("312.40"), D("1024.80")),
               (wik("1024.80"), D("153.72"))],
        "20": [(D(168) * 2 + D("94.37"), D("430.37"))],
        "21": [(D("1214.60") - D("352.41"), D("862.19"))],
        "23": [(D("87.14") * 2, D("174.28")), (D("174.28") + D("1.93"), D("176.21"))],
        "25": [(D("18987.90") - D("1205.38") - D("1030.34"), D("16752.18"))],
    }


# --- text scanning ---------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?![\d])")


def euro_amounts(text: str) -> set[Decimal]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = frac if frac and frac.isdigit() else "00"
        out.add(D(whole.replace(".", "") + "." + cents))
    return out


def fmt_nl(v: Decimal, thousands: bool = True) -> str:
    s = f"{v:,.2f}" if thousands else f"{v:.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def amount_in_text(v: Decimal, text: str) -> bool:
    forms = {fmt_nl(v), fmt_nl(v, False)}
    if v == v.to_integral_value():
        forms |= {fmt_nl(v)[:-3], fmt_nl(v, False)[:-3], fmt_nl(v)[:-2] + "-"}
    for f in forms:
        if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d|,\d)", text):
            return True
    return False


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


# --- the check -------------------------------------------------------------------------------


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    stem = txt.stem
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    if list(t) != KEYS:
        errs.append(f"keys {list(t)}")
    m = re.fullmatch(r"(?P<kind>[a-z-]+)-" + BATCH + r"-(?P<nn>\d\d)-[a-z0-9-]+", stem)
    if not m or m["kind"] != t["kind"]:
        return errs + ["name does not match <kind>-b20-NN-slug"]
    nn = m["nn"]
    if t["kind"] not in KINDS:
        errs.append("kind")
    if t["stage"] not in STAGES:
        errs.append("stage")
    if not t["sender"]:
        errs.append("sender empty")

    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not date_printed(ld, text, stem):
        errs.append("letter date not printed")

    dl = t["deadline"]
    if dl:
        dd = date.fromisoformat(dl["date"])
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        if nn in RELATIVE:
            days, weeks, months = RELATIVE[nn]
            want = add_months(ld + timedelta(days=days + 7 * weeks), months)
            if dd != want:
                errs.append(f"relative deadline should be {want}")
        elif not date_printed(dd, text, stem):
            errs.append("deadline date not printed")
        if dd < ld:
            errs.append("deadline before letter date")
    elif nn in RELATIVE:
        errs.append("relative term printed but deadline null")

    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if t["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        o = date.fromisoformat(od)
        if nn in PRINTED_OBJECTION:
            if not date_printed(o, text, stem):
                errs.append("printed objection date not found")
        elif o != objection_default(ld):
            errs.append(f"objection {o} != {objection_default(ld)}")
        if "bezwaar" not in text.lower() and "beroep" not in text.lower():
            errs.append("objection_deadline but no bezwaar/beroep in text")

    ap = t["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not date_printed(ad, text, stem):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            errs.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment without matching attend deadline")

    listed = [D(str(a["value"])).quantize(D("0.01")) for a in t["amounts"]]
    for a in t["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    printed = euro_amounts(text)
    not_listed = sorted(v for v in printed if v not in set(listed))
    not_found = sorted(v for v in set(listed) if not amount_in_text(v, text))
    if not_listed:
        errs.append(f"euro amounts printed but not listed {not_listed}")
    if not_found:
        errs.append(f"listed amounts not found in text {not_found}")
    if t["amount_due"] is not None:
        due = D(str(t["amount_due"])).quantize(D("0.01"))
        if not any(D(str(a["value"])).quantize(D("0.01")) == due and a["role"] == "total"
                   for a in t["amounts"]):
            errs.append("amount_due is not listed with role total")
        if not amount_in_text(due, text):
            errs.append("amount_due not printed")
        if not t["iban"]:
            errs.append("amount_due without iban")

    for ib in re.findall(r"NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}", text):
        if not iban_valid(squash(ib)):
            errs.append(f"printed IBAN {ib} fails mod-97")
    if t["iban"]:
        if not iban_valid(t["iban"]):
            errs.append("iban invalid")
        if t["iban"] not in squash(text):
            errs.append("iban not printed")

    pr = t["payment_reference"]
    if pr:
        if squash(pr) not in squash(text):
            errs.append("payment_reference not printed")
        if squash(pr).isdigit() and len(squash(pr)) == 16 and not kenmerk_valid(squash(pr)):
            errs.append("betalingskenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails its check digit")
    for r in t["reference_numbers"]:
        if squash(r) not in squash(text):
            errs.append(f"reference {r} not printed")

    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    valid_bsn = [c for c in cands if bsn_valid(c.replace(".", ""))]
    if t["bsn_found"] != bool(valid_bsn):
        errs.append(f"bsn_found={t['bsn_found']} but valid BSNs found: {valid_bsn}")

    for left, right in sums().get(nn, []):
        if q(D(left)) != q(right):
            errs.append(f"arithmetic {left} != {right}")
        if not amount_in_text(q(right), text):
            errs.append(f"checked figure {right} not printed")

    if "\f" in text and not re.search(r"(pagina|blad) \d van \d|achterkant|BETAALFORMULIER", text):
        errs.append("form feed but no sign of a second page")
    return errs


def no_absolute_paths() -> list[str]:
    bad = []
    pat = re.compile(r"(?<![\w.])/(?:work|tmp|home|root|Users|var)/|\b[A-Za-z]:\\")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".json", ".md", ".py"}:
            if pat.search(p.read_text(encoding="utf-8")):
                bad.append(p.name)
    return bad


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds not covered:", sorted(missing))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    paths = no_absolute_paths()
    if paths:
        print("absolute paths in:", paths)
        bad += 1
    readme = HERE / "README.md"
    if not readme.exists() or any(p.stem not in readme.read_text(encoding="utf-8") for p in files):
        print("README.md missing or does not list every letter")
        bad += 1
    print(f"{len(files)} letters, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
