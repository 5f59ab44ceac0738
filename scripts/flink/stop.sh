#!/usr/bin/env bash
# Stops the SQL Gateway and the Flink session cluster that start.sh started in DATA_DIR and
# removes the folder (with --keep, leaves it, logs included).
# Usage: stop.sh DATA_DIR [--keep]
set -euo pipefail
data="${1:?usage: stop.sh DATA_DIR [--keep]}"
if [[ -f "$data/flink-home" ]]; then
  home="$(cat "$data/flink-home")"
  export FLINK_CONF_DIR="$data/conf" FLINK_LOG_DIR="$data/log" FLINK_PID_DIR="$data/pid"
  "$home/bin/sql-gateway.sh" stop >/dev/null 2>&1 || true
  "$home/bin/stop-cluster.sh" >/dev/null 2>&1 || true
  # Whatever is left (a daemon that did not answer its stop): its pid file names it.
  for pidfile in "$data"/pid/*.pid; do
    [[ -f "$pidfile" ]] || continue
    while read -r pid; do
      [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
    done <"$pidfile"
  done
fi
if [[ "${2:-}" != "--keep" ]]; then
  rm -rf "$data"
fi
