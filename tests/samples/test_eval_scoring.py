"""`snapdebrief eval` keeps a value given and wrong apart from one not found (issue #15)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from snapdebrief.evaluate import check_floors, main

LETTERS = Path(__file__).resolve().parents[2] / "samples" / "letters"


def _copy(tmp: Path, name: str, **truth_changes: object) -> None:
    shutil.copy(LETTERS / f"{name}.txt", tmp / f"{name}.txt")
    truth = json.loads((LETTERS / f"{name}.json").read_text(encoding="utf-8"))
    truth.update(truth_changes)
    (tmp / f"{name}.json").write_text(json.dumps(truth), encoding="utf-8")


def test_wrong_and_missing_are_counted_apart(tmp_path: Path, capsys) -> None:
    # The program finds 843.66 here: a truth of 1.00 makes that value given and wrong.
    _copy(tmp_path, "incasso-aanmaning-04-incassobureau-btw", amount_due=1.0)
    # A letter that asks nothing: a reference in the truth is one the program does not find.
    _copy(tmp_path, "overig-04-bank-nieuwe-betaalpas", payment_reference="AB-1234")
    report = tmp_path / "report.json"
    assert main([str(tmp_path), "--forms", "txt", "--json", str(report)]) == 0
    txt = json.loads(report.read_text(encoding="utf-8"))["forms"]["txt"]
    assert txt["wrong"]["amount_due"] == 1.0
    assert txt["missing"]["amount_due"] == 0.0
    assert txt["missing"]["payment_reference"] == 0.5
    assert txt["wrong"]["payment_reference"] == 0.0
    assert txt["fields"]["kind"] == 1.0 and txt["wrong"]["kind"] == 0.0
    assert "given and WRONG" in capsys.readouterr().out


def test_ceiling_on_wrong_fails_the_guard() -> None:
    report = {"forms": {"txt": {"fields": {"amount_due": 0.97}, "wrong": {"amount_due": 0.02}}}}
    assert check_floors(report, "amount_due=0.95") == 0
    assert check_floors(report, "amount_due=0.95", "amount_due=0.01") == 1
    assert check_floors(report, "", "amount_due=0.02") == 0


def test_a_kenmerk_masked_for_privacy_counts_when_its_other_digits_match() -> None:
    from snapdebrief.evaluate import _masked_match

    assert _masked_match("9406928447029001", "9******447029001")
    assert not _masked_match("9406928447029001", "9******447029002")
    assert not _masked_match("9406928447029001", "9******44702900")
    assert not _masked_match("9406928447029001", "9406928447029002")
