"""`snapdebrief eval` on every Nth sample letter: field scores and CER on a fixed subset, fast
enough to compare two versions of the reader (13 of 52 letters with --every 4).

Usage:
  .venv/bin/python benchmarks/eval_every.py [--every 4] [--offset 0] [--forms scan,photo,hard]
      [--preprocess sheet,light,scale | --preprocess default] [--json FILE]

Scores exactly as `snapdebrief eval` (snapdebrief.evaluate.score_letter, one worker so one
OCR process at a time) and prints its table with every wrong field, then the CER of each
item, worst first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snapdebrief import evaluate as ev
from snapdebrief.options import Options


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--samples", type=Path, default=ROOT / "samples")
    p.add_argument("--every", type=int, default=4)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--forms", default="scan,photo,hard")
    p.add_argument("--preprocess", default="default",
                   help="photo clean-up steps; 'default' = Options().preprocess")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    names = ev.names_in(args.samples)[args.offset::args.every]
    steps = (Options().preprocess if args.preprocess == "default"
             else tuple(x for x in args.preprocess.split(",") if x))
    options = Options(today=ev.EVAL_TODAY, workers=1, preprocess=steps)
    report: dict = {"letters": len(names), "preprocess": list(steps), "forms": {}}
    per_item: dict[str, float] = {}
    for form in [f for f in args.forms.split(",") if f]:
        score = ev.FormScore()
        for name in names:
            before = len(score.cers)
            ev.score_letter(args.samples, name, form, score, options, False)
            if len(score.cers) > before:
                per_item[f"{form}/{name}"] = score.cers[-1]
        report["forms"][form] = score.as_dict()
    report["per_item"] = per_item
    print(ev.format_table(report, show_misses=True))
    print("\nCER per item, worst first")
    for item, value in sorted(per_item.items(), key=lambda kv: -kv[1]):
        print(f"  {100 * value:6.2f}%  {item}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
