"""The queue's worker (#19): one letter at a time per process, read as the CLI reads it.

`snapdebrief worker` starts a Celery worker on SNAPDEBRIEF_BROKER. Each letter runs
`pipeline.explain` in the CLI's killable child (isolate.py: its own process group, a private
folder in /dev/shm, the hard time limit and the memory cap), so a letter that hangs Tesseract
costs its time limit and no more. Tasks are acknowledged late and a process takes one letter at
a time (prefetch 1): when the process reading a letter dies (SIGKILL, the kernel's OOM killer)
Celery hands the letter back to the queue (`reject_on_worker_lost`) and another process reads
it. A letter is begun at most twice (MAX_TRIES): a letter that killed its worker twice gets the
bug message instead of taking down one worker after another. When a whole worker vanishes (its
machine stopped), Redis gives its letter to another worker after `visibility_seconds`.

The task's result (the JSON contract, or a Dutch error) is the answer the API hands out once.
Nothing of a letter is logged: the operator's line (logs.py) has its own random request id,
never the letter id that fetches the answer.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

from celery import Celery
from celery.signals import (
    setup_logging,
    worker_process_init,
    worker_process_shutdown,
    worker_shutdown,
)

from .. import isolate, logs
from ..errors import ExitCode, SnapError, TimeLimitError, bug_message
from ..options import Options
from .settings import ServiceSettings
from .store import LetterStore

TASK = "snapdebrief.explain"
QUEUE = "snapdebrief"
MAX_TRIES = 2  # the first read and one retry after its worker died


def make_celery(settings: ServiceSettings) -> Celery:
    """The Celery app the API sends with and the worker runs; one task, JSON only."""
    app = Celery("snapdebrief", broker=settings.broker, backend=settings.broker,
                 set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_track_started=True,  # the state says which process reads it (pid), nothing more
        result_expires=settings.answer_seconds,
        broker_transport_options={"visibility_timeout": settings.visibility_seconds,
                                  "socket_connect_timeout": settings.redis_timeout},
        redis_socket_connect_timeout=settings.redis_timeout,
        redis_socket_timeout=max(5.0, settings.redis_timeout),
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    store = LetterStore(settings.broker, settings.answer_seconds, settings.redis_timeout,
                        meta_prefix=app.backend.get_key_for_task("x")[:-1])

    @app.task(name=TASK, bind=True, acks_late=True, reject_on_worker_lost=True)
    def explain_letter(self, letter_id: str, form: dict[str, Any]) -> dict[str, Any]:
        return run_letter(store, settings, letter_id, form)

    root = work_root(settings.base.tmpdir)

    def remove_own_folder(**_: Any) -> None:
        shutil.rmtree(root / f"{WORK_PREFIX}{os.getpid()}", ignore_errors=True)

    def sweep_at_the_end(**_: Any) -> None:
        sweep(root)

    # connected here, where the settings are known (weak=False: the closures live with the app)
    worker_process_shutdown.connect(remove_own_folder, weak=False)
    worker_shutdown.connect(sweep_at_the_end, weak=False)
    app.snapdebrief_store = store  # type: ignore[attr-defined]
    return app


@setup_logging.connect
def _own_logging(**_: Any) -> None:
    """Celery leaves logging alone when this signal has a receiver: the operator's log is
    logs.py's (one line per letter); Celery's own warnings reach stderr as they are."""
    logs.configure(default_level="INFO")


@worker_process_init.connect
def _may_have_children(**_: Any) -> None:
    """Celery's pool processes are daemonic, and a daemonic process may not start children;
    each letter needs one (isolate.py) and kills it itself, whatever happens."""
    multiprocessing.current_process()._config.pop("daemon", None)  # type: ignore[attr-defined]


# Each pool process keeps its letters' private folders (isolate.py) inside a folder of its own,
# named after its pid, in SNAPDEBRIEF_TMPDIR as the CLI does (else /dev/shm). A process killed
# between making a letter's folder and starting the child that would remove it leaves the folder
# behind; the next letter on this machine, and the worker's shutdown, remove the folders of
# processes that are gone.
MEMORY = isolate.MEMORY_FOLDER
WORK_PREFIX = "snapdebrief-worker-"


def work_root(tmpdir: Path | None) -> Path:
    """Where the pool processes' folders go: the settings' folder, else /dev/shm."""
    return tmpdir if tmpdir is not None else MEMORY


def own_folder(root: Path = MEMORY) -> Path | None:
    if not (root.is_dir() and os.access(root, os.W_OK | os.X_OK)):
        return None  # isolate.py falls back to TMPDIR
    folder = root / f"{WORK_PREFIX}{os.getpid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def sweep(root: Path = MEMORY) -> None:
    """Remove the folders of pool processes that are gone (their letters are being read again)."""
    for folder in root.glob(WORK_PREFIX + "*"):
        pid = folder.name.removeprefix(WORK_PREFIX)
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: not ours to judge
    return True


def options_from(settings: ServiceSettings, form: dict[str, Any]) -> Options:
    return settings.base.options(
        today=date.fromisoformat(form["today"]), region=form.get("region"),
        ocr_lang=form.get("lang") or "nld", request_id=logs.new_request_id(),
        # the app's queue path wants the desk view's page pictures (wire.py sends them back)
        keep_images=bool(form.get("images")) and form.get("answer") == "result",
    )


def run_letter(store: LetterStore, settings: ServiceSettings, letter_id: str,
               form: dict[str, Any]) -> dict[str, Any]:
    """Read one letter from the store; the answer as {"status", "body", timings}."""
    began = store.begin(letter_id)
    if began is None:  # older than 10 minutes before any worker came to it: nobody can fetch it
        return {"status": 404}
    tries, files = began
    root = work_root(settings.base.tmpdir)
    sweep(root)
    options = options_from(settings, form)
    cpu = _cpu_seconds()
    start = time.monotonic()
    if not files:
        envelope = _bug()
    elif tries > MAX_TRIES:
        logs.letter_line(request_id=options.request_id, outcome="crash", error="worker-died",
                         files=len(files))
        envelope = _bug(options.request_id)
    else:
        envelope = answer(files, options, whole=form.get("answer") == "result", root=root)
    store.answered(letter_id, len(files))
    envelope.update(seconds=round(time.monotonic() - start, 3),
                    cpu=round(_cpu_seconds() - cpu, 3), tries=tries,
                    waited=round(max(0.0, time.time() - float(form.get("posted", time.time()))), 3))
    return envelope


def answer(files: list[bytes], options: Options, whole: bool = False,
           root: Path = MEMORY) -> dict[str, Any]:
    """The letter's JSON contract (200), or its Dutch error: 400 for input that cannot be read,
    500 for a bug; the same child, limits and messages as `snapdebrief explain --json`.
    `whole`: the whole Result as wire.py's JSON instead (the Streamlit app's queue path)."""
    work = _whole if whole else _contract
    try:
        if isolate.available():
            body = isolate.run_isolated(work, files, options,
                                        seconds=options.limits.total_seconds,
                                        memory=options.limits.max_memory_bytes,
                                        temp_base=own_folder(root))
        else:
            body = work(files, options)
    except SnapError as exc:
        if isinstance(exc, TimeLimitError):  # the child was killed: it logged nothing
            logs.letter_line(request_id=options.request_id, outcome="time-limit", error=exc.code,
                             files=len(files), seconds=options.limits.total_seconds)
        if exc.exit_code != ExitCode.BAD_INPUT or getattr(exc, "kind", "") == "RuleFileError":
            return _bug(options.request_id)
        return {"status": 400, "body": {"error": exc.code, "message": exc.user_message()}}
    except isolate.ChildCrashed as exc:
        if exc.died:
            logs.letter_line(request_id=options.request_id, outcome="crash", error="child-died",
                             files=len(files))
        return _bug(options.request_id)
    except Exception:  # noqa: BLE001 - without fork: a bug in explain(), no letter in the answer
        return _bug(options.request_id)
    return {"status": 200, "body": body}


def _contract(files: list[bytes], options: Options) -> dict[str, Any]:
    from ..pipeline import explain

    return explain(files, options).to_json()


def _whole(files: list[bytes], options: Options) -> Any:
    from ..pipeline import explain
    from .wire import dump

    return dump(explain(files, options))


def _bug(request_id: str | None = None) -> dict[str, Any]:
    """The bug's answer (500), with the code of the letter's line in the operator's log."""
    return {"status": 500, "body": {"error": SnapError.code, "message": bug_message(request_id)}}


def _cpu_seconds() -> float:
    """CPU of this process and its finished children (each letter's child, its Tesseracts)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# The libraries that start a thread per core on their own; set before they are imported. An
# operator may set them otherwise in the environment.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_THREAD_LIMIT")


def one_core_env() -> None:
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")


def one_core() -> None:
    """OpenCV's own thread pool to one thread (its default is one per core); inherited by the
    pool processes Celery forks and by each letter's child."""
    import cv2

    cv2.setNumThreads(int(os.environ.get("OPENCV_NUM_THREADS", "1")))


def run_worker(settings: ServiceSettings, concurrency: int = 1, loglevel: str = "WARNING") -> int:
    """Start a worker: `concurrency` processes, each reading one letter at a time.

    The pipeline, the rules and Tesseract's Dutch model are loaded here, before Celery forks its
    processes, so each starts warm (as the app's forkserver does). Each process reads on one
    core (one_core): N processes on N cores then scale, instead of every letter's OpenCV and
    BLAS threads fighting over all of them."""
    one_core_env()
    from .. import warm  # noqa: F401 - loads on import

    one_core()

    app = make_celery(settings)
    app.worker_main([
        "worker", "--pool=prefork", f"--concurrency={concurrency}", f"--loglevel={loglevel}",
        "-Q", QUEUE, "-n", f"snapdebrief-{os.getpid()}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ])
    return 0
