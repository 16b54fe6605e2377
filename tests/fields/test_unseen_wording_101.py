"""Wordings first met in blind batches 101–104 (issue #15), each in letters of our own, through
the real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 12, 1)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_an_annexs_dagtekening_of_another_paper_does_not_date_the_letter() -> None:
    letter = """Waterschap Noord
Belastingen - Postbus 250                                         Pagina 1/2

Heerhugowaard, 12 juni 2026
Onderwerp:        AANMANING waterschapsbelastingen 2026

Het bedrag van de aanslag had uiterlijk 30 april 2026 betaald moeten zijn. Wij verzoeken u
het openstaande bedrag van € 327,42 binnen 14 dagen na de dagtekening van deze brief te
voldoen op NL31 BNGH 0285 0011 22.
\fWaterschap Noord                                                  Pagina 2/2

Specificatie van de aanslag 26.188.40921 (dagtekening 28 februari 2026)
  Watersysteemheffing                                    € 318,42
"""
    result = _explain(letter)
    assert result["letter_date"] == "2026-06-12"
    assert result["deadline"]["date"] == "2026-06-26"


def test_a_running_footer_with_a_page_number_is_no_meeting() -> None:
    letter = """GERECHTSDEURWAARDERS OOST                                      Pagina 1 van 2
Rotterdam, 18 november 2026
Betreft: exploot van overbetekening - beslag op uw loon

Vul het formulier op pagina 2 in en stuur het binnen twee weken na de datum van deze brief
terug aan ons kantoor.

Gerechtsdeurwaarders Oost - dossier OG 26.11307 - 18-11-2026 - 1/2
"""
    result = _explain(letter)
    assert result["appointment"] is None
    assert result["deadline"]["date"] == "2026-12-02"


def test_interest_computed_up_to_the_letters_own_date_is_no_deadline() -> None:
    letter = """Datum: vr 7 aug. 2026, 09:14
Van: Incasso Noord <info@incassonoord.example>
Onderwerp: aanmaning tandartsnota's

  Hoofdsom                                    € 500,00
  Rente                                       € 25,50
  Incassokosten                               € 40,00
  Totaal                                      € 565,50

Rente: berekend over de hoofdsom per nota vanaf de vervaldatum tot 7 augustus 2026.
Wij verzoeken u het totaal van € 565,50 binnen tien dagen na dagtekening van deze e-mail over te
maken op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-08-17"


def test_tell_us_if_something_differs_is_no_deadline() -> None:
    letter = """Dienst Toeslagen
Datum 11 december 2026
Onderwerp: uw voorschot huurtoeslag 2027

U krijgt in 2027 € 310 per maand huurtoeslag. Wijkt er iets af, bijvoorbeeld uw inkomen of het
aantal bewoners, geef dat dan binnen 4 weken door via Mijn toeslagen.
Geef het ook binnen 4 weken door als:
- u gaat verhuizen;
- uw inkomen verandert.
"""
    assert _explain(letter)["deadline"] is None


def test_a_refund_the_bailiff_will_transfer_and_a_debt_paid_in_full() -> None:
    letter = """Gerechtsdeurwaarders Zuid
Breda, vrijdag 22 januari 2027
Betreft: opheffing loonbeslag

    hoofdsom ingevolge vonnis                          € 1.812,40
    rente tot datum laatste ontvangst                     € 96,37
    kosten van betekening en beslaglegging               € 404,55
                                                      ------------
    totaal verschuldigd                                € 2.313,32
    door ons ontvangen via inhoudingen op uw loon      € 2.331,92
                                                      ------------
    te veel ontvangen                                     € 18,60

Het te veel ontvangen bedrag van € 18,60 zal binnen veertien dagen worden overgemaakt op het
rekeningnummer waarvan de inhoudingen kwamen.
"""
    result = _explain(letter)
    assert result["amount_due"] is None
    assert result["deadline"] is None


def test_a_total_that_holds_the_rest_costs_and_interest() -> None:
    letter = """Belastingdienst
Datum 20 oktober 2026
Aanmaning

U heeft de vierde termijn niet betaald. Daarom moet u nu het hele restant betalen. Voor deze
aanmaning brengen wij € 18,00 aan kosten in rekening. Daarnaast bent u € 3,91
invorderingsrente verschuldigd. Het restant van de aanslag, € 1.650, komt daarmee op een totaal
van € 1.671,91. Betaal binnen 14 dagen op NL86 INGB 0002 4455 88.
"""
    assert _explain(letter)["amount_due"] == 1671.91


def test_the_order_that_holds_two_months_named_apart() -> None:
    letter = """Van: Vastgoedbeheer West <huur@vastgoedwest.example>
Datum: 9 december 2026
Onderwerp: huurachterstand

Van de huur over november 2026 ontvingen wij maar een deel; er staat nog € 255,00 open. De huur
over december 2026, € 1.045,00, is helemaal niet betaald. Uw achterstand is daarmee € 1.300,00.

Wij geven u de gelegenheid deze € 1.300,00 binnen 14 dagen na ontvangst van deze e-mail te
betalen op NL20 INGB 0001 2345 67.
"""
    assert _explain(letter)["amount_due"] == 1300.0


def test_do_not_use_the_practices_own_account_either() -> None:
    letter = """Tandartspraktijk Het Anker
Datum: 4 mei 2026
Betalingsherinnering

Uw nota van € 96,40 staat nog open. Wilt u deze binnen 14 dagen betalen aan ons
factuurbedrijf?

  Rekening:          NL44 RABO 0123 4567 89
  Ten name van:      Zorgnota Service B.V.

Gebruik ook niet de rekening NL66 ABNA 0542 6190 21 van de praktijk; die is alleen voor
vooruitbetalingen.
"""
    assert _explain(letter)["iban"] == "NL44RABO0123456789"


def test_a_date_under_its_label_in_a_side_column_that_did_not_split() -> None:
    letter = """CAK

De heer D.S. Mulder                              CAK
Schiedamseweg 14-A                               Postbus 84018
3025 AG  Rotterdam                               2508 AA Den Haag
Besluit bestuursrechtelijke premie
Zorgverzekeringswet                              Datum
                                                 14 juli 2026
Geachte heer Mulder,

U hebt zes maandpremies of meer niet betaald. Daarom bent u bij ons aangemeld.
"""
    assert _explain(letter)["letter_date"] == "2026-07-14"


def test_the_kenmerk_under_the_account_beats_the_invoices_description() -> None:
    letter = """Van:        Incasso Kort <info@incassokort.example>
Datum:      donderdag 2 juli 2026 09:14
Onderwerp:  Factuur 2026-118734 - betaal zonder extra kosten

  Factuurnummer   2026-118734
  Omschrijving    bijzettafel eiken, bestelnummer LB-771042
  Openstaand      € 386,40

Betaal € 386,40 binnen 14 dagen na ontvangst van deze e-mail. Gebruik:

  Rekeningnummer   NL20 INGB 0001 2345 67
  Ten name van     Incasso Kort B.V.
  Kenmerk          KI-26-40915
"""
    assert _explain(letter)["payment_reference"] == "KI-26-40915"
