"""Imported once by the app's forkserver (see isolate.py): explains a tiny made-up letter so
spaCy, the compiled rules, the finders and the texts are loaded before the server forks, and
every letter's child starts warm instead of paying a second or more of loading each time."""

from __future__ import annotations

import contextlib

from .errors import SnapError
from .logs import configure
from .pipeline import explain
from .read import ocr
from .settings import Settings, read_settings

WARM_LETTER = (
    "Gemeente Voorbeeld\n\nBetreft: herinnering\n\nDatum: 1 januari 2026\n\n"
    "Wilt u het bedrag van € 10,00 vóór 15 januari 2026 betalen?\n"
).encode()


def _settings() -> Settings:
    """The app's settings; a bad value is the app's to show (its page stops with the message)."""
    try:
        return read_settings()
    except SnapError:
        return Settings()


def warm(settings: Settings) -> None:
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
        explain([WARM_LETTER], settings.options())


SETTINGS = _settings()
warm(SETTINGS)
# This process is the app's forkserver: each letter's child inherits the operator's log set-up.
configure(SETTINGS, default_level="INFO")
