"""What checking the rule files costs once per rule change instead of on every start.

Loading the rules checks every regex for catastrophic backtracking: a static look at its
shape and timed probes on adversarial inputs (rules.py), ~0.4 s for the shipped rules; the
classifier then parses each regex again for the words a page must hold before it is run
(classify.required_literals). Both answers depend on the regex text and on this program only,
so they are kept per regex, keyed on the SHA-256 of its text, in one JSON file in the user's
cache folder (`$XDG_CACHE_HOME/snapdebrief/`, else `~/.cache/snapdebrief/`).

What the file may hold: regex digests, the verdict "passed the checks" and the literals taken
from the regex. Nothing derived from a letter ever goes in (the classifier only asks about
regexes from rule files). The file name carries snapdebrief's, Python's and spaCy's versions,
so another version (another `re` engine, other checks) never reads it. A broken, foreign or
unreadable file is ignored and replaced; a folder that cannot be written means no cache, never
an error. A regex that fails the checks is never cached: it is refused on every load.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FORMAT = 1
_MISSING = object()


@functools.cache
def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "0"

    py = ".".join(map(str, sys.version_info[:3]))
    return f"snapdebrief-{v('snapdebrief')}-py{py}-spacy{v('spacy')}-f{FORMAT}"


def default_folder() -> Path | None:
    """The user's cache folder for snapdebrief (the XDG rule every desktop tool follows)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder at all: no cache
            return None
    return Path(base) / "snapdebrief"


def digest(regex: str) -> str:
    return hashlib.sha256(regex.encode("utf-8")).hexdigest()


class RuleCache:
    """Per-regex facts, read once from disk, written back (atomically) when something new was
    learnt. Thread-safe: the app reads rules from several threads."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._entries: dict[str, dict[str, Any]] | None = None
        self._dirty = False
        self._lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        return None if self.folder is None else self.folder / f"rules-{_versions()}.json"

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            self._entries = _read(self.path)
        return self._entries

    def checked(self, regex: str) -> bool:
        """The regex passed the safety checks before (same text, same program)."""
        with self._lock:
            return bool(self._load().get(digest(regex), {}).get("ok"))

    def mark_checked(self, regex: str) -> None:
        with self._lock:
            entry = self._load().setdefault(digest(regex), {})
            if not entry.get("ok"):
                entry["ok"] = True
                self._dirty = True

    def literals(self, regex: str) -> Any:
        """The cached literals of a regex (a tuple or None), or _MISSING when not known."""
        with self._lock:
            entry = self._load().get(digest(regex), {})
        if "lit" not in entry:
            return _MISSING
        return None if entry["lit"] is None else tuple(entry["lit"])

    def remember_literals(self, regex: str, found: Sequence[str] | None) -> None:
        with self._lock:
            entry = self._load().setdefault(digest(regex), {})
            value = None if found is None else list(found)
            if entry.get("lit", _MISSING) != value:
                entry["lit"] = value
                self._dirty = True

    def save(self) -> None:
        """Write what was learnt; quietly nothing when the folder cannot be written."""
        with self._lock:
            if not self._dirty or self.path is None or self._entries is None:
                return
            self._dirty = False
            entries = dict(self._entries)
        _write(self.path, entries)

    def forget(self) -> None:
        """Drop what was read (a test changes the folder or the file)."""
        with self._lock:
            self._entries, self._dirty = None, False


def _read(path: Path | None) -> dict[str, dict[str, Any]]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, unreadable or broken: start afresh
    if not isinstance(data, dict) or data.get("versions") != _versions():
        return {}
    entries = data.get("regexes")
    if not isinstance(entries, dict):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for key, entry in entries.items():
        if not (isinstance(key, str) and len(key) == 64 and isinstance(entry, dict)):
            continue
        clean: dict[str, Any] = {}
        if entry.get("ok") is True:
            clean["ok"] = True
        lit = entry.get("lit", _MISSING)
        if lit is None or (isinstance(lit, list) and all(isinstance(x, str) for x in lit)):
            clean["lit"] = lit
        if clean:
            out[key] = clean
    return out


def _write(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    write_atomically(path, json.dumps({"versions": _versions(), "regexes": entries},
                                      sort_keys=True, separators=(",", ":")))


def write_atomically(path: Path, body: str) -> None:
    """`body` as the file at `path` in one step; quietly nothing when it cannot be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _sweep_stale(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, path)  # readers see the old file or the new one, never half of one
        tmp = None
    except OSError:
        pass  # a read-only home, a full disk: run without a cache
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


STALE_SECONDS = 600  # no write takes this long: an older temp file is one a killed process left


def _sweep_stale(folder: Path) -> None:
    """Remove the temp files of writes cut off by a kill (a letter's time limit ends its process
    with SIGKILL, so its `finally` never runs); they hold rule facts, never a letter."""
    now = time.time()
    for tmp in folder.glob(".rules-*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > STALE_SECONDS:
                tmp.unlink()


CACHE = RuleCache(default_folder())
MISSING = _MISSING
