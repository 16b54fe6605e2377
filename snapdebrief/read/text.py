"""Clean a page's text without moving characters we can point at: only drop what no finder needs.

Three kinds of trick text are undone here, so finders, rules and screens see what a reader sees:
bidi controls and zero-width characters are dropped (they hide or reorder text), control
characters become spaces (a terminal would run ESC sequences), and a word that mixes Latin with
Cyrillic or Greek look-alikes ("аanmaning" with a Cyrillic а) gets the Latin letters it shows.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that hide or reorder text (bidi controls, zero-width) are dropped; NFC keeps "é" one char.
_DROP = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x00AD]
)

# Look-alikes that fonts draw like Latin letters (Unicode confusables, Cyrillic and Greek).
_CONFUSABLE = str.maketrans(
    "аеорсухіјѕԁһԛԝАВЕКМНОРСТХІЈЅԌУ"  # Cyrillic
    "οαρνικτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",  # Greek
    "aeopcyxijsdhqwABEKMHOPCTXIJSGY"
    "oapviktuxABEZHIKMNOPTYX",
)
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DROP)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "".join(_clean_char(ch) for ch in text)
    return _WORD.sub(_latin_lookalikes, text)


def _clean_char(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\t":
        return ch
    if code < 32 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0x85):
        return " "  # C0/C1 controls (ESC, CSI, BEL, backspace) and Unicode line separators
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)  # fullwidth ASCII ("ａａｎｍａｎｉｎｇ") is ordinary ASCII
    return ch


def _latin_lookalikes(m: re.Match[str]) -> str:
    """A word with Latin letters and Cyrillic/Greek look-alikes reads as the Latin word it shows.

    A word wholly in another script (a Russian or Greek name) is left as it is.
    """
    word = m.group(0)
    if not _LATIN.search(word) or word.isascii():
        return word
    return word.translate(_CONFUSABLE)


# ---------------------------------------------------------------- checks on the text as read

TOO_LONG = (
    "De brief is heel lang. We lazen alleen het begin ({chars} tekens). "
    "Kijk zelf naar de rest, of kies alleen de pagina's van één brief."
)
NOT_DUTCH = (
    "Deze brief lijkt niet in het Nederlands geschreven. Onze uitleg past misschien niet. "
    "Vraag hulp aan een vrijwilliger."
)
SEVERAL_LETTERS = (
    "Het lijkt alsof er meer dan één brief op de foto of in het bestand staat. "
    "Maak van elke brief een aparte foto, dan leggen we ze apart uit."
)

# Dutch words that carry no topic: every Dutch letter is full of them, an English, Turkish or
# German letter has almost none ("de", "in", "is", "die", "op" also occur in those languages).
_DUTCH_FUNCTION = frozenset(
    ["het", "een", "van", "en", "niet", "voor", "met", "dat", "naar", "bij", "wij", "zijn", "deze", "ook", "wordt", "worden", "heeft", "hebt", "moet", "aan", "als", "dan", "u", "uw", "je", "jij", "jouw", "uit", "om", "tot", "wat", "hoe", "waar", "geen", "nog", "mij", "ons", "onze", "hier", "kunt", "kan", "zal", "zou"]
)
_SALUTATION = re.compile(r"\bgeachte\b|\bbeste\s+(?:heer|mevrouw|meneer)\b", re.IGNORECASE)
_CLOSING = re.compile(r"\bmet\s+vriendelijke\s+groet(?:en)?\b|\bhoogachtend\b", re.IGNORECASE)


def looks_dutch(texts: list[str]) -> bool:
    """False when a text long enough to tell has (almost) no Dutch function words."""
    words = [w.lower() for t in texts for w in _WORD.findall(t)][:3000]
    if len(words) < 20:
        return True  # too short to tell
    hits = [w for w in words if w in _DUTCH_FUNCTION]
    return len(hits) >= 0.04 * len(words) and len(set(hits)) >= 3


def several_letters(texts: list[str]) -> bool:
    """Two salutations and two closings: two letters photographed (or scanned) as one."""
    joined = "\n".join(texts)
    return len(_SALUTATION.findall(joined)) >= 2 and len(_CLOSING.findall(joined)) >= 2
