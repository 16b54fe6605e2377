"""A letter's files from disk, for the command-line doors (`explain`, `rules explain`) (#18).

The same limits and Dutch messages as an upload in the app or the API: a file over
Limits.max_file_bytes is refused before it is read whole (FileTooLargeError), one that cannot be
opened names itself (BadInputError); what the bytes are is the pipeline's first check (sniff).
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import BadInputError, FileTooLargeError
from .options import Limits


def read_files(paths: Iterable[Path], limits: Limits | None = None) -> list[bytes]:
    """The bytes of each file, in order; a SnapError for the first that cannot be read."""
    limit = (limits or Limits()).max_file_bytes
    out = []
    for path in paths:
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise IsADirectoryError(path)  # a folder, a pipe or a device: no letter file
            if info.st_size > limit:
                raise FileTooLargeError(info.st_size, limit)
            with path.open("rb") as fh:
                data = fh.read(limit + 1)  # the file may grow while we read it
            if len(data) > limit:
                raise FileTooLargeError(len(data), limit)
            out.append(data)
        except OSError as exc:
            raise BadInputError(
                f"We kunnen het bestand {shown_name(path.name)} niet openen. Kijk of de naam klopt."
            ) from exc
    return out


def shown_name(name: str) -> str:
    """A file name as it may be printed: no control characters (a terminal would run them)."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in name)
    return clean if len(clean) <= 80 else clean[:77] + "..."
