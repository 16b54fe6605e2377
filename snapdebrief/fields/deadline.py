"""Fields stage, last step: the ONE deadline a letter sets, and its bezwaar deadline.

Our contract (Awb art. 6:7/6:8 for bezwaar): the earliest date by which the letter asks an action the
letter kind can ask; an explicit date beats a relative term for the same action; a date in a
condition ("Als u niet vóór 1 mei betaalt, dan ...") only counts when no plain date exists;
`object` only when the kind's rule lists it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..result import DateMention, Deadline
from .calendar import atw_shift, objection_deadline
from .dates import DAY_NAME, scan_dates

ROLE_ACTION: dict[str, str] = {
    "pay_by": "pay",
    "respond_by": "respond",
    "send_by": "send_documents",
    "appointment": "attend",
    "object_by": "object",
}

# ("Wanneer: …", "Wanneer? …", "Wanneer   dinsdag 8 december": a label, no condition)
_COND = re.compile(rf"\b(?:als|indien|wanneer(?!\s*[:?]|\s+(?:{DAY_NAME}\b|\d))"
                   r"|mocht|mochten|zolang|tenzij)\b", re.IGNORECASE)
# Polite fillers that are no condition: "indien u dat nog niet heeft gedaan".
_NOT_COND = re.compile(
    r"\b(?:als|indien|wanneer)\s+(?:u|je)\s+(?:dit|dat|het(?:\s+bedrag)?)?\s*(?:nog\s+)?niet"
    r"\s+(?:al\s+)?(?:heeft|hebt)\s+(?:gedaan|betaald|voldaan)\b|\bals\s+(?:volgt|bijlage)\b",
    re.IGNORECASE)
# find_dates puts a question before its answer ("Kunt u niet? Bel ons dan vóór ...").
# (a heading put as a question, "Wanneer? dinsdag 17 februari", is no case: three words at least)
# (a question word opens a heading, not a case: "Wat moet u doen? Stuur ons vóór 20 maart …")
_QUESTION_FIRST = re.compile(r"^(?!\W*(?:wat|wanneer|hoe|waar|waarom|welke|wie|hoeveel)\b)"
                             r"(?=\W*\S+\s+\S+\s+[^?]*\?)[^?]{1,120}\?\s+\S", re.IGNORECASE)
# "Geef dat dan binnen 4 weken door", "Betaal dan vóór 7 december": the answer to a question or
# a case in the sentence before ("Klopt er iets niet? …", "Wilt u de zaak voorkomen? …")
_THEN_FIRST = re.compile(r"^\W*(?:\S+\s+){0,4}?dan\b", re.IGNORECASE)  # "Geef de wijziging dan …"
# "Klopt er iets niet, geef dat dan binnen 4 weken door": a case put as a question-like clause
_CASE_CLAUSE = re.compile(r"^\W*[A-Z]\w*\s[^,.?;]{2,60}[,?]\s+(?:\S+\s+){0,3}?dan\b")
# "Betaalt u het bedrag niet vóór 1 januari terug, dan …": a case put with the verb first
# ("Belangrijk: lukt het niet om vóór 31 december te betalen, dan verandert het bedrag")
_VERB_FIRST_CASE = re.compile(
    r"^\W*(?:\w+\s*:\s*)?(?:betaalt|doet|reageert|stuurt|heeft|hebt|bent|kunt|wilt|krijgt|ontvangt|maakt"
    r"|gaat|komt|lukt)\s+(?:u|je|jij|het)\b[^.?;]*?,\s*(?:dan\b|zullen\s+(?:wij|we)\b|zal\b)", re.IGNORECASE)
# "vóór 1 mei": the day itself is too late; a plain "voor" (accents lost by a scan or a keyboard)
# only right before a day, not "om kwart voor drie" or "voor u"
_BEFORE = re.compile(rf"\bv(?:óó|ó|oó|óo)r\b|\bvoor\s+(?:(?:uiterlijk|de|het)\s+)?(?:{DAY_NAME}\b|\d)",
                     re.IGNORECASE)
_TERM_WORD = re.compile(r"\b(?:binnen|uiterlijk|\d+\s+(?:dagen|weken|maanden))\b", re.IGNORECASE)


def is_conditional(mention: DateMention) -> bool:
    """True when the date stands in a condition: a conjunction (als, indien, wanneer, mocht)
    before the first date in its text, or a question before it ("Kunt u niet? Bel vóór ...")."""
    text = _NOT_COND.sub(" ", mention.text)
    if _QUESTION_FIRST.match(text) or _THEN_FIRST.match(text) or _VERB_FIRST_CASE.match(text):
        return True
    if mention.relative:
        m = _TERM_WORD.search(text)
        cut = m.start() if m else len(text)
    else:
        spans = scan_dates(text)
        cut = spans[0].start if spans else len(text)
    # (the conjunction before the date, read with what follows it: "Wanneer dinsdag 8 december")
    return any(m.start() < cut for m in _COND.finditer(text)) or bool(_CASE_CLAUSE.match(text[:cut]))


def says_before(text: str | None) -> bool:
    """The letter says "vóór <date>": the date itself is too late."""
    return bool(_BEFORE.search(text or ""))


def choose_deadline(mentions: Sequence[DateMention], letter_date: date | None,
                    actions: Sequence[str]) -> Deadline | None:
    """The earliest date, not before the letter date, whose role maps to an allowed action.

    `actions` lists what the letter kind can ask, in the order its rule prefers; that order
    breaks ties on the same day. Returns None when nothing fits or the kind asks nothing.
    """
    allowed = [a for a in actions if a != "none"]
    if not allowed:
        return None
    cands = [
        m for m in mentions
        if ROLE_ACTION.get(m.role) in allowed
        and (letter_date is None or m.date >= letter_date)
    ]
    # a printed date beats a relative term for the same action, unless it only holds in a case
    # ("Betaalt u niet vóór 1 januari terug, dan …" beside "binnen dertig dagen")
    in_case = {id(m) for m in cands if is_conditional(m)}
    explicit_actions = {ROLE_ACTION[m.role] for m in cands if not m.relative and id(m) not in in_case}
    cands = [m for m in cands if not m.relative or ROLE_ACTION[m.role] not in explicit_actions]
    plain = [m for m in cands if id(m) not in in_case]
    # a kind that mostly asks nothing ("none" first) keeps no date that only holds in a case
    cands = plain or ([] if actions and actions[0] == "none" else cands)
    if not cands:
        return None
    best = min(cands, key=lambda m: (m.date, allowed.index(ROLE_ACTION[m.role]), m.relative))
    return Deadline(
        date=best.date,
        action=ROLE_ACTION[best.role],  # type: ignore[arg-type]
        text=best.text,
        evidence=best.evidence,
        relative=best.relative,
        basis=best.basis,
        before=says_before(best.text),
    )


def objection_deadline_from(mentions: Sequence[DateMention], letter_date: date | None,
                            weeks: int | None = 6) -> date | None:
    """The last day for bezwaar, beroep or verzet.

    In order: the letter's own printed last day (an explicit object_by date, as printed); the
    letter's own term when it differs from `weeks` ("binnen tien dagen", "U hebt daarvoor 14
    dagen": letter date + term, moved by the Atw like the six weeks, since these terms are set
    by law); else letter date + `weeks` weeks moved by the Atw. None without a letter date.
    """
    after = [m for m in mentions if m.role == "object_by"
             and (letter_date is None or m.date >= letter_date)]
    printed = [m.date for m in after if not m.relative]
    if printed:
        return min(printed)
    if letter_date is None:
        return None
    if weeks is None:
        # no term set by law for this kind (e.g. administratief beroep against a refused
        # kwijtschelding): only the letter's own stated term counts
        stated = [atw_shift(m.date) for m in after if m.relative]
        return min(stated) if stated else None
    default = objection_deadline(letter_date, weeks)
    stated = [atw_shift(m.date) for m in after if m.relative
              and m.date != letter_date + timedelta(days=7 * weeks)]
    return min(stated) if stated else default
