"""Display helpers: Dutch dates and amounts, escaped Markdown, links built from data, speech text.

Letter text must never reach Markdown or HTML as markup. Everything that may hold letter text goes
through `escape_markdown` (or `st.text`); links are built only from help data with a checked scheme.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from ..explainers import dutch

URGENT_DAYS = 3  # a deadline this close (or passed) is shown in red

Urgency = Literal["passed", "urgent", "soon", "later"]

# The answer's own Dutch formats (explainers/dutch.py), so the screen says what the answer says.
long_date = dutch.long_date  # 'donderdag 9 april 2026'
days_left = dutch.days_left


def days_left_text(deadline: date, today: date) -> str:
    """'Nog 12 dagen', 'Morgen', 'Vandaag', '1 dag te laat', '5 dagen te laat'."""
    n = days_left(deadline, today)
    if n == 0:
        return "Vandaag is de laatste dag"
    if n == 1:
        return "Morgen is de laatste dag"
    if n > 1:
        return f"Nog {n} dagen"
    late = -n
    return f"{late} dag te laat" if late == 1 else f"{late} dagen te laat"


def urgency(deadline: date, today: date) -> Urgency:
    n = days_left(deadline, today)
    if n < 0:
        return "passed"
    if n <= URGENT_DAYS:
        return "urgent"
    if n <= 14:
        return "soon"
    return "later"


def euro(value: Decimal | float) -> str:
    """'€ 1.234,56': the answer's money() (explainers/dutch.py, cents rounded half up as a bank
    does), with a minus sign kept in front for a negative amount ('-€ 12,50'). A float is an
    amount read back from `Result.to_json()` (a JSON number): exact again via str()."""
    return ("-" if value < 0 else "") + dutch.money(value)


def group4(value: str) -> str:
    """An IBAN in groups of four, as banks print it: 'NL86 INGB 0002 4455 88'."""
    compact = re.sub(r"\s+", "", value)
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=^&\"'])")
# Streamlit's Markdown also turns plain text into links (GFM autolink literals: "https://…",
# "www.…", "naam@host.nl") and emoji (":smile:") AFTER escapes are read, so backslashes cannot
# stop them. An invisible WORD JOINER breaks each trigger: the text looks the same, nothing links.
WJ = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=https:)(?=//)|(?<=http:)(?=//)|(?<=www)(?=\.)|(?<=@)|(?<=:)(?=[\w/+-])")


def _defuse(text: str) -> str:
    return _AUTOLINK.sub(WJ, text)


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: no links, HTML, LaTeX, emphasis or directives.

    Every ASCII punctuation mark Markdown (or Streamlit's :color[] / $math$ extensions) could read
    is backslash-escaped; line breaks stay line breaks; leading spaces cannot make a code block.
    """
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.append(_MD_SPECIAL.sub(r"\\\1", _defuse(line.strip())))
    return "  \n".join(lines)


def marked_text(text: str, spans: Sequence[tuple[int, int]], mark: str = "orange") -> str:
    """Escaped Markdown of a page's text with the given character spans highlighted.

    Used to show OCR words read with low confidence; the spans are word offsets from Page.words.
    """
    out: list[str] = []
    pos = 0
    for start, end in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < pos:
            continue
        out.append(_escape_inline(text[pos:start]))
        word = _escape_inline(text[start:end])
        out.append(f":{mark}-background[{word}]" if word.strip() else word)
        pos = end
    out.append(_escape_inline(text[pos:]))
    return "".join(out).lstrip()


def _escape_inline(text: str) -> str:
    # like escape_markdown for a piece of a line: a new line's leading spaces go (no code blocks)
    parts = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    parts = [p if i == 0 else p.lstrip() for i, p in enumerate(parts)]
    return "  \n".join(_MD_SPECIAL.sub(r"\\\1", _defuse(p)) for p in parts)


def tel_href(phone: str) -> str | None:
    """'0800-8115' → 'tel:08008115'; None when it does not look like a phone number."""
    digits = re.sub(r"[\s\-().]", "", phone)
    if not re.fullmatch(r"\+?\d{3,15}", digits):
        return None
    return f"tel:{digits}"


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) address without spaces or Markdown brackets, else None."""
    if not url:
        return None
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s<>()\[\]\"'`]+", url):
        if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}(/[^\s<>()\[\]\"'`]*)?", url, re.IGNORECASE):
            return "https://" + url
        return None
    return url


def help_markdown(h: Mapping[str, Any]) -> str:
    """One help entry as Markdown: the name bold, a tap-to-call link and a web link, built from data."""
    parts = [f"**{escape_markdown(str(h.get('name') or ''))}**"]
    phone = h.get("phone")
    if phone:
        href = tel_href(str(phone))
        label = escape_markdown(str(phone))
        parts.append(f":material/call: [{label}]({href})" if href else f":material/call: {label}")
    url = safe_url(h.get("url"))
    if url:
        shown = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
        parts.append(f":material/language: [{escape_markdown(shown)}]({url})")
    return " · ".join(parts)


def speech_text(data: Mapping[str, Any], words: Any = None) -> str:
    """The answer as one plain text to read aloud (from the masked JSON, no letter text beyond it),
    in the answer's language: `words` is its ui.words.Words (None: Dutch)."""
    if words is None:
        from .words import words_for

        words = words_for("nl")
    e = data["explanation"]
    parts: list[str] = [str(e.get("kind_label") or data.get("kind_label") or "")]
    if data.get("sender"):
        parts.append(words("speech.from", sender=data["sender"]))
    parts.append(e["summary"])
    for key in ("deadline_text", "amount_text"):
        if e.get(key):
            parts.append(e[key])
    if e.get("what_to_do"):
        parts.append(words("heading.what-to-do"))
        parts += [f"{words('speech.step', n=i)} {step}" for i, step in enumerate(e["what_to_do"], 1)]
    if e.get("if_you_do_nothing"):
        parts.append(words("heading.if-you-do-nothing"))
        parts.append(e["if_you_do_nothing"])
    return "\n".join(p.strip() for p in parts if p and p.strip())


def js_string(text: str) -> str:
    """A JSON string literal that is safe inside an HTML <script> block."""
    return (
        json.dumps(text, ensure_ascii=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


SPEAKER_SVG = (
    '<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M3 9v6h4l5 5V4L7 9H3z'
    'm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 '
    '0-17.6z"/></svg>'
)
STOP_SVG = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M6 6h12v12H6z"/></svg>'


def speak_button_html(text: str, label: str = "Lees voor", stop_label: str = "Stop", *,
                      voice: str = "nl-NL", lang: str = "nl", rtl: bool = False,
                      no_speech: str = "Voorlezen werkt niet in deze browser.",
                      no_voice: str = "Geen Nederlandse stem gevonden.") -> str:
    """A small HTML page with two buttons that read `text` with the browser's voice for `voice`
    (a BCP 47 tag: "nl-NL", "ar"); when the phone has none, a note says so and nothing is read
    (another language's voice would make nonsense of it).

    The text and the notes enter the page only as JSON string literals; labels are our own
    words (rules/lang/*/app.yaml), HTML-escaped.
    """
    from html import escape

    tag = voice.split("-")[0].lower()
    return f"""<!doctype html>
<html lang="{escape(lang)}" dir="{'rtl' if rtl else 'ltr'}"><head><meta charset="utf-8"><style>
body {{ margin: 0; font-family: sans-serif; }}
svg {{ width: 20px; height: 20px; vertical-align: -4px; margin-inline-end: 6px; }}
button {{ font-size: 18px; padding: 10px 16px; margin: 2px 0 2px 0; margin-inline-end: 8px;
  border-radius: 8px; border: 2px solid #1f3a93; background: #fff; color: #1f3a93; cursor: pointer; }}
button:focus-visible {{ outline: 3px solid #ff9800; outline-offset: 2px; }}
#note {{ font-size: 14px; color: #444; }}
</style></head><body>
<button id="speak" type="button">{SPEAKER_SVG}{escape(label)}</button><button id="stop" type="button">{STOP_SVG}{escape(stop_label)}</button>
<span id="note"></span>
<script>
const TEXT = {js_string(text)};
const VOICE = {js_string(voice)};
const TAG = {js_string(tag)};
const synth = window.speechSynthesis;
const note = document.getElementById("note");
if (!synth) {{
  note.textContent = {js_string(no_speech)};
  document.getElementById("speak").disabled = true;
}}
function ownVoice(voices) {{
  return voices.find(v => v.lang === VOICE)
    || voices.find(v => v.lang && v.lang.toLowerCase().split(/[-_]/)[0] === TAG);
}}
document.getElementById("speak").addEventListener("click", () => {{
  synth.cancel();
  const voices = synth.getVoices();
  const v = ownVoice(voices);
  // A list without the language: say so rather than read it with another language's voice.
  // An empty list (not loaded yet): let the browser choose by the language tag.
  if (!v && voices.length) {{ note.textContent = {js_string(no_voice)}; return; }}
  const u = new SpeechSynthesisUtterance(TEXT);
  u.lang = VOICE;
  if (v) {{ u.voice = v; }}
  u.rate = 0.9;
  synth.speak(u);
}});
document.getElementById("stop").addEventListener("click", () => synth && synth.cancel());
</script></body></html>"""


_NOT_FOUND_LABEL = {
    "sender": "Afzender", "amount": "Bedrag", "date": "Datum", "iban": "Rekeningnummer",
    "reference": "Kenmerk", "objection_date": "Laatste dag voor bezwaar", "appointment": "Afspraak",
}


def not_found_lines(keys: Sequence[str]) -> list[str]:
    """One markdown line per value the answer left out, with where to look on the letter."""
    from ..explainers.placeholders import look_for

    return [f"- **{_NOT_FOUND_LABEL[k]}:** {escape_markdown(look_for(k))}"
            for k in keys if k in _NOT_FOUND_LABEL]
