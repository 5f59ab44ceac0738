"""The StreamsHub data generator producing into Kafka, as its Java original does: topics made at
start-up with a one-hour retention, cycles of batches then a pause, CSV or Confluent-framed Avro.

The records come from flinklite.datagen.streamshub, the generator behind the built-in
'flinklite-generator' source, so a seed gives the same values on both paths."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flinklite.datagen.streamshub import BATCH_SIZES, DATA_SETS, TOPICS, StreamsHubGenerator
from flinklite.errors import ExecutionError
from flinklite.kafka.brokers import CONNECT_TIMEOUT_S, client, metadata
from flinklite.runtime.rows import NANOS_PER_MILLI

HOUR_MS = 3_600_000
RETENTION_MS = HOUR_MS  # the topics the generator creates keep records for an hour
# Records closer than this to a topic's retention limit are deleted before anyone reads them.
RETENTION_MARGIN_MS = 600_000
FLUSH_TIMEOUT_S = 60.0
_NAMESPACE = "com.github.streamshub.kafka.data.generator.schema"


def _avsc(name: str, fields: Sequence[str]) -> str:
    # The generator's .avsc resources, byte for byte: the registry keys schemas by their text.
    columns = ",\n".join(
        f'    {{"name": "{f}", {" " if i else ""}"type": "string"}}' for i, f in enumerate(fields)
    )
    return (
        f'{{\n  "namespace": "{_NAMESPACE}",\n  "type": "record",\n  "name": "{name}",\n'
        f'  "fields": [\n{columns}\n  ]\n}}'
    )


_SALES_FIELDS = ("user_id", "product_id", "invoice_id", "quantity", "unit_cost")
# Avro schemas (writer field order, which differs from the tables' and the CSV order).
SCHEMAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sales": (_avsc("Sales", _SALES_FIELDS), _SALES_FIELDS),
    "clickStream": (_avsc("ClickStream", ("user_id", "product_id")), ("user_id", "product_id")),
    "internationalSales": (_avsc("InternationalSales", _SALES_FIELDS), _SALES_FIELDS),
}


@dataclass(frozen=True, slots=True)
class DatagenOptions:
    """What `flinklite datagen` produces and how.

    rate: cycles per second; a cycle is one batch of every data set (100 sales, 1 click,
    1 international sale) followed by a pause of 1/rate s, as the original's 1 s sleep.
    count: stop after this many records in all. simulated: no pauses; record timestamps (and
    keys) follow the generator's clock from start_ms (default: now)."""

    data_sets: tuple[str, ...]
    bootstrap_servers: str
    registry_url: str | None = None
    rate: float = 1.0
    count: int | None = None
    seed: int | None = None
    simulated: bool = False
    start_ms: int | None = None
    connect_timeout_s: float = CONNECT_TIMEOUT_S


def avro_strings(values: tuple[str, ...], order: tuple[int, ...], prefix: bytes) -> bytes:
    """Avro binary of a record of non-null strings (length as a zigzag varint, then UTF-8),
    fields taken from `values` in writer `order`, after `prefix` (the Confluent framing)."""
    out = bytearray(prefix)
    for i in order:
        data = values[i].encode()
        n = len(data) << 1
        while n > 0x7F:
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        out.append(n)
        out += data
    return bytes(out)


class StreamsHubProducer:
    """Produces the data sets of `options` into their StreamsHub topics. `run()` returns the
    number of records sent; `stop()` (from a signal handler) ends it after the current batch."""

    def __init__(self, options: DatagenOptions, say: Callable[[str], None] = lambda _: None):
        for data in options.data_sets:
            if data not in DATA_SETS:
                raise ExecutionError(
                    f"Unknown data type {data}: choose from {', '.join(DATA_SETS)}."
                )
        if options.rate <= 0:
            raise ExecutionError("The rate must be a positive number of cycles per second.")
        self.options = options
        self.say = say
        self.sent = 0
        self.stopped = False
        self.failure: str | None = None
        self.failure_is_generic = False
        self.producer: Any = None

    # --- start-up ----------------------------------------------------------------------------

    def connect(self) -> None:
        """Check the brokers answer, create missing topics, register the Avro schemas."""
        opts = self.options
        servers = opts.bootstrap_servers
        base = {"bootstrap.servers": servers, "request.timeout.ms": 5000}
        admin = client(
            "AdminClient", {**base, "client.id": "data-generator-admin-client"}, "datagen"
        )
        existing = metadata(admin, servers, opts.connect_timeout_s).topics
        # A simulated clock started in the past writes records the broker's retention measures
        # from their timestamps: an hour back and they would be deleted within minutes.
        age_ms = (
            max(0, int(time.time() * 1000) - opts.start_ms)
            if opts.simulated and opts.start_ms is not None
            else 0
        )
        self._check_retention(
            admin, [TOPICS[d] for d in opts.data_sets if TOPICS[d] in existing], age_ms
        )
        self._create_topics(
            admin, [TOPICS[d] for d in opts.data_sets if TOPICS[d] not in existing], age_ms
        )
        self.encoders = {d: self._encoder(d) for d in opts.data_sets}
        self.producer = client(
            "Producer",
            {
                **base,
                "client.id": "data-generator-client",
                "enable.idempotence": True,  # kafka-clients 3.9's default: acks=all, no dupes
                "linger.ms": 5,
            },
            "datagen",
        )

    def _create_topics(self, admin: Any, topics: list[str], age_ms: int) -> None:
        from confluent_kafka import KafkaError, KafkaException
        from confluent_kafka.admin import NewTopic

        if not topics:
            return
        retention = _retention_for(age_ms)
        # Broker defaults for partitions and replication, as NewTopic(name, empty, empty).
        wanted = [NewTopic(t, config={"retention.ms": str(retention)}) for t in topics]
        for topic, future in admin.create_topics(wanted).items():
            try:
                future.result(self.options.connect_timeout_s)
            except KafkaException as e:
                err = e.args[0]
                if err.code() != KafkaError.TOPIC_ALREADY_EXISTS:
                    raise ExecutionError(f"Cannot create topic '{topic}': {err.str()}") from None
            else:
                self.say(f"Created topic {topic} (retention.ms={retention})")

    def _check_retention(self, admin: Any, topics: list[str], age_ms: int) -> None:
        """Warns when records as old as `age_ms` fall outside an existing topic's retention:
        the broker would delete them within minutes and queries would read nothing."""
        from confluent_kafka import KafkaException
        from confluent_kafka.admin import ConfigResource

        if not topics or age_ms == 0:
            return
        for topic in topics:
            resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
            try:
                found = admin.describe_configs([resource])[resource].result(
                    self.options.connect_timeout_s
                )
                retention = int(found["retention.ms"].value)
            except (KafkaException, KeyError, ValueError):
                continue  # cannot tell: say nothing rather than guess
            if retention >= 0 and age_ms > retention - RETENTION_MARGIN_MS:
                self.say(
                    f"[WARNING] Topic {topic} keeps records for {retention / HOUR_MS:g} h "
                    f"(retention.ms={retention}), but the simulated clock starts "
                    f"{age_ms / HOUR_MS:.1f} h ago: the broker will delete these records "
                    "within minutes and queries will read none of them. Start the clock later "
                    f"(--start-time), or raise the topic's retention.ms (at least "
                    f"{_retention_for(age_ms)}), or delete the topic and let datagen create it."
                )

    def _encoder(self, data: str) -> Callable[[tuple[str, ...]], bytes]:
        url = self.options.registry_url
        if url is None:
            return lambda values: ",".join(values).encode()
        from flinklite.formats.schema_registry import SchemaRegistryClient

        schema, writer_fields = SCHEMAS[data]
        schema_id = SchemaRegistryClient(url).register(f"{TOPICS[data]}-value", schema)
        prefix = b"\x00" + schema_id.to_bytes(4, "big")
        order = tuple(DATA_SETS[data].index(f) for f in writer_fields)
        return lambda values: avro_strings(values, order, prefix)

    # --- the loop ----------------------------------------------------------------------------

    def run(self) -> int:
        if self.producer is None:
            self.connect()
        opts = self.options
        start_ms = opts.start_ms if opts.start_ms is not None else int(time.time() * 1000)
        # Within a cycle the data sets go one after another, a millisecond per record, so each
        # generator's clock starts after the records of the data sets before it.
        generators, offset = [], 0
        for data in opts.data_sets:
            batch = BATCH_SIZES[data]
            gen = StreamsHubGenerator(
                data, opts.seed, rows_per_second=batch * opts.rate, start_ms=start_ms + offset
            )
            generators.append((gen, TOPICS[data], self.encoders[data], batch))
            offset += batch
        period_ms = 1000.0 / opts.rate
        cycle = 0
        while not self.stopped and (opts.count is None or self.sent < opts.count):
            key = str(start_ms + int(cycle * period_ms)) if opts.simulated else _now_key()
            for gen, topic, encode, batch in generators:
                left = batch if opts.count is None else min(batch, opts.count - self.sent)
                if left <= 0:
                    break
                self._send(gen.take(left), topic, encode, key.encode())
            cycle += 1
            if not opts.simulated:
                self._wait_acks()
                if opts.count is None or self.sent < opts.count:
                    self._pause(1.0 / opts.rate)
            else:
                self.producer.poll(0)
            self._check()
        self._wait_acks()
        self._check()
        return self.sent

    def _send(self, records: list, topic: str, encode: Callable, key: bytes) -> None:
        produce, poll, simulated = self.producer.produce, self.producer.poll, self.options.simulated
        delivered = self._delivered
        for values, ts in records:
            # Without a timestamp the client stamps the record when it is sent, as KafkaProducer.
            extra = {"timestamp": ts} if simulated else {}
            while True:
                try:
                    produce(topic, encode(values), key, on_delivery=delivered, **extra)
                    break
                except BufferError:
                    poll(0.1)  # the local queue is full: let deliveries drain it
            self.sent += 1

    def _delivered(self, err: Any, msg: Any) -> None:
        if err is None or (self.failure is not None and not self.failure_is_generic):
            return
        from confluent_kafka import KafkaError

        # A rejected record fails the others of its batch too; report the record's own cause.
        self.failure_is_generic = err.code() == getattr(KafkaError, "_INVALID_DIFFERENT_RECORD", 0)
        self.failure = f"writing to topic '{msg.topic()}' failed: {err.str()}"
        refused = (KafkaError.INVALID_TIMESTAMP, KafkaError.INVALID_RECORD)
        if self.options.simulated and err.code() in refused:
            self.failure += (
                ". Brokers refuse record timestamps further ahead of their clock than "
                "log.message.timestamp.after.max.ms (one hour by default): start the simulated "
                "clock earlier with --start-time."
            )

    def _wait_acks(self) -> None:
        left = self.producer.flush(FLUSH_TIMEOUT_S)
        if left:
            raise ExecutionError(
                f"{left} records were not acknowledged by the Kafka brokers at "
                f"{self.options.bootstrap_servers} within {FLUSH_TIMEOUT_S:g} s."
            )

    def _check(self) -> None:
        if self.failure is not None:
            raise ExecutionError(self.failure)

    def _pause(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopped and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))

    def stop(self) -> None:
        self.stopped = True

    def close(self) -> None:
        if self.producer is not None:
            self.producer.flush(5)
            self.producer = None


def _retention_for(age_ms: int) -> int:
    """The original's hour beyond records `age_ms` old, in whole hours: a simulated past is
    kept until it has been read."""
    return -(-(age_ms + RETENTION_MS) // HOUR_MS) * HOUR_MS


def _now_key() -> str:
    # The original's key: System.currentTimeMillis() when the batch is built.
    return str(time.time_ns() // NANOS_PER_MILLI)
