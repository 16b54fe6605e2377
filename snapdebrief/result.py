"""The values that flow through the pipeline: read → fields → classify → explain → Result.

Every stage takes frozen values and returns new frozen values. Offsets in `Evidence` are
character offsets into ONE page's text (`Page.text`), 1-based page numbers, so the app can
highlight a value and a volunteer can check it. BSN masking keeps the text's length, so
offsets stay valid after masking.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import MAX_PREC, ROUND_HALF_UP, Context, Decimal
from typing import Any, Literal

Method = Literal["text-layer", "ocr", "text"]
Action = Literal["pay", "respond", "send_documents", "object", "attend", "none"]
AmountRole = Literal[
    "total", "principal", "interest", "costs", "fine", "increase", "benefit", "refund", "other"
]
Stage = Literal[
    "info", "decision", "reminder", "aanmaning", "14-dagenbrief", "sommatie", "dagvaarding",
    "vonnis", "beslag",
]


@dataclass(frozen=True)
class Evidence:
    """Where a value stands: page (1-based), character offsets in that page's text, OCR box."""

    page: int
    start: int
    end: int
    bbox: tuple[float, float, float, float] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"page": self.page, "start": self.start, "end": self.end}
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        return out


@dataclass(frozen=True)
class Word:
    """One OCR word: its offsets in the page text, its box in page-image pixels, confidence 0..100."""

    start: int
    end: int
    bbox: tuple[float, float, float, float]
    conf: float


@dataclass(frozen=True)
class Page:
    """The text of one page as read, with how it was read and (for OCR) the words' boxes."""

    number: int
    text: str
    method: Method
    words: tuple[Word, ...] = ()
    confidence: float | None = None  # mean OCR word confidence 0..100; None for text
    size: tuple[int, int] | None = None  # page image (width, height) in pixels, OCR only
    # The page as Tesseract read it, as a greyscale JPEG for the desk view (OCR pages, only when
    # Options.keep_images): built once by the reader, every BSN painted over before the Result
    # leaves the pipeline, never written to disk or put in the JSON. `image_scale` maps word-box
    # pixels to the JPEG's pixels (the JPEG is smaller than the page Tesseract read).
    image: bytes | None = field(default=None, repr=False)
    image_scale: float = 1.0


@dataclass(frozen=True)
class Document:
    """All pages of one letter, in order, plus what the reader wants to warn about."""

    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.pages]

    def box_for(self, ev: Evidence) -> Evidence:
        """The evidence with the box of the OCR words it covers (unchanged when it has one, or
        its page has no words there)."""
        if ev.bbox is not None or not 1 <= ev.page <= len(self.pages):
            return ev
        boxes = [w.bbox for w in self.pages[ev.page - 1].words if w.start < ev.end and w.end > ev.start]
        if not boxes:
            return ev
        return dataclasses.replace(ev, bbox=(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                             max(b[2] for b in boxes), max(b[3] for b in boxes)))


@dataclass(frozen=True)
class DateMention:
    """A date found on the letter, with the role its context gives it.

    role: letter_date | pay_by | respond_by | send_by | object_by | appointment | invoice |
    earlier_letter | period | birth | other.  `relative` is True when the date was computed
    from a term such as "binnen 14 dagen na dagtekening"; `basis` then says from what.
    """

    date: date
    role: str
    text: str
    evidence: Evidence | None
    relative: bool = False
    basis: str | None = None
    time: str | None = None  # "HH:MM" where a time stands beside it (appointments)


@dataclass(frozen=True)
class Deadline:
    date: date
    action: Action
    text: str
    evidence: Evidence | None
    relative: bool = False
    basis: str | None = None
    # the letter says "vóór <date>": the day itself is too late (the answer says "vóór" too)
    before: bool = False


@dataclass(frozen=True)
class Appointment:
    date: date
    time: str | None
    place: str | None
    evidence: Evidence | None


CENT = Decimal("0.01")
# Room for every digit a letter (or OCR noise) prints: with the default 28 digits, quantize()
# raised InvalidOperation on a 27-digit "amount", and the resident got the bug message.
_ANY_LENGTH = Context(prec=MAX_PREC)


def cents(value: Decimal | float) -> Decimal:
    """Round to whole cents the way a bank does (half up). Amounts are Decimal (#18); a float
    (an amount read back from `Result.to_json()`, as the app does) goes via str(), so 0.1 stays
    0.10."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(CENT, rounding=ROUND_HALF_UP, context=_ANY_LENGTH)


def json_number(value: Decimal | None) -> float | None:
    """Money at the JSON edge: a number, as `explain --json` always printed it (1265.0, 20.86).

    Amounts are Decimal with two decimals everywhere else (#18). A float is only the JSON
    encoder's way to print a number: for an amount of at most 15 digits its shortest repr is
    the amount's own digits (123.40 prints 123.4, 1265.00 prints 1265.0), so nothing is rounded.
    """
    return None if value is None else float(value)


def _no_float(name: str, value: object) -> None:
    """Money is a Decimal: a float here would be summed and compared with binary error again
    (0.1 + 0.2 != 0.3), so it is refused where it enters instead of found in a wrong answer."""
    if isinstance(value, float):
        raise TypeError(f"{name} is a Decimal with two decimals (#18), not the float {value!r}")


@dataclass(frozen=True)
class Amount:
    """A sum of money as printed: `value` in euros, exact to the cent (parsed from the text,
    never through a float), negative for a credit."""

    value: Decimal
    role: AmountRole
    text: str
    evidence: Evidence | None
    label: str | None = None  # the words that gave the role, e.g. "Incassokosten"
    # what its label or line says beyond the role (rules/phrasings/amount-tags.yaml): "btw", "buiten-wik"
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _no_float("Amount.value", self.value)


@dataclass(frozen=True)
class Reference:
    """A number a resident or helper needs: kind is betalingskenmerk, cjib-nummer,
    aanslagnummer, beschikkingsnummer, dossiernummer, klantnummer, factuurnummer, kenmerk …"""

    kind: str
    value: str
    evidence: Evidence | None
    valid: bool | None = None  # check digit holds (None: no check exists for this kind)


@dataclass(frozen=True)
class Fields:
    """Everything the finders found, before the kind is known."""

    letter_date: DateMention | None = None
    dates: tuple[DateMention, ...] = ()
    appointment: Appointment | None = None
    amounts: tuple[Amount, ...] = ()
    amount_due: Decimal | None = None
    # the letter says the reader pays nothing now (fields/money.says_pay_nothing): no pay
    # deadline, account or reference is shown as an ask
    pays_nothing: bool = False
    iban: str | None = None
    iban_evidence: Evidence | None = None
    payment_reference: Reference | None = None
    references: tuple[Reference, ...] = ()
    bsn_spans: tuple[Evidence, ...] = ()  # where a BSN (or a number holding one) stands
    sender: str | None = None
    sender_evidence: Evidence | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _no_float("Fields.amount_due", self.amount_due)


@dataclass(frozen=True)
class RuleHit:
    """One pattern that scored for a kind: for the volunteer and the rule author."""

    kind: str
    pattern_id: str
    weight: float
    text: str
    evidence: Evidence | None


@dataclass(frozen=True)
class Classification:
    kind: str
    label: str
    confidence: float
    stage: str | None
    hits: tuple[RuleHit, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()  # (kind, score), best first
    # letter facts (rules/phrasings/letter-facts.yaml): (id, where it first stands), in order
    facts: tuple[tuple[str, int], ...] = ()

    def has(self, fact: str) -> bool:
        return any(fid == fact for fid, _ in self.facts)

    def first_of(self, *facts: str) -> str | None:
        """Of the facts named, the one that stands first on the letter."""
        return next((fid for fid, _ in self.facts if fid in facts), None)


@dataclass(frozen=True)
class Help:
    name: str
    phone: str | None
    url: str | None
    why: str


@dataclass(frozen=True)
class Explanation:
    summary: str
    what_to_do: tuple[str, ...]
    deadline_text: str | None
    amount_text: str | None
    if_you_do_nothing: str
    objection: str | None
    help: tuple[Help, ...] = ()
    warnings: tuple[str, ...] = ()
    # Which `texts.variants` entry of the rule file gave the words (None: the kind's own texts).
    variant: str | None = None
    # Values the answer needed but the letter did not give with certainty (sender, amount, date,
    # iban, reference, objection_date, appointment): not guessed, and flagged in desk mode.
    not_found: tuple[str, ...] = ()
    # The language of the texts above (#20; lang/translate.py), the kind's label in it, and how
    # many sentences had no translation and were left in Dutch (the warnings then say so).
    lang: str = "nl"
    label: str | None = None
    untranslated: int = 0


@dataclass(frozen=True)
class ReadingEase:
    """Flesch-Douma of the letter (its text, BSN masked) and of our answer, by one method.

    readability.score: numbers and abbreviations masked, textstat 0.7.13 with lang nl; higher
    is easier (60-70 "normaal", 80-90 "gemakkelijk" [S77], docs/sources.md). None: too little text.
    A letter's address block, headings and table rows count as short sentences, so its score
    is if anything too kind to the letter, never to us.
    """

    letter: float | None
    answer: float | None
    letter_avg_sentence_words: float | None = None
    answer_avg_sentence_words: float | None = None
    method: str = "Flesch-Douma (textstat 0.7.13, nl), numbers masked"


@dataclass(frozen=True)
class Source:
    pages: int
    methods: tuple[Method, ...]
    ocr_confidence: float | None
    seconds: float


@dataclass(frozen=True)
class Result:
    """The one answer for one letter. `to_json()` is the contract of `explain --json`."""

    document: Document
    fields: Fields
    classification: Classification
    deadline: Deadline | None
    objection_deadline: date | None
    explanation: Explanation
    source: Source
    warnings: tuple[str, ...] = ()
    reading_ease: ReadingEase | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # The BSNs found (digits only). Never serialised: to_json() masks every trace of them.
    bsn_values: tuple[str, ...] = field(default=(), repr=False)
    # Fields as the finders gave them, before the kind left out what it cannot ask (a kind that
    # never asks a payment has no amount, account or reference to pay with): a volunteer who
    # corrects the kind gets them back. None: same as `fields`.
    found: Fields | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "\f".join(self.document.texts)

    def replace(self, **changes: Any) -> Result:
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        f = self.fields
        c = self.classification
        e = self.explanation

        def ev(x: Evidence | None) -> dict[str, Any] | None:
            return x.to_json() if x is not None else None

        out: dict[str, Any] = {
            "kind": c.kind,
            "kind_label": c.label,
            "confidence": round(max(0.0, min(1.0, c.confidence)), 3),
            "sender": f.sender,
            "letter_date": f.letter_date.date.isoformat() if f.letter_date else None,
            "stage": c.stage,
            "deadline": None
            if self.deadline is None
            else {
                "date": self.deadline.date.isoformat(),
                "action": self.deadline.action,
                "text": self.deadline.text,
                "evidence": ev(self.deadline.evidence),
                "relative": self.deadline.relative,
            },
            "objection_deadline": self.objection_deadline.isoformat()
            if self.objection_deadline
            else None,
            "appointment": None
            if f.appointment is None
            else {
                "date": f.appointment.date.isoformat(),
                "time": f.appointment.time,
                "place": f.appointment.place,
                "evidence": ev(f.appointment.evidence),
            },
            "amount_due": json_number(f.amount_due),
            "amounts": [
                {"value": json_number(a.value), "role": a.role, "text": a.text, "evidence": ev(a.evidence)}
                for a in f.amounts
            ],
            "iban": f.iban,
            "payment_reference": f.payment_reference.value if f.payment_reference else None,
            "reference_numbers": [r.value for r in f.references],
            "bsn_found": bool(f.bsn_spans),
            "explanation": {
                "summary": e.summary,
                "what_to_do": list(e.what_to_do),
                "deadline_text": e.deadline_text,
                "amount_text": e.amount_text,
                "if_you_do_nothing": e.if_you_do_nothing,
                "objection": e.objection,
                "help": [
                    {"name": h.name, "phone": h.phone, "url": h.url, "why": h.why} for h in e.help
                ],
                "texts_variant": e.variant,
                "not_found": list(e.not_found),
                "lang": e.lang,
                "kind_label": e.label or c.label,
                "untranslated": e.untranslated,
            },
            "lang": e.lang,
            "warnings": list(self.warnings),
            "text": self.text,
            "source": {
                "pages": self.source.pages,
                "methods": list(self.source.methods),
                "ocr_confidence": self.source.ocr_confidence,
                "seconds": round(self.source.seconds, 3),
            },
            "reading_ease": None
            if self.reading_ease is None
            else {
                "letter": self.reading_ease.letter,
                "answer": self.reading_ease.answer,
                "letter_avg_sentence_words": self.reading_ease.letter_avg_sentence_words,
                "answer_avg_sentence_words": self.reading_ease.answer_avg_sentence_words,
                "method": self.reading_ease.method,
            },
            "rule_hits": [
                {"kind": h.kind, "pattern": h.pattern_id, "weight": h.weight, "text": h.text,
                 "evidence": ev(h.evidence)}
                for h in c.hits
            ],
            # what the letter says beyond its fields (rules/phrasings/letter-facts.yaml)
            "facts": [fid for fid, _ in c.facts],
        }
        out.update(self.extra)
        # The payment reference too: a Belastingdienst betalingskenmerk holds only the BSN's
        # first 8 digits and stays whole; an aanslagnummer holding all 9 is masked.
        return scrub_bsn(out, self.bsn_values, pieces=self._bsn_pieces())

    def _bsn_pieces(self) -> dict[str, str]:
        """Reference values read where a BSN stands, as the masked letter shows them: OCR broke
        "1234.56.789.H.01" into "123456 789.H 01" and the finder kept "123456", which beside the
        text's "****** 789" would give the BSN away."""
        pages = self.document.pages
        spans = [s for s in self.fields.bsn_spans if 0 < s.page <= len(pages)
                 and 8 <= _digit_count(pages[s.page - 1].text[s.start : s.end]) <= 10]
        out: dict[str, str] = {}
        f = self.fields
        for ref in (f.payment_reference, *f.references):
            ev = ref.evidence if ref is not None else None
            if ref is None or ev is None or not any(
                s.page == ev.page and s.start < ev.end and ev.start < s.end for s in spans
            ):
                continue
            shown = pages[ev.page - 1].text[ev.start : ev.end]
            if "*" in shown:
                out[ref.value] = _masked_like(ref.value, shown)
        return out


# A digit as OCR may print it (letters-for-digits slips Tesseract makes in numbers).
_LOOK_ALIKES = {"0": "0Oo", "1": "1lI|", "5": "5S", "8": "8B"}
_SEPARATORS = " \t\n\r\f\v.,-"


def bsn_pattern(bsn: str) -> re.Pattern[str]:
    """The BSN's nine digits in order wherever they stand: alone, inside a longer number (an
    aanslagnummer), split by spaces, dots, commas or dashes, a digit printed as a look-alike
    letter ("1234.56.782", "123456 782.H", "I2345678 2")."""
    sep = r"[\s.,\-]{0,3}"
    return re.compile(sep.join("[" + re.escape(_LOOK_ALIKES.get(d, d)) + "]" for d in bsn))


def _mask_match(m: re.Match[str]) -> str:
    text = m.group(0)
    shown = [i for i, ch in enumerate(text) if ch not in _SEPARATORS]
    keep = set(shown[-3:])
    return "".join(
        ch if (ch in _SEPARATORS or i in keep) else "*" for i, ch in enumerate(text)
    )


def _digit_count(text: str) -> int:
    """Digits in a (masked) number: digits, '*' and look-alike letters beside them."""
    return sum(len(m.group()) for m in re.finditer(r"[0-9*OoIl|SB]+", text)
               if re.search(r"[0-9*]", m.group()))


def _masked_like(value: str, shown: str) -> str:
    """`value` (a reference as found: `shown` without its spaces, maybe without dots) with the
    digits the masked text `shown` hides hidden too; when they do not line up, every digit but
    the last 3."""
    out: list[str] = []
    j = 0
    for ch in shown:
        if j < len(value) and (ch == value[j] or ch == "*"):
            out.append(ch)
            j += 1
    if j == len(value) and len(out) == len(value):
        return "".join(out)
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    hide = set(digits[:-3])
    return "".join("*" if i in hide else ch for i, ch in enumerate(value))


def scrub_bsn(value: Any, bsns: tuple[str, ...], keep: tuple[str, ...] = (),
              pieces: dict[str, str] | None = None) -> Any:
    """Mask every BSN in every string of a JSON-like value (last 3 digits stay), keeping length:
    also inside a longer number and however OCR split it (see bsn_pattern), so no output holds
    the nine digits in a row. `pieces` maps a value read where a BSN stands to its masked form,
    replaced wherever it stands as a word. `keep` names keys whose strings are left as they are."""
    if not bsns and not pieces:
        return value
    patterns = [bsn_pattern(b) for b in bsns]
    words = [(re.compile(r"(?<![\w*])" + re.escape(k) + r"(?![\w*])"), v)
             for k, v in (pieces or {}).items() if k != v]

    def walk(v: Any, key: str | None = None) -> Any:
        if isinstance(v, str):
            if key in keep:
                return v
            for word, masked in words:
                v = word.sub(lambda _m, masked=masked: masked, v)
            for pat in patterns:
                v = pat.sub(_mask_match, v)
            return v
        if isinstance(v, dict):
            return {k: walk(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(value)
