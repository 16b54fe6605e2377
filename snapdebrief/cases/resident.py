"""What on a letter is the resident's own, and the fake that replaces it (#18).

What snapdebrief found decides first: the BSN spans (masked in the Result's text; their digits
in `Result.bsn_values`), the IBANs and which is the resident's own (fields/ids.own_account), the
payment reference and other numbers, the birth dates (fields/dates, role "birth"), the sender.
deduce (cases/deidentify.py) adds the people's names, phone numbers and e-mail addresses.

Whose is it? The resident's address block is found by its place: a name (a person deduce tags,
or a line opening with "Mevrouw", "De heer", "T.a.v." …) with a Dutch postcode line within four
lines below it in the same column. Everything in it is the resident's: name, street and house
number, postcode and city; the name's words, the street and the postcode are replaced wherever
else they stand too. Other people deduce tags (a signer, a contact person) get fake names. The
sender's own details stay: its name wherever it stands, the account to pay to, the payment
reference and other numbers, its addresses, its phone numbers and e-mail addresses (an address
at a mail provider, a mobile number or a number said to be the reader's is the resident's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..fields.dates import scan_dates
from ..fields.ids import find_ibans, own_account
from ..result import Evidence, Fields
from .deidentify import Deidentifier, Tag
from .fakes import Fakes, shaped, written_date

_SEP = " \t\n\r\f\v.,-/"
_GAP = re.compile(r"\n|[ ]{3,}|\t")  # a line's end or a gap between two columns

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words around a name that are no name: titles and salutations, and the particles of a surname
# ("van der", "el"), which stay as printed.
_TITLES = _words("""mevrouw mevr mw heer de dhr meneer mr drs ir dr prof ing familie fam t.a.v tav
    aan bewoner bewoners en of erven beste geachte hallo zeer""")
_INTERFIXES = _words("de der den van te ten ter het 't in op la le du da dos del della el al")
_LEGAL_FORMS = re.compile(r"^(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?o\.?f\.?|c\.?v\.?)$", re.IGNORECASE)
# Words that make a tagged "name" an organisation's ("De Wit Gerechtsdeurwaarders").
_ORG_WORDS = _words("""bank b.v. bv n.v. nv v.o.f. gerechtsdeurwaarders deurwaarders
    gerechtsdeurwaarderskantoor incasso incassobureau advocaten advocatenkantoor notarissen
    notariskantoor stichting gemeente zorgverzekeringen zorgverzekeraar verzekeringen
    woningstichting wonen energie holding groep kantoor accountants makelaars administratie
    belastingdienst rechtbank waterschap""")
_STREET_END = (r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|park|hof|steeg|pad|dreef|baan"
               r"|markt|wal|plantsoen|boulevard|allee|dam|erf|hoven|veld|zijde|oord|burg)")
_STREET_WORD = re.compile(rf"^[ ]?[A-Za-zÀ-ÿ'’-]*{_STREET_END}\b", re.IGNORECASE)
_TITLE_LINE = re.compile(
    r"^(?:aan:?\s+)?(?:(?:de\s+)?heer|mevrouw|mevr\.?|mw\.?|dhr\.?|meneer|familie|fam\.?"
    r"|t\.?\s?a\.?\s?v\.?|de\s+bewoners?|erven)\b", re.IGNORECASE)
_POSTCODE_LINE = re.compile(r"^(?P<pc>\d{4}[ ]?[A-Z]{2})\b[ ]*(?P<city>[A-Za-zÀ-ÿ'’ .()-]*)")
# A street and house number on one line: "Kastanjelaan 17 B", "Van Woustraat 78-3", "Javastraat
# 61-hs", "Tussen Meer 112"; in running text a street word ends in -straat, -laan … .
_STREET_LINE = re.compile(
    r"^(?P<street>[A-Za-zÀ-ÿ'’][\wÀ-ÿ'’. -]*?)[ ]+(?P<number>\d+(?:[ -]?[A-Za-z]{1,2}(?![A-Za-z]))?"
    r"(?:[ -]?\d+)?(?:-?hs|-?bis)?)\s*$", re.IGNORECASE)
_STREET_IN_TEXT = re.compile(
    rf"(?P<street>(?:[A-Z][\wÀ-ÿ'’-]*[ ]){{0,3}}[A-Za-zÀ-ÿ'’-]*{_STREET_END})[ ]+"
    r"(?P<number>\d+(?:[ -]?[A-Za-z](?![A-Za-z]))?(?:-\d+)?)")
_INLINE = re.compile(
    r"(?P<who>(?:de\s+heer|mevrouw|mevr\.|mw\.|dhr\.)\s+[^,\n]{2,60}?),?\s+"
    r"(?:wonende|woonachtig|wonend)\s+(?:te|aan|op)\s+(?P<where>[^;\n]{4,120})", re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![\w])\d{4}[ ]?[A-Z]{2}(?![\w])")
_NOT_HOME = re.compile(r"^\s*(?:postbus|antwoordnummer|pb\.?)\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^\s*(?:geachte|beste|hallo|hoi|dear|l\.s\.)\b", re.IGNORECASE | re.MULTILINE)
_TOKEN = re.compile(r"(?:[A-Z]\.){1,5}(?![A-Za-z])|[A-Za-zÀ-ÿĀ-ž'’]+(?:\.(?=\s))?")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,5}")
_EMAIL_PROVIDERS = re.compile(
    r"@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|ziggo|kpnmail|kpnplanet|planet"
    r"|home|xs4all|hetnet|chello|quicknet|online|telfort|upcmail|caiway|zeelandnet|tele2|proton"
    r"|protonmail|gmx|aol|mail)\.", re.IGNORECASE)
_RESIDENT_PHONE = re.compile(
    r"(?:\b(?:uw|je|jouw)\s+(?:\w+\s+){0,2}(?:telefoon\w*|nummer|mobiel\w*|gsm)"
    r"|\b(?:bellen|bel)\s+(?:wij\s+)?(?:u|je|jou)\b|\b(?:u|je)\s+(?:bent\s+)?bereikbaar\b"
    r"|\bbereikbaar\s+(?:bent|is)\b)[^.!?\n]{0,40}$", re.IGNORECASE)
_SENDER_PHONE = re.compile(
    r"(?:\b(?:bel|belt|bellen)\s+(?:\w+\s+){0,2}(?:ons|met\s+ons|naar\s+ons)\b|\bons\b|\bonze\b"
    r"|\btel(?:efoon(?:nummer)?)?\b|\bklantenservice\b|\bservicedesk\b|\bfax\b|\bt\s*[:.])"
    r"[^.!?\n]{0,60}$", re.IGNORECASE)
_SERVICE_NUMBER = re.compile(r"^(?:0800|0900|0906|0909|088|085|14\d{3}$)")
_MOBILE = re.compile(r"^(?:06|316|00316)")
_TO_LINE = re.compile(r"^\s*(?:aan|to|ontvanger|geadresseerde|naam)\s*:?\s", re.IGNORECASE)
_BIRTH_WORDS = re.compile(r"geboren|geboorte|geb\.|geb\s*:", re.IGNORECASE)

# Which replacements win where two meet (a BSN inside a reference number, a phone number a
# deduce pattern saw inside an IBAN): the first kind in this order.
PRIORITY = ("bsn", "iban", "address", "city", "birth_date", "email", "phone", "name", "again", "place")


@dataclass(frozen=True)
class Edit:
    """Replace page `page` (1-based) [start, end) by `new`; `what` says why."""

    page: int
    start: int
    end: int
    new: str
    what: str


@dataclass
class Resident:
    """What was replaced and why, for the truth file and the tests."""

    edits: list[Edit] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # a reference's value → its fake
    block_found: bool = False


def _overlaps(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _segments(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The column pieces of one line: split where three spaces or a tab stand."""
    out, pos = [], ls
    for m in re.finditer(r"[ ]{3,}|\t", text[ls:le]):
        if text[pos : ls + m.start()].strip():
            out.append((pos, ls + m.start()))
        pos = ls + m.end()
    if text[pos:le].strip():
        out.append((pos, le))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
            for a, b in out]


def _short(piece: str) -> bool:
    """A line of an address block: short, a few words (no sentence of a letter's body)."""
    return len(piece) <= 50 and len(piece.split()) <= 7


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _fill_digits(shown: str, digits: str) -> str:
    """`digits` written over the digits of `shown`, in order."""
    it = iter(digits)
    out = "".join(next(it, ch) if ch.isdigit() else ch for ch in shown)
    return out


class _Finder:
    def __init__(self, pages: Sequence[str], found: Fields, bsn_values: Sequence[str],
                 fakes: Fakes, people: Deidentifier) -> None:
        self.pages = list(pages)
        self.found = found
        self.bsn_values = list(bsn_values)
        self.fakes = fakes
        self.people = people
        self.tags = [people.tags(t) if t.strip() else [] for t in self.pages]
        self.out = Resident()
        self.sender_words = {w.lower() for w in re.findall(r"[\wÀ-ÿ.]+", found.sender or "")}
        self.keep = self._sender_spans()  # page → spans that stay as printed
        self.sender_name = self._sender_spans(details=False)
        self.numbers = self._number_spans()  # page → spans of numbers a phone or date is not
        self.name_words: set[str] = set()  # the resident's, replaced wherever they stand
        self.street: tuple[str, str] | None = None  # the resident's street and house number
        self.postcode: str | None = None
        self.city: str | None = None
        self.head_end = 0  # page 1: where the resident's block ends (the letterhead is above)

    # --- what stays -------------------------------------------------------------------------

    def _sender_spans(self, details: bool = True) -> dict[int, list[tuple[int, int]]]:
        """Where the sender's name stands (its every occurrence) and, with `details`, the
        account to pay to and the reference numbers."""
        f = self.found
        keep: dict[int, list[tuple[int, int]]] = {i + 1: [] for i in range(len(self.pages))}
        name = (f.sender or "").strip()
        for i, text in enumerate(self.pages):
            if len(name) >= 3:
                keep[i + 1] += [m.span() for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
        evs = [f.sender_evidence]
        if details:
            evs += [f.iban_evidence, *(r.evidence for r in self._references())]
        for ev in evs:
            if ev is not None and ev.page in keep:
                keep[ev.page].append((ev.start, ev.end))
        return keep

    def _references(self):
        f = self.found
        return [r for r in (f.payment_reference, *f.references) if r is not None]

    def _number_spans(self) -> dict[int, list[tuple[int, int]]]:
        f = self.found
        spans: dict[int, list[tuple[int, int]]] = {i + 1: [] for i in range(len(self.pages))}
        evs: list[Evidence | None] = [*(a.evidence for a in f.amounts), *f.bsn_spans,
                                      *(d.evidence for d in f.dates if d.role != "birth"),
                                      *(r.evidence for r in self._references())]
        evs += [ev for _iban, ev, _label in find_ibans(self.pages)]
        for ev in evs:
            if ev is not None and ev.page in spans:
                spans[ev.page].append((ev.start, ev.end))
        return spans

    def add(self, page: int, start: int, end: int, new: str, what: str) -> None:
        if new != self.pages[page - 1][start:end]:
            self.out.edits.append(Edit(page, start, end, new, what))

    # --- the BSN ----------------------------------------------------------------------------

    def bsns(self) -> None:
        for ev in self.found.bsn_spans:
            if not 0 < ev.page <= len(self.pages):
                continue
            shown = self.pages[ev.page - 1][ev.start : ev.end]
            places = [ch for ch in shown if ch not in _SEP]
            ref = next((r for r in self._references() if r.evidence is not None
                        and r.evidence.page == ev.page and r.evidence.start < ev.end
                        and ev.start < r.evidence.end), None)
            if 8 <= len(places) <= 10:
                real = self._bsn_for(shown)
                fake = self.fakes.bsn(real)
                fake = fake[1:] if len(places) == 8 else fake + "0" * (len(places) - 9)
                self.add(ev.page, ev.start, ev.end, shaped(shown, fake), "bsn")
                if ref is not None:  # an aanslagnummer whose BSN part this is
                    self.out.values[ref.value] = self._holding(ref.value)
            elif ref is not None:
                new_value = self._holding(ref.value)
                self.out.values[ref.value] = new_value
                chars = "".join(ch for ch in new_value if ch not in _SEP)
                self.add(ev.page, ev.start, ev.end, shaped(shown, chars) if len(chars) == len(places)
                         else new_value, "bsn")
            else:
                rng = self.fakes.rng
                self.add(ev.page, ev.start, ev.end,
                         "".join(rng.choice("0123456789") if ch == "*" else ch for ch in shown), "bsn")

    def _bsn_for(self, shown: str) -> str:
        """The BSN behind a masked span: the one whose last digits the mask shows."""
        tail = _digits(shown)
        for value in self.bsn_values:
            if tail and value.endswith(tail):
                return value
        return self.bsn_values[0] if self.bsn_values else shown

    def _holding(self, value: str) -> str:
        """A number that holds a BSN (an aanslagnummer, a Belastingdienst betalingskenmerk)
        with the fake BSN in it, its check digit right."""
        digits = _digits(value)
        for bsn in self.bsn_values:
            if bsn in digits:
                return _fill_digits(value, digits.replace(bsn, self.fakes.bsn(bsn)))
            if len(digits) == 16 and digits[1:9] == bsn[:8]:
                return _fill_digits(value, self.fakes.kenmerk(digits, bsn))
        return _fill_digits(value, "".join(self.fakes.rng.choice("0123456789") for _ in digits))

    # --- accounts ---------------------------------------------------------------------------

    def ibans(self) -> None:
        pay = {self.found.iban} if self.found.iban else set()
        found = find_ibans(self.pages)
        own = {iban for iban, ev, _label in found
               if iban not in pay and own_account(self.pages[ev.page - 1], ev)}
        for iban, ev, _label in found:
            if iban in own:
                shown = self.pages[ev.page - 1][ev.start : ev.end]
                self.add(ev.page, ev.start, ev.end, shaped(shown, self.fakes.iban(iban)), "iban")

    # --- the address block ------------------------------------------------------------------

    def address_block(self) -> None:
        """The resident's name and address under each other, in one column, before the
        salutation: a name line, at most three short lines, a postcode line."""
        text = self.pages[0]
        lines = _lines(text)
        greet = _SALUTATION.search(text)
        last = next((i for i, (a, _b) in enumerate(lines) if greet and a >= greet.start()), len(lines))
        last = min(last, 60)
        persons = [t for t in self.tags[0] if t.tag == "persoon"]
        segs = [[(a, b) for a, b in _segments(text, *lines[i]) if _short(text[a:b])]
                for i in range(last)]
        for strict in (True, False):
            for i in range(last):
                for a, b in segs[i]:
                    if _overlaps(a, b, self.keep[1]) or _POSTCODE_LINE.match(text[a:b]):
                        continue
                    seg = text[a:b]
                    named = _TITLE_LINE.match(seg) or any(a <= t.start < b for t in persons)
                    if strict and not named:
                        continue
                    block = self._block_below(text, lines, segs, i, a - lines[i][0], last)
                    if block is not None and (strict or block[0]):
                        self._replace_block(text, [(a, b), *block[1]], block[2])
                        self.head_end = block[2][1]
                        self.out.block_found = True
                        return

    def _block_below(self, text, lines, segs, i, col, last):
        """(saw a street, the lines between, the postcode line) under the name at line i."""
        between: list[tuple[int, int]] = []
        street = False
        for j in range(i + 1, min(i + 5, last)):
            seg = next(((a, b) for a, b in segs[j] if abs((a - lines[j][0]) - col) <= 4), None)
            if seg is None:
                return None
            a, b = seg
            piece = text[a:b]
            if _NOT_HOME.match(piece) or _overlaps(a, b, self.keep[1]):
                return None
            if _POSTCODE_LINE.match(piece):
                return street, between, seg
            street = street or bool(_STREET_LINE.match(piece))
            between.append(seg)
        return None

    def _replace_block(self, text: str, lines: list[tuple[int, int]], postcode: tuple[int, int]) -> None:
        for a, b in lines:
            m = _STREET_LINE.match(text[a:b])
            if m and not _TITLE_LINE.match(text[a:b]):
                self._address(1, a + m.start("street"), m.group("street"),
                              a + m.start("number"), m.group("number"))
            else:
                self._name(1, a, text[a:b], resident=True)
        a, b = postcode
        m = _POSTCODE_LINE.match(text[a:b])
        assert m is not None
        self._postcode(1, a + m.start("pc"), m.group("pc"), a + m.start("city"), m.group("city"))

    def _address(self, page: int, at: int, street: str, number_at: int, number: str) -> None:
        self.street = self.street or (street, number)
        self.add(page, at, at + len(street), self.fakes.street(street), "address")
        self.add(page, number_at, number_at + len(number), self.fakes.house_number(number), "address")

    def _postcode(self, page: int, at: int, postcode: str, city_at: int, city: str) -> None:
        self.postcode = self.postcode or postcode
        self.add(page, at, at + len(postcode), self.fakes.postcode(postcode), "address")
        city = city.strip().rstrip(".,")
        if city:
            self.city = self.city or city
            self.add(page, city_at, city_at + len(city), self.fakes.city(city), "city")

    def inline_address(self) -> None:
        """A bailiff's exploot names the resident in a sentence: "de heer T. VISSER, wonende te
        1073 LS Amsterdam, Van Woustraat 78-3"."""
        if self.out.block_found:
            return
        for p, text in enumerate(self.pages, 1):
            for m in _INLINE.finditer(text):
                if _overlaps(m.start(), m.end(), self.keep[p]):
                    continue
                self._name(p, m.start("who"), m.group("who"), resident=True)
                at, where = m.start("where"), m.group("where")
                pc = re.search(r"(?P<pc>\d{4}[ ]?[A-Z]{2})(?P<gap>[ ]+)(?P<city>[A-Z][\wÀ-ÿ'’-]+)", where)
                if pc:
                    self._postcode(p, at + pc.start("pc"), pc.group("pc"), at + pc.start("city"),
                                   pc.group("city"))
                for st in _STREET_IN_TEXT.finditer(where):
                    self._address(p, at + st.start("street"), st.group("street"),
                                  at + st.start("number"), st.group("number"))
                self.out.block_found = True

    # --- people -----------------------------------------------------------------------------

    def _name(self, page: int, start: int, piece: str, resident: bool = False) -> None:
        """Each word of a person's name for its fake: titles and "van der" stay; a first name
        (deduce's list, another name after it) gets a first name."""
        tokens = list(_TOKEN.finditer(piece))
        for k, m in enumerate(tokens):
            word = m.group() if _INITIALS.fullmatch(m.group()) else m.group().rstrip(".")
            a = start + m.start()
            if _INITIALS.fullmatch(word):
                self.add(page, a, a + len(word), self.fakes.initials(word), "name")
                continue
            low = word.lower()
            if low in _TITLES or low in _INTERFIXES or not word[0].isupper():
                continue
            nxt = tokens[k + 1].group() if k + 1 < len(tokens) else ""
            more = nxt[:1].isalpha() and not _INITIALS.fullmatch(nxt)
            alone = not nxt and all(t.group().lower().rstrip(".") in ("beste", "hallo", "hoi", "dag")
                                    for t in tokens[:k])  # "Beste Yasmina", a signed "Demi"
            first = (more or alone) and low in self.people.first_names
            for part in re.finditer(r"[^-]+", word):
                name = part.group()
                self.add(page, a + part.start(), a + part.end(), self.fakes.name_word(name, first),
                         "name")
                if resident and len(name) >= 3:
                    self.name_words.add(name)
                elif not first and len(name) >= 4 and name.lower() not in self.people.places | self.sender_words:
                    self.name_words.add(name)  # a surname: replaced wherever it stands, too

    def persons(self) -> None:
        for p, tags in enumerate(self.tags, 1):
            text = self.pages[p - 1]
            for t in tags:
                if t.tag != "persoon":
                    continue
                piece = _GAP.split(text[t.start : t.end])[0].rstrip()
                start, end = t.start, t.start + len(piece)
                if not piece or _overlaps(start, end, self.keep[p]) or self._not_a_person(text, start, end):
                    continue
                self._name(p, start, piece, resident=self._addressed(text, start))

    @staticmethod
    def _addressed(text: str, pos: int) -> bool:
        """On an e-mail's or a message box's "Aan:" / "To:" / "Ontvanger" line: the resident."""
        return bool(_TO_LINE.match(text[text.rfind("\n", 0, pos) + 1 : pos]))

    def _not_a_person(self, text: str, start: int, end: int) -> bool:
        words = re.findall(r"[\wÀ-ÿ.'’]+", text[start:end])
        after = re.match(r"[ ]?([\wÀ-ÿ.]+)", text[end : end + 40])
        if not words or _LEGAL_FORMS.match(words[0]):
            return True  # "B.V. Vermeld": a company's legal form, then a sentence
        low = [w.lower() for w in words] + ([after.group(1).lower()] if after else [])
        if any(w in _ORG_WORDS for w in low):
            return True
        if _STREET_WORD.match(text[end : end + 40]) or re.search(rf"{_STREET_END}$", words[-1], re.IGNORECASE):
            return True  # "Pieter Calandlaan", "Admiraal de |Ruyterweg": a street
        names = [w for w in words if w.lower().rstrip(".") not in _TITLES | _INTERFIXES
                 and not _INITIALS.fullmatch(w)]
        if not names or all(w.lower() in self.sender_words or w.lower() in self.people.places
                            for w in names):
            return True
        # A person needs a cue: a title, initials or a first name. "Pas uw aanslag aan",
        # "Vloerkleed Bergen": a capital word deduce's surname list knows is no one.
        cue = len(names) < len(words) or any(w.lower() in self.people.first_names for w in names)
        return not cue

    # --- phone numbers and e-mail addresses ------------------------------------------------

    def contacts(self) -> None:
        phones: dict[str, list[tuple[int, Tag]]] = {}
        for p, tags in enumerate(self.tags, 1):
            for t in tags:
                if t.tag == "telefoonnummer" and not _overlaps(t.start, t.end, self.numbers[p] + self.keep[p]):
                    phones.setdefault(_digits(t.text), []).append((p, t))
                elif (t.tag == "emailadres" and not _overlaps(t.start, t.end, self.keep[p])
                      and self._residents_email(p, t)):
                    self.add(p, t.start, t.end, self.fakes.email(t.text), "email")
        for digits, seen in phones.items():
            if self._residents_phone(digits, seen):
                keep = 3 if digits.startswith(("31", "0031")) else (2 if digits.startswith("06") else 3)
                fake = self.fakes.digits(digits, keep=keep + (2 if digits.startswith("00") else 0))
                for p, t in seen:
                    self.add(p, t.start, t.end, _fill_digits(t.text, fake), "phone")

    def _in_head_block(self, p: int, start: int) -> bool:
        return p == 1 and self.out.block_found and start < self.head_end

    def _residents_email(self, p: int, t: Tag) -> bool:
        local = t.text.split("@")[0].lower()
        if any(len(w) >= 4 and w in local for w in self.sender_words):
            return False  # the sender's own, at a mail provider (a landlord, a small firm)
        return bool(_EMAIL_PROVIDERS.search(t.text)) or self._addressed(self.pages[p - 1], t.start) or any(
            w.lower() in local for w in self.name_words)

    def _residents_phone(self, digits: str, seen: list[tuple[int, Tag]]) -> bool:
        national = re.sub(r"^(?:0031|31)", "0", digits)
        if _SERVICE_NUMBER.match(national):
            return False
        told_resident = told_sender = edge = False
        for p, t in seen:
            text = self.pages[p - 1]
            before = text[max(0, t.start - 120) : t.start]
            told_resident |= bool(_RESIDENT_PHONE.search(before))
            told_sender |= bool(_SENDER_PHONE.search(before))
            line_no = text.count("\n", 0, t.start)
            lines = text.count("\n") + 1
            edge |= (p == 1 and line_no < 10 and not self.out.block_found) or line_no >= lines - 4
        if told_resident:
            return True
        if _MOBILE.match(digits) or national.startswith("06"):
            return not (told_sender or edge)
        return False

    # --- birth dates ------------------------------------------------------------------------

    def birth_dates(self) -> None:
        shown_as: dict[str, str] = {}
        for d in self.found.dates:
            ev = d.evidence
            if d.role != "birth" or ev is None or not 0 < ev.page <= len(self.pages):
                continue
            shown = self.pages[ev.page - 1][ev.start : ev.end]
            new = written_date(shown, self.fakes.birth_date(d.date))
            shown_as[shown] = new
            self.add(ev.page, ev.start, ev.end, new, "birth_date")
        for p, tags in enumerate(self.tags, 1):
            text = self.pages[p - 1]
            for t in tags:
                if t.tag != "datum" or _overlaps(t.start, t.end, self.numbers[p]):
                    continue
                line = text[text.rfind("\n", 0, t.start) + 1 : t.start]
                if t.text in shown_as:
                    self.add(p, t.start, t.end, shown_as[t.text], "birth_date")
                elif _BIRTH_WORDS.search(line[-60:]):
                    spans = [d for d in scan_dates(t.text) if d.year is not None]
                    when = spans[0].on(spans[0].year) if spans and spans[0].year else None
                    if when is not None:
                        new = written_date(t.text, self.fakes.birth_date(when))
                        shown_as[t.text] = new
                        self.add(p, t.start, t.end, new, "birth_date")

    # --- the resident's words elsewhere ---------------------------------------------------

    def again(self) -> None:
        """The resident's name words, street (with its house number) and postcode wherever else
        they stand: a second page's header, "het gehuurde aan de Kastanjelaan 17", an e-mail
        deduce did not tag."""
        patterns: list[tuple[re.Pattern[str], object]] = []
        for w in sorted(self.name_words, key=len, reverse=True):
            patterns.append((re.compile(rf"(?<![\wÀ-ÿ]){re.escape(w)}(?![\wÀ-ÿ])", re.IGNORECASE),
                             lambda m: self.fakes.name_word(m.group())))
        if self.street:
            street, number = self.street
            fs, fn = self.fakes.street(street), self.fakes.house_number(number)
            patterns.append((re.compile(rf"(?<![\wÀ-ÿ]){re.escape(street)}(?![\wÀ-ÿ])"
                                        rf"(?:(\s*){re.escape(number)}(?![\d]))?", re.IGNORECASE),
                             lambda m, fs=fs, fn=fn: fs + (m.group(1) + fn if m.group(1) is not None else "")))
        if self.postcode:
            fake = self.fakes.postcode(self.postcode)
            digits, letters = self.postcode[:4], self.postcode[-2:]
            city = rf"([ ]+){re.escape(self.city)}(?![\wÀ-ÿ])" if self.city else r"()(?!)"
            fake_city = self.fakes.city(self.city) if self.city else ""
            patterns.append((re.compile(rf"(?<![\w]){digits}([ ]?){letters}(?![\w])(?:{city})?",
                                        re.IGNORECASE),
                             lambda m, fake=fake, fc=fake_city: fake[:4] + m.group(1) + fake[-2:]
                             + (m.group(2) + fc if m.group(2) is not None else "")))
        for p, text in enumerate(self.pages, 1):
            for pattern, make in patterns:
                for m in pattern.finditer(text):
                    # also inside a reference: "huur jan-feb Nieuwstraat14A" holds the address
                    if not _overlaps(m.start(), m.end(), self.sender_name[p]):
                        self.add(p, m.start(), m.end(), make(m), "again")  # type: ignore[operator]

    def places(self) -> None:
        """No address block found (an e-mail-like letter): every street address deduce tags
        outside the letterhead and footer is taken for the resident's."""
        if self.out.block_found:
            return
        for p, tags in enumerate(self.tags, 1):
            text = self.pages[p - 1]
            lines = text.count("\n") + 1
            for t in tags:
                line_no = text.count("\n", 0, t.start)
                if (t.tag != "locatie" or not re.search(r"\d", t.text) or _NOT_HOME.match(t.text)
                        or not re.search(_STREET_END, t.text, re.IGNORECASE)
                        or (p == 1 and line_no < 8) or line_no >= lines - 4
                        or _overlaps(t.start, t.end, self.keep[p] + self.numbers[p])):
                    continue
                st = _STREET_IN_TEXT.search(t.text)
                if st and self.street is None:  # then found again in a reference, too
                    self.street = (st.group("street"), st.group("number"))
                new = _POSTCODE.sub(lambda m: self.fakes.postcode(m.group()), t.text)
                new = _STREET_IN_TEXT.sub(lambda m: self.fakes.street(m.group("street")) + " "
                                          + self.fakes.house_number(m.group("number")), new)
                self.add(p, t.start, t.end, new, "place")


def find_edits(pages: Sequence[str], found: Fields, bsn_values: Sequence[str], fakes: Fakes,
               people: Deidentifier) -> Resident:
    """Every replacement of the resident's data on the pages, overlaps settled by PRIORITY."""
    f = _Finder(pages, found, bsn_values, fakes, people)
    f.bsns()
    f.ibans()
    f.address_block()
    f.inline_address()
    f.birth_dates()
    f.persons()
    f.contacts()
    f.places()
    f.again()
    chosen: list[Edit] = []
    for edit in sorted(f.out.edits, key=lambda e: PRIORITY.index(e.what)):
        if not any(e.page == edit.page and e.start < edit.end and edit.start < e.end for e in chosen):
            chosen.append(edit)
    f.out.edits = sorted(chosen, key=lambda e: (e.page, e.start))
    return f.out


def apply_edits(pages: Sequence[str], edits: Sequence[Edit]) -> list[str]:
    """The pages with the edits made (they do not overlap)."""
    out = []
    for p, text in enumerate(pages, 1):
        pos, parts = 0, []
        for e in sorted((e for e in edits if e.page == p), key=lambda e: e.start):
            parts += [text[pos : e.start], e.new]
            pos = e.end
        out.append("".join(parts) + text[pos:])
    return out
