"""Reading: every input type, decided by its bytes, through real pdfplumber and real Tesseract."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from snapdebrief import errors
from snapdebrief.options import Limits, Options
from snapdebrief.read import read_document
from snapdebrief.read.sniff import sniff

from .conftest import LETTER, render_image, render_pdf


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(b"%PDF-1.7\n...", "pdf", id="pdf"),
        pytest.param(b"\xff\xd8\xff\xe0" + b"0" * 20, "jpeg", id="jpeg"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"0" * 20, "png", id="png"),
        pytest.param(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp", id="webp"),
        pytest.param(b"\x00\x00\x00\x18ftypheic\x00\x00", "heic", id="heic"),
        pytest.param(b"II*\x00" + b"0" * 20, "tiff", id="tiff"),
        pytest.param("Datum: 12 maart 2026\nBetaal vóór".encode(), "text", id="utf8-text"),
    ],
)
def test_sniff_by_bytes(data: bytes, expected: str) -> None:
    assert sniff(data, Limits()) == expected


@pytest.mark.parametrize(
    "data, error",
    [
        pytest.param(b"", errors.EmptyFileError, id="empty"),
        pytest.param(b"   \n ", errors.EmptyFileError, id="whitespace"),
        pytest.param(bytes(range(256)) * 10, errors.UnsupportedFormatError, id="binary"),
    ],
)
def test_sniff_refuses(data: bytes, error: type) -> None:
    with pytest.raises(error):
        sniff(data, Limits())


def test_pdf_text_layer_is_used() -> None:
    doc = read_document([render_pdf(LETTER)], Options())
    assert [p.method for p in doc.pages] == ["text-layer"]
    assert words(doc.pages[0].text) == words(LETTER)


def test_png_is_ocrd_with_boxes() -> None:
    doc = read_document([render_image(LETTER)], Options())
    page = doc.pages[0]
    assert page.method == "ocr"
    assert "aanmaning" in page.text.lower()
    assert "NL86" in page.text.replace(" ", "") or "NL86INGB" in page.text.replace(" ", "")
    assert page.words and page.confidence and page.confidence > 80
    w = page.words[0]
    assert page.text[w.start:w.end].strip()
    assert w.bbox[2] > w.bbox[0] and w.bbox[3] > w.bbox[1]


def test_sideways_photo_without_exif_is_turned_upright() -> None:
    img = Image.open(io.BytesIO(render_image(LETTER))).rotate(90, expand=True)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=90)
    doc = read_document([buf.getvalue()], Options())
    assert "aanmaning" in doc.pages[0].text.lower()


def test_exif_orientation_is_applied() -> None:
    img = Image.open(io.BytesIO(render_image(LETTER))).rotate(-90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # viewer rotates 90° clockwise to show it upright
    buf = io.BytesIO()
    img.rotate(180, expand=True).save(buf, format="JPEG", quality=90, exif=exif)
    doc = read_document([buf.getvalue()], Options())
    assert "aanmaning" in doc.pages[0].text.lower()


def test_several_files_are_pages_in_order() -> None:
    first, second = LETTER.split("Betaal het bedrag")
    doc = read_document([render_pdf(first), render_pdf("Betaal het bedrag" + second)], Options())
    assert len(doc.pages) == 2
    assert "Eerste aanmaning" in doc.pages[0].text
    assert "NL86" in doc.pages[1].text


def test_image_only_pdf_is_ocrd() -> None:
    img = Image.open(io.BytesIO(render_image(LETTER)))
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=200)
    doc = read_document([buf.getvalue()], Options())
    assert doc.pages[0].method == "ocr"
    assert "aanmaning" in doc.pages[0].text.lower()


def test_blank_page_asks_for_a_new_photo() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (1200, 1700), "white").save(buf, format="PNG")
    with pytest.raises(errors.NoTextFoundError):
        read_document([buf.getvalue()], Options())


def test_decompression_bomb_is_refused() -> None:
    buf = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buf, format="PNG")  # 144 MP, tiny file
    with pytest.raises(errors.ImageTooLargeError):
        read_document([buf.getvalue()], Options())


def test_truncated_png_is_broken() -> None:
    data = render_image(LETTER)
    with pytest.raises(errors.BadInputError):
        read_document([data[: len(data) // 3]], Options())


def test_too_many_pages() -> None:
    text = "\f".join(["Pagina met genoeg tekst om als brief te tellen."] * 25)
    with pytest.raises(errors.TooManyPagesError):
        read_document([text.encode()], Options())
