"""Time each stage of the pipeline on a born-digital PDF and a phone photo, cold and warm.

Usage:  .venv/bin/python benchmarks/run.py [--pdf FILE] [--photo FILE] [--repeat 3]
            [--preprocess sheet,light,...] [--photos N]
Defaults take the first letter in samples/generated/ (run `make samples` first) and
Options().preprocess; `--preprocess` names the photo clean-up steps (read/straighten.py).
Prints a table; peak memory is the process's max RSS (cold run in a fresh subprocess).
Bare `tesseract` runs on the same corrected page image with one thread, so the pipeline's
overhead shows as a ratio. `--photos N` also times N photos spread over samples/generated/photo
and hard (first pages) the same way, one line each, with the median and worst ratio.

Last, the cold command line as a resident's helper runs it (issue #16): `snapdebrief explain
PHOTO` in a fresh process (this checkout's code, whichever checkout the venv was installed
from), against bare `tesseract PHOTO - -l nld` with OMP_THREAD_LIMIT=1 on
the same raw photo, each the median of `--cli-repeat` runs (default 5); the ratio is printed.
The CLI runs from compiled bytecode, as an installed program does, even where
PYTHONDONTWRITEBYTECODE is set (kept under a temporary prefix); `--source-each-run` keeps that
setting, so each run compiles the checkout's modules again (~0.2 s of CPU more).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _options(preprocess: str | None):
    from snapdebrief.options import Options

    if preprocess is None:
        return Options()
    return Options(preprocess=tuple(x for x in preprocess.split(",") if x))


def stages(data: bytes, preprocess: str | None = None) -> dict[str, float]:
    """Seconds per stage for one file, in this process."""
    from snapdebrief.classify import classify
    from snapdebrief.fields.collect import find_fields
    from snapdebrief.pipeline import finish
    from snapdebrief.read import read_document
    from snapdebrief.rules import load_rules

    options = _options(preprocess)
    t = {}
    c0 = _cpu()
    t0 = time.perf_counter()
    doc = read_document([data], options)
    t["read"] = time.perf_counter() - t0
    t["read_cpu"] = _cpu() - c0
    t0 = time.perf_counter()
    fields = find_fields(doc)
    t["fields"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    rules = load_rules(())
    c = classify(doc.texts, rules, sender=fields.sender)
    t["classify"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    finish(doc, fields, c, options)
    t["explain"] = time.perf_counter() - t0
    t["total"] = sum(v for k, v in t.items() if k != "read_cpu")
    return t


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract): on a shared machine
    a steadier measure than wall time, which includes waiting for a core."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def cold(path: Path, preprocess: str | None = None) -> dict[str, float]:
    """A fresh interpreter: imports, rule loading and spaCy set-up included."""
    code = (
        "import json,sys,time,resource;t0=time.perf_counter();"
        "sys.path.insert(0, %r);import benchmarks.run as b;"
        "t=b.stages(open(%r,'rb').read(), %r);t['wall_with_imports']=time.perf_counter()-t0;"
        "t['peak_rss_mb']=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024;"
        "print(json.dumps(t))" % (str(ROOT), str(path), preprocess)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bare_tesseract_seconds(path: Path, repeat: int, preprocess: str | None = None
                           ) -> tuple[float, float]:
    """(wall, CPU) seconds of bare single-thread tesseract on the page image our reader hands
    to Tesseract."""
    from PIL import Image

    from snapdebrief.options import Limits
    from snapdebrief.read import page_for_ocr
    from snapdebrief.read.image import open_images
    from snapdebrief.read.sniff import sniff

    data = path.read_bytes()
    img = next(open_images(data, sniff(data, Limits()), Limits()))
    page = page_for_ocr(img, _options(preprocess))
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        Image.Image.save(page, png)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        times, cpus = [], []
        for _ in range(repeat):
            c0 = _cpu()
            t0 = time.perf_counter()
            subprocess.run(["tesseract", str(png), "-", "-l", "nld", "--psm", "3"],
                           capture_output=True, env=env, check=True)
            times.append(time.perf_counter() - t0)
            cpus.append(_cpu() - c0)
    return statistics.median(times), statistics.median(cpus)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--pdf", type=Path)
    p.add_argument("--photo", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--preprocess", help="photo clean-up steps, e.g. sheet,light,dewarp,scale")
    p.add_argument("--photos", type=int, default=0, help="also time this many sample photos")
    p.add_argument("--cli-repeat", type=int, default=5,
                   help="cold CLI and bare tesseract runs on the raw photo (0: skip)")
    p.add_argument("--cli-only", action="store_true", help="only the cold CLI ratio")
    p.add_argument("--source-each-run", action="store_true",
                   help="cold CLI runs without bytecode when PYTHONDONTWRITEBYTECODE is set "
                        "(default: bytecode under a temporary prefix, as an installed program)")
    args = p.parse_args()
    gen = ROOT / "samples" / "generated"
    pdf = args.pdf or next(iter(sorted((gen / "pdf").glob("*.pdf"))), None)
    photo = args.photo or next(iter(sorted((gen / "photo").glob("*-p1.jpg"))), None)
    if pdf is None or photo is None:
        print("no inputs: run `make samples` or pass --pdf and --photo", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    if args.cli_only:
        cold_cli_ratio(photo, args.cli_repeat, args.source_each_run)
        return 0
    for label, path in (("born-digital PDF", pdf), ("phone photo", photo)):
        c = cold(path, args.preprocess)
        stages(path.read_bytes(), args.preprocess)  # warm-up: rules, spaCy, finders built once
        warm = [stages(path.read_bytes(), args.preprocess) for _ in range(args.repeat)]
        med = {k: statistics.median(w[k] for w in warm) for k in warm[0]}
        print(f"\n{label}: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print(f"  {'stage':<10}{'cold s':>10}{'warm s':>10}")
        for k in ("read", "fields", "classify", "explain", "total"):
            print(f"  {k:<10}{c[k]:>10.3f}{med[k]:>10.3f}")
        print(f"  cold wall time incl. imports: {c['wall_with_imports']:.2f} s; "
              f"peak RSS {c['peak_rss_mb']:.0f} MB")
        if label == "phone photo":
            bare, bare_cpu = bare_tesseract_seconds(path, args.repeat, args.preprocess)
            print(f"  bare tesseract (1 thread, same page): {bare:.2f} s; "
                  f"pipeline read / bare = {med['read'] / bare:.2f}")
            print(f"  CPU seconds: read {med['read_cpu']:.2f}, bare {bare_cpu:.2f}; "
                  f"read / bare = {med['read_cpu'] / bare_cpu:.2f}")
    if args.photos:
        photo_ratios(gen, args.photos, args.repeat, args.preprocess)
    if args.cli_repeat:
        cold_cli_ratio(photo, args.cli_repeat, args.source_each_run)
        # issue #17: a cold CLI on a text and on a PDF letter against the spaCy floor
        from benchmarks import cold_start

        print("\ncold CLI against `python -c \"import spacy; spacy.blank('nl')\"` "
              "(#17 asks text <= 1.5, PDF <= 1.8; median of each):")
        print(cold_start.report(cold_start.measure(args.cli_repeat, cold_start.TXT, pdf, False)))
    print(f"\nthis process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def cold_cli_ratio(photo: Path, repeat: int, source_each_run: bool = False) -> float:
    """Median wall seconds of a cold `snapdebrief explain PHOTO` over bare single-thread
    `tesseract PHOTO - -l nld` on the same raw file, runs interleaved so both see the same load."""
    # what the `snapdebrief` console script runs, but on this checkout's code (the script next
    # to the interpreter runs whichever checkout the venv was installed from)
    cli = [sys.executable, "-c", "import sys; from snapdebrief.cli import main; sys.exit(main())",
           "explain", str(photo)]
    bare = ["tesseract", str(photo), "-", "-l", "nld"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    # An installed snapdebrief runs from compiled bytecode (pip compiles a wheel's modules). With
    # PYTHONDONTWRITEBYTECODE set (some shells and CI set it) a checkout's ~60 modules would be
    # compiled from source on every run, ~0.2 s of CPU no resident pays (#16): the CLI runs
    # write and read their bytecode under a temporary prefix instead (not in the checkout),
    # after one untimed run that fills it. --source-each-run measures the other way.
    pycache = None
    if not source_each_run:
        pycache = tempfile.TemporaryDirectory(prefix="snapdebrief-pycache-")
        env_cli = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env_cli["PYTHONPYCACHEPREFIX"] = pycache.name
        subprocess.run(cli, capture_output=True, env=env_cli, check=True, cwd=ROOT)
    else:
        env_cli = env
    times: dict[str, list[float]] = {"cli": [], "bare": []}
    cpus: dict[str, list[float]] = {"cli": [], "bare": []}
    for _ in range(repeat):
        for name, cmd in (("bare", bare), ("cli", cli)):
            c0 = _cpu()
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env_cli if name == "cli" else env,
                           check=True, cwd=ROOT)
            times[name].append(time.perf_counter() - t0)
            cpus[name].append(_cpu() - c0)
    if pycache is not None:
        pycache.cleanup()
    c, b = statistics.median(times["cli"]), statistics.median(times["bare"])
    how = "modules compiled from source each run" if source_each_run else "from bytecode"
    print(f"\ncold CLI on {photo.name} ({how}): snapdebrief explain {c:.2f} s, bare tesseract "
          f"{b:.2f} s (median of {repeat}); cold CLI / bare = {c / b:.2f} (target 1.5)")
    print("  cli runs: " + " ".join(f"{t:.2f}" for t in times["cli"])
          + "; bare runs: " + " ".join(f"{t:.2f}" for t in times["bare"]))
    # CPU seconds: steadier than wall time on a shared machine, but the CLI gains its wall
    # time by using a second core, so this ratio is higher than the wall-time one
    cc, bc = statistics.median(cpus["cli"]), statistics.median(cpus["bare"])
    print(f"  CPU seconds (median): cli {cc:.2f}, bare {bc:.2f}; cli / bare = {cc / bc:.2f}; "
          f"load average {os.getloadavg()[0]:.2f}")
    return c / b


def photo_ratios(gen: Path, n: int, repeat: int, preprocess: str | None) -> None:
    """Read / bare tesseract on n first-page photos spread over the ordinary and hard ones."""
    from snapdebrief.read import read_document

    options = _options(preprocess)
    pool = sorted((gen / "photo").glob("*-p1.jpg")) + sorted((gen / "hard").glob("*-p1.jpg"))
    picks = [pool[round(i * (len(pool) - 1) / max(n - 1, 1))] for i in range(min(n, len(pool)))]
    print(f"\n{len(picks)} photos (first pages), read vs bare tesseract on the same page, "
          f"median of {repeat}")
    ratios = []
    for path in picks:
        data = path.read_bytes()
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            read_document([data], options)
            times.append(time.perf_counter() - t0)
        bare, _ = bare_tesseract_seconds(path, repeat, preprocess)
        ratios.append(statistics.median(times) / bare)
        print(f"  {path.parent.name}/{path.name[:48]:<48} read {statistics.median(times):.2f} s"
              f"  bare {bare:.2f} s  ratio {ratios[-1]:.2f}")
    print(f"  ratio median {statistics.median(ratios):.2f}, max {max(ratios):.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
