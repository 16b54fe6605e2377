"""The HTTP API (#19): a small Starlette app; a thin door like cli.py and app.py.

    POST /v1/letters       multipart: `files` (the pages of ONE letter, in order), optional
                           `today` (YYYY-MM-DD), `region`, `lang` → 202 {"id": …}
    GET  /v1/letters/{id}  202 {"status": "pending"} · 200 the `explain --json` contract ·
                           400/500 {"error", "message"} · 404 once fetched or after 10 minutes
    GET  /healthz          200 when Redis answers, else 503
    GET  /metrics          Prometheus text: counts and timings, nothing of a letter

Errors are the library's typed errors with their Dutch messages: {"error": code, "message": …}.
Redis is asked with a short timeout, so a stopped Redis gives a 503 within seconds, never a hung
request. No access log: a URL holds a letter's id, the one key to its answer.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any
from uuid import uuid4

import redis
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import BUG_MESSAGE, BadInputError, SnapError
from .errors import AnswerNotFoundError, QueueUnavailableError
from .form import read_form
from .settings import ServiceSettings
from .store import LetterStore, new_letter_id, valid_id
from .worker import QUEUE, TASK, make_celery

BUCKETS = (0.5, 1, 2, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300)
REDIS_DOWN = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class Metrics:
    """Counts and timings only: codes, statuses and seconds, never a letter's content or id."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.received = Counter("snapdebrief_letters_received", "Letters accepted into the queue",
                                registry=r)
        self.refused = Counter("snapdebrief_letters_refused", "Letters refused at upload, by code",
                               ["code"], registry=r)
        self.answers = Counter("snapdebrief_answers", "Answers handed out, by HTTP status",
                               ["status"], registry=r)
        self.unavailable = Counter("snapdebrief_queue_unavailable",
                                   "Requests answered 503 because Redis did not answer", registry=r)
        self.retried = Counter("snapdebrief_letters_retried",
                               "Answers of letters whose first worker died", registry=r)
        self.turnaround = Histogram("snapdebrief_answer_seconds",
                                    "Upload to answer ready (queue wait + reading)",
                                    buckets=BUCKETS, registry=r)
        self.reading = Histogram("snapdebrief_read_seconds", "Reading one letter in a worker",
                                 buckets=BUCKETS, registry=r)
        self.cpu = Histogram("snapdebrief_letter_cpu_seconds", "CPU seconds of one letter",
                             buckets=BUCKETS, registry=r)
        self.queued = Gauge("snapdebrief_queue_length", "Letters waiting for a worker", registry=r)

    def answered(self, status: int, envelope: dict[str, Any]) -> None:
        self.answers.labels(str(status)).inc()
        if envelope.get("tries", 1) > 1:
            self.retried.inc()
        for hist, key in ((self.reading, "seconds"), (self.cpu, "cpu")):
            if isinstance(envelope.get(key), (int, float)):
                hist.observe(envelope[key])
        if isinstance(envelope.get("seconds"), (int, float)) and isinstance(
                envelope.get("waited"), (int, float)):
            self.turnaround.observe(envelope["waited"] + envelope["seconds"])


def _error(exc: SnapError, status: int | None = None) -> JSONResponse:
    status = status or getattr(exc, "status", None) or (400 if isinstance(exc, BadInputError)
                                                        else 500)
    return JSONResponse({"error": exc.code, "message": exc.user_message()}, status_code=status)


def create_app(settings: ServiceSettings) -> Starlette:
    celery = make_celery(settings)
    store: LetterStore = celery.snapdebrief_store  # type: ignore[attr-defined]
    metrics = Metrics()
    limits = settings.limits

    def enqueue(files: list[bytes], form: dict[str, Any]) -> str:
        letter_id, task_id = new_letter_id(), str(uuid4())
        store.put(letter_id, task_id, files)
        try:
            celery.send_task(TASK, args=[letter_id, form], task_id=task_id, queue=QUEUE,
                             expires=settings.answer_seconds, retry=False)
        except Exception:
            store.forget(letter_id)
            raise
        return letter_id

    async def post_letter(request: Request) -> Response:
        try:
            form = await read_form(request.headers.get("content-type", ""), request.stream(),
                                   limits, date.today())
        except SnapError as exc:
            metrics.refused.labels(exc.code).inc()
            return _error(exc)
        settings_ = {"today": form.today.isoformat() if form.today else date.today().isoformat(),
                     "region": form.region, "lang": form.lang, "posted": time.time()}
        try:
            letter_id = await run_in_threadpool(enqueue, form.files, settings_)
        except Exception:  # noqa: BLE001 - Redis or the publish failed: nothing was accepted
            metrics.unavailable.inc()
            return _error(QueueUnavailableError())
        metrics.received.inc()
        return JSONResponse({"id": letter_id}, status_code=202)

    async def get_letter(request: Request) -> Response:
        letter_id = request.path_params["id"]
        if not valid_id(letter_id):
            return _error(AnswerNotFoundError())
        try:
            taken = await run_in_threadpool(store.take, letter_id)
        except REDIS_DOWN:
            metrics.unavailable.inc()
            return _error(QueueUnavailableError())
        if taken.state == "unknown":
            return _error(AnswerNotFoundError())
        if taken.state == "pending":
            return JSONResponse({"status": "pending"}, status_code=202)
        meta = taken.meta or {}
        envelope = meta.get("result") if meta.get("status") == "SUCCESS" else None
        if not isinstance(envelope, dict) or envelope.get("status") not in (200, 400, 500):
            envelope = {"status": 500, "body": {"error": SnapError.code, "message": BUG_MESSAGE}}
        metrics.answered(envelope["status"], envelope)
        return JSONResponse(envelope["body"], status_code=envelope["status"])

    async def healthz(request: Request) -> Response:
        try:
            await run_in_threadpool(store.ping)
        except REDIS_DOWN:
            return _error(QueueUnavailableError())
        return JSONResponse({"status": "ok"})

    async def prometheus(request: Request) -> Response:
        try:
            metrics.queued.set(await run_in_threadpool(store.redis.llen, QUEUE))
        except REDIS_DOWN:
            metrics.queued.set(float("nan"))
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    app = Starlette(routes=[
        Route("/v1/letters", post_letter, methods=["POST"]),
        Route("/v1/letters/{id}", get_letter, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", prometheus, methods=["GET"]),
    ])
    app.state.store = store
    return app


def serve(settings: ServiceSettings, host: str = "127.0.0.1", port: int = 8000) -> int:
    import uvicorn

    from .. import logs

    logs.configure(settings.base, default_level="INFO")
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False,
                log_level="warning", server_header=False)
    return 0
