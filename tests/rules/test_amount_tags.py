"""Amount tags (#18, rules/phrasings/amount-tags.yaml): what an amount's label or line says
beyond its role (VAT; a court's or bailiff's costs), found once by the fields stage and read by
the explainers instead of a regex of their own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings.amount_tags import load_amount_tags, run_amount_tag_examples
from snapdebrief.pipeline import explain

# our own letter: a collection agency's costs with VAT on top, and a bailiff's fee beside them
LETTER = ("Incassobureau Noordkaap B.V.\nGroningen, 3 juni 2026\nBetreft: aanmaning dossier 55120\n\n"
          "U heeft de factuur van Fietsenhuis Oost nog niet betaald. Wij rekenen nu:\n"
          "Hoofdsom                      € 200,00\n"
          "Incassokosten                 € 40,00\n"
          "{vat_label}                   € 8,40\n"
          "Kosten betekening             € 105,00\n"
          "Totaal te betalen             € 353,40\n\n"
          "Betaal dit bedrag vóór 17 juni 2026 op NL20INGB0001234567.\n")


def _tags(rules_dirs: tuple[Path, ...] = (), vat_label: str = "BTW over de incassokosten") -> dict[float, tuple[str, ...]]:
    result = explain([LETTER.format(vat_label=vat_label).encode()],
                     Options(today=date(2026, 6, 4), rules_dirs=rules_dirs))
    return {float(a.value): a.tags for a in result.fields.amounts}


def test_every_shipped_tag_has_examples_that_pass() -> None:
    tags = load_amount_tags()
    n, failures = run_amount_tag_examples(tags)
    assert failures == [] and n >= 2 * len(tags.tags)


def test_the_fields_stage_tags_each_amount_once() -> None:
    tags = _tags()
    assert tags[8.40] == ("btw",)
    assert tags[105.00] == ("buiten-wik",)
    assert tags[40.00] == () and tags[200.00] == ()


def test_a_team_adds_words_for_a_tag_without_a_code_change(tmp_path: Path) -> None:
    assert "btw" not in _tags(vat_label="VAT")[8.40]
    folder = tmp_path / "team" / "phrasings"
    folder.mkdir(parents=True)
    (folder / "amount-tags.yaml").write_text(
        "tags:\n  - id: vat-engels\n    tag: btw\n    regex: '\\bvat\\b'\n"
        "    examples: ['VAT   € 8,40']\n", encoding="utf-8")
    assert _tags((tmp_path / "team",), vat_label="VAT")[8.40] == ("btw",)


@pytest.mark.parametrize(("item", "marker"), [
    pytest.param("  - id: btw\n    tag: btw\n    regex: 'x'\n    examples: ['x € 1,00']\n", "used already",
                 id="shipped-id"),
    pytest.param("  - id: eigen\n    tag: korting\n    regex: 'x'\n    examples: ['x € 1,00']\n", "tag",
                 id="unknown-tag"),
])
def test_a_broken_team_file_is_refused_on_its_line(tmp_path: Path, item: str, marker: str) -> None:
    folder = tmp_path / "team" / "phrasings"
    folder.mkdir(parents=True)
    (folder / "amount-tags.yaml").write_text("tags:\n" + item, encoding="utf-8")
    with pytest.raises(RuleFileError, match=marker) as err:
        load_amount_tags((tmp_path / "team",))
    assert err.value.line is not None
