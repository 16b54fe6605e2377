"""The rules' tokenizer (`rules.blank_nl`) is spaCy's Dutch tokenizer without the special cases
lowercased text never holds, and without spaCy's command line: the same tokens, less start-up
(#16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from snapdebrief.classify import normalize
from snapdebrief.rules import blank_nl, load_rules

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """Every sample letter and every phrase of the shipped rules, as classify tokenizes them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "letters").glob("*.txt"))]
    rules = load_rules(())
    for kind in rules.kinds.values():
        texts += [item.text for item in _phrases(kind)]
    # the special cases themselves, as a letter may hold them
    from spacy.lang.nl import Dutch

    texts += list(Dutch.Defaults.tokenizer_exceptions)
    return [normalize(t).text for t in texts]


def _phrases(kind):
    for value in vars(kind).values():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if hasattr(item, "text") and isinstance(item.text, str):
                yield item
            elif hasattr(item, "__dict__"):
                yield from _phrases(item)


def test_same_tokens_as_spacy_blank_nl():
    import spacy

    full = spacy.blank("nl")
    ours = blank_nl()
    texts = _texts()
    assert len(texts) > 1000
    for text in texts:
        assert [t.text for t in ours.make_doc(text)] == [t.text for t in full.make_doc(text)], text
        assert [t.norm_ for t in ours.make_doc(text)] == [t.norm_ for t in full.make_doc(text)], text


def test_dropped_special_cases_cannot_occur_in_normalised_text():
    from spacy.lang.nl import Dutch

    kept = set(blank_nl().tokenizer.rules)
    dropped = [t for t in Dutch.Defaults.tokenizer_exceptions if t not in kept]
    assert len(dropped) > 2000
    for text in dropped:
        # a character that normalize never leaves as it is (a capital)
        assert any(normalize(ch).text != ch for ch in text), text


def test_spacy_command_line_not_imported_but_still_importable():
    code = (
        "import sys\n"
        "from snapdebrief.rules import blank_nl\n"
        "blank_nl()\n"
        "assert 'spacy' in sys.modules\n"
        "assert not any(m.startswith(('spacy.cli', 'typer', 'weasel')) for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith(('spacy.cli', 'typer', 'weasel')))\n"
        "from spacy.cli.info import info\n"
        "import spacy.cli\n"
        "assert spacy.cli.download\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
