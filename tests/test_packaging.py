"""The package as a municipality's IT gets it: a wheel that carries its rules and data, a version
that agrees with CHANGELOG.md, and nothing that points outside the repository (#17)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LETTER = ROOT / "samples" / "letters" / "cjib-aanmaning-01-eerste-aanmaning-wahv.txt"


def test_every_package_folder_is_listed_in_pyproject() -> None:
    """The package list is explicit (rules/ is mapped into it): a new subpackage must be added."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "snapdebrief").rglob("*")
        if p.suffix in (".py", ".yaml", ".json") and "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {
        "snapdebrief._rules": "rules", "snapdebrief._app": "."}
    top_level_modules = sorted(p.name for p in ROOT.glob("*.py"))
    assert top_level_modules == ["app.py"], "every *.py at the top ships in snapdebrief._app"


def test_changelog_names_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", text, flags=re.MULTILINE)
    assert released and released[0] == PYPROJECT["project"]["version"]


def test_licence_is_the_complete_eupl_1_2() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "15. Applicable Law" in text and "Appendix" in text
    assert "this Licence or updated versions of the Appendix" in text
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"


def test_no_path_outside_the_repository() -> None:
    """git grep finds no absolute path of a developer's machine and no file beside the clone."""
    pattern = r"((^|[[:space:]\"'(=])(/work|/home|/root|/Users)/|\.\./shared/|letters-nl\.md)"
    proc = subprocess.run(
        ["git", "grep", "-n", "-E", pattern, "--", ".", ":!tests/test_packaging.py"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if proc.returncode == 128:
        pytest.skip("not a git checkout")
    assert proc.stdout == ""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A wheel built from this tree, installed in a fresh venv; its python.

    The fresh venv gets the wheel alone (--no-deps). Its dependencies are borrowed read-only
    from the test's own environment by a .pth line, after the venv's own site-packages: that
    environment runs snapdebrief from this tree (an editable install), but a .pth line adds a
    folder to the path without activating that folder's own editable finder, so `import
    snapdebrief` finds only the wheel. Downloading ~400 MB of dependencies per run would test
    PyPI, not our package. SNAPDEBRIEF_WHEEL_FULL=1 installs them from the runtime lock instead.
    """
    tmp = tmp_path_factory.mktemp("wheel")
    dist, venv, src = tmp / "dist", tmp / "venv", tmp / "src"
    # Built from a copy of what the wheel is made of: setuptools writes build/ and *.egg-info
    # into the tree it builds, and the checkout is shared.
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "app.py"):
        shutil.copy2(ROOT / name, src / name)
    for folder in ("snapdebrief", "rules", ".streamlit"):
        shutil.copytree(ROOT / folder, src / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    build = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)]
    if not os.environ.get("SNAPDEBRIEF_WHEEL_FULL"):
        build.insert(5, "--no-build-isolation")  # setuptools>=77 is a dev dependency: no network
    subprocess.run(build, check=True, cwd=tmp, capture_output=True, timeout=600)
    wheel = next(dist.glob("snapdebrief-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if os.environ.get("SNAPDEBRIEF_WHEEL_FULL"):
        subprocess.run([*pip, "-r", str(ROOT / "requirements" / "runtime.txt"), str(wheel)],
                       check=True, timeout=1800)
    else:
        subprocess.run([*pip, "--no-deps", str(wheel)], check=True, timeout=300)
        site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              check=True, capture_output=True, text=True).stdout.strip()
        borrowed = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
        Path(site, "zz-borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    return python


def _run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SNAPDEBRIEF_"))}
    return subprocess.run([str(python), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


@pytest.mark.slow
def test_the_wheel_explains_a_letter_from_another_folder(installed: Path, tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes(LETTER.read_bytes())
    script = installed.parent / "snapdebrief"

    where = _run(installed, "-c", "import snapdebrief, snapdebrief.resources as r; "
                 "print(snapdebrief.__file__); print(r.rules_dir())", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    package, rules = where.stdout.split()
    venv = str(installed.parent.parent)
    assert package.startswith(venv) and rules.startswith(venv), where.stdout
    assert not package.startswith(str(ROOT)) and rules.endswith("_rules")

    run = _run(script, "explain", str(letter), "--json", "--today", "2026-03-20", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["kind"] == "cjib-aanmaning" and out["sender"] == "CJIB"
    assert out["explanation"]["help"], "help entries come from the wheel's rules/help"

    version = _run(script, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"snapdebrief {PYPROJECT['project']['version']}"
    schema = _run(script, "schema", cwd=tmp_path)
    assert schema.stdout == (ROOT / "snapdebrief" / "contract" / "explain.schema.json").read_text()
    checked = _run(script, "rules", "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_the_wheel_starts_the_app_with_its_settings(installed: Path, tmp_path: Path) -> None:
    """`snapdebrief app` serves the packaged app.py from the folder of its .streamlit/config.toml."""
    where = _run(installed, "-c", "from snapdebrief.resources import app_folder; print(app_folder())",
                 cwd=tmp_path)
    folder = Path(where.stdout.strip())
    assert folder.is_relative_to(installed.parent.parent), where.stdout + where.stderr
    assert (folder / "app.py").is_file()
    assert "gatherUsageStats = false" in (folder / ".streamlit" / "config.toml").read_text()

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SNAPDEBRIEF_"))}
    server = subprocess.Popen([str(installed.parent / "snapdebrief"), "app", "--port", str(port),
                               "--address", "127.0.0.1"], cwd=tmp_path, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    assert r.read() == b"ok"
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "the app did not answer in 90 s"
                time.sleep(0.5)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
