"""The worker keeps its letters' private folders where SNAPDEBRIEF_TMPDIR says, as the CLI does
(#18: one settings module for every door); before, it always used /dev/shm."""

from __future__ import annotations

import os
from pathlib import Path

from snapdebrief.service.settings import ServiceSettings
from snapdebrief.service.worker import WORK_PREFIX, answer, options_from, work_root
from snapdebrief.settings import read_settings

LETTER = ("Gemeente Leiden\nLeiden, 2 maart 2026\nBetreft: aanslag afvalstoffenheffing\n"
          "Betaal € 312,00 vóór 1 april 2026 op NL91BNGH0285159876.\n").encode()


def test_the_worker_reads_in_the_folder_the_settings_name(tmp_path: Path) -> None:
    settings = ServiceSettings.from_settings(read_settings({"SNAPDEBRIEF_TMPDIR": str(tmp_path),
                                                                "SNAPDEBRIEF_BROKER": "redis://localhost:1/0"}))
    root = work_root(settings.base.tmpdir)
    assert root == tmp_path
    shm = Path("/dev/shm")
    before = {p.name for p in shm.glob(f"{WORK_PREFIX}{os.getpid()}")} if shm.is_dir() else set()
    got = answer([LETTER], options_from(settings, {"today": "2026-03-03"}), root=root)
    assert got["status"] == 200 and got["body"]["amount_due"] == 312.0
    own = tmp_path / f"{WORK_PREFIX}{os.getpid()}"
    assert own.is_dir() and not any(own.iterdir())  # the letter's own folder is gone
    after = {p.name for p in shm.glob(f"{WORK_PREFIX}{os.getpid()}")} if shm.is_dir() else set()
    assert after == before


def test_without_the_setting_the_worker_uses_memory() -> None:
    assert work_root(read_settings({}).tmpdir) == Path("/dev/shm")
