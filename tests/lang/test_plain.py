"""Plain-language checks per language (#20, snapdebrief/lang/plain.py), like the Dutch B1 checks.

Every sample letter's answer and every text variant of every kind, in every finished language,
keeps its language's limits (rules/lang/<code>/plain.yaml); and each limit fails on a text that
breaks it, so the checks can fail.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from snapdebrief.errors import RuleFileError
from snapdebrief.explainers.help import HELP_DIR, load_help
from snapdebrief.lang import plain
from snapdebrief.lang.files import load_catalog
from snapdebrief.lang.translate import in_language, message
from snapdebrief.result import Fields

from ..explain.explain_cases import CASES, whole_text
from ..explain.explain_cases import run as run_case
from ..explain.test_variants import FORCED
from .test_answers import CASES as ANSWERS
from .test_answers import FINISHED, answer, texts


def test_every_finished_language_has_its_limits():
    assert set(FINISHED) == {"en", "tr", "ar", "pl", "uk"}
    for lang in FINISHED:
        rules = plain.load_plain(lang)
        assert rules.max_sentence_words <= 20 and len(rules.hard_words) >= 8, lang


@pytest.mark.parametrize(("lang", "path"), ANSWERS)
def test_every_sample_answer_is_plain(lang, path):
    result = answer(path, lang)
    text = "\n".join(texts(result.explanation))
    assert plain.problems(text, lang) == [], text


@pytest.mark.parametrize("lang", FINISHED)
@pytest.mark.parametrize(("kind", "vid", "kind_texts"), FORCED)
def test_every_variant_is_plain(lang, kind, vid, kind_texts):
    case = next((c for c in CASES if c.kind == kind), None)
    if case is None:
        pytest.skip(f"no hand-built case for {kind}")
    for fields in (case.fields, Fields(letter_date=case.fields.letter_date)):
        dutch = run_case(replace(case, fields=fields), texts=kind_texts)
        shown, _ = in_language(dutch, (), kind, kind, lang)
        assert shown.untranslated == 0, (vid, whole_text(shown))
        text = whole_text(shown)
        assert plain.problems(text, lang) == [], (vid, text)


REGIONS = sorted(p.stem for p in HELP_DIR.glob("*.yaml"))


@pytest.mark.parametrize("lang", FINISHED)
def test_every_help_entry_and_message_is_plain(lang):
    catalog = load_catalog(lang)
    for region in REGIONS:
        for hid, entry in load_help(region).items():
            why = message(entry.why, lang)
            assert why != entry.why, (region, hid)  # translated, not left in Dutch
            assert plain.problems(why, lang) == [], (region, hid, why)
    # A message is a piece of an answer (its hard words are explained where the answer first
    # has them, its averages are the answer's): here only its sentences are checked.
    for mid, text in catalog.messages.items():
        assert [p for p in plain.problems(text, lang) if p.startswith("sentence of")] == [], (mid, text)


# A text per language that breaks each limit: the checks can fail.
HARD = {
    "en": ("Pursuant to the provisions of the applicable statutory regulations concerning the "
           "administrative enforcement of outstanding obligations, the collector is authorised "
           "to commence proceedings. Notwithstanding the foregoing, any remuneration "
           "attributable to unauthorised representation shall be considered irrecoverable."),
    "tr": ("Yürürlükteki mevzuatın ilgili hükümleri çerçevesinde, ödenmemiş yükümlülüklerinizin "
           "idari yollarla tahsili amacıyla başlatılacak işlemlerin sonuçlarından sorumlu "
           "tutulacağınızı bildiririz. Belirtilen süre içerisinde yükümlülüklerinizi yerine "
           "getirmediğiniz takdirde, kanuni faizlerle birlikte masrafların tamamı "
           "tarafınızdan karşılanacaktır."),
    "ar": ("استنادًا إلى الأحكام المنصوص عليها في التشريعات المعمول بها والمتعلقة بالتحصيل "
           "الإداري للالتزامات المالية المستحقة وغير المسددة، يحق للجهة المختصة اتخاذ "
           "الإجراءات القانونية اللازمة بحقكم دون إشعار مسبق. وفي حال عدم الاستجابة "
           "للمطالبات المتكررة، تُستكمل الإجراءات التنفيذية المترتبة على الامتناع عن السداد."),
    "pl": ("Zgodnie z obowiązującymi przepisami dotyczącymi administracyjnego postępowania "
           "egzekucyjnego wierzyciel uprawniony jest do wszczęcia postępowania zmierzającego do "
           "przymusowego wyegzekwowania należności. Niezastosowanie się do powyższego "
           "zobowiązania skutkować będzie naliczeniem dodatkowych kosztów egzekucyjnych "
           "obciążających zobowiązanego."),
    "uk": ("Відповідно до чинного законодавства щодо адміністративного стягнення заборгованості "
           "уповноважений орган має право розпочати процедуру примусового виконання зобов'язань "
           "без додаткового повідомлення. Невиконання зазначених зобов'язань "
           "спричиняє нарахування додаткових витрат, пов'язаних із примусовим стягненням "
           "заборгованості."),
}
UNEXPLAINED = {"en": "Then comes a seizure.", "tr": "Sonra haciz gelir.", "ar": "بعد ذلك يأتي الحجز.",
               "pl": "Potem przychodzi zajęcie.", "uk": "Потім буде арешт майна."}
EXPLAINED = {"en": "Then comes a seizure (beslag: taking money or belongings).",
             "tr": "Sonra paranıza veya eşyalarınıza el koyabilirler (haciz).",
             "ar": "بعد ذلك يمكن أن يأخذوا مالًا أو أغراضًا (حجز).",
             "pl": "Potem mogą zabrać pieniądze lub rzeczy (zajęcie).",
             "uk": "Потім буде арешт майна (beslag: забрати гроші або речі)."}


@pytest.mark.parametrize("lang", FINISHED)
def test_a_hard_text_fails(lang):
    found = " | ".join(plain.problems(HARD[lang], lang))
    assert "average sentence" in found, found
    rules = plain.load_plain(lang)
    if rules.index:
        assert rules.index in found, found
    else:
        assert "syllables per word" in found, found


@pytest.mark.parametrize("lang", FINISHED)
def test_a_sentence_over_twenty_words_fails(lang):
    word = {"en": "pay", "tr": "öde", "ar": "ادفع", "pl": "płać", "uk": "плати"}[lang]
    found = plain.problems(" ".join([word] * 21) + ".", lang)
    assert any(p.startswith("sentence of 21 words > 20") for p in found), found
    assert not any(p.startswith("sentence of") for p in plain.problems(" ".join([word] * 20) + ".", lang))


@pytest.mark.parametrize("lang", FINISHED)
def test_a_hard_word_needs_its_meaning(lang):
    assert any("hard words" in p for p in plain.problems(UNEXPLAINED[lang], lang))
    assert plain.problems(EXPLAINED[lang], lang) == []


def test_a_word_inside_another_words_meaning_is_no_use():
    text = "Then you get an enforcement order: an order to pay, then seizure."
    assert plain.unexplained(text, plain.load_plain("en")) == []
    # Its first use of its own still needs the meaning.
    assert plain.unexplained(text + " Later a seizure.", plain.load_plain("en")) == ["seizure"]


def test_values_do_not_split_sentences():
    rules = plain.load_plain("en")
    s = plain.score("Pay €1,234.56 before Tuesday, 5 May 2026, e.g. at www.cjib.nl. Then it is done.",
                    rules)
    assert s["sentences"] == 2, s


def test_turkish_capital_i_and_arabic_marks_still_match():
    assert plain.unexplained("İdari itiraz yapın.", plain.load_plain("tr")) == ["idari itiraz"]
    assert plain.unexplained("هذه دفعةٌ مقدّمة (مال مقدّمًا).", plain.load_plain("ar")) == []


def test_a_broken_limits_file_is_refused_on_its_line(tmp_path):
    bad = tmp_path / "plain.yaml"
    bad.write_text("max_sentence_words: 20\nmax_avg_sentence_words: 12\n"
                   "hard_words:\n  - word: x\n    meaning: y\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="either an index or max_syllables_per_word"):
        plain._load("en", str(bad), 0)
