"""Wordings first met in blind batches 85–88 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_whole_sum_paid_in_instalments_beats_its_first_instalment() -> None:
    letter = """Dienst Toeslagen
Datum: 4 september 2026
Betreft: u moet zorgtoeslag terugbetalen

U had recht op minder zorgtoeslag. U moet € 600 terugbetalen. U betaalt dit in 24 termijnen:
23 keer € 25 en één keer € 25. De eerste termijn van € 25 moet uiterlijk op 16 oktober 2026
op onze rekening NL31 BNGH 0285 0011 22 staan.
"""
    assert _explain(letter)["amount_due"] == 600.0


def test_you_pay_the_sum_in_monthly_terms_is_the_ask() -> None:
    letter = """Belastingdienst
Dagtekening 20 december 2026
Voorlopige aanslag inkomstenbelasting 2027

Inkomstenbelasting en premie volksverzekeringen          € 5.000
Heffingskortingen                                      - € 2.000
Bedrag van deze voorlopige aanslag                       € 3.000
U betaalt het bedrag van € 3.000 in 10 maandelijkse termijnen van € 300.
De eerste termijn moet uiterlijk 31 januari 2027 op NL86 INGB 0002 4455 88 staan.
"""
    assert _explain(letter)["amount_due"] == 3000.0


def test_the_regular_rent_beside_the_arrears_is_not_asked_now() -> None:
    letter = """Woonstichting De Linde
Datum: 15 september 2026
Betreft: 14-dagenbrief huurachterstand

  Huur augustus 2026     € 700,00
  Huur september 2026    € 700,00
  Totaal achterstand     € 1.400,00

Wij vragen u het totaal van € 1.400,00 binnen 14 dagen na ontvangst over te maken op
NL20 INGB 0001 2345 67. Let op: de huur van oktober (€ 700,00) moet u op 1 oktober gewoon
betalen.
"""
    assert _explain(letter)["amount_due"] == 1400.0


def test_a_reclaim_taken_from_the_next_benefit_payments() -> None:
    letter = """UWV
Datum: 10 maart 2026
Betreft: u heeft te veel WW gekregen

U heeft over februari € 400,00 te veel WW gekregen. U hoeft zelf niets over te maken. Wij
houden het bedrag in op uw volgende WW-betalingen: iedere maand € 100,00.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_zero_balance_confirmation_asks_nothing() -> None:
    letter = """Van: Klantenservice Kleurrijk Wonen <service@kleurrijk.nl>
Datum: 3 maart 2026
Onderwerp: je betaling is binnen

Hoi Sam, dank je wel! We hebben je betaling van factuur 2026-118 ontvangen. Je openstaande saldo
bij ons is nu € 0,00. De herinnering die je op 20 februari kreeg, mag je vergeten.
"""
    out = _explain(letter)
    assert out["kind"] == "overig"
    assert out["iban"] is None


def test_the_account_a_benefit_is_paid_to_is_not_one_to_pay_to() -> None:
    letter = """UWV
Datum: 2 maart 2026
Betreft: u krijgt een WW-uitkering

U krijgt vanaf 1 maart 2026 een WW-uitkering. De eerste betaling ontvangt u rond
30 maart 2026 op rekening NL20 INGB 0001 2345 67.
Bent u het niet eens met dit besluit? Maak dan binnen zes weken bezwaar.
"""
    assert _explain(letter)["iban"] is None


def test_a_number_in_spaced_groups_keeps_its_short_last_group() -> None:
    letter = """Mijn Anker > Berichten
6 augustus 2026 · Je premie is nog niet betaald

Hoi Lotte, we hebben de premie van juni en juli nog niet van je ontvangen: samen € 297,30.
Betaal deze € 297,30 vóór 20 augustus 2026. Maak het over naar NL20 INGB 0001 2345 67.
Zet je relatienummer 719 226 04 in de omschrijving.
"""
    assert _explain(letter)["payment_reference"] == "71922604"


def test_a_bailiffs_receipt_words_are_no_papers_to_send() -> None:
    letter = """Gerechtsdeurwaarderskantoor Bos
Amersfoort, 8 december 2026
Betreft: betekening vonnis en bevel tot betaling

Ten verzoeke van Autobedrijf De Ring heb ik, deurwaarder, het vonnis betekend.

EN VOORTS heb ik, deurwaarder, voornoemde gerekwireerde bevel gedaan om binnen twee dagen na
heden aan mij, deurwaarder, tegen behoorlijk bewijs van kwijting te voldoen het bedrag van
€ 1.240,00, op rekening NL20 INGB 0001 2345 67.
"""
    out = _explain(letter, today=date(2026, 12, 8))
    assert out["deadline"]["action"] == "pay"
