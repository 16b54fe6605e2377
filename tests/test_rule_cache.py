"""The rule cache (snapdebrief/rule_cache.py): regex checks once per rule change, kept in the
user's cache folder, holding facts about rule files only; a broken or stale file is ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from snapdebrief import rule_cache, rules
from snapdebrief.classify import compile_rules

from .conftest import ROOT
from .privacy.letters import LETTER as PRIVATE_LETTER
from .privacy.letters import SECRETS

SAMPLE = ROOT / "samples" / "letters" / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> rule_cache.RuleCache:
    """A fresh cache in a temp folder, with the in-process caches of the rules emptied."""
    fresh = rule_cache.RuleCache(tmp_path / "snapdebrief")
    monkeypatch.setattr(rule_cache, "CACHE", fresh)
    for cached in (rules._load, rules._regex_problem, compile_rules):
        cached.cache_clear()
    yield fresh
    for cached in (rules._load, rules._regex_problem, compile_rules):
        cached.cache_clear()


def test_a_new_process_does_not_probe_the_regexes_again(cache, monkeypatch) -> None:
    rules.load_rules(())
    assert cache.path is not None and cache.path.is_file()
    cache.forget()
    rules._load.cache_clear()
    rules._regex_problem.cache_clear()

    def probe(rx):
        raise AssertionError(f"probed again: {rx.pattern}")

    monkeypatch.setattr(rules, "probe_regex", probe)
    assert "overig" in rules.load_rules(()).kinds


def test_literals_are_kept_for_the_classifier(cache) -> None:
    compile_rules(rules.load_rules(()))
    data = json.loads(cache.path.read_text())
    assert any(entry.get("lit") for entry in data["regexes"].values())
    assert all(len(key) == 64 for key in data["regexes"])


def test_a_failing_regex_is_never_cached(cache) -> None:
    slow = "(a+)+$"
    assert rules._regex_problem(slow) is not None
    cache.save()
    assert not cache.checked(slow)
    assert cache.path is None or not cache.path.exists() or rule_cache.digest(slow) not in (
        json.loads(cache.path.read_text())["regexes"])


@pytest.mark.parametrize("content", [
    pytest.param("not json at all {", id="broken"),
    pytest.param(json.dumps({"versions": "snapdebrief-0.0.1", "regexes": {"a" * 64: {"ok": True}}}),
                 id="other-version"),
    pytest.param(json.dumps(["a list"]), id="foreign"),
])
def test_a_broken_or_stale_file_is_ignored_and_replaced(cache, content: str) -> None:
    cache.path.parent.mkdir(parents=True)
    cache.path.write_text(content)
    assert not cache.checked("abc")
    rules.load_rules(())
    data = json.loads(cache.path.read_text())
    assert data["versions"] == rule_cache._versions() and "a" * 64 not in data["regexes"]


def test_a_folder_that_cannot_be_written_means_no_cache(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    cache = rule_cache.RuleCache(blocked / "snapdebrief")
    cache.mark_checked("abc")
    cache.save()  # no error
    assert not (blocked / "snapdebrief").exists()


def _cli(letter: Path, cache_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    return subprocess.run([sys.executable, "-m", "snapdebrief.cli", "explain", str(letter)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_cache_holds_nothing_of_a_letter(tmp_path) -> None:
    """The file after two different letters is the file after one: rule facts only."""
    private = tmp_path / "brief.txt"
    private.write_text(PRIVATE_LETTER, encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    assert _cli(private, first).returncode == 0
    assert _cli(SAMPLE, second).returncode == 0
    # the rule facts, and the hyphenation patterns of the reading ease (readability.py, #16)
    names = sorted(p.name for p in (first / "snapdebrief").iterdir())
    assert names == sorted(p.name for p in (second / "snapdebrief").iterdir())
    assert names[0] == "hyphenation-nl.json" and names[1].startswith("rules-") and len(names) == 2
    for name in names:
        one, two = first / "snapdebrief" / name, second / "snapdebrief" / name
        assert one.read_bytes() == two.read_bytes()
        text = one.read_text(encoding="utf-8")
        assert not [s for s in SECRETS if s in text]


def test_a_temp_file_a_killed_write_left_is_swept_later(tmp_path) -> None:
    """A letter's time limit kills its process with SIGKILL, so a cache write in progress may
    leave its temp file behind; the next write removes such files once they are old."""
    import os
    import time

    from snapdebrief import rule_cache

    old = tmp_path / ".rules-abc123.tmp"
    old.write_text('{"versions":', encoding="utf-8")
    past = time.time() - rule_cache.STALE_SECONDS - 5
    os.utime(old, (past, past))
    fresh = tmp_path / ".rules-def456.tmp"  # a write still in progress in another process
    fresh.write_text("", encoding="utf-8")
    rule_cache.write_atomically(tmp_path / "rules-x.json", '{"versions": {}, "regexes": {}}')
    assert not old.exists() and fresh.exists()
    assert (tmp_path / "rules-x.json").read_text(encoding="utf-8").startswith('{"versions"')
