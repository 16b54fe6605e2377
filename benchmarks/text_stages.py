"""Time the text stages (read, fields, classify, explain) on every sample letter's text, warm.

Usage:  .venv/bin/python benchmarks/text_stages.py [--repeat 3] [ROOT ...]
ROOT defaults to samples/letters, samples/holdout and samples/firstlook/batch-*. Prints the
median and 95th percentile per stage in milliseconds over all letters (each letter's best of
--repeat runs). For before/after comparisons of finder changes (issue #15: no stage more than
20 % slower), run it on two checkouts: `PYTHONPATH=OTHER_CHECKOUT python benchmarks/text_stages.py`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import stages

STAGES = ("read", "fields", "classify", "explain", "total")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("roots", nargs="*", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    roots = args.roots or [ROOT / "samples/letters", ROOT / "samples/holdout",
                           *sorted((ROOT / "samples/firstlook").glob("batch-*"))]
    files = sorted(f for r in roots for f in r.glob("*.txt"))
    stages(files[0].read_bytes())  # warm: imports, rules, spaCy
    per: dict[str, list[float]] = {s: [] for s in STAGES}
    for f in files:
        data = f.read_bytes()
        runs = [stages(data) for _ in range(args.repeat)]
        for s in STAGES:
            per[s].append(min(r[s] for r in runs) * 1000)
    print(f"{len(files)} letters, best of {args.repeat}, ms")
    print(f"{'stage':<10}{'median':>9}{'p95':>9}")
    for s in STAGES:
        v = sorted(per[s])
        print(f"{s:<10}{statistics.median(v):>9.1f}{v[int(0.95 * (len(v) - 1))]:>9.1f}")


if __name__ == "__main__":
    main()
