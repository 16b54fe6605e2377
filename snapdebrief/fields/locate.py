"""Give every piece of evidence on an OCR'd page the box of the words it covers, for the app."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..result import Document, Evidence


def box_for(ev: Evidence, doc: Document) -> Evidence:
    if ev.bbox is not None or not 1 <= ev.page <= len(doc.pages):
        return ev
    page = doc.pages[ev.page - 1]
    boxes = [w.bbox for w in page.words if w.start < ev.end and w.end > ev.start]
    if not boxes:
        return ev
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[2] for b in boxes)
    y1 = max(b[3] for b in boxes)
    return dataclasses.replace(ev, bbox=(x0, y0, x1, y1))


def boxed(value: Any, doc: Document) -> Any:
    """Return value with every Evidence inside it (dataclasses, tuples) given its OCR box."""
    if not any(p.words for p in doc.pages):
        return value
    return _walk(value, doc)


def _walk(value: Any, doc: Document) -> Any:
    if isinstance(value, Evidence):
        return box_for(value, doc)
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
