"""'Vóór wanneer?': the date with its weekday, days left from today, what to do when it passed."""

from __future__ import annotations

from datetime import date

import pytest

from snapdebrief.result import Appointment

from .explain_cases import CASE_BY_ID, dl, run

RELATIVE = "We tellen vanaf de datum van de brief. Misschien heb je iets meer tijd. Reken daar niet op."
PAY = CASE_BY_ID["huurachterstand"]  # relative pay term: donderdag 7 mei 2026


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        pytest.param(date(2026, 5, 4), "Je hebt nog 3 dagen.", id="before"),
        pytest.param(date(2026, 5, 6), "Dat is morgen.", id="day-before"),
        pytest.param(date(2026, 5, 7), "Dat is vandaag.", id="on-the-day"),
        pytest.param(date(2026, 5, 8), "Die datum was gisteren.", id="day-after"),
        pytest.param(date(2026, 5, 20), "Die datum is 13 dagen geleden.", id="long-after"),
    ],
)
def test_days_left_wording(today, expected):
    text = run(PAY, today=today).deadline_text
    assert text.startswith("De laatste dag om te betalen is donderdag 7 mei 2026.")
    assert expected in text
    assert text.endswith(RELATIVE)


@pytest.mark.parametrize(
    ("today", "late"), [pytest.param(date(2026, 5, 7), False, id="on-time"),
                        pytest.param(date(2026, 5, 8), True, id="late")])
def test_late_says_what_to_do_now(today, late):
    text = run(PAY, today=today).deadline_text
    assert ("Betaal zo snel mogelijk." in text) == late
    assert ("Bel dan vandaag nog Woonstichting De Linde." in text) == late


def test_explicit_date_has_no_relative_note():
    text = run(CASE_BY_ID["energie-achterstand"]).deadline_text
    assert text == "Betaal vóór vrijdag 8 mei 2026. Je hebt nog 4 dagen."


@pytest.mark.parametrize(
    ("action", "letter_text", "expected"),
    [
        pytest.param("pay", "Betaal vóór 12 mei 2026", "Betaal vóór dinsdag 12 mei 2026.", id="voor-echoed"),
        pytest.param("pay", "Uiterste betaaldatum: 12 mei 2026", "De laatste dag om te betalen is dinsdag 12 mei 2026.", id="last-day"),
        pytest.param("respond", "Reageer voor 12 mei 2026", "Reageer vóór dinsdag 12 mei 2026.", id="respond"),
        pytest.param("send_documents", "uiterlijk 12 mei 2026", "De laatste dag om de papieren te sturen is dinsdag 12 mei 2026.", id="send"),
        pytest.param("none", "12 mei 2026", "De laatste dag is dinsdag 12 mei 2026.", id="none"),
    ],
)
def test_action_wording(action, letter_text, expected):
    deadline = dl(date(2026, 5, 12), action, letter_text, None)
    assert run(PAY, deadline=deadline).deadline_text.startswith(expected)


def test_appointment_with_time_and_place():
    case = CASE_BY_ID["afspraak-uitnodiging"]
    text = run(case).deadline_text
    assert text == ("Je afspraak is op maandag 11 mei 2026 om 9.30 uur. De plek is: Stadsloket "
                    "Nieuw-West, Osdorpplein 1000. Dat is over 7 dagen.")
    past = run(case, today=date(2026, 5, 12)).deadline_text
    assert "Die afspraak is voorbij." in past and "nieuwe afspraak" in past


def test_appointment_without_deadline_still_dated():
    case = CASE_BY_ID["afspraak-uitnodiging"]
    text = run(case, deadline=None).deadline_text
    assert text.startswith("Je afspraak is op maandag 11 mei 2026")


def test_appointment_on_another_day_than_deadline():
    case = CASE_BY_ID["afspraak-uitnodiging"]
    fields = case.fields.__class__(
        letter_date=case.fields.letter_date, sender=case.fields.sender,
        appointment=Appointment(date(2026, 5, 18), "09:30", "Stadsloket", None),
    )
    text = run(case, fields=fields).deadline_text
    assert "maandag 11 mei 2026." in text and "9.30" not in text  # the time belongs to the other day


def test_missing_deadline_on_a_bill():
    case = CASE_BY_ID["energie-achterstand"]
    e = run(case, deadline=None)
    assert e.deadline_text == "Kijk op de brief vóór welke datum je moet betalen."
    assert any("vóór welke datum" in w for w in e.warnings)


def test_no_deadline_on_a_letter_that_asks_nothing():
    e = run(CASE_BY_ID["overig"])
    assert e.deadline_text.startswith("We vonden geen datum")
    assert e.warnings == ()
