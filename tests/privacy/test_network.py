"""No network connection is ever opened: not by the pipeline, not by the CLI, not by the app."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from snapdebrief.options import Options
from snapdebrief.pipeline import explain

from ..bad_inputs import makers as m
from ..conftest import TODAY
from .conftest import letter_forms
from .letters import LETTER

APP = str(Path(__file__).resolve().parents[2] / "app.py")

# Installed in a subprocess through PYTHONPATH: every outward connection or name lookup fails
# loudly there, with a marker on stderr the test looks for.
SITECUSTOMIZE = '''
import socket, sys

def _blocked(*args, **kwargs):
    sys.stderr.write("NETWORK-ATTEMPT\\n")
    raise OSError("network is blocked in this test")

_connect = socket.socket.connect
def _connect_inet(self, address, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _blocked()
    return _connect(self, address, *args)

socket.socket.connect = _connect_inet
socket.socket.connect_ex = _connect_inet
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
sys.stderr.write("network-guard-on\\n")
'''


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any outward connection, UDP send or name lookup."""
    calls: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            calls.append(what)
            raise NetworkUsed(f"network used: {what}")

        return blocked

    real_connect = socket.socket.connect

    def connect(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse("connect")()
        return real_connect(self, address, *args)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield calls
    assert calls == [], calls


def test_the_guard_itself_works(no_network) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    no_network.clear()


@pytest.mark.parametrize("make", [*letter_forms(), pytest.param(m.javascript_pdf, id="pdf-with-javascript")])
def test_pipeline_opens_no_connection(make, no_network) -> None:
    result = explain([make()], Options(today=TODAY))
    assert result.explanation.summary


def test_app_opens_no_connection(no_network) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120).run()
    at.file_uploader[0].set_value(("brief.txt", LETTER.encode(), "text/plain")).run()
    assert not at.exception
    assert at.header  # the answer is on screen


def test_cli_opens_no_connection(cli, tmp_path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    run = cli(m.javascript_pdf(), "js.pdf", "--json", pythonpath=(site,))
    assert run.code == 0
    assert "network-guard-on" in run.stderr  # the guard was loaded in the CLI's process
    assert "NETWORK-ATTEMPT" not in run.stderr
