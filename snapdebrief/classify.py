"""Classify a letter: which kind (rules/<kind>.yaml) it is, how sure, at what stage, and why.

Pipeline place: read → fields → **classify** → explain. Pure functions over a `RuleSet`.

How a letter is scored (rule authors: see rules/README.md):

1. Each page is normalised: lowercase, accents folded ("vóór" = "voor"), curly quotes and
   dashes made plain, every run of whitespace one space, and words hyphenated across a line
   break joined again ("aan-\\nmaning" = "aanmaning"; "WOZ-\\nbeschikking" keeps its dash).
   A map from every normalised character back to the page text keeps `Evidence` offsets exact.
2. All kinds' phrases (spaCy PhraseMatcher), token patterns (spaCy Matcher; those that only
   compare whole words are expanded into the PhraseMatcher, see `as_phrases`) and regexes run
   in ONE pass over each page, on spacy.blank("nl"); cost grows at most linearly with the
   number of rules.
3. A kind's score is the sum of the weights of its pattern ids that were found, each id counted
   once per letter. A positive hit in the letter's head (page 1 above the salutation
   "Geachte ..."/"Beste ...", or its first 40 % when there is none, and every "Betreft:"/
   "Onderwerp:" line) counts `HEAD_BONUS` times, because titles stand there.
   Exclude entries add their negative weight. A sender hint word (`senders:`) found in the
   given sender or in the letterhead/footer lines of page 1 adds `SENDER_WEIGHT` once.
   A kind with `require:` groups can only win when each group has a hit (the pseudo-id
   "sender" stands for the sender hint).
4. The best kind whose score reaches its own threshold wins; otherwise the letter is "overig".
5. Confidence, in 0..1 (documented formula, not a probability):
   winner:  softmax(best, runner-up) * (1 - exp(-best / threshold))
            = 1 / (1 + exp(second - best)) * (1 - exp(-best / threshold))
            a tie gives at most 0.5; a clear lead far above the threshold approaches 1.
   overig:  1 - max over kinds of (score / threshold), clipped to 0..1, where a kind that
            misses a `require` group counts half: near 1 when no kind came close, low when
            one nearly made it.
6. Stage: the first of the winner's `stages.rules`, in file order, whose phrases or patterns
   occur (in the head, for a rule with `head: true`), else `stages.default`. The stage rule
   that decided is added to `hits` as pattern id "stage:<stage>" with weight 0.
7. `Classification.scores` lists the kinds that could win (all `require` groups met) with a
   non-zero score, best first.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from . import rule_cache
from .result import Classification, Evidence, RuleHit
from .rules import FALLBACK_KIND, KindRule, RuleSet, blank_nl, pattern_ids

HEAD_FRACTION = 0.4
HEAD_BONUS = 1.5
SENDER_WEIGHT = 1.0
SENDER_TOP_LINES = 10
SENDER_BOTTOM_LINES = 4
MAX_REGEX_CHARS = 50_000  # regexes only ever see this much of one page (bounded input)

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_LINE_BREAK_HYPHEN = re.compile(r"[-\u00ad\u00ac][ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_HEAD_LINE = re.compile(r"(?im)^[ \t]*(?:betreft|onderwerp|inzake)\b[^\n]*")
_SALUTATION = re.compile(r"(?im)^[ \t]*(?:geachte|beste|lieve|hallo)\b")


@functools.lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    ch = ch.translate(_TRANSLATE)
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Normalized:
    """A page's normalised text and, per character, its offset in the original text."""

    text: str
    src: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.src[start], self.src[end - 1] + 1


# A run of characters that fold to themselves, lowercased: no space, dash, accent or quote.
_PLAIN_RUN = re.compile(r"[A-Za-z0-9!#-&(-,./:-@\[-_{-}]+")


def normalize(raw: str) -> Normalized:
    """Lowercase, fold accents, plain quotes/dashes, one space per whitespace run, and join
    words hyphenated across a line break. Keeps a map back to `raw` for evidence."""
    out: list[str] = []
    src: list[int] = []
    space_at = -1
    i, n = 0, len(raw)
    plain = _PLAIN_RUN.match
    while i < n:
        m = plain(raw, i)
        if m:  # most of a letter: lowercase the whole run at once
            if space_at >= 0:
                if out:
                    out.append(" ")
                    src.append(space_at)
                space_at = -1
            run = m.group()
            out.append(run.lower())
            src.extend(range(i, m.end()))
            i = m.end()
            continue
        ch = raw[i]
        if ch in "-\u00ad\u00ac" and out and out[-1][-1:].isalnum() and space_at < 0:
            m = _LINE_BREAK_HYPHEN.match(raw, i)
            if m:
                before, after = raw[i - 1], raw[m.end()]
                if before.islower() and after.islower():
                    i = m.end()  # a word broken over two lines: "aan-\nmaning"
                    continue
                out.append("-")  # a real compound broken at its dash: "WOZ-\nbeschikking"
                src.append(i)
                i = m.end()
                continue
        if ch in _DROP:
            i += 1
            continue
        if ch.isspace() or ch in "\u00a0\u202f":
            if space_at < 0:
                space_at = i
            i += 1
            continue
        if space_at >= 0:
            if out:
                out.append(" ")
                src.append(space_at)
            space_at = -1
        for c in _fold(ch):
            out.append(c)
            src.append(i)
        i += 1
    return Normalized("".join(out), tuple(src))


def _norm_value(v: Any) -> Any:
    if isinstance(v, str):
        return normalize(v).text
    if isinstance(v, list):
        return [_norm_value(x) for x in v]
    if isinstance(v, dict):
        return {k: (v2 if str(k).upper() == "REGEX" else _norm_value(v2)) for k, v2 in v.items()}
    return v


_TEXT_ATTRS = {"LOWER", "NORM", "TEXT", "ORTH"}
_EXACT_ATTRS = {"LOWER", "TEXT", "ORTH"}  # on lowercased text these three are the same
MAX_EXPANSION = 64


def as_phrases(pattern: list[dict[str, Any]]) -> list[list[str]] | None:
    """The word sequences a token pattern matches, when it only compares whole tokens with
    strings ({LOWER: x} or {LOWER: {IN: [x, y]}}, no OP) and there are at most MAX_EXPANSION;
    else None. Such patterns go to the PhraseMatcher (a trie lookup per token) instead of the
    Matcher, whose IN sets are Python calls per token and pattern: same matches, far cheaper
    with many rules."""
    seqs: list[list[str]] = [[]]
    for token in pattern:
        if len(token) != 1:
            return None
        ((key, value),) = token.items()
        if str(key).upper() not in _EXACT_ATTRS:
            return None
        if isinstance(value, str):
            options = [value]
        elif (
            isinstance(value, dict)
            and list(value) == ["IN"]
            and isinstance(value["IN"], list)
            and all(isinstance(v, str) for v in value["IN"])
        ):
            options = list(dict.fromkeys(value["IN"]))
        else:
            return None
        if not options or any(not o or " " in o for o in options):
            return None
        seqs = [s + [o] for s in seqs for o in options]
        if len(seqs) > MAX_EXPANSION:
            return None
    return seqs


def normalize_token_pattern(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold the text values of a token pattern the same way the letter is folded."""
    out = []
    for token in pattern:
        new = {}
        for key, value in token.items():
            new[key] = _norm_value(value) if str(key).upper() in _TEXT_ATTRS else value
        out.append(new)
    return out


# --------------------------------------------------------------------------- compiled rules

Role = Literal["match", "stage", "sender"]


@dataclass(frozen=True)
class _Entry:
    kind: str
    pid: str
    weight: float
    role: Role
    stage_index: int = -1


@dataclass
class Compiled:
    """Every kind's phrases, token patterns and regexes, combined for one pass per page."""

    nlp: Any
    phrases: Any
    matcher: Any
    # (regex, entry, literals): the regex only runs on a page holding one of its literals
    regexes: list[tuple[LazyRegex, _Entry, tuple[str, ...] | None]]
    entries: dict[int, _Entry]
    senders: dict[str, re.Pattern[str]]  # kind → its sender words as one whole-word regex


class LazyRegex:
    """A rule's regex, compiled when a page first holds one of the words it needs: most never
    run on a letter, and compiling all of the shipped rules' took ~0.1 s of a cold start (#16).
    It compiles: a rule's regex is checked when its file is loaded (rules.py)."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        compiled = self._compiled
        if compiled is None:  # two threads may both compile it: the same pattern either way
            compiled = self._compiled = re.compile(self.pattern)
        return compiled.finditer(text)


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Words of which at least one must be on the page for `pattern` to match, or None when
    that can't be told. A cheap `in` test on them spares most regexes most pages: with a
    thousand kinds, running every regex over every page cost ~60 ms a letter."""
    try:
        from re import _parser as sre  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse as sre  # type: ignore[no-redef]
    try:
        parsed = sre.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None  # the page is lower case already; keep it exact and simple
    return _literals(list(parsed), sre)


def _literals(items: list[Any], sre: Any) -> tuple[str, ...] | None:
    """Plain-text pieces of which every match of `items` contains one: the longest run of
    plain characters, else a group's alternatives; None when there are none of 3+ characters."""
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        found = [_literals(list(b), sre) for b in items[0][1][1]]
        return tuple(lit for f in found for lit in f) if all(found) else None  # type: ignore[union-attr]
    best, run, group = "", "", None
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
        inner = None
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            inner = _literals(list(av[3]), sre)
        elif op is sre.BRANCH:  # a (?:a|b) group stands in the sequence as a bare branch
            inner = _literals([(op, av)], sre)
        if inner:
            if len(inner) == 1:
                best = max(best, inner[0], key=len)
            elif group is None:
                group = inner
    best = max(best, run, key=len)
    if len(best) >= 3:
        return (best,)
    return group


@functools.lru_cache(maxsize=8)
def compile_rules(rules: RuleSet) -> Compiled:
    """Build the combined matchers once per RuleSet (cached on its identity)."""
    nlp = blank_nl()  # first: it imports spaCy (without its command line)
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher = Matcher(nlp.vocab)
    regexes: list[tuple[LazyRegex, _Entry, tuple[str, ...] | None]] = []
    entries: dict[int, _Entry] = {}
    senders: dict[str, re.Pattern[str]] = {}

    def add_regex(entry: _Entry, pattern: str) -> None:
        literals = rule_cache.CACHE.literals(pattern)
        if literals is rule_cache.MISSING:
            literals = required_literals(pattern)
            rule_cache.CACHE.remember_literals(pattern, literals)
        regexes.append((LazyRegex(pattern), entry, literals))

    def key_for(entry: _Entry, tag: str) -> str:
        key = f"{entry.kind}\x1f{entry.role}\x1f{entry.pid}\x1f{entry.stage_index}\x1f{tag}"
        entries[nlp.vocab.strings.add(key)] = entry
        return key

    def add_phrase(entry: _Entry, text: str, tag: str = "") -> None:
        doc = nlp.make_doc(normalize(text).text)
        if len(doc):
            phrases.add(key_for(entry, tag), [doc])

    def add_pattern(entry: _Entry, pattern: list[dict[str, Any]], tag: str = "") -> None:
        pattern = normalize_token_pattern(pattern)
        seqs = as_phrases(pattern)
        if seqs is None:
            matcher.add(key_for(entry, tag), [pattern])
        else:
            phrases.add(key_for(entry, tag), [Doc(nlp.vocab, words=words) for words in seqs])

    for kind in rules.kinds.values():
        words = [t for t in (normalize(s).text for s in kind.senders) if t]
        if words:
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            senders[kind.id] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        for j, s in enumerate(kind.senders):
            add_phrase(_Entry(kind.id, "sender", SENDER_WEIGHT, "sender"), s, str(j))
        m = kind.match
        if m is not None:
            for ph in m.phrases:
                add_phrase(_Entry(kind.id, ph.id, ph.weight, "match"), ph.text)
            for tp in m.patterns:
                add_pattern(_Entry(kind.id, tp.id, tp.weight, "match"), tp.pattern)
            for rx in m.regex:
                add_regex(_Entry(kind.id, rx.id, rx.weight, "match"), rx.regex)
            for ex in m.exclude:
                entry = _Entry(kind.id, ex.id, ex.weight, "match")
                if ex.text is not None:
                    add_phrase(entry, ex.text)
                elif ex.pattern is not None:
                    add_pattern(entry, ex.pattern)
                elif ex.regex is not None:
                    add_regex(entry, ex.regex)
        for si, rule in enumerate(kind.stages.rules):
            entry = _Entry(kind.id, f"stage:{rule.stage}", 0.0, "stage", si)
            for j, text in enumerate(rule.phrases):
                add_phrase(entry, text, f"p{j}")
            for j, pat in enumerate(rule.patterns):
                add_pattern(entry, pat, f"t{j}")
    rule_cache.CACHE.save()  # the literals learnt, for the next process
    return Compiled(nlp, phrases, matcher, regexes, entries, senders)


# --------------------------------------------------------------------------- evaluation


class Scores(dict):
    """kind → KindScore for the kinds with evidence; any other kind reads as an empty score."""

    def __missing__(self, kind: str) -> KindScore:
        return KindScore(kind)


@dataclass
class _Found:
    entry: _Entry
    hit: RuleHit
    in_head: bool


@dataclass
class KindScore:
    """One kind's evidence on one letter (also used by `explain_text` and the rule tests)."""

    kind: str
    score: float = 0.0
    hits: list[RuleHit] = field(default_factory=list)
    stage_rules: set[int] = field(default_factory=set)
    stage_head: set[int] = field(default_factory=set)  # stage rules found in the head
    stage_hits: dict[int, RuleHit] = field(default_factory=dict)
    missing: list[list[str]] = field(default_factory=list)  # `require` groups without a hit

    @property
    def eligible(self) -> bool:
        return not self.missing


def _head_spans(page1: str) -> list[tuple[int, int]]:
    """The letter's head: page 1 up to the salutation ("Geachte ...", where the title and the
    Betreft line stand above), else its first 40 %; plus every Betreft/Onderwerp line."""
    m = _SALUTATION.search(page1)
    end = m.start() if m else int(len(page1) * HEAD_FRACTION)
    spans = [(0, end)]
    spans += [(m.start(), m.end()) for m in _HEAD_LINE.finditer(page1)]
    return spans


def _address_only(page1: str) -> bool:
    """Page 1 is an address side: a few short lines, no sentence."""
    words = re.findall(r"[^\W\d_]{2,}", page1)
    return len(words) < 30 and not re.search(r"[a-z]{2}[.!?](?:\s|$)", page1)


def _sender_spans(page1: str) -> list[tuple[int, int]]:
    """Where a letterhead or footer names the sender: the first SENDER_TOP_LINES and the last
    SENDER_BOTTOM_LINES non-empty lines of page 1."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", page1)]
    return lines[:SENDER_TOP_LINES] + lines[-SENDER_BOTTOM_LINES:]


def evaluate(
    pages: Sequence[str], rules: RuleSet, sender: str | None = None
) -> dict[str, KindScore]:
    """Score every kind (except the fallback) on a letter. One pass over each page."""
    comp = compile_rules(rules)
    found: dict[tuple[str, str, int], _Found] = {}
    # a card's address side (page 1 holds only the sender and the address): the message side is
    # the letter's head
    head_page = 2 if len(pages) > 1 and _address_only(pages[0]) else 1
    head = _head_spans(pages[head_page - 1]) if pages else []
    letterhead = _sender_spans(pages[0]) if pages else []

    def record(entry: _Entry, page_no: int, raw_start: int, raw_end: int, raw: str) -> None:
        if entry.role == "sender":
            if page_no != 1 or not any(a <= raw_start < b for a, b in letterhead):
                return
            in_head = True
        else:
            in_head = page_no == head_page and any(a <= raw_start < b for a, b in head)
        key = (entry.kind, entry.pid, entry.stage_index)
        old = found.get(key)
        if old is not None and (old.in_head or not in_head):
            return
        weight = entry.weight
        if entry.role == "match" and weight > 0 and in_head:
            weight *= HEAD_BONUS
        hit = RuleHit(
            kind=entry.kind,
            pattern_id=entry.pid,
            weight=round(weight, 3),
            text=raw[raw_start:raw_end],
            evidence=Evidence(page=page_no, start=raw_start, end=raw_end),
        )
        found[key] = _Found(entry, hit, in_head)

    for page_no, raw in enumerate(pages, start=1):
        norm = normalize(raw)
        if not norm.text:
            continue
        doc = comp.nlp.make_doc(norm.text)
        for match_id, start, end in list(comp.phrases(doc)) + list(comp.matcher(doc)):
            entry = comp.entries.get(match_id)
            if entry is None or end <= start:
                continue
            span = doc[start:end]
            a, b = norm.raw_span(span.start_char, span.end_char)
            record(entry, page_no, a, b, raw)
        bounded = norm.text[:MAX_REGEX_CHARS]
        for rx, entry, literals in comp.regexes:
            if literals is not None and not any(lit in bounded for lit in literals):
                continue  # it cannot match: none of the words it needs is on the page
            for m in rx.finditer(bounded):
                if m.end() > m.start():
                    a, b = norm.raw_span(m.start(), m.end())
                    record(entry, page_no, a, b, raw)
                    break  # the first (earliest) occurrence decides head and evidence

    # Only kinds with some evidence get a score: a kind without any cannot win, and with a
    # thousand rules building and ranking a thousand empty scores per letter would cost most.
    scores = Scores()
    sender_norm = normalize(sender).text if sender else ""
    head_senders: dict[str, RuleHit] = {}
    sender_kinds = [k for k, rx in comp.senders.items() if rx.search(sender_norm)] \
        if sender_norm else []
    for kind in [k for k, *_ in found] + sender_kinds:
        if kind != FALLBACK_KIND and kind in rules.kinds and kind not in scores:
            scores[kind] = KindScore(kind)
    for (kind, _pid, si), f in found.items():
        ks = scores.get(kind)
        if ks is None:
            continue
        if f.entry.role == "stage":
            ks.stage_rules.add(si)
            if f.in_head:
                ks.stage_head.add(si)
            ks.stage_hits.setdefault(si, f.hit)
        elif f.entry.role == "sender":
            head_senders.setdefault(kind, f.hit)
        else:
            ks.score += f.hit.weight
            ks.hits.append(f.hit)
    for kind, ks in scores.items():
        hint = head_senders.get(kind)
        if hint is None and kind in sender_kinds:
            hint = RuleHit(kind, "sender", SENDER_WEIGHT, sender or "", None)
        if hint is not None:
            ks.score += SENDER_WEIGHT
            ks.hits.append(RuleHit(kind, "sender", SENDER_WEIGHT, hint.text, hint.evidence))
        ks.score = round(ks.score, 3)
        ks.hits.sort(key=lambda h: (-abs(h.weight), h.pattern_id))
        m = rules.get(kind).match
        if m is not None and m.require:
            hit_ids = {h.pattern_id for h in ks.hits if h.weight > 0}  # includes "sender"
            ks.missing = [list(g) for g in m.require if not hit_ids.intersection(g)]
    return scores


def _ranked(scores: dict[str, KindScore], rules: RuleSet) -> list[KindScore]:
    def thr(kind: str) -> float:
        m = rules.get(kind).match
        return m.threshold if m else math.inf

    return sorted(
        scores.values(),
        key=lambda s: (not s.eligible, -s.score, -(s.score / thr(s.kind)), s.kind),
    )


def classify(pages: Sequence[str], rules: RuleSet, sender: str | None = None) -> Classification:
    """The kind of a letter, with confidence, stage and the hits that decided, and the letter
    facts (rules/phrasings/letter-facts.yaml) the explainers and the debt ladder read."""
    from .phrasings.letter_facts import find_facts, load_letter_facts

    found = decide(evaluate(pages, rules, sender), rules)
    return dataclasses.replace(found, facts=find_facts(pages, load_letter_facts(rules.dirs)))


def decide(scores: dict[str, KindScore], rules: RuleSet) -> Classification:
    """Turn the kinds' scores into one Classification (see the module docstring)."""
    ranked = _ranked(scores, rules)
    winner: KindScore | None = None
    for ks in ranked:
        m = rules.get(ks.kind).match
        if m is not None and ks.eligible and ks.score >= m.threshold:
            winner = ks
            break
    contenders = [s for s in ranked if s.eligible]
    ordered = tuple((s.kind, s.score) for s in contenders if s.score != 0)
    if winner is None:
        fb = rules.fallback
        ratio = 0.0
        for s in ranked:
            m = rules.get(s.kind).match
            if m is not None:
                # A kind that scored but misses a `require` group still makes us less sure.
                ratio = max(ratio, max(0.0, s.score) / m.threshold * (1.0 if s.eligible else 0.5))
        return Classification(
            kind=fb.id,
            label=fb.label,
            confidence=round(max(0.0, min(1.0, 1.0 - ratio)), 3),
            stage=fb.stages.default,
            hits=(),
            scores=ordered,
        )
    rule = rules.get(winner.kind)
    assert rule.match is not None
    second = max((max(0.0, s.score) for s in contenders if s is not winner), default=0.0)
    best = winner.score
    confidence = (1.0 / (1.0 + math.exp(second - best))) * (
        1.0 - math.exp(-best / rule.match.threshold)
    )
    stage, stage_hit = _stage(rule, winner)
    hits = tuple(winner.hits) + ((stage_hit,) if stage_hit else ())
    return Classification(
        kind=rule.id,
        label=rule.label,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        stage=stage,
        hits=hits,
        scores=ordered,
    )


def _stage(rule: KindRule, ks: KindScore) -> tuple[str | None, RuleHit | None]:
    """The first stage rule, in file order, whose phrases occur (in the head when the rule
    says `head: true`), else the default."""
    for i, sr in enumerate(rule.stages.rules):
        if i in (ks.stage_head if sr.head else ks.stage_rules):
            return sr.stage, ks.stage_hits.get(i)
    return rule.stages.default, None


# --------------------------------------------------------------------------- explain


def explain_text(pages: Sequence[str], rules: RuleSet, sender: str | None = None) -> str:
    """A table for rule authors: every kind that scored, its score, threshold and hits."""
    scores = evaluate(pages, rules, sender)
    c = decide(scores, rules)
    ranked = _ranked(scores, rules)
    lines = [
        f"kind: {c.kind} ({c.label})",
        f"confidence: {c.confidence:.3f}   stage: {c.stage}",
        "",
        f"{'kind':<28} {'score':>7} {'thresh':>7}  hits",
    ]
    shown = 0
    for ks in ranked:
        if not ks.hits and ks.score == 0:
            continue
        shown += 1
        m = rules.get(ks.kind).match
        thr = f"{m.threshold:7.2f}" if m else "      -"
        mark = "*" if ks.kind == c.kind else " "
        hits = ", ".join(
            f"{h.pattern_id}({h.weight:+g}"
            + (f" p{h.evidence.page}:{h.evidence.start}" if h.evidence else "")
            + f' "{_short(h.text)}")'
            for h in ks.hits
        )
        lines.append(f"{mark}{ks.kind:<27} {ks.score:7.2f} {thr}  {hits}")
        for group in ks.missing:
            lines.append(f"{'':<45}  cannot win: needs one of {', '.join(group)}")
        stage_bits = [
            f"stage:{rules.get(ks.kind).stages.rules[i].stage}" for i in sorted(ks.stage_rules)
        ]
        if stage_bits:
            lines.append(f"{'':<45}  stage rules found: {', '.join(stage_bits)}")
    if not shown:
        lines.append("(no kind found any evidence)")
    if c.kind == FALLBACK_KIND:
        lines += ["", f"No kind reached its threshold, so the letter is '{FALLBACK_KIND}'."]
    return "\n".join(lines) + "\n"


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- rule examples


@dataclass(frozen=True)
class ExampleFailure:
    kind: str  # the file the example belongs to
    expect: Literal["match", "no_match"]
    text: str
    got: str
    scores: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class ExampleReport:
    checked: int
    failures: tuple[ExampleFailure, ...]
    unused: tuple[tuple[str, str], ...]  # (kind, pattern id or stage rule) no example hits

    @property
    def ok(self) -> bool:
        return not self.failures and not self.unused


def run_examples(rules: RuleSet, kinds: Sequence[str] | None = None) -> ExampleReport:
    """Run every example of the given kinds (default: all) against the whole RuleSet.

    A `match` example must come out as its kind; a `no_match` example must not. Every
    pattern id of a kind must be hit by at least one of that kind's examples, and every stage
    rule by one of its match examples, or it is reported as unused.
    """
    checked = 0
    failures: list[ExampleFailure] = []
    unused: list[tuple[str, str]] = []
    for rule in rules.kinds.values():
        if kinds is not None and rule.id not in kinds:
            continue
        used: set[str] = set()
        stages_used: set[int] = set()
        for expect, texts in (("match", rule.examples.match), ("no_match", rule.examples.no_match)):
            for text in texts:
                checked += 1
                pages = text.split("\f")
                scores = evaluate(pages, rules)
                c = decide(scores, rules)
                ok = (c.kind == rule.id) if expect == "match" else (c.kind != rule.id)
                if not ok:
                    failures.append(ExampleFailure(rule.id, expect, text, c.kind, c.scores))  # type: ignore[arg-type]
                ks = scores.get(rule.id)
                if ks is not None:
                    used.update(h.pattern_id for h in ks.hits)
                    if expect == "match":
                        stages_used |= ks.stage_rules
        for _loc, pid in pattern_ids(rule):
            if pid not in used:
                unused.append((rule.id, pid))
        for i, sr in enumerate(rule.stages.rules):
            if i not in stages_used:
                unused.append((rule.id, f"stages.rules[{i}] ({sr.stage})"))
    return ExampleReport(checked, tuple(failures), tuple(unused))
