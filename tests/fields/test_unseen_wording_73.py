"""Wordings first met in blind batches 73–76 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_the_words_for_what_is_left_beat_an_instalment_word_before_them() -> None:
    letter = """Gemeente Hengelo, Belastingen
Hengelo, 2 juni 2026
Betreft: beschikking op uw verzoek om kwijtschelding

Op uw verzoek om kwijtschelding van de aanslag 2026, ten bedrage van in totaal € 540,00,
besluit ik: I. kwijtschelding te verlenen voor € 420,00; II. te bepalen, dat het na afboeking
van de reeds betaalde termijn resterende bedrag van € 66,00 door verzoeker dient te worden
voldaan binnen één maand, op rekeningnummer NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 66.0


def test_the_rest_of_the_assessment_named_with_zijnde() -> None:
    letter = """Gemeente Enschede, Belastingen
Enschede, 1 september 2026
Betreft: uw verzoek om kwijtschelding

Uw aanslag 2026 beloopt € 700,00. Voor de hondenbelasting wordt geen kwijtschelding verleend.
Het restant van de aanslag, zijnde € 118,00, dient uiterlijk 30 september 2026 te zijn
bijgeschreven op rekening NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 118.0


def test_the_running_rent_beside_a_summons_claim_is_not_the_claim() -> None:
    letter = """Gerechtsdeurwaarders Van Dam
Amsterdam, 17 november 2026
Exploot van dagvaarding, ten verzoeke van Woonstichting Eigen Haard

  Huurachterstand (september en oktober 2026)        € 1.600,00
  Buitengerechtelijke incassokosten                  € 265,00
  Kosten van deze dagvaarding                        € 116,30
  Totaal gevorderd                                   € 1.981,30

De lopende huur van december 2026 (€ 800,00) moet daarnaast gewoon worden betaald.
"""
    assert _explain(letter)["amount_due"] == 1981.3


def test_a_computations_bottom_row_holds_the_named_total_and_its_interest() -> None:
    letter = """Belastingdienst
Dagtekening 3 juli 2026
Aanslag inkomstenbelasting 2025

| Inkomstenbelasting en premie volksverzekeringen   |    € 9.000 |
| Min: ingehouden loonheffing                       |   -€ 7.500 |
| Min: voorlopige aanslag 2025                      |   -€ 1.000 |
| Nog te betalen belasting                          |    €   500 |
| Plus: belastingrente (zie pagina 2)               |    €    12 |
| U moet betalen                                    |    €   512 |

Wij hebben de rente berekend over het nog te betalen bedrag van € 500.
Betaal uiterlijk 31 augustus 2026 op NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 512.0


def test_a_benefits_total_per_quarter_is_no_debt() -> None:
    letter = """Sociale Verzekeringsbank
Datum: 2 juli 2026
Betreft: uw kinderbijslag wordt hoger

  Kind                  Geboortedatum   2e kwartaal 2026   Vanaf 3e kwartaal 2026
  Mila de Boer          03-06-2014      € 300,00           € 350,00
  Ties de Boer          21-11-2017      € 300,00           € 300,00
  Totaal per kwartaal                   € 600,00           € 650,00

U hoeft niets te doen.
"""
    assert _explain(letter)["amount_due"] is None


def test_the_day_and_time_of_a_parking_offence_is_no_appointment() -> None:
    letter = """Gemeente Amsterdam, Belastingen
NAHEFFINGSAANSLAG PARKEERBELASTING
Dagtekening 13-05-2026

Op 11 mei 2026 om 14:37 uur stond uw voertuig geparkeerd in de Molukkenstraat zonder
parkeerkaartje. U krijgt daarom deze naheffingsaanslag.
  Parkeerbelasting (1 uur)          €  5,40
  Kosten naheffingsaanslag          € 75,80
  Totaal                            € 81,20
Betaal het totaalbedrag binnen 14 dagen na de dagtekening op NL31 BNGH 0285 0011 22.
"""
    out = _explain(letter)
    assert out["kind"] == "gemeente-belastingaanslag"
    assert out["appointment"] is None


def test_a_side_columns_date_above_a_time_is_the_meeting_not_the_letter() -> None:
    letter = """Gemeente Amsterdam                                 UW AFSPRAAK
Werk en Inkomen
Postbus 2816                                       Datum
1000 CV Amsterdam                                  dinsdag 12 mei 2026

Mevrouw N. Bakker                                  Tijd
Dapperstraat 7                                     10.30 uur
1093 BS Amsterdam

Amsterdam, 30 april 2026                           Plaats
Onderwerp: uitnodiging intakegesprek               Wibautstraat 3
                                                   1091 GH Amsterdam
Geachte mevrouw Bakker,                            meld u bij de balie
                                                   op de begane grond
U hebt op 28 april 2026 een uitkering op grond
van de Participatiewet aangevraagd. Wij willen     Met
graag met u praten over uw aanvraag. Daarvoor      de heer P. Smit,
nodigen wij u uit voor een intakegesprek. Neem     consulent Werk en
uw identiteitsbewijs en uw bankafschriften mee.    Inkomen
"""
    out = _explain(letter)
    assert out["letter_date"] == "2026-04-30"
    assert out["appointment"]["date"] == "2026-05-12"


def test_the_end_of_an_interest_period_in_a_row_label_is_no_deadline() -> None:
    letter = """DUO
Groningen, 23 juni 2026
Onderwerp: aanmaning achterstallige maandbedragen

Achterstand                                 € 200,00
Rente over de achterstand (tot 23-06-2026)  € 2,10
Totaal te betalen                           € 202,10

Betaal het totaal uiterlijk op de vervaldatum 7 juli 2026 op NL67 INGB 0705 0010 22.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-07-07"


def test_the_number_said_to_be_the_payment_reference_beats_a_customer_number() -> None:
    letter = """Van: Zuidwest Energie <klantenservice@zuidwest.nl>
Datum: 8 april 2026
Onderwerp: herinnering termijnbedrag maart

Je termijnbedrag van maart is nog niet betaald. Maak € 120,00 binnen 10 dagen over.
  Naar:        NL20 INGB 0001 2345 67
  Kenmerk:     2604178812 (dit is je betalingskenmerk, niet je klantnummer)

Je klantnummer is 30118427. Dat heb je nodig als je ons belt.
"""
    assert _explain(letter)["payment_reference"] == "2604178812"


def test_an_assessment_only_announced_is_no_bill() -> None:
    letter = """Van:        Gemeente Utrecht - Parkeren <noreply@utrecht.nl>
Datum:      2 juni 2026
Onderwerp:  Je bewonersvergunning wordt verlengd

Je bewonersvergunning loopt af op 30 juni 2026. We verlengen hem automatisch tot en met
31 december 2026. Kosten: € 96,00 per half jaar.
Je krijgt later van Belastingen een aanslag parkeerbelasting voor de nieuwe periode.
Je hoeft nu dus nog niets te betalen.
"""
    out = _explain(letter)
    assert out["kind"] == "overig"
    assert out["deadline"] is None


def test_a_reschedule_box_is_no_deadline() -> None:
    letter = """Gemeente Utrecht, Werk en Inkomen
Datum: 30 april 2026
Onderwerp: uitnodiging intakegesprek

Wij nodigen u uit voor een intakegesprek op dinsdag 12 mei 2026 om 10.30 uur in het
stadskantoor, Stadsplateau 1.

Afspraak verzetten
Bel 14 030, uiterlijk maandag 11 mei 2026.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-05-12"
    assert out["deadline"]["action"] == "attend"


def test_a_phones_message_header_dates_a_text_message() -> None:
    letter = """Berichten
Sportschool Vitaal
Sms/mms · wo 25-11-2026 10:14

Sportschool Vitaal: Hoi Sanne, je contributie van oktober (€ 29,95) kon niet worden
afgeschreven. Wil je € 29,95 vóór vrijdag 4 december overmaken naar NL20 INGB 0001 2345 67?
"""
    out = _explain(letter)
    assert out["letter_date"] == "2026-11-25"
    assert out["amount_due"] == 29.95
    assert out["deadline"]["date"] == "2026-12-04"


def test_an_apps_message_line_dates_the_message() -> None:
    letter = """[melding]  Zorgverzekeraar Kompas  ·  09:30
Er staat een betaling voor je open.

Kompas app > Berichten
1 februari 2027 · Je premie is nog niet betaald

Hoi Ilse, we hebben de premie voor januari 2027 nog niet van je gekregen: € 143,70.
Betaal dit vóór 15 februari 2027 op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["letter_date"] == "2027-02-01"
