"""Every sample letter × every finished language, through the real pipeline (#20).

A language is finished when its catalog misses nothing (`rules check` counts it); English must be.
Each answer must have the Dutch answer's sections, kind, dates and amounts, every placeholder
filled, its own script, and no Dutch left but the official terms it keeps on purpose.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from snapdebrief.evaluate import EVAL_TODAY
from snapdebrief.explainers.dutch import long_date as dutch_date
from snapdebrief.explainers.dutch import money as dutch_money
from snapdebrief.lang import formats
from snapdebrief.lang.files import languages_with_files, load_catalog
from snapdebrief.options import Options
from snapdebrief.pipeline import explain

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LETTERS = sorted((SAMPLES / "letters").glob("*.txt")) + sorted((SAMPLES / "holdout").glob("*.txt"))
FINISHED = [lang for lang in languages_with_files() if not load_catalog(lang).missing]
CASES = [pytest.param(lang, p, id=f"{lang}-{p.parent.name}/{p.stem}") for lang in FINISHED
         for p in LETTERS]

# Letters of the script each language is written in.
SCRIPTS = {"en": r"[A-Za-z]", "tr": r"[A-Za-zÇĞİÖŞÜçğıöşü]", "pl": r"[A-Za-ząćęłńóśźżĄĆĘŁŃÓŚŹŻ]",
           "ar": r"[\u0600-\u06FF]", "uk": r"[\u0400-\u04FF]"}
# Dutch words that are no words of the language: one of them outside a kept term is Dutch left.
DUTCH_WORDS = {"je", "jij", "het", "een", "niet", "van", "dat", "dit", "wat", "moet", "kun",
               "ook", "naar", "brief", "betaal", "betalen", "deze", "wordt", "krijg", "krijgt",
               "geld", "dan", "als", "wel", "heb", "hebt", "kijk", "vraag", "bel", "daarna"}
NOT_DUTCH_HERE = {"tr": {"dan", "de"}, "pl": {"je"}}


def test_english_is_finished():
    assert "en" in FINISHED, load_catalog("en").missing[:10]


@functools.cache
def answer(path: Path, lang: str):
    return explain([path.read_bytes()], Options(today=EVAL_TODAY, lang=lang))


def texts(e) -> list[str]:
    return [t for t in (e.summary, *e.what_to_do, e.deadline_text, e.amount_text,
                        e.if_you_do_nothing, e.objection, *(h.why for h in e.help)) if t]


@pytest.mark.parametrize(("lang", "path"), CASES)
def test_same_facts_every_section_every_value(lang, path):
    nl, other = answer(path, "nl"), answer(path, lang)
    a, b = nl.to_json(), other.to_json()
    for key in ("kind", "kind_label", "letter_date", "stage", "deadline", "objection_deadline",
                "appointment", "amount_due", "amounts", "iban", "payment_reference"):
        assert a[key] == b[key], key
    ea, eb = a["explanation"], b["explanation"]
    assert (eb["lang"], b["lang"], eb["untranslated"]) == (lang, lang, 0)
    for key in ("summary", "deadline_text", "amount_text", "if_you_do_nothing", "objection"):
        assert (ea[key] is None) == (eb[key] is None), key
    assert len(ea["what_to_do"]) == len(eb["what_to_do"])
    assert [h["url"] for h in ea["help"]] == [h["url"] for h in eb["help"]]
    assert len(a["warnings"]) == len(b["warnings"])
    for text in texts(other.explanation) + list(other.warnings):
        assert not re.search(r"[{}]", text), text
    # The deadline and the amount stand in the answer, written the language's way.
    e_nl, e = nl.explanation, other.explanation
    if nl.deadline is not None and dutch_date(nl.deadline.date) in (e_nl.deadline_text or ""):
        assert formats.long_date(nl.deadline.date, lang) in e.deadline_text
    due = nl.fields.amount_due
    if due is not None and dutch_money(due) in (e_nl.amount_text or ""):
        assert formats.money(due, lang) in e.amount_text


@pytest.mark.parametrize(("lang", "path"), CASES)
def test_own_script_and_no_dutch_left(lang, path):
    result = answer(path, lang)
    catalog = load_catalog(lang)
    text = " ".join(texts(result.explanation) + list(result.warnings))
    f = result.fields
    for value in (f.sender, f.iban, *(r.value for r in f.references),
                  f.appointment.place if f.appointment else None, *catalog.terms):
        if value:
            text = text.replace(value, " ")
    text = re.sub(r"'[^']*'", " ", text)  # words to look for on the letter, quoted on purpose
    letters = re.findall(r"[^\W\d_]", text)
    own = re.findall(SCRIPTS[lang], text)
    assert len(own) >= 0.8 * len(letters), f"{len(own)} of {len(letters)} letters in {lang}'s script"
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    left = words & (DUTCH_WORDS - NOT_DUTCH_HERE.get(lang, set()))
    assert not left, f"Dutch left: {sorted(left)}"


@pytest.mark.parametrize("lang", FINISHED)
def test_every_kept_term_stays_in_dutch(lang):
    """The glossary's Dutch terms stand in the answers wherever the Dutch answer has them."""
    terms = load_catalog(lang).terms
    assert {"bezwaar", "betalingsregeling", "kwijtschelding", "aanmaning", "CJIB-nummer"} <= set(terms)
    seen = 0
    for path in LETTERS[::3]:
        dutch = " ".join(texts(answer(path, "nl").explanation))
        shown = " ".join(texts(answer(path, lang).explanation))
        for term in terms:
            if re.search(r"(?<!\w)" + re.escape(term), dutch, re.IGNORECASE):
                assert term.lower() in shown.lower(), (path.name, term)
                seen += 1
    assert seen > 10
