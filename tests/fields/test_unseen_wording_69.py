"""Wordings first met in blind batches 69–72 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_the_interest_appendix_total_is_no_sum_asked() -> None:
    letter = """Belastingdienst
Dagtekening 10 juli 2026
Aanslag inkomstenbelasting 2024

Overzicht
Berekende inkomstenbelasting en premie 2024               € 4.100
Eerder vastgesteld bij de voorlopige aanslag 2024          € 3.800
                                                        -----------
Verschil                                                   €   300
Belastingrente (zie toelichting)                           €    20
                                                        -----------
Te betalen                                                 €   320

Betaal uiterlijk 31 augustus 2026 op NL20 INGB 0001 2345 67.

Toelichting belastingrente
01-07-2025 t/m 31-12-2025                                  € 12
01-01-2026 t/m 09-07-2026                                  €  8
Totaal belastingrente                                      € 20
"""
    assert _explain(letter)["amount_due"] == 320.0


def test_a_bailiffs_own_cost_specification_is_an_item_of_the_claim() -> None:
    letter = """Gerechtsdeurwaarders Brink & Partners
Zwolle, 1 oktober 2026
Exploot van dagvaarding

  hoofdsom                                       € 900,00
  wettelijke rente                               € 30,00
  buitengerechtelijke incassokosten              € 135,00
  kosten van dit exploot                         € 110,00
  totaal                                         € 1.175,00

Specificatie kosten exploot
  Exploot                                        € 90,91
  Btw 21%                                        € 19,09
  Totaal                                         € 110,00
"""
    assert _explain(letter)["amount_due"] == 1175.0


def test_the_one_order_names_the_bottom_line_under_a_named_total() -> None:
    letter = """Stroomlicht Energie
Datum: 12 januari 2027
Betreft: aanmaning

  Nog te betalen jaarnota       € 300,00
  Termijnbedrag januari 2027    € 150,00
  Ontvangen op 05-01-2027       € 100,00 -
  Openstaand                    € 350,00

Wij vragen u € 350,00 over te maken, zodat het uiterlijk op 29 januari 2027 op onze
rekening NL44 RABO 0123 4567 89 staat.
"""
    assert _explain(letter)["amount_due"] == 350.0


def test_a_reclaim_taken_from_the_benefit_asks_no_transfer() -> None:
    letter = """UWV
Datum: 2 november 2026
Betreft: u moet WW terugbetalen

U hebt in september € 420,00 netto te veel WW ontvangen. Wij besluiten dat u dit bedrag moet
terugbetalen. U hoeft zelf niets over te maken. Wij verrekenen het bedrag met uw lopende
WW-uitkering: drie keer € 140,00.
"""
    assert _explain(letter)["amount_due"] is None


def test_what_the_municipality_pays_out_is_no_debt() -> None:
    letter = """Gemeente Nijmegen, Inkomen
Datum: 20 januari 2026
Betreft: uw bijstand januari 2026

Norm alleenstaande (netto)                           € 1.401,50
In mindering te brengen inkomsten                    € 309,60
Bijstand januari 2026 (uit te betalen)               € 1.091,90

Bent u het niet eens met dit besluit? Maak dan binnen zes weken bezwaar.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_small_overpayment_not_claimed_back_is_an_allowance_decision() -> None:
    letter = """Dienst Toeslagen
Datum: 3 juni 2026
Betreft: definitieve berekening zorgtoeslag 2025

Zorgtoeslag waar u recht op had over 2025      € 1.400
Zorgtoeslag die u als voorschot kreeg          € 1.460
Te veel ontvangen                              €    60

Als u te veel toeslag hebt gekregen, maar het verschil is € 119 of minder, dan vorderen wij
dat bedrag niet terug. U hoeft niets te doen.
"""
    out = _explain(letter)
    assert out["kind"] == "toeslag-beschikking"
    assert out["amount_due"] is None


def test_an_old_stand_of_the_whole_debt_is_not_the_arrears() -> None:
    letter = """DUO
Datum 2 maart 2026
Onderwerp: je loopt achter met betalen

Op 1 januari 2026 was uw totale schuld € 18.400,00. U betaalt elke maand € 95,00.
  Maandbedrag januari 2026                        € 95,00
  Maandbedrag februari 2026                       € 95,00
  Totale achterstand                              € 190,00
Betaal de achterstand vóór 30 maart 2026 op NL67 INGB 0705 0010 22.
"""
    assert _explain(letter)["amount_due"] == 190.0


def test_a_sum_told_in_prose_ends_with_dus() -> None:
    letter = """Van: Studio Zeegroen <info@studiozeegroen.nl>
Datum: 3 maart 2026
Onderwerp: herinnering factuur 2026-014

Hoi Tom,

Factuur 2026-014 staat nog open. Het gaat om de foto's van je bruiloft, € 500,00 plus
€ 105,00 btw, dus € 605,00 in totaal. Wil je dit vóór 20 maart overmaken naar
NL91 ABNA 0417 1643 00?
"""
    assert _explain(letter)["amount_due"] == 605.0


def test_costs_in_a_row_only_if_not_paid_in_time_are_not_owed_now() -> None:
    letter = """Incassobureau Noordkaap
Datum: 1 oktober 2026
Betreft: 14-dagenbrief, namens Belnet

| Hoofdsom                                  | € 300,00 |
| Incassokosten bij niet tijdig betalen     | € 45,00  |
| Totaal na overdracht                      | € 345,00 |

Maak € 300,00 over binnen 14 dagen na de dag waarop u deze brief ontvangt, op
NL44 RABO 0123 4567 89.
"""
    assert _explain(letter)["amount_due"] == 300.0


def test_another_creditors_account_is_not_the_one_to_pay() -> None:
    letter = """Incassobureau De Vaart
Datum: 1 december 2026
Betreft: aanmaning, dossier 26-5521

Wij verzoeken u het restant van € 180,00 uiterlijk 29 december 2026 over te maken met het
betaalbewijs hieronder. Betaal niet meer aan de webwinkel zelf. Betalingen op hun rekening
NL91 ABNA 0417 1643 00 worden niet met dit dossier verrekend.
-----------------------------------------------------------------------
Bedrag                EUR 180,00
Rekening begunstigde  NL20 INGB 0001 2345 67
"""
    assert _explain(letter)["iban"] == "NL20INGB0001234567"


def test_what_the_sender_did_before_a_day_is_no_deadline() -> None:
    letter = """Belastingdienst
Dagtekening 12 juni 2026
Aanslag inkomstenbelasting 2025

Te betalen                 € 210
U hoeft geen belastingrente te betalen, omdat wij de aanslag vóór 1 juli 2026 hebben opgelegd.
  Uiterste betaaldatum       31 juli 2026
Maak het bedrag over op NL31 BNGH 0285 0011 22 en vermeld het betalingskenmerk.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-07-31"


def test_a_day_already_gone_is_no_deadline() -> None:
    letter = """From: Webshop Kleurrijk <service@kleurrijk.nl>
Sent: maandag 7 september 2026 10:02
Subject: herinnering factuur

Hoi Lisa, we hebben je betaling nog niet ontvangen. De factuur had uiterlijk 7 augustus
betaald moeten zijn. Wil je het totaal van € 64,95 binnen 7 dagen na deze mail overmaken
naar NL44 RABO 0123 4567 89?
"""
    assert _explain(letter)["deadline"]["date"] == "2026-09-14"


def test_question_headings_make_an_invitation_and_an_example_date_no_appointment() -> None:
    letter = """Gemeente Amersfoort, Schuldhulp
Datum: dinsdag 15 december 2026
Over: je afspraak voor het eerste gesprek

Beste Sam,

We nodigen je uit voor een eerste gesprek.

Wanneer?     dinsdag 19 januari 2027, van 13.30 tot ongeveer 15.00 uur
Waar?        Stadhuis Amersfoort, Stadhuisplein 1

Is het dringend? Heb je een brief van de rechter? Bijvoorbeeld een dagvaarding met een
zitting op 13 januari 2027? Bel ons dan meteen.
"""
    out = _explain(letter)
    assert out["kind"] == "afspraak-uitnodiging"
    assert out["appointment"]["date"] == "2027-01-19"
    assert out["appointment"]["time"] == "13:30"


def test_a_label_time_and_a_home_visit_window_make_an_invitation() -> None:
    letter = """Netbeheer Rivierenland
Datum: 18 augustus 2026
Onderwerp: Afspraak voor het vervangen van uw gasmeter

Beste heer Smit,

Wij hebben een afspraak voor u ingepland om uw gasmeter te vervangen.
  Datum      : dinsdag 8 september 2026
  Tijdvak    : tussen 8.00 en 12.00 uur
Zorg dat de meterkast leeg is.
"""
    out = _explain(letter)
    assert out["kind"] == "afspraak-uitnodiging"
    assert out["appointment"]["date"] == "2026-09-08"


def test_a_question_heading_about_paying_back_is_no_reclaim() -> None:
    letter = """Dienst Toeslagen
Datum: 20 november 2026
Betreft: uw voorschot huurtoeslag 2027

U krijgt in 2027 een lager voorschot huurtoeslag: € 210 per maand, omdat uw toetsingsinkomen
hoger is. Moet u iets terugbetalen? Nee, voor 2026 verandert er niets.
Bent u het niet eens met deze beslissing? Maak dan binnen 6 weken bezwaar via Mijn toeslagen.
"""
    assert _explain(letter)["kind"] == "toeslag-beschikking"


def test_a_receipt_of_a_remission_request_is_no_decision() -> None:
    letter = """Gemeente Apeldoorn, Belastingen
Datum: 12 mei 2026
Betreft: ontvangstbevestiging

Wij hebben uw verzoek om kwijtschelding van de gemeentelijke belastingen 2026 ontvangen.
U krijgt binnen acht weken ons besluit. Tot die tijd hoeft u de aanslag niet te betalen.
"""
    assert _explain(letter)["kind"] == "overig"


def test_papers_that_must_be_in_are_sent_not_paid() -> None:
    letter = """Gemeente Zaanstad, Werk en Inkomen
Datum: 13 oktober 2026
Betreft: heronderzoek bijstand

Wij willen uw bijstand opnieuw bekijken. Stuur ons uw bankafschriften van de laatste drie
maanden.

Wanneer moeten de papieren binnen zijn?
Uiterlijk op 3 november 2026. U kunt ze uploaden via Mijn Zaanstad.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-11-03"
    assert out["deadline"]["action"] == "send_documents"


def test_a_question_word_heading_is_no_case() -> None:
    letter = """Dienst Toeslagen
Datum: 20 februari 2026
Betreft: uw huurtoeslag stopt

Er woont sinds 1 december 2025 een tweede volwassene op uw adres. Daarom stoppen wij uw
huurtoeslag. Vanaf 1 maart 2026 krijgt u een voorschot van € 0 per maand.

Wat moet u doen? Stuur ons vóór 20 maart 2026 een kopie van het huurcontract.
Bent u het niet eens met deze beslissing? Maak dan binnen 6 weken bezwaar.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-03-20"
    assert out["deadline"]["action"] == "send_documents"


def test_a_payment_plan_to_sign_and_return_is_the_insurers_ask() -> None:
    letter = """Zorgverzekeraar Kompas
Datum: 28 juli 2026
Betreft: uw betalingsregeling

U heeft een premieachterstand van € 446,25. Wij bieden u een betalingsregeling aan.
Stuur het formulier ondertekend terug vóór 18 augustus 2026. De eerste termijn wordt op
1 september 2026 afgeschreven.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-08-18"


def test_a_term_after_a_question_about_a_change_counts_from_the_change() -> None:
    letter = """CAK
Datum: 30 juni 2026
Betreft: besluit bestuursrechtelijke premie

Vanaf 1 augustus 2026 houdt UWV de premie van € 142,05 in op uw uitkering. U hoeft zelf
niets te betalen.

Stopt uw uitkering of verandert uw werk? Geef dat binnen 4 weken aan ons door.
"""
    assert _explain(letter)["deadline"] is None
