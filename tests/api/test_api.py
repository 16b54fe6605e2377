"""The HTTP API and its workers on a real Redis (#19): the interface of the issue, end to end.

No mocks: redis-server, two `snapdebrief worker` processes and `snapdebrief serve` run as in
`make serve` (tests/api/conftest.py). Text and born-digital PDF letters keep it quick; one
photo gives the worker something to be killed in the middle of.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from snapdebrief.errors import (
    BUG_MESSAGE,
    BadInputError,
    EmptyFileError,
    FileTooLargeError,
    SnapError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from snapdebrief.options import Limits, Options
from snapdebrief.pipeline import explain
from snapdebrief.service.errors import (
    AnswerNotFoundError,
    BadFormError,
    NoFileError,
    QueueUnavailableError,
)
from snapdebrief.service.store import LetterStore

from ..conftest import ROOT, TODAY, render_image, render_pdf
from ..privacy.conftest import photo_with_exif
from ..privacy.letters import BSN
from ..privacy.letters import LETTER as PRIVATE
from ..privacy.test_nothing_kept import new_files_holding
from .conftest import Service, free_port, shm_ours

LETTERS = ROOT / "samples" / "letters"
LETTER_TEXT = (LETTERS / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt").read_bytes()
WAIT_SECONDS = 90  # an answer must come long before; the test's own guard


def post(svc: Service, files: list[bytes], **fields: str) -> httpx.Response:
    parts = [("files", (f"page-{i}", data, "application/octet-stream"))
             for i, data in enumerate(files)]
    fields = {"today": TODAY.isoformat(), **fields}
    parts += [(name, (None, value)) for name, value in fields.items()]  # multipart, also alone
    return httpx.post(svc.url + "/v1/letters", files=parts, timeout=30)


def answer(svc: Service, letter_id: str, seconds: float = WAIT_SECONDS) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        got = httpx.get(f"{svc.url}/v1/letters/{letter_id}", timeout=10)
        if got.status_code != 202 or time.monotonic() > deadline:
            return got
        assert got.json() == {"status": "pending"}
        time.sleep(0.05)


def without_timing(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["source"].pop("seconds")  # wall time of this run, the one field that may differ
    return data


def error_body(exc) -> dict:
    return {"error": exc.code, "message": exc.user_message()}


def test_one_letter_equals_the_cli(service: Service) -> None:
    pdf = render_pdf((LETTERS / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt").read_text())
    sent = post(service, [pdf])
    assert sent.status_code == 202
    letter_id = sent.json()["id"]
    assert len(letter_id) >= 22  # ≥ 128 random bits in URL-safe base64
    got = answer(service, letter_id)
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/json")

    folder = Path(tempfile.mkdtemp(prefix="sd-api-cli-"))
    try:
        (folder / "brief.pdf").write_bytes(pdf)
        cli = subprocess.run(
            [sys.executable, "-m", "snapdebrief.cli", "explain", str(folder / "brief.pdf"),
             "--json", "--today", TODAY.isoformat()],
            capture_output=True, text=True, timeout=120, check=True)
    finally:
        shutil.rmtree(folder)
    assert without_timing(got.json()) == without_timing(json.loads(cli.stdout))

    again = httpx.get(f"{service.url}/v1/letters/{letter_id}", timeout=10)
    assert again.status_code == 404
    assert again.json() == error_body(AnswerNotFoundError())


def test_letter_and_answer_live_ten_minutes_at_most(service: Service) -> None:
    """In Redis a letter's files go as soon as its answer exists; what is left (the answer and
    the letter's hash) expires within 10 minutes unfetched, and is gone once fetched."""
    store = LetterStore(service.broker, 600)
    letter_id = post(service, [LETTER_TEXT]).json()["id"]
    key = store.key(letter_id)
    assert 0 < store.redis.ttl(key) <= 600
    meta_key = f"celery-task-meta-{store.redis.hget(key, 'task').decode()}"
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        meta = store.redis.get(meta_key)
        if meta and json.loads(meta)["status"] == "SUCCESS":
            break
        time.sleep(0.05)
    assert sorted(store.redis.hkeys(key)) == [b"n", b"task", b"tries"]  # no file left
    assert 0 < store.redis.ttl(key) <= 600
    assert 0 < store.redis.ttl(meta_key) <= 600
    assert answer(service, letter_id).status_code == 200
    assert not store.redis.exists(key, meta_key)


def test_unknown_id_is_404(service: Service) -> None:
    for letter_id in ("x" * 32, "not-an-id", "A" * 200):
        got = httpx.get(f"{service.url}/v1/letters/{letter_id}", timeout=10)
        assert got.status_code == 404
        assert got.json() == error_body(AnswerNotFoundError())


@pytest.mark.parametrize("files, fields, error", [
    pytest.param([b""], {}, EmptyFileError(), id="empty"),
    pytest.param([b"\x00\x01\x02\x03" * 64], {}, UnsupportedFormatError(), id="not-a-letter"),
    pytest.param([b"Gemeente\n"] * 21, {}, TooManyPagesError(21, Limits().max_pages),
                 id="too-many-pages"),
    pytest.param([b"%PDF-1.4\n" + b"x" * (Limits().max_file_bytes)], {},
                 FileTooLargeError(0, Limits().max_file_bytes), id="too-large"),
    pytest.param([], {}, NoFileError(), id="no-file"),
    pytest.param([b"Gemeente\n"], {"today": "20 maart"}, BadFormError("today"), id="bad-today"),
    pytest.param([b"Gemeente\n"], {"region": "../../etc"}, BadFormError("region"),
                 id="bad-region"),
])
def test_bad_input_is_400_in_dutch(service: Service, files, fields, error) -> None:
    if files is None:
        got = httpx.post(service.url + "/v1/letters", json={"files": ["brief"]}, timeout=30)
    else:
        got = post(service, files, **fields)
    assert got.status_code == 400
    assert got.json() == error_body(error)


def test_unreadable_file_is_400_when_read(service: Service) -> None:
    """A file that looks like a PNG but is broken passes the upload; the worker's answer is the
    CLI's message for it."""
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    sent = post(service, [broken])
    assert sent.status_code == 202
    got = answer(service, sent.json()["id"])
    assert got.status_code == 400
    with pytest.raises(BadInputError) as raised:
        explain([broken], Options(today=TODAY))
    assert got.json() == error_body(raised.value)


def test_twenty_letters_at_once(service: Service) -> None:
    texts = sorted(LETTERS.glob("*.txt"))[:20]
    files = [t.read_bytes() if i % 2 == 0 else render_pdf(t.read_text())
             for i, t in enumerate(texts)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = [r.json()["id"] for r in pool.map(lambda f: post(service, [f]), files)]
        answers = list(pool.map(lambda i: answer(service, i), ids))
    assert len(set(ids)) == 20
    assert [a.status_code for a in answers] == [200] * 20
    for data, got in zip(files, answers, strict=True):
        expected = explain([data], Options(today=TODAY)).to_json()
        assert without_timing(got.json()) == without_timing(expected)


def reading_pid(store: LetterStore, letter_id: str, tries: int = 1) -> int:
    """The pid of the process reading the letter (Celery's STARTED state) once the letter has
    been begun `tries` times (store.py counts it when the files are taken): the one to kill."""
    key = store.key(letter_id)
    task = store.redis.hget(key, "task").decode()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        meta = store.redis.get(f"celery-task-meta-{task}")
        began = int(store.redis.hget(key, "tries") or 0)
        if meta and json.loads(meta)["status"] == "STARTED" and began == tries:
            return json.loads(meta)["result"]["pid"]
        time.sleep(0.01)
    raise AssertionError(f"the letter was not begun {tries} time(s)")


def test_a_letter_survives_its_worker_killed(service: Service) -> None:
    """SIGKILL to the process reading a photo: Celery hands the letter to another process
    (acks_late, reject_on_worker_lost) and the answer still comes, the same as read whole."""
    photo = render_image((LETTERS / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt").read_text())
    store = LetterStore(service.broker, 600)
    sent = post(service, [photo])
    assert sent.status_code == 202
    letter_id = sent.json()["id"]
    pid = reading_pid(store, letter_id)
    time.sleep(0.2)  # into the OCR, which takes a second or more
    os.kill(pid, signal.SIGKILL)
    got = answer(service, letter_id)
    assert got.status_code == 200
    expected = explain([photo], Options(today=TODAY)).to_json()
    assert without_timing(got.json()) == without_timing(expected)
    metrics = httpx.get(service.url + "/metrics", timeout=10).text
    assert "snapdebrief_letters_retried_total 1.0" in metrics


def test_a_letter_that_kills_two_workers_gets_the_bug_message(service: Service) -> None:
    """Retried once, not forever: after its second reader died too, the letter is answered
    with the bug message (500) instead of taking down one worker after another."""
    photo = render_image((LETTERS / "cjib-boete-01-wahv-beschikking-m.txt").read_text())
    store = LetterStore(service.broker, 600)
    letter_id = post(service, [photo]).json()["id"]
    os.kill(reading_pid(store, letter_id, tries=1), signal.SIGKILL)
    os.kill(reading_pid(store, letter_id, tries=2), signal.SIGKILL)
    got = answer(service, letter_id)
    assert got.status_code == 500
    body = got.json()
    assert body["error"] == SnapError.code
    # the one bug message, with the code of the letter's line in the operator's log (#18)
    assert re.fullmatch(re.escape(BUG_MESSAGE) + r" Vraag je hulp\? Noem dan deze code: [0-9a-f]{12}\.",
                        body["message"])


def test_metrics_and_health(service: Service) -> None:
    assert httpx.get(service.url + "/healthz", timeout=10).json() == {"status": "ok"}
    got = httpx.get(service.url + "/metrics", timeout=10)
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("text/plain")
    for name in ("snapdebrief_letters_received_total", "snapdebrief_answers_total",
                 "snapdebrief_answer_seconds_bucket", "snapdebrief_letter_cpu_seconds_count",
                 "snapdebrief_letters_refused_total", "snapdebrief_queue_length"):
        assert name in got.text
    # Counts, codes, statuses and seconds only: not a word or an id of a letter.
    words = {"CJIB", "Vries", "NL86", "INGB", "Kinkerstraat", "Leeuwarden", "aanmaning"}
    assert not [w for w in words if w in got.text]


def test_nothing_written_to_disk(service: Service) -> None:
    """As tests/privacy checks the CLI and the app: no file anywhere in /tmp or /dev/shm holds
    the letter after the API and a worker read it as text, PDF and photo with EXIF (the
    service's own folders, Redis's --dir among them, must be empty: see the fixture), and the
    answers mask the BSN."""
    since = time.time() - 1
    forms = [PRIVATE.encode(), render_pdf(PRIVATE), photo_with_exif("JPEG")]
    ids = [post(service, [data]).json()["id"] for data in forms]
    for letter_id in ids:
        got = answer(service, letter_id)
        assert got.status_code == 200
        assert BSN not in got.text
    assert new_files_holding("Wildeboer", since) == []
    assert new_files_holding("Wildeboer", since, places=(service.base,)) == []


def test_nothing_left_in_redis(service: Service) -> None:
    """Every answer above was fetched: no letter, file or answer is left in Redis. Runs last."""
    store = LetterStore(service.broker, 600)
    deadline = time.monotonic() + 10
    while store.leftovers() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert store.leftovers() == []


def test_redis_stopped_is_a_quick_503() -> None:
    """A Redis that stopped, or hangs, gives a clear 503 within seconds, never a hung request."""
    from .conftest import _need_redis

    _need_redis()
    before = shm_ours()
    svc = Service(base=Path(tempfile.mkdtemp(prefix="sd-api-down-")), redis_port=free_port(),
                  api_port=free_port())
    try:
        svc.start_redis()
        svc.start_api()
        sent = post(svc, [b"Gemeente Amsterdam\n"])
        assert sent.status_code == 202
        letter_id = sent.json()["id"]

        redis = svc.procs["redis"]
        os.kill(redis.pid, signal.SIGSTOP)  # hangs: it accepts connections and never answers
        try:
            for call in (lambda: post(svc, [b"Gemeente Amsterdam\n"]),
                         lambda: httpx.get(f"{svc.url}/v1/letters/{letter_id}", timeout=30)):
                start = time.monotonic()
                got = call()
                assert time.monotonic() - start < 10
                assert got.status_code == 503
                assert got.json() == error_body(QueueUnavailableError())
        finally:
            os.kill(redis.pid, signal.SIGCONT)
        svc.stop("redis")  # gone: connections are refused
        for call in (lambda: post(svc, [b"Gemeente Amsterdam\n"]),
                     lambda: httpx.get(f"{svc.url}/v1/letters/{letter_id}", timeout=30),
                     lambda: httpx.get(f"{svc.url}/healthz", timeout=30)):
            start = time.monotonic()
            got = call()
            assert time.monotonic() - start < 5
            assert got.status_code == 503
            assert got.json() == error_body(QueueUnavailableError())
    finally:
        svc.stop_all()
        left = svc.leftovers()
        shutil.rmtree(svc.base, ignore_errors=True)
    assert left == []
    assert shm_ours() - before == set()
