#!/usr/bin/env bash
# Starts a local Apache Flink session cluster (a JobManager and a TaskManager) and Flink's SQL
# Gateway on loopback, with their configuration, logs and pid files in a data folder; once the
# gateway answers, prints its URL on stdout (the last line, for scripts) and, on stderr, the
# folder to pass to stop.sh.
#
# Usage: start.sh [DATA_DIR]   (default: a new temporary folder; stop it with stop.sh DATA_DIR)
# The gateway listens on 127.0.0.1:8083 (Flink's default) when that port is free, else on a
# free port; FLINK_GATEWAY_PORT=N asks for port N (0: any free port). The cluster's REST port
# (its web UI) is a free port, said on stderr.
# Env: FLINK_VERSION, FLINKLITE_FLINK_CACHE (see fetch.sh), FLINK_TASK_SLOTS (default 4).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$("$here/fetch.sh")"
data="${1:-$(mktemp -d -t flinklite-flink.XXXXXX)}"
mkdir -p "$data/conf" "$data/log" "$data/pid"

free_port() {  # free_port [WANTED]: WANTED if it can be bound, else any free port
  python3 - "${1:-0}" <<'PY'
import socket, sys
wanted = int(sys.argv[1])
for port in ([wanted] if wanted else []) + [0]:
    try:
        s = socket.socket()
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    print(s.getsockname()[1])
    break
PY
}
wanted="${FLINK_GATEWAY_PORT-8083}"
gateway="$(free_port "$wanted")"
if [[ "$wanted" != 0 && "$gateway" != "$wanted" ]]; then
  if [[ -n "${FLINK_GATEWAY_PORT-}" ]]; then
    echo "Port $wanted is in use; choose another FLINK_GATEWAY_PORT (0 picks a free one)." >&2
    exit 1
  fi
  echo "Port 8083 is in use (another gateway?); this gateway takes port $gateway." >&2
fi
rest="$(free_port)"
rpc="$(free_port)"

cp "$home/conf/"log4j*.properties "$home/conf/"logback*.xml "$data/conf/"
# The JVM options the distribution's own config.yaml gives every Flink process (module opens
# Java 17 needs), under env: java: opts: all:.
java_opts="$(python3 - "$home/conf/config.yaml" <<'PY'
import sys
path = []
for line in open(sys.argv[1]):
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    depth = (len(line) - len(line.lstrip())) // 2
    key, _, value = line.strip().partition(":")
    path = path[:depth] + [key]
    if path == ["env", "java", "opts", "all"]:
        print(value.strip())
PY
)"
echo "127.0.0.1:$rest" >"$data/conf/masters"
echo "127.0.0.1" >"$data/conf/workers"
cat >"$data/conf/config.yaml" <<YAML
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $rpc
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 1024m
taskmanager.bind-host: 127.0.0.1
taskmanager.host: 127.0.0.1
taskmanager.memory.process.size: 1536m
taskmanager.numberOfTaskSlots: ${FLINK_TASK_SLOTS:-4}
parallelism.default: 1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest
blob.server.port: 0
taskmanager.rpc.port: 0
taskmanager.data.port: 0
sql-gateway.endpoint.rest.address: 127.0.0.1
sql-gateway.endpoint.rest.bind-address: 127.0.0.1
sql-gateway.endpoint.rest.port: $gateway
env.java.opts.all: $java_opts
YAML
echo "$home" >"$data/flink-home"
echo "http://127.0.0.1:$gateway" >"$data/gateway"

export FLINK_CONF_DIR="$data/conf" FLINK_LOG_DIR="$data/log" FLINK_PID_DIR="$data/pid"
"$home/bin/start-cluster.sh" >"$data/log/start-cluster.out" 2>&1 \
  || { cat "$data/log/start-cluster.out" >&2; exit 1; }
"$home/bin/sql-gateway.sh" start >"$data/log/sql-gateway.out" 2>&1 \
  || { cat "$data/log/sql-gateway.out" >&2; exit 1; }

for _ in $(seq 1 1200); do
  if python3 - "$gateway" "$rest" <<'PY' 2>/dev/null
import json, sys, urllib.request
gateway, rest = sys.argv[1:]
urllib.request.urlopen(f"http://127.0.0.1:{gateway}/v1/info", timeout=1).read()
overview = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{rest}/overview", timeout=1).read())
sys.exit(0 if overview.get("taskmanagers", 0) >= 1 else 1)
PY
  then
    echo "Flink cluster at http://127.0.0.1:$rest, SQL Gateway at http://127.0.0.1:$gateway, data in $data; stop them with: $here/stop.sh $data" >&2
    echo "http://127.0.0.1:$gateway"
    exit 0
  fi
  sleep 0.1
done
echo "The Flink cluster or its SQL Gateway did not start within 120 s; logs in $data/log" >&2
tail -n 30 "$data"/log/*.log >&2 || true
exit 1
