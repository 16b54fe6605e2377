"""The generic explainer: every kind's answer starts here, kind explainers add to it.

Sections, in the order the resident reads them: summary ("Wat is dit?"), what_to_do (steps, first
step first), deadline_text ("Vóór wanneer?"), amount_text ("Hoeveel?"), if_you_do_nothing,
objection, help. A value that was not found is never made up: the text says what to look up on
the letter, and `warnings` says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from ..result import Amount, Classification, Deadline, Explanation, Fields, Help, Reference
from . import help as help_
from .base import KindTexts
from .dutch import cents, clock, days_left, days_phrase, iban_groups, long_date, money
from .placeholders import PLACEHOLDERS, Values, all_checks, check_sentence, fill, uses, warning

RELATIVE_NOTE = "We tellen vanaf de datum van de brief. Misschien heb je iets meer tijd. Reken daar niet op."
PRIVATE_NOTE = (
    "Dit kenmerk bevat een deel van je BSN. Zonder dit nummer vinden ze je betaling niet. "
    "Laat het verder aan niemand zien."
)
DEFAULT_OBJECTION = (
    "Ben je het niet eens met de brief? Dan kun je bezwaar maken (laten weten dat je het niet eens "
    "bent). Schrijf een brief aan {sender}. Zeg daarin waarom je het niet eens bent."
)
URGENT_KINDS = frozenset({"deurwaarder"})
URGENT_STAGES = frozenset({"dagvaarding", "vonnis", "beslag"})
# Reference kinds a resident can put with a payment, best first (Reference.kind values).
PAYABLE_REFERENCES = (
    "betalingskenmerk", "cjib-nummer", "aanslagnummer", "beschikkingsnummer", "vorderingsnummer",
    "dossiernummer", "factuurnummer", "klantnummer", "kenmerk",
)
# These numbers start with the BSN [S59] (docs/sources.md).
BSN_REFERENCE_KINDS = frozenset({"aanslagnummer", "beschikkingsnummer", "bsn"})
# Belastingdienst/Toeslagen kenmerken start with the fiscal number, so the BSN can be rebuilt.
_BSN_SENDERS = re.compile(r"belastingdienst|toeslagen|\bduo\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """Everything one explanation needs, built once per letter."""

    texts: KindTexts
    fields: Fields
    classification: Classification
    deadline: Deadline | None
    objection_deadline: date | None
    today: date
    region: str
    pages: tuple[str, ...]
    values: Values

    @property
    def kind(self) -> str:
        return self.texts.kind

    @property
    def stage(self) -> str | None:
        return self.classification.stage

    @property
    def page_text(self) -> str:
        return "\n".join(self.pages)

    @property
    def refund(self) -> Amount | None:
        return refund_amount(self.fields)

    @property
    def is_refund(self) -> bool:
        return pays_you(self.fields, self.deadline)

    @property
    def due(self) -> Decimal | None:
        return amount_due(self.fields)

    @property
    def pay_expected(self) -> bool:
        if self.is_refund:
            return False
        if self.deadline is not None and self.deadline.action == "pay":
            return True
        return self.due is not None and self.due > 0

    @property
    def urgent(self) -> bool:
        return self.kind in URGENT_KINDS or (self.stage or "") in URGENT_STAGES

    def fill(self, text: str, *, payment: bool = False, own: bool = False) -> tuple[str, frozenset[str]]:
        """Fill a text; the kind's texts (own=False) lose their pay sentences on a refund."""
        return fill(text, self.values, kind=self.kind, payment=payment,
                    drop_pay=self.is_refund and not own,
                    optional_dates=not own and self.deadline is None and not self.pay_expected)

    def all_texts(self) -> tuple[str, ...]:
        t = self.texts
        return (t.summary, *t.what_to_do, t.if_you_do_nothing, t.objection or "")


@dataclass
class Draft:
    """An explanation being written: sections plus the keys whose value was missing.

    The one mutable value here: it lives inside one explain call, kind explainers change it, and
    `finish` turns it into the frozen Explanation.
    """

    summary: str
    what_to_do: list[str]
    deadline_text: str | None
    amount_text: str | None
    if_you_do_nothing: str
    objection: str | None
    help: list[Help]
    missing: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def finish(self, values: Values) -> Explanation:
        self._say_checks_once(values)
        order = [k for k in PLACEHOLDERS if k in self.missing]
        warnings = [warning(k, values) for k in order] + self.warnings
        return Explanation(
            summary=self.summary,
            what_to_do=tuple(s for s in self.what_to_do if s),
            deadline_text=self.deadline_text,
            amount_text=self.amount_text,
            if_you_do_nothing=self.if_you_do_nothing,
            objection=self.objection,
            help=tuple(self.help),
            warnings=tuple(dict.fromkeys(warnings)),
            not_found=tuple(dict.fromkeys("date" if k == "weekday" else k for k in order)),
        )

    def _say_checks_once(self, values: Values) -> None:
        """A 'Kijk op de brief …' sentence stays where it first appears (reading order), unless
        it is all a later section says."""
        checks = all_checks(values)
        said: set[str] = set()

        def once(text: str | None) -> str | None:
            if not text:
                return text
            kept = []
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if sentence in checks and sentence in said:
                    continue
                said.add(sentence)
                kept.append(sentence)
            return " ".join(kept) or text

        self.summary = once(self.summary) or self.summary
        self.what_to_do = [once(s) or s for s in self.what_to_do]
        self.deadline_text = once(self.deadline_text)
        self.amount_text = once(self.amount_text)
        self.if_you_do_nothing = once(self.if_you_do_nothing) or self.if_you_do_nothing
        self.objection = once(self.objection)


# --- values ------------------------------------------------------------------------------------

def amounts(fields: Fields, *roles: str) -> list[Amount]:
    return [a for a in fields.amounts if a.role in roles]


def amount_due(fields: Fields) -> Decimal | None:
    """What the letter asks: `amount_due`, else the largest total."""
    if fields.amount_due is not None:
        return fields.amount_due
    totals = amounts(fields, "total")
    return max(a.value for a in totals) if totals else None


def refund_amount(fields: Fields) -> Amount | None:
    got = amounts(fields, "refund", "benefit")
    return max(got, key=lambda a: abs(a.value)) if got else None


# A letter that asks for papers or a visit is not about money, even when it quotes a benefit.
NOT_MONEY_ACTIONS = frozenset({"send_documents", "attend"})


def pays_you(fields: Fields, deadline: Deadline | None) -> bool:
    """The letter pays the resident (refund or benefit) and asks no money."""
    if deadline is not None and deadline.action in NOT_MONEY_ACTIONS:
        return False
    due = fields.amount_due
    return (due is None or due <= 0) and refund_amount(fields) is not None


def refund_value(fields: Fields) -> Decimal | None:
    """What the resident gets, only when the letter leaves no doubt: one refund value, or one
    benefit value. A toeslag or benefit letter often lists several (per month, per year, the
    advance already paid): then we do not guess which one is theirs."""
    for roles in (("refund",), ("benefit",)):
        values = {cents(a.value) for a in amounts(fields, *roles)}
        if len(values) == 1:
            return abs(values.pop())
        if values:
            return None
    return None


def payment_reference(fields: Fields) -> Reference | None:
    if fields.payment_reference is not None:
        return fields.payment_reference
    for kind in PAYABLE_REFERENCES:
        for ref in fields.references:
            if ref.kind == kind:
                return ref
    return None


def _overlaps(a, b) -> bool:
    return a is not None and b is not None and a.page == b.page and a.start < b.end and b.start < a.end


def holds_bsn(ref: Reference | None, fields: Fields) -> bool:
    """True when the number holds (part of) a BSN: shown whole only where needed to pay."""
    if ref is None:
        return False
    if ref.kind in BSN_REFERENCE_KINDS:
        return True
    if any(_overlaps(ref.evidence, span) for span in fields.bsn_spans):
        return True
    return ref.kind in ("betalingskenmerk", "kenmerk") and bool(_BSN_SENDERS.search(fields.sender or ""))


def build_context(
    texts: KindTexts,
    fields: Fields,
    classification: Classification,
    deadline: Deadline | None,
    objection_deadline: date | None,
    today: date,
    region: str = "amsterdam",
    pages: Sequence[str] = (),
) -> Context:
    due = amount_due(fields)
    is_refund = pays_you(fields, deadline)
    shown = refund_value(fields) if is_refund else due
    ref = payment_reference(fields)
    the_date = deadline.date if deadline else (fields.appointment.date if fields.appointment else None)
    action = deadline.action if deadline else ("attend" if fields.appointment else None)
    values = Values(
        appointment=_appointment_value(fields, deadline),
        sender=(fields.sender or "").strip() or None,
        amount=money(shown) if shown is not None else None,
        refund=is_refund,
        date=the_date,
        action=action,
        iban=iban_groups(fields.iban) if fields.iban else None,
        reference=ref.value.strip() if ref and ref.value.strip() else None,
        reference_private=holds_bsn(ref, fields),
        objection_date=objection_deadline,
    )
    return Context(texts, fields, classification, deadline, objection_deadline, today,
                   region or help_.DEFAULT_REGION, tuple(pages), values)


# --- sections ----------------------------------------------------------------------------------

_PAY_VERB = re.compile(r"\b(?:betaal|betalen|betaalt|terugbetalen|overmaken)\b", re.IGNORECASE)
_CHECK_STEP = re.compile(r"\s*(?:lees|kijk|controleer|check|bekijk)\b", re.IGNORECASE)
# A step that asks to pay: "Betaal …", "Maak … over".
_PAY_STEP = re.compile(r"\s*(?:betaal|maak\b[^.]*\bover\b)", re.IGNORECASE)


def pay_step_index(what_to_do: Sequence[str], iban: str | None = None) -> int | None:
    """Where the payment step stands in filled steps: the one with the IBAN, else 'Betaal …'."""
    if iban:
        for i, s in enumerate(what_to_do):
            if iban in s:
                return i
    return next((i for i, s in enumerate(what_to_do) if _PAY_STEP.match(s)), None)


def steps(ctx: Context) -> tuple[list[str], set[str]]:
    """The numbered steps: the kind's own, with one payment step that says where and how."""
    templates = list(ctx.texts.what_to_do)
    pay_at = [i for i, s in enumerate(templates) if uses(s, "iban") or uses(s, "reference")]
    if ctx.pay_expected and not pay_at:
        extra = " Zet het geld op rekening {iban}."
        if ctx.values.reference:
            extra += " Zet bij de omschrijving het kenmerk {reference}."
        j = next((i for i, s in enumerate(templates) if uses(s, "amount")), None)
        if j is None:
            j = next((i for i, s in enumerate(templates) if _PAY_STEP.match(s)), None)
        if j is None:
            # After the steps that say to read or check the letter first.
            j = next((i for i, s in enumerate(templates) if not _CHECK_STEP.match(s)), len(templates))
            templates.insert(j, "Betaal {amount} aan {sender}." + extra)
        else:
            # Right after the sentence with the amount: "Betaal € 50 vóór … . Zet het geld op …"
            anchor = "{amount}" if uses(templates[j], "amount") else templates[j].split()[0]
            templates[j] = insert_after(templates[j].strip(), anchor, extra.strip())
        pay_at = [j]
    out: list[str] = []
    missing: set[str] = set()
    private_said = False
    for i, template in enumerate(templates):
        if ctx.is_refund and _PAY_VERB.search(re.split(r"(?<=[.!?])\s+", template.strip())[0]):
            continue  # "Kun je niet op tijd betalen? …" does not apply to a refund
        payment = i in pay_at
        text, miss = ctx.fill(template, payment=payment)
        if not text:
            continue  # a pay step on a refund letter
        missing |= miss
        if (payment and not private_said and ctx.values.reference_private
                and ctx.values.reference and uses(template, "reference")):
            text += " " + PRIVATE_NOTE
            private_said = True
        out.append(text)
    if ctx.is_refund and not any(re.search(r"klop|controleer|nakijken", s, re.IGNORECASE) for s in out):
        text, miss = ctx.fill("Kijk of de gegevens op de brief kloppen. Klopt er iets niet? Bel dan {sender}.", own=True)
        out.append(text)
        missing |= miss
    if not out:
        out.append("Je hoeft nu niets te doen. Bewaar de brief goed.")
    return out, missing


_IMPERATIVE = {
    "pay": "Betaal", "respond": "Reageer", "send_documents": "Stuur de papieren",
    "object": "Laat weten dat je het niet eens bent", "none": "Doe het",
}
_LAST_DAY = {
    "pay": "De laatste dag om te betalen is", "respond": "De laatste dag om te reageren is",
    "send_documents": "De laatste dag om de papieren te sturen is",
    "object": "De laatste dag om te laten weten dat je het niet eens bent is",
    "none": "De laatste dag is",
}
_TOO_LATE = {
    "pay": "Betaal zo snel mogelijk. Kun je niet alles betalen? Bel dan vandaag nog {sender}. "
           "Vraag of je in delen mag betalen.",
    "respond": "Reageer toch zo snel mogelijk. Bel {sender} en vraag of het nog kan.",
    "send_documents": "Stuur de papieren toch zo snel mogelijk. Bel {sender} en zeg dat ze eraan komen.",
    "object": "Soms kan het toch nog. Vraag het vandaag aan het Juridisch Loket.",
    "none": "Kijk op de brief wat je nu nog kunt doen. Vraag hulp als je het niet weet.",
}


def _appointment_value(fields: Fields, deadline: Deadline | None) -> str | None:
    """{appointment}: the day (and time) of the appointment, also when the deadline is another
    thing to do first ("stuur de vragenlijst vóór 27 mei", then the talk on 4 juni)."""
    appt = fields.appointment
    when = appt.date if appt else (deadline.date if deadline and deadline.action == "attend" else None)
    if when is None:
        return None
    text = long_date(when)
    if appt is not None and appt.time:
        text += f" om {clock(appt.time)} uur"
    return text


def _appointment_text(ctx: Context, when: date) -> tuple[str, set[str]]:
    appt = ctx.fields.appointment
    parts = [f"Je afspraak is op {long_date(when)}"]
    if appt is not None and appt.time and appt.date == when:
        parts[0] += f" om {clock(appt.time)} uur"
    parts[0] += "."
    if appt is not None and appt.place and appt.date == when:
        parts.append(f"De plek is: {appt.place.strip().rstrip('.')}.")
    n = days_left(when, ctx.today)
    missing: set[str] = set()
    if n > 1:
        parts.append(f"Dat is over {n} dagen.")
    elif n == 1:
        parts.append("Dat is morgen.")
    elif n == 0:
        parts.append("Dat is vandaag.")
    else:
        text, missing = ctx.fill("Die afspraak is voorbij. Bel vandaag nog {sender} voor een nieuwe afspraak.", own=True)
        parts.append(text)
    return " ".join(parts), set(missing)


def deadline_text(ctx: Context, date_needed: bool | None = None) -> tuple[str | None, set[str]]:
    """Vóór wanneer? The date with its weekday, the days left from `today`, what to do if late.

    `date_needed`: the other sections asked for a date they did not get (None: guess from texts).
    """
    d = ctx.deadline
    if d is None:
        if ctx.fields.appointment is not None:
            return _appointment_text(ctx, ctx.fields.appointment.date)
        if ctx.is_refund:
            return "Je hoeft niets te betalen. Je hoeft dus ook niet op een datum te letten.", set()
        if date_needed is None:
            date_needed = any(uses(t, "date") for t in ctx.all_texts())
        if ctx.pay_expected or date_needed:
            hint = next((t for t in ctx.all_texts() if uses(t, "date")), "")
            return check_sentence("date", ctx.values, hint), {"date"}
        return "We vonden geen datum waarvoor je iets moet doen. Kijk voor de zekerheid op de brief.", set()
    if d.action == "attend":
        text, missing = _appointment_text(ctx, d.date)
    else:
        action = d.action if d.action in _IMPERATIVE else "none"
        if d.before:
            first = f"{_IMPERATIVE[action]} vóór {long_date(d.date)}."
        else:
            first = f"{_LAST_DAY[action]} {long_date(d.date)}."
        parts = [first, days_phrase(d.date, ctx.today)]
        missing: set[str] = set()
        if days_left(d.date, ctx.today) < 0:
            late, missing = ctx.fill(_TOO_LATE[action], own=True)
            parts.append(late)
        appt = ctx.fields.appointment
        if appt is not None and appt.date > d.date:  # first this, then the appointment
            later, _ = _appointment_text(ctx, appt.date)
            parts.append(later)
        text = " ".join(parts)
    if d.relative:
        text += " " + RELATIVE_NOTE
    return text, set(missing)


def is_btw(a: Amount) -> bool:
    """VAT, by the tag the fields stage gave the amount (rules/phrasings/amount-tags.yaml)."""
    return "btw" in a.tags


def without_subtotal(values: list[Decimal]) -> list[Decimal]:
    """Drop a line that is the sum of the others ("Samen is dat € 460,10")."""
    if len(values) >= 3:
        top = max(values)
        rest = list(values)
        rest.remove(top)
        if abs(sum(rest, Decimal(0)) - top) <= Decimal("0.01"):
            return [top]
    return values


@dataclass(frozen=True)
class Parts:
    """What the amount due is made of, as the letter splits it."""

    principal: Decimal | None
    fine: Decimal | None
    increase: Decimal | None
    interest: Decimal | None
    costs: Decimal | None
    btw: Decimal | None
    paid: Decimal | None
    adds_up: bool

    def lines(self) -> list[str]:
        out = []
        if self.principal is not None:
            out.append(f"Het bedrag zelf is {money(self.principal)}.")
        if self.fine is not None:
            out.append(f"De boete is {money(self.fine)}.")
        if self.increase is not None:
            out.append(f"Er komt {money(self.increase)} bij omdat je te laat bent.")
        if self.interest is not None:
            out.append(f"De rente is {money(self.interest)}.")
        if self.costs is not None:
            out.append(f"De kosten zijn {money(self.costs)}.")
        if self.btw is not None:
            out.append(f"Over de kosten komt {money(self.btw)} btw.")
        if self.paid is not None:
            out.append(f"Je hebt al {money(self.paid)} betaald. Dat gaat er al af.")
        return out


def _role_sum(items: Iterable[Amount], dedupe: bool) -> Decimal | None:
    values = [cents(a.value) for a in items]
    if not values:
        return None
    if dedupe:  # the same line read twice (a table and the sentence below it)
        values = without_subtotal(list(dict.fromkeys(values)))
    return sum(values, Decimal(0))


def breakdown(fields: Fields, due: Decimal | None = None) -> Parts | None:
    """The parts of the amount, only where the letter splits it (two parts or more).

    Tries the lines as read, then with repeated lines counted once; `adds_up` says whether the
    parts (minus what was paid) give the amount due.
    """
    btw_items = [a for a in fields.amounts if is_btw(a) and a.role in ("costs", "other")]
    paid_items = [a for a in amounts(fields, "other") if a.value < 0]
    best: Parts | None = None
    for dedupe in (False, True):
        principal = principal_value(fields)
        parts = Parts(
            principal=cents(principal) if principal is not None else None,
            fine=_role_sum(amounts(fields, "fine"), dedupe),
            increase=_role_sum(amounts(fields, "increase"), dedupe),
            interest=_role_sum(amounts(fields, "interest"), dedupe),
            costs=_role_sum([a for a in amounts(fields, "costs") if not is_btw(a)], dedupe),
            btw=_role_sum(btw_items, dedupe),
            paid=_role_sum([replace(a, value=-a.value) for a in paid_items], True),
            adds_up=False,
        )
        if len([x for x in (parts.principal, parts.fine, parts.increase, parts.interest, parts.costs,
                            parts.btw) if x is not None]) < 2:
            return None
        total = sum((x for x in (parts.principal, parts.fine, parts.increase, parts.interest,
                                 parts.costs, parts.btw) if x is not None), Decimal(0)) - (parts.paid or 0)
        parts = replace(parts, adds_up=due is not None and abs(total - cents(due)) <= Decimal("0.01"))
        if parts.adds_up:
            return parts
        best = best or parts
    return best


def principal_value(fields: Fields) -> Decimal | None:
    """The hoofdsom: one 'principal' amount, or the sum of invoice lines unless one is their total."""
    found = [cents(a.value) for a in amounts(fields, "principal")]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    whole = sum(found, Decimal(0))
    # Two months of equal rent add up to the total asked: they are lines, not a line and its sum.
    totals = [a.value for a in amounts(fields, "total")] + (
        [fields.amount_due] if fields.amount_due is not None else [])
    if whole in totals:
        return whole
    top = max(found)
    rest = whole - top
    return top if rest == top else whole


def amount_text(ctx: Context) -> tuple[str | None, set[str]]:
    """Hoeveel? What to pay and what it is made of — or, for a refund, what you get."""
    if ctx.is_refund and ctx.refund is not None:
        value = refund_value(ctx.fields)
        if value is None:
            return ("Je hoeft niets te betalen. Op de brief staan een paar bedragen. "
                    + check_sentence("amount", ctx.values)), {"amount"}
        what = "Je krijgt {} terug." if ctx.refund.role == "refund" else "Je krijgt {}."
        text, missing = ctx.fill("Je hoeft niets te betalen. " + what.format(money(value))
                                 + " Klopt het bedrag niet? Bel dan {sender}.", own=True)
        return text, set(missing)
    due = ctx.due
    if due is None:
        if ctx.pay_expected or any(uses(t, "amount") for t in ctx.all_texts()):
            return check_sentence("amount", ctx.values), {"amount"}
        return None, set()
    lines = [f"Je moet {money(due)} betalen."]
    parts = breakdown(ctx.fields, due)
    if parts is not None and not parts.adds_up and parts.principal == cents(due):
        # A 14-dagenbrief asks the bill itself and only announces the costs for later.
        extra = [x for x in (parts.interest, parts.costs, parts.btw) if x is not None]
        lines.append("Dat is het bedrag zelf, zonder kosten.")
        if extra:
            lines.append(f"Op de brief staan ook kosten van {money(sum(extra, Decimal(0)))}. "
                         "Die zitten niet in dit bedrag.")
    elif parts is not None:
        lines.append("Dat bedrag bestaat uit een paar delen.")
        lines += parts.lines()
        if not parts.adds_up:
            lines.append(f"Samen is dat niet precies {money(due)}. Kijk op de brief welke bedragen erbij horen.")
    return " ".join(lines), set()


def objection_text(ctx: Context) -> tuple[str | None, set[str]]:
    """Until when and how to object — only where the kind allows it."""
    if not ctx.texts.objection_possible:
        return None, set()
    template = ctx.texts.objection or DEFAULT_OBJECTION
    text, missing = ctx.fill(template)
    missing = set(missing)
    od = ctx.objection_deadline
    if od is not None:
        if not uses(template, "objection_date"):
            text += f" De laatste dag is {long_date(od)}."
        n = days_left(od, ctx.today)
        if n < 0:
            left = "Die datum is voorbij. Soms kan het toch nog. Vraag het aan het Juridisch Loket."
        elif n == 0:
            left = "Dat is vandaag."
        elif n == 1:
            left = "Dat is morgen."
        else:
            left = f"Je hebt nog {n} dagen."
        text = insert_after(text, long_date(od), left)
    elif not uses(template, "objection_date"):
        text += " " + check_sentence("objection_date", ctx.values)
        missing.add("objection_date")
        if ctx.texts.objection_weeks:
            text += f" Meestal is dat {ctx.texts.objection_weeks} weken na de datum van de brief."
    return text, missing


def insert_after(text: str, anchor: str, sentence: str) -> str:
    """Put `sentence` right after the sentence that holds `anchor` (else at the end)."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    for i, part in enumerate(parts):
        if anchor in part:
            parts.insert(i + 1, sentence)
            return " ".join(parts)
    return f"{text} {sentence}"


def help_items(ctx: Context, extra_ids: Sequence[str] = ()) -> list[Help]:
    ids = tuple(ctx.texts.help_ids or ("buurtteam",)) + tuple(extra_ids)
    return list(help_.pick(ids, ctx.region, urgent=ctx.urgent))


_DUNNING = re.compile(r"aanmaning|deurwaarder|dwangbevel|beslag|incasso|rente|kosten|hoger", re.IGNORECASE)


MAX_SUMMARY_SENTENCES = 2  # issue #8: "Wat is dit?" is one or two sentences


# A sentence ends at . ! or ? before a space, but not after an initial or "B.V." in a name.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def short_summary(summary: str, values: Values) -> str:
    """At most two sentences: a 'Kijk op de brief …' check goes first (the warnings keep it)."""
    parts = _sentences(summary)
    if len(parts) > MAX_SUMMARY_SENTENCES:
        checks = all_checks(values)
        parts = [p for p in parts if p not in checks] or parts
    return " ".join(parts[:MAX_SUMMARY_SENTENCES])


def _refund_summary(ctx: Context, summary: str, missing: frozenset[str]) -> tuple[str, frozenset[str]]:
    """A refund letter's summary says what you get, even when the kind's text was about paying.

    The sentence about the money takes the place of a second sentence, so it stays two.
    """
    parts = _sentences(summary)
    if not parts:
        head, m = ctx.fill("Dit is een brief van {sender}.", own=True)
        parts = _sentences(head)[:1]
        missing = missing | m
    value = refund_value(ctx.fields)
    if (ctx.refund is not None and value is not None
            and not re.search(r"\bkrijg|\bterug\b|\bontvang", summary, re.IGNORECASE)):
        got = ("Je krijgt {} terug." if ctx.refund.role == "refund" else "Je krijgt {}.").format(money(value))
        parts = [*parts[:MAX_SUMMARY_SENTENCES - 1], got]
    return " ".join(parts), missing


def add_step(d: Draft, step: str, unless: str, *, at: int | None = None) -> bool:
    """Add a step unless one already says it (`unless`: a regex on the existing steps)."""
    if any(re.search(unless, s, re.IGNORECASE) for s in d.what_to_do):
        return False
    if at is None:
        d.what_to_do.append(step)
    else:
        d.what_to_do.insert(at, step)
    return True


def add_help(d: Draft, ctx: Context, *ids: str) -> None:
    """Add help entries the kind did not list yet (same region, same urgency)."""
    have = {h.name for h in d.help}
    for item in help_.pick(tuple(ids), ctx.region, urgent=ctx.urgent):
        if item.name not in have:
            d.help.append(item)
            have.add(item.name)


def draft(ctx: Context) -> Draft:
    """All sections, filled; kind explainers change the draft and call `finish`."""
    summary, m1 = ctx.fill(ctx.texts.summary)
    todo, m2 = steps(ctx)
    how_much, m4 = amount_text(ctx)
    nothing, m5 = ctx.fill(ctx.texts.if_you_do_nothing)
    when, m3 = deadline_text(ctx, date_needed="date" in (set(m1) | m2 | set(m5)))
    summary = short_summary(summary, ctx.values)
    if ctx.is_refund:
        summary, m1 = _refund_summary(ctx, summary, m1)
        if not nothing or _DUNNING.search(nothing):
            nothing, m5 = "Je hoeft niets te betalen. Klopt alles? Dan hoef je ook niets te doen.", frozenset()
    objection, m6 = objection_text(ctx)
    return Draft(
        summary=summary, what_to_do=todo, deadline_text=when, amount_text=how_much,
        if_you_do_nothing=nothing, objection=objection, help=help_items(ctx),
        missing=set(m1) | m2 | m3 | m4 | set(m5) | m6,
    )


def explain(
    texts: KindTexts,
    fields: Fields,
    classification: Classification,
    deadline: Deadline | None,
    objection_deadline: date | None,
    today: date,
    region: str = "amsterdam",
    *,
    pages: Sequence[str] = (),
) -> Explanation:
    ctx = build_context(texts, fields, classification, deadline, objection_deadline, today, region, pages)
    return draft(ctx).finish(ctx.values)
