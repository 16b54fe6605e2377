"""What the program leaves in the machine's shared temp places (/tmp, /dev/shm), less the folders
of processes still running: other jobs on the same machine (a second test run, an eval, a CLI
started by hand) make folders with our prefix too, and a folder of a live process is no leftover
of the run under test (the name holds its maker's pid: snapdebrief/isolate.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

PREFIX = "snapdebrief-"


def leftovers(places: Iterable[Path]) -> set[str]:
    """Entries with our prefix whose maker has ended."""
    return {str(p) for place in places if place.is_dir() for p in place.iterdir()
            if p.name.startswith(PREFIX) and not alive(p.name)}


def alive(name: str) -> bool:
    m = re.match(rf"{PREFIX}(\d+)-", name)
    if m is None:
        return False
    try:
        os.kill(int(m.group(1)), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
