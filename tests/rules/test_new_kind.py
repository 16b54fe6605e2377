"""A team adds a kind by adding a file, with no code change; edits show up on the next load."""

from __future__ import annotations

import os
import time
from pathlib import Path

from snapdebrief.classify import classify, run_examples
from snapdebrief.rules import load_rules

from .conftest import write

WATER = """\
# A team's own kind: arrears with the drinking-water company.
id: drinkwater-achterstand
label: Achterstand bij het waterbedrijf
description: Unpaid drinking-water bills from the water company itself.
senders: [Waternet, Vitens, Evides, PWN, Dunea, Brabant Water]
match:
  threshold: 4.0
  require:
    - [drinkwater, waterrekening]
  phrases:
    - {id: drinkwater, text: "drinkwater", weight: 2.0}
    - {id: waterrekening, text: "waterrekening", weight: 2.0}
  regex:
    - {id: niet-betaald, regex: '\\bniet (?:op tijd )?betaald\\b', weight: 1.5}
  exclude:
    - {id: waterschap, text: "waterschapsbelasting", weight: -4.0}
stages:
  default: reminder
  rules:
    - {stage: aanmaning, phrases: ["aanmaning"]}
deadline:
  actions: [pay, respond]
objection:
  possible: false
texts:
  summary: "Dit is een brief over je waterrekening. Je hebt nog niet alles betaald."
  what_to_do: ["Betaal {amount} vóór {date}.", "Kun je niet betalen? Bel {sender}."]
  if_you_do_nothing: "Dan komen er kosten bij."
  objection: null
help: [buurtteam]
examples:
  match:
    - "Waternet\\nAanmaning\\nU heeft uw waterrekening voor drinkwater nog niet betaald."
    - "Vitens\\nHerinnering drinkwater\\nDe waterrekening van maart is niet betaald."
    - "PWN\\nUw waterrekening is niet op tijd betaald. Het gaat om drinkwater."
  no_match:
    - "Waternet\\nAanslag waterschapsbelasting 2026\\nZuiveringsheffing € 171. Drinkwater niet inbegrepen."
    - "Vitens\\nUw nieuwe tarief voor drinkwater in 2026."
"""

LETTER = [
    (
        "Vitens\nPostbus 1205\n8001 BE Zwolle\n\nBetreft: aanmaning\n\nGeachte heer Jansen,\n"
        "Uw waterrekening van € 84 voor drinkwater is nog niet betaald.\nBetaal vóór 1 mei 2026."
    )
]


def test_a_new_kind_is_recognised_without_code(tmp_path: Path):
    team = tmp_path / "team"
    write(team, "drinkwater-achterstand.yaml", WATER)
    write(team, "senders.yaml", "not: [a, kind]\n")  # non-kind files are skipped
    write(team / "help", "ignored.yaml", "::: not even yaml")  # subfolders are skipped
    rules = load_rules([team])
    assert "drinkwater-achterstand" in rules
    assert len(rules.kinds) == len(load_rules().kinds) + 1
    c = classify(LETTER, rules)
    assert c.kind == "drinkwater-achterstand"
    assert c.stage == "aanmaning"
    assert {h.pattern_id for h in c.hits} >= {"drinkwater", "waterrekening", "niet-betaald"}
    report = run_examples(rules, kinds=["drinkwater-achterstand"])
    assert report.ok, report
    # Without the team folder the same letter has no kind of its own.
    assert classify(LETTER, load_rules()).kind != "drinkwater-achterstand"


def test_edits_show_up_on_the_next_load(tmp_path: Path):
    team = tmp_path / "team"
    path = write(team, "drinkwater-achterstand.yaml", WATER)
    first = load_rules([team])
    assert load_rules([team]) is first  # cached while nothing changes
    path.write_text(
        WATER.replace("Achterstand bij het waterbedrijf", "Waterschuld"), encoding="utf-8"
    )
    later = time.time() + 5
    os.utime(path, (later, later))
    second = load_rules([team])
    assert second is not first
    assert second.get("drinkwater-achterstand").label == "Waterschuld"
