"""Where a letter stands on its debt ladder, as data for a picture: the steps and "je bent hier".

Three routes (domain brief §2): the private route of shops, landlords and insurers, the public
route of tax offices, and the CJIB route for fines; DUO has its own. Which route a kind is on is
data: the `route:` key of its rule file. A kind without one falls back on its stage (a bailiff's
stages are private). Letters that are not about a debt (information, appointments, decisions
without a sum) get none.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    means: str  # what this step means, in plain words


@dataclass(frozen=True)
class Ladder:
    route: str
    title: str
    steps: tuple[Step, ...]
    current: int  # index into steps: "je bent hier"

    @property
    def here(self) -> Step:
        return self.steps[self.current]

    def state(self, index: int) -> str:
        """'done', 'here' or 'next' for the step at index."""
        if index < self.current:
            return "done"
        return "here" if index == self.current else "next"


PRIVATE = (
    Step("herinnering", "Herinnering", "Je hebt nog niet betaald. Er zijn nog geen extra kosten."),
    Step("aanmaning", "Aanmaning", "Laatste kans: betaal binnen 14 dagen, anders komen er kosten bij."),
    Step("incassokosten", "Incassokosten", "Er komen kosten bij omdat je te laat bent."),
    Step("deurwaarder", "Deurwaarder", "De deurwaarder kan je voor de rechter brengen."),
    Step("beslag", "Beslag", "Er wordt geld of spullen van je afgepakt voor de schuld."),
)
PUBLIC = (
    Step("aanslag", "Aanslag", "De belastingbrief: hoeveel je moet betalen."),
    Step("aanmaning", "Aanmaning", "Je hebt niet op tijd betaald. Er komen kosten bij."),
    Step("dwangbevel", "Dwangbevel", "Bevel om te betalen. Er komen weer kosten bij."),
    Step("beslag", "Beslag", "Er wordt geld of spullen van je afgepakt voor de schuld."),
)
TOESLAG = (
    Step("terugvordering", "Terugvordering", "Je moet toeslag terugbetalen."),
    *PUBLIC[1:],
)
CJIB = (
    Step("beschikking", "Beschikking", "De boete."),
    Step("aanmaning-1", "1e aanmaning", "Niet op tijd betaald: de boete is hoger geworden."),
    Step("aanmaning-2", "2e aanmaning", "Weer niet betaald: de boete is nog hoger geworden."),
    Step("dwangbevel", "Dwangbevel", "Het CJIB kan geld afpakken of de deurwaarder sturen."),
)
DUO = (
    Step("betalingsverzoek", "Betalingsverzoek", "DUO vraagt je te betalen."),
    Step("herinnering", "Herinnering", "Je hebt nog niet betaald."),
    Step("aanmaning", "Aanmaning", "Laatste kans bij DUO voor een betalingsregeling."),
    Step("cjib", "CJIB", "Het CJIB gaat het geld innen."),
    Step("deurwaarder", "Deurwaarder", "De deurwaarder komt om het geld te innen."),
)

ROUTES: dict[str, tuple[str, tuple[Step, ...]]] = {
    "private": ("Zo gaat het verder bij een schuld", PRIVATE),
    "public": ("Zo gaat het verder bij belasting", PUBLIC),
    "toeslag": ("Zo gaat het verder bij terugbetalen van toeslag", TOESLAG),
    "cjib": ("Zo gaat het verder bij een boete", CJIB),
    "duo": ("Zo gaat het verder bij DUO", DUO),
}

# stage → step key, per route
STAGE_STEPS = {
    "private": {
        "reminder": "herinnering", "14-dagenbrief": "aanmaning", "aanmaning": "incassokosten",
        "sommatie": "deurwaarder", "dagvaarding": "deurwaarder", "vonnis": "deurwaarder",
        "beslag": "beslag",
    },
    "public": {"decision": "aanslag", "reminder": "aanslag", "aanmaning": "aanmaning",
               "beslag": "beslag"},
    "toeslag": {"decision": "terugvordering", "aanmaning": "aanmaning", "beslag": "beslag"},
    "cjib": {"decision": "beschikking", "aanmaning": "aanmaning-1"},
    "duo": {"info": "betalingsverzoek", "decision": "betalingsverzoek", "reminder": "herinnering",
            "aanmaning": "aanmaning"},
}

PRIVATE_STAGES = {"reminder", "14-dagenbrief", "sommatie", "dagvaarding", "vonnis"}

def route_of(kind: str, rules_dirs=()) -> str | None:
    """The `route:` of the kind's rule file (None for a kind without one or unknown)."""
    from ..rules import load_rules

    rule = load_rules(tuple(rules_dirs)).kinds.get(kind)
    return None if rule is None else rule.route


def ladder(route: str | None, stage: str | None, facts: Collection[str] = ()) -> Ladder | None:
    """The ladder for this letter, or None when it is not a step on a debt ladder.

    `route` is the kind's `route:` (route_of). `facts` (the Result's letter facts) only tell a
    CJIB 2nd aanmaning from a 1st and a served dwangbevel, by their title lines
    (rules/phrasings/letter-facts.yaml).
    """
    if route is None and stage in PRIVATE_STAGES:
        route = "private"
    if route not in ROUTES or stage is None:
        return None
    title, steps = ROUTES[route]
    key = STAGE_STEPS[route].get(stage)
    if route == "cjib" and key == "aanmaning-1" and "tweede-aanmaning-titel" in facts:
        key = "aanmaning-2"
    if route in ("public", "toeslag", "cjib") and stage in ("aanmaning", "beslag") \
            and "dwangbevel-titel" in facts:
        key = "dwangbevel"
    if key is None:
        return None
    index = next(i for i, s in enumerate(steps) if s.key == key)
    return Ladder(route=route, title=title, steps=steps, current=index)
