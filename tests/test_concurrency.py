"""explain() keeps no state between calls: 20 letters at once, in threads and in processes,
give exactly the answers they give one by one (to_json(), without the timing)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain

from .conftest import ROOT, TODAY, render_pdf

LETTERS = ROOT / "samples" / "letters"
GENERATED_PDF = ROOT / "samples" / "generated" / "pdf"


def _spread(paths: list[Path], n: int) -> list[Path]:
    """n files spread over the sorted list, so every kind of letter gets its turn."""
    if len(paths) <= n:
        return paths
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def twenty_letters() -> list[tuple[str, bytes]]:
    texts = sorted(LETTERS.glob("*.txt"))
    pdfs = sorted(GENERATED_PDF.glob("*.pdf"))
    chosen = [(p.name, p.read_bytes()) for p in _spread(texts, 10)]
    if pdfs:
        chosen += [(p.name, p.read_bytes()) for p in _spread(pdfs, 10)]
    else:  # samples not generated: make the PDF forms here
        chosen += [(p.with_suffix(".pdf").name, render_pdf(p.read_text(encoding="utf-8")))
                   for p in _spread(texts[1:], 10)]
    assert len(chosen) == 20, "samples/letters should hold at least 20 letters"
    return chosen


def answer(data: bytes) -> dict:
    """to_json() of one letter without source.seconds (module level: a process pool pickles it)."""
    out = explain([data], Options(today=TODAY)).to_json()
    out["source"] = {k: v for k, v in out["source"].items() if k != "seconds"}
    return out


@pytest.fixture(scope="module")
def letters() -> list[tuple[str, bytes]]:
    return twenty_letters()


@pytest.fixture(scope="module")
def one_by_one(letters) -> list[dict]:
    return [answer(data) for _, data in letters]


def test_threads_give_the_same_answers(letters, one_by_one) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(answer, [data for _, data in letters]))
    for (name, _), alone, at_once in zip(letters, one_by_one, together):
        assert at_once == alone, name


def test_processes_give_the_same_answers(letters, one_by_one) -> None:
    ctx = multiprocessing.get_context("spawn")  # no fork of a test process that has threads
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        together = list(pool.map(answer, [data for _, data in letters]))
    for (name, _), alone, at_once in zip(letters, one_by_one, together):
        assert at_once == alone, name


def test_the_answers_differ_between_letters(one_by_one) -> None:
    """A guard on the guard: twenty identical answers would make the checks above empty."""
    assert len({a["kind"] for a in one_by_one}) >= 8
    assert len({a["text"] for a in one_by_one}) == 20
