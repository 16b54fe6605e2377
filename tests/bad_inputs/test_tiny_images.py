"""Tiny and odd image sizes (#17): below a readable size the Dutch "too small" message and
exit 2, above it an answer or another Dutch refusal; never exit 1 (a 1x1 px JPEG was a bug exit).

A property test draws sizes from 1x1 up, in every image format we read, blank or noisy, and
runs them through pipeline.explain; the real CLI gets the 1x1 JPEG of the issue.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from snapdebrief import errors
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.read.image import MIN_READABLE_LONG_SIDE, MIN_READABLE_SHORT_SIDE

from ..conftest import TODAY

FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "GIF")


def image(width: int, height: int, fmt: str, noise: bool) -> bytes:
    if noise:
        img = Image.effect_noise((width, height), 80).convert("RGB")
    else:
        img = Image.new("RGB", (width, height), "white")
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


def too_small(width: int, height: int) -> bool:
    return max(width, height) < MIN_READABLE_LONG_SIDE or min(width, height) < MIN_READABLE_SHORT_SIDE


sides = st.one_of(st.integers(1, 40), st.integers(1, MIN_READABLE_LONG_SIDE + 40), st.integers(1, 900))


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(width=sides, height=sides, fmt=st.sampled_from(FORMATS), noise=st.booleans())
def test_any_size_gets_an_answer_or_a_dutch_refusal(width, height, fmt, noise) -> None:
    data = image(width, height, fmt, noise)
    try:
        explain([data], Options(today=TODAY))
    except errors.SnapError as exc:
        assert exc.exit_code == errors.ExitCode.BAD_INPUT, (type(exc).__name__, width, height)
        if too_small(width, height):
            assert isinstance(exc, errors.ImageTooSmallError)
        else:
            assert not isinstance(exc, errors.ImageTooSmallError)
    else:
        assert not too_small(width, height)


@pytest.mark.parametrize("size", [(1, 1), (2, 2), (1, 1000), (1000, 1), (199, 199)])
def test_below_a_readable_size_is_refused_before_decoding(size) -> None:
    with pytest.raises(errors.ImageTooSmallError) as raised:
        explain([image(*size, "JPEG", noise=False)], Options(today=TODAY))
    assert raised.value.details == {"width": size[0], "height": size[1]}


def test_cli_one_pixel_jpeg_exits_2_with_the_dutch_message(cli) -> None:
    run = cli(image(1, 1, "JPEG", noise=False), "foto.jpg")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.strip() == errors.ImageTooSmallError().user_message()
