"""Wordings first met in blind batches 77–80 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_tax_computations_box_total_is_a_step() -> None:
    letter = """Belastingdienst
Dagtekening 10 januari 2026
Voorlopige aanslag inkomstenbelasting 2026

  Tarief 1e schijf 35,75% over € 30.000                   € 10.725
  Totaal box 1                                            € 10.725
  Af: algemene heffingskorting                             € 2.000
  Af: verwachte ingehouden loonheffing                     € 7.925
  Voorlopige aanslag (te betalen)                          € 800

  1e termijn   28 februari 2026   € 400
  2e termijn   31 maart 2026      € 400
  Totaal                          € 800
"""
    assert _explain(letter)["amount_due"] == 800.0


def test_a_part_of_the_sum_in_brackets_is_no_sum() -> None:
    letter = """Van: Lampenhuis <service@lampenhuis.nl>
Datum: 2 maart 2026
Onderwerp: herinnering bestelling 4471

  Hanglamp                                    € 59,95
  Verzendkosten                               €  4,95
  Nog te betalen                              € 64,90
  (waarvan btw 21%: € 11,26)

Wil je het bedrag binnen 7 dagen na de datum van deze mail overmaken naar NL20 INGB 0001 2345 67?
"""
    assert _explain(letter)["amount_due"] == 64.9


def test_a_creditors_own_account_no_longer_accepted_is_not_the_one_to_pay() -> None:
    letter = """Incassobureau Kamp
Datum: 3 maart 2026
Betreft: aanmaning

Betaal het bedrag van € 210,00 vóór 17 maart 2026 op onze derdengeldenrekening, onder
vermelding van het betalingskenmerk. Betalingen op het rekeningnummer van cliënte
(NL91 ABNA 0417 1643 00) worden niet langer aanvaard.
-----------------------------------------------------------------------
Rekening begunstigde:    NL44 RABO 0123 4567 89
"""
    assert _explain(letter)["iban"] == "NL44RABO0123456789"


def test_the_last_instalment_is_no_deadline() -> None:
    letter = """Dienst Toeslagen
Datum 14 juli 2026
Betreft: u moet huurtoeslag terugbetalen

U moet € 1.200 terugbetalen in 24 termijnen van € 50.
  Eerste termijn uiterlijk op         1 september 2026
  Laatste termijn                     1 augustus 2028
Maak het bedrag over naar NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-09-01"


def test_what_happens_if_it_does_not_work_out_is_a_case() -> None:
    letter = """UWV
Datum 13 november 2026
Betreft: u moet WW terugbetalen

Betaal € 800,00 binnen zes weken na de datum van deze brief op NL20 INGB 0001 2345 67.
Belangrijk: lukt het niet om vóór 31 december 2026 te betalen, dan verandert het bedrag.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-12-25"


def test_a_sum_of_months_in_one_sentence_is_the_one_asked() -> None:
    letter = """Zorgverzekeraar Kompas
Datum: 2 september 2026
Betreft: tweede herinnering premie

U heeft de premie over juli en augustus 2026 nog niet betaald.
Het gaat om 2 x € 150,00 = € 300,00. Wilt u dit bedrag uiterlijk 30 september 2026
betalen op NL20 INGB 0001 2345 67?
"""
    assert _explain(letter)["amount_due"] == 300.0
