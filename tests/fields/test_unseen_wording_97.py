"""Wordings first met in blind batches 97–100 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 12, 1)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_you_still_pay_names_the_sum_left_after_a_waiver() -> None:
    letter = """Gemeente Breda
Datum 14 april 2026
Onderwerp: uw verzoek om kwijtschelding

Voor kwijtschelding komen de afvalstoffenheffing en de rioolheffing in aanmerking, samen
€ 500,00. U kunt per jaar € 150,00 zelf betalen. Wij schelden daarom € 350,00 kwijt.

U betaalt nog € 250,00: uw betalingscapaciteit van € 150,00 plus de hondenbelasting van
€ 100,00. De eerste termijn moet uiterlijk 30 april 2026 op NL31 BNGH 0285 0011 22 staan.
"""
    assert _explain(letter)["amount_due"] == 250.0


def test_an_instalment_the_bank_could_not_collect_is_owed() -> None:
    letter = """Energieleverancier Oost                        Melding · 3 februari 2026

Je termijnbedrag is niet betaald

We konden je termijnbedrag voor stroom en gas van februari, € 134,00, niet van je rekening
afschrijven. Maak het
binnen 10 dagen over via de knop hieronder.
"""
    assert _explain(letter)["amount_due"] == 134.0


def test_a_text_about_this_months_premium_is_the_insurers() -> None:
    letter = """Berichten  >  ZorgPlus

                      ma 9 mrt. 2026 10:14

ZorgPlus: Hoi Fatima, je premie van februari (€ 148,35) is nog niet bij ons binnen. Betaal
uiterlijk 23 maart via de app.
"""
    result = _explain(letter, today=date(2026, 3, 10))
    assert result["kind"] == "zorgverzekering-achterstand"
    assert result["amount_due"] == 148.35
    assert result["deadline"]["date"] == "2026-03-23"


def test_a_full_waiver_told_object_first() -> None:
    letter = """Gemeente Zaanstad
Datum: 23 april 2026
Onderwerp: je verzoek om kwijtschelding

Goed nieuws: je krijgt kwijtschelding.
- afvalstoffenheffing: € 318,00
- rioolheffing: € 176,40
Samen is dat € 494,40. Dit bedrag hoef je niet meer te betalen.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_final_calculation_that_ends_in_money_back_is_a_reclaim() -> None:
    letter = """Dienst Toeslagen
Datum: 27 augustus 2026
Onderwerp: definitieve berekening huurtoeslag 2025

Wij hebben uw huurtoeslag over 2025 definitief berekend. U moet daarom geld aan ons
terugbetalen.

| Recht op huurtoeslag over 2025           | € 2.316            |
| Al aan u betaald als voorschot           | € 3.084            |
| Verschil: u moet terugbetalen            | € 768              |

U betaalt het bedrag van € 768 in 24 maandelijkse termijnen van € 32.

| Eerste termijn bijgeschreven vóór        | 1 november 2026    |
| IBAN                                     | NL86 INGB 0002 4455 88 |
"""
    result = _explain(letter)
    assert result["kind"] == "toeslag-terugvordering"
    assert result["amount_due"] == 768.0
    assert result["deadline"]["date"] == "2026-11-01"


def test_refunds_paid_out_from_the_other_account_are_no_ask() -> None:
    letter = """Energie West
Datum: 20 maart 2026
Betreft: herinnering

  Januari 2026     € 187,00
  Februari 2026    € 187,00
  Maart 2026       € 187,00
  ---------------------------
  Openstaand       € 561,00

Wilt u dit bedrag uiterlijk vrijdag 3 april 2026 overmaken naar NL20 INGB 0001 2345 67?

Let op: op uw jaarafrekening staat ook ons rekeningnummer NL44 RABO 0123 4567 89. Dat nummer
gebruiken wij alleen om teruggaven uit te betalen, zoals de € 84,20 die u toen van ons kreeg.
"""
    assert _explain(letter)["amount_due"] == 561.0


def test_a_schedule_under_a_header_naming_the_account() -> None:
    letter = """Belastingdienst
Dagtekening 11 december 2026
Voorlopige aanslag 2027

U betaalt dit bedrag in 3 gelijke termijnen van € 227.

Termijn   Uiterlijk op rekening Belastingdienst                    Bedrag
-------------------------------------------------------------------------
  1       31 januari 2027                                           € 227
  2       28 februari 2027                                          € 227
  3       31 maart 2027                                             € 227
"""
    assert _explain(letter)["deadline"]["date"] == "2027-01-31"


def test_a_card_counts_its_term_from_its_own_date() -> None:
    letter = """WATERSCHAP LAAG HOLLAND
Herinnering waterschapsbelastingen 2026            Lelystad, 10 juni 2026

De aanslag is nog niet helemaal betaald. Er staat nog € 187,43 open.
Wilt u dit bedrag binnen 14 dagen na de datum van deze kaart overmaken naar
NL31 BNGH 0285 0011 22?
"""
    assert _explain(letter)["deadline"]["date"] == "2026-06-24"


def test_a_term_whose_anchor_word_is_broken_over_two_lines() -> None:
    letter = """Gemeente Zaanstad
Zaandam, 13 november 2026
Onderwerp: beschikking kwijtschelding

Het resterende bedrag van € 103,20 dient binnen één maand na de dagteke-
ning van deze beschikking te zijn bijgeschreven op NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-12-13"


def test_the_day_a_mandate_is_due_and_another_bills_due_day_are_no_deadline() -> None:
    letter = """Gemeente Deventer
Dagtekening 26-02-2027
Aanslagbiljet gemeentelijke belastingen 2027

Totaal aanslag                     € 640,00
Vervaldatum                        30-04-2027

Liever in tien termijnen? Een machtiging moet vóór 31 maart 2027 bij ons binnen zijn.
Let op: de nota van de hondenbelasting met vervaldatum 31 maart 2027 valt niet onder deze aanslag.
Betaal op NL31 BNGH 0285 0011 22.
"""
    assert _explain(letter)["deadline"]["date"] == "2027-04-30"


def test_report_a_change_within_four_weeks_is_no_deadline() -> None:
    letter = """Dienst Toeslagen
Datum: 2 december 2026
Onderwerp: uw voorschot zorgtoeslag 2027

U krijgt in 2027 € 123 per maand zorgtoeslag. Verandert er iets, bijvoorbeeld uw inkomen of uw
woonsituatie, geef dat dan binnen 4 weken door via Mijn toeslagen.
"""
    assert _explain(letter)["deadline"] is None


def test_a_postcards_message_side_holds_its_head() -> None:
    letter = """                                                        PORT BETAALD
WATERSCHAP NOORD
Postbus 229, 8200 AE  Lelystad

                          De heer P. van Dalen
                          Kogge 38
                          8302 HT  Emmeloord
\fHerinnering waterschapsbelastingen 2026            Lelystad, 10 juni 2026

De aanslag waterschapsbelastingen 2026 met aanslagnummer 60.2026.3318.04 is nog niet
helemaal betaald. Er staat nog € 187,43 open. Wilt u dit bedrag binnen 14 dagen na de datum
van deze kaart overmaken naar NL31 BNGH 0285 0011 22?
"""
    result = _explain(letter)
    assert result["stage"] == "reminder"
    assert result["objection_deadline"] is None


def test_a_visit_at_home_is_an_appointment() -> None:
    letter = """WOONSTICHTING DE HAVEN                                   Bemmel, 26 mei 2026

We vervangen je rookmelders!

Op dinsdag 9 juni 2026 tussen 8.00 en 12.00 uur komt onze monteur bij je langs. Zorg dat je
thuis bent. Past deze dag niet? Kies dan vóór 5 juni een andere dag.
"""
    result = _explain(letter)
    assert result["kind"] == "afspraak-uitnodiging"
    assert result["deadline"]["date"] == "2026-06-09"


def test_a_payment_label_broken_over_two_lines() -> None:
    letter = """BELASTINGSAMENWERKING OOST
Datum: 12 mei 2026
AANMANING waterschapsbelasting

U heeft de aanslag niet op tijd betaald. Betaal € 120,00 binnen veertien dagen op
NL31 BNGH 0285 0011 22 t.n.v. BSO onder vermelding van het beta-
lingskenmerk 7936 6997 1946 1085.
"""
    assert _explain(letter)["payment_reference"] == "7936699719461085"


def test_put_the_contract_number_with_it_after_the_account_sentence() -> None:
    letter = """Woonstichting Zuidoost
Datum: 22 mei 2026
Betreft: je huur is niet betaald

Maak € 927,48 over vóór vrijdag 5 juni 2026. Dat kan naar
NL20 INGB 0001 2345 67 van Woonstichting Zuidoost. Zet je
huurcontractnummer 0412-07-3318 erbij.
"""
    assert _explain(letter)["payment_reference"] == "0412-07-3318"


def test_the_account_a_benefit_is_paid_to_is_the_readers() -> None:
    letter = """Gemeente Arnhem
Datum: 4 mei 2026
Besluit bijstand

U krijgt vanaf 1 mei 2026 bijstand.
Bedrag per maand:
€ 1.401,50 netto
Wij betalen rond de 25e
van de maand op
NL20 INGB 0001 2345 67
"""
    assert _explain(letter)["iban"] is None


# The same letters as born-digital PDFs: a text layer keeps what stands side by side on one
# line, wraps where the page wraps and right-aligns a figure far from its euro sign.

def test_a_row_label_after_another_columns_prose_on_the_same_line() -> None:
    letter = """INCASSO KOK B.V.
Datum         19 maart 2026
Betreft: onbetaalde contributie

Geachte mevrouw Jansen,                        Hoofdsom                  € 104,85
                                                Incassokosten               € 40,00
FitFabriek heeft ons opdracht gegeven om           Rente                        € 1,12
de contributie te innen die u nog verschuldigd        Betaald                    € 20,00 -
bent. Uw betaling van € 20,00 hebben wij van het totaal afgetrokken.

TE BETALEN                  € 125,97

Wij verzoeken u het totaal uiterlijk 2 april 2026 over te maken op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["amount_due"] == 125.97


def test_a_sum_whose_figure_wraps_to_the_next_line() -> None:
    letter = """Zorgverzekeraar Duin
Datum: 1 februari 2027
Betreft: herinnering premie

We hebben de premie voor december 2026 en januari 2027 nog niet van je gekregen. Samen is dat €
287,40 (2 x € 143,70). Betaal dit vóór 15 februari 2027 op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["amount_due"] == 287.4


def test_one_row_under_a_bare_heading_what_you_still_pay() -> None:
    letter = """DUO
Datum: 1 april 2026
Betreft: herinnering

Je hebt je maandbedrag over maart 2026 nog niet betaald.

Wat je nog moet betalen
---------------------------------------------------------
Maandbedrag maart 2026                                 € 118,46
Uiterste betaaldatum                                   30 april 2026
---------------------------------------------------------

Rekeningnummer NL20 INGB 0001 2345 67

Jouw studieschuld op 1 april 2026
---------------------------------------------------------
Totale schuld                                          € 24.873,19
---------------------------------------------------------
"""
    assert _explain(letter)["amount_due"] == 118.46


def test_a_table_row_owed_only_if_you_pay_late() -> None:
    letter = """Incasso Maas
Datum: 29 september 2026
Betreft: veertiendagenbrief

U kunt het openstaande bedrag van € 189,97 nu nog zonder kosten betalen. Het moet binnen 14
dagen op onderstaande rekening zijn bijgeschreven.

+--------------------------------------------------+----------------+
| Hoofdsom                                         |     € 189,97   |
| Buitengerechtelijke incassokosten                |      € 40,00   |
| Te betalen als u niet op tijd betaalt            |     € 229,97   |
+--------------------------------------------------+----------------+

| IBAN                           NL20 INGB 0001 2345 67              |
| Bedrag                         € 189,97                            |
"""
    assert _explain(letter)["amount_due"] == 189.97


def test_a_right_aligned_figure_far_from_its_euro_sign() -> None:
    letter = """Belastingdienst
Dagtekening 1 juli 2026
Aanslag inkomstenbelasting 2025

U moet terugbetalen, samen met de belastingrente.
Bedrag                   €                                                         443
Uiterlijk betalen op                                                   12 augustus 2026
Rekeningnummer                       NL86 INGB 0002 4455 88 t.n.v. Belastingdienst
"""
    assert _explain(letter)["amount_due"] == 443.0
