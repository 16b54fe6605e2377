"""On which sample pages the reader finds a streak (a shaken photo: read/deblur.py) and reads the
page a second time, against the streak the samples drew (the manifest's motion_px, motion_deg).

Usage:  .venv/bin/python benchmarks/deblur.py [--forms scan,photo,hard,rough] [--samples samples]

Runs only the clean-up (read._prepare) and find_streak, not Tesseract: ~1-2 s a page. Prints
per form the pages with a streak found and with one drawn, and the seconds find_streak took
(median, max); with --pages every page where either is true. A page where no streak is found
reads exactly as without read/deblur.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np

from snapdebrief import evaluate as ev
from snapdebrief.options import Options
from snapdebrief.read import _prepare
from snapdebrief.read.deblur import find_streak
from snapdebrief.read.image import open_images
from snapdebrief.read.pdf import read_pdf
from snapdebrief.read.sniff import sniff


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--samples", type=Path, default=ROOT / "samples")
    p.add_argument("--forms", default="scan,photo,hard,rough")
    p.add_argument("--pages", action="store_true", help="list every page found or drawn")
    args = p.parse_args(argv)
    options = Options(workers=1)
    manifest = json.loads((args.samples / "generated" / "manifest.json").read_text(encoding="utf-8"))
    params = {rel: meta.get("params", {}) for rel, meta in manifest["files"].items()}
    for form in args.forms.split(","):
        pages = found = drawn = both = 0
        seconds: list[float] = []
        for name in ev.names_in(args.samples):
            for f in ev.form_files(args.samples, name, form):
                data = f.read_bytes()
                if form == "scan":
                    images = [pg.image for pg in read_pdf(data, options.limits)]
                else:
                    images = list(open_images(data, sniff(data, options.limits), options.limits))
                drawn_as = params.get(f"{form}/{f.name}", {})
                motion = drawn_as.get("motion_px", 0.0)
                for img in images:
                    grey = np.asarray(_prepare(img, options)[0])
                    t0 = time.perf_counter()
                    streak = find_streak(grey)
                    seconds.append(time.perf_counter() - t0)
                    pages += 1
                    found += streak is not None
                    drawn += motion > 0
                    both += streak is not None and motion > 0
                    if args.pages and (streak or motion):
                        deg = drawn_as.get("motion_deg", 0.0)
                        print(f"  {form}/{f.name}: drawn {motion:.1f} px at {deg:.0f}° "
                              f"(frame), found {streak}", flush=True)
        print(f"{form}: {pages} pages, streak found on {found}, drawn on {drawn} (found on {both});"
              f" find_streak {statistics.median(seconds):.2f} s median, {max(seconds):.2f} s max",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
