#!/usr/bin/env bash
# Install the Debian packages snapdebrief needs, only those that are missing.
# Idempotent and quick when everything is present; uses sudo when not root.
# --with-browser: also Chromium, for the end-to-end tests (`make test`); `make run` needs none.
# --with-redis: also Redis, the queue of the HTTP API and its workers (`make serve`, `make test`;
#   issue #19); `make run` needs none. Debian's package may start its own Redis service on port
#   6379; `make serve` starts a separate one, memory only, on another port.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-nld tesseract-ocr-osd poppler-utils fonts-dejavu-core fonts-liberation2)
for arg in "$@"; do
  case "$arg" in
    --with-browser) packages+=(chromium) ;;
    --with-redis) packages+=(redis-server) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in "${packages[@]}"; do
  have_pkg "$pkg" || need+=("$pkg")
done

# A Python without venv/ensurepip (Debian's own python3) needs python3-venv.
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then need+=(python3-venv); fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${need[*]} (and no apt-get here). Install them by hand." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
