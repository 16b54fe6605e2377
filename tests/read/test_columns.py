"""Two-column pages are read one column at a time; tables stay rows (read/columns.py)."""

from __future__ import annotations

import pytest

from snapdebrief.read.columns import split_columns
from snapdebrief.result import Word

SIDE = """\
Geachte mevrouw Visser,                                +---------------------------+
                                                       | Datum                     |
Op 25 augustus 2026 hebben wij u een boete             | 13-10-2026                |
gestuurd. De uiterste betaaldatum was verlopen en      |                           |
wij hebben uw betaling niet op tijd ontvangen.         | Betaal vóór of op         |
                                                       | 10-11-2026                |
Betaal dit bedrag uiterlijk op dinsdag                 |                           |
10 november 2026. De betaalgegevens staan              | Naar rekening             |
in het vak rechts van deze tekst.                      | NL15 INGB 2408 3166 23    |
                                                       +---------------------------+
Met vriendelijke groet,
"""

PLAIN_SIDE = """\
Uitnodiging spreekuur verzekeringsarts                  Datum
                                                        4 januari 2027
U bent sinds 2 november 2026 ziek en u krijgt een       Ons kenmerk
Ziektewet-uitkering van UWV. Wij willen weten hoe       ZW/BRD/27/00318
het nu met u gaat en wat u nog kunt. Daarom             Telefoon
nodigen wij u uit voor een gesprek met een              088 - 898 20 01
verzekeringsarts bij ons op het kantoor in Breda.       Bijlagen
                                                        vragenlijst
"""

TABLE = """\
Uw gegevens
Naam                                        F. Mahabier
Geboortedatum                               03-09-1987
Vermogen op 1 januari 2026 was              onder de grens
Gegevens van de huurwoning zijn             Bijlmerdreef 1104, Amsterdam
Servicekosten die meetellen voor u          € 29,78
Huur voor de huurtoeslag is nu              € 742,18
"""

AMOUNTS = """\
Wij hebben de volgende bedragen nog niet van u ontvangen:
  Factuur 2026-0113 van januari voor de contributie         € 39,95
  Factuur 2026-0288 van februari voor de contributie        € 39,95
  Factuur 2026-0301 van maart voor de contributie           € 39,95
  Factuur 2026-0417 van april voor de contributie           € 39,95
  Factuur 2026-0522 van mei voor de contributie             € 39,95
"""


def test_side_column_goes_after_the_body() -> None:
    text, _ = split_columns(SIDE)
    assert "Betaal dit bedrag uiterlijk op dinsdag\n10 november 2026." in text
    assert "Datum\n13-10-2026\nBetaal vóór of op\n10-11-2026" in text
    assert "|" not in text and "Met vriendelijke groet," in text
    assert text.index("in het vak rechts") < text.index("Datum")


def test_unboxed_side_column() -> None:
    text, _ = split_columns(PLAIN_SIDE)
    assert "Datum\n4 januari 2027\nOns kenmerk\nZW/BRD/27/00318" in text
    assert "Wij willen weten hoe\nhet nu met u gaat" in text


@pytest.mark.parametrize("page", [pytest.param(TABLE, id="key-value-table"),
                                  pytest.param(AMOUNTS, id="amount-rows"),
                                  pytest.param("", id="empty"),
                                  pytest.param("Geachte heer,\n\nKort.\n", id="plain-letter")])
def test_tables_and_plain_pages_stay_as_they_are(page: str) -> None:
    assert split_columns(page)[0] == page


def test_ocr_words_move_with_their_text() -> None:
    words = []
    for token in ("dinsdag", "13-10-2026", "NL15", "rechts"):
        start = SIDE.index(token)
        words.append(Word(start, start + len(token), (0.0, 0.0, 1.0, 1.0), 90.0))
    text, moved = split_columns(SIDE, words)
    assert [text[w.start : w.end] for w in moved] == ["dinsdag", "13-10-2026", "NL15", "rechts"]


def test_border_right_after_the_left_text() -> None:
    """A line whose left text runs up to the border ("… voor     |") still fits the gutter."""
    page = "\n".join(line[: line.index("|") + 1] if line.endswith("|                           |")
                     else line for line in SIDE.split("\n"))
    assert page.count("|\n") >= 3
    assert "Datum\n13-10-2026" in split_columns(page)[0]


def test_a_table_boxed_on_both_sides_stays_rows() -> None:
    page = ("+------------------------------------------+--------------------+\n"
            "| Periode                                  | Bedrag             |\n"
            "+------------------------------------------+--------------------+\n"
            "| Per maand in 2027                        | € 287              |\n"
            "| Per maand in 2026 (ter vergelijking)     | € 271              |\n"
            "| Totaal voorschot 2027 (12 maanden)       | € 3.444            |\n"
            "| Geschat inkomen 2027 (uw huishouden)     | € 23.900           |\n"
            "| Aantal bewoners op uw adres              | een                |\n"
            "| Toeslagpartner volgens onze gegevens     | geen               |\n"
            "| Uw woning staat op het adres             | Kerkstraat 1       |\n"
            "+------------------------------------------+--------------------+\n")
    assert split_columns(page)[0] == page


def test_side_column_a_few_characters_off_line_by_line() -> None:
    """Text laid out from a proportional font or OCR does not keep a column to the character."""
    page = ("Geachte mevrouw Visser,                                  Datum\n"
            "Op 25 augustus 2026 hebben wij u een boete             13-10-2026\n"
            "gestuurd van de RDW. De boete is opgelegd omdat de       Betaal vóór of op\n"
            "APK van uw auto met kenteken 71-SVN-3 was              10-11-2026\n"
            "verlopen. Betaal dit bedrag uiterlijk op dinsdag         Naar rekening\n"
            "10 november 2026. De betaalgegevens staan                NL15 INGB 2408 3166 23\n"
            "in het vak rechts van deze tekst op de brief.          CJIB-nummer\n"
            "                                                         4658 9405 9198 4798\n")
    text = split_columns(page)[0]
    assert "uiterlijk op dinsdag\n10 november 2026." in text
    assert "Datum\n13-10-2026\nBetaal vóór of op\n10-11-2026" in text
