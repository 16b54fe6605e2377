"""Born-digital A4 PDF with a real text layer, laid out like a printed letter.

The letter's ``.txt`` is the text as on paper. Layout rules:

- The first line of page 1 is the letterhead (bold, larger, accent colour); the rest of
  that first block (up to the first blank line) joins it when the block is short.
- A line whose text has runs separated by two or more spaces is a row of columns. The
  first column starts at the margin (plus the line's indent); middle columns start at
  their character offset in the ``.txt``; the last column is right-aligned at the right
  margin (a tab stop) when most last columns of its block look like numbers/amounts,
  so amount tables read as tables.
- Other lines wrap within the margins; bullets get a hanging indent.
- One PDF page per ``\\f`` page, plus a further page whenever a page overflows.

Every word is drawn once, in reading order, so a text extractor gives back the words
of the ``.txt`` in order.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
FAMILIES = {
    "LiberationSans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
ACCENTS = (
    (0.05, 0.18, 0.42),  # dark blue
    (0.0, 0.32, 0.30),  # dark teal
    (0.45, 0.05, 0.10),  # dark red
    (0.10, 0.10, 0.10),  # near black
)
INK = (0.08, 0.08, 0.08)
MARGIN = 2.5 * cm
FOOTER_BOTTOM = 1.1 * cm  # baseline of a page footer's last line
COLUMN_GAP_EM = 1.2
_RUN = re.compile(r"\S+(?: \S+)*")
_NUMBERISH = re.compile(
    r"[-+−€$()\s]*\d[\d.,\s]*(?:,-{1,2}|-)?\s*(?:EUR|euro|%)?\)?", re.IGNORECASE
)
_BULLET = re.compile(r"^(\s*(?:[-•*–·]|\d{1,2}[.)]|[a-z][.)])\s+)")


class FontMissingError(RuntimeError):
    """Raised when neither Liberation Sans nor DejaVu Sans is installed."""


@dataclass(frozen=True)
class Style:
    """Typography of one letter."""

    family: str
    size: float
    leading: float
    head_size: float
    accent: tuple[float, float, float]

    @property
    def regular(self) -> str:
        """Registered name of the regular face."""
        return self.family

    @property
    def bold(self) -> str:
        """Registered name of the bold face."""
        return self.family + "-Bold"


def _font_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        path = folder / name
        if path.is_file():
            return path
    return None


def available_families() -> list[str]:
    """Font families whose regular and bold faces are installed."""
    return [fam for fam, files in FAMILIES.items() if all(_font_file(f) for f in files)]


def register_fonts() -> list[str]:
    """Register the installed families with reportlab; return their names."""
    families = available_families()
    if not families:
        raise FontMissingError(
            "Install fonts-liberation2 or fonts-dejavu-core (Liberation Sans / DejaVu Sans)."
        )
    registered = set(pdfmetrics.getRegisteredFontNames())
    for fam in families:
        regular, bold = (_font_file(f) for f in FAMILIES[fam])
        if fam not in registered:
            pdfmetrics.registerFont(TTFont(fam, str(regular)))
        if fam + "-Bold" not in registered:
            pdfmetrics.registerFont(TTFont(fam + "-Bold", str(bold)))
    return families


def choose_style(rng: np.random.Generator) -> Style:
    """Pick font family, size (10–11 pt) and accent colour for one letter."""
    families = register_fonts()
    family = families[int(rng.integers(len(families)))]
    size = float(rng.choice([10.0, 10.5, 11.0]))
    return Style(
        family=family,
        size=size,
        leading=round(size * float(rng.uniform(1.28, 1.4)), 2),
        head_size=float(rng.choice([14.0, 15.0, 16.0, 17.0])),
        accent=ACCENTS[int(rng.integers(len(ACCENTS)))],
    )


@dataclass(frozen=True)
class _Run:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _runs(line: str) -> list[_Run]:
    return [_Run(m.start(), m.group()) for m in _RUN.finditer(line)]


def _is_numberish(text: str) -> bool:
    return _NUMBERISH.fullmatch(text) is not None


def _right_aligned_blocks(lines: list[str]) -> list[bool]:
    """Per line: right-align its last column? Decided per block of column rows."""
    flags = [False] * len(lines)
    i = 0
    while i < len(lines):
        if len(_runs(lines[i])) < 2:
            i += 1
            continue
        j = i
        while j < len(lines) and len(_runs(lines[j])) >= 2:
            j += 1
        lasts = [_runs(lines[k])[-1].text for k in range(i, j)]
        numeric = sum(_is_numberish(t) for t in lasts)
        decision = numeric * 2 >= len(lasts)
        for k in range(i, j):
            flags[k] = decision
        i = j
    return flags


@dataclass
class _Item:
    """One thing to draw: a blank line, a row of columns, or a paragraph of prose lines."""

    kind: str  # "blank" | "cols" | "para"
    lines: list[str]
    role: str = "body"  # "head1" (first letterhead line) | "head" | "body" | "footer"
    right_last: bool = False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _continues(prev: str, nxt: str, long_len: float) -> bool:
    """Is ``nxt`` the next line of the same paragraph as ``prev`` (which was wrapped)?"""
    if len(prev.rstrip()) < long_len or prev.rstrip().endswith(":") or _BULLET.match(nxt):
        return False
    bullet = _BULLET.match(prev)
    want = len(bullet.group(1)) if bullet else _indent(prev)
    return _indent(nxt) == want


def _items(lines: list[str], first_page: bool, long_len: float) -> list[_Item]:
    """Group a page's lines into drawable items (reading order is kept)."""
    head = _letterhead_count(lines) if first_page else 0
    footer_from = _footer_start(lines)
    right_flags = _right_aligned_blocks(lines)
    items: list[_Item] = []
    for i, line in enumerate(lines):
        role = "head1" if i == 0 and head else "head" if i < head else "body"
        if footer_from is not None and i >= footer_from:
            role = "footer"
        if not line.strip():
            items.append(_Item("blank", [], role))
        elif len(_runs(line)) >= 2:
            items.append(_Item("cols", [line], role, right_flags[i]))
        else:
            last = items[-1] if items else None
            if (
                last is not None
                and last.kind == "para"
                and last.role == role == "body"
                and _continues(last.lines[-1], line, long_len)
            ):
                last.lines.append(line)
            else:
                items.append(_Item("para", [line], role))
    return items


def _footer_start(lines: list[str]) -> int | None:
    """Index of a short last block set apart by two or more blank lines (a page footer)."""
    end = len(lines)
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    if start == 0 or end - start > 3:
        return None
    blanks = 0
    while start - blanks > 0 and not lines[start - blanks - 1].strip():
        blanks += 1
    if blanks < 2 or start - blanks == 0:
        return None
    return start


class _Writer:
    """Draws items top to bottom, starting a new page when one is full."""

    def __init__(self, pdf: canvas.Canvas, style: Style, unit: float, density: Density) -> None:
        self.pdf = pdf
        self.style = style
        self.unit = unit
        self.density = density
        self.width, self.height = A4
        self.left = MARGIN
        self.right = self.width - MARGIN
        self.top = self.height - density.top
        self.bottom = density.bottom
        self.y = self.top
        self.fresh = True  # nothing drawn on this page yet
        self.color: tuple[float, float, float] = INK
        self.txt_page = 1  # the .txt page being drawn (1-based)
        self.page_map = [1]  # per PDF page: the .txt page it shows (overflow repeats one)

    def new_page(self) -> None:
        self.pdf.showPage()
        self.page_map.append(self.txt_page)
        self.y = self.top
        self.bottom = self.density.bottom
        self.fresh = True

    def advance(self, dy: float) -> None:
        """Move down by ``dy`` for a line about to be drawn; break the page if needed."""
        if self.y - dy < self.bottom and not self.fresh:
            self.new_page()
        self.y -= dy
        self.fresh = False

    def blank(self, leading: float) -> None:
        if self.fresh:
            return
        leading *= self.density.blank
        if self.y - leading < self.bottom:
            self.new_page()
            return
        self.y -= leading

    def fits(self, x: float, text: str, font: str, size: float) -> bool:
        return x + pdfmetrics.stringWidth(text, font, size) <= self.right + 0.5

    def text(self, x: float, text: str, font: str, size: float) -> None:
        width = pdfmetrics.stringWidth(text, font, size)
        if x + width > self.right + 0.5:  # one unbreakable word wider than the line: shrink it
            size = size * max(self.right - x, 1.0) / width * 0.98
        self.pdf.setFont(font, size)
        self.pdf.setFillColorRGB(*self.color)  # a page break resets the graphics state
        self.pdf.drawString(x, self.y, text)

    def para(self, lines: list[str], font: str, size: float, leading: float) -> None:
        """Draw prose lines as they are on paper; re-wrap the paragraph if one is too wide."""
        x0 = self.left + _indent(lines[0]) * self.unit
        bullet = _BULLET.match(lines[0])
        hang = x0
        if bullet:
            hang = x0 + pdfmetrics.stringWidth(bullet.group(1).strip() + " ", font, size)
        xs = [x0] + [hang if bullet else self.left + _indent(ln) * self.unit for ln in lines[1:]]
        if all(self.fits(x, ln.strip(), font, size) for x, ln in zip(xs, lines)):
            for x, ln in zip(xs, lines):
                self.advance(leading)
                self.text(x, ln.strip(), font, size)
            return
        self.wrap(" ".join(ln.strip() for ln in lines), x0, hang, font, size, leading)

    def wrap(
        self, text: str, x0: float, hang: float, font: str, size: float, leading: float
    ) -> None:
        lines = _wrap_lines(text, self.right - x0, self.right - hang, font, size)
        for k, line in enumerate(lines):
            self.advance(leading)
            self.text(x0 if k == 0 else hang, line, font, size)

    def columns(self, line: str, font: str, size: float, leading: float, right_last: bool) -> None:
        """A row of columns: start offsets from the text; the last one maybe at the tab stop."""
        runs = _runs(line)
        widths = [pdfmetrics.stringWidth(r.text, font, size) for r in runs]
        space = pdfmetrics.stringWidth(" ", font, size)
        xs: list[float] = []
        for k, run in enumerate(runs):
            x = self.left + run.start * self.unit
            if k == len(runs) - 1 and right_last:
                x = self.right - widths[k]
            if k:
                after = xs[-1] + widths[k - 1]
                if run.start - runs[k - 1].end <= 2 and not (k == len(runs) - 1 and right_last):
                    x = after + 2 * space  # "1234 AB  Plaats": a double space, not a column
                else:
                    x = max(x, after + COLUMN_GAP_EM * size)
            xs.append(x)
        if xs[-1] + widths[-1] > self.right + 0.5:
            # Too wide: set the columns one after the other; wrap as prose if still too wide.
            x = self.left + runs[0].start * self.unit
            xs = []
            for w in widths:
                xs.append(x)
                x += w + COLUMN_GAP_EM * size
            if xs[-1] + widths[-1] > self.right + 0.5:
                start = self.left + runs[0].start * self.unit
                self.wrap(" ".join(r.text for r in runs), start, start, font, size, leading)
                return
        self.advance(leading)
        for k, run in enumerate(runs):
            self.text(xs[k], run.text, font, size)

    def rule(self, color: tuple[float, float, float]) -> None:
        self.pdf.setStrokeColorRGB(*color)
        self.pdf.setLineWidth(0.8)
        y = self.y - 0.35 * self.style.leading
        self.pdf.line(self.left, y, self.right, y)
        self.y = y - 0.4 * self.style.leading

    def to_footer(self, items: list[_Item], font: str, size: float, leading: float) -> None:
        """Move into the footer zone: the footer's last line ends ~1 cm above the paper's edge."""
        n = 0
        for item in items:
            if item.kind != "blank":
                text = " ".join(" ".join(r.text for r in _runs(ln)) for ln in item.lines)
                x0 = self.left + _indent(item.lines[0]) * self.unit
                n += len(_wrap_lines(text, self.right - x0, self.right - x0, font, size))
        self.bottom = FOOTER_BOTTOM - 1
        target = FOOTER_BOTTOM + (n - 1) * leading  # baseline of the footer's first line
        if self.y - leading >= target:
            self.y = target + leading


def _wrap_lines(text: str, first: float, rest: float, font: str, size: float) -> list[str]:
    """Greedy word wrap: the first line may be ``first`` points wide, the others ``rest``."""
    space = pdfmetrics.stringWidth(" ", font, size)
    out: list[str] = []
    current: list[str] = []
    width = 0.0
    for word in text.split():
        w = pdfmetrics.stringWidth(word, font, size)
        needed = w if not current else width + space + w
        if current and needed > (rest if out else first):
            out.append(" ".join(current))
            current, width = [word], w
        else:
            current.append(word)
            width = needed
    if current:
        out.append(" ".join(current))
    return out


def _strip_blank_edges(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _letterhead_count(lines: list[str]) -> int:
    """The first line is the letterhead; a short first block (≤ 3 lines) joins it."""
    if not lines:
        return 0
    block = 0
    while block < len(lines) and lines[block].strip():
        block += 1
    return block if block <= 3 else 1


def _prose_lengths(page_lines: list[list[str]]) -> list[int]:
    return [
        len(ln.rstrip())
        for lines in page_lines
        for ln in lines
        if ln.strip() and len(_runs(ln)) < 2 and len(ln.rstrip()) <= 100
    ]


def fit_style(style: Style, pages: list[str]) -> Style:
    """Shrink the type (down to 10 pt, then the narrower family) so paper lines fit."""
    page_lines = [_strip_blank_edges(p.expandtabs(8).split("\n")) for p in pages]
    prose = [
        ln.strip()
        for lines in page_lines
        for ln in lines
        if ln.strip() and len(_runs(ln)) < 2 and len(ln.rstrip()) <= 100
    ]
    if not prose:
        return style
    register_fonts()
    avail = A4[0] - 2 * MARGIN
    families = [style.family] + [f for f in available_families() if f != style.family]
    sizes = [s for s in (style.size, 10.5, 10.0) if s <= style.size]
    # measure the widest ~95th-percentile line, so one odd long line does not decide
    for family in families:
        for size in sizes:
            widths = sorted(pdfmetrics.stringWidth(t, family, size) for t in prose)
            if widths[int(0.95 * (len(widths) - 1))] <= avail:
                lead = round(size * style.leading / style.size, 2)
                return Style(family, size, lead, style.head_size, style.accent)
    return style


@dataclass(frozen=True)
class Density:
    """How tightly a letter is set: blank-line height (share of a line) and top/bottom margins."""

    name: str
    blank: float
    top: float
    bottom: float
    leading: float | None = None  # line height as a multiple of the font size; None: the style's
    max_size: float | None = None  # cap on the body font size


DENSITIES = (
    Density("normal", 1.0, 2.5 * cm, 2.5 * cm),
    Density("compact", 0.75, 2.2 * cm, 2.2 * cm, 1.25),
    Density("tight", 0.55, 2.0 * cm, 1.8 * cm, 1.18),
    Density("dense", 0.5, 1.8 * cm, 1.5 * cm, 1.15, 10.0),
)


def layout_pdf(pages: list[str], style: Style) -> tuple[bytes, dict[str, object]]:
    """Typeset a letter like a sender would: as loose as still fits its pages.

    Tries the densities from loose to tight and keeps the first that needs no more PDF
    pages than the ``.txt`` has; if none does, the tightest (a page then overflows onto
    a further page). Returns the PDF bytes and what was chosen, for the manifest.
    """
    style = fit_style(style, pages)
    chosen, page_map = b"", []
    density = DENSITIES[-1]
    for density in DENSITIES:
        size = min(style.size, density.max_size or style.size)
        leading = style.leading * size / style.size
        if density.leading is not None:
            leading = round(size * density.leading, 2)
        st = Style(style.family, size, leading, style.head_size, style.accent)
        chosen, page_map = build_pdf(pages, st, density)
        if len(page_map) <= len(pages):
            break
    info = {
        "font": style.family,
        "size_pt": min(style.size, density.max_size or style.size),
        "density": density.name,
        "pages": len(page_map),
        "txt_pages": len(pages),
        "page_map": page_map,
    }
    return chosen, info


def build_pdf(
    pages: list[str], style: Style, density: Density = DENSITIES[0]
) -> tuple[bytes, list[int]]:
    """Lay out ``pages`` (the ``.txt`` split on form feeds).

    Returns the PDF bytes and, per PDF page, the (1-based) ``.txt`` page it shows.
    """
    register_fonts()
    page_lines = [_strip_blank_edges(p.expandtabs(8).split("\n")) for p in pages]
    table_len = [len(ln.rstrip()) for lines in page_lines for ln in lines if len(_runs(ln)) >= 2]
    unit = (A4[0] - 2 * MARGIN) / max([72, *table_len])
    prose = sorted(_prose_lengths(page_lines)) or [72]
    long_len = 0.7 * prose[int(0.95 * (len(prose) - 1))]

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    pdf.setCreator("snapdebrief sample generator")
    writer = _Writer(pdf, style, unit, density)
    foot_size = 8.0
    foot_lead = 10.0
    for page_no, lines in enumerate(page_lines):
        if page_no:
            writer.txt_page = page_no + 1
            writer.new_page()
        items = _items(lines, page_no == 0, long_len)
        footer_seen = False
        for k, item in enumerate(items):
            if item.role == "footer":
                if item.kind == "blank":
                    continue
                if not footer_seen:
                    writer.to_footer(items[k:], style.regular, foot_size, foot_lead)
                    footer_seen = True
                writer.color = (0.35, 0.35, 0.35)
                font, size, lead = style.regular, foot_size, foot_lead
            elif item.role in ("head1", "head"):
                writer.color = style.accent
                size = style.head_size if item.role == "head1" else style.size + 1
                font, lead = style.bold, size * 1.3
            else:
                writer.color = INK
                font, size, lead = style.regular, style.size, style.leading
            if item.kind == "blank":
                writer.blank(style.leading)
            elif item.kind == "cols":
                writer.columns(item.lines[0], font, size, lead, item.right_last)
            else:
                writer.para(item.lines, font, size, lead)
            is_last_head = item.role.startswith("head") and (
                k + 1 == len(items) or not items[k + 1].role.startswith("head")
            )
            if is_last_head:
                writer.rule(style.accent)
    pdf.showPage()
    pdf.save()
    return buf.getvalue(), writer.page_map
