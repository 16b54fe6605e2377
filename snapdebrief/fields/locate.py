"""Give every piece of evidence on an OCR'd page the box of the words it covers, for the app."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..result import Document, Evidence


def boxed(value: Any, doc: Document) -> Any:
    """Return value with every Evidence inside it (dataclasses, tuples) given its OCR box."""
    if not any(p.words for p in doc.pages):
        return value
    return _walk(value, doc)


def _walk(value: Any, doc: Document) -> Any:
    if isinstance(value, Evidence):
        return doc.box_for(value)
    if isinstance(value, tuple):
        return tuple(_walk(v, doc) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _walk(old, doc)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
