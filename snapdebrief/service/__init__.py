"""Past one machine (#19): an HTTP API in front of a queue, and workers that read the letters.

    POST /v1/letters ──► Redis (the letter's files, 10 minutes at most) ──► Celery task
    GET  /v1/letters/{id} ◄── the answer, deleted when fetched ◄── `snapdebrief worker`

- `settings.py` — the frozen settings, read from the environment by the edges only.
- `errors.py`   — the service's own typed errors (queue down, unknown answer, bad form).
- `store.py`    — the Redis keys of one letter, and the one atomic "take the answer".
- `worker.py`   — the Celery app and its one task: `pipeline.explain` in the CLI's killable child.
- `form.py`     — the multipart upload read in memory, with the CLI's limits and messages.
- `api.py`      — the Starlette app: the four routes and the Prometheus metrics.
- `client.py`   — submit a letter and wait for its answer (the Streamlit app's queue path).
"""
