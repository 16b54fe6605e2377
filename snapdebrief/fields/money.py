"""Stage 2 (fields): every money amount on a letter, its role from its label, and what is due now.

Dutch print: dot = thousands, comma = decimals ("€ 1.234" is 1234), "€ 45,-"
is 45 euro, credits are "-€ 12,50", "€ -12,50", "€ 12,50-" or "(€ 12,50)" in a column. The role
comes from the words around an amount: the row label in a table ("Hoofdsom    € 245,00"), the
words of its sentence ("U krijgt € 312 terug"), a label on the line above a boxed amount, or the
column header over it. A row that is the sum of the rows above it is a total, whatever its label
("Openstaand   € 412,50"). The largest number is often not the amount due (WOZ-waarde, yearly
premium, monthly rent, a threshold in a text): those get role "other". Of several totals only
the one that must be paid keeps role "total"; subtotals become "other".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import cast

from ..phrasings import AmountLabel, AmountLabels, load_amount_labels
from ..result import Amount, AmountRole, Evidence
from .dates import is_past

_F = re.IGNORECASE

# --- how an amount is printed -------------------------------------------------------------------

_NUM = (
    r"(?:\d{1,3}(?:\.\d{3})+"  # 1.234 / 1.234.567
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?=,\d)"  # 1 234,56 (space as thousands mark, rare)
    r"|\d+)"
    r"(?:,\d{2}(?!\d)|\.\d{2}(?![\d.])|,\d(?!\d)|,-{1,2}|,[—–])?"  # ,56  .56 (OCR)  ,5  ,-  ,--
)
_MINUS = "-−–"
_CUR_BEFORE = re.compile(
    rf"(?P<neg1>[{_MINUS}][ \t]?)?(?P<open>\([ \t]?)?"
    # a table right-aligns the figure: "€   642,00"
    # (or on the next line, where a PDF's text wraps: "Samen is dat €" / "287,40 (2 x …)")
    rf"(?:€|\bEUR(?![A-Za-z])|\bEur(?![A-Za-z]))(?:[ \t\u00a0]{{0,80}}|[ \t]*\n[ \t]*(?=\d{{1,3}}(?:\.\d{{3}})*,\d{{2}}))"
    rf"(?P<neg2>[{_MINUS}][ \t]?)?"
    rf"(?P<num>{_NUM})"
    rf"(?P<neg3>-(?![-\d€]))?(?P<close>[ \t]?\))?"
)
_CUR_AFTER = re.compile(
    rf"(?<![\d.,€])(?P<neg1>[{_MINUS}])?(?P<num>{_NUM})(?P<neg3>-)?[ \t\u00a0]?"
    r"(?:euro|Euro|EURO|EUR)\b"
)
_BARE = re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})+,\d{2}|\d+,\d{2})(?P<neg3>-)?(?![\d%,.])")


def parse_value(num: str) -> Decimal:
    """'1.234,56' → 1234.56, '1.234' → 1234.00, '45,-' → 45.00, '245.00' (OCR'd comma) → 245.00:
    a Decimal with two decimals, made from the printed digits (never through a float, #18)."""
    s = re.sub(r",[-—–]+$", "", num.strip())
    if re.fullmatch(r"\d+\.\d{2}|\d{1,3}(?:\.\d{3})+\.\d{2}", s):
        head, dec = s[:-3], s[-2:]
        return _two_decimals(re.sub(r"[.\s\u00a0\u202f]", "", head) + "." + dec)
    s = re.sub(r"[.\s\u00a0\u202f]", "", s)
    return _two_decimals(s.replace(",", "."))


def _two_decimals(s: str) -> Decimal:
    """'1234.5' → Decimal('1234.50'): the digits padded to cents (the finder's numbers have at
    most two decimals; more, from another caller, are rounded half to even as round() did)."""
    whole, _, frac = s.partition(".")
    if len(frac) <= 2:
        return Decimal(f"{whole or '0'}.{frac:0<2}")
    return Decimal(s).quantize(Decimal("0.01"))


# --- labels -------------------------------------------------------------------------------------

# Refund wording anywhere in the amount's clause. "U moet € 500 terugbetalen" is NOT a refund.
_REFUND = [
    re.compile(p, _F)
    for p in (
        r"\bu\s+krijgt\b.{0,80}?\bterug\b",
        r"\bkrijgt\s+u\b.{0,80}?\bterug\b",
        r"\bterug\s+te\s+(?:ontvangen|krijgen)\b",
        r"(?<!van\su\s)\bte\s+ontvangen\b",
        r"\bteruggaa?ve?\b|\bteruggaaf\b",
        r"\bterugkrijgt\b|\bterugkrijgen\b|\bterug\s+krijgt\b",
        r"\b(?:wij|we)\s+betalen\b.{0,80}?\b(?:uit|terug)\b",
        r"\bbetalen\s+(?:wij|we)\b.{0,80}?\b(?:uit|terug)\b",
        # "€ 438 over die wij aan u moeten betalen", "Het bedrag dat wij uiteindelijk aan u
        # overmaken is € 381": the sender pays the reader
        (
            r"\b(?:wij|we)\s+(?:\w+\s+){0,3}?aan\s+(?:u|je|jou)\s+(?:\w+\s+){0,2}?(?:overmaken|betalen"
            r"|uitbetalen|terugbetalen|storten|overgemaakt|betaald|uitbetaald|terugbetaald)\b"
        ),
        # the last line of a benefit's computation: "We betalen je nog bij   € 214,37"
        r"\b(?:wij|we)\s+betalen\s+(?:u|je|jou)\s+(?:nog\s+)?bij\b",
        (
            r"\b(?:wordt|worden)\s+(?:[\w\s]{0,30}?\s)?(?:aan\s+u\s+|op\s+uw\s+rekening\s+)?"
            r"(?:uit|terug)betaald\b"
        ),
        r"\b(?:uit|terug)betaald\s+(?:aan\s+u|op\s+uw\s+rekening)\b",
        r"\bterugbetaling\s+aan\s+u\b",
        r"\b(?:storten|maken)\s+(?:wij|we)\b.{0,80}?\b(?:terug|over|op\s+(?:uw|je|jouw)\s+rekening)\b",
        r"\b(?:wij|we)\s+(?:storten|maken)\b.{0,80}?\b(?:terug|over|op\s+(?:uw|je|jouw)\s+rekening)\b",
        r"\btegoed\b",
        # a shop or a creditor sent the money back: "We hebben € 104,95 teruggestort"
        r"\bteruggestort\b|\bgeretourneerd\b",
        # a decision on an objection: "het aldus te veel betaalde bedrag van € 17,76"
        r"\bte\s+veel\s+betaalde\s+bedrag\b",
        # the last line of a tax computation: "U ontvangt nog   € 862"
        r"\b(?:u|je)\s+ontvangt\s+(?:nog|dus|daarom|van\s+ons)\b",
        # the outcome line of an assessment: "Uitkomst: u ontvangt   € 612"
        r"\b(?:uitkomst|eindresultaat|resultaat)\s*:?\s*(?:(?:u|je)\s+)?(?:ontvangt|krijgt)\b",
    )
]
# The next sentence may say what happens with the amount: "… samen € 97,72. Dit bedrag betalen
# wij terug op uw rekening."
_ANAPHOR = re.compile(r"^\s*(?:dit|dat|het|deze)\s+(?:bedrag|geld)\b", _F)
_NOT_THIS_ONE = re.compile(r"\bhoort\s+niet\s+bij\b|\bniet\s+(?:mee)?geteld\b|\bniet\s+(?:inbegrepen|opgenomen)\b"
                           r"|\bstaat\s+(?:hier\s+)?los\s+van\b", _F)
# Words that make a clause about paying (so "toeslag" there is a reclaim, not a benefit).
_PAYING = re.compile(
    r"\bterug\s*te\s+betalen\b|\bterugbetal|\bterugvorder|\b(?:vorder|vraag|vrag)\w*\s+(?:wij|we)\b[^.]{0,60}\bterug\b"
    r"|\bte\s+veel\s+(?:[\w-]+\s+)?(?:ontvangen|gekregen)\b"
    r"|\bmoet\b|\bmoeten\b|\bverschuldigd|\bte\s+betalen\b|\bboete\b|\bachterstand|\bbetaal\b",
    _F,
)
_BENEFIT_WORDS = (
    r"\buitkering\w*|\b\w*toeslag\b|\bkindgebonden\s+budget\b|\bvoorschot\w*|\bbijstand\w*"
    r"|\bkinderbijslag\b|\bstudiefinanciering\b|\b(?:basis|aanvullende\s+)beurs\b"
    r"|\btegemoetkoming\w*|\b(?:WW|WIA|WGA|IVA|AOW|Anw|Wajong|Toeslagenwet)\b|\bpensioen\w*"
)
_BENEFIT = re.compile(_BENEFIT_WORDS, _F)
_U_KRIJGT = re.compile(r"\b(?:u\s+krijgt|krijgt\s+u|u\s+ontvangt|ontvangt\s+u)\b", _F)
_NEGATED_PAY = re.compile(
    r"\bniet\s+(?:meer\s+)?te\s+betalen\b|\bhoeft\b.{0,60}\bniet\b|\bgeen\b.{0,30}\bte\s+betalen\b"
    r"|\bniet\s+(?:meer\s+)?betalen\b",
    _F,
)
# A rate, not a sum owed: right after the amount, or in the words right before it.
_RATE_AFTER = re.compile(
    r"^\s*(?:\(?(?:bruto|netto)\)?\s+)?(?:(?:huur|premie|rente|servicekosten|voorschot|contributie)\s+)?"  # "€ 742,18 huur per maand"
    r"(?:op\s+(?:jaar|maand|week)basis\b|per\s+(?:maand|week|jaar|kwartaal|termijn|periode|dag"
    r"|minuut|gesprek|keer)\b|p\.?\s?m\.|/\s*(?:maand|mnd|jaar|week)\b|maandelijks|,?\s*telkens\b"
    r"|per\s+\w+\s+(?:maand|jaar))",
    _F,
)
_PREVIOUS_UNIT = re.compile(r"^\s*(?:per\s+(?:maand|week|jaar|kwartaal|termijn|dag)|p\.?\s?m\.?|/\s*(?:maand|mnd|jaar))\b", _F)
_RATE_BEFORE = re.compile(
    r"(?:\bper\s+(?:maand|week|jaar|kwartaal|termijn|periode|dag|minuut|gesprek)\b"
    r"|\bmaandelijkse?\b|\bwekelijkse?\b|\bmaand(?:bedrag|huur|premie|termijn)\b|\bjaar(?:bedrag|premie)\b|\buur(?:prijs|tarief)\b"
    r"|\btermijnbedrag\b|\btermijnen\s+van\b|\btermijn\b|\bhuurprijs\b|\bkale\s+huur\b"
    # "Je mag dit in 4 delen betalen van € 98,65": one instalment, not the sum
    r"|\bin\s+(?:\d+|twee|drie|vier|vijf|zes|acht|tien|twaalf)\s+(?:gelijke\s+)?(?:delen|termijnen|keer)\b"
    r"|\bpremie\s+per\b|\bnieuwe\s+(?:huur|premie)\b|\bdagloon\b|\b(?:elke|iedere)\s+maand\b|\bsteeds\s+(?:vóór|voor)\s+de\b)[^€]{0,40}$",
    _F,
)
# A threshold, an estimate or a value in an explanation: "grens van € 454", "ongeveer € 168".
_THRESHOLD_BEFORE = re.compile(
    r"(?:\bgrens\b|\bdrempel|\bminder\s+dan\b|\bmeer\s+dan\b|\blager\s+dan\b|\bhoger\s+dan\b"
    r"|\bboven(?:\s+de)?\b|\bonder\s+de\b|\btot\s+(?:een\s+bedrag\s+van\s+)?(?:maximaal\s+)?$"
    r"|\bmaximaal\b|\bminimaal\b|\bten\s+minste\b|\bminstens\b|\bhoogstens\b|\bmaximum\b"
    r"|\bminimum\b|\btussen\b|\bvanaf\b|\bwoz[-\s]?waarde\b|\bwaarde\b|\bvermogen\b"
    r"|\binkomen\b|\bloon\b|\bsalaris\b(?!\s+gemachtigde)|\bvrijstelling\b|\bheffingskorting\b|\bkost\s+u\b"
    r"|\bongeveer\b|\bcirca\b|\bca\.|\bzo'n\b|\bongeveer\b|\bbijna\b|\bruim\b|\beigen\s+risico\b"
    r"|\bkosten\s+van\s+€)[^€]{0,30}$",
    _F,
)
_LIMIT_AFTER = re.compile(r"\s*(?:of|en)\s+(?:minder|meer|lager|hoger|daaronder|daarboven)\b", _F)
_ESTIMATE = re.compile(r"\bschatt?\w*|\bgeschat\w*|\bnaar\s+schatting\b|\bongeveer\b|\bcirca\b", _F)
_BASE_AFTER = re.compile(r"^\s*\d+(?:,\d+)?\s*%")  # "€ 412.000   0,0442%   € 182,10": a base
# "2 x € 151,35 = € 302,70", "€ 48,50 x 3 = …": a factor of a product the letter computes
_FACTOR_BEFORE = re.compile(r"(?:^|[\s(:])\d{1,3}\s*[x×]\s*$", _F)
_FACTOR_AFTER = re.compile(r"^\s*[x×]\s*\d{1,3}\b", _F)
_PAID_WORDS = (
    r"\b(?:reeds|al|eerder)\s+(?:door\s+u\s+)?(?:betaald|ontvangen|voldaan|afgelost)\b"
    r"|\bontvangen\s+(?:betaling(?:en)?|bedrag(?:en)?)\b|\bbetaald\s+op\b|\bdeelbetaling\w*"
    r"|\b(?:uw|de)\s+betaling(?:en)?\s+van\b|\bbetaling\s+ontvangen\b|\bafgelost\b"
    r"|\bbij\s+ons\s+binnen\b|\bafgeschreven\b|^[\s|│]*(?:af|min|minus|-/-)\s*:"
    r"|\bontvingen\s+(?:wij|we)\s+(?:van\s+(?:u|je|jou)\s+)?(?:al\s+)?(?:een\s+bedrag\s+van\s+)?$"
    r"|\b(?:hebben|heeft|hebt)\s+(?:wij|u)\b.{0,30}\b(?:ontvangen|betaald|voldaan)\b"
)
_PAID = re.compile(_PAID_WORDS, _F)
# In a table row a bare "Ontvangen 06-03-2026" or "Betalingen" is a payment already made; in a
# sentence "Wij ontvangen graag € 250 van u" is a request.
_PAID_ROW = re.compile(
    _PAID_WORDS + r"|\bbetalingen\b|\bvoldaan\b|(?<!veel\s)\bontvangen\b|\bbetaald\b"
    r"|\b(?:uw|je|jouw)\s+(?:deel)?betaling(?:en)?\b", _F
)
_PAID_AFTER = re.compile(  # on the amount's own line: the next line is another row's label
    r"^[^\S\n]*(?:(?:van\s+u\s+|hebben\s+wij\s+|heeft\s+u\s+|hebt\s+u\s+)?(?:al\s+|reeds\s+)?"
    r"(?:(?:volledig|helemaal|geheel)\s+)?(?:ontvangen|betaald|voldaan|afgeschreven)\b)",
    _F,
)
_NOT_PAID = re.compile(r"\b(?:niet|nog\s+niet|niet\s+op\s+tijd)\s+(?:betaald|voldaan|ontvangen)\b", _F)
# An owed amount, though the label names an instalment or a month ("het openstaande termijnbedrag").
_NOT_COLLECTED = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}?niet\b[^.;]{0,40}?\b(?:afschrijven|afgeschreven|incasseren"
                            r"|ge[ïi]ncasseerd|innen|ge[ïi]nd)\b", _F)
_OPEN_BEFORE = re.compile(
    r"\b(?:openstaande?|achterstallige?|onbetaalde?|niet\s+betaalde?)\s+(?:[\w-]+\s+){0,2}$", _F
)
# "… nog niet ontvangen? Dan …", "als wij … niet ontvangen": not a statement that it is owed.
_THEN_OWED = re.compile(r"\b(?:als|indien|wanneer|mocht|zodra)\b|\?", _F)
# the sender pays the reader: a verb of the sender with "terug", "uit" or the reader's account
_WE_PAY_BACK = re.compile(r"\b(?:storten|betalen|maken|keren|boeken)\s+(?:wij|we)\b[^.!?]{0,80}?"
                          r"(?:\bterug\b|\buit\b|\b(?:op|naar)\s+(?:uw|je|jouw)\s+(?:bank)?rekening\b)", _F)
# a part waived, told in the amount's own clause
_WAIVED = re.compile(r"\bkwijtschelding\s+(?:wordt\s+|is\s+|te\s+)?(?:verleend|toegekend|verlenen)\b[^.;€]{0,80}$"
                     r"|(?<!niet\s)\bkwijtgescholden\b[^.;€]{0,40}$", _F)
# "de rest van die twee heffingen, € 548,16, schelden wij kwijt"
_WAIVED_AFTER = re.compile(r"\s*,?\s*(?:(?:schelden|scheldt)\s+(?:wij|we|ik)\s+(?:u\s+|je\s+)?(?:(?!niet\b|nooit\b)\w+\s+){0,2}?kwijt\b"
                           r"|(?:wordt|is|worden|zijn)\s+(?:(?!niet\b|nooit\b)\w+\s+){0,2}?kwijtgescholden\b)", _F)
# an amount added on top of the sum a sentence asks: "vermeerderd met € 9,00 aanmaningskosten"
_ADDED_ON = re.compile(r"\b(?:vermeerderd|verhoogd|te\s+vermeerderen|te\s+verhogen)\s+met\s*$", _F)
# a payment not made, told in a summons: "is in gebreke gebleven … te voldoen", "heeft nagelaten"
_NOT_DONE = re.compile(r"\bin\s+gebreke\s+(?:is\s+|zijn\s+)?gebleven\b|\bnagelaten\b|\bverzuimd\b", _F)
_PAY_VERB = re.compile(
    r"\bbetaal\b|\bbetaalt\b|\bbetalen\b|\bover\s*te\s*maken\b|\bovermaken\b|\bmaak\b.{0,40}\bover\b"
    r"|\boverschrijven\b|\bvoldoen\b|\bvoldoe\b|\bstorten\b|\bsommeren\b"
    r"|\bontvangen\s+(?:wij\s+)?graag\b|\bworden\s+(?:voldaan|betaald|overgemaakt)\b"
    r"|\b(?:moet|moeten|dient)\s+(?:u|je)\b[^.]{0,40}\bterug\s*(?:te\s+)?betalen\b"
    r"|\b(?:u|je)\s+(?:moet|dient)\b[^.]{0,40}\bterug\s*(?:te\s+)?betalen\b"
    # "Zorg dat wij het bedrag van € 386,08 uiterlijk op 5 februari hebben ontvangen"
    r"|\bzorg\s+(?:er\s+(?:voor\s+)?)?dat\s+(?:wij|we|het\s+bedrag)\b[^.]{0,80}?"
    r"\b(?:(?:hebben|heeft)\s+ontvangen|binnen\s+(?:is|zijn)|op\s+(?:onze|ons|de)\s+rekening)\b",
    _F,
)
_CONDITIONAL = re.compile(
    r"^\s*(?:als|indien|wanneer|zolang|mocht|betaalt\s+u\s+niet|gaat\s+u\s+niet|doet\s+u\s+niets)\b"
    # ("het alsdan resterende bedrag": what is left after the decision, no case)
    r"|\balsdan\b(?!\s+(?:resterende|overblijvende|overgebleven)\b)|\bin\s+dat\s+geval\b"
    # a summons' court fee: "bij verschijning … zal een griffierecht worden geheven van € …"
    r"|\bbij\s+verschijning\b|\bworden\s+geheven\b"
    r"|(?<!meer\s)(?<!minder\s)(?<!eerder\s)(?<!later\s)(?<!liever\s)(?<!hoger\s)(?<!lager\s)"
    r"(?<!groter\s)(?<!kleiner\s)(?<!anders\s)(?<!beter\s)\bdan\b",
    _F,
)
_IMPERATIVE = re.compile(r"^\s*(?:betaal|maak|stuur|bel|neem|vraag)\b", _F)
# "incl. BTW" / "inclusief kosten en rente" describe a total, they are no component label.
_INCL = re.compile(
    r"\b(?:incl|excl|inclusief|exclusief|met|plus)\.?\s+(?:de\s+)?(?:btw|b\.t\.w\.|kosten|rente)"
    r"(?:\s*(?:,|en)\s*(?:de\s+)?(?:btw|b\.t\.w\.|kosten|rente))*\b",
    _F,
)


# The labels themselves ("Totaal te betalen" → total, "Incassokosten" → costs) are rule data
# since #18: rules/phrasings/amount-labels.yaml, read by snapdebrief/phrasings/amount_labels.py
# and passed in as `labels`; the shipped ones when a caller gives none.


_INCL_AFTER = re.compile(r"\s*\(?(?:incl\.?|inclusief)\s+(?:de\s+)?(?:wettelijke\s+)?(?:rente|kosten|incassokosten)\b", _F)


# --- finding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    value: Decimal


_MAX_HITS = 1000  # per page; a letter has a few dozen, more is no letter (and would be slow)


class _Spans:
    """Spans added in increasing order that never overlap: an overlap test in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, a: int, b: int) -> None:
        self.starts.append(a)
        self.ends.append(b)

    def free(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, b)
        return k == 0 or self.ends[k - 1] <= a


def _hits(text: str, labels: AmountLabels) -> list[_Hit]:
    """Every printed amount on one page, in order, without overlaps."""
    found: list[_Hit] = []
    before, after = _Spans(), _Spans()
    for m in _CUR_BEFORE.finditer(text):
        start, end = m.start(), m.end()
        value = parse_value(m.group("num"))
        neg = bool(m.group("neg2") or m.group("neg3"))
        if m.group("neg1"):
            if _minus_counts(text, m.start("neg1"), m.group("neg1")):
                neg = True
            else:
                start = m.end("neg1")
        if m.group("open") and m.group("close") and _in_column(text, m.start("open")):
            neg = True  # "(€ 12,50)" in a column is a credit; in a sentence it is an aside
        elif m.group("open"):
            start = max(start, m.end("open"))
            if m.group("close"):
                end = m.start("close")
        elif m.group("close"):
            end = m.start("close")
        found.append(_Hit(start, end, -value if neg else value))
        before.add(m.start(), m.end())
    for m in _CUR_AFTER.finditer(text):
        if not before.free(m.start(), m.end()):
            continue
        value = parse_value(m.group("num"))
        neg = bool(m.group("neg3")) or bool(
            m.group("neg1") and _minus_counts(text, m.start("neg1"), m.group("neg1"))
        )
        start = m.start() if neg or not m.group("neg1") else m.start("num")
        found.append(_Hit(start, m.end(), -value if neg else value))
        after.add(m.start(), m.end())
    # Amounts without a currency sign, only in rows that start with a money label.
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if len(body) <= 300 and "%" not in body and labels.at_line_start.search(body):
            for m in _BARE.finditer(body):
                a, b = pos + m.start(), pos + m.end()
                if before.free(a, b) and after.free(a, b) and not re.search(
                    r"\d[-/]\s*$", body[: m.start()]
                ):
                    value = parse_value(m.group("num"))
                    found.append(_Hit(a, b, -value if m.group("neg3") else value))
        pos += len(line)
    found.sort(key=lambda h: h.start)
    return found[:_MAX_HITS]


def _in_column(text: str, at: int) -> bool:
    """True when what stands at `at` starts a table cell: line start, a tab or 2+ spaces."""
    before = text[_line_bounds(text, at)[0] : at]
    return not before.strip() or bool(re.search(r"(?:[ ]{2,}|\t|:)\s*$", before))


def _minus_counts(text: str, at: int, sign: str) -> bool:
    """A minus before the sign is a credit, unless it is a bullet or the dash of a range."""
    before = text[_line_bounds(text, at)[0] : at]
    if re.search(r"(?:€\s?[\d.,]+-*|\d\s?(?:euro|EUR))\s*$", before):  # "€ 40 – € 6.775": a range
        return False
    if sign.endswith((" ", "\t")):
        # "- € 45,00" at the start of a line is a bullet; in a column it is a credit.
        return bool(before.strip()) and bool(re.search(r"(?:\s{2,}|\t|:)\s*$", before))
    return not re.search(r"\w$", before)


# --- context ------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\"'‘“])|[.!?]\s*$")


_REACH = 2000  # a "line" longer than this (a PDF without line breaks) is read in pieces


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - _REACH)
    start = text.rfind("\n", lo, pos) + 1 or lo
    hi = min(len(text), pos + _REACH)
    end = text.find("\n", pos, hi)
    return start, hi if end == -1 else end


def _prev_line(text: str, line_start: int) -> tuple[int, int] | None:
    """The line directly above, if it is not blank."""
    if line_start == 0 or text[line_start - 1] != "\n":
        return None
    end = line_start - 1
    start, _ = _line_bounds(text, end)
    if not text[start:end].strip():
        return None
    return start, end


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _zone_before(text: str, hit: _Hit, prev_end: int, labels: AmountLabels) -> str:
    """Words before the amount that belong to it: same line after the previous amount,
    back to the start of its sentence; one line up when the sentence wraps."""
    ls, _ = _line_bounds(text, hit.start)
    a = max(ls, prev_end)
    zone = text[a : hit.start]
    last_end = None
    for m in _SENTENCE_END.finditer(zone):
        last_end = m.end()
    if last_end is not None and zone[last_end:].strip():
        return zone[last_end:]
    if a == ls and prev_end <= ls:
        prev = _prev_line(text, ls)
        if prev is not None:
            ptext = text[prev[0] : prev[1]]
            amounts_above = list(_CUR_BEFORE.finditer(ptext))
            if amounts_above:
                # "… 1 ster. Uw jaarpremie voor" / "2026 is € 1.907,40.": the words after the
                # last amount above may open this amount's sentence.
                ptext = ptext[amounts_above[-1].end() :]
            head = zone.strip()
            wraps = bool(ptext.strip()) and not re.search(r"[.!?:;]\s*$", ptext)
            short = not head or head[:1].islower() or len(head.split()) <= 3
            own_label = bool(head) and (
                bool(labels.at_line_start.search(zone)) or _is_row_line(text, hit)
            )
            if wraps and short and not own_label:
                cut = 0
                for m in _SENTENCE_END.finditer(ptext):
                    cut = m.end()
                return ptext[cut:] + "\n" + zone
    return zone


def _zone_after(text: str, hit: _Hit, next_start: int) -> str:
    _, le = _line_bounds(text, max(hit.start, hit.end - 1))  # the amount's own line
    b = min(le, next_start)
    after = text[hit.end : b]
    m = _SENTENCE_END.search(after)
    if m:
        return after[: m.start()]
    if b == le and le < len(text) and next_start > le:
        ns, ne = _line_bounds(text, le + 1)
        nxt = text[ns : min(ne, next_start)]
        first = nxt.strip()[:1]
        line = text[ns:ne]
        # "… van € 1.124,96 binnen" / "14 dagen na ontvangst … te betalen": the sentence goes on;
        # not into the next row of a list or a table (cells apart, or the line opens on its amount)
        row = "€" in line and re.search(r"\S[ \t]{2,}\S|^\s*[-–]?\s*€", line)
        if (first.islower() or first.isdigit()) and not row:
            # "Je betaalt … € 298,40 per" / "maand (voor jullie allebei € 149,20).": a line with
            # an amount of its own lends only its first two words (a unit, not another clause)
            if "€" in line:
                nxt = " ".join(nxt.split("€", 1)[0].split()[:2])
            m = _SENTENCE_END.search(nxt)
            return after + " " + (nxt[: m.start()] if m else nxt)
    return after


def _last_in_sentence(text: str, hit: _Hit) -> bool:
    """No other amount follows in the amount's sentence ("2 x € 148,75 = € 297,50. Wilt u dit
    bedrag …": "dit bedrag" is the last one named)."""
    m = _SENTENCE_END.search(text, hit.end, min(len(text), hit.end + 300))
    rest = text[hit.end : m.start() if m else min(len(text), hit.end + 300)]
    return not re.search(r"€\s?-?\d|\beur\s?\d|\d,\d\d\b", rest, _F)


def _next_sentence(text: str, hit: _Hit) -> str:
    """The sentence after the one the amount stands in (for "Dit bedrag … terug")."""
    m = _SENTENCE_END.search(text, hit.end, min(len(text), hit.end + 300))
    if not m:
        return ""
    rest = text[m.end() : m.end() + 200]
    end = _SENTENCE_END.search(rest)
    return _squash(rest[: end.start()] if end else rest)


def _text_after_row(text: str, hit: _Hit) -> str:
    """The words right under a table row, when nothing but white space stands between (the
    sentence that follows a table's last line); hyphenated line ends joined."""
    _, le = _line_bounds(text, hit.start)
    if text[hit.end:le].strip(" \t|│"):
        return ""
    rest = text[le : le + 300]
    if re.match(r"\s*(?:€|eur\b|\d)", rest, _F):
        return ""
    return _squash(re.sub(r"(?<=[a-z])-[ \t]*\n[ \t]*", "", rest))


_ANAPHOR_START = re.compile(
    r"^\s*(?:die|deze|dat|dit|samen|daar\w*|ook|dan|bovendien|verder|hierbij|hierover)\b", _F
)


def _conditional(text: str, pos: int, depth: int = 3) -> bool:
    """The sentence at `pos` speaks of what happens if one does not pay ("Als u niet op tijd
    betaalt, …", "Betaalt u niet? Dan …", "… wordt dan verdubbeld"), or follows such a sentence
    and refers back to it ("Die kosten zijn € 380,25.", "… zijn dat in uw geval € 40,00.")."""
    a = max(0, pos - 300)
    before = text[a:pos]
    cuts = [(m.end(), m.group()) for m in re.finditer(r"[.!?](?=\s)|\n\s*\n", before)]
    start = _squash(before[cuts[-1][0] :] if cuts else before)
    end = _SENTENCE_END.search(text, pos, min(len(text), pos + 200))
    sentence = start + " " + _squash(text[pos : end.start() if end else pos + 200])
    if _IMPERATIVE.match(start):
        return False
    if _CONDITIONAL.search(sentence):
        return True
    if depth and cuts and cuts[-1][1] in ".!?" and (
        _ANAPHOR_START.match(start) or _ANAPHOR_ANY.search(sentence)
    ):
        return _conditional(text, a + cuts[-1][0] - 1, depth - 1)
    return False


# "Te betalen na het verstrijken van de termijn   € 539,06": a sum owed only later
_LATER_LABEL = re.compile(r"\bna\s+(?:het\s+)?(?:verstrijken|afloop)\s+van\b|\bna\s+(?:de\s+)?(?:vervaldatum|termijn)\b"
                          r"|\bbij\s+(?:niet\s+tijdige|te\s+late|geen)\s+betaling\b"
                          # "Incassokosten bij niet tijdig betalen", "Totaal na overdracht"
                          r"|\bbij\s+niet\s+(?:tijdig|op\s+tijd)\s+betalen\b|\bna\s+overdracht\b"
                          # "Te betalen als u niet op tijd betaalt   € 229,97"
                          r"|\b(?:als|indien|wanneer)\s+(?:u|je)\s+niet\s+(?:op\s+tijd\s+|tijdig\s+)?betaalt\b", _F)
_ANAPHOR_ANY = re.compile(r"\b(?:zijn|is|worden|wordt)\s+(?:dat|die|deze|dit)\b"
                          # "… voortgezet met een dwangbevel. De kosten daarvan bedragen € 48,00"
                          r"|\b(?:kosten|rente)\s+(?:daarvan|daarvoor|hiervan|hiervoor)\b"
                          r"|\b(?:die|deze)\s+(?:kosten|bedragen|rente)\b", _F)
_ANAPHOR_IS = re.compile(r"^\s*(?:dat|dit|het)\s+(?:is|wordt|zijn|bedraagt)\b", _F)


_SETTLEMENT = re.compile(r"\bfinale\s+kwijting\b|\bschikkingsvoorstel\b|\bschikkingsbedrag\b", _F)
_OFFER_PAID = re.compile(r"\b(?:overmaakt|overmaken|betaalt|voldoet|stort|betaald|overgemaakt|voldaan)\b", _F)
_EARLIER = re.compile(r"\b(?:eerder|eerdere|destijds|vorige|al\s+eens|toentertijd)\b", _F)


def _sentence_up_to(text: str, hit: _Hit) -> str:
    """The words of the amount's sentence before it (at most 400 characters back)."""
    before = text[max(0, hit.start - 400) : hit.start]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", before)]
    return _squash(before[ends[-1]:] if ends else before)


def _previous_sentence(text: str, hit: _Hit) -> str:
    before = text[max(0, hit.start - 400) : hit.start]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", before)]
    if not ends:
        return ""
    last = ends[-1]
    prev_start = ends[-2] if len(ends) > 1 else 0
    return _squash(before[prev_start:last])


def _is_row_line(text: str, hit: _Hit) -> bool:
    """A table row: the amount stands in a column, after a gap of 2+ spaces or a tab, or ends a
    line laid out in columns ("Noor          vanaf 1e kwartaal 2027 € 409,55")."""
    ls, le = _line_bounds(text, hit.start)
    before = text[ls : hit.start]
    rest = text[hit.end : le].strip(" \t|│┃")  # a boxed table's border is no text
    if not before.strip(" \t|│┃"):
        return not rest
    if re.search(r"(?:[ ]{2,}|\t|[|│┃][ \t]*)$", before):
        return True
    if rest:
        return False
    if re.search(r"\S(?:[ ]{3,}|\t)\S", before):
        return True
    # OCR text keeps one space between columns: a short line that ends with the amount and
    # does not read as a sentence ("Hoofdsom € 748,20", "Reeds betaald op 02-04-2026 -€ 50,00").
    words = before.split()
    return 0 < len(words) <= 7 and not re.search(
        r"\b(?:van|is|zijn|op|dat|bedraagt|wordt|tot|met|en|of|u|wij|ons|uw)\s*$|[.,;!?]\s*$",
        before, _F,
    )


# "het restant van de aanslag ad", "het totaal van uw vordering is": the head noun is the total.
_HEAD_TOTAL = re.compile(
    r"\b(?:restant\w*|totaal|totaalbedrag|saldo)\s+(?:van|op)\s+(?:de|het|deze|dit|uw|je|onze?)\s+"
    r"[\w-]+(?:\s+[\w-]+)?\s*,?\s*(?:ad|is|bedraagt|van|zijnde|:)?\s*$", _F)  # "…, zijnde € 121,08"
_HEAD_TOTAL_LABEL = AmountLabel("head-total", "total", 3, _HEAD_TOTAL)  # what remains or sums up the ask


def _pick_label(zone: str, row: bool, labels: AmountLabels) -> tuple[AmountLabel, re.Match[str]] | None:
    """In a table row the row label (first) counts, in a sentence the nearest label (last)."""
    clean = _INCL.sub(lambda m: " " * len(m.group()), zone)
    if not row:
        head = _HEAD_TOTAL.search(clean)
        if head is not None:
            return _HEAD_TOTAL_LABEL, head
    best: tuple[AmountLabel, re.Match[str]] | None = None
    for lab in labels.labels:
        for m in lab.pattern.finditer(clean):
            if (
                best is None
                or (row and m.start() < best[1].start())
                or (not row and m.end() > best[1].end())
            ):
                best = (lab, m)
            if row:
                break
    return best


@dataclass(frozen=True)
class _Role:
    role: AmountRole
    label: str | None
    rank: int = 0
    paid: bool = False
    pay_sentence: bool = False
    kind: str = ""  # "rate" / "threshold" / "base" / "negated" / "list" for the other-roles


_BRACKET_AFTER_AMOUNT = re.compile(r"\s*\([^()\n]{0,60}$")
_WAARVAN = re.compile(r"\bwaarvan\b[^€\n.]{0,30}$", _F)
_BESIDES = re.compile(r"\b(?:daarnaast|bovendien|daarbij|gewoon)\s+(?:\w+\s+){0,3}?(?:worden\s+)?(?:betaald|voldaan|betalen|voldoen)\b"
                      # "Op diezelfde dag moet ook je gewone huur van € 712,40 binnen zijn"
                      r"|\b(?:je|jouw|uw)\s+(?:gewone|lopende|normale)\s+(?:huur|premie|maandhuur|termijn)\b", _F)
_ORDER_ON_IT = re.compile(r"\s*(?:betaal|maak|stort)\s+(?:dit|dat|het|deze)\s+(?:bedrag|som)\b", _F)
# "… kosten € 35,00. Wij verzoeken u dit bedrag vóór 1 juni over te maken": a request on the sum
# just named makes it the ask (a request, unlike the order above, does not undo a condition:
# "Als u … € 18,00 … Wilt u dit bedrag …" still speaks of the case)
_ASK_ON_IT = re.compile(
    r"\s*(?:(?:wij|we|ik)\s+)?(?:verzoeken|vragen|verzoek|vraag)\s+(?:u|je|jou)\s+(?:om\s+)?"
    r"(?:dit|dat|het|deze)\s+(?:bedrag|som)\b[^.?!]{0,80}?\b(?:over\s+te\s+maken|te\s+(?:betalen|voldoen))\b"
    r"|\s*wil(?:t|len)?\s+(?:u|je|jullie)\s+(?:dit|dat|het|deze)\s+(?:bedrag|som)\b[^.?!]{0,80}?\b(?:overmaken|betalen|voldoen)\b"
    # "Maak het binnen 10 dagen over via de knop hieronder."
    # (not "Maak het bedrag over": that names the sum the letter called "het hele bedrag")
    r"|\s*(?:maak|stort)\s+het\s+(?!bedrag\b|totaal\w*|geld\b|restant\b|saldo\b)(?:\w+\s+){0,5}?over\b",
    _F)
# "… nog € 498,36 openstaat, een bedrag dat u binnen een maand moet overmaken"
_MUST_AFTER = re.compile(r"\b(?:dat|die)\s+(?:u|je)\b[^.;]{0,80}?\b(?:moet|dient)\b", _F)
# "Er moet dus nog € 1.900,00 worden voldaan"
_MUST_STILL = re.compile(r"\b(?:moet|moeten|dient|dienen)\b(?:\s+\w+){0,3}?\s+nog\s*$", _F)
_COMPARISON = re.compile(r"\bter\s+vergelijking\b|\b(?:vorig|vorige|afgelopen)\s+jaar\b"
                         r"|\b(?:stond|was)\s+(?:er\s+)?een\s+(?:te\s+betalen\s+)?bedrag\b", _F)
_SHOULD_HAVE = re.compile(r"\bhad(?:den)?\b[^.;]{0,80}?\bmoeten\s+(?:ontvangen|betalen|krijgen|voldoen|hebben)\b", _F)
# "het resterende bedrag ad € 436,20, bestaande uit … en de hondenbelasting ad € 136,00, door u
# dient te worden voldaan": an amount in the list of parts is not what the verb asks
_PART_OF = re.compile(r"\b(?:bestaande\s+uit|opgebouwd\s+uit|samengesteld\s+uit)\b"
                      r"|\b(?:waarvan|daarvan)\s*(?:is\s+|zijn\s+)?$", _F)  # "(daarvan € 71,57 btw)"
_PART_LIST = re.compile(r"\b(?:bestaande\s+uit|opgebouwd\s+uit|samengesteld\s+uit)\b", _F)
_ON_TOP = re.compile(r"\s*(?:bovenop|boven\s+op|extra\s+bovenop)\b", _F)
_OWED_ELSEWHERE = re.compile(
    r"\b(?:achterstand|schuld)\s+bij\s+(?:uw|je|jouw)\s+(?:zorgverzekeraar|verzekeraar|verhuurder"
    r"|energieleverancier|leverancier)\b[^€\n]{0,30}$", _F)
# "De achterstand die u bij Welzorg Noord heeft opgebouwd, € 1.194,60, is niet naar ons
# overgegaan. Die schuld blijft bij uw verzekeraar.": a debt with a creditor the letter names,
# when the words after the sum say it stays there
_OWED_NAMED = re.compile(r"\b(?:achterstand|schuld)\s+(?:die|dat)\s+(?:u|je|jij)\s+bij\s+[^€.]{2,40}?\s+"
                         r"(?:heeft|hebt)\s+opgebouwd\W{0,3}$", _F)
_STAYS_THERE = re.compile(r"\bniet\s+(?:naar|aan)\s+ons\s+overgegaan\b|\bblijft\s+bij\s+(?:uw|je|de|die)\b"
                          r"|\bniet\s+(?:door|aan)\s+ons\s+overgenomen\b", _F)
_RECEIVED = re.compile(r"\b(?:gekregen|ontvangen|kreeg|kreegt|kregen|uitbetaald|ontving)\b"
                       r"|\b(?:wij|we)\s+hebben\s+(?:u|je|jou)\b", _F)  # "Wij hebben u … als voorschot betaald"
_STILL_PAY = re.compile(r"\b(?:u|je|jij)\s+betaalt\s+(?:dus\s+|daarom\s+|dan\s+|in\s+totaal\s+)*nog\s+"
                        r"(?:een\s+bedrag\s+van\s+)?$|\bbetaal\s+(?:je|jij)\s+(?:dus\s+|daarom\s+)*nog\s+$", _F)
_MUST_PAY_NOW = re.compile(r"\b(?:moet|moeten|dient)\s+(?:u|je|jij)\s+(?:(?:nu|dus|dan|daarom|in\s+totaal)\s+)*$", _F)
_HISTORY_TERM = re.compile(r"\b(?:verzonden|verstuurd|gestuurd|toegezonden|gezonden)\b[^.;]{0,120}$", _F)
_MUST_BE_IN = re.compile(r"\s*,?\s*(?:moet|moeten|dient|dienen)\b[^.;]{0,60}?\b(?:op\s+(?:onze|ons|mijn)\s+rekening\w*"
                         r"|bij\s+(?:ons|mij)\s+binnen\s+zijn|bijgeschreven"  # "dient uiterlijk op … te zijn bijgeschreven"
                         r"|(?:betaald|overgemaakt|voldaan)\s+(?:zijn|worden))\b", _F)
_CLAIM_AFTER = re.compile(r"\s*(?:vorderen|vordert|vragen|vraagt)\s+(?:wij|we)\b"
                          r"(?![^.;]{0,60}?\b(?:niet|geen)\b)[^.;]{0,60}?\bterug\b", _F)
_CLAIM_BACK = re.compile(r"\b(?:vorder|vraag|vrag)\w*\s+(?:wij|we)\s+(?:(?:nu|dus|daarom|daarmee|van\s+(?:u|je|jou))\s+){0,3}$", _F)


def _role(zone: str, after: str, labels: AmountLabels, row: bool = False, follow: str = "",
          part: bool = False) -> _Role:
    """The role of one amount from the words before it (`zone`), after it, and the sentence
    that follows. In order: refund wording; "niet te betalen"; a base column; thresholds and
    estimates (sentences); payments already made; rates ("per maand") unless a benefit; the
    label (first in a row, nearest in a sentence, else right after the amount); a sentence
    that asks to pay the amount; else "other"."""
    zone = _squash(zone)
    after = _squash(after)
    clause = f"{zone} € {after}"
    for p in _REFUND:
        m = p.search(clause) or (p.search(follow) if _ANAPHOR.match(follow) else None)
        if m and not re.search(r"\bterug\s*te\s+betalen|\bterugbetalen\b", m.group(), _F):
            return _Role("refund", _clip(m.group().replace(" € ", " … ")))
    if (x := _WAARVAN.search(zone)) is not None:
        # "Nog te betalen € 74,85 (waarvan btw 21%: € 12,99)": a part held in the sum before
        return _Role("other", _clip(x.group()), kind="part")
    if not row and (x := _LIMIT_AFTER.match(after)):
        # "Is het bedrag dat u moet terugbetalen € 116 of minder? Dan …": a limit in a question
        return _Role("other", _clip(x.group()), kind="threshold")
    neg = _NEGATED_PAY.search(clause)
    if neg:
        return _Role("other", _clip(neg.group()), kind="negated")
    if _BASE_AFTER.search(after):
        return _Role("other", None, kind="base")
    if not row and (part or (pm := _PART_OF.search(zone))):
        # "€ 412,36 (daarvan € 71,57 btw)", "… ad € 436,20, bestaande uit … € 300,20 en … € 136,00":
        # a part of the sum before it, never added to it again
        return _Role("other", _clip(pm.group()) if not part else None, kind="part")
    if not row and (x := _ON_TOP.match(after)):
        # "Dat maakt samen € 70,13 bovenop de factuur": costs that would come on top, no total
        return _Role("other", _clip(x.group()), kind="extra")
    if not row and (x := _OWED_ELSEWHERE.search(zone)):
        # "De achterstand bij uw zorgverzekeraar is € 1.037,10" in the CAK's letter: owed to
        # another party, not asked by this one
        return _Role("other", _clip(x.group()), kind="elsewhere")
    if not row and (x := _OWED_NAMED.search(zone)) and _STAYS_THERE.search(f"{after} {follow}"):
        return _Role("other", _clip(x.group()), kind="elsewhere")
    if not row and _ANAPHOR.match(follow) and (x := _NOT_THIS_ONE.search(follow)):
        # "Er staat nog € 330 open. Dat bedrag hoort niet bij deze aanslag en is niet meegeteld":
        # the letter itself says the sum is not what it asks
        return _Role("other", _clip(x.group()), kind="elsewhere")
    if not row and (h := _COMPARISON.search(zone)):
        # "Ter vergelijking: op uw voorlopige aanslag over 2026 stond een te betalen bedrag van
        # € 2.904": last year's figure, not this letter's ask
        return _Role("other", _clip(h.group()), kind="history")
    if (h := _SHOULD_HAVE.search(clause)) and not row:
        # "Voor december en januari had ik dus samen € 2.300 van u moeten ontvangen": what was
        # due then, before the part paid since
        return _Role("other", _clip(h.group()), kind="history")
    if not row and (x := _MUST_BE_IN.match(after)):
        # "De eerste maand, € 176,42, moet uiterlijk op 31 augustus op onze rekening staan": the
        # sum the sentence orders to be paid
        return _Role("total", _clip(x.group()), 3, kind="order")
    if not row and (x := _STILL_PAY.search(zone)):
        # "U betaalt nog € 308,00: uw betalingscapaciteit … plus …": the sum left to pay, said
        # in so many words
        return _Role("total", _clip(x.group().strip()), 3, kind="order")
    if not row and _MUST_PAY_NOW.search(zone) and re.match(r"\s*(?:te\s+)?betalen\b", after, _F):
        # "Met € 9,00 aanmaningskosten moet u nu € 296,00 betalen": the verb governs this sum,
        # whatever label stood before it in the sentence
        return _Role("total", "moet u nu … betalen", 3)
    claim = _CLAIM_BACK.search(zone)
    if not row and (m := _CLAIM_AFTER.match(after)) and not _THRESHOLD_BEFORE.search(zone):
        # "Het verschil van € 1.425 vorderen wij met deze beschikking van u terug"
        return _Role("total", _clip(m.group()), 3)
    if claim and not row and re.match(r"\s*terug\b", after, _F):
        # "… en daarom vorderen wij van u € 868,52 terug": the sum claimed back, whatever
        # label (loonheffing, bruto) stood earlier in the sentence.
        return _Role("total", _clip(claim.group()), 3)
    paying = _PAYING.search(clause)
    best = _pick_label(zone, row, labels)
    if best is not None and best[0].role == "benefit" and paying:
        best = _pick_label(labels.benefit.sub(lambda x: " " * len(x.group()), zone), row, labels)
    elif (best is not None and best[0].role == "total" and not paying
          and ((best[0].rank <= 1 and (b := labels.benefit.search(zone)))
               # "U krijgt in 2027 in totaal € 1.392 zorgtoeslag"
               or (best[0].rank <= 2 and (_RECEIVED.search(clause) or _U_KRIJGT.search(zone))
                   and (b := labels.benefit.search(after[:40]))))):
        # "Totaal voorschot 2027 (12 maanden)", "U kreeg in totaal € 1.476 aan voorschotten":
        # benefits added up
        best = (AmountLabel("benefit-words", "benefit", 0, labels.benefit), b)
    paid_re = _PAID_ROW if row else _PAID
    paid = None if _NOT_PAID.search(clause) else (paid_re.search(zone) or _PAID_AFTER.search(after))
    if row:
        # A table row: its label at the start decides ("Af: voorlopige aanslag", "Reeds
        # betaald op …", "Voorschot zorgtoeslag 2024 ontvangen").
        deduction = paid is not None and re.match(r"[\s|│]*(?:af|min|minus|-/-)\s*:", paid.group(), _F)
        if paid is not None and (best is None or paid.start() <= best[1].start()
                                 or paid.re is _PAID_AFTER) and (deduction or not (
            best is not None and best[0].role == "benefit"  # "Ontvangen voorschot huurtoeslag"
        )):
            # "Af: verrekende nabetaling huurtoeslag   € 420": a deduction, whatever it was
            return _Role("other", _clip(paid.group()), paid=True)
    else:
        m = _THRESHOLD_BEFORE.search(zone) or _ESTIMATE.search(zone)
        if m:
            return _Role("other", _clip(m.group()), kind="threshold")
        if paid is not None and not (best is not None and best[0].role == "benefit"):
            return _Role("other", _clip(paid.group()), paid=True)
    # "De huur is € 1.150 per maand, dus er staat nu € 2.300 open": the unit at the zone's start
    # belongs to the amount before
    # ("Per maand betaal je € 151,35": a capital opens this amount's own sentence)
    own = zone if zone.lstrip()[:1].isupper() else _PREVIOUS_UNIT.sub("", zone)
    rate = _RATE_AFTER.search(after) or _RATE_BEFORE.search(own)
    if rate and rate.re is _RATE_BEFORE and (_OPEN_BEFORE.search(zone) or _NOT_COLLECTED.match(after)):
        # "het openstaande termijnbedrag van € 112", "We konden je termijnbedrag van februari,
        # € 134,00, niet van je rekening afschrijven": one unpaid instalment, owed
        rate = None
    if rate and rate.re is _RATE_BEFORE and best is not None and best[0].role == "total" \
            and best[0].rank >= 2 and best[1].start() > rate.start():
        # "na afboeking van de reeds betaalde termijn resterende bedrag van € 57,96": the words
        # for the sum left stand after the instalment word and name this amount
        rate = None
    if rate and best is None and not paying:
        # "U krijgt € 123 per maand zorgtoeslag": a benefit paid per month.
        hint = _U_KRIJGT.search(zone) or labels.benefit.search(after[:60])
        if hint:
            return _Role("benefit", _clip(hint.group()))
    if rate and not (best is not None and best[0].role == "benefit"):
        return _Role("other", _clip(rate.group()), kind="rate")
    if best is None and (x := _INCL_AFTER.match(after)):
        # "… € 1.284,37 incl. rente en kosten": a sum that holds the rest
        return _Role("total", _clip(x.group().strip()), 2)
    if best is None:
        after_best = _pick_label(after[:40], True, labels)
        if after_best is not None and after_best[1].start() <= 12 and not (
            after_best[0].role == "benefit" and paying
        ):
            best = after_best
    if not row and (back := _WE_PAY_BACK.search(clause)):
        # "Omdat u de aanslag al volledig heeft betaald, storten we € 41,84 binnen zes weken terug
        # op uw rekening": money the sender pays the reader
        return _Role("refund", _clip(back.group()))
    if not row and (w := _WAIVED.search(zone) or _WAIVED_AFTER.match(after)):
        # "… dat aan U kwijtschelding wordt verleend voor de afvalstoffenheffing ten bedrage van
        # € 331,20": the part waived, not owed
        return _Role("other", _clip(w.group()), kind="waived")
    if not row and _ADDED_ON.search(zone):
        # "… het restant alsnog te betalen, vermeerderd met € 9,00 aanmaningskosten": a part put
        # on top of the sum the sentence asks, not that sum
        on_top = _pick_label(after[:40], True, labels)
        if on_top is not None and on_top[0].role in ("costs", "interest", "increase", "fine"):
            return _Role(cast(AmountRole, on_top[0].role), on_top[1].group().strip())
        return _Role("other", _clip(zone), kind="extra")
    # "Wij storten € 862 binnen 4 weken op uw rekening": the sender pays, no ask of the reader
    pay = _PAY_VERB.search(clause) if not _WE_PAY.search(clause) else None
    if not row and pay and not re.search(r"\bniet\b", zone, _F) and not part and not _PART_OF.search(zone) and (
        best is None or best[0].role in ("total", "principal")
        or (best[0].role == "other" and _OPEN_BEFORE.search(zone))
    ):
        # "Betaal de achterstand van € 317,90", "… het openstaande saldo van € 852,65 over te
        # maken": the letter says in so many words what to pay.
        label = best[1].group().strip() if best is not None else pay.group()
        # "Wij verzoeken u het bedrag van € 1.146,90 … over te maken": asked in so many words
        asked = "order" if (_REQUEST.search(zone) or _MUST_AFTER.search(after)
                            or _MUST_STILL.search(zone)) else ""
        return _Role("total", _clip(label), 3 if best is not None else 0,
                     pay_sentence=best is None, kind=asked)
    if best is not None:
        lab, m = best
        return _Role(cast(AmountRole, lab.role), m.group().strip(), lab.rank)
    unpaid = None if row else _NOT_PAID.search(clause)
    if unpaid is not None and not _THEN_OWED.search(clause):
        # "Het bedrag van € 186,50 hebben wij nog niet ontvangen": the sum still owed.
        return _Role("principal", _clip(unpaid.group()))
    return _Role("other", None)


def _in_list_of_parts(text: str, pos: int) -> bool:
    """The amount stands in a "bestaande uit …" list earlier in its own sentence."""
    back = text[max(0, pos - 240):pos]
    ends = list(_SENTENCE_END.finditer(back))
    if ends:
        back = back[ends[-1].end():]
    return bool(_PART_LIST.search(back))


# "Op 1 maart had u een achterstand van € 960,80. Deze bestaat uit:" and rows below it: the
# rows are the parts of that sum ("januari  restant € 212,60"), unless a row sums them up.
_BARE_SUM = re.compile(r"[\s,;:(–-]*(?:(?:dat|dit)\s+is\s+)?(?:in\s+totaal|samen|totaal|bij\s+elkaar|opgeteld)"
                       r"\s*:?\s*", _F)
_PARTS_INTRO = re.compile(r"\b(?:bestaat|bestaan|bestaande)\s+uit\s*:\s*$", _F)
_SUM_ROW = re.compile(r"\btota\w*|\b(?:samen|opgeteld)\b|\bte\s+betalen\b|\bnu\s+open\b", _F)


def _in_parts_block(text: str, pos: int) -> bool:
    """The amount's line is a row of a list whose intro line says it consists of parts (one
    blank line may stand between the intro and the list)."""
    ls, le = _line_bounds(text, pos)
    if _SUM_ROW.search(text[ls:le]):
        return False
    blank_seen = False
    for _ in range(8):
        if ls == 0:
            return False
        start, _ = _line_bounds(text, ls - 1)
        line = text[start:ls - 1]
        ls = start
        if not line.strip():
            if blank_seen:
                return False
            blank_seen = True
            continue
        if _PARTS_INTRO.search(line):
            return True
        if blank_seen or (not _CUR_BEFORE.search(line) and not re.search(r"\d", line)):
            return False  # prose, or a list that is not the intro's
    return False


def _clip(s: str, n: int = 60) -> str:
    s = _squash(s).strip()
    return s if len(s) <= n else s[:n].rstrip()


def _line_text(text: str, hit: _Hit) -> str:
    ls, le = _line_bounds(text, hit.start)
    line = text[ls:le].strip()
    if len(line) <= 160:
        return line
    a = max(ls, hit.start - 70)
    b = min(le, hit.end + 70)
    return _squash(text[a:b]).strip()[:160]


@dataclass(frozen=True)
class _Found:
    amount: Amount
    role: _Role
    row: bool
    conditional: bool
    order: tuple[int, int]
    line_key: str  # the row's text without spaces: one table row counted once


def _header_role(text: str, hit: _Hit, labels: AmountLabels) -> _Role | None:
    """The column header over an unlabelled amount ("Bruto per maand" over "€ 2.322,41")."""
    ls, le = _line_bounds(text, hit.start)
    col_a, col_b = hit.start - ls, hit.end - ls
    pos = ls
    # the rows below, over a wrapped cell's line ("behandeling (kroon), eigen  € 286,50" /
    # "bijdrage na vergoeding" / "controle   € 125,50")
    below = "\n".join(text[le + 1 :].split("\n", 3)[:2]) if le < len(text) else ""
    rows = 1 + bool(_CUR_BEFORE.search(below) or _CUR_AFTER.search(below))
    for _ in range(8):
        prev = _prev_line(text, pos)
        if prev is None:
            return None
        line = text[prev[0] : prev[1]]
        pos = prev[0]
        if _CUR_BEFORE.search(line) or _CUR_AFTER.search(line):
            rows += 1
            continue
        cells = list(re.finditer(r"\S+(?: \S+)*", line))
        if len(cells) < 2:
            return None
        cell = None
        for c in cells:
            if c.start() <= col_b + 2 and c.end() >= col_a - 2:
                cell = c
        if cell is None and cells[-1].start() < col_a:
            cell = cells[-1]
        if cell is None:
            return None
        r = _role(cell.group(), "", labels, row=False)
        if r.label is None:
            return None
        if r.role == "total" and r.rank <= 1 and rows > 1:
            # "Factuur   Datum   Bedrag   Status" over several rows: a list of amounts, each
            # no total to pay (the sum asked, if any, is stated elsewhere)
            return _Role("other", r.label, kind="list")
        if r.kind in ("rate", "threshold"):
            # "Bruto per maand": a benefit when the paragraph above speaks of one.
            above = text[max(0, pos - 400) : pos].rstrip()
            para = above[above.rfind("\n\n") + 1 :]
            if labels.benefit.search(para + " " + line):
                return _Role("benefit", _clip(cell.group()))
        return r
    return None


def _stacked_label(text: str, hit: _Hit, labels: AmountLabels) -> _Role | None:
    """A boxed amount with its label on the line above ("Te betalen" / "€ 1.234,00")."""
    ls, _ = _line_bounds(text, hit.start)
    prev = _prev_line(text, ls)
    if prev is None:
        return None
    ptext = text[prev[0] : prev[1]]
    if len(ptext.strip()) > 40 or _CUR_BEFORE.search(ptext):
        return None
    r = _role(ptext.rstrip(": \t"), "", labels, row=True)
    return r if r.label is not None else None


_WIDE_GAP = re.compile(r"[ \t]{4,}")


def _own_cell(zone: str) -> str:
    """A row whose line starts with the prose of another column ("… die u nog verschuldigd
    Betaald   € 20,00 -", a PDF's two columns on one line): only its own label cell counts."""
    cells = [c for c in _WIDE_GAP.split(zone.strip()) if c.strip(" |│")]
    if len(cells) >= 2 and sum(w.isalpha() and w.islower() for w in cells[0].split()) >= 5 \
            and len(cells[-1].split()) <= 5 and re.search(r"[A-Za-z]{3}", cells[-1]) \
            and not cells[0].lstrip().startswith(("|", "│")):
        return " " + cells[-1] + " "
    return zone


def _find_page(text: str, page: int, labels: AmountLabels) -> list[_Found]:
    hits = _hits(text, labels)
    out: list[_Found] = []
    first_on_line: _Hit | None = None
    for j, hit in enumerate(hits):
        prev_end = hits[j - 1].end if j else 0
        next_start = hits[j + 1].start if j + 1 < len(hits) else len(text)
        row = _is_row_line(text, hit)
        zone = _zone_before(text, hit, prev_end, labels)
        after = _zone_after(text, hit, next_start)
        same_line_prev = j > 0 and _line_bounds(text, hits[j - 1].start) == _line_bounds(
            text, hit.start
        )
        ls, _ = _line_bounds(text, hit.start)
        # "€ 64,20 + € 116,40 = € 180,60", "2 x € 151,35 = € 302,70": the terms and factors of a
        # sum the letter writes out
        operand = not row and (bool(re.fullmatch(r"\s*[+−–-]\s*", after)) or bool(_FACTOR_AFTER.match(after)) or (
            bool(re.search(r"[+−–-]\s*$", zone) or _FACTOR_BEFORE.search(zone)) and bool(re.match(r"\s*=", after))))
        if not same_line_prev:
            first_on_line = hit
        elif not re.search(r"[A-Za-z]|(?<![<>!=])=", zone):  # ("2 x € 152,35 = € 304,70": its own)
            # "Onroerendezaakbelasting   € 412.000   0,0442%   € 182,10": a later column takes
            # the row label at the start of the line.
            assert first_on_line is not None
            zone = text[ls : first_on_line.start]
        if row:
            zone = _own_cell(zone)
        role = _role(zone, after, labels, row=row, follow=_next_sentence(text, hit),
                     part=_in_list_of_parts(text, hit.start))
        if operand and role.role != "refund":
            role = _Role("other", role.label, kind="part")
        elif same_line_prev and role.role == "total" and re.fullmatch(r"\s*=\s*", zone):
            # "Jouw bijstand over juni: € 1.398,20 - € 657,30 = € 740,90": the result of a sum
            # on a line is what the line's label names
            head = text[ls : first_on_line.start] if first_on_line is not None else ""
            if (b := labels.benefit.search(head)) and not _PAYING.search(head):
                role = _Role("benefit", _clip(b.group()))
        if _in_parts_block(text, hit.start):
            role = _Role("other", None, kind="part")
        if row and j + 1 < len(hits) and _line_bounds(text, hits[j + 1].start) == _line_bounds(
            text, hit.start
        ) and not re.search(r"[A-Za-z]{3}", text[hit.end : hits[j + 1].start]) and (
            role.role != "benefit"
        ):
            # "3 vervuilingseenheden   € 92,18   € 276,54": a unit price or base column; the
            # rightmost amount carries the row.
            role = _Role("other", None, kind="base")
        if role.label is None and role.kind == "" and not zone.strip() and not after.strip():
            role = _stacked_label(text, hit, labels) or role
        if role.label is None and role.kind == "" and row:
            role = _header_role(text, hit, labels) or role
        if role.role == "other" and role.kind in ("", "rate") and _ANAPHOR_IS.match(zone):
            # "U krijgt AOW voor een alleenstaande. Dat is nu € 1.588,74 bruto per maand."
            prev = _previous_sentence(text, hit)
            if labels.benefit.search(prev) and not _PAYING.search(prev):
                role = _Role("benefit", _clip(labels.benefit.search(prev).group()))  # type: ignore[union-attr]
        if (not row and out and out[-1].role.role == "benefit" and role.role == "total"
                and _BARE_SUM.fullmatch(zone)
                and not re.search(r"[.!?]\s|\n\s*\n", text[hits[j - 1].end : hit.start])):
            # "U kreeg elke maand een voorschot van € 133, in totaal € 1.596": the year's sum
            # of a benefit is a benefit too, not a sum to pay
            role = _Role("benefit", out[-1].role.label)
        if (not row and out and out[-1].role.kind == "rate" and role.kind != "rate"
                and role.role in ("other", "principal", "costs")
                and _pick_label(zone, False, labels) is None
                and not re.search(r"[.!?]\s|\n\s*\n", text[hits[j - 1].end : hit.start])):
            # "Uw maandhuur van € 934,18 bestaat uit € 876,43 netto huur en € 57,75
            # servicekosten": the parts of a rate are no debt either.
            role = _Role("other", out[-1].role.label, kind="rate")
        if (not row and role.role == "total" and role.kind == ""
                and ((_HISTORY_TERM.search(zone) and is_past(zone))
                     # "Ter zake heeft eiseres op 14 juli de eindafrekening … aan gedaagde
                     # gezonden, welke … een te betalen saldo vermeldt van € 1.284,37"
                     or (_HISTORY_TERM.search(told_all := _sentence_up_to(text, hit)) and is_past(told_all)))):
            # "Eiseres heeft … factuur verzonden ten bedrage van € 1.214,60, te voldoen binnen 14
            # dagen": an old invoice's term, told as history
            role = _Role("other", role.label, kind="history")
        if (not row and role.role == "total" and role.rank <= 2 and role.kind == ""
                and _EARLIER.search(told := _sentence_up_to(text, hit)) and is_past(told)):
            # "Wij hebben u eerder aangeschreven over … vier maanden van € 29,95, samen
            # € 119,80": a sum told from an earlier letter, not what is owed now
            role = _Role("other", role.label, kind="history")
        if not row and role.role == "total" and role.kind != "order" \
                and _NOT_DONE.search(_sentence_up_to(text, hit)):
            # "Gedaagde is in gebreke gebleven de contributie … te voldoen, zijnde twaalf
            # termijnen, in totaal een hoofdsom van € 659,40": the debt told, not the sum asked
            role = _Role("principal", role.label, kind="history")
        if not row and role.role in ("total", "principal") and role.kind in ("", "order") and _BESIDES.search(
                _sentence_up_to(text, hit) + text[hit.end : hit.end + 160].split(". ")[0]):
            # "De lopende huur van december (€ 842,17) moet daarnaast gewoon worden betaald": an
            # ongoing payment beside the claim, not the sum the letter claims
            role = _Role("other", role.label, kind="besides")
        if not row and out and role.role != "total" and _BRACKET_AFTER_AMOUNT.match(text, hits[j - 1].end, hit.start):
            # "Wil je € 37,49 (contributie + € 2,50 stornokosten) overmaken": a part named in the
            # brackets after a sum
            role = _Role("other", role.label, kind="part")
        # a table row owed only later says so in its own label ("… na het verstrijken van de termijn")
        cond = _conditional(text, hit.start) if not row else bool(_LATER_LABEL.search(zone))
        if (not row and not cond and role.role in ("principal", "costs", "other")
                and role.kind == "" and not role.paid and _last_in_sentence(text, hit)
                and (m := _ASK_ON_IT.match(_next_sentence(text, hit)))):
            role = _Role("total", _clip(m.group()), 3, kind="order")
        if (row and not cond and role.role == "total" and role.rank < 3 and not role.paid
                and (m := _ASK_ON_IT.match(_text_after_row(text, hit)))):
            # "totaal open   € 1.074,80" / "Wilt u dit bedrag uiterlijk 17 juni over-/maken": the
            # table's last line is the sum the next sentence asks
            role = _Role("total", _clip(m.group()), 3, kind="order")
        if cond and role.role == "total" and _ORDER_ON_IT.match(_next_sentence(text, hit)):
            # "Betaalt u nog in 2026? Dan hoeft u alleen € 733,57 te betalen. Betaal dit bedrag
            # vóór 1 december.": the plain order that follows makes the sum the ask.
            cond = False
        if cond and _SETTLEMENT.search(_sentence_up_to(text, hit) + text[hit.end : hit.end + 300].split(". ")[0]) \
                and _OFFER_PAID.search(text[hit.end : hit.end + 200].split(". ")[0]):
            # "Indien u uiterlijk 2 november € 85,00 overmaakt, dan verlenen wij u finale
            # kwijting": a settlement offer; the sum offered is what the letter asks
            cond = False
            role = _Role("total", "finale kwijting", 3, kind="order")
        if cond and role.role not in ("refund", "benefit"):
            # "Als u niet op tijd betaalt, … incassokosten van € 61,88": not owed now.
            role = replace(role, role="other", rank=0, pay_sentence=False, kind="conditional")
        amount = Amount(
            value=hit.value,
            role=role.role,
            text=_line_text(text, hit),
            evidence=Evidence(page=page, start=hit.start, end=hit.end),
            label=role.label,
        )
        key = re.sub(r"\s+", "", _line_text(text, hit)).lower()
        out.append(_Found(amount, role, row, cond, (page, hit.start), key))
    return _sum_rows(text, _benefit_totals(text, _owed_advances(text, _under_headings(text, out))), labels)


# "… staan de volgende bedragen nog open: / - voorschot augustus 2026  € 31,00": a list the
# letter says is unpaid holds debts, whatever its lines are called
_OWED_INTRO = re.compile(r"\b(?:nog\s+)?(?:open|openstaand\w*|onbetaald\w*|niet\s+(?:\w+\s+)?betaald|achterstand\w*"
                         r"|achterstallig\w*)\b[^.\n]{0,40}:?\s*$", _F)


_SIDE_COLUMN = re.compile(r"\s{2,}[|│].*$|\s{6,}\S.*$")


def _owed_advances(text: str, found: list[_Found]) -> list[_Found]:
    out = list(found)
    for j, f in enumerate(found):
        if f.amount.role != "benefit" or not f.row or f.amount.evidence is None:
            continue
        before = text[max(0, f.amount.evidence.start - 600) : f.amount.evidence.start].split("\n")[:-1]
        intro = ""
        for line in reversed(before[-8:]):
            left = re.split(r"[|│]", line)[0]
            if re.search(r"€|\d+,\d{2}", left):
                continue  # another row of the list
            line = _SIDE_COLUMN.sub("", left).strip()  # "… nog open:      |  Klantenservice"
            if line and not line.startswith("("):
                intro = line
                break
        if intro and _OWED_INTRO.search(intro):
            out[j] = replace(f, amount=replace(f.amount, role="principal"),
                             role=replace(f.role, role="principal"))
    return out


# B1 letters put a question over each block ("Wat hoef je niet te betalen?", "Wat moet je wel
# betalen?"); the question says what the amounts in its block are.
_BLOCK_START = re.compile(r"\n[^\S\n]*\n")
_HEAD_NOT_TO_PAY = re.compile(
    r"^\s*(?:wat|welk\s+bedrag|welke\s+bedragen)\s+(?:hoeft|hoef|hoeven)\s+(?:u|je|jij|jullie)\s+"
    r"(?:(?:nu|dus|zelf)\s+)*niet\s+(?:meer\s+)?(?:te\s+|terug\s+te\s+)?betalen\b"
    r"|^\s*(?:wat|welk\s+bedrag)\s+(?:wordt|scheldt|schelden)\b[^?]*\bkwijt", _F)
_HEAD_TO_PAY = re.compile(
    r"^\s*(?:wat|hoeveel|welk\s+bedrag)\s+(?:(?:moet|moeten)\s+(?:u|je|jij|jullie)|(?:u|je|jij|jullie)\s+"
    r"(?:(?:nog|nu|dan|zelf|dus)\s+)*(?:moet|moeten))\s+"
    r"(?:(?:nog|wel|nu|dan|zelf|dus)\s+)*(?:terug\s*)?betalen\s*(?:\?|:?\s*$)", _F)  # (also "Wat je nog moet betalen" as a heading line)


def _heading_of(text: str, pos: int) -> str | None:
    """The question that opens the block (text after a blank line) the amount stands in."""
    starts = [m.end() for m in _BLOCK_START.finditer(text, max(0, pos - 1500), pos)]
    lo = starts[-1] if starts else max(0, text.rfind("\n", 0, max(0, pos - 1500)) + 1)
    nl = text.find("\n", lo, pos)
    first = text[lo:nl].strip() if nl >= 0 else ""  # the amount's own line is no heading
    if (first.endswith("?") or _HEAD_TO_PAY.search(first)) and len(first) <= 70:
        return first
    if len(starts) >= 2:
        # "Wat moet je nog betalen?" on its own, a blank line, then the block it heads
        above = text[starts[-2] : lo].strip()
        if "\n" not in above and above.endswith("?") and len(above) <= 70:
            return above
    return None


def _under_headings(text: str, found: list[_Found]) -> list[_Found]:
    """Amounts under "Wat hoef je niet te betalen?" are no ask; the one amount under "Wat moet
    je wel betalen?" is what is asked ("headed")."""
    out = list(found)
    blocks: dict[str, list[int]] = {}
    lone_rows: dict[str, list[int]] = {}
    for j, f in enumerate(found):
        if f.amount.evidence is not None and f.row \
                and (head := _heading_of(text, f.amount.evidence.start)) is not None and _HEAD_TO_PAY.search(head):
            lone_rows.setdefault(head, []).append(j)
        if f.amount.evidence is None or (f.row and f.amount.role != "total"):
            continue  # of a table under the heading, its total ("Wat moet u betalen?" / "Te betalen")
        head = _heading_of(text, f.amount.evidence.start)
        if head is None:
            continue
        if _HEAD_NOT_TO_PAY.search(head) and f.role.role not in ("refund", "benefit") and not f.row:
            out[j] = replace(f, amount=replace(f.amount, role="other"),
                             role=replace(f.role, role="other", rank=0, pay_sentence=False,
                                          kind="negated"))
        elif _HEAD_TO_PAY.search(head) and head.endswith("?"):
            blocks.setdefault(head, []).append(j)
    for head, rows in lone_rows.items():
        f = out[rows[0]]
        if len(rows) == 1 and head not in blocks and f.amount.role != "total" and not f.role.paid \
                and f.role.role not in ("refund", "benefit"):
            # "Wat je nog moet betalen" over one row ("Maandbedrag maart 2026   € 118,46"): that
            # row is the sum asked, whatever its label (a month's instalment here)
            blocks[head] = rows
            out[rows[0]] = replace(f, role=replace(f.role, kind=""))
    for idx in blocks.values():
        owed = [j for j in idx if out[j].role.kind in ("", "order", "sum") and not out[j].conditional]
        if len(owed) > 1:
            # "Je betaalt nog € 394,60. Dat is de € 240,00 … plus …": the one the sentence asks
            owed = [j for j in owed if out[j].role.pay_sentence] or owed
        if len(owed) > 1 and all(out[j].row for j in owed):
            owed = owed[-1:]  # a table under the question: its bottom line ("Te betalen   € 599")
        if len(owed) == 1:
            f = out[owed[0]]
            out[owed[0]] = replace(f, amount=replace(f.amount, role="total"),
                                   role=replace(f.role, role="total", rank=3, kind="headed"))
    return out


_DEBT_ROLES = ("principal", "interest", "costs", "fine", "increase")


def _benefit_totals(text: str, found: list[_Found]) -> list[_Found]:
    """A bare "Totaal" row under benefit rows sums a benefit, not a debt ("Voorschot per maand
    € 287" / "Totaal voor juli tot en met december € 1.722"): role benefit. Only a rank-1 total
    (no "te betalen"), only when the rows right above it (no blank line between) hold a benefit
    and no debt component."""
    out = list(found)
    for j, f in enumerate(found):
        if not (f.row and f.role.role == "total" and f.role.rank <= 1 and f.role.kind != "sum"):
            continue
        above: list[_Found] = []
        pos = f.amount.evidence.start if f.amount.evidence else 0
        for k in range(j - 1, -1, -1):
            g = found[k]
            if not g.row or g.amount.evidence is None:
                break
            gap = text[g.amount.evidence.end : pos]
            if re.search(r"\n[^\S\n]*\n", gap) or gap.count("\n") > 2:
                break
            above.append(g)
            pos = g.amount.evidence.start
        if any(g.role.role == "benefit" for g in above) and not any(
            g.role.role in _DEBT_ROLES or g.role.paid for g in above
        ):
            label = f.role.label or "totaal"
            out[j] = replace(f, amount=replace(f.amount, role="benefit", label=label),
                             role=_Role("benefit", label))
    return out


def _sum_rows(text: str, found: list[_Found], labels: AmountLabels) -> list[_Found]:
    """A row that equals the sum of the rows right above it is a total ("Openstaand € 412,50"
    under three treatment rows; "Openstaand saldo" under "Totaal" and "Reeds betaald")."""
    rows = [k for k, f in enumerate(found) if f.row]
    if len(rows) < 3:
        return found
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    blocks: list[list[int]] = []
    last_line = -10
    for k in rows:
        ev = found[k].amount.evidence
        assert ev is not None
        line_no = bisect.bisect_right(starts, ev.start) - 1
        same = blocks and line_no == last_line
        if same:
            blocks[-1][-1] = k  # the rightmost amount of a row stands for the row
        elif blocks and line_no - last_line <= 3 and _only_rules_between(
            lines[last_line + 1 : line_no]
        ):
            blocks[-1].append(k)
        else:
            blocks.append([k])
        last_line = line_no
    out = list(found)
    for block in blocks:
        values = []
        for k in block:
            f = out[k]
            v = f.amount.value
            if f.role.paid:
                v = -abs(v)
            values.append(v)
        for j in range(2, len(block)):
            f = out[block[j]]
            if not _promotable(f, labels.subtotal):
                continue
            for i in range(j - 1):
                if sum(values[i:j]) == values[j] and values[j] > 0:
                    # a sum the letter itself labels ("U moet nog betalen") outranks a bare one
                    rank = max(f.role.rank, 2 if f.role.label else 1)
                    label = f.role.label or "som van de regels erboven"
                    out[block[j]] = replace(
                        f,
                        amount=replace(f.amount, role="total", label=label),
                        role=_Role("total", label, rank,
                                   kind="headed" if f.role.kind == "headed" else "sum"),
                    )
                    for k in block[i:j]:
                        out[k] = _as_summand(out[k])
                    break
    return out


def _as_summand(f: _Found) -> _Found:
    """A row counted in a total below it is part of the debt, not the amount to pay.

    "Nog te betalen op de aanslag € 326" above costs and "Totaal € 339" is the principal; an
    unlabelled month or invoice row ("februari 2026   € 143,00") too; a subtotal stays a sum.
    """
    r = f.role
    if r.paid or r.role in ("refund", "benefit"):
        return f
    to: AmountRole | None = None
    if r.role == "total":
        to = "other" if r.kind == "sum" else "principal"
    elif r.role == "other" and (r.label is None and r.kind == "" or r.kind in ("rate", "list")):
        to = "principal"
    if to is None:
        return f
    return replace(f, amount=replace(f.amount, role=to), role=replace(r, role=to, rank=0))


# a table's rule line: "-----", "=====", "+------+------+", "├──────┼──────┤"
_RULE_LINE = re.compile(r"\s*[-=_.+|│─═┼├┤┌┐└┘]{3,}\s*")


def _only_rules_between(lines: list[str]) -> bool:
    # a second column beside the table ("-------------      |  Postadres") is not in it
    lines = [_SIDE_COLUMN.sub("", ln) for ln in lines]
    return all(not ln.strip() or (_RULE_LINE.fullmatch(ln) and sum(c in "-=_.─═" for c in ln) >= 3)
               for ln in lines) and (sum(1 for ln in lines if not ln.strip()) <= 1)


# A tax computation's base ("Belastbaar inkomen uit werk en woning", "Geschatte winst", "WOZ-
# waarde"): a line that may equal the rows above it, never a sum to pay
_BASE_LABEL = re.compile(r"inkomen|winst|belastbaa?r|\bloon\b|omzet|vermogen|grondslag|waarde|\bwoz\b", _F)


def _promotable(f: _Found, subtotal: re.Pattern[str]) -> bool:
    if f.role.paid or f.role.role in ("refund", "benefit"):
        return False
    if _BASE_LABEL.search(f.role.label or "") or _BASE_LABEL.search(f.amount.text.split("€")[0]):
        return False  # ("Loon dat we aftrekken   € 657,30": a step of an income's computation)
    if f.role.role == "total":
        return True
    label = (f.role.label or "").lower()
    if re.search(r"\bmaand(?:huur|premie|bedrag)\b|\bper\s+(?:maand|termijn|kwartaal|jaar|week|dag)\b", label):
        return False  # "kale huur / servicekosten / totale maandhuur": a month's rent, no debt
    if f.role.role == "other":
        # a subtotal's own words (the label family 'subtotaal': "Totaal extra kosten" sums costs
        # that come only later, "Totaal box 1" a tax step): a sum, not the total to pay
        return f.role.kind in ("", "rate") and not subtotal.search(label)
    return f.role.role == "principal" and bool(
        re.search(r"openstaand|achterstand|saldo|bedrag", label)
    )


def _find(pages: Sequence[str], labels: AmountLabels | None) -> list[_Found]:
    labels = labels if labels is not None else load_amount_labels()
    found: list[_Found] = []
    for i, text in enumerate(pages):
        if text:
            found.extend(_find_page(text, i + 1, labels))
    return _settle_totals(_lost_commas(found))


_CENTS = re.compile(r"\d[,.]\d{2}(?!\d)")
_DIGITS_ONLY = re.compile(r"(?<![\d.,])\d{3,}(?![\d.,])")


def _lost_commas(found: list[_Found]) -> list[_Found]:
    """OCR often drops a decimal comma: "Totaal € 51237" above "Betaal € 512,37". An amount
    printed as bare digits that are exactly the digits of an amount with cents elsewhere on the
    letter is that amount (a letter naming both € 51.237 and € 512,37 is not seen)."""
    cents = {round(f.amount.value * 100) for f in found if _CENTS.search(f.amount.text)}
    if not cents:
        return found
    out = []
    for f in found:
        m = _DIGITS_ONLY.search(f.amount.text)
        if m and not _CENTS.search(f.amount.text) and int(m.group()) in cents \
                and round(f.amount.value) == int(m.group()):
            value = Decimal(int(m.group())).scaleb(-2)
            f = replace(f, amount=replace(f.amount, value=-value if f.amount.value < 0 else value))
        out.append(f)
    return out


# A request to the reader to pay the amount: "Betaal …", "Maak € … over", "Ik verzoek u het
# bedrag … over te maken", "Wilt u … betalen?"
_REQUEST = re.compile(r"\b(?:verzoek\w*|vraag|vragen)\s+(?:ik|wij|we)?\s*(?:u|je|jou)\b"
                      r"|\b(?:u|je)\s+betaalt\s+(?:het|dit|dat|deze)\s+(?:bedrag|totaal)\b"  # "U betaalt het bedrag van € 3.168 in 11 termijnen"
                      r"|\bwilt\s+(?:u|je)\b|\bwil\s+(?:je|jij)\b|\b(?:u|je)\s+(?:nu\s+|dan\s+|nog\s+|dus\s+|daarom\s+)?(?:moet|dient)\b"
                      r"|\b(?:moet|dient)\s+(?:u|je)\b"
                      r"|\bzorg\s+(?:er\s+(?:voor\s+)?)?dat\s+(?:wij|we)\b"
                      # "Wij geven u hierbij de gelegenheid om het bedrag van € … te betalen"
                      r"|\b(?:geven|bieden)\s+(?:wij\s+|we\s+)?(?:u|je)\s+(?:hierbij\s+|nog\s+|nu\s+)*(?:de\s+|een\s+)?"
                      r"(?:laatste\s+)?(?:gelegenheid|kans)\b", _F)


def _is_order(f: _Found) -> bool:
    return (f.role.pay_sentence and not f.conditional and f.amount.value > 0
            and bool(f.role.kind == "order" or _IMPERATIVE.match(f.role.label or "")
                     or _REQUEST.search(f.amount.text)))


def _named_instalment(f: _Found) -> bool:
    """The amount's own line calls it an instalment: "De eerste termijn van € 32 moet …"."""
    whole = int(abs(f.amount.value))
    digits = f"{whole:,}".replace(",", ".")
    return bool(re.search(rf"\b(?:termijn|maandbedrag|maandtermijn|deelbetaling|aflossing)\w*\s+(?:van\s+)?(?:€|eur)\s?"
                          rf"{re.escape(digits)}(?![\d.])", f.amount.text, _F))


def _multiple_of(whole: Decimal, part: Decimal) -> bool:
    """`whole` is two or more times `part`, give or take the cents of an uneven last term."""
    k = round(whole / part)
    return k >= 2 and abs(whole - k * part) <= Decimal("0.05") * k


def _due_total(found: Sequence[_Found]) -> _Found | None:
    """The total to pay: the most specific label, the last one when it stands more than once."""
    totals = [f for f in found if f.amount.role == "total" and f.amount.value > 0
              and not f.role.pay_sentence and not f.conditional]
    asked = {f.amount.value: f for f in found if _is_order(f)}
    if not totals:
        return None
    best = max(f.role.rank for f in totals)
    tied = [f for f in totals if f.role.rank == best]
    if len(tied) > 1:
        # "kosten van dit exploot € 121,39 … totaal € 1.891,74" with, further on, the exploot's
        # own specification "Totaal € 121,39": a total that is an item of the bigger bill is
        # no sum asked
        items = {f.amount.value for f in found if f.amount.role in ("costs", "interest", "fine", "increase")}
        big = max(f.amount.value for f in tied)
        tied = [f for f in tied if not (f.amount.value in items and f.amount.value < big)] or tied
    if len(tied) > 1:
        # "U moet € 749 terugbetalen. … De eerste termijn van € 32 moet uiterlijk op 16 oktober op
        # onze rekening staan": of two sums ordered, the one named as an instalment is a part
        whole = [f for f in tied if not _named_instalment(f)]
        tied = whole or tied
    if len(tied) > 1:
        # "U betaalt het totaalbedrag in twee gelijke delen van € 680,44" and a slip's "Bedrag EUR
        # 680,44" beside "Totaal aanslagbedrag € 1.360,88": the slip is for one instalment
        rates = {f.amount.value for f in found if f.role.kind == "rate" and f.amount.value > 0}
        tied = [f for f in tied if not (f.amount.value in rates and any(
            _multiple_of(g.amount.value, f.amount.value) for g in tied))] or tied
    if len(tied) > 1:
        # "Je eerste aflossing van € 150 … Op diezelfde dag moet ook je gewone huur van € 712,40
        # binnen zijn. Je maakt die dag dus in totaal € 862,40 over": a day's transfer that holds
        # the ongoing rent beside the claim is not the claim
        beside = [f.amount.value for f in found if f.role.kind == "besides"]
        parts = [f.amount.value for f in found if f.role.kind != "besides" and f.amount.value > 0]
        tied = [f for f in tied if not any(f.amount.value == b + p for b in beside for p in parts)] or tied
    due = tied[-1]
    extras = [f.amount.value for f in found if f.amount.role in ("interest", "costs", "increase")
              and not f.conditional and f.amount.value > 0]
    # "Nog te betalen belasting € 1.249 / Plus: belastingrente € 17 / U moet betalen € 1.266":
    # a row that is the named total plus its interest or costs is the sum asked, whatever its
    # label's rank: next to the total in the same table, or a computation's own sum row
    later = [f for f in found if f.row and not f.conditional and not f.role.paid
             and f.amount.role in ("total", "other")
             and any(f.amount.value - due.amount.value == x for x in extras)
             and (f.role.kind == "sum" or (due.row and f.order > due.order and f.order[0] == due.order[0]
                                           and f.order[1] - due.order[1] <= 400))]
    if later:
        return later[0]
    if len(extras) >= 2 and (whole := [f for f in found if f.amount.role == "total" and not f.conditional
                                       and f.order > due.order and f.amount.value == due.amount.value + sum(extras)]):
        # "Het restant van de aanslag, € 1.650, komt daarmee op een totaal van € 1.671,91" after
        # € 18 costs and € 3,91 interest: the total that holds the rest and all of them
        return whole[0]
    if len(asked) == 1 and (a := next(iter(asked))) > due.amount.value and any(
            a == due.amount.value + f.amount.value for f in found
            if f is not due and f.amount.role in ("principal", "total") and not f.conditional):
        # "er staat nog € 255 open. De huur over december, € 1.045, is helemaal niet betaald. …
        # Wij geven u de gelegenheid deze € 1.300 … te betalen": the order holds both
        return asked[a]
    for f in sorted(tied, key=lambda t: -t.amount.value):
        if any(f.amount.value - g.amount.value == x for g in tied for x in extras):
            # "Nog te betalen € 844 / Belastingrente € 17 / Totaal te betalen € 861": the total
            # that holds the other one and its interest or costs is the sum asked
            due = f
            break
    instalments = {f.line_key: f.amount.value for f in found
                   if f.role.kind == "rate" and re.search(r"termijn|\bdeel\b", f.role.label or "", _F)}
    whole = [f for f in tied if len(instalments) >= 2 and best < 3
             and sum(instalments.values()) == f.amount.value]
    if whole:
        # "1e termijn € 419,56 / 2e termijn € 419,55" under "Totaal aanslag € 839,11", and a slip
        # for the first term only: the sum the terms make up is what the letter asks
        due = whole[-1]
    if len(asked) == 1 and any(a - due.amount.value == x for a in asked for x in extras):
        # "het nog openstaande deel van € 348,66 plus de aanmaningskosten … U moet ons dus nu
        # € 357,66 betalen": the order holds the total and the costs
        return next(iter(asked.values()))
    if len(asked) == 1 and best < 3 and due.amount.value not in asked:
        # "Totaal bruto € 1.386,42" beside "Maak € 871,90 over naar …": the letter's own order
        # to pay names the sum; a table's total may be another figure (gross, before a part)
        return next(iter(asked.values()))
    return due


def _settle_totals(found: list[_Found]) -> list[_Found]:
    """Only the total that must be paid stays "total"; subtotals and other sums become "other"."""
    due = _due_total(found)
    if due is None:
        return found
    keep = due.amount.value
    out = []
    for f in found:
        if f is due and (f.amount.role != "total" or f.role.pay_sentence):  # its own order to pay
            f = replace(f, amount=replace(f.amount, role="total"),
                        role=replace(f.role, role="total", rank=3, pay_sentence=False))
        elif f.amount.role == "total" and f.amount.value != keep:
            f = replace(f, amount=replace(f.amount, role="other"), role=replace(f.role, role="other"))
        out.append(f)
    return out


def find_amounts(pages: Sequence[str], labels: AmountLabels | None = None) -> list[Amount]:
    """Every money amount on the letter, in reading order, each with the role its label gives.

    `labels`: the amount labels in force (phrasings.load_amount_labels with a team's folders),
    the shipped ones when None. Never raises on odd text; an amount without a recognised label
    gets role "other".
    """
    return [f.amount for f in _find(pages, labels)]


# --- what is due now ----------------------------------------------------------------------------

_COMPONENTS = ("principal", "interest", "costs", "fine", "increase")
# "hoeft" alone is no negation: "Dan hoeft u alleen het nettobedrag te betalen" asks a sum.
_NOT = re.compile(r"\b(?:niet|geen|nooit)\b|\b(?:hoeft|hoef)\b.{0,40}\b(?:niets|niks)\b"
                  # "Stort niets op onze rekening zolang UWV de premie inhoudt"
                  r"|\b(?:stort|betaal|maak)\s+(?:dan\s+|dus\s+|zelf\s+)?(?:niets|niks)\b", _F)


# "U hoeft de premie dus niet zelf aan ons over te maken", "… hoeft het bedrag van € 371,25 niet te
# betalen"
_NOTHING_TO_PAY = re.compile(r"\b(?:be)?(?:hoeft|hoef)\s+(?:u\s+|je\s+)?(?:de|het|dit|dat|die|deze)\s+(?:(?!nog\b)\S+\s+){1,5}?"
                             r"(?:(?:dus|daarom|verder|zelf|ook|nu)\s+)*niet\s+(?:(?:zelf|meer|aan\s+ons)\s+)*"
                             r"(?:te\s+betalen|over\s+te\s+maken|te\s+voldoen)\b"  # "U hoeft de premie dus niet zelf over te maken"
                             # "U hoeft zelf aan ons niets te doen of te betalen.", "U hoeft voor deze
                             # aanslag niets te doen en ook niets te betalen."
                             # "Tot die tijd behoeft hij niets te betalen" (old style, of a client)
                             r"|\b(?:be)?(?:hoeft|hoef)\s+(?:u|je|jij)?\s*(?:(?!niets\b|niks\b|geen\b|alleen\b|nog\b)\w+\s+){0,4}?"
                             # ("U hoeft geen belastingrente te betalen": no interest, the tax itself stays)
                             r"(?:niets|niks|geen\s+(?!\w*(?:rente|kosten|boete|btw|verhoging)\b)\w+)\s+(?:meer\s+)?(?:aan\s+ons(?:\s+kantoor)?\s+)?(?:terug\s+)?"
                             r"(?:te\s+doen\s+(?:of|en)\s+(?:ook\s+)?(?:niets\s+)?)?(?:te\s+betalen|over\s+te\s+maken|te\s+voldoen"
                             # "U behoeft … zelf geen betalingen aan ons kantoor te verrichten"
                             r"|te\s+verrichten)\b"
                             # "We vragen jullie nu niet om dit bedrag meteen te betalen."
                             r"|\b(?:vragen|vraag)\s+(?:wij\s+|we\s+|ik\s+)?(?:u|je|jullie)\s+(?:nu\s+)?niet"
                             r"\s+om\b[^.]{0,60}\bte\s+betalen\b"
                             # "Het is derhalve niet nodig dat u daarnaast zelf betalingen verricht"
                             r"|\bniet\s+nodig\s+(?:dat\s+(?:u|je)|om)\b[^.]{0,60}\b(?:betaling\w*|betaalt"
                             r"|te\s+betalen|overmaakt|over\s+te\s+maken)\b"
                             # the verb last, as in a subordinate clause: "zodat u zelf niets hoeft over
                             # te maken", "dat gerequireerde zelf geen betalingen behoeft te verrichten"
                             r"|\b(?:niets|niks|geen\s+(?:geld|bedrag|betaling\w*))\s+(?:meer\s+)?(?:zelf\s+)?"
                             r"(?:hoeft|hoeven|behoeft|behoeven)\s+(?:te\s+betalen|over\s+te\s+maken|te\s+voldoen"
                             r"|te\s+verrichten|over\s+te\s+boeken)\b"
                             # "geen verdere betalingen verschuldigd", "u bent niets meer verschuldigd"
                             r"|\bgeen\s+(?:verdere\s+|andere\s+)?betaling\w*\s+(?:meer\s+)?(?:verschuldigd|te\s+verrichten"
                             # "Van verzoeker wordt … geen verdere betaling verlangd"
                             r"|verlangd|gevraagd|gevorderd)\b"
                             r"|\b(?:niets|niks)\s+(?:meer\s+)?verschuldigd\b"
                             # the object first: "Dit bedrag hoef je niet meer te betalen."
                             r"|\b(?:dit|dat|het|deze|die)\s+(?:bedrag|geld|som)\s+(?:be)?(?:hoeft|hoef)\s+(?:u|je|jij)\s+"
                             r"(?:dus\s+|ook\s+|daarom\s+)*niet\s+(?:meer\s+)?(?:te\s+betalen|over\s+te\s+maken|te\s+voldoen)\b", _F)
# Not yet: the payment is asked in a later letter of its own ("U hoeft nu nog niets te betalen.
# … krijgt u van ons een aparte betaalbrief"); an ask in this one is no ask to pay now.
_NOT_YET = re.compile(r"\b(?:hoeft|hoef)\s+(?:u\s+|je\s+)?(?:nu\s+)?nog\s+(?:niets|niks|geen\s+\w+|niet)\b"
                      r"|\bmaak\s+(?:dus\s+)?(?:nu\s+)?nog\s+geen\s+(?:geld|bedrag)\b", _F)
# Paid by a direct debit that runs on ("Wij schrijven het bedrag … af van uw rekening. U hoeft
# daarvoor niets te doen."): with no ask in the letter, its sums are no ask either.
_DIRECT_DEBIT = re.compile(r"\bautomatisch\w*\s+(?:af\s*(?:ge)?schr\w*|ge[ïi]n\w+|incasso)\b|\bautomatische\s+incasso\b"
                           r"|\b(?:schrijven|schrijft)\s+(?:wij\s+|we\s+)?(?:\S+\s+){0,10}?af\b|\bmachtiging\b", _F)
_NOTHING_TO_DO = re.compile(r"\b(?:hoeft|hoef|hoeven)\s+(?:u\s+|je\s+|jij\s+)?(?:(?:daarvoor|hiervoor|daar|zelf|verder|dus)\s+)*"
                            r"(?:niets|niks)\s+(?:meer\s+)?(?:voor\s+)?te\s+doen\b", _F)
_LATER_PAY_LETTER = re.compile(r"\b(?:aparte|afzonderlijke|nieuwe|volgende)\s+(?:betaalbrief|brief|betalingsbrief|acceptgiro)\b"
                               r"|\bbetaalbrief\b", _F)
_PAY_BACK = re.compile(r"\b(?:betaal|betaalt|betalen|terugbetalen|terugbetaalt|terug\s+te\s+betalen"
                       r"|over\s*te\s*maken|overmaken|voldoen|maak\b[^.]{0,60}\bover"  # "Maak iedere termijn over naar …"
                       r"|(?:moet|moeten|dient|dienen)\b[^.]{0,60}\bbetaald)\b", _F)  # not "al betaald"


# The sender pays: "Daarna betalen wij uit.", "wij maken het bedrag over naar uw rekening".
_WE_PAY = re.compile(r"\b(?:betalen|betaalt|storten|maken)\s+(?:wij|we)\b"
                     # "Van uw teruggaaf gebruiken wij € 684 om die aanslag te betalen": a set-off
                     r"|\b(?:gebruiken|verrekenen|benutten)\s+(?:wij|we)\b|\b(?:wij|we)\s+(?:gebruiken|verrekenen)\b"
                     # "Wij storten € 862 binnen 4 weken op rekeningnummer NL86 …"
                     r"|\b(?:wij|we)\s+(?:storten|betalen|maken)\b[^.]{0,80}\b(?:op|naar)\s+(?:uw\s+|je\s+|jouw\s+|de\s+)?(?:bank)?rekening\w*"
                     r"|\b(?:wij|we)\s+(?:\w+\s+){0,4}?(?:betalen|storten|over\s*te\s*maken|overmaken|maken)\b"
                     r"[^.]{0,60}\b(?:uit|terug|over|naar\s+(?:uw|je|jouw)\s+rekening)\b|\buit\s*(?:te\s+)?betal", _F)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _sentences(text: str) -> list[str]:
    """Rough sentences: cut after . ! ? and at blank lines (enough to judge one ask at a time)."""
    return _SENTENCE_SPLIT.split(text)


def asks_to_pay(text: str, verbs: re.Pattern[str] = _PAY_VERB) -> bool:
    """A sentence asks the reader to pay ("Betaal …", "… over te maken"); "Dat hoef je niet te
    betalen" and "Daarna betalen wij uit" do not."""
    return any(verbs.search(s) and not _NOT.search(s) and not _WE_PAY.search(s)
               for s in _sentences(text))


# A row of a computation ("Te betalen belasting        € 2.310"): a label, no sentence that asks.
_TABLE_ROW = re.compile(r"^[^\n]*\S[ \t]{2,}[-–]?[ \t]*(?:€|EUR)[^\n]*$", re.MULTILINE)
# What a real ask names: a sum, "het bedrag", or a term ("Die betaalt u voor het hele jaar"
# tells how a tax works; it asks nothing).
_ASK_OBJECT = re.compile(r"€|\beur\b|\bbedrag\b|\btotaal\b|\bvóór\b|\buiterlijk\b|\bbinnen\b", _F)


# An ask, not a statement of how paying works ("UWV betaalt het bedrag aan ons"): an imperative,
# a must, a request or a term.
_ASK_FORM = re.compile(r"^\s*(?:betaal|maak|stort|voldoe|zorg)\b|\bwilt?\s+(?:u|je)\b|\b(?:moet|moeten|dient|dienen|verzoeken|verzoek"
                       r"|vragen|graag|vóór|uiterlijk|binnen)\b", _F)


_THEN_AFTER_QUESTION = re.compile(r"\s*dan\b", _F)
# "Die schuld moet u nog steeds aan uw zorgverzekeraar betalen" in the CAK's letter: an ask, but
# of another party, not of the letter's sender
_PAY_ELSEWHERE = re.compile(r"\baan\s+(?:uw|je|jouw)\s+(?:zorgverzekeraar|verzekeraar|verhuurder"
                            r"|energieleverancier|leverancier|schuldeiser)\b"
                            # "Die achterstand moet u nog steeds betalen aan Zilverlinde": a debt
                            # that stays with its own creditor
                            r"|\bnog\s+steeds\s+(?:\w+\s+)?(?:betalen|voldoen)\s+aan\b"
                            # "… moet u nog steeds aan ZorgSamen betalen"
                            r"|\bnog\s+steeds\s+aan\s+(?!ons\b|mij\b)\w+(?:\s+\w+){0,2}?\s+(?:betalen|voldoen)\b", _F)


# "Wij vragen UWV om de premie … aan ons te betalen": an ask of another body, not of the reader
_ASKS_OTHER = re.compile(r"\b(?:wij|we|ik)\s+(?:vragen|vraag|verzoeken|verzoek)\s+(?!u\b|je\b|jou\b|jullie\b)"
                         r"(?:de\s+|het\s+|uw\s+)?[A-Z]\w+\s+(?:om\s+)?", re.MULTILINE)


# "Heeft u nog andere toeslagen die u moet terugbetalen?": a question about the reader's case
_CASE_QUESTION = re.compile(r"^\W*(?:heeft|hebt|heb|bent|ben|krijgt|krijg|zit|woont|woon)\s+(?:u|je|jij)\b[^?]*\?\s*$", _F)


def _real_ask(sentence: str) -> bool:
    return (asks_to_pay(sentence, _PAY_BACK) and bool(_ASK_FORM.search(sentence))
            and not _CASE_QUESTION.match(sentence)
            and not _PAY_ELSEWHERE.search(sentence) and not _ASKS_OTHER.search(sentence)
            # "Stopt uw uitkering? Dan sturen wij u een brief over hoe u dan zelf moet betalen."
            and not _THEN_AFTER_QUESTION.match(sentence))


def _asks_sum(text: str) -> bool:
    return any(asks_to_pay(s) and _ASK_OBJECT.search(s)
               for s in _sentences(text))


def amount_due(amounts: Sequence[Amount], pages: Sequence[str],
               labels: AmountLabels | None = None) -> Decimal | None:
    """What must be paid now, or None for a refund, a benefit or an information letter.

    1. The labelled total to pay (find_amounts leaves only that one with role "total"; of
       several, the most specific label, the last one when a payment stub repeats it).
    2. No total, but a refund or a benefit: None.
    3. Else the sum of hoofdsom, rente, kosten, boete and verhoging, minus what was paid, each
       table row counted once and amounts in "Als u niet betaalt …" sentences left out.
    4. Else the single amount in a "betaal € …" sentence (also before 3 when it is at least
       the sum of the parts, which it then holds).
    Termijnen: the total asked, never one termijn (termijnen are role "other").
    `pages` lets the context of each amount be read again; amounts not found there are judged
    on their role and label alone.
    """
    labels = labels if labels is not None else load_amount_labels()
    return _due(_infos(list(amounts), _find(pages, labels), labels), pages)


def amounts_and_due(pages: Sequence[str], labels: AmountLabels | None = None
                    ) -> tuple[list[Amount], Decimal | None, bool]:
    """find_amounts and amount_due in one pass over the letter (the finder runs once), and
    whether the letter says the reader pays nothing now (`says_pay_nothing`)."""
    labels = labels if labels is not None else load_amount_labels()
    found = _find(pages, labels)
    amounts = [f.amount for f in found]
    nothing = says_pay_nothing(pages)
    return amounts, None if nothing else _due(_infos(amounts, found, labels), pages), nothing


def _infos(amounts: list[Amount], found: list[_Found], labels: AmountLabels) -> list[_Found]:
    """Each amount with the context its finder saw (or judged on its role and label alone)."""
    ctx = {f.order: f for f in found}

    def info(a: Amount) -> _Found:
        if a.evidence is not None and (a.evidence.page, a.evidence.start) in ctx:
            f = ctx[(a.evidence.page, a.evidence.start)]
            return replace(f, amount=a)
        paid = bool(a.label and (_PAID_ROW.search(a.label) or _PAID_AFTER.search(a.label)))
        rank = next((lab.rank for lab in labels.labels if lab.role == "total" and a.label
                     and lab.pattern.search(a.label)), 0)
        r = _Role(a.role, a.label, rank, paid=paid, pay_sentence=a.role == "total" and rank == 0)
        return _Found(a, r, True, False, (0, 0), a.text)

    return [info(a) for a in amounts]


# "Wij houden het bedrag in op uw WW-uitkering", "… opgedragen de premie in te houden op uw loon":
# the money is taken, so beside "U hoeft zelf niets over te maken" an earlier "moet u
# terugbetalen" asks no transfer
_WITHHELD = re.compile(r"\b(?:houden|houdt)\s+(?:\S+\s+){0,8}?in\s+op\s+(?:uw|je|jouw|die|deze)\s+(?:\S+\s+)?"
                       r"[\w-]*(?:uitkering|loon|salaris|inkomen|toeslag|betalingen)\b"  # ("uw volgende WW-betalingen")
                       r"|\bin\s+te\s+houden\s+op\s+(?:uw|je|jouw)\s+[\w-]*(?:uitkering|loon|salaris|inkomen)\b"
                       # "Wij vragen UWV om de premie elke maand op uw uitkering in te houden"
                       r"|\bop\s+(?:uw|je|jouw)\s+[\w-]*(?:uitkering|loon|salaris|inkomen)\s+in\s+te\s+houden\b"
                       # "de premie wordt vanaf oktober ingehouden op uw WW-uitkering"
                       r"|\bingehouden\s+op\s+(?:uw|je|jouw)\s+(?:\S+\s+)?[\w-]*(?:uitkering|loon|salaris|inkomen|toeslag)\b"
                       # "Wij verrekenen het bedrag met uw lopende WW-uitkering"
                       r"|\b(?:(?:wij|we)\s+verrekenen|verrekenen\s+(?:wij|we))\s+(?:\S+\s+){0,4}?met\s+(?:uw|je|jouw)\s+"
                       r"(?:\S+\s+)?[\w-]*(?:uitkering|loon|salaris|inkomen|toeslag)\b", _F)


# "U betaalt dan een hogere premie, die wordt ingehouden op uw loon": what happens if the reader
# does nothing, not money taken now
_IF_THEN = re.compile(r"\b(?:dan|als|indien|wanneer|zodra|mocht|tenzij)\b", _F)


def _withheld_now(flat_page: str) -> bool:
    return any(_WITHHELD.search(s) and not _IF_THEN.search(s) for s in _sentences(flat_page))


# "Mogelijk hoeft u de aanslag niet te betalen", "Hebt u een laag inkomen? Dan hoeft u …": a
# maybe or an if, not what this letter says of the reader's case
_HEDGE = re.compile(r"\b(?:mogelijk|misschien|wellicht|eventueel|als|indien|wanneer|tenzij|zodra|mits)\b"
                    # "Met een machtiging hoeft u zelf niets over te maken": only when you give one
                    r"|\bmet\s+(?:een\s+|uw\s+|je\s+)?(?:machtiging|automatische\s+incasso)\b"
                    r"|^\W*dan\b", _F)  # "^": a clause's start


def _says_so(flat_page: str) -> bool:
    """A "you pay nothing" clause with no maybe or if before it or in the rest of its clause."""
    for sentence in _sentences(flat_page):
        for clause in sentence.split(";"):
            m = _NOTHING_TO_PAY.search(clause)
            if m is None:
                continue
            rest = re.split(r"[,:]", clause[m.end():], maxsplit=1)[0]
            if not _HEDGE.search(clause[:m.end()]) and not _HEDGE.search(rest):
                return True
    return False


# "Betaalt u met automatische incasso? Dan hoeft u niets te doen": only in that case
_IN_CASE = re.compile(r"(?:\?\s*(?:dan|in\s+dat\s+geval)\b|\b(?:als|indien|wanneer)\b)[^.?!]*$", _F)


def _nothing_to_do(text: str) -> bool:
    """ "U hoeft daarvoor niets te doen", said of the reader as things are, not in a case."""
    return any(not _IN_CASE.search(text[max(0, m.start() - 100):m.start()])
               for m in _NOTHING_TO_DO.finditer(text))


def says_pay_nothing(pages: Sequence[str]) -> bool:
    """The letter says the reader pays nothing now: "Je hoeft dus niets meer te betalen" with no
    real ask beside it, a direct debit that runs on, money withheld from a benefit or wage, or a
    debt whose payment letter comes later. Its sums, account and reference are then no ask."""
    flat = [re.sub(r"\s+", " ", p or "") for p in pages]
    if any(_NOT_YET.search(p) for p in flat) and any(_LATER_PAY_LETTER.search(p) for p in flat):
        return True  # how and when to pay comes in a letter of its own
    debit_runs = any(_DIRECT_DEBIT.search(p) for p in flat) and any(_nothing_to_do(p) for p in flat)
    return (debit_runs or any(_says_so(p) for p in flat)) and (any(
        _withheld_now(p) for p in flat) or not any(
        _real_ask(s) for p in pages
        for s in _sentences(_TABLE_ROW.sub("", p or ""))
    ))


def _row_below(f: _Found, due: _Found, reach: int) -> bool:
    """`f` is a table row under `due` on its page, within `reach` characters."""
    return f.row and f.order[0] == due.order[0] and 0 < f.order[1] - due.order[1] <= reach


def _due(infos: list[_Found], pages: Sequence[str]) -> Decimal | None:
    if says_pay_nothing(pages):
        return None
    headed = {f.amount.value for f in infos if f.role.kind == "headed"}
    ordered_now = {f.amount.value for f in infos if _is_order(f)}
    if len(headed) == 1 and not (len(ordered_now) == 1 and ordered_now != headed):
        # "Wat moet je wel betalen? De hondenbelasting van € 132,76." — unless the letter's own
        # order names another sum ("Wat moet je nog betalen? Sinds juli is je huur € 687,45.
        # Daarvoor was het € 661,90. … Betaal de € 900,00 vóór …")
        return headed.pop()
    if headed:  # the heading's first sum was not the one asked: no total of its own
        infos = [replace(f, amount=replace(f.amount, role="other"), role=replace(f.role, role="other"))
                 if f.role.kind == "headed" else f for f in infos]
    stated = _stated_sum(infos)
    named = {f.amount.value for f in infos if f.amount.role == "total" and f.role.rank >= 3
             and not f.conditional and not f.role.pay_sentence}
    if stated is not None and len(named) == 1 and stated not in named:
        # "Het bedrag dat u nu nog moet betalen … is € 609,00": the letter's own word for the
        # sum asked beats a sum of parts that may have missed one (a part payment in prose)
        return _with_costs_on_top(named.pop(), infos)
    if stated is not None:
        return stated
    due = _due_total(infos)
    asked = {f.amount.value for f in infos if _is_order(f) and f.amount.role not in ("refund", "benefit")}
    if due is not None and len(asked) == 1 and (o := next(iter(asked))) != due.amount.value and any(
            f.row and f.amount.value == o and f.order > due.order and not f.conditional for f in infos):
        # "Nog te betalen jaarnota € 488,70 / termijn januari € 176,00 / ontvangen € 200,00 - /
        # Openstaand € 464,70. Wij vragen u € 464,70 over te maken": the table goes on below its
        # named total, and the letter's one order names its bottom line
        return o
    if due is not None and due.row and any(
            f.role.paid and _row_below(f, due, 300) and abs(f.amount.value) >= due.amount.value
            and re.search(r"\b(?:ontvangen|betaald|voldaan|inhouding\w*|ingehouden)\b", f.amount.text, _F)
            for f in infos):
        # "totaal verschuldigd € 2.313,32 / door ons ontvangen via inhoudingen op uw loon
        # € 2.331,92": what was paid under the total covers it; nothing is owed
        return None
    if due is not None and due.row and any(
            f.amount.role == "refund" and not f.conditional and _row_below(f, due, 500)
            for f in infos):
        # a computation whose last row is money back ("Te betalen over 2025  € 5.343 / Af:
        # ingehouden loonheffing  € 5.955 / Uitkomst: u ontvangt  € 612"): its "te betalen"
        # is a step, the outcome asks nothing
        return None
    if due is not None and any(f.amount.role == "refund" for f in infos) and not any(
        f.role.pay_sentence for f in infos
    ) and not any(_asks_sum(p or "") for p in pages):
        return None  # a statement that ends in money back: its "Totaal kosten" is no ask
    if due is not None:
        return _with_costs_on_top(due.amount.value, infos)
    orders = [f for f in infos if _is_order(f) and f.amount.role not in ("refund", "benefit")]
    if len({f.amount.value for f in orders}) == 1:
        # "Wij vragen u het bedrag van € 1.215,60 … over te maken" in a benefit decision: the
        # letter's own order names the sum, whatever benefit amounts stand beside it
        return orders[0].amount.value
    if any(f.amount.role in ("refund", "benefit") and not f.conditional for f in infos) and not (any(
        f.amount.role in ("principal", "total") and not f.conditional
        and _PAYING.search(f.role.label or "")
        for f in infos
    ) and any(asks_to_pay(p or "", _PAY_BACK) for p in pages)):
        return None  # money to the resident, unless a part is money the letter asks back
    # A payment made counts against the parts in a table ("Reeds betaald  -€ 50"); in prose it
    # is history that a stated sum already holds ("… € 650 ontvangen. De achterstand is € 1.520").
    later = _parts_of_later_costs(infos)
    parts = [f for f in infos if not f.conditional and f.order not in later
             and (f.amount.role in _COMPONENTS or (f.role.paid and f.amount.role == "other" and f.row))]
    if any(f.row for f in parts):
        parts = [f for f in parts if f.row]
    seen: set[str] = set()
    total = Decimal(0)
    for f in parts:
        key = f.line_key if f.row else f"{f.amount.role}:{f.amount.value:.2f}"
        if key in seen:
            continue
        seen.add(key)
        total += -abs(f.amount.value) if f.role.paid else f.amount.value
    values = {f.amount.value for f in infos
              if f.role.pay_sentence and not f.conditional and f.amount.value > 0}
    asked = values.pop() if len(values) == 1 else None
    ordered = {f.amount.value for f in infos if _is_order(f)}
    if len(ordered) == 1:
        # "Maak het bedrag van € 1.146 over": the letter says in so many words what to pay; a
        # tax computation's lines ("Inkomstenbelasting € 16.487") are no parts of that sum
        return ordered.pop()
    if any(f.amount.role in _COMPONENTS for f in parts) and total > 0:
        # "Betaal het bedrag van € 290, inclusief € 40 incassokosten": a stated sum that holds
        # the parts found wins over adding up parts that may be incomplete.
        if asked is not None and asked >= total:
            return asked
        return total
    if asked is None:
        return _open_rows(infos, pages) or _the_one_sum_ordered(infos, pages)
    return asked


def _with_costs_on_top(due: Decimal, infos: Sequence[_Found]) -> Decimal:
    """A sum that is `due` plus costs the letter charges now ("Subtotaal € 727,52 / Kosten
    € 119,91 / Totaal € 847,43" beside "te betalen het bedrag van € 727,52"): the whole sum
    asked holds those costs."""
    costs = {f.amount.value for f in infos if f.amount.role == "costs" and not f.conditional}
    # a later sum (a table's sum row, or prose: "Er staat nog € 462 open. … € 19
    # aanmaningskosten. Te betalen € 481") that the letter does not make conditional or paid
    sums = [f.amount.value for f in infos if not f.conditional and not f.role.paid
            and f.amount.value > due and f.role.kind in ("sum", "")
            and f.amount.role in ("total", "other", "principal")]
    on_top = [v for v in sums if any(due + c == v for c in costs)]
    return on_top[-1] if on_top else due


def _parts_of_later_costs(infos: Sequence[_Found]) -> set[tuple[int, int]]:
    """The amounts right before costs that only come later and that add up to them ("… € 57,96.
    … btw bij, ofwel € 12,17. Dat maakt samen € 70,13 bovenop de factuur"): parts of those
    costs, so not owed now either."""
    out: set[tuple[int, int]] = set()
    for k, f in enumerate(infos):
        if f.role.kind not in ("extra", "conditional"):
            continue
        before = list(infos[max(0, k - 3):k])
        for n in range(len(before), 1, -1):
            for combo in itertools.combinations(before, n):
                if sum(g.amount.value for g in combo) == f.amount.value:
                    out.update(g.order for g in combo)
                    break
            else:
                continue
            break
    return out


def _stated_sum(infos: Sequence[_Found]) -> Decimal | None:
    """The one amount that equals all the letter's debt parts added up, each distinct part once,
    less what was paid ("subtotaal en exploot samen € 1.009,45"; "het bedrag van € 844,03
    (hoofdsom, rente, incassokosten en explootkosten)"): the sum the parts make is what is owed,
    whatever words stand before it or whether it is offered in a condition. None unless there
    are at least three parts and exactly one amount (by value) matches."""
    parts: dict[tuple[str, Decimal], Decimal] = {}
    first: dict[tuple[str, Decimal], tuple[int, int]] = {}
    for f in infos:
        v = f.amount.value
        key = ("paid", v) if f.role.paid else (f.amount.role, v)
        if f.role.paid:
            parts[key] = -abs(v)
        elif f.amount.role in _COMPONENTS:
            parts[key] = v
        else:
            continue
        first[key] = min(first.get(key, f.order), f.order)
    if sum(1 for v in parts.values() if v > 0) < 3:
        return None
    last: dict[Decimal, tuple[int, int]] = {}
    for f in infos:
        if f.amount.role not in ("refund", "benefit") and f.role.kind not in ("rate", "base"):
            v = f.amount.value
            last[v] = max(last.get(v, f.order), f.order)
    hits = []
    for cand, at in last.items():
        used = [k for k in parts if k[1] != cand or k[0] == "paid"]
        rest = sum(parts[k] for k in used)
        # a sum stands after its parts: "in totaal € 612,40" above what was waived and what is
        # left is the old total, not a sum of the lines below it
        if cand > 0 and rest == cand and all(first[k] < at for k in used):
            hits.append(cand)
    return hits[0] if len(hits) == 1 else None


_ORDER_ON_THE_SUM = re.compile(r"\b(?:het|dit|dat)\s+bedrag\b", _F)
_PLAIN_KINDS = ("",)


def _the_one_sum_ordered(infos: Sequence[_Found], pages: Sequence[str]) -> Decimal | None:
    """"Het bedrag van € 1.164,32 zouden we afschrijven. Dat is niet gelukt. Wil je het bedrag
    nu zelf overmaken?": an order on "het bedrag" and one sum in the letter it can mean."""
    if not any(_real_ask(s) and _ORDER_ON_THE_SUM.search(s) for p in pages
               for s in _sentences(_TABLE_ROW.sub("", p or ""))):
        return None
    sums = {f.amount.value for f in infos
            if f.amount.role in ("other", "principal", "total") and f.role.kind in _PLAIN_KINDS
            and not f.role.paid and not f.conditional and f.amount.value > 0
            and not _RATE_BEFORE.search(f.amount.text)}
    return sums.pop() if len(sums) == 1 else None


_OPEN_STATUS = re.compile(r"\b(?:open|openstaand|onbetaald|niet\s+betaald)\s*[|│]?\s*$", _F)


def _open_rows(infos: Sequence[_Found], pages: Sequence[str]) -> Decimal | None:
    """A list of invoices with their status ("F26-30418  02-09-2026  € 149,95  open"), some
    paid: what is asked is the sum of the open ones, when the letter asks to pay at all."""
    listed = [f for f in infos if f.row and f.role.kind == "list" and not f.conditional]
    open_ = [f for f in listed if _OPEN_STATUS.search(f.amount.text)]
    if not open_ or len(listed) < 2 or not any(asks_to_pay(p or "", _PAY_BACK) for p in pages):
        return None
    return sum((f.amount.value for f in open_), Decimal(0))
