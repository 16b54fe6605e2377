"""OCR one page image with Tesseract, keeping every word with its box and confidence.

The words come from a `tesseract` process started before its page is ready (`PageReader`): it
loads its model (~0.1 s) on the other core while the photo is being cleaned up. When the page is
ready it is written to the temp folder (the CLI's and the app's child have a private one, in
memory) and its path is sent on standard input: Tesseract reads a list of image files there
when what it gets is no image. Sending the image itself through the pipe is slower: Tesseract
reads standard input a byte at a time (~0.15 s for a 300 dpi page). Orientation detection
(rarely needed) goes through pytesseract.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from typing import Self

from PIL import Image

from ..errors import OcrTimeoutError
from ..result import Word
from .layout import OcrWord, lay_out
from .leaders import Leader
from .misreads import fix_word

# One Tesseract thread per process: on a 2-core machine OpenMP threading makes one page several
# times slower; the pipeline uses the cores by OCR'ing several pages at once instead.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# --psm 4 (one column of text of varying sizes) reads a page row by row, so a table's label and
# its amount stay on one line as on paper; --psm 3 splits right-aligned amount columns into
# blocks of their own and reads them after the labels (measured: docs/benchmarks.md, OCR).
TESS_CONFIG = "--oem 1 --psm 4 -c preserve_interword_spaces=0"
_TSV_FIELDS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top",
               "width", "height", "conf", "text")


def _pytesseract():
    """pytesseract, imported on the first OCR: it imports pandas when that is installed
    (Streamlit brings it), ~0.5 s that a PDF or text letter does not need to pay."""
    import pytesseract

    return pytesseract


def _uncompressed(img: Image.Image) -> Image.Image:
    """The image in a mode PNM holds (L or RGB), marked for pytesseract to hand over as PNM:
    writing a PNG of a 300 dpi page takes about a second, a PNM a few milliseconds. Only the
    `format` tag is set; copying a page's pixels for it would cost ~30 ms."""
    out = img if img.mode in ("L", "RGB") else img.convert("RGB")
    out.format = "PPM"
    return out


def detect_rotation(img: Image.Image, timeout: float) -> int:
    """Degrees to rotate clockwise so the text is upright (0, 90, 180, 270).

    Uses Tesseract's OSD on a reduced copy; returns 0 when OSD is unsure or finds too few letters.
    """
    rotate, conf = osd(img, timeout)
    return rotate if rotate and conf >= 1.5 else 0


def osd(img: Image.Image, timeout: float) -> tuple[int, float]:
    """Tesseract's OSD on a reduced copy: (degrees to rotate clockwise, its confidence); (0, 0.0)
    when it finds too few letters."""
    small = img.copy()
    small.thumbnail((1800, 1800))
    pytesseract = _pytesseract()
    try:
        found = pytesseract.image_to_osd(
            _uncompressed(small), config="--psm 0 -c min_characters_to_try=20", timeout=timeout,
            output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractError:  # "Too few characters"
        return 0, 0.0
    except RuntimeError as exc:  # pytesseract raises a bare RuntimeError on timeout
        raise OcrTimeoutError() from exc
    return int(found.get("rotate", 0)) % 360, float(found.get("orientation_conf", 0.0))


class PageReader:
    """One `tesseract` run, started now and handed its page later (`read`); use it as a context
    manager so the process never outlives its page."""

    def __init__(self, lang: str, timeout: float) -> None:
        self.timeout = timeout
        self._proc = subprocess.Popen(
            ["tesseract", "stdin", "stdout", "-l", lang, *TESS_CONFIG.split(), "tsv"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            if pipe and not pipe.closed:
                pipe.close()

    def read(self, img: Image.Image, leaders: list[Leader] = ()
             ) -> tuple[str, tuple[Word, ...], float | None]:
        """(page text, words with offsets into that text, mean word confidence 0..100);
        `leaders` are the fill-in lines read off the image before (`leaders.find_leaders`)."""
        fd, path = tempfile.mkstemp(prefix="tess_", suffix=".pnm")
        try:
            with os.fdopen(fd, "wb") as f:
                _uncompressed(img).save(f, format="PPM")  # PGM/PPM: no compression to pay for
            out, _ = self._proc.communicate(path.encode() + b"\n", timeout=self.timeout)
        except subprocess.TimeoutExpired as exc:
            self.close()
            raise OcrTimeoutError() from exc
        except BrokenPipeError:  # Tesseract ended before it read the path
            return "", (), None
        finally:
            os.unlink(path)
        if self._proc.returncode != 0:
            return "", (), None
        return assemble(parse_tsv(out.decode("utf-8", "replace")), leaders)


def parse_tsv(tsv: str) -> dict[str, list]:
    """Tesseract's TSV output as columns, numbers as numbers (what pytesseract's
    image_to_data(output_type=DICT) gives). Not pytesseract's own parser: importing pytesseract
    imports pandas (~0.5 s), which only orientation detection needs to pay."""
    data: dict[str, list] = {k: [] for k in _TSV_FIELDS}
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < len(_TSV_FIELDS) - 1:
            continue
        cells += [""] * (len(_TSV_FIELDS) - len(cells))
        for key, cell in zip(_TSV_FIELDS[:-1], cells):
            data[key].append(float(cell) if key == "conf" else int(cell))
        data["text"].append(cells[-1])
    return data


def ocr_words(img: Image.Image, lang: str, timeout: float, leaders: list[Leader] = ()
              ) -> tuple[str, tuple[Word, ...], float | None]:
    """Return (page text, words with offsets into that text, mean word confidence 0..100).
    `leaders` are the fill-in lines read off the image before (`leaders.find_leaders`)."""
    with PageReader(lang, timeout) as reader:
        return reader.read(img, leaders)


def assemble(data: dict[str, list], leaders: list[Leader] = ()
             ) -> tuple[str, tuple[Word, ...], float | None]:
    """Tesseract's word table and the fill-in lines as page text laid out as on paper
    (`layout.lay_out`), the words with their offsets into that text, and the mean confidence
    of Tesseract's words (a fill-in line has confidence -1: it was not Tesseract's reading)."""
    read: list[OcrWord] = []
    for i, raw in enumerate(data["text"]):
        token = fix_word(re.sub(r"\s+", " ", (raw or "").strip()))
        if not token:
            continue
        left, top = float(data["left"][i]), float(data["top"][i])
        box = (left, top, left + float(data["width"][i]), top + float(data["height"][i]))
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        read.append(OcrWord(token, box, float(data["conf"][i]), line))
    confs = [w.conf for w in read if w.conf >= 0]
    for k, lead in enumerate(leaders):
        read.append(OcrWord(lead.text, tuple(map(float, lead.box)), -1.0, (-1 - k, 0, 0), leader=True))
    text, spans = lay_out(read)
    words = sorted(
        (Word(start=s, end=e, bbox=w.box, conf=w.conf) for w, (s, e) in zip(read, spans)),
        key=lambda w: w.start,
    )
    mean = round(sum(confs) / len(confs), 1) if confs else None
    return text, tuple(words), mean
