"""Free help for the resident, read from rules/help/<region>.yaml (format: rules/help/README.md)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .. import yaml_files
from ..resources import help_dir
from ..result import Help

HELP_DIR = help_dir()
DEFAULT_REGION = "amsterdam"
URGENT_ADVICE = "Bel vandaag nog. Zeg welke datum er op de brief staat."


@dataclass(frozen=True)
class HelpEntry:
    id: str
    name: str
    phone: str | None
    url: str | None
    why: str
    scope: str  # national | local


class _EntrySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    phone: str | None = None
    url: str | None = None
    why: str
    scope: Literal["national", "local"]
    source: str | None = None


class _FileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region: str
    valid_from: date | None = None
    help: dict[str, _EntrySpec]


@functools.cache
def _read(path: str, mtime_ns: int) -> dict[str, HelpEntry]:
    spec = yaml_files.load(path, _FileSpec)
    return {
        str(hid): HelpEntry(id=str(hid), name=e.name, phone=e.phone, url=e.url,
                            why=e.why.strip(), scope=e.scope)
        for hid, e in spec.help.items()
    }


def load_help(region: str = DEFAULT_REGION, help_dir: Path = HELP_DIR) -> dict[str, HelpEntry]:
    """The help entries for `region`: its own file, completed with Amsterdam's national entries.

    An unknown region gets the Amsterdam file as it is.
    """
    name = (region or DEFAULT_REGION).strip().lower()
    default_path = help_dir / f"{DEFAULT_REGION}.yaml"
    default = _read(str(default_path), default_path.stat().st_mtime_ns)
    path = help_dir / f"{name}.yaml"
    if name == DEFAULT_REGION or not path.is_file():
        return dict(default)
    own = _read(str(path), path.stat().st_mtime_ns)
    merged = {hid: e for hid, e in default.items() if e.scope == "national"}
    merged.update(own)
    return merged


def pick(ids: tuple[str, ...], region: str, *, urgent: bool = False,
         help_dir: Path = HELP_DIR) -> tuple[Help, ...]:
    """The Help items for a kind's ids, in the kind's order; unknown ids are left out."""
    entries = load_help(region, help_dir)
    out: list[Help] = []
    for hid in dict.fromkeys(ids):
        e = entries.get(hid)
        if e is None:
            continue
        why = f"{e.why} {URGENT_ADVICE}" if urgent and e.id != "afzender" else e.why
        out.append(Help(name=e.name, phone=e.phone, url=e.url, why=why))
    return tuple(out)
