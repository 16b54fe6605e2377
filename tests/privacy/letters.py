"""A fictitious letter full of personal data, and the strings that must never leak from it.

BSN 123456782 passes the elfproef (it is the standard example number, no real person's). The
IBAN is the fictitious one the other tests use. The betalingskenmerk starts, after its check
digit, with the first 8 digits of the BSN, as Belastingdienst kenmerken do [S56] (docs/sources.md).
"""

from __future__ import annotations

BSN = "123456782"
BSN_FORMS = ("123456782", "1234.56.782", "1234 56 782", "123 456 782", "1234.56.782.H.46")
IBAN = "NL86INGB0002445588"
IBAN_FORMS = (IBAN, "NL86 INGB 0002 4455 88")

LETTER = """Belastingdienst
Postbus 2526
6401 DA Heerlen

Mevrouw A. Wildeboer
Kinkerstraat 12
1053 DX Amsterdam

Datum: 12 maart 2026
Burgerservicenummer: 1234.56.782
Aanslagnummer: 1234.56.782.H.46

Betreft: Aanmaning inkomstenbelasting 2024

Geachte mevrouw Wildeboer,

U heeft de aanslag inkomstenbelasting 2024 nog niet helemaal betaald. Daarom krijgt u deze aanmaning.
Uw BSN is 123456782. Ook op de bijlage staat uw nummer: 1234 56 782.
Betaal het totaalbedrag van € 872,00 vóór 26 maart 2026 op rekening NL86 INGB 0002 4455 88.
Vermeld bij uw betaling het betalingskenmerk 9123 4567 8000 0046.

Met vriendelijke groet,
Belastingdienst
"""

# Sentences and personal details of the letter that no log, error or stray file may hold.
SECRETS = (
    *BSN_FORMS,
    *IBAN_FORMS,
    "Wildeboer",
    "Kinkerstraat 12",
    "1053 DX",
    "nog niet helemaal betaald",
    "Daarom krijgt u deze aanmaning",
    "Ook op de bijlage staat uw nummer",
)
