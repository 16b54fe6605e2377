"""Privacy tests share the bad-input CLI runner (fresh HOME and TMPDIR, checked empty after)."""

from __future__ import annotations

import pytest

from ..bad_inputs.conftest import cli  # noqa: F401 - the fixture, re-exported for this folder
from ..conftest import render_image, render_pdf
from .letters import LETTER


def photo_with_exif(fmt: str = "JPEG") -> bytes:
    """The letter as a photo whose EXIF/TIFF tags name the owner and the street (as phones do)."""
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(render_image(LETTER, dpi=200))).convert("L")
    exif = Image.Exif()
    exif[0x013B] = "A. Wildeboer"  # Artist
    exif[0x010E] = "Kinkerstraat 12, 1053 DX Amsterdam"  # ImageDescription
    buf = io.BytesIO()
    img.save(buf, format=fmt, exif=exif)
    return buf.getvalue()


def letter_forms() -> list:
    """The privacy letter as a text file, a born-digital PDF and photos (OCR)."""
    return [
        pytest.param(lambda: LETTER.encode(), id="txt"),
        pytest.param(lambda: render_pdf(LETTER), id="pdf"),
        pytest.param(lambda: photo_with_exif("JPEG"), id="jpeg-with-exif"),
        pytest.param(lambda: photo_with_exif("TIFF"), id="tiff-with-tags"),
    ]
