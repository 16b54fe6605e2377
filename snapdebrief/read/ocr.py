"""OCR one page image with Tesseract, keeping every word with its box and confidence.

Tesseract runs in this process through its own API (tesserocr): its model loads once per
process (~0.1 s, started on another thread while the photo is cleaned up) and a page goes to it
as pixels, with no temp file and no process to start. Measured against one `tesseract` run per
page on the same corrected pages (`benchmarks/engines.py`, docs/benchmarks.md): the same CER,
~0.5 s less CPU per page. Recognition frees the GIL, so the pipeline's other stages load on
the other core meanwhile. Orientation detection goes the same way (no pytesseract, no pandas).

Where tesserocr cannot be imported (no wheel for the machine), a `tesseract` process reads the
page (`PageReader`): started before its page is ready, it gets the page as a file path on
standard input (the CLI's and the app's child have a private temp folder, in memory).
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import numpy as np
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
_TSV_HEADER = "\t".join(_TSV_FIELDS) + "\n"
# Where Debian's tesseract-ocr-* packages put the models (the wheel's own default is "./").
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata")
OSD_MIN_CHARACTERS = 20


@functools.cache
def tessdata_dir() -> str | None:
    """The folder holding the installed models: TESSDATA_PREFIX when set (the `tesseract`
    program honours it too), else the first of TESSDATA_DIRS with Dutch in it."""
    for d in (os.environ.get("TESSDATA_PREFIX"), *TESSDATA_DIRS):
        if d and (Path(d) / "nld.traineddata").is_file():
            return str(d).rstrip("/") + "/"
    return None


@functools.cache
def _tesserocr() -> Any:
    """The tesserocr module, or None where it (or a model folder) is missing: then the
    `tesseract` program reads the pages. Leptonica's messages ("Error in pixScanForForeground")
    are silenced: they would land on the CLI's stderr, and say nothing to a resident."""
    try:
        import tesserocr
    except ImportError:
        return None
    if tessdata_dir() is None:
        return None
    _quiet_leptonica()
    return tesserocr


def _quiet_leptonica() -> None:
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        libs = {line.split()[-1] for line in maps if "libleptonica" in line}
    for lib in libs:
        try:
            ctypes.CDLL(lib).setMsgSeverity(6)  # L_SEVERITY_NONE
        except (OSError, AttributeError):
            pass


def in_process() -> bool:
    """Whether Tesseract runs in this process (tesserocr) rather than as a program."""
    return _tesserocr() is not None


_idle: dict[str, list[Any]] = {}
_idle_lock = threading.Lock()


def _new_api(lang: str) -> Any:
    tesserocr = _tesserocr()
    if lang == "osd":
        api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        api.SetVariable("min_characters_to_try", str(OSD_MIN_CHARACTERS))
    else:
        api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=lang,
                                      psm=tesserocr.PSM.SINGLE_COLUMN, oem=tesserocr.OEM.LSTM_ONLY)
        api.SetVariable("preserve_interword_spaces", "0")
    api.SetVariable("debug_file", "/dev/null")  # "Estimating resolution as …" and the like
    return api


def _take(lang: str) -> Any:
    """An idle Tesseract for `lang`, its model loaded; one per thread that reads at a time."""
    with _idle_lock:
        pool = _idle.get(lang)
        if pool:
            return pool.pop()
    return _new_api(lang)


def _give(lang: str, api: Any) -> None:
    with _idle_lock:
        _idle.setdefault(lang, []).append(api)


def preload(lang: str) -> threading.Thread | None:
    """Load a model for `lang` on a thread (join it before reading), when none is idle."""
    if not in_process():
        return None
    with _idle_lock:
        if _idle.get(lang):
            return None
    thread = threading.Thread(target=lambda: _give(lang, _new_api(lang)), daemon=True)
    thread.start()
    return thread


def _set_pixels(api: Any, img: Image.Image | np.ndarray) -> None:
    """Hand the page's pixels to Tesseract as they are (SetImage would encode an image file)."""
    arr = np.ascontiguousarray(np.asarray(img))
    if arr.ndim == 2:
        api.SetImageBytes(arr.tobytes(), arr.shape[1], arr.shape[0], 1, arr.shape[1])
    else:
        arr = np.ascontiguousarray(arr[:, :, :3])
        api.SetImageBytes(arr.tobytes(), arr.shape[1], arr.shape[0], 3, 3 * arr.shape[1])


def read_tsv(images: Sequence[Image.Image | np.ndarray], lang: str, timeout: float
             ) -> list[dict[str, list]]:
    """Tesseract's word table (`parse_tsv`) for each image, read as a page (--psm 4); one model
    for all. Raises OcrTimeoutError when one takes longer than `timeout`."""
    if not in_process():
        return _program_tsv(images, lang, timeout)
    api = _take(lang)
    try:
        return [_recognize(api, img, timeout) for img in images]
    finally:
        _give(lang, api)


def _recognize(api: Any, img: Image.Image | np.ndarray, timeout: float) -> dict[str, list]:
    _set_pixels(api, img)
    started = time.monotonic()
    if not api.Recognize(timeout=max(1, int(timeout * 1000))):
        if time.monotonic() - started >= 0.9 * timeout:
            raise OcrTimeoutError()
        return parse_tsv("")
    return parse_tsv(_TSV_HEADER + (api.GetTSVText(0) or ""))


def _program_tsv(images: Sequence[Image.Image | np.ndarray], lang: str, timeout: float
                 ) -> list[dict[str, list]]:
    """read_tsv through one `tesseract` run: the images as pages of one list of files."""
    paths = []
    try:
        for img in images:
            fd, path = tempfile.mkstemp(prefix="tess_", suffix=".pnm")
            with os.fdopen(fd, "wb") as f:
                pil = img if isinstance(img, Image.Image) else Image.fromarray(np.asarray(img))
                _uncompressed(pil).save(f, format="PPM")
            paths.append(path)
        try:
            proc = subprocess.run(
                ["tesseract", "stdin", "stdout", "-l", lang, *TESS_CONFIG.split(), "tsv"],
                input="\n".join(paths).encode() + b"\n", capture_output=True, timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrTimeoutError() from exc
    finally:
        for path in paths:
            os.unlink(path)
    data = parse_tsv(proc.stdout.decode("utf-8", "replace"))
    out = []
    for page in range(1, len(paths) + 1):
        keep = [i for i, n in enumerate(data["page_num"]) if n == page]
        out.append({k: [v[i] for i in keep] for k, v in data.items()})
    return out


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
    if in_process():
        api = _take("osd")
        try:
            _set_pixels(api, small if small.mode in ("L", "RGB") else small.convert("L"))
            found = api.DetectOrientationScript()
        finally:
            _give("osd", api)
        if not found:  # too few letters
            return 0, 0.0
        # orient_deg is the text's own turn (counter-clockwise); what undoes it is the rest
        return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])
    pytesseract = _pytesseract()
    try:
        found = pytesseract.image_to_osd(
            _uncompressed(small), config=f"--psm 0 -c min_characters_to_try={OSD_MIN_CHARACTERS}",
            timeout=timeout, output_type=pytesseract.Output.DICT,
        )
    except pytesseract.TesseractError:  # "Too few characters"
        return 0, 0.0
    except RuntimeError as exc:  # pytesseract raises a bare RuntimeError on timeout
        raise OcrTimeoutError() from exc
    return int(found.get("rotate", 0)) % 360, float(found.get("orientation_conf", 0.0))


def page_reader(lang: str, timeout: float) -> ApiReader | PageReader:
    """The reader for one page, its model loading from now on: Tesseract in this process when
    tesserocr is there, else a `tesseract` process."""
    return ApiReader(lang, timeout) if in_process() else PageReader(lang, timeout)


class ApiReader:
    """One page through Tesseract's API in this process (`read`); the model is loaded on a
    thread from now on, unless one is idle. Use it as a context manager, like PageReader."""

    def __init__(self, lang: str, timeout: float) -> None:
        self.lang, self.timeout = lang, timeout
        self._loading = preload(lang)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._loading is not None:
            self._loading.join()
            self._loading = None

    def read(self, img: Image.Image, leaders: Sequence[Leader] = ()
             ) -> tuple[str, tuple[Word, ...], float | None]:
        """(page text, words with offsets into that text, mean word confidence 0..100);
        `leaders` are the fill-in lines read off the image before (`leaders.find_leaders`)."""
        self.close()
        return assemble(read_tsv([img], self.lang, self.timeout)[0], leaders)


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


def ocr_words(img: Image.Image, lang: str, timeout: float, leaders: Sequence[Leader] = ()
              ) -> tuple[str, tuple[Word, ...], float | None]:
    """Return (page text, words with offsets into that text, mean word confidence 0..100).
    `leaders` are the fill-in lines read off the image before (`leaders.find_leaders`)."""
    with page_reader(lang, timeout) as reader:
        return reader.read(img, leaders)


def assemble(data: dict[str, list], leaders: Sequence[Leader] = ()
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
