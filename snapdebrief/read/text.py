"""Clean a page's text without moving characters we can point at: only drop what no finder needs."""

from __future__ import annotations

import unicodedata

# Characters that hide or reorder text (bidi controls, zero-width) are dropped; NFC keeps "é" one char.
_DROP = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F]
)


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DROP)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "".join(ch if ch in "\n\t" or ord(ch) >= 32 else " " for ch in text)
