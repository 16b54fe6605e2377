"""Stage 2 of the pipeline: run every finder over the pages of one letter and gather Fields."""

from __future__ import annotations

from datetime import date

from ..phrasings import AmountLabels, DateLabels, DeadlineCues, ReferenceLabels
from ..phrasings.amount_tags import AmountTags, load_amount_tags, tagged
from ..phrasings.term_words import TermWords
from ..result import Document, Fields, Reference
from .dates import find_appointment, find_dates, find_letter_date, page_dates
from .ids import choose_iban, choose_payment_reference, find_ibans, find_references
from .locate import boxed
from .money import amounts_and_due
from .privacy import find_bsns, kenmerk_bsn_spans
from .sender import find_sender
from .terms import find_relative_terms


def find_fields(doc: Document, date_labels: DateLabels | None = None,
                amount_labels: AmountLabels | None = None, cues: DeadlineCues | None = None,
                reference_labels: ReferenceLabels | None = None,
                amount_tags: AmountTags | None = None, term_words: TermWords | None = None,
                today: date | None = None) -> Fields:
    """`date_labels`, `amount_labels`, `cues`, `reference_labels`, `amount_tags`, `term_words`:
    the phrasings in force (a team's before the shipped ones); the shipped ones when None.
    `today`: the day the letter is read, for a message that prints no year at all."""
    pages = doc.texts
    read = page_dates(pages, date_labels, cues)
    mentions = find_dates(pages, read, today)
    letter = find_letter_date(pages, mentions)
    relative = find_relative_terms(pages, letter.date if letter else None, read, term_words)
    appointment = find_appointment(pages, mentions)
    amounts, due, pays_nothing = amounts_and_due(pages, amount_labels)
    amounts = tagged(amounts, amount_tags if amount_tags is not None else load_amount_tags())
    iban = choose_iban(find_ibans(pages), pages)
    refs = find_references(pages, reference_labels)
    pay_ref = choose_payment_reference(refs, pages, reference_labels)
    bsns = find_bsns(pages)
    bsn_spans = list(bsns) + list(kenmerk_bsn_spans(pages, bsns))
    sender = find_sender(pages)
    others = tuple(r for r in _unique(refs) if pay_ref is None or r.value != pay_ref.value)
    warnings: list[str] = []
    if letter is None:
        warnings.append("We vonden de datum van de brief niet. Kijk zelf bovenaan de brief.")
    fields = Fields(
        letter_date=letter,
        dates=tuple(mentions) + tuple(relative),
        appointment=appointment,
        amounts=tuple(amounts),
        amount_due=due,
        pays_nothing=pays_nothing,
        iban=iban[0] if iban else None,
        iban_evidence=iban[1] if iban else None,
        payment_reference=pay_ref,
        references=others,
        bsn_spans=tuple(bsn_spans),
        sender=sender[0] if sender else None,
        sender_evidence=sender[1] if sender else None,
        warnings=tuple(warnings),
    )
    return boxed(fields, doc)


def _unique(refs: list[Reference]) -> list[Reference]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.value not in seen:
            seen.add(r.value)
            out.append(r)
    return out

