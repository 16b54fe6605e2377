"""Deadline cues as rule data (#18): a rules team teaches the date finder a new verb for paying
in its own folder, without Python; a broken file is refused on its line; every shipped cue's
examples pass through the real finder."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings import load_deadline_cues, run_cue_examples
from snapdebrief.pipeline import explain
from snapdebrief.rules_cli import main as rules_main

ROOT = Path(__file__).resolve().parents[2]

# An old-fashioned reminder that asks to "vereffenen" (settle): a verb the shipped cues lack.
LETTER = """Administratiekantoor De Vries
Postbus 77, 8000 AA Zwolle

Zwolle, 2 mei 2026

Betreft: betalingsherinnering factuur 2026-0318

Geachte heer Mulder,

Onze factuur 2026-0318 van 20 maart 2026 staat nog open. Wij hebben uw betaling nog niet
ontvangen. Wij verzoeken u het saldo van € 145,00 uiterlijk 1 juni 2026 te vereffenen op
NL20 INGB 0001 2345 67 ten name van Administratiekantoor De Vries.

Hoogachtend,
Administratiekantoor De Vries
"""

TEAM_FILE = """# our own verb: 'vereffenen' is to pay what is owed
cues:
  - id: vereffenen
    role: pay_by
    words:
      - 'vereffen\\w*'
      - 'te\\s+vereffenen'
    examples:
      - 'Wij verzoeken u het saldo uiterlijk 1 juni 2026 te vereffenen.'
"""


def _team(tmp_path: Path, text: str = TEAM_FILE) -> Path:
    folder = tmp_path / "team"
    (folder / "phrasings").mkdir(parents=True)
    (folder / "phrasings" / "deadline-cues.yaml").write_text(text, encoding="utf-8")
    return folder


def _deadline(rules_dirs: tuple[Path, ...] = ()) -> dict | None:
    result = explain([LETTER.encode()], Options(today=date(2026, 5, 3), rules_dirs=rules_dirs))
    return result.to_json()["deadline"]


def test_a_team_cue_is_used_without_a_code_change(tmp_path: Path) -> None:
    before = _deadline()
    assert before is None or before["date"] != "2026-06-01"  # the shipped cues do not know it
    after = _deadline((_team(tmp_path),))
    assert after is not None
    assert (after["date"], after["action"]) == ("2026-06-01", "pay")


def test_team_cues_come_before_the_shipped_ones(tmp_path: Path) -> None:
    cues = load_deadline_cues((_team(tmp_path),))
    assert cues.cues[0].id == "vereffenen"
    assert len(cues.cues) == len(load_deadline_cues().cues) + 1


def test_every_shipped_cue_has_examples_that_pass() -> None:
    cues = load_deadline_cues()
    n, failures = run_cue_examples(cues)
    assert failures == []
    assert n >= len(cues.cues)
    assert {c.role for c in cues.cues} == {"pay_by", "send_by", "respond_by", "object_by"}


def test_rules_test_reports_a_cue_example_that_gets_another_role(tmp_path: Path) -> None:
    wrong = TEAM_FILE.replace("'Wij verzoeken u het saldo uiterlijk 1 juni 2026 te vereffenen.'",
                              "'Stuur het formulier vóór 1 juni 2026 terug.'")
    out = io.StringIO()
    code = rules_main(["test", "--rules", str(_team(tmp_path, wrong))], out=out)
    assert code != 0
    assert "deadline cue 'vereffenen' example should be pay_by, got send_by" in out.getvalue()


@pytest.mark.parametrize(
    ("change", "marker", "problem"),
    [
        ("    role: pay_by", "    role: betalen", "role"),
        ("    words:", "    woorden:", "unknown key 'woorden'"),
        ("'vereffen\\w*'", "'(a+)+b'", "too slow"),
        ("'vereffen\\w*'", "'(?:vereffen'", "does not compile"),
        ("  - id: vereffenen", "  - id: betalen", "used already"),
    ],
)
def test_a_broken_cue_file_is_refused_on_its_line(tmp_path: Path, change: str, marker: str,
                                                  problem: str) -> None:
    assert change in TEAM_FILE
    folder = _team(tmp_path, TEAM_FILE.replace(change, marker))
    with pytest.raises(RuleFileError) as info:
        load_deadline_cues((folder,))
    assert problem in info.value.problem
    assert info.value.path.endswith("deadline-cues.yaml")
    assert info.value.line is not None and info.value.line > 1


def test_the_date_finder_holds_no_cue_table_of_its_own() -> None:
    """The cues live in rules/phrasings/deadline-cues.yaml only (#18)."""
    source = (ROOT / "snapdebrief" / "fields" / "dates.py").read_text(encoding="utf-8")
    assert "_ACTION_CUES" not in source and "overmaakt|overgemaakt" not in source


def test_a_team_meeting_word_makes_a_date_an_appointment(tmp_path: Path) -> None:
    """The meeting words are rule data too (role appointment): a team teaches "consult"."""
    letter = ("Praktijk Jansen\nZwolle, 4 mei 2026\n\nUw consult is op dinsdag 12 mei 2026 in de "
              "praktijk aan de Kerkstraat 4.\n")
    team = _team(tmp_path, "cues:\n  - id: consult\n    role: appointment\n    words: ['consult']\n"
                           "    examples: ['Uw consult is op 12 mei 2026.']\n")

    def appointment(dirs: tuple[Path, ...]) -> object:
        return explain([letter.encode()], Options(today=date(2026, 5, 5), rules_dirs=dirs)).to_json()["appointment"]

    assert appointment(()) is None
    assert appointment((team,))["date"] == "2026-05-12"
    assert load_deadline_cues((team,)).meetings[0].id == "consult"
