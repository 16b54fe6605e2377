"""Relative terms: counted from the letter date, no weekend or holiday shift (the earliest
reading is the safe one)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.fields.terms import NUMBER_WORDS, find_relative_terms

D = date.fromisoformat
LETTER = D("2026-04-21")  # a Tuesday; + 14 days = Tuesday 5 May (a holiday: no shift)


def terms(text: str, letter: date = LETTER) -> list[tuple[str, str, str | None]]:
    return [(m.date.isoformat(), m.role, m.basis) for m in find_relative_terms([text], letter)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Betaal binnen 14 dagen na dagtekening.",
                     ("2026-05-05", "pay_by", "letter_date"),
                     id="14-dagen-dagtekening-no-shift-on-5-mei"),
        pytest.param("Wij verzoeken u het bedrag binnen veertien dagen te betalen.",
                     ("2026-05-05", "pay_by", "letter_date"), id="veertien-words"),
        pytest.param("Betaal binnen 14 (veertien) dagen.", ("2026-05-05", "pay_by", "letter_date"),
                     id="digits-and-words"),
        pytest.param("U kunt binnen zes weken na de datum van deze brief bezwaar maken.",
                     ("2026-06-02", "object_by", "letter_date"), id="zes-weken-bezwaar"),
        pytest.param("Uw bezwaar moet uiterlijk 6 weken na de datum van deze beschikking bij ons"
                     " binnen zijn.", ("2026-06-02", "object_by", "letter_date"),
                     id="uiterlijk-weken-na"),
        pytest.param("Stuur de gevraagde stukken binnen twee weken naar ons.",
                     ("2026-05-05", "send_by", "letter_date"), id="twee-weken-stukken"),
        pytest.param("Om binnen 2 dagen na heden te betalen.",
                     ("2026-04-23", "pay_by", "letter_date"),
                     id="exploot-twee-dagen-na-heden"),
        pytest.param("Betaal binnen 8 dagen na ontvangst van deze brief.",
                     ("2026-04-29", "pay_by", "receipt"), id="na-ontvangst"),
        pytest.param("Wij vragen u het saldo te betalen binnen veertien dagen nadat deze brief"
                     " bij u is bezorgd.", ("2026-05-05", "pay_by", "receipt"),
                     id="14-dagenbrief-bezorgd"),
        pytest.param("Betaal binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd.",
                     ("2026-05-05", "pay_by", "receipt"), id="vanaf-de-dag-nadat"),
        pytest.param("Betaal binnen 14 dagen na de dag van ontvangst van deze brief.",
                     ("2026-05-05", "pay_by", "receipt"), id="dag-van-ontvangst"),
        pytest.param("Neem binnen 10 dagen contact met ons op.",
                     ("2026-05-01", "respond_by", "letter_date"), id="contact-10-dagen"),
        pytest.param("Laat ons binnen drie weken weten wat u kiest.",
                     ("2026-05-12", "respond_by", "letter_date"), id="laat-weten"),
        pytest.param("U moet het bedrag binnen een maand betalen.",
                     ("2026-05-21", "pay_by", "letter_date"), id="een-maand"),
        pytest.param("U moet het totaalbedrag binnen twee maanden na de dagtekening van dit "
                     "aanslagbiljet betalen.", ("2026-06-21", "pay_by", "letter_date"),
                     id="twee-maanden"),
        pytest.param("Dan kunt u in verzet gaan. U hebt daarvoor 14 dagen.",
                     ("2026-05-05", "object_by", "letter_date"), id="u-hebt-daarvoor"),
        pytest.param("U heeft zes weken de tijd om bezwaar te maken.",
                     ("2026-06-02", "object_by", "letter_date"), id="heeft-u-de-tijd"),
        pytest.param("Dan kunt u beroep instellen. Stuur daarvoor binnen tien dagen een brief.",
                     ("2026-05-01", "object_by", "letter_date"), id="daarvoor-beroep"),
        pytest.param("Betaal binnen 5 werkdagen.", ("2026-04-29", "pay_by", "letter_date"),
                     id="werkdagen-skip-weekend-and-koningsdag"),
        pytest.param("Betaaltermijn: 30 dagen", ("2026-05-21", "pay_by", "letter_date"),
                     id="betaaltermijn-label"),
        pytest.param("Betaal binnen 48 uur.", ("2026-04-23", "pay_by", "letter_date"), id="48-uur"),
        pytest.param("Stuur dit formulier binnen 4 weken na 21-04-2026 terug.",
                     ("2026-05-19", "send_by", "letter_date"), id="na-printed-letter-date"),
        pytest.param("Betaal binnen 14 dagen na 1 mei 2026.", ("2026-05-15", "pay_by", "date"),
                     id="na-printed-other-date"),
        pytest.param("Als u niet binnen 14 dagen betaalt, dan gaan wij naar de rechter.",
                     ("2026-05-05", "pay_by", "letter_date"), id="conditional-still-found"),
    ],
)
def test_terms(text: str, expected: tuple[str, str, str]) -> None:
    assert terms(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Wij beslissen binnen 8 weken op uw bezwaar.", id="we-decide"),
        pytest.param("U krijgt binnen 6 weken een beslissing.", id="you-get"),
        pytest.param("Dit bedrag betalen wij binnen 4 weken terug op uw rekening.", id="we-refund"),
        pytest.param("De gemeente neemt binnen 4 weken contact met u op.", id="third-party"),
        pytest.param("Betaal binnen 14 dagen na de vervaldatum.", id="other-anchor"),
        pytest.param("De behandeling duurt 14 dagen.", id="bare-number"),
        pytest.param("U kunt 14 dagen per jaar vrij nemen.", id="bare-number-2"),
        pytest.param("Zij heeft u een factuur gestuurd, te betalen binnen 14 dagen.", id="past"),
        pytest.param("Binnen 14 dagen ontvangt u uw nieuwe pas.", id="you-receive"),
        pytest.param("Binnen 0 dagen betalen.", id="zero"),
        pytest.param("Binnen 14 dagen.", id="no-action"),
    ],
)
def test_near_misses(text: str) -> None:
    assert terms(text) == []


@pytest.mark.parametrize(
    ("letter", "expected"),
    [
        pytest.param("2026-01-31", "2026-02-28", id="31-jan-plus-1-month"),
        pytest.param("2028-01-31", "2028-02-29", id="leap-year"),
        pytest.param("2026-03-31", "2026-04-30", id="30-day-month"),
    ],
)
def test_month_arithmetic(letter: str, expected: str) -> None:
    assert terms("Betaal binnen een maand.", D(letter)) == [(expected, "pay_by", "letter_date")]


def test_no_letter_date_gives_nothing() -> None:
    assert find_relative_terms(["Betaal binnen 14 dagen na dagtekening."], None) == []


def test_mention_shape() -> None:
    text = "Datum 21 april 2026\n\nBetaal het bedrag binnen 14 dagen na dagtekening van deze brief."
    [m] = find_relative_terms([text], LETTER)
    assert m.relative is True and m.basis == "letter_date"
    assert m.evidence is not None
    assert text[m.evidence.start:m.evidence.end] == "binnen 14 dagen na dagtekening van deze brief"
    assert m.text == "Betaal het bedrag binnen 14 dagen na dagtekening van deze brief."


@pytest.mark.parametrize(("word", "n"), sorted(NUMBER_WORDS.items()))
def test_number_words(word: str, n: int) -> None:
    got = terms(f"Betaal binnen {word} dagen.")
    assert got == [(date.fromordinal(LETTER.toordinal() + n).isoformat(), "pay_by", "letter_date")]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 1, 1)))
def test_never_raises(text: str, letter: date) -> None:
    for m in find_relative_terms([text], letter):
        assert m.relative and m.date >= letter
