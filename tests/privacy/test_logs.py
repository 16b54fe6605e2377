"""Logs at every level, of every library, hold no letter text, BSN or IBAN; nor do errors.

The operator's one line per letter (snapdebrief/logs.py) is checked here too: in-process at
DEBUG, and from the real CLI at DEBUG in both formats, every line it writes.
"""

from __future__ import annotations

import json
import logging

import pytest

from snapdebrief import errors
from snapdebrief.options import Options
from snapdebrief.pipeline import explain

from ..conftest import TODAY, render_pdf
from .conftest import letter_forms
from .letters import LETTER, SECRETS

# Every line of the letter long enough to be a sentence or a personal detail.
LINES = tuple(line.strip() for line in LETTER.splitlines() if len(line.strip()) >= 12)
# The amount and the payment reference in the forms a log could hold them.
MONEY_AND_REFERENCE = ("872,00", "872.0", "€ 872", "9123 4567 8000 0046", "9123456780000046")


@pytest.fixture
def everything_at_debug(caplog):
    """Root and every logger that exists (after importing the pipeline) at DEBUG, captured."""
    caplog.set_level(logging.DEBUG)
    loggers = [lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    before = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    yield caplog
    for lg, level in before:
        lg.setLevel(level)


def _encrypted_letter() -> bytes:
    import io

    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("geheim", ownerPassword="eigenaar"))
    for n, line in enumerate(LETTER.replace("€", "EUR").splitlines()):
        c.drawString(72, 800 - 14 * n, line)
    c.save()
    return buf.getvalue()


def leaked(text: str) -> list[str]:
    return [s for s in (*SECRETS, *LINES, *MONEY_AND_REFERENCE) if s in text]


def letter_records(records: list[logging.LogRecord]) -> list[dict]:
    return [r.letter for r in records if r.name == "snapdebrief.letter"]


@pytest.mark.parametrize("make", letter_forms())
def test_logs_and_stderr_hold_no_letter_text(make, everything_at_debug, capfd) -> None:
    data = make()
    everything_at_debug.clear()  # what making the file logged is not ours
    capfd.readouterr()
    result = explain([data], Options(today=TODAY))
    assert result.fields.bsn_spans  # the letter was read, BSN and all
    records = everything_at_debug.records
    logged = "\n".join(f"{r.name} {r.getMessage()} {getattr(r, 'letter', '')}" for r in records)
    out, err = capfd.readouterr()
    assert leaked(logged) == []
    assert leaked(err) == [] and leaked(out) == []
    # The operator's line: one per letter, with what it promises and nothing else.
    (line,) = letter_records(records)
    assert line["outcome"] == "ok" and line["error"] is None and line["pages"] == 1
    assert len(line["request_id"]) == 12 and line["methods"]
    assert set(line["stages"]) == {"read", "fields", "classify", "explain"}


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: _encrypted_letter(), id="encrypted"),
        pytest.param(lambda: render_pdf(LETTER)[:-200], id="truncated-pdf"),
        pytest.param(lambda: "\f".join([LETTER] * 25).encode(), id="too-many-pages"),
        pytest.param(lambda: LETTER.encode() + b"\x00" * 10, id="text-with-nul"),
    ],
)
def test_errors_carry_no_letter_text(make, everything_at_debug, capfd) -> None:
    data = make()
    everything_at_debug.clear()
    capfd.readouterr()
    try:
        explain([data], Options(today=TODAY))
    except errors.SnapError as exc:
        shown = f"{exc} {exc.user_message()} {exc.details!r} {exc.__cause__!r}"
        assert leaked(shown) == []
    records = everything_at_debug.records
    logged = "\n".join(f"{r.getMessage()} {getattr(r, 'letter', '')}" for r in records)
    out, err = capfd.readouterr()
    assert leaked(logged) == [] and leaked(err) == [] and leaked(out) == []
    (line,) = letter_records(records)
    assert line["outcome"] in ("ok", "bad-input") and line["request_id"]


def test_cli_stderr_is_empty_for_an_answer(cli) -> None:
    run = cli(LETTER.encode(), "brief.txt", "--json")
    assert run.code == 0 and run.stderr == ""


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_log_lines_at_debug_hold_no_letter_data(cli, fmt: str) -> None:
    run = cli(LETTER.encode(), "brief.txt", "--json",
              extra_env={"SNAPDEBRIEF_LOG_LEVEL": "DEBUG", "SNAPDEBRIEF_LOG_FORMAT": fmt})
    assert run.code == 0
    lines = run.stderr.splitlines()
    assert lines, "at DEBUG the CLI logs at least the letter's line"
    assert leaked(run.stderr) == [], leaked(run.stderr)
    if fmt == "json":
        records = [json.loads(line) for line in lines]  # every line is one JSON object
        letters = [r for r in records if r.get("event") == "letter"]
    else:
        letters = [line for line in lines if " snapdebrief.letter " in line]
    assert len(letters) == 1
    assert run.json()["bsn_found"] is True  # the letter was read, BSN and all


def test_cli_logs_the_letter_line_of_a_refused_file(cli) -> None:
    run = cli(b"%PDF-1.4 " + LETTER.encode()[:200], "brief.pdf",
              extra_env={"SNAPDEBRIEF_LOG_LEVEL": "INFO", "SNAPDEBRIEF_LOG_FORMAT": "json"})
    assert run.code == 2
    records = [json.loads(line) for line in run.stderr.splitlines() if line.startswith("{")]
    (line,) = [r for r in records if r.get("event") == "letter"]
    assert line["outcome"] == "bad-input" and line["error"].startswith("E1")
    assert leaked(run.stderr) == []
