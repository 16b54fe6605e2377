"""Text variants (rules/<kind>.yaml `texts.variants`): the loader's checks and which variant a letter gets."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.explainers import kind_texts, variants
from snapdebrief.result import Fields
from snapdebrief.rules import load_rule_file, load_rules

from ..rules.conftest import MINIMAL_KIND, write
from .explain_cases import CASE_BY_ID, amt, ld, run

GOOD = MINIMAL_KIND.format(id="testsoort", word="testwoord")
OBJECTION = "  objection: null\n"


def _with_variants(block: str) -> str:
    assert OBJECTION in GOOD
    return GOOD.replace(OBJECTION, OBJECTION + block, 1)


VARIANT = """\
  variants:
    - id: terug
      when: {money: refund}
      summary: "Je krijgt {amount} terug."
"""


def test_variant_loads(tmp_path: Path):
    rule = load_rule_file(write(tmp_path, "testsoort.yaml", _with_variants(VARIANT)))
    (v,) = rule.texts.variants
    assert v.id == "terug" and v.when.money == ["refund"] and v.what_to_do is None


# (variant block, the line the error must name (by this marker), a fragment of the problem)
BROKEN = [
    pytest.param(VARIANT.replace("when: {money: refund}", "wanneer: {money: refund}"),
                 "wanneer:", "unknown key 'wanneer'", id="unknown-key"),
    pytest.param(VARIANT.replace("when: {money: refund}", "when: {stage: [besluit]}"),
                 "when:", "is not allowed", id="bad-stage"),
    pytest.param(VARIANT.replace("money: refund", "money: terug"),
                 "when:", "is not allowed", id="bad-money"),
    pytest.param(VARIANT.replace("when: {money: refund}", "when: {}"),
                 "when:", "needs stage, money, phrases or action", id="empty-when"),
    pytest.param(VARIANT.replace('      summary: "Je krijgt {amount} terug."\n', ""),
                 "- id: terug", "no texts of its own", id="no-texts"),
    pytest.param(VARIANT.replace("{amount}", "{bedrag}"),
                 "summary: \"Je krijgt", "unknown placeholder {bedrag}", id="bad-placeholder"),
    pytest.param(VARIANT + VARIANT.replace("  variants:\n", ""),
                 "- id: terug", "used twice", id="duplicate-id"),
]


@pytest.mark.parametrize(("block", "marker", "problem"), BROKEN)
def test_broken_variant_names_file_and_line(tmp_path: Path, block: str, marker: str, problem: str):
    text = _with_variants(block)
    path = write(tmp_path, "testsoort.yaml", text)
    lines = [i for i, ln in enumerate(text.splitlines(), 1) if marker in ln]
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(path)
    err = exc.value
    # A duplicate id is named where it comes the second time.
    expected = lines[-1] if "twice" in problem else lines[0]
    assert err.line == expected, err.message
    assert problem in err.problem, err.message
    assert f"{path}:{expected}" in err.message


def test_unknown_key_in_when_lists_the_allowed_keys(tmp_path: Path):
    path = write(tmp_path, "testsoort.yaml",
                 _with_variants(VARIANT.replace("{money: refund}", "{geld: refund}")))
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(path)
    assert "allowed here: stage, money, phrases, not_phrases" in exc.value.message


# --- which variant applies ---------------------------------------------------------------------

SHIPPED = load_rules()


def _texts(kind: str):
    return kind_texts(SHIPPED.get(kind))


def test_first_fitting_variant_wins_and_fills_only_what_it_names():
    texts = _texts("zorgverzekering-achterstand")
    case = CASE_BY_ID["zorgverzekering-achterstand"]
    got = variants.pick(texts, case.fields, replace(case.classification(), stage="decision"), case.deadline)
    assert got.variant == "cak-besluit"
    assert "CAK" in got.summary and got.summary != texts.summary
    plain = variants.pick(texts, case.fields, replace(case.classification(), stage="aanmaning"), case.deadline)
    assert plain.variant is None and plain.summary == texts.summary


@pytest.mark.parametrize(
    ("money", "fields"),
    [
        pytest.param("pay", Fields(amount_due=Decimal("120.00")), id="pay"),
        pytest.param("refund", Fields(amounts=(amt(50.0, "refund"),)), id="refund"),
        pytest.param("refund", Fields(amounts=(amt(300.0, "benefit"),)), id="benefit"),
        pytest.param("none", Fields(), id="none"),
        pytest.param("pay", Fields(amount_due=Decimal("80.00"), amounts=(amt(20.0, "refund"),)), id="due-beats-refund"),
    ],
)
def test_money_of(money, fields):
    assert variants.money_of(fields, None) == money


def test_phrases_are_matched_on_uniform_whole_words():
    v = variants.TextVariant(id="x", phrases=("Definitieve berekening",), not_phrases=("gedeeltelijk",))
    assert variants.applies(v, None, "none", ["DEFINITIEVE  BEREKENING\nhuurtoeslag"])
    assert not variants.applies(v, None, "none", ["definitieve berekeningen"])
    assert not variants.applies(v, None, "none", ["definitieve berekening, gedeeltelijk"])


def test_refusal_without_a_read_amount_is_never_told_it_was_granted():
    """money 'none' alone is not enough for good news: the words must say it too."""
    texts = _texts("kwijtschelding-besluit")
    case = CASE_BY_ID["kwijtschelding-afgewezen"]
    fields = Fields(letter_date=ld(case.fields.letter_date.date))
    got = variants.pick(texts, fields, case.classification(), None, case.pages)
    assert got.variant != "toegekend"
    granted = variants.pick(texts, fields, case.classification(), None, ("U krijgt volledige kwijtschelding.",))
    assert granted.variant == "toegekend"


def test_variant_texts_reach_the_answer():
    case = CASE_BY_ID["zorgverzekering-achterstand"]
    e = run(replace(case, stage="decision"), texts=_texts("zorgverzekering-achterstand"))
    assert e.summary.startswith("Dit is een besluit van het CAK")


def test_every_shipped_variant_has_a_condition_and_known_help():
    from snapdebrief.explainers.help import load_help

    known = load_help("amsterdam")
    for kind in SHIPPED.ids():
        for v in _texts(kind).variants:
            assert v.stages or v.money or v.phrases or v.not_phrases or v.actions, (kind, v.id)
            assert [h for h in v.help_ids or () if h not in known] == [], (kind, v.id)


def _forced(kind: str):
    """(variant id, texts that always take that variant) for every variant of a shipped kind."""
    texts = _texts(kind)
    for v in texts.variants:
        always = replace(v, stages=frozenset(), money=frozenset(), phrases=(), not_phrases=(),
                         actions=frozenset())
        yield v.id, replace(texts, variants=(always,))


FORCED = [
    pytest.param(kind, vid, texts, id=f"{kind}:{vid}")
    for kind in SHIPPED.ids() for vid, texts in _forced(kind)
]


@pytest.mark.parametrize(("kind", "vid", "texts"), FORCED)
def test_every_variant_is_b1_with_and_without_values(kind, vid, texts):
    from snapdebrief.readability import mask, problems, sentences

    from .explain_cases import CASES, whole_text

    case = next((c for c in CASES if c.kind == kind), None)
    if case is None:
        pytest.skip(f"no hand-built case for {kind}")
    for fields in (case.fields, Fields(letter_date=case.fields.letter_date)):
        e = run(replace(case, fields=fields), texts=texts)
        assert problems(whole_text(e)) == [], (vid, whole_text(e))
        assert 1 <= len(sentences(mask(e.summary))) <= 2, e.summary


def test_tax_letter_without_amounts_does_not_assume_pay_or_refund():
    case = CASE_BY_ID["belasting-aanslag"]
    e = run(case, texts=_texts("belasting-aanslag"), fields=Fields(letter_date=case.fields.letter_date),
            deadline=None)
    assert e.variant == "onduidelijk"
    assert e.what_to_do[0] == "Kijk eerst of je moet betalen of geld terugkrijgt."


def test_an_appointment_with_papers_to_send_first_names_both() -> None:
    """'Stuur de vragenlijst uiterlijk 27 mei terug' before a talk on 4 juni: the first thing to
    do is the deadline, and the steps and the date section still give the appointment."""
    from datetime import date

    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    letter = (
        b"UWV\nPostbus 58285\n1040 HG Amsterdam\n\nDatum: 13 mei 2026\n"
        b"Onderwerp: Uitnodiging voor een gesprek met de verzekeringsarts\n\nBeste meneer Jansen,\n\n"
        b"Wij nodigen u uit voor een gesprek op donderdag 4 juni 2026 om 09.15 uur.\n"
        b"Plaats: UWV kantoor Amsterdam, Karspeldreef 16.\n\n"
        b"Vul de vragenlijst in en stuur deze uiterlijk 27 mei 2026 naar ons terug.\n"
    )
    r = explain([letter], Options(today=date(2026, 5, 15)))
    assert r.classification.kind == "afspraak-uitnodiging"
    assert (r.deadline.date, r.deadline.action) == (date(2026, 5, 27), "send_documents")
    steps = " ".join(r.explanation.what_to_do)
    assert "woensdag 27 mei 2026" in steps and "donderdag 4 juni 2026 om 9.15 uur" in steps
    assert "4 juni 2026" in r.explanation.deadline_text
    assert r.explanation.variant == "eerst-papieren"
