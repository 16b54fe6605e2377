"""A real service for the API tests (#19): redis-server on a free loopback port, real
`snapdebrief worker` processes and `snapdebrief serve`, each in its own subprocess.

Every process gets a fresh, empty working folder, TMPDIR and HOME; after the tests they must be
empty again (HOME may hold only the rule cache), Redis has no dump file, and nothing of ours is
left in /dev/shm. Redis runs with persistence off, as `make serve` starts it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from ..bad_inputs.conftest import only_the_rule_cache
from ..leftovers import leftovers

REDIS = shutil.which("redis-server")
START_SECONDS = 60  # a worker loads spaCy, the rules and Tesseract before it takes letters


def _need_redis() -> None:
    if REDIS is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: scripts/install-system.sh installs it")
        pytest.skip("redis-server is not installed (make test installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    """The processes of one service and the folders they were given."""

    base: Path
    redis_port: int
    api_port: int
    time_limit: float = 60.0
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def broker(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def env(self, name: str) -> dict[str, str]:
        home, tmp = self.base / name / "home", self.base / name / "tmp"
        for folder in (home, tmp):
            folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SNAPDEBRIEF_")}
        env.update(HOME=str(home), TMPDIR=str(tmp), XDG_CACHE_HOME=str(home / ".cache"),
                   SNAPDEBRIEF_BROKER=self.broker, SNAPDEBRIEF_TIME_LIMIT=str(self.time_limit),
                   SNAPDEBRIEF_LOG_LEVEL="WARNING", PYTHONDONTWRITEBYTECODE="1")
        return env

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        cwd = self.base / name / "cwd"
        cwd.mkdir(parents=True, exist_ok=True)
        proc = subprocess.Popen(args, cwd=cwd, env=self.env(name), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        self.procs[name] = proc
        return proc

    def start_redis(self) -> None:
        folder = self.base / "redis" / "cwd"
        folder.mkdir(parents=True, exist_ok=True)
        self.start("redis", [REDIS, "--port", str(self.redis_port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(folder)])
        import redis

        client = redis.Redis(port=self.redis_port, socket_connect_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def start_worker(self, name: str) -> subprocess.Popen:
        return self.start(name, [sys.executable, "-m", "snapdebrief.cli", "worker"])

    def start_api(self) -> None:
        self.start("api", [sys.executable, "-m", "snapdebrief.cli", "serve",
                           "--port", str(self.api_port)])
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the API did not start")

    def wait_for_workers(self, count: int) -> None:
        """Until `count` workers are listening on the queue (each one's pool is up)."""
        from snapdebrief.service.settings import ServiceSettings
        from snapdebrief.service.worker import make_celery

        app = make_celery(ServiceSettings(broker=self.broker))
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            replies = app.control.ping(timeout=0.5) or []
            if len(replies) >= count:
                return
        raise RuntimeError("the workers did not start")

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # the process group we started, nothing else
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        except ProcessLookupError:
            pass

    def stop_all(self) -> None:
        for name in [n for n in self.procs if n != "redis"] + ["redis"]:
            self.stop(name)

    def leftovers(self) -> list[str]:
        """Files anywhere in the service's folders but the rule cache in a HOME."""
        found = []
        for part in self.base.iterdir():
            for sub in ("cwd", "tmp"):
                folder = part / sub
                if folder.exists():
                    found += [str(p) for p in folder.rglob("*")]
            home = part / "home"
            if home.exists() and not only_the_rule_cache(home):
                found.append(str(home))
        return found


def shm_ours() -> set[str]:
    """Our entries in /dev/shm whose maker has ended (another job's live folder is no leftover
    of the service: tests/leftovers.py)."""
    return {Path(p).name for p in leftovers([Path("/dev/shm")])}


@pytest.fixture(scope="package")
def service() -> Iterator[Service]:
    """Redis, two workers and the API, for all tests in this folder."""
    _need_redis()
    before = shm_ours()
    base = Path(tempfile.mkdtemp(prefix="sd-api-"))
    svc = Service(base=base, redis_port=free_port(), api_port=free_port())
    try:
        svc.start_redis()
        svc.start_worker("worker-1")
        svc.start_worker("worker-2")
        svc.start_api()
        svc.wait_for_workers(2)
        yield svc
    finally:
        svc.stop_all()
        left = svc.leftovers()
        shutil.rmtree(base, ignore_errors=True)
    assert left == [], left
    assert shm_ours() - before == set()
