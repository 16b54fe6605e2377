"""The whole path of one letter: read → find fields → classify → choose dates → explain → Result.

`explain()` keeps no state between calls and writes nothing to disk, so the CLI, the app and a
pool of workers can call it side by side.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Sequence

from .classify import classify
from .errors import BadInputError, RuleFileError, SnapError, TimeLimitError
from .explainers import explain_letter, kind_texts
from .fields.collect import find_fields
from .fields.deadline import choose_deadline, objection_deadline_from
from .fields.privacy import bsn_values, mask
from .lang.translate import in_language
from .logs import Stopwatch, letter_line, new_request_id
from .options import Limits, Options
from .phrasings import (
    load_amount_labels,
    load_date_labels,
    load_deadline_cues,
    load_reference_labels,
)
from .phrasings.amount_tags import load_amount_tags
from .phrasings.term_words import load_term_words
from .read import read_document
from .read.preview import cover
from .read.sniff import decode_text, sniff
from .read.text import NOT_DUTCH, SEVERAL_LETTERS, TOO_LONG, looks_dutch, several_letters
from .readability import reading_ease
from .result import Document, Evidence, Fields, Page, Result, Source
from .rules import load_rules


def explain(files: Sequence[bytes], options: Options | None = None) -> Result:
    """Explain one letter given the bytes of its files (its pages, in order).

    Logs one line for the letter (logs.py): its request id, outcome, pages, methods and the
    seconds per stage, never anything read from it.
    """
    options = options or Options()
    watch = Stopwatch()
    about = {"request_id": options.request_id or new_request_id(), "files": len(files),
             "types": [_file_type(data, options.limits) for data in files],
             "bytes": sum(len(data) for data in files)}
    try:
        doc, fields = _read_and_find(files, options, watch)
        with watch("classify"):
            rules = load_rules(tuple(options.rules_dirs))
            classification = classify(doc.texts, rules, sender=fields.sender)
        with watch("explain"):
            result = finish(doc, fields, classification, options, watch.started)
    except SnapError as exc:
        letter_line(**about, outcome=outcome_of(exc), error=exc.code, seconds=watch.total(),
                    stages=watch.rounded())
        raise
    except BaseException as exc:
        letter_line(**about, outcome="bug", error=type(exc).__name__, seconds=watch.total(),
                    stages=watch.rounded())
        raise
    letter_line(**about, outcome="ok", error=None, pages=result.source.pages,
                methods=list(result.source.methods), seconds=watch.total(),
                stages=watch.rounded())
    return result


def outcome_of(exc: SnapError) -> str:
    """The outcome word of a letter line for an error (its `code` is logged beside it)."""
    if isinstance(exc, TimeLimitError):
        return "time-limit"
    if isinstance(exc, BadInputError):
        return "bad-input"
    if isinstance(exc, RuleFileError):
        return "rule-error"
    return "error"


def _file_type(data: bytes, limits: Limits) -> str:
    """The type sniffed from a file's first bytes (pdf, jpeg, text …), for the log line."""
    try:
        return sniff(data, limits)
    except SnapError:
        return "unreadable"


def read_and_find(files: Sequence[bytes], options: Options) -> tuple[Document, Fields]:
    """The letter read and its fields found, as explain() reads them, every BSN masked so the
    text can be shown (`snapdebrief rules explain` prints the scores on it)."""
    doc, fields = _read_and_find(files, options)
    return _masked(doc, fields), fields


def _read_and_find(files: Sequence[bytes], options: Options,
                   watch: Stopwatch | None = None) -> tuple[Document, Fields]:
    watch = watch or Stopwatch()
    with watch("read"):
        files, cut = _bounded_text_files(files, options.limits)
        doc = _checked(read_document(files, options, while_ocr=lambda: _load_stages(options)),
                       options.limits, cut)
    with watch("fields"):
        return doc, _find_fields(doc, options)


_TINY_LETTER = "Gemeente\n\nDatum: 1 januari 2026\n\nBetaal € 10,00 vóór 15 januari 2026.\n".encode()


def _load_stages(options: Options) -> None:
    """What the stages after reading load once per process (rules, spaCy, senders, readability),
    loaded by taking a tiny text letter through them while Tesseract reads a photo: it frees
    the GIL, so a cold run pays this during the OCR instead of after it (#16)."""
    doc = read_document([_TINY_LETTER], options)
    fields = _find_fields(doc, options)
    classification = classify(doc.texts, load_rules(tuple(options.rules_dirs)), sender=fields.sender)
    finish(doc, fields, classification, options)


def finish(doc: Document, fields: Fields, classification, options: Options,
           started: float | None = None) -> Result:
    """Everything after classification; the app calls it again when a volunteer corrects a value."""
    rules = load_rules(tuple(options.rules_dirs))
    rule = rules.kinds.get(classification.kind) or rules.kinds["overig"]
    found = fields
    letter_date = fields.letter_date.date if fields.letter_date else None
    actions = list(rule.deadline.actions)
    if fields.amount_due is None and (fields.pays_nothing or any(
            a.role in ("refund", "benefit") for a in fields.amounts)):
        actions = [a for a in actions if a != "pay"] or ["none"]
    if rule.deadline.pay_needs_full_ask and not (
            fields.amount_due is not None and fields.iban
            and any(d.role == "pay_by" for d in fields.dates)):
        actions = [a for a in actions if a != "pay"] or ["none"]
    if "pay" not in actions:
        # A kind that never asks a payment (an invitation, a benefit decision, "overig") or a
        # letter that pays out: an amount, account or reference on it is no ask; left out
        # rather than shown wrong (#15).
        fields = dataclasses.replace(fields, amount_due=None, iban=None, iban_evidence=None,
                                     payment_reference=None)
    deadline = choose_deadline(fields.dates, letter_date, actions)
    possible = rule.objection.possible
    if possible == "if_stated":
        possible = any(m.role == "object_by" for m in fields.dates)
    objection_date = None
    if possible and letter_date is not None:
        objection_date = objection_deadline_from(fields.dates, letter_date, rule.objection.weeks)
    objection_deadline = objection_date if rule.objection.decision and (
        not rule.objection.stages or classification.stage in rule.objection.stages) else None
    texts = kind_texts(rule, objection_possible=bool(possible))
    explanation = explain_letter(
        texts, fields, classification, deadline, objection_date, options.today,
        options.region, pages=doc.texts,
    )
    warnings = list(doc.warnings) + list(fields.warnings) + list(explanation.warnings)
    dutch = explanation
    explanation, shown_warnings = in_language(
        explanation, tuple(dict.fromkeys(warnings)), rule.id, rule.label, options.lang,
        tuple(options.rules_dirs))
    methods = tuple(p.method for p in doc.pages)
    confs = [p.confidence for p in doc.pages if p.confidence is not None]
    source = Source(
        pages=len(doc.pages),
        methods=methods,
        ocr_confidence=round(sum(confs) / len(confs), 1) if confs else None,
        seconds=(time.perf_counter() - started) if started is not None else 0.0,
    )
    masked = _masked(doc, fields)
    return Result(
        document=masked,
        fields=fields,
        classification=classification,
        deadline=deadline,
        objection_deadline=objection_deadline,
        explanation=explanation,
        source=source,
        warnings=tuple(dict.fromkeys(shown_warnings)),
        # Flesch-Douma is a Dutch measure: it scores the Dutch answer in every language.
        reading_ease=reading_ease(masked.texts, dutch),
        bsn_values=_bsn_values(doc, fields),
        found=found if found is not fields else None,
    )


def _bsn_values(doc: Document, fields: Fields) -> tuple[str, ...]:
    """The 9-digit BSNs behind the spans, so the output can mask every other trace of them."""
    return bsn_values(doc.texts, fields.bsn_spans)


def _masked(doc: Document, fields: Fields) -> Document:
    """The document with every BSN (and number holding one) masked, same length, so offsets
    hold; on a kept page image (desk view) the same words and any word holding a BSN's digits
    are painted over."""
    if not fields.bsn_spans:
        return doc
    by_page: dict[int, list[Evidence]] = {}
    for ev in fields.bsn_spans:
        by_page.setdefault(ev.page, []).append(ev)
    values = bsn_values(doc.texts, fields.bsn_spans)
    pages: list[Page] = []
    for p in doc.pages:
        spans = by_page.get(p.number, [])
        if not spans and p.image is None:
            pages.append(p)
            continue
        changes: dict[str, object] = {}
        if spans:
            changes["text"] = mask(p.text, [(ev.start, ev.end) for ev in spans])
        if p.image is not None:
            boxes = [b for ev in spans if (b := doc.box_for(ev).bbox) is not None]
            boxes += [w.bbox for w in p.words
                      if any(v in re.sub(r"\D", "", p.text[w.start:w.end]) for v in values)]
            changes["image"] = cover(p.image, boxes, p.image_scale)
        pages.append(dataclasses.replace(p, **changes))
    return dataclasses.replace(doc, pages=tuple(pages))


def _bounded_text_files(files: Sequence[bytes], limits: Limits) -> tuple[list[bytes], bool]:
    """Text files cut to Limits.max_text_chars before reading (a 1 MB text file costs ~5 s)."""
    out: list[bytes] = []
    cut = False
    for data in files:
        if len(data) > limits.max_text_chars and sniff(data, limits) == "text":
            text = decode_text(data)
            if len(text) > limits.max_text_chars:
                data, cut = text[: limits.max_text_chars].encode("utf-8"), True
        out.append(data)
    return out, cut


def _checked(doc: Document, limits: Limits, cut: bool) -> Document:
    """The document with its text capped at Limits.max_text_chars (PDF text layers too), and the
    warnings only the whole text can give: too long, not Dutch, more than one letter."""
    warnings = list(doc.warnings)
    room = limits.max_text_chars
    pages: list[Page] = []
    for p in doc.pages:
        if room <= 0:
            cut = True
            break
        if len(p.text) > room:
            p, cut = dataclasses.replace(p, text=p.text[:room], words=tuple(
                w for w in p.words if w.end <= room)), True
        room -= len(p.text)
        pages.append(p)
    if cut:
        warnings.append(TOO_LONG.format(chars=f"{limits.max_text_chars:,}".replace(",", ".")))
    texts = [p.text for p in pages]
    if not looks_dutch(texts):
        warnings.append(NOT_DUTCH)
    if several_letters(texts):
        warnings.append(SEVERAL_LETTERS)
    return dataclasses.replace(doc, pages=tuple(pages), warnings=tuple(dict.fromkeys(warnings)))


def _find_fields(doc: Document, options: Options) -> Fields:
    """Stage 2 with the phrasings in force: a team's folders before the shipped ones."""
    dirs = tuple(options.rules_dirs)
    return find_fields(doc, load_date_labels(dirs), load_amount_labels(dirs), load_deadline_cues(dirs),
                       load_reference_labels(dirs), load_amount_tags(dirs), load_term_words(dirs),
                       today=options.today)
