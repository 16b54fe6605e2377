"""`snapdebrief rules check|test|explain` through rules_cli.main (the lead wires it into cli.py)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from snapdebrief.rules_cli import main, rules_dirs

from .conftest import MINIMAL_KIND, write


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_check_ok():
    code, out, _ = run("check")
    assert code == 0
    assert "ok  cjib-boete" in out
    assert "all files are valid" in out


def test_test_ok():
    code, out, _ = run("test")
    assert code == 0, out
    assert "all pass" in out


def test_test_reports_failing_and_unused(tmp_path: Path):
    text = (
        MINIMAL_KIND.format(id="testsoort", word="testwoord")
        .replace('  no_match: ["niets", "ook niets"]', '  no_match: ["niets", "testwoord toch"]')
        .replace(
            '    - {id: woord, text: "testwoord", weight: 3.0}',
            '    - {id: woord, text: "testwoord", weight: 3.0}\n    - {id: nooit, text: "komt nooit voor", weight: 1.0}',
        )
    )
    write(tmp_path, "testsoort.yaml", text)
    code, out, _ = run("test", "--rules", str(tmp_path))
    assert code == 1
    assert "FAIL" in out and "should NOT be testsoort" in out
    assert "UNUSED" in out and "'nooit'" in out


def test_check_broken_team_folder(tmp_path: Path):
    path = write(tmp_path, "testsoort.yaml", "id: testsoort\nlable: x\n")
    code, _out, err = run("check", "--rules", str(tmp_path))
    assert code == 2
    assert f"{path}:2" in err and "unknown key 'lable'" in err


def test_explain_txt(tmp_path: Path):
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "CJIB\nBetreft: Tweede aanmaning\fU heeft de boete niet betaald. Verhoogd.",
        encoding="utf-8",
    )
    code, out, _ = run("explain", str(letter))
    assert code == 0
    assert out.startswith("kind: cjib-aanmaning")
    assert "p2:" in out  # evidence on the second page


def test_explain_refuses_other_files(tmp_path: Path):
    code, _, err = run("explain", str(tmp_path / "brief.pdf"))
    assert code == 2 and "only .txt" in err
    code, _, err = run("explain", str(tmp_path / "weg.txt"))
    assert code == 2 and "cannot read" in err


def test_rules_dirs_env_then_options(tmp_path: Path):
    env = {"SNAPDEBRIEF_RULES": os.pathsep.join(["/a", "", "/b"])}
    assert rules_dirs(["/c"], env) == [Path("/a"), Path("/b"), Path("/c")]
    assert rules_dirs(None, {}) == []
