"""Free help for the resident, read from rules/help/<region>.yaml (format: rules/help/README.md)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import RuleFileError
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


@functools.cache
def _read(path: str, mtime_ns: int) -> dict[str, HelpEntry]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries = data.get("help")
    if not isinstance(entries, dict):
        raise RuleFileError(path, None, "no `help:` mapping", "see rules/help/README.md")
    out: dict[str, HelpEntry] = {}
    for hid, item in entries.items():
        for key in ("name", "why", "scope"):
            if not item or not item.get(key):
                raise RuleFileError(path, None, f"help `{hid}` has no `{key}`", "see rules/help/README.md")
        if item["scope"] not in ("national", "local"):
            raise RuleFileError(path, None, f"help `{hid}`: scope must be national or local")
        out[str(hid)] = HelpEntry(
            id=str(hid), name=str(item["name"]),
            phone=None if item.get("phone") is None else str(item["phone"]),
            url=None if item.get("url") is None else str(item["url"]),
            why=str(item["why"]).strip(), scope=str(item["scope"]),
        )
    return out


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
