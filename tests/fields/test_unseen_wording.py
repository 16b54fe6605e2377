"""Wordings first met in the blind first-look batches (issue #15), each in a sentence of our own:
the finder must read the structure, not the batch's letter. Whole-letter checks go through the
real text path (read → fields → classify → explain) on letters written for this file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from snapdebrief.fields.dates import scan_dates
from snapdebrief.fields.ids import choose_payment_reference, find_references
from snapdebrief.fields.sender import find_sender
from snapdebrief.options import Options
from snapdebrief.pipeline import explain


def _explain(text: str) -> dict:
    return explain([text.encode()], Options(today=date(2026, 1, 2))).to_json()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zwolle, den 23sten april 2026", date(2026, 4, 23)),
        ("op den 1sten maart 2026", date(2026, 3, 1)),
        ("den 2den juni 2026", date(2026, 6, 2)),
        ("de 8ste mei 2026", date(2026, 5, 8)),
        ("Heden, vijftien december tweeduizend zesentwintig,", date(2026, 12, 15)),
        ("op de vierde november tweeduizend zesentwintig", date(2026, 11, 4)),
    ],
)
def test_old_ordinal_days(text: str, expected: date) -> None:
    spans = scan_dates(text)
    assert [s.on(s.year or 0) for s in spans] == [expected]


def test_next_rent_due_date_is_not_the_deadline() -> None:
    letter = """Woonstichting Het Anker
Postbus 12, 7500 AA Enschede

Enschede, 12 januari 2026

Beste mevrouw Kok,

Je hebt de huur van december nog niet betaald. Het gaat om € 612,40.
Betaal dit bedrag vóór woensdag 28 januari 2026 op NL20 INGB 0001 2345 67.
Denk eraan: op 1 februari moet je ook de huur van februari betalen.

Groet,
Woonstichting Het Anker
"""
    got = _explain(letter)
    assert got["deadline"]["date"] == "2026-01-28"


def test_next_period_due_date_stands_in_when_it_is_the_only_one() -> None:
    letter = """Woonstichting Het Anker
Postbus 12, 7500 AA Enschede

Enschede, 12 januari 2026

Beste mevrouw Kok,

Je hebt de huur van december nog niet betaald. Het gaat om € 612,40.
Betaal de huur van februari uiterlijk op 1 februari 2026, samen met deze achterstand.

Groet,
Woonstichting Het Anker
"""
    got = _explain(letter)
    assert got["deadline"]["date"] == "2026-02-01"


def test_term_counted_from_the_day_after_receipt() -> None:
    letter = """Fysiotherapie De Brug
Kerkstraat 4, 8011 AB Zwolle

Zwolle, 3 maart 2026

Geachte heer Visser,

Onze nota van 20 januari 2026 over € 96,00 staat nog open. Wij geven u nog een kans om die
zonder extra kosten te betalen. U hebt daarvoor veertien dagen, te rekenen vanaf de dag nadat
u deze brief hebt ontvangen. Maak het bedrag over naar NL20 INGB 0001 2345 67.
Staat het bedrag daarna niet op onze rekening, dan rekenen wij buitengerechtelijke
incassokosten: € 40,00.

Met vriendelijke groet,
Fysiotherapie De Brug
"""
    got = _explain(letter)
    assert (got["deadline"]["date"], got["deadline"]["action"]) == ("2026-03-17", "pay")
    assert got["stage"] == "14-dagenbrief"


def test_reminder_after_the_fourteen_day_letter_is_an_aanmaning() -> None:
    letter = """Incassobureau Oostpoort B.V.
Postbus 88, 7500 AB Enschede

Datum: 4 mei 2026

Geachte mevrouw Smit,

Op onze veertiendagenbrief van 10 april 2026 hebben wij niets van u vernomen. Daarom bent u
nu incassokosten verschuldigd.

Hoofdsom            € 210,00
Incassokosten       €  40,00
Totaal              € 250,00

Betaal het totaal binnen 14 dagen op NL20 INGB 0001 2345 67.
"""
    got = _explain(letter)
    assert got["kind"] == "incasso-aanmaning"
    assert got["stage"] == "aanmaning"


def test_number_in_groups_of_two_and_three() -> None:
    text = "Uw gegevens\nRelatienummer   30 551 872\nBetaal o.v.v. het relatienummer.\n"
    refs = find_references([text])
    assert [(r.kind, r.value) for r in refs] == [("relatienummer", "30551872")]


def test_value_under_its_label_in_a_boxed_side_column() -> None:
    text = ("Dhr. P. Bos                            | Beschikkingsnummer\n"
            "Dorpsstraat 1                          | 6208 1473 6925 8031\n"
            "\n"
            "Betaal vóór 1 juni 2026 op NL93 RABO 0172 6354 89 o.v.v. het beschikkings-\n"
            "nummer.\n")
    refs = find_references([text])
    assert ("beschikkingsnummer", "6208147369258031") in [(r.kind, r.value) for r in refs]
    chosen = choose_payment_reference(refs, [text])
    assert chosen is not None and chosen.value == "6208147369258031"


def test_kenmerk_broken_over_a_line_runs_on_only_when_its_check_holds() -> None:
    wrapped = "Gebruik het betalingskenmerk 7640\n0192 8374 6501, dan gaat het snel."
    assert [r.value for r in find_references([wrapped])] == ["7640019283746501"]
    # the next line's digits do not make a valid kenmerk: the number is not run on
    broken = "Gebruik het betalingskenmerk 7640\n0192 8374 6502, dan gaat het snel."
    assert "7640019283746502" not in [r.value for r in find_references([broken])]


def test_mail_department_name_gives_way_to_the_signed_organisation() -> None:
    text = """From: Invordering Bakker & Zonen <invordering@bakker.example>
To: iemand@mail.example
Date: Tue, 7 Jul 2026 14:02:33 +0200
Subject: Uw dossier

Geachte heer Jansen,

Wij vragen u € 120,00 te betalen.

Met vriendelijke groet,

mr. A. Bakker
Gerechtsdeurwaarderskantoor Bakker & Zonen
"""
    got = find_sender([text])
    assert got is not None and got[0] == "Gerechtsdeurwaarderskantoor Bakker & Zonen"


def test_practitioner_line_under_a_practice_is_no_recipient() -> None:
    text = """Huisartsenpraktijk De Linde
A. de Vries, huisarts
Lindelaan 3, 9711 AA Groningen

Mevrouw B. Kramer
Heerestraat 8
9711 BB Groningen
"""
    got = find_sender([text])
    assert got is not None and got[0] == "Huisartsenpraktijk De Linde"


# --- amounts ------------------------------------------------------------------------------------

def _due(text: str) -> Decimal | None:
    from snapdebrief.fields.money import amounts_and_due

    return amounts_and_due([text])[1]


def test_refund_where_the_sender_pays_out_asks_nothing() -> None:
    text = """Berekening
  Te betalen belasting                 € 2.310
  Ingehouden loonheffing               € 2.722
  Saldo: u krijgt terug                  € 412

Uitbetaling
  Bedrag                 € 412
  Naar uw rekening       NL10 RABO 2939 8297 03

Klopt uw rekeningnummer niet? Pas het aan. Daarna betalen wij uit.
U hoeft niets te betalen.
"""
    assert _due(text) is None


def test_sum_claimed_back_after_a_tax_deduction() -> None:
    text = ("Over maart betaalden wij u bruto € 980,00. Daarvan hielden wij € 250,00 loonheffing in,"
            " en daarom vorderen wij van u € 730,00 terug, een bedrag dat uiterlijk op 1 juni 2026"
            " op onze rekening moet staan.\n")
    assert _due(text) == Decimal("730.00")


def test_difference_claimed_back_beats_the_amount_one_was_entitled_to() -> None:
    text = ("Alles bij elkaar hebt u over 2025 recht op € 2.100, terwijl wij u € 2.640 hebben"
            " uitbetaald.\nHet verschil van € 540 vorderen wij met deze beschikking van u terug.\n")
    assert _due(text) == 540


def test_order_on_the_amount_of_a_condition() -> None:
    text = ("U hebt € 1.200,00 bruto te veel ontvangen.\n"
            "Betaalt u alles nog dit jaar terug? Dan hoeft u alleen het nettobedrag van € 850,00 te\n"
            "betalen. Betaal dit bedrag vóór 1 december 2026.\n")
    assert _due(text) == Decimal("850.00")


def test_stated_sum_of_the_parts_after_them() -> None:
    text = """het de kantonrechter moge behagen gedaagde te veroordelen tot betaling van:

   hoofdsom                                   € 500,00
   wettelijke rente tot heden                 € 12,10
   buitengerechtelijke incassokosten          € 75,00
   subtotaal                                  € 587,10

De kosten van dit exploot bedragen € 110,00.
Bij betaling vóór de zitting: subtotaal en exploot samen € 697,10.
"""
    assert _due(text) == Decimal("697.10")


def test_old_total_above_what_was_waived_is_no_sum_of_the_lines_below() -> None:
    text = ("U vroeg kwijtschelding voor de aanslag van in totaal € 600,00.\n"
            "Wij schelden de afvalstoffenheffing van € 300,00 en de rioolheffing van € 200,00 kwijt.\n"
            "Hetgeen u nog verschuldigd bent, te weten € 100,00, moet u binnen een maand betalen.\n")
    assert _due(text) == Decimal("100.00")


def test_premium_paid_each_time_is_a_rate() -> None:
    text = ("Gedaagde moest een premie betalen van € 80,00, telkens vooruit te voldoen.\n"
            "Hij liet zes termijnen open, samen € 480,00.\n")
    assert _due(text) != 80.00


def test_request_in_a_sentence_beats_a_table_sum_with_a_payment_subtracted() -> None:
    text = """  Huur april                       € 700,00
  Huur mei                         € 700,00
  Ontvangen 28 april             - € 200,00
  -------------------------------------
  Achterstand                    € 1.200,00

Wij verzoeken u dringend het bedrag van
€ 1.200,00 uiterlijk 5 juni 2026 aan ons
over te maken.
"""
    assert _due(text) == Decimal("1200.00")


def test_sum_left_open_that_the_reader_must_transfer() -> None:
    text = ("De aanslag bedroeg in totaal € 400,00, en u hebt daarvan al € 50,00 betaald,\n"
            "zodat er nog € 350,00 openstaat, een bedrag dat u binnen een\n"
            "maand na de datum van deze brief moet overmaken.\n")
    assert _due(text) == Decimal("350.00")


# --- labelled dates and references in tables --------------------------------------------------

def _roles(text: str) -> dict[str, str]:
    from snapdebrief.fields.dates import find_dates

    return {m.date.isoformat(): m.role for m in find_dates([text])}


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Nieuwe uiterste betaaldatum         15 september 2026", "pay_by"),
        ("  Uiterste betaaldatum aanmaning          6 oktober 2026", "pay_by"),
        ("De vervaldatum van deze aanmaning is 15 september 2026.", "pay_by"),
        ("Roldatum           woensdag 4 november 2026, 10.00 uur", "appointment"),
    ],
)
def test_date_labels(line: str, role: str) -> None:
    text = "Datum    1 september 2026\n\n" + line + "\n"
    assert role in _roles(text).values()


def test_time_on_a_hoe_laat_line() -> None:
    from snapdebrief.fields.dates import find_appointment, find_dates

    text = ("Je afspraak\n  Wanneer       dinsdag 8 december 2026\n"
            "  Hoe laat       10.30 uur, het gesprek duurt een uur\n"
            "  Waar           Stadskantoor, Stationsplein 1\n")
    appt = find_appointment([text], find_dates([text]))
    assert appt is not None and appt.time == "10:30"


def test_betalingskenmerk_in_a_boxed_table() -> None:
    text = ("+------------------------------+---------------------------------+\n"
            "| Naar rekeningnummer          | NL61 INGB 0958 8708 88          |\n"
            "| Betalingskenmerk             | 1981 8015 1498 4206             |\n"
            "+------------------------------+---------------------------------+\n")
    assert [r.value for r in find_references([text])] == ["1981801514984206"]


def test_omschrijving_row_gives_the_words_to_type() -> None:
    text = ("Betaal vóór 1 mei 2026:\n"
            "  Rekening      NL20 INGB 0001 2345 67\n"
            "  Omschrijving  factuur 26-0311\n")
    chosen = choose_payment_reference(find_references([text]), [text])
    assert chosen is not None and chosen.value == "factuur 26-0311"


def test_advances_received_in_total_are_no_ask() -> None:
    text = ("U kreeg over 2025 in totaal € 1.300 aan voorschotten. U had recht op € 900.\n"
            "Het verschil van € 400 moet u aan ons terugbetalen.\n")
    assert _due(text) == 400


def test_what_should_have_been_paid_then_is_history() -> None:
    text = ("Voor maart en april had ik dus samen € 1.800,00 van u moeten ontvangen. Op 3 april\n"
            "heb ik € 300,00 ontvangen. Er moet dus nog € 1.500,00 worden voldaan.\n")
    assert _due(text) == Decimal("1500.00")


def test_short_sentences_name_the_sum() -> None:
    text = "Je huur van mei is niet betaald.\nHet gaat om € 640,00.\nBetaal het binnen 7 dagen.\n"
    assert _due(text) == Decimal("640.00")


def test_a_premium_withheld_by_another_body_asks_nothing() -> None:
    text = ("Uw achterstand bij uw zorgverzekeraar is € 980,00.\n"
            "U betaalt vanaf 1 juli een hogere premie aan ons. U hoeft zelf niets over te maken.\n"
            "UWV houdt de premie in op uw uitkering. UWV betaalt het bedrag aan ons.\n")
    assert _due(text) is None


def test_a_visit_only_in_a_case_is_no_appointment() -> None:
    from snapdebrief.fields.dates import find_appointment, find_dates

    text = ("Datum: 2 juni 2026\n\nBetaal het binnen 7 dagen.\n\nBetaal je niet en bel je niet?\n"
            "Dan komt onze consulent bij je langs.\nDat is op dinsdag 23 juni 2026, tussen 9.00 en"
            " 12.00 uur.\n")
    assert find_appointment([text], find_dates([text])) is None


def test_months_not_paid_is_no_term() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = "U heeft 6 maanden geen premie betaald. Daarom bent u aangemeld bij het CAK.\n"
    assert find_relative_terms([text], date(2026, 5, 20)) == []


def test_date_in_a_boxed_table_row() -> None:
    text = ("Datum   1 september 2026\n\n"
            "| Vervaldatum                              | 6 oktober 2026   |\n")
    assert _roles(text).get("2026-10-06") == "pay_by"


def test_do_this_after_a_choice_keeps_the_payment() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = ("Betaal de achterstand van € 316,90 in één keer, of\nstuur het getekende aanbod terug."
            " Doe dit binnen vier\nweken na de datum van deze brief.\n")
    got = find_relative_terms([text], date(2026, 11, 4))
    assert [(m.date.isoformat(), m.role) for m in got] == [("2026-12-02", "pay_by")]


def test_answer_to_a_question_is_a_case_not_the_deadline() -> None:
    from snapdebrief.fields.deadline import choose_deadline
    from snapdebrief.result import DateMention, Evidence

    change = DateMention(date(2027, 1, 1), "respond_by",
                         "Geef dat dan binnen 4 weken door via Mijn toeslagen.", Evidence(1, 0, 1),
                         relative=True, basis="letter_date")
    # a decision that mostly asks nothing keeps no date that holds only in a case
    assert choose_deadline([change], date(2026, 12, 4), ["none", "respond"]) is None
    # a kind that asks something still falls back on it when nothing plain is there
    assert choose_deadline([change], date(2026, 12, 4), ["respond"]) is not None


def test_upload_a_cv_before_the_talk_is_sending_papers() -> None:
    assert _roles("Datum  2 september 2026\n\nZet uiterlijk 15 september 2026 uw cv in uw Werkmap.\n"
                  ).get("2026-09-15") == "send_by"


def test_parts_listed_after_the_rest_are_not_the_ask() -> None:
    text = ("III. te bepalen dat het resterende bedrag ad € 436,20, bestaande uit uw\n"
            "     betalingscapaciteit ad € 300,20 en de hondenbelasting ad € 136,00,\n"
            "     door u dient te worden voldaan binnen één maand na de dagtekening.\n")
    assert _due(text) == Decimal("436.20")


def test_not_asking_the_sum_now() -> None:
    text = ("Daardoor hebben jullie nu een huurachterstand van twee maanden: 2 x 692,55 euro, samen"
            " 1.385,10 euro.\n\nWe vragen jullie nu niet om dit bedrag meteen in één keer te"
            " betalen.\nBel ons vóór vrijdag 9 oktober.\n")
    assert _due(text) is None


def test_a_term_after_a_judgment_to_come_is_no_deadline() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = ("gedaagde te veroordelen het gehuurde binnen veertien dagen na betekening van het vonnis"
            " te ontruimen en te verlaten.\n")
    assert find_relative_terms([text], date(2026, 8, 19)) == []


def test_case_clause_before_then_is_conditional() -> None:
    from snapdebrief.fields.deadline import is_conditional
    from snapdebrief.result import DateMention, Evidence

    m = DateMention(date(2026, 7, 10), "respond_by",
                    "Klopt er iets niet, geef dat dan binnen 4 weken door via Mijn toeslagen.",
                    Evidence(1, 0, 1), relative=True, basis="letter_date")
    assert is_conditional(m)


def test_btw_of_which_is_no_extra_part() -> None:
    assert _due("Faktuurbedrag: € 412,36 (daarvan € 71,57 btw)\nWilt u het bedrag overmaken?\n") == Decimal("412.36")


def test_iban_typed_in_lower_case_counts_when_its_check_holds() -> None:
    from snapdebrief.fields.ids import find_ibans

    text = "overmaken op onze rekening nl36 rabo 3467 7951 91 tnv Autobedrijf Hoekstra"
    assert [i for i, _, _ in find_ibans([text])] == ["NL36RABO3467795191"]
    assert find_ibans(["rekening nl36 rabo 3467 7951 92"]) == []  # check digits fail


def test_another_papers_dagtekening_is_no_letter_date() -> None:
    text = ("Apeldoorn, 26 juni 2026\n\nU vroeg kwijtschelding van de aanslag over het belastingjaar"
            " 2026, met dagtekening 28 februari 2026, ten bedrage van € 318,56.\n")
    assert _roles(text).get("2026-02-28") == "earlier_letter"


def test_uit_dien_hoofde_is_no_order_to_send() -> None:
    text = ("Datum  16 september 2026\n\nUit dien hoofde wordt u gesommeerd om binnen acht dagen na"
            " dagtekening dezes het totaalbedrag ad € 718,08 te voldoen.\n")
    from snapdebrief.fields.terms import find_relative_terms

    got = find_relative_terms([text], date(2026, 9, 16))
    assert [(m.date.isoformat(), m.role) for m in got] == [("2026-09-24", "pay_by")]


def test_call_before_a_date_if_you_cannot_come_is_no_appointment() -> None:
    from snapdebrief.fields.dates import find_appointment, find_dates

    text = ("Zwolle, 2 april 2026\n\nHet gesprek is op donderdag 16 april 2026 om 10.30 uur.\n"
            "Kunt u op deze dag echt niet? Bel ons dan uiterlijk dinsdag\n14 april, dan maken wij"
            " een nieuwe afspraak met u.\n")
    appt = find_appointment([text], find_dates([text]))
    assert appt is not None and (appt.date.isoformat(), appt.time) == ("2026-04-16", "10:30")


def test_costs_only_on_top_later_and_their_parts_are_not_owed() -> None:
    text = ("Het bedrag van die factuur is € 386,40.\nBetaal de factuur binnen veertien dagen.\n"
            "Als wij het bedrag niet op tijd ontvangen, dragen wij de vordering over. U bent dan"
            " incassokosten verschuldigd van € 57,96. Omdat wij de btw niet kunnen verrekenen, komt"
            " daar btw bij, ofwel € 12,17. Dat maakt samen € 70,13 bovenop de factuur.\n")
    assert _due(text) == Decimal("386.40")


def test_debt_at_the_insurer_in_the_caks_letter_is_not_asked() -> None:
    text = ("De achterstand bij uw zorgverzekeraar is € 1.037,10. Daarom moet u vanaf 1 september de"
            " bestuursrechtelijke premie betalen. U hoeft zelf niets over te maken.\n")
    assert _due(text) is None


def test_an_order_on_het_bedrag_with_one_sum_in_the_letter() -> None:
    text = ("Het bedrag van € 1.164,32 zouden we op 1 oktober van je rekening afschrijven. Dat is niet"
            " gelukt.\nWil je het bedrag nu zelf overmaken? Doe dat binnen tien dagen.\n"
            "Je factuur is gebaseerd op onze uurprijs van € 10,86.\n")
    assert _due(text) == Decimal("1164.32")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Relatienummer: 40118273\n\nBetaal vóór 1 mei. Zet je relatienummer bij de betaling.\n",
         "40118273"),
        ("Huurcontract: HC-0318-5527\n\nBetaal vóór 1 mei op NL20 INGB 0001 2345 67. Zet je"
         " huurcontractnummer bij de betaling.\n", "HC-0318-5527"),
        ("Betreft: factuur 2026-0417 - laatste herinnering\n\nMaak het bedrag over en vermeld daarbij"
         " het factuurnummer.\n", "2026-0417"),
        ("Notanummer     2026-0041873\n\nBetaal naar NL20 INGB 0001 2345 67\nOmschrijving\n"
         "het notanummer\n", "2026-0041873"),
    ],
)
def test_reference_named_in_the_pay_line_and_printed_elsewhere(text: str, value: str) -> None:
    chosen = choose_payment_reference(find_references([text]), [text])
    assert chosen is not None and chosen.value == value


def test_header_one_space_from_the_next_column() -> None:
    text = ("Datum  27 januari 2026\n\n  Termijn Vervaldatum     Bedrag\n  1       28-02-2026      € 273\n"
            "  2       31-03-2026      € 273\n")
    assert _roles(text).get("2026-02-28") == "pay_by"


def test_the_sum_must_be_in_by_a_date() -> None:
    text = "Dagtekening: 15-07-2026\n\nHet totaalbedrag moet vóór 9 september 2026\nbij het CJIB binnen zijn.\n"
    assert _roles(text).get("2026-09-09") == "pay_by"


def test_must_pay_now_governs_the_sum_after_the_costs() -> None:
    text = ("Van het bedrag van\n€ 287,00 staat nog open: € 287,00. Met € 9,00 aanmaningskosten moet\n"
            "u nu € 296,00 betalen.\n")
    assert _due(text) == Decimal("296.00")


def test_rent_per_month_with_its_noun_is_a_rate() -> None:
    text = ("U betaalt voor uw woning € 742,18 huur per maand. De huur van april en mei hebben wij"
            " niet ontvangen.\nUw achterstand is daarmee € 1.484,36.\nWij vragen u deze achterstand"
            " te betalen.\n")
    assert _due(text) == Decimal("1484.36")


def test_kenmerk_on_the_line_after_the_instruction() -> None:
    text = ("Maak het totaalbedrag over naar rekeningnummer NL89 INGB 0002 4681 35. Vul bij de"
            " omschrijving alleen dit betalingskenmerk in:\n\n    7640 0192 8374 6501\n")
    chosen = choose_payment_reference(find_references([text]), [text])
    assert chosen is not None and chosen.value == "7640019283746501"


def test_number_with_a_short_last_group_at_the_end_of_its_line() -> None:
    refs = find_references(["Aanslagnummer: 4418 2093 7\nBetaal onder vermelding van het aanslagnummer.\n"])
    assert [r.value for r in refs] == ["441820937"]


# --- batches 17–18 (first look at 9b33756, then read) --------------------------------------------


def test_the_sum_you_must_transfer_now_beats_adding_up_its_parts() -> None:
    """The parts of an old bill and costs only announced for later must not be added up when
    the letter says in so many words what to transfer now."""
    text = ("In april kreeg u de aanslag van € 412,50: € 150,00 afvalstoffenheffing en € 262,50\n"
            "rioolheffing. Sindsdien hebben wij van u € 200,00 ontvangen. Er staat dus nog\n"
            "€ 212,50 open.\n\n"
            "Voor deze aanmaning rekenen wij € 8,00 kosten. Het bedrag dat u nu moet overmaken\n"
            "komt daarmee op € 220,50.\n\n"
            "Ontvangen wij niets, dan volgt een dwangbevel. De kosten daarvan zijn € 45,00.\n")
    assert _due(text) == Decimal("220.50")


def test_nothing_to_pay_yourself_with_the_words_in_another_order() -> None:
    text = ("Uw achterstand bij de verzekeraar is € 640,00.\n"
            "Wij laten de premie van € 190,00 per maand inhouden op uw pensioen. U hoeft zelf dus\n"
            "niets over te maken.\n\nKrijgt u geen pensioen meer? Dan schrijven wij u hoe u de premie"
            " dan zelf moet betalen.\nDie achterstand moet u wel aan uw verzekeraar betalen.\n")
    assert _due(text) is None


def test_the_table_row_to_pay_beats_the_whole_debt_today() -> None:
    text = ("| Maand oktober      | € 95,10  |\n| Maand november     | € 95,10  |\n"
            "| Te betalen         | € 190,20 |\n\n"
            "Betaal dit bedrag vóór 1 december.\n\nUw studieschuld verandert niet. Uw totale schuld is op dit"
            " moment € 14.310,00.\n")
    assert _due(text) == Decimal("190.20")


def test_a_part_payment_row_after_af_in_a_boxed_table() -> None:
    text = ("| Hoofdsom factuur 771               | € 300,00 |\n"
            "| Rente                              | € 4,10   |\n"
            "| Incassokosten                      | € 45,00  |\n"
            "| Totaal vordering                   | € 349,10 |\n"
            "| Af: uw betaling van 2 maart        | € 100,00 |\n"
            "| Saldo dat u nog moet betalen       | € 249,10 |\n\n"
            "Wij verzoeken u dit saldo over te maken.\n")
    assert _due(text) == Decimal("249.10")


def test_question_headings_say_which_amount_is_asked() -> None:
    text = ("Wat stond er op uw aanslag?\n- afvalstoffenheffing: € 300,00\n- rioolheffing: € 150,00\n"
            "- precariobelasting: € 40,00\nSamen is dat € 490,00.\n\n"
            "Wat hoeft u niet te betalen?\nDe afvalstoffenheffing en de rioolheffing, samen € 450,00.\n\n"
            "Wat moet u wel betalen?\nDe precariobelasting van € 40,00.\n\n"
            "Betaal het bedrag uiterlijk 1 juli.\n")
    assert _due(text) == Decimal("40.00")


def test_a_pay_schedule_headed_by_a_word_inside_another_header_word() -> None:
    """'Termijn   Uiterste betaaldatum': the date column sits under the second header, not
    under the tail of 'Termijn'."""
    text = ("Dagtekening   20 januari 2026\n\nU betaalt in delen.\n"
            "Termijn   Uiterste betaaldatum   Bedrag\n----------------------------------------\n"
            "  1   28-02-2026        € 150\n  2   31-03-2026        € 150\n")
    assert _roles(text).get("2026-02-28") == "pay_by"


@pytest.mark.parametrize(
    "header",
    [
        "Termijn   Uiterlijk op ons rekeningnummer     Termijnbedrag\n",
        "| Termijn | Uiterlijk op onze       | Bedrag      |\n|         | rekening                |             |\n",
    ],
)
def test_a_pay_schedule_whose_date_column_opens_with_uiterlijk(header: str) -> None:
    text = ("Dagtekening   20 januari 2026\n\nHieronder staat wat u per maand betaalt.\n"
            + header + "+---------+-------------------------+-------------+\n"
            "| 1       | 28 februari 2026        |    € 120,00 |\n"
            "| 2       | 31 maart 2026           |    € 120,00 |\n")
    if not header.startswith("|"):
        text = text.replace("|", " ")
    assert _roles(text).get("2026-02-28") == "pay_by"


def test_next_months_rent_in_the_sentence_after_the_arrears() -> None:
    text = ("Amersfoort, 3 maart 2026\n\nBetaal € 900,00 binnen 14 dagen na de datum van deze brief.\n\n"
            "De huur van april komt daar gewoon bij. Die moet uiterlijk 1 april 2026 bij ons binnen zijn.\n")
    assert _roles(text).get("2026-04-01") == "other"


def test_an_imperative_with_then_after_a_question_is_a_case() -> None:
    letter = ("Dienst Toeslagen\n\nDatum 1 december 2026\n\nVoorschotbeschikking huurtoeslag 2027\n\n"
              "Geachte heer Bos,\n\nU krijgt in 2027 elke maand € 210 huurtoeslag.\n\n"
              "Klopt er iets niet, bijvoorbeeld omdat u gaat verhuizen? Geef de verandering dan\n"
              "binnen 4 weken door via Mijn toeslagen.\n\nMet vriendelijke groet,\n\nDienst Toeslagen\n")
    assert _explain(letter)["deadline"] is None


def test_a_date_column_on_a_row_with_an_amount_is_no_letter_date() -> None:
    text = ("Utrecht, 2 december 2026\n\n"
            "| Omschrijving              | Datum      | Bedrag   |\n"
            "| Factuur 5521 (stoel)      | 14-08-2026 | € 210,00 |\n"
            "| Rente                     |            | € 3,10   |\n")
    roles = _roles(text)
    assert roles.get("2026-12-02") == "letter_date"
    assert roles.get("2026-08-14") != "letter_date"


def test_a_water_company_that_names_the_collector_as_its_next_step() -> None:
    letter = ("Waterbedrijf Oostrand N.V.\nPostbus 40, 7400 AA Deventer\n\nDeventer, 2 november 2026\n\n"
              "Betreft: twee drinkwaternota's zijn nog niet betaald\n\nGeachte mevrouw Smit,\n\n"
              "De nota's voor uw drinkwater van juli en augustus staan nog open, samen € 96,20.\n"
              "U kunt dit bedrag zonder extra kosten betalen binnen vijftien dagen nadat deze brief"
              " bij u is bezorgd.\nBetaalt u niet op tijd? Dan dragen wij de vordering over aan"
              " Incassobureau Veluwe B.V. Die brengt u dan € 40,00 incassokosten in rekening.\n\n"
              "Met vriendelijke groet,\nWaterbedrijf Oostrand\n")
    assert _explain(letter)["kind"] == "energie-achterstand"


def test_a_hospital_bill_is_no_health_insurer_letter() -> None:
    letter = ("Ziekenhuis Rijnoever\nPatiëntenadministratie\nPostbus 9, 2300 AA Leiden\n\n"
              "Leiden, 5 mei 2026\n\nPatiëntnummer   5530127\nOnderwerp        betalingsherinnering\n\n"
              "Geachte heer De Wit,\n\nDe behandeling op de polikliniek op 3 maart valt niet onder uw"
              " basisverzekering. Uw zorgverzekeraar vergoedt haar dus niet. Onze factuur van € 212,40"
              " staat nog open.\nBetaal dit bedrag binnen 14 dagen op NL20 INGB 0001 2345 67. Doet u"
              " dat niet, dan dragen wij de vordering over aan een incassobureau.\n\nMet vriendelijke"
              " groet,\nZiekenhuis Rijnoever\n")
    assert _explain(letter)["kind"] == "incasso-aanmaning"


def test_postcode_letters_are_no_sender_acronym() -> None:
    pages = ["KLAVER & ZN INCASSO B.V.\nMarkt 3  -  8011 CZ  Zwolle\n\nZwolle, 1 april 2026\n\n"
             "Geachte heer Bos,\n\nOnze opdrachtgever vraagt u € 120,00 te betalen.\n"]
    found = find_sender(pages)
    assert found is not None and found[0] != "CZ"


def test_the_account_named_as_ours_in_a_must_sentence() -> None:
    from snapdebrief.fields.ids import choose_iban, find_ibans

    pages = ["Den Bosch, 2 maart 2026\n\nU kunt de zaak nog voorkomen. Daarvoor moet het totaal van\n"
             "€ 1.200,00 uiterlijk 20 maart 2026 op onze rekening NL60 RBRB 3897 9114 58 staan.\n"]
    chosen = choose_iban(find_ibans(pages), pages)
    assert chosen is not None and chosen[0] == "NL60RBRB3897911458"


# --- batches 19–20 (first look at d59c1f7, then read) --------------------------------------------


def test_a_labelled_sum_beats_a_bare_sum_on_the_computation_page() -> None:
    pages = ["Samenvatting\n  Verschuldigd volgens de berekening      € 900\n"
             "  Af: voorlopige aanslag                  € 300\n  Bij: belastingrente                     € 12\n"
             "  ------------------------------------------\n  U moet nog betalen                       € 612\n\n"
             "Het bedrag van € 612 moet uiterlijk op 31 juli 2026 op onze rekening staan.\n",
             "Berekening\n  Inkomstenbelasting                      € 4.100\n  Af: heffingskorting"
             "                     € 1.200\n  Af: loonheffing                         € 2.000\n"
             "  ------------------------------------------\n  Totaal                                  € 900\n"]
    from snapdebrief.fields.money import amounts_and_due

    assert amounts_and_due(pages)[1] == 612


def test_the_court_fee_on_appearing_is_no_debt() -> None:
    text = ("b. bij verschijning in het geding van gedaagde een griffierecht zal worden geheven van\n"
            "€ 92,00 indien hij onvermogend is, en anders van € 144,00, te voldoen binnen vier weken;\n\n"
            "   - achterstallige huur                         € 900,00\n"
            "   - buitengerechtelijke incassokosten           € 135,00\n"
            "     tezamen                                     € 1.035,00\n")
    assert _due(text) == Decimal("1035.00")


def test_open_advances_and_what_is_left_of_a_yearly_bill() -> None:
    text = ("De volgende bedragen staan nog open:\n"
            "- voorschot mei 2026            € 40,00\n- voorschot juni 2026           € 40,00\n"
            "- restant jaarafrekening        € 75,20\n- herinneringskosten            € 7,50\n"
            "Totaal                          € 162,70\n\n"
            "Wij vragen u het totaal van € 162,70 uiterlijk op 1 december 2026 te betalen.\n")
    from snapdebrief.fields.money import find_amounts

    assert _due(text) == Decimal("162.70")
    assert {a.role for a in find_amounts([text]) if a.value == 40.00} == {"principal"}


def test_a_premium_withheld_at_the_source_and_a_debt_that_stays_with_the_insurer() -> None:
    text = ("U hebt een premieachterstand van zes maandpremies, samen € 720,00.\nWij laten de premie"
            " van € 180,00 per maand inhouden op uw loon. U hoeft de premie dus niet zelf over te"
            " maken.\n\nDie achterstand moet u nog steeds betalen aan Zorgverzekeraar Noord.\n")
    assert _due(text) is None


def test_interest_computed_to_a_date_is_no_deadline() -> None:
    text = ("Datum brief      15 oktober 2026\n\nRente (berekend tot 15 oktober 2026)   € 1,90\n"
            "Totaal te betalen                       € 176,20\nUiterste betaaldatum    29 oktober 2026\n")
    roles = _roles(text)
    assert roles.get("2026-10-29") == "pay_by"
    assert roles.get("2026-10-15") != "pay_by"


def test_we_must_have_everything_by_a_date_after_a_list_of_papers() -> None:
    text = ("Datum: 3 maart 2026\n\nWat moet je sturen?\n1. Je bankafschriften van de laatste drie"
            " maanden.\n2. Je huurcontract.\n\nWanneer?\nWij moeten alles uiterlijk dinsdag 17 maart"
            " 2026 hebben.\n")
    assert _roles(text).get("2026-03-17") == "send_by"


def test_a_printed_date_in_a_case_does_not_hide_the_plain_term() -> None:
    letter = ("Gemeente Leiden\n\nLeiden, 1 september 2026\n\nBesluit terugvordering bijstand\n\n"
              "Geachte heer Bakker,\n\nU hebt te veel bijstand gekregen. Wij vragen u het netto bedrag"
              " van € 840,00 binnen dertig dagen na de datum van deze brief over te maken op rekening"
              " NL20 INGB 0001 2345 67.\nBetaalt u het netto bedrag niet vóór 1 januari 2027 terug,"
              " dan moeten wij het bruto bedrag terugvorderen.\n\nBent u het niet eens met dit besluit?"
              " Dan kunt u binnen zes weken bezwaar maken.\n\nMet vriendelijke groet,\nGemeente Leiden\n")
    assert _explain(letter)["deadline"]["date"] == "2026-10-01"


def test_the_reference_the_pay_sentence_points_to_beats_an_invoice_row() -> None:
    pages = ["Dossiernummer    DV-2026-1188\n\n  Factuur 2026-05-0441 opvang mei     € 512,30\n"
             "  Nog te betalen                      € 512,30\n\nWij sommeren u het bedrag binnen 7 dagen te"
             " betalen op rekening NL94 ABNA 6246 7784 01, onder vermelding van het dossiernummer.\n"]
    chosen = choose_payment_reference(find_references(pages), pages)
    assert chosen is not None and chosen.value == "DV-2026-1188"


def test_an_abbreviated_omschrijving_row() -> None:
    pages = ["Maak € 64,90 over naar:\n\n  IBAN       NL34 RABO 0312 8774 05\n  t.n.v.     Trapwerk B.V.\n"
             "  omschr.    F26-00871\n"]
    chosen = choose_payment_reference(find_references(pages), pages)
    assert chosen is not None and chosen.value == "F26-00871"


def test_a_student_landlord_in_je_form_and_a_year_statement() -> None:
    rent = ("Stichting Kamers Zuid Studentenhuisvesting\nPostbus 12, 5600 AA Eindhoven\n\n"
            "Eindhoven, 2 oktober 2026\n\nBeste Noor,\n\nJe huur voor augustus en september is nog niet"
            " bij ons binnen.\n- huur augustus 2026: € 390,00\n- huur september 2026: € 390,00\n\n"
            "Betaal de € 780,00 vóór 16 oktober 2026. Misschien heb je recht op huurtoeslag.\n\nGroet,\n"
            "Stichting Kamers Zuid\n")
    assert _explain(rent)["kind"] == "huurachterstand"
    statement = ("SVB\n\nDatum 20 januari 2027\n\nJaaropgaaf AOW 2026\n\nGeachte mevrouw Prins,\n\n"
                 "Hierbij krijgt u de jaaropgaaf van uw AOW over 2026. U hebt deze gegevens nodig voor"
                 " uw aangifte inkomstenbelasting. De Belastingdienst krijgt ze ook van ons.\n"
                 "  Inkomensafhankelijke bijdrage Zvw (ingehouden)   € 980,10\n  Netto uitbetaald"
                 "                                  € 15.300,00\n\nMet vriendelijke groet,\nSVB\n")
    assert _explain(statement)["kind"] == "overig"


# --- batches 21–22 (first look at 526619d, then read) --------------------------------------------


def test_a_parking_assessment_printed_from_the_portal() -> None:
    letter = ("MijnOverheid  |  Berichtenbox\n\nAfzender     Gemeente Utrecht\nOnderwerp    Naheffingsaanslag"
              " parkeerbelasting\nOntvangen    maandag 9 maart 2026, 08:12\n\nGEMEENTE UTRECHT\n\n"
              "NAHEFFINGSAANSLAG PARKEERBELASTING\n\nDagtekening          6 maart 2026\nGeconstateerd op"
              "     2 maart 2026 om 11.20 uur\n\nParkeerbelasting            € 4,20\nKosten naheffingsaanslag"
              "    € 72,90\nTotaal                      € 77,10\n\nZorg dat het totaal uiterlijk 20 maart 2026"
              " door ons is ontvangen.\n")
    out = _explain(letter)
    assert out["kind"] == "gemeente-belastingaanslag"
    assert out["appointment"] is None
    assert out["letter_date"] == "2026-03-06"


def test_a_landlords_own_email_and_a_music_schools_reminder() -> None:
    rent = ("Van:       Piet de Boer <pdeboer@ziggo.nl>\nVerzonden: maandag 6 april 2026 21:10\n"
            "Onderwerp: huur maart\n\nHoi Sanne,\n\nIk zie dat de huur van maart er nog steeds niet is."
            " Het gaat om €820,-.\nWil je het uiterlijk 15-4-26 overmaken naar NL24ABNA5830051462?\n\n"
            "Groet,\nPiet\n")
    assert _explain(rent)["kind"] == "huurachterstand"
    school = ("Muziekschool De Notenbalk\nDorpsstraat 2, 1234 AB Ergens\n\nErgens, 19-3-2026\n\n"
              "Betreft: lesgeld Eva, 2e termijn (factuurnr. 26-044)\n\nBeste familie Smit,\n\nVolgens mijn"
              " administratie is de tweede termijn lesgeld nog niet betaald. Ik reken € 7,50"
              " administratiekosten, het totaal komt op € 157,50.\nWilt u dit vóór 1 april overmaken?\n\n"
              "Met muzikale groet,\nAnnelies\n")
    assert _explain(school)["kind"] == "incasso-aanmaning"


def test_a_kwijtschelding_decision_that_lists_every_tax() -> None:
    letter = ("Gemeente Arnhem\nTeam Belastingen\n\nArnhem, 12 mei 2026\n\nOnderwerp: besluit over je"
              " aanvraag kwijtschelding\n\nBeste Yasmin,\n\nJe hebt ons gevraagd om je gemeentelijke"
              " belastingen niet te hoeven betalen.\nOns besluit: je krijgt een deel kwijtgescholden.\n"
              "- afvalstoffenheffing: € 386,40\n- rioolheffing: € 201,60\n- hondenbelasting: € 154,60\n"
              "Ook de watersysteemheffing en de zuiveringsheffing van het waterschap staan erop.\n")
    assert _explain(letter)["kind"] == "kwijtschelding-besluit"


def test_a_members_meeting_and_a_tax_return_invitation_are_no_appointments() -> None:
    club = ("Van: Penningmeester TC De Kaats\nOnderwerp: Contributie 2027 + uitnodiging ALV\n\nBeste leden,\n\n"
            "Je hoeft niets te doen: de contributie gaat via automatische incasso.\nAlle leden zijn van"
            " harte welkom op de Algemene Ledenvergadering op dinsdag 9 maart om 20.00 uur in het"
            " clubhuis.\n\nSportieve groet,\nde penningmeester\n")
    assert _explain(club)["kind"] == "overig"
    aangifte = ("Belastingdienst\n\nDatum   24 februari 2027\nOnderwerp   Uitnodiging aangifte"
                " inkomstenbelasting 2026\n\nGeachte heer Bos,\n\nWij nodigen u uit om aangifte"
                " inkomstenbelasting te doen over 2026. Doe dit vóór 1 mei 2027. Doet u geen aangifte,"
                " dan krijgt u een herinnering en daarna een aanmaning.\n\nMet vriendelijke groet,\n"
                "Belastingdienst\n")
    assert _explain(aangifte)["kind"] == "overig"


def test_an_earlier_letters_term_told_in_a_summons_is_no_deadline() -> None:
    letter = ("Kantoor Brink Gerechtsdeurwaarders\n\nHeden, 9 september 2026, heb ik gedaagde"
              " gedagvaard om te verschijnen op woensdag 7 oktober 2026 om 10.00 uur ter zitting van de"
              " kantonrechter.\n\nEiseres heeft gedaagde bij brief van 18 juni 2026 conform artikel 6:96"
              " lid 6 BW aangemaand en hem een termijn van veertien dagen gegund; betaling bleef uit.\n")
    deadline = _explain(letter)["deadline"]
    assert deadline is None or deadline["date"] != "2026-09-23"


def test_dates_as_people_type_them_and_a_term_you_are_given() -> None:
    assert _roles("Verzonden: vrijdag 6 maart 2026\n\nWil je het bedrag uiterlijk 20-3-26 overmaken?\n").get(
        "2026-03-20") == "pay_by"
    from snapdebrief.fields.terms import find_relative_terms

    terms = find_relative_terms(["U krijgt nu veertien dagen de tijd om het openstaande bedrag te betalen.\n"],
                                date(2026, 5, 20))
    assert [(t.date, t.role) for t in terms] == [(date(2026, 6, 3), "pay_by")]


def test_an_option_after_a_question_and_a_date_payments_may_not_precede() -> None:
    text = ("Dagtekening 27-02-2026\n\n  1e termijn  € 584,39  uiterlijk 31 maart 2026\n"
            "Betaalt u liever in tien maandelijkse termijnen? Regel dit\nvóór 15 maart 2026 via Mijn"
            " Belastingen.\n\nLet op: betaal niet vóór de dagtekening. Een betaling van vóór 27 februari"
            " 2026 verwerken wij mogelijk niet.\n")
    from snapdebrief.fields.dates import find_dates
    from snapdebrief.fields.deadline import choose_deadline

    mentions = find_dates([text])
    chosen = choose_deadline(mentions, date(2026, 2, 27), ["pay"])
    assert chosen is not None and chosen.date == date(2026, 3, 31)


def test_costs_and_totals_owed_only_later_or_last_year() -> None:
    later = ("  Openstaand ................ € 468,75\n\nBetaalt u niet binnen veertien dagen, dan bent u"
             " incassokosten verschuldigd:\n\n  Hoofdsom                                   € 468,75\n"
             "  Incassokosten (15%)                        € 70,31\n"
             "  Te betalen na het verstrijken van de termijn  € 539,06\n")
    assert _due(later) == Decimal("468.75")
    last_year = ("  Belasting en premie box 1        € 6.112\n  Af: heffingskorting              € 2.735\n"
                 "  Te betalen                       € 3.377\n\nTer vergelijking: op uw voorlopige aanslag over"
                 " 2026 stond een te betalen bedrag van € 2.904.\n")
    assert _due(last_year) == 3377


def test_a_refund_set_off_and_a_reminder_after_a_part_payment() -> None:
    refund = ("Volgens deze aanslag krijgt u € 900 terug. Samen met € 10 belastingrente is dat € 910.\n"
              "Van uw teruggaaf gebruiken wij € 300 om een andere aanslag te betalen. Het bedrag dat"
              " overblijft, € 610, storten wij op uw rekening.\n")
    assert _due(refund) is None
    reminder = ("De boete was € 200,00 en daarbij kwamen € 9,00 administratiekosten. Bij de eerste"
                " aanmaning is de boete verhoogd met € 100,00.\nOp 30 maart ontvingen wij van u een bedrag"
                " van € 50,00. Er komt nu nog een verhoging bij van € 200,00. Het bedrag dat u nu nog moet"
                " betalen is € 459,00.\n")
    assert _due(reminder) == Decimal("459.00")


def test_a_question_heading_over_a_blank_line_and_instalments() -> None:
    text = ("Op je aanslag staat in totaal € 700,00.\nVoor de afvalstoffenheffing krijg je kwijtschelding."
            " Samen is dat € 500,00.\n\nWat moet je nog betalen?\n\nJe betaalt nog € 300,00. Dat is de"
            " € 160,00 die je zelf kunt missen plus de hondenbelasting.\n\nJe mag dit in 4 delen betalen"
            " van € 75,00.\n")
    assert _due(text) == Decimal("300.00")


def test_a_benefit_set_off_as_a_deduction_row() -> None:
    text = ("  Te veel ontvangen zorgtoeslag          € 1.000,00\n  Rente                                     € 50,00\n"
            "  Totaal verschuldigd                    € 1.050,00\n"
            "  Af: verrekende nabetaling huurtoeslag    € 400,00\n"
            "                                         ------------\n  Nog door u te betalen                    € 650,00\n")
    assert _due(text) == Decimal("650.00")


def test_the_time_under_a_question_label_and_a_meeting_one_may_skip() -> None:
    from snapdebrief.fields.dates import find_appointment, find_dates

    text = "Datum: 2 februari 2026\n\nWanneer?    dinsdag 17 februari 2026\nHoe laat?   10.30 uur.\n"
    appointment = find_appointment([text], find_dates([text]))
    assert appointment is not None and (appointment.date, appointment.time) == (date(2026, 2, 17), "10:30")
    club = ("Utrecht, 18 mei 2026\n\nAlle leden zijn van harte welkom op de Algemene Ledenvergadering op"
            " donderdag 11 juni om 20.00 uur in het clubhuis.\n")
    assert find_appointment([club], find_dates([club])) is None


# --- batches 23–24 (first look at d136259, then read) --------------------------------------------


def test_a_pay_reminder_by_email_and_a_wmo_visit_planned_for_you() -> None:
    email = ("Van:      Zonnedal Energie <betalingen@zonnedal.nl>\nDatum:    ma 19 jan. 2026, 09:14\n"
             "Onderwerp: Betaalherinnering - klantnummer 4410 2291\n\nBeste Sam,\n\nWe missen nog twee"
             " betalingen van je.\n- December 2025: € 120,00\n- Januari 2026: € 120,00\nTotaal openstaand:"
             " € 240,00\n\nWil je het totaal vóór 2 februari 2026 overmaken?\n\nMet energieke groet,\n"
             "Zonnedal Energie\n")
    assert _explain(email)["kind"] == "energie-achterstand"
    visit = ("Van: wmo@lelystad.nl\nDatum: 4 augustus 2026\nOnderwerp: Afspraak keukentafelgesprek Wmo\n\n"
             "Geachte heer Smit,\n\nWij hebben de volgende afspraak voor u ingepland:\n\n  datum:      donderdag"
             " 20 augustus 2026\n  tijd:       10:00 uur\n  plaats:     bij u thuis\n\nMet vriendelijke groet,\n"
             "Gemeente Lelystad\n")
    out = _explain(visit)
    assert out["kind"] == "afspraak-uitnodiging"
    assert out["deadline"]["date"] == "2026-08-20"


def test_a_rent_letter_with_a_talk_before_the_pay_date() -> None:
    letter = ("Woonstichting De Linde\nMarkt 1, 1315 HR Almere\n\nAlmere, 6 mei 2026\n\nBeste Jasper,\n\n"
              "We zien dat de huur van april en mei nog niet betaald is. Je hebt nu een achterstand van"
              " € 1.400,00.\nWe hebben een afspraak voor je gemaakt:\n\n  Wanneer:  dinsdag 19 mei 2026,"
              " om 14.30 uur\n  Waar:     ons kantoor\n\nBetaal daarnaast de achterstand vóór 29 mei 2026."
              "\n\nGroet,\nWoonstichting De Linde\n")
    out = _explain(letter)
    assert out["kind"] == "huurachterstand"
    assert (out["deadline"]["date"], out["deadline"]["action"]) == ("2026-05-19", "attend")


def test_the_table_under_what_must_you_pay_beats_the_computation_page() -> None:
    pages = ["Wat moet u betalen?\n------------------------------------------\n"
             "Te betalen inkomstenbelasting 2025          € 2.000\nAf: voorlopige aanslag 2025 (al betaald)"
             "    € 1.500\nBelastingrente                                 € 30\n"
             "------------------------------------------\nTe betalen                                    € 530\n\n"
             "Betaal dit bedrag uiterlijk op 30 juni 2026.\n",
             "Berekening\nInkomstenbelasting                          € 9.000\nAf: heffingskortingen"
             "                   € 7.000\nTe betalen inkomstenbelasting 2025          € 2.000\n"]
    from snapdebrief.fields.money import amounts_and_due

    assert amounts_and_due(pages)[1] == 530


def test_rows_of_a_list_keep_their_own_labels_and_a_sum_in_a_must_sentence() -> None:
    rows = ("Ik zet het even op een rij:\n\n  huur februari 2027            € 1.150,00\n"
            "  huur maart 2027               € 1.150,00\n  ontvangen op 24-02-2027         - € 400,00\n"
            "  openstaand                    € 1.900,00\n")
    assert _due(rows) == Decimal("1900.00")
    cak = ("U hebt een premieachterstand van € 1.122,60 bij uw zorgverzekeraar.\nDe bestuursrechtelijke"
           " premie is € 176,42 per maand. De eerste maand, € 176,42, moet uiterlijk op 31 augustus 2026 op"
           " onze rekening staan.\n")
    assert _due(cak) == Decimal("176.42")


def test_an_old_invoice_term_told_in_a_summons() -> None:
    text = ("1. Eiseres heeft op 19 mei 2026 factuur 2026-55104 verzonden ten bedrage van\n   € 1.214,60,"
            " te voldoen binnen 14 dagen.\n\nMitsdien vordert eiseres betaling van:\n"
            "   hoofdsom                                  € 1.214,60\n   wettelijke rente                          €    48,62\n"
            "   subtotaal                                 € 1.263,22\n   kosten van dit exploot                    €   112,41\n"
            "   totaal                                    € 1.375,63\n")
    assert _due(text) == Decimal("1375.63")


# --- batches 25–28 (first look at f26e564, then read) -------------------------------------------


def _mentions(text: str) -> list[tuple[str, str]]:
    from snapdebrief.fields.dates import find_dates

    return [(m.date.isoformat(), m.role) for m in find_dates([text])]


def test_a_place_and_date_cell_in_a_footer_dates_the_letter() -> None:
    letter = ("Geachte heer Smit,\n\nKrachtens de huurovereenkomst die op 1 april 2018 tussen u en ons is "
              "aangegaan, betaalt u de huur per maand.\nDe huur van oktober 2026 staat nog open.\n\n"
              "Met vriendelijke groet,\n\nStichting Woonhaven  |  Almelo, 12 november 2026  |  ref. WH-2026-0412\n")
    assert ("2026-11-12", "letter_date") in _mentions(letter)
    assert ("2018-04-01", "letter_date") not in _mentions(letter)


def test_a_permission_answering_a_question_is_no_deadline() -> None:
    got = dict(_mentions(
        "Datum 2 maart 2026\n\nWilt u het dossier vooraf lezen? Dat kan tot en met 16 maart 2026 op "
        "afspraak.\nDe hoorzitting is op maandag 23 maart 2026 om 14.00 uur.\n"))
    from snapdebrief.fields.dates import find_dates
    from snapdebrief.fields.deadline import is_conditional

    m = next(m for m in find_dates(["Datum 2 maart 2026\n\nWilt u het dossier vooraf lezen? Dat kan tot "
                                    "en met 16 maart 2026 op afspraak.\n"]) if m.date == date(2026, 3, 16))
    assert is_conditional(m)
    assert got["2026-03-23"] == "appointment"


def test_the_latest_day_the_money_must_be_in_is_a_pay_date() -> None:
    block = ("  Betaal                          € 184,00\n  aan                             NL20 INGB 0001 2345 67\n"
             "  uiterste ontvangstdatum         22-02-2027\n")
    assert ("2027-02-22", "pay_by") in _mentions(block)


def test_an_invoice_term_told_with_a_separable_verb_is_history() -> None:
    letter = """Van Dijk Gerechtsdeurwaarders
Postbus 40, 3800 AA Amersfoort

Amersfoort, 4 maart 2027

1. Eiseres heeft op 2 oktober 2026 aan gedaagde factuur 8812 toegezonden, groot € 640,00,
   te voldoen binnen veertien dagen. Daarna heeft zij hem een aanmaning uitgereikt.
"""
    from snapdebrief.fields.terms import find_relative_terms

    assert find_relative_terms([letter], date(2027, 3, 4)) == []


def test_a_print_stamp_with_a_time_is_no_appointment() -> None:
    page = ("Mijn Gemeente  >  Berichten                       Afgedrukt: 2026-04-07 19:45\n\n"
            "Datum bericht: 3 april 2026\nWij hebben uw aanvraag ontvangen.\n")
    roles = dict(_mentions(page))
    assert roles["2026-04-07"] != "appointment"
    wrapped = "Mijn Gemeente  >  Berichten  >  Bericht bekijken  Afgedrukt:\n2026-04-07 19:45\n\n" + page
    assert dict(_mentions(wrapped))["2026-04-07"] != "appointment"


@pytest.mark.parametrize(("text", "expected"), [
    ("Betaal het bedrag vóór het einde van februari 2027.", date(2027, 2, 28)),
    ("Maak het over voor eind september 2026.", date(2026, 9, 30)),
])
def test_the_end_of_a_month_is_its_last_day(text: str, expected: date) -> None:
    assert [s.on(s.year or 0) for s in scan_dates(text)] == [expected]


def test_what_is_left_after_a_part_waived_and_paid_is_due() -> None:
    text = ("Je aanslag is in totaal € 512,80. Wij schelden € 300,00 kwijt. Je betaalde in maart al\n"
            "€ 40,00. Er blijft dus € 172,80 over. Maak dat over vóór 1 juli 2026.\n")
    assert _due(text) == Decimal("172.80")
    assert _due("Uw maandbedrag blijft € 61,20. Het totaal te betalen is € 183,60.\n") == Decimal("183.60")


def test_a_sum_told_from_an_earlier_letter_is_not_what_is_owed_now() -> None:
    text = ("Wij schreven u eerder over de contributie van januari tot en met maart, drie maanden van\n"
            "€ 25,00, samen € 75,00. Daarna zijn de incassokosten van € 40,00 erbij gekomen. U betaalde\n"
            "op 2 mei € 30,00. Het saldo is op dit moment € 85,00. Wilt u dat bedrag overmaken?\n")
    assert _due(text) == Decimal("85.00")


def test_a_settlement_offer_names_the_sum_and_the_day() -> None:
    letter = """Incassobureau Noordkaap
Postbus 91, 9700 AA Groningen

Groningen, 5 oktober 2026

Betreft: voorstel tot regeling, dossier NK-66120

Geachte heer Bos,

Uw openstaande saldo bij Dansschool Plié is € 214,30. Wij hebben van uw schuldeiser de ruimte
gekregen u een voorstel te doen. Indien u uiterlijk 20 oktober 2026 een bedrag van € 150,00
overmaakt op NL20 INGB 0001 2345 67 onder vermelding van NK-66120, dan verlenen wij u finale
kwijting. Zonder betaling vervalt dit voorstel en blijft het volle saldo verschuldigd.

Met vriendelijke groet,
Incassobureau Noordkaap
"""
    got = _explain(letter)
    assert got["amount_due"] == 150.00
    assert (got["deadline"]["date"], got["deadline"]["action"]) == ("2026-10-20", "pay")


def test_a_table_total_that_adds_the_costs_of_the_summons_is_the_sum_claimed() -> None:
    text = ("eiseres vordert dat de kantonrechter gedaagde veroordeelt om te betalen het bedrag van\n"
            "€ 505,10, met de kosten van het geding.\n\n"
            "  Hoofdsom                           € 430,00\n  Rente                              € 10,10\n"
            "  Incassokosten                      € 65,00\n  Subtotaal                          € 505,10\n"
            "  Kosten dagvaarding                 € 118,40\n  Totaal                             € 623,50\n")
    assert _due(text) == Decimal("623.50")


# --- batches 29–32 (first look at b36aed1, then read) -------------------------------------------


def test_a_sentence_wrapped_before_a_label_word_is_no_label_cell() -> None:
    got = dict(_mentions("Zwolle, 19 mei 2026\n\nU vroeg om uitstel van betaling van de aanslag over 2026 met\n"
                         "dagtekening 27 februari 2026. Die aanslag is nog niet betaald.\n"))
    assert got["2026-05-19"] == "letter_date" and got["2026-02-27"] == "earlier_letter"
    got = dict(_mentions("Datum van deze brief: 17-03-2026\n\nOp 13 februari kreeg u van ons een herinnering met een nieuwe\n"
                         "datum: 27 februari 2026. Die datum is voorbij.\n"))
    assert got["2026-03-17"] == "letter_date" and got["2026-02-27"] != "letter_date"


def test_a_wrapped_condition_is_no_bare_deadline_label() -> None:
    text = ("Dagtekening 27-02-2026\n\nBetaal uiterlijk op 30 april 2026. Liever in termijnen? Als u ons\n"
            "vóór 15 maart 2026 een machtiging geeft, schrijven wij het bedrag in delen af.\n")
    from snapdebrief.fields.dates import find_dates
    from snapdebrief.fields.deadline import choose_deadline, is_conditional

    found = find_dates([text])
    assert all(is_conditional(m) for m in found if m.date == date(2026, 3, 15))
    best = choose_deadline(found, date(2026, 2, 27), ["pay"])
    assert best is not None and best.date == date(2026, 4, 30)


def test_a_due_date_gone_by_is_no_deadline() -> None:
    roles = dict(_mentions("Datum: 10 maart 2026\n\nDe termijn van maart is nog niet binnen. Die had op 1 maart "
                           "betaald moeten zijn.\n"))
    assert roles["2026-03-01"] != "pay_by"


def test_a_weekday_with_day_and_month_only() -> None:
    assert [(s.day, s.month, s.year) for s in scan_dates("wil je het uiterlijk vrijdag 27/2 overmaken")] == [(27, 2, None)]
    assert scan_dates("een fles van 1/2 liter") == []


def test_a_question_put_as_a_label_runs_on_into_its_line() -> None:
    letter = """Peter de Graaf
Utrecht, 16-2-2026

Hoi Sem,

De huur van februari is nog steeds niet binnen.
Dus mijn vraag: wil je de 910,00 euro voor februari uiterlijk vrijdag 27/2
overmaken naar NL20 INGB 0001 2345 67 (P. de Graaf)?

Groet, Peter
"""
    got = _explain(letter)
    assert (got["deadline"]["date"], got["deadline"]["action"]) == ("2026-02-27", "pay")


@pytest.mark.parametrize("text", [
    "Uw verzekeraar meldde een achterstand van zes maanden premie, samen € 891,54. U hoeft de "
    "bestuursrechtelijke premie niet zelf over te maken: uw werkgever houdt haar in op uw loon.",
    "Het is derhalve niet nodig dat u daarnaast zelf betalingen aan ons verricht. Stand: totaal € 2.846,17.",
    "De deurwaarder noemt in het beslag een vordering van € 3.226,40. U hoeft zelf aan ons niets te "
    "doen of te betalen.",
])
def test_letters_that_say_the_reader_pays_nothing(text: str) -> None:
    assert _due(text) is None


def test_not_yet_is_no_nothing_to_pay() -> None:
    text = ("Er blijft dus € 110,40 over. Betaal dat vóór 1 juli 2026. Gaat u in beroep? Tijdens het beroep "
            "hoeft u het restant nog niet te betalen.\n")
    assert _due(text) == Decimal("110.40")


def test_the_remainder_after_payments_and_the_costs_charged_on_top() -> None:
    assert _due("Het totaal kwam op € 905,00; na aftrek van uw betaling staat er nog € 805,00 open.\n"
                "Betaal dat vóór 12 februari 2027.") == 805.00
    text = ("De aanslag was € 612. Wij ontvingen € 150. Er staat daarom nog € 462 open.\nWij brengen "
            "€ 19 aanmaningskosten in rekening.\n\n  Te betalen                      € 481\n")
    assert _due(text) == 481


def test_a_conditional_benefit_does_not_hide_a_sum_claimed_back() -> None:
    text = ("Over maart hebben wij u netto € 1.146,30 te veel betaald. Bruto is dat € 1.744,68. Wij vragen u het "
            "bedrag van € 1.744,68 binnen 8 weken over te maken. Lukt dat niet in één keer, dan kunt u ons "
            "vragen het te verrekenen met uw uitkering; wij houden dan iedere maand € 120,00 in.\n")
    assert _due(text) == Decimal("1744.68")


def test_the_ends_of_a_period_between_two_dates_are_no_appointment() -> None:
    roles = dict(_mentions("Datum: 16 juni 2026\n\nAls wij het bedrag niet op tijd ontvangen:\n- kunnen wij de "
                           "netbeheerder vragen de levering van gas te\n  laten stoppen. Dat doen wij niet tussen 1 "
                           "november en 1 maart. De kosten\n  voor afsluiten en weer aansluiten, € 95,00, komen dan "
                           "voor uw rekening.\n"))
    assert "appointment" not in roles.values()


def test_thanks_for_a_talk_is_no_appointment() -> None:
    got = dict(_mentions("Datum: maandag 11 januari 2027\n\nBedankt voor het prettige gesprek aan de balie op "
                         "6 januari. Zoals afgesproken betaal je in drie delen.\n"))
    assert got.get("2027-01-06") not in (None, "appointment") and "2028-01-06" not in got


def test_a_term_from_the_day_the_mail_comes() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = "Maak binnen 14 dagen na de\ndag waarop je deze mail ontvangt € 86,45 over naar NL20 INGB 0001 2345 67.\n"
    got = find_relative_terms([text], date(2026, 4, 7))
    assert [(m.date, m.role) for m in got] == [(date(2026, 4, 21), "pay_by")]


# --- batches 33–36 (first look at deef206, then read) -------------------------------------------


@pytest.mark.parametrize("text", [
    "Verschuldigde belasting   € 310\nAl ontvangen op voorlopige aanslag   € 120 +\n\nU ontvangt nog          "
    "€ 740\n\nWij storten € 740 binnen 4 weken op rekeningnummer NL20 INGB 0001 2345 67.\n",
    "U hoeft voor deze aanslag niets te doen en ook niets te betalen. Wij storten het bedrag van € 215 op "
    "uw rekening.\nTotaal van de aanslag € 4.890.\n",
    "Uw aanslag afvalstoffenheffing 2026 is € 288,40. Wij hebben uw verzoek om kwijtschelding toegekend. U\n"
    "hoeft het bedrag van € 288,40 niet te betalen.\n",
    "Uw zorgverzekeraar meldde een achterstand van € 1.102,20. U hoeft de premie dus niet zelf aan ons over te "
    "maken: uw werkgever houdt haar in.\n",
    "U hebt € 740,00 te veel WW gekregen. Dat moet u terugbetalen. U hoeft zelf niets over te maken. Wij houden "
    "het bedrag in op uw WW-uitkering, verdeeld over 6 maanden.\n",
    "U krijgt in 2027 in totaal € 1.248 zorgtoeslag. Dat is € 104 per maand.\n",
])
def test_money_to_the_reader_or_taken_is_no_sum_to_pay(text: str) -> None:
    assert _due(text) is None


def test_a_limit_in_a_question_is_not_the_sum() -> None:
    text = ("U moet huurtoeslag terugbetalen. Is het bedrag dat u moet terugbetalen € 116 of minder? Dan "
            "hoeft u niets te doen.\n\n  U moet terugbetalen                 € 612\n")
    assert _due(text) == 612


def test_a_sum_that_must_be_on_my_account() -> None:
    text = ("De huur van juli en augustus (2 x € 820,00 = € 1.640,00) heb ik nog niet binnen. Er kwam € 200,00 "
            "binnen. Het openstaande bedrag van € 1.440,00 moet uiterlijk 25 september op mijn rekening staan.\n")
    assert _due(text) == Decimal("1440.00")


def test_twice_twenty_four_hours_is_two_days() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = "Wij sommeren u het bedrag binnen twee maal vierentwintig uur na heden te voldoen.\n"
    assert [m.date for m in find_relative_terms([text], date(2026, 7, 15))] == [date(2026, 7, 17)]


def test_meeting_the_conditions_is_no_payment() -> None:
    roles = dict(_mentions("Datum 3 juli 2026\n\nU heeft recht op WW tot en met 14 maart 2027, tenzij u niet meer "
                           "aan de voorwaarden voldoet.\n"))
    assert roles["2027-03-14"] != "pay_by"


def test_the_next_instalment_paid_as_always_is_no_deadline() -> None:
    letter = ("Datum 14 oktober 2026\n\nBetaal de achterstand vóór 11 november 2026.\nLet op: het maandbedrag "
              "van oktober (€ 64,18, vervaldatum 31-10-2026) betaal je zoals altijd.\n")
    from snapdebrief.fields.deadline import choose_deadline
    from snapdebrief.fields.dates import find_dates

    best = choose_deadline(find_dates([letter]), date(2026, 10, 14), ["pay"])
    assert best is not None and best.date == date(2026, 11, 11)


def test_the_time_of_a_hearing_in_the_next_sentence() -> None:
    letter = """Waterschap Aa en Maas
Postbus 5049, 5201 GA 's-Hertogenbosch

Datum: 2 september 2026

Onderwerp: uitnodiging hoorzitting over uw bezwaar

Geachte heer Kok,

Wij nodigen u uit voor een hoorzitting op woensdag 7 oktober 2026. De
zitting begint om 14.15 uur in het Waterschapshuis. Kunt u niet komen? Laat het ons weten.
"""
    got = _explain(letter)
    assert (got["appointment"]["date"], got["appointment"]["time"]) == ("2026-10-07", "14:15")


# --- batches 37–40 (first look 2026-12-07) ---------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        # the verb last, as in a subordinate clause
        "De automatische incasso loopt door, zodat u zelf niets hoeft over te maken.",
        # old legal Dutch of a bailiff
        "Wij delen u mede dat u zelf geen betalingen behoeft te verrichten zolang de inhouding loopt.",
        # a full waiver
        "U bent ter zake van deze aanslag geen verdere betalingen verschuldigd.",
        # a direct debit that runs on
        "Wij schrijven het maandbedrag rond de 20e af van uw rekening. U hoeft daarvoor niets te doen.",
        # the money is taken from a benefit from now on
        "De premie wordt vanaf 1 mei ingehouden op uw bijstandsuitkering.",
    ],
)
def test_sums_on_a_letter_that_asks_no_payment(tail: str) -> None:
    text = ("Overzicht\n  Jaarbedrag 2026                 € 1.218,40\n  Per maand                     € 101,53\n\n"
            + tail + "\n")
    assert _due(text) is None


def test_a_debt_whose_payment_letter_comes_later_is_not_asked_now() -> None:
    text = ("U heeft te veel voorschot gekregen. U moet € 2.340 terugbetalen.\n\n"
            "Moet ik nu al betalen?\nNee. U hoeft nu nog niets te betalen. Over een paar weken krijgt u "
            "een aparte betaalbrief met het rekeningnummer en de datum.\n")
    assert _due(text) is None


def test_what_happens_if_you_do_nothing_is_no_withholding_now() -> None:
    text = ("Uw achterstand is € 412,80. Wij vragen u dit bedrag vóór 3 maart 2027 te betalen.\n\n"
            "Betaalt u niet? Dan betaalt u een hogere premie, die wordt ingehouden op uw loon.\n"
            "De nota voor uw eigen risico krijgt u apart; u hoeft die nu niet te betalen.\n")
    assert _due(text) == Decimal("412.80")


def test_a_message_sent_in_the_first_person_is_a_past_event() -> None:
    roles = dict(_mentions("Leiden, 4 mei 2026\n\nIk heb je op 21 apr. al een mailtje gestuurd, maar "
                           "ik heb nog niets gezien.\n"))
    assert roles == {"2026-05-04": "letter_date", "2026-04-21": "other"}


def test_a_weekday_and_a_day_only_take_the_month_from_the_letter() -> None:
    roles = _mentions("Leiden, 4 mei 2026\n\nWil je de € 120,- uiterlijk dinsdag de 12e overmaken?\n")
    assert ("2026-05-12", "pay_by") in roles
    # a weekday that fits no nearby month is no date
    assert not any(r == "pay_by" for _, r in _mentions(
        "Leiden, 4 mei 2026\n\nWil je de € 120,- uiterlijk zondag de 12e overmaken?\n"))


def test_a_place_and_a_short_date_open_the_letter() -> None:
    assert _explain("Fietsenmaker Spaak\n\nDelft, 3-2-26\n\nHoi Sam,\nDe factuur staat nog open.\n"
                    )["letter_date"] == "2026-02-03"


def test_the_bailiffs_perfect_tense_is_todays_ask() -> None:
    got = _explain("Gerechtsdeurwaarderskantoor Van Dam\n\nDatum: 2 maart 2026\n\nBETEKENING VAN VONNIS\n\n"
                   "Thans verschuldigd: € 1.204,50\n\nVoorts heb ik gerekwireerde aangezegd en hem, voor "
                   "zoveel nodig, gesommeerd om het thans verschuldigde bedrag binnen acht dagen na heden te "
                   "voldoen op NL91 ABNA 0417 1643 00.\n")
    assert got["deadline"] is not None and got["deadline"]["date"] == "2026-03-10"


@pytest.mark.parametrize(
    "letter",
    [
        "Tandartspraktijk De Molen\n\nHaarlem, 2 juni 2026\n\nBETALINGSHERINNERING\n\nUw nota 2026-118 is nog "
        "niet volledig betaald. Nog te betalen: € 64,20. Wilt u dit vóór 20 juni 2026 overmaken?\n",
        "Rijschool Snel\n\nZwolle, 2 juni 2026\n\nHoi Lisa,\nEven een herinnering. De tweede termijn van € 240,- had op 1-6 binnen "
        "moeten zijn. Die staat dus nog open. Wil je het overmaken voor vrijdag 12 juni?\n",
    ],
)
def test_a_small_senders_own_reminder_is_an_unpaid_bill(letter: str) -> None:
    assert _explain(letter)["kind"] == "incasso-aanmaning"


def test_a_private_landlord_who_has_not_received_the_rent() -> None:
    got = _explain("J. Bakker\nKerkstraat 3, Gouda\n\nGouda, 2 juni 2026\n\nBeste meneer Ali,\n\nDe huur van mei heb "
                   "ik nog altijd niet ontvangen. Wilt u het achterstallige bedrag van € 780,- uiterlijk "
                   "maandag de 15e overmaken op NL91 ABNA 0417 1643 00?\n")
    assert got["kind"] == "huurachterstand"
    assert got["deadline"]["date"] == "2026-06-15"


def test_a_maybe_about_a_waiver_leaves_the_assessment_asked() -> None:
    text = ("Aanslag gemeentelijke belastingen 2026\n  Afvalstoffenheffing        € 301,20\n"
            "  Rioolheffing               € 131,21\n  Totaal                     € 432,41\n\n"
            "U betaalt deze aanslag in twee termijnen: € 216,21 vóór 31 maart en € 216,20 vóór 30 april.\n"
            "Hebt u een laag inkomen? Mogelijk hoeft u de belasting niet te betalen. Vraag dan kwijtschelding aan.\n")
    assert _due(text) == Decimal("432.41")


def test_a_letter_that_says_pay_nothing_shows_no_pay_deadline_or_account() -> None:
    got = _explain("Gemeente Leeuwarden\n\nLeeuwarden, 17 april 2026\n\nBeschikking op uw verzoek om "
                   "kwijtschelding\n\nWij verlenen u volledige kwijtschelding van de aanslag van € 612,18. De "
                   "termijnen die u al betaalde, € 122,44, storten wij binnen vier weken na dagtekening terug "
                   "op uw rekening NL91 ABNA 0417 1643 00. U bent ter zake van deze aanslag geen verdere "
                   "betalingen verschuldigd.\n")
    assert got["amount_due"] is None and got["iban"] is None
    assert got["deadline"] is None or got["deadline"]["action"] != "pay"


def test_a_date_label_that_names_an_earlier_paper_gives_way_to_the_place_line() -> None:
    roles = dict(_mentions("Utrecht, 9 juni 2026\n\nAanmaning\n\nAanslagnummer     8120.44.301\n"
                           "Datum aanslag     28 februari 2026\nVervaldatum       30 april 2026\n"))
    assert roles["2026-06-09"] == "letter_date"
    assert roles["2026-02-28"] != "letter_date"
    # on the assessment itself, with no other date of the letter, it still dates the letter
    roles = dict(_mentions("Aanslag afvalstoffenheffing\n\nDatum aanslag     28 februari 2026\n"
                           "Vervaldatum       30 april 2026\n"))
    assert roles["2026-02-28"] == "letter_date"


def test_an_account_the_letter_calls_old_is_not_the_one_to_pay_to() -> None:
    from snapdebrief.fields.ids import choose_iban, find_ibans

    text = ("Betaal het totaal binnen 14 dagen. Let op: ons oude rekeningnummer NL18 RABO 0123 4567 89\n"
            "is opgeheven. Maak daar geen geld meer naartoe over.\n\nBETAALSTROOK\nBedrag   € 85,00\n"
            "IBAN     NL91 ABNA 0417 1643 00\n")
    assert choose_iban(find_ibans([text]), [text])[0] == "NL91ABNA0417164300"


def test_a_taxable_income_line_is_no_sum_to_pay() -> None:
    text = ("  Te betalen                          € 1.204\n\nBerekening\n"
            "  Geschatte winst                     €  28.300\n  Af: ondernemersaftrek           €   7.900\n"
            "  Belastbaar inkomen                  €  20.400\n\n  Inkomstenbelasting        €   6.900\n"
            "  Af: heffingskortingen             €   5.696\n  Voorlopige aanslag        €   1.204\n")
    assert _due(text) == 1204


def test_old_style_nothing_to_pay_of_a_client() -> None:
    text = ("Het college stelt het terug te vorderen bedrag vast op € 1.876,20.\n"
            "Hoe dit bedrag moet worden voldaan, hoort uw cliënt bij afzonderlijke beschikking. Tot die "
            "tijd behoeft hij niets te betalen.\n")
    assert _due(text) is None


def test_a_water_boards_reminder_by_mail_opens_no_objection_term() -> None:
    got = _explain("Van:       Waterschap Rivierenland - Belastingen\nDatum:     dinsdag 2 juni 2026 10:02\n"
                   "Onderwerp: Herinnering: uw aanslag waterschapsbelasting 2026\n\nBeste mevrouw Kok,\n\n"
                   "De tweede termijn van uw aanslag waterschapsbelasting 2026 hebben wij nog niet ontvangen. "
                   "Maak € 104,20 binnen 14 dagen over naar NL91 ABNA 0417 1643 00.\n")
    assert got["kind"] == "gemeente-belastingaanslag"
    assert got["objection_deadline"] is None


@pytest.mark.parametrize("header", ["Uiterlijk op", "Uiterlijk betaald op", "Uiterlijk bijgeschreven"])
def test_a_pay_schedule_under_a_bare_deadline_header(header: str) -> None:
    text = (f"Datum 8 januari 2027\n\nBetaaltermijnen\n-----------------------------------------\n"
            f"Termijn      {header:<26}Bedrag\n1            28 februari 2027          € 212,00\n"
            f"2            31 maart 2027             € 212,00\n")
    roles = _mentions(text)
    assert ("2027-02-28", "pay_by") in roles and ("2027-03-31", "pay_by") in roles


def test_the_number_named_with_the_account_in_a_pay_sentence() -> None:
    text = ("Ons dossier: AB-2026-4471\n\nWij vragen je dit bedrag te betalen. Je kunt zelf betalen op\n"
            "NL91 ABNA 0417 1643 00, met ons dossiernummer AB-2026-4471. Daarna stoppen we het beslag.\n")
    refs = find_references([text])
    assert choose_payment_reference(refs, [text]).value == "AB-2026-4471"


@pytest.mark.parametrize("header", ["[SMS] Energie Noord, 17-02-2026 08:05", "SMS  - Waterschap  - 12 feb 09:30",
                                    "                                   17-02-2026 16:02"])
def test_a_messages_time_stamp_is_no_appointment(header: str) -> None:
    text = header + "\nU heeft een betalingsachterstand. Betaal € 80,00 vóór 3 maart 2026.\n"
    assert all(r != "appointment" for _, r in _mentions(text))
    # a time the letter sets stays an appointment
    assert ("2026-10-13", "appointment") in _mentions("U heeft op di 13-10-2026 om 14:30 een afspraak met uw werkcoach.\n")


def test_a_total_that_holds_the_other_and_its_interest_is_the_sum_asked() -> None:
    text = ("  Nog te betalen inkomstenbelasting     €   512\n  Belastingrente                        €    11\n"
            "  --------------------------------------------\n  Totaal te betalen                     €   523\n\n"
            "Berekening\n  Nog te betalen                        €   512\n")
    assert _due(text) == 523


def test_what_is_left_after_the_insurer_paid_a_part() -> None:
    text = ("Voor de behandeling rekenden wij in totaal € 214,60. Uw zorgverzekeraar heeft daarvan een deel,"
            " € 27,25, aan ons betaald, zodat er nog € 187,35 voor uw rekening bleef. Wilt u dat bedrag"
            " binnen 14 dagen overmaken?\n")
    assert _due(text) == Decimal("187.35")


def test_an_order_that_holds_the_open_part_and_the_costs() -> None:
    text = ("De eerste helft hebben wij ontvangen. De kosten van deze aanmaning zijn € 9,00. U moet ons dus nu "
            "€ 357,66 betalen: het nog openstaande deel van € 348,66 plus de aanmaningskosten.\n")
    assert _due(text) == Decimal("357.66")


def test_the_letters_order_beats_the_first_sum_under_a_question_heading() -> None:
    text = ("Wat moet je nog betalen?\nSinds 1 juli is je huur € 687,45 per maand. Daarvoor was het € 661,90.\n\n"
            "  juli        nog open      € 212,55\n  augustus    niets         € 687,45\n"
            "                            ---------\n  Samen                     € 900,00\n\n"
            "Wat vragen we van je?\nBetaal de € 900,00 vóór vrijdag 11 september 2026.\n")
    assert _due(text) == 900


# --- batches 45–48 (first look at 8777eb2), their misses read ---------------------------------


def test_what_is_still_open_after_a_payment_beats_the_slips_old_amount() -> None:
    text = ("De rekening was € 96,00, te betalen vóór 1 maart 2026. Op 9 maart ontvingen wij € 30,00.\n"
            "Er staat nu nog\n€ 66,00 open. Betaal dit restant uiterlijk 20 maart 2026.\n\n"
            "ACCEPTGIRO\nBedrag           EUR  96,00\n")
    assert _due(text) == Decimal("66.00")


def test_a_sum_the_letter_says_is_not_part_of_it_is_not_asked() -> None:
    text = ("Te betalen                        €    412\n\n"
            "Op uw vorige aanslag staat nog € 150 open. Dat bedrag hoort niet bij deze aanslag.\n")
    assert _due(text) == 412


def test_the_sum_a_computation_comes_to() -> None:
    text = ("U betaalde drie termijnen van € 80,00 niet, samen € 240,00. Daarover is € 6,10 rente berekend. "
            "Het bedrag dat u aan ons moet betalen, komt daarmee op € 246,10.\n")
    assert _due(text) == Decimal("246.10")


def test_rows_under_a_consists_of_line_are_parts_of_the_sum_above() -> None:
    text = ("Op 1 mei had je een achterstand van € 1.100,00. Die bestaat uit:\n\n"
            "    maart 2026    restant € 350,00 (je betaalde € 400,00 van de € 750,00)\n"
            "    april 2026    € 750,00\n\n"
            "Wij vragen je dringend het achterstallige bedrag van € 1.100,00 uiterlijk 20 mei 2026 te "
            "betalen.\n\nACCEPTGIRO\nBedrag           EUR 1.100,00\n")
    assert _due(text) == Decimal("1100.00")


def test_the_years_sum_of_an_advance_is_no_sum_to_pay() -> None:
    text = ("Je kreeg in 2025 elke maand een voorschot van € 90, in totaal € 1.080. Je had recht op € 700. "
            "Je hebt dus € 380 te veel gekregen. Dat bedrag moet je aan ons terugbetalen.\n")
    assert _due(text) == 380


def test_a_debt_that_stays_with_a_named_creditor_is_not_asked_by_this_letter() -> None:
    text = ("Vanaf 1 mei betaalt u de premie aan het CAK. U hoeft zelf niets over te maken: uw werkgever houdt "
            "de premie in op uw loon.\nDe achterstand van € 640,20 moet u nog steeds aan Zorgverzekeraar Delta "
            "betalen.\n")
    assert _due(text) is None


@pytest.mark.parametrize("lines", [
    "Zij komt op dinsdag 12 mei 2026,\ntussen 13.00 en 14.00 uur, bij u thuis.\n",
    "| Datum     | donderdag 16 april 2026   |\n| Tijd      | tussen 09.00 en 11.00 uur |\n",
    "Wanneer bellen wij?\nOp maandag 7 september 2026, ergens tussen 10.00 en 12.00 uur.\n",
])
def test_an_appointment_with_a_time_slot(lines: str) -> None:
    from snapdebrief.fields.dates import find_dates

    text = "Utrecht, 2 april 2026\n\nGeachte heer Jansen,\n\n" + lines
    times = [m.time for m in find_dates([text]) if m.role == "appointment"]
    assert times and times[0] in ("13:00", "09:00", "10:00"), find_dates([text])


def test_a_yearless_due_date_takes_its_rows_year() -> None:
    text = ("Datum: 21-07-2026\n\nOpenstaande termijnen\n"
            "  Termijn juni 2026 (vervaldatum 1 juni)     € 120,00\n"
            "  Termijn juli 2026 (vervaldatum 1 juli)     € 120,00\n\n"
            "Wilt u het totaal binnen 7 dagen na de datum van deze e-mail overmaken?\n")
    assert all(not d.startswith("2027") for d, _ in _mentions(text)), _mentions(text)


def test_a_noun_after_a_preposition_is_no_one_who_acts() -> None:
    text = ("Datum 4 maart 2026\n\nWij vragen u uiterlijk woensdag 25 maart 2026 aan ons door te geven of u "
            "op de hoorzitting komt.\n")
    assert ("2026-03-25", "respond_by") in _mentions(text)


# --- batches 49–52 (first look at 9f653ae), their misses read ---------------------------------


def test_zorg_dat_wij_het_bedrag_ontvangen_is_the_order() -> None:
    text = ("U hebt drie maandbedragen niet betaald. Uw achterstand is nu € 290,40.\n"
            "Zorg dat wij het bedrag van € 290,40 uiterlijk op 5 maart 2027 hebben ontvangen.\n\n"
            "Uw studieschuld\ntotaal: € 18.402,11\nmaandbedrag: € 96,80\n")
    assert _due(text) == Decimal("290.40")


def test_the_balance_of_the_readers_own_account_is_no_debt() -> None:
    text = ("Voorts stond op uw betaalrekening een saldo van € 744,10. Uw vermogen is daarmee te hoog.\n"
            "Dientengevolge blijft het gehele bedrag van de aanslag, zijnde € 512,30, door u verschuldigd. "
            "Hetzelve dient te worden voldaan binnen één maand na dagtekening.\n")
    assert _due(text) == Decimal("512.30")


def test_no_payments_to_our_office_while_the_benefit_is_withheld() -> None:
    text = ("  restant vordering                       € 1.410,00\n\n"
            "UWV zal maandelijks € 210,00 inhouden en aan mij afdragen. U behoeft uit dien hoofde zelf geen "
            "betalingen aan ons kantoor te verrichten zolang de inhouding plaatsvindt.\n")
    assert _due(text) is None


def test_stort_niets_is_no_ask_and_its_account_no_account_to_pay() -> None:
    letter = ("CAK\nDatum: 2 maart 2026\n\nU hoeft de premie niet zelf over te maken. UWV betaalt die rechtstreeks "
              "aan ons.\n  Premie januari en februari (samen)     € 310,20\n"
              "Stort niets op onze rekening NL91 ABNA 0417 1643 00 zolang UWV de premie inhoudt.\n")
    out = _explain(letter)
    assert out["amount_due"] is None and out["iban"] is None


@pytest.mark.parametrize("before", ["Uw bankrekening bij ons\n",
                                    "Het ingehouden deel maken wij over naar de rekening van de deurwaarder,\n"])
def test_an_account_that_is_not_for_the_reader_to_pay_to(before: str) -> None:
    from snapdebrief.fields.ids import own_account
    from snapdebrief.result import Evidence

    text = before + "NL91 ABNA 0417 1643 00\n"
    start = text.index("NL91")
    assert own_account(text, Evidence(page=1, start=start, end=start + 22))


def test_the_order_in_a_benefit_decision_names_the_sum() -> None:
    text = ("Uw bijstand was in die maanden € 1.380,00 per maand. U verdiende € 610,00 bij. Dat bedrag "
            "vorderen wij van u.\nWij vragen u het bedrag van € 610,00 binnen vier weken na de datum van dit "
            "besluit over te maken naar rekeningnummer NL91 ABNA 0417 1643 00.\n"
            "Kunt u dat niet in één keer? Dan houden wij het in termijnen in op uw uitkering.\n")
    assert _due(text) == Decimal("610.00")


def test_a_short_line_that_ends_on_its_date_runs_on() -> None:
    text = ("Datum 1 oktober 2026\n\nHoe betaalt u?\nMaak € 234,00 uiterlijk 12 november 2026\n"
            "over naar NL68 INGB 1226 2738 63 ten name\nvan CJIB.\n")
    assert ("2026-11-12", "pay_by") in _mentions(text)


def test_an_exploot_with_the_bailiff_named_before_his_verb_asks_now() -> None:
    text = ("Heden, 17 maart 2026, heb ik, gerechtsdeurwaarder, mijn exploot gedaan.\n"
            "Weshalve ik, deurwaarder, gerekwireerde heb gesommeerd om binnen twee dagen na heden aan mijn "
            "requirante te betalen het totaal van € 256,12.\n")
    assert _explain(text)["deadline"]["date"] == "2026-03-19"


def test_an_exploots_hour_in_words() -> None:
    from snapdebrief.fields.dates import find_dates

    text = ("Datum 1 oktober 2026\n\nom te verschijnen op woensdag 18 november 2026 des voormiddags\n"
            "te tien uur, ter terechtzitting van de kantonrechter.\n")
    assert [(m.role, m.time) for m in find_dates([text]) if m.date.isoformat() == "2026-11-18"] == [
        ("appointment", "10:00")]


def test_a_last_hour_to_pay_is_no_meeting_and_a_sale_is_none_either() -> None:
    text = ("Datum 30 september 2026\n\ndat deze verkoop zal plaatsvinden op dinsdag 20 oktober 2026, des "
            "namiddags te twee uur, ten huize van gerekwireerde;\n\ndat deze verkoop geen doorgang zal vinden "
            "indien uiterlijk op maandag 19 oktober 2026, des namiddags te vijf uur, het gehele bedrag aan mij "
            "is voldaan.\n")
    roles = dict(_mentions(text))
    assert roles["2026-10-19"] == "pay_by" and roles["2026-10-20"] != "appointment"


def test_a_term_given_as_the_time_you_have() -> None:
    letter = ("Gemeente Groningen\n\nGroningen, 9 april 2026\n\nJe moet de aanslag van € 587,32 nog betalen. Je "
              "hebt daar één maand de tijd voor, gerekend vanaf de datum van deze brief. Maak het bedrag over "
              "naar NL91 ABNA 0417 1643 00.\n")
    from snapdebrief.fields.terms import find_relative_terms

    assert [(m.date, m.role) for m in find_relative_terms([letter], date(2026, 4, 9))] == [
        (date(2026, 5, 9), "pay_by")]


def test_a_chat_messages_stamp_is_no_appointment() -> None:
    text = ("[28-10-26 19:42] Rijschool: je examen is ingepland\n"
            "Datum: vrijdag 13 november 2026\nTijd: 10:40 uur\n[28-10-26 19:45] Rijschool: tot dan!\n")
    roles = _mentions(text)
    assert ("2026-11-13", "appointment") in roles and ("2026-10-28", "appointment") not in roles


# --- batches 53–56 (first look at a6053af), their misses read ---------------------------------


@pytest.mark.parametrize("sentence", ["Het bedrag over maart krijg je binnen 5 werkdagen.",
                                      "De eerste betaling verwachten wij rond 25 juni 2026."])
def test_money_the_reader_gets_sets_no_deadline(sentence: str) -> None:
    roles = [r for _, r in _mentions("Datum 1 april 2026\n\n" + sentence + "\n")]
    assert "pay_by" not in roles


def test_a_total_only_if_you_pay_late_is_not_asked_and_the_office_account_is_not_to_pay_to() -> None:
    letter = ("Incasso Maasoever B.V.\n\nRotterdam, 8 september 2026\n\n"
              "U kunt het openstaande bedrag van € 189,97 nu nog zonder kosten betalen.\n\n"
              "| Hoofdsom                                         |     € 189,97   |\n"
              "| Buitengerechtelijke incassokosten                |      € 40,00   |\n"
              "| Te betalen als u niet op tijd betaalt            |     € 229,97   |\n\n"
              "| IBAN (derdengeldenrekening)    NL91 ABNA 0417 1643 00              |\n"
              "| Bedrag                         € 189,97                            |\n\n"
              "Maak geen betalingen over naar onze kantoorrekening NL69 INGB 0123 4567 89.\n")
    out = _explain(letter)
    assert out["amount_due"] == 189.97 and out["iban"] == "NL91ABNA0417164300"


@pytest.mark.parametrize("told", [
    "Het rekeningnummer op de factuur (NL69 INGB 0123 4567 89) is niet meer bedoeld voor deze vordering.",
    "Hun rekening NL69 INGB 0123 4567 89 staat nog op uw contract, maar de vordering is aan ons overgedragen.",
    "Betalingen op de rekening van eiseres, NL69 INGB 0123 4567 89, zijn sedertdien niet meer ontvangen.",
])
def test_an_account_the_letter_says_is_no_longer_for_this_debt(told: str) -> None:
    letter = ("Incassobureau Noord B.V.\n\nGroningen, 3 maart 2026\n\nBetaal € 210,00 vóór 17 maart 2026 op "
              "rekening NL91 ABNA 0417 1643 00.\n\n" + told + "\n")
    assert _explain(letter)["iban"] == "NL91ABNA0417164300"


def test_an_ask_of_another_body_is_no_ask_of_the_reader() -> None:
    text = ("Volgens uw zorgverzekeraar gaat het om zes maanden premie, samen € 1.190,40.\n"
            "U hoeft niets over te maken. Wij vragen UWV om de premie elke maand op uw uitkering in te\n"
            "houden en aan ons te betalen.\n")
    assert _due(text) is None


def test_a_months_rent_is_no_sum_and_an_offered_chance_to_pay_is_the_order() -> None:
    text = ("  | kale huur                         |   € 648,23   |\n"
            "  | servicekosten                     |    € 64,25   |\n"
            "  | totale maandhuur                  |   € 712,48   |\n\n"
            "Wij geven u hierbij de gelegenheid om het bedrag van € 1.124,96 binnen\n"
            "14 dagen na ontvangst van deze brief te betalen, zonder extra kosten.\n")
    assert _due(text) == Decimal("1124.96")


def test_a_summons_claim_beats_the_invoice_it_tells_of() -> None:
    text = ("Het totaal dat onze opdrachtgever thans vordert, bedraagt € 1.640,13.\n\n"
            "2. Ter zake heeft eiseres op 14 juli 2026 de eindafrekening aan gedaagde gezonden, welke, na\n"
            "   verrekening van de voorschotten, een te betalen saldo vermeldt van € 1.284,37.\n")
    assert _due(text) == Decimal("1640.13")
