"""Fill-in lines found on every sample page against the rows of dots and dashes in the letter's
text: a row missed, a row too many, or a count off by more than 2 marks is listed.

Usage:  .venv/bin/python benchmarks/leaders.py [--forms scan,photo,hard] [--samples samples]

Runs only the clean-up (read._prepare), not Tesseract: ~0.3 s a page.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snapdebrief import evaluate as ev
from snapdebrief.options import Options
from snapdebrief.read import _prepare
from snapdebrief.read.image import open_images
from snapdebrief.read.pdf import read_pdf

ROW = re.compile(r"(?:[.\-] ?){4,}[.\-]")  # five or more dots/dashes, single spaces allowed


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--samples", type=Path, default=ROOT / "samples")
    p.add_argument("--forms", default="scan,photo,hard")
    args = p.parse_args(argv)
    options = Options(workers=1)
    pages = wrong = 0
    for name in ev.names_in(args.samples):
        ref = (ev.letters_dir(args.samples) / f"{name}.txt").read_text(encoding="utf-8")
        want = sorted(len(m.group().replace(" ", "")) for m in ROW.finditer(ref))
        for form in args.forms.split(","):
            files = ev.form_files(args.samples, name, form)
            if form == "scan":
                images = [pg.image for f in files for pg in read_pdf(f.read_bytes(), options.limits)]
            else:
                images = [next(open_images(f.read_bytes(), "jpeg", options.limits)) for f in files]
            got: list[int] = []
            for img in images:
                pages += 1
                got += [len(lead.text.replace(" ", "")) for lead in _prepare(img, options)[2]]
            got.sort()
            if len(got) != len(want) or any(abs(a - b) > 2 for a, b in zip(got, want)):
                wrong += 1
                print(f"{form}/{name}: text has rows of {want} marks, found {got}")
    print(f"{pages} pages; letters with a row missed, extra or off by more than 2: {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
