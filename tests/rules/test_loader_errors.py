"""The loader refuses a broken rule file with a RuleFileError naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapdebrief.errors import ExitCode, RuleFileError
from snapdebrief.rules import load_rule_file, load_rules, regex_danger

from .conftest import MINIMAL_KIND, write

GOOD = MINIMAL_KIND.format(id="testsoort", word="testwoord")


def _swap(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


# (text, the line the error must name (found by this marker), a fragment of the problem)
CASES = [
    pytest.param(
        _swap("stages:\n  default: info", "route: schuld\nstages:\n  default: info"),
        "route: schuld",
        "route",
        id="unknown-route",
    ),
    pytest.param(
        _swap("label: Testsoort", "label: Testsoort: met dubbele punt"),
        "label: Testsoort: met",
        "not valid YAML",
        id="colon-in-text",
    ),
    pytest.param(
        _swap("stages:\n  default: info", "stages:\n\tdefault: info"),
        "\tdefault: info",
        "not valid YAML",
        id="tab-indent",
    ),
    pytest.param(
        _swap("label: Testsoort", "label: Testsoort\nlable: typo"),
        "lable: typo",
        "unknown key 'lable'",
        id="unknown-key-top",
    ),
    pytest.param(
        _swap(
            '    - {id: woord, text: "testwoord", weight: 3.0}',
            '    - {id: woord, txt: "testwoord", weight: 3.0}',
        ),
        "txt:",
        "unknown key 'txt'",
        id="unknown-key-phrase",
    ),
    pytest.param(
        _swap("description: A kind made by a test.\n", ""),
        "id: testsoort",
        "missing key 'description'",
        id="missing-key",
    ),
    pytest.param(
        _swap("label: Testsoort", "label: Testsoort\nlabel: Nog een"),
        "label: Nog een",
        "given twice",
        id="duplicate-yaml-key",
    ),
    pytest.param(
        _swap(
            '    - {id: woord, text: "testwoord", weight: 3.0}',
            '    - {id: woord, text: "testwoord", weight: 3.0}\n'
            '    - {id: woord, text: "ander", weight: 1.0}',
        ),
        '{id: woord, text: "ander"',
        "used twice",
        id="duplicate-pattern-id",
    ),
    pytest.param(
        _swap("id: testsoort", "id: andere-naam"),
        "id: andere-naam",
        "differs from the file name",
        id="id-not-file-name",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            "  patterns:\n    - {id: p, weight: 1.0, pattern: [{LOWR: x}]}\n  phrases:\n",
        ),
        "LOWR",
        "spaCy cannot compile",
        id="bad-spacy-attr",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            '  patterns:\n    - {id: p, weight: 1.0, pattern: [{LOWER: x, OP: "!!"}]}\n  phrases:\n',
        ),
        'OP: "!!"',
        "spaCy cannot compile",
        id="bad-spacy-op",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            "  patterns:\n    - {id: p, weight: 1.0, pattern: [{POS: NOUN}]}\n  phrases:\n",
        ),
        "POS: NOUN",
        "cannot match here",
        id="dead-attr-pos",
    ),
    pytest.param(
        _swap("  phrases:\n", "  regex:\n    - {id: r, regex: 'abc(', weight: 1.0}\n  phrases:\n"),
        "abc(",
        "does not compile",
        id="regex-syntax",
    ),
    pytest.param(
        _swap(
            "  phrases:\n", "  regex:\n    - {id: r, regex: '(a+)+b', weight: 1.0}\n  phrases:\n"
        ),
        "(a+)+b",
        "catastrophically",
        id="regex-nested-plus",
    ),
    pytest.param(
        _swap(
            "  phrases:\n", "  regex:\n    - {id: r, regex: '(a|a)*x', weight: 1.0}\n  phrases:\n"
        ),
        "(a|a)*x",
        "catastrophically",
        id="regex-same-branches",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            "  regex:\n    - {id: r, regex: '(\\w+\\s?)*:', weight: 1.0}\n  phrases:\n",
        ),
        "(\\w+\\s?)*:",
        "catastrophically",
        id="regex-words-star",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            "  exclude:\n    - {id: e, regex: '(x+x+)+y', weight: -1.0}\n  phrases:\n",
        ),
        "(x+x+)+y",
        "catastrophically",
        id="regex-in-exclude",
    ),
    pytest.param(
        _swap("  actions: [none]", "  actions: [betalen]"),
        "actions: [betalen]",
        "not allowed",
        id="unknown-action",
    ),
    pytest.param(
        _swap("  default: info", "  default: brief"),
        "default: brief",
        "not allowed",
        id="unknown-stage",
    ),
    pytest.param(
        _swap("help: [buurtteam]", "help: buurtteam"),
        "help: buurtteam",
        "list",
        id="help-not-a-list",
    ),
    pytest.param(
        _swap('  summary: "Dit is een test."', '  summary: "Betaal {bedrag}."'),
        "{bedrag}",
        "unknown placeholder",
        id="unknown-placeholder",
    ),
    pytest.param(
        _swap(
            '    - {id: woord, text: "testwoord", weight: 3.0}',
            '    - {id: woord, text: "testwoord", weight: -3.0}',
        ),
        "weight: -3.0",
        "greater than 0",
        id="negative-match-weight",
    ),
    pytest.param(
        _swap(
            "  phrases:\n",
            "  exclude:\n    - {id: e, text: x, regex: y, weight: -1.0}\n  phrases:\n",
        ),
        "{id: e, text: x",
        "exactly one",
        id="exclude-two-kinds",
    ),
    pytest.param(
        _swap("  threshold: 3.0\n", "  threshold: 3.0\n  require:\n    - [bestaat-niet]\n"),
        "bestaat-niet",
        "require names",
        id="require-unknown-id",
    ),
    pytest.param(
        _swap("  possible: false", "  possible: false\n  weeks: 6"),
        "weeks: 6",
        "possible is false",
        id="weeks-without-objection",
    ),
    pytest.param(
        _swap(
            '  match: ["testwoord een", "testwoord twee", "testwoord drie"]',
            '  match: ["testwoord een"]',
        ),
        '  match: ["testwoord een"]',
        "at least 3",
        id="too-few-examples",
    ),
    pytest.param("- just\n- a list\n", "- just", "must be a mapping", id="not-a-mapping"),
]


@pytest.mark.parametrize("text, marker, problem", CASES)
def test_broken_file_names_file_and_line(tmp_path: Path, text: str, marker: str, problem: str):
    path = write(tmp_path, "testsoort.yaml", text)
    expected_line = next(i for i, ln in enumerate(text.splitlines(), 1) if marker in ln)
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(path)
    err = exc.value
    assert err.path == str(path)
    assert err.line == expected_line, err.message
    assert problem in err.problem, err.message
    assert err.exit_code == ExitCode.BAD_INPUT
    assert f"{path}:{expected_line}" in err.message


def test_unclosed_quote_points_at_or_just_after_it(tmp_path: Path):
    """YAML only notices an open quote on the next key: the error names that line."""
    text = _swap('  summary: "Dit is een test."', '  summary: "Dit is een test.')
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "summary:" in ln)
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(write(tmp_path, "testsoort.yaml", text))
    assert exc.value.line in (line, line + 1)
    assert "not valid YAML" in exc.value.problem


def test_good_file_loads(tmp_path: Path):
    rule = load_rule_file(write(tmp_path, "testsoort.yaml", GOOD))
    assert rule.id == "testsoort"


def test_unknown_key_lists_the_allowed_keys(tmp_path: Path):
    path = write(
        tmp_path, "testsoort.yaml", _swap("  possible: false", "  possible: false\n  termijn: 6")
    )
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(path)
    assert "possible" in exc.value.fix and "weeks" in exc.value.fix


def test_empty_file(tmp_path: Path):
    with pytest.raises(RuleFileError) as exc:
        load_rule_file(write(tmp_path, "testsoort.yaml", ""))
    assert "empty" in exc.value.problem


def test_duplicate_kind_across_folders(tmp_path: Path):
    """A team folder may add kinds, never define one the shipped rules already have."""
    dup = MINIMAL_KIND.format(id="cjib-boete", word="testwoord")
    path = write(tmp_path / "team", "cjib-boete.yaml", dup)
    with pytest.raises(RuleFileError) as exc:
        load_rules([tmp_path / "team"])
    assert exc.value.path == str(path)
    assert "already defined" in exc.value.problem
    assert "rules/cjib-boete.yaml" in exc.value.problem


def test_duplicate_kind_across_two_team_folders(tmp_path: Path):
    text = MINIMAL_KIND.format(id="testsoort", word="testwoord")
    write(tmp_path / "a", "testsoort.yaml", text)
    second = write(tmp_path / "b", "testsoort.yaml", text)
    with pytest.raises(RuleFileError) as exc:
        load_rules([tmp_path / "a", tmp_path / "b"])
    assert exc.value.path == str(second)


def test_missing_folder(tmp_path: Path):
    with pytest.raises(RuleFileError) as exc:
        load_rules([tmp_path / "bestaat-niet"])
    assert "does not exist" in exc.value.problem


@pytest.mark.parametrize(
    "regex, dangerous",
    [
        pytest.param(r"(a+)+$", True, id="nested-plus"),
        pytest.param(r"(a*)*b", True, id="nested-star"),
        pytest.param(r"(?:\w+\s?)+x", True, id="words-plus"),
        pytest.param(r"(a|ab)*c", True, id="overlapping-branches"),
        pytest.param(r"(\w|\d\d)+!", True, id="overlapping-classes"),
        pytest.param(r"(x?|y)+z", True, id="empty-branch"),
        pytest.param(r"(?:\w+ ){0,3}door", False, id="bounded-words"),
        pytest.param(r"(ab)+c", False, id="plain-group"),
        pytest.param(r"(?:ja|nee)+", False, id="disjoint-branches"),
        pytest.param(r"\bbinnen \d+ dagen\b", False, id="simple"),
        pytest.param(r"[^.]{0,40}kwijtschelding", False, id="bounded-class"),
    ],
)
def test_regex_danger_table(regex: str, dangerous: bool):
    assert (regex_danger(regex) is not None) is dangerous
