"""Character error rate of the reader per photo clean-up step set, beside bare Tesseract.

Usage:
  .venv/bin/python benchmarks/ocr_steps.py [--every 3] [--offset 0] [--forms photo,hard,scan]
      [--steps "none;sheet;sheet,light;sheet,light,scale;all"] [--no-bare] [--only NAME,...]
      [--worst 5] [--json FILE] [--no-deblur]

For every chosen letter (every Nth of samples/letters, from --offset) and form, each step set runs
`read_document` with `Options(preprocess=...)` (one worker, so one OCR process at a time), and
bare `tesseract FILE - -l nld` (OMP_THREAD_LIMIT=1) runs on the raw file. A photo is scored
against the `.txt` page it shows (`txt_page` in samples/generated/manifest.json; photos of one
overflowed page are joined); a scanned PDF against the whole letter. "default" is
Options().preprocess, "all" every step in read/straighten.py's STEP_NAMES.

Prints, per form and per manifest variant: CER mean / median / max (snapdebrief.evaluate.cer);
the same with fill-in and rule lines left out of both texts ("text" columns: runs of 4+ dots,
dashes, underscores; the sample PDFs draw a typed `----` line that OCR, rightly, does not read
as text); and median seconds per page (bytes to text). The summary ends with each step set's
90th percentile per form. --no-deblur skips the second read of a shaken photo (read/deblur.py),
to measure what it gives.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snapdebrief.errors import SnapError
from snapdebrief.evaluate import bare_tesseract, cer
from snapdebrief.options import Options
from snapdebrief.read import read_document
from snapdebrief.read.straighten import STEP_NAMES

DEFAULT_STEPS = "none;sheet;sheet,light;sheet,light,scale;all"
_FILL = re.compile(r"(?:[-._=]\s?){4,}")


def text_only(s: str) -> str:
    """The text without fill-in dots and rule lines."""
    return _FILL.sub(" ", s)


@dataclass(frozen=True)
class Item:
    """One scored unit: the files that show one reference text."""

    form: str
    label: str
    files: tuple[Path, ...]
    reference: str
    variants: tuple[str, ...]


@dataclass
class Scores:
    cers: list[float] = field(default_factory=list)
    text_cers: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # per page
    by_variant: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    text_by_variant: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_item: dict[str, float] = field(default_factory=dict)

    def add(self, item: Item, text: str, seconds_per_page: list[float]) -> None:
        value = cer(item.reference, text)
        plain = cer(text_only(item.reference), text_only(text))
        self.cers.append(value)
        self.text_cers.append(plain)
        self.seconds.extend(seconds_per_page)
        self.by_item[item.label] = value
        for v in item.variants:
            self.by_variant[v].append(value)
            self.text_by_variant[v].append(plain)


def items(samples: Path, forms: list[str], names: list[str]) -> list[Item]:
    manifest = json.loads((samples / "generated" / "manifest.json").read_text(encoding="utf-8"))
    groups: dict[tuple[str, str, int], list[tuple[int, Path, list[str]]]] = defaultdict(list)
    for rel, meta in manifest["files"].items():
        if meta["form"] not in forms or meta["letter"] not in names:
            continue
        path = samples / "generated" / rel
        if not path.exists():
            continue
        txt_page = meta.get("txt_page") or 0  # PDFs: the whole letter
        groups[(meta["form"], meta["letter"], txt_page)].append(
            (meta.get("page") or 0, path, meta.get("variants", [])))
    out = []
    for (form, letter, txt_page), files in sorted(groups.items()):
        files.sort()
        pages = (samples / "letters" / f"{letter}.txt").read_text(encoding="utf-8").split("\f")
        ref = "\n".join(pages) if txt_page == 0 else pages[txt_page - 1]
        variants = tuple(dict.fromkeys(v for _, _, vs in files for v in vs))
        label = f"{form}/{letter}" + (f"-t{txt_page}" if txt_page else "")
        out.append(Item(form, label, tuple(p for _, p, _ in files), ref, variants))
    return out


def read_item(item: Item, steps: tuple[str, ...]) -> tuple[str, list[float]]:
    options = Options(workers=1, preprocess=steps)
    texts, seconds = [], []
    for path in item.files:
        t0 = time.perf_counter()
        try:
            doc = read_document([path.read_bytes()], options)
        except SnapError as exc:  # scored as an empty read
            print(f"    {path.name}: {type(exc).__name__}", flush=True)
            texts.append("")
            seconds.append(time.perf_counter() - t0)
            continue
        dt = time.perf_counter() - t0
        texts.append("\n".join(p.text for p in doc.pages))
        seconds += [dt / len(doc.pages)] * len(doc.pages)
    return "\n".join(texts), seconds


def bare_item(item: Item) -> tuple[str, list[float]]:
    texts, seconds = [], []
    for path in item.files:
        if path.suffix == ".pdf":
            return "", []  # bare tesseract reads no PDF
        t0 = time.perf_counter()
        texts.append(bare_tesseract(path))
        seconds.append(time.perf_counter() - t0)
    return "\n".join(texts), seconds


def pct(xs: list[float]) -> str:
    if not xs:
        return f"{'—':>7} {'—':>7} {'—':>7}"
    return f"{100 * statistics.fmean(xs):6.2f}% {100 * statistics.median(xs):6.2f}% {100 * max(xs):6.2f}%"


def pct2(xs: list[float]) -> str:
    return f"{100 * statistics.fmean(xs):6.2f}% {100 * max(xs):6.2f}%" if xs else f"{'—':>7} {'—':>7}"


def table(results: dict[str, dict[str, Scores]], forms: list[str]) -> str:
    lines = [(f"{'steps':<46}{'form / variant':<20}{'n':>4}  {'mean':>7} {'median':>7} {'max':>7}"
              f"  {'text mean':>9} {'max':>7}  {'s/page':>7}")]
    for label, per_form in results.items():
        for form in forms:
            s = per_form.get(form)
            if s is None or not s.cers:
                continue
            sec = f"{statistics.median(s.seconds):7.2f}" if s.seconds else f"{'—':>7}"
            lines.append(f"{label:<46}{form:<20}{len(s.cers):>4}  {pct(s.cers)}  "
                         f"{pct2(s.text_cers):>17}  {sec}")
            for v in sorted(s.by_variant):
                if len(s.by_variant) > 1:
                    lines.append(f"{'':<46}{'  ' + v:<20}{len(s.by_variant[v]):>4}  "
                                 f"{pct(s.by_variant[v])}  {pct2(s.text_by_variant[v]):>17}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--samples", type=Path, default=ROOT / "samples")
    p.add_argument("--every", type=int, default=3, help="every Nth letter (1 = all)")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--only", help="only letters whose name contains this (comma list: any)")
    p.add_argument("--forms", default="photo,hard,scan")
    p.add_argument("--steps", default=DEFAULT_STEPS,
                   help="step sets split by ';', steps by ','; 'none' = no clean-up, "
                        "'default' = Options().preprocess, 'all' = every step")
    p.add_argument("--no-bare", action="store_true", help="skip bare tesseract on the raw file")
    p.add_argument("--worst", type=int, default=0, help="list the N worst items per step set")
    p.add_argument("--json", type=Path, help="write every item's CER to this file")
    p.add_argument("--no-deblur", action="store_true",
                   help="no second read of a shaken photo with its streak undone")
    args = p.parse_args(argv)
    if args.no_deblur:
        import snapdebrief.read as reader

        reader.find_streak = lambda grey: None  # type: ignore[assignment]

    forms = [f for f in args.forms.split(",") if f]
    names = sorted(q.stem for q in (args.samples / "letters").glob("*.txt"))
    only = [o for o in (args.only or "").split(",") if o]
    names = [n for n in names if not only or any(o in n for o in only)][args.offset::args.every]
    todo = items(args.samples, forms, names)
    print(f"{len(names)} letters, {len(todo)} items ({', '.join(forms)}); "
          f"OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', '1')}", flush=True)

    step_sets: list[tuple[str, tuple[str, ...]]] = []
    for spec in args.steps.split(";"):
        spec = spec.strip()
        if spec == "default":
            step_sets.append((f"default ({','.join(Options().preprocess)})", Options().preprocess))
        elif spec == "all":
            step_sets.append(("all (" + ",".join(STEP_NAMES) + ")", STEP_NAMES))
        else:
            steps = () if spec in ("", "none") else tuple(s for s in spec.split(",") if s)
            step_sets.append((spec or "none", steps))

    results: dict[str, dict[str, Scores]] = {}
    if not args.no_bare:
        per_form: dict[str, Scores] = defaultdict(Scores)
        for item in todo:
            text, secs = bare_item(item)
            if secs:
                per_form[item.form].add(item, text, secs)
        results["bare tesseract (raw file)"] = per_form
        print(table({"bare tesseract (raw file)": per_form}, forms), flush=True)
    for label, steps in step_sets:
        per_form = defaultdict(Scores)
        for item in todo:
            text, secs = read_item(item, steps)
            per_form[item.form].add(item, text, secs)
        results[label] = per_form
        print(table({label: per_form}, forms), flush=True)
        if args.worst:
            for form in forms:
                worst = sorted(per_form[form].by_item.items(), key=lambda kv: -kv[1])[: args.worst]
                for name, value in worst:
                    print(f"    worst {100 * value:6.2f}%  {name}")
            print(flush=True)

    print("=== summary ===")
    print(table(results, forms))
    for label, per_form in results.items():
        for form in forms:
            if per_form.get(form) and per_form[form].cers:
                xs = per_form[form].cers
                p90 = statistics.quantiles(xs, n=10, method="inclusive")[8] if len(xs) > 1 else xs[0]
                print(f"{label:<46}{form:<20}90th percentile {100 * p90:6.2f}%")
    if args.json:
        args.json.write_text(json.dumps(
            {label: {form: s.by_item for form, s in pf.items()} for label, pf in results.items()},
            indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
