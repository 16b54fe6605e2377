"""Check every NAME.json of batch-34 against its NAME.txt. Run: python check.py (exit 1 on problems).

Self-contained on purpose (no import of the project). Checks: schema values, letter date and deadline printed or
derived from a printed relative term, objection deadline (letter + 42 days, Algemene termijnenwet), every printed
money amount listed and every listed amount printed (also amounts in words), the arithmetic of each letter,
IBAN mod-97, 16-digit betalingskenmerk check digit, BSN elfproef, references printed, no absolute paths.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).resolve().parent

KINDS = {"belasting-aanslag", "belasting-aanmaning", "toeslag-beschikking", "toeslag-terugvordering",
         "gemeente-belastingaanslag", "kwijtschelding-besluit", "cjib-boete", "cjib-aanmaning",
         "incasso-aanmaning", "deurwaarder", "zorgverzekering-achterstand", "huurachterstand",
         "energie-achterstand", "uitkering-besluit", "uitkering-informatieverzoek",
         "duo-studieschuld", "afspraak-uitnodiging", "overig"}
OBJECTION_KINDS = {"belasting-aanslag", "toeslag-beschikking", "toeslag-terugvordering",
                   "gemeente-belastingaanslag", "cjib-boete", "uitkering-besluit", "kwijtschelding-besluit"}
STAGES = {"info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding", "vonnis", "beslag"}
ACTIONS = {"pay", "respond", "send_documents", "object", "attend"}
ROLES = {"total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"}
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment", "amount_due",
        "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]

# amounts and dates that are printed only in words
WORD_AMOUNTS = {"twaalfhonderdvierentwintig euro en tweeënnegentig cent": 1224.92,
                "negentienhonderdvijfentwintig euro en achtentwintig cent": 1925.28}
WORD_DATES = {"zeventiende november tweeduizendzesentwintig": date(2026, 11, 17)}

# no absolute paths or shared links in any file (spelled in pieces so this file passes itself)
FORBIDDEN = tuple("/" + w + "/" for w in ("work", "home", "root")) + (".." + "/shared",)

# relative terms as printed: letter number -> (days, weeks, months), counted from the letter date
RELATIVE = {"06": (14, 0, 0),   # binnen 14 dagen na de datum van deze brief
            "07": (0, 0, 1),    # binnen een maand na de datum van deze brief
            "10": (14, 0, 0),   # binnen 14 dagen na ontvangst van deze e-mail
            "12": (5, 0, 0),    # binnen vijf dagen na dagtekening dezes
            "19": (0, 2, 0)}    # binnen 2 weken na de datum van deze brief

# arithmetic that must hold: letter number -> [(parts, total)]
SUMS = {"01": [([13954, -3362, -8921, -240], 1431), ([1431, 56], 1487)],
        "02": [([2306, -1500], 806), ([806, 18, 11.42], 835.42)],
        "03": [([116] * 12, 1392)],
        "04": [([3240, -2412], 828)],
        "05": [([300.19, 356.40, 241.08], 897.67), ([89.77] * 9 + [89.74], 897.67),
               ([318000 * 0.000944], 300.19)],
        "06": [([121.56, 197.16], 318.72), ([318.72, -150], 168.72), ([168.72, 8], 176.72)],
        "07": [([382.20, 244.32, 63.00], 689.52), ([382.20, 244.32], 626.52)],
        "08": [([199, 9], 208), ([199 / 2], 99.50)],
        "09": [([290, 9, 145], 444), ([444, -100], 344), ([290 / 2], 145)],
        "10": [([79.95, 5], 84.95)],
        "11": [([44.95] * 4, 179.80), ([179.80, 2.84, 40.00], 222.64), ([74.22, 74.21, 74.21], 222.64)],
        "12": [([1638.45, 41.06, 245.77], 1925.28)],
        "13": [([742.18, 38.40, 111.33], 891.91), ([891.91, 118.59], 1010.50)],
        "14": [([151.25, 151.25], 302.50), ([302.50, -62.10], 240.40)],
        "16": [([742.10, 70.36], 812.46), ([812.46, 812.46], 1624.92), ([1624.92, -400], 1224.92)],
        "17": [([1150, 1150], 2300), ([2300, -86.40], 2213.60)],
        "18": [([412.67, 139.00], 551.67), ([91.95] * 5 + [91.92], 551.67)],
        "19": [([38.12, 41.07], 79.19)],
        "20": [([1318.44, -331.18], 987.26), ([164.54] * 5 + [164.56], 987.26)],
        "21": [([1109.47, 25.63], 1135.10), ([1135.10, -54.59], 1080.51)],
        "23": [([96.41, 96.41], 192.82)],
        "25": [([19.85, 19.85], 39.70), ([25.91, 39.70, 17.90, 584.46, 312.00], 979.97), ([979.97, -250], 729.97)]}

# buitengerechtelijke incassokosten (Besluit BIK): letter number -> (hoofdsom, printed costs)
WIK = {"11": (179.80, 40.00), "12": (1638.45, 245.77), "13": (742.18, 111.33)}


def wik(principal: float) -> float:
    bands = [(2500, 0.15), (2500, 0.10), (5000, 0.05), (190000, 0.01), (float("inf"), 0.005)]
    rest, total = principal, 0.0
    for size, rate in bands:
        part = min(rest, size)
        total += part * rate
        rest -= part
        if rest <= 0:
            break
    return round(min(max(total, 40.0), 6775.0) + 1e-9, 2)


def bsn_valid(s: str) -> bool:
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


W = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(x) * W[i % 10] for i, x in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


def iban_valid(iban: str) -> bool:
    s = iban[4:] + iban[:4]
    return len(iban) == 18 and iban.startswith("NL") and int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def holidays(y: int) -> set[date]:
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    kb = {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)}
    return {date(y, 1, 1), e - timedelta(2), e + timedelta(1), kd, date(y, 5, 5), e + timedelta(39),
            e + timedelta(50), date(y, 12, 25), date(y, 12, 26)} | {d for d in kb if d.year == y}


def objection(letter: date) -> date:
    d = letter + timedelta(42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(1)
    return d


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y"), f"{d.day}-{d.month}-{d.year}"]


def printed(text: str, d: date) -> bool:
    return any(f in text for f in date_forms(d)) or any(v == d and w in " ".join(text.split()) for w, v in WORD_DATES.items())


NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-))?"
CUR_BEFORE = re.compile(r"(?:€|EUR)\s*" + NUM + r"(?![\d%])")
CUR_AFTER = re.compile(r"(?<![\d.,])" + NUM + r"\s*EUR\b")
BARE_DEC = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d%])")


def to_val(whole: str, frac: str) -> float:
    cents = int(frac) if frac and frac.isdigit() else 0
    return round(int(whole.replace(".", "")) + cents / 100, 2)


def printed_amounts(text: str) -> set[float]:
    out = {to_val(w, f) for w, f in CUR_BEFORE.findall(text)}
    out |= {to_val(w, f) for w, f in CUR_AFTER.findall(text)}
    out |= {to_val(w, f) for w, f in BARE_DEC.findall(text)}
    flat = " ".join(text.split())
    out |= {v for w, v in WORD_AMOUNTS.items() if w in flat}
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


def check(txt: Path) -> list[str]:
    e: list[str] = []
    text = txt.read_text(encoding="utf-8")
    t = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    num = re.search(r"-b34-(\d\d)-", txt.stem).group(1)
    if set(t) != KEYS:
        e.append(f"keys {set(t) ^ KEYS}")
    if t["kind"] not in KINDS or not txt.stem.startswith(t["kind"] + "-b34-"):
        e.append("kind/name")
    if t["stage"] not in STAGES:
        e.append("stage")
    ld = date.fromisoformat(t["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        e.append("letter date out of range")
    if not printed(text, ld):
        e.append("letter date not printed")
    dl = t["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            e.append("action")
        dd = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            days, weeks, months = RELATIVE[num]
            want = ld + timedelta(days=days + 7 * weeks) + relativedelta(months=months)
            if dd != want:
                e.append(f"relative deadline {dd} != {want}")
        elif not printed(text, dd):
            e.append("deadline date not printed")
        if dd < ld:
            e.append("deadline before letter")
    elif num in RELATIVE:
        e.append("relative term but no deadline")
    od = t["objection_deadline"]
    if t["kind"] in OBJECTION_KINDS and t["stage"] == "decision" and not od:
        e.append("decision without objection deadline")
    if od:
        if t["stage"] != "decision":
            e.append("objection deadline on a non-decision")
        if date.fromisoformat(od) != objection(ld) and not printed(text, date.fromisoformat(od)):
            e.append(f"objection {od} != {objection(ld)}")
    ap = t["appointment"]
    if ap:
        if not printed(text, date.fromisoformat(ap["date"])):
            e.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text and ap["time"] not in text:
            e.append("appointment time not printed")
        if not dl or dl["action"] != "attend" or dl["date"] != ap["date"]:
            e.append("appointment without matching attend deadline")
    found = printed_amounts(text)
    listed = {round(a["value"], 2) for a in t["amounts"]}
    if any(a["role"] not in ROLES for a in t["amounts"]):
        e.append("role")
    if found != listed:
        e.append(f"printed-not-listed {sorted(found - listed)} listed-not-printed {sorted(listed - found)}")
    if len(listed) < 4:
        e.append("fewer than four amounts")
    ad = t["amount_due"]
    if ad is not None and round(ad, 2) not in listed:
        e.append("amount_due not among amounts")
    if ad is not None and not (t["iban"] and dl and dl["action"] in ("pay", "attend")):
        e.append("amount due without iban/pay deadline")
    if ad is None and t["iban"]:
        e.append("iban without amount due")
    flat = squash(text)
    if t["iban"] and (not iban_valid(t["iban"]) or t["iban"] not in flat):
        e.append("iban invalid or not printed")
    for ib in re.findall(r"NL\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}", text):
        if not iban_valid(ib.replace(" ", "")):
            e.append(f"printed iban {ib} invalid")
    pr = t["payment_reference"]
    if pr and squash(pr) not in flat:
        e.append("payment reference not printed")
    if pr and re.fullmatch(r"[\d ]{19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
        e.append("kenmerk check digit")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            e.append(f"printed 16-digit {k} fails check")
    for r in t["reference_numbers"]:
        if squash(r) not in flat:
            e.append(f"reference {r} not printed")
    bsns = [b.replace(".", "") for b in re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)]
    if t["bsn_found"] != any(bsn_valid(b) for b in bsns):
        e.append(f"bsn_found {t['bsn_found']} vs {bsns}")
    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            e.append(f"sum {parts} != {total}")
    if num in WIK and wik(WIK[num][0]) != WIK[num][1]:
        e.append(f"WIK {WIK[num]} computed {wik(WIK[num][0])}")
    for f in (txt, txt.with_suffix(".json")):
        s = f.read_text(encoding="utf-8")
        if any(x in s for x in FORBIDDEN):
            e.append(f"path in {f.name}")
    return e


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    kinds = set()
    for p in files:
        errs = check(p)
        kinds.add(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["kind"])
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    if KINDS - kinds:
        print("kinds missing:", sorted(KINDS - kinds))
        bad += 1
    print(f"{len(files)} letters, {bad} problems")
    return 1 if bad or len(files) != 25 else 0


if __name__ == "__main__":
    sys.exit(main())
