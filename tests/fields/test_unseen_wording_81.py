"""Wordings first met in blind batches 81–84 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_step_carried_to_another_page_is_no_sum_asked() -> None:
    letter = """Belastingdienst
Dagtekening 2 juni 2026
Aanslag inkomstenbelasting 2025

| na aftrek van ingehouden loonheffing (zie blad 2)         |  € 2.000  |
| Af: voorlopige aanslag 2025                               |  € 1.600  |
| Nog te betalen belasting                                  |    € 400  |
| Belastingrente                                            |     € 12  |
| TE BETALEN                                                |    € 412  |
Betaal uiterlijk 31 juli 2026 op NL31 BNGH 0285 0011 22.
\f
Blad 2
| Verschuldigd                                              |  € 6.000  |
| Af: ingehouden loonheffing                                |  € 4.000  |
| Saldo (overgenomen op blad 1)                             |  € 2.000  |
"""
    assert _explain(letter)["amount_due"] == 412.0


def test_old_style_what_remains_charged_to_the_reader() -> None:
    letter = """Gemeente Zaanstad, Belastingen
Zaandam, 2 maart 2026
Betreft: beschikking op uw verzoek om kwijtschelding

Uw aanslag gemeentelijke belastingen 2026 bedraagt in totaal € 600,00. Voor de hondenbelasting
wordt geen kwijtschelding verleend. Mitsdien resteert ten laste van u een bedrag van € 110,00,
welk bedrag gij binnen een maand dient over te maken op NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 110.0


def test_a_sum_written_out_with_an_equals_sign() -> None:
    letter = """Zorgverzekeraar Kompas (app)
Datum: 22 april 2026

Hoi Sam, de premie van je zorgverzekering over februari en maart hebben we nog niet
ontvangen: 2 x € 150,00 = € 300,00.
Betaal dit binnen 4 weken, dus uiterlijk 20 mei 2026, op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["amount_due"] == 300.0


def test_what_the_municipality_pays_the_reader_is_no_debt() -> None:
    letter = """Gemeente Leeuwarden
Datum: 20 januari 2026
Betreft: je bijstand

| Bijstandsnorm voor een alleenstaande        | € 1.400,00  |
| Min: je loon (gemiddeld)                    | € 300,00    |
| Dit krijg je van ons                        | € 1.100,00  |

Ben je het niet eens met dit besluit? Maak dan binnen zes weken bezwaar.
"""
    assert _explain(letter)["amount_due"] is None


def test_the_letters_own_words_for_everything_asked() -> None:
    letter = """Belastingdienst
Datum: 12 november 2026
Betreft: aanmaning

Tot nu toe hebben wij € 700,00 van u ontvangen. Er staat dus nog € 1.400,00 open. Voor deze
aanmaning brengen wij € 18,00 aan kosten in rekening, en de invorderingsrente bedraagt tot
vandaag € 12,00. Alles bij elkaar vragen wij nu € 1.430,00 van u. Betaal dit binnen 14 dagen
op NL86 INGB 0002 4455 88.
"""
    assert _explain(letter)["amount_due"] == 1430.0


def test_a_refund_after_an_objection_asks_nothing() -> None:
    letter = """Gemeente Leeuwarden, Belastingen
Leeuwarden, 2 juni 2026
Betreft: uitspraak op bezwaar WOZ

Ik besluit de aanslag onroerendezaakbelasting te verminderen van € 318,57 tot € 300,81,
zijnde een vermindering van € 17,76. Het aldus te veel betaalde bedrag van € 17,76 wordt
binnen zes weken op uw rekening teruggestort.
"""
    assert _explain(letter)["amount_due"] is None


def test_the_account_on_the_original_invoice_no_longer_meant_for_this_claim() -> None:
    letter = """Incassobureau Vesting
Datum: 3 november 2026
Betreft: aanmaning, namens Kastje & Co Wonen

Betaal € 612,19 uiterlijk 17 november 2026. Let op: betaal niet meer aan Kastje & Co Wonen zelf.
Het rekeningnummer op uw oorspronkelijke factuur (NL91 ABNA 0417 1643 00) is voor deze
vordering niet meer bestemd.

BETAALSTROOK
IBAN                NL44 RABO 0123 4567 89
"""
    assert _explain(letter)["iban"] == "NL44RABO0123456789"


def test_a_slips_kenmerk_omschrijving_row_is_the_reference_to_quote() -> None:
    letter = """Vesting Incasso B.V.
Datum: 2 oktober 2026
Betreft: 14-dagenbrief, dossier VI-2026-088413

Uw factuur 2026-30418 van 3 september 2026 is nog niet betaald. Betaal € 1.068,40 binnen
14 dagen met de betaalstrook hieronder.

BETAALSTROOK
Bedrag                    EUR 1.068,40
Naar IBAN                 NL44 RABO 0123 4567 89
Kenmerk / omschrijving    VI-2026-088413
"""
    assert _explain(letter)["payment_reference"] == "VI-2026-088413"
