"""Writes the NAME.json truth files of batch-34 from the table below (run once; check.py verifies)."""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def A(*pairs):
    return [{"value": v, "role": r} for v, r in pairs]


def D(date, action):
    return {"date": date, "action": action}


T = {}
T["belasting-aanslag-b34-01-ib2025-bijbetalen"] = dict(
    kind="belasting-aanslag", sender="Belastingdienst", letter_date="2026-05-12", stage="decision",
    deadline=D("2026-07-10", "pay"), objection_deadline="2026-06-23", appointment=None,
    amount_due=1487.0,
    amounts=A((1487, "total"), (412000, "other"), (1442, "other"), (48312, "other"), (13954, "other"),
              (3362, "other"), (8921, "other"), (240, "other"), (1431, "other"), (56, "interest")),
    iban="NL78INGB9817352417", payment_reference="6618 5041 1617 4881",
    reference_numbers=["2710.48.244.H.56"], bsn_found=True,
    notes="Two pages. Total € 1.487 in whole euros, stated on page 1 and in the table on page 2; "
          "subtotal 'Saldo' € 1.431 before belastingrente € 56. WOZ value and eigenwoningforfait are traps. "
          "Objection term only relative (6 weeks): 12 May + 42 = 23 June 2026 (Tuesday). Pay date printed 10 July 2026. "
          "IBAN and kenmerk only on page 2.")
T["belasting-aanmaning-b34-02-aanmaning-ib2024"] = dict(
    kind="belasting-aanmaning", sender="Belastingdienst", letter_date="2026-08-04", stage="aanmaning",
    deadline=D("2026-08-18", "pay"), objection_deadline=None, appointment=None,
    amount_due=835.42,
    amounts=A((2306, "other"), (1500, "other"), (806, "principal"), (18, "costs"), (11.42, "interest"),
              (835.42, "total"), (53, "costs")),
    iban="NL74RABO6161481112", payment_reference="3801 0112 3360 5809",
    reference_numbers=["7687.98.760.H.46"], bsn_found=True,
    notes="Part payment of € 1.500 already deducted; total € 835,42 printed twice (table and slip, slip as 'EUR 835,42'). "
          "Old due date 30 June 2026 and payment date 19 June are traps; dwangbevel costs € 53,00 only announced. "
          "No separate BSN line, but the aanslagnummer 7687.98.760.H.46 carries the BSN 768798760 (passes elfproef), so bsn_found true.")
T["toeslag-beschikking-b34-03-voorschot-zorgtoeslag-2027"] = dict(
    kind="toeslag-beschikking", sender="Dienst Toeslagen", letter_date="2026-12-11", stage="decision",
    deadline=None, objection_deadline="2027-01-22", appointment=None, amount_due=None,
    amounts=A((1392, "benefit"), (116, "benefit"), (123, "other"), (31250, "other"), (141896, "other")),
    iban=None, payment_reference=None, reference_numbers=["5612.093.27.ZT"], bsn_found=True,
    notes="Prose only. Voorschot zorgtoeslag 2027: € 1.392 a year = € 116 a month; old monthly amount € 123, "
          "income estimate and vermogensgrens are traps. The IBAN printed is the reader's own account (payments to her): iban null. "
          "Objection: 11 Dec 2026 + 42 = 22 Jan 2027 (Friday). Asks nothing (reporting changes is conditional).")
T["toeslag-terugvordering-b34-04-huurtoeslag-2024"] = dict(
    kind="toeslag-terugvordering", sender="Dienst Toeslagen", letter_date="2026-07-14", stage="decision",
    deadline=D("2026-08-25", "pay"), objection_deadline="2026-08-25", appointment=None,
    amount_due=828.0,
    amounts=A((34870, "other"), (712.40, "other"), (116, "other"), (35, "other"), (3240, "other"),
              (2412, "other"), (828, "total")),
    iban="NL81BNGH7944965674", payment_reference="1226 1418 7366 0437", reference_numbers=[], bsn_found=True,
    notes="Two pages; the amount to repay € 828 appears only on page 2 (table and 'Zo betaalt u'). Page 1 has only "
          "trap amounts: income, rekenhuur, the € 116 threshold and the € 35 monthly instalment of an optional 24-month plan "
          "(whole sum is asked). Printed uiterste betaaldatum 25 Aug 2026 = letter + 6 weeks, same as objection deadline.")
T["gemeente-belastingaanslag-b34-05-zwolle-incasso"] = dict(
    kind="gemeente-belastingaanslag", sender="Gemeente Zwolle", letter_date="2026-02-28", stage="decision",
    deadline=None, objection_deadline="2026-04-13", appointment=None, amount_due=None,
    amounts=A((318000, "other"), (300.19, "other"), (356.40, "other"), (241.08, "other"), (897.67, "other"),
              (89.77, "other"), (89.74, "other")),
    iban=None, payment_reference=None, reference_numbers=["2026.114.08873", "308117"], bsn_found=False,
    notes="Tables. Aanslag total € 897,67 is collected entirely by automatic debit in 10 instalments from the reader's "
          "own account; the letter says the reader need not transfer anything, so amount_due and deadline are null. "
          "The municipality's account at the foot is not for paying (iban null). Dagtekening is a Saturday: "
          "28 Feb + 42 = Sat 11 Apr 2026, moved by the Atw to Monday 13 Apr 2026. Rate 0,0944% is not an amount.")
T["gemeente-belastingaanslag-b34-06-gblt-aanmaning-waterschap"] = dict(
    kind="gemeente-belastingaanslag", sender="GBLT", letter_date="2026-05-19", stage="aanmaning",
    deadline=D("2026-06-02", "pay"), objection_deadline=None, appointment=None,
    amount_due=176.72,
    amounts=A((168.72, "principal"), (8.00, "costs"), (176.72, "total"), (121.56, "other"), (197.16, "other"),
              (318.72, "other"), (150.00, "other"), (48.00, "costs")),
    iban="NL48INGB5875834781", payment_reference="7760 1901 6167 9970",
    reference_numbers=["6204.117.3391", "10.448.271"], bsn_found=False,
    notes="Two columns (summary box on the right). Water board tax reminder from GBLT on behalf of Waterschap Vallei en "
          "Veluwe; sender GBLT. Original aanslag € 318,72 minus part payment € 150 = € 168,72 + € 8 costs = € 176,72. "
          "Term 'binnen 14 dagen na de datum' -> 19 May + 14 = 2 June 2026. Dwangbevel costs € 48 only announced. "
          "Reminder, so no objection deadline.")
T["kwijtschelding-besluit-b34-07-tilburg-gedeeltelijk"] = dict(
    kind="kwijtschelding-besluit", sender="Gemeente Tilburg", letter_date="2026-04-14", stage="decision",
    deadline=D("2026-05-14", "pay"), objection_deadline="2026-05-26", appointment=None,
    amount_due=63.0,
    amounts=A((689.52, "other"), (1318.46, "other"), (1356.90, "other"), (382.20, "other"), (244.32, "other"),
              (626.52, "other"), (63.00, "total")),
    iban="NL55RABO8170505975", payment_reference="87.466.2026.01", reference_numbers=["KW-2026-018842"],
    bsn_found=False,
    notes="Prose only; amount due € 63,00 (hondenbelasting, not waivable) only in sentences. € 626,52 waived, € 689,52 "
          "whole aanslag, income/norm amounts are traps. 'binnen een maand na de datum van deze brief' -> 14 May 2026 "
          "(Ascension Day; no shift for a payment term). Objection 6 weeks -> 26 May 2026. Payment reference = aanslagnummer.")
T["cjib-boete-b34-08-wahv-snelheid"] = dict(
    kind="cjib-boete", sender="CJIB", letter_date="2026-07-03", stage="decision",
    deadline=D("2026-08-14", "pay"), objection_deadline="2026-08-14", appointment=None,
    amount_due=208.0,
    amounts=A((199, "fine"), (9, "costs"), (208, "total"), (99.50, "increase")),
    iban="NL92ABNA1790185896", payment_reference="5851 4333 2150 8833",
    reference_numbers=["4781 1395 5214", "PV 118-26-07731"], bsn_found=False,
    notes="Wahv beschikking with payment form at the foot; total € 208,00 printed in the table and on the form. "
          "Increase € 99,50 only announced. Offence date 9 June 2026 is a trap. Pay date printed 14-08-2026; beroep term "
          "6 weeks -> 14 Aug 2026 too. CJIB-nummer (12 digits) is not the betalingskenmerk.")
T["cjib-aanmaning-b34-09-eerste-aanmaning-deelbetaling"] = dict(
    kind="cjib-aanmaning", sender="CJIB", letter_date="2026-09-22", stage="aanmaning",
    deadline=D("2026-10-20", "pay"), objection_deadline=None, appointment=None,
    amount_due=344.0,
    amounts=A((290, "fine"), (9, "costs"), (145, "increase"), (444, "other"), (100, "other"), (344, "total")),
    iban="NL79BNGH8546608016", payment_reference="9955 6672 6497 3384",
    reference_numbers=["3118 0457 7021", "7010 4418 2231"], bsn_found=False,
    notes="Two columns. First aanmaning: 290 + 9 + 145 = 444 subtotal, minus part payment 100 = € 344 due (only in the "
          "side column). The second € 290,00 is the announced next increase (same value as the sanction). Old decision "
          "date 7 July and payment date 2 Sept are traps.")
T["incasso-aanmaning-b34-10-webshop-14-dagen-mail"] = dict(
    kind="incasso-aanmaning", sender="Trapkracht Fietsonderdelen B.V.", letter_date="2026-03-10", stage="14-dagenbrief",
    deadline=D("2026-03-24", "pay"), objection_deadline=None, appointment=None,
    amount_due=84.95,
    amounts=A((79.95, "other"), (5, "other"), (84.95, "total"), (19.95, "refund"), (40.00, "costs")),
    iban="NL54INGB4370242674", payment_reference="2026-01877",
    reference_numbers=["TK-558120", "R-2026-0112", "40771"], bsn_found=False,
    notes="E-mail, date as 'dinsdag 10-03-2026'. 14-day letter of a webshop itself; 'binnen 14 dagen na ontvangst' "
          "counted from the letter date -> 24 March 2026. Amount formats 'EUR 5,-' and '€84,95' without space. A refund "
          "of €19,95 already paid back is separate (not netted). Incassokosten € 40,00 only announced. KvK and btw-id "
          "not listed as references.")
T["incasso-aanmaning-b34-11-incassobureau-sportschool"] = dict(
    kind="incasso-aanmaning", sender="Rijnmond Vorderingen B.V.", letter_date="2026-05-26", stage="aanmaning",
    deadline=D("2026-06-09", "pay"), objection_deadline=None, appointment=None,
    amount_due=222.64,
    amounts=A((44.95, "principal"), (179.80, "principal"), (2.84, "interest"), (40.00, "costs"), (222.64, "total"),
              (74.22, "other"), (74.21, "other"), (47.50, "other")),
    iban="NL79RABO6232541088", payment_reference="RV-26-049913", reference_numbers=["FF-20817"], bsn_found=False,
    notes="Tables; amounts in the tables have no currency sign and the total 222,64 is only in the table. Optional "
          "3-instalment plan (first term also 9 June) - whole sum asked. New monthly contribution € 47,50 is paid to "
          "the gym, not the agency (trap). Earlier aanmaning date 17 April is a trap. WIK minimum € 40 on € 179,80.")
T["deurwaarder-b34-12-sommatie-garage"] = dict(
    kind="deurwaarder", sender="Hoekstra & Meijer Gerechtsdeurwaarders", letter_date="2026-10-06", stage="sommatie",
    deadline=D("2026-10-11", "pay"), objection_deadline=None, appointment=None,
    amount_due=1925.28,
    amounts=A((1638.45, "principal"), (41.06, "interest"), (245.77, "costs"), (1925.28, "total"),
              (131.43, "costs"), (1750.00, "other")),
    iban="NL25TRIO9370093276", payment_reference="HM-2026-30417", reference_numbers=["2026-0412"], bsn_found=False,
    notes="Old-fashioned legal Dutch; amounts as 'EUR 1.638,45', total also in words. 'binnen vijf dagen na dagtekening "
          "dezes' -> 11 Oct 2026 (a Sunday, no shift). Reduced sum EUR 1.750,00 offered 'ter finale kwijting' within the "
          "same term: optional, the sommatie demands the full € 1.925,28 (judgement call). Dagvaarding costs EUR 131,43 "
          "only announced. Derdengeldrekening in the letterhead is the account to pay to. WIK 15% of 1.638,45 = 245,77.")
T["deurwaarder-b34-13-dagvaarding-telecom"] = dict(
    kind="deurwaarder", sender="Sijbesma Van der Laan Gerechtsdeurwaarders", letter_date="2026-11-17", stage="dagvaarding",
    deadline=D("2026-12-16", "attend"), objection_deadline=None,
    appointment={"date": "2026-12-16", "time": "10:00",
                 "place": "Kantonrechter Rechtbank Gelderland, locatie Arnhem, Walburgstraat 2-4, Arnhem"},
    amount_due=1010.50,
    amounts=A((32.50, "other"), (742.18, "principal"), (38.40, "interest"), (111.33, "costs"), (891.91, "other"),
              (118.59, "costs"), (1010.50, "total"), (90.00, "other")),
    iban="NL65INGB5526300310", payment_reference="SL-26-88104", reference_numbers=["7720119845"], bsn_found=False,
    notes="Two pages, old legal style. Date of the exploot only in words ('de zeventiende november "
          "tweeduizendzesentwintig'). Claim adds exploot costs: 891,91 + 118,59 = 1.010,50 (page 2 only); the petitum "
          "names € 891,91 (trap). Griffierecht € 90,00 only on appearing, not included. Paying before the hearing is an "
          "option without a printed date; the hearing 16 Dec 2026 10:00 is the deadline (attend). Monthly tariff € 32,50 "
          "and 14-day letter date 3 June are traps. WIK 15% of 742,18 = 111,33.")
T["zorgverzekering-achterstand-b34-14-premie-verrekend"] = dict(
    kind="zorgverzekering-achterstand", sender="Zorgzaam Verzekeringen", letter_date="2026-08-18", stage="reminder",
    deadline=D("2026-09-01", "pay"), objection_deadline=None, appointment=None,
    amount_due=240.40,
    amounts=A((151.25, "other"), (302.50, "principal"), (62.10, "refund"), (240.40, "total"), (385, "other")),
    iban="NL98ABNA7865568746", payment_reference="30-6611-742", reference_numbers=["ZZ 4480 1925"], bsn_found=False,
    notes="Plain B1 je-form. Refund (declaration € 62,10) netted against arrears € 302,50 -> € 240,40. Eigen risico € 385 "
          "is a trap. Relatienummer is what must be quoted; polisnummer is another reference.")
T["zorgverzekering-achterstand-b34-15-cak-bronheffing"] = dict(
    kind="zorgverzekering-achterstand", sender="CAK", letter_date="2026-11-10", stage="decision",
    deadline=None, objection_deadline="2026-12-22", appointment=None, amount_due=None,
    amounts=A((950.40, "other"), (188.90, "other"), (158.40, "other"), (131, "other")),
    iban=None, payment_reference=None, reference_numbers=["BRP-2026-1183097"], bsn_found=True,
    notes="Two columns. CAK decision on the bestuursrechtelijke premie: € 188,90 a month withheld from wages by the "
          "employer, zorgtoeslag € 131 also diverted; the reader pays nothing himself, so amount_due null. Arrears € 950,40 "
          "at the insurer is a trap (settled with the insurer, no amount asked here). Own bezwaar term 'zes weken na de "
          "datum van dit besluit' -> 22 Dec 2026. Letter date only in the side column.")
T["huurachterstand-b34-16-corporatie-bedrag-in-woorden"] = dict(
    kind="huurachterstand", sender="Woonstichting De Linde", letter_date="2026-03-24", stage="reminder",
    deadline=D("2026-04-07", "pay"), objection_deadline=None, appointment=None,
    amount_due=1224.92,
    amounts=A((812.46, "other"), (742.10, "other"), (70.36, "other"), (1624.92, "other"), (400.00, "other"),
              (1224.92, "total"), (183.62, "costs")),
    iban="NL52INGB3719576701", payment_reference="40-1187-03", reference_numbers=[], bsn_found=False,
    notes="Prose only. The amount due is written ONLY in words ('twaalfhonderdvierentwintig euro en tweeënnegentig "
          "cent'); the printed figures are rent parts, the two-month sum € 1.624,92 before the part payment of € 400,00, "
          "and announced bailiff costs € 183,62. Deadline printed as 'dinsdag 7 april 2026'.")
T["huurachterstand-b34-17-verhuurder-mail-verrekening"] = dict(
    kind="huurachterstand", sender="Van der Kooij Vastgoedbeheer", letter_date="2026-05-06", stage="reminder",
    deadline=D("2026-05-15", "pay"), objection_deadline=None, appointment=None,
    amount_due=2213.60,
    amounts=A((1150, "other"), (2300, "principal"), (86.40, "refund"), (2213.60, "total"), (45, "other"),
              (1184, "other")),
    iban="NL58RABO8243931332", payment_reference="KL14B-2026", reference_numbers=[], bsn_found=False,
    notes="E-mail from a private landlord. Amounts as '1150,00 EUR' (currency after, no thousands dot), '€86,40', '€45', "
          "'€1.184'. Refund from the service-cost settlement netted: 2300,00 - 86,40 = 2213,60, total only in a sentence. "
          "€45 already paid and the new rent from July are traps.")
T["energie-achterstand-b34-18-jaarafrekening-herinnering-slip"] = dict(
    kind="energie-achterstand", sender="Polderstroom Energie", letter_date="2026-06-09", stage="reminder",
    deadline=D("2026-06-23", "pay"), objection_deadline=None, appointment=None,
    amount_due=551.67,
    amounts=A((412.67, "other"), (139.00, "other"), (551.67, "total"), (91.95, "other"), (91.92, "other"),
              (165.00, "other")),
    iban="NL76ABNA8408178024", payment_reference="2747 1623 0775 9622",
    reference_numbers=["5008 1174", "PE-EL-GAS-33810", "JA-26-0591447"], bsn_found=False,
    notes="Payment slip at the foot; total € 551,67 in a sentence and on the slip. Optional 6-month plan "
          "(5 x 91,95 + 91,92 = 551,67). New monthly amount € 165,00 is collected by direct debit - not to pay. "
          "Invoice date 12 May and settlement period are traps.")
T["energie-achterstand-b34-19-water-tweede-herinnering"] = dict(
    kind="energie-achterstand", sender="Waterleidingbedrijf Zuidwaard", letter_date="2026-01-20", stage="aanmaning",
    deadline=D("2026-02-03", "pay"), objection_deadline=None, appointment=None,
    amount_due=79.19,
    amounts=A((38.12, "other"), (41.07, "other"), (79.19, "total"), (43.80, "other")),
    iban="NL62KNAB5602280834", payment_reference="118 447 302",
    reference_numbers=["W-25-331872", "W-25-408815"], bsn_found=False,
    notes="B1 je-form, second reminder from a water company. Total 79,19 only in a table without currency sign. "
          "'binnen 2 weken na de datum van deze brief' -> 3 Feb 2026. Old due dates 15-10-2025 and 15-01-2026 are traps. "
          "New quarterly amount € 43,80 is a trap. Klantnummer is what must be quoted.")
T["uitkering-besluit-b34-20-uwv-ww-terugvordering-inhouding"] = dict(
    kind="uitkering-besluit", sender="UWV", letter_date="2026-09-15", stage="decision",
    deadline=None, objection_deadline="2026-10-27", appointment=None, amount_due=None,
    amounts=A((1318.44, "other"), (331.18, "other"), (987.26, "other"), (164.54, "other"), (164.56, "other"),
              (2104.80, "benefit")),
    iban=None, payment_reference=None, reference_numbers=["WW-TVD-2026-7745120"], bsn_found=True,
    notes="Two pages. UWV reclaims € 987,26 netto (page 2 only) but deducts it from the WW benefit in 6 instalments; "
          "the reader need not pay anything, so amount_due and deadline null. Bruto sum € 1.318,44 on page 1 is a trap. "
          "No boete. Objection 15 Sep + 42 = 27 Oct 2026.")
T["uitkering-besluit-b34-21-svb-aow-toekenning"] = dict(
    kind="uitkering-besluit", sender="SVB", letter_date="2026-02-10", stage="decision",
    deadline=None, objection_deadline="2026-03-24", appointment=None, amount_due=None,
    amounts=A((1109.47, "benefit"), (25.63, "benefit"), (1135.10, "benefit"), (54.59, "other"), (1080.51, "benefit"),
              (61.39, "benefit")),
    iban=None, payment_reference=None, reference_numbers=["AOW-TK-26-0051877"], bsn_found=True,
    notes="Tables. AOW granted from 14 March 2026; birth date 14 March 1959 is a trap. Only the reader's own IBAN is "
          "printed (iban null). 'Geef binnen 4 weken door' applies only if something changes (no deadline). "
          "Objection 10 Feb + 42 = 24 Mar 2026.")
T["uitkering-informatieverzoek-b34-22-almere-bankafschriften"] = dict(
    kind="uitkering-informatieverzoek", sender="Gemeente Almere", letter_date="2026-10-20", stage="info",
    deadline=D("2026-11-03", "send_documents"), objection_deadline=None, appointment=None, amount_due=None,
    amounts=A((1401.12, "benefit"), (350.00, "other"), (1200.00, "other"), (7960, "other")),
    iban=None, payment_reference=None, reference_numbers=["WI-2019-44817"], bsn_found=False,
    notes="B1 je-form. Asks for bank statements by 3 Nov 2026. Deposit dates 2 and 9 Oct and the statement period are "
          "traps; the deposits and the vermogensgrens are not amounts to pay.")
T["duo-studieschuld-b34-23-achterstand-incasso"] = dict(
    kind="duo-studieschuld", sender="DUO", letter_date="2026-12-08", stage="reminder",
    deadline=D("2026-12-22", "pay"), objection_deadline=None, appointment=None,
    amount_due=192.82,
    amounts=A((192.82, "total"), (96.41, "other"), (24318.77, "other"), (98.17, "other")),
    iban="NL66INGB7399705039", payment_reference="4102 0789 8766 7204",
    reference_numbers=["22 81 44 390"], bsn_found=False,
    notes="Two columns, je-form. Arrears 2 x 96,41 = 192,82 to transfer; the December monthly amount is collected by "
          "direct debit on 24 Dec (must NOT be paid by hand). Total debt € 24.318,77 and new monthly € 98,17 are traps.")
T["afspraak-uitnodiging-b34-24-denhaag-schuldhulp-mail"] = dict(
    kind="afspraak-uitnodiging", sender="Gemeente Den Haag", letter_date="2027-01-12", stage="info",
    deadline=D("2027-01-28", "attend"), objection_deadline=None,
    appointment={"date": "2027-01-28", "time": "14:30",
                 "place": "Stadhuis Den Haag, Spui 70, balie Geldzaken (2e verdieping)"},
    amount_due=None,
    amounts=A((8400, "other"), (1260, "other"), (1812.45, "other"), (312.40, "other")),
    iban=None, payment_reference=None, reference_numbers=["SHV-27-00418"], bsn_found=False,
    notes="E-mail invitation to a debt-help intake; time written '14.30 uur'. All amounts are the reader's own debts, "
          "costs and income - nothing to pay. Rescheduling is conditional.")
T["overig-b34-25-tandarts-begroting"] = dict(
    kind="overig", sender="Tandartspraktijk Lindenhof", letter_date="2027-02-03", stage="info",
    deadline=None, objection_deadline=None, appointment=None, amount_due=None,
    amounts=A((25.91, "other"), (19.85, "other"), (39.70, "other"), (17.90, "other"), (584.46, "other"),
              (312.00, "other"), (979.97, "other"), (250, "other"), (729.97, "other")),
    iban=None, payment_reference=None, reference_numbers=["20331", "B-2027-0044"], bsn_found=False,
    notes="Dentist's cost estimate (begroting), explicitly not an invoice: nothing to pay, amount_due null. A 'Totaal "
          "begroting' € 979,97 and an own-share estimate € 729,97 look like totals. Practice IBAN in the footer is not "
          "for paying (iban null). Making an appointment is optional.")

KEYS = ["kind", "sender", "letter_date", "stage", "deadline", "objection_deadline", "appointment", "amount_due",
        "amounts", "iban", "payment_reference", "reference_numbers", "bsn_found", "notes"]
for stem, t in T.items():
    assert set(t) == set(KEYS), stem
    out = {k: t[k] for k in KEYS}
    for a in out["amounts"]:
        a["value"] = round(float(a["value"]), 2)
    if out["amount_due"] is not None:
        out["amount_due"] = round(float(out["amount_due"]), 2)
    (HERE / f"{stem}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(T), "truth files")
