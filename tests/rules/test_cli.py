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
    assert out.splitlines()[0].startswith("read: 2 page(s) by text")
    assert out.splitlines()[1].startswith("kind: cjib-aanmaning")
    assert "p2:" in out  # evidence on the second page


LETTER = """Centraal Justitieel Incassobureau
Postbus 1794, 8901 CB Leeuwarden

Datum: 3 maart 2026
CJIB-nummer: 1062 5421 5704 7959
Burgerservicenummer: 111222333

Betreft: Eerste aanmaning verkeersboete

Geachte heer Jansen,

U heeft de boete van € 110,00 nog niet betaald. Daarom is de boete verhoogd met € 55,00.
Betaal € 165,00 vóór 31 maart 2026 op rekening NL86 INGB 0002 4455 88.
"""


def test_explain_reads_a_pdf_and_a_photo_and_masks_the_bsn(tmp_path: Path):
    """A rule author can try a rule on the letter as it came in: PDF text layer or OCR."""
    from tests.conftest import render_image, render_pdf

    pdf, png = tmp_path / "brief.pdf", tmp_path / "foto.png"
    pdf.write_bytes(render_pdf(LETTER))
    png.write_bytes(render_image(LETTER, dpi=200))
    for path, method in ((pdf, "text"), (png, "ocr")):
        code, out, err = run("explain", str(path))
        assert code == 0, err
        assert f"by {method}" in out.splitlines()[0]
        assert "kind: cjib-aanmaning" in out
        assert "111222333" not in out


def test_explain_refuses_what_it_cannot_read(tmp_path: Path):
    code, _, err = run("explain", str(tmp_path / "weg.txt"))
    # the same file loader and Dutch message as `snapdebrief explain` (files.py, #18)
    assert code == 2 and "We kunnen het bestand weg.txt niet openen" in err
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    code, out, err = run("explain", str(empty))
    assert code == 2 and out == "" and "leeg" in err  # the Dutch message of EmptyFileError


def test_rules_dirs_options_replace_env(tmp_path: Path):
    """One rule at every door (settings.py, #18): --rules replaces SNAPDEBRIEF_RULES."""
    env = {"SNAPDEBRIEF_RULES": os.pathsep.join(["/a", "", "/b"])}
    assert rules_dirs(None, env) == [Path("/a"), Path("/b")]
    assert rules_dirs(["/c", os.pathsep.join(["/d", "/e"])], env) == [Path("/c"), Path("/d"), Path("/e")]
    assert rules_dirs(None, {}) == []
