"""A test case exported in desk mode (#18): the real pipeline reads a letter, a volunteer
corrects a value, the case is made with the real deduce; none of the resident's data may be
in it, the sender's must, and `snapdebrief eval` and `rules test` must score it."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from snapdebrief.cases.export import Case, make_case
from snapdebrief.fields.ids import find_ibans
from snapdebrief.fields.validators import elfproef, iban_valid
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.result import Result, bsn_pattern
from snapdebrief.ui.session import Corrections, apply_corrections

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 10)

# Fictitious: the BSN passes the elfproef, both IBANs pass mod-97.
BSN = "123456782"
OWN_IBAN = "NL20INGB0001234567"
LETTER = """Incassobureau Stroomlijn B.V.
Postbus 4410
3006 AK Rotterdam
Telefoon 010 - 244 81 90
info@stroomlijn-incasso.nl

Mevrouw J.A. de Vries-Bakker
Kastanjelaan 17 B
2341 RT Oegstgeest

Rotterdam, 3 maart 2026

Betreft: aanmaning dossier SL-2026-0417
Uw geboortedatum: 14-07-1968
Uw BSN: 1234.56.782

Geachte mevrouw De Vries,

Namens onze opdrachtgever Energiebedrijf Zonnig Noord vorderen wij een bedrag van € 312,40.
Hoofdsom € 272,40 en incassokosten € 40,00.

Wij verzoeken u het totaalbedrag van € 312,40 binnen 14 dagen na dagtekening over te maken
op rekening NL91 ABNA 0417 1643 00 ten name van Stroomlijn, onder vermelding van
betalingskenmerk 5000 0000 2341 7009.

Wij zien dat u eerder betaalde vanaf uw rekening NL20 INGB 0001 2345 67.
U kunt ons bellen op 010 - 244 81 90. Wij bellen u eventueel terug op 06-12345678 of mailen
naar j.devries68@gmail.com. Wij sturen de stukken naar Kastanjelaan 17 B in Oegstgeest.
\fPagina 2 van 2 - mevrouw J.A. de Vries-Bakker, BSN 123456782

Betaalt u niet op tijd, dan kunnen wij een deurwaarder inschakelen.

Met vriendelijke groet,

Pieter van den Berg
Incassobureau Stroomlijn B.V.
"""
RESIDENT = ["Vries", "Bakker", "J.A.", "Kastanjelaan", "2341 RT", "2341RT", "12345678",
            "j.devries68", "14-07-1968", "Pieter van den Berg"]
SENDER = ["Incassobureau Stroomlijn B.V.", "Postbus 4410", "3006 AK Rotterdam",
          "010 - 244 81 90", "info@stroomlijn-incasso.nl", "NL91 ABNA 0417 1643 00",
          "5000 0000 2341 7009", "SL-2026-0417", "Energiebedrijf Zonnig Noord"]


@pytest.fixture(scope="module")
def read() -> tuple[Result, Options]:
    options = Options(today=TODAY)
    return explain([LETTER.encode()], options), options


@pytest.fixture(scope="module")
def case(read: tuple[Result, Options]) -> Case:
    result, options = read
    fix = Corrections(amount_due=Decimal("300.00"))
    return make_case(apply_corrections(result, fix, options), fix, TODAY, rng=random.Random(18))


def _everything(case: Case) -> str:
    return case.text + "\n" + json.dumps(case.truth, ensure_ascii=False)


def test_the_pipeline_read_what_the_case_needs(read: tuple[Result, Options]) -> None:
    result, _ = read
    assert result.bsn_values == (BSN,)
    assert result.fields.iban == "NL91ABNA0417164300"
    assert any(d.role == "birth" for d in result.fields.dates)


def test_none_of_the_residents_data_is_in_the_case(case: Case) -> None:
    everything = _everything(case)
    assert not bsn_pattern(BSN).search(everything), "the BSN, in some spacing"
    assert not re.search(r"N\s*L\s*2\s*0\s*I\s*N\s*G\s*B\s*0*1\s*2\s*3\s*4\s*5\s*6\s*7", everything)
    for value in RESIDENT:
        assert value.lower() not in everything.lower(), value
    assert "Oegstgeest" not in case.text.split("\f")[0].split("Rotterdam, 3 maart")[0]
    assert "*" not in case.text  # no masked digit left: every BSN became a fake


def test_the_senders_details_stay(case: Case) -> None:
    for value in SENDER:
        assert value in case.text, value
    assert case.truth["sender"] == "Incassobureau Stroomlijn B.V."
    assert case.truth["iban"] == "NL91ABNA0417164300"
    assert case.truth["payment_reference"] == "5000000023417009"
    assert case.truth["reference_numbers"] == ["SL-2026-0417"]


def test_the_fakes_are_valid_and_consistent(case: Case) -> None:
    again = explain([case.text.encode()], Options(today=TODAY))
    assert len(again.bsn_values) == 1, "the same fake BSN on both pages"
    fake = again.bsn_values[0]
    assert fake != BSN and elfproef(fake)
    own = {iban for iban, _ev, _label in find_ibans(case.text.split("\f"))} - {"NL91ABNA0417164300"}
    assert len(own) == 1 and iban_valid(own.pop())
    page1, page2 = case.text.split("\f")
    name = re.search(r"Mevrouw (\S+ de \S+)\n", page1).group(1)
    assert name in page2, "the resident's name gets the same fake on page 2"
    street = page1.split(name + "\n", 1)[1].split("\n", 1)[0]
    assert f"naar {street} in" in page1, "the street and house number: the same fake again"


def test_the_truth_holds_the_correction_and_what_was_read(case: Case) -> None:
    t = case.truth
    assert t["amount_due"] == 300.0
    assert t["kind"] == "incasso-aanmaning" and t["stage"] == "aanmaning"
    assert t["deadline"] == {"date": "2026-03-17", "action": "pay"}
    assert t["letter_date"] == "2026-03-03"
    assert t["bsn_found"] is True
    assert "corrected: amount_due" in t["notes"]
    keys = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline",
            "appointment", "amount_due", "amounts", "iban", "payment_reference",
            "reference_numbers", "bsn_found", "notes"]
    assert list(t) == keys  # the samples' truth format (samples/firstlook/BRIEF.md)


def test_the_zip_holds_the_text_and_the_truth_and_no_image(case: Case) -> None:
    with zipfile.ZipFile(io.BytesIO(case.zip_bytes())) as z:
        names = sorted(z.namelist())
        assert names == [f"{case.name}.json", f"{case.name}.txt"]
        for name in names:
            data = z.read(name)
            assert not data.startswith((b"\xff\xd8", b"\x89PNG", b"%PDF", b"II*", b"MM*"))
        assert z.read(f"{case.name}.txt").decode() == case.text
    assert case.name.startswith("incasso-aanmaning-balie-20260310-")


def test_eval_and_rules_test_score_the_case(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "team" / "cases"
    folder.mkdir(parents=True)
    with zipfile.ZipFile(io.BytesIO(case.zip_bytes())) as z:
        z.extractall(folder)
    report = tmp_path / "eval.json"
    proc = subprocess.run([sys.executable, "-m", "snapdebrief.cli", "eval", str(folder),
                           "--forms", "txt", "--json", str(report)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(report.read_text())
    txt = figures["forms"]["txt"]
    assert figures["letters"] == 1 and not txt["errors"]
    for field in ("kind", "sender", "letter_date", "deadline_date", "iban", "payment_reference"):
        assert txt["fields"][field] == 1.0, field
    # The volunteer's amount is the truth: the program's own reading is the miss to fix.
    assert txt["wrong"]["amount_due"] == 1.0
    assert txt["misses"]["amount_due"] == [f"{case.name}: want 300.0 got 312.4"]

    proc = subprocess.run([sys.executable, "-m", "snapdebrief.cli", "rules", "test",
                           "--rules", str(folder.parent)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 1
    assert f"FAIL {folder / case.name}: amount_due should be 300.0, got 312.4" in proc.stdout
    assert "1 cases in 1 cases folder(s): 1 fields wrong." in proc.stdout


def test_an_uncorrected_case_passes_rules_test(read: tuple[Result, Options], tmp_path: Path) -> None:
    from snapdebrief.rules_cli import main

    result, _ = read
    made = make_case(result, Corrections(), TODAY, rng=random.Random(1))
    folder = tmp_path / "cases"
    folder.mkdir()
    for name, data in made.files().items():
        (folder / name).write_bytes(data)
    out = io.StringIO()
    assert main(["test", "--rules", str(tmp_path)], out=out) == 0, out.getvalue()
    assert "1 cases in 1 cases folder(s): all pass." in out.getvalue()


def test_making_a_case_writes_nothing(read: tuple[Result, Options]) -> None:
    """Once deduce is started, a case is made in memory only (Python's audit hook sees every
    open for writing)."""
    from snapdebrief.cases.deidentify import deidentifier

    from ..privacy.test_nothing_kept import writes

    result, _ = read
    deidentifier()
    with writes() as paths:
        make_case(result, Corrections(amount_due=Decimal("1.00")), TODAY).zip_bytes()
    assert paths == []


def test_a_plain_explain_does_not_load_deduce() -> None:
    code = ("import sys; from snapdebrief.pipeline import explain; import snapdebrief.cases.export; "
            "explain([b'Gemeente Utrecht\\nDatum: 1 maart 2026\\nBetaal 10 euro.']); "
            "print('deduce' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    assert proc.stdout.strip() == "False"


def test_deduce_leaves_the_root_logger_alone() -> None:
    """`import deduce` calls logging.basicConfig(stdout, DEBUG); started here, it may not."""
    code = ("import logging; from snapdebrief.cases.deidentify import deidentifier; deidentifier(); "
            "r = logging.getLogger(); print(len(r.handlers), r.level)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    assert proc.stdout.strip() == f"0 {30}"


@pytest.mark.parametrize(("name", "surname"), [
    pytest.param("belasting-aanmaning-01-ib-2024", "Çelik", id="kenmerk-holds-the-bsn"),
    pytest.param("deurwaarder-03-exploot-dagvaarding", "Visser", id="exploot-wonende-te"),
    pytest.param("incasso-aanmaning-01-herinnering-webshop", "Bruijn", id="no-cz-in-a-fake-postcode"),
    pytest.param("toeslag-beschikking-01-voorschot-2026-wijziging", "Mahabier",
                 id="payout-account-and-table"),
    pytest.param("uitkering-besluit-03-svb-kinderbijslag-wijziging", "Graaf", id="child-turns-12"),
])
def test_a_case_reads_as_its_letter_did(name: str, surname: str) -> None:
    """The case tests what the letter tested: every scored field comes out of the case as the
    truth file says, which is what the letter gave (a kenmerk built from the BSN: rebuilt
    around the fake). And the resident's surname and BSN are gone."""
    from snapdebrief.evaluate import EVAL_TODAY, misses

    letter = (ROOT / "samples" / "letters" / f"{name}.txt").read_text(encoding="utf-8")
    options = Options(today=EVAL_TODAY)
    result = explain([letter.encode()], options)
    made = make_case(result, Corrections(), EVAL_TODAY, rng=random.Random(5))
    assert misses(made.truth, explain([made.text.encode()], options).to_json()) == []
    truth = json.loads((ROOT / "samples" / "letters" / f"{name}.json").read_text(encoding="utf-8"))
    assert made.truth["kind"] == truth["kind"]
    for value in result.bsn_values:
        assert not bsn_pattern(value).search(_everything(made))
    assert surname.lower() not in _everything(made).lower()
