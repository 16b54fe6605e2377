"""The JSON contract of `snapdebrief explain --json`: explain.schema.json beside this file.

Keys may be added, never removed or renamed. `snapdebrief schema` prints it; the tests validate
every `--json` answer against it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "explain.schema.json"


def schema_text() -> str:
    """The schema as shipped (the file's own bytes, so a diff against it is empty)."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    return json.loads(schema_text())
