"""Stage 2 (fields): who sent the letter, from the letterhead at the top of page 1.

Known senders (names, aliases, kind hints) are data in rules/senders.yaml; this module holds
none. The letterhead decides: a collector's letter that says "wij hebben uw zaak van Vattenfall
overgenomen" was sent by the collector. For an unknown sender the organisation line of the
letterhead is returned as printed ("Incassobureau Noordkust B.V."), in normal case when the
letterhead shouts it in capitals.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from yaml.nodes import Node

from .. import yaml_files
from ..errors import RuleFileError
from ..resources import senders_file
from ..result import Evidence
from ..yaml_files import line_of, node_at
from .dates import MAIL_FIELD

SENDERS_FILE = senders_file()  # the checkout's rules/ or the installed wheel's copy (#17)


# --- the rule file ------------------------------------------------------------------------------


class _PatternSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    regex: str
    ignore_case: bool = False


class _Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class _SenderSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str | None = None
    kinds: list[str] = Field(default_factory=list)
    patterns: list[_PatternSpec] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    examples: _Examples = Field(default_factory=_Examples)


class _FileSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    municipalities: list[str] = Field(default_factory=list)
    senders: list[_SenderSpec]


@dataclass(frozen=True)
class SenderPattern:
    id: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Sender:
    """One known sender. `name` may hold "{name}" (the pattern's named group) or "{0}"."""

    id: str
    name: str
    kinds: tuple[str, ...]
    patterns: tuple[SenderPattern, ...]
    entry: str  # the YAML entry it came from (a group gives one Sender per listed name)


@dataclass(frozen=True)
class SenderRules:
    senders: tuple[Sender, ...]
    municipalities: tuple[str, ...]
    examples: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # (entry, match, no_match)


def _entry_line(root: Node, index: int) -> int | None:
    node, found = node_at(root, ("senders", index))
    return line_of(node) if found else None


def _name_pattern(name: str, ignore_case: bool) -> str:
    body = r"\s+".join(re.escape(w) for w in name.split())
    flags = "(?i)" if ignore_case else ""
    # "8011 CZ  Zwolle": two capitals after four digits are a postcode, not the insurer CZ
    postcode = r"(?<!\d{4} )(?<!\d{4})" if re.fullmatch(r"[A-Z]{2}", name) else ""
    return f"{flags}(?<![\\w.]){postcode}{body}(?![\\w])"


def _compile(path: Path, line: int | None, pid: str, regex: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(regex, flags)
    except re.error as e:
        raise RuleFileError(str(path), line, f"pattern {pid!r} is no valid regex: {e}",
                            "fix the regex") from e


@functools.cache
def _load(path: Path, mtime: float) -> SenderRules:
    data, root = yaml_files.parse(path)
    spec = yaml_files.check(path, data, root, _FileSpec)
    towns = tuple(sorted(spec.municipalities, key=len, reverse=True))
    town_alt = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in towns) or "(?!)"
    senders: list[Sender] = []
    examples = []
    seen_ids: set[str] = set()
    for n, s in enumerate(spec.senders):
        line = _entry_line(root, n)
        if s.id in seen_ids:
            raise RuleFileError(str(path), line, f"sender id {s.id!r} is used twice", "rename it")
        seen_ids.add(s.id)
        if bool(s.patterns) == bool(s.names or s.acronyms):
            raise RuleFileError(str(path), line, f"sender {s.id!r} needs patterns or names",
                                "give either patterns (with name) or names/acronyms")
        if s.patterns:
            if not s.name:
                raise RuleFileError(str(path), line, f"sender {s.id!r} has patterns but no name")
            pats = tuple(
                SenderPattern(
                    p.id,
                    _compile(path, line, p.id, p.regex.replace("{municipalities}", town_alt),
                             re.IGNORECASE if p.ignore_case else 0),
                )
                for p in s.patterns
            )
            senders.append(Sender(s.id, s.name, tuple(s.kinds), pats, s.id))
        for nm in s.names + s.acronyms:
            pat = _name_pattern(nm, ignore_case=nm in s.names)
            pid = f"{s.id}:{nm}"
            senders.append(
                Sender(pid, nm, tuple(s.kinds), (SenderPattern(pid, _compile(path, line, pid, pat,
                                                                               0)),), s.id)
            )
        examples.append((s.id, tuple(s.examples.match), tuple(s.examples.no_match)))
    return SenderRules(tuple(senders), tuple(spec.municipalities), tuple(examples))


def load_senders(path: Path | None = None) -> SenderRules:
    """The known senders, cached until the file changes (keyed on its mtime)."""
    p = (path or SENDERS_FILE).resolve()
    try:
        mtime = p.stat().st_mtime
    except OSError as e:
        raise RuleFileError(str(p), None, f"cannot read the file: {e}") from e
    return _load(p, mtime)


@dataclass(frozen=True)
class SenderMatch:
    """Who sent the letter: the name shown, where it stands, and how it was found.

    entry/pattern_id/kinds are None/empty for an organisation line that is in no rule file.
    """

    name: str
    evidence: Evidence
    entry: str | None = None
    pattern_id: str | None = None
    kinds: tuple[str, ...] = ()
    where: str = "letterhead"  # letterhead | footer | body


# --- reading the letterhead ---------------------------------------------------------------------

_RECIPIENT = re.compile(
    r"^(?:de\s+heer\b|mevrouw\b|mevr\.|mw\.|dhr\.|mr\.|mej\.|aan\s+de\s+bewoner|aan\b|t\.a\.v\.|"
    r"familie\b|de\s+erven\b|[A-Z]\.(?:[A-Z]\.)*\s+[A-Z][a-z](?![^,\n]*,\s*[a-z]))",
    re.IGNORECASE,
)
_BODY = re.compile(r"^(?:geachte|beste|betreft|onderwerp|datum|dagtekening|ons\s+kenmerk)\b", re.IGNORECASE)
_ADDRESS = re.compile(
    r"\bpostbus\b|\b\d{4}\s?[A-Z]{2}\b|^[A-Z][\w'.\- ]+\s\d+(?:[-\s]?[A-Za-z0-9]{1,4})?\s*(?:[|·,]|$)"
    r"|\bwww\.|@|^\s*(?:t|tel|telefoon|f|fax)\b[ .:]*\+?\d|\+31|\b0\d{1,3}\s?-\s?\d",
    re.IGNORECASE,
)
_ORG_WORD = re.compile(
    r"^(?:gerechtsdeurwaarders?|deurwaarders?|advocaten|incasso|incassobureau|notarissen"
    r"|accountants|woningcorporatie|belastingen)$",
    re.IGNORECASE,
)
# The profession word that opens the line under a name in capitals, before a list of services:
# "Gerechtsdeurwaarders & Incasso", "GERECHTSDEURWAARDERS | INCASSO", "Advocaten en mediators".
_ORG_WORD_LEAD = re.compile(
    r"^(?P<word>gerechtsdeurwaarders?|deurwaarders?|advocaten|notarissen|accountants)"
    r"(?:\s*(?:&|\ben\b|\||·|•|,|/|\s-\s)\s*\S.*)$",
    re.IGNORECASE,
)
_ORG_HINT = re.compile(
    r"\b(?:B\.?V\.?|N\.?V\.?|Gerechtsdeurwaarders?|Incasso\w*|Advocaten|Woningcorporatie"
    r"|\w*[Ss]tichting|Coöperatie|Vereniging|Bank|Verzekering\w*|\w*[Pp]raktijk|\w*[Bb]ureau)\b",
)
_MENTION = re.compile(
    r"(?:\bnamens|\bin\s+opdracht\s+van|\bopdrachtgever:?|\bcli[eë]nte?:?|\bvoor|\bvan\s+uw"
    r"|\b(?:zaak|vordering|schuld|dossier|factuur|rekening|nota|klant)\s+(?:van|bij|aan))\s+$",
    re.IGNORECASE,
)
_MENTION_AFTER = re.compile(r"^.{0,40}\b(?:overgenomen|overgedragen|uit\s+handen)", re.IGNORECASE)
_TITLE = re.compile(
    r"^(?:(?:eerste|tweede|laatste)\s+)?(?:aanmaning|herinnering|betalingsherinnering|sommatie"
    r"|ingebrekestelling|exploot\b.*|dagvaarding|vonnis|beschikking|aanslag\b.*|besluit"
    r"|kennisgeving\b.*|uitnodiging|vertrouwelijk|aangetekend\b.*|persoonlijk)\s*$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(r"^\s*met\s+vriendelijke\s+groet|^\s*hoogachtend", re.IGNORECASE)


_BODY_CHARS = 20_000


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    """Lines with their offsets; each cut at 300 characters (a letterhead line is short)."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        cut = raw[:300]
        out.append(_Line(pos, pos + len(cut), cut))
        pos += len(raw) + 1
    return out


def _letterhead(lines: list[_Line]) -> list[_Line]:
    """The lines at the top of page 1, before the recipient's address or the letter body."""
    head: list[_Line] = []
    for ln in lines:
        s = ln.text.strip()
        if not s:
            continue
        if _RECIPIENT.match(s) or _BODY.match(s):
            break
        head.append(ln)
        if len(head) >= 12:
            break
    return head


_MAIL_FROM = re.compile(
    r"^\s*(?:van|from|afzender)\s*:\s*[\"']?(?P<name>[^<>\"'@\n]*?[A-Za-zÀ-ÿ][^<>\"'@\n]*?)[\"']?"
    r"(?:\s+[-–|]\s+[^<>@\n]*)?\s*(?:<[^>\n]*>|\(?[\w.+-]+@[\w.-]+\)?)?\s*$", re.IGNORECASE)


def _mail_from(lines: list[_Line]) -> _Line | None:
    """A letter sent (or printed) as an e-mail: the display name on its "Van:" line, without
    the address and a department after a dash ("Woonstichting De Vaart - Huurincasso <…>")."""
    top = [ln for ln in lines if ln.text.strip()][:8]
    if sum(1 for ln in top if MAIL_FIELD.match(ln.text)) < 2:
        return None
    for ln in top:
        m = _MAIL_FROM.match(ln.text)
        if m and m.group("name").strip():
            a = ln.start + m.start("name")
            return _Line(a, a + len(m.group("name")), m.group("name"))
    return None


# A department as an e-mail's display name: "Invordering Smeding & Ooms", "Klantenservice X".
_DEPARTMENT = re.compile(
    r"^(?:afdeling\s+|team\s+)?(?:invordering|incasso|debiteuren(?:beheer)?|klantenservice|klantcontact"
    r"|huuradministratie|huurincasso"
    r"|administratie|financi[eë]le\s+administratie|team\s+\w+|backoffice|servicedesk)\s+(?P<rest>\S.*)$",
    re.IGNORECASE)


def _signed_org(mail: _Line, lines: list[_Line]) -> _Line | None:
    """The organisation line under the signature when the display name is one of its
    departments: "Gerechtsdeurwaarderskantoor Smeding & Ooms" signs for "Invordering Smeding &
    Ooms"."""
    m = _DEPARTMENT.match(mail.text.strip())
    if not m:
        return None
    rest = m.group("rest").strip().lower()
    signed = False
    for ln in lines:
        if _SIGN_OFF.match(ln.text):
            signed = True
        elif signed and rest in ln.text.lower() and len(ln.text.strip()) <= 80:
            a = ln.start + len(ln.text) - len(ln.text.lstrip())
            return _Line(a, a + len(ln.text.strip()), ln.text.strip())
    return None


def _segment(ln: _Line) -> tuple[int, int, str]:
    """The first column of a line (columns are split by 2+ spaces or a tab)."""
    m = re.search(r"\S+(?:[ ]\S+)*", ln.text)
    if not m:
        return ln.start, ln.start, ""
    return ln.start + m.start(), ln.start + m.end(), m.group()


def _render(sender: Sender, m: re.Match[str], rules: SenderRules) -> str:
    name = sender.name
    if "{name}" in name:
        got = re.sub(r"\s+", " ", m.group("name"))
        for town in rules.municipalities:
            if town.lower() == got.lower():
                got = town
                break
        else:
            if got.isupper():
                got = _title(got)
        return name.replace("{name}", got)
    if "{0}" in name:
        got = re.sub(r"\s+", " ", m.group(0)).strip()
        return name.replace("{0}", _title(got) if got.isupper() and len(got) > 5 else got)
    return name


def _title(s: str) -> str:
    out = s.title()
    out = re.sub(r"'S\b", "'s", out)
    return re.sub(r"\b(B|N)\.(V)\.", lambda m: f"{m.group(1)}.{m.group(2)}.", out)


def _known_in(lines: Sequence[_Line], page: int, rules: SenderRules, where: str
              ) -> SenderMatch | None:
    """The first line holding a known sender (the longest match on that line), skipping names
    that are only mentioned: "namens Vattenfall", "uw zaak van Eneco overgenomen"."""
    for ln in lines:
        best: tuple[int, int, Sender, SenderPattern, re.Match[str]] | None = None
        for sender in rules.senders:
            for pat in sender.patterns:
                for m in pat.regex.finditer(ln.text):
                    if _MENTION.search(ln.text[: m.start()]) or _MENTION_AFTER.search(
                        ln.text[m.end() :]
                    ):
                        continue
                    key = (-(m.end() - m.start()), m.start())
                    if best is None or key < (best[0], best[1]):
                        best = (key[0], key[1], sender, pat, m)
        if best is not None:
            _, _, sender, pat, m = best
            ev = Evidence(page=page, start=ln.start + m.start(), end=ln.start + m.end())
            return SenderMatch(_render(sender, m, rules), ev, sender.entry, pat.id, sender.kinds,
                               where)
    return None


def _unknown_org(head: list[_Line], pages: Sequence[str]) -> tuple[str, Evidence] | None:
    """The organisation line of the letterhead: the first line(s) above its address."""
    names: list[_Line] = []
    has_address = False
    for ln in head:
        seg = _segment(ln)[2]
        if _ADDRESS.search(seg):
            has_address = True
            break
        if len(seg) <= 2 or re.fullmatch(r"[\d\s\-./]+", seg) or _TITLE.match(seg):
            continue  # a lone letter ("M" on a CJIB letter), a number, the letter's title
        names.append(ln)
    if not names:
        return None
    first = names[0]
    a, b, text = _segment(first)
    if len(names) > 1:
        na, nb, nxt = _segment(names[1])
        squashed = re.sub(r"\W", "", text).lower()
        if (text.islower() or text.isupper()) and len(text.split()) == 1 and re.sub(
            r"\W", "", nxt
        ).lower().startswith(squashed) and len(nxt) > len(text):
            first, (a, b, text) = names[1], (na, nb, nxt)  # a logo word, then the full name
        elif text.isupper() and (_ORG_WORD.match(nxt.strip()) or _ORG_WORD_LEAD.match(nxt.strip())):
            # "VAN DALEN & DE WIT" over "GERECHTSDEURWAARDERS": one name on two lines; of
            # "Gerechtsdeurwaarders & Incasso" only the profession word belongs to the name.
            lead = _ORG_WORD_LEAD.match(nxt.strip())
            word = lead.group("word") if lead else nxt.strip()
            text = f"{_mixed_case_copy(text, pages) or _title(text)} {_title(word) if word.isupper() else word}"
            b = nb
    if not has_address and not _ORG_HINT.search(text):
        return None
    if text.isupper():
        text = _mixed_case_copy(text, pages) or _title(text)
    return text, Evidence(page=first_page(pages), start=a, end=b)


def first_page(pages: Sequence[str]) -> int:
    for i, t in enumerate(pages):
        if t and t.strip():
            return i + 1
    return 1


def _mixed_case_copy(name: str, pages: Sequence[str]) -> str | None:
    """The same name written in normal case elsewhere (signature, footer)."""
    pat = re.compile(r"\s+".join(re.escape(w) for w in name.split()), re.IGNORECASE)
    for t in pages:
        for m in pat.finditer(t or ""):
            if not m.group().isupper():
                return re.sub(r"\s+", " ", m.group())
    return None


def identify_sender(pages: Sequence[str], rules_file: Path | None = None) -> SenderMatch | None:
    """The sender, with the rule entry and pattern that found it (for the classifier's kind hints
    and for the volunteer), or None when the letter does not say.

    Order: a known sender in the letterhead; the letterhead's organisation line; a known sender
    in the footer or under "Met vriendelijke groet"; a known sender in the body that is not
    only mentioned ("namens …", "in opdracht van …").
    """
    rules = load_senders(rules_file)
    pno = first_page(pages)
    if pno > len(pages):
        return None
    text = pages[pno - 1] or ""
    lines = _lines(text)
    mail = _mail_from(lines)
    if mail is not None:
        mail = _signed_org(mail, lines) or mail
        return _known_in([mail], pno, rules, "letterhead") or SenderMatch(
            mail.text, Evidence(page=pno, start=mail.start, end=mail.end))
    head = _letterhead(lines)
    found = _known_in(head, pno, rules, "letterhead")
    if found:
        return found
    org = _unknown_org(head, pages)
    if org:
        return SenderMatch(org[0], org[1])
    nonblank = [ln for ln in lines if ln.text.strip()]
    tail = nonblank[-4:]
    for i, ln in enumerate(nonblank):
        if _SIGN_OFF.match(ln.text):
            tail = nonblank[i + 1 : i + 5] + tail
            break
    found = _known_in(tail, pno, rules, "footer")
    if found:
        return found
    for n, t in enumerate(pages):
        if t:
            # The body of a letter, not a dump: the first lines of each page, each cut short.
            found = _known_in(_lines(t[:_BODY_CHARS]), n + 1, rules, "body")
            if found:
                return found
    return None


def find_sender(pages: Sequence[str], rules_file: Path | None = None) -> tuple[str, Evidence] | None:
    """The sender's name as we show it and where it stands, or None (see identify_sender)."""
    found = identify_sender(pages, rules_file)
    return (found.name, found.evidence) if found else None
