"""The 'upsert-kafka' connector's declaration: a changelog keyed by the PRIMARY KEY, with
UpsertKafkaDynamicTableFactory's options and checks (key and value formats must be insert-only)."""

from __future__ import annotations

from flinklite.connectors import kafka
from flinklite.connectors.registry import SINK, SOURCE, ConnectorFactory, FormatSlot, TableContext
from flinklite.formats.registry import UPSERT


def _check_formats(ctx: TableContext) -> None:
    for role, key in (("key", "key.format"), ("value", "value.format")):
        fmt = ctx.format(role)
        if fmt is not None and not fmt.insert_only:
            name = ctx.raw[key]
            raise ctx.error(
                f"'upsert-kafka' connector doesn't support '{name}' as {role} format, because "
                f"'{name}' is not in insert-only mode.",
                key,
            )


def _check_primary_key(ctx: TableContext) -> None:
    if ctx.schema.primary_key is None:
        raise ctx.error(
            "'upsert-kafka' tables require to define a PRIMARY KEY constraint. The PRIMARY KEY "
            "specifies which columns should be read from or write to the Kafka message key. The "
            "PRIMARY KEY also defines records in the 'upsert-kafka' table should update or delete "
            "on which keys."
        )


def _check_buffer_flush(ctx: TableContext) -> None:
    rows = ctx.values.get("sink.buffer-flush.max-rows", 0)
    interval = ctx.values.get("sink.buffer-flush.interval")
    enabled_interval = interval is not None and interval.total_seconds() > 0
    if (rows > 0) != enabled_interval:
        raise ctx.error(
            "'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must be set to be "
            "greater than zero together to enable sink buffer flushing.",
            "sink.buffer-flush.max-rows" if rows > 0 else "sink.buffer-flush.interval",
        )


def check(ctx: TableContext) -> None:
    kafka.keep_properties(ctx)
    if ctx.mode == SOURCE:
        kafka.check_bounded_mode(ctx)
    _check_formats(ctx)
    _check_primary_key(ctx)
    if ctx.mode == SINK:
        _check_buffer_flush(ctx)
        kafka.check_delivery_guarantee(ctx)
    kafka.check_topic(ctx)
    kafka.check_value_fields(ctx)


FACTORY = ConnectorFactory(
    "upsert-kafka",
    required=(kafka.BOOTSTRAP_SERVERS, kafka.KEY_FORMAT, kafka.VALUE_FORMAT),
    optional=(
        kafka.TOPIC,
        kafka.TOPIC_PATTERN,
        kafka.KEY_FIELDS_PREFIX,
        kafka.VALUE_FIELDS_INCLUDE,
        kafka.SINK_PARALLELISM,
        kafka.SINK_BUFFER_INTERVAL,
        kafka.SINK_BUFFER_MAX_ROWS,
        kafka.SCAN_BOUNDED_MODE,
        kafka.SCAN_BOUNDED_SPECIFIC_OFFSETS,
        kafka.SCAN_BOUNDED_TIMESTAMP,
        kafka.DELIVERY_GUARANTEE,
        kafka.TRANSACTIONAL_ID_PREFIX,
        kafka.SCAN_PARALLELISM,
        kafka.TRANSACTION_NAMING,
        kafka.PARTITION_DISCOVERY,
    ),
    skip_prefixes=(kafka.PROPERTIES_PREFIX,),
    format_slots=(
        FormatSlot("key.format", role="key", required=True),
        FormatSlot("value.format", role="value", required=True),
    ),
    readable_metadata=kafka.READABLE_METADATA,
    writable_metadata=kafka.WRITABLE_METADATA,
    source_changelog=("UPDATE_AFTER", "DELETE"),
    sink_changelog=UPSERT,
    requires_primary_key=True,
    source_class=kafka.FACTORY.source_class,
    sink_class=kafka.FACTORY.sink_class,
    flink_source_class=kafka.FACTORY.flink_source_class,
    flink_sink_class=kafka.FACTORY.flink_sink_class,
    check=check,
    description="Reads and writes a Kafka topic as a changelog keyed by the primary key.",
)
