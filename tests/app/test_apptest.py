"""The app's screens, driven with a Result through st.session_state (AppTest cannot upload)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from snapdebrief.ui.session import Letter

from .conftest import BSN, make_result

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def app_with(*results, current: int = 0) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    letters = {f"brief-{i}": Letter(id=f"brief-{i}", files=(), names=(), original=r)
               for i, r in enumerate(results)}
    at.session_state["letters"] = letters
    at.session_state["current"] = f"brief-{current}" if results else None
    at.session_state["gen"] = len(results)
    return at.run()


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.code]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def test_start_screen_has_uploader_and_no_answer() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value.endswith("Snap de brief")
    assert not at.header  # no answer yet
    assert [t.label for t in at.main.toggle] == ["Foto maken in deze pagina"]
    assert [t.label for t in at.sidebar.toggle] == ["Balie-modus"]


def test_resident_answer_top_to_bottom() -> None:
    at = app_with(make_result(date.today(), deadline_in=20))
    assert not at.exception
    assert at.header[0].value == "Aanmaning van het CJIB"
    assert [c.value for c in at.code] == ["NL86 INGB 0002 4455 88", "1062 5421 5704 7959"]
    assert at.info and "Nog 20 dagen" in at.info[0].value  # not urgent: no red card
    assert not at.error
    assert any("small" in w.value or "klein" in w.value for w in at.warning)
    heads = [s.value for s in at.subheader]
    order = ["Betalen", "Wat moet je doen?", "Waar staat je brief?",
             "Wat gebeurt er als je niets doet?", "Gratis hulp", "Bewaren"]
    heads = [h.split(": ", 1)[-1] for h in heads]
    assert [h for h in heads if h in order] == order
    text = all_text(at)
    assert "1e aanmaning — je bent hier" in text
    assert "[0800\\-8115](tel:08008115)" in text
    assert "€ 165,00" in text


@pytest.mark.parametrize(
    ("days", "words"),
    [
        pytest.param(3, "Nog 3 dagen", id="three-days"),
        pytest.param(0, "Vandaag is de laatste dag", id="today"),
        pytest.param(-2, "2 dagen te laat", id="passed"),
    ],
)
def test_deadline_card_is_red_when_close_or_passed(days: int, words: str) -> None:
    at = app_with(make_result(date.today(), deadline_in=days))
    assert not at.exception
    assert at.error and words in at.error[0].value
    assert ":material/alarm: Betaal vóór" in at.error[0].value


def test_no_bsn_anywhere_on_screen() -> None:
    at = app_with(make_result(date.today()))
    at.sidebar.toggle[0].set_value(True).run()  # desk mode shows the text read
    assert not at.exception
    assert BSN not in all_text(at).replace("\\", "")


def test_letter_text_is_escaped_not_rendered() -> None:
    r = make_result(date.today(), sender="[Klik](https://evil.example) <b>x</b>")
    at = app_with(r)
    assert not at.exception
    van = next(m.value for m in at.markdown if m.value.startswith("**Van:**"))
    assert "](https" not in van and "\\[Klik\\]" in van and "\\<b\\>" in van


def test_desk_mode_shows_rules_and_low_confidence_words() -> None:
    at = app_with(make_result(date.today()))
    at.sidebar.toggle[0].set_value(True).run()
    assert not at.exception
    assert any("Balie: controleer" in s.value for s in at.subheader)
    text = all_text(at)
    assert ":orange-background[vóór]" in text
    assert "`cjib-aanmaning`" in text
    frame = at.dataframe[0].value
    assert list(frame["regel"]) == ["title-eerste-aanmaning"]
    assert "**Uitleg:** de gewone teksten van deze soort" in text


def test_desk_mode_shows_the_texts_variant_and_reading_ease(real_letter: Letter) -> None:
    at = desk_app(real_letter)
    assert not at.exception
    text = all_text(at)
    ease = real_letter.original.reading_ease
    assert ease is not None and ease.letter is not None
    assert f"de brief {ease.letter:.0f}, onze uitleg {ease.answer:.0f}" in text


def test_desk_mode_lists_letters_by_deadline_and_switches() -> None:
    today = date.today()
    later = make_result(today, deadline_in=30)
    sooner = make_result(today, deadline_in=5)
    at = app_with(later, sooner, current=0)
    at.sidebar.toggle[0].set_value(True).run()
    picks = [b for b in at.sidebar.button if b.key and b.key.startswith("pick-")]
    assert [b.key for b in picks] == ["pick-brief-1", "pick-brief-0"]  # earliest first
    assert picks[1].label.startswith(":material/arrow_forward: ")
    picks[0].click().run()
    assert at.session_state["current"] == "brief-1"
    assert any("Nog 5 dagen" in w.value for w in at.warning)


def test_wis_alles_forgets_everything() -> None:
    at = app_with(make_result(date.today()))
    wipe = next(b for b in at.sidebar.button if "Wis alles" in b.label)
    wipe.click().run()
    assert not at.exception
    assert at.session_state["letters"] == {}
    assert not at.header


def test_new_letter_keeps_the_list() -> None:
    at = app_with(make_result(date.today()))
    next(b for b in at.button if "Nog een brief" in b.label).click().run()
    assert at.session_state["current"] is None
    assert list(at.session_state["letters"]) == ["brief-0"]
    assert at.session_state["gen"] == 2


def test_a_bug_shows_a_dutch_message_not_a_traceback() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["letters"] = {"x": "geen brief"}  # breaks rendering on purpose
    at.session_state["current"] = "x"
    at.run()
    assert not at.exception
    assert at.error and at.error[-1].value.startswith("Er ging iets mis")


@pytest.fixture(scope="module")
def real_letter() -> Letter:
    """A real answer from the pipeline for a CJIB aanmaning given as text (no OCR needed)."""
    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    from .test_browser import cjib_letter

    data = cjib_letter(date.today()).encode()
    result = explain([data], Options(today=date.today()))
    assert result.classification.kind == "cjib-aanmaning"
    return Letter(id="brief-0", files=(data,), names=("brief.txt",), original=result)


def desk_app(letter: Letter) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["letters"] = {letter.id: letter}
    at.session_state["current"] = letter.id
    at.session_state["gen"] = 1
    at.session_state["desk"] = True
    return at.run()


def test_correcting_the_amount_updates_the_answer(real_letter: Letter) -> None:
    import copy

    at = desk_app(copy.copy(real_letter))
    assert not at.exception
    assert "€ 165,00" in all_text(at)
    at.number_input(key="fix-amount-brief-0").set_value(99.5).run()
    assert not at.exception
    text = all_text(at)
    assert "## € 99,50" in text and "## € 165,00" not in text
    assert "Verbeterd" in "\n".join(s.value for s in at.success)


def test_the_test_case_button_comes_only_after_a_correction(real_letter: Letter) -> None:
    """#18: the desk offers the corrected letter as a test case; the zip is made only when the
    button is pressed (a callable), so showing the button makes nothing."""
    import copy

    at = desk_app(copy.copy(real_letter))
    assert "Maak een testgeval" not in [b.proto.label for b in at.get("download_button")]
    at.number_input(key="fix-amount-brief-0").set_value(99.5).run()
    assert not at.exception
    button = next(b for b in at.get("download_button") if b.proto.label == "Maak een testgeval")
    assert button.proto.help and "geen foto" in button.proto.help


def test_correcting_the_deadline_updates_the_card(real_letter: Letter) -> None:
    import copy
    from datetime import timedelta

    from snapdebrief.ui.text import long_date

    at = desk_app(copy.copy(real_letter))
    soon = date.today() + timedelta(days=2)
    at.date_input(key="fix-deadline-brief-0").set_value(soon).run()
    assert not at.exception
    assert at.error and long_date(soon) in at.error[0].value  # red: two days left
    assert "Nog 2 dagen" in at.error[0].value


def test_correcting_the_kind_updates_label_and_ladder(real_letter: Letter) -> None:
    import copy

    from snapdebrief.rules import load_rules

    at = desk_app(copy.copy(real_letter))
    at.selectbox(key="fix-kind-brief-0").set_value("incasso-aanmaning").run()
    assert not at.exception
    assert at.header[0].value == text_label("incasso-aanmaning", load_rules())
    assert "Zo gaat het verder bij een schuld" in all_text(at)
    next(b for b in at.button if b.key == "fix-reset-brief-0").click().run()
    assert not at.exception
    assert at.header[0].value == "Aanmaning van het CJIB"


def text_label(kind: str, rules) -> str:
    from snapdebrief.ui.text import escape_markdown

    return escape_markdown(rules.kinds[kind].label)


APPOINTMENT = """Gemeente Amsterdam
Werk, Participatie en Inkomen
Datum: {today}

Betreft: Uitnodiging voor een gesprek

Beste mevrouw Jansen,

Wij nodigen u uit voor een gesprek over uw uitkering.
Het gesprek is op {when} om 10:30 uur.
Adres: Stadsloket Zuidoost, Bijlmerplein 1, Amsterdam.
Neem uw identiteitsbewijs mee.
"""


def test_appointment_shows_day_time_and_place_without_a_ladder() -> None:
    from datetime import timedelta

    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain
    from snapdebrief.ui.text import long_date

    from .test_browser import dutch

    today = date.today()
    when = today + timedelta(days=9)
    data = APPOINTMENT.format(today=dutch(today), when=dutch(when)).encode()
    result = explain([data], Options(today=today))
    assert result.classification.kind == "afspraak-uitnodiging"
    at = app_with(result)
    assert not at.exception
    card = at.warning[0].value.replace("\u2060", "")  # nine days: the orange card
    assert f"Je afspraak is op {long_date(when)} om 10\\:30 uur" in card
    assert "Nog 9 dagen" in card
    assert any("Stadsloket Zuidoost" in m.value for m in at.markdown)
    assert not any("Waar staat je brief?" in s.value for s in at.subheader)
    assert not any("Betalen" in s.value for s in at.subheader)


def test_another_help_region_changes_the_help(real_letter: Letter) -> None:
    import copy

    at = desk_app(copy.copy(real_letter))
    before = all_text(at)
    assert "Buurtteam Amsterdam" in before
    at.sidebar.selectbox(key="region").set_value("rotterdam").run()
    assert not at.exception
    after = all_text(at)
    assert "Buurtteam Amsterdam" not in after
    assert "€ 165,00" in after  # the same answer otherwise


def test_desk_mode_flags_what_was_not_found() -> None:
    import dataclasses

    result = make_result(date.today())
    result = dataclasses.replace(result, explanation=dataclasses.replace(
        result.explanation, not_found=("amount", "date")))
    at = app_with(result)
    at.sidebar.toggle[0].set_value(True).run()
    assert not at.exception
    flags = [w.value for w in at.warning if "Niet gevonden" in w.value]
    assert len(flags) == 1
    assert "**Bedrag:**" in flags[0] and "**Datum:**" in flags[0] and "vóór" in flags[0]


def test_no_flag_when_everything_was_found() -> None:
    at = app_with(make_result(date.today()))
    at.sidebar.toggle[0].set_value(True).run()
    assert not [w.value for w in at.warning if "Niet gevonden" in w.value]


# ---------------------------------------------------------------- the answer's language (#20)


def answer_block(at: AppTest):
    """The block the answer stands in: its key says whether it runs right to left."""
    blocks = [b for b in at.main.children.values()
              if type(b).__name__ == "Block" and "-answer" in str(getattr(b.proto, "id", ""))]
    assert len(blocks) == 1
    return blocks[0]


def test_the_language_picker_lists_each_language_in_its_own_script() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    picker = at.radio(key="lang")
    assert picker.options == ["Nederlands", "Türkçe", "العربية", "English", "Polski",
                              "Українська"]
    assert picker.value == "nl"  # Dutch unless chosen
    assert "Taal" in picker.label


def test_arabic_answer_runs_right_to_left_with_its_own_words(real_letter: Letter) -> None:
    import copy

    from snapdebrief.ui.words import words_for

    letter = copy.copy(real_letter)
    at = desk_app(letter)
    at.sidebar.toggle[0].set_value(False).run()
    assert answer_block(at).proto.id.endswith("-answer")
    at.radio(key="lang").set_value("ar").run()
    assert not at.exception
    assert answer_block(at).proto.id.endswith("-answer-rtl")
    # The choice went to the library: the Result is Arabic, and the screen reads it from there.
    shown = at.session_state["letters"][letter.id].current
    assert shown.explanation.lang == "ar" and letter.lang == "ar"
    assert at.header[0].value == "إنذار بالدفع \\(aanmaning\\) من CJIB"
    ar = words_for("ar")
    heads = [s.value.split(": ", 1)[-1] for s in at.subheader]
    assert heads == [ar("pay.heading"), ar("heading.what-to-do"), ar("ladder.heading"),
                     ar("heading.if-you-do-nothing"), ar("heading.help"), ar("save.heading")]
    text = all_text(at)
    for dutch in ("Betalen", "Wat moet je doen?", "Waar staat je brief?", "je bent hier",
                  "Gratis hulp", "Bewaren", "Nog 16 dagen", "Van:**", "geen juridisch advies"):
        assert dutch not in text, dutch
    assert ar("disclaimer") in text and ar("pay.copy") in text
    assert "165.00" in text and "NL86 INGB 0002 4455 88" in text  # amount, IBAN as on the letter
    # The deadline card: the date Babel writes in Arabic, the days left in Arabic words.
    deadline = shown.deadline.date
    card = next(c.value for c in [*at.info, *at.warning, *at.error] if ":material/alarm:" in c.value)
    assert ar.date(deadline) in card
    assert ar.days_left(deadline, date.today()) in card
    # The download buttons and the read-aloud button follow too.
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [ar("save.calendar"), ar("save.pdf")]


def test_back_to_dutch_and_the_choice_outlives_wis_alles(real_letter: Letter) -> None:
    import copy

    at = desk_app(copy.copy(real_letter))
    at.sidebar.toggle[0].set_value(False).run()
    at.radio(key="lang").set_value("en").run()
    assert at.header[0].value == "Reminder \\(aanmaning\\) from the CJIB"
    assert any("This helps you read the letter" in c.value for c in at.caption)
    at.radio(key="lang").set_value("nl").run()
    assert not at.exception
    assert at.header[0].value == "Aanmaning van het CJIB"
    assert answer_block(at).proto.id.endswith("-answer")
    at.radio(key="lang").set_value("tr").run()
    next(b for b in at.sidebar.button if "Wis alles" in b.label).click().run()
    assert not at.exception
    assert at.session_state["letters"] == {}
    assert at.radio(key="lang").value == "tr"  # the resident's language stays chosen


def test_a_screen_word_without_translation_stays_dutch_and_the_answer_says_so(
        real_letter: Letter, monkeypatch: pytest.MonkeyPatch) -> None:
    import copy
    import dataclasses

    from snapdebrief.ui import words as words_module

    real = words_module.words_for

    def lacking(lang: str, dirs=()):  # English without its word for "Bewaren"
        w = real(lang, dirs)
        if lang != "en":
            return w
        texts = dict(w.texts)
        texts["save.heading"] = real("nl")("save.heading")
        return dataclasses.replace(w, texts=texts, missing=frozenset({"save.heading"}))

    monkeypatch.setattr(words_module, "words_for", lacking)
    at = desk_app(copy.copy(real_letter))
    at.sidebar.toggle[0].set_value(False).run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    note = real("en")("note.untranslated")
    assert note != real("nl")("note.untranslated")
    from snapdebrief.ui.text import escape_markdown

    assert [w.value for w in at.warning if w.value == escape_markdown(note)] != []
    assert any(s.value.endswith(": Bewaren") for s in at.subheader)
