#!/usr/bin/env bash
# `make serve` (#19): Redis with persistence off, WORKERS workers and the HTTP API, in the
# foreground; when one of them stops, or on Ctrl-C, all of them stop.
# Redis keeps letters and answers in memory only: --save "" (no snapshots) --appendonly no (no
# log), bound to 127.0.0.1. Its --dir is an empty temporary folder, removed at the end.
set -euo pipefail
BIN=${BIN:-.venv/bin}
REDIS_PORT=${REDIS_PORT:-6380}
API_PORT=${API_PORT:-8000}
API_HOST=${API_HOST:-127.0.0.1}
WORKERS=${WORKERS:-2}
export SNAPDEBRIEF_BROKER="redis://127.0.0.1:${REDIS_PORT}/0"

dir=$(mktemp -d)
pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rmdir "$dir" 2>/dev/null || true
}
trap stop EXIT INT TERM

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
  --loglevel warning &
pids+=($!)
for _ in $(seq 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done

for _ in $(seq "$WORKERS"); do
  "$BIN/snapdebrief" worker &
  pids+=($!)
done
"$BIN/snapdebrief" serve --host "$API_HOST" --port "$API_PORT" &
pids+=($!)
echo "snapdebrief API on http://$API_HOST:$API_PORT (POST /v1/letters), $WORKERS workers, Redis on 127.0.0.1:$REDIS_PORT"
wait -n
