"""Choosing THE deadline (the one earliest date by which the letter asks an action) and the
bezwaar deadline."""

from __future__ import annotations

from datetime import date

import pytest

from snapdebrief.fields.dates import find_dates, find_letter_date
from snapdebrief.fields.deadline import (
    choose_deadline,
    is_conditional,
    objection_deadline_from,
)
from snapdebrief.fields.terms import find_relative_terms
from snapdebrief.result import DateMention, Evidence

D = date.fromisoformat
LETTER = D("2026-04-21")


def mention(iso: str, role: str, text: str = "", relative: bool = False) -> DateMention:
    return DateMention(D(iso), role, text or f"Doe dit vóór {iso}.", Evidence(1, 0, 1),
                       relative=relative, basis="letter_date" if relative else None)


def pick(mentions: list[DateMention], actions: list[str],
         letter: date | None = LETTER) -> tuple[str, str] | None:
    dl = choose_deadline(mentions, letter, actions)
    return (dl.date.isoformat(), dl.action) if dl else None


@pytest.mark.parametrize(
    ("mentions", "actions", "expected"),
    [
        pytest.param([mention("2026-05-12", "pay_by")], ["pay"], ("2026-05-12", "pay"), id="one"),
        pytest.param([mention("2026-05-12", "pay_by"), mention("2026-05-05", "respond_by")],
                     ["pay", "respond"], ("2026-05-05", "respond"), id="earliest-action"),
        pytest.param([mention("2026-05-12", "pay_by"), mention("2026-05-05", "respond_by")],
                     ["pay"], ("2026-05-12", "pay"), id="action-not-allowed"),
        pytest.param([mention("2026-03-01", "pay_by"), mention("2026-05-12", "pay_by")],
                     ["pay"], ("2026-05-12", "pay"), id="before-letter-date-ignored"),
        pytest.param([mention("2026-04-21", "pay_by")], ["pay"], ("2026-04-21", "pay"),
                     id="on-letter-date-counts"),
        pytest.param([mention("2026-05-12", "pay_by"),
                      mention("2026-05-05", "pay_by", relative=True)],
                     ["pay"], ("2026-05-12", "pay"), id="explicit-beats-relative-same-action"),
        pytest.param([mention("2026-05-12", "pay_by"),
                      mention("2026-05-05", "respond_by", relative=True)],
                     ["pay", "respond"], ("2026-05-05", "respond"),
                     id="relative-other-action-can-be-earlier"),
        pytest.param([mention("2026-05-05", "pay_by", relative=True)], ["pay"],
                     ("2026-05-05", "pay"), id="relative-only"),
        pytest.param([mention("2026-05-01", "pay_by", "Als u niet vóór 1 mei 2026 betaalt, dan"
                                                     " dagvaarden wij u."),
                      mention("2026-05-12", "pay_by", "Betaal vóór 12 mei 2026.")],
                     ["pay"], ("2026-05-12", "pay"), id="conditional-does-not-beat-plain"),
        pytest.param([mention("2026-05-01", "pay_by", "Als u niet vóór 1 mei 2026 betaalt, dan"
                                                     " dagvaarden wij u.")],
                     ["pay"], ("2026-05-01", "pay"), id="conditional-alone-counts"),
        pytest.param([mention("2026-05-12", "appointment", "op 12 mei 2026 om 10.30 uur"),
                      mention("2026-05-08", "respond_by",
                              "Kunt u niet komen? Bel ons dan vóór 8 mei 2026.")],
                     ["attend", "respond"], ("2026-05-12", "attend"),
                     id="invitation-attend-beats-conditional-call"),
        pytest.param([mention("2026-06-02", "object_by"), mention("2026-05-12", "pay_by")],
                     ["pay"], ("2026-05-12", "pay"), id="object-not-asked"),
        pytest.param([mention("2026-06-02", "object_by")], ["pay"], None, id="object-only-no-pay"),
        pytest.param([mention("2026-06-02", "object_by")], ["object"], ("2026-06-02", "object"),
                     id="object-when-listed"),
        pytest.param([mention("2026-05-12", "pay_by")], ["none"], None, id="kind-asks-nothing"),
        pytest.param([mention("2026-05-12", "pay_by")], [], None, id="no-actions"),
        pytest.param([mention("2026-05-12", "other"), mention("2026-05-12", "invoice")], ["pay"],
                     None, id="no-candidates"),
        pytest.param([mention("2026-05-12", "respond_by"), mention("2026-05-12", "send_by")],
                     ["send_documents", "respond"], ("2026-05-12", "send_documents"),
                     id="tie-broken-by-rule-order"),
    ],
)
def test_choose_deadline(mentions: list[DateMention], actions: list[str],
                         expected: tuple[str, str] | None) -> None:
    assert pick(mentions, actions) == expected


def test_deadline_keeps_relative_and_basis() -> None:
    m = DateMention(D("2026-05-05"), "pay_by", "Betaal binnen 14 dagen na ontvangst.",
                    Evidence(1, 7, 40), relative=True, basis="receipt")
    dl = choose_deadline([m], LETTER, ["pay"])
    assert dl is not None
    assert (dl.relative, dl.basis, dl.text, dl.evidence) == (True, "receipt", m.text, m.evidence)


def test_without_letter_date_all_dates_count() -> None:
    assert pick([mention("2020-01-01", "pay_by")], ["pay"], letter=None) == ("2020-01-01", "pay")


@pytest.mark.parametrize(
    ("text", "conditional"),
    [
        pytest.param("Als u niet vóór 1 mei 2026 betaalt, dan sturen wij een aanmaning.", True,
                     id="als-niet"),
        pytest.param("Wij dagvaarden u als u niet vóór 1 mei 2026 betaalt.", True, id="als-mid"),
        pytest.param("Indien u het bedrag niet uiterlijk 1 mei 2026 betaalt, volgt beslag.", True,
                     id="indien"),
        pytest.param("Kunt u niet komen? Bel ons dan vóór 8 mei 2026.", True, id="question-first"),
        pytest.param("Betaal vóór 1 mei 2026, anders verhogen wij de boete.", False, id="plain"),
        pytest.param("Betaal vóór 1 mei 2026 als u dat nog niet heeft gedaan.", False,
                     id="als-after-date"),
        pytest.param("Wij verzoeken u, indien u dat nog niet heeft gedaan, vóór 1 mei 2026 te"
                     " betalen.", False, id="polite-filler"),
        pytest.param("Wilt u het bedrag vóór 1 mei 2026 betalen?", False, id="polite-question"),
    ],
)
def test_is_conditional(text: str, conditional: bool) -> None:
    assert is_conditional(mention("2026-05-01", "pay_by", text)) is conditional


def test_is_conditional_relative() -> None:
    m = DateMention(D("2026-05-05"), "pay_by", "Als u niet binnen 14 dagen betaalt, dan ...",
                    None, relative=True)
    assert is_conditional(m)


@pytest.mark.parametrize(
    ("mentions", "letter", "weeks", "expected"),
    [
        pytest.param([], "2026-03-10", 6, "2026-04-21", id="default-six-weeks"),
        pytest.param([], "2026-02-20", 6, "2026-04-07", id="default-atw-shift"),
        pytest.param([mention("2026-04-30", "object_by")], "2026-03-10", 6, "2026-04-30",
                     id="printed-last-day-wins"),
        pytest.param([mention("2026-04-21", "object_by", relative=True)], "2026-03-10", 6,
                     "2026-04-21", id="relative-six-weeks-same-as-default"),
        pytest.param([mention("2026-05-21", "object_by", relative=True)], "2026-05-11", 6,
                     "2026-05-21", id="letter-states-ten-days"),
        pytest.param([mention("2026-05-16", "object_by", relative=True)], "2026-05-02", 6,
                     "2026-05-18", id="stated-term-atw-shifted"),
        pytest.param([mention("2026-05-12", "pay_by")], "2026-03-10", 6, "2026-04-21",
                     id="pay-by-is-no-objection-date"),
        pytest.param([], "2026-05-04", 2, "2026-05-18", id="two-weeks"),
    ],
)
def test_objection_deadline_from(mentions: list[DateMention], letter: str, weeks: int,
                                 expected: str) -> None:
    assert objection_deadline_from(mentions, D(letter), weeks) == D(expected)


def test_objection_without_letter_date() -> None:
    assert objection_deadline_from([], None, 6) is None
    assert objection_deadline_from([mention("2026-04-30", "object_by")], None, 6) == D("2026-04-30")


# --- end to end over whole letters -------------------------------------------------------------

AANMANING = """Belastingdienst
Datum: 12.05.2026

Aanmaning

U heeft de aanslag met dagtekening 10 februari 2026 nog niet betaald. De uiterste
betaaldatum van die aanslag was 10 april 2026.

Uiterste betaaldatum 26 mei 2026

Betaal het bedrag vóór 26 mei 2026. Als u niet vóór 26 mei 2026 betaalt, dan kunnen wij een
dwangbevel sturen.

U kunt binnen 6 weken na de datum van deze aanmaning bezwaar maken tegen de aanmaningskosten.
"""

UITNODIGING = """Gemeente Amsterdam

Datum           28 april 2026

Wij nodigen u uit voor een gesprek.

Wanneer?   op dinsdag 12 mei 2026 om 10.30 uur
Waar?      Stadsloket Zuidoost, Anton de Komplein 150, 1102 CW Amsterdam

Kunt u niet komen?
Bel ons dan vóór 8 mei 2026 op 14 020.
"""

VEERTIENDAGEN = """Woonstichting De Kade
Amsterdam, 21 april 2026

Wij vragen u het openstaande saldo van € 2.552,54 te betalen binnen veertien dagen nadat
deze brief bij u is bezorgd.
"""


@pytest.mark.parametrize(
    ("text", "actions", "expected", "relative"),
    [
        pytest.param(AANMANING, ["pay"], ("2026-05-26", "pay"), False, id="aanmaning"),
        pytest.param(UITNODIGING, ["attend", "respond"], ("2026-05-12", "attend"), False,
                     id="uitnodiging"),
        pytest.param(VEERTIENDAGEN, ["pay", "respond"], ("2026-05-05", "pay"), True,
                     id="14-dagenbrief-no-shift"),
    ],
)
def test_whole_letters(text: str, actions: list[str], expected: tuple[str, str],
                       relative: bool) -> None:
    pages = [text]
    mentions = find_dates(pages)
    letter = find_letter_date(pages, mentions)
    assert letter is not None
    rel = find_relative_terms(pages, letter.date)
    dl = choose_deadline(mentions + rel, letter.date, actions)
    assert dl is not None
    assert (dl.date.isoformat(), dl.action) == expected
    assert dl.relative is relative
