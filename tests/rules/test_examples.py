"""Every example in every shipped rule file, one test per file; and the texts' B1 checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from snapdebrief.classify import run_examples
from snapdebrief.rules import SHIPPED_RULES_DIR, kind_files, load_rules

KINDS = [p.stem for p in kind_files(SHIPPED_RULES_DIR)]
HELP_FILE = SHIPPED_RULES_DIR / "help" / "amsterdam.yaml"


def test_the_eighteen_kinds_are_shipped():
    assert set(KINDS) >= {
        "belasting-aanslag",
        "belasting-aanmaning",
        "toeslag-beschikking",
        "toeslag-terugvordering",
        "gemeente-belastingaanslag",
        "kwijtschelding-besluit",
        "cjib-boete",
        "cjib-aanmaning",
        "incasso-aanmaning",
        "deurwaarder",
        "zorgverzekering-achterstand",
        "huurachterstand",
        "energie-achterstand",
        "uitkering-besluit",
        "uitkering-informatieverzoek",
        "duo-studieschuld",
        "afspraak-uitnodiging",
        "overig",
    }


@pytest.mark.parametrize("kind", KINDS)
def test_examples_of_file(kind: str):
    rules = load_rules()
    report = run_examples(rules, kinds=[kind])
    failures = [
        f"{f.expect} example came out as {f.got} {f.scores[:3]}: {f.text[:90]!r}"
        for f in report.failures
    ]
    unused = [f"'{pid}' is hit by no example" for _, pid in report.unused]
    assert not failures + unused, "\n".join(failures + unused)


@pytest.mark.parametrize("kind", KINDS)
def test_texts_are_b1(kind: str):
    readability = pytest.importorskip("snapdebrief.readability")
    rule = load_rules().get(kind)
    t = rule.texts
    text = "\n".join(
        [t.summary, *t.what_to_do, t.if_you_do_nothing] + ([t.objection] if t.objection else [])
    )
    assert readability.problems(text) == []


@pytest.mark.parametrize("kind", KINDS)
def test_help_ids_exist(kind: str):
    if not HELP_FILE.exists():
        pytest.skip("rules/help/amsterdam.yaml not written yet")
    known = set((yaml.safe_load(HELP_FILE.read_text(encoding="utf-8")) or {}).get("help", {}))
    rule = load_rules().get(kind)
    assert set(rule.help) <= known, f"unknown help ids: {set(rule.help) - known}"


def test_every_kind_file_is_listed_nowhere_else():
    """A kind exists because its file exists: the loader finds exactly the files on disk."""
    rules = load_rules()
    assert sorted(rules.ids()) == sorted(KINDS)
    assert all(Path(rules.file_of(k)).name == f"{k}.yaml" for k in rules.ids())
