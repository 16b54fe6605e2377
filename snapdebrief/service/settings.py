"""The service's settings: built once by `snapdebrief serve` / `snapdebrief worker` (or a test)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..options import Limits
from ..rules_cli import rules_dirs
from .errors import NoBrokerError

ENV_BROKER = "SNAPDEBRIEF_BROKER"
ENV_TIME_LIMIT = "SNAPDEBRIEF_TIME_LIMIT"
ANSWER_SECONDS = 600  # a letter and its answer live at most 10 minutes unfetched (#19)


@dataclass(frozen=True)
class ServiceSettings:
    broker: str  # redis://host:port/db: Celery's broker and result backend, and our letters
    answer_seconds: int = ANSWER_SECONDS
    time_limit: float = Limits().total_seconds  # the hard limit per letter, as in the CLI
    rules_dirs: tuple[Path, ...] = ()
    # How long a request waits for Redis before it answers 503 (a stopped Redis must not hang it).
    redis_timeout: float = 2.0

    @property
    def limits(self) -> Limits:
        return Limits(total_seconds=self.time_limit)

    @property
    def visibility_seconds(self) -> int:
        """When a letter's worker vanished whole (no pool left to report it), Redis gives the
        letter to another worker after this long: longer than one letter may take."""
        return int(self.time_limit) + 60

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> ServiceSettings:
        env = os.environ if environ is None else environ
        broker = env.get(ENV_BROKER, "").strip()
        if not broker:
            raise NoBrokerError()
        try:
            seconds = float(env.get(ENV_TIME_LIMIT, ""))
        except ValueError:
            seconds = Limits().total_seconds
        if seconds <= 0:
            seconds = Limits().total_seconds
        return cls(broker=broker, time_limit=seconds, rules_dirs=tuple(rules_dirs(None, dict(env))))
