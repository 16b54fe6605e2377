"""The stand-ins of an exported case (#18): valid where the real value has a check, in the
real value's shape, the same fake for the same value."""

from __future__ import annotations

import random
from datetime import date

import pytest

from snapdebrief.cases.fakes import Fakes, shaped, written_date
from snapdebrief.fields.validators import elfproef, iban_valid, kenmerk_valid


@pytest.fixture
def fakes() -> Fakes:
    return Fakes(random.Random(18))


@pytest.mark.parametrize("real", [pytest.param("123456782", id="nine-digits"),
                                  pytest.param("012345672", id="old-eight-with-its-0")])
def test_a_fake_bsn_passes_the_elfproef(fakes: Fakes, real: str) -> None:
    fake = fakes.bsn(real)
    assert elfproef(fake) and fake != real and fakes.bsn(real) == fake
    assert fake.startswith("0") == real.startswith("0")


@pytest.mark.parametrize("real", [pytest.param("NL20INGB0001234567", id="nl"),
                                  pytest.param("NL91 ABNA 0417 1643 00", id="nl-spaced"),
                                  pytest.param("DE89370400440532013000", id="de"),
                                  pytest.param("BE68539007547034", id="be")])
def test_a_fake_iban_passes_mod_97_with_the_same_bank(fakes: Fakes, real: str) -> None:
    compact = real.replace(" ", "")
    fake = fakes.iban(real)
    assert iban_valid(fake) and fake != compact and len(fake) == len(compact)
    assert fake[:2] == compact[:2]
    if compact.startswith("NL"):
        assert fake[4:8] == compact[4:8]  # the bank code names nobody


def test_a_belastingdienst_kenmerk_is_rebuilt_around_the_fake_bsn(fakes: Fakes) -> None:
    bsn = "322544467"
    kenmerk = "2322544467046001"  # check digit, the BSN's first 8 digits, …
    fake = fakes.kenmerk(kenmerk, bsn)
    assert kenmerk_valid(fake) and fake[1:9] == fakes.bsn(bsn)[:8] and fake[9:] == kenmerk[9:]


@pytest.mark.parametrize(("template", "chars", "want"), [
    pytest.param("1234.56.782", "987654321", "9876.54.321", id="dotted"),
    pytest.param("****.**.782", "987654321", "9876.54.321", id="masked"),
    pytest.param("NL91 ABNA 0417\n1643 00", "NL12ABNA9876543210", "NL12 ABNA 9876\n5432 10",
                 id="wrapped"),
    pytest.param("12345", "987654321", "987654321", id="counts-differ"),
])
def test_shaped_keeps_the_separators(template: str, chars: str, want: str) -> None:
    assert shaped(template, chars) == want


@pytest.mark.parametrize(("template", "want"), [
    pytest.param("14-07-1968", "03-09-1968", id="dashes"),
    pytest.param("14.7.68", "03.9.68", id="dots-short"),
    pytest.param("14 juli 1968", "3 september 1968", id="words"),
    pytest.param("14 jul. 1968", "3 sep. 1968", id="short-month"),
])
def test_a_fake_date_is_written_as_the_real_one(template: str, want: str) -> None:
    assert written_date(template, date(1968, 9, 3)) == want


def test_a_fake_birth_date_keeps_the_year(fakes: Fakes) -> None:
    real = date(2014, 12, 9)  # a child who "turns 12": the letter's sums still hold
    fake = fakes.birth_date(real)
    assert fake.year == 2014 and fake != real and fakes.birth_date(real) == fake


def test_names_keep_their_case_and_their_fake(fakes: Fakes) -> None:
    assert fakes.name_word("VISSER").isupper()
    assert fakes.name_word("Visser") == fakes.name_word("VISSER").capitalize()
    assert fakes.name_word("visser").lower() != "visser"
    postcode = fakes.postcode("2341 RT")
    assert len(postcode) == 7 and postcode[4] == " " and postcode[5:] not in ("CZ", "SS", "SA", "SD")
