"""Who sent the letter (snapdebrief/fields/sender.py, rules/senders.yaml): every example in the
rule file, pattern coverage, letterhead over body mentions, unknown organisations as printed,
broken rule files, property tests, and a measurement on the sample letters."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snapdebrief.errors import RuleFileError
from snapdebrief.fields.sender import SENDERS_FILE, find_sender, identify_sender, load_senders

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "letters"

RULES = load_senders()
EXAMPLES = [
    pytest.param(entry, text, True, id=f"{entry}-match-{n}")
    for entry, match, _ in RULES.examples
    for n, text in enumerate(match)
] + [
    pytest.param(entry, text, False, id=f"{entry}-no-match-{n}")
    for entry, _, no_match in RULES.examples
    for n, text in enumerate(no_match)
]


@pytest.mark.parametrize(("entry", "text", "should"), EXAMPLES)
def test_rule_file_examples(entry: str, text: str, should: bool) -> None:
    found = identify_sender([text])
    got = found.entry if found else None
    if should:
        assert got == entry, found
    else:
        assert got != entry, found


def test_every_pattern_is_hit_by_an_example() -> None:
    """A pattern no example exercises is a pattern nobody checked (style guide, Duckling)."""
    hit: set[str] = set()
    for _entry, match, _ in RULES.examples:
        for text in match:
            found = identify_sender([text])
            if found and found.pattern_id:
                hit.add(found.pattern_id)
    explicit = {p.id for s in RULES.senders for p in s.patterns if ":" not in p.id}
    assert explicit - hit == set()


def test_every_entry_has_examples() -> None:
    assert all(match and no_match for _, match, no_match in RULES.examples)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Belastingdienst\nPostbus 2526\n6401 DA  Heerlen\n\nDhr. R. Kuipers",
                     "Belastingdienst", id="belastingdienst"),
        pytest.param("Belastingdienst/Toeslagen\nPostbus 8040\n6710 DA  Ede", "Dienst Toeslagen",
                     id="toeslagen-beats-belastingdienst"),
        pytest.param("Openbaar Ministerie                  O\nCentraal Justitieel Incassobureau\n"
                     "Postbus 1794", "CJIB", id="cjib-for-the-om"),
        pytest.param("GEMEENTE ZAANSTAD\nAfdeling Belastingen\nPostbus 2000", "Gemeente Zaanstad",
                     id="gemeente-capitals"),
        pytest.param("Gemeente Den Haag\nPostbus 12600", "Gemeente Den Haag", id="gemeente-two-words"),
        pytest.param("Gemeente Wijdemeren\nPostbus 190", "Gemeente Wijdemeren",
                     id="gemeente-not-listed"),
        pytest.param("waternet\nnamens Waterschap Amstel, Gooi en Vecht\nPostbus 94370",
                     "Waternet", id="waternet-logo"),
        pytest.param("eneco\nPostbus 1000\n3000 BA  Rotterdam", "Eneco", id="lower-case-logo"),
        pytest.param("Lindorff\nPostbus 283", "Intrum", id="alias"),
        pytest.param("INCASSOBUREAU NOORDKUST B.V.\nPostbus 1187\n1780 BD  Den Helder\n\n"
                     "Met vriendelijke groet,\n\nIncassobureau Noordkust B.V.",
                     "Incassobureau Noordkust B.V.", id="unknown-capitals-normal-case-copy"),
        pytest.param("TANDARTSENPRAKTIJK SARPHATIPARK\ntandartsen · mondhygiëne\n"
                     "Ceintuurbaan 221 H  ·  1074 CX Amsterdam", "Tandartsenpraktijk Sarphatipark",
                     id="unknown-capitals-title-case"),
        pytest.param("VAN DALEN & DE WIT\nGERECHTSDEURWAARDERS\n\nPostbus 94712 | 1090 GS Amsterdam",
                     "Van Dalen & De Wit Gerechtsdeurwaarders", id="name-over-two-lines"),
        pytest.param("MEIJER HOOGLAND\nGerechtsdeurwaarders & Incasso\n\nPostbus 59431, "
                     "1040 KK  Amsterdam", "Meijer Hoogland Gerechtsdeurwaarders",
                     id="capitals-name-over-profession-and-services"),
        pytest.param("BOSMAN VAN RIJN\nGERECHTSDEURWAARDERS | INCASSO | BEWIND\n\nPostbus 3012",
                     "Bosman Van Rijn Gerechtsdeurwaarders", id="capitals-profession-pipe-list"),
        pytest.param("DE BRUIN KEIZER\nAdvocaten en mediators\nPostbus 112",
                     "De Bruin Keizer Advocaten", id="capitals-advocaten-en-list"),
        pytest.param("MEIJER HOOGLAND\nGerechtsdeurwaarderskantoor in Amsterdam\nPostbus 59431",
                     "Meijer Hoogland", id="near-miss-no-service-list"),
        pytest.param("MEIJER HOOGLAND\nIncasso & Gerechtsdeurwaarders\nPostbus 59431",
                     "Meijer Hoogland", id="near-miss-services-first"),
        pytest.param("Hofstede & Partners\ngerechtsdeurwaarders en incasso\n\nPostbus 8541",
                     "Hofstede & Partners", id="tagline-not-joined"),
        pytest.param("belmobiel\nBelmobiel Nederland B.V.\nAfdeling Debiteurenbeheer\nPostbus 19020",
                     "Belmobiel Nederland B.V.", id="logo-then-full-name"),
        pytest.param("ZUIDERBANK\nZuiderbank N.V.\nPostbus 1180", "Zuiderbank N.V.",
                     id="capital-logo-then-full-name"),
        pytest.param("Incassobureau Noordkust B.V.\nPostbus 1187\n\nGeachte heer,\n\nWij hebben uw "
                     "zaak van Vattenfall overgenomen.", "Incassobureau Noordkust B.V.",
                     id="collector-not-creditor"),
        pytest.param("Intrum\nPostbus 84\n\nGeachte heer,\n\nNamens Vattenfall vragen wij u te "
                     "betalen.", "Intrum", id="known-collector-named-creditor"),
        pytest.param("Geachte heer,\n\nWij hebben uw zaak van Vattenfall overgenomen.\n", None,
                     id="near-miss-body-mention-only"),
        pytest.param("Geachte heer,\n\nU kunt bellen met de gemeente.", None,
                     id="near-miss-no-sender"),
        pytest.param("Geachte heer,\n\nMet vriendelijke groet,\n\nUWV\n", "UWV", id="signature"),
        pytest.param("Van: Woonstichting De Vaart - Huurincasso <huur@devaart.nl>\nDatum: di 9 jun. "
                     "2026 om 10:42\nAan: K. Brandsma <k@webpost.nl>\n\nHallo Kevin,\n\nDe gemeente "
                     "Dronten helpt je.", "Woonstichting De Vaart", id="mail-from-line"),
        pytest.param("From: Garage Van Dalen <administratie@garagevandalen.nl>\nSent: woensdag 27 mei "
                     "2026 14:03\nTo: Ilse <ilse@kpnmail.nl>\n", "Garage Van Dalen", id="mail-from-english"),
        pytest.param("Van: UWV <noreply@uwv.nl>\nOnderwerp: uw uitkering\n", "UWV",
                     id="mail-from-known-sender"),
        pytest.param("Van de gemeente Utrecht: nieuws\nPostbus 16200\n3500 CE Utrecht\n", "Gemeente Utrecht",
                     id="near-miss-van-in-a-heading"),
        pytest.param("", None, id="empty"),
    ],
)
def test_find_sender(text: str, name: str | None) -> None:
    got = find_sender([text])
    assert (got[0] if got else None) == name
    if got:
        assert 0 <= got[1].start < got[1].end <= len(text)


def test_evidence_is_on_the_first_page_with_text() -> None:
    got = find_sender(["", "UWV\nPostbus 58285"])
    assert got is not None and got[1].page == 2 and got[0] == "UWV"


def test_kind_hints_come_with_the_match() -> None:
    found = identify_sender(["CJIB\nPostbus 1794"])
    assert found is not None and "cjib-boete" in found.kinds and found.where == "letterhead"


# --- broken rule files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param("senders: [", "YAML", id="broken-yaml"),
        pytest.param("senders:\n  - id: a\n    name: A\n    patterns:\n      - id: p\n"
                     "        regex: 'A'\n    colour: red\n", "colour", id="unknown-key"),
        pytest.param("senders:\n  - id: a\n    name: A\n    patterns:\n      - id: p\n"
                     "        regex: '(unclosed'\n", "regex", id="bad-regex"),
        pytest.param("senders:\n  - id: a\n    name: A\n    names: [A]\n"
                     "  - id: a\n    names: [B]\n", "twice", id="duplicate-id"),
        pytest.param("senders:\n  - id: a\n    name: A\n", "patterns or names", id="no-patterns"),
        pytest.param("municipalities: []\n", "senders", id="no-senders"),
    ],
)
def test_broken_rule_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "senders.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_senders(path)
    assert err.value.path == str(path.resolve())
    assert problem.lower() in err.value.message.lower()


def test_broken_rule_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "senders.yaml"
    path.write_text("senders:\n  - id: ok\n    names: [A]\n  - id: bad\n    name: B\n"
                    "    patterns:\n      - id: p\n        regex: '(x'\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_senders(path)
    assert err.value.line == 4


def test_loader_sees_edits(tmp_path: Path) -> None:
    import os

    path = tmp_path / "senders.yaml"
    path.write_text("senders:\n  - id: a\n    names: [Alfa]\n", encoding="utf-8")
    assert find_sender(["Alfa\nPostbus 1"], path) == find_sender(["Alfa\nPostbus 1"], path)
    path.write_text("senders:\n  - id: a\n    names: [Beta]\n", encoding="utf-8")
    os.utime(path, (1, 1))
    got = identify_sender(["Beta\nPostbus 1"], path)
    assert got is not None and got.entry == "a"


def test_shipped_rule_file_loads() -> None:
    assert SENDERS_FILE.exists()
    names = {s.name for s in RULES.senders}
    for name in ("Belastingdienst", "Dienst Toeslagen", "CJIB", "DUO", "UWV", "SVB", "CAK",
                 "Waternet", "Zilveren Kruis", "Ymere", "Vattenfall", "Intrum"):
        assert name in names


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=3))
def test_never_raises(pages: list[str]) -> None:
    got = find_sender(pages)
    if got:
        assert got[0].strip()


# --- the sample letters -----------------------------------------------------------------------


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


def test_samples_sender() -> None:
    """Measure the sender on the sample letters; print mismatches; assert a floor we reach."""
    samples = _samples()
    if not samples:
        pytest.skip("no sample letters yet")
    ok = 0
    report = []
    for name, pages, truth in samples:
        got = find_sender(pages)
        if (got[0] if got else None) == truth.get("sender"):
            ok += 1
        else:
            report.append(f"{name}: sender expected {truth.get('sender')!r}, got {got!r}")
    print(f"\nsender {ok}/{len(samples)}")
    print("\n".join(report))
    assert ok / len(samples) >= 0.9
