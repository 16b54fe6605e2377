"""Kind cues as rule data (#18): several kinds score with one shared regex by naming it (`cue:`),
a team's kind uses the shipped cues and its own, a wrong name or a regex beside a cue is refused
with the file, and an edit of the cues shows up on the next load."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from snapdebrief.classify import classify
from snapdebrief.errors import RuleFileError
from snapdebrief.phrasings.kind_cues import load_kind_cues, run_kind_cue_examples
from snapdebrief.rules import load_rules

from .conftest import write
from .test_new_kind import WATER

# The team's water kind scores its unpaid words with the shipped cue, and a word of its own
# ("afsluiten van de watertoevoer") with a cue from its own folder.
TEAM_KIND = WATER.replace(
    "    - {id: niet-betaald, regex: '\\bniet (?:op tijd )?betaald\\b', weight: 1.5}",
    "    - {id: niet-betaald, cue: unpaid, weight: 1.5}\n"
    "    - {id: water-afsluiten, cue: water-cut, weight: 1.5}",
)
assert TEAM_KIND != WATER
TEAM_CUES = """\
cues:
  - id: water-cut
    regex:
      - '\\bafsluit\\w* van (?:de |uw )?water(?:toevoer|levering)\\b'
    examples:
      - 'Daarna volgt het afsluiten van de watertoevoer.'
"""
# No word of the team kind's own regexes: only the shipped cue says the bill is unpaid.
LETTER = ["Vitens\nBetreft: aanmaning\nUw waterrekening voor drinkwater hebben wij nog niet ontvangen.\n"
          "Daarna volgt het afsluiten van de watertoevoer."]


def test_shipped_kinds_share_one_regex_and_its_examples_pass() -> None:
    rules = load_rules()
    cues = load_kind_cues()
    unpaid = cues.get("unpaid")
    assert unpaid is not None
    users = [k for k, rule in rules.kinds.items() if rule.match is not None
             and any(rx.cue == "unpaid" for rx in rule.match.regex)]
    assert len(users) >= 3
    for kind in users:  # the loader filled in the one regex for each of them
        rx = next(rx for rx in rules.kinds[kind].match.regex if rx.cue == "unpaid")
        assert rx.regex == unpaid.regex
    n, failures = run_kind_cue_examples(cues)
    assert n > 0 and not failures


def test_a_teams_kind_uses_shipped_and_own_cues(tmp_path: Path) -> None:
    team = tmp_path / "team"
    write(team, "drinkwater-achterstand.yaml", TEAM_KIND)
    write(team / "phrasings", "kind-cues.yaml", TEAM_CUES)
    c = classify(LETTER, load_rules([team]))
    assert c.kind == "drinkwater-achterstand"
    assert {h.pattern_id for h in c.hits} >= {"niet-betaald", "water-afsluiten"}


def test_an_unknown_cue_is_refused_with_its_file(tmp_path: Path) -> None:
    team = tmp_path / "team"
    write(team, "drinkwater-achterstand.yaml", TEAM_KIND)  # names water-cut, which no file defines
    with pytest.raises(RuleFileError) as err:
        load_rules([team])
    assert "water-cut" in str(err.value) and "drinkwater-achterstand.yaml" in str(err.value)


def test_a_regex_beside_a_cue_is_refused(tmp_path: Path) -> None:
    team = tmp_path / "team"
    both = TEAM_KIND.replace("{id: niet-betaald, cue: unpaid,",
                             "{id: niet-betaald, cue: unpaid, regex: 'niet betaald',")
    write(team, "drinkwater-achterstand.yaml", both)
    write(team / "phrasings", "kind-cues.yaml", TEAM_CUES)
    with pytest.raises(RuleFileError) as err:
        load_rules([team])
    assert "exactly one of regex or cue" in str(err.value)


def test_an_edit_of_the_cues_reloads_the_kinds(tmp_path: Path) -> None:
    team = tmp_path / "team"
    write(team, "drinkwater-achterstand.yaml", TEAM_KIND)
    cues = write(team / "phrasings", "kind-cues.yaml", TEAM_CUES)
    before = load_rules([team])
    assert "water-afsluiten" in {h.pattern_id for h in classify(LETTER, before).hits}
    cues.write_text(TEAM_CUES.replace("watertoevoer|waterlevering", "waterlevering")
                    .replace("(?:toevoer|levering)", "levering"), encoding="utf-8")
    later = time.time() + 2
    os.utime(cues, (later, later))
    after = load_rules([team])
    assert after is not before
    assert "water-afsluiten" not in {h.pattern_id for h in classify(LETTER, after).hits}
