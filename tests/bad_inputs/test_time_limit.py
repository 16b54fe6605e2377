"""The hard time limit per letter: the CLI runs the pipeline in a child process group and kills
all of it (Tesseract too) when Limits.total_seconds is over, with the Dutch TimeLimitError."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from snapdebrief import errors

from . import makers as m
from .conftest import processes_with


def test_slow_letter_ends_with_the_dutch_time_limit_message(cli) -> None:
    # six photos to OCR in one second: on an idle machine three photos were read within the
    # three seconds this test once gave (tesserocr reads a page in well under a second)
    pages = [(f"pagina-{i}.jpg", m.jpeg()) for i in range(1, 7)]
    run = cli(pages, "", "--time-limit", "1")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.strip() == errors.TimeLimitError().user_message()
    # the fixture checked: TMPDIR empty, HOME empty, no process of the CLI still running


def _sleep_with_a_grandchild(marker: str, folder_note: Path) -> str:
    folder_note.write_text(tempfile.gettempdir())
    Path(tempfile.gettempdir(), "tess_page.png").write_bytes(b"image of the letter")
    subprocess.Popen(["sleep", "120"], env={**os.environ, "SNAPDEBRIEF_TEST_MARK": marker})
    time.sleep(120)
    return "never"


def test_deadline_kills_the_whole_group_and_removes_the_temp_folder(tmp_path, monkeypatch) -> None:
    from snapdebrief import cli, isolate

    monkeypatch.setattr(isolate, "MEMORY_FOLDER", tmp_path / "tmp")  # stands in for /dev/shm
    (tmp_path / "tmp").mkdir()
    marker = uuid.uuid4().hex
    note = tmp_path / "folder.txt"
    with pytest.raises(errors.TimeLimitError):
        cli.run_with_deadline(lambda: _sleep_with_a_grandchild(marker, note), 1.5)
    child_tmp = Path(note.read_text())
    assert child_tmp.parent == tmp_path / "tmp" and child_tmp.name.startswith("snapdebrief-")
    assert not child_tmp.exists() and list((tmp_path / "tmp").iterdir()) == []
    for _ in range(50):  # SIGKILL is immediate; the kernel may need a moment to reap
        if not processes_with(marker):
            break
        time.sleep(0.1)
    assert not processes_with(marker)


@pytest.mark.parametrize(
    ("work", "code", "stderr"),
    [
        pytest.param(lambda: "antwoord\n", 0, "", id="answer"),
        pytest.param(lambda: (_ for _ in ()).throw(errors.EmptyFileError()), 2,
                     errors.EmptyFileError().user_message() + "\n", id="bad-input"),
        pytest.param(lambda: 1 / 0, 1, None, id="bug-without-traceback"),
        pytest.param(lambda: os._exit(9), 1, None, id="child-dies"),
    ],
)
def test_deadline_passes_answers_and_errors_through(work, code: int, stderr: str | None) -> None:
    from snapdebrief.cli import run_with_deadline

    got_code, out, err = run_with_deadline(work, 60)
    assert got_code == code
    if stderr is not None:
        assert err == stderr
    else:
        assert "Traceback" not in err and "Er ging iets mis" in err
    if code == 0:
        assert out == "antwoord\n"


def _explain_in_a_thread(files: list[bytes], options) -> object:
    """The app calls from a Streamlit script thread: do the same (signals can't be set there)."""
    from concurrent.futures import ThreadPoolExecutor

    from snapdebrief import isolate

    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(isolate.explain_in_child, files, options)
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - handed back to assert on
            return exc


def test_app_child_gives_the_same_answer_as_in_process() -> None:
    from datetime import date

    from snapdebrief.options import Options
    from snapdebrief.pipeline import explain

    letter = (Path(__file__).resolve().parents[2] / "samples" / "letters"
              / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt").read_bytes()
    options = Options(today=date(2026, 3, 1))
    got = _explain_in_a_thread([letter], options)
    want = explain([letter], options)
    def same(data: dict) -> dict:
        return {**data, "source": {**data["source"], "seconds": None}}

    assert same(got.to_json()) == same(want.to_json())
    assert got.classification.kind == "cjib-aanmaning"
    bad = _explain_in_a_thread([b""], options)
    assert isinstance(bad, errors.SnapError) and bad.code == errors.EmptyFileError.code
    assert bad.user_message() == errors.EmptyFileError().user_message()


def test_app_child_is_killed_with_its_tesseract_after_the_time_limit(tmp_path, monkeypatch) -> None:
    from snapdebrief import isolate
    from snapdebrief.options import Limits, Options

    monkeypatch.setattr(isolate, "MEMORY_FOLDER", tmp_path)  # the child's TMPDIR goes in here
    pages = [m.jpeg() for _ in range(3)]
    started = time.monotonic()
    got = _explain_in_a_thread(pages, Options(limits=Limits(total_seconds=0.3)))
    assert isinstance(got, errors.TimeLimitError)
    assert time.monotonic() - started < 10
    assert list(tmp_path.iterdir()) == []
    for _ in range(50):
        if not processes_with(str(tmp_path)):  # a Tesseract has TMPDIR=<tmp_path>/snapdebrief-…
            break
        time.sleep(0.1)
    assert not processes_with(str(tmp_path))


def _allocate(n: int) -> str:
    return str(len(bytearray(n)))


def test_a_letter_over_the_memory_cap_gets_a_dutch_message() -> None:
    from snapdebrief.cli import run_with_deadline

    code, out, err = run_with_deadline(lambda: _allocate(3 << 30), 60, memory=1 << 30)
    assert (code, out) == (2, "")
    assert err == errors.OutOfMemoryError().user_message() + "\n"
    assert run_with_deadline(lambda: _allocate(1 << 20), 60, memory=1 << 30)[:2] == (0, str(1 << 20))


APP_THAT_STOPS = """
import os, sys
from pathlib import Path
from snapdebrief import isolate
from tests.bad_inputs.test_time_limit import _sleep_with_a_grandchild
tmp, marker = Path(sys.argv[1]), sys.argv[2]
if __name__ == "__main__":
    isolate.run_isolated(_sleep_with_a_grandchild, marker, tmp / "note.txt", seconds=60,
                         start="forkserver", temp_base=tmp / "letters")
"""


def test_a_child_whose_app_stopped_cleans_up_and_ends(tmp_path) -> None:
    """If the app stops while a letter is read, the forkserver's child (no child of the app)
    removes its own folder and kills its group, instead of running on alone."""
    import sys

    root = Path(__file__).resolve().parents[2]
    (tmp_path / "letters").mkdir()
    (tmp_path / "app.py").write_text(APP_THAT_STOPS)
    marker = uuid.uuid4().hex
    app = subprocess.Popen([sys.executable, str(tmp_path / "app.py"), str(tmp_path), marker],
                           cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    try:
        for _ in range(600):  # until the child has written where its folder is
            if (tmp_path / "note.txt").exists() or app.poll() is not None:
                break
            time.sleep(0.05)
        assert list((tmp_path / "letters").iterdir()), "the child did not start"
    finally:
        app.kill()  # the app dies without any clean-up of its own
        app.wait()
    for _ in range(60):
        if not list((tmp_path / "letters").iterdir()) and not processes_with(marker):
            break
        time.sleep(0.1)
    assert list((tmp_path / "letters").iterdir()) == []
    assert not processes_with(marker)


def test_one_tesseract_call_over_its_limit_ends_with_the_dutch_message_and_no_process_left() -> None:
    from snapdebrief.options import Limits, Options
    from snapdebrief.pipeline import explain

    def tesseracts() -> set[int]:
        """This process's children named tesseract, from /proc/<pid>/stat ("pid (comm) state ppid")."""
        found = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                pid, rest = stat.read_text().split(" (", 1)
            except OSError:
                continue
            comm, fields = rest.rsplit(") ", 1)
            if comm == "tesseract" and int(fields.split()[1]) == os.getpid():
                found.add(int(pid))
        return found

    options = Options(workers=1, limits=Limits(ocr_timeout_seconds=0.05))
    with pytest.raises(errors.OcrTimeoutError) as caught:
        explain([m.jpeg()], options)
    assert "duurde te lang" in caught.value.user_message()
    assert tesseracts() == set()  # killed and reaped, not left running
