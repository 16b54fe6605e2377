"""Render PDF pages to grayscale pixels with pypdfium2."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium


def page_count(pdf_bytes: bytes) -> int:
    """Number of pages in a PDF."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf_bytes: bytes, dpi: float) -> list[np.ndarray]:
    """Render every page to a uint8 grayscale array (white paper = 255) at ``dpi``."""
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        out = []
        for page in doc:
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            arr = np.array(bitmap.to_numpy(), copy=True)
            if arr.ndim == 3:
                arr = arr[..., 0]
            out.append(arr)
            page.close()
        return out
    finally:
        doc.close()
