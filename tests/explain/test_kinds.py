"""Kind explainers: deurwaarder (urgent, beslagvrije voet), toeslag and tax (regelingen)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from .explain_cases import CASE_BY_ID, TEXTS, rule_texts, run

DAGVAARDING = CASE_BY_ID["deurwaarder-dagvaarding"]
BESLAG = CASE_BY_ID["deurwaarder-beslag"]


# The words for each step of the bailiff ladder are data (rules/deurwaarder.yaml variants).
RULE_TEXTS = rule_texts("deurwaarder")


@pytest.mark.parametrize(
    ("case", "stage", "pages", "says", "step"),
    [
        pytest.param(DAGVAARDING, "dagvaarding", DAGVAARDING.pages, "beslist de rechter zonder jou",
                     "Je hebt geen advocaat nodig", id="dagvaarding"),
        pytest.param(BESLAG, "beslag", BESLAG.pages, "houdt de deurwaarder geld in", "beslagvrije voet", id="beslag"),
        pytest.param(BESLAG, None, ("Exploot van betekening en bevel tot betaling van het vonnis.",),
                     "binnen 2 dagen", "binnen 2 dagen", id="betekening-from-words"),
        pytest.param(BESLAG, "vonnis", ("Exploot van betekening en bevel tot betaling van het vonnis.",),
                     "binnen 2 dagen", "verzet", id="betekening-beats-vonnis"),
        pytest.param(BESLAG, "vonnis", ("Vonnis bij verstek van de kantonrechter.",), "mag de deurwaarder",
                     "verzet", id="vonnis"),
        pytest.param(BESLAG, "sommatie", ("Laatste sommatie.",), "oproepen om naar de rechter",
                     "Klopt het bedrag niet", id="sommatie"),
    ],
)
def test_deurwaarder_stage_decides_what_follows(case, stage, pages, says, step):
    e = run(replace(case, stage=stage, pages=pages), texts=RULE_TEXTS)
    assert says in e.if_you_do_nothing
    assert "vandaag" in e.what_to_do[0]
    assert any(step in s for s in e.what_to_do)
    assert any("beslagvrije voet (geld dat je altijd mag houden)" in s for s in e.what_to_do)
    assert all("vandaag" in h.why for h in e.help)


def test_deurwaarder_hand_texts_get_help_today_and_beslagvrije_voet():
    """Whatever the texts, every bailiff letter starts with help today and names the beslagvrije voet."""
    e = run(replace(BESLAG, stage="dagvaarding"))
    assert "vandaag" in e.what_to_do[0]
    assert any("beslagvrije voet" in s for s in e.what_to_do)


def test_deurwaarder_no_stage_keeps_the_kind_text():
    e = run(replace(BESLAG, stage=None, pages=("Brief van de deurwaarder.",)))
    assert e.if_you_do_nothing == TEXTS["deurwaarder"].if_you_do_nothing


def test_deurwaarder_crisis_dates():
    e = run(replace(BESLAG, pages=("Aankondiging executoriale verkoop. Aanzegging ontruiming.",)))
    assert any("spullen worden verkocht" in s for s in e.what_to_do[:3])
    assert any("je huis uit moet" in s for s in e.what_to_do[:3])


def test_deurwaarder_kind_step_for_help_today_moves_first():
    texts = replace(TEXTS["deurwaarder"], what_to_do=(
        "Lees de brief.", "Vraag vandaag nog hulp bij het buurtteam.", "Betaal {amount} vóór {date}."))
    e = run(BESLAG, texts=texts)
    assert e.what_to_do[0] == "Vraag vandaag nog hulp bij het buurtteam."
    assert sum("vandaag nog" in s and "hulp" in s for s in e.what_to_do) == 1


def test_dagvaarding_steps_in_order():
    steps = run(DAGVAARDING, texts=RULE_TEXTS).what_to_do
    court = next(i for i, s in enumerate(steps) if "naar de rechter" in s)
    settle = next(i for i, s in enumerate(steps) if "vóór de dag van de rechter" in s)
    assert 0 < court < settle


def test_toeslag_terugvordering_regelingen_once():
    e = run(CASE_BY_ID["toeslag-terugvordering"])
    assert sum("betalingsregeling" in s for s in e.what_to_do) == 2
    assert any("24 maanden" in s for s in e.what_to_do)
    assert any("persoonlijke betalingsregeling" in s for s in e.what_to_do)
    assert "hoef je meestal nog niet te betalen" in e.objection
    texts = replace(TEXTS["toeslag-terugvordering"], what_to_do=(
        "Betaal {amount} vóór {date}.", "Kun je niet alles betalen? Vraag een betalingsregeling (in delen betalen)."))
    e = run(CASE_BY_ID["toeslag-terugvordering"], texts=texts)
    assert sum("in delen" in s for s in e.what_to_do) == 1  # not said twice


@pytest.mark.parametrize(
    ("case_id", "kwijt"),
    [pytest.param("belasting-aanslag", "weinig spaargeld", id="rijk"),
     pytest.param("gemeente-belastingaanslag", "afvalstoffenheffing", id="gemeente")],
)
def test_tax_regeling_and_kwijtschelding(case_id, kwijt):
    e = run(CASE_BY_ID[case_id])
    assert any("betalingsregeling (in delen betalen)" in s for s in e.what_to_do)
    assert any("kwijtschelding (je hoeft" in s and kwijt in s for s in e.what_to_do)


def test_tax_refund_gets_no_regeling():
    e = run(CASE_BY_ID["belasting-aanslag-refund"])
    assert not any("betalingsregeling" in s or "kwijtschelding" in s for s in e.what_to_do)


def test_sender_gets_its_article():
    e = run(CASE_BY_ID["belasting-aanmaning"])
    assert e.summary.startswith("De Belastingdienst stuurt je een aanmaning.")
    assert any("Vraag dan de Belastingdienst om een betalingsregeling" in s for s in e.what_to_do)
