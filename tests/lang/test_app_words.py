"""The app's own words in each language (rules/lang/<code>/app.yaml, snapdebrief/ui/words.py):
complete, in the right script, checked like the answer's translations, Dutch where missing (#20)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.lang import LANGUAGES
from snapdebrief.ui.words import LRI, PDI, RLM, Words, answer_lang, words_for

OTHERS = [code for code in LANGUAGES if code != "nl"]
SCRIPT = {"ar": re.compile("[\u0600-\u06ff]"), "uk": re.compile("[\u0400-\u04ff]"),
          "tr": re.compile("[a-zçğıöşü]", re.IGNORECASE), "en": re.compile("[a-z]", re.IGNORECASE),
          "pl": re.compile("[a-ząćęłńóśźż]", re.IGNORECASE)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Names that stay as they are in every language (bodies, the app, file types).
AS_IS = {"step.duo.cjib", "speak.stop", "save.pdf"}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_has_all_the_app_words_in_its_script(lang: str) -> None:
    dutch, w = words_for("nl"), words_for(lang)
    assert w.missing == frozenset()
    for wid, nl_text in dutch.texts.items():
        shown = w.texts[wid]
        assert sorted(PLACEHOLDER.findall(shown)) == sorted(PLACEHOLDER.findall(nl_text)), wid
        if wid in AS_IS:
            continue
        assert shown != nl_text, f"{lang} {wid} is the Dutch"
        assert SCRIPT[lang].search(PLACEHOLDER.sub("", shown)), f"{lang} {wid}: {shown}"


def test_the_official_terms_stay_beside_the_translation() -> None:
    for lang in OTHERS:
        w = words_for(lang)
        assert "(bezwaar)" in w("deadline.object", date="x")
        assert "aanmaning" in w("step.cjib.aanmaning-1")
        assert "dwangbevel" in w("step.public.dwangbevel")


def team(tmp_path: Path, body: str, lang: str = "en") -> Path:
    folder = tmp_path / "team" / "lang" / lang
    folder.mkdir(parents=True)
    (folder / "app.yaml").write_text("app:\n" + body, encoding="utf-8")
    return tmp_path / "team"


def test_a_translation_without_the_dutch_placeholder_is_refused_on_its_line(
        tmp_path: Path) -> None:
    dirs = [team(tmp_path, '  from: "From"\n  deadline.pay: "Pay soon"\n')]
    with pytest.raises(RuleFileError) as raised:
        words_for("en", dirs)
    assert raised.value.line == 3 and "lacks {date}" in raised.value.problem


def test_an_unknown_id_and_a_dropped_term_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="not in"):
        words_for("en", [team(tmp_path / "a", '  pay.hurry: "Hurry"\n')])
    with pytest.raises(RuleFileError, match="drops the Dutch term 'bezwaar'"):
        words_for("en", [team(tmp_path / "b", '  ics.object: "Object"\n')])


def test_a_missing_word_stays_dutch_and_is_listed(tmp_path: Path) -> None:
    folder = tmp_path / "team" / "lang" / "xx"
    folder.mkdir(parents=True)
    (folder / "app.yaml").write_text('app:\n  save.heading: "Keep it"\n', encoding="utf-8")
    w = words_for("xx", [tmp_path / "team"])
    assert w("save.heading") == "Keep it"
    assert w("save.calendar") == "Zet in je agenda"
    assert "save.calendar" in w.missing and "save.heading" not in w.missing


def test_dates_amounts_and_days_in_the_language() -> None:
    thursday = date(2026, 4, 9)
    assert words_for("nl").date(thursday) == "donderdag 9 april 2026"
    assert words_for("nl").money(165) == "€ 165,00"
    assert words_for("en").date(thursday) == "Thursday, 9 April 2026"
    assert words_for("en").money(165) == "€165.00"
    assert words_for("ar").date(thursday).startswith("الخميس")
    today = date(2026, 3, 20)
    assert words_for("nl").days_left(date(2026, 4, 9), today) == "Nog 20 dagen"
    assert words_for("en").days_left(date(2026, 4, 9), today) == "20 days left"
    assert words_for("en").days_left(date(2026, 3, 18), today) == "2 days late"
    assert words_for("en").deadline_heading("attend", thursday, "10:30") == \
        "Your appointment is on Thursday, 9 April 2026 at 10:30"


def test_numbers_in_groups_keep_their_order_in_arabic_only() -> None:
    ar, en = words_for("ar"), words_for("en")
    text = "المرجع: 1062 5421 5704 7959. اتصل 020 123 4567 اليوم، 0800-8115."
    shown = ar.numbers(text)
    assert f"{RLM}{LRI}1062 5421 5704 7959{PDI}" in shown and f"{LRI}020 123 4567{PDI}" in shown
    assert "0800-8115" in shown and f"{LRI}0800" not in shown  # one number: nothing to keep
    assert en.numbers(text) == text
    assert ar.rtl and not en.rtl and not words_for("nl").rtl


def test_the_language_is_read_from_the_answer() -> None:
    assert answer_lang({"explanation": {"lang": "ar"}, "lang": "ar"}) == "ar"
    assert answer_lang({"explanation": {}}) == "nl"
    assert answer_lang({"explanation": {"lang": "xx"}}) == "nl"
    assert isinstance(words_for(answer_lang({"lang": "tr", "explanation": {}})), Words)


def test_the_dutch_ladder_words_are_the_ladders_own() -> None:
    """rules/lang/nl/app.yaml repeats ui/chain.py's Dutch: the two may not drift apart."""
    from snapdebrief.ui.chain import ROUTES

    nl = words_for("nl")
    for route, (title, steps) in ROUTES.items():
        assert nl.ladder_title(route, "?") == title
        for step in steps:
            assert nl.step(route, step.key, "?", "?") == (step.label, step.means), (route, step)
    en = words_for("en")
    assert en.step("toeslag", "dwangbevel", "?", "?")[0] == "Enforcement order (dwangbevel)"


def test_a_letter_that_cannot_be_read_is_said_in_the_chosen_language() -> None:
    from snapdebrief.errors import SnapError
    from snapdebrief.pipeline import explain
    from snapdebrief.ui.words import problem_text

    with pytest.raises(SnapError) as raised:
        explain([b"\x89PNG\r\n\x1a\n" + b"\x00" * 64])
    dutch = raised.value.user_message()
    assert problem_text(dutch, "nl") == dutch
    shown = problem_text(dutch, "ar")
    assert shown != dutch and SCRIPT["ar"].search(shown)
    bug = ("Er ging iets mis in het programma. Dit is niet jouw fout. "
           "Probeer het opnieuw of vraag hulp aan een vrijwilliger.")  # app.py's BUG
    assert "Dit is niet jouw fout" not in problem_text(bug, "en")
