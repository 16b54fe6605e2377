"""Decode a photo or scan safely and make it a page image Tesseract reads well."""

from __future__ import annotations

import functools
import io
import struct
import warnings
import zlib
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import (
    BrokenFileError,
    ImageTooLargeError,
    ImageTooSmallError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from ..options import Limits
from .sniff import quiet_logs

# Long side of the page image handed to Tesseract. A4 at ~300 dpi is 3508 px tall; a phone
# photo's sheet rarely fills the frame, so 12 MP photos are scaled down, not up.
MAX_SIDE = 3600
MIN_SIDE_FOR_TEXT = 600  # below this a letter's body text is unreadable
# Below these no letter can be read at all (a line of text needs ~20 px, a letter several
# lines): refused from the header with ImageTooSmallError, before any decoding (#17).
MIN_READABLE_LONG_SIDE = 200
MIN_READABLE_SHORT_SIDE = 32


@functools.cache
def _register_heif() -> None:
    """HEIC/HEIF (iPhone photos) through pillow-heif; registered once, on first use."""
    from pillow_heif import register_heif_opener

    register_heif_opener()


@functools.cache
def _quiet_pil() -> None:
    """Pillow logs TIFF/EXIF tag values (camera owner, place, time) at DEBUG: load every plugin
    now, then keep all of Pillow's loggers from every handler (sniff.quiet_logs)."""
    Image.init()
    quiet_logs("PIL")


# The Pillow decoders each sniffed type may use: no other plugin (EPS would start Ghostscript,
# for one) ever sees the bytes.
_FORMATS = {
    "jpeg": ("JPEG", "MPO"),
    "png": ("PNG",),
    "webp": ("WEBP",),
    "heic": ("HEIF", "AVIF"),
    "tiff": ("TIFF",),
    "gif": ("GIF",),
    "bmp": ("BMP", "DIB"),
}


def open_images(data: bytes, file_type: str, limits: Limits) -> Iterator[Image.Image]:
    """Yield each page image, upright per EXIF, as RGB/L.

    Only a TIFF holds several pages. Other formats with frames hold one picture: the first frame
    of an animated GIF, WebP or PNG; the main picture of a phone JPEG (MPO: the other frames are
    depth maps or previews) or of a HEIC burst.
    """
    _quiet_pil()
    if file_type == "heic":
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=_FORMATS.get(file_type))
            _check_pixels(img, limits)
            frames = getattr(img, "n_frames", 1) if file_type == "tiff" else 1
            if frames > limits.max_pages:
                raise TooManyPagesError(frames, limits.max_pages)
            for index in range(frames):
                if index:
                    img.seek(index)
                    _check_pixels(img, limits)
                yield _normalise(img)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError() from exc
    except UnidentifiedImageError as exc:
        raise UnsupportedFormatError() from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error) as exc:
        raise BrokenFileError() from exc


def _check_pixels(img: Image.Image, limits: Limits) -> None:
    w, h = img.size
    if w * h > limits.max_pixels:
        raise ImageTooLargeError(pixels=w * h, limit=limits.max_pixels)
    if max(w, h) < MIN_READABLE_LONG_SIDE or min(w, h) < MIN_READABLE_SHORT_SIDE:
        raise ImageTooSmallError(width=w, height=h)


def _normalise(img: Image.Image) -> Image.Image:
    """Load, apply the EXIF orientation, and convert odd modes (CMYK, 16-bit, palette)."""
    img.load()
    # in place: a copy of a 12 MP photo's pixels costs ~30 ms, and most photos need no turn
    ImageOps.exif_transpose(img, in_place=True)
    out = img
    if out.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit greyscale: scale down to 8 bits
        out = out.point(lambda v: v / 256).convert("L")
    elif out.mode == "F":
        out = out.convert("L")
    if out.mode not in ("L", "RGB"):
        if "A" in out.mode or out.mode == "P":
            base = Image.new("RGB", out.size, "white")
            rgba = out.convert("RGBA")
            base.paste(rgba, mask=rgba.getchannel("A"))
            out = base
        else:
            out = out.convert("RGB")
    return out


def prepare_for_ocr(img: Image.Image) -> Image.Image:
    """Greyscale and scaled so the long side is at most MAX_SIDE."""
    grey = img.convert("L") if img.mode != "L" else img
    w, h = grey.size
    scale = MAX_SIDE / max(w, h)
    if scale < 1:
        grey = grey.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.LANCZOS)
    return grey


def too_small(img: Image.Image) -> bool:
    return max(img.size) < MIN_SIDE_FOR_TEXT
