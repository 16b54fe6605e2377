"""A page whose grain one threshold turns into specks reads as well as a clean one (issue #16).

Evening out the light under a hand's shadow brings the camera's grain up; Tesseract binarises a
page with one threshold, the grain becomes specks, and it drops the lines among them. The photo
is one of the samples' rough ones (samples/gen/rough.py, seed 7), made here and read by the real
reader and Tesseract, with the speck check and without it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from samples.gen import pdf, photo, raster, rough
from samples.gen.seeding import rng_for
from samples.gen.text import page_texts
from snapdebrief.evaluate import cer
from snapdebrief.options import Options
from snapdebrief.read import read_document, straighten
from snapdebrief.read.specks import SPECKLED, despeckle, speck_ratio
from tests.read.makers import PARAGRAPHS, page

ROOT = Path(__file__).resolve().parents[2]
# oak desk, a 50 % shadow with a hard edge (σ 6.5 px) over the top and a lobe down the middle:
# page CER 46 % without the median (the kenmerk, aanslagnummer, BSN and Betreft lines lost)
LETTER = "kwijtschelding-besluit-02-toegekend-amsterdam"


def _rough_photo(letter: str) -> tuple[bytes, str]:
    """The first page's rough photo, as the samples make it (JPEG bytes), and the page's text."""
    pages = page_texts(ROOT / "samples" / "letters" / f"{letter}.txt")
    pdf_bytes, _ = pdf.layout_pdf(pages, pdf.choose_style(rng_for(7, letter, 0, "pdf")))
    gray = raster.render_pages(pdf_bytes, photo.PHOTO_DPI)[0]
    rng = rng_for(7, letter, 1, "rough")
    plan = rough.plan_rough(rng, (gray.shape[1], gray.shape[0]))
    assert plan.shadow and plan.extra["motion_px"] == 0  # a shadow, no streak to undo
    return rough.render_rough(gray, plan, rng), pages[0]


def test_page_under_a_hard_shadow_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    data, truth = _rough_photo(LETTER)
    options = Options(workers=1)
    after = cer(truth, read_document([data], options).pages[0].text)
    monkeypatch.setattr(straighten, "despeckle", lambda grey: grey)
    before = cer(truth, read_document([data], options).pages[0].text)
    assert before > 0.2
    assert after < 0.06


def _photo_page(grain: float) -> np.ndarray:
    """A page as a soft photo shows it after the light is evened (ink ~120, paper ~225, blur
    σ 1.5 px), with grain of σ `grain` drawn at half resolution, as a phone's noise is after
    demosaicking and JPEG."""
    rng = np.random.default_rng(5)
    text = page(PARAGRAPHS, dpi=200, size_pt=10.5).astype(np.float32)
    soft = cv2.GaussianBlur(120 + text * (105 / 255), (0, 0), 1.5)
    h, w = soft.shape
    noise = cv2.resize(rng.normal(0, grain, (h // 2, w // 2)).astype(np.float32), (w, h))
    return np.clip(soft + noise, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("grain", [0.0, 8.0], ids=["clean", "dim-photo-grain"])
def test_pages_that_threshold_cleanly_left_alone(grain: float) -> None:
    pg = _photo_page(grain)
    assert speck_ratio(pg) < SPECKLED
    assert despeckle(pg) is pg


def test_speckled_page_smoothed() -> None:
    pg = _photo_page(18.0)  # the grain under a shadow, evened out: it reaches the threshold
    assert speck_ratio(pg) > SPECKLED
    smooth = despeckle(pg)
    assert smooth is not pg and speck_ratio(smooth) < SPECKLED
