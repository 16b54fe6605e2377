"""Tesseract in the process (tesserocr) and as a program read a page alike: the same words, the
same turn from OSD, nothing on stderr, and a page over its time limit ends with the Dutch
timeout error. Real Tesseract on a rendered page."""

from __future__ import annotations

import ctypes

import numpy as np
import pytest
from PIL import Image

from snapdebrief.errors import OcrTimeoutError
from snapdebrief.evaluate import cer
from snapdebrief.read import ocr

from . import makers as M

needs_tesserocr = pytest.mark.skipif(not ocr.in_process(), reason="tesserocr is not installed")


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return Image.fromarray(M.page(dpi=300))


@pytest.fixture
def program(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reader take the `tesseract` program, as on a machine without tesserocr."""
    monkeypatch.setattr(ocr, "in_process", lambda: False)


def _read(img: Image.Image) -> str:
    return ocr.ocr_words(img, "nld", 60)[0]


@needs_tesserocr
def test_in_process_and_program_read_a_page_alike(page: Image.Image, monkeypatch) -> None:
    inside = _read(page)
    monkeypatch.setattr(ocr, "in_process", lambda: False)
    outside = _read(page)
    assert cer(M.SHORT_LETTER, inside) < 0.02
    assert cer(M.SHORT_LETTER, outside) < 0.02
    assert cer(outside, inside) < 0.02


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
@pytest.mark.parametrize("engine", ["in-process", "program"])
def test_osd_tells_the_turn_that_makes_the_page_upright(page: Image.Image, turn: int, engine: str,
                                                        request) -> None:
    if engine == "program":
        request.getfixturevalue("program")
    elif not ocr.in_process():
        pytest.skip("tesserocr is not installed")
    shown = page.rotate(turn, expand=True)  # counter-clockwise: turning it back is `turn` clockwise
    rotate, conf = ocr.osd(shown, 60)
    assert rotate == turn
    assert conf >= 1.5


def test_read_tsv_gives_one_word_table_per_image(page: Image.Image) -> None:
    small = np.asarray(page)[:900]
    tables = ocr.read_tsv([small, np.rot90(small, 2)], "nld", 60)
    assert len(tables) == 2
    upright, upside_down = ("".join(t["text"]) for t in tables)
    assert "Leeuwarden" in upright and "Leeuwarden" not in upside_down


@needs_tesserocr
def test_leptonica_says_nothing_on_stderr() -> None:
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        libs = {line.split()[-1] for line in maps if "libleptonica" in line}
    assert libs
    for lib in libs:  # setMsgSeverity returns the level it replaces: still "none" (6)
        assert ctypes.CDLL(lib).setMsgSeverity(6) == 6


@needs_tesserocr
def test_a_page_over_its_time_limit_ends_with_the_timeout_error(page: Image.Image) -> None:
    with pytest.raises(OcrTimeoutError):
        ocr.ocr_words(page, "nld", 0.001)
    assert "Leeuwarden" in _read(page)  # the engine reads the next page as before
