"""Date labels as rule data (#18): a rules team teaches the finder a new phrasing in its own
folder, without Python, and a broken file is refused on its line."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings import load_date_labels, run_label_examples
from snapdebrief.pipeline import explain
from snapdebrief.rules_cli import main as rules_main

ROOT = Path(__file__).resolve().parents[2]

LETTER = """Stichting Dorpshuis De Linde
Postbus 8, 7700 AA Dedemsvaart

Dedemsvaart, 2 juni 2026

Betreft: herinnering factuur 2026-044

Geachte mevrouw Kok,

Op 16 mei 2026 huurde u onze grote zaal. De factuur daarvoor hebben wij nog niet betaald
gekregen. Wij vragen u het bedrag alsnog over te maken.

Zaalhuur                    € 180,00
Koffie en thee              € 42,50
Totaal te betalen           € 222,50

Uiterste stortingsdag: 19 juni 2026
Rekening: NL20 INGB 0001 2345 67 t.n.v. Stichting Dorpshuis De Linde

Met vriendelijke groet,
Stichting Dorpshuis De Linde
"""

TEAM_FILE = """# our own phrasing: 'Uiterste stortingsdag' is the day the money must be in
labels:
  - id: stortingsdag
    role: pay_by
    anchored: true
    regex: '(?:uiterste\\s+|laatste\\s+)?stortingsdag'
    examples:
      - 'Uiterste stortingsdag: 19 juni 2026'
"""


def _team(tmp_path: Path, text: str = TEAM_FILE) -> Path:
    folder = tmp_path / "team"
    (folder / "phrasings").mkdir(parents=True)
    (folder / "phrasings" / "date-labels.yaml").write_text(text, encoding="utf-8")
    return folder


def _deadline(rules_dirs: tuple[Path, ...] = ()) -> dict | None:
    result = explain([LETTER.encode()], Options(today=date(2026, 6, 3), rules_dirs=rules_dirs))
    return result.to_json()["deadline"]


def test_a_team_phrasing_is_used_without_a_code_change(tmp_path: Path) -> None:
    before = _deadline()
    assert before is None or before["date"] != "2026-06-19"  # the shipped labels do not know it
    after = _deadline((_team(tmp_path),))
    assert after is not None
    assert (after["date"], after["action"]) == ("2026-06-19", "pay")


def test_team_labels_are_tried_before_the_shipped_ones(tmp_path: Path) -> None:
    labels = load_date_labels((_team(tmp_path),))
    assert labels.labels[0].id == "stortingsdag"
    assert len(labels.labels) == len(load_date_labels().labels) + 1


def test_every_shipped_label_has_examples_that_pass() -> None:
    labels = load_date_labels()
    n, failures = run_label_examples(labels)
    assert failures == []
    assert n >= len(labels.labels)


def test_rules_test_reports_an_example_that_gets_another_role(tmp_path: Path) -> None:
    wrong = TEAM_FILE.replace("'Uiterste stortingsdag: 19 juni 2026'", "'Factuurdatum: 19 juni 2026'")
    out = io.StringIO()
    code = rules_main(["test", "--rules", str(_team(tmp_path, wrong))], out=out)
    assert code != 0
    assert "date label 'stortingsdag' example should be pay_by, got invoice" in out.getvalue()


@pytest.mark.parametrize(
    ("change", "marker", "problem"),
    [
        ("    anchored: true", "    anchoerd: true", "unknown key 'anchoerd'"),
        ("    role: pay_by", "    role: betalen", "role"),
        ("regex: '(?:uiterste\\s+|laatste\\s+)?stortingsdag'", "regex: '(?:uiterste\\s+)?{nergens}'",
         "unknown macro {nergens}"),
        ("regex: '(?:uiterste\\s+|laatste\\s+)?stortingsdag'", "regex: '(a+)+b'", "too slow"),
        ("regex: '(?:uiterste\\s+|laatste\\s+)?stortingsdag'", "regex: '(?:stortings'", "does not compile"),
        ("  - id: stortingsdag", "  - id: datum", "used already"),
    ],
)
def test_a_broken_team_file_is_refused_on_its_line(tmp_path: Path, change: str, marker: str,
                                                   problem: str) -> None:
    assert change in TEAM_FILE
    folder = _team(tmp_path, TEAM_FILE.replace(change, marker))
    with pytest.raises(RuleFileError) as info:
        load_date_labels((folder,))
    assert problem in info.value.problem
    assert info.value.path.endswith("date-labels.yaml")
    assert info.value.line is not None and info.value.line > 1


def test_the_date_finder_holds_no_label_table_of_its_own() -> None:
    """The labels live in rules/phrasings/date-labels.yaml only (#18)."""
    source = (ROOT / "snapdebrief" / "fields" / "dates.py").read_text(encoding="utf-8")
    assert "_LABELS" not in source and "factuurdatum|" not in source
