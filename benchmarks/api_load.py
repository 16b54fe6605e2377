"""Throughput of the HTTP API and its workers (#19): 50 residents' photos at once, 1 and 2 workers.

Usage:  .venv/bin/python benchmarks/load.py api [--letters 50] [--workers 1,2] [--timeout 900]
        (or benchmarks/api_load.py with the same options)

Starts, on free ports of 127.0.0.1 only, redis-server as `make serve` does (persistence off, an
empty temporary --dir), the API (`snapdebrief serve`) and N `snapdebrief worker`s; per N: one
warm-up letter, then all letters POSTed at the same moment and each polled until its answer.
Prints per N: letters per minute (letters / time from the first POST to the last answer),
p50/p95/max answer time (POST to answer), CPU and wall seconds per letter in the worker (their
own count, from /metrics), the highest 1-minute load average seen, and whether anything was left in Redis (keys of letters or answers) or in Redis's
folder afterwards. Letters are phone photos (samples/generated/photo, OCR): run `make samples`.
Bounded: --letters requests per N, each answer waits at most --timeout seconds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT / "samples" / "generated" / "photo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(args, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001,S110 - not up yet (refused, reset, loading)
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not start within {seconds:.0f} s")


# How often a waiting client asks for its answer. At 0.2 s with a new connection each time, 50
# waiting clients made ~250 requests a second: the API, Redis and this script then took about
# half a core of the two the workers were measured on. A portal would poll about once a second.
POLL_SECONDS = 1.0


def one_letter(client: httpx.Client, url: str, data: bytes, timeout: float) -> tuple[float, int]:
    """(seconds from POST to answer, HTTP status of the answer); one kept-alive client."""
    started = time.perf_counter()
    sent = client.post(url + "/v1/letters", files=[("files", ("brief.jpg", data, "image/jpeg"))],
                       timeout=60)
    if sent.status_code != 202:
        return time.perf_counter() - started, sent.status_code
    letter = sent.json()["id"]
    while time.perf_counter() - started < timeout:
        time.sleep(POLL_SECONDS)
        got = client.get(f"{url}/v1/letters/{letter}", timeout=60)
        if got.status_code != 202:
            return time.perf_counter() - started, got.status_code
    return time.perf_counter() - started, 0


def from_metrics(url: str) -> dict[str, float]:
    """The workers' own sums per letter, as /metrics has them: CPU seconds and reading seconds
    (wall time in the worker; more than the CPU when the machine's cores are busy elsewhere)."""
    text = httpx.get(url + "/metrics", timeout=10).text
    out = {}
    for name in ("letter_cpu_seconds_sum", "letter_cpu_seconds_count", "read_seconds_sum"):
        found = re.search(rf"^snapdebrief_{name} (\S+)$", text, re.MULTILINE)
        out[name] = float(found.group(1)) if found else 0.0
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(workers: int, photos: list[bytes], timeout: float) -> str:
    from snapdebrief.service.store import LetterStore

    base = Path(tempfile.mkdtemp(prefix="sd-api-load-"))
    redis_dir = base / "redis"
    redis_dir.mkdir()
    redis_port, api_port = free_port(), free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = {**os.environ, "SNAPDEBRIEF_BROKER": broker, "SNAPDEBRIEF_LOG_LEVEL": "WARNING"}
    url = f"http://127.0.0.1:{api_port}"
    procs = [start([shutil.which("redis-server") or "redis-server", "--port", str(redis_port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", str(redis_dir)], env, base)]
    try:
        store = LetterStore(broker, 600)
        wait_until(store.ping, 10, "redis-server")
        procs.append(start([sys.executable, "-m", "snapdebrief.cli", "serve", "--port",
                            str(api_port)], env, base))
        procs += [start([sys.executable, "-m", "snapdebrief.cli", "worker"], env, base)
                  for _ in range(workers)]
        wait_until(lambda: httpx.get(url + "/healthz", timeout=2).status_code == 200, 60, "API")
        client = httpx.Client(limits=httpx.Limits(max_connections=len(photos) + 4))
        for data in photos[:workers]:  # warm-up: every worker has read a letter
            one_letter(client, url, data, timeout)
        before = from_metrics(url)
        load = os.getloadavg()[0]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(photos)) as pool:
            outcomes = list(pool.map(lambda d: one_letter(client, url, d, timeout), photos))
        client.close()
        wall = time.perf_counter() - started
        after = from_metrics(url)
        load = max(load, os.getloadavg()[0])
        left = store.leftovers()
        on_disk = [p.name for p in redis_dir.iterdir()]
    finally:
        for proc in reversed(procs):
            stop(proc)
        shutil.rmtree(base, ignore_errors=True)
    secs = [s for s, status in outcomes if status == 200]
    answered = len(secs)
    per_min = answered / wall * 60
    delta = {k: after[k] - before[k] for k in after}
    letters = max(1.0, delta["letter_cpu_seconds_count"])
    cpu, reading = delta["letter_cpu_seconds_sum"] / letters, delta["read_seconds_sum"] / letters
    print(f"{workers} worker(s): {answered}/{len(photos)} answered in {wall:.0f} s", file=sys.stderr)
    return (f"| {workers} | {len(photos)} | {answered} | {per_min:.1f} | {pct(secs, 50):.1f} | "
            f"{pct(secs, 95):.1f} | {max(secs):.1f} | {statistics.mean(secs):.1f} | {cpu:.2f} | "
            f"{reading:.2f} | {len(left)} | {len(on_disk)} | {load:.1f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, default=50, help="photos sent at once per run")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    ap.add_argument("--timeout", type=float, default=900, help="seconds one answer may take")
    args = ap.parse_args(argv)
    if shutil.which("redis-server") is None:
        raise SystemExit("no redis-server: `make serve` or `make test` installs it")
    files = sorted(PHOTOS.glob("*.jpg"))
    if not files:
        raise SystemExit("no samples/generated/photo: run `make samples` first")
    photos = [files[i % len(files)].read_bytes() for i in range(args.letters)]
    rows = [("| workers | letters | answered | letters/min | p50 s | p95 s | max s | mean s | "
            "CPU s/letter | worker s/letter | keys left in Redis | files in Redis's dir | "
             "load avg |"),
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for n in (int(x) for x in args.workers.split(",")):
        rows.append(run(n, photos, args.timeout))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
