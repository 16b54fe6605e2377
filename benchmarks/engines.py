"""Tesseract as a program (one `tesseract` run per page, as read/ocr.py does) against Tesseract
in the process (tesserocr), and reader settings, on the same corrected pages: CER and seconds.

Usage:
  .venv/bin/python benchmarks/engines.py [--every 6] [--forms photo,hard,rough]
      [--engines cli,tesserocr] [--scales 1.0,0.8] [--configs "default;tessedit_do_invert=0"]
      [--configs "default;usm=2:1.0"]   # an unsharp mask (sigma:amount) before reading

Each chosen page (first pages and single-page photos of every Nth letter) is cleaned up once as
the reader does (`read._prepare`, orientation included) and kept in memory; then every
engine x scale x config reads it, and its words are laid out as the reader lays them out
(`ocr.assemble`, fill-in lines included) and scored against the `.txt` page the photo shows.
Seconds are wall time per page of the OCR call alone (model loading included for `cli`, which
pays it per page; tesserocr loads once per process, its first page is not counted).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cv2
import numpy as np
from PIL import Image

from snapdebrief.evaluate import cer
from snapdebrief.options import Options
from snapdebrief.read import _prepare, ocr
from snapdebrief.read.image import open_images
from snapdebrief.read.leaders import Leader
from snapdebrief.read.ocr import TESS_CONFIG, assemble, parse_tsv
from snapdebrief.read.sniff import sniff


def pages(forms: list[str], every: int, only: list[str]) -> list[tuple[str, Path, str]]:
    """(label, photo file, reference text of the page it shows)."""
    manifest = json.loads((ROOT / "samples/generated/manifest.json").read_text(encoding="utf-8"))
    names = sorted(p.stem for p in (ROOT / "samples/letters").glob("*.txt"))
    names = [n for n in names if not only or any(o in n for o in only)][::every]
    out = []
    for rel, meta in sorted(manifest["files"].items()):
        if meta["form"] not in forms or meta["letter"] not in names or not meta.get("txt_page"):
            continue
        if meta.get("page", 1) != 1:
            continue
        text = (ROOT / "samples/letters" / f"{meta['letter']}.txt").read_text(encoding="utf-8")
        ref = text.split("\f")[meta["txt_page"] - 1]
        out.append((f"{meta['form']}/{meta['letter']}", ROOT / "samples/generated" / rel, ref))
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children: steadier than wall time on a
    shared machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def read_cli(img: Image.Image, config: str, tmp: Path) -> str:
    path = tmp / "page.pgm"
    img.save(path, format="PPM")
    proc = subprocess.run(["tesseract", str(path), "stdout", "-l", "nld", *config.split(), "tsv"],
                          capture_output=True, check=True, env={"OMP_THREAD_LIMIT": "1",
                                                                "PATH": "/usr/bin:/bin"})
    return proc.stdout.decode("utf-8", "replace")


class InProcess:
    """tesserocr as the reader sets it up (`ocr._new_api`), the model loaded once."""

    def __init__(self, extra: dict[str, str]) -> None:
        self.api = ocr._new_api("nld")
        for k, v in extra.items():
            self.api.SetVariable(k, v)

    def read(self, img: Image.Image) -> dict[str, list]:
        return ocr._recognize(self.api, img, 300.0)


def sharpened(img: Image.Image, sigma: float, amount: float) -> Image.Image:
    """An unsharp mask: the page plus `amount` x its difference from a blur of `sigma` px."""
    arr = np.asarray(img).astype(np.float32)
    blur = cv2.GaussianBlur(arr, (0, 0), sigma)
    return Image.fromarray(np.clip(arr * (1 + amount) - blur * amount, 0, 255).astype(np.uint8))


def main(argv: list[str]) -> int:
    import tempfile

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--every", type=int, default=6)
    p.add_argument("--only", default="")
    p.add_argument("--forms", default="photo,hard,rough")
    p.add_argument("--engines", default="cli,tesserocr")
    p.add_argument("--scales", default="1.0")
    p.add_argument("--pages", action="store_true", help="print every page's CER")
    p.add_argument("--configs", default="default",
                   help="';'-separated; each 'default' or k=v,k=v Tesseract variables; "
                        "usm=SIGMA:AMOUNT sharpens the page first")
    args = p.parse_args(argv)
    todo = pages(args.forms.split(","), args.every, [o for o in args.only.split(",") if o])
    options = Options(workers=1)
    prepared = []
    for label, path, ref in todo:
        data = path.read_bytes()
        img = next(open_images(data, sniff(data, options.limits), options.limits))
        page, _checked, leaders = _prepare(img, options)
        prepared.append((label, page, leaders, ref))
    print(f"{len(prepared)} pages ({args.forms}, every {args.every}th letter)", flush=True)
    configs = [c.strip() for c in args.configs.split(";")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            for scale in (float(s) for s in args.scales.split(",")):
                for config in configs:
                    extra = {} if config == "default" else dict(
                        kv.split("=", 1) for kv in config.split(","))
                    usm = extra.pop("usm", None)
                    reader = InProcess(extra) if engine == "tesserocr" else None
                    if reader:
                        reader.read(prepared[0][1])  # warm
                    cers, secs, cpus = {}, [], []
                    for label, page, leaders, ref in prepared:
                        img, lead = page, leaders
                        if scale != 1.0:
                            img = page.resize((round(page.width * scale), round(page.height * scale)),
                                              Image.BILINEAR if scale > 1 else Image.BOX)
                            lead = [Leader(x.text, tuple(round(v * scale) for v in x.box)) for x in leaders]
                        if usm:
                            img = sharpened(img, *map(float, usm.split(":")))
                        t0, c0 = time.perf_counter(), _cpu()
                        if reader:
                            table = reader.read(img)
                        else:
                            cfg = TESS_CONFIG + "".join(f" -c {k}={v}" for k, v in extra.items())
                            table = parse_tsv(read_cli(img, cfg, Path(tmp)))
                        secs.append(time.perf_counter() - t0)
                        cpus.append(_cpu() - c0)
                        text = assemble(table, lead)[0]
                        cers[label] = cer(ref, text)
                        if args.pages:
                            print(f"  {engine} x{scale} {config[:20]} {label[:60]:<60} "
                                  f"{100 * cers[label]:6.2f} %  {secs[-1]:.2f} s", flush=True)
                    for form in args.forms.split(","):
                        vals = [v for k, v in cers.items() if k.startswith(form + "/")]
                        fsecs = [s for (k, s) in zip(cers, secs) if k.startswith(form + "/")]
                        fcpus = [s for (k, s) in zip(cers, cpus) if k.startswith(form + "/")]
                        if not vals:
                            continue
                        row = (f"{engine:<10} x{scale:<5} {config[:34]:<35} {form:<6} n={len(vals):<3}"
                               f" CER mean {100 * statistics.fmean(vals):6.2f} % median "
                               f"{100 * statistics.median(vals):5.2f} % max {100 * max(vals):6.2f} %"
                               f"  s/page wall {statistics.median(fsecs):.2f} CPU {statistics.median(fcpus):.2f}")
                        rows.append(row)
                        print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
