"""Reference labels as rule data (#18): a rules team teaches the reference finder a new label in
its own folder, without Python; a broken file is refused on its line; every shipped label's
examples pass through the real finder."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings import load_reference_labels, run_reference_label_examples
from snapdebrief.pipeline import explain
from snapdebrief.rules_cli import main as rules_main

ROOT = Path(__file__).resolve().parents[2]

# A sports club's reminder: the number to quote is a "betaalcode", a word the shipped labels lack.
LETTER = """Zwemvereniging De Golf
Postbus 12, 7400 AA Deventer

Deventer, 4 mei 2026

Betreft: betalingsherinnering contributie

Beste Lisa,

De contributie over het voorjaar, € 96,00, hebben wij nog niet ontvangen. Wil je het bedrag
vóór 20 mei 2026 overmaken naar NL20 INGB 0001 2345 67 ten name van Zwemvereniging De Golf?
Vermeld bij je betaling altijd je betaalcode: ZG-2026-4471.

Groet,
de penningmeester
"""

TEAM_FILE = """# our own label: 'betaalcode' is the number to quote when paying
labels:
  - id: betaalcode
    kind: betaalcode
    regex:
      - '\\bbetaalcode\\b'
    examples:
      - 'Betaalcode: ZG-2026-4471'
"""


def _team(tmp_path: Path, text: str = TEAM_FILE) -> Path:
    folder = tmp_path / "team"
    (folder / "phrasings").mkdir(parents=True)
    (folder / "phrasings" / "reference-labels.yaml").write_text(text, encoding="utf-8")
    return folder


def _reference(rules_dirs: tuple[Path, ...] = ()) -> object:
    result = explain([LETTER.encode()], Options(today=date(2026, 5, 5), rules_dirs=rules_dirs))
    return result.to_json()["payment_reference"]


def test_a_team_reference_label_is_used_without_a_code_change(tmp_path: Path) -> None:
    assert _reference() != "ZG-2026-4471"  # the shipped labels do not know "betaalcode"
    assert _reference((_team(tmp_path),)) == "ZG-2026-4471"


def test_team_reference_labels_come_before_the_shipped_ones(tmp_path: Path) -> None:
    labels = load_reference_labels((_team(tmp_path),))
    assert labels.labels[0].id == "betaalcode"
    assert len(labels.labels) == len(load_reference_labels().labels) + 1


def test_every_shipped_reference_label_has_examples_that_pass() -> None:
    labels = load_reference_labels()
    n, failures = run_reference_label_examples(labels)
    assert failures == []
    assert n >= len(labels.labels)


def test_rules_test_reports_a_reference_example_of_another_kind(tmp_path: Path) -> None:
    wrong = TEAM_FILE.replace("'Betaalcode: ZG-2026-4471'", "'Dossiernummer: 2026/11873'")
    out = io.StringIO()
    code = rules_main(["test", "--rules", str(_team(tmp_path, wrong))], out=out)
    assert code != 0
    assert "reference label 'betaalcode' example should be betaalcode, got dossiernummer" in out.getvalue()


@pytest.mark.parametrize(
    ("change", "marker", "problem"),
    [
        ("    kind: betaalcode", "    kind: Betaal Code", "kind"),
        ("    regex:", "    regexen:", "unknown key 'regexen'"),
        ("'\\bbetaalcode\\b'", "'(a+)+b'", "too slow"),
        ("'\\bbetaalcode\\b'", "'(?:betaalcode'", "does not compile"),
        ("  - id: betaalcode", "  - id: dossiernummer", "used already"),
    ],
)
def test_a_broken_reference_label_file_is_refused_on_its_line(tmp_path: Path, change: str,
                                                              marker: str, problem: str) -> None:
    assert change in TEAM_FILE
    folder = _team(tmp_path, TEAM_FILE.replace(change, marker))
    with pytest.raises(RuleFileError) as info:
        load_reference_labels((folder,))
    assert problem in info.value.problem
    assert info.value.path.endswith("reference-labels.yaml")
    assert info.value.line is not None and info.value.line > 1


def test_the_reference_finder_holds_no_label_table_of_its_own() -> None:
    """The labels live in rules/phrasings/reference-labels.yaml only (#18)."""
    source = (ROOT / "snapdebrief" / "fields" / "ids.py").read_text(encoding="utf-8")
    assert "_KINDS: tuple" not in source and "def _nr(" not in source and "_LABEL_ANY" not in source
