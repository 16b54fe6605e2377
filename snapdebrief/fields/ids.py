"""Stage 2 (fields): bank accounts (IBAN) and the reference numbers a resident needs.

Finders propose candidates from patterns and the label word before them; validators.py says
whether a check digit holds. OCR slips (O↔0, I/l↔1, S↔5, B↔8) in an IBAN are repaired only when
the mod-97 check then holds (ISO 13616 mod-97; [S55]). References keep the value as printed, without
spaces; kenmerk kinds without dots too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..phrasings import ReferenceLabels, load_reference_labels
from ..result import Evidence, Reference
from .money import asks_to_pay
from .validators import iban_valid, kenmerk_valid

_F = re.IGNORECASE

# --- IBAN ---------------------------------------------------------------------------------------

_DIGITISH = "0-9OoIlSB|"
# Between groups a space, a dot, or a line break where the text wraps ("NL28 RABO 2161\n5263 08")
_GAP_IN_IBAN = r"(?:[ .]|[ ]?\n[ \t]*)"
_NL_IBAN = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cc>N[LI1l|]){_GAP_IN_IBAN}?(?P<check>[{_DIGITISH}]{{2,3}}){_GAP_IN_IBAN}?"
    rf"(?P<bank>[A-Z0-9l]{{4}})(?P<acct>(?:{_GAP_IN_IBAN}?[{_DIGITISH}]){{10}})(?![0-9A-Za-z])"
)
_OTHER_IBAN = re.compile(
    r"(?<![A-Za-z0-9])(?P<cc>(?!NL)[A-Z]{2})(?P<check>\d{2})[ ]?(?P<rest>(?:[A-Z0-9]{4}[ ]?){2,7}"
    r"[A-Z0-9]{1,4})(?![A-Za-z0-9])"
)
_LOWER_NL_IBAN = re.compile(r"(?<![A-Za-z0-9])nl[ ]?\d{2}[ ]?[a-z]{4}(?:[ ]?\d){10}(?![0-9A-Za-z])")
_MAX_IBANS = 100  # per page
_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"})
_TO_LETTER = str.maketrans({"0": "O", "1": "I", "l": "I", "5": "S", "8": "B"})

_PAY_STRONG = re.compile(
    r"\bmaak\b.{0,60}\bover\b|\bover\s*te\s*maken\b|\bovermaken\b|\boverschrijven\b"
    r"|\bbetaal\w*\s+(?:\w+\s+){0,4}?(?:naar|op|aan|via|met)\b"
    # "… moet uiterlijk 27 maart op onze rekening NL… staan"
    r"|\b(?:op|naar)\s+(?:onze\s+|ons\s+|de\s+)?(?:bank)?rekening(?:nummer)?\b|\bt\.?\s?n\.?\s?v\.?|\bten\s+name\s+van\b|\bstorten\b"
    r"|\bbetalen\s+(?:op|naar|aan)\b"
    # a bailiff's or notary's client account is there to pay into
    r"|\bderdengelden\w*|\bkwaliteitsrekening\b",
    _F,
)
_PAY_WEAK = re.compile(r"\biban\b|\brekeningnummer\b|\brekening\b|\bbetaalgegevens\b", _F)
_FOOTER = re.compile(
    r"\bkvk\b|\bk\.v\.k\.|\bbtw[-\s]?(?:nr|nummer|id)\b|\bbtw\s*:|\bbankrelatie\b|\bhandelsregister\b"
    r"|\bwww\.|@|\|\s|\bkamer\s+van\s+koophandel\b|\bingeschreven\b",
    _F,
)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _line_of(lines: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


_SAME_GLYPH = ({"0", "O", "o"}, {"1", "l", "I", "|"})


def _repair_nl(m: re.Match[str]) -> str | None:
    check = m.group("check")
    if len(check) == 3:
        # one glyph read twice ("NL0O8" for NL08): drop the copy, if only one way holds
        fixes = {f for i in range(2) if any({check[i], check[i + 1]} <= g for g in _SAME_GLYPH)
                 for f in [_repaired(m, check[:i] + check[i + 1:])] if f}
        return fixes.pop() if len(fixes) == 1 else None
    return _repaired(m, check)


def _repaired(m: re.Match[str], check: str) -> str | None:
    direct = ("NL" + check + m.group("bank") + re.sub(r"[\s.]", "", m.group("acct"))).upper()
    if iban_valid(direct):
        return direct
    fixed = (
        "NL"
        + check.translate(_TO_DIGIT)
        + m.group("bank").translate(_TO_LETTER).upper()
        + re.sub(r"[\s.]", "", m.group("acct")).translate(_TO_DIGIT)
    )
    return fixed if iban_valid(fixed) else None


def _label_before(text: str, lines: list[tuple[int, int]], start: int) -> str:
    i = _line_of(lines, start)
    ls = max(lines[i][0], start - 200)
    prefix = re.sub(r"\s+", " ", text[ls:start]).strip()
    if len(prefix) < 12 and i > 0:
        ps, pe = lines[i - 1]
        prefix = (re.sub(r"\s+", " ", text[ps:pe]).strip() + " " + prefix).strip()
    return prefix[-80:]


def find_ibans(pages: Sequence[str]) -> list[tuple[str, Evidence, str]]:
    """Every valid IBAN on the letter: (compact IBAN, where it stands, the words before it)."""
    out: list[tuple[str, Evidence, str]] = []
    for i, text in enumerate(pages):
        if not text:
            continue
        lines = _lines(text)
        taken: list[tuple[int, int]] = []
        for n, m in enumerate(_NL_IBAN.finditer(text)):
            if n >= _MAX_IBANS:
                break  # a letter shows a few accounts; thousands is no letter
            iban = _repair_nl(m)
            if iban:
                ev = Evidence(page=i + 1, start=m.start(), end=m.end())
                out.append((iban, ev, _label_before(text, lines, m.start())))
                taken.append((m.start(), m.end()))
        for n, m in enumerate(_LOWER_NL_IBAN.finditer(text)):
            # typed in lower case ("nl36 rabo 3467 7951 91"): only when the check digits hold
            cand = re.sub(r"\s", "", m.group()).upper()
            if n < _MAX_IBANS and iban_valid(cand):
                ev = Evidence(page=i + 1, start=m.start(), end=m.end())
                out.append((cand, ev, _label_before(text, lines, m.start())))
                taken.append((m.start(), m.end()))
        for n, m in enumerate(_OTHER_IBAN.finditer(text)):
            if n >= _MAX_IBANS:
                break
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            found = _trim_other(m)
            if found:
                iban, end = found
                ev = Evidence(page=i + 1, start=m.start(), end=end)
                out.append((iban, ev, _label_before(text, lines, m.start())))
    out.sort(key=lambda t: (t[1].page, t[1].start))
    return out


def _trim_other(m: re.Match[str]) -> tuple[str, int] | None:
    """Foreign IBANs: drop trailing groups until the check holds (the text may run on)."""
    text = m.group(0)
    cut = len(text)
    while cut >= 15:
        compact = re.sub(r"\s", "", text[:cut])
        if iban_valid(compact):
            return compact, m.start() + len(text[:cut].rstrip())
        nxt = text.rfind(" ", 0, cut)
        if nxt <= 0:
            break
        cut = nxt
    return None


_OWN = re.compile(
    # "Uw bankrekening bij ons" above the number in a side column
    # "Uw rekening voor uitbetaling declaraties": where the sender pays the reader
    r"(?:\b(?:uw|je|jouw)\s+(?:eigen\s+)?(?:bank)?rekening(?:nummer)?(?:\s+bij\s+ons(?:\s+bekend)?)?"
    r"(?:\s+voor\s+(?:de\s+)?(?:uitbetaling|terugbetaling|teruggave|vergoeding)\w*(?:\s+[\w-]+){0,2})?|\buw\s+iban"
    r"|\brekening(?:nummer)?\s+dat\s+(?:bij\s+ons\s+)?(?:van\s+(?:u|jou)\s+)?(?:bekend|geregistreerd)\s+is,?)"
    r"\s*[:(]?\s*$",
    _F,
)
# The sender pays out to the account that follows: "Wij maken het bedrag over op rekeningnummer
# NL…", "wij betalen het uit op rekening", "U krijgt het geld op rekening", "Het bedrag wordt
# gestort op rekening". Not "Maak het bedrag over op rekening" nor "Wij verzoeken u ... op".
_PAYOUT = re.compile(
    r"(?:\b(?:wij|we)\s+(?:maken|betalen|storten|boeken|keren|sturen)\b"
    r"|\b(?:maken|betalen|storten|boeken|keren|sturen)\s+(?:wij|we)\b"
    r"|\b(?:u|je)\s+(?:krijgt|ontvangt)\b|\b(?:krijgt|ontvangt)\s+(?:u|je)\b"  # ("De eerste betaling ontvangt u …")
    r"|\b(?:het\s+)?(?:geld|bedrag|voorschot)\s+(?:komt|gaat)\b"
    r"|\brestitu(?:eren|eert|tie)\b"  # "het overschot … aan verzoeker te restitueren op rekeningnummer"
    r"|(?:^|(?<=\n))[ \t]*(?:uit)?betaald(?=\s+op\s)"  # a benefit's row "Betaald op rekening  NL…"
    r"|\b(?:wordt|worden)\s+(?:[\w-]+\s+){0,5}?(?:uitbetaald|uitgekeerd|overgemaakt"
    r"|overgeboekt|gestort|teruggestort|bijgeschreven)\b)"
    r"[^.!?]{0,100}?\b(?:op|naar|via)(?:\s+(?:uw\s+|je\s+|het\s+|de\s+)?(?:bank)?(?:rekening(?:nummer)?|iban)"
    # "Het ingehouden deel maken wij over naar de rekening van de deurwaarder, NL…"
    # ("Wij betalen rond de 25e van de maand op NL44 …": the number right after "op")
    r"(?:\s+van\s+(?:de|het)\s+\w+)?)?\s*[:(,]?\s*$",
    _F,
)
# ... unless the sentence asks the resident to pay ("Het bedrag moet worden overgemaakt op").
_PAYOUT_ASK = re.compile(
    r"\b(?:moet|moeten|dient|dienen|verzoek\w*|vragen|graag|wilt|over\s+te\s+maken|te\s+betalen)\b", _F)
_ASKS_PAYMENT = re.compile(
    r"\bbetaal\b|\bbetaalt\b|\bbetalen\b|\bover\s*te\s*maken\b|\bovermaken\b|\bmaak\b.{0,60}\bover\b"
    r"|\bte\s+voldoen\b|\bvoldoe\b|\bsommeer\w*",
    _F,
)
# ("Het niet kwijtgescholden bedrag … bijgeschreven op rekening NL37 …", "nog niet betaald": the
# debt described, not a payment forbidden)
_NEGATED = re.compile(r"\b(?:niet|nooit|geen)\b(?!\s+(?:kwijtgescholden|(?:(?:op\s+tijd|tijdig|volledig|helemaal|geheel)\s+)?"
                      r"(?:betaald|voldaan|ontvangen))\b)", _F)
# An account the letter says not to pay to: "ons oude rekeningnummer NL18 … is vervallen. Maak
# daar geen geld meer naartoe over.", "… welke rekening uitsluitend ter informatie wordt vermeld"
_DEAD_ACCOUNT = re.compile(r"\boude\s+(?:bank)?rekening\w*|\b(?:is|wordt|zijn)\s+(?:vervallen|opgeheven|gesloten)\b"
                           r"|\bniet\s+meer\s+(?:in\s+gebruik|gebruiken|geldig|bedoeld|bestemd|ontvangen)\b"
                           # "Hun rekening NL87 … staat nog op uw contract, maar …": the creditor's old one
                           r"|\bstaat\s+nog\s+op\s+(?:uw|je|de)\s+(?:contract|factuur|overeenkomst)\b|\bgeen\s+(?:geld|betaling\w*)\s+(?:meer\s+)?"
                           r"(?:over\s+)?(?:naar|op|aan)\w*\b|\b(?:daar|hierop|daarop|hiernaar|daarnaar)\s+(?:\w+\s+){0,3}?geen\b"
                           r"|\buitsluitend\s+ter\s+informatie\b|\bniet\s+(?:bestemd\s+)?voor\s+(?:uw\s+)?betaling\w*\b"
                           # "Betaal daar niet meer naartoe", "Betaal niet naar dit nummer", "in uw
                           # contract staat nog het rekeningnummer van …"
                           r"|\bbetaal\s+(?:(?:daar|hier|daarop|hierop)\s+)?niet\s+(?:meer\s+)?(?:naar\s*toe|naar|op|aan)\b"
                           r"|\bin\s+(?:uw|je)\s+(?:contract|overeenkomst)\s+staat\s+nog\b"
                           # "Op je jaarnota's staat nog NL41 …; dat nummer gebruiken we sinds 1 maart
                           # niet meer", "(hierop betalen wij u; niet om op te betalen)"
                           r"|\bop\s+(?:uw|je)\s+(?:oude\s+)?(?:jaar)?(?:nota|factuur|facturen|contract)\S*\s+staat\s+nog\b"
                           r"|\bgebruiken\s+(?:wij|we)\s+(?:\S+\s+){0,4}?niet\s+meer\b"
                           r"|\bniet\s+om\s+(?:op\s+|naar\s+)?te\s+betalen\b"
                           # "Gebruik die rekening niet voor het bedrag in deze brief"
                           r"|\bgebruik\s+(?:die|deze|dat|dit|dat\s+andere)\s+(?:bank)?(?:rekening\w*|nummer)\s+niet\b"
                           # another creditor's account: "… betaalt u aan hen op NL88 …, niet met deze
                           # strook", "Betalingen op hun rekening NL29 … worden niet … verrekend"
                           r"|\bniet\s+(?:met|via)\s+(?:deze|de)\s+(?:\w+)?(?:strook|acceptgiro|betaalbewijs)\b"
                           # "… (NL33 …) worden niet langer aanvaard", "… worden niet meer in uw dossier verwerkt"
                           r"|\b(?:worden|wordt)\s+niet\s+(?:meer|langer)\b[^.]{0,40}?\b(?:verwerkt|aanvaard|geaccepteerd"
                           r"|verrekend|geboekt|gekoppeld)\b", _F)
# The words right before the number name someone else's account: "… betaalt u aan hen op",
# "Betalingen op hun rekening"
_OTHERS_ACCOUNT = re.compile(r"\baan\s+hen\s+(?:op|via)\s*$|\bop\s+(?:hun|zijn|haar)\s+(?:bank)?rekening\w*\s*$"
                             # "Gebruik ook niet de rekening NL69 … van de praktijk"
                             r"|\bgebruik\s+(?:dus\s+|ook\s+)*niet\s+(?:de|het|onze|ons|hun)\s+(?:bank)?rekening(?:nummer)?\s*$"
                             # "Betalingen op het rekeningnummer van cliënte (NL33 …)"
                             r"|\brekening(?:nummer)?\s+van\s+(?:cli[eë]nte?|(?:onze|uw|de)\s+(?:opdrachtgever|schuldeiser|"
                             r"webwinkel|winkel))\s*\(?\s*$", _F)
_TO_OUR_ACCOUNT = re.compile(r"\b(?:betal\w*|over\s*te\s*maken|overmaken|maak\w*|stort\w*|voldo\w*)\b[^.]{0,60}"
                             r"\b(?:op|naar|aan)\s+(?:onze|ons|mijn)\s+(?:bank)?rekening(?:nummer)?\b", _F)
_POINTS_BACK = re.compile(r"\b(?:dit|dat|deze|die)\s+(?:bank)?(?:rekening\w*|nummer|iban)\b"
                          r"|\b(?:daar|hier|daarop|hierop|daarnaar|hiernaar)\b", _F)
# the start of a printed IBAN ("NL18 RABO 0384 …"): another account in the text, or one in a block
_IBAN_START = re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}[ ]?\d{4}")
# the two sentences after an IBAN (the full stop right after the number is its own sentence's end)
_NEXT_SENTENCES = re.compile(r"[.!?]?(?:[^.!?]*[.!?]){1,2}")



def _sentence_before(text: str, start: int, reach: int = 200) -> str:
    """The part of the sentence before `start` (a decimal point does not end a sentence)."""
    before = text[max(0, start - reach) : start]
    cut = -1
    # not "t.n.v. ", nor "patiëntnr. 30418" (a number after a dot goes on the sentence)
    for m in re.finditer(r"(?<![\s.]\w)[.!?](?=\s+[^\d\s])|\n\s*\n", before):
        cut = m.end()
    return before[cut:].lstrip(" \t") if cut != -1 else before


@dataclass(frozen=True)
class _PageLines:
    lines: list[tuple[int, int]]
    footer_from: int  # index of the first footer line; len(lines) when the page has no footer


def _page_lines(text: str) -> _PageLines:
    """Lines, and where the footer starts: the last 4 non-blank lines when they hold company
    data (KvK, BTW, www …)."""
    lines = _lines(text)
    nonblank = [j for j, (a, b) in enumerate(lines) if text[a:b].strip()]
    tail = nonblank[-4:]
    block = " ".join(text[lines[j][0] : lines[j][1]][:400] for j in tail)
    footer_from = tail[0] if tail and _FOOTER.search(block) else len(lines)
    return _PageLines(lines, footer_from)


def _iban_context(text: str, ev: Evidence, page: _PageLines) -> tuple[int, bool, bool]:
    """(score, footer, the resident's own account) for one printed IBAN."""
    lines = page.lines
    i = _line_of(lines, ev.start)
    ls, le = lines[i]
    ls, le = max(ls, ev.start - 300), min(le, ev.end + 300)  # a "line" of a whole PDF
    line = text[ls:le]
    nxt = text[lines[i + 1][0] : lines[i + 1][1]][:300] if i + 1 < len(lines) else ""
    window = text[max(0, ev.start - 200) : ev.start] + " " + text[ev.end : le] + " " + nxt
    sentence = _sentence_before(text, ev.start)
    if _OWN.search(sentence[-60:]) or (_PAYOUT.search(sentence)
                                       and not _PAYOUT_ASK.search(sentence)):
        return -9, False, True
    footer = bool(_FOOTER.search(line)) or i >= page.footer_from
    score = 0
    if _PAY_STRONG.search(window):
        score += 2
    elif _PAY_WEAK.search(window):
        score += 1
    if _PAY_STRONG.search(sentence) and _NEGATED.search(sentence):
        score -= 3  # "Let op: betaal niet meer aan DUO (NL45 …)"
    told = _NEXT_SENTENCES.match(text, ev.end)
    after = told.group() if told else ""
    other = _IBAN_START.search(after)
    if other is not None:
        # "… Maak geen betalingen over naar onze kantoorrekening NL05 …": what the line of
        # another account says is about that account
        after = after[: after.rfind("\n", 0, other.start()) + 1]
    para = re.search(r"\n[ \t]*\n", after)
    if para is not None and not _POINTS_BACK.search(after, para.end()):
        # "IBAN: NL18 … / Omschrijving: TI-26-47719" then, a paragraph on: "Let op: betaal niet
        # meer aan de webwinkel zelf": about another account, unless it points back at this one
        after = after[: para.start()]
    if _DEAD_ACCOUNT.search(sentence[-80:] + " " + re.sub(r"\s+", " ", after)[:240]) \
            or _OTHERS_ACCOUNT.search(sentence[-80:]):
        score -= 6  # the letter says this account is not the one to pay to
    if footer:
        score -= 3
    return score, footer, False


def own_account(text: str, ev: Evidence) -> bool:
    """The IBAN at `ev` is the resident's own: "van uw rekening NL…", or the account the sender
    pays out to ("Wij maken het bedrag over op rekeningnummer NL…"); what choose_iban never
    picks, and what an exported test case must not show (cases/resident.py, #18)."""
    return _iban_context(text, ev, _page_lines(text))[2]


def choose_iban(
    found: Sequence[tuple[str, Evidence, str]], pages: Sequence[str]
) -> tuple[str, Evidence] | None:
    """The account to pay to: the one the payment sentence names, not a footer account.

    The resident's own account ("van uw bankrekening NL…", "op uw rekening NL…") and the account
    the sender pays out to ("Wij maken het bedrag over op rekeningnummer NL…") are never the
    answer. One distinct IBAN left: that one. Several: the best payment context wins, a
    non-footer account before a footer one, the first in reading order on a tie.
    """
    scored = []
    line_cache: dict[int, _PageLines] = {}
    for order, (iban, ev, _label) in enumerate(found):
        text = pages[ev.page - 1] if 0 < ev.page <= len(pages) else ""
        if ev.page not in line_cache:
            line_cache[ev.page] = _page_lines(text)
        score, footer, own = _iban_context(text, ev, line_cache[ev.page])
        if not own:
            scored.append((score, not footer, -order, iban, ev))
    if not scored:
        return None
    best = max(scored)
    if best[0] < 2 and len({x[3] for x in scored}) == 1 and any(_TO_OUR_ACCOUNT.search(p or "") for p in pages):
        # "Betaling geschiedt op onze bankrekening, onder vermelding van ons kenmerk" with one
        # account on the letter, in its letterhead: that one
        return best[3], best[4]
    if best[0] < 2 and not any(asks_to_pay(p or "", _ASKS_PAYMENT) for p in pages):
        return None  # a letter that asks no payment: the account shown is no account to pay to
    return best[3], best[4]


# --- reference numbers --------------------------------------------------------------------------


# The label words themselves ("Betalingskenmerk", "Dossiernummer", "Factuur: F-118") are rule
# data since #18: rules/phrasings/reference-labels.yaml (phrasings/reference_labels.py), passed
# in as `labels`; the shipped ones when a caller gives none.
# Words that label a number only as the header of a table column ("Factuur   Periode   Bedrag").
_HEADER_ONLY = {"factuur": "factuurnummer", "nota": "factuurnummer", "dossier": "dossiernummer",
                "vordering": "vorderingsnummer", "kenmerk": "kenmerk"}
_KENMERK_KINDS = ("betalingskenmerk", "cjib-nummer")
_KIND_ORDER = {"betalingskenmerk": 0, "cjib-nummer": 1, "kenmerk": 9}
_FILLER = re.compile(
    r"(?:[ \t]*(?::|nr\.?|nummer|is|van|de|het|uw|onze?|bij|opdrachtgever|rechtbank|altijd"
    r"|\([^)\n]{0,30}\))(?![\w]))*[ \t]*[:\-–|│┃║]?[ \t]*",  # a boxed table's bar too
    _F,
)
_GROUPS = re.compile(r"\d+(?:[ .]\d+)*")
_GROUPS_WRAPPED = re.compile(r"\d+(?:(?:[ .]|[ ]?\n[ \t]*)\d+)*")  # "kenmerk 7640\n0192 8374 6501"
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9./\-]*[A-Za-z0-9])?")
_PAY_CUE = re.compile(
    r"\b(?:onder|met)\s+vermelding\s+van\b|\bvermeld\s+(?:daarbij|hierbij|daar\s+bij)\b|\bo\.\s?v\.\s?v\.?|\bbij\s+(?:(?:uw|je|jouw|de|elke|iedere)\s+)?betaling\b"
    r"|\b(?:als|in\s+de|bij\s+de)\s+omschrijving\b|\bomschrijving\s*:|\bbetalings?kenmerk\b"
    # "… ten name van Kuipers & Lont en vermeld KL-26-30917": the number right after the verb
    r"|\bvermeld(?=\s+[A-Z0-9][\w/.-]*\d[\w/.-]*[\s.,;])"
    r"|\bbetaalkenmerk\b"
    # a row of a payment block: "Omschrijving     2026-00418", "Mededeling\t4471-A"
    r"|(?:^|(?<=\n))[ \t|│]*(?:(?:kenmerk|referentie)[ \t]*/[ \t]*)?(?:betalings?|betaal)?(?:omschrijving|omschr\.|mededeling)"
    r"(?:[ \t]*/[ \t]*(?:kenmerk|referentie))?(?:(?=[ \t]{2,}|\t)|[ \t]*:?[ \t]*(?=\n)"
    # "omschrijving VI-26-08317": one space, then one number alone on the rest of the line
    r"|(?=[ \t][A-Za-z0-9][\w/.-]*\d[\w/.-]*[ \t]*(?:\n|$)))",
    _F,
)
# "Vermeld uw klantnummer" / "gebruik het kenmerk" count only beside a payment instruction.
_WEAK_CUE = re.compile(r"\bvermeld\w*\b|\bgebruik\w*\b|\bnoem\b|\bzet\b", _F)
_NOT_PAYMENT = re.compile(r"\bin\s+(?:uw|je|de|het)\s+(?:brief|bezwaar\w*|reactie|antwoord)\b", _F)
_PAY_WORDS = re.compile(
    r"\bbetaal\w*|\bbetalen\b|\bmaak\b.{0,60}\bover\b|\bover\s*te\s*maken\b|\bovermaken\b"
    r"|\biban\b|\brekening\w*|\bt\.?\s?n\.?\s?v\.?|\bten\s+name\s+van\b",
    _F,
)
_ROW_CUE = re.compile(r"\s*(?:betalings?|betaal)?(?:omschrijving\b|omschr\.|mededeling\b)", _F)
_OMSCHRIJVING_CELL = re.compile(r"[A-Za-z][^\n|│]{2,38}?(?=[ \t]{2,}|\t|[ \t]*[|│]|[ \t]*$)", re.MULTILINE)
# between a payment cue and its number: a colon, a line break, or the number's name ("vermeld
# daarbij het nummer van de regeling: 2026-BR-04417")
_CUE_GAP = re.compile(r"[ \t]*[:|│]?[ \t]*(?:\n[ \t]*)?"
                      r"(?:(?:het|uw|je|ons|onze|de)\s+(?:\w+\s+){0,2}?(?:nummer|kenmerk|referentie)"
                      r"(?:\s+van\s+(?:de|het|uw|je)\s+\w+)?[ \t]*:[ \t]*"
                      # "onder vermelding van het beta-" / "lingskenmerk 7936 6997 …": the label
                      # broken over two lines, then the number
                      r"|(?:het|uw|je|de)\s+\w+-[ \t]*\n[ \t]*\w*(?:nummer|kenmerk)[ \t]+(?=\d))?")
_DATE_LIKE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_KENMERK_LENGTHS = (16, 14, 13, 12, 11, 10, 9, 7)


_NOUN_KIND = {"factuur": "factuurnummer", "nota": "factuurnummer", "dossier": "dossiernummer",
              "vordering": "vorderingsnummer", "zaak": "zaaknummer", "klant": "klantnummer",
              "contract": "contractnummer", "polis": "polisnummer", "order": "ordernummer"}


def _kind_of(m: re.Match[str], labels: ReferenceLabels) -> str:
    kind = labels.label_of(m).kind
    if kind == "@word":
        return m.group().lower()
    if kind == "@noun":
        return _NOUN_KIND[m.group().split()[0].lower()]
    return kind


def _clean_value(kind: str, raw: str) -> str:
    if kind == "kenmerk" and re.search(r"[A-Za-z]{3}", raw):
        return re.sub(r"\s+", " ", raw.strip())  # words to type: "factuur 26-0311", as printed
    v = re.sub(r"\s", "", raw)
    if kind in _KENMERK_KINDS:
        v = v.replace(".", "")
    return v


def _kenmerk_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """Digit groups at `pos` that form a betalingskenmerk ("6384 4413 1704 6001",
    "2502.9004.6254.8006"): the longest run of groups whose check holds, else whose length fits.
    """
    m = _GROUPS_WRAPPED.match(text, pos)
    if not m or (m.end() < len(text) and text[m.end()].isalnum()):
        m = _GROUPS.match(text, pos)
    if not m or (m.end() < len(text) and text[m.end()].isalnum()):
        return None
    ends = [g.end() for g in re.finditer(r"\d+", m.group())]
    options = []
    for e in ends:
        chunk = m.group()[:e]
        n = len(re.sub(r"\D", "", chunk))
        if "\n" in chunk and kenmerk_valid(chunk) is not True:
            continue  # run on over a line break only when the check digit holds
        if n in _KENMERK_LENGTHS:
            options.append((kenmerk_valid(chunk) is not False, n, e))
    if not options:
        return None
    _, _, e = max(options)
    return m.group()[:e], m.start(), m.start() + e


def _value_at(text: str, pos: int, kind: str, labels: ReferenceLabels) -> tuple[str, int, int] | None:
    """The number printed at `pos`, or None when what stands there is no number."""
    if kind == "kenmerk" and (inner := labels.any.match(text, pos)) and _kind_of(inner, labels) != "kenmerk":
        # "Kenmerk:  relatienummer 40218863": the kenmerk is that other number
        got_inner = _value_after_label(text, inner, _kind_of(inner, labels), labels)
        return got_inner[0] if got_inner else None
    if kind in _KENMERK_KINDS or kind == "kenmerk":
        got = _kenmerk_at(text, pos)
        if got and (kind in _KENMERK_KINDS or len(re.sub(r"\D", "", got[0])) >= 9):
            return got
        if kind != "betalingskenmerk":
            if kind in _KENMERK_KINDS:
                return None
        elif not re.match(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*-?\d", text[pos:pos + 20]):
            return None  # a betalingskenmerk is digits, or a sender's own code ("PS-26-0091734")
    quoted = _QUOTED.match(text, pos)
    if quoted and kind == "kenmerk":  # onder vermelding van "huur Spaarnwouderstraat 61A"
        return quoted.group(1), quoted.start(1), quoted.end(1)
    m = _TOKEN.match(text, pos)
    if not m:
        return None
    if kind in ("aanslagnummer", "beschikkingsnummer"):
        tax = _TAX_NUMBER.match(text, pos)
        if tax:  # "1234.56.782.H.46", also as OCR breaks it: "123456 789.H 01"
            return tax.group(), tax.start(), tax.end()
    joined = _PREFIX_NUMBER.match(text, pos) or _DIGIT_GROUPS.match(text, pos)
    if joined:  # "DW 2604218", "7712 0458": one number printed in groups with single spaces
        return joined.group(), joined.start(), joined.end()
    tok = m.group().rstrip(".-/")
    if not re.search(r"\d", tok) or _DATE_LIKE.match(tok) or len(tok) < 3:
        return None
    end = m.start() + len(tok)
    # "11287364 UC EXPL 25-19022": a court number runs on in capitals and digits.
    if kind == "zaaknummer":
        more = re.match(r"(?:[ ](?=[A-Z0-9/\-]*\d|[A-Z]{2,}\b)[A-Z0-9][A-Z0-9/\-]*)+", text[end:])
        if more:
            end += len(more.group().rstrip())
    return text[m.start() : end], m.start(), end


# A Belastingdienst/Toeslagen aanslag- or beschikkingsnummer: the nine digits of the BSN in groups
# (4.2.3 as printed, any grouping as OCR leaves it), a letter for the tax, then two or four digits.
_TAX_NUMBER = re.compile(r"(?:\d[ .]{0,2}){8}\d[ .]{0,2}[A-Z][ .]{0,2}\d{1,4}(?:\.\d{1,4}){0,2}(?:[ .]?\d{2})?"
                         r"(?![\w.])")
# "30 551 872", "7712 0458"; "4418 2093 7" (a short last group only where the line ends)
# (a short last group before a word too: "Zet je relatienummer 719 226 04 in de omschrijving";
# not before a month: "… 4412 12 maart")
_DIGIT_GROUPS = re.compile(r"\d{2,4}(?: \d{3,4}){1,3}(?: \d{1,2}(?=[ \t]*(?:$|[,.;)])|[ \t]+(?!(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec))[a-z]))?"
                           r"(?![\d\w]|[,.]\d)", re.MULTILINE)
_QUOTED = re.compile(r"[\"“‘'„]([^\"”’'\n]{3,40}?\d[^\"”’'\n]{0,40}?)[\"”’']")
_PREFIX_NUMBER = re.compile(r"[A-Z]{1,4}[ ]\d[\d./-]{3,}\d(?![\w-])")
_SKIP_WORDS = re.compile(r"(?:[ \t]+[A-Za-zÀ-ÿ]{1,15}){1,2}(?=[ \t]*:|[ \t]{2,}|\t)")


def _value_after_label(text: str, lab: re.Match[str], kind: str,
                       labels: ReferenceLabels) -> list[tuple[str, int, int]]:
    le = text.find("\n", lab.end())
    le = len(text) if le == -1 else le
    filler = _FILLER.match(text, lab.end(), le)
    pos = filler.end() if filler else lab.end()
    if pos < le:
        got = _value_at(text, pos, kind, labels)
        if got:
            return [got]
        # "Vorderingsnummer DUO  4471902233": a word or two, then the column with the value.
        skip = _SKIP_WORDS.match(text, lab.end(), le)
        if skip and not labels.any.match(text, skip.start()):
            f2 = _FILLER.match(text, skip.end(), le)
            got = _value_at(text, f2.end() if f2 else skip.end(), kind, labels)
            if got:
                return [got]
        gap = text[lab.end() : pos]
        if not re.search(r"\s{2,}|\t", gap):
            if kind in _KENMERK_KINDS and re.fullmatch(r"[ \t]*(?:\w+[ \t]*)?:[ \t]*", text[lab.end():le]):
                return _kenmerk_on_next_line(text, le)  # "… dit betalingskenmerk in:" / "8462 …"
            return []  # a sentence goes on: "Houd uw dossiernummer bij de hand."
    below = _values_below(text, lab.start(), lab.end(), kind, le, labels)
    if not below and kind in _KENMERK_KINDS:
        return _kenmerk_on_next_line(text, le)
    return below


# (the sentence may go on with a word before the number: "Zet dit betalingskenmerk" / "erbij: 3831 …")
_NEXT_TEXT_LINE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:(?:erbij|hierbij|daarbij|bij|in|op)[ \t]*:[ \t]*)?")


def _kenmerk_on_next_line(text: str, le: int) -> list[tuple[str, int, int]]:
    """The next line with text (one blank line may stand between), when it is a kenmerk whose
    check digit holds: "Vul bij de omschrijving alleen dit betalingskenmerk in:" / "8462 0481 …"."""
    nxt = _NEXT_TEXT_LINE.match(text, le)
    if nxt is None:
        return []
    got = _kenmerk_at(text, nxt.end())
    return [got] if got and kenmerk_valid(got[0]) is True else []


def _values_below(text: str, start: int, end: int, kind: str, le: int,
                  labels: ReferenceLabels) -> list[tuple[str, int, int]]:
    """Column layout ("Dagtekening   Aanslagnummer" over "16 maart 2026   3844.41.312.H.46";
    a table column "Factuurnummer" over one invoice number per row) or the value alone on the
    next line ("… het betalingskenmerk:" / "6384 4413 1704 6001")."""
    ls = text.rfind("\n", 0, start) + 1
    col = start - ls
    header = bool(re.search(r"\S(?:[ ]{2,}|\t)", text[ls:start])) or bool(
        re.search(r"\S", text[end:le].strip(" \t:"))
    )
    out: list[tuple[str, int, int]] = []
    ns = le + 1
    while ns < len(text):
        ne = text.find("\n", ns)
        ne = len(text) if ne == -1 else ne
        below = text[ns:ne]
        if not below.strip():
            break
        if not header:
            first = len(below) - len(below.lstrip())
            got = _value_at(text, ns + first, kind, labels)
            return [got] if got else []
        best = None
        for m in re.finditer(r"[^\s|│┃║]\S*(?: \S+)*", below):  # a box bar is no cell
            d = abs(m.start() - col)
            if d <= 6 and (best is None or d < best[0]):
                best = (d, m.start())
        got = _value_at(text, ns + best[1], kind, labels) if best else None
        if got is None:
            break
        out.append(got)
        ns = ne + 1
    return out


def _header_labels(text: str) -> list[tuple[int, int, str]]:
    """Column headers that are a bare word ("Factuur", "Dossier"): (start, end, kind)."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        cells = list(re.finditer(r"\S+(?: \S+)*", line.group()))
        if len(cells) < 3:
            continue
        for c in cells:
            kind = _HEADER_ONLY.get(c.group().lower())
            if kind:
                out.append((line.start() + c.start(), line.start() + c.end(), kind))
    return out


def find_references(pages: Sequence[str], labels: ReferenceLabels | None = None) -> list[Reference]:
    """Every labelled reference number, in reading order, each value once. `labels`: the
    reference labels in force (a team's before the shipped ones); the shipped ones when None."""
    labels = labels if labels is not None else load_reference_labels()
    out: list[Reference] = []
    seen: dict[str, int] = {}
    for i, text in enumerate(pages):
        if not text:
            continue
        found: list[tuple[int, Reference]] = []
        used: set[int] = set()  # character positions already part of a number
        labelled: list[tuple[str, list[tuple[str, int, int]]]] = []
        for lab in labels.any.finditer(text):
            kind = _kind_of(lab, labels)
            line_start = text.rfind("\n", 0, lab.start()) + 1
            if lab.group().strip().lower() in ("factuur", "nota") and _ROW_CUE.match(
                    text[line_start:lab.start()]):
                continue  # "Omschrijving   factuur 26-0311": the words to type, read whole below
            labelled.append((kind, _value_after_label(text, lab, kind, labels)))
        for a, b, kind in _header_labels(text):
            le = text.find("\n", b)
            labelled.append((kind, _values_below(text, a, b, kind, len(text) if le == -1 else le, labels)))
        for kind, values in labelled:
            for raw, a, b in values:
                if not used.isdisjoint(range(a, b)):
                    continue
                value = _clean_value(kind, raw)
                check: bool | None = None
                if kind in _KENMERK_KINDS or (kind == "kenmerk" and re.fullmatch(r"[\d .]+", raw)):
                    check = kenmerk_valid(raw)
                used.update(range(a, b))
                ev = Evidence(page=i + 1, start=a, end=b)
                found.append((a, Reference(kind, value, ev, check)))
        # "onder vermelding van 5000 0567 8901 2345", "Omschrijving:   2026-004518": a number in
        # the payment instruction without a label word of its own.
        known = {r.value: r.kind for _, r in found}
        for cue in _PAY_CUE.finditer(text):
            gap = _CUE_GAP.match(text, cue.end())
            pos = gap.end() if gap else cue.end()
            got = _kenmerk_at(text, pos)
            cell = _OMSCHRIJVING_CELL.match(text, pos) if _ROW_CUE.match(cue.group()) else None
            if got and kenmerk_valid(got[0]) is True:
                kind, raw, a, b = "betalingskenmerk", got[0], got[1], got[2]
            elif cell and re.search(r"\d", cell.group()) and re.search(r"[A-Za-z]", cell.group()):
                # "Omschrijving    factuur 26-0311": the words to type, as printed
                kind, raw, a, b = "kenmerk", cell.group(), cell.start(), cell.end()
            else:
                tok = _value_at(text, pos, "kenmerk", labels)
                if tok is None:
                    continue
                raw, a, b = tok
                kind = known.get(_clean_value("kenmerk", raw), "kenmerk")
            if not used.isdisjoint(range(a, b)):
                continue
            value = _clean_value(kind, raw)
            kind = known.get(value, kind)
            check = kenmerk_valid(raw) if kind in _KENMERK_KINDS else None
            used.update(range(a, b))
            found.append((a, Reference(kind, value, Evidence(page=i + 1, start=a, end=b), check)))
        for _, ref in sorted(found, key=lambda t: t[0]):
            if ref.value not in seen:
                seen[ref.value] = len(out)
                out.append(ref)
                continue
            # The same number again: keep the more specific kind and the mention in the
            # payment sentence ("Vermeld bij uw betaling …"), for the volunteer to check.
            j = seen[ref.value]
            kept = out[j]
            kind = kept.kind
            if _KIND_ORDER.get(ref.kind, 5) < _KIND_ORDER.get(kept.kind, 5):
                kind = ref.kind
            ev, valid = kept.evidence, kept.valid
            if ref.evidence is not None and _payment_context(text, ref.evidence) and (
                kept.evidence is None
                or not _payment_context(pages[kept.evidence.page - 1], kept.evidence)
            ):
                ev = ref.evidence
            if kind in _KENMERK_KINDS and valid is None:
                valid = ref.valid
            out[j] = Reference(kind, kept.value, ev, valid)
    return out


def _under_account(text: str, ev: Evidence) -> bool:
    """"BETALEN AAN / NL27 RABO … / t.n.v. … / kenmerk VK-2026-118342": the kenmerk row of the
    block that names the account, a few lines under it."""
    ls = text.rfind("\n", 0, ev.start) + 1
    if not _BLOCK_KENMERK.fullmatch(text, ls, ev.start):
        return False
    above = text[max(0, ls - 200) : ls]
    above = above[above.rfind("\n\n") + 1 :]
    return bool(_IBAN_START.search(above))


def _payment_context(text: str, ev: Evidence) -> bool:
    """True when the number stands in a sentence that asks to quote it with the payment."""
    sentence = _sentence_before(text, ev.start, 160)
    if _NOT_PAYMENT.search(sentence):
        return False
    # the number itself too: a payment block's row cue looks ahead at it ("omschrijving VI-26-08317")
    if _PAY_CUE.search(sentence + text[ev.start:ev.end]) or _CUE_AFTER.match(text, ev.end):
        return True
    if _WITH_LABEL.search(sentence) and _PAY_WORDS.search(sentence):
        return True  # "Je kunt betalen op NL73 …, met ons dossiernummer MG-2026-11094."
    if _under_account(text, ev):
        return True
    before_len = len(sentence)
    rest = text[ev.end : ev.end + 80]
    rest = rest[: m.start()] if (m := re.search(r"[.!?](?=\s)|\n\s*\n", rest)) else rest
    if _WEAK_CUE.search(rest) and not _WEAK_CUE.search(sentence):
        # "Wilt u daarbij het factuurnummer 2025-1187 vermelden": the cue after the number
        sentence = sentence + " " + rest
    if _WEAK_CUE.search(sentence):
        # The sentence itself or the one before it gives the payment instruction.
        wider = _sentence_before(text, ev.start - before_len - 1, 220) + " " + sentence
        # ("Dat kan naar NL47 INGB …. Zet je huurcontractnummer 0412-07-3318 erbij.")
        return bool(_PAY_WORDS.search(wider) or _IBAN_START.search(wider))
    return False


_BLOCK_KENMERK = re.compile(r"[ \t|]*(?:kenmerk|referentie|o\.\s?v\.\s?v\.?)[ \t]*:?[ \t]*", _F)
# The number named right after the account in a pay sentence: "…, met ons dossiernummer"
_WITH_LABEL = re.compile(r"\bmet\s+(?:ons|onze|uw|je|jouw|het|de)\s+[\w-]*(?:nummer|kenmerk|nr\.?)\s*:?\s*$", _F)
# "Zet je huurnummer 60-118734 in de omschrijving": the cue after the number.
_CUE_AFTER = re.compile(r"[ \t]*\)?[ \t\n]*(?:(?:als|in\s+de|bij\s+de|in\s+je|in\s+uw)\s+"
                        r"(?:betaal|betalings)?(?:omschrijving|mededeling)\b"
                        r"|bij\s+(?:de|je|uw)\s+betaling\b"  # "Zet je relatienummer bij de betaling"
                        # "Kenmerk: 2604178812 (dit is je betalingskenmerk, …)"
                        r"|\(?\s*dit\s+is\s+(?:je|uw|het|de)\s+betalings?kenmerk\b)", _F)
_PRIORITY = {"betalingskenmerk": 0, "cjib-nummer": 1}


def choose_payment_reference(refs: Sequence[Reference], pages: Sequence[str],
                             labels: ReferenceLabels | None = None) -> Reference | None:
    """The number to quote when paying.

    A betalingskenmerk or CJIB-nummer first (a valid one before an invalid one, one named in the
    payment sentence before others); else the number the payment sentence names ("Vermeld bij
    uw betaling dossiernummer …", "onder vermelding van het vorderingsnummer"); else a 16-digit
    kenmerk whose check digit holds; else None.
    """
    def in_pay(r: Reference) -> bool:
        if r.evidence is None or not 0 < r.evidence.page <= len(pages):
            return False
        return _payment_context(pages[r.evidence.page - 1], r.evidence)

    strong = [r for r in refs if r.kind in _PRIORITY]
    if strong:
        return min(
            strong,
            key=lambda r: (r.valid is False, not in_pay(r), _PRIORITY[r.kind]),
        )
    named = [r for r in refs if in_pay(r)]
    # the kenmerk row under the account beats an invoice's own "Omschrijving" cell further up
    named.sort(key=lambda r: not (r.evidence is not None and 0 < r.evidence.page <= len(pages)
                                  and _under_account(pages[r.evidence.page - 1], r.evidence)))
    pointed = _pointed_reference(refs, pages, labels if labels is not None else load_reference_labels())
    if named and not (pointed is not None and _on_amount_row(named[0], pages)):
        # "onder vermelding van het dossiernummer" beats an invoice number that only stands on
        # a row of the amounts table near the payment words
        return named[0]
    if pointed is not None:
        return pointed
    checked = [r for r in refs if r.kind == "kenmerk" and r.valid]
    if checked:
        return checked[0]
    return None


def _on_amount_row(r: Reference, pages: Sequence[str]) -> bool:
    if r.evidence is None or not 0 < r.evidence.page <= len(pages):
        return False
    text = pages[r.evidence.page - 1]
    lo = text.rfind("\n", 0, r.evidence.start) + 1
    hi = text.find("\n", r.evidence.end)
    return "€" in text[lo : hi if hi >= 0 else len(text)]


def _pointed_kinds(pages: Sequence[str], labels: ReferenceLabels) -> list[str]:
    """Kinds of number a payment sentence names without printing it: "onder vermelding van het
    dossiernummer", "Vermeld bij je betaling je klantnummer", "met het factuurnummer als
    omschrijving" — the number itself stands elsewhere on the letter (issue #15)."""
    kinds: list[str] = []
    for text in pages:
        for lab in labels.any.finditer(text or ""):
            kind = _kind_of(lab, labels)
            if kind in kinds or kind.startswith("@") or _value_after_label(text, lab, kind, labels):
                continue
            if re.search(r"\bniet\s+(?:je|uw|jouw|het|de)?\s*$", text[max(0, lab.start() - 20):lab.start()], _F):
                continue  # "(dit is je betalingskenmerk, niet je klantnummer)"
            ev = Evidence(page=1, start=lab.start(), end=lab.end())
            after = text[lab.end() : lab.end() + 60]
            if _payment_context(text, ev) or re.match(
                r"\s*(?:als|in\s+de)\s+omschrijving\b", after, _F
            ):
                kinds.append(kind)
    return kinds


def _pointed_reference(refs: Sequence[Reference], pages: Sequence[str],
                       labels: ReferenceLabels) -> Reference | None:
    """The one number of the kind a payment sentence names; None when there are several (two
    invoices: which one to quote is not clear, so the answer says where to look)."""
    for kind in _pointed_kinds(pages, labels):
        # "uw huurcontractnummer" points to the number printed as "Huurcontract: HC-…"
        values = {r.value: r for r in refs if r.kind == kind
                  or (kind.endswith("nummer") and r.kind.endswith("nummer") and kind.endswith(r.kind))}
        if len(values) == 1:
            return next(iter(values.values()))
    return None
