"""A reader that stops reading (`snapdebrief rules test | head -1`) is no bug: the CLI says
nothing on stderr and exits 0 (it printed "Er ging iets mis" before)."""

from __future__ import annotations

import subprocess
import sys


def test_a_closed_pipe_is_no_bug() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "snapdebrief.cli", "rules", "test"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1`: nobody reads the rest
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first  # it did print
    assert "Er ging iets mis" not in err
    assert code == 0
