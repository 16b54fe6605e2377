"""Shared helpers for the rule tests: write a rule folder, a minimal valid kind file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from snapdebrief.rules import load_rules

MINIMAL_KIND = """\
id: {id}
label: Testsoort
description: A kind made by a test.
senders: []
match:
  threshold: 3.0
  phrases:
    - {{id: woord, text: "{word}", weight: 3.0}}
stages:
  default: info
deadline:
  actions: [none]
objection:
  possible: false
texts:
  summary: "Dit is een test."
  what_to_do: ["Doe niets."]
  if_you_do_nothing: "Er gebeurt niets."
  objection: null
help: [buurtteam]
examples:
  match: ["{word} een", "{word} twee", "{word} drie"]
  no_match: ["niets", "ook niets"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def shipped():
    return load_rules()
