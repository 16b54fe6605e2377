"""Fill-in lines (rows of dots and dashes) read off real rendered pages, and the whole read of a
form with them: Tesseract alone drops them and the words beside them."""

from __future__ import annotations

import io
import itertools

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


def test_a_row_whose_dashes_mostly_ran_together_keeps_its_count() -> None:
    """A soft photo joins most dashes of a typed row into bars of two to four (the samples'
    rough photos: ~12 of 78 dashes left alone); the row keeps its step, so it is counted."""
    import cv2

    page = _page(["-" * 70, "Met vriendelijke groet,"], FONTS["liberation"], 300).copy()
    _, ink = cv2.threshold(page[:400], 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    boxes = sorted(cv2.boundingRect(c) for c in cv2.findContours(ink, cv2.RETR_EXTERNAL,
                                                                 cv2.CHAIN_APPROX_SIMPLE)[0])
    flat = [b for b in boxes if b[2] > 2 * b[3]]
    dashes = [b for b in flat if abs(b[1] - min(f[1] for f in flat)) < 10]  # the first row
    assert len(dashes) == 70
    rng = np.random.default_rng(3)
    run = 0
    for a, b in itertools.pairwise(dashes):  # join a dash to the next, up to 4 in a bar
        run = run + 1 if run < 3 and rng.random() < 0.8 else 0
        if run:
            page[a[1]:a[1] + a[3], a[0] + a[2]:b[0]] = 30
    _, ink = cv2.threshold(page[:400], 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    marks = [cv2.boundingRect(c)[2] for c in cv2.findContours(ink, cv2.RETR_EXTERNAL,
                                                              cv2.CHAIN_APPROX_SIMPLE)[0]]
    singles = sum(1 for w in marks if w < 1.5 * dashes[0][2])
    assert singles < 0.25 * 70  # too few alone for the single-dash rule
    found = find_leaders(page)
    assert len(found) == 1 and found[0].text == "-" * 70


def test_a_soft_photo_reads_its_typed_row_of_dashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The samples' rough photo of a letter with a typed row of 78 dashes above its footer
    (samples/gen/rough.py, seed 7; a chat photo, blur σ 1.4 px at 12 MP): most dashes ran
    together, and the row was painted out as a ruled line (page CER 6.1 %)."""
    from pathlib import Path

    from samples.gen import pdf, photo, raster, rough
    from samples.gen.seeding import rng_for
    from samples.gen.text import page_texts
    from snapdebrief.evaluate import cer
    from snapdebrief.read import leaders

    letter = "belasting-aanslag-03-ib-2025-teruggaaf"
    root = Path(__file__).resolve().parents[2]
    pages = page_texts(root / "samples" / "letters" / f"{letter}.txt")
    pdf_bytes, _ = pdf.layout_pdf(pages, pdf.choose_style(rng_for(7, letter, 0, "pdf")))
    gray = raster.render_pages(pdf_bytes, photo.PHOTO_DPI)[0]
    rng = rng_for(7, letter, 1, "rough")
    data = rough.render_rough(gray, rough.plan_rough(rng, (gray.shape[1], gray.shape[0])), rng)
    after = read_document([data], Options(workers=1)).pages[0].text
    monkeypatch.setattr(leaders, "_run_together", lambda run, size: None)
    before = read_document([data], Options(workers=1)).pages[0].text
    assert "-" * 78 in pages[0] and "-" * 78 in after and "-" * 20 not in before
    assert cer(pages[0], after) < 0.02
    assert cer(pages[0], before) > 0.05


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
