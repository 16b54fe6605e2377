"""The leftover check itself: a folder of a process that has ended counts, one of a live
process (another job on the machine) does not."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .conftest import tmp_entries


def test_a_dead_process_folder_counts_and_a_live_ones_does_not() -> None:
    dead = Path(tempfile.mkdtemp(prefix="snapdebrief-2147483646-", dir="/tmp"))
    live = Path(tempfile.mkdtemp(prefix=f"snapdebrief-{os.getpid()}-", dir="/tmp"))
    try:
        found = tmp_entries()
        assert str(dead) in found
        assert str(live) not in found
    finally:
        dead.rmdir()
        live.rmdir()
