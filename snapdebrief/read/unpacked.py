"""Sizes that LZW and RunLength streams decode to, counted without decoding them.

pdfminer decodes both in Python and keeps the result: an 8 MB RunLength stream of repeated
spaces became 4.9 GB of memory in 30 s. Both formats let us count the output from the codes
alone (a RunLength length byte; an LZW table of entry lengths, not strings), stopping as soon
as the count passes `room`, so a bomb is refused after a few megabytes of reading.
"""

from __future__ import annotations


def runlength_size(raw: bytes, room: int) -> int:
    """Bytes a RunLengthDecode stream yields (PDF 32000-1 §7.4.5), stopping above `room`."""
    size = pos = 0
    end = len(raw)
    while pos < end and size <= room:
        n = raw[pos]
        if n == 128:  # end of data
            break
        if n < 128:  # copy the next n + 1 bytes
            size += n + 1
            pos += n + 2
        else:  # repeat the next byte 257 - n times
            size += 257 - n
            pos += 2
    return size


def lzw_size(raw: bytes, room: int, early_change: int = 1) -> int:
    """Bytes an LZWDecode stream yields (§7.4.4), stopping above `room`.

    Each new table entry is the previous output plus one byte, so its length is the previous
    code's length + 1; only those lengths are kept.
    """
    lengths: list[int] = []
    width, size, prev = 9, 0, -1
    bits = nbits = 0
    for byte in raw:
        bits = (bits << 8) | byte
        nbits += 8
        while nbits >= width:
            nbits -= width
            code = (bits >> nbits) & ((1 << width) - 1)
            bits &= (1 << nbits) - 1
            if code == 256:  # clear table
                lengths, width, prev = [], 9, -1
                continue
            if code == 257:  # end of data
                return size
            if code < 256:
                length = 1
            elif code - 258 < len(lengths):
                length = lengths[code - 258]
            elif prev >= 0:  # the code being defined right now (the KwKwK case)
                length = prev + 1
            else:
                return size  # a broken stream: the parsers stop here too
            if prev >= 0 and len(lengths) < 4096 - 258:
                lengths.append(prev + 1)
                if 258 + len(lengths) + early_change >= (1 << width) and width < 12:
                    width += 1
            prev = length
            size += length
            if size > room:
                return size
    return size
