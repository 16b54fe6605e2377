"""Pyphen's Dutch patterns come from a JSON copy in the cache folder on a warm start
(`readability._preload_hyphenation`, #16): the same syllables, and pyphen's own parse when the
copy is missing, stale or broken."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# in a fresh process (pyphen keeps what it parsed): the patterns, where they came from, and the
# reading ease of a text
PROBE = """
import hashlib, json, pyphen
from snapdebrief import readability
readability._textstat()
path = pyphen.LANGUAGES[pyphen.language_fallback("nl")]
hd = pyphen.hdcache[path]
text = "Wij hebben uw aanvraag voor bijzondere bijstand ontvangen. U krijgt binnen acht weken bericht."
print(json.dumps({"n": len(hd.patterns), "maxlen": hd.maxlen,
                  "all": hashlib.sha256(repr(sorted(hd.patterns.items())).encode()).hexdigest(),
                  "ease": readability.flesch_douma(readability.mask(text)),
                  "hyph": pyphen.Pyphen(lang="nl").inserted("arbeidsongeschiktheidsverzekering")}))
"""


def _run(cache_home: Path) -> dict:
    env = {"XDG_CACHE_HOME": str(cache_home), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def test_copy_gives_the_same_patterns(tmp_path):
    first = _run(tmp_path)  # parses the dictionary, writes the copy
    copy = tmp_path / "snapdebrief" / "hyphenation-nl.json"
    assert copy.is_file()
    data = json.loads(copy.read_text())
    assert set(data) == {"key", "patterns"} and len(data["patterns"]) == first["n"] > 10000
    second = _run(tmp_path)  # reads the copy
    assert second == first


def test_broken_or_stale_copy_is_parsed_again(tmp_path):
    good = _run(tmp_path)
    copy = tmp_path / "snapdebrief" / "hyphenation-nl.json"
    copy.write_text("{not json")
    assert _run(tmp_path) == good
    data = json.loads(copy.read_text())  # rewritten
    data["key"] = "pyphen-0-stale"
    data["patterns"] = {"ab": [0, [9]]}
    copy.write_text(json.dumps(data))
    assert _run(tmp_path) == good
    data = json.loads(copy.read_text())
    data["patterns"]["ab"] = [0, ["x"]]  # right key, wrong values
    copy.write_text(json.dumps(data))
    assert _run(tmp_path) == good


def test_unwritable_folder_still_reads(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert _run(blocked)["n"] > 10000  # XDG_CACHE_HOME is a file: no copy, no error
