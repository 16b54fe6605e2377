"""First step of reading: decide what a file is from its bytes, never from its name."""

from __future__ import annotations

import logging
from typing import Literal

from ..errors import EmptyFileError, FileTooLargeError, UnsupportedFormatError
from ..options import Limits

FileType = Literal["pdf", "jpeg", "png", "webp", "heic", "tiff", "gif", "bmp", "text"]

# Types Pillow can open that we accept as photos of a letter.
IMAGE_TYPES = {"jpeg", "png", "webp", "heic", "tiff", "gif", "bmp"}


def sniff(data: bytes, limits: Limits) -> FileType:
    """Return the file type, or raise a BadInputError with a Dutch message."""
    if not data or not data.strip():
        raise EmptyFileError()
    if len(data) > limits.max_file_bytes:
        raise FileTooLargeError(len(data), limits.max_file_bytes)
    head = data[:64]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in {
        b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis", b"avif",
    }:
        return "heic"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:2] == b"BM":
        return "bmp"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and _looks_like_text(_utf16(data).encode()):
        return "text"  # "Unicode" text as Windows Notepad saves it
    if _looks_like_text(data):
        return "text"
    raise UnsupportedFormatError()


class _DropAll(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


_DROP_ALL = _DropAll()


def quiet_logs(prefix: str) -> None:
    """Keep a library's log records from every handler, at every level.

    pdfminer logs each token of a page at DEBUG (the letter's text, BSN and IBAN included) and
    Pillow logs EXIF values; no log may hold letter text (docs/security.md). The top logger
    stops propagating, and each logger under it drops every record itself, so neither a level
    set later nor a handler added to that logger (as pytest's caplog does) lets one through.
    Call again after importing more of the library: new loggers get the filter then.
    """
    top = logging.getLogger(prefix)
    top.propagate = False
    if not top.handlers:
        top.addHandler(logging.NullHandler())
    for name, logger in list(logging.root.manager.loggerDict.items()):
        ours = name == prefix or name.startswith(prefix + ".")
        if ours and isinstance(logger, logging.Logger) and _DROP_ALL not in logger.filters:
            logger.addFilter(_DROP_ALL)


def _looks_like_text(data: bytes) -> bool:
    """Plain text: decodes as UTF-8 (or cp1252) and has few control characters."""
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte char cut at the sample's end is still text
        try:
            text = sample[:-4].decode("utf-8") if len(sample) == 65536 else ""
        except UnicodeDecodeError:
            text = ""
        if not text:
            try:
                text = sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls <= max(2, len(text) // 100)


def _utf16(data: bytes) -> str:
    return data.decode("utf-16", errors="replace")


def decode_text(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _utf16(data).lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
