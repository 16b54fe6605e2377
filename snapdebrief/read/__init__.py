"""Stage 1 of the pipeline: bytes of one letter's files → Document (page texts with their origin).

Several files are the pages of ONE letter, in order. The type of each file comes from its bytes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

from ..errors import FileTooLargeError, NoTextFoundError, TooManyPagesError
from ..options import Options
from ..result import Document, Page
from .columns import split_columns
from .deblur import find_streak, unstreak
from .image import open_images, prepare_for_ocr, too_small
from .leaders import Leader, find_leaders, paint_out, turned
from .legibility import MESSAGES, PAGE_CAUSES, cause
from .ocr import ocr_words, page_reader
from .orient import upright_turn
from .pdf import read_pdf
from .preview import page_jpeg
from .sniff import IMAGE_TYPES, decode_text, sniff
from .soft import better_read, is_soft, sharpen
from .straighten import (
    Steps,
    drop_rules,
    flatten_page,
    level_page,
    paper_grey,
    scale_page,
    text_lines,
)
from .text import clean_text

LOW_CONFIDENCE = 60.0  # mean Tesseract word confidence below this: warn that the photo was hard
UNREAD_CONFIDENCE = 30.0  # below this a page gave no text (see _read)


def read_document(files: Sequence[bytes], options: Options,
                  while_ocr: Callable[[], object] | None = None) -> Document:
    """Read all files of one letter into pages; raise a BadInputError when nothing is readable.

    `while_ocr` runs on a thread from the moment the first page goes to Tesseract, and is done
    when this returns: Tesseract frees the GIL, so work the next stages need (loading the rules,
    say) costs no time there. It is not run when no page needs OCR, and its errors are dropped.
    """
    meanwhile = _Meanwhile(while_ocr)
    try:
        return _read_document(files, options, meanwhile)
    finally:
        meanwhile.join()


class _Meanwhile:
    """`work` on a thread, started at most once (`start`, from any thread)."""

    def __init__(self, work: Callable[[], object] | None) -> None:
        self._work, self._thread, self._lock = work, None, threading.Lock()

    def start(self) -> None:
        if self._work is None:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            self._work()  # type: ignore[misc]
        except Exception:  # noqa: BLE001,S110 - the stage that needs it meets the error itself
            pass

    def join(self) -> None:
        with self._lock:
            thread, self._work = self._thread, None
        if thread is not None:
            thread.join()


def _read_document(files: Sequence[bytes], options: Options, meanwhile: _Meanwhile) -> Document:
    limits = options.limits
    total = sum(len(f) for f in files)
    if total > limits.max_total_bytes:
        raise FileTooLargeError(total, limits.max_total_bytes)
    # Each slot is either ready text or an image still to OCR.
    slots: list[tuple[str, str | Image.Image]] = []
    photos: set[int] = set()  # the slots that are photos (not a scanned PDF's pages)
    warnings: list[str] = []
    for data in files:
        kind = sniff(data, limits)
        if kind == "text":
            text = decode_text(data)[: limits.max_text_chars]
            for part in text.split("\f"):
                if part.strip() or len(slots) == 0:
                    slots.append(("text", part))
        elif kind == "pdf":
            for page in read_pdf(data, limits):
                if page.text is not None:
                    slots.append(("text-layer", page.text))
                else:
                    slots.append(("ocr", page.image))
        elif kind in IMAGE_TYPES:
            for img in open_images(data, kind, limits):
                if too_small(img):
                    warnings.append(
                        "De foto is erg klein. Misschien lezen we niet alles goed. "
                        "Maak een foto van dichtbij, met de hele brief erop."
                    )
                photos.add(len(slots))
                slots.append(("ocr", img))
        if len(slots) > limits.max_pages:
            raise TooManyPagesError(len(slots), limits.max_pages)

    def run(slot: tuple[str, str | Image.Image]) -> Page:
        method, value = slot
        if isinstance(value, str):
            return Page(number=0, text=clean_text(value), method=method)  # type: ignore[arg-type]
        return _ocr_page(value, options, meanwhile.start)

    if sum(1 for m, _ in slots if m == "ocr") > 1 and options.workers > 1:
        with ThreadPoolExecutor(max_workers=options.workers) as pool:
            pages = list(pool.map(run, slots))
    else:
        pages = [run(s) for s in slots]
    pages = [
        Page(number=i + 1, text=text, method=p.method, words=words,
             confidence=p.confidence, size=p.size, image=p.image, image_scale=p.image_scale)
        for i, p in enumerate(pages)
        for text, words in [split_columns(p.text, p.words)]
    ]
    unread = {i for i, p in enumerate(pages) if not _read(p)}
    if len(unread) == len(pages):
        shown = sorted(unread & photos)
        if shown:  # say why, of the first photo: what a resident can do about it
            why = cause(slots[shown[0]][1])  # type: ignore[arg-type]
            raise NoTextFoundError(MESSAGES[why], cause=why)
        raise NoTextFoundError()
    for i, p in enumerate(pages):
        if i in unread and i in photos:
            warnings.append(
                f"Pagina {p.number} konden we niet lezen: "
                f"{PAGE_CAUSES[cause(slots[i][1])]}. "  # type: ignore[arg-type]
                "Maak een nieuwe foto van die pagina."
            )
        elif p.method == "ocr" and p.confidence is not None and p.confidence < LOW_CONFIDENCE:
            warnings.append(
                f"Pagina {p.number} was moeilijk te lezen. Kijk zelf goed naar de bedragen en "
                "datums op de brief, of maak een nieuwe foto met meer licht."
            )
    return Document(pages=tuple(pages), warnings=tuple(dict.fromkeys(warnings)))


UPRIGHT_CONFIDENCE = 70.0  # upright text reads at ~90+; upside-down text at ~30-40


def page_for_ocr(img: Image.Image, options: Options) -> Image.Image:
    """The corrected page image handed to Tesseract (the benchmark times bare tesseract on it)."""
    return _prepare(img, options)[0]


def _prepare(img: Image.Image, options: Options
             ) -> tuple[Image.Image, bool, list[Leader]]:
    """(corrected page, whether its orientation was already checked, the fill-in lines read off
    it and painted out).

    Sheet and light first. Text running sideways or that cannot be told (seen from how letters
    line up) is turned before its lines are levelled, by OSD's verdict when it is sure, else by a
    trial read of a block in all four turns (`orient.upright_turn`); text whose lines run across
    may still be upside down, which the first OCR pass shows by its low confidence (see
    `_ocr_page`), so that check is only paid for when needed.
    """
    steps = Steps.named(options.preprocess)
    timeout = options.limits.ocr_timeout_seconds
    if not (steps.sheet or steps.light or steps.deskew or steps.dewarp):
        grey = img if steps.scale else prepare_for_ocr(img)
        arr, is_page = np.asarray(grey.convert("L")), False
    else:
        arr, is_page = flatten_page(img, steps)
    checked = False
    angle, sideways = text_lines(arr)
    if sideways is not False:  # sideways, or cannot tell
        checked = True
        rotate = upright_turn(arr, (0, 90, 180, 270), options.ocr_lang, timeout)
        if rotate:  # "rotate" is clockwise; np.rot90 turns counter-clockwise
            arr = np.ascontiguousarray(np.rot90(arr, k=-rotate // 90))
        angle = None  # measured on lines that may have run the other way: measure again
    arr = level_page(arr, steps, angle)
    if steps.scale:
        arr = scale_page(arr, is_page)
    else:
        arr = np.asarray(prepare_for_ocr(Image.fromarray(arr)))
    leaders = find_leaders(arr) if steps.leaders else []
    if leaders:
        arr = paint_out(arr, leaders, paper_grey(arr))
    if steps.rules:
        arr = drop_rules(arr)
    return Image.fromarray(arr), checked, leaders


def _ocr_page(img: Image.Image, options: Options, reading: Callable[[], None] = lambda: None
              ) -> Page:
    """One page image through the clean-up and Tesseract; `reading()` is called as the page
    goes to Tesseract (read_document's `while_ocr` starts then: the clean-up needs the GIL)."""
    timeout = options.limits.ocr_timeout_seconds
    # Tesseract's model loads on the other core while the page is prepared
    with page_reader(options.ocr_lang, timeout) as reader:
        grey, checked, leaders = _prepare(img, options)
        reading()
        text, words, conf = reader.read(grey, leaders)
    if not checked and (conf is None or conf < UPRIGHT_CONFIDENCE):
        # a poor read: maybe the page is upside down
        rotate = upright_turn(np.asarray(grey), (0, 180), options.ocr_lang, timeout)
        if rotate:
            again_img = grey.rotate(-rotate, expand=True)
            again_leaders = turned(leaders, rotate, grey.size)
            again = ocr_words(again_img, options.ocr_lang, timeout, again_leaders)
            if again[2] is not None and (conf is None or again[2] > conf):
                grey, leaders, (text, words, conf) = again_img, again_leaders, again
    streak = find_streak(np.asarray(grey))
    if streak is not None:
        # a shaken photo: read it again with the streak undone, and keep the surer read (the
        # estimate can be wrong, on a page of tables say; then Tesseract is less sure)
        sharp = Image.fromarray(unstreak(np.asarray(grey), streak))
        again = ocr_words(sharp, options.ocr_lang, timeout, leaders)
        if again[2] is not None and (conf is None or again[2] > conf):
            text, words, conf = again
    if is_soft(np.asarray(grey)):
        # a soft photo: read it again sharpened, keep the read with more sure letters and add
        # the lines only the other one found (soft.py)
        again = ocr_words(Image.fromarray(sharpen(np.asarray(grey))), options.ocr_lang, timeout,
                          leaders)
        text, words, conf = better_read((text, words, conf), again)
    image, scale = page_jpeg(grey) if options.keep_images else (None, 1.0)
    return Page(number=0, text=text, method="ocr", words=words, confidence=conf, size=grey.size,
                image=image, image_scale=scale)


def _read(page: Page) -> bool:
    """Whether a page gave text: 20 letters or more, and for OCR some Tesseract was sure of
    (a mean word confidence of UNREAD_CONFIDENCE or more; what Tesseract makes of a page no one
    can read, a blur or the dark, is a few letters at confidence ~20)."""
    if _letters(page.text) < 20:
        return False
    return page.method != "ocr" or page.confidence is None or page.confidence >= UNREAD_CONFIDENCE


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())
