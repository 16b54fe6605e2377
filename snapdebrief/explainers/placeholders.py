"""Fill a kind's text with the letter's values; never invent a value that was not found.

A placeholder whose value is missing becomes a plain noun ("het bedrag", "de datum op de brief"),
and the sentence is followed by what to check on the letter ("Kijk op de brief hoeveel je moet
betalen."). `fill` reports which values were missing, so the explainer can add one warning each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import RuleFileError
from .dutch import capitalize, long_date, weekday

PLACEHOLDERS = ("sender", "amount", "date", "weekday", "iban", "reference", "objection_date",
                "appointment")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Values:
    """The values a text may ask for, already formatted. None = not found on the letter."""

    sender: str | None = None
    amount: str | None = None  # "€ 1.234,56"
    refund: bool = False  # the amount is money the resident gets, not pays
    date: date | None = None  # the deadline (or appointment) date
    action: str | None = None  # the deadline's action, for the "check" sentence
    iban: str | None = None  # "NL86 INGB 0002 4455 88"
    reference: str | None = None  # as printed
    reference_private: bool = False  # holds (part of) a BSN: whole only in the payment step
    objection_date: date | None = None
    appointment: str | None = None  # "donderdag 4 juni 2026 om 09.15 uur"


_DATE_CHECK = {
    "pay": "Kijk op de brief vóór welke datum je moet betalen.",
    "respond": "Kijk op de brief vóór welke datum je moet reageren.",
    "send_documents": "Kijk op de brief vóór welke datum je de papieren moet sturen.",
    "attend": "Kijk op de brief wanneer je afspraak is.",
    "object": "Kijk op de brief tot wanneer je kunt laten weten dat je het niet eens bent.",
}


_ACTION_HINTS = (
    ("attend", re.compile(r"afspraak|gesprek|\bkom\b|\bga\s+naar\b", re.IGNORECASE)),
    ("send_documents", re.compile(r"\bstuur\b|papieren|stukken|formulier", re.IGNORECASE)),
    ("pay", re.compile(r"\bbetaal|\bbetalen\b", re.IGNORECASE)),
    ("respond", re.compile(r"reageer|\bbel\b|laat\s+weten", re.IGNORECASE)),
)


def _action_from(sentence: str) -> str | None:
    for action, hint in _ACTION_HINTS:
        if hint.search(sentence):
            return action
    return None


def check_sentence(key: str, values: Values, sentence: str = "") -> str:
    """What to look up on the letter when `key` was not found.

    For a date, the action comes from the deadline, else from the sentence that needed it.
    """
    if key == "amount":
        return ("Kijk op de brief hoeveel je krijgt." if values.refund
                else "Kijk op de brief hoeveel je moet betalen.")
    if key in ("date", "weekday"):
        action = values.action or _action_from(sentence) or ""
        return _DATE_CHECK.get(action, "Kijk op de brief vóór welke datum je iets moet doen.")
    return {
        "iban": "Kijk op de brief naar welk rekeningnummer je moet betalen.",
        "reference": "Kijk op de brief welk kenmerk je bij je betaling moet zetten.",
        "sender": "Kijk op de brief wie hem stuurde.",
        "objection_date": "Kijk op de brief tot wanneer dat kan.",
        "appointment": "Kijk op de brief wanneer je afspraak is.",
    }[key]


def all_checks(values: Values) -> frozenset[str]:
    """Every 'Kijk op de brief …' sentence `fill` can write for these values."""
    out = {check_sentence(k, values) for k in PLACEHOLDERS} | set(_DATE_CHECK.values())
    return frozenset(out | {"Kijk op de brief vóór welke datum je iets moet doen."})


def warning(key: str, values: Values) -> str:
    """Why the answer says 'kijk op de brief': one Dutch line for the "Let op" list."""
    what = {
        "amount": "hoeveel je krijgt" if values.refund else "hoeveel je moet betalen",
        "date": "vóór welke datum je iets moet doen",
        "weekday": "vóór welke datum je iets moet doen",
        "iban": "naar welk rekeningnummer je moet betalen",
        "reference": "welk kenmerk je bij je betaling moet zetten",
        "sender": "wie de brief stuurde",
        "objection_date": "tot wanneer je kunt laten weten dat je het niet eens bent",
        "appointment": "wanneer je afspraak is",
    }[key]
    return f"We konden niet lezen {what}. Kijk het zelf na op de brief. {_LOOK_FOR[key]}"


def look_for(key: str) -> str:
    """Where on the letter a person finds the value `key` ("Zoek naar …")."""
    return _LOOK_FOR[key]


# Where a value stands on a letter: the words printed near it (docs/phrasings.md). A value the
# program could not read with certainty is left out, and this says where a person finds it.
_LOOK_FOR = {
    "amount": "Zoek naar woorden als 'totaal', 'te betalen' of 'openstaand'.",
    "date": "Zoek naar woorden als 'vóór' of 'binnen … dagen', dicht bij een datum.",
    "weekday": "Zoek naar woorden als 'vóór' of 'binnen … dagen', dicht bij een datum.",
    "iban": "Zoek naar 'IBAN' of 'rekeningnummer'. Dat nummer begint met NL.",
    "reference": "Zoek naar 'kenmerk', 'onder vermelding van' of 'omschrijving'.",
    "sender": "Kijk bovenaan de brief, bij het logo.",
    "objection_date": "Zoek naar het woord 'bezwaar' (zeggen dat je het niet eens bent).",
    "appointment": "Zoek naar 'afspraak' of 'gesprek' en een tijd met 'uur'.",
}


# Phrases around a missing placeholder that are replaced as a whole, so the sentence still reads.
_FALLBACKS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "iban": (
        (re.compile(r"\b(op|naar)\s+(?:het\s+|de\s+)?(?:IBAN|rekening(?:nummer)?)(?:\s*:)?\s*\{iban\}",
                    re.IGNORECASE), r"\1 het rekeningnummer op de brief"),
        (re.compile(r"(?:\b(?:het|de)\s+)?(?:IBAN|rekening(?:nummer)?)(?:\s*:)?\s*\{iban\}", re.IGNORECASE),
         "het rekeningnummer op de brief"),
        (re.compile(r"\{iban\}"), "het rekeningnummer op de brief"),
    ),
    "reference": (
        # "Zet het kenmerk (uitleg) erbij: {reference}." → "Zet het kenmerk (uitleg) van de brief erbij."
        (re.compile(r"(\S+(?:\s+\([^)]*\))?)\s+erbij\s*:\s*\{reference\}", re.IGNORECASE), r"\1 van de brief erbij"),
        (re.compile(r"(?:\b(?:het|de)\s+)?(?:betalings)?(?:kenmerk|referentie|CJIB-nummer)(?:\s*:)?\s*"
                    r"\{reference\}", re.IGNORECASE), "het kenmerk op de brief"),
        (re.compile(r"\{reference\}"), "het kenmerk op de brief"),
    ),
    "amount": (
        (re.compile(r"\b(?:een\s+|het\s+)?bedrag\s+van\s+\{amount\}", re.IGNORECASE), "het bedrag"),
        (re.compile(r"\{amount\}"), "het bedrag"),
    ),
    "date": (
        (re.compile(r"\{date\}"), "de datum op de brief"),
    ),
    "objection_date": (
        (re.compile(r"\{objection_date\}"), "de datum op de brief"),
    ),
    "sender": (
        (re.compile(r"\{sender\}"), "de afzender"),
    ),
    "appointment": (
        (re.compile(r"\{appointment\}"), "de dag en de tijd op de brief"),
    ),
}
_PRIVATE_REFERENCE = "het kenmerk op de brief"


def apply_fallback(sentence: str, key: str) -> str:
    """The sentence with the words around a missing `key` replaced by what to look for ("op het
    rekeningnummer op de brief"); lang/sentences.py builds the same Dutch forms to translate them."""
    for pattern, fallback in _FALLBACKS.get(key, ()):
        sentence = pattern.sub(fallback, sentence)
    return sentence


def _validate(text: str, kind: str) -> None:
    for m in _PLACEHOLDER.finditer(text):
        if m.group(1) not in PLACEHOLDERS:
            raise RuleFileError(
                f"rules/{kind}.yaml", None,
                f"unknown placeholder {m.group(0)} in a text",
                "use one of " + ", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )


# Senders whose name takes an article in a sentence ("Vraag de Belastingdienst …").
_ARTICLES = {
    "belastingdienst": "de Belastingdienst", "belastingdienst/toeslagen": "de Belastingdienst/Toeslagen",
    "cjib": "het CJIB", "uwv": "het UWV", "cak": "het CAK", "svb": "de SVB",
    "centraal justitieel incassobureau": "het Centraal Justitieel Incassobureau",
    "openbaar ministerie": "het Openbaar Ministerie",
}


def sender_phrase(sender: str | None) -> str | None:
    if sender is None:
        return None
    return _ARTICLES.get(" ".join(sender.lower().split()), sender)


def _present(key: str, values: Values, payment: bool) -> str | None:
    """The formatted value, or None when it is missing."""
    if key == "sender":
        return sender_phrase(values.sender)
    if key == "amount":
        return values.amount
    if key == "date":
        return long_date(values.date) if values.date else None
    if key == "weekday":
        return weekday(values.date) if values.date else None
    if key == "iban":
        return values.iban
    if key == "reference":
        if values.reference and values.reference_private and not payment:
            return _PRIVATE_REFERENCE
        return values.reference
    if key == "objection_date":
        return long_date(values.objection_date) if values.objection_date else None
    if key == "appointment":
        return values.appointment
    raise KeyError(key)


# For a letter that pays the resident (refund, benefit): sentences that ask to pay are left out,
# because one kind's texts serve both ("U moet betalen" / "U krijgt terug").
_PAY_VERB = re.compile(r"\b(?:betaal|betalen|terugbetalen|betaalt|overmaken)\b", re.IGNORECASE)
_PAY_ORDER = re.compile(r"\s*(?:betaal|maak\b[^.]*\bover)\b", re.IGNORECASE)


def asks_to_pay(sentence: str) -> bool:
    """'Betaal …', a sentence with the IBAN or kenmerk, or the {amount} with a pay verb."""
    return bool(
        _PAY_ORDER.match(sentence) or "{iban}" in sentence or "{reference}" in sentence
        or ("{amount}" in sentence and _PAY_VERB.search(sentence))
    )


def _drops(sentence: str, values: Values, drop_pay: bool, optional_dates: bool, after_question: bool) -> bool:
    """Whether a kind's sentence does not apply to this letter (see `fill`)."""
    needs_date = values.date is None and re.search(r"\{(?:date|weekday)\}", sentence)
    if drop_pay and (asks_to_pay(sentence) or needs_date):
        return True
    if optional_dates and needs_date and after_question:
        # "Moet je iets doen? Doe dat dan vóór {date}." on a letter that asks nothing: the question
        # makes the date optional; only a sentence that needs nothing but the date is dropped.
        return {m.group(1) for m in _PLACEHOLDER.finditer(sentence)} <= {"date", "weekday"}
    return False


def fill(text: str, values: Values, *, kind: str = "?", payment: bool = False,
         drop_pay: bool = False, optional_dates: bool = False) -> tuple[str, frozenset[str]]:
    """The text with its placeholders filled, and the keys whose value was missing.

    `payment`: this is the payment step, the one place a reference that holds part of a BSN is
    shown whole. `drop_pay` (a refund or benefit): leave out sentences that ask to pay and, without
    a date, those that need one. `optional_dates` (a letter that asks nothing): leave out a
    date-only sentence after a question when there is no date. A question that leads into a
    sentence that is left out goes too. The result may be empty.
    """
    _validate(text, kind)
    # "{weekday} {date}" is one date: we always print the weekday with the date.
    text = re.sub(r"\{weekday\},?\s+\{date\}", "{date}", text)
    text = re.sub(r"€\s*\{amount\}", "{amount}", text)
    missing: set[str] = set()
    checks: list[str] = []
    out: list[str] = []
    for sentence in _SENTENCE.split(text.strip()):
        after_question = bool(out) and out[-1].endswith("?") and not _PLACEHOLDER.search(out[-1])
        if _drops(sentence, values, drop_pay, optional_dates, after_question):
            if after_question:
                out.pop()  # "Moet je betalen?" leads into the sentence we leave out
            continue
        keys = [m.group(1) for m in _PLACEHOLDER.finditer(sentence)]
        if not keys:
            out.append(sentence)
            continue
        changed = sentence.lstrip().startswith("{")  # "{sender} wil …" → "Het UWV wil …"
        for key in dict.fromkeys(keys):
            value = _present(key, values, payment)
            if value is None:
                missing.add("date" if key == "weekday" else key)
                sentence = apply_fallback(sentence, key)
                check = check_sentence(key, values, sentence)
                sentence = sentence.replace("{" + key + "}", "")
                if check not in checks:
                    checks.append(check)
                changed = True
            else:
                sentence = sentence.replace("{" + key + "}", value)
        sentence = re.sub(r"[ \t]{2,}", " ", sentence).replace(" .", ".").replace(" ,", ",")
        sentence = re.sub(r"(?<!\.)\.\.(?!\.)", ".", sentence)  # "B.V." + "." at the end
        out.append(capitalize(sentence) if changed else sentence)
        # The check follows the sentence it belongs to.
        for check in checks:
            if check not in out:
                out.append(check)
    return " ".join(out), frozenset(missing)


def uses(text: str | None, key: str) -> bool:
    return bool(text) and ("{" + key + "}") in text  # type: ignore[operator]
