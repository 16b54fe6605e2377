"""The command line: the one place a SnapError becomes an exit code and a Dutch line on stderr."""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from . import isolate, logs
from .errors import BUG_MESSAGE, ExitCode, SnapError, TimeLimitError, bug_message
from .options import Limits, Options
from .settings import Settings, read_settings

__all__ = ["BUG_MESSAGE", "main", "run_with_deadline"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="snapdebrief", description="Snap de brief: explain a Dutch letter.")
    p.add_argument("--version", action="version", version=f"snapdebrief {_version()}")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("explain", help="explain one letter (several files = its pages, in order)")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("--json", action="store_true", help="print the JSON result")
    e.add_argument("--rules", action="append", metavar="DIR",
                   help="extra rules folder(s), separated by ':' (may be repeated; "
                        "replaces SNAPDEBRIEF_RULES)")
    e.add_argument("--today", type=date.fromisoformat, help="count days left from this date")
    e.add_argument("--region", help="help region (rules/help/NAME.yaml; default amsterdam)")
    e.add_argument("--lang", metavar="CODE",
                   help="the answer's language: nl (default), tr, ar, en, pl or uk (#20)")
    e.add_argument("--debug", action="store_true", help="show the traceback of a bug")
    e.add_argument("--time-limit", metavar="SECONDS",
                   help="stop after this many seconds (replaces SNAPDEBRIEF_TIME_LIMIT; "
                        f"default {Limits().total_seconds:g})")
    sub.add_parser("schema", help="print the JSON schema of `explain --json`")
    a = sub.add_parser("app", help="start the web app (Streamlit) with its privacy settings")
    a.add_argument("--port", type=int, default=8501)
    a.add_argument("--address", default="localhost",
                   help="address to listen on (default localhost; 0.0.0.0 for all)")
    w = sub.add_parser("worker", help="read letters from the queue at SNAPDEBRIEF_BROKER (#19)")
    w.add_argument("--concurrency", type=int, default=1,
                   help="processes, each reading one letter at a time (default 1)")
    s = sub.add_parser("serve", help="the HTTP API in front of the queue at SNAPDEBRIEF_BROKER")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000)
    sub.add_parser("rules", help="check, test or explain the rule files", add_help=False)
    sub.add_parser("eval", help="score the pipeline on samples/", add_help=False)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "rules":
        from .rules_cli import main as rules_main

        # rules_cli reads the settings once more, with its own --rules (settings.py)
        return _guard(lambda: _logged(rules_main, argv[1:]), debug="--debug" in argv)
    if argv and argv[0] == "eval":
        from .evaluate import main as eval_main

        return _guard(lambda: _logged(eval_main, argv[1:]), debug="--debug" in argv)
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from .contract import schema_text

        sys.stdout.write(schema_text())
        return int(ExitCode.OK)
    if args.command == "app":
        return _app(args.port, args.address)
    if args.command in ("worker", "serve"):
        return _guard(lambda: _service(args))
    return _guard(lambda: _explain(args), debug=args.debug)


def _door_settings(**flags: Any) -> Settings:
    """The settings of this command (settings.py: flags over SNAPDEBRIEF_*, over defaults),
    and the operator's log set up from them."""
    settings = read_settings(**flags)
    logs.configure(settings, default_level="WARNING")  # stderr is the resident's: quiet unless asked
    return settings


def _logged(run, argv: list[str]) -> int:
    """A subcommand with its own parser, after the operator's log is set up."""
    _door_settings()
    return run(argv)


def _app(port: int, address: str) -> int:
    """Run the app as `make run` does, from the folder whose .streamlit/config.toml Streamlit
    reads (no usage statistics, 20 MB uploads, no error details on screen)."""
    from .resources import app_folder

    folder = app_folder()
    os.chdir(folder)
    cmd = [sys.executable, "-m", "streamlit", "run", str(folder / "app.py"),
           "--server.port", str(port), "--server.address", address]
    os.execv(sys.executable, cmd)  # replaces this process: signals reach Streamlit directly
    return int(ExitCode.BUG)  # pragma: no cover - execv does not return


def _service(args: argparse.Namespace) -> int:
    """`snapdebrief worker` / `serve`: the queue's two sides (snapdebrief/service/)."""
    from .service.settings import ServiceSettings

    settings = ServiceSettings.from_settings(_door_settings())
    if args.command == "worker":
        from .service.worker import run_worker

        return run_worker(settings, concurrency=max(1, args.concurrency))
    from .service.api import serve

    return serve(settings, host=args.host, port=args.port)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("snapdebrief")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _guard(run, debug: bool = False) -> int:
    try:
        return int(run() or 0)
    except SnapError as exc:
        print(exc.user_message(), file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `snapdebrief rules test | head`: the reader stopped reading; no bug, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)
    except Exception:
        if debug:
            raise
        print(BUG_MESSAGE, file=sys.stderr)
        return int(ExitCode.BUG)


def _explain(args: argparse.Namespace) -> int:
    from .files import read_files

    # A bad --time-limit or --lang: a Dutch message and exit 2, before any work.
    settings = _door_settings(rules=args.rules, time_limit=args.time_limit, region=args.region,
                              lang=args.lang)
    options = settings.options(today=args.today, request_id=logs.new_request_id())
    lang, limits = options.lang, options.limits
    try:
        files = read_files(args.files, limits)
    except SnapError as exc:
        logs.letter_line(request_id=options.request_id, outcome="bad-input", error=exc.code,
                         files=len(args.files))
        raise _in_language(exc, lang) from None
    try:
        code, out, err = run_with_deadline(
            functools.partial(_answer, files, options, args.json), limits.total_seconds,
            args.debug, memory=limits.max_memory_bytes, request_id=options.request_id,
            temp_base=settings.tmpdir,
        )
    except SnapError as exc:
        raise _in_language(exc, lang) from None
    sys.stdout.write(out)
    sys.stderr.write(_message_in(err, lang))
    return code


def _message_in(text: str, lang: str) -> str:
    """stderr's Dutch message in the resident's language (a traceback with --debug stays)."""
    if not text or lang == "nl" or "Traceback" in text:
        return text
    from .lang.translate import message

    return message(text.rstrip("\n"), lang) + "\n"


def _in_language(exc: SnapError, lang: str) -> SnapError:
    """The same error, its message in the resident's language (code and exit code unchanged)."""
    if lang != "nl":
        exc.message = _message_in(exc.user_message(), lang)
    return exc


def _answer(files: list[bytes], options: Options, as_json: bool) -> str:
    from .pipeline import explain
    from .render import as_text

    # What the imports built lives as long as this process: frozen, the collector's full
    # passes while the letter is read skip it (~0.09 s of a cold run's CPU, #16).
    gc.freeze()
    result = explain(files, options)
    if as_json:
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    return as_text(result)


# ---------------------------------------------------------------- a hard time limit per letter


def run_with_deadline(work, seconds: float, debug: bool = False, memory: int | None = None,
                      request_id: str | None = None,
                      temp_base: Path | None = None) -> tuple[int, str, str]:
    """Run `work()` (→ stdout text) in a killable child process (isolate.py);
    (exit code, stdout, stderr). Without fork (not Linux/macOS) it runs here, without the limit.
    The child logs its letter's line; when it was killed or died, the line is logged here.
    A bug's message names `request_id`, the code of that line."""
    if not isolate.available():
        return _run_here(work, debug, request_id)
    try:
        return int(ExitCode.OK), isolate.run_isolated(work, seconds=seconds, memory=memory,
                                                      temp_base=temp_base, debug=debug), ""
    except SnapError as exc:
        if isinstance(exc, TimeLimitError):
            logs.letter_line(request_id=request_id, outcome="time-limit", error=exc.code,
                             seconds=round(seconds, 3))
            raise
        return int(exc.exit_code), "", exc.user_message() + "\n"
    except isolate.ChildCrashed as exc:
        if exc.died:
            logs.letter_line(request_id=request_id, outcome="crash", error="child-died")
        return int(ExitCode.BUG), "", (str(exc) if debug and str(exc) else bug_message(request_id)) + "\n"


def _run_here(work, debug: bool, request_id: str | None = None) -> tuple[int, str, str]:
    try:
        return int(ExitCode.OK), work(), ""
    except SnapError as exc:
        return int(exc.exit_code), "", exc.user_message() + "\n"
    except Exception:  # noqa: BLE001 - a bug: no traceback with letter content unless asked
        if debug:
            import traceback

            return int(ExitCode.BUG), "", traceback.format_exc()
        return int(ExitCode.BUG), "", bug_message(request_id) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
