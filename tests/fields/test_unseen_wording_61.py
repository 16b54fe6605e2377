"""Wordings first met in blind batches 61–64 (issue #15), each in letters of our own, through the
real text path (read → fields → classify → explain)."""

from __future__ import annotations

from datetime import date

from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str, today: date = date(2026, 1, 2)) -> dict:
    return explain([text.encode()], Options(today=today)).to_json()


def test_costs_put_on_top_of_the_rest_are_no_sum_the_conclusion_is() -> None:
    letter = """Waterschap Rivierland, Belastingen
Tiel, 2 mei 2026
Betreft: aanmaning waterschapsbelastingen 2026

De aanslag bedroeg € 300,00. U heeft daarop € 100,00 betaald. Met deze aanmaning vragen wij u
het restant alsnog te betalen, vermeerderd met € 9,00 aanmaningskosten. U moet dus € 209,00
betalen. Dit bedrag moet binnen veertien dagen op onze rekening NL92 BNGH 3077 1289 22 staan.
"""
    assert _explain(letter)["amount_due"] == 209.0


def test_a_deposit_is_no_debt() -> None:
    letter = """Vastgoedbeheer Zuid
Breda, 3 augustus 2026
Betreft: ingebrekestelling huurachterstand

U bent een bedrag van € 2.400,00 aan achterstallige huur verschuldigd. Wij sommeren u het bedrag
van € 2.400,00 uiterlijk op vrijdag 14 augustus 2026 te voldoen op NL20 INGB 0001 2345 67.
De door u gestelde waarborgsom ad € 1.200,00 strekt niet tot betaling van de achterstand.
"""
    assert _explain(letter)["amount_due"] == 2400.0


def test_a_sum_waived_is_not_owed() -> None:
    letter = """Gemeente Zwolle, Belastingen
Zwolle, 6 mei 2026
Betreft: beslissing op uw verzoek om kwijtschelding

Ik heb besloten dat aan u kwijtschelding wordt verleend voor de afvalstoffenheffing ten bedrage
van € 330,00. Het resterende bedrag van € 120,00 blijft verschuldigd. Gelieve het resterende
bedrag binnen één maand over te maken op NL47 ABNA 3909 2353 20.
"""
    assert _explain(letter)["amount_due"] == 120.0


def test_money_the_sender_pays_back_is_no_ask() -> None:
    letter = """Belastingsamenwerking Rivierenland
Tiel, 8 juni 2026
Betreft: uitspraak op uw bezwaar

Wij verlagen de WOZ-waarde. Totaal vermindering: € 41,84.
U hoeft niets te doen. Omdat u de aanslag al heeft betaald, storten we € 41,84 binnen zes weken
terug op uw rekening NL92 ABNA 6291 8309 60.
"""
    out = _explain(letter)
    assert out["amount_due"] is None and out["iban"] is None


def test_accounts_the_letter_says_not_to_pay_to() -> None:
    letter = """Incassobureau Dekker
Utrecht, 11 mei 2026
Betreft: aanmaning contributie

Wij verzoeken u het totaalbedrag van € 156,42 uiterlijk op 25 mei 2026 over te maken op
NL81 RABO 1549 7548 90, onder vermelding van dossiernummer DK-26-031882.
Let op: in uw contract staat nog het rekeningnummer van de sportschool (NL58 SNSB 1643 3744 72).
Betaal daar niet meer naartoe.
Het rekeningnummer dat bij ons bekend is voor uitbetalingen aan u, is
NL72 RABO 0172 3771 68. Op dat nummer ontvangt u geld. Betaal niet naar dit nummer.
"""
    assert _explain(letter)["iban"] == "NL81RABO1549754890"


def test_something_the_reader_did_by_a_date_is_no_deadline() -> None:
    letter = """Belastingdienst
Dagtekening 16 maart 2026
Aanslag inkomstenbelasting 2025

Te betalen € 818. Uiterste betaaldatum 16 mei 2026.
Over deze aanslag berekenen wij geen belastingrente, omdat u uw aangifte vóór 1 mei 2026 heeft
ingediend. Maak het bedrag over naar NL11 INGB 0374 1407 53.
"""
    assert _explain(letter)["deadline"]["date"] == "2026-05-16"


def test_a_term_to_pass_on_a_change_counts_from_the_change() -> None:
    letter = """Dienst Toeslagen
Datum 13 november 2026
Onderwerp: voorschot huurtoeslag 2027

U krijgt in 2027 een voorschot huurtoeslag van € 212 per maand.
Verandert er iets? Geef wijzigingen in uw inkomen, huur of huishouden binnen 4 weken door via
Mijn toeslagen.
"""
    assert _explain(letter, date(2026, 11, 14))["deadline"] is None


def test_a_receipt_of_an_objection_is_no_assessment() -> None:
    letter = """BsGW
Roermond, 19 mei 2026
Onderwerp: ontvangstbevestiging bezwaarschrift

Wij hebben uw bezwaarschrift goed ontvangen. U maakt bezwaar tegen de WOZ-waarde van uw woning.
Uw aanslag gemeentelijke belastingen 2026 bedraagt in totaal € 688,24 en wordt in termijnen
automatisch van uw rekening afgeschreven. U hoeft hiervoor niets te doen.
"""
    out = _explain(letter)
    assert out["kind"] == "overig" and out["amount_due"] is None and out["objection_deadline"] is None


def test_a_letter_that_calls_itself_an_aanmaning_is_one() -> None:
    letter = """Belastingdienst
Dagtekening: 17 november 2026
Aanmaning
Betreft: voorlopige aanslag inkomstenbelasting en premie volksverzekeringen 2026

Op uw voorlopige aanslag heeft u de termijnen van augustus en september niet betaald. Daarom
vervalt het recht om in termijnen te betalen. Voor deze aanmaning brengen wij € 18 aan kosten
in rekening, zodat u in totaal € 1.254 moet betalen. Betaal binnen 14 dagen.
"""
    out = _explain(letter)
    assert out["kind"] == "belasting-aanmaning" and out["objection_deadline"] is None


def _reference(text: str) -> str | None:
    from snapdebrief.fields.ids import choose_payment_reference, find_references

    ref = choose_payment_reference(find_references([text]), [text])
    return ref.value if ref else None


def test_a_kenmerk_on_the_next_line_after_a_word() -> None:
    text = ("Betaal € 186,60 uiterlijk 29 juli 2026. Maak het geld over naar\nNL06 INGB 5973 6623 65 "
            "op naam van DUO. Zet dit betalingskenmerk\nerbij: 3831 2066 1569 9749.\n")
    assert _reference(text) == "3831206615699749"


def test_the_number_right_after_vermeld() -> None:
    text = ("Ons dossier: KL-26-30917\n\nBetaal het totaal binnen twee dagen. Maak het over op NL76 RABO "
            "8992 3253 90 ten name van Kuipers en vermeld KL-26-30917.\n")
    assert _reference(text) == "KL-26-30917"


def test_an_omschrijving_row_of_a_table_drawn_with_bars() -> None:
    text = ("Lidnummer: 7734120\n\n| Rekening               | NL81 RABO 1549 7548 90                 |\n"
            "| Omschrijving           | VI-0551203                             |\n")
    assert _reference(text) == "VI-0551203"
