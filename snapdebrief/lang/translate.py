"""The Dutch answer in the resident's language: each sentence through its translation (#20).

`in_language` takes the finished Dutch Explanation and the letter's warnings and gives them in
`lang`. Kind, dates and amounts are the Dutch answer's own, so they cannot differ; a sentence
without a translation stays Dutch, is counted in `Explanation.untranslated`, and a note in the
language says so among the warnings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..result import Explanation, Help
from . import DUTCH

if TYPE_CHECKING:
    from .files import Catalog

# The translation files' readers (.files) and the sentence finder with its number formats
# (.sentences) are imported where a text is translated: a Dutch answer never needs them, and
# they cost ~0.04 s of a cold photo run's CPU (#16).

UNTRANSLATED_NOTE = "note.untranslated"


class _Translator:
    """Translates texts of one answer and counts the Dutch sentences it had to leave."""

    def __init__(self, catalog: Catalog, scope: str | None) -> None:
        self.catalog = catalog
        self.scope = scope
        self.left = 0

    def text(self, text: str | None) -> str | None:
        if not text:
            return text
        from .sentences import MAX_JOIN, sentences, written

        parts = sentences(text)
        out: list[str] = []
        i = 0
        while i < len(parts):
            for n in range(1, min(MAX_JOIN, len(parts) - i) + 1):
                found = self.catalog.matcher.find(" ".join(parts[i:i + n]), self.scope)
                if found is not None:
                    out.append(written(found[0], found[1], self.catalog.write))
                    i += n
                    break
            else:
                out.append(parts[i])
                self.left += 1
                i += 1
        return " ".join(out)


def in_language(explanation: Explanation, warnings: Sequence[str], kind: str, label: str,
                lang: str, dirs: Sequence[Path | str] = ()) -> tuple[Explanation, tuple[str, ...]]:
    """The answer and the warnings in `lang` (Dutch: as they are, marked nl)."""
    if lang == DUTCH:
        return dataclasses.replace(explanation, lang=DUTCH, label=label), tuple(warnings)
    from .files import load_catalog

    catalog = load_catalog(lang, dirs)
    t = _Translator(catalog, kind)
    e = explanation
    shown = dataclasses.replace(
        e,
        summary=t.text(e.summary) or e.summary,
        what_to_do=tuple(t.text(s) or s for s in e.what_to_do),
        deadline_text=t.text(e.deadline_text),
        amount_text=t.text(e.amount_text),
        if_you_do_nothing=t.text(e.if_you_do_nothing) or e.if_you_do_nothing,
        objection=t.text(e.objection),
        help=tuple(Help(name=catalog.names.get(h.name, h.name), phone=h.phone, url=h.url,
                        why=t.text(h.why) or h.why) for h in e.help),
        warnings=tuple(t.text(w) or w for w in e.warnings),
        lang=lang,
    )
    out = [t.text(w) or w for w in warnings]
    shown_label = catalog.labels.get(kind)
    if shown_label is None:
        t.left += 1
    if t.left:
        out.append(catalog.message(UNTRANSLATED_NOTE))
    return dataclasses.replace(shown, label=shown_label or label, untranslated=t.left), tuple(out)


def message(text: str, lang: str) -> str:
    """A Dutch message (an error on stderr) in `lang`, as far as there is a translation."""
    if lang == DUTCH or not text:
        return text
    from .files import load_catalog

    return _Translator(load_catalog(lang), None).text(text) or text


def heading(mid: str, lang: str) -> str:
    """A fixed text of the printed answer ("Wat is dit?") in `lang`, Dutch where it has none."""
    from .files import load_catalog

    return load_catalog(lang).message(mid)
