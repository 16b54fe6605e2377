"""One settings module for every door (settings.py, #18): the environment and the flags read
once, flags over variables over defaults; the same rule folders, the same Dutch message for a bad
time limit and the same bug message at the CLI, `rules`, the app and the worker."""

from __future__ import annotations

import functools
import io
import os
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from snapdebrief import cli, rules_cli
from snapdebrief.errors import (
    BUG_MESSAGE,
    RuleFileError,
    SettingError,
    UnknownLanguageError,
    bug_message,
)
from snapdebrief.options import Limits
from snapdebrief.service.settings import ServiceSettings
from snapdebrief.service.worker import _bug, options_from
from snapdebrief.settings import Settings, read_settings

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
LETTER = ROOT / "samples" / "letters" / "belasting-aanmaning-01-ib-2024.txt"
SEP = os.pathsep
BAD_TIME = ("De instelling SNAPDEBRIEF_TIME_LIMIT klopt niet: 'abc'. "
            "Geef een aantal seconden groter dan 0, bijvoorbeeld 180.")


# ---------------------------------------------------------------- parsing


def test_defaults_without_environment() -> None:
    s = read_settings({})
    assert s == Settings()
    assert (s.rules_dirs, s.region, s.lang, s.time_limit) == ((), "amsterdam", "nl", Limits().total_seconds)
    assert (s.tmpdir, s.log_level, s.log_format, s.broker) == (None, None, "text", None)


def test_environment_only() -> None:
    s = read_settings({
        "SNAPDEBRIEF_RULES": f"/a{SEP}{SEP} {SEP}/b", "SNAPDEBRIEF_TIME_LIMIT": " 42.5 ",
        "SNAPDEBRIEF_TMPDIR": "/tmp/letters", "SNAPDEBRIEF_LOG_LEVEL": "debug",
        "SNAPDEBRIEF_LOG_FORMAT": "JSON", "SNAPDEBRIEF_BROKER": "redis://h:1/0",
    })
    assert s.rules_dirs == (Path("/a"), Path("/b"))  # empty parts skipped
    assert s.time_limit == 42.5 and s.limits == Limits(total_seconds=42.5)
    assert (s.tmpdir, s.log_level, s.log_format, s.broker) == (
        Path("/tmp/letters"), "DEBUG", "json", "redis://h:1/0")


def test_flags_only() -> None:
    s = read_settings({}, rules=["/c", f"/d{SEP}/e"], time_limit="7", region="utrecht", lang="EN")
    assert s.rules_dirs == (Path("/c"), Path("/d"), Path("/e"))
    assert (s.time_limit, s.region, s.lang) == (7.0, "utrecht", "en")
    assert read_settings({}, rules="/x").rules_dirs == (Path("/x"),)


def test_a_flag_replaces_its_variable() -> None:
    env = {"SNAPDEBRIEF_RULES": f"/a{SEP}/b", "SNAPDEBRIEF_TIME_LIMIT": "30"}
    s = read_settings(env, rules=["/c"], time_limit=60)
    assert s.rules_dirs == (Path("/c"),)  # not /a, /b, /c: --rules replaces SNAPDEBRIEF_RULES
    assert s.time_limit == 60
    assert read_settings(env, rules=[]).rules_dirs == (Path("/a"), Path("/b"))  # none given
    # a flag that is given makes a broken variable irrelevant
    assert read_settings({"SNAPDEBRIEF_TIME_LIMIT": "abc"}, time_limit="5").time_limit == 5


@pytest.mark.parametrize("value", [
    pytest.param("abc", id="word"), pytest.param("0", id="zero"), pytest.param("-3", id="negative"),
    pytest.param("nan", id="nan"), pytest.param("inf", id="infinite"), pytest.param("3,5", id="comma"),
])
def test_a_bad_time_limit_is_a_dutch_setting_error(value: str) -> None:
    with pytest.raises(SettingError) as raised:
        read_settings({"SNAPDEBRIEF_TIME_LIMIT": value})
    exc = raised.value
    assert (exc.code, int(exc.exit_code), exc.name, exc.value) == ("E115", 2, "SNAPDEBRIEF_TIME_LIMIT", value)
    assert exc.user_message() == BAD_TIME.replace("'abc'", f"'{value}'")
    with pytest.raises(SettingError, match="De instelling --time-limit klopt niet"):
        read_settings({}, time_limit=value)


def test_an_empty_time_limit_is_the_default() -> None:
    assert read_settings({"SNAPDEBRIEF_TIME_LIMIT": " "}).time_limit == Limits().total_seconds


def test_an_unknown_language_keeps_its_own_error() -> None:
    with pytest.raises(UnknownLanguageError):
        read_settings({}, lang="fr")


def test_an_unknown_log_level_or_format_is_the_door_default() -> None:
    """As before there was one settings module: the log's settings stop no door."""
    s = read_settings({"SNAPDEBRIEF_LOG_LEVEL": "loud", "SNAPDEBRIEF_LOG_FORMAT": "xml"})
    assert (s.log_level, s.log_format) == (None, "text")


def test_options_from_settings() -> None:
    s = read_settings({"SNAPDEBRIEF_RULES": "/a", "SNAPDEBRIEF_TIME_LIMIT": "9"}, region="utrecht")
    o = s.options(today=date(2026, 3, 20), request_id="r", keep_images=True)
    assert (o.today, o.rules_dirs, o.region, o.lang, o.limits.total_seconds) == (
        date(2026, 3, 20), (Path("/a"),), "utrecht", "nl", 9.0)
    assert (o.request_id, o.keep_images) == ("r", True)
    assert s.options(region="zwolle", lang="ar").region == "zwolle"  # the letter's own choice


# ---------------------------------------------------------------- every door, the same folders


def _cli_options(monkeypatch: pytest.MonkeyPatch, *flags: str):
    seen = {}

    def fake(work, seconds, *args, **kwargs):
        assert isinstance(work, functools.partial)
        seen["options"] = work.args[1]
        return 0, "", ""

    monkeypatch.setattr(cli, "run_with_deadline", fake)
    assert cli.main(["explain", str(LETTER), *flags]) == 0
    return seen["options"]


def _rules_cli_dirs(monkeypatch: pytest.MonkeyPatch, *flags: str) -> tuple[Path, ...]:
    seen = {}

    def fake(dirs):
        seen["dirs"] = tuple(dirs)
        raise RuleFileError("x", None, "stop here")

    monkeypatch.setattr(rules_cli, "load_rules", fake)
    assert rules_cli.main(["check", *flags], out=io.StringIO(), err=io.StringIO()) == 2
    return seen["dirs"]


def _app_options(monkeypatch: pytest.MonkeyPatch):
    seen = []
    real = Settings.options

    def recording(self, **kwargs):
        out = real(self, **kwargs)
        seen.append(out)
        return out

    monkeypatch.setattr(Settings, "options", recording)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    return seen[-1]


def _worker_options():
    settings = ServiceSettings.from_environ({**os.environ, "SNAPDEBRIEF_BROKER": "redis://x:1/0"})
    return options_from(settings, {"today": "2026-03-20"})


def test_every_door_reads_the_same_rule_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    team, other = tmp_path / "team", tmp_path / "other"
    monkeypatch.setenv("SNAPDEBRIEF_RULES", f"{team}{SEP}{other}")
    monkeypatch.setenv("SNAPDEBRIEF_TIME_LIMIT", "77")
    want = (team, other)
    cli_opts = _cli_options(monkeypatch)
    assert cli_opts.rules_dirs == want and cli_opts.limits.total_seconds == 77
    assert _rules_cli_dirs(monkeypatch) == want
    worker = _worker_options()
    assert worker.rules_dirs == want and worker.limits.total_seconds == 77
    app = _app_options(monkeypatch)
    assert app.rules_dirs == want and app.limits.total_seconds == 77
    # with the flag (the app and the worker have none): the flag's folders only
    flag = tmp_path / "flag"
    assert _cli_options(monkeypatch, "--rules", str(flag)).rules_dirs == (flag,)
    assert _rules_cli_dirs(monkeypatch, "--rules", str(flag)) == (flag,)
    assert _cli_options(monkeypatch, "--rules", str(flag), "--rules", str(team)).rules_dirs == (flag, team)
    assert _rules_cli_dirs(monkeypatch, "--rules", f"{flag}{SEP}{team}") == (flag, team)


# ---------------------------------------------------------------- the same message at every door


def test_a_bad_time_limit_stops_every_door_with_one_message(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("SNAPDEBRIEF_TIME_LIMIT", "abc")
    monkeypatch.setenv("SNAPDEBRIEF_BROKER", "redis://127.0.0.1:1/0")  # never reached
    for argv in (["explain", str(LETTER)], ["rules", "check"], ["worker"], ["serve"]):
        assert cli.main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert (out, err) == ("", BAD_TIME + "\n"), argv
    assert cli.main(["explain", str(LETTER), "--time-limit", "0"]) == 2
    assert capsys.readouterr().err == BAD_TIME.replace("SNAPDEBRIEF_TIME_LIMIT", "--time-limit").replace(
        "'abc'", "'0'") + "\n"
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == [BAD_TIME]


def test_one_bug_message_with_the_request_id() -> None:
    code, out, err = cli._run_here(lambda: 1 / 0, False, "0123456789ab")
    assert (code, out) == (1, "")
    assert err == bug_message("0123456789ab") + "\n"
    assert err.startswith(BUG_MESSAGE + " ") and "0123456789ab." in err
    assert _bug("0123456789ab")["body"]["message"] == bug_message("0123456789ab")
    assert _bug()["body"]["message"] == bug_message() == BUG_MESSAGE  # no letter, no code


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "pl", "uk"])
def test_the_bug_message_with_its_code_is_translated(lang: str) -> None:
    from snapdebrief.lang.translate import message

    shown = message(bug_message("0123456789ab"), lang)
    assert "0123456789ab" in shown
    assert "Noem dan" not in shown and "Dit is niet jouw fout" not in shown
