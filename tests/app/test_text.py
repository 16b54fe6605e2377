"""Display helpers: Dutch dates and amounts, urgency, escaped Markdown, links from data, speech."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest
from markdown_it import MarkdownIt

from snapdebrief.ui import text

TODAY = date(2026, 3, 20)
MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def rendered(md: str) -> str:
    return MD.render(md)


def visible(md: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, line breaks as newlines."""
    out = re.sub(r"<br\s*/?>\n?", "\n", rendered(md))
    out = re.sub(r"</p>\s*<p>", "\n\n", out)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).replace(text.WJ, "").strip()


def after_escapes(md: str) -> str:
    """The text nodes Streamlit's later plugins (GFM autolinks, emoji) work on."""
    return re.sub(r"\\(.)", r"\1", md)


# mdast-util-gfm-autolink-literal and remark-emoji run on text after escapes are resolved
LATE_TRIGGERS = re.compile(
    r"(?i)https?://|www\.|[-.+\w]+@[-\w]+\.|:[a-z0-9_+/-]+:", )


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        pytest.param(date(2026, 4, 9), "donderdag 9 april 2026", id="thursday"),
        pytest.param(date(2026, 3, 1), "zondag 1 maart 2026", id="sunday"),
        pytest.param(date(2025, 12, 29), "maandag 29 december 2025", id="monday"),
    ],
)
def test_long_date(d: date, expected: str) -> None:
    assert text.long_date(d) == expected


@pytest.mark.parametrize(
    ("d", "words", "level"),
    [
        pytest.param(date(2026, 4, 9), "Nog 20 dagen", "later", id="far"),
        pytest.param(date(2026, 4, 3), "Nog 14 dagen", "soon", id="two-weeks"),
        pytest.param(date(2026, 3, 24), "Nog 4 dagen", "soon", id="four-days-not-red"),
        pytest.param(date(2026, 3, 23), "Nog 3 dagen", "urgent", id="three-days-red"),
        pytest.param(date(2026, 3, 21), "Morgen is de laatste dag", "urgent", id="tomorrow"),
        pytest.param(date(2026, 3, 20), "Vandaag is de laatste dag", "urgent", id="today"),
        pytest.param(date(2026, 3, 19), "1 dag te laat", "passed", id="one-late"),
        pytest.param(date(2026, 3, 10), "10 dagen te laat", "passed", id="ten-late"),
    ],
)
def test_days_left_and_urgency(d: date, words: str, level: str) -> None:
    assert text.days_left_text(d, TODAY) == words
    assert text.urgency(d, TODAY) == level


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(165.0, "€ 165,00", id="plain"),
        pytest.param(1234.5, "€ 1.234,50", id="thousands"),
        pytest.param(1234567.891, "€ 1.234.567,89", id="millions"),
        pytest.param(0.05, "€ 0,05", id="cents"),
        pytest.param(-12.5, "-€ 12,50", id="negative"),
        pytest.param(40.005, "€ 40,01", id="half-cent"),
    ],
)
def test_euro(value: float, expected: str) -> None:
    assert text.euro(value) == expected


def test_group4() -> None:
    assert text.group4("NL86INGB0002445588") == "NL86 INGB 0002 4455 88"
    assert text.group4("NL86 INGB 0002 4455 88") == "NL86 INGB 0002 4455 88"


HOSTILE = [
    pytest.param("[klik hier](https://evil.example)", id="link"),
    pytest.param("![x](https://evil.example/pixel.png)", id="image"),
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param("<img src=x onerror=alert(1)>", id="html-img"),
    pytest.param("**vet** _schuin_ ~~door~~ `code`", id="emphasis"),
    pytest.param("# Kop\n- lijst\n1. genummerd\n> citaat", id="blocks"),
    pytest.param("    vier spaties: code", id="indented-code"),
    pytest.param("Regel\n===", id="setext-heading"),
    pytest.param("a | b\n--|--\n1 | 2", id="table"),
    pytest.param("&amp; &lt;b&gt; &#x3C;", id="entities"),
    pytest.param("Bedrag $5 en $6$ :red[rood] :material/home:", id="streamlit-extensions"),
    pytest.param("https://auto.link.example <https://x.example>", id="autolink"),
    pytest.param("Kenmerk 1234.56.789.H.46 \\ einde", id="dots-backslash"),
    pytest.param("Zie www.cjib.nl of http://x.nl, mail info@incasso.nl", id="gfm-autolinks"),
    pytest.param("Blij :smile: :material/home: om 10:30 uur", id="emoji-shortcodes"),
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_escape_markdown_shows_text_literally(raw: str) -> None:
    md = text.escape_markdown(raw)
    out = rendered(md)
    for tag in ("<a", "<img", "<script", "<em", "<strong", "<code", "<h1", "<h2", "<li",
                "<blockquote", "<pre", "<table", "<s>", "<del"):
        assert tag not in out, (tag, out)
    expected = "\n".join(line.strip() for line in raw.split("\n"))
    assert visible(md) == expected
    # Streamlit's own extensions: every ':' and '$' escaped, no late link or emoji trigger
    assert not re.search(r"(?<!\\)[:$]", md)
    assert not LATE_TRIGGERS.search(after_escapes(md))


@pytest.mark.parametrize("raw", HOSTILE)
def test_marked_text_escapes_outside_and_inside_marks(raw: str) -> None:
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", raw)][::2]
    md = text.marked_text(raw, spans)
    # only our own directives are unescaped
    plain = re.sub(r":orange-background\[", "", md)
    assert not re.search(r"(?<!\\)[:$]", plain)
    out = rendered(md)
    for tag in ("<a", "<img", "<script", "<em", "<strong", "<pre", "<h1"):
        assert tag not in out
    assert not LATE_TRIGGERS.search(after_escapes(plain))


def test_marked_text_marks_the_spans() -> None:
    md = text.marked_text("Betaal vóór 9 april", [(7, 11)])
    assert md == "Betaal :orange-background[vóór] 9 april"


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        pytest.param("0800-8115", "tel:08008115", id="free-number"),
        pytest.param("050-599 77 55", "tel:0505997755", id="spaces"),
        pytest.param("+31 20 123 4567", "tel:+31201234567", id="international"),
        pytest.param("(020) 123 45 67", "tel:0201234567", id="brackets"),
        pytest.param("bel ons", None, id="words"),
        pytest.param("0800)](javascript:alert(1)", None, id="injection"),
    ],
)
def test_tel_href(phone: str, href: str | None) -> None:
    assert text.tel_href(phone) == href


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        pytest.param("https://www.geldfit.nl", "https://www.geldfit.nl", id="https"),
        pytest.param("www.juridischloket.nl", "https://www.juridischloket.nl", id="bare-host"),
        pytest.param("javascript:alert(1)", None, id="javascript"),
        pytest.param("https://x.nl) [y](https://evil", None, id="markdown-breakout"),
        pytest.param("data:text/html,<b>", None, id="data-url"),
        pytest.param(None, None, id="none"),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert text.safe_url(url) == safe


def test_help_markdown_links() -> None:
    md = text.help_markdown({"name": "Geldfit", "phone": "0800-8115",
                             "url": "https://www.geldfit.nl", "why": "x"})
    out = rendered(md)
    assert 'href="tel:08008115"' in out
    assert 'href="https://www.geldfit.nl"' in out
    assert "<strong>Geldfit</strong>" in out


def test_help_markdown_with_hostile_data_has_no_foreign_link() -> None:
    md = text.help_markdown({"name": "[x](https://evil.example)", "phone": "bel ons",
                             "url": "javascript:alert(1)", "why": ""})
    assert "href" not in rendered(md)


def test_js_string_cannot_close_the_script() -> None:
    raw = 'Tekst </script><script>alert("x")</script> & \u2028 einde'
    lit = text.js_string(raw)
    assert "<" not in lit and ">" not in lit and "&" not in lit
    assert json.loads(lit) == raw


def test_speak_button_carries_text_only_as_json() -> None:
    page = text.speak_button_html("Hallo </script><b>vet</b>")
    assert page.count("</script>") == 1
    assert "<b>vet</b>" not in page
    assert 'const VOICE = "nl-NL"' in page and 'lang="nl" dir="ltr"' in page


def test_speak_button_in_arabic_asks_for_an_arabic_voice_and_says_when_there_is_none() -> None:
    page = text.speak_button_html("مرحبا", "اقرأ بصوت عالٍ", "توقف", voice="ar", lang="ar",
                                  rtl=True, no_voice="لا يوجد صوت عربي")
    assert 'const VOICE = "ar"' in page and 'lang="ar" dir="rtl"' in page
    assert "اقرأ بصوت عالٍ" in page
    assert text.js_string("لا يوجد صوت عربي") in page  # the note, only as a JSON literal


def test_speech_text_reads_the_answer_in_order(result) -> None:
    spoken = text.speech_text(result.to_json())
    order = ["Aanmaning van het CJIB", "Je hebt een boete", "Betaal vóór", "Je moet € 165,00",
             "Stap 1.", "Stap 2.", "Wat gebeurt er als je niets doet?"]
    positions = [spoken.index(x) for x in order]
    assert positions == sorted(positions)
    assert "111222333" not in spoken
