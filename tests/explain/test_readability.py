"""readability: masking before textstat, sentence counts, Flesch-Douma, hard words, 'je' not 'u'."""

from __future__ import annotations

import pytest

from snapdebrief.readability import (
    HardWord,
    flesch_douma,
    formal_you,
    hard_words,
    load_woorden,
    mask,
    problems,
    score,
    sentences,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Betaal € 1.234,56 nu.", "Betaal bedrag nu.", id="amount"),
        pytest.param("Het is € 45,- per maand.", "Het is bedrag per maand.", id="amount-dash"),
        pytest.param("Het kost EUR 12,50 extra.", "Het kost bedrag extra.", id="eur"),
        pytest.param("De brief is van 12.03.2026 en klopt.", "De brief is van datum en klopt.", id="dotted-date"),
        pytest.param("Op rekening NL86 INGB 0002 4455 88 zetten.", "Op rekening rekening zetten.", id="iban"),
        pytest.param("Bel 0800-8115 of 050-599 77 55 op tijd.", "Bel nummer of nummer op tijd.", id="phones"),
        pytest.param("Kom om 10.30 uur langs.", "Kom om tijd langs.", id="time"),
        pytest.param("Kijk op www.geldfit.nl. Dan weet je meer.", "Kijk op website. Dan weet je meer.", id="url-keeps-end"),
        pytest.param("Bijv. op 12 mrt. 2026 of t/m mei.", "bijvoorbeeld op tien maart tien of tot en met mei.", id="abbreviations"),
        pytest.param("Kenmerk 1234.56.782.T.26 staat erop.", "Kenmerk tien staat erop.", id="aanslagnummer"),
        pytest.param("Regel zonder punt", "Regel zonder punt.", id="line-gets-a-stop"),
        pytest.param("Incasso Noord B.V. wil geld.", "Incasso Noord bedrijf wil geld.", id="company-bv"),
    ],
)
def test_mask(text, expected):
    assert mask(text) == expected


def test_amounts_do_not_split_sentences():
    text = "Je moet € 1.234,56 betalen vóór 12.03.2026. Dat is veel geld."
    assert len(sentences(mask(text))) == 2
    s = score(text)
    assert s["sentences"] == 2
    assert s["max_sentence_words"] == 6


def test_score_keys_and_values():
    s = score("Je hebt een brief. Die brief komt van de gemeente. Lees hem goed.")
    assert s["sentences"] == 3
    assert s["words"] == 13
    assert s["avg_sentence_words"] == pytest.approx(13 / 3, abs=0.01)
    assert s["flesch_douma"] > 80


def test_flesch_douma_is_textstat_nl():
    # 206.835 - 0.93 * words/sentence - 77 * syllables/word, syllables by Pyphen nl.
    assert flesch_douma("Ik loop naar huis.") == pytest.approx(206.835 - 0.93 * 4 - 77 * 1.0, abs=0.1)
    hard = "Belanghebbende dient de verschuldigde invorderingsrente onverwijld te voldoen."
    assert flesch_douma(mask(hard)) < 30


WOORDEN = load_woorden()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Er komt beslag (geld of spullen afpakken voor de schuld).", [], id="bracket"),
        pytest.param("Er komt beslag – geld of spullen afpakken.", [], id="dash"),
        pytest.param("Dit heet beslag: ze pakken geld of spullen afpakken.", [], id="colon"),
        pytest.param("Ze mogen geld of spullen afpakken (beslag).", [], id="meaning-first"),
        pytest.param("Dan kun je bezwaar maken (laten weten dat je het niet eens bent).", [], id="with-verb"),
        pytest.param("Er komt beslag.", ["beslag"], id="bare"),
        pytest.param("Er komt beslag (dat is vervelend).", ["beslag"], id="wrong-meaning"),
        pytest.param("Beslag (geld afpakken) komt. Daarna weer beslag.", [], id="second-use-free"),
        pytest.param("Daarna weer beslag. Beslag (geld afpakken) komt.", ["beslag"], id="explained-too-late"),
        pytest.param("Een dwangbevel (bevel om te betalen, daarna beslag).", [], id="inside-other-meaning"),
        pytest.param("Je krijgt kwijtschelding (je hoeft (een deel) niet te betalen).", [], id="nested-brackets"),
        pytest.param("Administratief beroep (dezelfde organisatie vragen opnieuw te kijken).", [], id="longest-wins"),
        pytest.param("Een belastingaanslag is ook een brief.", ["belastingaanslag"], id="compound-own-entry"),
        pytest.param("De dagtekening en de aanslagen.", ["dagtekening", "aanslag"], id="order-of-use"),
        pytest.param("Hij zette zijn beslagen schoenen neer.", [], id="near-miss-other-word"),
        pytest.param("Je krijgt een brief van Incassobureau Noord B.V. over geld.", [], id="name-mid-sentence"),
        pytest.param("Incassobureau Noord wil geld.", [], id="name-at-start"),
        pytest.param("Incassobureau wil geld.", ["incassobureau"], id="not-a-name-at-start"),
    ],
)
def test_hard_words(text, expected):
    assert hard_words(text, WOORDEN) == expected


def test_hard_words_accepts_a_plain_mapping():
    assert hard_words("Een vonnis.", {"vonnis": "uitspraak van de rechter"}) == ["vonnis"]
    assert hard_words("Een vonnis (uitspraak van de rechter).", {"vonnis": "uitspraak van de rechter"}) == []


def test_woorden_file_is_well_formed():
    words = [w.word for w in WOORDEN]
    assert len(words) == len(set(words)), "duplicate entries in rules/woorden.yaml"
    assert len(WOORDEN) >= 48  # the seed list (Rijksoverheid B1 practice [S73]) and more
    for w in WOORDEN:
        assert isinstance(w, HardWord) and w.meaning
        # A meaning must itself be plain: it may not hold another hard word unexplained.
        assert hard_words(w.meaning, [x for x in WOORDEN if x.word != w.word]) in ([], ["beslag"]), w.word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("U moet uw boete betalen.", ["U", "uw"], id="formal"),
        pytest.param("Je moet je boete betalen om 10 uur.", [], id="informal-uur"),
        pytest.param("Kijk op de brief, u.", ["u"], id="end"),
        pytest.param("De uitkering is voor jou.", [], id="u-inside-words"),
    ],
)
def test_formal_you(text, expected):
    assert formal_you(text) == expected


def test_problems_names_each_rule():
    long = " ".join(["woord"] * 25) + "."
    out = problems(long + " U krijgt een dagvaarding.")
    assert any("sentence of 25 words" in p for p in out)
    assert any("average sentence" in p for p in out)
    assert any("dagvaarding" in p for p in out)
    assert any("formal" in p for p in out)
    assert problems("Je krijgt een brief. Lees hem goed.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Wij hebben uw betaling\nnog niet ontvangen.", "Wij hebben uw betaling nog niet ontvangen.",
                     id="wrapped-sentence"),
        pytest.param("Datum 12 maart 2026\nOns kenmerk 123", "Datum 12 maart 2026\nOns kenmerk 123",
                     id="heading-lines-stay"),
        pytest.param("Betaal vóór 1 mei.\nnog een regel", "Betaal vóór 1 mei.\nnog een regel", id="after-a-stop"),
        pytest.param("Het bedrag is\n€ 45,00 in totaal.", "Het bedrag is € 45,00 in totaal.", id="amount-on-next-line"),
    ],
)
def test_unwrap(text, expected):
    from snapdebrief.readability import unwrap

    assert unwrap(text) == expected


def test_a_wrapped_letter_is_not_scored_as_many_short_sentences():
    from snapdebrief.readability import unwrap

    wrapped = ("Wij verzoeken u vriendelijk doch dringend het openstaande bedrag\nbinnen veertien dagen "
               "na dagtekening van deze brief\nte voldoen op onze rekening.")
    assert score(wrapped)["sentences"] == 3
    assert score(unwrap(wrapped))["sentences"] == 1
