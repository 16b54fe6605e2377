"""The resident's language (#20): which answer languages exist and the check at the edge.

The answer is always built in Dutch first, so every rule of thumb runs once and the legal facts
(kind, dates, amounts) are the Dutch answer's. `translate.py` then puts each of its sentences in
the chosen language, from the translation files in rules/lang/<code>/ (`files.py` reads them,
`sentences.py` finds the Dutch sentence a translation belongs to, `formats.py` writes dates and
amounts the language's way with Babel).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..errors import UnknownLanguageError

DUTCH = "nl"
# Each language's name in its own script, for a language picker (no flags: a flag is a country).
LANGUAGES: Mapping[str, str] = MappingProxyType({
    "nl": "Nederlands", "tr": "Türkçe", "ar": "العربية", "en": "English", "pl": "Polski",
    "uk": "Українська",
})


def check_lang(code: str | None) -> str:
    """The language code as given, or UnknownLanguageError (a Dutch message) for one we lack."""
    lang = (code or DUTCH).strip().lower()
    if lang not in LANGUAGES:
        raise UnknownLanguageError(code or "", tuple(LANGUAGES))
    return lang
