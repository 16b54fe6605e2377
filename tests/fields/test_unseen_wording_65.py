"""Wordings first met in blind batches 65–68 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_music_teachers_chat_keeps_its_sum_day_and_account() -> None:
    # few bill words (no invoice, no reminder): whichever kind it gets, the ask is shown
    letter = """WhatsApp - chat met "Gitaarles Bram"

                         maandag 9 maart 2026

Gitaarles Bram                                             09:12
Hoi Lotte! Het lesgeld voor het voorjaar (10 lessen) heb ik nog niet van je binnen.
Samen is dat € 250,00.

Gitaarles Bram                                             09:13
Zou je het uiterlijk vrijdag 20 maart willen overmaken naar NL20 INGB 0001 2345 67
t.n.v. B. Kuipers? Dank je wel!
"""
    out = _explain(letter)
    assert out["amount_due"] == 250.0
    assert out["iban"] == "NL20INGB0001234567"
    assert out["deadline"]["date"] == "2026-03-20"


def test_a_direct_debit_sent_back_is_an_unpaid_bill() -> None:
    letter = """Van:      Ledenadministratie Zwemclub De Dolfijn <leden@dedolfijn.nl>
Datum:    woensdag 7 oktober 2026 20:05
Onderwerp: Herinnering contributie najaar

Hoi Mark,

De contributie van september is door je bank teruggeboekt.
Nog te betalen: € 96,00 (contributie € 90,00 en € 6,00 kosten van de bank).

Wil je het vóór 21 oktober 2026 overmaken naar NL44 RABO 0123 4567 89?
"""
    out = _explain(letter)
    assert out["kind"] == "incasso-aanmaning"
    assert out["amount_due"] == 96.0


def test_a_mail_programs_english_date_header_is_the_letter_date() -> None:
    letter = """From: Petra Smit <p.smit@ziggo.nl>
To: Ahmed en Sara <ahmedsara@gmail.com>
Date: Tue, 3 Feb 2026 07:41:09 +0100
Subject: huur januari

Hallo Ahmed en Sara,

De huur van januari (€ 950,00) heb ik nog niet ontvangen. Willen jullie die uiterlijk
zondag 15 februari 2026 overmaken op NL91 ABNA 0417 1643 00?
"""
    assert _explain(letter)["letter_date"] == "2026-02-03"


def test_a_bill_no_kind_claims_keeps_a_full_ask() -> None:
    # a school's own bill: no reminder or debt word, yet amount, account and day are all asked
    letter = """Montessori College Oost
Amsterdam, 4 mei 2026
Betreft: kosten kluissleutel

Geachte heer Jansen,

Uw zoon heeft de sleutel van zijn kluisje verloren. Een nieuwe sleutel en slot kosten
€ 35,00. Wij verzoeken u dit bedrag vóór 1 juni 2026 over te maken op NL66 ABNA 0542 6190 21
ten name van Stichting Montessori College Oost.
"""
    out = _explain(letter)
    assert out["amount_due"] == 35.0
    assert out["iban"] == "NL66ABNA0542619021"
    assert out["deadline"]["date"] == "2026-06-01"


def test_a_statement_no_kind_claims_shows_no_payment() -> None:
    letter = """Stichting Voedselbank Noord
Assen, 12 januari 2027
Betreft: overzicht van uw giften 2026

Beste mevrouw De Vries,

Dank voor uw steun! In 2026 gaf u ons in totaal € 120,00. Wilt u nog een keer geven?
Dat kan altijd op NL68 RABO 0300 0654 21.
"""
    out = _explain(letter)
    assert out["amount_due"] is None
    assert out["iban"] is None
    assert out["deadline"] is None


def test_money_sent_back_and_a_voucher_ask_nothing() -> None:
    letter = """Van:       Klantenservice Fietsplaza <service@fietsplaza.nl>
Datum:     ma 14 dec. 2026 10:30
Onderwerp: Je retour is verwerkt

Hoi Sam,

CREDITNOTA CR-2026-118
  Fietsbel chroom                         € 14,95
  Spatborden set                          € 29,95
  Totaal geretourneerd                    € 44,90

We hebben € 44,90 teruggestort op je rekening NL20 INGB 0001 2345 67.
Als dank krijg je een kortingscode van € 5,00. Die is geldig tot en met 31 maart 2027.
"""
    out = _explain(letter)
    assert out["amount_due"] is None
    assert out["deadline"] is None


def test_a_computation_that_ends_in_money_back_asks_nothing() -> None:
    letter = """Belastingdienst
Dagtekening 3 juni 2026
Aanslag inkomstenbelasting 2025

Geachte mevrouw Bos,

Berekening
Verschuldigde belasting en premie      € 6.120
Af: heffingskortingen                  € 2.410 -
Te betalen over 2025                   € 3.710
Af: ingehouden loonheffing             € 4.090 -
Uitkomst: u ontvangt                   € 380

Wij maken het bedrag over naar uw rekening. U hoeft niets te doen.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_table_under_a_side_column_keeps_its_labels() -> None:
    letter = """Gerechtsdeurwaarders De Boer & Smit                  |
Postbus 120, 3500 AC Utrecht                         |
                                                     | Ons dossier
Mevrouw K. Peters                                    | 2026/44120
Lindelaan 8                                          |
3521 AB Utrecht                                      | Datum
                                                     | 2 november 2026
Geachte mevrouw Peters,                              |
                                                     |
Op grond van het vonnis van de kantonrechter in      |
Utrecht van 1 september 2026 hebben wij beslag       |
gelegd op uw loon. Wij vorderen van u het volgende   |
bedrag, alle kosten daarin begrepen:                 |

  hoofdsom ingevolge vonnis                           € 840,00
  proceskosten                                        € 306,00
  kosten betekening                                   € 118,40
                                                      ----------
  subtotaal                                           € 1.264,40
  af: ontvangen betalingen                            € 200,00
                                                      ----------
  restant verschuldigd                                € 1.064,40
"""
    assert _explain(letter)["amount_due"] == 1064.4


def test_a_partial_waiver_asks_the_part_left_not_the_old_bill() -> None:
    letter = """Gemeente Zwolle, Belastingen
Zwolle, 10 maart 2026
Betreft: uw verzoek om kwijtschelding

Geachte heer Kok,

Het aanslagbiljet van 31 januari 2026 bedraagt in totaal € 512,30. Wij schelden een deel
daarvan kwijt: € 380,10. Voor het deel dat u zelf moet betalen, € 132,20, kunt u in vier
termijnen betalen. De eerste termijn moet uiterlijk 30 april 2026 op NL31 BNGH 0285 0011 22 staan.
"""
    assert _explain(letter)["amount_due"] == 132.2


def test_a_uwv_supplement_under_the_toeslagenwet_is_a_benefit_decision() -> None:
    letter = """UWV
Datum: 8 september 2026
Betreft: u moet toeslag terugbetalen

Geachte heer Öztürk,

U krijgt een WW-uitkering met een toeslag op grond van de Toeslagenwet. Uw partner heeft sinds
juni werk. Daarom had u geen recht meer op de toeslag. Wij vorderen € 612,00 van u terug.
Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.
"""
    assert _explain(letter)["kind"] == "uitkering-besluit"


def test_duo_asks_back_a_grant_in_the_je_form() -> None:
    letter = """DUO
Datum 4 mei 2026
Onderwerp: We hebben je aanvullende beurs opnieuw berekend

Beste Noor,

Je kreeg van februari tot en met april € 300,00 per maand te veel aanvullende beurs, samen
€ 900,00. Dat moet je terugbetalen. Maak € 900,00 uiterlijk 3 juni 2026 over naar
NL67 INGB 0705 0010 22 ten name van DUO.
"""
    out = _explain(letter)
    assert out["kind"] == "duo-studieschuld"
    assert out["amount_due"] == 900.0


def test_a_payment_box_cell_above_its_date_is_the_pay_by_day() -> None:
    letter = """Centraal Justitieel Incassobureau
Datum beschikking: 4 mei 2026

Wat is er gebeurd?                                 | BETAALGEGEVENS
U reed te hard op de A7 bij Sneek. Het kenteken     | Te betalen
staat op uw naam. Daarom krijgt u deze              |   € 112,00
beschikking. Betaal het bedrag op tijd. Doet u      | Uiterlijk betaald op
dat niet, dan wordt het bedrag hoger. Lees ook      |   15 juni 2026
de achterkant van deze brief goed door.             | Naar IBAN
                                                    |   NL49 INGB 0705 0018 54
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-06-15"
    assert out["deadline"]["action"] == "pay"


def test_a_bare_term_under_a_question_heading_takes_the_next_sentences_ask() -> None:
    letter = """Gemeente Utrecht, Werk en Inkomen
Datum: 6 oktober 2026
Betreft: heronderzoek bijstand

Beste mevrouw Amrani,

Wij kijken of uw bijstandsuitkering nog klopt. Daarvoor hebben we uw bankafschriften nodig.
Ook als uw zoon u kostgeld betaalt, willen we dat weten.

Wanneer?
Binnen twee weken na de datum van dit bericht. Upload de papieren via Mijn Loket.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-10-20"
    assert out["deadline"]["action"] == "send_documents"


def test_old_legal_dutch_for_sending_papers() -> None:
    letter = """Gerechtsdeurwaarderskantoor Van Aken
Tilburg, 1 december 2026
Betreft: mededeling loonbeslag

Ten verzoeke van Woonstichting Leyland heb ik beslag gelegd op uw loon.
Teneinde de beslagvrije voet juist vast te stellen, verzoek ik u mij binnen vier weken na
dagtekening dezes te doen toekomen: uw laatste drie loonstroken en een bewijs van uw huur.
"""
    out = _explain(letter)
    assert out["deadline"]["date"] == "2026-12-29"
    assert out["deadline"]["action"] == "send_documents"


def test_an_account_the_sender_pays_out_to_or_no_longer_uses_is_not_the_one_to_pay() -> None:
    letter = """Zorgverzekeraar De Linde
Datum: 2 maart 2026
Onderwerp: aanmaning premie                        |
                                                   | Uw rekening voor
Wij hebben uw premie van januari en februari nog   | uitbetaling declaraties
niet ontvangen. Samen is dat € 284,00. Betaal dit  | NL44 RABO 0123 4567 89
bedrag vóór 16 maart 2026. Let op: op uw oude      | (hierop betalen wij u;
nota's staat nog NL91 ABNA 0417 1643 00; dat        | niet om op te betalen)
nummer gebruiken we sinds 1 maart niet meer.       |
Betaal naar NL20 INGB 0001 2345 67.                |
"""
    assert _explain(letter)["iban"] == "NL20INGB0001234567"
