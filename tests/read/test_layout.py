"""OCR words back into rows and columns as on paper; the label misreads put right."""

from __future__ import annotations

import pytest

from snapdebrief.read.layout import OcrWord, lay_out, rows
from snapdebrief.read.misreads import fix_word
from snapdebrief.read.ocr import assemble

CW = 10.0  # px per character in these made-up pages


def _w(text: str, col: float, row: float, line: tuple[int, int, int]) -> OcrWord:
    """A word at character column `col` of text row `row` (rows 30 px apart, letters 20 px)."""
    x, y = col * CW, row * 30.0
    return OcrWord(text, (x, y, x + len(text) * CW, y + 20), 90.0, line)


def test_a_table_read_as_two_blocks_comes_back_row_by_row() -> None:
    # Tesseract read the labels as block 1 and the amounts as block 2
    words = [
        _w("Boete", 0, 0, (1, 1, 1)), _w("Kosten", 0, 1, (1, 1, 2)),
        _w("€", 30, 0, (2, 1, 1)), _w("110,00", 32, 0, (2, 1, 1)),
        _w("€", 30, 1, (2, 1, 2)), _w("55,00", 32, 1, (2, 1, 2)),
    ]
    text, _ = lay_out(words)
    assert [" ".join(r.split()) for r in text.splitlines()] == ["Boete € 110,00", "Kosten € 55,00"]
    assert "Boete  " in text  # a column gap stays a run of spaces


def test_table_cells_line_up_under_their_header() -> None:
    words = [
        _w("Dagtekening", 0, 0, (1, 1, 1)), _w("Uiterste", 20, 0, (1, 1, 1)),
        _w("betaaldatum", 29, 0, (1, 1, 1)),
        _w("28-02-2026", 0, 1, (2, 1, 1)), _w("30-04-2026", 20, 1, (3, 1, 1)),
    ]
    head, cells = lay_out(words)[0].splitlines()
    assert head.index("Uiterste") == cells.index("30-04-2026")


def test_word_spans_point_at_the_words() -> None:
    words = [_w("Betaal", 0, 0, (1, 1, 1)), _w("vóór", 7, 0, (1, 1, 1)),
             _w("9", 0, 3, (2, 1, 1)), _w("april", 2, 3, (2, 1, 1))]
    text, spans = lay_out(words)
    assert [text[s:e] for s, e in spans] == ["Betaal", "vóór", "9", "april"]
    assert "vóór\n\n9 april" in text  # a wide gap between rows is a blank line
    assert "Betaal vóór" in text  # an ordinary word space stays one space


def test_lines_that_overlap_across_stay_apart() -> None:
    # two Tesseract lines at the same height but over each other (a stamp over text)
    words = [_w("aaaa", 0, 0, (1, 1, 1)), _w("bbbb", 2, 0.2, (2, 1, 1))]
    assert len(rows(words)) == 2


def test_assemble_keeps_offsets_and_confidence() -> None:
    data = {
        "text": ["", "C|IB-nummer:", "1062", "Bedrag", "€", "165,00"],
        "left": [0, 0, 130, 0, 300, 320], "top": [0, 0, 0, 40, 40, 40],
        "width": [0, 120, 40, 60, 10, 60], "height": [0, 20, 20, 20, 20, 20],
        "conf": [-1, 80, 90, 95, 90, 95],
        "block_num": [1, 1, 1, 2, 3, 3], "par_num": [0, 1, 1, 1, 1, 1],
        "line_num": [0, 1, 1, 1, 1, 1],
    }
    text, words, conf = assemble(data)
    assert [text[w.start:w.end] for w in words] == ["CJIB-nummer:", "1062", "Bedrag", "€", "165,00"]
    assert [r.split() for r in text.splitlines() if r][1] == ["Bedrag", "€", "165,00"]
    assert conf == pytest.approx(90.0)


@pytest.mark.parametrize(("read", "want"), [
    pytest.param("C|IB-nummer:", "CJIB-nummer:", id="bar_for_J"),
    pytest.param("CJlIB-nummer", "CJIB-nummer", id="J_as_two_strokes"),
    pytest.param("CJ1B", "CJIB", id="one_for_I"),
    pytest.param("|BAN", "IBAN", id="bar_for_I"),
    pytest.param("lBAN:", "IBAN:", id="l_for_I"),
    pytest.param("CJIB", "CJIB", id="right_already"),
    pytest.param("cjib", "cjib", id="lower_case_kept"),
    pytest.param("Libanon", "Libanon", id="other_word"),
    pytest.param("Jan", "Jan", id="name"),
    pytest.param("|.", "|.", id="lone_bar"),
    pytest.param("CLIB", "CLIB", id="L_is_no_stroke"),
])
def test_label_misreads(read: str, want: str) -> None:
    assert fix_word(read) == want


def test_loose_line_spacing_is_no_paragraph_break() -> None:
    # rows 1.8 letter heights apart, one skipped row: only the skip is a blank line
    words = [_w(f"regel{i}", 0, r * 1.2, (1, 1, i)) for i, r in enumerate([0, 1, 2, 3, 5, 6])]
    assert lay_out(words)[0] == "regel0\nregel1\nregel2\nregel3\n\nregel4\nregel5"

