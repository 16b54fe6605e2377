"""deduce, the Dutch de-identification library, as the export of a test case uses it (#18).

deduce (UMC Utrecht, PyPI `deduce`) tags people's names from its name lists and patterns
(initials, "van der", titles, a name after "mevrouw"), and phone numbers, e-mail addresses,
dates and places. It is imported only when a case is made: an ordinary explain never pays it.

Its lists of 770 000 street names and 244 000 healthcare institutions make its first start
build for ~85 s in 1.2 GB and later starts take ~6.5 s and 1.1 GB (docs/benchmarks.md, #18).
A letter's resident address is found by its place in the letter (cases/resident.py), not by
a street list, so deduce is started on its own lists less those two (its documented
`lookup_data_path`): 1.7 s and ~100 MB, built in a temporary folder that is gone at once.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# The lists left empty (folders of deduce's data/lookup/src) and the groups not run: no
# institutions, ages, identifiers (a BSN is snapdebrief's own find) or web addresses, no redactor.
_EMPTY_LISTS = ("locations/lst_street", "institutions/lst_healthcare_institution")
_NOT_RUN = frozenset({"institutions", "ages", "identifiers", "urls", "redactor"})
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Tag:
    """One thing deduce tagged on a page: persoon, locatie, datum, telefoonnummer, emailadres."""

    tag: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Deidentifier:
    """deduce, started once per process, with the name and place lists it was started on."""

    deduce: Any
    first_names: frozenset[str]  # lower case
    places: frozenset[str]  # lower case

    def tags(self, text: str) -> list[Tag]:
        doc = self.deduce.deidentify(text, disabled=set(_NOT_RUN))
        return sorted((Tag(a.tag, a.start_char, a.end_char, a.text) for a in doc.annotations),
                      key=lambda t: (t.start, t.end))


def deidentifier() -> Deidentifier:
    """The process's deduce (started on first use; thread-safe: the app asks from threads)."""
    with _LOCK:
        return _started()


@cache
def _started() -> Deidentifier:
    root = logging.getLogger()
    guard = logging.NullHandler()
    # `import deduce` calls logging.basicConfig(stream=sys.stdout, level=DEBUG): with a handler
    # on the root logger that is a no-op, so no library starts logging to stdout.
    root.addHandler(guard)
    try:
        import deduce
        from deduce.lookup_structs import load_raw_itemset
    finally:
        root.removeHandler(guard)
    source = Path(deduce.__file__).parent / "data" / "lookup" / "src"
    with tempfile.TemporaryDirectory(prefix=f"snapdebrief-{os.getpid()}-deduce-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(source, src, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        for name in _EMPTY_LISTS:
            shutil.rmtree(src / name)
            (src / name).mkdir()
            (src / name / "items.txt").write_text("", encoding="utf-8")
        # Its "Please wait" goes through logging.info(), which would give the root logger a
        # handler of its own (logging.basicConfig) when it has none.
        root.addHandler(guard)
        try:
            engine = deduce.Deduce(lookup_data_path=Path(tmp), cache_path=Path(tmp))
        finally:
            root.removeHandler(guard)
        first = load_raw_itemset(src / "names" / "lst_first_name")
        places = load_raw_itemset(src / "locations" / "lst_placename")
    return Deidentifier(engine, frozenset(w.lower() for w in first),
                        frozenset(w.lower() for w in places))
