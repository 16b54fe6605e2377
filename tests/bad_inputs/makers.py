"""Makers of nasty inputs: every bad file the tests use is built here, in memory, from scratch.

Nothing is read from disk except the DejaVu font; each maker returns the bytes of one file.
"""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, ImageDraw, ImageFont

from ..conftest import FONT, LETTER, render_pdf

# A short letter: OCR of a few lines on a small page stays quick on a shared 2-core machine.
SHORT = """Centraal Justitieel Incassobureau
Postbus 1794, 8901 CB Leeuwarden

Datum: 12 maart 2026
Betreft: Eerste aanmaning verkeersboete

Geachte heer De Vries,

U heeft de boete van € 110,00 nog niet betaald.
De boete is verhoogd met € 55,00. U moet nu € 165,00 betalen.
Betaal vóór 9 april 2026 op rekening NL86 INGB 0002 4455 88.

Met vriendelijke groet,
Centraal Justitieel Incassobureau
"""

SECOND = """Gemeente Amsterdam
Belastingen

Datum: 2 februari 2026
Betreft: Aanslag afvalstoffenheffing 2026

Geachte mevrouw Jansen,

Hierbij ontvangt u de aanslag gemeentelijke belastingen.
U moet € 412,80 betalen vóór 31 maart 2026.

Met vriendelijke groet,
Gemeente Amsterdam
"""


def page_image(text: str = SHORT, dpi: int = 150, fg: int | tuple = 0, bg: int | tuple = 255,
               mode: str = "L") -> Image.Image:
    """An A4 page with the text in DejaVu 10.5 pt, as a scanner would give it."""
    scale = dpi / 72
    img = Image.new(mode, (int(595 * scale), int(842 * scale)), bg)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(10.5 * scale))
    y = 60 * scale
    for line in text.splitlines():
        draw.text((60 * scale, y), line, fill=fg, font=font)
        y += 15 * scale
    return img


def encode(img: Image.Image, fmt: str, **save) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **save)
    return buf.getvalue()


# ---------------------------------------------------------------- images


def png() -> bytes:
    return encode(page_image(), "PNG")


def jpeg() -> bytes:
    return encode(page_image().convert("RGB"), "JPEG", quality=90)


def truncated(data: bytes, keep: float = 0.4) -> bytes:
    return data[: int(len(data) * keep)]


def jpeg_huge_header() -> bytes:
    """A real small JPEG whose frame header (SOF0) claims 65000 x 65000 pixels."""
    data = bytearray(jpeg())
    i = 2
    while i < len(data) - 9:
        if data[i] != 0xFF:
            raise ValueError("not a JPEG marker")
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5 : i + 9] = struct.pack(">HH", 65000, 65000)
            return bytes(data)
        i += 2 + length
    raise ValueError("no SOF marker")


def gif_huge_header() -> bytes:
    """A GIF whose logical screen and image claim 65535 x 65535 pixels; the data is tiny."""
    small = encode(Image.new("P", (8, 8), 0), "GIF")
    data = bytearray(small)
    data[6:10] = struct.pack("<HH", 65535, 65535)  # logical screen
    at = data.index(b",")  # image descriptor
    data[at + 5 : at + 9] = struct.pack("<HH", 65535, 65535)
    return bytes(data)


def animated_gif() -> bytes:
    first = page_image().convert("P")
    other = page_image(SECOND).convert("P")
    buf = io.BytesIO()
    first.save(buf, format="GIF", save_all=True, append_images=[other, first], duration=500, loop=0)
    return buf.getvalue()


def cmyk_jpeg() -> bytes:
    return encode(page_image().convert("RGB").convert("CMYK"), "JPEG", quality=92)


def png_16bit() -> bytes:
    img = page_image().convert("I").point(lambda v: v * 257).convert("I;16")
    return encode(img, "PNG")


def exif_rotated() -> bytes:
    """Stored sideways with EXIF orientation 6: a viewer turns it 90° clockwise to show it."""
    img = page_image().rotate(90, expand=True).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(img, "JPEG", quality=90, exif=exif)


def upside_down() -> bytes:
    return encode(page_image().rotate(180).convert("RGB"), "JPEG", quality=90)


def heic() -> bytes:
    import pillow_heif

    buf = io.BytesIO()
    pillow_heif.from_pillow(page_image().convert("RGB")).save(buf, format="HEIF", quality=90)
    return buf.getvalue()


def blank_page() -> bytes:
    return encode(Image.new("L", (1240, 1754), 255), "PNG")


def dark_photo() -> bytes:
    """The letter photographed in a dark room: text barely darker than the paper, sensor noise."""
    from PIL import ImageChops

    img = page_image(fg=8, bg=24)
    noise = Image.effect_noise(img.size, 5)  # mean 128
    return encode(ImageChops.add(img, noise, 1.0, -128).convert("RGB"), "JPEG", quality=85)


def noise_photo() -> bytes:
    """A photo of nothing: grain and blotches, no text."""
    rng = random.Random(11)
    img = Image.effect_noise((1000, 1400), 64).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(60):
        x, y = rng.randrange(1000), rng.randrange(1400)
        r = rng.randrange(10, 80)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    return encode(img, "JPEG", quality=85)


def cat_drawing() -> bytes:
    """A cat-like drawing (head, ears, eyes, whiskers, tail) on a light floor, no text."""
    img = Image.new("RGB", (1200, 1600), (226, 214, 190))
    d = ImageDraw.Draw(img)
    d.ellipse((300, 700, 900, 1300), fill=(90, 80, 70))  # body
    d.ellipse((420, 380, 780, 740), fill=(90, 80, 70))  # head
    d.polygon([(440, 470), (470, 300), (560, 420)], fill=(90, 80, 70))  # ears
    d.polygon([(760, 470), (730, 300), (640, 420)], fill=(90, 80, 70))
    d.ellipse((500, 500, 560, 560), fill=(200, 210, 60))  # eyes
    d.ellipse((640, 500, 700, 560), fill=(200, 210, 60))
    for dy in (-20, 0, 20):  # whiskers
        d.line((460, 640 + dy, 560, 630), fill=(240, 240, 240), width=3)
        d.line((640, 630, 740, 640 + dy), fill=(240, 240, 240), width=3)
    d.arc((750, 900, 1100, 1400), 200, 330, fill=(90, 80, 70), width=40)  # tail
    return encode(img, "JPEG", quality=88)


def two_letters_one_photo() -> bytes:
    left, right = page_image(SHORT, dpi=120), page_image(SECOND, dpi=120)
    both = Image.new("L", (left.width + right.width + 40, left.height), 200)
    both.paste(left, (0, 0))
    both.paste(right, (left.width + 40, 0))
    return encode(both.convert("RGB"), "JPEG", quality=90)


# ---------------------------------------------------------------- PDFs


def pdf_of(text: str = LETTER) -> bytes:
    return render_pdf(text)


def encrypted_pdf(user_password: str) -> bytes:
    """A born-digital letter PDF encrypted with RC4/AES by reportlab (owner password always set)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = StandardEncryption(user_password, ownerPassword="eigenaar-geheim", canCopy=0)
    c = canvas.Canvas(buf, pagesize=A4, encrypt=enc)
    y = A4[1] - 72
    c.setFont("Helvetica", 10.5)
    for line in LETTER.replace("€", "EUR").splitlines():
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def many_pages_pdf(pages: int = 500) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.setFont("Helvetica", 10.5)
        c.drawString(72, 770, f"Pagina {n + 1} van een heel lange brief over uw belastingaanslag.")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    return encode(page_image().convert("RGB"), "PDF", resolution=150)


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out + b")")


def raw_pdf(text: str = LETTER, extra_objects: tuple[bytes, ...] = (), catalog_extra: bytes = b"",
            extra_contents: tuple[int, ...] = ()) -> bytes:
    """A hand-built PDF (Helvetica, WinAnsi) so tests can put in what no library would write.

    Objects 1-5 are catalog, pages, page, font and content; extra objects are numbered from 6.
    `extra_contents` are object numbers appended to the page's /Contents array.
    """
    lines = [b"BT /F1 10.5 Tf 14 TL 72 770 Td"]
    for line in text.splitlines():
        lines.append(_pdf_string(line) + b" Tj T*")
    lines.append(b"ET")
    content = b"\n".join(lines)
    contents = b"[5 0 R" + b"".join(b" %d 0 R" % n for n in extra_contents) + b"]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents " + contents + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def javascript_pdf() -> bytes:
    js = b"<< /S /JavaScript /JS (app.alert('hallo'); this.submitForm('http://127.0.0.1:9/x');) >>"
    return raw_pdf(extra_objects=(js,), catalog_extra=b"/OpenAction 6 0 R ")


def broken_xref_pdf() -> bytes:
    """Every xref offset points to the wrong place and startxref is off: readers must rebuild it."""
    data = bytearray(raw_pdf())
    at = data.index(b"xref\n")
    table_end = data.index(b"trailer")
    table = data[at:table_end].replace(b"00000 n", b"99999 n")
    table = bytes(table).replace(b"\n00000000", b"\n00000077")
    data[at:table_end] = table
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    data[start : data.index(b"\n", start)] = b"123"
    return bytes(data)


def zeros_deflate(size: int) -> bytes:
    """A valid zlib stream of `size` (at least 1 MiB) zero bytes, built in milliseconds.

    After a full flush the compressor's state is reset, so each further MiB of zeros gives the
    same bytes and can be repeated; the Adler-32 of n zeros is ((n mod 65521) << 16) | 1.
    """
    mib = 1 << 20
    count, rest = divmod(size, mib)
    if count < 1:
        raise ValueError("size must be at least 1 MiB")
    c = zlib.compressobj(9)
    head = c.compress(bytes(mib)) + c.flush(zlib.Z_FULL_FLUSH)
    unit = c.compress(bytes(mib)) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(bytes(rest)) + c.flush(zlib.Z_FINISH)
    return head + unit * (count - 1) + tail[:-4] + struct.pack(">I", ((size % 65521) << 16) | 1)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(side: int = 30000) -> bytes:
    """A valid 1-bit PNG of side x side pixels (900 MP) that is about 100 kB on disk."""
    row = 1 + (side + 7) // 8  # filter byte + packed bits, all zero
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zeros_deflate(row * side)) + _chunk(b"IEND", b""))


def flate_bomb_pdf(size: int = 1 << 30) -> bytes:
    """A letter PDF whose page has a second content stream that inflates to `size` zero bytes."""
    bomb = zeros_deflate(size)
    obj = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    return raw_pdf(extra_objects=(obj,), extra_contents=(6,))


def runlength_bomb_pdf(size: int = 1 << 28) -> bytes:
    """A letter PDF with a RunLength content stream of `size` spaces (2 bytes per 128)."""
    body = bytes([129, 32]) * (size // 128) + b"\x80"
    obj = b"<< /Length %d /Filter /RunLengthDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    return raw_pdf(extra_objects=(obj,), extra_contents=(6,))


def lzw_bomb(codes: int) -> bytes:
    """LZW codes that fill the table with ever longer runs of 'a' (each entry one longer), then
    repeat the longest: ~3 800 bytes out per 12 bits in."""
    out, bits, nbits, width, entries = bytearray(), 0, 0, 9, 0

    def put(code: int) -> None:
        nonlocal bits, nbits
        bits, nbits = (bits << width) | code, nbits + width
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
            bits &= (1 << nbits) - 1

    put(256)
    put(ord("a"))
    for i in range(codes):
        put(min(258 + i, 4095))
        if entries < 4096 - 258:  # the decoder adds an entry after every code (early change)
            entries += 1
            if 258 + entries + 1 >= (1 << width) and width < 12:
                width += 1
    put(257)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def lzw_bomb_pdf(codes: int = 300_000) -> bytes:
    """A letter PDF with an LZW content stream of ~0.5 MB that decodes to ~1 GB of 'a'."""
    body = lzw_bomb(codes)
    obj = b"<< /Length %d /Filter /LZWDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    return raw_pdf(extra_objects=(obj,), extra_contents=(6,))


# ---------------------------------------------------------------- text


def big_text(size: int = 1 << 20) -> bytes:
    """A letter followed by 'bijlage' lines until the file is `size` bytes."""
    line = "Bijlage: overzicht van de termijnen en de betalingen in het jaar 2025, regel {n}.\n"
    parts = [LETTER]
    n, total = 0, len(LETTER.encode())
    while total < size:
        s = line.format(n=n)
        parts.append(s)
        total += len(s.encode())
        n += 1
    return "".join(parts).encode()[:size]


def with_controls() -> bytes:
    text = LETTER.replace("Geachte", "\x1b[2J\x1b[31mGeachte\x07").replace(
        "Betaal het", "\x9b31mBetaal\x08 het"
    )
    return text.encode()


def with_homoglyphs() -> bytes:
    """'аanmaning' with a Cyrillic а (U+0430), 'Bеtaal' with a Cyrillic е (U+0435)."""
    return LETTER.replace("Eerste aanmaning", "Eerste \u0430anmaning").replace(
        "Betaal het", "B\u0435taal het"
    ).encode()


def with_rtl_override() -> bytes:
    """A right-to-left override makes '88 55 44 20' look reversed in a viewer; the bytes stay."""
    return LETTER.replace("NL86 INGB", "\u202eNL86 INGB\u202c").replace(
        "Centraal Justitieel Incassobureau\nPostbus", "Centraal \u2067Justitieel\u2069 Incassobureau\nPostbus"
    ).encode()


HTML_MARKDOWN = (
    "<script>alert('x')</script> **vet** [klik hier](https://phish.example/) "
    "<img src=x onerror=alert(1)> # Kop `code`"
)


def with_html_markdown() -> bytes:
    return LETTER.replace("Betreft: Eerste aanmaning verkeersboete",
                          "Betreft: Eerste aanmaning verkeersboete " + HTML_MARKDOWN).encode()


ENGLISH = """HM Revenue and Customs
BX9 1AS United Kingdom

Date: 12 March 2026
Reference: 1234 5678

Dear Mr Smith,

You have not paid your tax bill of £ 420.00. Please pay the amount before 9 April 2026.
If you do not pay, we may charge interest and take further action.

Yours sincerely,
HM Revenue and Customs
"""

TURKISH = """Gelir İdaresi Başkanlığı
Ankara

Tarih: 12 Mart 2026

Sayın Bay Yılmaz,

2025 yılına ait vergi borcunuz 4.200,00 TL tutarındadır. Lütfen bu tutarı 9 Nisan 2026
tarihine kadar ödeyiniz. Ödeme yapılmazsa gecikme faizi uygulanacaktır.

Saygılarımızla,
Gelir İdaresi Başkanlığı
"""


def encrypted_with_password() -> bytes:
    return encrypted_pdf("geheim")


def encrypted_without_password() -> bytes:
    return encrypted_pdf("")


def flate_bomb_nested_pdf() -> bytes:
    """A bomb inside a bomb: 1 GiB of zeros, zlib-compressed twice (~5 kB), behind ASCIIHex."""
    twice = zlib.compress(zeros_deflate(1 << 30), 9)
    body = twice.hex().encode() + b">"
    obj = (b"<< /Length %d /Filter [/ASCIIHexDecode /FlateDecode /FlateDecode] >>\nstream\n" % len(body)
           + body + b"\nendstream")
    return raw_pdf(extra_objects=(obj,), extra_contents=(6,))


def pdf_image_bomb() -> bytes:
    """A page showing one greyscale image XObject of 40000 x 40000 pixels: 1.6 GB of zeros."""
    side = 40000
    bomb = zeros_deflate(side * side)
    img = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
           b" /BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n" % (side, side, len(bomb))
           + bomb + b"\nendstream")
    draw = b"q 500 0 0 700 50 70 cm /Im1 Do Q"
    content = b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream"
    pdf = raw_pdf(text="", extra_objects=(img, content), extra_contents=(7,))
    return pdf.replace(b"/Font << /F1 4 0 R >>", b"/Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >>")


def pdf_zero_size_page() -> bytes:
    return raw_pdf(text="").replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 0 0]")


def tiff_many_frames(frames: int = 40) -> bytes:
    pages = [Image.new("L", (200, 280), 255) for _ in range(frames)]
    buf = io.BytesIO()
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:])
    return buf.getvalue()


def utf16_text() -> bytes:
    return LETTER.encode("utf-16")


def random_bytes() -> bytes:
    return random.Random(3).randbytes(50_000)
