"""Send one letter through the queue and wait for its whole Result: the Streamlit app's path
when SNAPDEBRIEF_BROKER is set (#19), so many desks share the workers of many machines.

It talks to Redis directly, as the API does (same store, same task), and asks for the whole
Result (wire.py) that the app's screens need. Errors come back as the in-process path raises
them: the letter's own Dutch message as a SnapError, a bug as isolate.ChildCrashed, a Redis
that does not answer as QueueUnavailableError.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from uuid import uuid4

from .. import isolate
from ..errors import TimeLimitError
from ..options import Options
from ..result import Result
from .errors import QueueUnavailableError
from .settings import ServiceSettings
from .store import LetterStore, new_letter_id
from .wire import load_result
from .worker import QUEUE, TASK, make_celery

POLL_SECONDS = 0.1


class QueueClient:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self.celery = make_celery(settings)
        self.store: LetterStore = self.celery.snapdebrief_store  # type: ignore[attr-defined]

    def explain(self, files: Sequence[bytes], options: Options) -> Result:
        """Like pipeline.explain(files, options), read by a worker: today, region and OCR
        language come from `options`; rules and time limit are the workers' own settings."""
        letter_id, task_id = new_letter_id(), str(uuid4())
        form = {"today": options.today.isoformat(), "region": options.region,
                "lang": options.ocr_lang, "posted": time.time(), "answer": "result",
                "images": options.keep_images}
        try:
            self.store.put(letter_id, task_id, list(files))
            self.celery.send_task(TASK, args=[letter_id, form], task_id=task_id, queue=QUEUE,
                                  expires=self.settings.answer_seconds, retry=False)
        except Exception as exc:  # Redis down: nothing was accepted
            raise QueueUnavailableError() from exc
        deadline = time.monotonic() + self.settings.answer_seconds
        while time.monotonic() < deadline:
            try:
                taken = self.store.take(letter_id)
            except Exception as exc:  # Redis down while waiting
                raise QueueUnavailableError() from exc
            if taken.state == "done":
                return self._result(taken.meta or {})
            if taken.state == "unknown":
                break
            time.sleep(POLL_SECONDS)
        raise TimeLimitError()

    @staticmethod
    def _result(meta: dict) -> Result:
        envelope = meta.get("result") if meta.get("status") == "SUCCESS" else None
        if not isinstance(envelope, dict) or envelope.get("status") not in (200, 400):
            raise isolate.ChildCrashed("")
        body = envelope["body"]
        if envelope["status"] == 400:
            raise isolate.ChildError("QueueError", body["error"], 2, body["message"])
        return load_result(body)
