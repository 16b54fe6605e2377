"""Frozen settings for one call of the pipeline, built by the CLI or the app.

Nothing in the library reads environment variables or globals; `today` is passed in so a
relative deadline ("nog 3 dagen") has one answer in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one letter may cost; docs/security.md lists each limit and the message beyond it."""

    max_file_bytes: int = 20 * MB  # one file (a page photo, a PDF)
    max_total_bytes: int = 100 * MB  # all files of one letter
    max_pixels: int = 60_000_000  # one page image, checked from the header before decoding
    max_pages: int = 20  # pages of one letter (PDF pages, TIFF frames, form feeds in text)
    # Letter text kept (a 20-page letter is ~100 000); more is cut off with a warning.
    # The finders run ~5 s per million characters and spaCy refuses more than 1 000 000.
    max_text_chars: int = 200_000
    max_unpacked_bytes: int = 256 * MB  # what a PDF's compressed streams may inflate to
    ocr_timeout_seconds: float = 90.0  # one Tesseract call
    total_seconds: float = 180.0  # one letter from start to answer (CLI and app enforce it)
    # Address space the child reading one letter may add to what it has at the start (~0.8 GB),
    # also the cap of each Tesseract it starts (isolate.py). A photo page adds ~0.3 GB; pdfminer
    # made 4.9 GB of a RunLength bomb before the stream check counted those.
    max_memory_bytes: int = 2 * 1024 * MB


@dataclass(frozen=True)
class Options:
    today: date = field(default_factory=date.today)
    rules_dirs: tuple[Path, ...] = ()  # extra rule folders, read after the shipped rules/
    region: str = "amsterdam"  # rules/help/<region>.yaml
    # The answer's language (#20): nl, or one of lang.LANGUAGES, checked at the edge by
    # lang.check_lang. The answer is built in Dutch and then translated (lang/translate.py).
    lang: str = "nl"
    ocr_lang: str = "nld"
    workers: int = 2  # pages OCR'd at once
    # Photo clean-up steps before OCR (read/straighten.py); the eval switches them to measure each.
    # All seven measured to help (docs/benchmarks.md, OCR): dewarp most on bent sheets, deskew
    # where no sheet edge is seen, rules on ruled forms.
    preprocess: tuple[str, ...] = ("sheet", "light", "denoise", "deskew", "dewarp", "scale", "leaders", "rules")
    limits: Limits = field(default_factory=Limits)
    # Keep each OCR page's image (read/preview.py) in the Result for the desk view; the app sets
    # it, the CLI and the API's JSON do not need it.
    keep_images: bool = False
    # The id of this letter in the operator's log (logs.py); the CLI and the app set it, so a
    # line they log themselves (the time limit killed the child) carries the same id.
    request_id: str | None = None
