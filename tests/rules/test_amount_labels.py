"""Amount labels as rule data (#18): a rules team teaches the amount finder a new label in its own
folder, without Python; a broken file is refused on its line; every shipped label's examples
pass through the real finder."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings import load_amount_labels, run_amount_label_examples
from snapdebrief.pipeline import explain
from snapdebrief.rules_cli import main as rules_main

ROOT = Path(__file__).resolve().parents[2]

# A village hall's bill: the sum to pay stands only beside "Te storten", a phrasing the shipped
# labels do not know; the other sums are the parts it was worked out from.
LETTER = """Stichting Dorpshuis De Linde
Postbus 8, 7700 AA Dedemsvaart

Dedemsvaart, 2 juni 2026

Betreft: betalingsherinnering factuur 2026-051

Geachte mevrouw Kok,

U huurde op 16 mei 2026 onze grote zaal. De borg van € 100,00 hebben wij verrekend met de
zaalhuur van € 280,00 en de schoonmaak van € 42,50. Onze factuur van 20 mei 2026 staat nog
open: wij hebben uw betaling nog niet ontvangen.

Te storten           € 222,50

Wilt u dit bedrag binnen 14 dagen overmaken naar NL20 INGB 0001 2345 67 ten name van
Stichting Dorpshuis De Linde?

Met vriendelijke groet,
Stichting Dorpshuis De Linde
"""

TEAM_FILE = """# our own phrasing: 'Te storten' names the sum to pay
labels:
  - id: te-storten
    role: total
    rank: 3
    regex:
      - '\\bte\\s+storten\\b'
      - '\\bnog\\s+te\\s+storten\\b'
    examples:
      - 'Te storten           € 222,50'
"""


def _team(tmp_path: Path, text: str = TEAM_FILE) -> Path:
    folder = tmp_path / "team"
    (folder / "phrasings").mkdir(parents=True)
    (folder / "phrasings" / "amount-labels.yaml").write_text(text, encoding="utf-8")
    return folder


def _due(rules_dirs: tuple[Path, ...] = ()) -> object:
    result = explain([LETTER.encode()], Options(today=date(2026, 6, 3), rules_dirs=rules_dirs))
    return result.to_json()["amount_due"]


def test_a_team_amount_label_is_used_without_a_code_change(tmp_path: Path) -> None:
    assert _due() != 222.5  # the shipped labels do not know "Te storten"
    assert _due((_team(tmp_path),)) == 222.5


def test_team_amount_labels_are_tried_before_the_shipped_ones(tmp_path: Path) -> None:
    labels = load_amount_labels((_team(tmp_path),))
    assert labels.labels[0].id == "te-storten"
    assert len(labels.labels) == len(load_amount_labels().labels) + 1


def test_every_shipped_amount_label_has_examples_that_pass() -> None:
    labels = load_amount_labels()
    n, failures = run_amount_label_examples(labels)
    assert failures == []
    assert n >= len(labels.labels)
    assert {lab.role for lab in labels.labels} >= {"total", "principal", "interest", "costs",
                                                   "fine", "increase", "benefit", "other"}


def test_rules_test_reports_an_amount_example_that_gets_another_role(tmp_path: Path) -> None:
    wrong = TEAM_FILE.replace("'Te storten           € 222,50'", "'Incassokosten   € 40,00'")
    out = io.StringIO()
    code = rules_main(["test", "--rules", str(_team(tmp_path, wrong))], out=out)
    assert code != 0
    assert "amount label 'te-storten' example should be total, got costs" in out.getvalue()


@pytest.mark.parametrize(
    ("change", "marker", "problem"),
    [
        ("    rank: 3", "    rang: 3", "unknown key 'rang'"),
        ("    rank: 3", "    rank: 7", "rank"),
        ("    role: total", "    role: totaal", "role"),
        ("'\\bte\\s+storten\\b'", "'(a+)+b'", "too slow"),
        ("'\\bte\\s+storten\\b'", "'(?:storten'", "does not compile"),
        ("  - id: te-storten", "  - id: kosten", "used already"),
    ],
)
def test_a_broken_amount_label_file_is_refused_on_its_line(tmp_path: Path, change: str,
                                                           marker: str, problem: str) -> None:
    assert change in TEAM_FILE
    folder = _team(tmp_path, TEAM_FILE.replace(change, marker))
    with pytest.raises(RuleFileError) as info:
        load_amount_labels((folder,))
    assert problem in info.value.problem
    assert info.value.path.endswith("amount-labels.yaml")
    assert info.value.line is not None and info.value.line > 1


def test_the_amount_finder_holds_no_label_table_of_its_own() -> None:
    """The labels live in rules/phrasings/amount-labels.yaml only (#18)."""
    source = (ROOT / "snapdebrief" / "fields" / "money.py").read_text(encoding="utf-8")
    assert "_LABELS" not in source and "hoofdsom\\b|" not in source


def test_eval_scores_a_teams_letter_with_the_teams_phrasings(tmp_path: Path) -> None:
    """`snapdebrief eval --rules DIR` (or SNAPDEBRIEF_RULES) reads the letters as every door does:
    a team's case is scored with the team's own phrasings."""
    import json

    from snapdebrief.evaluate import main as eval_main

    letters = tmp_path / "cases"
    letters.mkdir()
    (letters / "dorpshuis.txt").write_text(LETTER, encoding="utf-8")
    (letters / "dorpshuis.json").write_text(json.dumps({"amount_due": 222.5}), encoding="utf-8")
    team = _team(tmp_path)

    def amount_right(*more: str) -> float:
        out = tmp_path / "report.json"
        eval_main([str(letters), "--forms", "txt", "--json", str(out), *more])
        return json.loads(out.read_text(encoding="utf-8"))["forms"]["txt"]["fields"]["amount_due"]

    assert amount_right() == 0
    assert amount_right("--rules", str(team)) == 1
