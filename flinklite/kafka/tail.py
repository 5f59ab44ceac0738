"""Reading a topic's records decoded, one line each, as kafka-console-consumer shows them:
text for csv/raw, JSON for json and for Avro read with the writer schema its registry id names.

Used by `flinklite topic tail`; a record that cannot be decoded is reported and skipped."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from flinklite.connectors.kafka_runtime import RECORD_ERRORS
from flinklite.errors import ExecutionError
from flinklite.kafka.brokers import CONNECT_TIMEOUT_S, client, metadata

FORMATS = ("raw", "csv", "json", "avro-confluent")
POLL_TIMEOUT_S = 0.2


@dataclass(frozen=True, slots=True)
class TailOptions:
    """What to read: `from_beginning` starts at each partition's first record (else at its
    end); `max_records` stops after that many; `exit_at_end` stops once every partition is
    read up to its end."""

    topic: str
    bootstrap_servers: str
    format: str = "raw"
    registry_url: str | None = None
    from_beginning: bool = False
    max_records: int | None = None
    with_key: bool = False
    exit_at_end: bool = False
    connect_timeout_s: float = CONNECT_TIMEOUT_S


def value_decoder(fmt: str, registry_url: str | None) -> Callable[[bytes], str]:
    """Bytes of a record value (not None) to the text shown for it in format `fmt`."""
    if fmt in ("raw", "csv"):
        return lambda data: data.decode("utf-8", "replace")
    if fmt == "json":
        return lambda data: json.dumps(json.loads(data), ensure_ascii=False)
    if fmt == "avro-confluent":
        if not registry_url:
            raise ExecutionError("Format 'avro-confluent' needs the schema registry's URL.")
        return _avro_confluent(registry_url)
    raise ExecutionError(f"Unknown format '{fmt}': choose from {', '.join(FORMATS)}.")


def _avro_confluent(url: str) -> Callable[[bytes], str]:
    import fastavro

    from flinklite.formats.schema_registry import SchemaRegistryClient

    registry = SchemaRegistryClient(url)
    schemas: dict[int, Any] = {}

    def decode(data: bytes) -> str:
        if len(data) < 5 or data[0] != 0:
            raise ValueError("Unknown data format. Magic number does not match")
        schema_id = int.from_bytes(data[1:5], "big")
        schema = schemas.get(schema_id)
        if schema is None:
            text = registry.schema_by_id(schema_id)
            schema = schemas[schema_id] = fastavro.parse_schema(json.loads(text))
        record = fastavro.schemaless_reader(io.BytesIO(data[5:]), schema, None)
        return json.dumps(record, ensure_ascii=False, default=str)

    return decode


class TopicTail:
    """Iterates a topic's records as printable lines; `bad` is called with a message for each
    record the format cannot decode."""

    def __init__(self, options: TailOptions, bad: Callable[[str], None]) -> None:
        self.options = options
        self.bad = bad
        self.decode = value_decoder(options.format, options.registry_url)
        self.count = 0
        self.consumer: Any = None

    def open(self) -> None:
        from confluent_kafka import OFFSET_BEGINNING, OFFSET_END, TopicPartition

        opts = self.options
        self.consumer = client(
            "Consumer",
            {
                "bootstrap.servers": opts.bootstrap_servers,
                "group.id": f"flinklite-tail-{uuid.uuid4().hex[:12]}",
                "enable.auto.commit": False,
                "enable.partition.eof": True,
            },
            f"Topic '{opts.topic}'",
        )
        meta = metadata(self.consumer, opts.bootstrap_servers, opts.connect_timeout_s)
        info = meta.topics.get(opts.topic)
        if info is None or info.error is not None or not info.partitions:
            raise ExecutionError(
                f"Topic '{opts.topic}' does not exist on the Kafka brokers at "
                f"{opts.bootstrap_servers}."
            )
        start = OFFSET_BEGINNING if opts.from_beginning else OFFSET_END
        self.partitions = sorted(info.partitions)
        self.consumer.assign([TopicPartition(opts.topic, p, start) for p in self.partitions])

    def lines(self) -> Iterator[str]:
        """Lines until --max records or, with exit_at_end, until every partition is caught up;
        otherwise forever (the caller ends it)."""
        opts = self.options
        at_end: set[int] = set()
        limit = opts.max_records
        while limit is None or self.count < limit:
            for msg in self.consumer.consume(500, POLL_TIMEOUT_S):
                err = msg.error()
                if err is not None:
                    if err.code() == err._PARTITION_EOF:
                        at_end.add(msg.partition())
                        continue
                    raise ExecutionError(f"Reading topic '{opts.topic}' failed: {err.str()}")
                at_end.discard(msg.partition())
                line = self._line(msg)
                if line is None:
                    continue
                self.count += 1
                yield line
                if limit is not None and self.count >= limit:
                    return
            if opts.exit_at_end and len(at_end) == len(self.partitions):
                return

    def _line(self, msg: Any) -> str | None:
        value = msg.value()
        try:
            text = "null" if value is None else self.decode(value)
        except (*RECORD_ERRORS, ExecutionError) as e:
            self.bad(
                f"Cannot decode the record at partition {msg.partition()}, offset "
                f"{msg.offset()} as {self.options.format}: {e}"
            )
            return None
        if not self.options.with_key:
            return text
        key = msg.key()
        return ("null" if key is None else key.decode("utf-8", "replace")) + "\t" + text

    def close(self) -> None:
        if self.consumer is not None:
            self.consumer.close()
            self.consumer = None
