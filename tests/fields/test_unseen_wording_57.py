"""Wordings first met in blind batches 57–60 (issue #15), each in letters of our own: the finder
must read the structure, not the batch's letter. Whole-letter checks go through the real text
path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


# --- amounts -------------------------------------------------------------------------------

def test_a_total_row_under_an_ascii_rule_line_sums_the_rows_above() -> None:
    letter = """Belastingdienst
Datum: 2 maart 2026
Aanslag inkomstenbelasting 2025

+----------------------------------------+-----------+
| Nog verschuldigd over 2025             |   € 310   |
| Plus: belastingrente                   |    € 14   |
+----------------------------------------+-----------+
| TE BETALEN                             |   € 324   |
+----------------------------------------+-----------+

Betaal vóór 30 april 2026 op NL86 INGB 0002 4455 88 ten name van Belastingdienst.
"""
    assert _explain(letter)["amount_due"] == 324.0


def test_a_wrapped_row_under_an_amount_header_is_one_of_a_list_not_the_total() -> None:
    letter = """Incassobureau Kustlijn B.V.
Datum: 3 februari 2026
Betreft: dossier KL-2026-0412

  Nota      Datum           Omschrijving                   Bedrag
  26-0101   5 januari 2026  vulling en controle, eigen    € 140,00
                            bijdrage na vergoeding
  26-0144   9 januari 2026  mondhygiëne                   € 62,00
  ---------------------------------------------------------------
  Openstaande hoofdsom                                    € 202,00

Maak het bedrag van € 202,00 binnen veertien dagen over naar:
  IBAN         NL44 RABO 0123 4567 89
  omschrijving KL-2026-0412
"""
    out = _explain(letter)
    assert out["amount_due"] == 202.0
    assert out["payment_reference"] == "KL-2026-0412"


def test_a_minus_row_is_taken_off_and_what_you_pay_back_is_the_sum() -> None:
    letter = """UWV
Datum: 4 februari 2026
Betreft: terugvordering WW

| Te veel ontvangen, bruto        | € 1.200,00 |
| Min: ingehouden loonheffing     | € 300,00   |
| U betaalt terug (netto)         | € 900,00   |

Betaal het nettobedrag vóór 15 maart 2026 op NL90 INGB 2894 1379 30.
"""
    assert _explain(letter)["amount_due"] == 900.0


def test_a_summons_tells_the_debt_not_paid_and_its_table_total_is_the_claim() -> None:
    letter = """Jansen Gerechtsdeurwaarders
Heden, 5 februari 2026, heb ik gedagvaard:

1. Gedaagde heeft met eiseres een abonnement gesloten tegen een maandelijkse
   bijdrage van € 30,00, vooraf te voldoen.
2. Gedaagde is in gebreke gebleven de bijdragen over tien maanden te voldoen,
   in totaal een hoofdsom van € 300,00.

   hoofdsom                                         € 300,00
   buitengerechtelijke incassokosten                €  45,00
                                                    ---------
   totaal                                           € 345,00

De zaak dient op dinsdag 3 maart 2026 om 10.00 uur.
"""
    assert _explain(letter)["amount_due"] == 345.0


def test_the_terms_add_up_to_the_total_a_slip_for_the_first_term_is_no_total() -> None:
    letter = """Gemeente Deventer, Belastingen
Datum: 20 februari 2026
Aanslag gemeentelijke belastingen 2026

| Afvalstoffenheffing            |                 | € 300,00        |
| Totaal aanslag                 |                 | € 500,00        |

U betaalt dit bedrag in twee termijnen:
  1e termijn  € 250,00   uiterlijk op 31 maart 2026
  2e termijn  € 250,00   uiterlijk op 30 april 2026

BETAALSTROOK 1e TERMIJN
Rekening         NL87 ABNA 4140 7814 57
Bedrag           € 250,00
"""
    assert _explain(letter)["amount_due"] == 500.0


def test_a_unit_on_the_next_line_belongs_to_its_own_amount() -> None:
    letter = """Verhuur De Wit
Datum: 3 juni 2026

Ik heb de huur van mei en juni nog niet ontvangen. De huur is € 900 per
maand, dus er staat nu € 1.800 open. Maak het volledige bedrag uiterlijk
vrijdag 12 juni 2026 over naar NL72 INGB 0006 5432 17.
"""
    assert _explain(letter)["amount_due"] == 1800.0


def test_a_debt_that_stays_with_a_named_creditor_is_not_asked() -> None:
    letter = """CAK
Datum: 5 januari 2027
Betreft: bestuursrechtelijke premie

Vanaf 1 februari 2027 betaalt u uw zorgpremie aan het CAK. Wij vragen uw werkgever om de
premie elke maand van uw loon in te houden. U hoeft dus zelf niets over te maken.
De achterstand die u bij Zorgverzekeraar Oost heeft opgebouwd, € 980,00, is niet naar ons
overgegaan. Die schuld blijft bij uw verzekeraar.
Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.
"""
    assert _explain(letter)["amount_due"] is None


def test_a_refund_to_your_account_and_no_further_payment_asked() -> None:
    letter = """Gemeente Sneek
Sneek, 14 april 2026
Betreft: beslissing op uw verzoek om kwijtschelding

BESLUIT:
I.  kwijtschelding te verlenen van de afvalstoffenheffing ad € 300,00;
II. het overschot ad € 12,00 aan verzoeker te restitueren op rekeningnummer
    NL91 TRIO 3166 6229 58.
Van verzoeker wordt ter zake van deze aanslag derhalve geen verdere betaling verlangd.
"""
    out = _explain(letter)
    assert out["amount_due"] is None and out["iban"] is None


def test_a_direct_debit_in_a_case_does_not_undo_the_order_to_pay() -> None:
    letter = """Belastingdienst
Datum: 21 december 2026
Voorlopige aanslag 2027

| Te betalen                   | € 1.200                             |

Maak elk termijnbedrag over naar rekening NL65 INGB 9820 1278 21. Vermeld het betalingskenmerk
0532 3461 8594 2518. Betaalt u met automatische incasso? Dan hoeft u niets te doen.

|  1   | 28 februari 2027          |        € 600   |
|  2   | 31 maart 2027             |        € 600   |
"""
    out = _explain(letter)
    assert out["amount_due"] == 1200.0 and out["iban"] == "NL65INGB9820127821"


def test_an_instalment_plan_the_letter_asks_to_pay_with_its_number_named() -> None:
    letter = """Waterbedrijf Duinrand
Datum: 15 september 2026
Onderwerp: bevestiging van uw betalingsregeling

Wij hebben met u afgesproken dat u de openstaande rekeningen voor uw drinkwater in termijnen
betaalt.

  Totaal van de regeling                             € 240,00
  1         1 oktober 2026        € 80,00
  2         1 november 2026       € 80,00
  3         1 december 2026       € 80,00

Maak iedere termijn over naar NL03 RABO 0847 0876 15 en vermeld daarbij het nummer van de
regeling: 2026-BR-01234. Uw voorschot schrijven wij zoals gewend af; daarvoor hoeft u niets
over te maken.
"""
    out = _explain(letter)
    assert out["amount_due"] == 240.0 and out["payment_reference"] == "2026-BR-01234"


# --- dates and appointments ----------------------------------------------------------------

def test_a_cancelled_appointment_is_no_appointment_and_the_new_one_counts() -> None:
    letter = """Gemeente Leiden, Werk en Inkomen
Leiden, 5 maart 2026
Onderwerp: uw afspraak is verplaatst

Uw afspraak op dinsdag 10 maart om 10.00 uur gaat niet door. U hoeft op 10 maart niet te komen.
Wij hebben een nieuwe afspraak voor u gemaakt: maandag 16 maart 2026, om kwart voor drie in de
middag, op het Stadhuis. Neem uw identiteitsbewijs mee.
"""
    out = _explain(letter, date(2026, 3, 6))
    assert out["appointment"]["date"] == "2026-03-16" and out["appointment"]["time"] == "14:45"


def test_a_called_off_meeting_with_only_a_new_letter_to_come() -> None:
    letter = """Gemeente Utrecht
Utrecht, 21 oktober 2026
Onderwerp: uw afspraak vervalt

Uw afspraak op donderdag 29 oktober 2026 om 11.15 uur in het Stadskantoor gaat niet door.
Komt u dus op 29 oktober niet naar het Stadskantoor. Uw nieuwe klantmanager neemt contact met u op.
Hij of zij stuurt u binnen twee weken een nieuwe uitnodiging.
"""
    out = _explain(letter, date(2026, 10, 22))
    assert out["appointment"] is None and out["deadline"] is None


def test_an_appointment_that_goes_ahead_only_when_you_confirm_asks_to_respond_first() -> None:
    letter = """Gemeente Tilburg, Schuldhulp
Tilburg, 14 september 2026
Onderwerp: uitnodiging voor een intakegesprek

Wij nodigen u uit voor een gesprek op dinsdag 29 september 2026 om 9.00 uur in de Stadswinkel.
Het gesprek gaat alleen door als u ons laat weten dat u komt. Wilt u dat uiterlijk vrijdag
25 september 2026 doen? Bel 14 013.
"""
    out = _explain(letter, date(2026, 9, 15))
    assert out["deadline"]["date"] == "2026-09-25" and out["deadline"]["action"] == "respond"


def test_a_call_only_if_you_cannot_come_leaves_the_meeting_the_deadline() -> None:
    letter = """Gemeente Breda, Schuldhulp
Breda, 20 november 2026
Onderwerp: uitnodiging voor een gesprek

Wanneer   dinsdag 8 december 2026, 10.00 uur
Waar      Stadskantoor, Claudius Prinsenlaan 10

Kun je niet? Bel dan uiterlijk vrijdag 4 december 2026 naar 14 076.
Bel uiterlijk 2 werkdagen van tevoren als je later komt.
"""
    out = _explain(letter, date(2026, 11, 21))
    assert out["deadline"]["date"] == "2026-12-08" and out["deadline"]["action"] == "attend"


def test_an_old_bills_term_beside_its_own_date_is_no_deadline() -> None:
    letter = """Van Dam Gerechtsdeurwaarders
Arnhem, 22 september 2026

Eiseres heeft werkzaamheden verricht en daarvoor op 12 mei 2026 gefactureerd een bedrag van
€ 840,00, te betalen binnen veertien dagen. Gedaagde heeft niet betaald.
De zaak dient op woensdag 14 oktober 2026 om 10.00 uur.
"""
    out = _explain(letter, date(2026, 9, 23))
    assert out["deadline"]["date"] == "2026-10-14"


def test_an_age_on_the_next_line_is_no_time() -> None:
    letter = """Sociale Verzekeringsbank
Roermond, 8 september 2026
Betreft: kinderbijslag

Uw zoon wordt op 11 oktober 2026 zestien jaar. Voor een kind
van 16 of 17 jaar krijgt u alleen kinderbijslag als hij naar school gaat. Wilt u ons binnen
drie weken na de datum van deze brief een schoolverklaring sturen?
"""
    assert _explain(letter, date(2026, 9, 9))["appointment"] is None


def test_we_give_you_fourteen_days_from_the_day_after_receipt() -> None:
    letter = """Incassobureau Hofstad
Den Haag, 14 april 2026

U kunt dit bedrag van € 120,00 nu nog zonder extra kosten betalen. Wij geven u daarvoor
14 dagen, te rekenen vanaf de dag na de dag waarop u deze brief ontvangt. Maak het bedrag over
naar NL30 RABO 1053 9418 60.
"""
    out = _explain(letter, date(2026, 4, 15))
    assert out["deadline"]["date"] == "2026-04-28" and out["deadline"]["action"] == "pay"


# --- kinds ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("letter", "kind"), [
    pytest.param("""Dienst Toeslagen
Datum 3 juli 2026
Onderwerp Definitieve berekening zorgtoeslag en huurtoeslag 2024
Zorgtoeslag 2024: u heeft € 400 te veel gekregen. Huurtoeslag 2024: u krijgt nog € 60 van ons.
Wij trekken de € 60 af. Maak € 340 over vóór 1 september 2026 op NL13 INGB 2282 8102 99.
Op de volgende pagina ziet u de berekening en het toetsingsinkomen.
""", "toeslag-terugvordering", id="toeslag-net-reclaim"),
    pytest.param("""Centraal Justitieel Incassobureau
Datum: 6 oktober 2026
Betreft: u loopt achter met de termijnen van uw schadevergoedingsmaatregel
U betaalt in maandtermijnen van € 50,00. De termijnen van augustus en september hebben wij
niet ontvangen. Uw achterstand is € 100,00. Betaal de € 100,00 uiterlijk 20 oktober 2026.
""", "cjib-aanmaning", id="cjib-instalments-behind"),
    pytest.param("""Gemeente Haarlem, commissie bezwaarschriften
Haarlem, 20 april 2026
Betreft: uw bezwaarschrift tegen het besluit over uw bijstandsuitkering
U wordt bij dezen opgeroepen te verschijnen ter openbare hoorzitting op woensdag 13 mei 2026,
te 14.45 uur, in het stadhuis. De commissie verzoekt u vóór 28 april te laten weten of u ter
zitting zult verschijnen.
""", "afspraak-uitnodiging", id="hearing-old-style"),
    pytest.param("""Sociale Verzekeringsbank
Datum 2 juni 2026
Onderwerp telefonische afspraak over uw aanvraag AOW
Wij willen met u praten over uw woonsituatie. Dat doen wij telefonisch.
| Dag   | donderdag 2 juli 2026     |
| Tijd  | tussen 13.00 en 13.30 uur |
| Wij bellen naar | 06 - 28 44 19 07 |
Voordat wij een besluit nemen over uw AOW, horen wij graag uw verhaal.
""", "afspraak-uitnodiging", id="phone-appointment-table"),
    pytest.param("""Gemeente Zwolle, Wmo
Zwolle, 20 mei 2026
Wij komen graag bij je thuis voor een gesprek over je aanvraag.
Op maandag 8 juni 2026, tussen 10 en 12 uur. Het gesprek duurt ongeveer een uur.
Stuur het formulier terug als je akkoord bent.
""", "afspraak-uitnodiging", id="home-visit-window"),
])
def test_kinds_first_met_in_batches_57_to_60(letter: str, kind: str) -> None:
    assert _explain(letter)["kind"] == kind
