"""The service's settings: built once by `snapdebrief serve` / `snapdebrief worker` (or a test)
from the Settings every door reads (snapdebrief/settings.py), plus what only the queue needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..options import Limits
from ..settings import ENV_BROKER, ENV_TIME_LIMIT, Settings, read_settings
from .errors import NoBrokerError

__all__ = ["ANSWER_SECONDS", "ENV_BROKER", "ENV_TIME_LIMIT", "ServiceSettings"]

ANSWER_SECONDS = 600  # a letter and its answer live at most 10 minutes unfetched (#19)


@dataclass(frozen=True)
class ServiceSettings:
    broker: str  # redis://host:port/db: Celery's broker and result backend, and our letters
    answer_seconds: int = ANSWER_SECONDS
    # How long a request waits for Redis before it answers 503 (a stopped Redis must not hang it).
    redis_timeout: float = 2.0
    # The door's settings: rule folders and the time limit, as every door reads them.
    base: Settings = field(default_factory=Settings)

    @property
    def time_limit(self) -> float:
        return self.base.time_limit  # the hard limit per letter, as in the CLI

    @property
    def rules_dirs(self) -> tuple[Path, ...]:
        return self.base.rules_dirs

    @property
    def limits(self) -> Limits:
        return self.base.limits

    @property
    def visibility_seconds(self) -> int:
        """When a letter's worker vanished whole (no pool left to report it), Redis gives the
        letter to another worker after this long: longer than one letter may take."""
        return int(self.time_limit) + 60

    @classmethod
    def from_settings(cls, settings: Settings) -> ServiceSettings:
        if not settings.broker:
            raise NoBrokerError()
        return cls(broker=settings.broker, base=settings)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> ServiceSettings:
        return cls.from_settings(read_settings(environ))
