"""The rule team's texts (rules/<kind>.yaml `texts:`) through the explainer, with the same cases.

Read with the real loader (variants included); a kind whose file is not there yet is skipped.
Failures here are wording problems for the rule team, not explainer bugs.
"""

from __future__ import annotations

import re

import pytest

from snapdebrief.explainers.help import load_help
from snapdebrief.explainers.placeholders import PLACEHOLDERS
from snapdebrief.readability import problems
from snapdebrief.result import Fields

from .explain_cases import CASES, rule_texts, run, whole_text
from .test_sections import KINDS


def _texts(kind: str):
    texts = rule_texts(kind)
    if texts is None:
        pytest.skip(f"rules/{kind}.yaml is not there yet")
    return texts


def _all(texts) -> list[str]:
    return [texts.summary, *texts.what_to_do, texts.if_you_do_nothing, texts.objection or ""]


@pytest.mark.parametrize("kind", KINDS)
def test_only_known_placeholders(kind):
    for text in _all(_texts(kind)):
        for name in re.findall(r"\{([^{}]*)\}", text):
            assert name in PLACEHOLDERS, f"{kind}: unknown placeholder {{{name}}}"


@pytest.mark.parametrize("kind", KINDS)
def test_help_ids_exist(kind):
    texts = _texts(kind)
    known = load_help("amsterdam")
    assert texts.help_ids, f"{kind}: no help ids"
    assert [h for h in texts.help_ids if h not in known] == []


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_explanation_with_rule_texts_is_b1(case):
    e = run(case, texts=_texts(case.kind))
    text = whole_text(e)
    assert not re.search(r"[{}]", text)
    assert problems(text) == []


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_rule_texts_with_missing_values(case):
    e = run(case, texts=_texts(case.kind), fields=Fields(letter_date=case.fields.letter_date),
            deadline=None, objection_deadline=None)
    text = whole_text(e)
    assert not re.search(r"[{}]", text)
    assert problems(text) == []
    if case.fields.amount_due:
        assert "Kijk op de brief hoeveel je moet betalen." in text
    # A missing value does not add a third sentence here ("Kijk op de brief …"): the warnings say it.
    from snapdebrief.readability import mask, sentences

    assert 1 <= len(sentences(mask(e.summary))) <= 2, e.summary


@pytest.mark.parametrize("kind", KINDS)
def test_summaries_in_the_file_are_one_or_two_sentences(kind):
    """Issue #8: 'Wat is dit?' is one or two sentences: who sent it and why (variants too)."""
    from snapdebrief.readability import mask, sentences

    texts = _texts(kind)
    for summary in [texts.summary, *(v.summary for v in texts.variants if v.summary)]:
        assert 1 <= len(sentences(mask(summary))) <= 2, (kind, summary)
