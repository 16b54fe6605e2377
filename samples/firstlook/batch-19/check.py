"""Consistency check for first-look batch 19: every NAME.json against its NAME.txt.

Run: python check.py  (from any directory; files are found next to this script).
Stand-alone on purpose: it imports nothing from the project.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
BATCH = "b19"

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
KEYS = {"kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment",
        "amount_due", "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# ---- identifiers ---------------------------------------------------------------------------


def bsn_valid(s: str) -> bool:
    if len(s) != 9 or not s.isdigit():
        return False
    d = [int(c) for c in s]
    return (sum(w * x for w, x in zip(range(9, 1, -1), d[:8])) - d[8]) % 11 == 0


def iban_valid(iban: str) -> bool:
    if len(iban) != 18 or not iban.startswith("NL"):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


KENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]


def kenmerk_valid(k: str) -> bool:
    if len(k) != 16 or not k.isdigit():
        return False
    total = sum(int(c) * KENMERK_WEIGHTS[i % 10] for i, c in enumerate(reversed(k[1:])))
    c = 11 - total % 11
    return int(k[0]) == {10: 1, 11: 0}.get(c, c)


# ---- dates ---------------------------------------------------------------------------------


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
    e = easter(y)
    kd = date(y, 4, 27) if date(y, 4, 27).weekday() != 6 else date(y, 4, 26)
    days = {date(y, 1, 1), e - timedelta(days=2), e + timedelta(days=1), kd, date(y, 5, 5),
            e + timedelta(days=39), e + timedelta(days=50), date(y, 12, 25), date(y, 12, 26)}
    # days the Algemene termijnenwet treats like holidays by Royal Decree (bridge days)
    return days | {d for d in {date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7)} if d.year == y}


def objection_from(letter: date) -> date:
    d = letter + timedelta(days=42)
    while d.weekday() >= 5 or d in holidays(d.year):
        d += timedelta(days=1)
    return d


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def date_forms(d: date) -> list[str]:
    return [f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%m-%Y")]


# ---- amounts -------------------------------------------------------------------------------

AMOUNT_RE = re.compile(r"(?:€|EUR)\s*-?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?!\d)")


def printed_amounts(text: str) -> set[float]:
    out = set()
    for whole, frac in AMOUNT_RE.findall(text):
        cents = int(frac) if frac and frac.isdigit() else 0
        out.add(round(int(whole.replace(".", "")) + cents / 100, 2))
    return out


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


# ---- per-letter facts written down independently of the JSON files ------------------------

# relative terms as printed: number -> (letter date, days, weeks, months)
RELATIVE = {
    "02": (date(2026, 3, 16), 14, 0, 0),   # binnen veertien dagen na de datum van deze aanmaning
    "05": (date(2026, 11, 4), 2, 0, 0),    # binnen twee dagen na betekening (betekend op de dagtekening)
    "10": (date(2026, 10, 27), 0, 4, 0),   # binnen vier weken na de datum van dit bericht
    "11": (date(2026, 9, 15), 14, 0, 0),   # binnen 14 dagen vanaf de dag na ontvangst
    "13": (date(2026, 8, 18), 7, 0, 0),    # binnen 7 dagen na de datum van deze brief
    "14": (date(2026, 7, 14), 8, 0, 0),    # binnen acht dagen na dagtekening dezes
    "16": (date(2026, 10, 6), 0, 2, 0),    # binnen twee weken na de datum van deze brief
    "21": (date(2026, 9, 23), 30, 0, 0),   # binnen dertig dagen na de datum van deze brief
}

# sums that must hold: number -> list of (parts, total)
SUMS = {
    "01": [([14871, -1964, -5127], 7780), ([1964, 5127], 7091), ([7780, -6612], 1168),
           ([1168, -480, 27], 715)],
    "02": [([1184, -500], 684), ([684, 18, 4.12], 706.12)],
    "03": [([3264, -3132], 132)],
    "04": [([9288, -6912], 2376), ([99] * 24, 2376)],
    "05": [([389.47, -150], 239.47), ([239.47, 7, 46, 3.18], 295.65)],
    "06": [([228, 356.40, 198.72], 783.12), ([391.56] * 2, 783.12), ([231000 * 0.000987], 228.00)],
    "08": [([151, 9], 160), ([151 * 0.5], 75.50)],
    "09": [([140, 9, 70, 210], 429), ([140 * 0.5], 70), ([(140 + 70) * 1.0], 210)],
    "10": [([148.22] * 7, 1037.54), ([1037.54, 21.86, 18], 1077.40)],
    "11": [([47.85, 62.40], 110.25)],
    "13": [([612.30] * 2, 1224.60), ([1224.60, 183.69, 9.87, -200], 1218.16)],
    "14": [([59.80] * 6, 358.80), ([358.80, 14.22, 53.82], 426.84)],
    "15": [([487.35] * 3, 1462.05), ([1462.05, 219.31, 18.44], 1699.80)],
    "16": [([2061.20, -1487.63], 573.57), ([1812.40, 96.31, 271.86, 398, 131.18, 139.62], 2849.37)],
    "17": [([148.95] * 4, 595.80)],
    "18": [([148.95] * 6, 893.70)],
    "19": [([421.15] * 2, 842.30)],
    "20": [([31] * 3 + [126.45, 8.50], 227.95)],
    "23": [([162.46] * 3, 487.38)],
    "25": [([200, 218.16, 250, 250, 250, 250], 1418.16), ([1224.60, 183.69, 9.87], 1418.16)],
}

# number -> (principal, printed buitengerechtelijke incassokosten)
WIK = {"11": (110.25, 40.00), "12": (385.00, 57.75), "13": (1224.60, 183.69),
       "14": (358.80, 53.82), "15": (1462.05, 219.31), "16": (1812.40, 271.86)}

LETTER_DATE_IN_WORDS = {"15": "twaalf november tweeduizendzesentwintig"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def squash(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def check_one(txt: Path) -> list[str]:
    errs: list[str] = []
    text = txt.read_text(encoding="utf-8")
    flat, spaced = squash(text), norm(text)
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    m = re.fullmatch(rf"([a-z-]+)-{BATCH}-(\d\d)-[a-z0-9-]+", txt.stem)
    if not m:
        return [f"bad name {txt.stem}"]
    kind, num = m.group(1), m.group(2)
    if set(truth) != KEYS:
        errs.append(f"keys {sorted(set(truth) ^ KEYS)}")
    if truth["kind"] != kind or kind not in KINDS:
        errs.append(f"kind {truth['kind']} vs name {kind}")
    if truth["stage"] not in STAGES:
        errs.append(f"stage {truth['stage']}")
    if not truth["notes"] or not truth["sender"]:
        errs.append("empty sender or notes")

    ld = date.fromisoformat(truth["letter_date"])
    if not date(2026, 1, 1) <= ld <= date(2027, 3, 31):
        errs.append("letter date out of range")
    if not any(f in spaced for f in date_forms(ld)) and LETTER_DATE_IN_WORDS.get(num, "\0") not in spaced:
        errs.append("letter date not printed")

    dl = truth["deadline"]
    if dl:
        if dl["action"] not in ACTIONS:
            errs.append(f"action {dl['action']}")
        d = date.fromisoformat(dl["date"])
        if num in RELATIVE:
            base, days, weeks, months = RELATIVE[num]
            want = add_months(base + timedelta(days=days + 7 * weeks), months)
            if d != want or base != ld:
                errs.append(f"relative deadline should be {want}")
        elif not any(f in spaced for f in date_forms(d)):
            errs.append("printed deadline not found in text")
        if d < ld:
            errs.append("deadline before letter date")
    elif num in RELATIVE:
        errs.append("relative term listed but no deadline")

    od = truth["objection_deadline"]
    if kind in OBJECTION_KINDS and truth["stage"] == "decision" and not od:
        errs.append("decision without objection_deadline")
    if od:
        if kind not in OBJECTION_KINDS and truth["stage"] != "decision":
            errs.append("objection_deadline on a non-decision")
        if date.fromisoformat(od) != objection_from(ld):
            errs.append(f"objection {od} != {objection_from(ld)}")

    ap = truth["appointment"]
    if ap:
        ad = date.fromisoformat(ap["date"])
        if not any(f in spaced for f in date_forms(ad)):
            errs.append("appointment date not printed")
        if ap["time"] and ap["time"].replace(":", ".") not in text:
            errs.append("appointment time not printed")
        if dl and dl["action"] == "attend" and dl["date"] != ap["date"]:
            errs.append("attend deadline != appointment date")
        if dl and date.fromisoformat(dl["date"]) > ad:
            errs.append("deadline after appointment")

    printed = printed_amounts(text)
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
        errs.append("amount due without a deadline")

    iban = truth["iban"]
    printed_ibans = [i.replace(" ", "") for i in re.findall(r"NL\d{2} ?[A-Z]{4}(?: ?\d){10}", text)]
    for i in printed_ibans:
        if not iban_valid(i):
            errs.append(f"printed iban {i} fails mod-97")
    if iban:
        if not iban_valid(iban) or iban not in printed_ibans:
            errs.append("iban invalid or not printed")
        if truth["amount_due"] is None:
            errs.append("iban without amount due")

    pr = truth["payment_reference"]
    if pr:
        if squash(pr) not in flat:
            errs.append("payment_reference not printed")
        if re.fullmatch(r"[\d ]{16,19}", pr) and not kenmerk_valid(pr.replace(" ", "")):
            errs.append("kenmerk check digit")
    for r in truth["reference_numbers"]:
        if squash(r) not in flat:
            errs.append(f"reference {r} not printed")
    for k in re.findall(r"(?<!\d)\d{4} \d{4} \d{4} \d{4}(?!\d)", text):
        if not kenmerk_valid(k.replace(" ", "")):
            errs.append(f"printed 16-digit {k} fails check digit")

    cands = re.findall(r"(?<![\d.])(\d{4}\.\d{2}\.\d{3}|\d{9})(?![\d])", text)
    bsns = [c for c in (x.replace(".", "") for x in cands) if bsn_valid(c)]
    if truth["bsn_found"] != bool(bsns):
        errs.append(f"bsn_found {truth['bsn_found']} but {len(bsns)} valid BSN(s) printed")

    for parts, total in SUMS.get(num, []):
        if round(sum(parts), 2) != round(total, 2):
            errs.append(f"sum {parts} != {total}")
    if num in WIK:
        principal, costs = WIK[num]
        if wik(principal) != costs:
            errs.append(f"WIK on {principal} is {wik(principal)}, printed {costs}")
        if costs not in printed:
            errs.append("WIK costs not printed")
    if re.search(r"(?<![\w.])/(?:work|tmp|home|Users)/", text):
        errs.append("absolute path in text")
    return errs


def batch_checks(files: list[Path]) -> list[str]:
    errs = []
    nums = sorted(re.search(rf"-{BATCH}-(\d\d)-", p.stem).group(1) for p in files)
    if nums != [f"{i:02d}" for i in range(1, 26)]:
        errs.append(f"letter numbers {nums}")
    kinds = {json.loads(p.with_suffix('.json').read_text(encoding='utf-8'))["kind"] for p in files}
    if kinds != KINDS:
        errs.append(f"kinds missing {sorted(KINDS - kinds)}")
    jsons = {p.stem for p in HERE.glob("*.json")}
    if jsons != {p.stem for p in files}:
        errs.append(f"unpaired files {sorted(jsons ^ {p.stem for p in files})}")
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else ""
    for p in files:
        if p.stem not in readme:
            errs.append(f"{p.stem} not in README.md")
    pages = [p for p in files if "\f" in p.read_text(encoding="utf-8")]
    if len(pages) < 2:
        errs.append("fewer than two two-page letters")
    # chains across letters: the same debt must carry the same figures
    t13 = (HERE / "incasso-aanmaning-b19-13-kinderopvang-laatste-aanmaning.txt").read_text(encoding="utf-8")
    t25 = (HERE / "overig-b19-25-incassodossier-gesloten.txt").read_text(encoding="utf-8")
    for s in ("DV-2026-30551", "€ 183,69", "€ 9,87", "€ 1.224,60", "€ 200,00"):
        if s not in t13 or s not in t25:
            errs.append(f"chain 13/25: {s} not in both")
    t17 = (HERE / "zorgverzekering-achterstand-b19-17-vier-maanden.txt").read_text(encoding="utf-8")
    t18 = (HERE / "zorgverzekering-achterstand-b19-18-cak-bronheffing.txt").read_text(encoding="utf-8")
    for s in ("€ 148,95", "Smulders", "Kampstraat 51"):
        if s not in t17 or s not in t18:
            errs.append(f"chain 17/18: {s} not in both")
    for p in list(HERE.iterdir()):
        if p.suffix in {".txt", ".json", ".md", ".py"} and p.name != "check.py":
            if re.search(r"(?<![\w.])/(?:work|tmp|home|Users)/", p.read_text(encoding="utf-8")):
                errs.append(f"absolute path in {p.name}")
    return errs


def main() -> int:
    files = sorted(HERE.glob("*.txt"))
    bad = 0
    for p in files:
        errs = check_one(p)
        print(("FAIL " if errs else "ok   ") + p.stem + ("  " + "; ".join(errs) if errs else ""))
        bad += bool(errs)
    berrs = batch_checks(files)
    for e in berrs:
        print("FAIL batch: " + e)
    print(f"{len(files)} letters, {bad} with problems, {len(berrs)} batch problems")
    return 1 if bad or berrs else 0


if __name__ == "__main__":
    sys.exit(main())
