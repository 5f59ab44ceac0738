#!/usr/bin/env bash
# Stops the broker that start.sh started in DATA_DIR and removes the folder's data.
# Usage: stop.sh DATA_DIR [--keep]
set -euo pipefail
data="${1:?usage: stop.sh DATA_DIR [--keep]}"
if [[ -f "$data/broker.pid" ]]; then
  pid="$(cat "$data/broker.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$data/broker.pid"
fi
if [[ "${2:-}" != "--keep" ]]; then
  rm -rf "$data"
fi
