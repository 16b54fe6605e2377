"""Render each sample letter to the forms the pipeline must read.

    python samples/generate.py [--letters samples/letters] [--out samples/generated]
        [--forms pdf,scan,photo,hard,rough] [--only NAME] [--seed 7] [--jobs 2] [--force]

Per letter NAME (from NAME.txt) it writes pdf/NAME.pdf (born-digital, text layer),
scan/NAME.pdf (image-only scanner PDF), photo/NAME-pN.jpg (ordinary phone photos),
hard/NAME-pN.jpg (hard phone photos) and, on request (--forms rough), rough/NAME-pN.jpg (rough
phone photos: every fault at once, see gen/rough.py), and records every file in manifest.json.
Outputs newer than their .txt are kept unless --force. See samples/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from samples.gen.build import DEFAULT_FORMS, FORMS, Job, Outcome, run_letter

MANIFEST = "manifest.json"


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=Path, default=HERE / "letters", help="folder of NAME.txt")
    ap.add_argument("--out", type=Path, default=HERE / "generated", help="output folder")
    ap.add_argument(
        "--forms",
        default=",".join(DEFAULT_FORMS),
        help=f"comma list of {','.join(FORMS)} (default {','.join(DEFAULT_FORMS)})",
    )
    ap.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="only this letter (repeatable)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (one letter each)")
    ap.add_argument("--force", action="store_true", help="regenerate even fresh outputs")
    args = ap.parse_args(argv)
    args.forms = tuple(f.strip() for f in args.forms.split(",") if f.strip())
    bad = [f for f in args.forms if f not in FORMS]
    if bad:
        ap.error(f"unknown form(s) {bad}; choose from {list(FORMS)}")
    args.only = [n.removesuffix(".txt") for item in args.only for n in item.split(",") if n]
    return args


def _load_manifest(path: Path) -> dict[str, dict[str, object]]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}
    return data.get("files", {}) if isinstance(data, dict) else {}


def _worker_init() -> None:
    import cv2

    cv2.setNumThreads(1)  # one process per core; no thread oversubscription


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = _parse(argv)
    letters = sorted(args.letters.glob("*.txt"))
    if args.only:
        wanted = set(args.only)
        letters = [p for p in letters if p.stem in wanted]
        missing = wanted - {p.stem for p in letters}
        if missing:
            print(
                f"no such letter in {args.letters}: {', '.join(sorted(missing))}", file=sys.stderr
            )
            return 2
    if not letters:
        print(f"no letters (*.txt) in {args.letters}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    manifest_path = args.out / MANIFEST
    old = _load_manifest(manifest_path)
    jobs = [
        Job(
            txt=p,
            out=args.out,
            forms=args.forms,
            seed=args.seed,
            force=args.force,
            known={k: v for k, v in old.items() if v.get("letter") == p.stem},
        )
        for p in letters
    ]
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs, initializer=_worker_init) as pool:
            for outcome in pool.map(run_letter, jobs):
                _report(outcome)
                outcomes.append(outcome)
    else:
        for job in jobs:
            outcome = run_letter(job)
            _report(outcome)
            outcomes.append(outcome)

    done = {o.name for o in outcomes}
    present = {p.stem for p in args.letters.glob("*.txt")}
    files = {
        k: v
        for k, v in old.items()
        if v.get("letter") in present
        and not (v.get("letter") in done and v.get("form") in args.forms)
        and (args.out / k).is_file()
    }
    for o in outcomes:
        files.update(o.entries)
    manifest = {
        "about": "Generated sample forms; see samples/README.md (Generated forms).",
        "files": dict(sorted(files.items())),
    }
    tmp = manifest_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(manifest_path)
    made = sum(len(o.made) for o in outcomes)
    print(f"{len(outcomes)} letter(s), {made} form(s) made, {time.perf_counter() - start:.1f} s")
    return 0


def _report(o: Outcome) -> None:
    parts = []
    if o.made:
        parts.append("made " + ",".join(o.made))
    if o.skipped:
        parts.append("fresh " + ",".join(o.skipped))
    print(f"{o.name}: {'; '.join(parts)} ({o.seconds:.1f} s)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
