"""Made-up values that stand in for a resident's own on an exported test case (#18).

One `Fakes` per case: the same real value always gets the same fake, so a name, account or BSN
that stands twice on the letter stands twice as the same fake. Fakes are drawn at random (the
system's random source unless a test passes its own): a fake derived from the real value, by a
hash say, could be traced back by trying every BSN. Each fake keeps the shape of what it
replaces (its spaces, dots and line breaks, its length where it is a number), and a fake BSN
passes the elfproef, a fake IBAN its mod-97 check and a fake betalingskenmerk its check digit,
so the finders find them again and the case tests what the real letter tested.
"""

from __future__ import annotations

import random
import re
import string
from datetime import date, timedelta

from ..fields.validators import elfproef, iban_valid, kenmerk_check_digit

# Dutch names and places for the fakes: common ones, so a fake reads like a letter does.
SURNAMES = (
    "Smit", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Koster",
    "Prins", "Huisman", "Kok", "Verhoeven", "Postma", "Schouten", "Willems", "Boersma",
    "Kuipers", "Veenstra", "Hoekstra", "Sanders", "Wolters", "Maas", "Jonker", "Timmermans",
    "Groen", "Molenaar", "Verbeek", "Scholten", "Kramer",
)
FIRST_NAMES = (
    "Anna", "Sanne", "Lotte", "Fleur", "Noor", "Eva", "Iris", "Femke", "Esther", "Marieke",
    "Thomas", "Daan", "Ruben", "Bram", "Lars", "Joost", "Sander", "Mark", "Kees", "Willem",
)
STREETS = (
    "Lindelaan", "Dorpsstraat", "Beukenweg", "Molenstraat", "Kerkweg", "Wilgenhof",
    "Populierenlaan", "Zonnebloemstraat", "Esdoornplein", "Sluisweg", "Vlierstraat",
    "Elzenhof", "Rozengracht", "Hazelaarlaan", "Berkenpad",
)
CITIES = (
    "Zeist", "Gouda", "Assen", "Emmen", "Venlo", "Hoorn", "Tiel", "Meppel", "Weert", "Sneek",
    "Oss", "Veendam", "Kampen", "Doetinchem", "Goes",
)
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")
_SEPARATORS = " \t\n\r\f\v.,-/"
# Letter pairs of fake postcodes: no pair PostNL leaves out (SA, SD, SS) and none that means
# something to the rules (CZ is a health insurer, OM the public prosecutor, WW a benefit).
_POSTCODE_LETTERS = ("BK", "EG", "GH", "HN", "JL", "JT", "KP", "KR", "LR", "LW", "MN", "PT",
                     "RV", "TW", "VX")


def shaped(template: str, chars: str) -> str:
    """`chars` written into the places of `template` that are no separator, in order (a masked
    '*' counts as a place): "1234.56.782" and "987654321" give "9876.54.321". When the counts
    differ, `chars` as it is."""
    places = [i for i, ch in enumerate(template) if ch not in _SEPARATORS]
    if len(places) != len(chars):
        return chars
    out = list(template)
    for i, ch in zip(places, chars, strict=True):
        out[i] = ch
    return "".join(out)


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].islower():
        return word.lower()
    return word


class Fakes:
    """The fakes of one case, each real value mapped once."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self.rng = rng or random.SystemRandom()
        self._map: dict[tuple[str, str], str] = {}

    def _once(self, kind: str, real: str, make, taken: tuple[str, ...] = ()) -> str:
        key = (kind, real)
        if key not in self._map:
            used = {v for (k, _), v in self._map.items() if k == kind}
            for _ in range(200):
                fake = make()
                if fake.lower() != real.lower() and fake not in used and fake not in taken:
                    break
            self._map[key] = fake
        return self._map[key]

    def pairs(self) -> list[tuple[str, str, str]]:
        """(kind, real, fake) for every value replaced so far."""
        return [(k, real, fake) for (k, real), fake in self._map.items()]

    # --- numbers ------------------------------------------------------------------------------

    def bsn(self, real: str) -> str:
        """Nine digits passing the elfproef for the nine-digit BSN `real`; an old 8-digit one
        (`real` starts with its 0) gets one that starts with 0 too."""
        lead = "0" if real.startswith("0") else ""

        def make() -> str:
            while True:
                body = lead + "".join(self.rng.choice(string.digits) for _ in range(8 - len(lead)))
                check = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True)) % 11
                if check < 10 and elfproef(body + str(check)):
                    return body + str(check)

        return self._once("bsn", real, make)

    def iban(self, real: str) -> str:
        """An IBAN of the same country, bank and length whose mod-97 check holds."""
        real = re.sub(r"\s", "", real).upper()
        keep = 8 if real.startswith("NL") else 4  # country + check digits (+ a Dutch bank code)

        def make() -> str:
            while True:
                rest = "".join(self.rng.choice(string.digits) if ch.isdigit() else ch
                               for ch in real[keep:])
                body = real[4:keep] + rest
                iban = real[:2] + _iban_check(real[:2], body) + body
                if iban_valid(iban):
                    return iban

        return self._once("iban", real, make)

    def kenmerk(self, real_digits: str, bsn_real: str) -> str:
        """A Belastingdienst betalingskenmerk (check digit, then the fiscal number's first 8
        digits …) rebuilt around the fake of `bsn_real`, with its check digit right."""
        fake8 = self.bsn(bsn_real)[:8]
        body = real_digits[1:9].replace(bsn_real[:8], fake8) + real_digits[9:]
        return str(kenmerk_check_digit(body)) + body

    def digits(self, real: str, keep: int = 0) -> str:
        """Random digits for the digits of `real` (shape kept), its first `keep` digits as they
        are: a phone number keeps its net number's start (06, 010), nothing that names anyone."""

        def make() -> str:
            out, seen = [], 0
            for ch in real:
                if ch.isdigit():
                    out.append(ch if seen < keep else self.rng.choice(string.digits))
                    seen += 1
                else:
                    out.append(ch)
            return "".join(out)

        return self._once("digits", real, make)

    def postcode(self, real: str) -> str:
        """A Dutch postcode in the shape of `real` ("1234 AB", "1234AB")."""

        def make() -> str:
            num = str(self.rng.randint(1000, 9999))
            letters = self.rng.choice(_POSTCODE_LETTERS)
            return re.sub(r"\d{4}", num, re.sub(r"[A-Za-z]{2}", letters, real, count=1), count=1)

        return self._once("postcode", re.sub(r"\s", " ", real), make)

    def house_number(self, real: str) -> str:
        """Another number with as many digits for the first number of `real` ("176-2" → "493-2")."""

        def make() -> str:
            first = re.search(r"\d+", real)
            size = len(first.group()) if first else 1
            n = str(self.rng.randint(10 ** (size - 1), 10 ** size - 1))
            return re.sub(r"\d+", n, real, count=1)

        return self._once("house_number", real, make)

    # --- words --------------------------------------------------------------------------------

    def name_word(self, real: str, first_name: bool = False) -> str:
        """A surname (or first name) for one word of a person's name, consistent whatever its
        case: "Vries" and "VRIES" get the same fake."""
        pool = FIRST_NAMES if first_name else SURNAMES
        fake = self._once("name", real.lower(), lambda: self.rng.choice(pool))
        return _same_case(real, fake)

    def initials(self, real: str) -> str:
        """Initials in the same shape: "J.A." → "K.M."."""

        def make() -> str:
            return re.sub(r"[A-Z]", lambda _m: self.rng.choice("ABCDEFGHJKLMNPRSTW"), real)

        return self._once("initials", real, make)

    def street(self, real: str) -> str:
        return _same_case(real, self._once("street", real.lower(),
                                           lambda: self.rng.choice(STREETS)))

    def city(self, real: str) -> str:
        return _same_case(real, self._once("city", real.lower(), lambda: self.rng.choice(CITIES)))

    def email(self, real: str) -> str:
        """Another address at the same provider ("gmail.com" names nobody)."""
        domain = real.rsplit("@", 1)[-1]

        def make() -> str:
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(SURNAMES)
            return f"{first}.{last}{self.rng.randint(10, 99)}@{domain}".lower()

        return self._once("email", real.lower(), make)

    def birth_date(self, real: date) -> date:
        """Another day of the same year: a letter that counts with an age (a child who turns
        12, an AOW date) still counts right, and a year names nobody."""

        def make() -> str:
            first = date(real.year, 1, 1)
            days = (date(real.year, 12, 31) - first).days
            return (first + timedelta(days=self.rng.randint(0, days))).isoformat()

        return date.fromisoformat(self._once("birth_date", real.isoformat(), make))


def _iban_check(country: str, bban: str) -> str:
    """ISO 13616 check digits for a country code and BBAN."""
    moved = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{98 - number % 97:02d}"


def written_date(template: str, fake: date) -> str:
    """`fake` written as `template` writes its date: "14-07-1968", "14.7.68", "14 juli 1968",
    "14 jul. 1968"; another shape: its digits replaced one by one by the fake's."""
    m = re.fullmatch(r"(\d{1,2})([-./ ])(\d{1,2})\2(\d{2}|\d{4})", template.strip())
    if m:
        d, sep, mo, y = m.groups()
        year = str(fake.year) if len(y) == 4 else f"{fake.year % 100:02d}"
        day = f"{fake.day:0{len(d)}d}"
        month = f"{fake.month:0{len(mo)}d}"
        return template.replace(m.group(0).strip(), f"{day}{sep}{month}{sep}{year}")
    m = re.fullmatch(r"(\d{1,2})(\s+)([A-Za-z]+)(\.?)(\s+)(\d{4})", template.strip())
    if m:
        d, s1, mon, dot, s2, _y = m.groups()
        name = MONTH_NAMES[fake.month - 1]
        name = name[: len(mon)] if len(mon) < len(name) and dot else name
        return template.replace(m.group(0).strip(),
                                f"{fake.day}{s1}{_same_case(mon, name)}{dot}{s2}{fake.year}")
    digits = f"{fake.day:02d}{fake.month:02d}{fake.year}"
    it = iter(digits * 2)
    return "".join(next(it) if ch.isdigit() else ch for ch in template)
