"""The 'kafka' and 'upsert-kafka' sinks on librdkafka: key and value encoding, Flink's
partitioners, and for upsert tables tombstones for deletes and optional buffering by key."""

from __future__ import annotations

import time
from typing import Any

from flinklite.connectors import kafka_runtime
from flinklite.connectors.kafka_runtime import (
    api_timeout_s,
    bootstrap_option,
    broker_back,
    client_config,
    cluster_metadata,
    format_codec,
    key_value_layout,
    make_client,
    produce,
    zone_offset_ns,
)
from flinklite.connectors.kafka_transactions import Transactions
from flinklite.errors import ExecutionError
from flinklite.runtime.connector import Sink, SinkSpec
from flinklite.runtime.rows import NANOS_PER_MILLI, Row

FLUSH_TIMEOUT_S = 60


class KafkaSink(Sink):
    """Writes each change as one record: +I (and for upsert tables +U) with the row as value,
    -D as a tombstone (upsert); upsert tables drop -U."""

    name = "Sink"

    def __init__(self, spec: SinkSpec) -> None:
        self.spec = spec
        self.upsert = spec.connector == "upsert-kafka"
        options = spec.options
        topics = options.get("topic") or ()
        if len(topics) != 1:
            raise ExecutionError(
                f"Table '{spec.table_name}': a Kafka sink writes to exactly one 'topic'."
            )
        self.topic = topics[0]
        self.producer: Any = None
        self.max_rows = options.get("sink.buffer-flush.max-rows") or 0
        interval = options.get("sink.buffer-flush.interval")
        self.interval_s = interval.total_seconds() if interval is not None else 0.0
        self.buffer: dict[Any, tuple[str, Row]] = {}
        self.last_flush = time.monotonic()
        self.error: str | None = None
        self.servers = ""
        self.transactions: Transactions | None = None  # exactly-once

    def open(self, ctx: Any) -> None:
        super().open(ctx)
        spec = self.spec
        # Writable metadata columns (timestamp, headers) are not part of the key or value.
        meta = dict(spec.metadata)
        physical = tuple(f for i, f in enumerate(spec.fields) if i not in meta)
        key_fields, value_fields, key_names = key_value_layout(spec, physical)
        names = [f.name for f in spec.fields]
        self.timestamp_pos = next((i for i, k in meta.items() if k == "timestamp"), None)
        self.headers_pos = next((i for i, k in meta.items() if k == "headers"), None)
        self.timestamp_offset_ns = 0
        if (
            self.timestamp_pos is not None
            and spec.fields[self.timestamp_pos].type.root == "TIMESTAMP"
        ):
            # a TIMESTAMP (not _LTZ) column holds the record time in the session's zone
            self.timestamp_offset_ns = zone_offset_ns(ctx.local_time_zone)
        value_id, value_opts = spec.formats["value"]
        value_opts = _with_subject(value_id, value_opts, f"{self.topic}-value")
        value_index = [names.index(f.name) for f in value_fields]
        encode_value = format_codec(value_id, "encoder")(value_fields, value_opts).encode
        self.key_index = [names.index(n) for n in key_names]
        encode_key = None
        if key_fields:
            key_id, key_opts = spec.formats["key"]
            key_opts = _with_subject(key_id, key_opts, f"{self.topic}-key")
            encode_key = format_codec(key_id, "encoder")(key_fields, key_opts).encode
        self.encode_key = encode_key
        self.encode_value = (
            encode_value
            if value_index == list(range(len(names)))
            else (lambda row, e=encode_value, ix=value_index: e(tuple(row[i] for i in ix)))
        )
        config = client_config(spec.options, "producer")
        config.setdefault("linger.ms", 5)
        if _idempotence_fits(config):
            # The Java producer Flink uses is idempotent by default: retries after a broker
            # outage neither duplicate nor reorder records, so upsert state stays right.
            config.setdefault("enable.idempotence", True)
        exactly_once = spec.options.get("sink.delivery-guarantee") == "exactly-once"
        if exactly_once:
            transactional_id = f"{spec.options['sink.transactional-id-prefix']}-0"
            config["transactional.id"] = transactional_id
        self.servers = str(config.get("bootstrap.servers", ""))
        self.producer = make_client("Producer", config, spec.table_name)
        # A wrong address fails the job after the admin timeout, naming it, instead of
        # after the delivery timeout; a cluster that starts meanwhile is waited for.
        self.topic_partitions = cluster_metadata(
            self.producer,
            self.servers,
            bootstrap_option(spec.table_name),
            api_timeout_s(spec.options),
            self.topic,
            getattr(ctx, "cancelled", None),
            f"Table '{spec.table_name}'",
        )
        if exactly_once:
            marker_group = make_client(
                "Consumer",
                {
                    **client_config(spec.options, "consumer"),
                    "group.id": transactional_id,
                    "enable.auto.commit": False,
                },
                spec.table_name,
            )
            self.transactions = Transactions(
                self.producer,
                marker_group,
                transactional_id,
                self.topic,
                spec.table_name,
                int(config.get("transaction.timeout.ms", 60_000)),
            )
            self.transactions.start(self.restored, keep=self.checkpointing)
        self.partition = self._partitioner(spec.options.get("sink.partitioner") or "default")

    def _partitioner(self, name: str) -> Any:
        if name == "default":
            return None  # librdkafka's: by key hash, sticky without a key
        if name == "fixed":
            return lambda: 0  # Flink's fixed: sink subtask 0 writes to partition 0
        if name == "round-robin":
            found = self.topic_partitions.topics.get(self.topic)
            count = len(found.partitions) if found is not None and found.partitions else 1
            state = {"next": 0}

            def next_partition() -> int:
                p = state["next"]
                state["next"] = (p + 1) % max(count, 1)
                return p

            return next_partition
        raise ExecutionError(
            f"Table '{self.spec.table_name}': custom partitioner class '{name}' cannot be loaded "
            "by flinklite; use 'default', 'fixed' or 'round-robin'."
        )

    # --- rows ------------------------------------------------------------------------------

    def process(self, kind: str, row: Row) -> None:
        if kind == "-U":
            if self.upsert:
                return
        if not self.upsert and kind != "+I":
            raise ExecutionError(
                f"Table '{self.spec.table_name}': the kafka sink with an insert-only value format "
                f"cannot write a {kind} change."
            )
        if self.max_rows:
            key = tuple(row[i] for i in self.key_index)
            self.buffer[key] = (kind, row)
            if len(self.buffer) >= self.max_rows:
                self._flush_buffer()
            return
        self._send(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        for row in rows:
            self.process("+I", row)

    def tick(self) -> None:
        if self.transactions is not None and not self.checkpointing:
            self.transactions.commit_if_due()
        if self.max_rows and self.buffer and time.monotonic() - self.last_flush >= self.interval_s:
            self._flush_buffer()
        if self.producer is not None:
            self.producer.poll(0)
        self._check()

    def _send(self, kind: str, row: Row) -> None:
        key = None
        if self.encode_key is not None:
            key = self.encode_key(tuple(row[i] for i in self.key_index))
        value = None if kind == "-D" else self.encode_value(row)
        kwargs: dict[str, Any] = {}
        if self.partition is not None:
            kwargs["partition"] = self.partition()
        if self.timestamp_pos is not None and row[self.timestamp_pos] is not None:
            kwargs["timestamp"] = (
                row[self.timestamp_pos] - self.timestamp_offset_ns
            ) // NANOS_PER_MILLI
        if self.headers_pos is not None and row[self.headers_pos]:
            kwargs["headers"] = list(row[self.headers_pos].items())
        if self.transactions is not None:
            self.transactions.record(value, key, kwargs)
        produce(self.producer, self.topic, value, key, on_delivery=self._delivered, **kwargs)
        self.producer.poll(0)

    def _delivered(self, err: Any, msg: Any) -> None:
        if err is None:
            if kafka_runtime._down:
                broker_back(self.servers)
        elif self.error is None:
            self.error = err.str()

    def _check(self) -> None:
        if self.error is not None:
            raise ExecutionError(
                f"Table '{self.spec.table_name}': writing to topic '{self.topic}' failed: "
                f"{self.error}"
            )

    def _flush_buffer(self) -> None:
        for kind, row in self.buffer.values():
            self._send(kind, row)
        self.buffer.clear()
        self.last_flush = time.monotonic()

    def end_input(self) -> None:
        if self.buffer:
            self._flush_buffer()
        self._flush()
        if self.transactions is not None:
            self.transactions.end()

    def prepare_checkpoint(self) -> dict | None:
        # Every record before the checkpoint acknowledged by the broker: at-least-once done;
        # exactly-once: the transaction pre-committed, committed by checkpoint_complete.
        if self.buffer:
            self._flush_buffer()
        self._flush()
        return None if self.transactions is None else self.transactions.snapshot()

    def checkpoint_complete(self) -> None:
        if self.transactions is not None:
            self.transactions.commit()

    def _flush(self) -> None:
        if self.producer is not None:
            left = self.producer.flush(FLUSH_TIMEOUT_S)
            if left:
                raise ExecutionError(
                    f"Table '{self.spec.table_name}': {left} records to topic '{self.topic}' "
                    f"were not delivered within {FLUSH_TIMEOUT_S} s."
                )
            self._check()

    def close(self) -> None:
        if self.transactions is not None:
            transactions, self.transactions = self.transactions, None
            try:
                transactions.abort()  # a job that did not end: what it wrote is not committed
            except Exception:  # noqa: BLE001 - closing must not mask the job's outcome
                pass
            transactions.marker_group.close()
        if self.producer is not None:
            self.producer.flush(5)
            self.producer = None


def _idempotence_fits(config: dict[str, Any]) -> bool:
    # As the Java client: idempotence is on unless settings that contradict it are given.
    acks = str(config.get("acks", "all")).lower()
    retries = str(config.get("retries", "1"))
    in_flight = int(config.get("max.in.flight.requests.per.connection", 5))
    return acks in ("all", "-1") and retries != "0" and in_flight <= 5


def _with_subject(identifier: str, options: dict[str, Any], subject: str) -> dict[str, Any]:
    if identifier == "avro-confluent" and not options.get("subject"):
        return {**options, "subject": subject}
    return options
