"""Cold start of the CLI against the floor `python -c "import spacy; spacy.blank('nl')"` (#17).

Usage:  .venv/bin/python benchmarks/cold_start.py [--runs 5] [--txt FILE] [--pdf FILE]
            [--no-cache] [--src DIR]

Each run is a fresh process: the floor, `snapdebrief explain` on a text letter and on a
born-digital PDF letter, interleaved so a busy machine weighs on all three alike. Prints the
median wall and CPU seconds of each and their ratios to the floor (the issue asks ≤ 1.5 for text
and ≤ 1.8 for PDF); on a machine other jobs load, the CPU ratio is the steadier one. The rule cache (snapdebrief/rule_cache.py) is filled by one untimed run first;
`--no-cache` points it at an empty folder for every run instead (the first start after a rule
change). `--src DIR` runs the snapdebrief package found in DIR (e.g. an older commit unpacked
by `git archive`) for a before/after. `python -X importtime` on one run shows where time goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TXT = ROOT / "samples" / "letters" / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt"
PDF = ROOT / "samples" / "generated" / "pdf" / "cjib-aanmaning-01-eerste-aanmaning-wahv.pdf"
FLOOR = [sys.executable, "-c", "import spacy; spacy.blank('nl')"]


def _seconds(cmd: list[str], env: dict[str, str], cwd: str | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; CPU (user + system of the process and its children)
    barely moves when other jobs load the machine, wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int, txt: Path, pdf: Path | None, no_cache: bool,
            src: Path | None = None) -> dict[str, list[tuple[float, float]]]:
    cli = [sys.executable, "-m", "snapdebrief.cli", "explain"]
    commands = {"floor": FLOOR, "txt": [*cli, str(txt)]}
    if pdf is not None and pdf.is_file():
        commands["pdf"] = [*cli, str(pdf)]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    # Run from an empty folder: `python -m` puts the current folder first on sys.path, which
    # would shadow --src with the checkout's own package.
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as here:
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = str(src)
        if no_cache:
            env["XDG_CACHE_HOME"] = cache
        else:
            _seconds(commands["txt"], env, here)  # fills the rule cache once, untimed
        for _ in range(runs):
            for name, cmd in commands.items():
                if no_cache:
                    for f in Path(cache).glob("snapdebrief/*"):
                        f.unlink()
                times[name].append(_seconds(cmd, env, here))
    return times


def report(times: dict[str, list[tuple[float, float]]]) -> str:
    floor_wall = statistics.median(w for w, _ in times["floor"])
    floor_cpu = statistics.median(c for _, c in times["floor"])
    lines = [f"{'':6} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6}   wall of each run"]
    for name, values in times.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        runs = " ".join(f"{w:.2f}" for w, _ in values)
        lines.append(f"{name:6} {wall:7.2f} {wall / floor_wall:6.2f} {cpu:7.2f} "
                     f"{cpu / floor_cpu:6.2f}   {runs}")
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--txt", type=Path, default=TXT)
    p.add_argument("--pdf", type=Path, default=PDF)
    p.add_argument("--no-cache", action="store_true", help="every run with an empty rule cache")
    p.add_argument("--src", type=Path, help="run the snapdebrief package in this folder")
    args = p.parse_args()
    print(report(measure(args.runs, args.txt, args.pdf, args.no_cache, args.src)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
