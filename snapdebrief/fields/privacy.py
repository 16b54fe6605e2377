"""Stage 2 (fields): where a BSN stands on the letter, and length-preserving masking.

A BSN is nine digits passing the elfproef ("123456782", "1234.56.782", "1234 56 782"; an old
8-digit number gets a leading 0) that is labelled (BSN, burgerservicenummer, sofinummer, fiscaal
nummer) or stands alone, never a piece of a longer number (a 16-digit kenmerk, an IBAN, a phone
number). The aanslag- and beschikkingsnummer hold the whole BSN ("1234.56.782.H.46"), and a
Belastingdienst betalingskenmerk starts, after its check digit, with the first 8 digits of the
fiscal number, so the BSN can be rebuilt from it (letters-nl.md §5 [S56][S59]).
Masking keeps every character's position, so Evidence offsets stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..result import Evidence
from .validators import elfproef

_F = re.IGNORECASE

_BSN_LABEL = re.compile(
    r"\bbsn\b|\bburger\s*service\s*nummer\b|\bburgerservicenummer\b|\bsofi[-\s]?nummer\b"
    r"|\bsofinr\b|\bfiscaal\s*nummer\b|\bpersoonsnummer\b|\bb\.s\.n\.?",
    _F,
)
# Another number's label on the same line: then the digits are that number, not a BSN.
_OTHER_LABEL = re.compile(
    r"\b(?:klant|dossier|factuur|relatie|polis|contract|order|debiteur\w*|vordering\w*|zaak|nota"
    r"|pati[eë]nt|object|huurder|verzekerden|lid|registratie|inschrijvings?|bestel|rol)"
    r"(?:nummer|nr)\b|\bkenmerk\b|\breferentie\w*|\bkvk\b|\brsin\b|\bbtw\b|\biban\b|\bbic\b"
    r"|\bpostbus\b|\btel\w*|\bbel\b|\bfax\b|\bmobiel\w*|\bwhatsapp\b|\bsms\b|\b[tfm]\s*[:.]?\s*$"
    r"|\+\s*$|\bbankrekening\w*|\brekening\w*",
    _F,
)
_AANSLAG = re.compile(
    r"(?<![\d.])(?P<bsn>\d{4}(?P<sep>[. ]?)\d{2}(?P=sep)\d{3})[. ]?[A-Z](?:[. ]?\d{1,4})+(?![\d])"
)
# A run of digits that may be one number: groups joined by one dot, hyphen, slash or space.
_RUN = re.compile(r"\d+(?:[. \-/]\d+)*")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _line_start(text: str, pos: int) -> int:
    lo = max(0, pos - 200)  # a label stands close by; a longer "line" is no letter line
    return text.rfind("\n", lo, pos) + 1 or lo


def _nearest_label(text: str, start: int) -> str | None:
    """'bsn' / 'other' / None: the label closest before `start` on its line (within 50 chars),
    else the column header right above it."""
    ls = _line_start(text, start)
    before = text[max(ls, start - 50) : start]
    best: tuple[int, str] | None = None
    for kind, pat in (("bsn", _BSN_LABEL), ("other", _OTHER_LABEL)):
        for m in pat.finditer(before):
            if best is None or m.end() > best[0] or (m.end() == best[0] and kind == "bsn"):
                best = (m.end(), kind)
    if best is not None:
        return best[1]
    if text[ls:start].strip():
        return None
    # Column layout: "Aanslagnummer   Burgerservicenummer" over "…   3844.41.312".
    if ls == 0:
        return None
    pe = ls - 1
    ps = text.rfind("\n", 0, pe) + 1
    col = start - ls
    header = text[ps:pe]
    for kind, pat in (("bsn", _BSN_LABEL), ("other", _OTHER_LABEL)):
        for m in pat.finditer(header):
            if abs(m.start() - col) <= 8:
                return kind
    return None


def _amount_or_code_around(text: str, a: int, b: int) -> bool:
    """Digits glued to letters (IBAN, BTW-id), a currency sign, decimals, a phone '+'."""
    pre = text[max(0, a - 2) : a]
    post = text[b : b + 3]
    glued = bool(re.search(r"[A-Za-z]$", pre) or re.match(r"[A-Za-z]", post))
    money = bool(re.search(r"(?:€|\+|EUR)\s?$", pre) or re.match(r",\d|,-", post))
    return glued or money


def find_bsns(pages: Sequence[str]) -> list[Evidence]:
    """Every place a BSN stands: labelled or standalone 9-digit elfproef numbers and the BSN part
    of aanslag-/beschikkingsnummers. Never a piece of a longer digit run."""
    out: list[Evidence] = []
    for i, text in enumerate(pages):
        if not text:
            continue
        spans: list[tuple[int, int]] = []
        in_aanslag: set[int] = set()
        for m in _AANSLAG.finditer(text):
            if elfproef(_digits(m.group("bsn"))):
                spans.append((m.start("bsn"), m.end("bsn")))
                in_aanslag.update(range(m.start("bsn"), m.end("bsn")))
        for m in _RUN.finditer(text):
            a, b = m.start(), m.end()
            if not in_aanslag.isdisjoint(range(a, b)):
                continue
            raw = m.group()
            # "1234 56 782" or "123 456 782" only; other space-joined runs are separate numbers.
            parts = [p for p in re.split(r"[ ]", raw)]
            if len(parts) > 1 and [len(_digits(p)) for p in parts] not in ([4, 2, 3], [3, 3, 3]):
                for sa, sb, strong in _space_parts(raw, a):
                    _consider(text, sa, sb, spans, standalone_only=not strong)
                continue
            _consider(text, a, b, spans, standalone_only=False)
        for s, e in sorted(set(spans)):
            out.append(Evidence(page=i + 1, start=s, end=e))
    return out


def _space_parts(raw: str, offset: int) -> list[tuple[int, int, bool]]:
    """In "BSN 123456782 1234 AB" or "28-02-2026 30-04-2026 8295.05.556" (OCR keeps one space
    between columns) a space-joined run holds separate numbers: its 8- or 9-digit parts, and
    whether a part can stand alone without a BSN label: printed 1234.56.782, or nine digits
    whose neighbours are no digit groups of a longer number ("+31 612345609", "06 12345678")."""
    parts = list(re.finditer(r"\S+", raw))
    out = []
    for j, m in enumerate(parts):
        if len(_digits(m.group())) not in (8, 9):
            continue
        dotted = bool(re.fullmatch(r"\d{4}\.\d{2}\.\d{3}", m.group()))
        neighbours = [parts[k].group() for k in (j - 1, j + 1) if 0 <= k < len(parts)]
        alone = bool(re.fullmatch(r"\d{9}", m.group())) and not any(
            re.fullmatch(r"\d{1,4}", n) for n in neighbours
        )
        out.append((m.start() + offset, m.end() + offset, dotted or alone))
    return out


def _consider(
    text: str, a: int, b: int, spans: list[tuple[int, int]], standalone_only: bool
) -> None:
    digits = _digits(text[a:b])
    if len(digits) not in (8, 9) or _amount_or_code_around(text, a, b):
        return
    if re.search(r"[/\-]", text[a:b]):
        return  # dates, phone numbers and case numbers are written with - and /
    label = _nearest_label(text, a)
    if label == "other":
        return
    if len(digits) == 8:
        if label != "bsn":
            return
        digits = "0" + digits
    if standalone_only and label != "bsn":
        return
    if elfproef(digits):
        spans.append((a, b))


_KENMERK_RUN = re.compile(r"(?<![\d.])\d(?:[ .]?\d){15}(?![\d])")


def kenmerk_bsn_spans(pages: Sequence[str], bsns: Sequence[Evidence]) -> list[Evidence]:
    """16-digit betalingskenmerken whose digits after the check digit start with the first 8
    digits of a BSN found on this letter: the BSN can be rebuilt from them, so mask them too."""
    prefixes: set[str] = set()
    for ev in bsns:
        if 0 < ev.page <= len(pages):
            d = _digits(pages[ev.page - 1][ev.start : ev.end])
            if len(d) == 8:
                d = "0" + d
            if len(d) == 9:
                prefixes.add(d[:8])
    out: list[Evidence] = []
    if not prefixes:
        return out
    for i, text in enumerate(pages):
        for m in _KENMERK_RUN.finditer(text or ""):
            d = _digits(m.group())
            if d[1:9] in prefixes:
                out.append(Evidence(page=i + 1, start=m.start(), end=m.end()))
    return out


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Replace the digits in each span by '*', except its last 3 digits; keep everything else.

    "123456782" → "******782", "1234.56.782" → "****.**.782". The result has the same length.
    """
    hide: set[int] = set()
    n = len(text)
    for s, e in spans:
        s, e = max(0, s), min(n, e)
        positions = [k for k in range(s, e) if text[k].isdigit()]
        hide.update(positions[:-3] if len(positions) > 3 else positions[:0])
    if not hide:
        return text
    chars = list(text)
    for k in hide:
        chars[k] = "*"
    return "".join(chars)


def mask_pages(
    pages: Sequence[str],
    spans_by_page: Mapping[int, Sequence[tuple[int, int]]] | Sequence[Evidence],
) -> list[str]:
    """Mask each page. `spans_by_page` maps a 1-based page number to (start, end) spans, or is
    a list of Evidence (as find_bsns and kenmerk_bsn_spans return)."""
    by_page: dict[int, list[tuple[int, int]]] = {}
    if isinstance(spans_by_page, Mapping):
        for page, spans in spans_by_page.items():
            by_page.setdefault(int(page), []).extend((s, e) for s, e in spans)
    else:
        for ev in spans_by_page:
            by_page.setdefault(ev.page, []).append((ev.start, ev.end))
    return [mask(text, by_page.get(i + 1, [])) for i, text in enumerate(pages)]
