"""The operator's log set-up (snapdebrief/logs.py): levels and formats from the environment, and
a letter line that takes only its own fields."""

from __future__ import annotations

import io
import json
import logging

import pytest

from snapdebrief import logs
from snapdebrief.settings import read_settings


@pytest.fixture
def stream():
    out = io.StringIO()
    top = logging.getLogger("snapdebrief")
    before = (top.level, list(top.handlers))
    for h in [h for h in top.handlers if h.get_name() == "snapdebrief-operator"]:
        top.removeHandler(h)
    yield out
    top.setLevel(before[0])
    top.handlers[:] = before[1]


def test_json_lines_with_the_letter_fields(stream) -> None:
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "info", "SNAPDEBRIEF_LOG_FORMAT": "json"}), stream=stream)
    logs.letter_line(request_id="abc123abc123", outcome="ok", error=None, pages=2,
                     methods=["ocr", "text-layer"], seconds=1.5, stages={"read": 1.0})
    (line,) = stream.getvalue().splitlines()
    data = json.loads(line)
    assert data["event"] == "letter" and data["level"] == "INFO"
    assert data["request_id"] == "abc123abc123" and data["pages"] == 2
    assert data["stages"] == {"read": 1.0} and data["time"].endswith("Z")


def test_text_line_and_the_level(stream) -> None:
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "WARNING"}), stream=stream)
    logs.letter_line(request_id="r1", outcome="time-limit", error="E111")
    assert stream.getvalue() == ""  # a letter line is INFO, under WARNING
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "INFO"}), stream=stream)
    logs.letter_line(request_id="r2", outcome="time-limit", error="E111")
    assert " INFO snapdebrief.letter letter request_id=r2 outcome=time-limit error=E111" in (
        stream.getvalue())


def test_configure_twice_keeps_one_handler(stream) -> None:
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "INFO"}), stream=stream)
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "INFO", "SNAPDEBRIEF_LOG_FORMAT": "json"}), stream=stream)
    logs.letter_line(request_id="r3", outcome="ok")
    assert len(stream.getvalue().splitlines()) == 1


def test_an_unknown_level_falls_back_to_the_default(stream) -> None:
    logs.configure(read_settings({"SNAPDEBRIEF_LOG_LEVEL": "loud"}), default_level="INFO", stream=stream)
    assert logging.getLogger("snapdebrief").level == logging.INFO


def test_a_letter_line_refuses_other_fields() -> None:
    with pytest.raises(ValueError, match="text"):
        logs.letter_line(request_id="r4", outcome="ok", text="Geachte mevrouw")


def test_request_ids_are_random() -> None:
    ids = {logs.new_request_id() for _ in range(100)}
    assert len(ids) == 100 and all(len(i) == 12 for i in ids)
