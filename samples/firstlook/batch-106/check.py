"""Check every NAME.json of batch 106 against its NAME.txt.

Run from anywhere:  python check.py
Uses only the helper functions of samples/holdout/tools.py (identifiers, ATW holidays).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))
from tools import atw_holidays, objection_deadline  # noqa: E402

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
          "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]

# --- per letter: how each date is printed, relative terms, sums ------------------------------
# ld: printed letter date; dl: printed deadline, or ("rel", days, weeks, months, phrase);
# ap: printed appointment date and time; obj: printed last day for objection, or the printed
# relative phrase (then letter date + 42 with the ATW); sums: (parts, total); pages: form feeds + 1
SPEC = {
    "01": dict(ld="8 januari 2027", dl="uiterlijk 28 februari 2027", obj="binnen 6 weken",
               sums=[([5928, -1488, -2460], 1980), ([180] * 11, 1980)]),
    "02": dict(ld="12 juni 2026", obj="binnen zes weken", sums=[([1452, -1140], 312)]),
    "03": dict(ld="15 september 2026", dl=("rel", 10, 0, 0, "binnen 10 dagen na de datum"),
               sums=[([957, -500], 457), ([457, 18], 475)]),
    "04": dict(ld="20 november 2026", obj="binnen 6 weken", sums=[([129] * 12, 1548)]),
    "05": dict(ld="22 mei 2026", dl="1 juli 2026", obj="binnen 6 weken",
               sums=[([3264, -2856], 408), ([17] * 24, 408)]),
    "06": dict(ld="27-02-2026", dl="uiterlijk 31-03-2026", obj="binnen zes weken", pages=2,
               sums=[([241.46, 356.40, 238.92], 836.78), ([418.39, 418.39], 836.78),
                     ([round(271000 * 0.000891, 2)], 241.46)]),
    "07": dict(ld="do 30-04-2026", dl="vrijdag 15 mei 2026", sums=[([426.84, -300.00], 126.84)]),
    "08": dict(ld="2 april 2026", dl="vóór 15 mei 2026", obj="binnen 6 weken",
               sums=[([351.60, 198.00, 118.20], 667.80), ([351.60, 198.00], 549.60)]),
    "09": dict(ld="7 juli 2026", dl="01-09-2026", obj="binnen 6 weken", sums=[([135, 9], 144)]),
    "10": dict(ld="16 oktober 2026", dl="vóór 24 november 2026",
               sums=[([95, 9], 104), ([104, 47.50], 151.50), ([95 * 0.5], 47.50)]),
    "11": dict(ld="Di 10 mrt. 2026", dl="vr 20/3", sums=[([29.95, 2.50], 32.45)]),
    "12": dict(ld="maandag 18 mei 2026", dl=("rel", 14, 0, 0, "binnen 14 dagen nadat u deze e-mail")),
    "13": dict(ld="9 maart 2026", dl=("rel", 8, 0, 0, "binnen 8 dagen")),
    "14": dict(ld="Woensdag 17-06-2026", dl="uiterlijk 24 juni"),
    "15": dict(ld="22-09-2026", dl="14 oktober\n2026", ap=("14 oktober\n2026", "10.00 uur"), pages=2,
               words="de tweeëntwintigste september tweeduizendzesentwintig",
               sums=[([1486.20, 38.41, 222.93], 1747.54), ([1747.54, 118.34], 1865.88)],
               wik=(1486.20, 222.93)),
    "16": dict(ld="29 mei 2026", dl="vóór 12-06", sums=[([148.95, 148.95], 297.90)]),
    "17": dict(ld="28 augustus 2026", dl="vrijdag\n11 september 2026", sums=[([845, 845], 1690)]),
    "18": dict(ld="wo 3 jun 2026", dl="vóór\n15-06-2026"),
    "19": dict(ld="05-06-2026", dl="uiterlijk op 22 juni 2026", sums=[([41.50, 41.50], 83.00)]),
    "20": dict(ld="13 april 2026", obj="binnen\nzes weken"),
    "21": dict(ld="27-05-2026", dl="vóór woensdag 10 juni"),
    "22": dict(ld="13 oktober 2026", dl="vóór 27 oktober 2026", sums=[([96.43, 96.43], 192.86)]),
    "23": dict(ld="12-03-2026", dl="di 17-3", ap=("di 17-3", "9.45 uur")),
    "24": dict(ld="29-09-2026", dl="donderdag 8 oktober", ap=("donderdag 8 oktober", "14.00 uur")),
    "25": dict(ld="di 26 mei 2026", sums=[([145.04, 4.95], 149.99)]),
}

MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "okt": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"ma": 0, "maandag": 0, "di": 1, "dinsdag": 1, "wo": 2, "woensdag": 2, "do": 3,
            "donderdag": 3, "vr": 4, "vrijdag": 4, "za": 5, "zaterdag": 5, "zo": 6, "zondag": 6}


def parse_date(s: str, ref: date) -> date:
    """Parse a printed Dutch date; a missing year is the first such date on or after ref - 60 days."""
    s = " ".join(s.lower().replace("\n", " ").split())
    s = re.sub(r"^(uiterlijk op|uiterlijk|vóór|voor|op)\s+", "", s)
    wd = None
    m = re.match(r"^([a-z]+)\.?\s+(?=\d)", s)
    if m and m.group(1) in WEEKDAYS:
        wd = WEEKDAYS[m.group(1)]
        s = s[m.end():]
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?", s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?(?:\s+'?(\d{2}|\d{4}))?", s)
        if not m or m.group(2) not in MONTHS:
            raise ValueError(f"cannot parse date {s!r}")
        d, mo, y = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
    if y:
        out = date(int(y) + (2000 if len(y) == 2 else 0), mo, d)
    else:
        out = date(ref.year, mo, d)
        if out < ref - timedelta(days=60):
            out = date(ref.year + 1, mo, d)
    if wd is not None and out.weekday() != wd:
        raise ValueError(f"weekday of {s!r} does not match {out}")
    return out


def parse_time(s: str) -> str:
    m = re.search(r"(\d{1,2})[.:](\d{2})", s)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


# --- money ------------------------------------------------------------------------------------
NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)"
MONEY_PREFIX = re.compile(r"(?:€|\bEUR\b)[ \t]*" + NUM + r"(?:,(\d{2})(?!\d)|,-{1,2}|\.(\d{2})(?!\d))?")
MONEY_SUFFIX = re.compile(r"(?<![\d.,])" + NUM + r"(?:,(\d{2}))?\s?(?:euro\b|EUR\b)", re.I)


def printed_amounts(text: str) -> list[float]:
    out = []
    for m in MONEY_PREFIX.finditer(text):
        whole = int(m.group(1).replace(".", ""))
        cents = m.group(2) or m.group(3)
        out.append(round(whole + (int(cents) / 100 if cents else 0), 2))
    for m in MONEY_SUFFIX.finditer(text):
        whole = int(m.group(1).replace(".", ""))
        out.append(round(whole + (int(m.group(2)) / 100 if m.group(2) else 0), 2))
    return out


# --- identifiers ------------------------------------------------------------------------------
def bsn_valid(b: str) -> bool:
    if len(b) != 9 or not b.isdigit():
        return False
    return (sum(w * int(c) for w, c in zip(range(9, 1, -1), b[:8])) - int(b[8])) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    num = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(num) % 97 == 1


KW = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(d) * KW[i % 10] for i, d in enumerate(reversed(k[1:])))
    c = {10: 1, 11: 0}.get(11 - total % 11, 11 - total % 11)
    return int(k[0]) == c


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


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    code = re.search(r"-b106-(\d\d)-", txt.stem).group(1)
    spec = SPEC[code]
    if list(truth) != KEYS:
        errs.append(f"keys {list(truth)}")
    kind = truth["kind"]
    if kind not in KINDS or not txt.stem.startswith(kind + "-b106-"):
        errs.append(f"kind/name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["sender"] or not truth["notes"]:
        errs.append("sender/notes empty")
    if text.count("\f") + 1 != spec.get("pages", 1):
        errs.append(f"pages {text.count(chr(12)) + 1}")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if spec["ld"] not in text:
        errs.append(f"letter date string {spec['ld']!r} not printed")
    elif parse_date(spec["ld"], ld) != ld:
        errs.append(f"letter date {spec['ld']!r} != {ld}")
    if "words" in spec and spec["words"] not in text:
        errs.append("date in words not printed")

    # deadline
    dl, want = truth["deadline"], spec.get("dl")
    if (dl is None) != (want is None):
        errs.append("deadline presence")
    elif dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        if isinstance(want, tuple):
            _, days, weeks, months, phrase = want
            if phrase not in text:
                errs.append(f"relative phrase {phrase!r} not printed")
            exp = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
        else:
            if want not in text:
                errs.append(f"deadline string {want!r} not printed")
            exp = parse_date(want, ld)
        if dl["date"] != exp.isoformat():
            errs.append(f"deadline {dl['date']} != {exp}")
        if date.fromisoformat(dl["date"]) < ld:
            errs.append("deadline before letter date")

    # objection deadline
    od, ow = truth["objection_deadline"], spec.get("obj")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od and (kind not in OBJECTION_KINDS or truth["stage"] != "decision"):
        errs.append("objection_deadline on a non-decision")
    if (od is None) != (ow is None):
        errs.append("objection presence vs spec")
    elif od:
        if ow not in text:
            errs.append(f"objection phrase {ow!r} not printed")
        if ow.startswith("binnen"):
            exp = objection_deadline(ld)
        else:
            exp = parse_date(ow, ld)
        if od != exp.isoformat():
            errs.append(f"objection {od} != {exp}")
        d = date.fromisoformat(od)
        if d.weekday() >= 5 or d in atw_holidays(d.year):
            errs.append("objection deadline not a working day")

    # appointment
    ap, aw = truth["appointment"], spec.get("ap")
    if (ap is None) != (aw is None):
        errs.append("appointment presence")
    elif ap:
        if aw[0] not in text or aw[1] not in text:
            errs.append("appointment strings not printed")
        if ap["date"] != parse_date(aw[0], ld).isoformat() or ap["time"] != parse_time(aw[1]):
            errs.append("appointment date/time")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            errs.append("appointment should be the attend deadline")

    # amounts
    printed = printed_amounts(text)
    listed = [round(a["value"], 2) for a in truth["amounts"]]
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    if sorted(set(printed)) != sorted(set(listed)):
        errs.append(f"amounts printed {sorted(set(printed) - set(listed))} "
                    f"listed-not-printed {sorted(set(listed) - set(printed))}")
    due = truth["amount_due"]
    if due is not None:
        if round(due, 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(due, 2) for a in truth["amounts"]):
            errs.append("amount_due has no total role")
        if dl is None or dl["action"] != "pay":
            if kind != "deurwaarder":
                errs.append("amount due without pay deadline")
    for parts, total in spec.get("sums", []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if "wik" in spec and wik(spec["wik"][0]) != spec["wik"][1]:
        errs.append(f"WIK {wik(spec['wik'][0])} != {spec['wik'][1]}")

    # identifiers
    flat = squash(text)
    for ib in re.findall(r"NL\d{2}(?: ?[A-Z]{4})(?: ?\d{4}){2} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed IBAN {ib} invalid")
    if truth["iban"] and (not iban_valid(truth["iban"]) or truth["iban"] not in flat):
        errs.append("iban invalid or not printed")
    if due is None and truth["iban"]:
        errs.append("iban without anything to pay")
    pr = truth["payment_reference"]
    if pr and squash(pr) not in flat:
        errs.append("payment_reference not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"kenmerk {k} check digit")
    if pr and len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
        errs.append("payment_reference check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
        if pr and squash(r) == squash(pr):
            errs.append(f"reference {r} duplicates payment_reference")
    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3}|\d{9})(?![\d])", text)
    bsns = [c for c in (re.sub(r"\D", "", c) for c in cands) if bsn_valid(c)]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but valid BSNs {bsns}")
    return errs


def main() -> int:
    bad = 0
    files = sorted(HERE.glob("*.txt"))
    for p in files:
        try:
            errs = check_one(p)
        except Exception as e:  # noqa: BLE001
            errs = [f"exception {e!r}"]
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    # batch-level checks
    kinds = {json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"] for p in files}
    if kinds != KINDS:
        print("missing kinds:", sorted(KINDS - kinds)); bad += 1
    if len(files) != 25 or len(list(HERE.glob("*.json"))) != 25:
        print("expected 25 letters"); bad += 1
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            print("README misses", p.stem); bad += 1
    for p in HERE.iterdir():
        if p.is_file() and p.suffix in {".txt", ".json", ".md"}:
            if re.search(r"(?<![\w.])/(work|tmp|home|Users)/", p.read_text(encoding="utf-8")):
                print("absolute path in", p.name); bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
