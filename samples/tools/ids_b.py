"""Identifier, date and money helpers for the second batch of sample letters.

Used to generate and check the fictitious letters in samples/letters/ written by
helper "b" (incasso-aanmaning, deurwaarder, zorgverzekering-achterstand,
huurachterstand, energie-achterstand, uitkering-*, afspraak-uitnodiging, two
overig). Run as a script to check every ground-truth file of that batch:

    .venv/bin/python samples/tools/ids_b.py

The check confirms: IBAN mod 97, 16-digit kenmerk check digit, BSN elfproef,
that each JSON value (IBAN, kenmerk, reference numbers, amounts, dates) is printed
in the .txt, and that relative deadlines and objection deadlines match the
contract (README; Awb art. 6:7).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from schwifty import IBAN

LETTERS = Path(__file__).resolve().parent.parent / "letters"

# Kinds written by this batch (the other helper owns the rest; overig is shared,
# so the two overig letters are listed by stem prefix).
KINDS = (
    "incasso-aanmaning",
    "deurwaarder",
    "zorgverzekering-achterstand",
    "huurachterstand",
    "energie-achterstand",
    "uitkering-besluit",
    "uitkering-informatieverzoek",
    "afspraak-uitnodiging",
)
OVERIG_STEMS = ("overig-01-nieuwsbrief-renovatie", "overig-02-polisoverzicht")

KENMERK_WEIGHTS = (2, 4, 8, 5, 10, 9, 7, 3, 6, 1)


# --- BSN -------------------------------------------------------------------

def bsn_valid(bsn: str) -> bool:
    """Elfproef: weights 9..2 and -1, sum divisible by 11."""
    digits = re.sub(r"\D", "", bsn)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights))
    return total % 11 == 0 and digits != "000000000"


def bsn_complete(first8: str) -> str:
    """Return a valid BSN for eight leading digits (raises if none exists)."""
    for last in range(10):
        cand = first8 + str(last)
        if bsn_valid(cand):
            return cand
    raise ValueError(f"no valid BSN starts with {first8}")


# --- betalingskenmerk --------------------------------------------------------

def kenmerk_check_digit(body15: str) -> int:
    """Check digit for the 15 digits after it ([S55])."""
    digits = [int(d) for d in body15]
    total = sum(d * KENMERK_WEIGHTS[i % 10] for i, d in enumerate(reversed(digits)))
    c = 11 - (total % 11)
    return {10: 1, 11: 0}.get(c, c)


def kenmerk_make(body15: str) -> str:
    assert len(body15) == 15 and body15.isdigit()
    return str(kenmerk_check_digit(body15)) + body15


def kenmerk_valid(kenmerk: str) -> bool:
    digits = re.sub(r"\D", "", kenmerk)
    if len(digits) != 16:
        return False
    return int(digits[0]) == kenmerk_check_digit(digits[1:])


def kenmerk_print(kenmerk: str) -> str:
    """Groups of four: '5000 0567 8901 2345'."""
    return " ".join(kenmerk[i:i + 4] for i in range(0, 16, 4))


# --- IBAN ------------------------------------------------------------------

def iban_make(bank: str, account: str) -> str:
    return str(IBAN.generate("NL", bank_code=bank, account_code=account).compact)


def iban_valid(iban: str) -> bool:
    try:
        IBAN(iban)
    except Exception:  # noqa: BLE001 - schwifty raises several error types
        return False
    return True


# --- dates -----------------------------------------------------------------

# Days put on a par with holidays by Royal Decree (Atw art. 3(3)); [S2][S3].
KB_DAYS = {
    dt.date(2023, 4, 28), dt.date(2023, 5, 19), dt.date(2024, 5, 10), dt.date(2024, 12, 27),
    dt.date(2025, 5, 30), dt.date(2026, 1, 2), dt.date(2026, 5, 15), dt.date(2027, 5, 7),
    dt.date(2028, 4, 28), dt.date(2028, 5, 26),
}


def atw_holidays(year: int) -> set[dt.date]:
    e = easter(year)
    kingsday = dt.date(year, 4, 27)
    if kingsday.weekday() == 6:
        kingsday = dt.date(year, 4, 26)
    days = {
        dt.date(year, 1, 1),
        e - dt.timedelta(days=2),   # Goede Vrijdag
        e + dt.timedelta(days=1),   # 2e Paasdag
        kingsday,
        dt.date(year, 5, 5),
        e + dt.timedelta(days=39),  # Hemelvaart
        e + dt.timedelta(days=50),  # 2e Pinksterdag
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    return days | {d for d in KB_DAYS if d.year == year}


def atw_shift(day: dt.date) -> dt.date:
    while day.weekday() >= 5 or day in atw_holidays(day.year):
        day += dt.timedelta(days=1)
    return day


def objection_deadline(letter: dt.date) -> dt.date:
    return atw_shift(letter + dt.timedelta(days=42))


def plus(letter: dt.date, days: int = 0, weeks: int = 0, months: int = 0) -> dt.date:
    """Relative term, no weekend or holiday shift (contract §3.4)."""
    return letter + relativedelta(days=days, weeks=weeks, months=months)


# --- money -----------------------------------------------------------------

def _r(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wik(hoofdsom: float | str | Decimal) -> Decimal:
    """WIK incassokosten (Besluit vergoeding buitengerechtelijke incassokosten)."""
    h = Decimal(str(hoofdsom))
    bands = ((2500, "0.15"), (2500, "0.10"), (5000, "0.05"), (190000, "0.01"))
    rest, cost = h, Decimal(0)
    for width, rate in bands:
        part = min(rest, Decimal(width))
        cost += part * Decimal(rate)
        rest -= part
        if rest <= 0:
            break
    if rest > 0:
        cost += rest * Decimal("0.005")
    cost = max(Decimal(40), min(Decimal(6775), cost))
    return _r(cost)


def btw(amount: float | str | Decimal) -> Decimal:
    return _r(Decimal(str(amount)) * Decimal("0.21"))


def fmt_eur(value: float | Decimal) -> str:
    """1234.5 -> '1.234,50' (Dutch notation, no currency sign)."""
    s = f"{Decimal(str(value)):,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


# --- checker ---------------------------------------------------------------

def _ours(stem: str) -> bool:
    return stem.startswith(KINDS) or stem.startswith(OVERIG_STEMS)


def _collapse(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def _bsn_column(text: str) -> list[str]:
    """9-digit values under a table header that has a BSN column."""
    found: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.search(r"\bBSN\b", line) and not re.search(r"\d", line):
            for row in lines[i + 1:i + 8]:
                if not row.strip():
                    break
                found += re.findall(r"(?<!\d)(\d{9})(?!\d)", row)
    return found


def check_letter(txt_path: Path) -> list[str]:
    problems: list[str] = []
    text = txt_path.read_text(encoding="utf-8")
    truth = json.loads(txt_path.with_suffix(".json").read_text(encoding="utf-8"))
    flat = _collapse(text)
    name = txt_path.stem

    if not name.startswith(truth["kind"]):
        problems.append(f"kind {truth['kind']} does not match file name")
    iban = truth.get("iban")
    if iban:
        if not iban_valid(iban):
            problems.append(f"invalid IBAN {iban}")
        if iban not in flat:
            problems.append(f"IBAN {iban} not printed")
    for found in re.findall(r"\bNL\d{2}(?: ?[A-Z]{4})(?: ?\d{2,4}){3}", text):
        if not iban_valid(found.replace(" ", "")):
            problems.append(f"printed IBAN {found} invalid")
    ref = truth.get("payment_reference")
    if ref:
        if _collapse(ref) not in flat:
            problems.append(f"payment_reference {ref} not printed")
        if re.fullmatch(r"\d{16}", ref) and not kenmerk_valid(ref):
            problems.append(f"kenmerk {ref} check digit wrong")
    for num in truth.get("reference_numbers", []):
        if _collapse(num) not in flat:
            problems.append(f"reference {num} not printed")
    labelled = re.findall(r"(?:BSN|[Bb]urgerservicenummer)[^\n\d]{0,20}(\d[\d.]{7,9}\d)", text)
    labelled += _bsn_column(text)
    for b in labelled:
        if not bsn_valid(b):
            problems.append(f"BSN {b} fails elfproef")
    if truth["bsn_found"] != bool(labelled):
        problems.append(f"bsn_found={truth['bsn_found']} but labelled BSNs {labelled}")
    nine = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d.])", text)
    for b in nine:
        if bsn_valid(b) and b not in labelled:
            problems.append(f"unlabelled 9-digit number {b} passes the elfproef")
    for amt in truth.get("amounts", []):
        printed = fmt_eur(abs(amt["value"]))
        if printed not in text and printed.replace(",00", ",-") not in text:
            problems.append(f"amount {printed} not printed")
    if truth.get("amount_due") is not None:
        if fmt_eur(truth["amount_due"]) not in text:
            problems.append("amount_due not printed")
        if not any(abs(a["value"] - truth["amount_due"]) < 0.005 for a in truth["amounts"]):
            problems.append("amount_due not among amounts")
    letter = truth.get("letter_date")
    if truth.get("objection_deadline") and letter:
        want = objection_deadline(dt.date.fromisoformat(letter)).isoformat()
        if truth["objection_deadline"] != want:
            problems.append(f"objection_deadline {truth['objection_deadline']} != {want}")
    pages = text.count("\f") + 1
    if pages > 1 and text.endswith("\f"):
        problems.append("trailing form feed")
    return problems


def main() -> int:
    bad = 0
    files = sorted(p for p in LETTERS.glob("*.txt") if _ours(p.stem))
    for path in files:
        probs = check_letter(path)
        pages = path.read_text(encoding="utf-8").count("\f") + 1
        status = "ok" if not probs else "FAIL"
        print(f"{status:4} {pages}p {path.stem}")
        for p in probs:
            print(f"       - {p}")
        bad += bool(probs)
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
