"""Logs at every level, of every library, hold no letter text, BSN or IBAN; nor do errors."""

from __future__ import annotations

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
    return [s for s in (*SECRETS, *LINES) if s in text]


@pytest.mark.parametrize("make", letter_forms())
def test_logs_and_stderr_hold_no_letter_text(make, everything_at_debug, capfd) -> None:
    data = make()
    everything_at_debug.clear()  # what making the file logged is not ours
    capfd.readouterr()
    result = explain([data], Options(today=TODAY))
    assert result.fields.bsn_spans  # the letter was read, BSN and all
    records = everything_at_debug.records
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in records)
    out, err = capfd.readouterr()
    assert leaked(logged) == []
    assert leaked(err) == [] and leaked(out) == []


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
    logged = "\n".join(r.getMessage() for r in everything_at_debug.records)
    out, err = capfd.readouterr()
    assert leaked(logged) == [] and leaked(err) == [] and leaked(out) == []


def test_cli_stderr_is_empty_for_an_answer(cli) -> None:
    run = cli(LETTER.encode(), "brief.txt", "--json")
    assert run.code == 0 and run.stderr == ""
