"""Consistency check for first-look batch 74: every NAME.json against its NAME.txt.

Run: python check.py   (from anywhere). Uses the helpers of samples/holdout/tools.py.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "holdout"))

from tools import (ACTIONS, KINDS, OBJECTION_KINDS, ROLES, STAGES, bsn_valid,  # noqa: E402
                   date_forms, fmt_amount, iban_valid, kenmerk_valid, objection_deadline, plus,
                   printed_amounts, squash, wik)

BATCH = "b74"

# Per letter, written down independently of the JSON files:
#   rel      relative term as printed: (days, weeks, months) counted from the letter date
#   phrase   the words of that relative term, which must be printed
#   printed  forms in which an explicit deadline date is printed (one must occur)
#   ld       extra forms in which the letter date is printed
#   appt     strings of the appointment (date/time) that must be printed
#   sums     (parts, total) that must add up
#   wik      (principal, printed collection costs)
SPEC = {
    "01": dict(printed=["vrijdag 10 april"], appt=["15 april 2026", "10.30 uur"]),
    "02": dict(printed=["donderdag 11 juni 2026"], appt=["09.00"], sums=[]),
    "03": dict(rel=(10, 0, 0), phrase="binnen tien dagen na de datum van deze brief"),
    "04": dict(printed=["3 november 2026"]),
    "05": dict(rel=(0, 3, 0), phrase="binnen drie weken na de\n     verzenddatum",
               sums=[([1401.68, -412.50], 989.18)]),
    "06": dict(rel=(0, 6, 0), phrase="binnen zes weken na de datum van deze brief",
               sums=[([1600.33, -1098.17], 502.16), ([502.16] * 5, 2510.80),
                     ([2510.80, -593.74], 1917.06)]),
    "07": dict(printed=["28 februari 2026"],
               sums=[([6214, -3310], 2904), ([264] * 11, 2904)]),
    "08": dict(rel=(10, 0, 0), phrase="binnen 10 dagen na de datum\nvan deze aanmaning",
               sums=[([1846, -600], 1246), ([1246, 18], 1264)]),
    "09": dict(printed=["uiterlijk 30 juni 2026"],
               sums=[([702] * 5, 3510), ([871] * 7, 6097), ([3510, 6097], 9607)]),
    "10": dict(printed=["1 februari 2027"],
               sums=[([280] * 12, 3360), ([3360, -2118], 1242), ([51.75] * 24, 1242)]),
    "11": dict(printed=["uiterlijk op 31-03-2026"],
               sums=[([121.44, 92.35, 223.50], 437.29), ([218.65, 218.64], 437.29),
                     ([74.50] * 3, 223.50), ([round(312000 * 0.000296, 2)], 92.35)]),
    "12": dict(rel=(14, 0, 0), phrase="binnen veertien dagen na de\ndatum van deze e-mail",
               ld=["9 juli 2026"],
               sums=[([85.53] * 8, 684.24), ([85.53] * 2, 171.06), ([684.24, -171.06], 513.18)]),
    "13": dict(printed=["dertigste september tweeduizendzesentwintig"],
               sums=[([386.40, 211.92, 121.08], 719.40), ([386.40, 211.92], 598.32)]),
    "14": dict(printed=["|  04-11-2026"],
               sums=[([117, 9], 126)]),
    "15": dict(printed=["uiterlijk op 23-12-2026"],
               sums=[([170, 9], 179), ([170, 9, 85], 264), ([170 * 0.5], 85)]),
    "16": dict(rel=(14, 0, 0), phrase="14 dagen na ontvangst van deze\nmail",
               sums=[([29.95] * 3, 89.85)], wik=(89.85, 40.00)),
    "17": dict(printed=["vrijdag 9 oktober 2026"],
               sums=[([612.40, 91.86, 7.12], 711.38), ([118.56] * 5 + [118.58], 711.38)],
               wik=(612.40, 91.86)),
    "18": dict(rel=(2, 0, 0), phrase="binnen twee dagen na heden",
               ld=["17-11-2026", "de zeventiende november tweeduizendzesentwintig"],
               sums=[([1486.20, 64.31, 222.93, 112.93, 241.00, 271.00, 68.00, 121.37], 2587.74)],
               wik=(1486.20, 222.93)),
    "19": dict(rel=(0, 4, 0), phrase="binnen vier weken na de dagtekening",
               sums=[([1734.50, 88.12, 260.18, 496.00, 128.40], 2707.20)],
               wik=(1734.50, 260.18)),
    "20": dict(printed=["uiterlijk 3 jun. 2026"],
               sums=[([148.95, 148.95, 85.00], 382.90), ([63.80] * 5 + [63.90], 382.90)]),
    "21": dict(printed=["uiterlijk 28-02-2027"], ld=["19-01-2027"]),
    "22": dict(printed=["dinsdag 8 september"], appt=["14.15 uur"],
               sums=[([215.00, 682.44], 897.44)]),
    "23": dict(printed=["uiterlijk maandag 19 oktober"], ld=["ma 5 okt. 2026"],
               sums=[([214.63, 171.54], 386.17)]),
    "24": dict(rel=(0, 4, 0), phrase="binnen 4 weken na de datum van deze brief"),
    "25": dict(sums=[([1012.50, 55.69], 1068.19), ([1068.19, 42.00], 1110.19),
                     ([1012.50, 42.00], 1054.50), ([round(1012.50 * 0.055, 2)], 55.69)]),
}

ABS_PREFIXES = tuple("/" + w for w in ("wo" + "rk", "t" + "mp"))
OBJECTION_WORDS = re.compile(r"(zes|6)\s+weken", re.I)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    flat = squash(text)
    m = re.match(r"(.+)-" + BATCH + r"-(\d\d)-[a-z0-9-]+$", txt.stem)
    if not m:
        return ["bad file name"]
    kind, num = m.group(1), m.group(2)
    spec = SPEC.get(num, {})
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    for key in ("sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
                "amount_due", "amounts", "iban", "payment_reference", "reference_numbers",
                "bsn_found", "notes"):
        if key not in truth:
            errs.append(f"missing key {key}")
    if any(a in text for a in ABS_PREFIXES):
        errs.append("absolute path in letter")

    # letter date
    ld = date.fromisoformat(truth["letter_date"])
    if not (date(2026, 1, 1) <= ld <= date(2027, 3, 31)):
        errs.append("letter date out of range")
    if not any(f in text for f in date_forms(ld) + spec.get("ld", [])):
        errs.append("letter date not printed")

    # deadline
    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append("deadline action")
        d = date.fromisoformat(dl["date"])
        if "rel" in spec:
            days, weeks, months = spec["rel"]
            want = plus(ld, days=days, weeks=weeks, months=months)
            if d != want:
                errs.append(f"relative deadline should be {want}")
            if spec["phrase"] not in text:
                errs.append("relative term phrase not printed")
        elif "printed" in spec:
            if not any(p in text for p in spec["printed"]):
                errs.append("printed deadline form not found")
            forms = date_forms(d) + [f"{d.day} {['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][d.month - 1]}. {d.year}"]
            words = {"2026-09-30": "dertigste september tweeduizendzesentwintig"}
            weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"][d.weekday()]
            no_year = f"{weekday} {d.day} {date_forms(d)[0].split()[1]}"
            if not (any(f in text for f in forms) or words.get(dl["date"], "#") in text
                    or no_year in text):
                errs.append("deadline date not printed in any form")
            if d.year != ld.year and d < ld:
                errs.append("deadline before letter")
        else:
            errs.append("deadline without spec")
        if d < ld:
            errs.append("deadline before letter date")
    elif "rel" in spec or "printed" in spec:
        errs.append("spec has a deadline but truth has none")

    # objection deadline
    od = truth["objection_deadline"]
    kind_ok = kind in OBJECTION_KINDS or truth["stage"] == "decision"
    if od:
        if not kind_ok:
            errs.append("objection_deadline on a kind without bezwaar")
        if date.fromisoformat(od) != objection_deadline(ld):
            errs.append(f"objection {od} != {objection_deadline(ld)}")
        if not OBJECTION_WORDS.search(text):
            errs.append("no six-week term printed")
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if truth["stage"] in ("reminder", "aanmaning") and od:
        errs.append("reminder with objection_deadline")

    # appointment
    ap = truth["appointment"]
    if ap:
        for s in spec.get("appt", []):
            if s not in text:
                errs.append(f"appointment string {s!r} not printed")
        if dl and dl["action"] == "attend" and ap["date"] != dl["date"]:
            errs.append("appointment date != attend deadline")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
    elif "appt" in spec:
        errs.append("spec has appointment, truth none")

    # amounts
    printed = printed_amounts(text)
    listed = {round(a["value"], 2) for a in truth["amounts"]}
    for a in truth["amounts"]:
        if a["role"] not in ROLES:
            errs.append(f"role {a['role']}")
    missing = {v for v in listed - printed
               if fmt_amount(v) not in text and not (v == int(v) and fmt_amount(v)[:-3] in text)}
    if printed - listed or missing:
        errs.append(f"amounts printed-not-listed {sorted(printed - listed)} "
                    f"listed-not-printed {sorted(missing)}")
    if truth["amount_due"] is not None:
        if round(truth["amount_due"], 2) not in printed:
            errs.append("amount_due not printed")
        if not any(a["role"] == "total" and round(a["value"], 2) == round(truth["amount_due"], 2)
                   for a in truth["amounts"]):
            errs.append("amount_due has no 'total' entry")
    for parts, total in spec.get("sums", []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if "wik" in spec:
        principal, costs = spec["wik"]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")

    # identifiers
    if truth["iban"]:
        if not iban_valid(truth["iban"]):
            errs.append("iban invalid")
        if truth["iban"] not in flat:
            errs.append("iban not printed")
        if truth["amount_due"] is None:
            errs.append("iban without an amount due")
    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if len(squash(pr)) == 16 and squash(pr).isdigit() and not kenmerk_valid(squash(pr)):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    bsns = re.findall(r"(?<!\d)(\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)", text)
    bsns = [b.replace(".", "") for b in bsns if bsn_valid(b.replace(".", ""))]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but found {len(bsns)} valid 9-digit numbers")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            errs.append(f"printed iban {ib} invalid")
    if "\f" in text and text.count("\f") < 1:
        errs.append("form feed")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check_one(p)
        kinds.add(p.stem.split("-" + BATCH + "-")[0])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    missing = KINDS - kinds
    if missing:
        print("kinds missing:", sorted(missing))
        bad += 1
    if len(files) != 25:
        print(f"expected 25 letters, found {len(files)}")
        bad += 1
    for f in HERE.iterdir():
        if f.suffix in (".md", ".py", ".txt", ".json"):
            if any(a in f.read_text(encoding="utf-8") for a in ABS_PREFIXES):
                print(f"absolute path in {f.name}")
                bad += 1
    print(f"{len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
