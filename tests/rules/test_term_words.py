"""Term words as rule data (#18, rules/phrasings/term-words.yaml): the words that open a term
and the anchors that say from when it counts; a team adds its own without Python."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings.term_words import load_term_words, run_term_word_examples
from snapdebrief.pipeline import explain

# our own letter: a term counted from the postmark, an anchor the shipped words do not know
LETTER = ("Stichting Sportpark Oost\nDatum: 4 mei 2026\nBetreft: betalingsherinnering contributie 2026\n\n"
          "Wij hebben uw contributie van € 120,00 nog niet ontvangen. Betaal het bedrag binnen 14 dagen "
          "na de datum van het poststempel op NL20 INGB 0001 2345 67.\n")
TEAM = ("anchors:\n  - id: na-poststempel\n    basis: letter_date\n"
        "    regex: ['{counted}na\\s+de\\s+datum\\s+van\\s+het\\s+poststempel']\n"
        "    examples: ['Betaal binnen 14 dagen na de datum van het poststempel.']\n")


def _team(tmp_path: Path, text: str = TEAM) -> Path:
    folder = tmp_path / "team"
    (folder / "phrasings").mkdir(parents=True)
    (folder / "phrasings" / "term-words.yaml").write_text(text, encoding="utf-8")
    return folder


def _deadline(dirs: tuple[Path, ...] = ()) -> dict | None:
    return explain([LETTER.encode()], Options(today=date(2026, 5, 5), rules_dirs=dirs)).to_json()["deadline"]


def test_every_shipped_term_word_has_examples_that_pass() -> None:
    words = load_term_words()
    n, failures = run_term_word_examples(words)
    assert failures == [] and n >= len(words.labels)


def test_a_team_anchor_is_used_without_a_code_change(tmp_path: Path) -> None:
    assert _deadline() is None  # "na de datum van het poststempel": another event, not counted
    got = _deadline((_team(tmp_path),))
    assert (got["date"], got["action"], got["relative"]) == ("2026-05-18", "pay", True)


def test_a_team_anchor_uses_the_shipped_macros_and_its_own_examples_run(tmp_path: Path) -> None:
    words = load_term_words((_team(tmp_path),))
    assert words.anchors[0].id == "na-poststempel"
    assert run_term_word_examples(words)[1] == []


def test_a_broken_team_file_is_refused_on_its_line(tmp_path: Path) -> None:
    team = _team(tmp_path, "anchors:\n  - id: x\n    basis: ontvangst\n    regex: ['na']\n    examples: ['x']\n")
    with pytest.raises(RuleFileError) as err:
        load_term_words((team,))
    assert err.value.line is not None
