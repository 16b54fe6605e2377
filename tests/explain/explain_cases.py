"""Hand-built letters for the explain tests: one realistic case per kind (plus variants).

Each case is what the finders and the classifier would hand over for a real letter of that kind:
Fields with the values and their roles, a Classification with the stage, the Deadline the
deadline chooser would pick, and the page text the kind explainer may check. The KindTexts are
test texts in the shape of rules/<kind>.yaml `texts:`; the real rule files are checked separately
(test_rule_files.py) with the same cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from snapdebrief.explainers import KindTexts
from snapdebrief.fields.deadline import says_before
from snapdebrief.phrasings.amount_tags import load_amount_tags, tagged
from snapdebrief.result import (
    Amount,
    Appointment,
    Classification,
    DateMention,
    Deadline,
    Evidence,
    Explanation,
    Fields,
    Reference,
)

TODAY = date(2026, 5, 4)  # a Monday


def ld(d: date) -> DateMention:
    return DateMention(d, "letter_date", f"{d.day}-{d.month}-{d.year}", Evidence(1, 10, 20))


def dl(on: date, action: str, text: str, evidence: Evidence | None, **kw) -> Deadline:
    """A deadline as the fields stage gives it: `before` when its words say "vóór"."""
    return Deadline(on, action, text, evidence, before=says_before(text), **kw)


def amt(value: float | str, role: str, label: str | None = None) -> Amount:
    """An amount as the finder gives it: `value` written as a number in the table, the Decimal
    with two decimals it means (#18), tagged by the shipped amount tags."""
    exact = Decimal(str(value)).quantize(Decimal("0.01"))
    a = Amount(exact, role, f"€ {exact:.2f}".replace(".", ","), Evidence(1, 100, 110), label)
    return tagged([a], load_amount_tags())[0]


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    fields: Fields
    stage: str | None
    deadline: Deadline | None
    objection_deadline: date | None = None
    pages: tuple[str, ...] = ()
    money: bool = True  # the letter is about money (amount_text expected)
    notes: tuple[str, ...] = field(default_factory=tuple)

    def classification(self) -> Classification:
        """As the classify stage gives it, with the letter facts of the case's pages."""
        return with_facts(self.kind, *self.pages, label=TEXTS[self.kind].label, stage=self.stage)


def with_facts(kind: str, *pages: str, label: str = "", stage: str | None = None) -> Classification:
    """A classification holding the letter facts of `pages` (rules/phrasings/letter-facts.yaml)."""
    from snapdebrief.phrasings.letter_facts import find_facts, load_letter_facts

    return Classification(kind, label, 0.9, stage, facts=find_facts(pages, load_letter_facts()))


def T(kind: str, label: str, summary: str, steps: tuple[str, ...], nothing: str,
      objection: str | None, help_ids: tuple[str, ...], weeks: int | None = None) -> KindTexts:
    return KindTexts(kind, label, summary, steps, nothing, objection, help_ids,
                     objection is not None, weeks)


BEZWAAR = ("Ben je het niet eens met dit besluit? Dan kun je bezwaar maken (laten weten dat je het "
           "niet eens bent). Schrijf een brief aan {sender}. Doe dat vóór {objection_date}.")

TEXTS: dict[str, KindTexts] = {k.kind: k for k in (
    T("belasting-aanslag", "Belastingaanslag",
      "Dit is een belastingbrief van {sender}. Je moet {amount} belasting betalen.",
      ("Kijk of je inkomen op de brief klopt.",
       "Betaal {amount} vóór {weekday} {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}."),
      "Dan krijg je een aanmaning. Daar komen kosten en rente bij.",
      BEZWAAR, ("belastingtelefoon", "geldfit"), 6),
    T("belasting-aanmaning", "Aanmaning belasting",
      "{sender} stuurt je een aanmaning. Je hebt de belasting nog niet betaald.",
      ("Betaal {amount} vóór {date} op rekening {iban}. Zet {reference} bij de omschrijving.",),
      "Dan krijg je een dwangbevel (bevel om te betalen, daarna beslag). Dat kost nog meer geld.",
      "Vind je de kosten van de aanmaning niet juist? Dan kun je bezwaar maken (laten weten dat je "
      "het niet eens bent). Dat kan alleen tegen de kosten.",
      ("belastingtelefoon", "geldfit"), 6),
    T("toeslag-beschikking", "Besluit toeslag",
      "Je krijgt een toeslag van {sender}. In de brief staat hoeveel.",
      ("Kijk of je inkomen en je huur op de brief kloppen.",
       "Klopt er iets niet? Geef het dan door aan {sender}."),
      "Klopt je inkomen niet? Dan moet je later misschien geld terugbetalen.",
      BEZWAAR, ("belastingtelefoon", "buurtteam"), 6),
    T("toeslag-terugvordering", "Toeslag terugbetalen",
      "{sender} wil geld terug. Je kreeg te veel toeslag. Je moet {amount} terugbetalen.",
      ("Kijk of het bedrag klopt.",
       "Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}."),
      "Dan krijg je een aanmaning. Ze kunnen het geld ook halen van toeslag die je nog krijgt.",
      BEZWAAR, ("belastingtelefoon", "juridisch-loket"), 6),
    T("gemeente-belastingaanslag", "Belasting van de gemeente",
      "Dit is een belastingbrief van {sender}. Het gaat om afval, riool en water.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",),
      "Dan krijg je een aanmaning. Betaal je dan nog niet? Dan komen er kosten bij.",
      BEZWAAR, ("buurtteam", "geldfit"), 6),
    T("kwijtschelding-besluit", "Besluit over kwijtschelding",
      "{sender} heeft gekeken of je de belasting niet hoeft te betalen.",
      ("Lees goed wat {sender} heeft besloten.",),
      "Moet je wel betalen? Dan krijg je een aanmaning als je niet betaalt.",
      "Ben je het niet eens? Dan kun je administratief beroep instellen (dezelfde organisatie "
      "vragen opnieuw te kijken).",
      ("buurtteam", "juridisch-loket")),
    T("cjib-boete", "Boete van het CJIB",
      "Je hebt een boete gekregen. Het CJIB int de boete.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",),
      "Dan wordt de boete hoger.",
      "Ben je het niet eens met de boete? Dan kun je in beroep gaan (vragen om opnieuw naar het "
      "besluit te kijken). Doe dat vóór {objection_date}. Je hoeft dan nog niet te betalen.",
      ("cjib", "juridisch-loket"), 6),
    T("cjib-aanmaning", "Aanmaning van het CJIB",
      "Je hebt je boete niet op tijd betaald. Daarom stuurt het CJIB een aanmaning.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",),
      "Dan wordt de boete nog hoger.",
      None, ("cjib", "geldfit")),
    T("incasso-aanmaning", "Brief van een incassobureau",
      "{sender} wil geld van je. Je hebt een rekening niet op tijd betaald.",
      ("Kijk of je de rekening echt nog moet betalen.",
       "Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}."),
      "Dan kan {sender} een deurwaarder inschakelen. Dat kost nog meer geld.",
      None, ("geldfit", "buurtteam")),
    T("deurwaarder", "Brief van de deurwaarder",
      "Dit is een brief van {sender}. Dat is een deurwaarder. Die wil geld van je.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",),
      "Dan kan de deurwaarder naar de rechter gaan. Dat kost nog meer geld.",
      None, ("buurtteam", "juridisch-loket")),
    T("zorgverzekering-achterstand", "Achterstand zorgverzekering",
      "{sender} wil geld van je. Je hebt de premie van je zorgverzekering niet betaald.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",
       "Kun je niet alles betalen? Vraag {sender} of je in delen mag betalen."),
      "Betaal je 6 maanden niet? Dan moet je een hogere premie betalen aan het CAK.",
      None, ("geldfit", "schuldhulp")),
    T("huurachterstand", "Huurachterstand",
      "{sender} zegt dat je de huur niet hebt betaald.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",
       "Kun je niet alles betalen? Bel {sender} en vraag of je in delen mag betalen."),
      "Dan kan {sender} naar de rechter gaan. Alleen de rechter kan zeggen dat je je huis uit moet.",
      None, ("schuldhulp", "juridisch-loket")),
    T("energie-achterstand", "Achterstand energie",
      "{sender} wil geld van je. Je hebt de rekening voor gas en stroom niet betaald.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet bij de omschrijving {reference}.",
       "Kun je niet alles betalen? Vraag {sender} of je in delen mag betalen."),
      "Dan krijg je nog een brief. Daarna geeft {sender} je gegevens aan de gemeente. Die belt je dan.",
      None, ("geldfit", "schuldhulp")),
    T("uitkering-besluit", "Besluit over je uitkering",
      "{sender} heeft een besluit genomen over je uitkering.",
      ("Lees wat er verandert.", "Kijk of het bedrag klopt."),
      "Dan blijft het besluit zoals het is.",
      BEZWAAR, ("juridisch-loket", "buurtteam"), 6),
    T("uitkering-informatieverzoek", "Vraag om papieren",
      "{sender} wil papieren van je zien. Die zijn nodig voor je uitkering.",
      ("Zoek de papieren die op de brief staan.", "Stuur ze vóór {date} naar {sender}."),
      "Dan kan {sender} je uitkering stoppen.",
      None, ("formulierenhulp", "buurtteam")),
    T("duo-studieschuld", "Studieschuld DUO",
      "{sender} wil dat je je studieschuld betaalt. Je bent te laat.",
      ("Betaal {amount} vóór {date}. Zet het geld op rekening {iban}. Zet je BSN bij de omschrijving. Dat nummer staat op de brief.",
       "Kun je niet alles betalen? Vraag {sender} of je in delen mag betalen."),
      "Dan geeft {sender} de schuld aan het CJIB. Daarna kan er een deurwaarder komen.",
      None, ("duo", "geldfit")),
    T("afspraak-uitnodiging", "Uitnodiging voor een afspraak",
      "{sender} wil met je praten. Je hebt een afspraak.",
      ("Ga naar de afspraak op {weekday} {date}.", "Neem de papieren mee die op de brief staan.",
       "Kun je niet? Bel {sender} en maak een nieuwe afspraak."),
      "Dan kan {sender} je uitkering lager maken of stoppen.",
      None, ("buurtteam",)),
    T("overig", "Brief",
      "Dit is een brief van {sender}. We weten niet precies wat voor brief het is.",
      ("Lees de brief goed.", "Vraag hulp als je niet weet wat je moet doen."),
      "Dat weten we niet. Vraag het aan iemand die je vertrouwt.",
      None, ("buurtteam", "geldfit")),
)}

BD_IBAN = "NL86INGB0002445588"
GEMEENTE_IBAN = "NL86BNGH0285010123"
COMPANY_IBAN = "NL91ABNA0417164300"
CJIB_IBAN = "NL20INGB0001234567"  # fictitious: CJIB's account is unconfirmed
DUO_IBAN = "NL45INGB0705001903"
BSN_SPAN = Evidence(1, 300, 309)


def _d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


CASES: tuple[Case, ...] = (
    Case("belasting-aanslag", "belasting-aanslag",
         Fields(letter_date=ld(_d(2026, 4, 14)),
                amounts=(amt(1234.0, "total", "Te betalen"),), amount_due=Decimal("1234.00"), iban=BD_IBAN,
                payment_reference=Reference("betalingskenmerk", "5000 0567 8901 2345", Evidence(1, 400, 419), True),
                sender="Belastingdienst"),
         "decision", dl(_d(2026, 6, 30), "pay", "Uiterste betaaldatum 30 juni 2026", Evidence(1, 200, 230)),
         _d(2026, 5, 26), ("Aanslag inkomstenbelasting 2024. Uiterste betaaldatum 30 juni 2026.",)),
    Case("belasting-aanslag-refund", "belasting-aanslag",
         Fields(letter_date=ld(_d(2026, 4, 14)), amounts=(amt(456.0, "refund", "U krijgt terug"),),
                amount_due=None, sender="Belastingdienst"),
         "decision", None, _d(2026, 5, 26), ("U krijgt € 456 terug.",)),
    Case("belasting-aanmaning", "belasting-aanmaning",
         Fields(letter_date=ld(_d(2026, 4, 28)),
                amounts=(amt(1234.0, "principal", "Openstaand"), amt(18.0, "costs", "Aanmaningskosten"),
                         amt(1252.0, "total", "Totaal")),
                amount_due=Decimal("1252.00"), iban=BD_IBAN,
                payment_reference=Reference("betalingskenmerk", "5000 0567 8901 2345", None, True),
                sender="Belastingdienst"),
         "aanmaning", dl(_d(2026, 5, 12), "pay", "Betaal vóór 12 mei 2026", None),
         _d(2026, 6, 9), ("Aanmaning. Betaal vóór 12 mei 2026 om een dwangbevel te voorkomen.",)),
    Case("toeslag-beschikking", "toeslag-beschikking",
         Fields(letter_date=ld(_d(2026, 4, 20)), amounts=(amt(325.0, "benefit", "Voorschot per maand"),),
                sender="Dienst Toeslagen"),
         "decision", None, _d(2026, 6, 1), ("Voorschotbeschikking huurtoeslag 2026",)),
    Case("toeslag-terugvordering", "toeslag-terugvordering",
         Fields(letter_date=ld(_d(2026, 4, 10)), amounts=(amt(1840.0, "total", "Terug te betalen"),),
                amount_due=Decimal("1840.00"), iban=BD_IBAN,
                payment_reference=Reference("beschikkingsnummer", "1234.56.782.T.26.01", Evidence(1, 50, 69)),
                references=(Reference("beschikkingsnummer", "1234.56.782.T.26.01", Evidence(1, 50, 69)),),
                bsn_spans=(Evidence(1, 50, 61),), sender="Dienst Toeslagen"),
         "decision", dl(_d(2026, 5, 22), "pay", "Betaal uiterlijk 22 mei 2026", None),
         _d(2026, 5, 22), ("Terugvorderingsbeschikking zorgtoeslag 2024. U moet € 1.840 terugbetalen.",)),
    Case("gemeente-belastingaanslag", "gemeente-belastingaanslag",
         Fields(letter_date=ld(_d(2026, 2, 27)),
                amounts=(amt(412.34, "total", "Totaal aanslag"),), amount_due=Decimal("412.34"), iban=GEMEENTE_IBAN,
                payment_reference=Reference("betalingskenmerk", "6010 1234 5678 9012", None),
                sender="Gemeente Amsterdam, Belastingen"),
         "decision", dl(_d(2026, 5, 31), "pay", "eerste vervaldatum 31 mei 2026", None),
         _d(2026, 4, 10), ("Aanslagbiljet gemeentelijke belastingen 2026. Afvalstoffenheffing.",)),
    Case("kwijtschelding-afgewezen", "kwijtschelding-besluit",
         Fields(letter_date=ld(_d(2026, 4, 30)), amounts=(amt(412.34, "total", "Te betalen"),),
                amount_due=Decimal("412.34"), iban=GEMEENTE_IBAN,
                payment_reference=Reference("betalingskenmerk", "6010 1234 5678 9012", None),
                sender="Gemeente Amsterdam, Belastingen",
                # the letter's own term, as the fields stage finds it: 30 april + 10 days
                dates=(DateMention(_d(2026, 5, 10), "object_by", "binnen 10 dagen na de datum van deze brief",
                                   None, relative=True),)),
         "decision", dl(_d(2026, 5, 31), "pay", "betaal vóór 31 mei 2026", None),
         _d(2026, 5, 11),  # the pipeline's count of that term: Sunday 10 May moved by the Atw
         (("Wij wijzen uw verzoek om kwijtschelding af. U heeft de gevraagde stukken niet gestuurd. "
           "Bent u het niet eens? U kunt binnen 10 dagen na de datum van deze brief administratief "
           "beroep instellen."),)),
    Case("cjib-boete", "cjib-boete",
         Fields(letter_date=ld(_d(2026, 4, 15)),
                amounts=(amt(300.0, "fine", "Boete"), amt(300.0, "total", "Te betalen")), amount_due=Decimal("300.00"),
                iban=CJIB_IBAN, payment_reference=Reference("cjib-nummer", "1062 5421 5704 7959", None, True),
                sender="CJIB"),
         "decision", dl(_d(2026, 5, 27), "pay", "Betaal vóór 27 mei 2026", None), _d(2026, 5, 27),
         ("Beschikking. Wet administratiefrechtelijke handhaving verkeersvoorschriften (Wahv). Kenteken 12-AB-34.",)),
    Case("cjib-aanmaning", "cjib-aanmaning",
         Fields(letter_date=ld(_d(2026, 4, 20)),
                amounts=(amt(300.0, "fine", "Boete"), amt(150.0, "increase", "Verhoging"),
                         amt(450.0, "total", "Te betalen")),
                amount_due=Decimal("450.00"), iban=CJIB_IBAN,
                payment_reference=Reference("cjib-nummer", "1062 5421 5704 7959", None, True), sender="CJIB"),
         "aanmaning", dl(_d(2026, 5, 18), "pay", "Betaal vóór 18 mei 2026", None), None,
         ("Eerste aanmaning. Wahv. De boete is verhoogd met 50%.",)),
    Case("incasso-aanmaning", "incasso-aanmaning",
         Fields(letter_date=ld(_d(2026, 4, 21)),
                amounts=(amt(500.0, "principal", "Hoofdsom"), amt(12.5, "interest", "Rente"),
                         amt(120.0, "costs", "Incassokosten"), amt(632.5, "total", "Totaal")),
                amount_due=Decimal("632.50"), iban=COMPANY_IBAN,
                payment_reference=Reference("dossiernummer", "D-2026-0042", None), sender="Incasso Noord B.V."),
         "aanmaning", dl(_d(2026, 5, 5), "pay", "binnen 14 dagen na dagtekening", None, relative=True),
         None, ("Aanmaning. Hoofdsom € 500,00. Incassokosten € 120,00. Totaal € 632,50.",)),
    Case("incasso-14-dagenbrief", "incasso-aanmaning",
         Fields(letter_date=ld(_d(2026, 4, 21)),
                amounts=(amt(180.0, "principal", "Openstaand bedrag"),), amount_due=Decimal("180.00"), iban=COMPANY_IBAN,
                payment_reference=Reference("factuurnummer", "F-88123", None), sender="Webwinkel Zon B.V."),
         "14-dagenbrief", dl(_d(2026, 5, 5), "pay", "binnen 14 dagen na dagtekening", None, relative=True),
         None, (("Betaal het openstaande bedrag binnen 14 dagen na dagtekening van deze brief. Doet u "
                 "dat niet, dan brengen wij € 40,00 incassokosten in rekening."),)),
    Case("deurwaarder-dagvaarding", "deurwaarder",
         Fields(letter_date=ld(_d(2026, 4, 27)),
                amounts=(amt(845.0, "principal", "Hoofdsom"), amt(126.75, "costs", "Incassokosten"),
                         amt(971.75, "total", "Totaal")),
                amount_due=Decimal("971.75"), iban=COMPANY_IBAN,
                payment_reference=Reference("dossiernummer", "2026-77810", None),
                appointment=Appointment(_d(2026, 5, 20), "10:30", "Rechtbank Amsterdam, Parnassusweg 280", None),
                sender="Gerechtsdeurwaarders Van Dam"),
         "dagvaarding", dl(_d(2026, 5, 20), "attend", "op woensdag 20 mei 2026 om 10.30 uur", None),
         None, ("Exploot van dagvaarding. U wordt opgeroepen te verschijnen ter zitting van de kantonrechter.",)),
    Case("deurwaarder-beslag", "deurwaarder",
         Fields(letter_date=ld(_d(2026, 4, 29)),
                amounts=(amt(1210.4, "total", "Totaal openstaand"),), amount_due=Decimal("1210.40"), iban=COMPANY_IBAN,
                payment_reference=Reference("dossiernummer", "2026-77810", None),
                sender="Gerechtsdeurwaarders Van Dam"),
         "beslag", dl(_d(2026, 5, 6), "pay", "binnen 7 dagen", None, relative=True), None,
         ("Proces-verbaal van beslag onder derden. Beslag gelegd op uw loon.",)),
    Case("zorgverzekering-achterstand", "zorgverzekering-achterstand",
         Fields(letter_date=ld(_d(2026, 4, 22)),
                amounts=(amt(356.4, "total", "Achterstand premie"),), amount_due=Decimal("356.40"), iban=COMPANY_IBAN,
                payment_reference=Reference("klantnummer", "200457812", None), sender="Zorgverzekeraar Zuid"),
         "reminder", dl(_d(2026, 5, 13), "pay", "Betaal vóór 13 mei 2026", None), None,
         ("Herinnering. U heeft de premie over maart en april niet betaald.",)),
    Case("huurachterstand", "huurachterstand",
         Fields(letter_date=ld(_d(2026, 4, 23)),
                amounts=(amt(1450.0, "principal", "Huurachterstand"), amt(1450.0, "total", "Totaal")),
                amount_due=Decimal("1450.00"), iban=COMPANY_IBAN,
                payment_reference=Reference("klantnummer", "HV-10233", None), sender="Woonstichting De Linde"),
         "14-dagenbrief", dl(_d(2026, 5, 7), "pay", "binnen veertien dagen", None, relative=True), None,
         (("U heeft de huur over maart en april niet betaald. Betaal binnen veertien dagen vanaf de "
           "dag nadat deze brief bij u is bezorgd. Anders brengen wij € 175,00 incassokosten in "
           "rekening."),)),
    Case("energie-achterstand", "energie-achterstand",
         Fields(letter_date=ld(_d(2026, 4, 24)),
                amounts=(amt(287.12, "total", "Openstaand"),), amount_due=Decimal("287.12"), iban=COMPANY_IBAN,
                payment_reference=Reference("factuurnummer", "700012345", None), sender="Energiebedrijf Noordlicht"),
         "reminder", dl(_d(2026, 5, 8), "pay", "Betaal vóór 8 mei 2026", None), None,
         ("Herinnering. Uw termijnbedrag van april is niet betaald.",)),
    Case("uitkering-besluit", "uitkering-besluit",
         Fields(letter_date=ld(_d(2026, 4, 16)), amounts=(amt(1401.5, "benefit", "Uitkering per maand"),),
                sender="Gemeente Amsterdam, Werk en Inkomen"),
         "decision", None, _d(2026, 5, 28), ("Besluit op uw aanvraag bijstand. Wij kennen u bijstand toe.",)),
    Case("uitkering-informatieverzoek", "uitkering-informatieverzoek",
         Fields(letter_date=ld(_d(2026, 4, 28)), sender="UWV"),
         "info", dl(_d(2026, 5, 12), "send_documents", "Stuur ons vóór 12 mei 2026", None), None,
         ("Wij hebben informatie van u nodig. Stuur ons vóór 12 mei 2026 de volgende stukken.",), money=False),
    Case("duo-studieschuld", "duo-studieschuld",
         Fields(letter_date=ld(_d(2026, 4, 24)), amounts=(amt(145.0, "total", "Achterstand"),),
                amount_due=Decimal("145.00"), iban=DUO_IBAN, sender="DUO"),
         "aanmaning", dl(_d(2026, 5, 22), "pay", "vervaldatum 22 mei 2026", None), None,
         ("Aanmaning. Uw betalingsachterstand is € 145,00.",)),
    Case("afspraak-uitnodiging", "afspraak-uitnodiging",
         Fields(letter_date=ld(_d(2026, 4, 27)),
                appointment=Appointment(_d(2026, 5, 11), "09:30", "Stadsloket Nieuw-West, Osdorpplein 1000", None),
                sender="Gemeente Amsterdam, Werk en Inkomen"),
         "info", dl(_d(2026, 5, 11), "attend", "op maandag 11 mei 2026 om 9.30 uur", None), None,
         ("Uitnodiging voor een gesprek op maandag 11 mei 2026 om 9.30 uur.",), money=False),
    Case("overig", "overig",
         Fields(letter_date=ld(_d(2026, 4, 30)), sender="Stichting Buurtbelang"),
         "info", None, None, ("Nieuwsbrief van de stichting.",), money=False),
)

CASE_BY_ID = {c.id: c for c in CASES}


def run(case: Case, texts: KindTexts | None = None, today: date = TODAY, **changes) -> Explanation:
    from snapdebrief.explainers import explain_letter

    texts = texts or TEXTS[case.kind]
    fields = changes.pop("fields", case.fields)
    pages = changes.pop("pages", case.pages)
    # the letter facts of the pages this run reads, as the classify stage would find them
    classification = replace(case, pages=pages).classification()
    return explain_letter(
        texts, fields, classification, changes.pop("deadline", case.deadline),
        changes.pop("objection_deadline", case.objection_deadline), today,
        changes.pop("region", "amsterdam"), pages=pages,
    )


def whole_text(e: Explanation) -> str:
    """The explanation as a resident reads it, one section or step per line."""
    lines = [e.summary, *e.what_to_do]
    lines += [x for x in (e.deadline_text, e.amount_text, e.if_you_do_nothing, e.objection) if x]
    lines += [f"{h.name}: {h.why}" for h in e.help]
    lines += list(e.warnings)
    return "\n".join(lines)


def shifted(d: date, days: int) -> date:
    return d + timedelta(days=days)


# --- the real rule files (written by the rule team), read with PyYAML only ------------------

RULES_DIR = __import__("pathlib").Path(__file__).resolve().parents[2] / "rules"


def rule_texts(kind: str) -> KindTexts | None:
    """KindTexts from rules/<kind>.yaml, as the pipeline builds them (variants too); None if missing."""
    from snapdebrief.explainers import kind_texts
    from snapdebrief.rules import load_rule_file

    path = RULES_DIR / f"{kind}.yaml"
    if not path.is_file():
        return None
    return kind_texts(load_rule_file(path))
