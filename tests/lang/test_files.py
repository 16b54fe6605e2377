"""The translation files' loader refuses what would give a wrong answer, with the file and line,
and a missing translation falls back to Dutch visibly (#20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.evaluate import EVAL_TODAY
from snapdebrief.lang import formats
from snapdebrief.lang.files import load_catalog
from snapdebrief.options import Options
from snapdebrief.pipeline import explain

LETTER = (Path(__file__).resolve().parents[2] / "samples" / "letters"
          / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt")

GOOD = """\
id: cjib-boete
label: Fine from the CJIB
texts:
  what_to_do:
    - "Check that the details are right: the date, the place and the number plate."
    - "Pay {amount} before {date}."
    - "Transfer the money to {iban}. Add the CJIB number (CJIB-nummer): {reference}."
    - "Can you not pay at once? Ask the CJIB if you may pay in parts."
"""


def team(tmp_path: Path, text: str, name: str = "cjib-boete.yaml", lang: str = "xx",
         terms: str | None = None) -> Path:
    folder = tmp_path / "team" / "lang" / lang
    folder.mkdir(parents=True)
    (folder / name).write_text(text, encoding="utf-8")
    if terms is not None:
        (folder / "terms.yaml").write_text(terms, encoding="utf-8")
    return tmp_path / "team"


def refused(tmp_path: Path, text: str, **kw) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_catalog("xx", (team(tmp_path, text, **kw),))
    return info.value


def test_a_good_file_is_read(tmp_path):
    catalog = load_catalog("xx", (team(tmp_path, GOOD),))
    assert catalog.labels["cjib-boete"] == "Fine from the CJIB"
    assert "cjib-boete: summary" in catalog.missing  # not translated: Dutch, and counted


@pytest.mark.parametrize(("old", "new", "line", "problem"), [
    pytest.param("Pay {amount} before {date}.", "Pay before {date}.", 6, "sentence 1 lacks {amount}",
                 id="lacks"),
    pytest.param("Pay {amount} before {date}.", "Pay {amount} to {iban} before {date}.", 6,
                 "sentence 1 adds {iban}", id="adds"),
    pytest.param("Transfer the money to {iban}. Add", "Transfer the money to {iban}, add", 7,
                 "1 sentence(s) here, 2 in the Dutch", id="sentences"),
    pytest.param("label: Fine from the CJIB", "label: Fine from the {sender}", 2,
                 "sentence 1 adds {sender}", id="label"),
])
def test_a_placeholder_or_sentence_off_is_refused_on_its_line(tmp_path, old, new, line, problem):
    err = refused(tmp_path, GOOD.replace(old, new))
    assert err.line == line and problem in err.problem, err.message
    assert err.path.endswith("lang/xx/cjib-boete.yaml")


def test_a_dropped_official_term_is_refused(tmp_path):
    text = GOOD.replace("Add the CJIB number (CJIB-nummer):", "Add the CJIB number:")
    err = refused(tmp_path, text, terms='terms:\n  CJIB-nummer: "CJIB number (CJIB-nummer)"\n')
    assert err.line == 7 and "drops the Dutch term 'CJIB-nummer'" in err.problem


def test_a_glossary_entry_must_keep_the_dutch_term(tmp_path):
    err = refused(tmp_path, GOOD, terms='terms:\n  bezwaar: "objection"\n')
    assert err.line == 2 and err.path.endswith("terms.yaml")


@pytest.mark.parametrize(("text", "line"), [
    pytest.param(GOOD.replace("id: cjib-boete", "id: cjib-boetes"), 1, id="unknown-kind"),
    pytest.param(GOOD + "  variants:\n    verkeer:\n      summary: x\n", 11, id="unknown-variant"),
    pytest.param(GOOD + "  objecton: x\n", 9, id="unknown-key"),
    pytest.param(GOOD.replace('    - "Can you not pay at once? Ask the CJIB if you may pay in parts."\n',
                              ""), 5, id="a-step-short"),
])
def test_what_the_dutch_does_not_have_is_refused(tmp_path, text, line):
    assert refused(tmp_path, text).line == line


def test_a_missing_translation_falls_back_to_dutch_and_says_so(tmp_path, monkeypatch):
    """Language xx has the English note, one kind and nothing else: the rest stays Dutch."""
    monkeypatch.setitem(formats.LOCALES, "xx", "en_GB")
    folder = team(tmp_path, GOOD)
    (folder / "lang" / "xx" / "messages.yaml").write_text(
        'messages:\n  note.untranslated: "Part of this explanation is in Dutch. We do not have a'
        ' translation for it yet."\n', encoding="utf-8")
    result = explain([LETTER.read_bytes()], Options(today=EVAL_TODAY, lang="xx",
                                                    rules_dirs=(folder,)))
    out = result.to_json()
    assert out["explanation"]["untranslated"] > 5
    assert out["warnings"][-1].startswith("Part of this explanation is in Dutch.")
    assert out["explanation"]["summary"].startswith("Dit is een aanmaning van het CJIB")
    english = explain([LETTER.read_bytes()], Options(today=EVAL_TODAY, lang="en")).to_json()
    assert english["explanation"]["untranslated"] == 0
    assert not any("in Dutch" in w for w in english["warnings"])
