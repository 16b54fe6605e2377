"""Photo clean-up steps on real images made by the test (no OCR here: these are fast)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from snapdebrief.read import straighten as S

from . import makers as M

FRAME = (1500, 2000)


@pytest.mark.parametrize(
    "tone, tilt, fill, light",
    [
        pytest.param(70, 3.0, 0.80, 1.0, id="dark-table"),
        pytest.param(170, -9.0, 0.70, 1.0, id="pale-table-tilted"),
        pytest.param(60, 11.0, 0.60, 0.55, id="dim-light-small-tilted"),
        pytest.param(200, 1.5, 0.85, 1.0, id="white-desk"),
    ],
)
def test_sheet_is_found_and_warped_to_a4(tone: float, tilt: float, fill: float, light: float) -> None:
    true = M.corners(FRAME, fill, tilt)
    shot = M.photo(M.page(), true, tone=tone, light=light)
    quad = S.find_sheet(shot)
    assert quad is not None
    assert np.abs(quad - true).max() < 0.01 * max(FRAME)  # each corner within 20 px
    flat = S.warp_sheet(cv2.cvtColor(shot, cv2.COLOR_RGB2GRAY), quad)
    h, w = flat.shape
    assert abs(h / w - 297 / 210) < 0.04
    # a near-rectangle of paper: no strip of table left along any side of the warped page
    for strip in (flat[4:12, 20:-20], flat[-12:-4, 20:-20], flat[20:-20, 4:12], flat[20:-20, -12:-4]):
        assert np.percentile(strip, 10) > 0.6 * np.median(flat)


def test_sheet_with_a_hard_shadow_across_its_edge_is_found() -> None:
    true = M.corners(FRAME, 0.75, -4.0)
    shot = M.shadow(M.photo(M.page(), true, tone=150), [(0.0, 0.5), (0.7, 0.55), (0.75, 0.8),
                                                          (0.0, 0.85)])
    quad = S.find_sheet(shot)
    assert quad is not None and np.abs(quad - true).max() < 0.01 * max(FRAME)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: np.stack([M.page()] * 3, axis=-1), id="scan-page-fills-frame"),
        pytest.param(lambda: M.table(FRAME, 90), id="table-without-sheet"),
        pytest.param(lambda: np.stack([M.page()[30:-30, 30:-30]] * 3, axis=-1),
                     id="cropped-scan"),
    ],
)
def test_no_sheet_means_no_warp(make) -> None:
    assert S.find_sheet(make()) is None


@pytest.mark.parametrize(
    "deg",
    [
        pytest.param(0.0, id="level"),
        pytest.param(-3.0, id="ccw-3"),
        pytest.param(7.5, id="cw-7.5"),
        pytest.param(-12.0, id="ccw-12"),
        pytest.param(90 + 5.0, id="sideways-plus-5"),
    ],
)
def test_text_angle_is_measured(deg: float) -> None:
    # the test turns the page counter-clockwise; text_angle reports the lines clockwise
    got = S.text_angle(M.turn(M.page(), deg))
    want = -((deg + 45) % 90 - 45)
    assert abs(got - want) <= 0.4


def test_deskew_levels_a_turned_page_and_leaves_a_level_one() -> None:
    turned = S.deskew(M.turn(M.page(), 8.0))
    assert abs(S.text_angle(turned)) <= 0.3
    level = M.page()
    assert S.deskew(level) is level


def _bend_rms(grey: np.ndarray) -> float:
    """How much the text lines still slope (root mean square of measured slopes)."""
    samples = S._line_slopes(grey)
    assert samples is not None
    return float(np.sqrt(np.mean(samples[2] ** 2)))


@pytest.mark.parametrize(
    "amp, curl",
    [
        pytest.param(0.006, 0.008, id="wave-and-curl"),
        pytest.param(0.0, 0.010, id="curl-only"),
        pytest.param(0.005, 0.0, id="wave-only"),
    ],
)
def test_dewarp_straightens_bent_lines(amp: float, curl: float) -> None:
    bent = M.bend(M.page(M.PARAGRAPHS, dpi=200, size_pt=10.5), amp, curl)
    before = _bend_rms(bent)
    after = _bend_rms(S.dewarp(bent))
    assert before > 0.01
    assert after < before / 2.5  # what is left is mostly the noise of measuring slopes


def test_dewarp_leaves_a_flat_page_alone() -> None:
    flat = M.page(M.PARAGRAPHS, dpi=200, size_pt=10.5)
    assert S.dewarp(flat) is flat


def test_light_evening_flattens_a_hard_shadow_and_keeps_the_ink() -> None:
    pg = M.page(dpi=200)
    dark = M.shadow(pg, [(0.0, 0.3), (0.6, 0.35), (0.55, 0.7), (0.0, 0.75)], darken=0.5)
    even = S.even_light(dark)
    paper = even > 150
    h, w = even.shape
    inside = even[int(0.45 * h):int(0.6 * h), int(0.05 * w):int(0.1 * w)]
    outside = even[int(0.85 * h):int(0.95 * h), int(0.05 * w):int(0.1 * w)]
    assert abs(float(np.median(inside)) - float(np.median(outside))) < 10
    # the text under the shadow is still dark on light
    ink = even[int(0.3 * h):int(0.7 * h)][pg[int(0.3 * h):int(0.7 * h)] < 80]
    assert np.median(ink) < 110 and paper.mean() > 0.8


OFF = dict.fromkeys(S.STEP_NAMES, False)


@pytest.mark.parametrize(
    "names, want",
    [
        pytest.param(("sheet", "light", "scale"),
                     S.Steps(**{**OFF, "sheet": True, "light": True, "scale": True}),
                     id="old-default"),
        pytest.param((), S.Steps(**OFF), id="none"),
        pytest.param(("dewarp", "unknown"), S.Steps(**{**OFF, "dewarp": True}),
                     id="unknown-ignored"),
        pytest.param(S.STEP_NAMES, S.Steps(), id="all"),
    ],
)
def test_steps_from_names(names: tuple[str, ...], want: S.Steps) -> None:
    assert S.Steps.named(names) == want


def _with_rules(dashed: bool) -> np.ndarray:
    pg = M.page(M.PARAGRAPHS, dpi=200, size_pt=10.5).copy()
    y = int(pg.shape[0] * 0.6)
    if dashed:  # a typed line of hyphens, as printed: short dashes with small gaps
        for x in range(200, 1400, 12):
            pg[y:y + 3, x:x + 9] = 0
    else:
        pg[y:y + 3, 200:1400] = 0
    return pg


@pytest.mark.parametrize("dashed", [pytest.param(False, id="solid"), pytest.param(True, id="dashed")])
def test_rules_are_painted_over_and_text_kept(dashed: bool) -> None:
    pg = _with_rules(dashed)
    out = S.drop_rules(pg)
    y = int(pg.shape[0] * 0.6)
    assert out[y:y + 3, 200:1400].min() > 150  # the rule is gone
    text = M.page(M.PARAGRAPHS, dpi=200, size_pt=10.5)
    rows = slice(0, int(pg.shape[0] * 0.55))
    assert np.array_equal(out[rows], text[rows])  # the letters' thin parts are not "rules"


@pytest.mark.parametrize(
    "sigma, changed",
    [
        pytest.param(0.0, False, id="clean"),
        pytest.param(2.0, False, id="good-photo-grain"),
        pytest.param(14.0, True, id="dim-photo-grain"),
    ],
)
def test_denoise_only_grainy_pages(sigma: float, changed: bool) -> None:
    rng = np.random.default_rng(3)
    pg = M.page(M.PARAGRAPHS, dpi=200, size_pt=10.5).astype(np.float32) * 0.92
    grainy = np.clip(pg + rng.normal(0, sigma, pg.shape), 0, 255).astype(np.uint8)
    assert (S.denoise(grainy) is not grainy) == changed
