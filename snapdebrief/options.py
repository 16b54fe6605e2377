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
    max_file_bytes: int = 20 * MB
    max_total_bytes: int = 100 * MB
    max_pixels: int = 60_000_000
    max_pages: int = 20
    max_text_chars: int = 2_000_000
    ocr_timeout_seconds: float = 90.0


@dataclass(frozen=True)
class Options:
    today: date = field(default_factory=date.today)
    rules_dirs: tuple[Path, ...] = ()  # extra rule folders, read after the shipped rules/
    region: str = "amsterdam"  # rules/help/<region>.yaml
    ocr_lang: str = "nld"
    workers: int = 2  # pages OCR'd at once
    # Photo clean-up steps before OCR (read/straighten.py); the eval switches them to measure each.
    preprocess: tuple[str, ...] = ("sheet", "light", "scale")
    limits: Limits = field(default_factory=Limits)
