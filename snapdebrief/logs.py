"""Operator logs: one line per letter, with nothing of the letter in it.

The pipeline logs one INFO record per letter on the logger `snapdebrief.letter`: a random
request id, the outcome and error code, the number and kinds of files, pages and how each was
read, and the seconds per stage. Never the letter's text, names, amounts, IBANs, BSNs or
references, not even at DEBUG (tests/privacy/test_logs.py checks every line); the answer a
volunteer needs is in the Result, never in a log.

The library only logs; the edges (cli.py, the app's process and its forkserver, the worker)
call `configure()` with their Settings (settings.py reads SNAPDEBRIEF_LOG_LEVEL: DEBUG, INFO,
WARNING …, an unknown one is the door's default: INFO for the app and the worker, WARNING for
the CLI, whose stderr is for the resident; and SNAPDEBRIEF_LOG_FORMAT: `text`, or `json` for
one JSON object per line).
"""

from __future__ import annotations

import json
import logging
import secrets
import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .settings import Settings

LETTER_LOGGER = "snapdebrief.letter"
_HANDLER_NAME = "snapdebrief-operator"

# The keys a letter line may hold, and nothing else: a value under any other key is dropped.
LETTER_KEYS = (
    "request_id", "outcome", "error", "files", "types", "bytes", "pages", "methods", "seconds",
    "stages",
)

log = logging.getLogger(LETTER_LOGGER)


def new_request_id() -> str:
    """12 random hex digits: enough to find one letter's lines, derived from nothing."""
    return secrets.token_hex(6)


def letter_line(**fields: Any) -> None:
    """Log the one line for a letter (fields outside LETTER_KEYS are refused, not logged)."""
    unknown = set(fields) - set(LETTER_KEYS)
    if unknown:
        raise ValueError(f"not a letter log field: {sorted(unknown)}")
    data = {k: fields[k] for k in LETTER_KEYS if k in fields}
    # INFO whatever the outcome: one line per letter at one level; filter on `outcome`.
    log.info("letter %s", _as_text(data), extra={"letter": data})


def _as_text(data: Mapping[str, Any]) -> str:
    parts = []
    for key, value in data.items():
        if key == "stages":
            parts += [f"{k}={v:.3f}" for k, v in value.items()]
        elif isinstance(value, float):
            parts.append(f"{key}={value:.3f}")
        elif isinstance(value, (list, tuple)):
            parts.append(f"{key}={','.join(map(str, value)) or '-'}")
        else:
            parts.append(f"{key}={'-' if value is None else value}")
    return " ".join(parts)


class Stopwatch:
    """Seconds per named stage, in order: `with watch("read"): ...`."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.stages: dict[str, float] = {}

    def __call__(self, name: str) -> _Stage:
        return _Stage(self, name)

    def total(self) -> float:
        return round(time.perf_counter() - self.started, 3)

    def rounded(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in self.stages.items()}


class _Stage:
    def __init__(self, watch: Stopwatch, name: str) -> None:
        self.watch, self.name = watch, name

    def __enter__(self) -> None:
        self.t0 = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.watch.stages[self.name] = (
            self.watch.stages.get(self.name, 0.0) + time.perf_counter() - self.t0
        )


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message; a letter line's fields as keys."""

    converter = time.gmtime

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
        }
        letter = getattr(record, "letter", None)
        if isinstance(letter, dict):
            out["event"] = "letter"
            out.update(letter)
        else:
            out["message"] = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            out["exception"] = record.exc_info[0].__name__  # the type only: a message may quote
        return json.dumps(out, ensure_ascii=False)


class _TextFormatter(logging.Formatter):
    converter = time.gmtime

    def formatException(self, ei) -> str:
        return f"  ({ei[0].__name__})" if ei and ei[0] else ""


def configure(settings: Settings | None = None, default_level: str = "WARNING",
              stream: TextIO | None = None) -> None:
    """Send snapdebrief's records to stderr, at the level and in the format the settings ask
    (None: read them from the environment, settings.read_settings).

    Idempotent (the app's script runs again on every click). Touches only the `snapdebrief`
    logger, so a host application's own logging stays as it set it.
    """
    if settings is None:
        from .settings import read_settings

        settings = read_settings()
    level = logging.getLevelName(settings.log_level or default_level.upper())
    top = logging.getLogger("snapdebrief")
    top.setLevel(level)
    handler = next((h for h in top.handlers if h.get_name() == _HANDLER_NAME), None)
    if handler is None:
        handler = logging.StreamHandler(stream or sys.stderr)
        handler.set_name(_HANDLER_NAME)
        top.addHandler(handler)
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(_TextFormatter(
            "%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
