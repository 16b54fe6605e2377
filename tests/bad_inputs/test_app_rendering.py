"""HTML and Markdown in a letter stay plain text on the app's screen (app.py, driven by AppTest).

The letter is uploaded to the real app with the volunteer desk open, so its text is on screen in
"Gelezen tekst". No element may render it: Markdown gets it escaped, HTML is only our static CSS.
"""

from __future__ import annotations

import re

from ..privacy.screen import upload
from . import makers as m

# What the injected text would become if it were rendered instead of shown.
LIVE = [
    re.compile(r"(?<!\\)<(?:script|img)\b"),  # raw HTML tags
    re.compile(r"(?<!\\)\[klik hier(?<!\\)\]\((?!\\)"),  # a Markdown link
    re.compile(r"https://phish\.example"),  # an autolink (the app breaks it with a word joiner)
    re.compile(r"(?<!\\)\*\*vet(?<!\\)\*\*"),  # bold
]


def _markdown_bodies(at) -> list[tuple[str, bool]]:
    out = [(md.value, bool(md.proto.allow_html)) for md in at.markdown]
    out += [(c.value, False) for c in at.caption]
    for group in (at.title, at.header, at.subheader, at.error, at.warning, at.info, at.success):
        out += [(el.value, False) for el in group]
    out += [(b.label, False) for b in at.button]
    return out


def test_html_and_markdown_in_a_letter_are_shown_as_text() -> None:
    at = upload("brief.txt", m.with_html_markdown(), desk=True)
    assert not at.exception
    bodies = _markdown_bodies(at)
    shown = "\n".join(b for b, _ in bodies)
    assert "klik hier" in shown and "vet" in shown  # the letter's words are on screen …
    for body, allow_html in bodies:
        if allow_html:
            assert "klik hier" not in body and "alert" not in body  # only our own CSS
        for pattern in LIVE:
            assert not pattern.search(body), (pattern.pattern, body[:200])  # … never as markup
