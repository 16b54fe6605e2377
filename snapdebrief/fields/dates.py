"""Fields stage: every date on a letter, with the role its words give it.

A date is found by plain regular expressions over the page text (Dutch day-month-year forms,
tolerant of common OCR slips), then its role comes from the words around it, in this order:
a range ("1 januari t/m 31 maart") → period; a label on its line or in the header row above
("Vervaldatum:", "Dagtekening") → that label's role; a place line ("Amsterdam, 3 maart 2026")
→ letter date; label words right before it in a sentence ("onze brief van", "geboren op");
then the preposition before it: a deadline word (vóór, uiterlijk, tot) takes the action of the
nearest verb or noun cue (betaal, stuur, reageer, bezwaar), a start word (per, vanaf, sinds)
means "other", and a bare "op" is an appointment when a time or meeting word stands beside it.

Offsets are character offsets into the page text as given; nothing is normalised in place.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..phrasings import DateLabels, DeadlineCues, load_date_labels, load_deadline_cues
from ..result import Appointment, DateMention, Evidence

ROLES = (
    "letter_date", "pay_by", "respond_by", "send_by", "object_by", "appointment", "invoice",
    "earlier_letter", "period", "birth", "other",
)
#: Roles that look back in time: a date without a year is put on/before the letter date.
BACKWARD_ROLES = frozenset({"earlier_letter", "invoice", "period", "birth", "letter_date"})
#: Roles that ask the resident to act by a date: a yearless date goes on/after the letter date.
FORWARD_ROLES = frozenset({"pay_by", "respond_by", "send_by", "object_by", "appointment"})

TEXT_MAX = 160

# --- scanning ---------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6, "ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6,
    # an e-mail client set to English: "Date: Mon, 9 Feb 2026 10:03:51 +0100"
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    # or written out: "Sent: Thursday, 10 September 2026 14:02"
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

_D = "[0-9OoIl]"  # a digit as OCR may print it: O for 0, l or I for 1
_OCR = str.maketrans("OoIl", "0011")
_SP = r"[^\S\n]*(?:\n[^\S\n]*)?"  # spaces, at most one line break
_H = r"[^\S\n]"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# a weekday written out in Dutch ("vrijdag"), for the rules that look at the words around a date
DAY_NAME = "(?:" + "|".join(k for k in WEEKDAYS if k.endswith("dag")) + ")"
_YEAR4 = rf"(?:[1lI]9|2[0Oo]){_D}{{2}}"

_TEXT_DATE = re.compile(
    rf"(?<![\w/.,-])(?:(?P<wd>(?i:{_WD_ALT}))\.?,?{_H}+)?"
    rf"(?P<d>{_D}{{1,2}})(?:sten|ste|den|de|e)?{_SP}"
    rf"(?P<mon>(?i:{_MONTH_ALT}))(?![^\W\d_])\.?"
    rf"(?:,?{_SP}(?P<y>{_YEAR4}|['’]\d{{2}})(?!\w|{_H}?[A-Z]{{2}}\b))?"
)
_NUM_DATE = re.compile(
    rf"(?<![\w/.,-])(?:(?P<wd>(?i:{_WD_ALT}))\.?,?{_H}+)?"
    rf"(?P<d>{_D}{{1,2}}){_H}{{0,2}}(?P<sep>[-./]){_H}{{0,2}}(?P<m>{_D}{{1,2}})"
    rf"{_H}{{0,2}}(?P=sep){_H}{{0,2}}(?P<y>{_D}{{4}}|{_D}{{2}})(?!\w|[-/.,]\d)"
)
# "uiterlijk vrijdag 27/2": day and month only, safe beside a weekday (the year comes from the
# letter date and the weekday)
_WD_DAY_MONTH = re.compile(
    rf"(?<![\w/.,-])(?P<wd>(?i:{_WD_ALT}))\.?,?{_H}+(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})(?![\w/.,-]\d|\d)")
# "uiterlijk 22-10", "vóór 3/11": day and month only, as a text message types a deadline (the
# year comes from the letter date); not "uiterlijk 3-4 weken"
_PREP_DAY_MONTH = re.compile(
    rf"(?i:(?<![\w-])(?:uiterlijk(?:{_H}+op)?|v[óò]{{2}}r|t/m|tot{_H}+en{_H}+met)){_H}+(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})"
    rf"(?![\w/.,-]\d|\d|{_H}*(?i:weken|dagen|werkdagen|maanden|jaar|uur|%))")
# "uiterlijk maandag de 16e": a weekday and a day only, as people write to someone they know;
# the month is the letter date's or a later one whose day falls on that weekday (month 0 below)
_WD_DAY_ONLY = re.compile(
    rf"(?<![\w/.,-])(?P<wd>(?i:{_WD_ALT}))\.?,?{_H}+(?i:de{_H}+)?(?P<d>\d{{1,2}})(?:ste|de|e)(?![\w/.,-]\d|\w)")
# "vóór het einde van juni 2026", "voor eind juni": the month's last day
_MONTH_END = re.compile(
    rf"(?<![\w-])(?i:(?:het{_H}+)?einde?{_H}+(?:van{_H}+)?(?:de{_H}+maand{_H}+)?)"
    rf"(?P<mon>(?i:{_MONTH_ALT}))(?![^\W\d_])\.?(?:{_H}+(?P<y>{_YEAR4}))?"
)
# Spelled out, as bailiffs write in exploten: "de negende april tweeduizend zesentwintig".
_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_UNIT_VAL = {w: i + 1 for i, w in enumerate(_UNITS)} | {"één": 1}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
          "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
         "zeventig": 70, "tachtig": 80, "negentig": 90}
_ORD_SPECIAL = {"eerste": 1, "derde": 3, "achtste": 8}
_WORD_NUM = (r"(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?"
             r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
             r"|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
             r"|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen")
_WORD_DATE = re.compile(
    # "de vijftiende december tweeduizend zesentwintig", also "vijftien december tweeduizend …"
    rf"(?i:(?<![\w-])(?:de\s+)?(?P<dw>(?:{_WORD_NUM})(?:ste|de)?|eerste|derde|achtste)\s+"
    rf"(?P<mon>{_MONTH_ALT})\s+(?:(?:van\s+)?het\s+jaar\s+)?"
    rf"(?P<yw>(?:tweeduizend|negentienhonderd)(?:\s*en)?"
    rf"(?:\s*(?:{_WORD_NUM}))?)(?![\w-]))"
)
# An e-mail client set to English prints its header so: "Sent: Tuesday, December 1, 2026 16:42".
_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
_EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_EN_DATE = re.compile(
    rf"(?<![\w/.,-])(?:(?P<wd>(?i:{'|'.join(_EN_WEEKDAYS)})),?{_H}+)?"
    rf"(?P<mon>(?i:{'|'.join(_EN_MONTHS)})){_H}+(?P<d>\d{{1,2}}),?{_H}+(?P<y>(?:19|20)\d\d)(?!\w)")
# A mail program's own header (RFC 5322), also when a resident forwards a letter: "Date: Thu,
# 5 Mar 2026 08:54:11 +0100"; the weekday and comma are required, so "5 mar" alone stays Dutch.
_RFC_DATE = re.compile(
    rf"(?<![\w/.,-])(?P<wd>(?i:{'|'.join(w[:3] for w in _EN_WEEKDAYS)})),{_H}+(?P<d>\d{{1,2}}){_H}+"
    rf"(?P<mon>(?i:{'|'.join(m[:3] for m in _EN_MONTHS)})){_H}+(?P<y>(?:19|20)\d\d)(?!\w)")
_ISO_DATE = re.compile(r"(?<![\w/.,-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\w|[-/.,]\d)")


@dataclass(frozen=True)
class DateSpan:
    """One date as printed: where it stands and its parts (year None when not printed)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None = None

    def on(self, year: int) -> date | None:
        if self.month == 0:  # "maandag de 16e": the month comes from the letter date
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def _digits(s: str | None, *, loose: bool = False) -> int | None:
    if not s:
        return None
    if not loose and not any(c.isdigit() for c in s):
        return None
    return int(s.translate(_OCR))


def _year(s: str | None) -> int | None:
    if not s:
        return None
    s = s.lstrip("'’")
    y = _digits(s)
    if y is None:
        return None
    if len(s) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y if 1900 <= y <= 2099 else None


_DATE_CUE_LEFT = re.compile(r"\b(?:op|uiterlijk|v[oó]{1,2}r|per|d\.?\s?d\.?|datum|tot|vanaf|sinds|van)\s*:?\s*$",
                            re.IGNORECASE)


# "Datum aanslag", "Dagtekening beschikking": a label that names the paper it dates
_OTHER_PAPER = re.compile(r"\b(?:aanslag\w*|factuur|nota|beschikking|besluit|vonnis|dagvaarding|exploot"
                          r"|aanmaning|herinnering|sommatie|verzoek|aanvraag)\b", re.IGNORECASE)
# "Groningen, 9-2-26": a place and a date open the line, as a letter is dated
_PLACE_LEFT = re.compile(r"[^\S\n]*[A-Z][a-zà-ÿ'-]+(?:[ -][A-Za-zà-ÿ'-]+){0,2},[^\S\n]*")


def scan_dates(text: str) -> list[DateSpan]:
    """Every day-month-year (or day-month) date in `text`, left to right, not overlapping."""
    found: list[DateSpan] = []
    for m in _TEXT_DATE.finditer(text):
        d = _digits(m["d"], loose=len(m["d"]) == 1 and m["y"] is not None)
        y = _year(m["y"]) if m["y"] else None
        if m["y"] and y is None:
            continue
        wd = WEEKDAYS.get(m["wd"].lower()) if m["wd"] else None
        _add(found, m.start(), m.end(), d, MONTHS[m["mon"].lower()], y, wd)
    for m in _NUM_DATE.finditer(text):
        ys = m["y"]
        if len(ys) == 2 and (len(m["d"]) != 2 or len(m["m"]) != 2) and not (
                20 <= int(ys) <= 35 and (_DATE_CUE_LEFT.search(text, max(0, m.start() - 14), m.start())
                                         or _PLACE_LEFT.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()))):
            # "1-2-34" is more often a code than a date, unless a word for a date stands right
            # before it ("uiterlijk 20-3-26", "op 3-3-26", as people type them)
            continue
        y = _year(ys)
        if y is None:
            continue
        wd = WEEKDAYS.get(m["wd"].lower()) if m["wd"] else None
        _add(found, m.start(), m.end(), _digits(m["d"]), _digits(m["m"]), y, wd)
    for m in _ISO_DATE.finditer(text):
        _add(found, m.start(), m.end(), int(m["d"]), int(m["m"]), int(m["y"]), None)
    for m in _EN_DATE.finditer(text):
        wd = _EN_WEEKDAYS.index(m["wd"].lower()) if m["wd"] else None
        _add(found, m.start(), m.end(), int(m["d"]), _EN_MONTHS.index(m["mon"].lower()) + 1,
             int(m["y"]), wd)
    for m in _RFC_DATE.finditer(text):
        _add(found, m.start(), m.end(), int(m["d"]),
             [x[:3] for x in _EN_MONTHS].index(m["mon"].lower()) + 1, int(m["y"]),
             [x[:3] for x in _EN_WEEKDAYS].index(m["wd"].lower()))
    for m in _WD_DAY_MONTH.finditer(text):
        d, mon = int(m["d"]), int(m["m"])
        if 1 <= d <= 31 and 1 <= mon <= 12:
            _add(found, m.start(), m.end(), d, mon, None, WEEKDAYS.get(m["wd"].lower()))
    for m in _PREP_DAY_MONTH.finditer(text):
        d, mon = int(m["d"]), int(m["m"])
        if 1 <= d <= 31 and 1 <= mon <= 12:
            _add(found, m.start("d"), m.end(), d, mon, None, None)
    for m in _WD_DAY_ONLY.finditer(text):
        d = int(m["d"])
        if 1 <= d <= 31:
            found.append(DateSpan(m.start(), m.end(), d, 0, None, WEEKDAYS.get(m["wd"].lower())))
    for m in _MONTH_END.finditer(text):
        mon = MONTHS[m["mon"].lower()]
        y = _year(m["y"]) if m["y"] else None
        last = calendar.monthrange(y or 2001, mon)[1]  # no year printed: February has 28 days
        _add(found, m.start(), m.end(), last, mon, y, None)
    if "duizend" in text or "honderd" in text:
        for m in _WORD_DATE.finditer(text):
            d = _ordinal(m["dw"])
            y = _word_year(m["yw"])
            _add(found, m.start(), m.end(), d, MONTHS[m["mon"].lower()], y, None)
    found.sort(key=lambda s: (s.start, -s.end))
    out: list[DateSpan] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _word_number(w: str) -> int | None:
    """1..99 written as one Dutch word: "negen", "zestien", "zesentwintig"."""
    w = w.lower().replace(" ", "")
    if w in _UNIT_VAL:
        return _UNIT_VAL[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    for tens, tv in _TENS.items():
        if w.endswith(tens):
            head = w[: -len(tens)]
            if head[-2:] in ("en", "ën") and head[:-2] in _UNIT_VAL:
                return _UNIT_VAL[head[:-2]] + tv
    return None


def _ordinal(w: str) -> int | None:
    w = w.lower()
    if w in _ORD_SPECIAL:
        return _ORD_SPECIAL[w]
    for suffix in ("ste", "de"):
        if w.endswith(suffix):
            n = _word_number(w[: -len(suffix)])
            if n is not None:
                return n
    return _word_number(w)  # a cardinal before a year in words: "vijftien december tweeduizend …"


def _word_year(w: str) -> int | None:
    w = re.sub(r"\s+", "", w.lower())
    base = 2000 if w.startswith("tweeduizend") else 1900
    rest = w[len("tweeduizend"):] if base == 2000 else w[len("negentienhonderd"):]
    rest = rest[2:] if rest.startswith("en") and rest[2:] else rest
    if not rest:
        return base
    n = _word_number(rest)
    return None if n is None else base + n


def _add(out: list[DateSpan], start: int, end: int, d: int | None, m: int | None,
         y: int | None, wd: int | None) -> None:
    if d is None or m is None or not 1 <= d <= 31 or not 1 <= m <= 12:
        return
    span = DateSpan(start, end, d, m, y, wd)
    if span.on(y if y is not None else 2024) is None:  # 2024: a leap year keeps 29 Feb
        return
    out.append(span)


# --- page context: masked text, sentences, parts ----------------------------------------------

_SENT_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-ZÀ-Ý0-9#•*–-])")
_BLANK = re.compile(r"\n[^\S\n]*\n")
_GAP = re.compile(r"[^\S\n]{3,}|\t|[|│┃║]")
_COLUMN_GAP = re.compile(r"(?<=\S)(?:[^\S\n]{3,}|\t|[|│┃║])(?=[^\n]*\S)")  # not indentation
_NEXT_IS_ITEM = re.compile(r"[^\S\n]*(?:[-•*·▪–]\s|\d{1,2}[.)]\s|[A-Z][\w ./-]{0,40}:\s)")
_LABEL_LINE = re.compile(r"[A-Z][\w ./-]{0,30}:\s")
_PART_SPLIT = re.compile(
    r"[,;:](?=\s)|\s[–—-]\s|[()]|\?|\s(?=(?i:als|indien|wanneer|omdat|zodat|tenzij|nadat|"
    r"zodra|mits|waarna|waardoor|maar|anders)\b)"
)
SHORT_LINE = 45
# A short line of prose that runs on: a narrow column wraps mid-sentence ("Betaal dit bedrag
# uiterlijk op dinsdag" / "10 november 2026."), a heading does not end on a lower-case word
# followed by a line that goes on in lower case, a date or a number.
# "Maak € 234,00 uiterlijk 12 november 2026" / "over naar NL68 …": a line may end on its date
_PROSE_END = re.compile(r"(?:\S+\s+){3,}(?:[A-Za-zà-ÿ]+|#{6,}),?$")
_GOES_ON = re.compile(r"[^\S\n]*[a-zà-ÿ#0-9€]")
LINE_REACH = 240  # a label, place line or table row is shorter than this
SENTENCE_REACH = 400  # bounds the work per date on text without sentence ends


@dataclass(frozen=True)
class PageContext:
    """A page's text with the dates masked out and its sentence starts, for role cues."""

    text: str
    masked: str
    bounds: tuple[int, ...]
    labels: DateLabels  # the date labels in force (shipped + a team's own, #18)
    cues: DeadlineCues  # the deadline cues in force (#18)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos`, at most SENTENCE_REACH characters either side."""
        i = bisect.bisect_right(self.bounds, pos) - 1
        lo = self.bounds[max(i, 0)]
        hi = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return max(lo, pos - SENTENCE_REACH), min(hi, pos + SENTENCE_REACH)

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        """The nearest sentence before the one holding `pos` that is not just whitespace."""
        lo, _ = self.sentence(pos)
        while lo > 0:
            plo, phi = self.sentence(lo - 1)
            if self.text[plo:phi].strip():
                return plo, phi
            lo = plo
        return None

    def part(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): the sentence cut at commas and subordinators."""
        lo, hi = self.sentence(start)
        seg = self.masked[lo:hi]
        a, b = lo, hi
        for m in _PART_SPLIT.finditer(seg):
            p = lo + m.start()
            if p + len(m.group()) <= start:
                a = lo + m.end()
            elif p >= end:
                b = p
                break
        return a, b


_ABBREVIATIONS = frozenset({
    "geb", "nr", "no", "art", "blz", "dd", "tav", "mr", "dhr", "mevr", "jl", "ca", "oa", "bijv",
    "incl", "excl", "miv", "tel", "str", "evt", "resp", "zgn", "max", "min", "vs", "ivm", "mbt",
})


def _abbreviation(masked: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation ("geb.", "d.d.") or an initial ("J.")."""
    if masked[dot] != ".":
        return False
    lo = dot
    while lo > 0 and (masked[lo - 1].isalpha() or masked[lo - 1] == "."):
        lo -= 1
    word = masked[lo:dot].replace(".", "").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and masked[dot - 1].isupper())


def page_context(text: str, spans: Sequence[tuple[int, int]] = (),
                 labels: DateLabels | None = None, cues: DeadlineCues | None = None) -> PageContext:
    """Mask the given spans with '#', then find sentence starts on the masked text."""
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            chars[k] = "#"
    masked = "".join(chars)
    bounds = {0}
    bounds.update(m.end() for m in _SENT_END.finditer(masked)
                  if not _abbreviation(masked, m.start()))
    bounds.update(m.end() for m in _BLANK.finditer(masked))
    bounds.update(m.end() for m in _COLUMN_GAP.finditer(masked))
    line_lo = 0
    for nl in (i for i, c in enumerate(masked) if c == "\n"):
        prev = masked[line_lo:nl].strip()
        runs_on = _PROSE_END.search(prev) and _GOES_ON.match(masked, nl + 1)
        # "Dus mijn vraag: wil je … uiterlijk vrijdag 27/2" / "overmaken naar …": a label-like
        # opening whose sentence runs on in lower case is prose, not a one-line field
        label_line = _LABEL_LINE.match(prev) and not (
            len(prev) >= SHORT_LINE and not re.search(r"[.!?;:]$", prev)
            and masked[nl + 1:nl + 2].islower())
        if ((len(prev) < SHORT_LINE and not runs_on) or prev.endswith(":")
                or label_line or _NEXT_IS_ITEM.match(masked, nl + 1)):
            bounds.add(nl + 1)
        line_lo = nl + 1
    return PageContext(text, masked, tuple(sorted(b for b in bounds if b <= len(text))),
                       labels if labels is not None else load_date_labels(),
                       cues if cues is not None else load_deadline_cues())


# --- role cues ------------------------------------------------------------------------------

_I = re.IGNORECASE
BARE = "bare"  # internal: a date no word gives a role; shown as "other", may be the letter date


def _norm(s: str) -> str:
    s = s.lower().replace("ó", "o").replace("ò", "o").replace("’", "'")
    return re.sub(r"\s+", " ", s)


# The date labels themselves ("Uiterste betaaldatum" → pay_by) are rule data since #18:
# rules/phrasings/date-labels.yaml, read by snapdebrief/phrasings.py. These two word lists are
# still used by cues below (and stand as macros in that file).
_LETTER_NOUN = (
    r"brief|brieven|schrijven|e-?mail|mail|aanvraag|verzoek|bericht|melding|bezwaar(?:schrift)?"
    r"|aanmaning|herinnering|betalingsherinnering|sommatie|ingebrekestelling|beschikking"
    r"|besluit|aanslag|dagvaarding|exploot|vonnis|telefoongesprek|gesprek"
)
# "1e", "2de", "eerste", "laatste": which termijn of a payment schedule.
_ORDINAL = (r"(?:\d{1,2}\s?(?:e|ste|de)|eerste|tweede|derde|vierde|vijfde|zesde|zevende"
            r"|achtste|negende|tiende|elfde|twaalfde|laatste)")
_DEADLINE_PREP = re.compile(
    r"(?:^|[^\w/])(?:voor|uiterlijk(?:\s+op)?|ten\s+laatste(?:\s+op)?|niet\s+later\s+dan(?:\s+op)?"
    r"|tot\s+en\s+met|t/m|t\.m\.|tot(?:\s+uiterlijk)?|op\s+of\s+voor|voor\s+of\s+op"
    r"|uiterste\s+datum|deadline)\s*:?\s*"
    # a weekday left on the line before its date: "uiterlijk vrijdag" / "25 september 2026"
    rf"(?:{DAY_NAME}\s*)?$", _I)
# the reader did it already: "(omdat) u … vóór 1 mei … heeft ingediend / hebt betaald"
_DONE_BY = re.compile(r"\b(?:u|je|jij)\b[^.;]{0,60}\b(?:heeft|hebt)\s+(?:\w+\s+){0,2}?(?:ingediend|betaald|gedaan"
                      r"|gestuurd|opgestuurd|ingeleverd|doorgegeven|gemeld|aangevraagd)\b"
                      # the sender did it: "omdat wij de aanslag vóór 1 juli 2026 hebben opgelegd"
                      r"|\b(?:wij|we|ik)\b[^.;]{0,60}\b(?:hebben|heb)\s+(?:\w+\s+){0,2}?(?:opgelegd|vastgesteld"
                      r"|verzonden|verstuurd|gestuurd|ontvangen|verwerkt|uitbetaald|betaald)\b", _I)
# a sum and its day on a line of their own: "€ 60,20 uiterlijk 30 april 2026", "1e termijn: € 98 vóór"
_SUM_BY = re.compile(r"^[ \t|•*-]*(?:" + _ORDINAL + r"\s+termijn\s*:?\s*)?(?:€|eur\b)\s?\d[\d.]*,(?:\d{2}|-)[ \t,–-]*"
                     r"(?:uiterlijk(?:\s+op)?|v[óo]{2}r|te\s+betalen\s+v[óo]{2}r)[ \t:]*"
                     rf"(?:{DAY_NAME}[ \t]*)?$", _I)
# the row under a date row gives the time: "Tijdvak : tussen 8.00 en 12.00 uur", "Tijd: 9.30 uur"
# (or its label above its value: "Tijd" / "10.30 uur", a side column's cells)
_TIME_ROW = re.compile(r"[ \t]*(?:tijd|tijdvak|tijdstip|aanvang|uur)[ \t]*(?::[ \t]*|:?[ \t]*\n[ \t]*)"
                       r"(?:tussen|van|om)?[ \t]*\d{1,2}[.:]\d{2}", _I)
_RESCHEDULE_HEAD = re.compile(r"[ \t|]*(?:(?:uw|je|de)\s+)?(?:afspraak|gesprek)\s+(?:verzetten|verplaatsen|wijzigen|afzeggen|annuleren)"
                              r"[ \t]*[?:]?[ \t|]*$", _I)


def _time_row_below(masked: str, line_hi: int) -> bool:
    """A time row under the date's row: "Datum : dinsdag 8 september 2026" over "Tijdvak :
    tussen 8.00 en 12.00 uur", or "Datum" / "dinsdag 12 mei 2026" / "Tijd" / "10.30 uur" in a
    side column — the day of a meeting, not the letter's date."""
    return bool(_TIME_ROW.match(masked, min(len(masked), line_hi + 1)))


_EXAMPLE = re.compile(r"\W*(?:bijvoorbeeld|zoals|denk\s+aan|bv\.?|bijv\.?)\s", _I)
# a day already gone: "De factuur had uiterlijk 7 augustus betaald moeten zijn", "moest vóór
# 1 mei betaald zijn"
_WAS_DUE = re.compile(r"\b(?:had|hadden)\s+(?:\S+\s+){0,8}?(?:betaald|voldaan|ontvangen|binnen|bijgeschreven)"
                      r"\s+moeten\s+(?:zijn|worden)\b|\bmoest(?:en)?\s+(?:\S+\s+){0,8}?(?:betaald|voldaan|binnen)"
                      r"\s+(?:zijn|worden|staan)\b"
                      # a subordinate clause: "De termijnen die uiterlijk op 31 augustus betaald moesten zijn"
                      r"|\b(?:betaald|voldaan|ontvangen|binnen|bijgeschreven)\s+(?:moest(?:en)?|hadden\s+moeten|had\s+moeten)"
                      r"\s+(?:zijn|worden|staan)\b", _I)
_START_PREP = re.compile(
    r"(?:^|[^\w])(?:per|vanaf|sinds|met\s+ingang\s+van|m\.i\.v\.|ingaande|na|gedurende|tussen"
    r"|ingang|ingegaan\s+op)\s*:?\s*$", _I)
# "een betaling van vóór 15 januari verwerken wij niet": a payment made before that day, no
# date to act by
_FROM_BEFORE = re.compile(r"\b(?:van|sinds|al)\s+v[oó]{1,2}r\s*$", _I)
_COMPUTED_TO = re.compile(r"\b(?:berekend|gerekend|opgebouwd|verschenen|rente|renteberekening)\s+"
                          # ("Rente over de achterstand (tot 23-06-2026)")
                          # ("Berekend over de hoofdsom per nota vanaf de vervaldatum tot 7 augustus")
                          r"(?:[\w/-]+\s+){0,10}?\(?(?:tot(?:\s+en\s+met)?|t/m|t\.m\.|per)\s*:?\s*$", _I)
_HEDEN = re.compile(r"^\W*heden\b", _I)

# Cues: (role, pattern, penalty in characters). Nearest cue wins; "ours" (the sender acts)
# wins inside its clause; an objection cue gets a bonus because bezwaar sentences also say
# "stuur" or "schriftelijk".
_OURS = re.compile(
    r"\b(?:(?:wij|we)\s+(?:\w+\s+){0,2}?(?:beslissen|besluiten|nemen|betalen|storten|boeken"
    r"|schrijven|incasseren|behandelen|verwerken|sturen\s+(?:u|je)|versturen|maken\s+(?:\w+\s+)"
    r"{0,3}?over|maken\s+(?:het|dit|dat|uw)?\s*(?:bedrag|geld|teveel|te\s+veel))"
    # "U krijgt nu veertien dagen de tijd om … te betalen" is the reader's term, not ours
    r"|(?:ontvangt|krijgt|krijg|hoort)\s+(?:u|je)(?![^.]{0,40}\bde\s+tijd\b)"
    # "De eerste betaling verwachten wij rond 25 juni": the benefit paid out, no ask
    r"|(?:eerste|volgende)\s+(?:uit)?betaling\s+(?:verwachten|doen|sturen)\s+(?:wij|we)"
    r"|(?:u|je)\s+(?:ontvangt|krijgt|hoort)(?![^.]{0,40}\bde\s+tijd\b)"
    r"|(?:betalen|storten|sturen|nemen|beslissen|besluiten|maken|schrijven|boeken|behandelen)"
    r"\s+(?:wij|we)|uitbetaal\w*|uitgekeerd|gestort|afgeschreven|afschrijven"
    r"|schrijven\s+\w+\s+af"
    # "Het te veel ontvangen bedrag zal binnen veertien dagen worden overgemaakt op uw rekening":
    # a transfer in the passive future is the sender's
    r"|(?:zal|zullen)\s+(?:\w+\s+){0,4}?worden\s+(?:overgemaakt|teruggestort|terugbetaald|uitbetaald|gestort|overgeboekt)"
    # "Hij of zij stuurt u binnen twee weken een nieuwe uitnodiging": a person of the sender acts
    # ("Zij komt op 12 mei bij u thuis", "Hij belt u op …": a visit or a call, a meeting)
    r"|(?:hij|zij)(?:\s+of\s+(?:hij|zij))?\s+(?:stuurt|neemt|maakt|beslist|betaalt)"
    # "of u op de hoorzitting komt": a noun after a preposition is no one who acts
    r"|(?<!\bop\s)(?<!\bnaar\s)(?<!\bbij\s)(?<!\bin\s)(?<!\bmet\s)(?<!\baan\s)"
    r"(?:de|het)\s+(?!bedrag|totaalbedrag|formulier|antwoord|bezwaar|geld|betaling)[a-z]\w+"
    r"\s+(?:neemt|stuurt|beslist|betaalt|maakt|doet|zal|gaat|komt|belt|behandelt|ontvangt)"
    r")\b", _I)
# The action cues themselves ("Betaal" → pay_by, "Stuur … terug" → send_by) are rule data since
# #18: rules/phrasings/deadline-cues.yaml (phrasings/deadline_cues.py), in PageContext.cues.
# A sentence that points back ("Doe dit vóór ...", "Dat moet binnen zes weken") takes its
# action from the sentence before.
# what may stand around a term that has no verb of its own: "Uiterlijk: …", "Binnen … ."
_BARE_TERM = re.compile(r"[\W\s]*(?:uiterlijk|binnen|wanneer|termijn)?[\W\s]*", re.IGNORECASE)
_BACK_REFERENCE = re.compile(
    r"\b(?:doe|dit|dat|deze|die|ze|daarvoor|hiervoor|daarmee|hiermee|daartoe|dan|alles|alle\s+papieren)\b", _I)
# "Stuur daarvoor …", "U doet dat door … een brief te sturen": the action of the sentence before
_ANAPHOR = re.compile(r"\b(?:daarvoor|hiervoor|daartoe|hiertoe)\b|\b(?:doet|doe)\s+(?:u|je)\s+dat\b"
                      r"|^\W*doe\s+(?:dit|dat)\b"
                      r"|\bdat\s+(?:doet|kan)\s+(?:u|je)\b", _I)
_OBJECTION_LETTER = re.compile(
    r"\b(?:een|uw|je)\s+(?:[a-zà-ÿ]+\s+)?(?:brief|bezwaarschrift|beroepschrift)\b", _I)
# money in a clause: what a "binnen zijn" is about when it is not a letter
_PAID_THING = re.compile(r"€|\beur(?:o)?\b|\b(?:\w*bedrag|geld|betaling|rekening)\b", _I)
# The meeting words ("gesprek", "hoorzitting", "huisbezoek" …) are rule data since #18:
# rules/phrasings/deadline-cues.yaml, role appointment (PageContext.cues.meeting).
_PAST = re.compile(
    # "heb"/"ben": a small sender writes in the first person ("Ik heb u op 10 feb. al een appje
    # gestuurd")
    r"\b(?:hebben|heeft|hebt|heb|had|hadden|is|ben|zijn|was|waren|werd|werden)\b(?:\s+\S+){0,12}?\s+"
    r"(?:(?!gelegenheid|gezondheid|gebied|gemiddeld|gevolgen|gesprekken|gebouwen|gezicht"
    r"|gewicht|gemeenten)ge\w{2,}(?:d|t|en)"
    # a separable verb's participle: "factuur … uitgereikt", "toegestuurd", "aangeboden"
    r"|(?:uit|toe|op|aan|af|mee|terug|door|over)ge\w{2,}(?:d|t|en)|ontvangen|verstuurd|verzonden|betaald|aangevraagd|ingediend|overleden|begonnen"
    r"|besproken|afgesproken|vastgesteld|opgelegd|verleend|toegekend|afgewezen|ontstaan"
    r"|ingegaan|verhoogd|verlopen|betekend|bezorgd|beëindigd|veroordeeld|aangemaand|aangeschreven)\b"
    # "… heeft gedaagde bij brief van 18 juni conform artikel 6:96 BW aangemaand en hem een termijn
    # van veertien dagen gegund": an earlier letter's term, told in a summons
    r"|\bbij\s+(?:brief|aanmaning|sommatie|e-?mail|schrijven)\s+(?:van|d\.d\.)\b[^.;]{0,100}?"
    r"\b(?:aangemaand|gesommeerd|verzocht|gevraagd|gegund|in\s+gebreke\s+gesteld)\b"
    r"|\b(?:stuurde|stuurden|ontving|ontvingen|schreef|schreven|mailde|mailden|vroeg|vroegen|kreeg|kregen|betaalde|betaalden|belde"
    r"|belden|meldde|meldden|deed|deden|gaf|gaven|sprak|spraken|leverde|leverden|zei|zeiden|appte|appten)\b", _I)
#: Past-tense narrative ("Zij heeft u op 2 december een factuur gestuurd, te betalen binnen
#: 14 dagen") states no current ask, unless a modal says it still stands.
def is_past(text: str) -> bool:
    """True when `text` narrates the past and no modal (moet, uiterlijk, graag) asks now; "had …
    moeten" (should have) is past whatever modal stands beside it."""
    text = _POINTER.sub(" ", text)
    if _EXPLOOT_NOW.search(text):
        return False
    return bool(_SHOULD_HAVE.search(text)) or (bool(_PAST.search(text)) and not _MODAL.search(text))


# A bailiff's exploot says what he does by serving it in the perfect tense: "Voorts heb ik
# gerekwireerde aangezegd en gesommeerd om … binnen acht dagen na heden te voldoen" is today's ask.
_EXPLOOT_NOW = re.compile(r"\bheb\s+ik\b[^.;]{0,120}?\b(?:aangezegd|gesommeerd|bevolen)\b"
                          # "Weshalve ik, deurwaarder, gerekwireerde heb gesommeerd om …"
                          r"|\bik\b[^.;]{0,60}?\bheb\s+(?:aangezegd|gesommeerd|bevolen)\b", _I)
# "Die had op 1 februari betaald moeten zijn": a due date gone by
_SHOULD_HAVE = re.compile(r"\bhad(?:den|t)?\b[^.;?]{0,80}\bmoeten\b", _I)


# "de som die hieronder is gespecificeerd": a pointer within the letter, no past event.
_POINTER = re.compile(r"\b(?:hieronder|hierboven|hierna|hiervoor|onderstaand|bovenstaand)\s+"
                      r"(?:is|zijn|wordt|worden|staat|staan)\s+\w+", _I)


_NO_MEETING = re.compile(r"\b(?:verkoop|veiling|ontruiming)\b[^.;]{0,40}?\b(?:zal|zullen)\s+(?:\w+\s+){0,3}?"
                         r"(?:plaatsvinden|plaatshebben|worden\s+gehouden)\b", _I)
_BY_DATE = re.compile(r"\b(?:uiterlijk|v[óo]{1,2}r|uiterste)\b(?:\s+op)?\s*(?:\w+dag\s+)?(?:de\s+)?$", _I)
_MODAL = re.compile(r"\b(?:moet|moeten|dient|dienen|graag|uiterlijk|zorg|zorgt|kunt|wilt|vragen"
                    r"|verzoeken|sommeren|bevelen|verwachten)\b", _I)
_LETTER_NOUN_RE = re.compile(rf"\b(?:{_LETTER_NOUN}|formulier)\b", _I)
_INVOICE_NOUN = re.compile(r"\b(?:factuur|nota)\b", _I)
_PLACE_LINE = re.compile(
    r"(?:['’]s[- ])?[A-Z][A-Za-zÀ-ÿ'’.-]+(?:[ -][A-Za-zÀ-ÿ'’.()-]+){0,3},?")
# "Kunt u niet komen? Bel ons dan vóór 8 mei": a question, then a clause with "dan" early on.
_QUESTION = re.compile(r"^[^?]{1,120}\?$")
_THEN_CLAUSE = re.compile(r"^(?:\S+\s+){0,3}?dan\b", _I)
_DO_THAT = re.compile(r"^(?:regel|doe|geef|vraag|meld|stuur|bel|kies|neem)\s+(?:dit|dat|het|ons)\b"
                      r"|^(?:dat|dit)\s+kan\b", _I)  # "Wilt u de stukken inzien? Dat kan tot en met …"
_DAY_RANGE_LEFT = re.compile(r"(?<![\w.,/-])\d{1,2}\.?\s*(?:t/m|t\.m\.|tot\s+en\s+met|-|–)\s*$", _I)
_RANGE_JOIN = re.compile(r"\s*(?:t/m|t\.m\.|tm|tot\s+en\s+met|tot|-|–|—)\s*", _I)

# Times beside a date: "om 10.30 uur", ", 10:30 uur", "Tijd: 10.30", "om 9 uur".
_HM = r"(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?(?!\d)"
_TIME_RIGHT = re.compile(
    rf"{_H}*,?{_H}*(?:(?P<om>om|vanaf|van|(?:ergens{_H}+)?tussen|aanvang|-){_H}+)?{_HM}"
    rf"(?:{_H}*(?P<u>uur|u)\b)?", _I)
_TIME_OM = re.compile(rf"\b(?:om|te){_H}+{_HM}{_H}*(?:uur|u)\b", _I)  # "des voormiddags te 10.00 uur"
# "13.30 uur" on the next line; "13:15 - 14:00 uur": the start of a time slot
_TIME_ALONE = re.compile(
    rf"[^\S\n]*{_HM}(?:{_H}*(?:[-–]|tot){_H}*(?:[01]?\d|2[0-3])[.:][0-5]\d)?{_H}*(?:uur|u)\b", _I)
# "Hoe laat?  10.30 uur", "| Tijd   | tussen 09.00 en 11.00 uur", "tussen 13.00 en 14.00 uur, bij u thuis"
_SLOT_START = rf"(?:(?:ergens{_H}+)?tussen|van(?:af)?|om){_H}+"
# (with no label, the hour must look like a time: minutes or "uur" after it, not "van 16 of 17 jaar")
_CLOCK_AHEAD = (rf"(?=(?:[01]?\d|2[0-3])(?:[.:][0-5]\d|{_H}*(?:uur|u)\b|{_H}*(?:[-–]|tot|en){_H}*"
                rf"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?{_H}*(?:uur|u)\b))")
_TIME_LINE = re.compile(
    rf"{_H}*(?:\|{_H}*)?(?:(?:tijd(?:stip)?|aanvang|om|uur|hoe{_H}+laat){_H}*[:?]?{_H}*(?:\|{_H}*)?"
    rf"(?:{_SLOT_START})?|{_SLOT_START}{_CLOCK_AHEAD}){_HM}", _I)
_TIME_LEFT = re.compile(rf"\bom{_H}+{_HM}{_H}*(?:uur|u)\b{_H}*(?:op{_H}+)?$", _I)


@dataclass(frozen=True)
class _Role:
    role: str
    lo: int  # span of the words that give the role (for DateMention.text)
    hi: int
    label: str | None = None  # a column header the role came from ("Uiterste betaaldatum")
    weak: bool = False  # a letter date from a place line or "Heden,": a label beats it
    # a date label that names a paper ("Datum aanslag", "Dagtekening aanslag"): the letter's
    # own date on that paper, an earlier paper's on a reminder; anything else dates it first
    paper: bool = False


@dataclass(frozen=True)
class PageDates:
    """One page's dates and its sentence context: computed once, read by find_dates and by
    terms.find_relative_terms."""

    spans: list[DateSpan]
    ctx: PageContext


def page_dates(pages: Sequence[str], labels: DateLabels | None = None,
               cues: DeadlineCues | None = None) -> list[PageDates]:
    """The dates of each page and the page's context; `labels` and `cues` are the date labels
    and deadline cues in force (phrasings' loaders with a team's folders), the shipped ones when
    None."""
    labels = labels if labels is not None else load_date_labels()
    cues = cues if cues is not None else load_deadline_cues()
    out = []
    for text in pages:
        spans = scan_dates(text)
        out.append(PageDates(spans, page_context(text, [(s.start, s.end) for s in spans], labels, cues)))
    return out


def find_dates(pages: Sequence[str], read: Sequence[PageDates] | None = None,
               today: date | None = None) -> list[DateMention]:
    """Every date on the letter with its role, in page order; yearless dates get a year from
    the letter date (forward for deadlines and appointments, backward for earlier letters).

    `today`: when no date on the letter prints a year (a text message's "di 10 feb."), a
    weekday fixes the year among the last few before today, if exactly one fits."""
    items: list[tuple[int, DateSpan, _Role, str | None, str]] = []
    row_years: list[int | None] = []
    for pi, page in enumerate(read if read is not None else page_dates(pages)):
        spans, ctx = page.spans, page.ctx
        for i, sp in enumerate(spans):
            t = _time_near(ctx, sp)
            r = _classify(ctx, spans, i, t)
            if r.role in FORWARD_ROLES and r.role != "appointment" and _running_period(
                    _with_antecedent(ctx, sp.start), sp.month):
                r = dataclasses.replace(r, role="other")
            if r.role == "pay_by" and _NOT_THIS_ASK.search(ctx.masked[slice(*ctx.sentence(sp.start))]):
                # "Een machtiging moet vóór 31 maart bij ons binnen zijn", "de nota eigen risico met
                # vervaldatum 31 mei valt niet onder deze achterstand": not this letter's payment
                r = dataclasses.replace(r, role="other")
            if r.role in FORWARD_ROLES and quoted(ctx.text, sp.start):
                # "> … betalen voor 4 juni" under "-----Oorspronkelijk bericht-----": an older
                # mail this reply quotes; its days were asked then, not now
                r = dataclasses.replace(r, role="other")
            txt = _mention_text(ctx, r, sp)
            if r.role == "appointment" and _CANCELLED.search(txt):
                # "Die afspraak gaat daarom niet door en u hoeft op 24 maart niet te komen"
                r = dataclasses.replace(r, role="cancelled")
            items.append((pi, sp, r, t, txt))
            row_years.append(None if sp.year else (_row_year(ctx.text, sp) or _shared_year(ctx.text, spans, i)))

    if today is not None and not any(sp.year for _, sp, _, _, _ in items):
        items = [(pi, dataclasses.replace(sp, year=y) if (y := _year_from_weekday(sp, today)) else sp, r, t, txt)
                 for pi, sp, r, t, txt in items]
    letter, fallback = _choose_letter_date(pages, items)
    ref = letter or next((s.on(s.year) for _, s, _, _, _ in items if s.year), None)
    out: list[DateMention] = []
    for k, (pi, sp, r, t, txt) in enumerate(items):
        role = "other" if r.role == BARE else r.role
        if role == "letter_date" and (letter is None or sp.on(sp.year or 0) != letter):
            role = "other"
        if k == fallback:
            role = "letter_date"
        year = sp.year or row_years[k]
        d = sp.on(year) if year else _resolve_year(sp, role, ref, items, k)
        if d is None:
            continue
        out.append(DateMention(d, role, txt, Evidence(pi + 1, sp.start, sp.end), time=t))
    # a meeting called off anywhere on the letter is off wherever its day is named ("… op
    # donderdag 4 juni om 10.30 uur … De afspraak van 4 juni gaat dus niet door.")
    off = {m.date for m in out if m.role == "cancelled"}
    return [dataclasses.replace(m, role="other") if m.role == "cancelled"
            or (m.role == "appointment" and m.date in off) else m for m in out]


def find_letter_date(pages: Sequence[str], mentions: Sequence[DateMention]
                     ) -> DateMention | None:
    """The dagtekening: a labelled date ("Datum:", "Dagtekening") first, then a place line
    ("Amsterdam, 3 maart 2026") or "Heden,", else the first date in the top part of page 1
    that no word gives a role; never a birth date, period or earlier-letter date.

    `mentions` normally come from find_dates, which already marks it (role letter_date);
    for other mentions the choice is made again from the pages and matched by position.
    """
    for m in mentions:
        if m.role == "letter_date":
            return m
    own = next((m for m in find_dates(pages) if m.role == "letter_date"), None)
    if own is None:
        return None
    for m in mentions:
        if m.evidence == own.evidence:
            return dataclasses.replace(m, role="letter_date")
    return own


# --- appointment ------------------------------------------------------------------------------

_PLACE_LABEL = re.compile(
    r"^[^\S\n]*(?:[-•*]\s*)?(?P<lab>adres(?:\s+van\s+de\s+\w+)?|locatie|plaats(?:\s+van\s+de\s+\w+)?"
    r"|waar|zittingsplaats|zittingslocatie|bezoekadres|plek)[^\S\n]*\??[^\S\n]*(?::|[^\S\n]{2,}|\t)"
    r"[^\S\n]*(?P<v>[^\n]*)$", re.IGNORECASE | re.MULTILINE)
_POSTCODE_LINE = re.compile(r"^[^\S\n]*\d{4}\s?[A-Z]{2}\b[^\n]*$", re.MULTILINE)
_PLACE_PHRASE = re.compile(
    r"\b(?:(?:in|op|bij|aan)\s+(?:het|de|ons|onze)\s+(?:[\w-]+\s+){0,3}?(?:gebouw|gerechtsgebouw"
    r"|kantoor|gemeentehuis|stadhuis|stadsloket|stadsdeelkantoor|rechtbank|paleis\s+van\s+justitie"
    r"|vestiging|locatie|werkplein|loket|servicepunt|wijkcentrum|buurthuis)\b|zitting\s+houdende"
    r"\s+(?:in|aan|te)\b)[^.\n;]*(?:\n[^\S\n]*\d{4}\s?[A-Z]{2}\b[^.\n;]*)?", re.IGNORECASE)
PLACE_MAX = 120


# "Alle leden zijn van harte welkom op de Algemene Ledenvergadering op 11 juni om 20.00 uur":
# a meeting one may come to, not an appointment to keep
# a meeting called off: "gaat niet door", "vervalt", "is geannuleerd", "u hoeft niet te komen"
_CANCELLED = re.compile(
    r"\bgaat\s+(?:\w+\s+){0,2}?niet\s+door\b|\b(?:vervalt|vervallen|geannuleerd|afgezegd|geschrapt)\b"
    r"|\b(?:hoeft|hoef|hoeven)\s+(?:(?!niet\b)\S+\s+){0,5}?niet\s+(?:\S+\s+){0,4}?(?:te\s+)?(?:komen|verschijnen)\b"
    r"|\bniet\s+doorgaan\b"
    # "Komt u dus op 29 oktober niet naar het Stadskantoor."
    r"|\bkomt\s+(?:u|je)\s+(?:dus|daarom|dan\s+ook)\s+(?:\S+\s+){0,5}?niet\b", _I)
_VOLUNTARY = re.compile(r"\bvan\s+harte\s+welkom\b|\b(?:algemene\s+)?ledenvergadering\b|\balv\b", _I)


def find_appointment(pages: Sequence[str], mentions: Sequence[DateMention]
                     ) -> Appointment | None:
    """Date, time and place of an invitation or hearing ("op dinsdag 12 mei 2026 om 10.30 uur,
    Adres: ..."). The earliest appointment on/after the letter date; one with a time first."""
    letter = next((m.date for m in mentions if m.role == "letter_date"), None)
    cands = [m for m in mentions if m.role == "appointment"
             and (letter is None or m.date >= letter)
             and not _after_condition(pages, m) and not _VOLUNTARY.search(m.text)]
    if not cands:
        return None
    first = min(cands, key=lambda m: (m.date, m.time is None, m.time or ""))
    same_day = [m for m in cands if m.date == first.date and m.time]
    best = same_day[0] if same_day else first
    place = None
    time = best.time
    if best.evidence is not None and 1 <= best.evidence.page <= len(pages):
        page = pages[best.evidence.page - 1]
        place = _place_near(page, best.evidence.start, best.evidence.end)
        if time is None:
            time = _time_said_next(page, best.evidence.end)
    return Appointment(best.date, time, place, best.evidence)


# "… een hoorzitting op woensdag 7 oktober 2026. De zitting begint om 14.15 uur": the time in the
# next sentence, about the same meeting
_TIME_NEXT = re.compile(
    r"^[^.!?]{0,40}[.!?]\s+(?:de|het|die|dit|deze)\s+(?:hoor)?(?:zitting|gesprek|afspraak|bijeenkomst|intake"
    r"|keuring|bezoek|huisbezoek|spreekuur)\s+(?:begint|start|is|duurt\s+van)\s+(?:\w+\s+){0,2}?om\s+"
    r"(?P<h>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)\b", _I)


def _time_said_next(page: str, end: int) -> str | None:
    m = _TIME_NEXT.match(re.sub(r"\s+", " ", page[end:end + 200]))
    return f"{int(m['h']):02d}:{m['mi']}" if m else None


# "Betaal je niet en bel je niet? Dan komt Femke bij je langs. Dat is op dinsdag 23 juni …": a
# visit only in a case, in the sentence after the question or one that points back at it.
_CONDITION_THEN = re.compile(
    r"\?\s+(?:[\w']+\s+){0,3}?[Dd]an\b[^?.!]{0,160}(?:[.!]\s+(?:Dat|Dit|Die|Het|Zij|Hij)\s+(?:is|gebeurt|wordt|komt)\b[^.?!]*)?$")


def _after_condition(pages: Sequence[str], m: DateMention) -> bool:
    ev = m.evidence
    if ev is None or not 1 <= ev.page <= len(pages):
        return False
    text = pages[ev.page - 1] or ""
    return bool(_CONDITION_THEN.search(text[max(0, ev.start - 260):ev.start]))


def _place_near(text: str, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for m in _PLACE_LABEL.finditer(text):
        if m.start() < start - 200 or m.start() > end + 600:
            continue
        if m["lab"].lower() == "bezoekadres" and m.start() < start:
            continue  # the letterhead, not the meeting place
        value = m["v"].strip()
        nxt_lo = m.end() + 1
        nxt = text[nxt_lo:text.find("\n", nxt_lo) if "\n" in text[nxt_lo:] else len(text)]
        if not value:
            value = nxt.strip()
            nxt_lo += len(nxt) + 1
            nxt = text[nxt_lo:text.find("\n", nxt_lo) if "\n" in text[nxt_lo:] else len(text)]
        if value and _POSTCODE_LINE.match(nxt) and not re.search(r"\d{4}\s?[A-Z]{2}\b", value):
            value = f"{value}, {nxt.strip()}"
        if value:
            dist = abs(m.start() - end)
            if best is None or dist < best[0]:
                best = (dist, value)
    for m in _PLACE_PHRASE.finditer(text):
        if m.start() < start - 200 or m.start() > end + 600:
            continue
        dist = abs(m.start() - end) + 50  # a labelled address beats a phrase
        if best is None or dist < best[0]:
            best = (dist, m.group())
    if best is None:
        return None
    place = re.sub(r"\s+", " ", best[1]).strip(" ,.;:")
    place = re.sub(r"^(?:in|op|bij|aan)\s+", "", place, flags=re.IGNORECASE)
    return clip(place, PLACE_MAX) or None


# --- internals --------------------------------------------------------------------------------


def _classify(ctx: PageContext, spans: Sequence[DateSpan], i: int, time: str | None) -> _Role:
    text, masked = ctx.text, ctx.masked
    sp = spans[i]
    s, e = sp.start, sp.end
    line_lo, line_hi, whole = _line_span(text, s, e)
    sent_lo, sent_hi = ctx.sentence(s)
    sentence = _Role("", sent_lo, sent_hi)
    line = _Role("", line_lo, line_hi)

    if _in_range(ctx, spans, i):
        return dataclasses.replace(sentence, role="period")

    prefix = masked[line_lo:s]
    seg = _label_segment(prefix)
    if seg is not None:
        role = _full_label(seg, ctx.labels)
        if role is None and seg and _DEADLINE_PREP.fullmatch(" " + seg) \
                and len(_GAP.split(prefix.strip())) == 1 and not _runs_on(ctx, line_lo):
            # "Te betalen   € 843,27" / "Uiterlijk   vrijdag 11 december 2026": a bare
            # deadline label takes its action from the rows and the heading above it.
            role = _block_action(ctx, line_lo)
        if role == "letter_date" and (wrapped := _wrapped_label(ctx, line_lo, s)) is not None:
            # "… de aanslag gemeentelijke belastingen 2026 met / dagtekening 27 februari 2026":
            # a sentence wrapped before the date, not a label cell of this letter
            role = wrapped
        if role == "letter_date" and _time_row_below(masked, line_hi):
            role = "appointment"
        if role == "letter_date" and re.match(r"[ \t]*\)", masked[e:line_hi]):
            # "(nota 2025-J-448120, / verstuurd op 18-12-2025)": another paper's date, in brackets
            role = "earlier_letter"
        if role is not None:
            if role == "letter_date" and (_mail_header(text, line_lo) or _SENT_LABEL.match(seg)):
                # "Datum: di 9 jun. 2026 om 10:42" under "Van:", a portal's "Ontvangen
                # dinsdag 14 april 2026, 07:41": when it was sent, no meeting
                time = None
            return _Role(_label_with_time(role, time), *_cell_span(masked, line_lo, line_hi, s, e),
                         paper=role == "letter_date" and bool(_OTHER_PAPER.search(seg)))
    if seg and _SENT_LABEL.fullmatch(seg.strip(" :·•|")):
        # a portal's "Ontvangen   dinsdag 14 april 2026, 07:41": when the message came, never a
        # meeting; the letter's date when nothing better dates it
        return dataclasses.replace(line, role=BARE)
    if whole and (seg is None or seg == "" or _GAP.search(prefix)):
        found = _header_label(ctx, line_lo, s)
        if found is not None:
            role, label = found
            if role == "letter_date" and _time_row_below(masked, line_hi):
                role = "appointment"
            return _Role(_label_with_time(role, time), s, e, label)

    if not masked[line_lo:s].strip(" \t|") and (_MESSAGE_DATE_LINE.match(masked, e, line_hi) or (
            _PHONE_TIME.fullmatch(masked, e, line_hi) and masked.count("\n", 0, s) <= 8)):
        # an app's message header: the date, a dot, the message's title; a phone's "do 8 okt.
        # 2026 11:03" (a clock's colon, no "uur": when it came, no meeting)
        return dataclasses.replace(line, role=BARE)
    after = masked[e:line_hi].strip(" \t.")
    # "Woonstichting X  |  Hengelo, 19 november 2026  |  ref. HA-11873": a footer's cell
    after_cell = _GAP.split(after)[0].strip(" \t.") if _GAP.match(after) is None else ""
    place = _GAP.split(prefix)[-1].strip()  # "Waterschap X | Zwolle, 14 september 2026": a cell
    if (_PLACE_LINE.fullmatch(place) and place.endswith(",") and not after_cell
            and not _DEADLINE_PREP.search(_norm(place.rstrip(",")))):
        return dataclasses.replace(line, role="letter_date", weak=True)

    left = _norm(masked[max(sent_lo, s - 120):s])
    above = masked[masked.rfind("\n", 0, max(0, sent_lo - 1)) + 1 : max(0, sent_lo - 1)]
    if _RESCHEDULE_HEAD.match(above):
        # a side box "Afspraak verzetten / Bel 14 020, uiterlijk maandag 11 mei 2026": only for
        # a reader who wants another day
        return dataclasses.replace(sentence, role="other")
    if _EXAMPLE.match(masked[sent_lo:s]):
        # "Bijvoorbeeld een dagvaarding met een zitting op 13 januari 2027?": an example of
        # what the reader may have, no day this letter sets
        return dataclasses.replace(sentence, role="other")
    for role, rx in ctx.labels.tail:
        if rx.search(left):
            return dataclasses.replace(sentence, role=_label_with_time(role, time))

    if _HEDEN.match(masked[sent_lo:s]):
        return dataclasses.replace(sentence, role="letter_date", weak=True)

    if _COMPUTED_TO.search(left) or _FROM_BEFORE.search(left):
        # "Rente (berekend tot 15 oktober 2026)", "wettelijke rente t/m 30-11-2026": the end of
        # a computation, no date to act by
        return dataclasses.replace(sentence, role="other")
    if _DEADLINE_PREP.search(left):
        plo, phi = ctx.part(s, e)
        if (is_past(masked[plo:phi]) and _DONE_BY.search(masked[plo:phi])) \
                or _WAS_DUE.search(masked[plo:phi]):
            # "omdat u uw aangifte vóór 1 mei 2026 heeft ingediend": something done by then
            return dataclasses.replace(sentence, role="other")
        role = deadline_role(ctx, s, e)
        return dataclasses.replace(sentence, role=role or "other")
    if _START_PREP.search(left):
        return dataclasses.replace(sentence, role="other")
    return dataclasses.replace(sentence, role=_event_role(ctx, s, e, time))


# "De huur van juni moet daarnaast gewoon vóór 1 juni betaald worden", "op 1 februari moet ook
# de huur van februari betaald worden": the next period's own due date, named beside the arrears
# the letter is about ("ook", "daarnaast"), is a running obligation, not the letter's deadline.
_PERIOD_OF = re.compile(
    rf"\b(?:huur|premie|termijn|maandtermijn|maandbedrag|voorschot|bijdrage|aflossing)\s+(?:van|voor|over)\s+"
    rf"(?:de\s+maand\s+)?(?P<mon>{_MONTH_ALT})\b", _I)
_BESIDE = re.compile(r"\b(?:ook|daarnaast|gewoon|bovendien|tevens|intussen|verder)\b"
                     r"|\bzoals\s+(?:altijd|gewoonlijk|u\s+gewend\s+bent|je\s+gewend\s+bent)\b", _I)


_ANAPHOR_OPEN = re.compile(r"^\W*(?:die|deze|dat|dit|ook\s+die)\b", _I)


def _with_antecedent(ctx: PageContext, pos: int) -> str:
    """The sentence at `pos`, with the one before when it opens on a word that points back
    ("De huur van juli komt daar gewoon bij. Die moet uiterlijk 1 juli … staan.")."""
    lo, hi = ctx.sentence(pos)
    here = ctx.masked[lo:hi]
    if _ANAPHOR_OPEN.match(here) and (prev := ctx.previous_sentence(pos)) is not None:
        return ctx.masked[prev[0]:prev[1]] + " " + here
    return here


def _running_period(sentence: str, month: int) -> bool:
    return bool(_BESIDE.search(sentence)) and any(
        MONTHS[m["mon"].lower()] == month for m in _PERIOD_OF.finditer(sentence))


# The header of a letter sent or printed as an e-mail.
MAIL_FIELD = re.compile(r"^[^\S\n]*(?:van|aan|from|to|cc|onderwerp|subject|afzender)[^\S\n]*:",
                         _I | re.MULTILINE)


def _mail_header(text: str, line_lo: int) -> bool:
    """The line stands among e-mail header fields (Van:, Aan:, Onderwerp:)."""
    lo = line_lo
    for _ in range(3):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
    hi = line_lo
    for _ in range(4):
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt == -1 else nxt
    return len(MAIL_FIELD.findall(text[lo:hi])) >= 2


def _cell_span(masked: str, line_lo: int, line_hi: int, s: int, e: int) -> tuple[int, int]:
    """From the start of the label before a date to the next column gap after it."""
    lo = line_lo
    for m in _GAP.finditer(masked, line_lo, s):
        if masked[m.end():s].strip():
            lo = m.end()
    gap = _GAP.search(masked, e, line_hi)
    return lo, gap.start() if gap else line_hi


# (also a phone's message header: "Sms/mms · wo 25-11-2026 10:14")
_SENT_LABEL = re.compile(r"(?:ontvangen|binnengekomen|verzonden|verstuurd|sms(?:/mms)?|mms|imessage)\b", _I)
# a message's own date line in an app: "1 februari 2027 · Je premie is nog niet betaald"
_PHONE_TIME = re.compile(r"[ \t]*(?:,|om)?[ \t]*\d{1,2}:\d{2}[ \t]*")
_MESSAGE_DATE_LINE = re.compile(r"[ \t]*(?:\d{1,2}[.:]\d{2}[ \t]*)?[·•][ \t]*\S", _I)


def _label_with_time(role: str, time: str | None) -> str:
    # "Datum: 12 mei 2026 / Tijd: 10.30 uur" is the meeting, not the dagtekening.
    return "appointment" if role == "letter_date" and time else role


def _label_segment(prefix: str) -> str | None:
    """The label right before a date on its line ("Vervaldatum:"), or None for running text."""
    parts = [p for p in _GAP.split(prefix)]
    seg = parts[-1] if parts else ""
    if not seg.strip(" \t:") and len(parts) > 1:
        # "| Vervaldatum     | 6 oktober 2026 |": the last cell with words, past the bars
        # (also "Datum      : dinsdag 8 september", the colon set apart)
        seg = next((p for p in reversed(parts[:-1]) if p.strip()), "")
    seg = seg.strip()
    seg = re.sub(r"^[-•*·▪]\s*", "", seg)
    if len(seg) > 60:
        return None
    return _norm(seg).rstrip(" :.?").strip()


def _runs_on(ctx: PageContext, line_lo: int) -> bool:
    """A sentence runs on into the line at `line_lo`: the line above ends in no stop, colon or
    column bar, and this line starts in lower case ("Als u ons / vóór 15 maart … geeft")."""
    if line_lo < 2 or not ctx.masked[line_lo:line_lo + 1].islower():
        return False
    above = ctx.masked[max(0, line_lo - 120):line_lo - 1]
    above = above[above.rfind("\n") + 1:]
    return bool(above.strip()) and not re.search(r"[.:;!?|]\s*$", above)


def _wrapped_label(ctx: PageContext, line_lo: int, s: int) -> str | None:
    """When a sentence runs on into this line (the line above ends in no stop or colon, and this
    line starts in lower case: "… met een nieuwe / datum: 27 februari"), the role the words
    before the date give ("other" when none); None when it is no run-on or they say letter_date."""
    if not _runs_on(ctx, line_lo):
        return None
    above = ctx.masked[max(0, line_lo - 120):line_lo - 1]
    left = _norm(above[above.rfind("\n") + 1:] + " " + ctx.masked[line_lo:s])
    role = next((role for role, rx in ctx.labels.tail if rx.search(left)), "other")
    return None if role == "letter_date" else role


def _full_label(seg: str, labels: DateLabels) -> str | None:
    seg = seg.strip(" |│┃")  # a boxed table's cell
    if not seg:
        return None
    for role, rx in labels.full:
        if rx.fullmatch(seg):
            return role
    # "Vervaldatum van deze aanmaning": the label with the paper it belongs to;
    # "Nieuwe uiterste betaaldatum": the label with a word that says which one
    short = _OF_THIS_PAPER.sub("", _WHICH_ONE.sub("", seg))
    if short != seg:
        return _full_label(short, labels)
    return None


_WHICH_ONE = re.compile(r"^(?:nieuwe|gewijzigde|aangepaste|uw|je|de)\s+", _I)
_BOX_BAR = re.compile(r"[|│┃║]")
_OF_THIS_PAPER = re.compile(r"\s+(?:van|bij|voor)\s+(?:deze|dit|de|het|uw|je)\s+[\w-]+$"
                            r"|\s+(?:aanmaning|herinnering|aanslag|beschikking|factuur|nota)$", _I)


def _block_action(ctx: PageContext, line_lo: int) -> str | None:
    """The action named in the lines of a block above `line_lo` and its heading (up to the
    blank line above the heading), nearest first; None when they name none."""
    masked = ctx.masked
    lo = line_lo
    blanks = 0
    for _ in range(8):
        if lo == 0:
            break
        prev_lo = masked.rfind("\n", 0, lo - 1) + 1
        if not masked[prev_lo : lo - 1].strip():
            blanks += 1
            if blanks > 1:
                break
        lo = prev_lo
    role = _cue_role(masked, lo, line_lo, line_lo, line_lo, ctx.cues)
    return role if role not in (None, "ours") else None


_RULE_LINE = re.compile(r"[\s\-=_─━+|]*[\-=_─━]{3,}[\s\-=_─━+|]*")


def _header_label(ctx: PageContext, line_lo: int, s: int) -> tuple[str, str] | None:
    """A label above the date: the line before ("Uiterste betaaldatum" / "8 februari 2027"),
    or the header of a table column, found by walking up rows that hold a date in the same
    column ("Termijn   Uiterste betaaldatum   Bedrag"). A bare deadline header ("Uiterlijk
    op") takes its action from the sentence before the table. Returns (role, header)."""
    masked = ctx.masked
    col = s - line_lo
    starts_line = not masked[line_lo:s].strip()
    hi = line_lo - 1
    blank = 0
    rows = 1  # dates in this column: more than one is a table of dates, not the letter's date
    nxt_hi = masked.find("\n", masked.find("\n", s) + 1)
    below = masked[masked.find("\n", s) + 1 : nxt_hi if nxt_hi != -1 else len(masked)]
    if masked.find("\n", s) != -1 and (_piece_at(below, col) or "").startswith("#"):
        rows += 1
    for _ in range(40):
        if hi < 0:
            return None
        lo = masked.rfind("\n", max(0, hi - LINE_REACH), hi) + 1
        if lo == 0 and hi > LINE_REACH:
            return None  # a line too long to be a table row
        prev = masked[lo:hi]
        hi = lo - 1
        if not prev.strip():
            blank += 1
            if blank > 1:
                return None
            continue
        blank = 0
        if _RULE_LINE.fullmatch(prev):
            continue  # a table's ruled line between its header and its rows
        if starts_line and not (prev[:col].strip() and _GAP.search(prev.strip())):
            # (a line of two cells, "Zorgverzekeringswet          Datum", is read by its cell
            # above the date below)
            role = _full_label(_norm(prev.strip()).rstrip(" :.?"), ctx.labels)
            if role is None and prev.rstrip().endswith(":"):
                # "Mijn UWV > Berichten   Afgedrukt:" wrapped above its date: the line's last label
                role = next((r for r, rx in ctx.labels.tail if rx.search(_norm(prev.rstrip()))), None)
            if role is not None:
                return role, prev.strip()
        piece = _piece_at(prev, col)
        if piece is None:
            return None
        if piece.startswith("#"):
            rows += 1
            continue  # another row of the same table column
        label = _norm(piece).rstrip(" :.?")
        role = _full_label(label, ctx.labels)
        header = prev
        if role is None and (up := _header_line_above(masked, lo, col)) is not None:
            # "| Uiterlijk op onze |" / "| rekening |": a header cell wrapped over two lines
            label = _norm(f"{up} {piece}").rstrip(" :.?")
            piece = f"{up} {piece}"
            header = masked[masked.rfind("\n", 0, lo - 1) + 1 : lo - 1] + " " + prev
            role = _full_label(label, ctx.labels)
        own_line = masked[line_lo : (masked.find("\n", s) + 1 or len(masked) + 1) - 1]
        if role == "letter_date" and (rows > 1 or "€" in own_line):
            # a "Datum" column over several dates, or on a row with an amount: not the letter's
            # "Factuur   Datum   Bedrag   Status" over several rows: invoice or history dates
            return "invoice" if _INVOICE_NOUN.search(_norm(prev)) else "other", piece.strip()
        by_head = _PREP_HEAD.match(label) or _BY_HEAD.fullmatch(label)
        if role is None and (_DEADLINE_PREP.fullmatch(" " + label) or by_head):
            before = ctx.previous_sentence(lo)  # the sentence that introduces the table
            if before is not None:
                cue = _cue_role(masked, before[0], before[1], lo, lo, ctx.cues)
                role = cue if cue != "ours" else None
            if role is None and (by_head or _DEADLINE_PREP.fullmatch(" " + label)) \
                    and _MONEY_HEADER.search(_norm(header)):
                # "Termijn | Uiterlijk op ons rekeningnummer | Termijnbedrag", "Termijn  Uiterlijk
                # op  Bedrag", "Termijn  Uiterlijk betaald op  Bedrag": a pay schedule
                role = "pay_by"
        return (role, piece.strip()) if role else None
    return None


# A column header that opens with a deadline word: "Uiterlijk op ons rekeningnummer"
_PREP_HEAD = re.compile(r"(?:uiterlijk|ten\s+laatste|niet\s+later\s+dan|op\s+of\s+voor|voor)\s+"
                        r"(?:op\s+|in\s+|bij\s+)?(?:ons|onze|de|het|uw|rekening)\b", _I)  # ("Uiterlijk op rekening Belastingdienst")


# "Uiterlijk betaald op", "Uiterlijk bijgeschreven": a deadline header that names the payment
_BY_HEAD = re.compile(r"(?:uiterlijk|ten\s+laatste)\s+(?:op\s+)?(?:betaald|voldaan|bijgeschreven|ontvangen|overgemaakt)"
                      r"(?:\s+(?:op|voor|zijn))?", _I)
_MONEY_HEADER = re.compile(r"\b(?:\w*bedrag|rekening\w*|betaling)\b", _I)


def _header_line_above(masked: str, lo: int, col: int) -> str | None:
    """The cell at `col` of the line above a header line, when that line is part of the header
    (no ruled line or blank line between)."""
    if lo <= 0:
        return None
    a = masked.rfind("\n", 0, lo - 1) + 1
    above = masked[a : lo - 1]
    if not above.strip() or _RULE_LINE.fullmatch(above):
        return None
    piece = _piece_at(above, col)
    return piece if piece and not piece.startswith("#") else None


_WORD_START = re.compile(r"(?<!\S)\S+")  # a whole word, never the tail of one ("Termijn" → "jn")


def _piece_at(line: str, col: int) -> str | None:
    """The gap-separated cell of `line` that starts within 4 columns of `col`."""
    # "| Termijn  | Uiterlijk betaald| Bedrag |": a bar parts the cells, also with one space
    # beside it (a line break stands in for it: same width, and no cell runs over it)
    line = _BOX_BAR.sub("\n", line)
    for m in re.finditer(r"\S+(?:[^\S\n]{1,2}\S+)*", line):
        if abs(m.start() - col) <= 4:
            return m.group()
        if m.start() < col < m.end():
            # "Termijn Vervaldatum     Bedrag": headers one space apart; the word right above
            w = _WORD_START.search(line, col - 1, m.end())
            if w is not None and abs(w.start() - col) <= 1:
                return line[w.start():m.end()]
        if m.start() > col + 4:
            break
    return None


def _in_range(ctx: PageContext, spans: Sequence[DateSpan], i: int) -> bool:
    text = ctx.text
    if _DAY_RANGE_LEFT.search(text[max(0, spans[i].start - 16):spans[i].start]):
        return True
    if i + 1 < len(spans) and _RANGE_JOIN.fullmatch(text[spans[i].end:spans[i + 1].start]):
        return True
    if i > 0 and bool(_RANGE_JOIN.fullmatch(text[spans[i - 1].end:spans[i].start])):
        return True
    # "tussen 1 oktober en 1 april": both ends of a period
    if i + 1 < len(spans) and _BETWEEN_AND.fullmatch(text[spans[i].end:spans[i + 1].start]) \
            and _BETWEEN.search(text[max(0, spans[i].start - 12):spans[i].start]):
        return True
    return i > 0 and bool(_BETWEEN_AND.fullmatch(text[spans[i - 1].end:spans[i].start])) \
        and bool(_BETWEEN.search(text[max(0, spans[i - 1].start - 12):spans[i - 1].start]))


_BETWEEN = re.compile(r"\btussen\s+$", _I)
_BETWEEN_AND = re.compile(r"\s+en\s+", _I)


def _cue_role(masked: str, lo: int, hi: int, s: int, e: int, cues: DeadlineCues) -> str | None:
    seg = masked[lo:hi]
    if _OURS.search(seg):
        return "ours"
    best: tuple[int, str] | None = None
    for cue in cues.cues:
        role, pen = cue.role, cue.penalty
        for m in cue.pattern.finditer(seg):
            a, b = lo + m.start(), lo + m.end()
            if a < e and b > s:
                if a >= s:
                    continue  # the cue is (in) the date itself
                dist = 0  # "Maak het totaal uiterlijk 4 november over": the date inside the ask
            else:
                dist = s - b if b <= s else a - e + 3
            dist += pen
            if best is None or dist < best[0]:
                best = (dist, role)
    return best[1] if best else None


def _objection_before(ctx: PageContext, prev: tuple[int, int], s: int, e: int) -> bool:
    """The sentence before asks for bezwaar or beroep, or the one before it when the sentence
    between tells how ("… beroep instellen. Dat doet u met een brief aan …. Uw brief moet binnen
    zes weken … binnen zijn")."""
    if _cue_role(ctx.masked, prev[0], prev[1], s, e, ctx.cues) == "object_by":
        return True
    if not _ANAPHOR.search(ctx.masked[prev[0]:prev[1]]):
        return False
    before = ctx.previous_sentence(prev[0])
    return before is not None and _cue_role(ctx.masked, before[0], before[1], s, e, ctx.cues) == "object_by"


def deadline_role(ctx: PageContext, s: int, e: int) -> str | None:
    """The role (pay_by, respond_by, send_by, object_by, other) of a deadline at [s, e):
    the nearest action cue in its clause, then its sentence, then its table row, then the
    sentence before
    ("Wij hebben uw loonstroken nodig. Stuur ze vóór ..."); "other" when the sender acts
    ("U krijgt vóór 1 juli een beslissing"); None when nothing says."""
    prev = ctx.previous_sentence(s)
    for lo, hi in (ctx.part(s, e), ctx.sentence(s)):
        role = _cue_role(ctx.masked, lo, hi, s, e, ctx.cues)
        if role == "ours":
            return "other"
        clause = ctx.masked[lo:hi]
        # "Uw brief moet binnen zes weken … binnen zijn": a letter that must arrive, not money
        letter_due = role == "pay_by" and bool(_OBJECTION_LETTER.search(clause)) \
            and not _PAID_THING.search(clause)
        if (role in ("send_by", "respond_by") or letter_due) and prev is not None \
                and (_ANAPHOR.search(clause) or _OBJECTION_LETTER.search(clause)) \
                and _objection_before(ctx, prev, s, e):
            # "... beroep instellen. Stuur daarvoor binnen tien dagen ...", "Dan kun je in
            # beroep gaan. Stuur ons binnen 6 weken een brief."
            return "object_by"
        if role:
            return role
    line_lo, line_hi, _ = _line_span(ctx.masked, s, e)
    if _COLUMN_GAP.search(ctx.masked, line_lo, line_hi):
        # a table row: its other cells name the action ("2e termijn   € 475,41   uiterlijk ...")
        role = _cue_role(ctx.masked, line_lo, line_hi, s, e, ctx.cues)
        if role and role != "ours":
            return role
    if _SUM_BY.search(ctx.masked[line_lo:s]) and not ctx.masked[e:line_hi].strip(" .;:|\t"):
        # a line of a payment schedule: "€ 60,20 uiterlijk 30 april 2026"
        return "pay_by"
    lo, hi = ctx.sentence(s)
    rest = ctx.masked[lo:s] + " " + ctx.masked[e:hi]
    if _BARE_TERM.fullmatch(rest) and prev is not None \
            and ctx.masked[prev[0]:prev[1]].rstrip().endswith("?"):
        # a term standing alone under a question heading: the heading says what to do
        # ("Wanneer moet je betalen? Binnen 4 weken …"), else the sentence after it ("Wanneer?
        # Binnen twee weken na de datum van dit bericht. Upload de papieren via …")
        role = _cue_role(ctx.masked, prev[0], prev[1], s, e, ctx.cues)
        if role and role != "ours":
            return role
        n = len(ctx.masked)
        nxt = hi
        while nxt < n and ctx.masked[nxt].isspace() and ctx.masked[nxt:nxt + 2] != "\n\n":
            nxt += 1
        if nxt < n and not ctx.masked[nxt].isspace():
            nlo, nhi = ctx.sentence(nxt)
            role = _cue_role(ctx.masked, nlo, nhi, nlo, nlo, ctx.cues)
            if role and role != "ours":
                return role
    if prev is not None and _BACK_REFERENCE.search(ctx.masked[lo:hi]):
        # "Doe een van de twee vóór 27 april": the choices may stand a few sentences up; of a
        # choice between paying and something else, paying is the one with a date to keep
        choice = bool(_CHOICE.search(ctx.masked[lo:hi]) or _CHOICE.search(ctx.masked[prev[0]:prev[1]]))
        found: list[str] = []
        for _ in range(4):
            role = _cue_role(ctx.masked, prev[0], prev[1], s, e, ctx.cues)
            if role == "ours" and (we := _OURS.search(ctx.masked, prev[0], prev[1])) is not None:
                # "Het gesprek gaat alleen door als u ons laat weten dat u komt. Wilt u dat
                # uiterlijk vrijdag 25 september doen?": what the reader is asked, after the
                # words about the sender
                role = _cue_role(ctx.masked, we.end(), prev[1], s, e, ctx.cues)
            if role and role != "ours":
                if not choice:
                    return role
                found.append(role)
                if any(cue.role == "pay_by" and cue.pattern.search(ctx.masked, prev[0], prev[1])
                       for cue in ctx.cues.cues):
                    found.append("pay_by")  # "Betaal …, of stuur … terug. Doe dit binnen …"
            if prev[0] == 0:
                break
            prev = ctx.previous_sentence(prev[0])
            if prev is None:
                break
        if found:
            return "pay_by" if "pay_by" in found else found[0]
    return None


_CHOICE = re.compile(r"\b(?:een|één)\s+van\s+(?:de|deze|beide)\b|\bkies\b|\bkeuze\b"
                     r"|,?\s\bof\s+(?:stuur|bel|vraag|neem|kies|maak|betaal|meld|lever)\b", _I)  # "Betaal …, of stuur …"


# "Bedankt voor het prettige gesprek aan de balie op 6 januari": a meeting that was
_THANKS = re.compile(r"^\W*(?:bedankt|dank\s+(?:u|je|jullie)\s+wel|dank)\s+voor\b", _I)


# A message's time stamp: the clock time right after the date, as a phone or a portal prints it
# ("12 jun 09:30", "29-09-2026 16:02"), with no "om" before it and no "uur" after it
_CHAT_STAMP = re.compile(r"[^\S\n]*\[")
_STAMP_AFTER = re.compile(r",?[^\S\n]{1,3}(?:[01]?\d|2[0-3]):[0-5]\d(?![\d.:]|[^\S\n]*(?:uur|u)\b)", _I)


def _stamp(masked: str, s: int, e: int, meeting: re.Pattern[str]) -> bool:
    """The date ends its line with a bare clock time after it, and the line holds no sentence
    that could set a meeting (no appointment word, no "om")."""
    m = _STAMP_AFTER.match(masked, e)
    if m is None:
        return False
    line_lo = masked.rfind("\n", 0, s) + 1
    if _CHAT_STAMP.match(masked, line_lo) and m.end() < len(masked) and masked[m.end()] == "]":
        return True  # "[28-10-26 19:42] Rijschool Vlot: …": when a chat message was sent
    line_hi = masked.find("\n", m.end())
    line = masked[line_lo: line_hi if line_hi != -1 else len(masked)]
    tail = masked[m.end(): line_hi if line_hi != -1 else len(masked)]
    return not tail.strip(" \t|") and not meeting.search(line) and not re.search(r"\bom\b", line, _I)


_IF_QUESTION = re.compile(r"\W*(?:hebben|heeft|hebt|is|zijn|krijgen|krijgt|ontvangen|ontvangt)\s+(?:wij|we|u|je|jij)\b[^?]*\?\s*$", _I)


def _event_role(ctx: PageContext, s: int, e: int, time: str | None) -> str:
    """A date after "op" or without a preposition: past event, appointment, or an action
    stated with a modal ("Op 12 maart moet het bedrag betaald zijn")."""
    masked = ctx.masked
    plo, phi = ctx.part(s, e)
    slo, shi = ctx.sentence(s)
    part = masked[plo:phi]
    if is_past(part) or _THANKS.search(masked[slo:shi]):
        sent = masked[slo:shi]
        if _INVOICE_NOUN.search(sent):
            return "invoice"
        if _LETTER_NOUN_RE.search(sent):
            return "earlier_letter"
        return "other"
    if _OURS.search(part):
        return "other"
    if time and not masked[:s].strip():
        return "other"  # "28-08-2026 21:47   Mijn DUO - Bericht": a browser's print header
    if time and _stamp(masked, s, e, ctx.cues.meeting):
        return "other"  # "[SMS] Vonkel Energie, 17-02-2026 08:05": when a message came
    if time and _BY_DATE.search(masked[max(plo, s - 40):s]):
        # "uiterlijk op maandag de negentiende oktober …, des namiddags te vijf uur, … voldaan": a
        # last moment to act, with its hour, not a meeting
        by = _cue_role(masked, plo, phi, s, e, ctx.cues) or _cue_role(masked, slo, shi, s, e, ctx.cues)
        if by in ("pay_by", "respond_by", "send_by"):
            return by
    if _NO_MEETING.search(masked[slo:shi]):
        return "other"  # "dat deze verkoop zal plaatsvinden op … te twee uur": a sale, no meeting
    if not time and _IF_QUESTION.match(masked[slo:shi]):
        return "other"  # "Hebben wij op 9 oktober geen betaling of afspraak? Dan …": a case, no meeting
    if time or ctx.cues.meeting.search(masked[slo:shi]):
        return "appointment"
    role = _cue_role(masked, plo, phi, s, e, ctx.cues)
    if role and role != "ours" and _MODAL.search(part):
        return role
    return BARE


def _line_span(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """The line around [s, e), cut to LINE_REACH characters either side; True when whole."""
    lo = text.rfind("\n", max(0, s - LINE_REACH), s)
    hi = text.find("\n", e, e + LINE_REACH)
    whole = (lo >= 0 or s <= LINE_REACH) and (hi >= 0 or len(text) - e <= LINE_REACH)
    lo = lo + 1 if lo >= 0 else max(0, s - LINE_REACH)
    hi = hi if hi >= 0 else min(len(text), e + LINE_REACH)
    return lo, hi, whole


def _time_near(ctx: PageContext, sp: DateSpan) -> str | None:
    text = ctx.text
    _, line_hi, _ = _line_span(text, sp.start, sp.end)
    m = _TIME_RIGHT.match(text, sp.end, min(line_hi, sp.end + 40))
    # (a dash needs minutes: "18-11-2026 - 1/3" in a running footer is a page number)
    if m and ((m["om"] and (m["om"] != "-" or m["mi"] or m["u"])) or m["u"] or (m["mi"] and m.start("h") - sp.end <= 3)):
        return _hhmm(m)
    _, shi = ctx.sentence(sp.start)
    window = ctx.masked[sp.end:min(shi, sp.end + 80)]
    m = _TIME_OM.search(window)
    if m and "#" not in window[:m.start()]:
        return _hhmm(m)
    w = _TIME_WORDS.search(window)
    if w and "#" not in window[:w.start()]:
        return _word_time(w)
    if line_hi < len(text):
        m = _TIME_LINE.match(text, line_hi + 1, min(len(text), line_hi + 1 + LINE_REACH))
        m = m or _TIME_ALONE.match(text, line_hi + 1, min(len(text), line_hi + 1 + LINE_REACH))
        if m:
            return _hhmm(m)
    m = _TIME_LEFT.search(ctx.masked[max(0, sp.start - 40):sp.start])
    if m:
        return _hhmm(m)
    return None


def _hhmm(m: re.Match[str]) -> str:
    return f"{int(m['h']):02d}:{m['mi'] or '00'}"


_HOUR_WORDS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
               "elf", "twaalf")
# "om half twee 's middags", "om kwart over tien", "om tien uur": a time in words.
_TIME_WORDS = re.compile(
    # an exploot's "des voormiddags te tien uur", "des namiddags om half twee"
    r"(?:\bdes\s+(?P<des>voor|na)middags\s+)?"
    r"\b(?:om|te)\s+(?P<q>half|kwart\s+over|kwart\s+voor)?\s*(?P<hw>" + "|".join(_HOUR_WORDS)
    + r"|één)(?P<uur>\s+uur(?!\s+of\b))?(?:\s+(?P<part>'s\s+(?:ochtends|morgens|middags|avonds)))?\b", _I)


def _word_time(m: re.Match[str]) -> str | None:
    hour = 1 if m["hw"].lower() == "één" else _HOUR_WORDS.index(m["hw"].lower()) + 1
    if not (m["q"] or m["uur"] or m["part"] or m["des"]):
        return None  # "om een ..." is no time
    if m.group(0).lower().lstrip().startswith("te") and not (m["uur"] or m["des"]):
        return None  # "te twee" is no time; "te tien uur" is
    q = (m["q"] or "").lower().split()
    minute = {"half": 30, "kwart over": 15, "kwart voor": 45}.get(" ".join(q), 0)
    if q and q[0] in ("half",) or q[-1:] == ["voor"]:
        hour -= 1
    part = (m["part"] or "").lower() + (" middags" if (m["des"] or "").lower() == "na" else "")
    if (m["des"] or "").lower() == "voor":
        part = "'s ochtends"
    # a meeting without "'s ochtends" between one and seven is in the afternoon
    if ("middags" in part or "avonds" in part or (not part and 1 <= hour <= 7)) and hour < 12:
        hour += 12
    return f"{hour % 24:02d}:{minute:02d}"


def sentence_text(ctx: PageContext, lo: int, hi: int, start: int, end: int) -> str:
    """The words [lo, hi) as one line, cut to a window around [start, end) when too long."""
    if hi - lo > TEXT_MAX:
        lo, hi = max(lo, start - 90), min(hi, end + 60)
    return clip(re.sub(r"\s+", " ", ctx.text[lo:hi]).strip().lstrip(":;,- ").strip(), TEXT_MAX)


def _mention_text(ctx: PageContext, r: _Role, sp: DateSpan) -> str:
    if r.label is not None:
        cell = re.sub(r"\s+", " ", ctx.text[sp.start:sp.end])
        return clip(f"{re.sub(chr(92) + 's+', ' ', r.label)}: {cell}", TEXT_MAX)
    out = sentence_text(ctx, r.lo, r.hi, sp.start, sp.end)
    if r.hi - r.lo <= TEXT_MAX:
        prev = ctx.previous_sentence(sp.start)
        if prev is not None:
            # the question's own line: a table may stand right above it in the same "sentence"
            q = re.sub(r"\s+", " ", ctx.text[prev[0]:prev[1]].strip().split("\n")[-1]).strip()
            lo, hi = ctx.sentence(sp.start)
            whole = re.sub(r"\s+", " ", ctx.text[lo:hi]).strip()
            if (_QUESTION.match(q) and (_THEN_CLAUSE.match(out) or _DO_THAT.match(whole))
                    and len(q) + len(out) < TEXT_MAX):
                # "Betaalt u liever in tien termijnen? Regel dit vóór 15 maart": the answer to a
                # case, so the date holds only in that case
                out = f"{q} {out}"
    return clip(out, TEXT_MAX)


def clip(s: str, limit: int) -> str:
    """`s` cut at a word to at most `limit` characters, with "…" when cut."""
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _top_limit(page1: str) -> int:
    """End offset of the 'top part' of page 1: its first 25 non-empty lines."""
    n = 0
    for m in re.finditer(r"[^\n]*\n?", page1):
        if m.group().strip():
            n += 1
            if n >= 25:
                return m.end()
    return len(page1)


def _choose_letter_date(pages: Sequence[str],
                        items: Sequence[tuple[int, DateSpan, _Role, str | None, str]]
                        ) -> tuple[date | None, int | None]:
    """The letter date, and the index of the unlabelled date chosen as letter date (if any):
    the first labelled/place-line date, else the first plausible 'other' date in the top of
    page 1."""
    fwd = _FORWARD_MARK.search(pages[0]) if pages else None
    if fwd is not None:
        # a resident's forward of the letter: the forwarded mail's own date, not the forward's
        for pi, sp, r, _, _ in items:
            if pi == 0 and sp.start > fwd.end() and r.role == "letter_date" and sp.year:
                return sp.on(sp.year), None
    # page 1 first: "(dagtekening 28 februari 2026)" in an annex on page 2 dates another paper
    for first_page in (True, False):
        for weak, paper in ((False, False), (True, False), (False, True)):
            for pi, sp, r, _, _ in items:
                if r.role == "letter_date" and r.weak is weak and r.paper is paper and sp.year \
                        and (pi == 0) is first_page:
                    return sp.on(sp.year), None
    top = _top_limit(pages[0]) if pages else 0
    for k, (pi, sp, r, _, _) in enumerate(items):
        if pi == 0 and sp.start < top and r.role == BARE and sp.year and 1990 <= sp.year <= 2100:
            return sp.on(sp.year), k
    return None, None


def _year_from_weekday(sp: DateSpan, today: date) -> int | None:
    """"di 10 feb.": the one year of the last three (to a month after today) in which that day
    falls on that weekday; None when none or several fit."""
    if sp.weekday is None or not sp.month:
        return None
    fits = [y for y in range(today.year - 2, today.year + 1)
            if (d := sp.on(y)) is not None and d.weekday() == sp.weekday
            and (d - today).days <= 31]
    return fits[0] if len(fits) == 1 else None


def _month_from_weekday(sp: DateSpan, role: str, ref: date | None) -> date | None:
    """"maandag de 16e": the date in the letter date's month or the next (the one before, for a
    past event) that falls on that weekday, after the letter date for an ask, before it for a past event; None when
    the weekday fits no such date (then it is no date we can trust)."""
    if ref is None or sp.weekday is None:
        return None
    cands = []
    for shift in ((-1, 0) if role in BACKWARD_ROLES else (0, 1)):
        y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        try:
            d = date(y, m + 1, sp.day)
        except ValueError:
            continue
        if d.weekday() == sp.weekday:
            cands.append(d)
    if role in BACKWARD_ROLES:
        before = [d for d in cands if d <= ref]
        return max(before) if before else None
    after = [d for d in cands if d >= ref]
    return min(after) if after else None


_MONTH_YEAR = re.compile(r"\b(?P<m>[a-z]+)\s+(?P<y>(?:19|20)\d\d)\b", _I)


def _row_year(text: str, sp: DateSpan) -> int | None:
    """"Termijnbedrag juni 2026 (vervaldatum 1 juni)": a yearless date takes the year its own
    line gives the same month."""
    if not text or sp.month == 0:
        return None
    lo = text.rfind("\n", 0, sp.start) + 1
    hi = text.find("\n", sp.end)
    line = text[lo:hi if hi >= 0 else len(text)]
    years = {int(m["y"]) for m in _MONTH_YEAR.finditer(line) if MONTHS.get(m["m"].lower()) == sp.month}
    return years.pop() if len(years) == 1 else None


_NOT_THIS_ASK = re.compile(r"^\W*(?:een|uw|je|de)\s+machtiging\b|\bvalt\s+(?:niet|buiten)\s+(?:onder\s+)?(?:deze|dit|de)\b"
                           r"|\bhoort\s+niet\s+bij\s+(?:deze|dit)\b|\bstaat\s+(?:hier\s+)?los\s+van\b", _I)
_WROTE = re.compile(r"^[ \t>]*(?:op|on)\b[^\n]{4,120}\b(?:schreef|wrote)\b[^\n]*:[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _mail_marker(words: str) -> re.Pattern[str]:
    """A mail program's separator line: "-----Oorspronkelijk bericht-----", "---------- Doorgestuurd
    bericht ---------", "Begin doorgestuurd bericht:"."""
    return re.compile(rf"^[ \t]*(?:-{{3,}}[ \t]*(?:{words})[ \t]*-{{3,}}|begin\s+(?:{words})\s*:)",
                      re.IGNORECASE | re.MULTILINE)


_QUOTE_MARK = _mail_marker(r"oorspronkelijk\s+bericht|original\s+message")
_FORWARD_MARK = _mail_marker(r"doorgestuurd\s+bericht|forwarded\s+message")


@functools.lru_cache(maxsize=16)
def _quote_starts(text: str) -> tuple[int, int]:
    """Where a page's quoted older mail starts (its marker), and where the first "Op … schreef …:"
    line is; len(text) when there is none. Once per page: every date and term asks."""
    mark, wrote = _QUOTE_MARK.search(text), _WROTE.search(text)
    return (mark.start() if mark else len(text)), (wrote.start() if wrote else len(text))


def quoted(text: str, pos: int) -> bool:
    """The date stands in a quoted older mail: a "> " line, or below a reply's "Oorspronkelijk
    bericht" marker (a forwarded mail's own letter is not quoted so)."""
    mark, wrote = _quote_starts(text)
    if mark < pos:
        return True
    # a "> " line under "Op wo 25 nov. 2026 om 22:14 schreef …:" (not a bullet ">  Betaal …", not
    # a banner ">> maandag 8 juni <<")
    return wrote < pos and text[text.rfind("\n", 0, pos) + 1 : pos].lstrip().startswith(">")


_DATE_AND = re.compile(r"\s*(?:,|en|of)\s*")


def _shared_year(text: str, spans: Sequence[DateSpan], i: int) -> int | None:
    """"op 31 augustus en 30 september 2026": the year printed once, for both dates."""
    if i + 1 >= len(spans) or not spans[i + 1].year or not spans[i].month:
        return None
    nxt = spans[i + 1]
    if not _DATE_AND.fullmatch(text, spans[i].end, nxt.start):
        return None
    d, od = spans[i].on(nxt.year or 0), nxt.on(nxt.year or 0)
    return nxt.year if d is not None and od is not None and d <= od else None


def _resolve_year(sp: DateSpan, role: str, ref: date | None,
                  items: Sequence[tuple[int, DateSpan, _Role, str | None, str]], k: int
                  ) -> date | None:
    """A year for "1 april": from the other end of a range, else from the letter date."""
    if sp.month == 0:
        return _month_from_weekday(sp, role, ref)
    pi = items[k][0]
    for j in (k + 1, k - 1):
        if 0 <= j < len(items) and items[j][0] == pi and items[j][1].year and role == "period":
            other = items[j][1]
            od = other.on(other.year or 0)
            if od is None:
                break
            d = sp.on(od.year)
            if d is None:
                return None
            if j > k and d > od:
                d = sp.on(od.year - 1)
            elif j < k and d < od:
                d = sp.on(od.year + 1)
            return d
    if ref is None:
        return None
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := sp.on(y)) is not None]
    if sp.weekday is not None:
        matching = [d for d in cands if d.weekday() == sp.weekday]
        cands = matching or cands
    if role in FORWARD_ROLES:
        after = [d for d in cands if d >= ref]
        return min(after) if after else None
    if role in BACKWARD_ROLES:
        before = [d for d in cands if d <= ref]
        return max(before) if before else None
    return min(cands, key=lambda d: abs((d - ref).days)) if cands else None
