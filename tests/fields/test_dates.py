"""Date finder: every Dutch date form, its role from the words around it, the letter date,
the appointment. Real phrasings from official letters, each beside its near-misses."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.fields.dates import (
    find_appointment,
    find_dates,
    find_letter_date,
    scan_dates,
)
from snapdebrief.result import DateMention, Evidence

D = date.fromisoformat
LETTER_HEAD = "Gemeente Amsterdam\nPostbus 2813\n1000 CV Amsterdam\n\nDatum: 3 maart 2026\n\n"

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
MONTHS_ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
               "nov.", "dec."]
WEEKDAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def found(text: str) -> list[tuple[str, str]]:
    return [(m.date.isoformat(), m.role) for m in find_dates(text.split("\f"))]


def only(text: str) -> tuple[str, str]:
    got = found(text)
    assert len(got) == 1, got
    return got[0]


# --- forms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("12 maart 2026", "2026-03-12", id="long-month"),
        pytest.param("maandag 12 maart 2026", "2026-03-12", id="weekday"),
        pytest.param("Maandag, 12 maart 2026", "2026-03-12", id="weekday-comma"),
        pytest.param("vr. 13 nov. 2026", "2026-11-13", id="weekday-abbr"),
        pytest.param("12-03-2026", "2026-03-12", id="dmy-dash"),
        pytest.param("12-3-2026", "2026-03-12", id="dmy-dash-short-month"),
        pytest.param("12.03.2026", "2026-03-12", id="dmy-dot"),
        pytest.param("12/3/2026", "2026-03-12", id="dmy-slash"),
        pytest.param("12 mrt. 2026", "2026-03-12", id="abbr-dot"),
        pytest.param("12 mrt 2026", "2026-03-12", id="abbr-no-dot"),
        pytest.param("12 sept. 2026", "2026-09-12", id="abbr-sept"),
        pytest.param("12 MAART 2026", "2026-03-12", id="upper-case"),
        pytest.param("12-03-26", "2026-03-12", id="two-digit-year"),
        pytest.param("12-03-85", "1985-03-12", id="two-digit-year-1900s"),
        pytest.param("1 april '26", "2026-04-01", id="apostrophe-year"),
        pytest.param("2026-03-12", "2026-03-12", id="iso"),
        pytest.param("12 - 03 - 2026", "2026-03-12", id="ocr-spaces"),
        pytest.param("12-03-2O26", "2026-03-12", id="ocr-O-for-0"),
        pytest.param("l2-03-2026", "2026-03-12", id="ocr-l-for-1"),
        pytest.param("12 maart 2O26", "2026-03-12", id="ocr-O-in-text-year"),
        pytest.param("1I-03-2026", "2026-03-11", id="ocr-I-for-1"),
        pytest.param("12 maart\n2026", "2026-03-12", id="wrapped-year"),
        pytest.param("29 februari 2028", "2028-02-29", id="leap-day"),
        pytest.param("de negende april tweeduizend zesentwintig", "2026-04-09",
                     id="spelled-exploot"),
        pytest.param("de eenendertigste december tweeduizend vijfentwintig", "2025-12-31",
                     id="spelled-31"),
        pytest.param("de tweeëntwintigste mei tweeduizend zesentwintig", "2026-05-22",
                     id="spelled-diaeresis"),
    ],
)
def test_forms(text: str, iso: str) -> None:
    assert [m.date.isoformat() for m in find_dates([text])] == [iso]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Telefoon 06-12-34-56-78", id="mobile-number"),
        pytest.param("Telefoon 020 - 463 09 50", id="landline"),
        pytest.param("versie 01-2025", id="footer-version"),
        pytest.param("€ 1.234,56", id="amount"),
        pytest.param("31-02-2026", id="invalid-day"),
        pytest.param("12-13-2026", id="invalid-month"),
        pytest.param("29 februari 2026", id="no-leap-day"),
        pytest.param("Kenmerk 2026-12-345", id="reference-with-dashes"),
        pytest.param("factuur 12-03-20261", id="digits-glued-after"),
        pytest.param("nr 412-03-2026", id="digits-glued-before"),
        pytest.param("1-2-34", id="short-code"),
        pytest.param("NL86 INGB 0002 4455 88", id="iban"),
        pytest.param("Betalingskenmerk 5010 0021 6701 0010", id="kenmerk"),
        pytest.param("12 mei-straat", id="month-inside-word"),
        pytest.param("O-O-OOOO", id="ocr-letters-only"),
        pytest.param("12 maart 1234 AB Amsterdam", id="postcode-is-no-year"),
    ],
)
def test_near_misses_give_no_date(text: str) -> None:
    assert find_dates([text]) == []


def test_postcode_after_yearless_date_keeps_no_year() -> None:
    # "12 maart" then a postcode line: the postcode is not the year.
    got = find_dates(["Datum: 1 maart 2026\nop 12 maart\n1234 AB Amsterdam"])
    assert [m.date.isoformat() for m in got] == ["2026-03-01", "2026-03-12"]


# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # letter date
        pytest.param("Datum: 3 maart 2026", "letter_date", id="datum-label"),
        pytest.param("Datum           3 maart 2026", "letter_date", id="datum-column"),
        pytest.param("Dagtekening 3 maart 2026", "letter_date", id="dagtekening"),
        pytest.param("Datum brief: 03-03-2026", "letter_date", id="datum-brief"),
        pytest.param("Verzenddatum: 03-03-2026", "letter_date", id="verzenddatum"),
        pytest.param("Amsterdam, 3 maart 2026", "letter_date", id="place-line"),
        pytest.param("'s-Gravenhage, 3 maart 2026", "letter_date", id="place-line-s-gravenhage"),
        pytest.param("Den Haag, dinsdag 3 maart 2026", "letter_date", id="place-line-weekday"),
        pytest.param("Heden, de derde maart tweeduizend zesentwintig, heb ik", "letter_date",
                     id="exploot-heden"),
        # pay
        pytest.param("Uiterste betaaldatum: 30 april 2026", "pay_by", id="uiterste-betaaldatum"),
        pytest.param("Vervaldatum 30-04-2026", "pay_by", id="vervaldatum"),
        pytest.param("Betaal vóór 30 april 2026.", "pay_by", id="betaal-voor"),
        pytest.param("Betaal voor 30 april 2026.", "pay_by", id="betaal-voor-no-accent"),
        pytest.param("Het bedrag moet uiterlijk op 30 april 2026 betaald zijn.", "pay_by",
                     id="uiterlijk-op-betaald"),
        pytest.param("Dit bedrag is te betalen vóór 30 april 2026.", "pay_by",
                     id="te-betalen-voor"),
        pytest.param("Zorg ervoor dat het bedrag uiterlijk op 30 april 2026 op onze rekening"
                     " staat.",
                     "pay_by", id="op-onze-rekening"),
        pytest.param("Wij verzoeken u het bedrag uiterlijk 30 april 2026 over te maken.", "pay_by",
                     id="over-te-maken"),
        pytest.param("De vervaldatum is 30 april 2026.", "pay_by", id="vervaldatum-is"),
        pytest.param("Wij moeten uw betaling uiterlijk 30 april 2026 hebben ontvangen.", "pay_by",
                     id="betaling-ontvangen"),
        pytest.param("Betaalt u niet vóór 30 april 2026, dan verhogen wij de boete.", "pay_by",
                     id="conditional-pay"),
        pytest.param("De uiterste datum waarop wij uw betaling moeten hebben ontvangen is"
                     " 30 april 2026.", "pay_by", id="uiterste-datum-waarop"),
        pytest.param("Wij wachten tot 30 april 2026 op uw betaling.", "pay_by", id="wachten-tot"),
        pytest.param("U heeft tot en met 30 april 2026 de tijd om te betalen.", "pay_by",
                     id="de-tijd-om-te-betalen"),
        pytest.param("Wij verzoeken u vriendelijk doch dringend het verschuldigde bedrag uiterlijk"
                     " 30 april 2026 aan ons te voldoen.", "pay_by", id="te-voldoen"),
        # respond
        pytest.param("Wilt u vóór 30 april 2026 reageren?", "respond_by", id="wilt-u-reageren"),
        pytest.param("Graag ontvangen wij uw reactie vóór 30 april 2026.", "respond_by",
                     id="graag-reactie"),
        pytest.param("U kunt tot 30 april 2026 reageren op dit voorstel.", "respond_by",
                     id="tot-reageren"),
        pytest.param("Reageer vóór 30 april 2026.", "respond_by", id="reageer-voor"),
        pytest.param("Neem vóór 30 april 2026 contact met ons op.", "respond_by",
                     id="neem-contact-op"),
        pytest.param("Laat ons vóór 30 april 2026 weten of u akkoord gaat.", "respond_by",
                     id="laat-weten"),
        pytest.param("Bel ons vóór 30 april 2026 als u niet kunt komen.", "respond_by", id="bel"),
        pytest.param("Neem vóór 30 april 2026 contact met ons op als u niet kunt betalen.",
                     "respond_by", id="respond-beats-subclause-pay"),
        pytest.param("Uw antwoord moet uiterlijk op maandag 27 april 2026 bij de griffie zijn.",
                     "respond_by", id="antwoord-griffie"),
        # send
        pytest.param("Stuur de stukken vóór 30 april 2026 naar ons.", "send_by",
                     id="stuur-stukken"),
        pytest.param("Wij hebben uw loonstroken nodig. U kunt deze uiterlijk 30 april 2026 "
                     "uploaden.", "send_by", id="uploaden"),
        pytest.param("De stukken moeten uiterlijk 30 april 2026 bij ons binnen zijn.", "send_by",
                     id="stukken-uiterlijk"),
        pytest.param("Lever het formulier vóór 30 april 2026 in.", "send_by", id="lever-in"),
        pytest.param("Wij hebben informatie van u nodig. Doe dit vóór 30 april 2026.", "send_by",
                     id="previous-sentence-cue"),
        # object
        pytest.param("U kunt tot en met 30 april 2026 bezwaar maken.", "object_by",
                     id="bezwaar-tm"),
        pytest.param("Stuur uw bezwaarschrift vóór 30 april 2026 naar ons.", "object_by",
                     id="bezwaarschrift-beats-stuur"),
        pytest.param("U moet uw bezwaar uiterlijk 30 april 2026 schriftelijk indienen.",
                     "object_by",
                     id="bezwaar-schriftelijk"),
        pytest.param("Dan kunt u beroep instellen. Stuur daarvoor vóór 30 april 2026 een brief.",
                     "object_by", id="daarvoor-refers-to-beroep"),
        pytest.param("Uiterste datum bezwaar: 30-04-2026", "object_by", id="label-bezwaar"),
        pytest.param("Uiterlijk 30 april 2026 moet u de stukken hebben ingeleverd.", "send_by",
                     id="uiterlijk-first-ingeleverd"),
        # appointment
        pytest.param("Uw afspraak: maandag 18 mei 2026 om 14.00 uur", "appointment",
                     id="uw-afspraak-label"),
        pytest.param("Uw afspraak is op 18 mei 2026.", "appointment", id="uw-afspraak-is-op"),
        pytest.param("U moet verschijnen op woensdag 13 mei 2026 des voormiddags om 10.00 uur.",
                     "appointment", id="des-voormiddags"),
        pytest.param("Wij verwachten u op dinsdag 12 mei 2026 om 10.30 uur.", "appointment",
                     id="op-om-uur"),
        pytest.param("Datum en tijd: 12-05-2026, 10:30 uur", "appointment", id="datum-en-tijd"),
        pytest.param("Het gesprek is op 12 mei 2026.", "appointment", id="gesprek-op"),
        pytest.param("Wanneer?   op dinsdag 12 mei 2026 om 10.30 uur", "appointment",
                     id="wanneer-label"),
        pytest.param("U moet op woensdag 13 mei 2026 om 10.00 uur verschijnen ter terechtzitting.",
                     "appointment", id="terechtzitting"),
        # invoice, earlier letters
        pytest.param("Factuurdatum: 12-01-2026", "invoice", id="factuurdatum"),
        pytest.param("Het gaat om de factuur van 12 januari 2026.", "invoice", id="factuur-van"),
        pytest.param("Het gaat om factuur 2026-0041 van 12 januari 2026.", "invoice",
                     id="factuur-nummer-van"),
        pytest.param("Notadatum: 14 december 2025", "invoice", id="notadatum"),
        pytest.param("In onze brief van 12 februari 2026 schreven wij dat.", "earlier_letter",
                     id="onze-brief-van"),
        pytest.param("Uw aanvraag van 2 februari 2026 hebben wij bekeken.", "earlier_letter",
                     id="uw-aanvraag-van"),
        pytest.param("In ons betalingsverzoek van 14 april 2026 vroegen wij u te betalen.",
                     "earlier_letter", id="compound-noun"),
        pytest.param("Op 3 februari 2026 hebben wij u een herinnering gestuurd.", "earlier_letter",
                     id="past-herinnering-gestuurd"),
        pytest.param("Uw brief van: 2 februari 2026", "earlier_letter", id="uw-brief-van-label"),
        pytest.param("Bij sommatie van 12 maart 2026 is gedaagde gemaand.", "earlier_letter",
                     id="bij-sommatie-van"),
        pytest.param("Bedankt voor uw brief van 3 februari 2026.", "earlier_letter",
                     id="voor-uw-brief-van-is-no-deadline"),
        pytest.param("Uw brief d.d. 3 februari 2026 hebben wij ontvangen.", "earlier_letter",
                     id="brief-dd"),
        # birth
        pytest.param("Geboortedatum: 12-03-1985", "birth", id="geboortedatum"),
        pytest.param("De heer J. de Vries, geboren op 12 maart 1985", "birth", id="geboren-op"),
        pytest.param("J. de Vries (geb. 12-03-1985)", "birth", id="geb"),
        # other
        pytest.param("Per 1 juli 2026 verandert uw huur.", "other", id="per"),
        pytest.param("U krijgt een uitkering vanaf 2 maart 2026.", "other", id="vanaf"),
        pytest.param("U bent ziek sinds 16 juni 2025.", "other", id="sinds"),
        pytest.param("U krijgt vóór 1 juli 2026 een beslissing op uw bezwaar.", "other",
                     id="sender-decides"),
        pytest.param("U ontvangt de nieuwe pas vóór 30 september 2026.", "other", id="you-receive"),
        pytest.param("Wij maken het bedrag vóór 1 juli 2026 aan u over.", "other", id="we-pay-out"),
        pytest.param("Het bedrag wordt op 28 maart 2026 van uw rekening afgeschreven.", "other",
                     id="direct-debit"),
        pytest.param("De gemeente neemt vóór 1 juli 2026 contact met u op.", "other",
                     id="third-party-acts"),
        pytest.param("Op 1 maart 2026 heeft u € 50 betaald.", "other", id="past-payment"),
        pytest.param("Pleegdatum 28-11-2025", "other", id="pleegdatum"),
        pytest.param("Waardepeildatum 1 januari 2025", "other", id="waardepeildatum"),
        pytest.param("Uw oude pas werkt nog tot en met 30 september 2026.", "other",
                     id="tot-without-action"),
        pytest.param("Wij hebben uw betaling van € 143 op 28 februari 2026 niet ontvangen.",
                     "other", id="past-not-received"),
        pytest.param("Vanaf 1 januari 2026 betaalt u € 50 per maand.", "other",
                     id="vanaf-first"),
    ],
)
def test_roles(text: str, role: str) -> None:
    if role == "letter_date":
        assert only(text)[1] == role
    else:  # behind a labelled letter date, so the fallback cannot take the date
        got = found(LETTER_HEAD + text)
        assert got[0] == ("2026-03-03", "letter_date")
        assert [r for _, r in got[1:]] == [role], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Over de periode 1 januari 2025 t/m 31 december 2025.",
                     [("2025-01-01", "period"), ("2025-12-31", "period")], id="periode-tm"),
        pytest.param("van 1 maart tot en met 31 maart 2026",
                     [("2026-03-01", "period"), ("2026-03-31", "period")], id="yearless-start"),
        pytest.param("van 1 december tot en met 31 januari 2026",
                     [("2025-12-01", "period"), ("2026-01-31", "period")],
                     id="range-over-new-year"),
        pytest.param("Periode: 01-03-2025 - 28-02-2026",
                     [("2025-03-01", "period"), ("2026-02-28", "period")], id="dash-range"),
        pytest.param("Abonnement 1 t/m 31 maart 2026", [("2026-03-31", "period")], id="day-range"),
    ],
)
def test_periods(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(LETTER_HEAD + text)[1:] == expected


def test_table_column_header_gives_role() -> None:
    text = (
        "Datum 8 januari 2027\n\n"
        "Termijn   Uiterste betaaldatum   Bedrag\n"
        "1         8 februari 2027        € 187\n"
        "2         8 maart 2027           € 187\n"
    )
    got = find_dates([text])
    assert [(m.date.isoformat(), m.role) for m in got] == [
        ("2027-01-08", "letter_date"), ("2027-02-08", "pay_by"), ("2027-03-08", "pay_by")]
    assert got[2].text == "Uiterste betaaldatum: 8 maart 2027"


def test_bare_deadline_header_takes_action_from_sentence_before_table() -> None:
    text = (
        "Datum 19 mei 2026\n\nWij bieden u aan dit bedrag te betalen in 2 termijnen:\n\n"
        "Termijn   Bedrag      Uiterlijk op\n"
        "1         € 201,90    1 juni 2026\n"
        "2         € 201,90    1 juli 2026\n"
    )
    assert found(text)[1:] == [("2026-06-01", "pay_by"), ("2026-07-01", "pay_by")]


@pytest.mark.parametrize(
    ("rows", "roles"),
    [
        pytest.param("Vervaldatum 1e termijn   31-03-2027   € 275,84\n"
                     "Vervaldatum 2e termijn   30-04-2027   € 275,84\n",
                     ["pay_by", "pay_by"], id="vervaldatum-1e-termijn"),
        pytest.param("Vervaldatum eerste termijn: 31 maart 2027\n", ["pay_by"],
                     id="vervaldatum-eerste-termijn"),
        pytest.param("Uiterste betaaldatum van de 1ste termijn: 31-03-2027\n", ["pay_by"],
                     id="betaaldatum-van-de-1ste-termijn"),
        pytest.param("1e vervaldatum    31-03-2027\n", ["pay_by"], id="1e-vervaldatum"),
        pytest.param("  1e termijn   € 475,42   uiterlijk 31 maart 2027\n"
                     "  2e termijn   € 475,41   uiterlijk 30 april 2027\n",
                     ["pay_by", "pay_by"], id="termijn-rows-uiterlijk"),
        pytest.param("Termijn 1      31-03-2027      € 100,00\n"
                     "Termijn 2      30-04-2027      € 100,00\n", ["pay_by", "pay_by"],
                     id="termijn-n-rows"),
        # the last instalment is never the day to act: if the first one is missed, "not found"
        # beats a deadline two years late (#15, batch 80)
        pytest.param("Laatste termijn: 30 november 2027\n", ["other"], id="laatste-termijn"),
        # near-misses: a row without any action word, a term that is no payment
        pytest.param("Huurperiode   € 812,40   uiterlijk 31 maart 2027\n", ["other"],
                     id="near-miss-row-without-action"),
        pytest.param("Bezwaartermijn   tot 14 april 2027\n", ["object_by"],
                     id="near-miss-bezwaartermijn"),
    ],
)
def test_termijn_schedule(rows: str, roles: list[str]) -> None:
    got = found("Dagtekening 15 februari 2027\n\nBetalen\n" + rows)
    assert got[0] == ("2027-02-15", "letter_date")
    assert [r for _, r in got[1:]] == roles, got


def test_header_row_of_info_block() -> None:
    text = "Uw kenmerk    Datum         Ons kenmerk\nABC-1         28-02-2026    XYZ\n"
    assert found(text) == [("2026-02-28", "letter_date")]


def test_label_on_line_above() -> None:
    assert found("Te betalen vóór\n30 april 2026\n") == [("2026-04-30", "pay_by")]


# --- yearless dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("Datum: 3 maart 2026\nBetaal vóór 1 april.", "2026-04-01", id="forward"),
        pytest.param("Datum: 15 december 2026\nBetaal vóór 5 januari.", "2027-01-05",
                     id="forward-next-year"),
        pytest.param("Datum: 3 maart 2026\nIn onze brief van 12 februari schreven wij.",
                     "2026-02-12", id="backward-earlier-letter"),
        pytest.param("Datum: 10 januari 2026\nIn onze brief van 12 december schreven wij.",
                     "2025-12-12", id="backward-previous-year"),
        pytest.param("Datum: 3 maart 2026\nBel ons vóór vrijdag 13 maart.", "2026-03-13",
                     id="weekday-agrees"),
    ],
)
def test_yearless(text: str, iso: str) -> None:
    assert found(text)[-1][0] == iso


def test_yearless_without_any_year_is_dropped() -> None:
    assert find_dates(["Bel ons vóór 1 april."]) == []


# --- time ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        pytest.param("op dinsdag 12 mei 2026 om 10.30 uur", "10:30", id="om-dot-uur"),
        pytest.param("op 12 mei 2026 om 9 uur", "09:00", id="om-hour-only"),
        pytest.param("Datum en tijd: 12-05-2026, 10:30 uur", "10:30", id="comma-colon"),
        pytest.param("Datum: 12 mei 2026\nTijd: 14.15 uur", "14:15", id="next-line-tijd"),
        pytest.param("om 10.30 uur op 12 mei 2026", "10:30", id="time-before"),
        pytest.param("op 12 mei 2026 in ons kantoor om 10.30 uur", "10:30", id="om-later"),
        pytest.param("Betaal vóór 12 mei 2026 € 14,00", None, id="amount-is-no-time"),
        pytest.param("Betaal vóór 12 mei 2026 14 dagen", None, id="number-is-no-time"),
    ],
)
def test_time(text: str, time: str | None) -> None:
    assert find_dates([text])[0].time == time


# --- evidence and text ------------------------------------------------------------------------


def test_evidence_covers_exact_date_text_on_its_page() -> None:
    pages = ["Datum: 3 maart 2026\n", "Blad 2\nBetaal vóór 30 april 2026 het bedrag."]
    got = find_dates(pages)
    for m in got:
        assert m.evidence is not None
        page = pages[m.evidence.page - 1]
        assert page[m.evidence.start:m.evidence.end] in ("3 maart 2026", "30 april 2026")
    assert got[1].evidence == Evidence(2, 19, 32)
    assert got[1].text == "Betaal vóór 30 april 2026 het bedrag."


def test_text_is_short() -> None:
    long = ("Wij verzoeken u " + "heel " * 60 + "vriendelijk het bedrag vóór 30 april 2026 "
            "te betalen " + "op rekening NL86 INGB 0002 4455 88 " * 5)
    m = find_dates([long])[0]
    assert m.role == "pay_by"
    assert len(m.text) <= 160
    assert "30 april 2026" in m.text


def test_conditional_question_is_kept_in_text() -> None:
    m = find_dates(["Datum: 1 mei 2026\n\nKunt u niet komen?\nBel ons dan vóór 8 mei 2026."])[1]
    assert m.text == "Kunt u niet komen? Bel ons dan vóór 8 mei 2026."


# --- letter date -----------------------------------------------------------------------------


def _letter(text: str) -> str | None:
    pages = text.split("\f")
    m = find_letter_date(pages, find_dates(pages))
    return m.date.isoformat() if m else None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param(LETTER_HEAD + "Betaal vóór 1 april 2026.", "2026-03-03", id="label"),
        pytest.param("Gemeente Amsterdam\n\nAmsterdam, 5 maart 2026\n\nBetaal vóór 1 april 2026.",
                     "2026-03-05", id="place-line"),
        pytest.param("Gemeente Amsterdam\nGeboortedatum: 12-03-1985\nAmsterdam, 5 maart 2026\n",
                     "2026-03-05", id="birth-is-skipped"),
        pytest.param("Belastingdienst\nAanslag 2025\n\n16 maart 2026\n\nBetaal vóór 16 mei 2026.",
                     "2026-03-16", id="fallback-first-plain-date"),
        pytest.param("Geboren: 12-03-1985\nPeriode 1 januari 2025 t/m 31 december 2025\n"
                     "Onze brief van 2 februari 2026\n", None, id="nothing-plausible"),
        pytest.param("Amsterdam, 5 maart 2026\nDatum: 6 maart 2026\n", "2026-03-06",
                     id="label-beats-place-line"),
        pytest.param("Gegevens overtreding\nPleegdatum 28-11-2025\nKenmerk 123\n", None,
                     id="labelled-other-is-no-letter-date"),
        pytest.param("Uw toeslag\nPer 1 juli 2026 verandert uw toeslag.\n", None,
                     id="start-date-is-no-letter-date"),
        pytest.param("Amsterdam, 5 maart 2026\nDeze brief is verstuurd op 5 maart 2026.",
                     "2026-03-05", id="verstuurd-op"),
        pytest.param("Uitnodiging\nDatum: 12 mei 2026\nTijd: 10.30 uur\n\nDatum: 1 mei 2026",
                     "2026-05-01", id="datum-with-time-is-appointment"),
        pytest.param("Amsterdam, 5 maart 2026\f\nDatum: 5 maart 2026\n", "2026-03-05",
                     id="repeated-on-page-2"),
    ],
)
def test_letter_date(text: str, iso: str | None) -> None:
    assert _letter(text) == iso


def test_only_the_chosen_letter_date_keeps_its_role() -> None:
    got = found("Datum: 6 maart 2026\nIn de bijlage: Datum: 1 januari 2026\n")
    assert got == [("2026-03-06", "letter_date"), ("2026-01-01", "other")]


def test_find_letter_date_on_foreign_mentions() -> None:
    pages = ["Afzender\n16 maart 2026\n"]
    mentions = [DateMention(D("2026-03-16"), "other", "16 maart 2026", Evidence(1, 9, 22))]
    got = find_letter_date(pages, mentions)
    assert got is not None and got.role == "letter_date"


# --- appointment ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "time", "place"),
    [
        pytest.param(
            "Datum 28 april 2026\n\nWij nodigen u uit voor een gesprek op dinsdag 12 mei 2026 om"
            " 10.30 uur.\nAdres: Stadsloket Zuidoost, Anton de Komplein 150, 1102 CW Amsterdam\n",
            "2026-05-12", "10:30", "Stadsloket Zuidoost, Anton de Komplein 150, 1102 CW Amsterdam",
            id="sentence-and-adres"),
        pytest.param(
            "Datum: 1 mei 2026\n\nDatum en tijd: 12-05-2026, 10:30 uur\nLocatie: UWV kantoor"
            " Amsterdam\nKarspeldreef 16\n", "2026-05-12", "10:30", "UWV kantoor Amsterdam",
            id="datum-en-tijd-locatie"),
        pytest.param(
            "Datum: 1 mei 2026\n\nWanneer?   op dinsdag 12 mei 2026 om 10.30 uur\n"
            "Waar?      Stadsloket Zuidoost, Anton de Komplein 150\n", "2026-05-12", "10:30",
            "Stadsloket Zuidoost, Anton de Komplein 150", id="wanneer-waar"),
        pytest.param(
            "Datum: 1 mei 2026\nPlaats:\nWijkcentrum De Pijp\nFerdinand Bolstraat 10\n"
            "Het gesprek is op 12 mei 2026 om 9.00 uur.", "2026-05-12", "09:00",
            "Wijkcentrum De Pijp", id="plaats-label-value-next-line"),
        pytest.param(
            "Heden, de negende april tweeduizend zesentwintig,\nOM: op woensdag 13 mei 2026 om"
            " 10.00 uur te verschijnen ter terechtzitting van de kantonrechter, in het"
            " gerechtsgebouw aan de Parnassusweg 280,\n1076 AV Amsterdam.", "2026-05-13", "10:00",
            "het gerechtsgebouw aan de Parnassusweg 280, 1076 AV Amsterdam", id="dagvaarding"),
        pytest.param(
            "Datum: 1 mei 2026\nU bent welkom op 12 mei 2026 om 14.00 uur in het"
            " Stadhuis, Amstel 1.", "2026-05-12", "14:00", "het Stadhuis, Amstel 1", id="in-het"),
    ],
)
def test_appointment(text: str, iso: str, time: str, place: str) -> None:
    pages = text.split("\f")
    appt = find_appointment(pages, find_dates(pages))
    assert appt is not None
    assert (appt.date.isoformat(), appt.time, appt.place) == (iso, time, place)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Datum: 1 mei 2026\nBetaal vóór 12 mei 2026. Wij zijn open van 9.00 tot"
                     " 17.00 uur.", id="opening-hours-are-no-appointment"),
        pytest.param("Datum: 1 mei 2026\nGegevens overtreding\nDatum en tijd 19-01-2026, 14:32 uur",
                     id="past-offence-time"),
    ],
)
def test_no_appointment(text: str) -> None:
    pages = text.split("\f")
    assert find_appointment(pages, find_dates(pages)) is None


# --- properties -------------------------------------------------------------------------------


def _formats(d: date) -> list[str]:
    m = MONTHS_NL[d.month - 1]
    out = [
        f"{d.day} {m} {d.year}",
        f"{WEEKDAYS_NL[d.weekday()]} {d.day} {m} {d.year}",
        f"{d:%d-%m-%Y}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d:%d.%m.%Y}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year}",
        f"{d:%Y-%m-%d}",
        f"{d.day:02d} - {d.month:02d} - {d.year}",
    ]
    if 1970 <= d.year <= 2069:
        out.append(f"{d:%d-%m-%y}")
    return out


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip_every_format(d: date) -> None:
    for s in _formats(d):
        got = find_dates([f"Datum: {s}\n"])
        assert [m.date for m in got] == [d], s
        ev = got[0].evidence
        assert ev is not None and f"Datum: {s}\n"[ev.start:ev.end].strip() == s.strip()


_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
         "negentig"]


def _word(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    t, u = divmod(n, 10)
    if not u:
        return _TENS[t]
    join = "ën" if _UNITS[u].endswith("e") else "en"
    return f"{_UNITS[u]}{join}{_TENS[t]}"


def _ordinal(n: int) -> str:
    special = {1: "eerste", 3: "derde", 8: "achtste"}
    if n in special:
        return special[n]
    return _word(n) + ("ste" if n >= 20 else "de")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip_spelled_out(d: date) -> None:
    s = f"de {_ordinal(d.day)} {MONTHS_NL[d.month - 1]} tweeduizend {_word(d.year - 2000)}"
    assert [m.date for m in find_dates([f"Heden, {s}, heb ik"])] == [d], s


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=3))
def test_never_raises_on_any_text(pages: list[str]) -> None:
    mentions = find_dates(pages)
    find_letter_date(pages, mentions)
    find_appointment(pages, mentions)
    for m in mentions:
        assert m.evidence is not None and 0 <= m.evidence.start < m.evidence.end
        assert len(m.text) <= 160


_DATEISH = st.text(alphabet="0123456789OlI-./ ,:\nmaartjunidecvó", max_size=80)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATEISH, min_size=1, max_size=2))
def test_never_raises_on_date_like_noise(pages: list[str]) -> None:
    mentions = find_dates(pages)
    find_letter_date(pages, mentions)
    find_appointment(pages, mentions)


def test_scan_is_left_to_right_and_disjoint() -> None:
    spans = scan_dates("1 april 2026 en 02-04-2026, 3 mei en 2026-05-04")
    assert [(s.day, s.month, s.year) for s in spans] == [
        (1, 4, 2026), (2, 4, 2026), (3, 5, None), (4, 5, 2026)]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_large_text_without_sentence_ends_stays_linear() -> None:
    text = "betaal vóór 1 april 2026 " * 4000
    got = find_dates([text])
    assert len(got) == 4000
    assert got[0].date == D("2026-04-01") and got[0].date + timedelta(days=0) == got[-1].date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Van: Woonstichting De Vaart <huur@devaart.nl>\nDatum: di 9 jun. 2026 om 10:42\n"
                     "Aan: K. Brandsma <k@webpost.nl>\n", [("2026-06-09", "letter_date")],
                     id="mail-header-date-with-time"),
        pytest.param("From: Garage Van Dalen <a@b.nl>\nSent: woensdag 27 mei 2026 14:03\n"
                     "To: Ilse <i@k.nl>\n", [("2026-05-27", "letter_date")], id="mail-sent"),
        pytest.param(LETTER_HEAD + "Uw afspraak\nDatum: 12 mei 2026\nTijd: 10.30 uur\n",
                     [("2026-03-03", "letter_date"), ("2026-05-12", "appointment")],
                     id="near-miss-appointment-block-is-no-mail"),
    ],
)
def test_mail_header(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_narrow_column_sentence_runs_on_over_a_short_line() -> None:
    text = (LETTER_HEAD + "Betaal dit bedrag uiterlijk op dinsdag\n10 november 2026. De gegevens\n"
            "staan in het vak rechts.\n\nEerst een vragenlijst invullen\n18 januari 2027 is de dag.\n")
    got = found(text)
    assert ("2026-11-10", "pay_by") in got
    assert ("2027-01-18", "pay_by") not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(LETTER_HEAD + "Termijn     Vervaldatum          Bedrag\n"
                     "-----------------------------------------\n"
                     " 1          28-02-2027           € 215\n 2          31-03-2027           € 215\n",
                     ("2027-02-28", "pay_by"), id="ruled-line-under-the-header"),
        pytest.param(LETTER_HEAD + "Hoe betaalt u terug?\n\n  Te betalen            € 843,27\n"
                     "  Uiterlijk             vrijdag 11 december 2026\n",
                     ("2026-12-11", "pay_by"), id="bare-uiterlijk-row-under-te-betalen"),
        pytest.param(LETTER_HEAD + "Uw vragenlijst\n\n  Formulier             inkomsten\n"
                     "  Uiterlijk             vrijdag 11 december 2026\n",
                     ("2026-12-11", "send_by"), id="bare-uiterlijk-row-under-papers"),
        pytest.param("Heden, de negende november van het jaar tweeduizendzesentwintig,\n",
                     ("2026-11-09", "letter_date"), id="exploot-van-het-jaar"),
    ],
)
def test_block_labels(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        pytest.param("Wij komen op dinsdag 9 juni 2026 om half twee 's middags bij u.", "13:30",
                     id="half-twee-s-middags"),
        pytest.param("Het gesprek is op 9 juni 2026 om kwart voor tien.", "09:45", id="kwart-voor"),
        pytest.param("Het gesprek is op 9 juni 2026 om kwart over drie.", "15:15", id="kwart-over"),
        pytest.param("Het gesprek is op 9 juni 2026 om tien uur.", "10:00", id="tien-uur"),
        pytest.param("Het gesprek\ndi 9 juni 2026\n13.30 uur\n", "13:30", id="time-on-next-line"),
        pytest.param("Het gesprek is op 9 juni 2026 om een uur of twee.", None,
                     id="near-miss-about-two"),
    ],
)
def test_appointment_time_in_words(text: str, time: str | None) -> None:
    got = [m for m in find_dates([LETTER_HEAD + text]) if m.role == "appointment"]
    assert [m.time for m in got] == [time]


def test_other_papers_date_in_brackets() -> None:
    text = ("Aanslag (dagtekening 28 mei 2026)  € 1.514\n\nDagtekening\n9 september 2026\n")
    assert found(text) == [("2026-05-28", "earlier_letter"), ("2026-09-09", "letter_date")]


def test_bevel_with_a_pointer_to_the_specification_is_a_current_ask() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = ("Heden, de tweeëntwintigste juni tweeduizendzesentwintig,\n\nBEVEL GEDAAN:\n\n"
            "om binnen twee dagen na heden aan mijn verzoekster te betalen de som die hieronder "
            "is gespecificeerd, onverminderd de rente.\n")
    got = find_relative_terms([text], date(2026, 6, 22))
    assert [(m.date.isoformat(), m.role) for m in got] == [("2026-06-24", "pay_by")]


def test_box_drawing_bar_is_a_column_gap() -> None:
    text = (LETTER_HEAD + "   ┌─────────────────────────────┐\n"
            "   │  Betaal vóór         maandag 14 december 2026│\n"
            "   └─────────────────────────────┘\n")
    assert ("2026-12-14", "pay_by") in found(text)


def test_english_mail_header_date() -> None:
    text = ("From: Ten Brink <huur@tenbrink.nl>\nTo: L. de Wit <l@gmail.com>\n"
            "Sent: Tuesday, December 1, 2026 16:42\nSubject: Huurachterstand\n")
    assert found(text) == [("2026-12-01", "letter_date")]


def test_a_choice_listed_above_takes_the_payment() -> None:
    text = (LETTER_HEAD + "Wat kun je doen?\n- Je betaalt de € 297,90 in één keer.\n"
            "- Of je neemt onze betalingsregeling. Vul daarvoor het formulier in en stuur het "
            "terug.\n\nDoe een van de twee vóór 27 april 2026.\n")
    assert ("2026-04-27", "pay_by") in found(text)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        pytest.param("Betaal het totaal binnen zeven dagen na de datum van deze e-mail.", [7],
                     id="na-de-datum-van-deze-e-mail"),
        pytest.param("Je hebt 2 maanden premie niet betaald. Betaal nu.", [], id="count-not-term"),
    ],
)
def test_terms_from_an_email_and_counts(text: str, days: list[int]) -> None:
    from snapdebrief.fields.terms import find_relative_terms

    got = find_relative_terms([text], date(2026, 3, 3))
    assert [(m.date - date(2026, 3, 3)).days for m in got] == days


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Afgedrukt op 05-11-2026 21:07                    duo.nl/mijnduo\n", id="afgedrukt-op"),
        pytest.param("Dit bericht is afgedrukt vanuit MijnOverheid op 24-07-2026 om 19:03.\n",
                     id="afgedrukt-vanuit-portal"),
        pytest.param("28-08-2026 21:47                        Mijn DUO - Bericht\n", id="browser-header"),
    ],
)
def test_print_stamps_are_no_appointment(text: str) -> None:
    assert all(role != "appointment" for _, role in found(text if text.startswith("28") else
                                                          LETTER_HEAD + text))


def test_datum_bericht_is_the_letter_date() -> None:
    assert found("Onderwerp       Betalingsverzoek\nDatum bericht   02-11-2026\n") == [
        ("2026-11-02", "letter_date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Maak het totaal van € 340,37 uiterlijk woensdag 4 november 2026 over naar ons.",
                     ("2026-11-04", "pay_by"), id="date-inside-maak-over"),
        pytest.param("Wij verzoeken u het restant in drie termijnen te voldoen, te weten uiterlijk op "
                     "31 mei 2026, uiterlijk op 30 juni 2026 en uiterlijk op 31 juli 2026.",
                     ("2026-05-31", "pay_by"), id="te-weten-is-namely"),
    ],
)
def test_deadline_cues(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(LETTER_HEAD + text)


def test_term_after_this_email() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    got = find_relative_terms(["Betaal het bedrag binnen 7 dagen na deze e-mail."], date(2026, 6, 9))
    assert [(m.date.isoformat(), m.role) for m in got] == [("2026-06-16", "pay_by")]


def test_sending_the_objection_letter_is_the_objection() -> None:
    from snapdebrief.fields.terms import find_relative_terms

    text = ("Ben je het niet eens met dit besluit? Dan kun je in beroep gaan. Stuur ons binnen 6 "
            "weken na de datum van deze brief een brief.")
    got = find_relative_terms([text], date(2026, 4, 9))
    assert [(m.date.isoformat(), m.role) for m in got] == [("2026-05-21", "object_by")]


def test_a_date_column_of_an_invoice_table_is_no_letter_date() -> None:
    text = ("Emmeloord, 20 oktober 2026\n\nFactuur     Datum        Bedrag     Status\n"
            "F26-29105   19-08-2026   € 39,95    betaald\nF26-30418   02-09-2026   € 149,95   open\n")
    got = found(text)
    assert got[0] == ("2026-10-20", "letter_date")
    assert [r for _, r in got[1:]] == ["invoice", "invoice"]


def test_english_rfc_mail_date_and_boxed_table_header() -> None:
    text = ("From: FitFabriek <leden@fit.nl>\nTo: s@example.nl\nDate: Mon, 9 Feb 2026 10:03:51 +0100\n"
            "Subject: Laatste herinnering\n")
    assert found(text) == [("2026-02-09", "letter_date")]
    table = (LETTER_HEAD + "+----------+----------------+-----------+\n"
             "| Termijn  | Vervaldatum    | Bedrag    |\n+----------+----------------+-----------+\n"
             "| 1        | 28-02-2027     | € 116     |\n| 2        | 31-03-2027     | € 116     |\n")
    assert [r for _, r in found(table)[1:]] == ["pay_by", "pay_by"]
    assert ("2026-06-26", "pay_by") in found(LETTER_HEAD + "Vervaldatum van deze aanmaning: 26-06-2026\n")


def test_old_legal_time_te_uur() -> None:
    text = (LETTER_HEAD + "ter terechtzitting op woensdag 14 oktober 2026, des voormiddags te 10.00 "
            "uur, in het gebouw van de rechtbank.")
    got = [m for m in find_dates([text]) if m.role == "appointment"]
    assert [(m.date.isoformat(), m.time) for m in got] == [("2026-10-14", "10:00")]
