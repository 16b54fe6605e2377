"""Wordings first met in blind batches 89–92 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 12, 1)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_a_product_the_letter_computes_is_the_sum_not_its_factor() -> None:
    letter = """Van: Zorgverzekeraar Duinzorg <premie@duinzorg.example>
Datum: ma 1 jun 2026 08:10
Onderwerp: je premie staat nog open

Per maand betaal je € 140,25. De premie van april en mei hebben we niet ontvangen.
Er staat dus 2 x € 140,25 = € 280,50 open.

Wil je € 280,50 overmaken vóór 15-06-2026 naar NL20 INGB 0001 2345 67?
"""
    result = _explain(letter)
    assert result["amount_due"] == 280.5
    assert result["deadline"]["date"] == "2026-06-15"


def test_an_assessment_already_paid_in_full_is_no_ask() -> None:
    letter = """Waterschap Rivierland
Tiel, 13 november 2026
Betreft: vermindering aanslag 2026

Wij verlagen uw aanslag. Uw aanslag was eerst € 310,00 en is nu € 200,00.
U hebt de oorspronkelijke aanslag van € 310,00 al volledig betaald. Daarom betalen wij
€ 110,00 aan u terug. U hoeft hiervoor niets te doen.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_benefit_computed_on_one_line_and_paid_out_asks_nothing() -> None:
    letter = """Gemeente Deventer
Werk en Inkomen
Datum: 9 juli 2026

Beste Sam,

We hebben je bijstand over juni uitgerekend. Je krijgt nog geld van ons.

  Bijstandsnorm                                  € 1.400,00
  Loon dat we aftrekken                            € 600,00
  Jouw bijstand over juni: € 1.400,00 - € 600,00 = € 800,00
  Al betaald als voorschot                         € 500,00
  We betalen je nog bij                            € 300,00

We maken € 300,00 binnen vijf werkdagen over naar je rekening.
"""
    assert _explain(letter)["amount_due"] is None


def test_the_total_of_a_table_beside_a_side_column_with_the_monthly_rent() -> None:
    letter = """WONEN ZUID
Datum: 3 juni 2026                               |  Uw maandhuur
                                                 |  kale huur     € 600,00
Geachte heer Jansen,                             |  servicekosten  € 50,00
                                                 |  totaal         € 650,00
Uw huur van april en mei is niet helemaal betaald.|
                                                 |  Uw contactpersoon
  april 2026   huur     € 650,00                 |  Mw. De Boer
               betaald  € 200,00                 |
               open     € 450,00                 |
  mei 2026     open     € 650,00                 |
  -----------------------------                  |
  totaal open           € 1.100,00               |  Postbus 10

Wilt u dit bedrag uiterlijk 17 juni 2026 overmaken naar NL20 INGB 0001 2345 67?
"""
    assert _explain(letter)["amount_due"] == 1100.0


def test_an_offer_of_a_direct_debit_does_not_cancel_the_printed_terms() -> None:
    letter = """GEMEENTE HOUTVELD
AANSLAGBILJET GEMEENTELIJKE BELASTINGEN 2027
Dagtekening 15-02-2027

| Afvalstoffenheffing                      | € 300,00 |
| Rioolheffing                             | € 200,00 |
| Totaal aanslag                           | € 500,00 |

| U betaalt deze aanslag in twee delen:                         |
|   1e termijn   € 250,00   uiterlijk op 31-03-2027              |
|   2e termijn   € 250,00   uiterlijk op 30-04-2027              |
| Rekening NL44 RABO 0123 4567 89 t.n.v. Gemeente Houtveld       |

Liever in tien termijnen? Geef ons dan een machtiging. Met een machtiging hoeft u zelf
niets over te maken.
"""
    result = _explain(letter)
    assert result["amount_due"] == 500.0
    assert result["deadline"]["date"] == "2027-03-31"
    assert result["iban"] == "NL44RABO0123456789"


def test_a_days_transfer_with_the_ongoing_rent_is_not_the_arrears() -> None:
    letter = """Woonstichting Het Anker
Deventer, 25 augustus 2026
Onderwerp: je betalingsregeling

  Huur juli 2026                  € 700,00
  Huur augustus 2026              € 700,00
  Betaald op 14 augustus          € 200,00 -
  Achterstand nu                  € 1.200,00

Je betaalt de achterstand van € 1.200,00 af in acht maanden. Elke maand betaal je € 150,00
extra. Je eerste aflossing van € 150,00 moet uiterlijk 1 september 2026 bij ons binnen zijn.
Op diezelfde dag moet ook je gewone huur van € 700,00 binnen zijn. Je maakt die dag dus in
totaal € 850,00 over naar NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["amount_due"] == 1200.0


def test_the_sum_left_after_a_waiver_and_its_schedule() -> None:
    letter = """Gemeente Kampen
Datum 13 april 2026
Onderwerp: uw verzoek om kwijtschelding

U krijgt gedeeltelijk kwijtschelding. U kunt in een jaar € 60,00 missen. Dat bedrag moet u
zelf betalen; de rest van de heffingen, € 500,00, schelden wij kwijt. Voor hondenbelasting
is kwijtschelding niet mogelijk. U betaalt dus nog € 60,00 + € 90,00 = € 150,00.

U mag het bedrag in drie termijnen betalen:
  € 50,00 uiterlijk 30 april 2026
  € 50,00 uiterlijk 31 mei 2026
  € 50,00 uiterlijk 30 juni 2026
Maak de termijnen over naar NL31 BNGH 0285 0011 22.
"""
    result = _explain(letter)
    assert result["amount_due"] == 150.0
    assert result["deadline"]["date"] == "2026-04-30"


def test_a_sum_not_waived_stays_the_ask() -> None:
    letter = """Gemeente Kampen
Datum 13 april 2026
Onderwerp: beslissing op uw verzoek om kwijtschelding

Op uw verzoek om kwijtschelding van de gemeentelijke belastingen 2026 besluit ik als volgt.
Aan u wordt gedeeltelijk kwijtschelding verleend tot een bedrag van € 350,00.
Het resterende bedrag ad € 180,00 wordt niet kwijtgescholden en dient door u te worden
betaald vóór 30 juni 2026 op NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["amount_due"] == 180.0


def test_a_text_message_without_a_year_takes_it_from_its_weekday() -> None:
    letter = """< Berichten                Incasso Noord

                   di 10 feb. 09:41

Incasso Noord: namens Sportclub Vlieg staat er nog €120,00 voor u open (dossier
IN-26-4411). Betaal uiterlijk vr 20-2 op NL20 INGB 0001 2345 67 o.v.v. uw dossiernummer.
"""
    result = _explain(letter, today=date(2026, 3, 1))
    assert result["letter_date"] == "2026-02-10"
    assert result["deadline"]["date"] == "2026-02-20"


def test_a_phone_header_with_a_clock_time_is_the_message_date() -> None:
    letter = """Gem. Zwolle
Tekstbericht
do 8 okt. 2026 11:03

Gemeente Zwolle: termijn 8 van uw aanslag is door uw bank teruggeboekt. Wilt u
€ 64,15 uiterlijk 22-10 overmaken naar NL31 BNGH 0285 0011 22?
"""
    result = _explain(letter)
    assert result["letter_date"] == "2026-10-08"
    assert result["deadline"]["date"] == "2026-10-22"


def test_a_boxed_payment_cell_that_names_the_account() -> None:
    letter = """Belastingdienst
  Dagtekening           18 juni 2026

  +-----------------------------------------------+-------------+
  | Wat u over 2025 moet betalen                  | € 900       |
  | Uiterlijk op onze rekening                    | 31-08-2026  |
  +-----------------------------------------------+-------------+

Maak het bedrag over naar NL86 INGB 0002 4455 88.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-08-31"


def test_a_schedule_header_cell_that_touches_its_bar() -> None:
    letter = """Belastingdienst
Dagtekening      8 januari 2027
VOORLOPIGE AANSLAG 2027

U betaalt het bedrag in 3 termijnen.

+---------+------------------+----------+
| Termijn | Uiterlijk betaald| Bedrag   |
+---------+------------------+----------+
|  1      | 28-02-2027       | € 100    |
|  2      | 31-03-2027       | € 100    |
|  3      | 30-04-2027       | € 100    |
+---------+------------------+----------+
"""
    assert _explain(letter)["deadline"]["date"] == "2027-02-28"


def test_an_english_mail_header_dates_the_mail() -> None:
    letter = """From: Waterbedrijf Oost <klant@waterbedrijf-oost.example>
Sent: Thursday, 10 September 2026 14:02
Subject: Uw eindafrekening

Beste heer Smit,

Er blijft € 55,35 over dat u nog moet betalen. Wilt u dit bedrag binnen 14 dagen na
dagtekening van deze e-mail overmaken naar NL69 RABO 0300 0654 21?
"""
    result = _explain(letter)
    assert result["letter_date"] == "2026-09-10"
    assert result["deadline"]["date"] == "2026-09-24"


def test_a_warning_about_the_shops_own_account_leaves_the_agencys_account() -> None:
    letter = """Van: Incassobureau Rijn <dossiers@rijn.example>
Datum: di 13 okt. 2026 09:14

Wij verzoeken u € 454,49 binnen zeven dagen over te maken naar onze rekening:

  IBAN:          NL67 INGB 0705 0010 22
  Omschrijving:  RI-26-47719

Let op: betaal niet meer aan de webwinkel zelf. Op hun factuur staat hun rekening
NL66 ABNA 0542 6190 21; betalingen daarop verwerken wij niet automatisch.
"""
    assert _explain(letter)["iban"] == "NL67INGB0705001022"


def test_the_one_account_in_the_letterhead_when_the_letter_says_our_account() -> None:
    letter = """Gerechtsdeurwaarders Molenaar
Bankrekening NL68 RABO 0300 0654 21 - KvK 09184472
Arnhem, 2 november 2026

Aan gedaagde wordt gevorderd de som van € 812,40. Betaling geschiedt op onze bankrekening,
onder vermelding van ons kenmerk 2026-4410.
"""
    assert _explain(letter)["iban"] == "NL68RABO0300065421"


def test_an_invoice_number_on_the_line_after_its_word() -> None:
    letter = """Tandartspraktijk De Brug
di 19 mei 2026
Betalingsherinnering

Goedemiddag, dit is een bericht van Tandartspraktijk De Brug. Uw nota
2026-0412 van 14 april (€ 68,40) staat nog open. Wilt u deze voldoen vóór 2 juni 2026 op
NL20 INGB 0001 2345 67 o.v.v. het notanummer?
"""
    assert _explain(letter)["payment_reference"] == "2026-0412"
