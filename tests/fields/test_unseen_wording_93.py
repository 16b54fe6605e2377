"""Wordings first met in blind batches 93–96 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 12, 1)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_two_column_table_keeps_its_minus_and_its_rule_line() -> None:
    letter = """Belastingdienst/Centrale administratie

Mevrouw T. Bakker                                       | Dagtekening
Laan 4                                                  | 11 augustus 2026
2585 JL  Den Haag                                       |
                                                        | Aanslagnummer
AANMANING                                               | 1234.56.789.H.61
                                                        |
U hebt de aanslag hierboven niet op tijd betaald. Een   | Vragen?
deel hebben wij al ontvangen. Het restant staat nog     | BelastingTelefoon
open. Daarom krijgt u deze aanmaning van ons.           | 0800 - 0543
                                                        |
Welk bedrag moet u betalen?                             |
                                                        |
  Bedrag van de aanslag            € 1.000              |
  Al door u betaald                € 400 -              |
  Nog open                         € 600                |
  Aanmaningskosten                 € 18                 |
                                   -------              |
  Totaal te betalen                € 618                |

Betaal het totaalbedrag binnen 2 weken op NL86 INGB 0002 4455 88.
"""
    assert _explain(letter)["amount_due"] == 618.0


def test_money_we_still_owe_you_and_transfer_is_no_ask() -> None:
    letter = """Belastingdienst
Dagtekening 4 juni 2026
Aanslag inkomstenbelasting 2025

Uit de berekening volgt dat u over 2025 in totaal € 1.500 terugkrijgt. U had al een voorlopige
teruggaaf van € 1.100 ontvangen. Er blijft daarom nog € 400 over die wij aan u moeten betalen.
Op uw naam stond nog € 50 open voor de motorrijtuigenbelasting. Het bedrag dat wij uiteindelijk
aan u overmaken is € 350.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_je_form_request_to_transfer_beside_a_refund_told_apart() -> None:
    letter = """From: Energie Noord <klant@energienoord.example>
Sent: ma 9 maart 2026 07:42
Subject: Je termijnbedrag van februari staat nog open

Hallo Wim,

Je termijnbedrag voor stroom en gas over februari hebben we nog niet van je ontvangen.

  Termijn februari   € 140,00

Wil je het bedrag van € 140,00 binnen 14 dagen overmaken naar NL20 INGB 0001 2345 67?

- Het bedrag van € 30,00 uit je jaarafrekening hebben we al op je eigen rekening
  teruggestort. Dat staat hier los van.
"""
    result = _explain(letter)
    assert result["amount_due"] == 140.0
    assert result["iban"] == "NL20INGB0001234567"


def test_a_bailiffs_text_with_the_balance_including_interest_and_costs() -> None:
    letter = """< Berichten              Deurwaarders Noord
                   wo 17 jun. 09:15

Deurwaarders Noord: Geachte heer Wijnia, wij hebben geen betaling ontvangen. Stand dossier
2026-4410 op 17-06-2026: € 1.284,37 incl. rente en kosten. Betaal uiterlijk 24-06 op
NL68 RABO 0300 0654 21 o.v.v. 2026-4410.
"""
    result = _explain(letter, today=date(2026, 7, 1))
    assert result["amount_due"] == 1284.37
    assert result["deadline"]["date"] == "2026-06-24"


def test_a_slip_for_the_first_of_two_equal_parts_is_not_the_sum() -> None:
    letter = """BELASTINGEN UTRECHTSE HEUVELRUG
AANSLAGBILJET GEMEENTELIJKE BELASTINGEN 2026
Dagtekening       20 februari 2026

Afvalstoffenheffing                      € 400,00
Rioolheffing                             € 200,00
Totaal aanslagbedrag                     € 600,00

U betaalt het totaalbedrag in twee gelijke delen van € 300,00. Het eerste deel moet uiterlijk
31 maart 2026 op onze rekening staan.

ACCEPTGIRO  termijn 1
Bedrag      EUR  300,00
IBAN        NL31 BNGH 0285 0011 22
"""
    assert _explain(letter)["amount_due"] == 600.0


def test_old_legal_wording_of_the_sum_not_waived_and_left() -> None:
    letter = """Gemeente Zwolle
Zwolle, 2 juli 2026
Onderwerp: beslissing op uw verzoek om kwijtschelding

Mevrouw,

Op uw verzoek om kwijtschelding van de gemeentelijke belastingen 2026, groot in totaal
€ 640,00, besluit de invorderingsambtenaar als volgt:
1. aan u wordt kwijtschelding verleend van de afvalstoffenheffing ad € 520,00;
2. het verzoek wordt afgewezen voor zover het de hondenbelasting betreft, ad € 120,00.

Het niet kwijtgescholden bedrag van € 120,00 dient uiterlijk op vrijdag 14 augustus 2026 te
zijn bijgeschreven op rekening NL31 BNGH 0285 0011 22, onder vermelding van het aanslagnummer.
"""
    result = _explain(letter)
    assert result["amount_due"] == 120.0
    assert result["iban"] == "NL31BNGH0285001122"


def test_the_then_remaining_sum_of_a_decision_is_asked() -> None:
    letter = """De invorderingsambtenaar der gemeente Leeuwarden;
Leeuwarden, 2 april 2026
Onderwerp: kwijtschelding gemeentelijke belastingen 2026

gezien het verzoek om kwijtschelding van de aanslag ten bedrage van € 480,00;

                                 BESLUIT:

I.   kwijtschelding te verlenen tot een bedrag van € 270,00;
II.  te bepalen dat het alsdan resterende bedrag van € 210,00 uiterlijk op
     29 mei 2026 dient te zijn bijgeschreven op rekening NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 210.0


def test_a_reclaim_withheld_from_that_allowance_asks_nothing_now() -> None:
    letter = """Dienst Toeslagen
Datum 23 februari 2026
Onderwerp: uw huurtoeslag over 2024 is definitief - u moet € 600 terugbetalen

U heeft € 600 te veel ontvangen. Dat bedrag moet u aan ons terugbetalen.

U hoeft zelf niets over te maken. U krijgt nu van ons huurtoeslag, € 280 per maand. Wij houden
vanaf april 2026 elke maand € 50 in op die huurtoeslag, twaalf maanden lang.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_question_about_other_debts_is_no_ask() -> None:
    letter = """Dienst Toeslagen
Datum: 27 januari 2026
Onderwerp: u heeft uw zorgtoeslag over 2022 helemaal terugbetaald

Het ging om € 571,00 zorgtoeslag die u te veel had ontvangen. Uw laatste betaling hebben wij op
8 januari 2026 ontvangen. U hoeft niets meer te doen en u hoeft ook niets meer te betalen.

Heeft u nog andere toeslagen die u moet terugbetalen? Dan lopen die regelingen gewoon door.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_reclaim_told_with_the_subject_left_out_and_its_first_term_cell() -> None:
    letter = """Dienst Toeslagen
Datum             19 augustus 2026
Onderwerp         Definitieve berekening zorgtoeslag 2025 en betalingsregeling

Uw inkomen was hoger dan wij dachten. U heeft daardoor te veel zorgtoeslag gekregen en moet
€ 480 terugbetalen. Wij hebben een betalingsregeling voor u klaargezet:

  Aantal termijnen                     24
  Bedrag per termijn                   € 20
  Eerste termijn uiterlijk betalen     1 oktober 2026

BETAALFORMULIER - termijn 1 van 24
IBAN begunstigde NL86 INGB 0002 4455 88
"""
    result = _explain(letter)
    assert result["kind"] == "toeslag-terugvordering"
    assert result["amount_due"] == 480.0
    assert result["deadline"]["date"] == "2026-10-01"


def test_past_instalment_days_share_one_printed_year() -> None:
    letter = """Belastingdienst
Groningen, 14 oktober 2026
Aanmaning

U zou het bedrag in termijnen betalen. De termijnen die uiterlijk op 31 augustus en
30 september 2026 betaald moesten zijn, hebben wij niet ontvangen.

  Totaal te betalen                             € 1.581,41

Betaal het totaalbedrag binnen 14 dagen na de datum van deze aanmaning op NL86 INGB 0002 4455 88.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-10-28"


def test_a_reply_mail_quotes_the_older_deadline_below() -> None:
    letter = """Van:       Incasso Zuid <debiteuren@incassozuid.example>
Verzonden: woensdag 3 juni 2026 14:27
Onderwerp: RE: betaling in delen?

Geachte mevrouw Menig,

Wij gaan akkoord met betaling in twee termijnen:

  1e termijn   € 200,00   uiterlijk maandag 15 juni 2026
  2e termijn   € 200,00   uiterlijk woensdag 15 juli 2026
  totaal       € 400,00

Maak de termijnen over naar NL20 INGB 0001 2345 67.

-----Oorspronkelijk bericht-----
Van: P. Menig
Verzonden: dinsdag 2 juni 2026 21:05

> Ik kan dit bedrag niet in een keer betalen voor 4 juni.
>> Wij verzoeken u het totaal binnen 14 dagen, dus uiterlijk 4 juni 2026, over te maken.
"""
    result = _explain(letter)
    assert result["deadline"]["date"] == "2026-06-15"
    assert result["amount_due"] == 400.0


def test_a_forwarded_mail_is_dated_by_the_letter_it_forwards() -> None:
    letter = """Van:        Jeroen Smit <jeroen@mail.example>
Verzonden:  vrijdag 2 oktober 2026 19:40
Onderwerp:  Fwd: Betalingsachterstand huur

Hoi Marja, kun jij even meekijken?

---------- Doorgestuurd bericht ---------
Van: Woonstichting Het Anker <huur@hetanker.example>
Date: di 29 sep 2026 om 10:14
Subject: Betalingsachterstand huur

Beste heer Smit,

De huur van augustus en september staat nog open: samen € 1.600,00. Wij vragen u de
achterstand uiterlijk vrijdag 9 oktober 2026 over te maken op NL20 INGB 0001 2345 67.
Hebben wij op 9 oktober geen betaling of afspraak? Dan geven wij uw dossier aan de deurwaarder.
"""
    result = _explain(letter)
    assert result["letter_date"] == "2026-09-29"
    assert result["appointment"] is None


def test_a_text_message_header_with_om_and_a_clock_time() -> None:
    letter = """Gem Tilburg

                     di 6 okt. 2026 om 11:32

Gemeente Tilburg Werk & Inkomen: Hoi Sanne, voor je bijstand missen we nog je bankafschriften
van augustus en september. Upload ze uiterlijk vr 16 okt in Mijn Tilburg.
"""
    result = _explain(letter)
    assert result["letter_date"] == "2026-10-06"
    assert result["appointment"] is None


def test_a_date_in_brackets_after_sent_on_is_another_papers() -> None:
    letter = """Betaalherinnering                                  14-01-2026

Hoi Lotte,

  Maandbedrag januari 2026                  € 164,00
  Jaarafrekening 2025 (nota 2025-J-448120,
  verstuurd op 18-12-2025)                  € 212,37
  Samen                                     € 376,37

Betaal je het vóór woensdag 28 januari 2026 op NL20 INGB 0001 2345 67?
"""
    assert _explain(letter)["letter_date"] == "2026-01-14"


def test_a_warning_not_to_use_the_other_account_for_this_sum() -> None:
    letter = """CJIB
Datum 5 januari 2027
Inning voor DUO

Wij vragen u het bedrag van € 794,64 vóór 2 februari 2027 te betalen. Uw maandbedrag vanaf
december betaalt u gewoon aan DUO, op rekening NL66 ABNA 0542 6190 21. Gebruik die rekening
niet voor het bedrag in deze brief.

|  Rekening (IBAN):   NL91 ABNA 0417 1643 00   t.n.v. CJIB inzake DUO              |
"""
    assert _explain(letter)["iban"] == "NL91ABNA0417164300"


def test_the_kenmerk_row_of_the_block_that_names_the_account() -> None:
    letter = """Incassodiensten Oost
Datum: 3 maart 2026
Aanmaning

Wij vragen u het totaal van € 363,90 binnen 14 dagen te betalen.

DOSSIER
OO-2026-118342
OVERZICHT
Hoofdsom      € 312,85
Incassokosten €  46,93
Rente         €   4,12
Totaal        € 363,90
BETALEN AAN
NL20 INGB 0001 2345 67
t.n.v. Incassodiensten Oost
kenmerk OO-2026-118342
"""
    assert _explain(letter)["payment_reference"] == "OO-2026-118342"
