"""Run one file through both doors: the real CLI in a subprocess, and pipeline.explain in-process.

The subprocess gets a fresh HOME and TMPDIR (both must be empty afterwards, but for the rule
cache in HOME, which holds facts about rule files only; as must /tmp and
/dev/shm of anything with our prefix), at most 1.5 GiB of
address space (a zip bomb that got through would die of it, exit 1) and a wall-clock guard far
above the CLI's own time limit. Afterwards no process that carried this TMPDIR may be left.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import ROOT, TODAY
from ..leftovers import leftovers

MEMORY_CAP = 1536 * 1024 * 1024
GUARD_SECONDS = 240  # the test's own guard; the CLI must end long before it


@dataclass(frozen=True)
class CliRun:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def processes_with(marker: str) -> list[int]:
    """Our processes whose environment holds `marker` (a child or a Tesseract left behind)."""
    found = []
    needle = marker.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue  # gone, or not ours
    return found


def only_the_rule_cache(home: Path) -> bool:
    """HOME holds nothing but the rule cache (snapdebrief/rule_cache.py): the rule facts (regex
    digests, verdicts and literals) and pyphen's hyphenation patterns (readability.py, #16) —
    facts about rule files and a dictionary, never about a letter."""
    files = [p for p in home.rglob("*") if p.is_file()]
    cache = home / ".cache" / "snapdebrief"
    for path in files:
        if path.parent != cache:
            return False
        text = path.read_text(encoding="utf-8")
        if re.fullmatch(r"\.rules-\w+\.tmp", path.name) and (not text or text.startswith('{"')):
            # a cache write cut off when the time limit killed the process (rule_cache.py
            # removes it later): the start of the same rule facts, never a letter
            continue
        data = json.loads(text)
        if re.fullmatch(r"hyphenation-[a-z]{2}\.json", path.name):
            if set(data) != {"key", "patterns"} or not all(
                    isinstance(k, str) and len(k) <= 16 and isinstance(v, list)
                    for k, v in data["patterns"].items()):
                return False
            continue
        if not re.fullmatch(r"rules-[\w.+-]+\.json", path.name) or set(data) != {"versions", "regexes"}:
            return False
        for key, entry in data["regexes"].items():
            if not re.fullmatch(r"[0-9a-f]{64}", key) or not set(entry) <= {"ok", "lit"}:
                return False
    return all(p == home / ".cache" or p == cache or p.is_file() for p in home.rglob("*"))


TEMP_PLACES = (Path("/tmp"), Path("/dev/shm"))


def tmp_entries() -> set[str]:
    """Entries in /tmp and /dev/shm with our CLI's prefix, less the folders of processes still
    running (tests/leftovers.py)."""
    return leftovers(TEMP_PLACES)


@pytest.fixture
def cli(tmp_path: Path):
    """cli(data, name, *args) or cli([(name, data), ...], "", *args) → CliRun, after checking
    that nothing was left on disk or running."""

    def run(data: bytes | list[tuple[str, bytes]], name: str = "", *args: str,
            pythonpath: tuple[Path, ...] = (), extra_env: dict[str, str] | None = None) -> CliRun:
        home, tmp = tmp_path / "home", tmp_path / "tmp"
        home.mkdir(exist_ok=True)
        tmp.mkdir(exist_ok=True)
        files = [(name, data)] if isinstance(data, bytes) else data
        paths = []
        for file_name, content in files:
            paths.append(tmp_path / file_name)
            paths[-1].write_bytes(content)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": os.pathsep.join([*map(str, pythonpath), str(ROOT)]),
            "HOME": str(home),
            "TMPDIR": str(tmp),
            "LANG": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
            **(extra_env or {}),
        }
        before = tmp_entries()
        proc = subprocess.run(
            [sys.executable, "-m", "snapdebrief.cli", "explain", *map(str, paths),
             "--today", TODAY.isoformat(), *args],
            capture_output=True, env=env, timeout=GUARD_SECONDS, check=False,
            preexec_fn=_cap_memory, cwd=tmp_path,
        )
        for path in paths:
            path.unlink()
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        assert "Traceback" not in err, err
        assert proc.returncode in (0, 2), (proc.returncode, err)
        assert list(tmp.iterdir()) == [], "the CLI left files in TMPDIR"
        assert only_the_rule_cache(home), "the CLI wrote into HOME"
        assert not processes_with(str(tmp)), "a process of the CLI is still running"
        assert not tmp_entries() - before, "the CLI left files in /tmp or /dev/shm"
        return CliRun(proc.returncode, out, err)

    return run
