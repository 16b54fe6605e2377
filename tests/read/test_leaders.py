"""Fill-in lines (rows of dots and dashes) read off real rendered pages, and the whole read of a
form with them: Tesseract alone drops them and the words beside them."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from snapdebrief.options import Options
from snapdebrief.read import read_document
from snapdebrief.read.leaders import Leader, find_leaders, paint_out, turned
from snapdebrief.read.misreads import fix_word
from tests.conftest import FONT

FONTS = {
    "dejavu": FONT,
    "liberation": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
}

FORM = [
    ("ANTWOORDFORMULIER BETALINGSREGELING", []),
    ("Naam                    E. van Leeuwen", []),
    ("Geboortedatum       ....... - ....... - ............", ["....... - ....... - ............"]),
    ("IBAN voor afschrijving  ...........................", ["..........................."]),
    ("Datum .........................    Handtekening ..................................",
     [".........................", ".................................."]),
    ("- - - - - - - - - - - - - - - - - - - - knip hier - - - - - - - - - - - - -",
     ["- - - - - - - - - - - - - - - - - - - -", "- - - - - - - - - - - - -"]),
    ("[ ] ja, € .................. per maand", [".................."]),
    # no fill-in line: full stops, an ellipsis, dotted numbers and addresses, a dash
    ("Wij wachten... Betaal € 1.234,56 op 01-02-2026 - zie www.cjib.nl of 0800 - 1234.", []),
    ("Kenmerk 2025.11.873.H.56 en ook een i.v.m. a.u.b. z.s.m. graag.", []),
]


def _page(lines: list[str], font_file: str, dpi: int, size_pt: float = 10.5) -> np.ndarray:
    """A white A4 page with the lines from a 25 mm margin, one line each 1.5 lines apart."""
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_file, round(size_pt / 72 * dpi))
    x = y = round(25 / 25.4 * dpi)
    for line in lines:
        draw.text((x, y), line, fill=30, font=font)
        y += round(size_pt * 2.2 / 72 * dpi)
    return np.asarray(img)


def _rows(leaders: list[Leader]) -> list[list[str]]:
    """Leader texts grouped by row, top to bottom and left to right."""
    by_row: dict[int, list[Leader]] = {}
    for lead in sorted(leaders, key=lambda lead: lead.box[1]):
        key = next((k for k in by_row if abs(k - lead.box[3]) < 20), lead.box[3])
        by_row.setdefault(key, []).append(lead)
    return [[lead.text for lead in sorted(row, key=lambda lead: lead.box[0])]
            for _, row in sorted(by_row.items())]


@pytest.mark.parametrize("dpi", [300, 200])
@pytest.mark.parametrize("font", sorted(FONTS))
def test_each_fill_in_line_is_found_with_its_exact_marks(font: str, dpi: int) -> None:
    page = _page([line for line, _ in FORM], FONTS[font], dpi)
    assert _rows(find_leaders(page)) == [want for _, want in FORM if want]


def test_a_page_of_plain_text_has_no_fill_in_lines() -> None:
    from tests.read.makers import PARAGRAPHS, page

    assert find_leaders(page(PARAGRAPHS, dpi=300)) == []


def test_a_blank_page_has_none() -> None:
    assert find_leaders(np.full((3300, 2300), 235, np.uint8)) == []


def test_painting_out_leaves_paper_where_the_marks_were() -> None:
    page = _page(["Datum .........................  klaar"], FONTS["dejavu"], 300)
    leaders = find_leaders(page)
    out = paint_out(page, leaders, 255)
    x0, y0, x1, y1 = leaders[0].box
    assert (out[y0:y1 + 1, x0:x1 + 1] == 255).all()
    assert (out < 128).sum() > 0.5 * (page < 128).sum()  # the words stay


def test_half_a_turn_moves_the_boxes_and_reverses_the_marks() -> None:
    lead = Leader("... -", (10, 20, 110, 30))
    assert turned([lead], 180, (1000, 2000)) == [Leader("- ...", (890, 1970, 990, 1980))]
    assert turned([lead], 90, (1000, 2000)) == []
    assert turned([lead], 0, (1000, 2000)) == [lead]


def _png(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


FORM_LETTER = """Zilveren Kruis
Postbus 444
2300 AK Leiden

Stuur dit formulier voor 15 januari 2027 terug.

Relatienummer           184220917
Geboortedatum           ....... - ....... - ............
IBAN voor afschrijving  ...........................
[ ] Ja, ik ga akkoord met de betalingsregeling van 5 maanden.
[ ] ja, € .................. per maand

Datum .........................    Handtekening ..................................
"""


@pytest.mark.parametrize("font", sorted(FONTS))
def test_a_scanned_form_reads_its_fill_in_lines_and_the_words_beside_them(font: str) -> None:
    page = _page(FORM_LETTER.splitlines(), FONTS[font], 300)
    doc = read_document([_png(page)], Options(workers=1))
    lines = [" ".join(line.split()) for line in doc.pages[0].text.splitlines() if line.strip()]
    assert "Geboortedatum ....... - ....... - ............" in lines
    assert "IBAN voor afschrijving ..........................." in lines
    assert any(line.endswith("ja, € .................. per maand") for line in lines)
    assert "Datum ......................... Handtekening .................................." in lines
    # the marks were not Tesseract's reading: no confidence of theirs counts
    dotted = [w for w in doc.pages[0].words if set(doc.pages[0].text[w.start:w.end]) <= {".", "-", " "}]
    assert dotted and all(w.conf == -1 for w in dotted)


def test_without_the_step_tesseract_loses_them() -> None:
    """What the step is for: the same page with `leaders` switched off reads worse."""
    page = _page(FORM_LETTER.splitlines(), FONTS["dejavu"], 300)
    steps = tuple(s for s in Options().preprocess if s != "leaders")
    doc = read_document([_png(page)], Options(workers=1, preprocess=steps))
    assert "Datum ......................... Handtekening" not in " ".join(doc.pages[0].text.split())


@pytest.mark.parametrize(("read", "fixed"), [
    ("“Opgave", '"Opgave'), ("woonsituatie”", 'woonsituatie"'), ("auto’s", "auto's"),
    ("„Let", '"Let'), ("[]", "[ ]"), ("O1.", "01."), ("2O26", "2026"), ("1O,OO", "10,00"),
    ("NLO5", "NL05"), ("NLO5ABNA33130941O5", "NL05ABNA3313094105"), ("OOK", "OOK"), ("Oost", "Oost"),
    ("NOOR", "NOOR"), ("1o", "10"), ("foto", "foto"), ("[]Ja,", "[ ] Ja,"), ("[x]", "[x]"), ("C|IB-nummer:", "CJIB-nummer:"),
])
def test_ocr_marks_are_put_as_typed(read: str, fixed: str) -> None:
    assert fix_word(read) == fixed


def test_dashes_run_together_are_counted_by_the_rows_own_step() -> None:
    import cv2

    page = _page(["-" * 70, "Met vriendelijke groet,"], FONTS["liberation"], 300)
    grown = cv2.erode(page, np.ones((1, 5), np.uint8))  # dark spreads: neighbours touch
    merged = page.copy()
    merged[:, 900:1500] = grown[:, 900:1500]  # as a photo's blur does to part of the row
    _, ink = cv2.threshold(merged[:400], 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    widths = [cv2.boundingRect(c)[2] for c in cv2.findContours(ink, cv2.RETR_EXTERNAL,
                                                               cv2.CHAIN_APPROX_SIMPLE)[0]]
    assert max(widths) > 300  # one bar of about 30 dashes
    found = find_leaders(merged)
    assert len(found) == 1 and set(found[0].text) == {"-"}
    assert abs(len(found[0].text) - 70) <= 1


def test_a_ruled_line_with_specks_along_it_is_no_row_of_dashes() -> None:
    page = _page(["Aanslag gemeentelijke belastingen 2026"] * 3, FONTS["dejavu"], 300).copy()
    y = 600
    page[y:y + 4, 300:2200] = 30  # a ruled line
    for x in (2230, 2260, 2290, 2320):  # and a few specks of dust beyond it
        page[y:y + 4, x:x + 4] = 30
    assert find_leaders(page) == []


def test_a_photographed_form_reads_its_fill_in_lines() -> None:
    from tests.read import makers as M

    shot = M.photo(M.page(FORM_LETTER, dpi=200), M.corners((1500, 2000), 0.82, 4.0), tone=80)
    doc = read_document([M.jpeg(shot)], Options(workers=1))
    lines = [" ".join(line.split()) for line in doc.pages[0].text.splitlines() if line.strip()]
    assert "Geboortedatum ....... - ....... - ............" in lines
    assert "IBAN voor afschrijving ..........................." in lines
    assert "Datum ......................... Handtekening .................................." in lines


def test_a_page_inside_a_dark_frame_still_has_its_fill_in_lines() -> None:
    """A scan with a black border all round: every mark lies inside the frame's hole."""
    page = _page([line for line, _ in FORM], FONTS["dejavu"], 300).copy()
    page[:40, :] = page[-40:, :] = page[:, :40] = page[:, -40:] = 0
    assert _rows(find_leaders(page)) == [want for _, want in FORM if want]
