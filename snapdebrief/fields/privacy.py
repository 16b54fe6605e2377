"""Stage 2 (fields): where a BSN stands on the letter, and length-preserving masking.

A BSN is nine digits passing the elfproef ("123456782", "1234.56.782", "1234 56 782"; an old
8-digit number gets a leading 0) that is labelled (BSN, burgerservicenummer, sofinummer, fiscaal
nummer) or stands alone, never a piece of a longer number (a 16-digit kenmerk, an IBAN, a phone
number). The aanslag- and beschikkingsnummer hold the whole BSN ("1234.56.782.H.46"), and a
Belastingdienst betalingskenmerk starts, after its check digit, with the first 8 digits of the
fiscal number, so the BSN can be rebuilt from it (Belastingdienst, "Rekenhulp betalingskenmerk",
belastingdienst.nl/rekenhulpen/betalingskenmerk: it turns one into the other).

OCR noise: a number after a BSN label is masked whatever the reader did to it (a tenth digit, a
lost digit, O/I/l/S/B for 0/1/1/5/8, groups split or joined), even when it then fails the
elfproef: it is still someone's BSN, misread. The label itself may be misread too ("B5N",
"burgerservicenumrner"). Unlabelled numbers still have to pass the elfproef. Once a BSN is known,
every number on the letter that holds its nine digits in a row (spaces and dots aside) is masked.
Masking keeps every character's position, so Evidence offsets stay valid.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate

from ..result import Evidence, bsn_pattern
from .validators import elfproef

_F = re.IGNORECASE

_BSN_LABEL = re.compile(
    r"\bbsn\b|\bburger\s*service\s*nummer\b|\bburgerservicenummer\b|\bsofi[-\s]?nummer\b"
    r"|\bsofinr\b|\bfiscaal\s*nummer\b|\bpersoonsnummer\b|\bb\.s\.n\.?"
    # "BSN" as OCR prints it: B read as 8, S as 5 ("B5N:", "8SN")
    r"|(?<![A-Za-z0-9])[b8][s5]n(?![A-Za-z])",
    _F,
)
# The long labels as OCR may spell them ("burgerservicenumrner", "s0fi-nummer"): a word (or two
# or three joined by a space or hyphen) within this many edits of the label.
_FUZZY_LABELS = (("burgerservicenummer", 3), ("sofinummer", 2))
_MAX_LABEL = max(len(label) + limit for label, limit in _FUZZY_LABELS)
_WORD = re.compile(r"[A-Za-z0-9|]+")
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

# A digit as OCR may print it, and what it stands for.
_D = "0-9OoIl|SB"
_LOOKALIKE = str.maketrans("OoIl|SB", "0011158")
_GROUP = rf"[{_D}]*\d[{_D}]*"
# Digit groups as OCR leaves them: joined by up to three spaces, dots, commas or hyphens; a
# later group may be a lone look-alike ("12345678 O").
_NOISY_RUN = re.compile(
    rf"{_GROUP}(?:[ .,\-]{{1,3}}(?:{_GROUP}|[OoIl|SB]{{1,3}}(?![A-Za-z0-9])))*"
)
_IN_RUN = re.compile(rf"[{_D}]+")  # the groups of a run
# After a label the first groups may be lone look-alikes too ("BSN l 23456782").
_LABELLED_RUN = re.compile(
    rf"(?:(?<![A-Za-z0-9])[OoIl|SB]{{1,3}}[ .,\-]{{1,3}}(?=[{_D}])){{0,2}}" + _NOISY_RUN.pattern
)
# An aanslag- or beschikkingsnummer as OCR may break it: nine (or ten) digits in any grouping,
# then the tax letter and digits ("123456 789.H 01", "1234,56.782 H.46"). A tax letter that
# looks like a digit (O, I, S, B) needs a separator beside it: "87O4" is a misread 8704.
_AANSLAG_NOISY = re.compile(
    rf"(?<![\w.,|])(?P<bsn>[{_D}](?:[ .,]?[{_D}]){{8,9}})"
    rf"(?:[ .,][A-Z]|[A-Z][ .,]|(?![OISB])[A-Z])[ .,]?\d(?:[ .,]?\d){{0,7}}(?!\d)"
)
_AANSLAG_LABEL = re.compile(r"aanslag|beschikking|aangifte", _F)
_DATE_SHAPE = re.compile(r"\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4}")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _read_digits(s: str) -> str:
    """The digits OCR meant: look-alike letters read as digits, separators dropped."""
    return _digits(s.translate(_LOOKALIKE))


def _line_start(text: str, pos: int) -> int:
    lo = max(0, pos - 200)  # a label stands close by; a longer "line" is no letter line
    return text.rfind("\n", lo, pos) + 1 or lo


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, or limit + 1 once it is surely above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


class _Spans:
    """(start, end) spans sorted by start, for quick look-ups on a long page."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.max_end = list(accumulate((b for _, b in self.spans), max))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that start in [lo, hi)."""
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def overlaps(self, a: int, b: int) -> bool:
        j = bisect_left(self.starts, b)
        return j > 0 and self.max_end[j - 1] > a


def _bigrams(s: str) -> set[str]:
    return {s[k : k + 2] for k in range(len(s) - 1)}


# Each edit destroys at most two of a word's bigrams: a cheap test before the edit distance.
_FUZZY = tuple((label, limit, _bigrams(label)) for label, limit in _FUZZY_LABELS)


def _bsn_labels(text: str) -> _Spans:
    """Where a BSN label stands, also as OCR misspells it."""
    spans = {(m.start(), m.end()) for m in _BSN_LABEL.finditer(text)}
    exact = _Spans(list(spans))
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words):
        if w.group()[0].lower() not in "b8hs5" or exact.overlaps(w.start(), w.end()):
            continue
        joined, end = "", w.start()
        for j in range(i, min(i + 3, len(words))):
            if j > i and not re.fullmatch(r"[ \-]{1,2}", text[end : words[j].start()]):
                break
            joined += words[j].group().lower()
            end = words[j].end()
            if len(joined) > _MAX_LABEL:
                break
            grams = _bigrams(joined)
            for label, limit, label_grams in _FUZZY:
                if (abs(len(joined) - len(label)) <= limit
                        and len(grams & label_grams) >= len(label_grams) - 2 * limit
                        and _edits(joined, label, limit) <= limit):
                    spans.add((w.start(), end))
    return _Spans(list(spans))


def _nearest_label(text: str, start: int, labels: _Spans) -> str | None:
    """'bsn' / 'other' / None: the label closest before `start` on its line (within 50 chars),
    else the column header right above it."""
    ls = _line_start(text, start)
    lo = max(ls, start - 50)
    before = text[lo:start]
    best: tuple[int, str] | None = None
    for _, e in labels.starting(lo, start):
        if e <= start and (best is None or e >= best[0]):
            best = (e, "bsn")
    for m in _OTHER_LABEL.finditer(before):
        if best is None or lo + m.end() > best[0]:
            best = (lo + m.end(), "other")
    if best is not None:
        return best[1]
    if text[ls:start].strip():
        return None
    # Column layout: "Aanslagnummer   Burgerservicenummer" over "…   3844.41.312".
    if ls == 0 or text[ls - 1] != "\n":
        return None
    pe = ls - 1
    ps = max(text.rfind("\n", 0, pe) + 1, pe - 300)
    col = start - ls
    if any(abs(s - ps - col) <= 8 for s, _ in labels.starting(ps, pe)):
        return "bsn"
    if any(abs(m.start() - col) <= 8 for m in _OTHER_LABEL.finditer(text[ps:pe])):
        return "other"
    return None


def _amount_or_code_around(text: str, a: int, b: int) -> bool:
    """Digits glued to letters (IBAN, BTW-id), a currency sign, decimals, a phone '+'."""
    pre = text[max(0, a - 2) : a]
    post = text[b : b + 3]
    glued = bool(re.search(r"[A-Za-z]\Z", pre) or re.match(r"[A-Za-z]", post))
    money = bool(re.search(r"(?:€|\+|EUR)\s?\Z", pre) or re.match(r",\d|,-", post))
    return glued or money


def find_bsns(pages: Sequence[str]) -> list[Evidence]:
    """Every place a BSN stands: labelled or standalone 9-digit elfproef numbers, the number
    after a BSN label however OCR garbled it, and the BSN part of aanslag-/beschikkingsnummers.
    Never a piece of a longer digit run."""
    out: list[Evidence] = []
    for i, text in enumerate(pages):
        if not text:
            continue
        labels = _bsn_labels(text)
        spans: list[tuple[int, int]] = []
        in_aanslag: set[int] = set()
        for m in _AANSLAG.finditer(text):
            if elfproef(_digits(m.group("bsn"))):
                spans.append((m.start("bsn"), m.end("bsn")))
                in_aanslag.update(range(m.start("bsn"), m.end("bsn")))
        for a, b in _noisy_aanslag(text, labels):
            spans.append((a, b))
            in_aanslag.update(range(a, b))
        for m in _RUN.finditer(text):
            a, b = m.start(), m.end()
            if not in_aanslag.isdisjoint(range(a, b)):
                continue
            raw = m.group()
            # "1234 56 782" or "123 456 782" only; other space-joined runs are separate numbers.
            parts = [p for p in re.split(r"[ ]", raw)]
            if len(parts) > 1 and [len(_digits(p)) for p in parts] not in ([4, 2, 3], [3, 3, 3]):
                for sa, sb, strong in _space_parts(raw, a):
                    _consider(text, sa, sb, spans, labels, standalone_only=not strong)
                continue
            _consider(text, a, b, spans, labels, standalone_only=False)
        spans += _labelled(text, labels)
        for s, e in _outermost(spans):
            out.append(Evidence(page=i + 1, start=s, end=e))
    return out


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, each once, without those lying inside another."""
    out: list[tuple[int, int]] = []
    reach = -1
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if b > reach:  # a span before it starts no later and ends no earlier: inside that one
            out.append((a, b))
            reach = b
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
    text: str, a: int, b: int, spans: list[tuple[int, int]], labels: _Spans,
    standalone_only: bool,
) -> None:
    digits = _digits(text[a:b])
    if len(digits) not in (8, 9) or _amount_or_code_around(text, a, b):
        return
    if re.search(r"[/\-]", text[a:b]):
        return  # dates, phone numbers and case numbers are written with - and /
    label = _nearest_label(text, a, labels)
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


def _readings(digits: str) -> list[str]:
    """The 9-digit BSNs that pass the elfproef and that OCR may have read as `digits`: the
    number itself, an old 8-digit one with its 0, or ten digits less the one OCR added."""
    if len(digits) == 9:
        return [digits] if elfproef(digits) else []
    if len(digits) == 8:
        return ["0" + digits] if elfproef("0" + digits) else []
    if len(digits) == 10:
        return sorted({digits[:k] + digits[k + 1 :] for k in range(10)
                       if elfproef(digits[:k] + digits[k + 1 :])})
    return []


def _noisy_aanslag(text: str, labels: _Spans) -> list[tuple[int, int]]:
    """The BSN part of aanslag- and beschikkingsnummers as OCR breaks them: it passes the
    elfproef, or the number is labelled (aanslagnummer, kenmerk, BSN) on its line or above."""
    out = []
    for m in _AANSLAG_NOISY.finditer(text):
        a, b = m.span("bsn")
        d = _read_digits(m.group("bsn"))
        real = len(_digits(m.group("bsn")))
        if real < 5:
            continue  # mostly letters: a word, no number
        if not ((real >= 7 and elfproef(d[-9:])) or _aanslag_labelled(text, a, labels)):
            continue
        out.append((a, b))
    return out


def _aanslag_labelled(text: str, start: int, labels: _Spans) -> bool:
    ls = _line_start(text, start)
    if _AANSLAG_LABEL.search(text[ls:start]) or any(e <= start for _, e in labels.starting(ls, start)):
        return True
    if ls == 0 or text[ls - 1] != "\n":
        return False
    ps = max(text.rfind("\n", 0, ls - 1) + 1, ls - 301)
    col = start - ls
    header = text[ps : ls - 1]
    return any(abs(m.start() - col) <= 8 for m in _AANSLAG_LABEL.finditer(header)) or any(
        abs(s - ps - col) <= 8 for s, _ in labels.starting(ps, ls - 1))


def _labelled(text: str, labels: _Spans) -> list[tuple[int, int]]:
    """The number a BSN label names, as OCR left it: right after the label on its line, or in
    the same column on the line below (a header row)."""
    out = []
    for s, e in labels:
        le = text.find("\n", e, e + 200)
        le = min(len(text), e + 200) if le == -1 else le  # no longer line in a letter
        run = _LABELLED_RUN.search(text, e, le)
        if run and run.start() - e <= 45 and _gap_ok(text[e : run.start()]):
            if run.start() == e or not text[run.start() - 1].isalpha():
                span = _pick(text, run)
                if span:
                    out.append(span)
            continue
        ls = _line_start(text, s)
        row = text[ls:s] + " " + text[e:le]
        if re.search(r"[\d.!?,;]", row) or len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", row)) > 4:
            continue  # a label in a sentence, not a header row, names no number below it
        nxt = le + 1
        ne = text.find("\n", nxt, nxt + 200)
        ne = min(len(text), nxt + 200) if ne == -1 else ne
        if nxt >= len(text):
            continue
        col = s - ls
        for below in _NOISY_RUN.finditer(text, nxt, ne):
            if below.start() - nxt > col + 8:
                break
            if abs(below.start() - nxt - col) <= 8 and not text[below.start() - 1].isalpha():
                span = _pick(text, below)
                if span:
                    out.append(span)
                break
    return out


def _gap_ok(gap: str) -> bool:
    """What may stand between a label and its number: ':', 'is', 'van uw partner', brackets;
    no other label, no sentence end, no next column."""
    return not (
        _OTHER_LABEL.search(gap)
        or re.search(r"[.!?]\s+[A-Z]", gap)
        or re.search(r"(?:[ ]{2,}|\t)[A-Za-zÀ-ÿ]", gap)
        or len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", gap)) > 3
    )


def _pick(text: str, run: re.Match[str]) -> tuple[int, int] | None:
    """The part of a digit run after a BSN label that is the BSN: a start of 8-10 digits that
    reads as an elfproef BSN (nine digits before ten, ten before an old eight: "10253257 6" is
    102532576 split, though 010253257 passes too); else the whole run when it has 8-10 digits (a misread
    BSN); else its first group when that has 8-10 (a second number follows in one-space
    columns); else a start grouped as a BSN is printed (1234 56 782, 123 456 782)."""
    groups = [(run.start() + g.start(), run.start() + g.end())
              for g in _IN_RUN.finditer(run.group())]
    sizes = [len(_read_digits(text[a:b])) for a, b in groups]
    strong: dict[int, int] = {}  # digits → end of that start of the run
    total = 0
    for k, (_, b) in enumerate(groups):
        total += sizes[k]
        if total > 10:
            break
        if total >= 8 and _readings(_read_digits(text[groups[0][0] : b])):
            strong.setdefault(total, b)
    chosen = next((strong[n] for n in (9, 10, 8) if n in strong), None)
    if chosen is None:
        if 8 <= sum(sizes) <= 10:
            chosen = groups[-1][1]
        elif 8 <= sizes[0] <= 10:
            chosen = groups[0][1]
        elif sizes[:3] in ([4, 2, 3], [3, 3, 3]):
            chosen = groups[2][1]
        else:
            return None
    a = groups[0][0]
    taken = [n for (_, b), n in zip(groups, sizes, strict=True) if b <= chosen]
    if sum(sizes) >= 12 and max(taken) <= 4 and taken[:3] not in ([4, 2, 3], [3, 3, 3]):
        return None  # "BSN … 1234 5678 9012 3456": groups of a longer number, a kenmerk
    raw = text[a:chosen]
    if _DATE_SHAPE.fullmatch(raw) or re.search(r",\d{2}$", raw) or _amount_or_code_around(
        text, a, chosen
    ):
        return None  # a date or an amount after "BSN en geboortedatum:", "BSN … bedrag"
    return a, chosen


def bsn_values(pages: Sequence[str], spans: Sequence[Evidence]) -> tuple[str, ...]:
    """The 9-digit BSNs behind BSN spans, so the output can mask every other trace of them: the
    digits as read (look-alike letters as digits), an old 8-digit number with its 0, and for ten
    digits the readings that pass the elfproef (else both nine-digit ends). Longer spans (a
    kenmerk) and shorter ones give none."""
    out: list[str] = []
    for ev in spans:
        if not 0 < ev.page <= len(pages):
            continue
        d = _read_digits(pages[ev.page - 1][ev.start : ev.end])
        found = _readings(d)
        if len(d) == 9 and not found:
            found = [d]  # a labelled BSN misread: its digits may stand elsewhere too
        if len(d) == 10 and not found:
            found = [d[1:], d[:-1]]
        for v in found:
            if v not in out:
                out.append(v)
    return tuple(out)


def kenmerk_bsn_spans(pages: Sequence[str], bsns: Sequence[Evidence]) -> list[Evidence]:
    """Numbers the BSNs found can be read or rebuilt from, so they are masked too: any number
    holding a BSN's nine digits in a row (also split by spaces or dots, or with a look-alike
    letter), and Belastingdienst betalingskenmerken, whose digits after the check digit start
    with the BSN's first 8 (also when OCR split the kenmerk or lost or added a digit)."""
    values = bsn_values(pages, bsns)
    out: list[Evidence] = []
    if not values:
        return out
    prefixes = {v[:8] for v in values}
    for i, text in enumerate(pages):
        if not text:
            continue
        known = _Spans([(e.start, e.end) for e in bsns if e.page == i + 1])
        found: list[tuple[int, int]] = []
        for v in values:
            for m in bsn_pattern(v).finditer(text):
                if not known.overlaps(m.start(), m.end()):
                    found.append(m.span())
        for run in _NOISY_RUN.finditer(text):
            found += _kenmerk_parts(text, run, prefixes, known)
        out += [Evidence(page=i + 1, start=a, end=b) for a, b in _outermost(found)]
    return out


def _kenmerk_parts(
    text: str, run: re.Match[str], prefixes: set[str], known: _Spans
) -> list[tuple[int, int]]:
    """The betalingskenmerken in a digit run that hold a BSN's first 8 digits: from the group of
    the check digit before them to the group of the kenmerk's 16th digit. At least 14 of its
    digits must be there, so the BSN itself and short numbers are left to find_bsns."""
    where = [run.start() + k for k, ch in enumerate(run.group()) if ch.translate(_LOOKALIKE).isdigit()]
    d = "".join(run.group()[k - run.start()] for k in where).translate(_LOOKALIKE)
    if len(d) < 14:
        return []
    groups = [(run.start() + g.start(), run.start() + g.end())
              for g in _IN_RUN.finditer(run.group())]

    def group_of(pos: int) -> tuple[int, int]:
        return next(g for g in groups if g[0] <= pos < g[1])

    out = []
    for p in prefixes:
        k = d.find(p)
        while k != -1:
            first, last = max(0, k - 1), min(len(d) - 1, k + 14)
            if last - first + 1 >= 14 and not known.overlaps(where[k], where[k] + 1):
                out.append((group_of(where[first])[0], group_of(where[last])[1]))
            k = d.find(p, k + 1)
    return out


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Replace the digits in each span by '*', except its last 3 digits; keep everything else.

    "123456782" → "******782", "1234.56.782" → "****.**.782". Look-alike letters inside a
    number count as its digits ("I23456782" → "******782"). The result has the same length.
    """
    hide: set[int] = set()
    n = len(text)
    for s, e in spans:
        s, e = max(0, s), min(n, e)
        positions = [s + m.start() + k for m in re.finditer(rf"[{_D}]+", text[s:e])
                     if re.search(r"\d", m.group()) for k in range(len(m.group()))]
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
