"""Drive the real app.py with an uploaded file (AppTest) and read back everything it put on screen."""

from __future__ import annotations

import re
from pathlib import Path

# Imported now: AppTest makes its own temporary folder at import, which is not the app's doing.
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
MIME = {"txt": "text/plain", "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}


def upload(name: str, data: bytes, desk: bool = True):
    """The app after a resident uploads one file; with the volunteer desk open (all its tabs)."""
    at = AppTest.from_file(APP, default_timeout=180).run()
    if desk:
        at.sidebar.toggle[0].set_value(True).run()
    at.file_uploader[0].set_value((name, data, MIME[name.rsplit(".", 1)[-1]])).run()
    return at


def screen_text(at) -> str:
    """Every element's protobuf as text, Markdown escapes removed, so '1234\\.56\\.782' counts."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return re.sub(r"\\+", "", "\n".join(parts))
