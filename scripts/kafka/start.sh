#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft, combined broker and controller) on loopback,
# in a data folder; once it accepts clients, prints the bootstrap servers on stdout (the last
# line, for scripts) and, on stderr, the folder to pass to stop.sh.
#
# Usage: start.sh [DATA_DIR]   (default: a new temporary folder; stop it with stop.sh DATA_DIR)
# The broker listens on 127.0.0.1:9092, Kafka's usual address, when that port is free, else on a
# free port (it says which). KAFKA_PORT=N asks for port N; KAFKA_PORT=0 for any free port.
# A DATA_DIR that already holds a broker stopped with `stop.sh DATA_DIR --keep` is restarted on
# the same ports with its data, as a broker comes back after an outage.
# Env:   KAFKA_VERSION, FLINKLITE_KAFKA_CACHE (see fetch.sh), KAFKA_HEAP (default -Xmx256m).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
libs="$("$here/fetch.sh")"
data="${1:-$(mktemp -d -t flinklite-kafka.XXXXXX)}"
mkdir -p "$data/logs"

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
restart=false
if [[ -f "$data/server.properties" && -f "$data/logs/meta.properties" ]]; then
  restart=true
  port="$(sed -n 's/^advertised.listeners=PLAINTEXT:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$data/server.properties")"
else
  wanted="${KAFKA_PORT-9092}"
  port="$(free_port "$wanted")"
  if [[ "$wanted" != 0 && "$port" != "$wanted" ]]; then
    if [[ -n "${KAFKA_PORT-}" ]]; then
      echo "Port $wanted is in use; choose another KAFKA_PORT (0 picks a free one)." >&2
      exit 1
    fi
    echo "Port 9092 is in use (another broker?); this broker takes port $port." >&2
  fi
  controller="$(free_port)"

cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data/logs
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=2
background.threads=2
log.cleaner.enable=false
PROPS
fi

heap="${KAFKA_HEAP:--Xmx256m}"
jvm=(java $heap -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k
     -Djava.awt.headless=true -cp "$libs/*")
cluster_id="$(python3 -c 'import base64, uuid; print(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))')"
$restart || "${jvm[@]}" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$data/server.properties" \
  >"$data/format.log" 2>&1 || { cat "$data/format.log" >&2; exit 1; }

# A restart starts a fresh log, so the start-up check below only sees this run's lines.
if [[ -f "$data/broker.log" ]]; then mv "$data/broker.log" "$data/broker.log.prev"; fi
nohup "${jvm[@]}" kafka.Kafka "$data/server.properties" >"$data/broker.log" 2>&1 &
echo $! >"$data/broker.pid"
echo "127.0.0.1:$port" >"$data/bootstrap"

for _ in $(seq 1 600); do
  if ! kill -0 "$(cat "$data/broker.pid")" 2>/dev/null; then
    echo "The Kafka broker exited during start-up; its log:" >&2
    tail -n 40 "$data/broker.log" >&2
    exit 1
  fi
  if grep -q "Kafka Server started\|\[KafkaRaftServer nodeId=1\] Kafka Server started" "$data/broker.log" 2>/dev/null \
     || python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
    echo "Kafka broker at 127.0.0.1:$port, data in $data; stop it with: $here/stop.sh $data" >&2
    echo "127.0.0.1:$port"
    exit 0
  fi
  sleep 0.1
done
echo "The Kafka broker did not start within 60 s; see $data/broker.log" >&2
exit 1
