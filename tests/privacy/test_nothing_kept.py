"""Nothing of a letter is kept: no file remains after the CLI or the app explained it.

The pipeline writes nothing for text and PDF letters, not even for a moment (Python's audit
hook sees every open for writing). For photos the page image reaches Tesseract through
a temporary file; it lives in the temp folder (the CLI's: in /dev/shm) and is gone afterwards.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain

from ..conftest import TODAY, render_pdf
from .conftest import photo_with_exif
from .letters import LETTER
from .screen import upload

_WRITES: list[str] | None = None  # while a list, the audit hook records every open for writing


def _audit(event: str, args: tuple) -> None:
    if _WRITES is None or event != "open":
        return
    path, mode, flags = (tuple(args) + (None, None, None))[:3]
    writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
    if writing and isinstance(path, (str, bytes, os.PathLike)):
        _WRITES.append(os.fsdecode(path))


sys.addaudithook(_audit)  # audit hooks stay for the process; it records only inside `writes()`


class writes:
    """with writes() as paths: … → every path opened for writing in the block."""

    def __enter__(self) -> list[str]:
        global _WRITES
        _WRITES = []
        return _WRITES

    def __exit__(self, *exc) -> None:
        global _WRITES
        _WRITES = None


def new_files_holding(text: str, since: float, places=(Path("/tmp"), Path("/dev/shm"))) -> list[Path]:
    """Files made since `since` under /tmp or /dev/shm that contain `text` (OCR output would)."""
    hits = []
    needle = text.encode()
    for place in places:
        for root, _dirs, names in os.walk(place):
            for name in names:
                p = Path(root, name)
                try:
                    if p.stat().st_mtime >= since and p.stat().st_size < 5_000_000 and needle in p.read_bytes():
                        hits.append(p)
                except OSError:
                    continue
    return hits


@pytest.mark.parametrize(
    "make", [pytest.param(lambda: LETTER.encode(), id="txt"), pytest.param(lambda: render_pdf(LETTER), id="pdf")]
)
def test_pipeline_writes_nothing_for_text_and_pdf(make) -> None:
    data = make()
    with writes() as paths:
        explain([data], Options(today=TODAY))
    assert [p for p in paths if not _rule_cache(p)] == []


def _rule_cache(path: str) -> bool:
    """The rule cache (snapdebrief/rule_cache.py) is written when a process first checks the
    rules: facts about rule files only, never of a letter (tests/test_rule_cache.py)."""
    from snapdebrief import rule_cache

    folder = rule_cache.CACHE.folder
    return folder is not None and Path(path).parent == folder and Path(path).name.startswith(
        (".rules-", "rules-"))


def test_pipeline_photo_writes_only_in_the_temp_folder_and_removes_it(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    data = photo_with_exif("JPEG")
    with writes() as paths:
        explain([data], Options(today=TODAY))
    from snapdebrief.read import ocr

    if not ocr.in_process():
        # the tesseract program reads the page from a temp file: the audit hook must see it
        assert paths, "the page image for Tesseract is a temp file; the audit hook should have seen it"
    # in-process Tesseract (tesserocr) gets the pixels and writes nothing at all
    outside = [p for p in paths if p != os.devnull and not Path(p).resolve().is_relative_to(folder.resolve())]
    assert outside == []
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "make"),
    [pytest.param("brief.jpg", lambda: photo_with_exif("JPEG"), id="photo"),
     pytest.param("brief.pdf", lambda: render_pdf(LETTER), id="pdf")],
)
def test_cli_keeps_nothing(name: str, make, cli) -> None:
    since = time.time() - 1
    run = cli(make(), name, "--json")  # the fixture checks TMPDIR, HOME, /tmp, /dev/shm, processes
    assert run.code == 0
    assert new_files_holding("Wildeboer", since) == []


def test_app_keeps_nothing(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    since = time.time() - 1
    at = upload("brief.jpg", photo_with_exif("JPEG"), desk=True)
    assert not at.exception and at.header
    # multiprocessing's forkserver (started here when this test runs first) keeps its socket in
    # a pymp-* folder of the temp folder while it lives: that holds nothing of the letter
    assert [p for p in folder.iterdir()
            if not (p.name.startswith("pymp-") and all(q.is_socket() for q in p.iterdir()))] == []
    assert new_files_holding("Wildeboer", since) == []
    at.sidebar.button[0].click().run()  # "Wis alles": the session forgets the letter
    assert not at.session_state["letters"]
