"""The rough photo form (samples/gen/rough.py): its draws stay in the ranges of issue #16, its
shares come out as planned, and the same seed gives the same bytes."""

from __future__ import annotations

import io
from collections import Counter

import numpy as np
import pytest
from PIL import Image

from samples.gen import camera, rough
from samples.gen.seeding import rng_for

PAGE = (2480, 3508)  # A4 at 300 dpi


@pytest.fixture(scope="module")
def plans() -> list:
    return [rough.plan_rough(rng_for(7, f"brief-{i}", 1, "rough"), PAGE) for i in range(1500)]


def test_every_draw_is_in_its_range(plans: list) -> None:
    for p in plans:
        s = rough.summary(p)
        assert 0.5 <= s["page_area"] <= 0.82  # a tilted sheet may have to shrink to fit
        assert abs(s["tilt_deg"]) <= rough.TILT
        assert rough.NARROW[0] <= s["far_edge_narrower"] <= rough.NARROW[1]
        assert rough.BEND_PX[0] <= s["bend_px"] <= rough.BEND_PX[1]
        assert rough.BLUR[0] <= s["blur_sigma"] <= rough.BLUR[1]
        assert rough.NOISE[0] <= s["noise_sigma"] <= rough.NOISE[1]
        assert rough.EXPOSURE[0] <= s["exposure"] <= rough.EXPOSURE[1]
        assert rough.QUALITY[0] <= s["camera_quality"] <= rough.QUALITY[1]
        assert s["motion_px"] == 0 or rough.MOTION_PX[0] <= s["motion_px"] <= rough.MOTION_PX[1]
        if "chat" in p.variants:
            assert rough.CHAT_QUALITY[0] <= s["jpeg_quality"] <= rough.CHAT_QUALITY[1]
            assert max(s["size"]) == rough.CHAT_LONG_SIDE and s["exif_orientation"] is None
        if p.shadow:
            assert rough.SHADOW_AREA[0] - 0.01 <= s["shadow_area"] <= rough.SHADOW_AREA[1] + 0.01
            assert rough.SHADOW_DARKEN[0] <= s["shadow_darken"] <= rough.SHADOW_DARKEN[1]


def test_shares_of_pages(plans: list) -> None:
    seen = Counter(v for p in plans for v in p.variants)
    n = len(plans)
    for variant, share in (
        ("sideways_exif", rough.P_SIDEWAYS_EXIF),
        ("sideways_noexif", rough.P_SIDEWAYS_NOEXIF),
        ("upside_down", rough.P_UPSIDE_DOWN),
        ("chat", rough.P_CHAT),
        ("motion", rough.P_MOTION),
        ("shadow", rough.P_SHADOW),
    ):
        assert abs(seen[variant] / n - share) < 0.035, variant


def test_same_seed_same_bytes_and_a_tag_where_planned() -> None:
    gray = np.full((700, 495), 245, np.uint8)
    gray[100:110, 60:430] = 20  # a line of "text"
    for i in range(40):  # the first sideways photo with its EXIF tag
        plan = rough.plan_rough(rng_for(7, f"brief-{i}", 1, "rough"), gray.shape[::-1])
        if plan.orientation:
            break
    first = rough.render_rough(gray, plan, rng_for(7, f"brief-{i}", 1, "pixels"))
    again = rough.render_rough(gray, plan, rng_for(7, f"brief-{i}", 1, "pixels"))
    assert first == again
    with Image.open(io.BytesIO(first)) as im:
        assert im.getexif().get(0x0112) == plan.orientation
        assert im.size == (camera.FRAME_H, camera.FRAME_W)  # stored sideways, as the sensor saw
