"""Phone photos through the real reader and real Tesseract: the words that matter come out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from snapdebrief.evaluate import cer
from snapdebrief.options import Options
from snapdebrief.read import read_document
from snapdebrief.read.straighten import STEP_NAMES

from . import makers as M

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ALL_STEPS = Options(workers=1, preprocess=STEP_NAMES)
FRAME = (1500, 2000)

KEY_WORDS = ("12 maart 2026", "165,00", "NL86 INGB 0002 4455 88", "1062 5421 5704 7959")


def _squash(text: str) -> str:
    return "".join(text.split())


def _shot(deg: int = 0, shadow: bool = False, tilt: float = 4.0) -> bytes:
    arr = M.photo(M.page(dpi=200), M.corners(FRAME, 0.82, tilt), tone=80)
    if shadow:  # a hand's shadow from the left edge, across the date, amount and IBAN lines
        arr = M.shadow(arr, [(0.0, 0.3), (0.62, 0.36), (0.66, 0.62), (0.0, 0.7)], darken=0.5)
    return M.jpeg(np.ascontiguousarray(np.rot90(arr, k=deg // 90)))


def test_hard_shadow_photo_reads_date_amount_and_iban() -> None:
    text = _squash(read_document([_shot(shadow=True)], ALL_STEPS).pages[0].text)
    for word in KEY_WORDS:
        assert _squash(word) in text, word


@pytest.mark.parametrize(
    "deg",
    [
        pytest.param(0, id="upright"),
        pytest.param(90, id="sideways-left"),
        pytest.param(180, id="upside-down"),
        pytest.param(270, id="sideways-right"),
    ],
)
def test_turned_photo_comes_out_upright(deg: int) -> None:
    page = read_document([_shot(deg)], ALL_STEPS).pages[0]
    assert page.size[1] > page.size[0]  # portrait again
    text = _squash(page.text)
    assert _squash("Eerste aanmaning verkeersboete") in text
    assert _squash("NL86 INGB 0002 4455 88") in text


def _manifest() -> dict:
    path = SAMPLES / "generated" / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8"))["files"] if path.exists() else {}


def _sample(variants: set[str]) -> list:
    """The first generated hard photo with exactly these variants (sorted by name), if present."""
    for rel, meta in sorted(_manifest().items()):
        if meta["form"] == "hard" and set(meta["variants"]) == variants:
            return [pytest.param(rel, meta, id=",".join(sorted(variants)))]
    if os.environ.get("CI"):  # make test generates them (samples-few): missing is a failure
        return [pytest.param(None, None, id=",".join(sorted(variants)))]
    return [pytest.param(None, None, id=",".join(sorted(variants)),
                         marks=pytest.mark.skip(reason="run `make samples-few` first"))]


@pytest.mark.parametrize(
    "rel, meta",
    _sample({"bent", "tilt", "sideways_noexif"}) + _sample({"shadow", "upside_down"})
    + _sample({"dim_warm", "chat"}),
)
def test_generated_hard_photo_reads_close_to_its_text(rel: str | None, meta: dict | None) -> None:
    assert rel is not None and meta is not None, "no such hard photo: run `make samples-few`"
    path = SAMPLES / "generated" / rel
    ref = (SAMPLES / "letters" / f"{meta['letter']}.txt").read_text(encoding="utf-8")
    ref_page = ref.split("\f")[meta["txt_page"] - 1]
    read = read_document([path.read_bytes()], ALL_STEPS).pages[0].text
    assert cer(ref_page, read) < 0.02  # the issue's target for hard photos (mean)
