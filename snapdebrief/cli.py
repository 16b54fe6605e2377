"""The command line: the one place a SnapError becomes an exit code and a Dutch line on stderr."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from .errors import ExitCode, SnapError
from .options import Options

BUG_MESSAGE = (
    "Er ging iets mis in het programma. Dit is niet jouw fout. "
    "Probeer het opnieuw of vraag hulp aan een vrijwilliger."
)


def _rules_dirs(arg: str | None) -> tuple[Path, ...]:
    raw = arg or os.environ.get("SNAPDEBRIEF_RULES", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="snapdebrief", description="Snap de brief: explain a Dutch letter.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("explain", help="explain one letter (several files = its pages, in order)")
    e.add_argument("files", nargs="+", type=Path)
    e.add_argument("--json", action="store_true", help="print the JSON result")
    e.add_argument("--rules", help="extra rules folder(s), separated by ':'")
    e.add_argument("--today", type=date.fromisoformat, help="count days left from this date")
    e.add_argument("--region", default="amsterdam", help="help region (rules/help/NAME.yaml)")
    e.add_argument("--debug", action="store_true", help="show the traceback of a bug")
    sub.add_parser("rules", help="check, test or explain the rule files", add_help=False)
    sub.add_parser("eval", help="score the pipeline on samples/", add_help=False)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "rules":
        from .rules_cli import main as rules_main

        return _guard(lambda: rules_main(argv[1:]), debug="--debug" in argv)
    if argv and argv[0] == "eval":
        from .evaluate import main as eval_main

        return _guard(lambda: eval_main(argv[1:]), debug="--debug" in argv)
    args = _parser().parse_args(argv)
    return _guard(lambda: _explain(args), debug=args.debug)


def _guard(run, debug: bool = False) -> int:
    try:
        return int(run() or 0)
    except SnapError as exc:
        print(exc.user_message(), file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - a bug: no traceback with letter content unless asked
        if debug:
            raise
        print(BUG_MESSAGE, file=sys.stderr)
        return int(ExitCode.BUG)


def _read_files(paths: list[Path], limit: int) -> list[bytes]:
    from .errors import BadInputError, FileTooLargeError

    out = []
    for path in paths:
        try:
            size = path.stat().st_size
            if size > limit:
                raise FileTooLargeError(size, limit)
            out.append(path.read_bytes())
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            raise BadInputError(f"We kunnen het bestand {path.name} niet openen. Kijk of de naam klopt.") from exc
    return out


def _explain(args: argparse.Namespace) -> int:
    from .pipeline import explain
    from .render import as_text

    options = Options(
        today=args.today or date.today(), rules_dirs=_rules_dirs(args.rules), region=args.region
    )
    files = _read_files(args.files, options.limits.max_file_bytes)
    result = explain(files, options)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_text(result))
    return int(ExitCode.OK)


if __name__ == "__main__":
    raise SystemExit(main())
