"""IBANs, betalingskenmerken and reference numbers (snapdebrief/fields/ids.py, validators.py):
checksums with near-misses, OCR repairs, the account and number to pay with, property tests,
and a measurement on the sample letters."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.fields.ids import (
    choose_iban,
    choose_payment_reference,
    find_ibans,
    find_references,
)
from snapdebrief.fields.validators import iban_valid, kenmerk_check_digit, kenmerk_valid

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "letters"

# --- validators -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iban", "ok"),
    [
        pytest.param("NL86INGB0002445588", True, id="belastingdienst"),
        pytest.param("NL86 INGB 0002 4455 88", True, id="grouped"),
        pytest.param("nl86ingb0002445588", True, id="lower-case"),
        pytest.param("NL45INGB0705001903", True, id="duo"),
        pytest.param("NL91ABNA0417164300", True, id="abn"),
        pytest.param("BE68539007547034", True, id="belgian"),
        pytest.param("DE89370400440532013000", True, id="german"),
        pytest.param("NL86INGB000244558", False, id="one-char-short"),
        pytest.param("NL86INGB00024455B8", False, id="letter-for-digit"),
        pytest.param("NL87INGB0002445588", False, id="wrong-check-digits"),
        pytest.param("NL86INGB0002445589", False, id="wrong-last-digit"),
        pytest.param("", False, id="empty"),
        pytest.param("IBAN", False, id="word"),
    ],
)
def test_iban_valid(iban: str, ok: bool) -> None:
    assert iban_valid(iban) is ok


# Belastingdienst kenmerken published as test vectors ([S56] in docs/sources.md) and the
# Betaalvereniging examples [S55]; the CJIB example [S57].
KENMERK_VECTORS = [
    "5010.0021.6701.0010", "3010.0021.6704.2021", "0001.0411.4691.0100", "9001.0411.4681.2501",
    "2017.1667.7760.0001", "0017.1667.7885.4231", "8049.2444.8248.0005", "2049.2444.8240.0055",
    "3961.3079.9841.0020", "7010.0021.6751.0014", "0010.0021.6972.3011", "5010.0021.6852.3010",
    "1049.2307.6782.4589", "3049.2307.6872.4589", "1808.9801.9762.9000", "8808.9801.9782.9003",
    "2001.0411.4120.1080", "4001.0411.4130.1240", "1001.0411.4140.1310", "6001.0411.4120.1230",
    "2001.0411.4120.1400", "6849.6130.7600.3030", "6849.6130.7680.3740", "4849.6130.7690.3320",
    "1849.6130.7610.3400",
]


@pytest.mark.parametrize("kenmerk", KENMERK_VECTORS)
def test_belastingdienst_vectors(kenmerk: str) -> None:
    assert kenmerk_valid(kenmerk) is True


@pytest.mark.parametrize(
    ("kenmerk", "ok"),
    [
        pytest.param("5000056789012345", True, id="betaalvereniging-16"),
        pytest.param("5000 0567 8901 2345", True, id="grouped"),
        pytest.param("1062 5421 5704 7959", True, id="cjib"),
        pytest.param("12 2345 3462 2567", True, id="14-digits-length-code"),
        pytest.param("5000056789012346", False, id="wrong-check-digit"),
        pytest.param("500005678901234", False, id="15-digits"),
        pytest.param("50000567890123456", False, id="17-digits"),
        pytest.param("10 2345 3462 2567", False, id="14-digits-bad-check"),
        pytest.param("13 2345 3462 2567", False, id="wrong-length-code"),
        pytest.param("5000 0567 89O1 2345", False, id="letter-o-for-zero"),
        pytest.param("1234567", None, id="7-digits-no-check"),
        pytest.param("12345678", False, id="8-digits-no-such-length"),
        pytest.param("", False, id="empty"),
    ],
)
def test_kenmerk_valid(kenmerk: str, ok: bool | None) -> None:
    assert kenmerk_valid(kenmerk) is ok


def test_kenmerk_check_digit_10_and_11() -> None:
    # C = 11 - (sum mod 11); 10 → 1 and 11 → 0: find bodies that give those remainders.
    bodies = [f"{n:015d}" for n in range(200)]
    got = {kenmerk_check_digit(b) for b in bodies}
    assert got <= set(range(10)) and {0, 1} <= got


# --- finding IBANs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        pytest.param("IBAN NL86 INGB 0002 4455 88", "NL86INGB0002445588", id="grouped"),
        pytest.param("IBAN NL86INGB0002445588.", "NL86INGB0002445588", id="compact"),
        pytest.param("IBAN NL86.INGB.0002.4455.88", "NL86INGB0002445588", id="dots"),
        pytest.param("IBAN NL86 INGB 0OO2 4455 88", "NL86INGB0002445588", id="ocr-O-for-0"),
        pytest.param("IBAN NL86 1NGB 0002 4455 88", "NL86INGB0002445588", id="ocr-1-for-I"),
        pytest.param("IBAN NL86 INGB 0002 4455 B8", "NL86INGB0002445588", id="ocr-B-for-8"),
        pytest.param("IBAN NL86 INGB 0002 44S5 88", "NL86INGB0002445588", id="ocr-S-for-5"),
        pytest.param("IBAN NL86 INGB 0002 44S6 88", None, id="near-miss-repair-breaks-check"),
        pytest.param("Rekeningnummer NL0O8 BNGH 6717 5666 24", "NL08BNGH6717566624",
                     id="ocr-one-glyph-read-twice"),
        pytest.param("IBAN NL861 INGB 0002 4455 88", None, id="near-miss-extra-digit-no-twin"),
        pytest.param("IBAN BE68 5390 0754 7034 BIC", "BE68539007547034", id="belgian"),
        pytest.param("IBAN NL86 INGB 0002 4455 X8", None, id="near-miss-unfixable-letter"),
        pytest.param("IBAN NL87 INGB 0002 4455 88", None, id="near-miss-wrong-check"),
        pytest.param("IBAN NL86 INGB 0002 4455 8", None, id="near-miss-one-short"),
        pytest.param("IBAN NL86 INGB 0002 4455 881", None, id="near-miss-one-long"),
        pytest.param("Telefoon 0800 - 0543", None, id="near-miss-phone"),
    ],
)
def test_find_ibans(text: str, iban: str | None) -> None:
    found = find_ibans([text])
    assert [f[0] for f in found] == ([iban] if iban else [])
    if iban:
        ev = found[0][1]
        shown = text[ev.start : ev.end].replace(" ", "").replace(".", "").upper()
        assert shown[:2] == iban[:2] and len(iban) <= len(shown) <= len(iban) + 1


PAY_AND_FOOTER = """\
Wij verzoeken u het bedrag over te maken op rekening NL48 RABO 0162 5390 84 ten
name van Incassobureau Noordkust B.V.

Met vriendelijke groet,

Incassobureau Noordkust B.V. | Middenweg 41, 1782 BB Den Helder | T 0223 - 74 12 00
www.noordkust-incasso.nl | KvK 70112844 | Bankrekening NL48 ABNA 0593 3188 20
"""


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        pytest.param(PAY_AND_FOOTER, "NL48RABO0162539084", id="pay-sentence-beats-footer"),
        pytest.param(PAY_AND_FOOTER.replace("NL48 RABO 0162 5390 84", "onderstaande rekening"),
                     "NL48ABNA0593318820", id="only-footer-account"),
        pytest.param("Betaal het totaalbedrag uiterlijk 30 juni 2026 naar:\n\n"
                     "IBAN               NL18 INGB 2456 3151 76\n\n"
                     "Let op: betaal niet meer aan DUO (NL45 INGB 0705 0019 03).",
                     "NL18INGB2456315176", id="negated-account"),
        pytest.param("Wij betalen het bedrag binnen 3 weken uit op uw rekening "
                     "NL05 ABNA 3313 0941 55.", None, id="residents-own-account"),
        pytest.param("Wij maken het bedrag binnen 4 weken over op rekeningnummer "
                     "NL18 RABO 6480 0238 15.", None, id="payout-wij-maken-over"),
        pytest.param("Wij maken € 20 over op rekening NL05 ABNA 3313 0941 55. Betaal de rest "
                     "aan ons op NL48 INGB 4244 5664 78.", "NL48INGB4244566478",
                     id="payout-and-pay-account"),
        pytest.param("Betaal eerst de boete. "
                     "U krijgt het geld binnen zes weken op rekening NL05 ABNA 3313 0941 55.",
                     None, id="payout-u-krijgt"),
        pytest.param("Betaal eerst de boete. "
                     "Het teveel betaalde bedrag wordt binnen 2 weken teruggestort op "
                     "rekening NL05 ABNA 3313 0941 55.", None, id="payout-passive"),
        pytest.param("Betaal eerst de boete. "
                     "We betalen de toeslag elke maand uit op IBAN NL05 ABNA 3313 0941 55.",
                     None, id="payout-we-betalen-uit"),
        pytest.param("Maak het bedrag over op rekeningnummer NL48 INGB 4244 5664 78.",
                     "NL48INGB4244566478", id="near-miss-imperative-pay"),
        pytest.param("Het bedrag moet worden overgemaakt op rekening NL48 INGB 4244 5664 78.",
                     "NL48INGB4244566478", id="near-miss-passive-with-moet"),
        pytest.param("Wij verzoeken u het bedrag te betalen op rekening NL48 INGB 4244 5664 78.",
                     "NL48INGB4244566478", id="near-miss-wij-verzoeken"),
        pytest.param("Daarom hebben wij een bedrag van uw bankrekening NL04 BUNQ 5398 2702 80 "
                     "afgeschreven. Maak de rest over naar NL48 INGB 4244 5664 78.",
                     "NL48INGB4244566478", id="own-account-and-pay-account"),
        pytest.param("Klantnummer    40981127\nRekening       NL15 ZUID 3640 3534 19\n\n"
                     "Uw nieuwe pas komt eraan.", None, id="letter-asks-no-payment"),
        pytest.param("Te betalen € 12,00. IBAN: NL86 INGB 0002 4455 88", "NL86INGB0002445588",
                     id="single-account"),
        pytest.param("Geen rekening op deze brief.", None, id="none"),
    ],
)
def test_choose_iban(text: str, iban: str | None) -> None:
    got = choose_iban(find_ibans([text]), [text])
    assert (got[0] if got else None) == iban


# --- reference numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Betalingskenmerk: 5000 0567 8901 2345",
                     [("betalingskenmerk", "5000056789012345", True)], id="kenmerk-grouped"),
        pytest.param("onder vermelding van betalingskenmerk 5010.0021.6701.0010.",
                     [("betalingskenmerk", "5010002167010010", True)], id="kenmerk-dots"),
        pytest.param("Vermeld daarbij altijd het betalingskenmerk:\n6384 4413 1704 6001",
                     [("betalingskenmerk", "6384441317046001", True)], id="kenmerk-next-line"),
        pytest.param("Betalingskenmerk 5000 0567 8901 2346",
                     [("betalingskenmerk", "5000056789012346", False)], id="kenmerk-bad-check"),
        pytest.param("Betalingskenmerk 6384 4413 1704 6001 16 mei 2026",
                     [("betalingskenmerk", "6384441317046001", True)], id="kenmerk-then-date"),
        pytest.param("Maak het over onder vermelding van 5000 0567 8901 2345.",
                     [("betalingskenmerk", "5000056789012345", True)], id="kenmerk-unlabelled"),
        pytest.param("CJIB-nummer: 1062 5421 5704 7959",
                     [("cjib-nummer", "1062542157047959", True)], id="cjib"),
        pytest.param("Aanslagnummer    1214.19.599.W.30",
                     [("aanslagnummer", "1214.19.599.W.30", None)], id="aanslag-dots-kept"),
        pytest.param("Beschikkingsnummer 4977.29.982.T.26.6.1021",
                     [("beschikkingsnummer", "4977.29.982.T.26.6.1021", None)], id="beschikking"),
        pytest.param("Dossiernummer:   NK-2026-0418853",
                     [("dossiernummer", "NK-2026-0418853", None)], id="dossier"),
        pytest.param("Ons dossiernummer : VDW/26/00417",
                     [("dossiernummer", "VDW/26/00417", None)], id="ons-dossier"),
        pytest.param("Uw klantnummer bij opdrachtgever:  FO-22871",
                     [("klantnummer", "FO-22871", None)], id="klant-bij-opdrachtgever"),
        pytest.param("Debiteurnummer        1102238", [("klantnummer", "1102238", None)],
                     id="debiteur"),
        pytest.param("Factuurnummer   2026-004518", [("factuurnummer", "2026-004518", None)],
                     id="factuur"),
        pytest.param("vermelding van notanummer 25-3318.", [("factuurnummer", "25-3318", None)],
                     id="nota"),
        pytest.param("Vorderingsnummer 2026-VR-003381",
                     [("vorderingsnummer", "2026-VR-003381", None)], id="vordering"),
        pytest.param("Vorderingsnummer DUO  4471902233",
                     [("vorderingsnummer", "4471902233", None)], id="vordering-with-a-word"),
        pytest.param("Relatienummer    184220917", [("relatienummer", "184220917", None)],
                     id="relatie"),
        pytest.param("onder vermelding van uw contracthummer 10734508.",
                     [("contractnummer", "10734508", None)], id="ocr-h-for-n-in-nummer"),
        pytest.param("Klantnurnmer 4471902", [("klantnummer", "4471902", None)], id="ocr-rn-for-m"),
        pytest.param("Uw kenmerk        : 2025-11873", [("kenmerk", "2025-11873", None)],
                     id="uw-kenmerk"),
        pytest.param("Ons kenmerk: INC/2026/0042", [("kenmerk", "INC/2026/0042", None)],
                     id="ons-kenmerk"),
        pytest.param("Zaaknummer rechtbank: 11287364 UC EXPL 25-19022",
                     [("zaaknummer", "11287364UCEXPL25-19022", None)], id="zaak"),
        pytest.param("Subjectnummer 30092741", [("subjectnummer", "30092741", None)],
                     id="any-word-nummer"),
        pytest.param("heeft een factuur gestuurd met nummer\n2025-11873, te betalen",
                     [("factuurnummer", "2025-11873", None)], id="met-nummer"),
        pytest.param("Houd uw dossiernummer bij de hand.", [], id="near-miss-no-value"),
        pytest.param("Telefoonnummer 020-1234567", [], id="near-miss-phone"),
        pytest.param("Burgerservicenummer 123456782", [], id="near-miss-bsn-is-no-reference"),
        pytest.param("Antwoordnummer 4121, 7300 VB Apeldoorn", [], id="near-miss-antwoordnummer"),
        pytest.param("Dagtekening 16-03-2026", [], id="near-miss-date"),
    ],
)
def test_find_references(text: str, expected: list[tuple[str, str, bool | None]]) -> None:
    got = [(r.kind, r.value, r.valid) for r in find_references([text])]
    assert got == expected
    for r in find_references([text]):
        assert r.evidence is not None
        printed = text[r.evidence.start : r.evidence.end]
        assert printed.replace(" ", "").replace(".", "") == r.value.replace(".", "")


def test_column_layout() -> None:
    text = ("Dagtekening        Aanslagnummer        Burgerservicenummer\n"
            "16 maart 2026      3844.41.312.H.46     3844.41.312\n")
    assert [(r.kind, r.value) for r in find_references([text])] == [
        ("aanslagnummer", "3844.41.312.H.46")
    ]


def test_table_column_gives_every_row() -> None:
    text = ("Factuurnummer   Factuurdatum   Periode                  Bedrag\n"
            "F2026031144     01-03-2026     1 t/m 31 maart 2026      € 30,74\n"
            "F2026041187     01-04-2026     1 t/m 30 april 2026      € 30,74\n"
            "                               Totaal                   € 61,48\n")
    assert [r.value for r in find_references([text])] == ["F2026031144", "F2026041187"]


def test_bare_factuur_header() -> None:
    text = ("Factuur       Periode                          Vervallen op   Bedrag\n"
            "F2025111902   1 t/m 30 november 2025           15-11-2025     € 118,95\n")
    assert [(r.kind, r.value) for r in find_references([text])] == [
        ("factuurnummer", "F2025111902")
    ]


def test_each_value_once_with_the_payment_mention() -> None:
    text = ("Dossiernummer: NK-2026-0418853\n\nBetaal € 10 op NL48 RABO 0162 5390 84. "
            "Vermeld bij uw betaling altijd dossiernummer NK-2026-0418853.")
    refs = find_references([text])
    assert [r.value for r in refs] == ["NK-2026-0418853"]
    assert refs[0].evidence is not None and refs[0].evidence.start > 40


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Aanslagnummer 1234.56.782.H.46\nBetalingskenmerk 5000 0567 8901 2345",
                     "5000056789012345", id="betalingskenmerk"),
        pytest.param("CJIB-nummer 1062 5421 5704 7959\nKenteken 34-TKL-9", "1062542157047959",
                     id="cjib-nummer"),
        pytest.param("Dossiernummer H-2026-003154\nKlantnummer 29904417\n\nMaak het bedrag over "
                     "op NL72 RABO 0377 1908 25, onder vermelding van dossiernummer "
                     "H-2026-003154.", "H-2026-003154", id="collector-dossier"),
        pytest.param("Klantnummer 2231478\n\nMaak het bedrag over op NL60 ABNA 0522 0319 46 ten "
                     "name van Ymere en vermeld uw klantnummer 2231478.", "2231478",
                     id="vermeld-klantnummer"),
        pytest.param("Factuurnummer: 2026-00418\n\nZo betaal je:\n  Bedrag           € 84,95\n"
                     "  Rekening         NL17 RABO 1289 8885 80\n  Ten name van     Studio B.V.\n"
                     "  Omschrijving     2026-00418\n", "2026-00418", id="omschrijving-row"),
        pytest.param("Rekening            NL17 RABO 1289 8885 80\n"
                     "Betaalomschrijving  K-208817\n", "K-208817", id="betaalomschrijving-row"),
        pytest.param("IBAN\tNL17 RABO 1289 8885 80\nMededeling\t4471-2026\n", "4471-2026",
                     id="mededeling-tab-row"),
        pytest.param("Datum        Omschrijving        Bedrag\n"
                     "03-02-2026   Huur februari       € 700,00\n", None,
                     id="near-miss-omschrijving-column-header"),
        pytest.param("Klantnummer 2231478\nOmschrijving van de klacht: lamp kapot\n", None,
                     id="near-miss-omschrijving-in-running-text"),
        pytest.param("Maak het over op NL79 BNGH 0285 0718 44. Vermeld het vorderingsnummer "
                     "2026-VR-003381.", "2026-VR-003381", id="vermeld-next-sentence"),
        pytest.param("Rekeningnummer   NL08 BNGH 6717 5666 24\nKenmerk          7667 8469 0998 8684",
                     "7667846909988684", id="kenmerk-with-valid-check"),
        pytest.param("Aanslagnummer 1234.56.782.H.46\n\nVermeld in uw brief het aanslagnummer.",
                     None, id="near-miss-objection-letter"),
        pytest.param("Dossiernummer VDW/26/00417\nVermeld het dossiernummer en de datum van de "
                     "zitting.", None, id="near-miss-court"),
        pytest.param("Ons dossiernummer: HOL-448812\n\nMaak het totaal over op IBAN NL91 ABNA "
                     "0417 1643 00, onder vermelding van het dossiernummer.", "HOL-448812",
                     id="pointed-dossiernummer-named-earlier"),
        pytest.param("Betreft: herinnering nota 2026-0412\n\nOp 4 maart stuurden wij u de nota met "
                     "nummer 2026-0412. Betaal op NL71 RABO 0307 4321 29 onder vermelding van het "
                     "notanummer.", "2026-0412", id="pointed-notanummer"),
        pytest.param("Klantnummer 300112233\n\nBetaal het bedrag op NL20 INGB 0001 2345 67. Vermeld "
                     "bij je betaling je klantnummer.", "300112233", id="pointed-vermeld-klantnummer"),
        pytest.param("Factuurnummer  F2026-0113\nFactuurnummer  F2026-0288\n\nMaak het over op "
                     "NL91 ABNA 0417 1643 00 onder vermelding van het factuurnummer.", None,
                     id="near-miss-pointed-two-invoices"),
        pytest.param("Dossiernummer: HOL-448812\n\nBel ons en noem het dossiernummer.", None,
                     id="near-miss-pointed-not-a-payment"),
        pytest.param("Ons dossier   : DW 2604218\n\nBetaal op de derdengeldenrekening onder vermelding "
                     "van ons dossiernummer DW 2604218.", "DW2604218", id="capitals-space-number"),
        pytest.param("Maak het over naar NL37 INGB 4109 0960 88 en zet als omschrijving je "
                     "betaalreferentie: PS-26-0091734.", "PS-26-0091734", id="betaalreferentie-own-code"),
        pytest.param("Dat kan naar NL31 RABO 7880 7162 88 t.n.v. Woonstichting De Vaart. Zet je "
                     "huurnummer 60-118734 in de omschrijving.", "60-118734", id="cue-after-the-number"),
        pytest.param("Dossier: ET/26/11942\n\nZorg dat het bedrag op NL53 RABO 9113 7843 54 staat, met\n"
                     "vermelding van ET/26/11942.", "ET/26/11942", id="met-vermelding-van"),
        pytest.param("Patiëntnummer: 30418\n\nBETAALSTROOK\n  Rekeningnummer            NL16 KNAB 9719 "
                     "3996 17\n  Omschrijving / kenmerk    patiëntnr. 30418\n", "30418",
                     id="slip-row-omschrijving-kenmerk"),
        pytest.param("Maak het over naar NL69 ABNA 0481 2377 55 ten name van E. ten Brink en vermeld "
                     "daarbij\nHUUR-KVB58-2.", "HUUR-KVB58-2", id="vermeld-daarbij"),
        pytest.param('Maak € 1.450 over op NL81 RBRB 5504 4328 40, onder vermelding van "huur '
                     'Spaarnwouderstraat 61A".', "huur Spaarnwouderstraat 61A", id="quoted-free-text"),
        pytest.param("Op 18 december hebben wij u factuur 2025-1187 gestuurd. Maak het bedrag over op "
                     "NL44 RABO 0123 4567 89. Wilt u daarbij het factuurnummer 2025-1187 vermelden?",
                     "2025-1187", id="vermelden-after-the-number"),
        pytest.param("Relatienummer   7712 0458\n\nBetaal € 90 op NL44 RABO 0123 4567 89 en vermeld uw "
                     "relatienummer 7712 0458.", "77120458", id="number-in-digit-groups"),
        pytest.param("", None, id="empty"),
    ],
)
def test_choose_payment_reference(text: str, value: str | None) -> None:
    got = choose_payment_reference(find_references([text]), [text])
    assert (got.value if got else None) == value


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=3))
def test_never_raises(pages: list[str]) -> None:
    choose_iban(find_ibans(pages), pages)
    choose_payment_reference(find_references(pages), pages)


IDISH = st.text(alphabet="NLBEIOSl|0123456789 .:-/\nIBANingbkenmerkBetalingskenmerkDossiernummer",
                max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.lists(IDISH, min_size=1, max_size=2))
def test_found_values_are_valid(pages: list[str]) -> None:
    for iban, ev, _label in find_ibans(pages):
        assert iban_valid(iban)
        assert 0 <= ev.start < ev.end <= len(pages[ev.page - 1])
    for r in find_references(pages):
        if r.kind == "betalingskenmerk" and r.valid is not None:
            assert r.valid == kenmerk_valid(r.value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_generated_kenmerk_round_trip(n: int) -> None:
    body = f"{n:015d}"
    kenmerk = f"{kenmerk_check_digit(body)}{body}"
    grouped = " ".join(kenmerk[i : i + 4] for i in range(0, 16, 4))
    assert kenmerk_valid(grouped) is True
    refs = find_references([f"Betalingskenmerk {grouped}"])
    assert [(r.value, r.valid) for r in refs] == [(kenmerk, True)]


# --- the sample letters ---------------------------------------------------------------------


def _samples() -> list[tuple[str, list[str], dict]]:
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from gen.text import page_texts  # type: ignore[import-not-found]
    except ImportError:
        return []
    out = []
    for js in sorted(SAMPLES.glob("*.json")):
        txt = js.with_suffix(".txt")
        if txt.exists():
            out.append((js.stem, page_texts(txt), json.loads(js.read_text(encoding="utf-8"))))
    return out


def test_samples_iban_and_references() -> None:
    """Measure on the sample letters; print every mismatch; assert only a floor we reach.

    reference_numbers are compared as a set and, like snapdebrief/fields/collect.py, without
    the payment reference.
    """
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters yet")
    ok = {"iban": 0, "payment_reference": 0, "reference_numbers": 0}
    report = []
    for name, pages, truth in samples:
        iban = choose_iban(find_ibans(pages), pages)
        refs = find_references(pages)
        pay = choose_payment_reference(refs, pages)
        got = {
            "iban": iban[0] if iban else None,
            "payment_reference": pay.value if pay else None,
            "reference_numbers": sorted({r.value for r in refs} - ({pay.value} if pay else set())),
        }
        want = dict(truth)
        want["reference_numbers"] = sorted(set(truth.get("reference_numbers") or []))
        for key in ok:
            if got[key] == want.get(key):
                ok[key] += 1
            else:
                report.append(f"{name}: {key} expected {want.get(key)!r}, got {got[key]!r}")
    n = len(samples)
    print("\n" + ", ".join(f"{k} {v}/{n}" for k, v in ok.items()))
    print("\n".join(report))
    assert ok["iban"] / n >= 0.9
    assert ok["payment_reference"] / n >= 0.9
    assert ok["reference_numbers"] / n >= 0.85


def test_bailiffs_client_account_in_the_letterhead() -> None:
    text = ("VAN RIJSWIJK & BOUKEMA\nKanaalweg 88 - tel. 010 - 458 22 90\nDerdengeldenrekening "
            "NL45 ABNA 8454 4740 63\n\nGeachte heer,\n\nDerhalve sommeer ik u het totaalbedrag "
            "binnen vijf dagen te voldoen op bovengenoemde derdengeldenrekening.")
    got = choose_iban(find_ibans([text]), [text])
    assert got is not None and got[0] == "NL45ABNA8454474063"


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        pytest.param("Het onderdeel van € 87,50 hoef je niet te betalen. Wij hebben het "
                     "teruggestort.\n\nIBAN NL45 KNAB 1318 1904 89 | KvK 08174422 | btw NL001834522B07",
                     None, id="footer-account-when-nothing-to-pay"),
        pytest.param("Betaal € 87,50 binnen 14 dagen.\n\nIBAN NL45 KNAB 1318 1904 89 | KvK 08174422",
                     "NL45KNAB1318190489", id="footer-account-when-asked-to-pay"),
    ],
)
def test_footer_account(text: str, iban: str | None) -> None:
    got = choose_iban(find_ibans([text]), [text])
    assert (got[0] if got else None) == iban


def test_the_account_the_benefit_goes_to_is_not_to_pay_to() -> None:
    text = ("Wij betalen het voorschot elke maand uit. Het geld komt op rekening NL28 RABO 3939 "
            "8367 17 ten name van F. Dogan. U hoeft niets te betalen.")
    assert choose_iban(find_ibans([text]), [text]) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Aanslagnummer 123456 789.H 01\n", "123456789.H01", id="ocr-split-groups"),
        pytest.param("Aanslagnummer 1234 56782 H.46\n", "123456782H.46", id="ocr-other-grouping"),
        pytest.param("Aanslagnummer: 1234.56.782.H.46\n", "1234.56.782.H.46", id="as-printed"),
        pytest.param("Aanslagnummer 2026.07.551.204\n", "2026.07.551.204", id="gemeente-number"),
    ],
)
def test_tax_number_read_whole(text: str, value: str) -> None:
    """A broken aanslagnummer is one reference, so no piece of the BSN in it stands alone (#16)."""
    assert [r.value for r in find_references([text])] == [value]


def test_a_benefits_payout_row_is_no_account_to_pay_to() -> None:
    text = ("Netto per maand (ongeveer)            € 1.452,10\n"
            "Betaald op rekening                   NL70 ASNB 0707 7183 04\n\nBetaal niets terug.")
    assert choose_iban(find_ibans([text]), [text]) is None


def test_an_iban_wrapped_over_two_lines() -> None:
    text = ("Betaal € 669,00 vóór 11 september 2026. Gebruik het IBAN NL28 RABO 2161\n"
            "5263 08 ten name van CJIB.")
    assert [i for i, _, _ in find_ibans([text])] == ["NL28RABO2161526308"]


def test_the_account_known_to_the_sender_is_the_residents_own() -> None:
    text = ("U krijgt het bedrag op het rekeningnummer dat bij ons bekend is, NL18 ABNA 8021 2514 03. "
            "U hoeft daarvoor niets te doen. Betaal niets.")
    assert choose_iban(find_ibans([text]), [text]) is None
