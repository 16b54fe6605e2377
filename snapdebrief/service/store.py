"""The Redis keys of one letter, and the atomic steps the API and the worker take on them.

One hash per letter, `snapdebrief:letter:<id>`, with a TTL of 10 minutes:
    task   the Celery task id (the letter id itself never travels in a task id or a log line)
    n, f0… the files (the letter's pages, in order); removed as soon as the answer exists
    tries  how often a worker began it (a letter whose worker died is retried once)
The answer itself is the task's result in Celery's result backend (same Redis, same TTL). It is
taken with one Lua script: either the caller gets it and both keys are gone, or it is not there
yet (pending), or there is no such letter (404) — two GETs can never both get it.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

PREFIX = "snapdebrief:letter:"
ID_BYTES = 24  # 192 random bits (#19 asks ≥ 128): the id is the only key to the answer

_BEGIN = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
local out = {tries, n}
for i = 0, n - 1 do
  local f = redis.call('HGET', KEYS[1], 'f' .. i)
  if not f then return {tries, -1} end
  out[#out + 1] = f
end
return out
"""

_TAKE = """
local task = redis.call('HGET', KEYS[1], 'task')
if not task then return {0} end
local meta = redis.call('GET', ARGV[1] .. task)
if not meta then return {1} end
local status = cjson.decode(meta)['status']
if status == 'SUCCESS' or status == 'FAILURE' or status == 'REVOKED' then
  redis.call('DEL', KEYS[1], ARGV[1] .. task)
  return {2, meta}
end
return {1}
"""


def new_letter_id() -> str:
    return secrets.token_urlsafe(ID_BYTES)


def valid_id(letter_id: str) -> bool:
    return len(letter_id) == 32 and all(c.isalnum() or c in "-_" for c in letter_id)


@dataclass(frozen=True)
class Taken:
    """What GET found: `state` is "unknown", "pending" or "done"; `meta` Celery's result meta."""

    state: str
    meta: dict[str, Any] | None = None


class LetterStore:
    def __init__(self, url: str, ttl: int, timeout: float = 2.0,
                 meta_prefix: bytes = b"celery-task-meta-") -> None:
        self.ttl = ttl
        self.meta_prefix = meta_prefix
        # No retries: a Redis that does not answer gives a 503 after `timeout`, not after four.
        self.redis = redis.Redis.from_url(url, socket_connect_timeout=timeout,
                                          socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
        self._begin = self.redis.register_script(_BEGIN)
        self._take = self.redis.register_script(_TAKE)

    @staticmethod
    def key(letter_id: str) -> str:
        return PREFIX + letter_id

    def ping(self) -> bool:
        return bool(self.redis.ping())

    def put(self, letter_id: str, task_id: str, files: Sequence[bytes]) -> None:
        fields: dict[str, Any] = {"task": task_id, "n": len(files)}
        fields.update({f"f{i}": data for i, data in enumerate(files)})
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(self.key(letter_id), mapping=fields)
            pipe.expire(self.key(letter_id), self.ttl)
            pipe.execute()

    def forget(self, letter_id: str) -> None:
        self.redis.delete(self.key(letter_id))

    def begin(self, letter_id: str) -> tuple[int, list[bytes]] | None:
        """A worker starts the letter: (how often it was begun, its files); None when the letter
        is gone (expired); an empty list when its files are gone (already answered)."""
        out = self._begin(keys=[self.key(letter_id)])
        if not out:
            return None
        tries, n, *files = out
        return int(tries), (list(files) if int(n) == len(files) else [])

    def answered(self, letter_id: str, files: int) -> None:
        """The answer is made: drop the files now, and keep the rest 10 minutes from here."""
        with self.redis.pipeline(transaction=True) as pipe:
            if files:
                pipe.hdel(self.key(letter_id), *[f"f{i}" for i in range(files)])
            pipe.expire(self.key(letter_id), self.ttl)
            pipe.execute()

    def take(self, letter_id: str) -> Taken:
        out = self._take(keys=[self.key(letter_id)], args=[self.meta_prefix])
        if int(out[0]) == 0:
            return Taken("unknown")
        if int(out[0]) == 1:
            return Taken("pending")
        return Taken("done", json.loads(out[1]))

    def leftovers(self) -> list[str]:
        """Keys that hold letters or answers (a test and the load run check none remain)."""
        return sorted(k.decode() for pattern in (PREFIX + "*", self.meta_prefix.decode() + "*")
                      for k in self.redis.scan_iter(match=pattern, count=1000))
