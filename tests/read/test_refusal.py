"""A refusal that helps (issue #16, item 5): "Maak een nieuwe foto" only for a photo no one can
read, saying why in simple Dutch — te donker, onscherp, brief te klein in beeld, schaduw — and a
photo at the edge of readable is read, not refused. Real photos made here (makers.py) through the
real reader and real Tesseract; the causes are also checked on their own (cheap, no OCR)."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from snapdebrief.errors import NoTextFoundError
from snapdebrief.options import Options
from snapdebrief.read import read_document
from snapdebrief.read.legibility import MESSAGES, cause

from . import makers as M

FRAME = (1500, 2000)
OPTIONS = Options(workers=1)


def _noise(arr: np.ndarray, sigma: float, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.clip(arr + rng.normal(0, sigma, arr.shape), 0, 255).astype(np.uint8)


def _shot(fill: float = 0.85) -> np.ndarray:
    return M.photo(M.page(dpi=200), M.corners(FRAME, fill, 4.0), FRAME, tone=90)


def dark() -> np.ndarray:
    """A room with the light off: the paper at ~2 % of its brightness, the sensor's grain.
    (At 6 % the reader still reads it, as a person would.)"""
    return _noise(_shot().astype(np.float32) * 0.02, 2.0)


def blurred() -> np.ndarray:
    """Shaken and out of focus: every letter smeared over more than its own height."""
    return cv2.GaussianBlur(_shot(), (0, 0), 9)


def small() -> np.ndarray:
    """The sheet 8 % of the frame's height: its letters a pixel or two."""
    return _shot(fill=0.08)


def shadow() -> np.ndarray:
    """A phone held over the sheet: most of it in deep shade, its text gone dark on dark."""
    shot = M.shadow(_shot(), [(0.0, 0.15), (1.0, 0.15), (1.0, 1.0), (0.0, 1.0)], darken=0.93)
    return cv2.GaussianBlur(shot, (0, 0), 3)


def _jpeg(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="JPEG", quality=80)
    return buf.getvalue()


@pytest.mark.parametrize(("make", "why"), [
    pytest.param(dark, "dark", id="dark"),
    pytest.param(blurred, "blur", id="blur"),
    pytest.param(small, "small", id="small"),
    pytest.param(shadow, "shadow", id="shadow"),
])
def test_the_cause_is_named(make, why: str) -> None:
    assert cause(Image.fromarray(make())) == why


def test_a_good_photo_is_read_with_the_cause_not_asked() -> None:
    doc = read_document([_jpeg(_shot())], OPTIONS)
    assert "165,00" in doc.pages[0].text
    assert not doc.warnings


@pytest.mark.parametrize(("make", "why"), [
    pytest.param(dark, "dark", id="dark"),
    pytest.param(blurred, "blur", id="blur"),
])
def test_an_unreadable_photo_is_refused_saying_why(make, why: str) -> None:
    with pytest.raises(NoTextFoundError) as caught:
        read_document([_jpeg(make())], OPTIONS)
    assert caught.value.details["cause"] == why
    assert caught.value.user_message() == MESSAGES[why]
    assert caught.value.user_message().startswith("Maak een nieuwe foto: ")


def test_one_unreadable_page_of_two_is_named_and_the_letter_read() -> None:
    doc = read_document([_jpeg(_shot()), _jpeg(dark())], OPTIONS)
    assert "165,00" in doc.pages[0].text
    assert any(w.startswith("Pagina 2 konden we niet lezen: de foto is te donker.")
               for w in doc.warnings), doc.warnings


def test_a_dim_photo_a_person_can_read_is_read_not_refused() -> None:
    """The paper at 6 % of its brightness: dark on screen, but the letters are there."""
    dim = _noise(_shot().astype(np.float32) * 0.06, 2.0)
    doc = read_document([_jpeg(dim)], OPTIONS)
    assert "165,00" in doc.pages[0].text
