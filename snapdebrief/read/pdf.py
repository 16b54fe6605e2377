"""Read a PDF: the text layer (pdfplumber) where a page has one, else the rendered page for OCR.

Before any parser sees the file, `check_streams` inflates every compressed stream into nothing
(counting bytes, keeping none) so a zip-bomb PDF is refused in about a second instead of eating
gigabytes. JavaScript, forms and links are never run: pdfium is used without a form environment.
"""

from __future__ import annotations

import io
import itertools
import re
import zlib
from dataclasses import dataclass

from PIL import Image

from ..errors import BrokenFileError, EncryptedPdfError, PdfTooComplexError, TooManyPagesError
from ..options import Limits
from . import unpacked
from .sniff import quiet_logs

OCR_DPI = 300
MIN_TEXT_CHARS = 25  # fewer letters/digits than this on a page: treat it as a scan
# pdfminer (under pdfplumber) reads content streams in Python at roughly 1-2 s per MB; above
# this many inflated bytes of parsed streams the text layer comes from pdfium (C++) instead.
PDFMINER_MAX_BYTES = 2 * 1024 * 1024
# Page descriptions (content streams, forms) beyond this are no letter: pdfium alone needs ~1 s
# and ~300 MB of memory for 64 MB of them. Images and fonts count only towards the total budget.
PARSED_MAX_BYTES = 32 * 1024 * 1024
_STEP = 1 << 20  # inflate in 1 MiB pieces: memory stays flat whatever the stream claims
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# Streams no parser reads as text: fonts, attached files, XMP metadata, ICC colour profiles.
_PASSIVE = re.compile(
    rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b|/Type\s*/(?:EmbeddedFile|Metadata)\b"
    rb"|/N\s+[134]\b"
)


@dataclass(frozen=True)
class PdfPage:
    """One page: its text layer (None when it has none worth using) or its rendered image."""

    text: str | None
    image: Image.Image | None


@dataclass(frozen=True)
class StreamSizes:
    """Inflated bytes of the file's zlib streams: all of them, and those a parser reads as text."""

    total: int
    parsed: int


def read_pdf(data: bytes, limits: Limits) -> list[PdfPage]:
    import pypdfium2 as pdfium

    sizes = check_streams(data, limits.max_unpacked_bytes)
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
        if sizes.parsed > PDFMINER_MAX_BYTES:
            texts = _pdfium_texts(doc, count)
        else:
            texts = _text_layers(data, count)
        pages: list[PdfPage] = []
        for index in range(count):
            text = texts[index]
            if text is not None and len(re.findall(r"[0-9A-Za-zÀ-ÿ]", text)) >= MIN_TEXT_CHARS:
                pages.append(PdfPage(text=text, image=None))
                continue
            pages.append(PdfPage(text=None, image=_render(doc, index, limits)))
        return pages
    except pdfium.PdfiumError as exc:
        raise BrokenFileError() from exc
    finally:
        doc.close()


def _render(doc, index: int, limits: Limits) -> Image.Image:
    page = doc[index]
    try:
        w, h = page.get_size()
        if not (w > 1 and h > 1):
            raise BrokenFileError()
        scale = OCR_DPI / 72
        if w * h * scale * scale > limits.max_pixels:
            scale = (limits.max_pixels / (w * h)) ** 0.5
        return page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()


def check_streams(data: bytes, budget: int) -> StreamSizes:
    """Count what the zlib (FlateDecode) streams inflate to; refuse the file above `budget`
    (or above PARSED_MAX_BYTES of page descriptions).

    The raw file is scanned for `stream` keywords, so object streams, broken cross-reference
    tables and unreferenced objects are all covered. Each stream is inflated in 1 MiB steps
    and thrown away, so the check costs at most `budget` bytes of inflating (about a second).
    A FlateDecode listed twice is inflated twice (a bomb inside a bomb), and an ASCIIHex or
    ASCII85 wrapper is undone first. LZW and RunLength streams are counted from their codes
    (unpacked.py). Other streams (JPEG, CCITT, raw) are skipped: their decoders keep to the
    image size they state.
    """
    total = parsed = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 2048) : m.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        counts_as_parsed = not (_IMAGE.search(head) or _PASSIVE.search(head))
        room = budget - total
        if counts_as_parsed:
            room = min(room, PARSED_MAX_BYTES - parsed)
        body = _zlib_body(data, m.end(), head)
        if body is not None:
            buf, pos = body
            inflated = _inflated_size(buf, pos, room, max(1, len(_FLATE.findall(head))))
        else:
            inflated = _counted_size(data, m.end(), head, room)
            if inflated is None:
                continue
        total += inflated
        if counts_as_parsed:
            parsed += inflated
        if total > budget or parsed > PARSED_MAX_BYTES:
            raise PdfTooComplexError(unpacked=total, parsed=parsed, limit=budget)
    return StreamSizes(total=total, parsed=parsed)


_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_HEX = re.compile(rb"/(?:ASCIIHexDecode|AHx)\b")
_A85 = re.compile(rb"/(?:ASCII85Decode|A85)\b")


_LZW = re.compile(rb"/(?:LZWDecode|LZW)\b")
_RUNLENGTH = re.compile(rb"/(?:RunLengthDecode|RL)\b")
_EARLY_CHANGE_0 = re.compile(rb"/EarlyChange\s+0\b")


def _counted_size(data: bytes, pos: int, head: bytes, room: int) -> int | None:
    """What an LZW or RunLength stream at `pos` decodes to (None for other streams)."""
    lzw, rl = _LZW.search(head), _RUNLENGTH.search(head)
    if not (lzw or rl):
        return None
    end = data.find(b"endstream", pos)
    raw = data[pos : end if end >= 0 else len(data)]
    if lzw and (not rl or lzw.start() < rl.start()):
        return unpacked.lzw_size(raw, room, 0 if _EARLY_CHANGE_0.search(head) else 1)
    return unpacked.runlength_size(raw, room)


def _zlib_body(data: bytes, pos: int, head: bytes) -> tuple[bytes, int] | None:
    """(buffer, offset) where the stream's zlib data starts, or None when it is not zlib."""
    if _zlib_header(data[pos : pos + 2]):
        return data, pos
    if not (_HEX.search(head) or _A85.search(head)):
        return None
    end = data.find(b"endstream", pos)
    raw = data[pos : end if end >= 0 else len(data)]
    try:
        if _HEX.search(head):
            digits = re.sub(rb"\s", b"", raw.split(b">", 1)[0])
            decoded = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
        else:
            import base64

            decoded = base64.a85decode(raw.split(b"~>", 1)[0].strip(), ignorechars=b" \t\n\r\v\x00")
    except ValueError:
        return None
    return (decoded, 0) if _zlib_header(decoded[:2]) else None


def _zlib_header(two: bytes) -> bool:
    return len(two) == 2 and two[0] & 0x0F == 8 and two[0] >> 4 <= 7 and (two[0] << 8 | two[1]) % 31 == 0


def _inflated_size(data: bytes, pos: int, room: int, layers: int = 1) -> int:
    """Bytes the zlib stream at `pos` inflates to (through `layers` nested zlib layers),
    stopping once more than `room` came out. Nothing is kept: each 1 MiB piece is dropped."""
    ds = [zlib.decompressobj() for _ in range(layers)]
    size = 0

    def feed(level: int, chunk: bytes) -> None:
        nonlocal size
        d = ds[level]
        while chunk and not d.eof and size <= room:
            out = d.decompress(chunk, _STEP)
            chunk = d.unconsumed_tail
            if level + 1 < layers:
                feed(level + 1, out)
            else:
                size += len(out)
            if not out and not chunk:
                break

    try:
        while not ds[0].eof and pos < len(data) and size <= room:
            piece = data[pos : pos + 65536]
            pos += len(piece)
            feed(0, piece)
    except zlib.error:
        pass  # a damaged stream: the parsers will fail on it as well, within what came out
    return size


def _pdfium_texts(doc, count: int) -> list[str | None]:
    out: list[str | None] = []
    for index in range(count):
        page = doc[index]
        try:
            textpage = page.get_textpage()
            out.append(textpage.get_text_bounded() or None)
            textpage.close()
        finally:
            page.close()
    return out


def _layout_text(page) -> str:
    """The page's text laid out as on paper: a gap between columns stays a run of spaces, so a
    table row stays "Hoofdsom      € 245,00" and a label stays beside its value, as finders
    expect; words within a phrase get one space whatever their font size (a bold letterhead
    stays "INCASSOBUREAU NOORDKUST B.V."). A larger gap between lines becomes a blank line.
    """
    from pdfplumber.utils.text import WordExtractor

    words = WordExtractor(keep_blank_chars=False, use_text_flow=False,
                          extra_attrs=["size"]).extract_words(_chars(page))
    if not words:
        return ""
    words.sort(key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 0.5 * max(w["size"], 1.0):
            lines[-1].append(w)
        else:
            lines.append([w])
    left = min(w["x0"] for w in words)
    out: list[str] = []
    prev_bottom = None
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        size = max(w["size"] for w in line) or 10.0
        if prev_bottom is not None and line[0]["top"] - prev_bottom > 0.9 * size:
            out.append("")
        em = 0.5 * size  # about one character's width
        text = " " * max(0, round((line[0]["x0"] - left) / em)) if line[0]["x0"] - left > 4 * em else ""
        text += line[0]["text"]
        for a, b in itertools.pairwise(line):
            gap = b["x0"] - a["x1"]
            text += " " * max(2, round(gap / em)) if gap > 2.2 * em else " "
            text += b["text"]
        out.append(text)
        prev_bottom = max(w["bottom"] for w in line)
    return "\n".join(out)


def _chars(page) -> list[dict]:
    """The page's characters as pdfplumber's word extractor reads them, in the order pdfplumber
    gives them (`page.chars`), with only the keys it reads. `page.chars` turns every attribute
    of every character (graphic state, colours, matrix) into Python values: ~45 ms of the ~50
    a page takes; these few keys cost a tenth of that."""
    from pdfminer.layout import LTChar, LTContainer

    height, (mb_x0, mb_top) = page.height, page.mediabox[:2]
    doctop = page.initial_doctop
    out: list[dict] = []

    def walk(objs) -> None:
        for obj in objs:
            if isinstance(obj, LTChar):
                top = height - obj.y1 + mb_top
                out.append({"text": obj.get_text(), "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0,
                            "top": top, "bottom": height - obj.y0 + mb_top, "doctop": doctop + top,
                            "height": obj.height, "upright": obj.upright, "size": obj.size})
            elif isinstance(obj, LTContainer):
                walk(obj)

    walk(page.layout)
    return out


def _text_layers(data: bytes, count: int) -> list[str | None]:
    """Text layer per page with pdfplumber; None for a page whose layer cannot be read."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    quiet_logs("pdfminer")  # it logs every token of the page, BSN included, at DEBUG
    quiet_logs("pdfplumber")

    out: list[str | None] = [None] * count
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages[:count]):
                try:
                    out[index] = _layout_text(page) or None
                except Exception:  # noqa: BLE001 - a broken page falls back to OCR
                    out[index] = None
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdfError() from exc
    except Exception:  # noqa: BLE001 - unreadable structure: every page goes to OCR
        return out
    return out
