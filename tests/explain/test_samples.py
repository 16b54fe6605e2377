"""Every sample letter through the real pipeline: the answer is B1, "Wat is dit?" is one or two
sentences, and the stage or situation gets its own texts.

samples/letters and samples/holdout (written without seeing the rules), as plain text, with the
eval's fixed "today". The letter's own reading ease is computed the same way as ours.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from snapdebrief.evaluate import EVAL_TODAY
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.readability import mask, problems, sentences

ROOT = Path(__file__).resolve().parents[2] / "samples"
LETTERS = sorted((ROOT / "letters").glob("*.txt")) + sorted((ROOT / "holdout").glob("*.txt"))


@functools.cache
def result(path: Path):
    return explain([path.read_bytes()], Options(today=EVAL_TODAY))


def answer_text(e) -> str:
    parts = [e.summary, *e.what_to_do, e.deadline_text, e.amount_text, e.if_you_do_nothing, e.objection]
    return "\n".join(p for p in parts if p)


IDS = [f"{p.parent.name}/{p.stem}" for p in LETTERS]


def test_samples_are_there():
    assert len(LETTERS) >= 76


@pytest.mark.parametrize("path", LETTERS, ids=IDS)
def test_answer_is_b1(path):
    e = result(path).explanation
    text = answer_text(e)
    assert not re.search(r"[{}]", text)
    assert problems(text) == []


@pytest.mark.parametrize("path", LETTERS, ids=IDS)
def test_summary_is_one_or_two_sentences(path):
    summary = result(path).explanation.summary
    assert 1 <= len(sentences(mask(summary))) <= 2, summary


# A stage or situation that needs its own words, and a phrase its answer must (not) hold.
FITTING = [
    pytest.param("letters/zorgverzekering-achterstand-02-cak-bestuursrechtelijke-premie",
                 "besluit van het CAK", "nog niet betaald", id="cak-decision"),
    pytest.param("letters/belasting-aanslag-03-ib-2025-teruggaaf", "Je krijgt € 684,00 terug", "Betaal", id="refund"),
    pytest.param("holdout/belasting-aanslag-h02-definitieve-aanslag-2025-teruggaaf", "terug", "Betaal", id="refund-holdout"),
    pytest.param("letters/toeslag-beschikking-02-definitief-huurtoeslag-2024-niets-betalen",
                 "eindberekening", "voorschot", id="toeslag-definitief"),
    # Several toeslag amounts (the advance, the right amount): we do not pick one as "you get".
    pytest.param("letters/toeslag-beschikking-02-definitief-huurtoeslag-2024-niets-betalen",
                 "Kijk op de brief hoeveel je krijgt", "Je krijgt € 3.216", id="benefit-amount-not-guessed"),
    pytest.param("letters/toeslag-beschikking-01-voorschot-2026-wijziging", "Dit is een voorschot",
                 "eindberekening", id="toeslag-voorschot"),
    # A voorschot that says a definitieve berekening will follow is still a voorschot.
    pytest.param("holdout/toeslag-beschikking-h04-voorschot-huurtoeslag-wijziging", "Dit is een voorschot",
                 "eindberekening", id="toeslag-voorschot-holdout"),
    pytest.param("letters/kwijtschelding-besluit-02-toegekend-amsterdam", "geeft je kwijtschelding",
                 "administratief beroep", id="kwijtschelding-granted"),
    pytest.param("letters/kwijtschelding-besluit-01-afgewezen-tien-dagen", "toch helemaal of voor een deel",
                 "geeft je kwijtschelding", id="kwijtschelding-refused"),
    pytest.param("letters/uitkering-besluit-02-gemeente-bijstand-terugvordering", "geld terugbetalen",
                 "Krijg je geld, minder geld", id="uitkering-terugvordering"),
    pytest.param("letters/cjib-aanmaning-01-eerste-aanmaning-wahv", "er is de helft bij gekomen",
                 "Dit is de tweede aanmaning", id="cjib-first-aanmaning"),
    pytest.param("holdout/cjib-aanmaning-h11-tweede-aanmaning-verbodsbord", "Dit is de tweede aanmaning",
                 "er is de helft bij gekomen", id="cjib-second-aanmaning"),
    pytest.param("letters/cjib-aanmaning-04-kennisgeving-van-verhaal", "heeft geld van je bankrekening",
                 "Dan krijg je een aanmaning", id="cjib-verhaal"),
    pytest.param("letters/cjib-aanmaning-03-duo-studieschuld-overgedragen", "schuld bij DUO",
                 "bovenop de boete", id="cjib-duo-debt"),
    pytest.param("letters/cjib-boete-02-strafbeschikking-o", "strafbeschikking", "helft hoger",
                 id="strafbeschikking-no-wahv-figures"),
    pytest.param("letters/belasting-aanslag-02-voorlopige-2027-termijnen", "Betaal het eerste deel vóór",
                 "Betaal € 2.057", id="aanslag-termijnen"),
    pytest.param("holdout/belasting-aanslag-h01-voorlopige-aanslag-2026", "Betaal het eerste deel vóór", None,
                 id="aanslag-termijnen-holdout"),
    pytest.param("letters/duo-studieschuld-02-aanmaning-vervaldatum", "gaat de schuld naar het CJIB",
                 "Dan krijg je een herinnering", id="duo-aanmaning"),
    pytest.param("letters/deurwaarder-04-betekening-vonnis-bevel", "binnen 2 dagen", "Moet je naar de rechter",
                 id="deurwaarder-betekening"),
    # A sender with "B.V." in its name: the summary is not cut at that dot.
    pytest.param("letters/incasso-aanmaning-05-betalingsregeling-termijnen", "Maasoever B.V. wil dat je", None,
                 id="summary-not-cut-at-bv"),
    # An information request that quotes the benefit is not a refund letter.
    pytest.param("letters/uitkering-informatieverzoek-03-svb-aow-woonsituatie", "papieren", "Je krijgt €",
                 id="infoverzoek-no-refund"),
    # Two months of equal rent are the principal (they add up to the total): no false WIK alarm.
    pytest.param("holdout/huurachterstand-h18-havensteder-14-dagenbrief", "Dat is het bedrag zelf, zonder kosten",
                 "Dat is te veel", id="equal-rent-lines-no-false-alarm"),
    pytest.param("letters/incasso-aanmaning-01-herinnering-webshop", "eerst een 14-dagenbrief",
                 "Dan komen er meer kosten", id="incasso-herinnering-next-step"),
    pytest.param("letters/deurwaarder-03-exploot-dagvaarding", "oproep om naar de rechter te komen", None,
                 id="deurwaarder-dagvaarding"),
    pytest.param("letters/incasso-aanmaning-02-14dagenbrief-telecom", "14-dagenbrief", None, id="incasso-14-dagen"),
    pytest.param("letters/huurachterstand-02-14dagenbrief-eigen-haard", "14-dagenbrief", None, id="huur-14-dagen"),
]


@pytest.mark.parametrize(("name", "says", "never"), FITTING)
def test_stage_or_situation_gets_fitting_texts(name, says, never):
    e = result(ROOT / f"{name}.txt").explanation
    text = answer_text(e)
    assert says in text
    if never:
        assert never not in text


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        pytest.param("letters/zorgverzekering-achterstand-02-cak-bestuursrechtelijke-premie", "cak-besluit", id="cak"),
        pytest.param("letters/belasting-aanslag-03-ib-2025-teruggaaf", "teruggaaf", id="teruggaaf"),
        pytest.param("letters/belasting-aanslag-01-ib-2024-betalen", None, id="plain-aanslag"),
        pytest.param("letters/deurwaarder-04-betekening-vonnis-bevel", "betekening", id="betekening"),
    ],
)
def test_json_names_the_texts_variant(name, variant):
    out = result(ROOT / f"{name}.txt").to_json()
    assert out["explanation"]["texts_variant"] == variant
