"""A hard time limit per letter: the work runs in a child process that is killed when time is up.

Tesseract, a PDF parser or a regular expression can each take far longer than a resident will
wait, and a thread cannot be stopped. So the CLI and the app run one letter's work in a child
process with its own process group and its own temporary folder (in /dev/shm, memory, when
there is one: pytesseract puts the page image there). When the time is over, the whole group
(every Tesseract too) is killed and `TimeLimitError` is raised. The folder is removed whatever
happened, so nothing of the letter stays behind.

Start methods: the CLI is single-threaded and uses "fork" (no start-up cost). The app serves
many sessions from threads, and forking a threaded process can copy a lock some other thread
holds; it uses "forkserver", a clean single-threaded process started once that imports the
pipeline and loads the shipped rules (`snapdebrief.warm`), so each letter's child starts warm.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import ExitCode, OutOfMemoryError, SnapError, TimeLimitError

T = TypeVar("T")

MEMORY_FOLDER = Path("/dev/shm")  # RAM on Linux: the page image never touches a disk
WATCH_SECONDS = 0.5  # how often a child checks that its caller is still there
WARM_MODULE = "snapdebrief.warm"


class ChildError(SnapError):
    """A SnapError raised in the child, carried back as its class name, code and message
    (exception classes with their own __init__ do not always survive pickling)."""

    def __init__(self, kind: str, code: str, exit_code: int, message: str) -> None:
        super().__init__(message, kind=kind)
        self.kind, self.code, self.exit_code = kind, code, ExitCode(exit_code)


class ChildCrashed(Exception):
    """The child raised a bug or died without an answer (killed for memory, crashed).
    The message holds the child's traceback only when asked for (debug). `died`: the child
    ended without an answer, so it logged nothing itself (logs.py)."""

    died = False


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_isolated(work: Callable[..., T], *args: Any, seconds: float, start: str = "fork",
                 memory: int | None = None, temp_base: Path | None = None,
                 debug: bool = False) -> T:
    """`work(*args)` in a child process; its value, or the child's SnapError as ChildError.

    Raises TimeLimitError after `seconds`, ChildCrashed when the child fails otherwise. `memory`
    caps the address space of the child and of every process it starts (MemoryError there
    becomes OutOfMemoryError). `temp_base` is where the child's private temp folder goes
    (default /dev/shm, else TMPDIR). With "forkserver", `work` and `args` must pickle.
    """
    ctx = _context(start)
    tmp = _private_temp_folder(temp_base)
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(work, args, send, tmp, memory, os.getpid(), debug),
                        daemon=True)
    restore = _on_sigterm_raise()
    try:
        child.start()
        send.close()
        if not receive.poll(max(0.0, seconds)):
            raise TimeLimitError(seconds=seconds)
        try:
            tag, *payload = receive.recv()
        except (EOFError, OSError):
            died = ChildCrashed("the child ended without an answer")
            died.died = True
            raise died from None
        if tag == "ok":
            return payload[0]
        if tag == "snap":
            raise ChildError(*payload)
        raise ChildCrashed(payload[0])
    finally:
        _kill_group(child)
        receive.close()
        restore()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _cap_memory(extra: int) -> None:
    """Let the child grow by `extra` bytes of address space beyond what it holds at the fork
    (libraries, spaCy, thread stacks: ~0.8 GB here, more on a many-core machine)."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            now = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):  # not Linux: the time limit still holds
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _context(start: str):
    ctx = multiprocessing.get_context(start)
    if start == "forkserver":
        # Read once when the server starts. "__main__" too: else every child would run the
        # main script again (multiprocessing's spawn preparation), e.g. all of Streamlit's CLI.
        ctx.set_forkserver_preload(["__main__", WARM_MODULE])
    return ctx


def _private_temp_folder(base_first: Path | None = None) -> str | None:
    for base in (base_first or MEMORY_FOLDER, None):
        if base is not None and not (base.is_dir() and os.access(base, os.W_OK | os.X_OK)):
            continue
        try:
            # the caller's pid in the name: a check for leftovers can tell a live process's
            # folder from one that was left behind
            return tempfile.mkdtemp(prefix=f"snapdebrief-{os.getpid()}-", dir=base)
        except OSError:
            continue
    return None


def _on_sigterm_raise() -> Callable[[], None]:
    """In the main thread (the CLI), SIGTERM ends the wait so `finally` kills the child;
    signal handlers can only be set there, so elsewhere (the app) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    old = signal.signal(signal.SIGTERM, _terminate)
    return lambda: signal.signal(signal.SIGTERM, old)


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt


def _kill_group(child) -> None:
    if child.pid is None:
        return
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the child never got its own group, or it has already gone
    if child.is_alive():
        child.kill()
    child.join(5)


def _child(work, args, send, tmp: str | None, memory: int | None, caller: int,
           debug: bool) -> None:
    forked = os.getppid() == caller
    os.setpgid(0, 0)  # its own group: the parent kills it and every Tesseract it started at once
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if tmp is not None:
        tempfile.tempdir = tmp
        os.environ["TMPDIR"] = tmp
    threading.Thread(target=_end_with, args=(caller, tmp), daemon=True).start()
    if memory:
        _cap_memory(memory)
    try:
        answer = ("ok", work(*args))
    except (MemoryError, SnapError) as raised:
        exc = raised if isinstance(raised, SnapError) else OutOfMemoryError()
        answer = ("snap", type(exc).__name__, exc.code, int(exc.exit_code), exc.user_message())
    except BaseException:  # noqa: BLE001 - a bug: no traceback with letter content unless asked
        answer = ("bug", traceback.format_exc() if debug else "")
    try:
        send.send(answer)
    except Exception:  # noqa: BLE001 - an answer that does not pickle is a bug, not a hang
        send.send(("bug", traceback.format_exc() if debug else ""))
    finally:
        # The caller died while this child read the letter (a queue worker killed, #19): the
        # answer went into the pipe's buffer and nobody is left to remove the folder.
        if tmp is not None and _gone(caller, forked):
            shutil.rmtree(tmp, ignore_errors=True)
    send.close()


def _gone(caller: int, forked: bool) -> bool:
    """A forked child's caller is its parent: once dead, the child has another parent at once
    (a dead process stays findable by pid until reaped). A forkserver's child asks by pid."""
    if forked:
        return os.getppid() != caller
    try:
        os.kill(caller, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _end_with(caller: int, tmp: str | None) -> None:
    """A forkserver's child is not the caller's child: if the caller (the app) stops while a
    letter is being read, nobody would kill it or remove its folder. So it watches the caller
    and, once it has gone, removes its own folder and kills its group (its Tesseracts too)."""
    while True:
        time.sleep(WATCH_SECONDS)
        try:
            os.kill(caller, 0)
        except ProcessLookupError:
            break
        except PermissionError:
            continue  # still there (another user's process cannot be ours, but be safe)
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    os.killpg(0, signal.SIGKILL)


def explain_in_child(files: list[bytes], options, start: str = "forkserver",
                     temp_base: Path | None = None):
    """The app's way to explain one letter: `pipeline.explain` under options.limits.total_seconds
    in a forkserver child (see the module docstring). Where fork is missing it runs here."""
    from .pipeline import explain

    if not available():
        return explain(files, options)
    return run_isolated(explain, list(files), options, seconds=options.limits.total_seconds,
                        start=start, memory=options.limits.max_memory_bytes, temp_base=temp_base)


def prestart() -> None:
    """Start the app's forkserver now, so it loads while the first resident picks a photo."""
    if available():
        _context("forkserver")
        from multiprocessing import forkserver

        forkserver.ensure_running()
