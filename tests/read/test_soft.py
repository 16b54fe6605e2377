"""A soft photo (lens blur, no streak) is read a second time sharpened, and the read with more
sure letters kept with the lines only the other read found (issue #16). The photo is one of the
samples' rough ones (samples/gen/rough.py, seed 7), made here and read by the real reader and
Tesseract, with the step and without it; a sharp page is not read twice."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from samples.gen import pdf, photo, raster, rough
from samples.gen.seeding import rng_for
from samples.gen.text import page_texts
from snapdebrief import read as reader
from snapdebrief.evaluate import cer
from snapdebrief.options import Options
from snapdebrief.read import read_document
from snapdebrief.read.soft import SOFT, better_read, blur_sigma, is_soft
from snapdebrief.result import Word
from tests.read.makers import PARAGRAPHS, page

ROOT = Path(__file__).resolve().parents[2]
# upright, no shadow, no streak, Gaussian blur σ 2.26 px at 12 MP: Tesseract drops a paragraph
# and the closing lines (page CER 15.7 % without the second read)
LETTER = "belasting-aanslag-05-motorrijtuigenbelasting"


def _rough_photo(letter: str) -> tuple[bytes, str]:
    """The first page's rough photo, as the samples make it (JPEG bytes), and the page's text."""
    pages = page_texts(ROOT / "samples" / "letters" / f"{letter}.txt")
    pdf_bytes, _ = pdf.layout_pdf(pages, pdf.choose_style(rng_for(7, letter, 0, "pdf")))
    gray = raster.render_pages(pdf_bytes, photo.PHOTO_DPI)[0]
    rng = rng_for(7, letter, 1, "rough")
    plan = rough.plan_rough(rng, (gray.shape[1], gray.shape[0]))
    assert plan.extra["motion_px"] == 0 and plan.blur_sigma > 2  # soft, not shaken
    return rough.render_rough(gray, plan, rng), pages[0]


def test_soft_photo_reads_better(monkeypatch: pytest.MonkeyPatch) -> None:
    data, truth = _rough_photo(LETTER)
    options = Options(workers=1)
    after = cer(truth, read_document([data], options).pages[0].text)
    monkeypatch.setattr(reader, "is_soft", lambda grey: False)
    before = cer(truth, read_document([data], options).pages[0].text)
    assert before > 0.10
    assert after < 0.03


@pytest.mark.parametrize(
    ("sigma", "soft"),
    [
        pytest.param(0.0, False, id="sharp"),
        pytest.param(1.2, False, id="a-good-photo"),
        pytest.param(3.0, True, id="soft"),
        pytest.param(4.0, True, id="softer"),
    ],
)
def test_blur_measured(sigma: float, soft: bool) -> None:
    text = page(PARAGRAPHS, dpi=300, size_pt=11)
    blurred = cv2.GaussianBlur(text, (0, 0), sigma) if sigma else text
    assert is_soft(blurred) is soft, blur_sigma(blurred)


def test_blur_grows_with_sigma() -> None:
    text = page(PARAGRAPHS, dpi=300, size_pt=11)
    found = [blur_sigma(cv2.GaussianBlur(text, (0, 0), s)) for s in (1.0, 2.0, 3.0, 4.0)]
    assert found == sorted(found) and found[0] < SOFT < found[-1], found


def _read(rows: list[list[tuple[str, float]]], top: int = 0) -> tuple[str, tuple[Word, ...], float]:
    """A read laid out as rows of (word, confidence), 40 px apart from `top`."""
    text, words, confs = "", [], []
    for r, row in enumerate(rows):
        if r:
            text += "\n"
        for k, (word, conf) in enumerate(row):
            if k:
                text += " "
            y = top + 40 * r
            words.append(Word(len(text), len(text) + len(word), (100 + 200 * k, y, 280 + 200 * k, y + 30),
                              conf))
            confs.append(conf)
            text += word
    return text, tuple(words), float(np.mean(confs))


def test_more_sure_read_kept_with_the_lines_it_dropped() -> None:
    first = _read([[("Betaal", 60), ("vóór", 55)], [("1", 50), ("mei", 60)]])
    sharper = _read([[("Betaal", 95), ("vóór", 94)], [("1", 96), ("mei", 95)]])
    assert better_read(first, sharper)[0] == sharper[0]
    assert better_read(sharper, first)[0] == sharper[0]
    # a line only the other read found (below the kept read's rows) is added, a garbled one not
    dropped = _read([[("Betaal", 95), ("vóór", 94)]])
    found = _read([[("Betaal", 90), ("voor", 50)], [("Met", 93), ("groet,", 92)]])
    assert better_read(dropped, found)[0].split("\n")[-1].split() == ["Met", "groet,"]
    garbled = _read([[("Betaal", 90), ("voor", 50)], [("Mct", 30), ("gr0et", 40)]])
    assert better_read(dropped, garbled)[0] == dropped[0]


def test_numbers_of_the_first_read_kept_in_the_sharpened_one() -> None:
    # the mask's halo turned 8 into 3 and 0 into 9 in the sharpened read, which is surer on
    # the words around them: its words are kept, the first read's numbers put back
    first = _read([[("Totaal", 60), ("876,04", 86)], [("Dagtekening", 55), ("28-02-2026", 92)]])
    sharper = _read([[("Totaal", 95), ("376,04", 85)], [("Dagtekening", 95), ("28-92-2026", 94)]])
    assert better_read(first, sharper)[0] == "Totaal 876,04\nDagtekening 28-02-2026"
