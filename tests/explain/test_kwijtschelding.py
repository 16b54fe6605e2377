"""Kwijtschelding refused: administratief beroep has its own short term, never six weeks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from snapdebrief.explainers.kwijtschelding import outcome
from snapdebrief.pipeline import explain
from snapdebrief.result import DateMention

from .explain_cases import CASE_BY_ID, run, with_facts

REFUSED = CASE_BY_ID["kwijtschelding-afgewezen"]  # letter 30 april 2026, "binnen 10 dagen"
NO_TERM = ("Wij wijzen uw verzoek om kwijtschelding af.",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Wij wijzen uw verzoek om kwijtschelding af.", "refused", id="wijzen-af"),
        pytest.param("Uw verzoek is afgewezen.", "refused", id="afgewezen"),
        pytest.param("U krijgt geen kwijtschelding.", "refused", id="geen"),
        pytest.param("Wij verlenen u gedeeltelijke kwijtschelding.", "partial", id="partial"),
        pytest.param("Wij verlenen u kwijtschelding.", "granted", id="granted"),
        pytest.param("Uw kwijtschelding is toegekend.", "granted", id="toegekend"),
        pytest.param("U kunt kwijtschelding aanvragen.", None, id="info-only"),
        pytest.param("Besluit. U krijgt volledige kwijtschelding.", "granted", id="krijgt-volledige"),
        pytest.param("Krijgt u die kwijtschelding niet automatisch? Dan schrijven wij u.", None, id="question-near-miss"),
    ],
)
def test_outcome(text, expected):
    assert outcome(with_facts("kwijtschelding-besluit", text)) == expected


_REFUSAL = ("Gemeente Zwolle, afdeling Belastingen\nZwolle, 30 april 2026\n"
            "Betreft: uw verzoek om kwijtschelding\n\n"
            "Wij wijzen uw verzoek om kwijtschelding van de gemeentelijke belastingen af. "
            "Uw inkomen is hoger dan de norm. U moet de aanslag van € 412,34 dus betalen. {term}\n")


@pytest.mark.parametrize(
    ("term", "last_day"),
    [
        pytest.param("U kunt binnen 10 dagen na de datum van deze brief administratief beroep instellen.",
                     "maandag 11 mei 2026", id="10-days-sunday-moved"),
        pytest.param("Tegen deze beslissing staat administratief beroep open. Dat kan binnen drie weken "
                     "na dagtekening.", "donderdag 21 mei 2026", id="three-weeks"),
        # the term two sentences after the word beroep, the sentence between tells how
        pytest.param("Bent u het hier niet mee eens, dan kunt u administratief beroep instellen. Dat doet "
                     "u met een brief aan de invorderingsambtenaar. Uw brief moet binnen zes weken na "
                     "de datum van deze brief binnen zijn.", "donderdag 11 juni 2026", id="letter-must-arrive"),
        pytest.param("Betaal binnen 14 dagen na de datum van deze brief.", None, id="no-beroep-term"),
    ],
)
def test_the_letters_own_beroep_term_through_the_pipeline(term, last_day):
    """The term is found once, by the fields stage (object_by); the explainer only reads it."""
    result = explain([_REFUSAL.format(term=term).encode()])
    assert result.classification.kind == "kwijtschelding-besluit"
    if last_day is None:
        assert result.objection_deadline is None
        assert "Kijk op de brief hoeveel dagen je hebt." in result.explanation.objection
    else:
        assert f"De laatste dag is {last_day}." in result.explanation.objection
        assert "We tellen vanaf de datum van de brief." in result.explanation.objection


def test_stated_term_counted_from_letter_date_not_six_weeks():
    e = run(REFUSED)
    assert "De laatste dag is maandag 11 mei 2026." in e.objection
    assert "Het is niet 6 weken." in e.objection
    assert "We tellen vanaf de datum van de brief." in e.objection
    assert "11 juni 2026" not in e.objection  # no six weeks of a bezwaar


def test_printed_last_day_wins():
    fields = replace(REFUSED.fields, dates=(DateMention(date(2026, 5, 11), "object_by", "vóór 11 mei 2026", None),))
    e = run(REFUSED, fields=fields)
    assert "De laatste dag is maandag 11 mei 2026." in e.objection
    assert "We tellen vanaf" not in e.objection


def test_short_objection_deadline_from_pipeline_is_used():
    e = run(REFUSED, pages=NO_TERM, fields=replace(REFUSED.fields, dates=()), objection_deadline=date(2026, 5, 12))
    assert "dinsdag 12 mei 2026" in e.objection


def test_no_term_on_the_letter():
    e = run(REFUSED, pages=NO_TERM, fields=replace(REFUSED.fields, dates=()), objection_deadline=None)
    assert "Kijk op de brief hoeveel dagen je hebt." in e.objection
    assert any("tot wanneer" in w for w in e.warnings)
    assert "juni" not in e.objection


def test_term_passed():
    e = run(REFUSED, today=date(2026, 5, 12))
    assert "Die datum is voorbij." in e.objection


def test_granted_nothing_to_pay():
    case = replace(REFUSED, pages=("Wij verlenen u kwijtschelding.",))
    fields = replace(REFUSED.fields, amounts=(), amount_due=None)
    e = run(case, fields=fields, deadline=None)
    assert e.what_to_do[0] == "Je hoeft deze belasting niet te betalen. Bewaar de brief goed."
    assert "Het is niet 6 weken." not in (e.objection or "")
