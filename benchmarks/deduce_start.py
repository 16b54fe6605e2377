"""#18: what deduce costs the desk's test-case export: its start (as cases/deidentify.py starts
it, and with all its lists: --full) and its run over the sample letters. Each start in a fresh
process; prints seconds and peak RSS. Nothing of a letter is printed.

    .venv/bin/python benchmarks/deduce_start.py [--full]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TRIMMED = """
import glob, json, resource, time
t = time.perf_counter()
from snapdebrief.cases.deidentify import deidentifier
d = deidentifier()
start = time.perf_counter() - t
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob("samples/letters/*.txt"))]
t = time.perf_counter()
tags = sum(len(d.tags(x)) for x in texts)
run = time.perf_counter() - t
print(json.dumps({"start_s": start, "letters": len(texts), "run_s": run, "tags": tags,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FULL = """
import json, logging, resource, sys, time
logging.getLogger().addHandler(logging.NullHandler())
t = time.perf_counter()
import deduce
deduce.Deduce(cache_path=sys.argv[1])
print(json.dumps({"start_s": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--full", action="store_true", help="also start deduce with all its lists "
                   "(the first start builds them: ~1.5 min, 1.2 GB)")
    args = p.parse_args()
    for n in (1, 2, 3):
        r = child(TRIMMED)
        print(f"as snapdebrief starts it, run {n}: start {r['start_s']:.2f} s, peak RSS "
              f"{r['rss_mb']:.0f} MB; {r['letters']} sample letters tagged in {r['run_s']:.2f} s "
              f"({r['tags']} tags)")
    if args.full:
        import tempfile

        with tempfile.TemporaryDirectory() as cache:
            for what in ("first start (builds its lists)", "next start (from its cache)"):
                r = child(FULL, cache)
                print(f"all lists, {what}: {r['start_s']:.1f} s, peak RSS {r['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
