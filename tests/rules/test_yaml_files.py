"""One strict reading for every YAML file the program reads (#18): a key given twice, an
unknown key or a value of the wrong shape is refused on its line, whichever file it is in."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from snapdebrief import yaml_files
from snapdebrief.errors import RuleFileError
from snapdebrief.explainers import help as help_mod
from snapdebrief.explainers import incasso
from snapdebrief.fields import calendar, sender
from snapdebrief.readability import load_woorden
from snapdebrief.rules import load_rule_file
from snapdebrief.rules_cli import main as rules_main

ROOT = Path(__file__).resolve().parents[2]


def _copy_with(tmp_path: Path, src: Path, old: str, new: str, name: str | None = None) -> Path:
    text = src.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {src}"
    dst = tmp_path / (name or src.name)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dst


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def _load_help(path: Path) -> None:
    help_mod.load_help(path.stem, help_dir=path.parent)


def _load_wik(path: Path) -> None:
    incasso._read_scales(str(path), path.stat().st_mtime_ns)


CASES = [
    # (loader, shipped file, a line of it, what to put instead, the marker on the broken line)
    (lambda p: sender.load_senders(p), ROOT / "rules/senders.yaml",
     "  - id: belastingdienst", "  - id: belastingdienst\n    nam: X", "nam: X"),
    (load_woorden, ROOT / "rules/woorden.yaml",
     "  - word: dagtekening", "  - word: dagtekening\n    mening: x", "mening: x"),
    (_load_help, ROOT / "rules/help/amsterdam.yaml",
     "    name: Buurtteam Amsterdam", "    name: Buurtteam Amsterdam\n    telefoon: x", "telefoon: x"),
    (lambda p: calendar.decree_days(p), ROOT / "snapdebrief/data/holidays.yaml",
     "    sources: [S3]", "    sources: [S3]\n    dagen: []", "dagen: []"),
    (_load_wik, ROOT / "snapdebrief/data/wik.yaml",
     "    minimum: 40.00", "    minimum: 40.00\n    minimun: 40.00", "minimun: 40.00"),
]


@pytest.mark.parametrize("load, src, old, new, marker", CASES, ids=lambda v: getattr(v, "name", None))
def test_an_unknown_key_is_refused_on_its_line(tmp_path: Path, load, src, old, new, marker) -> None:
    path = _copy_with(tmp_path, src, old, new)
    with pytest.raises(RuleFileError) as info:
        load(path)
    assert info.value.path == str(path)
    assert info.value.line == _line_of(path, marker)
    assert "unknown key" in info.value.problem


@pytest.mark.parametrize("load, src, old, new, marker", CASES, ids=lambda v: getattr(v, "name", None))
def test_a_key_given_twice_is_refused_on_its_line(tmp_path: Path, load, src, old, new, marker) -> None:
    key = old.strip().lstrip("- ").split(":")[0]
    twice = f"{old}\n{' ' * (len(old) - len(old.lstrip(' -')))}{old.strip().lstrip('- ')}"
    path = _copy_with(tmp_path, src, old, twice)
    with pytest.raises(RuleFileError) as info:
        load(path)
    assert info.value.line == _line_of(path, old) + 1
    assert f"'{key}' is given twice" in info.value.problem


def test_a_kind_file_goes_through_the_same_reader(tmp_path: Path) -> None:
    src = ROOT / "rules/overig.yaml"
    path = _copy_with(tmp_path, src, "id: overig", "id: overig\nid: overig")
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path)
    assert info.value.line == 2 + _line_of(src, "id: overig") - 1


def test_no_module_reads_yaml_on_its_own() -> None:
    """Only snapdebrief/yaml_files.py calls PyYAML's loaders."""
    pattern = re.compile(r"yaml\.(?:safe_load|load|full_load|unsafe_load|compose)\(|CSafeLoader")
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "snapdebrief").rglob("*.py")
                 if p.name != "yaml_files.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_rules_check_reads_the_data_files_too(capsys) -> None:
    assert rules_main(["check"]) == 0
    out = capsys.readouterr().out
    for name in ("senders", "hard words", "help amsterdam", "holidays", "WIK scale"):
        assert re.search(rf"^ok  {name}\s", out, re.MULTILINE), name


def test_a_money_table_reads_its_floats_as_decimals(tmp_path: Path) -> None:
    """A money table (wik.yaml) is read with decimals=True: 2500.00 stays 2500.00, never a float
    (#18); a float that is no number is refused on its line."""

    class Table(BaseModel):
        upto: Decimal
        percent: Decimal

    good = tmp_path / "table.yaml"
    good.write_text("upto: 2500.00\npercent: 0.5\n", encoding="utf-8")
    table = yaml_files.load(good, Table, decimals=True)
    assert (str(table.upto), str(table.percent)) == ("2500.00", "0.5")
    bad = tmp_path / "bad.yaml"
    bad.write_text("upto: 2500.00\npercent: .inf\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        yaml_files.load(bad, Table, decimals=True)
    assert err.value.line == 2
