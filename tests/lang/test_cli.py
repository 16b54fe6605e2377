"""`snapdebrief explain --lang`: checked at the edge, the contract kept, errors in the language."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from snapdebrief.cli import main
from snapdebrief.contract import schema

LETTER = (Path(__file__).resolve().parents[2] / "samples" / "letters"
          / "belasting-aanmaning-01-ib-2024.txt")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unknown_language_is_refused_in_dutch(capsys):
    code, out, err = run(capsys, str(LETTER), "--lang", "fr")
    assert (code, out) == (2, "")
    assert err.strip() == "De taal 'fr' kennen we niet. Kies een van deze talen: nl, tr, ar, en, pl of uk."


def test_english_keeps_the_contract_and_the_facts(capsys):
    _, nl, _ = run(capsys, str(LETTER), "--json", "--today", "2026-03-20")
    code, en, _ = run(capsys, str(LETTER), "--json", "--today", "2026-03-20", "--lang", "en")
    a, b = json.loads(nl), json.loads(en)
    assert code == 0
    jsonschema.validate(b, schema())
    assert (a["lang"], b["lang"]) == ("nl", "en")
    for key in ("kind", "deadline", "amount_due", "objection_deadline", "iban"):
        assert a[key] == b[key]
    assert b["explanation"]["kind_label"] == "Reminder (aanmaning) from the Belastingdienst (tax office)"
    assert b["kind_label"] == a["kind_label"] == a["explanation"]["kind_label"]


def test_the_printed_answer_has_headings_in_the_language(capsys):
    code, out, _ = run(capsys, str(LETTER), "--today", "2026-03-20", "--lang", "en")
    assert code == 0
    assert "What is this?" in out and "Wat is dit?" not in out
    assert "Hoe makkelijk" not in out  # the reading-ease scores are of the Dutch answer


def test_an_error_is_in_the_language(capsys, tmp_path):
    empty = tmp_path / "brief.txt"
    empty.write_bytes(b"")
    code, _, err = run(capsys, str(empty), "--lang", "en")
    assert code == 2
    assert err.strip() == "The file is empty. Choose the file again."
    _, _, err = run(capsys, str(tmp_path / "nothing.pdf"), "--lang", "en")
    assert err.strip() == "We cannot open the file nothing.pdf. Check that the name is right."
