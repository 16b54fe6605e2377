"""Letter facts (#18, rules/phrasings/letter-facts.yaml): found once by the classify stage, kept
in the Result, read by the explainers and the debt ladder instead of a regex of their own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.options import Options
from snapdebrief.phrasings.letter_facts import find_facts, load_letter_facts, run_letter_fact_examples
from snapdebrief.pipeline import explain


def _ids(text: str) -> list[str]:
    return [fid for fid, _ in find_facts([text], load_letter_facts())]


def test_every_shipped_fact_has_examples_that_pass() -> None:
    facts = load_letter_facts()
    n, failures = run_letter_fact_examples(facts)
    assert failures == [] and n >= len(facts.facts)


def test_a_head_fact_counts_only_in_the_title_lines() -> None:
    title = "CJIB\nBetreft: Tweede aanmaning\n"
    assert "tweede-aanmaning-titel" in _ids(title + "U heeft nog niet betaald.\n")
    later = "CJIB\n" + "Tekst.\n" * 45 + "Tweede aanmaning\n"
    assert "tweede-aanmaning-titel" not in _ids(later)


def test_the_first_numbered_mention_comes_first() -> None:
    ids = _ids("Eerste aanmaning\nBetaalt u niet? Dan sturen wij u de tweede aanmaning.")
    assert ids.index("eerste-aanmaning") < ids.index("tweede-aanmaning")


def test_the_result_carries_the_facts_the_answer_used() -> None:
    letter = ("Centraal Justitieel Incassobureau\nDatum: 2 maart 2026\nBetreft: Tweede aanmaning\n"
              "U reed te hard met het voertuig met kenteken 12-ABC-3. U heeft de boete van € 100,00 "
              "nog niet betaald. Betaal € 300,00 vóór 30 maart 2026.\n")
    out = explain([letter.encode()], Options(today=date(2026, 3, 3))).to_json()
    assert {"wahv", "tweede-aanmaning", "tweede-aanmaning-titel"} <= set(out["facts"])


def test_a_team_fact_with_a_shipped_id_is_refused_on_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "team" / "phrasings"
    folder.mkdir(parents=True)
    (folder / "letter-facts.yaml").write_text(
        "facts:\n  - id: ontruiming\n    regex: 'huis uit'\n    examples: ['Je moet je huis uit.']\n",
        encoding="utf-8")
    with pytest.raises(RuleFileError, match="used already"):
        load_letter_facts((tmp_path / "team",))


def test_the_explainers_and_the_ladder_hold_no_fact_regex_of_their_own() -> None:
    root = Path(__file__).resolve().parents[2] / "snapdebrief"
    for name in ("explainers/cjib.py", "explainers/kwijtschelding.py", "ui/chain.py"):
        assert "import re\n" not in (root / name).read_text(encoding="utf-8"), name
    gone = ("_STRAF", "_WAHV", "_NUMBERED", "_SECOND", "_DWANGBEVEL", "_SALE", "_EVICTION",
            "_COURT_ORDER", "_EARLY_START", "_MENTIONS_BTW", "_PARTIAL", "_REFUSED", "_GRANTED",
            "_TERM", "_NOT_WIK", "_BTW", "_VOOR")
    for name in ("explainers/cjib.py", "explainers/deurwaarder.py", "explainers/incasso.py",
                 "explainers/kwijtschelding.py", "explainers/generic.py", "ui/chain.py"):
        source = (root / name).read_text(encoding="utf-8")
        assert not [g for g in gone if f"{g} = re.compile" in source], name
