"""Boxes on the page image: which values get one, drawing on a copy, the picture the reader kept."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageStat

from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.ui.highlight import (
    Box,
    draw_boxes,
    low_confidence_spans,
    page_images,
    value_boxes,
)
from tests.conftest import LETTER, render_image

from .conftest import make_result


def test_every_found_value_gets_a_box(result) -> None:
    labels = [b.label for b in value_boxes(result)]
    assert labels == ["Datum om te doen", "Datum van de brief", "Te betalen", "IBAN",
                      "Betalingskenmerk", "Afzender"]
    iban = next(b for b in value_boxes(result) if b.label == "IBAN")
    page = result.document.pages[0]
    start = page.text.index("NL86")
    first = next(w for w in page.words if w.start == start)
    assert iban.bbox[0] == first.bbox[0] and iban.bbox[1] == first.bbox[1]


def test_text_pages_get_no_boxes(today) -> None:
    assert value_boxes(make_result(today, method="text")) == []


def test_low_confidence_spans(result) -> None:
    page = result.document.pages[0]
    spans = low_confidence_spans(page)
    assert [page.text[s:e] for s, e in spans] == ["vóór"]
    assert low_confidence_spans(page, threshold=99) == [(w.start, w.end) for w in page.words]


def test_draw_boxes_draws_on_a_copy() -> None:
    page = Image.new("L", (400, 300), 255)
    out = draw_boxes(page, [Box(1, (100, 100, 200, 140), "IBAN", "iban")], width=3)
    assert out is not page and out.mode == "RGB"
    assert ImageStat.Stat(page).extrema == [(255, 255)]  # the original is untouched
    edge = out.getpixel((100 - 6, 120))  # the outline, left of the box
    assert edge == (56, 142, 60)
    assert out.getpixel((150, 120)) == (255, 255, 255)  # inside stays clear


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.parametrize("turn", [pytest.param(0, id="upright"), pytest.param(90, id="sideways"),
                                  pytest.param(180, id="upside-down")])
def test_page_image_matches_the_ocr_word_boxes(turn: int) -> None:
    """Real OCR: the picture the reader keeps is the one the words were read on (ink inside
    every box, scaled onto the picture), turned upright whatever the upload's turn."""
    upright = Image.open(io.BytesIO(render_image(LETTER)))
    photo = _png(upright.rotate(turn, expand=True) if turn else upright)
    result = explain([photo], Options(keep_images=True))
    images = page_images(result)
    page = result.document.pages[0]
    assert set(images) == {1}
    k = page.image_scale
    assert images[1].size == (round(page.size[0] * k), round(page.size[1] * k))
    inked = 0
    long_words = [w for w in page.words if w.end - w.start >= 5 and w.conf > 80]
    for w in long_words:
        if ImageStat.Stat(images[1].crop(tuple(round(v * k) for v in w.bbox))).mean[0] < 235:
            inked += 1
    assert long_words and inked == len(long_words)
    top = min(w.bbox[1] for w in page.words)  # upright: the sender's name is at the top
    first = min(page.words, key=lambda w: (w.bbox[1], w.bbox[0]))
    assert first.bbox[1] == top and page.text[first.start:first.end] == "Centraal"


def test_no_picture_kept_unless_asked() -> None:
    """The CLI and the API's JSON do not ask for pictures: none is made."""
    photo = _png(Image.open(io.BytesIO(render_image(LETTER))))
    result = explain([photo], Options())
    assert result.document.pages[0].image is None and page_images(result) == {}
    assert "image" not in str(result.to_json().keys())


def test_text_files_have_no_page_image() -> None:
    result = explain([LETTER.encode()], Options(keep_images=True))
    assert page_images(result) == {}
