"""One letter's upload: a multipart form read in memory, with the CLI's limits and messages.

Starlette's own form parser spools a file over 1 MB to a temporary file on disk; a letter must
never touch a disk, so the body is parsed here as it streams in (python-multipart's parser),
each part kept in memory and the limits checked while reading: a 2 GB upload is refused after
its first 20 MB, not after it was read. The checks after reading are the pipeline's own:
`sniff` (empty, too large, a type we cannot read) and the page limit, with their messages.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date

from python_multipart.multipart import MultipartParser, parse_options_header

from ..errors import FileTooLargeError, TooManyPagesError
from ..options import Limits
from ..read.sniff import sniff
from .errors import BadFormError, NoFileError

FILES = "files"
FIELDS = ("today", "region", "lang")
FIELD_BYTES = 64  # a date, a region's name, a language code
SLACK = 64 * 1024  # the form's own bytes (boundaries, part headers) beyond the files
REGION = re.compile(r"[a-z][a-z0-9-]{0,39}")  # a file name in rules/help/, nothing else
LANG = re.compile(r"[a-z]{3}(_[a-z]{3,4})?(\+[a-z]{3}(_[a-z]{3,4})?){0,3}")  # Tesseract's


@dataclass
class LetterForm:
    files: list[bytes] = field(default_factory=list)
    today: date | None = None
    region: str = "amsterdam"
    lang: str = "nld"


class _Parts:
    """The parser's callbacks: each part's name and bytes, with the limits while it grows."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.parts: list[tuple[str, bytearray]] = []
        self._field, self._value = b"", b""
        self._name: str | None = None
        self._data = bytearray()
        self.error: Exception | None = None

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._begin, "on_part_data": self._part_data,
            "on_part_end": self._end, "on_header_field": self._header_field,
            "on_header_value": self._header_value, "on_header_end": self._header_end,
        }

    def _begin(self) -> None:
        self._name, self._data = None, bytearray()

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        if self._field.lower() == b"content-disposition":
            _kind, params = parse_options_header(self._value)
            name = params.get(b"name")
            self._name = name.decode("utf-8", "replace") if name is not None else None
        self._field, self._value = b"", b""

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self.error is not None:
            return
        self._data += data[start:end]
        if self._name == FILES and len(self._data) > self.limits.max_file_bytes:
            self.error = FileTooLargeError(len(self._data), self.limits.max_file_bytes)
        elif self._name != FILES and len(self._data) > FIELD_BYTES:
            self.error = BadFormError(self._name or "?")

    def _end(self) -> None:
        if self.error is None and self._name is not None:
            self.parts.append((self._name, self._data))
        self._name, self._data = None, bytearray()


async def read_form(content_type: str, body: AsyncIterator[bytes], limits: Limits,
                    today: date) -> LetterForm:
    """The letter's files and settings from a multipart body; a SnapError when they are wrong."""
    kind, params = parse_options_header(content_type or "")
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise BadFormError(FILES)
    parts = _Parts(limits)
    parser = MultipartParser(boundary, parts.callbacks())
    total = 0
    async for chunk in body:
        total += len(chunk)
        if total > limits.max_total_bytes + SLACK:
            raise FileTooLargeError(total, limits.max_total_bytes)
        parser.write(chunk)
        if parts.error is not None:
            raise parts.error
    parser.finalize()
    if parts.error is not None:
        raise parts.error
    return _checked(parts.parts, limits, today)


def _checked(parts: list[tuple[str, bytearray]], limits: Limits, today: date) -> LetterForm:
    form = LetterForm(today=today)
    for name, data in parts:
        if name == FILES:
            form.files.append(bytes(data))
            continue
        if name not in FIELDS:
            continue  # an unknown field is ignored, as a browser's extra fields would be
        value = data.decode("utf-8", "replace").strip()
        if name == "today":
            try:
                form.today = date.fromisoformat(value)
            except ValueError:
                raise BadFormError(name) from None
        elif name == "region":
            if not REGION.fullmatch(value):
                raise BadFormError(name)
            form.region = value
        elif name == "lang":
            if not LANG.fullmatch(value):
                raise BadFormError(name)
            form.lang = value
    if not form.files:
        raise NoFileError()
    for data in form.files:  # the pipeline's first check, in the order of the pages
        sniff(data, limits)
    total = sum(len(d) for d in form.files)
    if total > limits.max_total_bytes:
        raise FileTooLargeError(total, limits.max_total_bytes)
    if len(form.files) > limits.max_pages:
        raise TooManyPagesError(len(form.files), limits.max_pages)
    return form
