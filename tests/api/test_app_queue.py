"""The Streamlit app with SNAPDEBRIEF_BROKER set reads letters through the queue (#19), and the
resident sees the same screen as from its own process; without it nothing changes."""

from __future__ import annotations

import json
import re

import pytest

from snapdebrief import isolate
from snapdebrief.options import Options
from snapdebrief.pipeline import explain
from snapdebrief.service import wire

from ..conftest import TODAY, render_image, render_pdf
from ..privacy.letters import LETTER
from ..privacy.screen import screen_text, upload
from .conftest import Service


@pytest.mark.parametrize("make", [pytest.param(lambda: render_pdf(LETTER), id="pdf"),
                                  pytest.param(lambda: render_image(LETTER), id="photo")])
def test_the_whole_result_survives_the_wire(make) -> None:
    result = explain([make()], Options(today=TODAY, keep_images=True))
    assert wire.load_result(json.loads(json.dumps(wire.dump(result)))) == result


def test_the_desk_picture_crosses_the_wire() -> None:
    """The app's queue path asks the worker for the desk view's page picture (bytes as base64)."""
    result = explain([render_image(LETTER)], Options(today=TODAY, keep_images=True))
    image = result.document.pages[0].image
    assert image is not None and image[:2] == b"\xff\xd8"  # a JPEG
    back = wire.load_result(json.loads(json.dumps(wire.dump(result))))
    assert back.document.pages[0].image == image


@pytest.mark.parametrize("bad", [
    pytest.param({"class": "Popen", "fields": {"args": ["true"]}}, id="not-a-result-class"),
    pytest.param({"class": "Result", "extra": 1, "fields": {}}, id="unknown-key"),
    pytest.param({"object": "x"}, id="unknown-tag"),
    pytest.param({"bytes": "not base64!"}, id="bad-bytes"),
])
def test_the_wire_rebuilds_nothing_else(bad) -> None:
    with pytest.raises((ValueError, TypeError)):
        wire.load(bad)


def test_app_reads_through_the_queue(service: Service, monkeypatch) -> None:
    pdf = render_pdf(LETTER)
    here = screen_text(upload("brief.pdf", pdf))  # today's path: a child of the app's process

    def not_here(*args, **kwargs):
        raise AssertionError("with SNAPDEBRIEF_BROKER the app must not read the letter itself")

    monkeypatch.setenv("SNAPDEBRIEF_BROKER", service.broker)
    monkeypatch.setattr(isolate, "explain_in_child", not_here)
    at = upload("brief.pdf", pdf)
    assert not at.exception
    assert at.header and at.header[0].value
    assert same(screen_text(at)) == same(here)


def same(screen: str) -> str:
    """The screen without its download links' names (the calendar file has a new uid each time)."""
    return re.sub(r"/media/[0-9a-f]+\.\w+", "/media/…", screen)
