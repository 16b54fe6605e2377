"""Read a PDF: the text layer (pdfplumber) where a page has one, else the rendered page for OCR."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image

from ..errors import BrokenFileError, EncryptedPdfError, TooManyPagesError
from ..options import Limits

OCR_DPI = 300
MIN_TEXT_CHARS = 25  # fewer letters/digits than this on a page: treat it as a scan


@dataclass(frozen=True)
class PdfPage:
    """One page: its text layer (None when it has none worth using) or its rendered image."""

    text: str | None
    image: Image.Image | None


def read_pdf(data: bytes, limits: Limits) -> list[PdfPage]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError() from exc
        raise BrokenFileError() from exc
    try:
        count = len(doc)
        if count == 0:
            raise BrokenFileError()
        if count > limits.max_pages:
            raise TooManyPagesError(count, limits.max_pages)
        texts = _text_layers(data, count)
        pages: list[PdfPage] = []
        for index in range(count):
            text = texts[index]
            if text is not None and len(re.findall(r"[0-9A-Za-zÀ-ÿ]", text)) >= MIN_TEXT_CHARS:
                pages.append(PdfPage(text=text, image=None))
                continue
            page = doc[index]
            w, h = page.get_size()
            scale = OCR_DPI / 72
            if w * h * scale * scale > limits.max_pixels:
                scale = (limits.max_pixels / (w * h)) ** 0.5
            image = page.render(scale=scale, grayscale=True).to_pil()
            page.close()
            pages.append(PdfPage(text=None, image=image))
        return pages
    finally:
        doc.close()


def _text_layers(data: bytes, count: int) -> list[str | None]:
    """Text layer per page with pdfplumber; None for a page whose layer cannot be read."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    out: list[str | None] = [None] * count
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages[:count]):
                try:
                    out[index] = page.extract_text() or None
                except Exception:  # noqa: BLE001 - a broken page falls back to OCR
                    out[index] = None
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdfError() from exc
    except Exception:  # noqa: BLE001 - unreadable structure: every page goes to OCR
        return out
    return out
