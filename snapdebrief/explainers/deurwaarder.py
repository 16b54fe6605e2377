"""Bailiff letters: urgent. Ask for help today; what each step means; the beslagvrije voet.

Ladder (letters-nl.md §1, §2): sommatie (only the flat WIK fee may be asked [S13]) → dagvaarding
(defence without a lawyer, absent → verstekvonnis [S36]) → vonnis (verzet within 4 weeks of service
in person [S35]) → betekening en bevel (pay within 2 days [S34]) → beslag (beslagvrije voet: the
part of income no creditor may take [S51]). Executoriale verkoop and ontruiming are a crisis [S65].
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..result import Classification, Deadline, Explanation, Fields
from .base import KindTexts
from .generic import Context, Draft, add_help, add_step, build_context, draft
from .incasso import add_cost_checks

URGENT_STEP = "Wacht niet. Vraag vandaag nog gratis hulp. Hieronder staat wie je kan helpen. Neem de brief mee."
BESLAGVRIJE_VOET = (
    "Een deel van je inkomen mag de deurwaarder nooit afpakken. Dat is de beslagvrije voet (geld dat "
    "je altijd mag houden). Vraag de deurwaarder hoe hoog die voor jou is. Klopt het niet? Vraag dan hulp."
)
_STAGE_SIGNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("beslag", re.compile(r"proces-verbaal\s+van\s+beslag|\bbeslag\s+(?:gelegd|onder)|beslaglegging|"
                          r"executoriale\s+verkoop|aanzegging\s+ontruiming", re.IGNORECASE)),
    ("betekening", re.compile(r"betekening\s+(?:en|van)\b[^.]{0,60}\bbevel|\bbevel\s+tot\s+betaling", re.IGNORECASE)),
    ("vonnis", re.compile(r"\bvonnis\b|\bverstek", re.IGNORECASE)),
    ("dagvaarding", re.compile(r"exploot\s+van\s+dagvaarding|\bdagvaarding\b|\bzitting\b", re.IGNORECASE)),
    ("sommatie", re.compile(r"\bsommatie\b|vooraankondiging", re.IGNORECASE)),
)
_SALE = re.compile(r"executoriale\s+verkoop|\bveiling\b", re.IGNORECASE)
_EVICTION = re.compile(r"\bontruim", re.IGNORECASE)

STAGE_STEPS = {
    "sommatie": (
        ("Dit is de laatste waarschuwing om te betalen. Betaal het bedrag. Of bel de deurwaarder "
         "en vraag of je in delen mag betalen."),
    ),
    "dagvaarding": (
        ("Ga naar de rechter op de dag en het uur op de brief. Je mag ook een brief aan de rechter "
         "schrijven. Zeg daarin waarom je het niet eens bent. Je hebt geen advocaat nodig."),
        "Je kunt ook nog betalen of afspreken dat je in delen betaalt. Doe dat vóór de dag van de rechter.",
    ),
    "vonnis": (
        ("Was je niet bij de rechter? Dan kun je soms nog verzet doen (bezwaar bij de rechter tegen "
         "een uitspraak zonder jou). Dat moet binnen 4 weken nadat je de papieren van de deurwaarder "
         "kreeg."),
    ),
    "betekening": (
        ("Je moet binnen 2 dagen betalen. Kan dat niet? Bel de deurwaarder vandaag nog. Vraag of je "
         "in delen mag betalen."),
    ),
    "beslag": (BESLAGVRIJE_VOET,),
}
STAGE_NEXT = {
    "sommatie": "Betaal je niet? Dan kan de deurwaarder je oproepen om naar de rechter te komen. "
                "Dat kost extra geld.",
    "dagvaarding": "Ga je niet en schrijf je niets? Dan beslist de rechter zonder jou. Meestal krijgt "
                   "wie het geld wil dan gelijk. Daarna kan de deurwaarder geld of spullen afpakken.",
    "vonnis": "Doe je niets? Dan mag de deurwaarder geld of spullen afpakken voor de schuld. "
              "Bijvoorbeeld van je loon, je uitkering of je bankrekening.",
    "betekening": "Betaal je niet binnen 2 dagen? Dan mag de deurwaarder geld of spullen afpakken "
                  "voor de schuld. Bijvoorbeeld van je loon, je uitkering of je bankrekening.",
    "beslag": "Doe je niets? Dan houdt de deurwaarder geld in tot de schuld betaald is. Dat kost ook "
              "nog extra geld.",
}


_HELP_TODAY = re.compile(r"vandaag[^.]*hulp|hulp[^.]*vandaag", re.IGNORECASE)
# What an existing step says when it already covers one of ours.
_STEP_SAYS = {
    STAGE_STEPS["dagvaarding"][0]: r"naar de rechter|advocaat",
    STAGE_STEPS["dagvaarding"][1]: r"vóór de dag van de rechter|voor de zitting",
    STAGE_STEPS["vonnis"][0]: r"\bverzet\b",
    STAGE_STEPS["betekening"][0]: r"2 dagen|twee dagen",
    STAGE_STEPS["sommatie"][0]: r"laatste waarschuwing",
    STAGE_STEPS["beslag"][0]: r"beslagvrije voet",
}


def stage_of(ctx: Context) -> str | None:
    """The step of the ladder: from the classification, else from the letter's own words."""
    if ctx.stage in STAGE_STEPS:
        return ctx.stage
    text = ctx.page_text
    for stage, sign in _STAGE_SIGNS:
        if sign.search(text):
            return stage
    return ctx.stage


def add_deurwaarder(d: Draft, ctx: Context) -> Draft:
    stage = stage_of(ctx)
    if stage in (None, "sommatie"):
        d = add_cost_checks(d, ctx)  # before a judge, only the flat WIK fee may be asked
    # Asking for help today comes first; the kind's own "vraag vandaag hulp" step moves up.
    urgent = next((s for s in d.what_to_do if _HELP_TODAY.search(s)), None)
    if urgent is not None:
        d.what_to_do.remove(urgent)
    d.what_to_do.insert(0, urgent or URGENT_STEP)
    for step in STAGE_STEPS.get(stage or "", ()):
        # What cannot wait comes right after "vraag hulp" (or after the step it follows up).
        at = None
        if stage in ("dagvaarding", "betekening"):
            related = [i for i, s in enumerate(d.what_to_do) if re.search(r"naar de rechter|betaal", s, re.IGNORECASE)]
            at = related[-1] + 1 if related and step is not STAGE_STEPS[stage][0] else 1
        add_step(d, step, _STEP_SAYS.get(step, re.escape(step[:40])), at=at)
    add_step(d, BESLAGVRIJE_VOET, r"beslagvrije voet")
    text = ctx.page_text
    if _SALE.search(text):
        add_step(d, "Staat er een datum op de brief waarop je spullen worden verkocht? "
                    "Vraag dan vandaag nog hulp.", r"verkocht|verkoop", at=1)
    if _EVICTION.search(text):
        add_step(d, "Staat er een datum op de brief waarop je je huis uit moet? "
                    "Vraag dan vandaag nog hulp.", r"huis uit|ontruim", at=1)
    if stage in STAGE_NEXT:
        d.if_you_do_nothing = STAGE_NEXT[stage]
    add_help(d, ctx, "juridisch-loket", "schuldhulp")
    return d


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
    return add_deurwaarder(draft(ctx), ctx).finish(ctx.values)
