"""Fields stage: relative terms ("binnen 14 dagen na dagtekening") turned into dates.

Our contract (the earliest reading is the safe one): a term counts from the letter date with NO weekend or
holiday shift, the earliest safe reading, also when the letter says "na ontvangst" (basis
"receipt": the resident may have a little more time). "N dagen" +N, "N weken" +7N, "N
maanden" the same day N months on or the month's last day (relativedelta); "N werkdagen"
skips weekends and Atw holidays, because that is what the letter says.
A term counted from a printed date ("binnen 4 weken na 03-06-2026") starts there (basis
"letter_date" when that is the letter date, else "date"). A term whose anchor is another
event ("na de vervaldatum", "na ontvangst van uw bezwaar") is skipped: we cannot date it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..phrasings.term_words import TermWords, load_term_words
from ..result import DateMention, Evidence
from .calendar import add_working_days
from .dates import DateSpan, PageDates, deadline_role, is_past, page_dates, quoted, sentence_text

NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "eenentwintig": 21, "tweeëntwintig": 22,
    "tweeentwintig": 22, "drieëntwintig": 23, "drieentwintig": 23, "vierentwintig": 24,
    "vijfentwintig": 25, "zesentwintig": 26, "zevenentwintig": 27, "achtentwintig": 28,
    "negenentwintig": 29, "dertig": 30,
}
_NUM = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_I = re.IGNORECASE
# "Je hebt daar één maand de tijd voor, gerekend vanaf …": words between the term and its start
_TIME_FOR = re.compile(r"\s+de\s+tijd(?:\s+(?:voor|om\s+te\s+\w+))?(?=[\s,])", re.IGNORECASE)
# The words that open a term ("binnen", "U hebt daarvoor") and the anchors after it ("na
# ontvangst van deze brief", "na dagtekening") are rule data since #18:
# rules/phrasings/term-words.yaml (phrasings/term_words.py).


@functools.lru_cache(maxsize=8)
def _term_pattern(words: TermWords) -> re.Pattern[str]:
    """A lead (optional), a number and its unit: "binnen 14 dagen", "veertien (14) dagen"."""
    return re.compile(
        rf"(?P<lead>\b(?:{words.lead.pattern})\s*)?"
        rf"\b(?P<n>{_NUM})(?:\s*\(\s*(?:{_NUM})\s*\))?\s+"
        rf"(?P<unit>werkdagen|werkdag|kalenderdagen|dagen|dag|weken|week|maanden|maand|uur)\b"
        # "Je hebt 2 maanden premie niet betaald", "6 maanden lang": a count, no term
        rf"(?!\s+(?:premie|huur|contributie|achterstand|betalingsachterstand|rente|lang|achter|geen|niet"
        rf"|nog\s+niet|of\s+(?:langer|meer))\b)",
        _I,
    )


# passing on a change: "Geef wijzigingen … binnen 4 weken door", "Meld een verandering binnen …"
_CHANGE_REPORT = re.compile(r"\b(?:wijziging(?:en)?|verandering(?:en)?)\b[^.]{0,80}\b(?:door(?:geven|geeft)?|meld(?:en|t)?)\b"
                            r"|\b(?:geef|meld)\b[^.]{0,40}\b(?:wijziging(?:en)?|verandering(?:en)?)\b"
                            # "Verandert er iets, bijvoorbeeld uw inkomen? Geef dat dan binnen 4 weken door"
                            r"|\b(?:verandert|wijzigt)\s+er\s+(?:iets|wat)\b"
                            # "Wijkt er iets af, bijvoorbeeld uw inkomen? Geef dat dan binnen 4 weken door"
                            r"|\bwijkt\s+er\s+(?:iets|wat)\s+af\b|\bis\s+er\s+(?:iets|wat)\s+(?:veranderd|gewijzigd)\b"
                            # "Geef het binnen 4 weken door als:" (a list of cases follows)
                            r"|\b(?:door|weten)\s+(?:als|wanneer|indien)\b", _I)
# "Stopt uw uitkering of verandert uw werk? Geef dat binnen 4 weken aan ons door.": the
# change asked about is the case the term counts from
_CHANGE_QUESTION = re.compile(r"\b(?:verandert|wijzigt|stopt|eindigt|krijgt|gaat|verhuist|trouwt)\b[^.?]*\?\s*$", _I)
_PASS_ON = re.compile(r"\b(?:geef|meld|laat)\b[^.]{0,60}\b(?:door|weten)\b|\bmeld\b", _I)
_ANCHOR_WORD = re.compile(r"\b(?:na|nadat|vanaf)\b", _I)
_JUDGMENT = re.compile(r"\b(?:het|een)\s+vonnis\b", _I)
# (also "uiterlijk 2 werkdagen van tevoren": counted back from the meeting, not from the letter)
_OTHER_ANCHOR = re.compile(r"\s+(?:na|nadat|vanaf|sinds|voor|vóór|voordat|van\s+te\s*voren|vooraf\w*|ervoor)\b", _I)
_TERM_LABEL = re.compile(r"(?:betaal|betalings|reactie|bezwaar)?termijn\s*:?\s*$", _I)


_DATE_ANCHOR = re.compile(r"\s+(?:na|vanaf)\s+(?:(?:de\s+)?(?:datum|dag)\s+(?:van\s+)?)?", _I)


@dataclass(frozen=True)
class _Term:
    start: int
    end: int
    delta: relativedelta | None
    workdays: int
    basis: str
    anchor: date | None = None  # "binnen 4 weken na 03-06-2026": counted from that date


def find_relative_terms(pages: Sequence[str], letter_date: date | None,
                        read: Sequence[PageDates] | None = None,
                        words: TermWords | None = None) -> list[DateMention]:
    """Each term that asks an action (pay_by, respond_by, send_by, object_by), dated from the
    letter date; [] when the letter date is unknown. `words`: the term words in force (a team's
    before the shipped ones); the shipped ones when None."""
    if letter_date is None:
        return []
    words = words if words is not None else load_term_words()
    out: list[DateMention] = []
    for pi, (text, page) in enumerate(zip(pages, read if read is not None else page_dates(pages),
                                          strict=True)):
        spans, ctx = page.spans, page.ctx
        for term in _terms(text, spans, letter_date, words):
            if quoted(text, term.start):
                continue  # a term in an older mail the reply quotes
            lo, hi = ctx.sentence(term.start)
            if is_past(ctx.masked[lo:term.start] + ctx.masked[term.end:hi]):
                continue  # "een factuur gestuurd, te betalen binnen 14 dagen": history
            prev = ctx.previous_sentence(term.start)
            asked_change = prev is not None and _CHANGE_QUESTION.search(ctx.masked[prev[0]:prev[1]]) \
                and _PASS_ON.search(ctx.masked[lo:hi])
            if (_CHANGE_REPORT.search(ctx.masked[lo:hi]) or asked_change) \
                    and not _ANCHOR_WORD.search(text[term.start:term.end]):
                # "Geef wijzigingen in uw inkomen binnen 4 weken door": counted from the change,
                # which no letter can date
                continue
            if term.anchor is None and any(lo <= sp.start < hi and sp.year and sp.on(sp.year) < letter_date
                                           for sp in spans):
                # "… op 12 mei 2026 gefactureerd een bedrag van € 1.840,00, te betalen binnen
                # veertien dagen": an old bill's term, told beside its own earlier date
                continue
            role = deadline_role(ctx, term.start, term.end)
            if role not in {"pay_by", "respond_by", "send_by", "object_by"}:
                continue
            start = term.anchor or letter_date
            if term.workdays:
                d = add_working_days(start, term.workdays)
            else:
                assert term.delta is not None
                d = start + term.delta
            out.append(DateMention(
                d, role, sentence_text(ctx, *ctx.sentence(term.start), term.start, term.end),
                Evidence(pi + 1, term.start, term.end), relative=True, basis=term.basis,
            ))
    return out


def _terms(text: str, spans: Sequence[DateSpan], letter_date: date, words: TermWords) -> list[_Term]:
    out = []
    starts = {s.start: s for s in spans}
    for m in _term_pattern(words).finditer(text):
        n = _number(m["n"])
        unit = m["unit"].lower()
        if n is None or n <= 0:
            continue
        times = _TIMES.search(text, max(0, m.start("n") - 20), m.start("n"))
        if times is not None and unit == "uur":
            n *= _number(times["k"]) or 1  # "binnen twee maal vierentwintig uur": 48 hours
        end = m.end()
        if m["lead"] and (tf := _TIME_FOR.match(text, end)):
            end = tf.end()
        anchor = None
        a = _DATE_ANCHOR.match(text, end)
        if a is not None and a.end() in starts and starts[a.end()].year:
            sp = starts[a.end()]
            anchor = sp.on(sp.year or 0)
        tail = words.receipt.match(text, end)
        if tail is not None and _JUDGMENT.search(tail.group()):
            continue  # "binnen veertien dagen na betekening van het vonnis": a judgment to come
        basis = "receipt"
        if tail is None:
            tail = words.letter.match(text, end)
            basis = "letter_date"
        if anchor is not None:
            end = starts[a.end()].end if a is not None else end
            basis = "letter_date" if anchor == letter_date else "date"
        elif tail is not None:
            end = tail.end()
        elif _OTHER_ANCHOR.match(text, end):
            continue  # "binnen 14 dagen na de vervaldatum": not countable from the letter
        elif not m["lead"] and not _TERM_LABEL.search(text[max(0, m.start() - 30):m.start()]):
            continue  # a bare "14 dagen" is no term
        if unit == "uur" and n % 24:
            continue
        start = m.start("lead") if m["lead"] else m.start("n")
        workdays = n if unit.startswith("werkdag") else 0
        delta = None if workdays else _delta(n, unit)
        out.append(_Term(start, end, delta, workdays, basis, anchor))
    return out


_TIMES = re.compile(r"\b(?P<k>\d|twee|drie|vier)\s*(?:maal|keer|x)\s*$", _I)


def _number(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return NUMBER_WORDS.get(s)


def _delta(n: int, unit: str) -> relativedelta:
    if unit.startswith("we"):
        return relativedelta(days=7 * n)
    if unit.startswith("maand"):
        return relativedelta(months=n)
    if unit == "uur":
        return relativedelta(days=n // 24)
    return relativedelta(days=n)
