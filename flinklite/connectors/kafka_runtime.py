"""The 'kafka' and 'upsert-kafka' connectors at run time, on librdkafka (confluent-kafka): a
source with one split per partition, startup and bounded modes, key/value formats, metadata.

The sink side (key/value encoding, partitioners, upsert tombstones) is in kafka_sink."""

from __future__ import annotations

import collections
import importlib
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from flinklite.errors import ExecutionError
from flinklite.expr.literals import FrozenMap
from flinklite.runtime.connector import ScanSpec, Source, Split, shown_record
from flinklite.runtime.rows import NANOS_PER_MILLI, Row

# What a format's decoder raises for a record it cannot read (named with its offset).
RECORD_ERRORS = (ValueError, TypeError, EOFError, IndexError)
POLL_TIMEOUT_S = 0.05
MAX_BATCH = 2048
# Without checkpoints, offsets read are committed to the consumer group this often (and when
# the job ends), as Flink commits them on each checkpoint.
COMMIT_INTERVAL_S = 5.0
DEFAULT_API_TIMEOUT_MS = 60_000  # Kafka's 'default.api.timeout.ms'
TOPIC_WAIT_S = 1.0  # how often a source looks for a topic that does not exist yet
# Java client properties Flink (not librdkafka) owns or that have no librdkafka meaning.
IGNORED_PROPERTIES = frozenset(
    {
        "key.deserializer",
        "value.deserializer",
        "key.serializer",
        "value.serializer",
        "partition.discovery.interval.ms",
        "commit.offsets.on.checkpoint",
        "client.id.prefix",
        "register.consumer.metrics",
        "max.poll.records",
        "max.poll.interval.ms",
        "default.api.timeout.ms",
    }
)
CONSUMER_ONLY = frozenset({"auto.offset.reset", "isolation.level", "group.id"})
PRODUCER_ONLY = frozenset(
    {"transaction.timeout.ms", "acks", "linger.ms", "batch.size", "retries", "compression.type"}
)
_JAAS = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def client_config(options: dict[str, Any], role: str) -> dict[str, Any]:
    """librdkafka configuration from the table's 'properties.*' options (Java client names),
    for role 'consumer' or 'producer'."""
    config: dict[str, Any] = {}
    for key, value in options.items():
        if not key.startswith("properties."):
            continue
        name = key[len("properties.") :]
        if name in IGNORED_PROPERTIES:
            continue
        if (role == "producer" and name in CONSUMER_ONLY) or (
            role == "consumer" and name in PRODUCER_ONLY
        ):
            continue
        if name == "sasl.jaas.config":
            found = dict(_JAAS.findall(value))
            if "username" not in found:
                raise ExecutionError(
                    "Option 'properties.sasl.jaas.config' can only be honoured by flinklite for "
                    "username/password logins (PLAIN, SCRAM); set 'properties.sasl.mechanism'."
                )
            config["sasl.username"] = found["username"]
            config["sasl.password"] = found.get("password", "")
        elif name == "auto.offset.reset" and value == "none":
            config[name] = "error"
        elif name in ("ssl.truststore.location", "ssl.truststore.type"):
            if name == "ssl.truststore.type" and value.upper() != "PEM":
                raise ExecutionError(
                    f"Option '{key}' = '{value}' cannot be honoured by flinklite's Kafka client "
                    "(librdkafka): use a PEM truststore."
                )
            if name == "ssl.truststore.location":
                config["ssl.ca.location"] = value
        else:
            config[name] = value
    return config


def quiet_logger() -> Any:
    """The logger handed to librdkafka clients: it logs every failed connection attempt and
    retries on its own, so its lines stay out of the terminal (OutageReport says what matters)."""
    import logging

    quiet = logging.getLogger("flinklite.kafka.client")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
    return quiet


# Bootstrap servers whose outage has been reported and has not ended yet.
_down: set[str] = set()
# Bootstrap servers that have answered once (cluster_metadata): before that, an unreachable
# cluster is cluster_metadata's start-up error, not an outage.
_reached: set[str] = set()
_down_lock = threading.Lock()


def outage_callback(servers: str, owner: str) -> Callable[[Any], None]:
    """librdkafka's `error_cb` for a client of `owner` (e.g. "Table 't'"): one line on stderr
    when every broker at `servers` is down, once per outage however many clients of the job
    see it. Other errors are transient: librdkafka reconnects by itself."""

    def on_error(err: Any) -> None:
        import confluent_kafka

        if err.code() != confluent_kafka.KafkaError._ALL_BROKERS_DOWN or servers not in _reached:
            return
        if servers in _down or _any_reachable(servers):
            # A client that polls rarely (an idle sink) gets the event after the brokers are
            # back: only an outage still going on is reported.
            return
        with _down_lock:
            if servers in _down:
                return
            _down.add(servers)
        print(
            f"[WARNING] {owner}: all Kafka brokers at {servers} are unreachable; "
            "retrying until they are back.",
            file=sys.stderr,
            flush=True,
        )

    return on_error


def _any_reachable(servers: str) -> bool:
    import socket

    for server in servers.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            socket.create_connection((host.strip("[]") or "localhost", int(port)), 0.5).close()
            return True
        except (OSError, ValueError):
            continue
    return False


def broker_back(servers: str) -> None:
    """Records flow again from or to `servers`: a later outage is reported anew."""
    if servers in _down:
        with _down_lock:
            _down.discard(servers)
            print(f"[INFO] Kafka brokers at {servers} are reachable again.", file=sys.stderr)


def make_client(kind: str, config: dict[str, Any], table: str) -> Any:
    """A librdkafka client ('Consumer' or 'Producer') of a table, logging to
    quiet_logger and reporting broker outages with outage_callback."""
    import confluent_kafka

    servers = str(config.get("bootstrap.servers", ""))
    config = {
        **config,
        "logger": quiet_logger(),
        "error_cb": outage_callback(servers, f"Table '{table}'"),
    }
    try:
        return getattr(confluent_kafka, kind)(config)
    except confluent_kafka.KafkaException as e:
        raise ExecutionError(
            f"Table '{table}': the Kafka client (librdkafka) rejects its properties: "
            f"{e.args[0].str() if e.args else e}"
        ) from None


def produce(producer: Any, topic: str, value: Any, key: Any, **kwargs: Any) -> None:
    """`producer.produce`, waiting while librdkafka's local queue is full."""
    while True:
        try:
            producer.produce(topic, value, key, **kwargs)
            return
        except BufferError:
            producer.poll(0.1)  # the local queue is full: let deliveries drain it


def bootstrap_option(table: str) -> str:
    """How an error names where a table's broker address comes from."""
    return f"'properties.bootstrap.servers' of table '{table}'"


def api_timeout_s(options: dict[str, Any]) -> float:
    """How long a job waits for its brokers to answer at start: Kafka's
    'default.api.timeout.ms' (60 s unless the table sets 'properties.default.api.timeout.ms'),
    which bounds the admin and metadata calls Flink's connector makes when a job starts."""
    value = options.get("properties.default.api.timeout.ms", DEFAULT_API_TIMEOUT_MS)
    try:
        return max(int(value), 0) / 1000
    except (TypeError, ValueError):
        raise ExecutionError(
            f"Option 'properties.default.api.timeout.ms' must be a number of milliseconds, "
            f"not '{value}'."
        ) from None


def cluster_metadata(
    handle: Any,
    servers: str,
    option: str,
    timeout_s: float = 10.0,
    topic: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    owner: str | None = None,
) -> Any:
    """The cluster's metadata (of one topic, or all), waiting at most `timeout_s` for a broker;
    an unreachable cluster is an error naming the address and the `option` that gave it.

    A job passes `cancelled` (true once it is cancelled: the wait ends at once) and its
    `owner` (e.g. "Table 't'"), which is named in one warning line when no broker answers
    within a second, so a job started before its cluster says what it waits for."""
    import confluent_kafka

    started = time.monotonic()
    deadline = started + timeout_s
    warned = False
    while True:
        attempt = time.monotonic()
        step = max(0.0, min(1.0, deadline - attempt)) if cancelled is not None else timeout_s
        try:
            if topic is None:
                found = handle.list_topics(timeout=step)
            else:
                found = handle.list_topics(topic, timeout=step)
            _reached.add(servers)
            if warned:
                print(f"[INFO] Kafka brokers at {servers} answer.", file=sys.stderr, flush=True)
            return found
        except confluent_kafka.KafkaException as e:
            detail = e.args[0].str() if e.args else str(e)
        now = time.monotonic()
        if now >= deadline:
            raise ExecutionError(
                f"Cannot reach the Kafka brokers at {servers} ({option}) within {timeout_s:g} s "
                f"({detail}). Is the broker running, and is the address right?"
            )
        if cancelled is not None and cancelled():
            raise ExecutionError(f"Cancelled while waiting for the Kafka brokers at {servers}.")
        if owner is not None and not warned and now - started >= 1.0:
            warned = True
            print(
                f"[WARNING] {owner}: no Kafka broker at {servers} answers yet; waiting up to "
                f"{timeout_s:g} s for one ('properties.default.api.timeout.ms').",
                file=sys.stderr,
                flush=True,
            )
        time.sleep(max(0.0, min(0.2, deadline - now, attempt + 0.2 - now)))


def format_codec(identifier: str, what: str) -> Any:
    module = importlib.import_module(f"flinklite.formats.{identifier.replace('-', '_')}")
    fn = getattr(module, what, None)
    if fn is None:
        raise ExecutionError(f"Format '{identifier}' cannot be used by the Kafka connector yet.")
    return fn


def key_value_layout(spec: Any, fields: tuple) -> tuple[tuple, tuple, tuple[str, ...]]:
    """Flink's key and value format projections: (key fields with the prefix stripped, value
    fields, key field names as the table names them)."""
    options = spec.options
    if spec.connector == "upsert-kafka":
        key_names = tuple(spec.primary_key)
    else:
        key_names = tuple(options.get("key.fields") or ())
    prefix = options.get("key.fields-prefix") or ""
    by_name = {f.name: f for f in fields}
    key_fields = tuple(
        type(by_name[n])(n[len(prefix) :], by_name[n].type) for n in key_names if n in by_name
    )
    if options.get("value.fields-include") == "EXCEPT_KEY":
        value_fields = tuple(f for f in fields if f.name not in key_names)
    else:
        value_fields = tuple(fields)
    return key_fields, value_fields, key_names


def _metadata_reader(key: str, local_offset_ns: int, declared_root: str) -> Callable:
    if key == "timestamp":
        offset = local_offset_ns if declared_root == "TIMESTAMP" else 0
        return lambda m: m.timestamp()[1] * NANOS_PER_MILLI + offset
    if key == "timestamp-type":
        names = {0: "NoTimestampType", 1: "CreateTime", 2: "LogAppendTime"}
        return lambda m: names.get(m.timestamp()[0], "NoTimestampType")
    if key == "partition":
        return lambda m: m.partition()
    if key == "offset":
        return lambda m: m.offset()
    if key == "topic":
        return lambda m: m.topic()
    if key == "headers":
        return lambda m: FrozenMap(m.headers() or ())
    if key == "leader-epoch":
        return lambda m: m.leader_epoch()
    raise ExecutionError(f"Unknown Kafka metadata key '{key}'")


def zone_offset_ns(zone: str) -> int:
    # TIMESTAMP(3) METADATA FROM 'timestamp' is the record time in the session's zone.
    import datetime as dt
    import zoneinfo

    if zone in ("UTC", "Z", "GMT"):
        return 0
    now = dt.datetime.now(zoneinfo.ZoneInfo(zone))
    return int(now.utcoffset().total_seconds()) * 1_000_000_000


class KafkaSource(Source):
    """Reads a table's topics: one split per partition, bounded when 'scan.bounded.mode' says
    so (or in batch mode). Upsert tables read as a changelog: (kind, row) pairs."""

    def __init__(self, spec: ScanSpec) -> None:
        self.spec = spec
        options = spec.options
        self.upsert = spec.connector == "upsert-kafka"
        self.changelog = self.upsert
        self.bounded_mode = options.get("scan.bounded.mode", "unbounded")
        self.bounded = self.bounded_mode != "unbounded"
        self.consumer: Any = None
        self.servers = ""
        self.buffers: dict[tuple[str, int], collections.deque] = {}
        self.finished: set[tuple[str, int]] = set()
        self.stops: dict[tuple[str, int], int] = {}
        # next offset to read per partition, committed when the table names a group
        self.positions: dict[tuple[str, int], int] = {}
        self.starts: dict[tuple[str, int], int] = {}  # where each partition was assigned from
        self.commits = bool(options.get("properties.group.id"))
        self.last_commit = time.monotonic()

    # --- set-up ----------------------------------------------------------------------------

    def open(self, ctx: Any) -> None:
        super().open(ctx)
        spec, options = self.spec, self.spec.options
        config = client_config(options, "consumer")
        config.setdefault("group.id", options.get("properties.group.id") or _anonymous_group())
        config.update(
            {
                "enable.auto.commit": False,
                "enable.partition.eof": True,
                "fetch.wait.max.ms": 50,
            }
        )
        self.servers = str(config.get("bootstrap.servers", ""))
        self.consumer = make_client("Consumer", config, spec.table_name)
        self.decode = self._build_decoder(getattr(ctx, "local_time_zone", "UTC"))
        self.cancelled: Callable[[], bool] = getattr(ctx, "cancelled", lambda: False)
        self.partitions = self._partitions()
        self.late: set[tuple[str, int]] = set()  # partitions of topics that appeared later
        if not self.bounded and options.get("topic") is not None:  # a pattern takes what exists
            self._wait_for_topics()
        self._assign()

    def _build_decoder(self, zone: str) -> Callable:
        spec = self.spec
        key_fields, value_fields, key_names = key_value_layout(spec, spec.all_physical)
        value_id, value_opts = spec.formats["value"]
        value = format_codec(value_id, "decoder")(value_fields, value_opts).decode
        key = None
        if key_fields:
            key_id, key_opts = spec.formats["key"]
            key = format_codec(key_id, "decoder")(key_fields, key_opts).decode
        value_pos = {f.name: i for i, f in enumerate(value_fields)}
        key_pos = {n: i for i, n in enumerate(key_names)}
        offset_ns = zone_offset_ns(zone)
        env: dict[str, Any] = {}
        parts = []
        for f in spec.physical:
            if f.name in value_pos:
                parts.append(f"v[{value_pos[f.name]}]")
            else:
                parts.append(f"k[{key_pos[f.name]}]")
        # A tombstone has only its key: the key fields, the rest NULL.
        delete_parts = [
            f"k[{key_pos[f.name]}]" if f.name in key_pos else "None" for f in spec.physical
        ]
        for i, (mkey, mtype) in enumerate(spec.metadata):
            env[f"m{i}"] = _metadata_reader(mkey, offset_ns, mtype.root)
            parts.append(f"m{i}(msg)")
            delete_parts.append(f"m{i}(msg)")
        env.update(key=key, value=value)
        key_line = "k = key(msg.key())" if key is not None else "k = ()"
        src = (
            "def decode(msg):\n"
            f"    {key_line}\n"
            "    v = value(msg.value())\n"
            "    if v is None:\n        return None\n"
            f"    return ({', '.join(parts)},)\n"
            "def decode_delete(msg):\n"
            f"    {key_line}\n"
            f"    return ({', '.join(delete_parts)},)\n"
        )
        exec(src, env)
        self.decode_delete = env["decode_delete"]
        if key is None and not spec.metadata and tuple(spec.physical) == tuple(value_fields):
            return lambda msg: value(msg.value())  # the common case: the value is the row
        return env["decode"]

    def _partitions(self) -> list[tuple[str, int]]:
        options = self.spec.options
        topics = options.get("topic")
        meta = self._metadata()
        if topics is None:
            pattern = re.compile(options["topic-pattern"])
            topics = sorted(t for t in meta.topics if pattern.fullmatch(t))
        out = []
        for topic in topics:
            info = meta.topics.get(topic)
            if info is None or info.error is not None:
                info = self._metadata(topic).topics.get(topic)
            if info is None or info.error is not None or not info.partitions:
                # Flink's enumerator finds no partitions of a missing topic: nothing to read.
                continue
            out.extend((topic, p) for p in sorted(info.partitions))
        return out

    def _metadata(self, topic: str | None = None) -> Any:
        name = self.spec.table_name
        return cluster_metadata(
            self.consumer,
            self.servers,
            bootstrap_option(name),
            api_timeout_s(self.spec.options),
            topic,
            self.cancelled,
            f"Table '{name}'",
        )

    def _wait_for_topics(self) -> None:
        """An unbounded source whose topic does not exist yet waits for it, as Flink's
        partition discovery finds it once created, and reads it from its first record (Flink
        reads discovered partitions from the earliest offset): a job started before its
        producer still gets every record."""
        found = {t for t, _ in self.partitions}
        missing = [t for t in self.spec.options["topic"] if t not in found]
        if not missing:
            return
        print(
            f"[INFO] Table '{self.spec.table_name}': topic {', '.join(missing)} does not exist "
            "yet; the job waits for it.",
            file=sys.stderr,
            flush=True,
        )
        while missing and not self.cancelled():
            time.sleep(TOPIC_WAIT_S)
            now = self._partitions()
            fresh = [tp for tp in now if tp not in self.partitions]
            self.late.update(tp for tp in fresh if tp[0] in missing)
            self.partitions = now
            found = {t for t, _ in now}
            missing = [t for t in missing if t not in found]

    def _assign(self) -> None:
        from confluent_kafka import OFFSET_BEGINNING, OFFSET_END, TopicPartition

        options = self.spec.options
        mode = options.get("scan.startup.mode", "group-offsets")
        if self.upsert:
            mode = "earliest-offset"
        specific = _specific(options.get("scan.startup.specific-offsets"))
        tps = [TopicPartition(t, p) for t, p in self.partitions]
        if mode == "earliest-offset":
            starts = {(t, p): OFFSET_BEGINNING for t, p in self.partitions}
        elif mode == "latest-offset":
            starts = {tp: self._high(tp) for tp in self.partitions}
        elif mode == "timestamp":
            starts = self._for_times(options["scan.startup.timestamp-millis"])
        elif mode == "specific-offsets":
            # Partitions without a given offset start from the group's, else the earliest.
            rest = [tp for tp in tps if tp.partition not in specific]
            starts = self._committed(rest, "earliest") if rest else {}
            starts.update({(t, p): specific[p] for t, p in self.partitions if p in specific})
        else:
            starts = self._committed(tps)
        for tp in self.late:
            starts[tp] = OFFSET_BEGINNING
        for tp in self.partitions:
            if starts[tp] == OFFSET_END:
                starts[tp] = self._high(tp)
        restored = self.restored or {}
        for t, p in self.partitions:  # a checkpoint's offsets win over the startup mode
            offset = restored.get(f"{t}-{p}")
            if offset is not None:
                starts[(t, p)] = offset
        self.starts = dict(starts)
        self._bounds(starts)
        assign = []
        for (t, p), start in starts.items():
            if (t, p) in self.finished:
                continue
            assign.append(TopicPartition(t, p, start))
            self.buffers[(t, p)] = collections.deque()
        if assign:
            self.consumer.assign(assign)

    def _bounds(self, starts: dict) -> None:
        if not self.bounded:
            return
        mode, options = self.bounded_mode, self.spec.options
        if mode == "latest-offset":
            self.stops = {tp: self._high(tp) for tp in self.partitions}
        elif mode == "timestamp":
            self.stops = self._for_times(options["scan.bounded.timestamp-millis"], end=True)
        elif mode == "specific-offsets":
            specific = _specific(options.get("scan.bounded.specific-offsets"))
            self.stops = {(t, p): specific.get(p, self._high((t, p))) for t, p in self.partitions}
        else:  # group-offsets
            from confluent_kafka import TopicPartition

            self.stops = self._committed([TopicPartition(t, p) for t, p in self.partitions])
        for tp, stop in self.stops.items():
            start = starts[tp]
            low = self._low(tp)
            if stop <= max(start, low) or self._high(tp) <= max(start, low):
                self.finished.add(tp)

    def _high(self, tp: tuple[str, int]) -> int:
        from confluent_kafka import TopicPartition

        return self.consumer.get_watermark_offsets(TopicPartition(*tp), timeout=10)[1]

    def _low(self, tp: tuple[str, int]) -> int:
        from confluent_kafka import TopicPartition

        return self.consumer.get_watermark_offsets(TopicPartition(*tp), timeout=10)[0]

    def _for_times(self, millis: int, end: bool = False) -> dict:
        from confluent_kafka import TopicPartition

        found = self.consumer.offsets_for_times(
            [TopicPartition(t, p, millis) for t, p in self.partitions], timeout=10
        )
        # No record at or after the time: start (or stop) at the end of the partition.
        return {
            (tp.topic, tp.partition): tp.offset
            if tp.offset >= 0
            else self._high((tp.topic, tp.partition))
            for tp in found
        }

    def _committed(self, tps: list, reset: str | None = None) -> dict:
        from confluent_kafka import OFFSET_BEGINNING, OFFSET_END

        reset = self.spec.options.get("properties.auto.offset.reset", reset)
        out = {}
        for tp in self.consumer.committed(tps, timeout=10):
            if tp.offset >= 0:
                out[(tp.topic, tp.partition)] = tp.offset
            elif reset in ("earliest", "smallest"):
                out[(tp.topic, tp.partition)] = OFFSET_BEGINNING
            elif reset in ("latest", "largest"):
                out[(tp.topic, tp.partition)] = OFFSET_END
            else:
                raise ExecutionError(
                    f"Table '{self.spec.table_name}': undefined offset with no reset policy for "
                    f"partition {tp.topic}-{tp.partition}: the group has no committed offset; set "
                    "'properties.auto.offset.reset' or another 'scan.startup.mode'."
                )
        return out

    def splits(self) -> list[Split]:
        return [PartitionSplit(self, tp) for tp in self.partitions]

    # --- reading ---------------------------------------------------------------------------

    def fetch(self) -> None:
        """One consume call, spread over the partitions' buffers."""
        messages = self.consumer.consume(MAX_BATCH, POLL_TIMEOUT_S)
        if _down and messages and messages[-1].error() is None:
            broker_back(self.servers)  # records, not just end-of-partition events, flow again
        buffers, stops = self.buffers, self.stops
        for msg in messages:
            tp = (msg.topic(), msg.partition())
            err = msg.error()
            if err is not None:
                if err.code() == err._PARTITION_EOF:
                    if tp in stops and msg.offset() >= stops[tp]:
                        self.finished.add(tp)
                    continue
                raise ExecutionError(
                    f"Table '{self.spec.table_name}': reading {tp[0]}-{tp[1]} failed: {err.str()}"
                )
            buffer = buffers.get(tp)
            if buffer is not None and tp not in self.finished:
                buffer.append(msg)

    def checkpoint_complete(self) -> None:
        self.commit()  # as Flink's source: the group's offsets follow completed checkpoints

    def commit(self, *, final: bool = False) -> None:
        """Commits the offsets read so far to the group (asynchronously while running)."""
        if not (self.commits and self.positions and self.consumer is not None):
            return
        from confluent_kafka import TopicPartition

        offsets = [TopicPartition(t, p, o) for (t, p), o in self.positions.items()]
        try:
            self.consumer.commit(offsets=offsets, asynchronous=not final)
        except Exception:  # noqa: BLE001 - a broker outage must not fail the job's end
            pass
        self.last_commit = time.monotonic()

    def close(self) -> None:
        if self.consumer is not None:
            if not self.checkpointing:  # with checkpoints, only completed ones commit
                self.commit(final=True)
            self.consumer.close()
            self.consumer = None


class PartitionSplit(Split):
    """One topic partition: its records in offset order, decoded into rows."""

    def __init__(self, source: KafkaSource, tp: tuple[str, int]) -> None:
        self.source = source
        self.tp = tp
        self.name = f"{tp[0]}-{tp[1]}"
        self.stop = source.stops.get(tp)

    def position(self) -> Any:
        """The next offset to read (the start offset until a record was read)."""
        source = self.source
        return source.positions.get(self.tp, source.starts.get(self.tp))

    def poll(self) -> list | None:
        source = self.source
        buffer = source.buffers.get(self.tp)
        if buffer is None:
            return None
        if not buffer:
            if self.tp in source.finished:
                return None
            source.fetch()
            if not buffer:
                return None if self.tp in source.finished else []
        messages = list(buffer)
        buffer.clear()
        if self.stop is not None:
            kept = [m for m in messages if m.offset() < self.stop]
            if len(kept) < len(messages) or (kept and kept[-1].offset() >= self.stop - 1):
                source.finished.add(self.tp)
            messages = kept
        rows = self._decode(messages)
        if messages:  # pushed downstream by the caller before the next poll: read for good
            source.positions[self.tp] = messages[-1].offset() + 1
            if (
                source.commits
                and not source.checkpointing
                and time.monotonic() - source.last_commit >= COMMIT_INTERVAL_S
            ):
                source.commit()
        return rows

    def _decode(self, messages: list) -> list:
        decode = self.source.decode
        if not self.source.changelog:
            try:
                rows = [decode(m) for m in messages]
            except RECORD_ERRORS:
                rows = [self._careful(m) for m in messages]
            return [r for r in rows if r is not None] if None in rows else rows
        out: list[tuple[str, Row]] = []
        delete = self.source.decode_delete
        for m in messages:
            if m.value() is None:
                out.append(("-D", delete(m)))
                continue
            row = self._careful(m)
            if row is not None:
                out.append(("+U", row))
        return out

    def _careful(self, msg: Any) -> Row | None:
        try:
            return self.source.decode(msg)
        except RECORD_ERRORS as e:
            raise ExecutionError(
                f"Failed to deserialize consumer record '{shown_record(msg.value() or b'')}' of "
                f"table '{self.source.spec.table_name}' at topic {msg.topic()}, partition "
                f"{msg.partition()}, offset {msg.offset()}: {e}"
            ) from None


def _specific(text: str | None) -> dict[int, int]:
    out: dict[int, int] = {}
    for pair in (text or "").split(";"):
        if pair:
            part, offset = pair.split(",")
            out[int(part.split(":")[1])] = int(offset.split(":")[1])
    return out


def _anonymous_group() -> str:
    return f"flinklite-{uuid.uuid4().hex[:12]}"
