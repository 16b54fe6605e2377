"""A sheet outline along a shadow's edge is not taken for the sheet (issue #16): undoing it
would shear the page. The photo is one of the samples' rough ones (samples/gen/rough.py, seed
7), made here and read by the real reader and Tesseract, with the check and without it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from samples.gen import pdf, photo, raster, rough
from samples.gen.seeding import rng_for
from samples.gen.text import page_texts
from snapdebrief.evaluate import cer
from snapdebrief.options import Options
from snapdebrief.read import read_document, straighten
from snapdebrief.read.sheet_check import sheared
from tests.read.makers import PARAGRAPHS, page

ROOT = Path(__file__).resolve().parents[2]
# white desk, a 48 % shadow from the bottom over a third of the frame: the outline ran along
# the shadow's edge (its bottom side 14° off the top's), the page came out sheared, its lines
# tilted ~10°: page CER 38 %
LETTER = "huurachterstand-02-14dagenbrief-eigen-haard"


def _rough_photo(letter: str) -> tuple[bytes, str]:
    """The first page's rough photo, as the samples make it (JPEG bytes), and the page's text."""
    pages = page_texts(ROOT / "samples" / "letters" / f"{letter}.txt")
    pdf_bytes, _ = pdf.layout_pdf(pages, pdf.choose_style(rng_for(7, letter, 0, "pdf")))
    gray = raster.render_pages(pdf_bytes, photo.PHOTO_DPI)[0]
    rng = rng_for(7, letter, 1, "rough")
    plan = rough.plan_rough(rng, (gray.shape[1], gray.shape[0]))
    assert plan.shadow and plan.table == "desk_white"
    return rough.render_rough(gray, plan, rng), pages[0]


def test_outline_along_a_shadow_edge_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    data, truth = _rough_photo(LETTER)
    options = Options(workers=1)
    after = cer(truth, read_document([data], options).pages[0].text)
    monkeypatch.setattr(straighten, "sheared", lambda grey, quad: False)
    before = cer(truth, read_document([data], options).pages[0].text)
    assert before > 0.2
    assert after < 0.03


@pytest.fixture(scope="module")
def text_page() -> np.ndarray:
    """Lines of text filling the image (the page's blank lower half cut off)."""
    return page(PARAGRAPHS, dpi=100, size_pt=10.5)[60:640]


def test_the_sheet_itself_is_not_sheared(text_page: np.ndarray) -> None:
    h, w = text_page.shape
    quad = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    assert not sheared(text_page, quad)


def test_an_outline_with_a_slanted_side_is(text_page: np.ndarray) -> None:
    h, w = text_page.shape
    # the bottom side cut 14° up from the bottom-right corner, as along a shadow's edge
    drop = np.tan(np.radians(14)) * w
    quad = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1 - drop]], np.float32)
    assert sheared(text_page, quad)
