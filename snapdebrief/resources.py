"""Where the shipped data lives: the rule folder (kind files, senders, woorden, help/), the app.

Rule teams edit the top-level `rules/` folder of the repository. In a source checkout
(`pyproject.toml` beside the package, an editable install included) that folder is used as it
is, so an edit takes effect at the next letter. An installed wheel carries a copy as package
data, `snapdebrief/_rules/` (pyproject.toml maps the package `snapdebrief._rules` to `rules/`),
found through importlib.resources. The contract schema and `snapdebrief/data/` sit inside the
package in both cases.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
PACKAGED_RULES = "_rules"
FALLBACK_KIND_FILE = "overig.yaml"


@functools.cache
def rules_dir() -> Path:
    """The shipped rules folder: the checkout's rules/ in a source tree, else the wheel's copy."""
    checkout = SOURCE_ROOT / "rules"
    if (SOURCE_ROOT / "pyproject.toml").is_file() and (checkout / FALLBACK_KIND_FILE).is_file():
        return checkout
    packaged = resources.files(__package__) / PACKAGED_RULES
    if not isinstance(packaged, Path):  # a zip import: our loaders stat and glob real files
        raise TypeError("snapdebrief must be installed as files, not run from a zip archive")
    return packaged


def help_dir() -> Path:
    return rules_dir() / "help"


def woorden_file() -> Path:
    return rules_dir() / "woorden.yaml"


def senders_file() -> Path:
    return rules_dir() / "senders.yaml"


def app_folder() -> Path:
    """The folder with app.py and .streamlit/config.toml (the app's privacy settings):
    the checkout's top folder, else the wheel's copy (snapdebrief/_app/)."""
    if (SOURCE_ROOT / "pyproject.toml").is_file() and (SOURCE_ROOT / "app.py").is_file():
        return SOURCE_ROOT
    packaged = resources.files(__package__) / "_app"
    if not isinstance(packaged, Path):
        raise TypeError("snapdebrief must be installed as files, not run from a zip archive")
    return packaged
