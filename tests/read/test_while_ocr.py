"""read_document's `while_ocr`: work for the next stages runs on a thread while Tesseract reads a
photo, is finished when the read returns, never runs for a letter without OCR, and its errors
do not reach the reader (the stage that needs the work meets them itself)."""

from __future__ import annotations

import threading

import numpy as np

from snapdebrief.options import Options
from snapdebrief.read import read_document

from . import makers as M

OPTIONS = Options(workers=1, preprocess=())
LETTER = M.SHORT_LETTER.encode()


def _photo() -> bytes:
    return M.jpeg(np.stack([M.page(dpi=200)] * 3, axis=2))


def test_the_work_runs_on_another_thread_and_is_done_when_the_read_returns() -> None:
    seen: list[str] = []

    def work() -> None:
        seen.append(threading.current_thread().name)

    doc = read_document([_photo()], OPTIONS, while_ocr=work)
    assert "Leeuwarden" in doc.pages[0].text
    assert len(seen) == 1 and seen[0] != threading.current_thread().name


def test_no_ocr_no_work() -> None:
    seen: list[int] = []
    read_document([LETTER], OPTIONS, while_ocr=lambda: seen.append(1))
    assert seen == []


def test_an_error_in_the_work_does_not_stop_the_read() -> None:
    def work() -> None:
        raise RuntimeError("a rule file is broken")

    assert "Leeuwarden" in read_document([_photo()], OPTIONS, while_ocr=work).pages[0].text
