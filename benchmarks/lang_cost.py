"""What the answer in another language costs beside the Dutch one, warm (issue #20: ≤ 10 ms).

Usage:  .venv/bin/python benchmarks/lang_cost.py [--repeat 3] [--langs en,tr,ar,pl,uk] [ROOT ...]
ROOT defaults to samples/letters. Each letter is explained in Dutch and in each language in
the same process (rules, spaCy and the translation files loaded once before timing); per
language it prints the extra milliseconds over Dutch per letter (median, 95th percentile, max
of each letter's best of --repeat runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _best(data: bytes, options: Options, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        explain([data], options)
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("roots", nargs="*", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--langs", default="en,tr,ar,pl,uk")
    args = p.parse_args()
    roots = args.roots or [ROOT / "samples/letters"]
    files = sorted(f for r in roots for f in r.glob("*.txt"))
    base = Options(today=date(2026, 12, 7))
    langs = args.langs.split(",")
    for lang in ["nl", *langs]:  # warm: imports, rules, spaCy, each language's files
        explain([files[0].read_bytes()], replace(base, lang=lang))
    extra: dict[str, list[float]] = {lang: [] for lang in langs}
    for f in files:
        data = f.read_bytes()
        dutch = _best(data, base, args.repeat)
        for lang in langs:
            extra[lang].append(_best(data, replace(base, lang=lang), args.repeat) - dutch)
    print(f"{len(files)} letters, best of {args.repeat}, ms more than Dutch")
    print(f"{'lang':<6}{'median':>8}{'p95':>8}{'max':>8}")
    for lang, xs in extra.items():
        xs.sort()
        p95 = xs[min(len(xs) - 1, int(0.95 * len(xs)))]
        print(f"{lang:<6}{statistics.median(xs):>8.1f}{p95:>8.1f}{xs[-1]:>8.1f}")


if __name__ == "__main__":
    main()
