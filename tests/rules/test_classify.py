"""The classifier: normalisation, evidence offsets, confidence, stage, the explain table."""

from __future__ import annotations

import pytest

from snapdebrief.classify import classify, evaluate, explain_text, normalize

CJIB = """Centraal Justitieel Incassobureau
Postbus 1794
8901 CB Leeuwarden

Datum: 12 maart 2026
CJIB-nummer: 1062 5421 5704 7959

Betreft: Eerste aanmaning verkeersboete

Geachte heer De Vries,

U heeft de boete van € 110,00 nog niet betaald. Daarom is de boete verhoogd met € 55,00.
Betaal het bedrag vóór 9 april 2026.
"""


@pytest.mark.parametrize(
    "raw, norm",
    [
        pytest.param("Betaal vóór 12 maart", "betaal voor 12 maart", id="accents"),
        pytest.param("Eerste  aan-\nmaning", "eerste aanmaning", id="hyphen-line-break"),
        pytest.param("WOZ-\nbeschikking", "woz-beschikking", id="compound-keeps-dash"),
        pytest.param("14-\ndagenbrief", "14-dagenbrief", id="number-compound"),
        pytest.param("aan -\nmaning", "aan - maning", id="spaced-dash-is-not-hyphenation"),
        pytest.param(
            "Betreft:\n\n  Aanmaning\t\tkosten", "betreft: aanmaning kosten", id="whitespace"
        ),
        pytest.param(
            "‘Laatste’ herinnering – nu", "'laatste' herinnering - nu", id="quotes-dashes"
        ),
        pytest.param(
            "\u00a0CJIB\u00adnummer\u200b", "cjibnummer", id="nbsp-soft-hyphen-zero-width"
        ),
        pytest.param("ﬁnanciën", "financien", id="ligature"),
    ],
)
def test_normalize(raw: str, norm: str):
    n = normalize(raw)
    assert n.text == norm
    assert len(n.src) == len(n.text)
    assert all(0 <= i < len(raw) for i in n.src)


def test_evidence_points_into_the_page_text():
    pages = [
        "Intro zonder woorden.",
        "Gemeente X\nAanslag onroerende-\nzaakbelasting en afvalstoffen-\nheffing 2026",
    ]
    c = classify(pages, _rules())
    assert c.kind == "gemeente-belastingaanslag"
    for hit in c.hits:
        ev = hit.evidence
        if ev is None:
            continue
        assert pages[ev.page - 1][ev.start : ev.end] == hit.text
    texts = {h.pattern_id: h.text for h in c.hits}
    assert texts["afvalstoffenheffing"] == "afvalstoffen-\nheffing"
    assert all(h.evidence.page == 2 for h in c.hits if h.evidence and h.pattern_id != "sender")


def test_cjib_letter():
    c = classify([CJIB], _rules())
    assert c.kind == "cjib-aanmaning"
    assert c.stage == "aanmaning"
    assert 0.5 < c.confidence <= 1.0
    assert c.scores[0][0] == "cjib-aanmaning"
    assert {"aanmaning-nummer", "verhoging", "cjib"} <= {h.pattern_id for h in c.hits}


def test_each_pattern_counts_once():
    once = evaluate(["Geachte heer,\nBelastingdienst aanmaning"], _rules())[
        "belasting-aanmaning"
    ].score
    many = evaluate(["Geachte heer,\nBelastingdienst aanmaning aanmaning aanmaning"], _rules())[
        "belasting-aanmaning"
    ].score
    assert once == many


def test_head_counts_more_than_the_body():
    body = "x " * 400
    head = evaluate(["Betreft: aanmaningskosten\n" + body], _rules())["belasting-aanmaning"]
    tail = evaluate([body + "\naanmaningskosten"], _rules())["belasting-aanmaning"]
    assert head.score > tail.score


@pytest.mark.parametrize(
    "pages",
    [
        pytest.param([""], id="empty"),
        pytest.param(["   \n\f  "], id="blank"),
        pytest.param([], id="no-pages"),
        pytest.param(["Lorem ipsum dolor sit amet."], id="latin"),
    ],
)
def test_nothing_recognised_is_overig(pages):
    c = classify(pages, _rules())
    assert c.kind == "overig"
    assert c.confidence == 1.0
    assert c.hits == ()
    assert c.stage == "info"


def test_overig_confidence_drops_when_a_kind_nearly_made_it():
    c = classify(["Geachte heer,\nDit gaat over uw aanmaning."], _rules())
    assert c.kind == "overig"
    # belasting-aanmaning had 2 of its 3 points but misses a require group (counts half);
    # incasso-aanmaning had 1 of 3: either way a third of the way there.
    assert 0.5 < c.confidence < 0.8


def test_sender_hint_from_the_fields():
    text = ["Betreft: uw achterstand\nU heeft de premie van maart en april nog niet betaald."]
    without = evaluate(text, _rules())["zorgverzekering-achterstand"]
    with_sender = evaluate(text, _rules(), sender="Zilveren Kruis Zorgverzekeringen N.V.")[
        "zorgverzekering-achterstand"
    ]
    assert with_sender.score == without.score + 1.0
    assert classify(text, _rules(), sender="Zilveren Kruis").kind == "zorgverzekering-achterstand"


def test_require_keeps_generic_words_from_winning():
    """Debt words without any rent, energy or insurance word are not a sector kind."""
    text = [
        "Webwinkel\nBetalingsherinnering\nHet openstaande bedrag is nog niet betaald. Betaal binnen 7 dagen."
    ]
    c = classify(text, _rules())
    assert c.kind not in {"huurachterstand", "energie-achterstand", "zorgverzekering-achterstand"}


def test_explain_table():
    out = explain_text([CJIB], _rules())
    assert out.startswith("kind: cjib-aanmaning")
    assert "aanmaning-nummer(+4.5" in out
    assert "*cjib-aanmaning" in out


def _rules():
    from snapdebrief.rules import load_rules

    return load_rules()


_DAGVAARDING = (
    "Van Dijk Gerechtsdeurwaarders\n\nGeachte mevrouw,\n\nBij deze brief ontvangt u een "
    "dagvaarding. Heden, ten verzoeke van Stichting Woonstad, heb ik, gerechtsdeurwaarder, "
    "gedaagde gedagvaard om te verschijnen ter terechtzitting van de kantonrechter. "
)
_HUUR = (
    "Woonstichting De Key\n\nOnderwerp: huurachterstand\n\nGeachte heer,\n\nU heeft de huur "
    "over mei en juni niet betaald. Uw huurachterstand is € 1.484,36. "
)
_ZORG = (
    "Zilveren Kruis\n\nOnderwerp: premie zorgverzekering\n\nBeste Yusuf,\n\nJe hebt de premie "
    "voor je zorgverzekering nog niet betaald. Je achterstand is € 585,40. "
)


@pytest.mark.parametrize(
    ("text", "kind", "stage"),
    [
        # deurwaarder: a dagvaarding's claim names a vonnis still to come
        pytest.param(_DAGVAARDING + "Stadgenoot vraagt gedaagde de woning binnen veertien dagen "
                     "na betekening van het vonnis te ontruimen.", "deurwaarder", "dagvaarding",
                     id="dagvaarding-claim-na-betekening-van-het-vonnis"),
        pytest.param(_DAGVAARDING + "Eiseres vordert ontruiming binnen veertien dagen nadat "
                     "betekening van het vonnis heeft plaatsgevonden.", "deurwaarder",
                     "dagvaarding", id="dagvaarding-claim-nadat"),
        pytest.param("Flanderijn Gerechtsdeurwaarders\n\nGeachte heer,\n\nHierbij doe ik "
                     "betekening van het vonnis van de kantonrechter, ten verzoeke van Eneco.",
                     "deurwaarder", "vonnis", id="near-miss-real-betekening-van-het-vonnis"),
        pytest.param(_DAGVAARDING + "Het vonnis wordt binnen twee dagen na betekening "
                     "uitgevoerd.", "deurwaarder", "vonnis", id="near-miss-binnen-twee-dagen"),
        # huurachterstand: the 14-dagenbrief wording, like incasso-aanmaning's
        pytest.param(_HUUR + "Betaal de achterstand binnen 14 dagen na ontvangst van deze brief.",
                     "huurachterstand", "14-dagenbrief", id="huur-14-dagen-na-ontvangst"),
        pytest.param(_HUUR + "Betaal binnen veertien dagen nadat u deze brief heeft ontvangen.",
                     "huurachterstand", "14-dagenbrief", id="huur-veertien-dagen-nadat"),
        pytest.param(_HUUR + "Dit is uw laatste kans om zonder kosten te betalen.",
                     "huurachterstand", "14-dagenbrief", id="huur-zonder-kosten"),
        pytest.param(_HUUR + "Betaal binnen 14 dagen na de datum van deze brief.",
                     "huurachterstand", "reminder", id="near-miss-huur-na-datum"),
        pytest.param(_HUUR + "Misschien bent u het vergeten. Betaal de huur binnen 14 dagen.",
                     "huurachterstand", "reminder", id="near-miss-huur-plain-reminder"),
        # zorgverzekering: months of arrears and the coming report to the CAK
        pytest.param(_ZORG + "Je hebt 4 maanden premie niet betaald.",
                     "zorgverzekering-achterstand", "aanmaning", id="zorg-4-maanden-premie"),
        pytest.param(_ZORG + "Het gaat om de premie over vier maanden.",
                     "zorgverzekering-achterstand", "aanmaning", id="zorg-premie-over-vier"),
        pytest.param(_ZORG + "Betaal je niet? Dan moeten we je aanmelden bij het CAK.",
                     "zorgverzekering-achterstand", "aanmaning", id="zorg-aanmelden-bij-cak"),
        pytest.param(_ZORG + "Misschien ben je het vergeten. Betaal binnen 14 dagen.",
                     "zorgverzekering-achterstand", "reminder", id="near-miss-zorg-reminder"),
        pytest.param(_ZORG + "Wij hebben je aangemeld bij het CAK. Dit is ons besluit.",
                     "zorgverzekering-achterstand", "decision", id="near-miss-zorg-aangemeld"),
    ],
)
def test_stage_wording(text, kind, stage):
    c = classify([text], _rules())
    assert (c.kind, c.stage) == (kind, stage)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"incassokosten|buitengerechtelijke (?:incasso)?kosten", ("incassokosten", "buitengerechtelijke ")),
        (r"\b(?:huur|huurachterstand|eigen risico)\b", ("huur", "huurachterstand", "eigen risico")),
        (r"\bexplo(?:ot|ten)\b", ("explo",)),
        (r"(?:aan)?maning", ("maning",)),  # an optional part is not needed
        (r"\bwoord(?: \w+){0,3} ander\b", (" ander",)),
        (r"a|bc", None),  # too short to be worth a test
        (r"(?i)abc", None),
        (r"\d+", None),
    ],
)
def test_required_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    from snapdebrief.classify import required_literals

    assert required_literals(pattern) == literals


def test_literal_prefilter_never_skips_a_match() -> None:
    """Every shipped regex, on every sample letter: where it matches, one of its literals is there."""
    import re
    from pathlib import Path

    from snapdebrief.classify import normalize, required_literals

    root = Path(__file__).resolve().parents[2] / "samples"
    texts = [normalize(p.read_text(encoding="utf-8")).text
             for folder in ("letters", "holdout") for p in sorted((root / folder).glob("*.txt"))]
    checked = 0
    for kind in _rules().kinds.values():
        if kind.match is None:
            continue
        for pattern in [r.regex for r in kind.match.regex] + [e.regex for e in kind.match.exclude if e.regex]:
            literals, rx = required_literals(pattern), re.compile(pattern)
            for text in texts:
                if rx.search(text):
                    checked += 1
                    assert literals is None or any(lit in text for lit in literals), pattern
    assert checked > 100
