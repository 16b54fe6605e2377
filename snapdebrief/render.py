"""Turn a Result into plain Dutch text for the terminal or a printout (no letter text, BSN masked)."""

from __future__ import annotations

from .result import Result


def as_text(result: Result) -> str:
    data = result.to_json()  # masked
    e = data["explanation"]
    lines: list[str] = []
    title = data["kind_label"]
    if data["sender"]:
        title += f" — {data['sender']}"
    lines += [title, "=" * min(len(title), 72), "", "Wat is dit?", e["summary"], ""]
    if e["what_to_do"]:
        lines.append("Wat moet je doen?")
        lines += [f"{i}. {step}" for i, step in enumerate(e["what_to_do"], 1)]
        lines.append("")
    if e["deadline_text"]:
        lines += ["Vóór wanneer?", e["deadline_text"], ""]
    if e["amount_text"]:
        lines += ["Hoeveel?", e["amount_text"], ""]
    lines += ["Wat gebeurt er als je niets doet?", e["if_you_do_nothing"], ""]
    if e["objection"]:
        lines += ["Ben je het er niet mee eens?", e["objection"], ""]
    if e["help"]:
        lines.append("Gratis hulp")
        for h in e["help"]:
            contact = ", ".join(x for x in (h["phone"], h["url"]) if x)
            lines.append(f"- {h['name']}" + (f" ({contact})" if contact else "") + f": {h['why']}")
        lines.append("")
    ease = data.get("reading_ease") or {}
    if ease.get("letter") is not None and ease.get("answer") is not None:
        lines += ["Hoe makkelijk is het om te lezen?",
                  f"De brief scoort {_score(ease['letter'])}. Deze uitleg scoort {_score(ease['answer'])}.",
                  "Hoe hoger, hoe makkelijker. Onze uitleg moet 65 of meer scoren.", ""]
    if data["warnings"]:
        lines.append("Let op")
        lines += [f"- {w}" for w in data["warnings"]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _score(value: float) -> str:
    """A Flesch-Douma score as a whole number; it can go below 0 or above 100."""
    return str(round(value))
