"""Imported once by the app's forkserver (see isolate.py): explains a tiny made-up letter so
spaCy, the compiled rules, the finders and the texts are loaded before the server forks, and
every letter's child starts warm instead of paying a second or more of loading each time."""

from __future__ import annotations

import contextlib

from .logs import configure
from .options import Options
from .pipeline import explain
from .read import ocr
from .rules_cli import rules_dirs

WARM_LETTER = (
    "Gemeente Voorbeeld\n\nBetreft: herinnering\n\nDatum: 1 januari 2026\n\n"
    "Wilt u het bedrag van € 10,00 vóór 15 januari 2026 betalen?\n"
).encode()


def warm() -> None:
    # A photo's first read would load Tesseract's Dutch model (in-process, tesserocr) or import
    # pytesseract (the program fallback); a text letter never does. Load it before the fork.
    if ocr.in_process():
        for loading in [ocr.preload(lang) for lang in ("nld", "osd")]:  # osd: the page's turn
            if loading is not None:
                loading.join()
    else:
        ocr._pytesseract()
    # A broken rules folder is not an error here: it shows, with its message, at a real letter.
    with contextlib.suppress(Exception):
        explain([WARM_LETTER], Options(rules_dirs=tuple(rules_dirs(None))))


warm()
# This process is the app's forkserver: each letter's child inherits the operator's log set-up.
configure(default_level="INFO")
