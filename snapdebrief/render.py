"""Turn a Result into plain text for the terminal or a printout (no letter text, BSN masked), in
the answer's language (#20): Dutch headings are written here, the others come from rules/lang/."""

from __future__ import annotations

from .result import Result

DUTCH_HEADINGS = {
    "heading.summary": "Wat is dit?", "heading.what-to-do": "Wat moet je doen?",
    "heading.deadline": "Vóór wanneer?", "heading.amount": "Hoeveel?",
    "heading.if-you-do-nothing": "Wat gebeurt er als je niets doet?",
    "heading.objection": "Ben je het er niet mee eens?", "heading.help": "Gratis hulp",
    "heading.warnings": "Let op",
}


def as_text(result: Result) -> str:
    data = result.to_json()  # masked
    e = data["explanation"]
    lang = e.get("lang", "nl")
    if lang == "nl":
        say = DUTCH_HEADINGS.__getitem__
    else:
        from .lang.translate import heading

        def say(mid: str) -> str:
            return heading(mid, lang)
    lines: list[str] = []
    title = e.get("kind_label") or data["kind_label"]
    if data["sender"]:
        title += f" — {data['sender']}"
    lines += [title, "=" * min(len(title), 72), "", say("heading.summary"), e["summary"], ""]
    if e["what_to_do"]:
        lines.append(say("heading.what-to-do"))
        lines += [f"{i}. {step}" for i, step in enumerate(e["what_to_do"], 1)]
        lines.append("")
    if e["deadline_text"]:
        lines += [say("heading.deadline"), e["deadline_text"], ""]
    if e["amount_text"]:
        lines += [say("heading.amount"), e["amount_text"], ""]
    lines += [say("heading.if-you-do-nothing"), e["if_you_do_nothing"], ""]
    if e["objection"]:
        lines += [say("heading.objection"), e["objection"], ""]
    if e["help"]:
        lines.append(say("heading.help"))
        for h in e["help"]:
            contact = ", ".join(x for x in (h["phone"], h["url"]) if x)
            lines.append(f"- {h['name']}" + (f" ({contact})" if contact else "") + f": {h['why']}")
        lines.append("")
    ease = data.get("reading_ease") or {}
    # The reading-ease scores are of the Dutch answer: shown with a Dutch answer only.
    if lang == "nl" and ease.get("letter") is not None and ease.get("answer") is not None:
        lines += ["Hoe makkelijk is het om te lezen?",
                  f"De brief scoort {_score(ease['letter'])}. Deze uitleg scoort {_score(ease['answer'])}.",
                  "Hoe hoger, hoe makkelijker. Onze uitleg moet 65 of meer scoren.", ""]
    if data["warnings"]:
        lines.append(say("heading.warnings"))
        lines += [f"- {w}" for w in data["warnings"]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _score(value: float) -> str:
    """A Flesch-Douma score as a whole number; it can go below 0 or above 100."""
    return str(round(value))
