"""The settings of every door (CLI, `rules`, app, API, worker), read once from the environment
and the door's flags (#18).

This is the one place the SNAPDEBRIEF_* variables are read. A door calls `read_settings()` once,
with the values of the flags it has, and builds each letter's Options with `Settings.options()`;
the pipeline below never reads the environment.

One rule for every setting: a flag the user gave wins over its variable, the variable wins over
the default. Rule folders follow it too: `--rules` replaces SNAPDEBRIEF_RULES instead of adding
to it, so what a command line names is exactly what is read (and a team folder that is also in
the environment cannot be read twice and clash with itself). Both hold one or more folders
separated by os.pathsep (':'), and `--rules` may be repeated.

A time limit that makes no sense is a SettingError with a Dutch message naming the variable or
the flag, the same at every door (exit 2 in the CLI and for `snapdebrief worker`, the message on
screen in the app); it never falls back to the default without a word. An unknown log level or
format stays what it always was: the door's default (a log setting stops no door).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import SettingError
from .lang import DUTCH, check_lang
from .options import Limits, Options

ENV_RULES = "SNAPDEBRIEF_RULES"
ENV_TIME_LIMIT = "SNAPDEBRIEF_TIME_LIMIT"
ENV_TMPDIR = "SNAPDEBRIEF_TMPDIR"
ENV_LOG_LEVEL = "SNAPDEBRIEF_LOG_LEVEL"
ENV_LOG_FORMAT = "SNAPDEBRIEF_LOG_FORMAT"
ENV_BROKER = "SNAPDEBRIEF_BROKER"

DEFAULT_REGION = "amsterdam"  # rules/help/<region>.yaml


@dataclass(frozen=True)
class Settings:
    """What a door was started with; the same for every letter it reads."""

    rules_dirs: tuple[Path, ...] = ()  # a team's own rule folders, read after the shipped rules/
    region: str = DEFAULT_REGION  # the help region when the letter's own request names none
    lang: str = DUTCH  # the answer's language when the letter's own request names none
    limits: Limits = field(default_factory=Limits)  # total_seconds: SNAPDEBRIEF_TIME_LIMIT
    tmpdir: Path | None = None  # where each letter's private folder goes (default /dev/shm)
    log_level: str | None = None  # None: the door's own default (logs.configure)
    log_format: str = "text"
    broker: str | None = None  # redis://…: the queue (#19); None: read letters in this process

    @property
    def time_limit(self) -> float:
        return self.limits.total_seconds

    def options(self, *, today: date | None = None, region: str | None = None,
                lang: str | None = None, **more: Any) -> Options:
        """One letter's Options: these settings, with what this letter's request chose
        (a region or language picked in the app or sent to the API) and door-only fields
        (`request_id`, `keep_images`, `workers` …) as keywords."""
        return Options(
            today=today or date.today(), rules_dirs=self.rules_dirs,
            region=region or self.region, lang=lang or self.lang, limits=self.limits, **more,
        )


def read_settings(environ: Mapping[str, str] | None = None, *,
                  rules: Iterable[str] | str | None = None, time_limit: str | float | None = None,
                  region: str | None = None, lang: str | None = None) -> Settings:
    """The settings from `environ` (os.environ when None) and the door's flags: a flag that is
    not None wins over its variable. Raises SettingError (or UnknownLanguageError for `lang`)."""
    env = os.environ if environ is None else environ
    limits = Limits()
    seconds = _seconds(*_given(time_limit, "--time-limit", env, ENV_TIME_LIMIT))
    if seconds is not None:
        limits = dataclasses.replace(limits, total_seconds=seconds)
    raw_rules = [rules] if isinstance(rules, str) else list(rules or ())
    tmpdir = env.get(ENV_TMPDIR, "").strip()
    broker = env.get(ENV_BROKER, "").strip()
    return Settings(
        rules_dirs=rules_folders(raw_rules) if raw_rules else rules_folders([env.get(ENV_RULES, "")]),
        region=(region or "").strip() or DEFAULT_REGION,
        lang=check_lang(lang),
        limits=limits,
        tmpdir=Path(tmpdir) if tmpdir else None,
        log_level=_log_level(env.get(ENV_LOG_LEVEL)),
        # anything but json is text, as before there was one settings module
        log_format="json" if (env.get(ENV_LOG_FORMAT) or "").strip().lower() == "json" else "text",
        broker=broker or None,
    )


def rules_folders(values: Iterable[str]) -> tuple[Path, ...]:
    """Folders from `--rules` values or SNAPDEBRIEF_RULES: each may hold several, separated by
    os.pathsep; empty parts are skipped."""
    return tuple(Path(p) for raw in values for p in (raw or "").split(os.pathsep) if p.strip())


def _given(flag: object, flag_name: str, env: Mapping[str, str],
           var: str) -> tuple[object, str, str | None]:
    """The flag's value when given, else the variable's: (flag value, name to blame, env value)."""
    if flag is not None:
        return flag, flag_name, None
    return None, var, env.get(var)


def _seconds(flag: object, name: str, raw: str | None) -> float | None:
    value = flag if flag is not None else raw
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise SettingError(name, str(value), "Geef een aantal seconden groter dan 0, bijvoorbeeld 180.")
    return seconds


def _log_level(raw: str | None) -> str | None:
    """A level the logging module knows (DEBUG, INFO, WARNING …), upper case; an unknown one is
    None, the door's own default, as it always was (the log's level stops no door)."""
    name = (raw or "").strip().upper()
    return name if name and isinstance(logging.getLevelName(name), int) else None
