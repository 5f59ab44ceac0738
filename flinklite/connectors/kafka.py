"""The 'kafka' connector's declaration: Flink's KafkaConnectorOptions, metadata keys and the
checks of KafkaConnectorOptionsUtil (topics, startup and bounded modes, key fields, sink rules)."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.connectors.registry import (
    SINK,
    SOURCE,
    ConfigOption,
    ConnectorFactory,
    FormatSlot,
    MetadataKey,
    TableContext,
)
from flinklite.formats.registry import changelog_text

PROPERTIES_PREFIX = "properties."

BOOTSTRAP_SERVERS = ConfigOption("properties.bootstrap.servers")
GROUP_ID = ConfigOption("properties.group.id")
TOPIC = ConfigOption("topic", "list")
TOPIC_PATTERN = ConfigOption("topic-pattern")
KEY_FORMAT = ConfigOption("key.format")
VALUE_FORMAT = ConfigOption("value.format")
FORMAT = ConfigOption("format")
KEY_FIELDS = ConfigOption("key.fields", "list")
KEY_FIELDS_PREFIX = ConfigOption("key.fields-prefix")
VALUE_FIELDS_INCLUDE = ConfigOption("value.fields-include", "enum", "ALL", ("ALL", "EXCEPT_KEY"))
STARTUP_MODES = (
    "earliest-offset",
    "latest-offset",
    "group-offsets",
    "timestamp",
    "specific-offsets",
)
SCAN_STARTUP_MODE = ConfigOption("scan.startup.mode", "enum", "group-offsets", STARTUP_MODES)
SCAN_STARTUP_SPECIFIC_OFFSETS = ConfigOption("scan.startup.specific-offsets")
SCAN_STARTUP_TIMESTAMP = ConfigOption("scan.startup.timestamp-millis", "long")
BOUNDED_MODES = ("unbounded", "latest-offset", "group-offsets", "timestamp", "specific-offsets")
SCAN_BOUNDED_MODE = ConfigOption("scan.bounded.mode", "enum", "unbounded", BOUNDED_MODES)
SCAN_BOUNDED_SPECIFIC_OFFSETS = ConfigOption("scan.bounded.specific-offsets")
SCAN_BOUNDED_TIMESTAMP = ConfigOption("scan.bounded.timestamp-millis", "long")
PARTITION_DISCOVERY = ConfigOption("scan.topic-partition-discovery.interval", "duration")
SCAN_PARALLELISM = ConfigOption("scan.parallelism", "int")
SINK_PARALLELISM = ConfigOption("sink.parallelism", "int")
SINK_PARTITIONER = ConfigOption("sink.partitioner", default="default")
SINK_BUFFER_MAX_ROWS = ConfigOption("sink.buffer-flush.max-rows", "int", 0)
SINK_BUFFER_INTERVAL = ConfigOption("sink.buffer-flush.interval", "duration")
DELIVERY_GUARANTEES = ("exactly-once", "at-least-once", "none")
DELIVERY_GUARANTEE = ConfigOption(
    "sink.delivery-guarantee", "enum", "at-least-once", DELIVERY_GUARANTEES
)
TRANSACTIONAL_ID_PREFIX = ConfigOption("sink.transactional-id-prefix")
TRANSACTION_NAMING = ConfigOption(
    "sink.transaction-naming-strategy", "enum", "DEFAULT", ("DEFAULT", "POOLING")
)
SINK_SEMANTIC = ConfigOption("sink.semantic")  # deprecated spelling of the delivery guarantee

READABLE_METADATA = (
    MetadataKey("topic", T.string(False)),
    MetadataKey("partition", T.int_(False)),
    MetadataKey("headers", T.map_(T.string(), T.bytes_(), nullable=False)),
    MetadataKey("leader-epoch", T.int_()),
    MetadataKey("offset", T.bigint(False)),
    MetadataKey("timestamp", T.timestamp_ltz(3, nullable=False)),
    MetadataKey("timestamp-type", T.string(False)),
)
WRITABLE_METADATA = (
    MetadataKey("topic", T.string()),
    MetadataKey("headers", T.map_(T.string(), T.bytes_())),
    MetadataKey("timestamp", T.timestamp_ltz(3)),
)

# --- checks shared with upsert-kafka ---------------------------------------------------------------


def check_topic(ctx: TableContext) -> None:
    if ctx.present("topic") and ctx.present("topic-pattern"):
        raise ctx.error(
            "Option 'topic' and 'topic-pattern' shouldn't be set together.", "topic-pattern"
        )
    if not ctx.present("topic") and not ctx.present("topic-pattern"):
        raise ctx.error("Either 'topic' or 'topic-pattern' must be set.")


def _single_topic(ctx: TableContext) -> bool:
    topics = ctx.values.get("topic")
    return topics is not None and len(topics) == 1


def _check_offsets(ctx: TableContext, key: str) -> None:
    text = ctx.raw[key]
    message = (
        f"Invalid properties '{key}' should follow the format "
        f"'partition:0,offset:42;partition:1,offset:300', but is '{text}'."
    )
    for pair in text.split(";"):
        parts = pair.split(",")
        if len(parts) != 2 or not parts[0].startswith("partition:"):
            raise ctx.error(message, key)
        if not parts[1].startswith("offset:"):
            raise ctx.error(message, key)
        try:
            int(parts[0][len("partition:") :])
            int(parts[1][len("offset:") :])
        except ValueError:
            raise ctx.error(message, key) from None


def _check_mode(ctx: TableContext, mode_key: str, what: str, timestamp_key: str, offsets_key: str):
    mode = ctx.values.get(mode_key) if ctx.present(mode_key) else None
    if mode == "timestamp" and not ctx.present(timestamp_key):
        raise ctx.error(
            f"'{timestamp_key}' is required in 'timestamp' {what} mode but missing.", mode_key
        )
    if mode == "specific-offsets":
        if not ctx.present(offsets_key):
            raise ctx.error(
                f"'{offsets_key}' is required in 'specific-offsets' {what} mode but missing.",
                mode_key,
            )
        if not _single_topic(ctx):
            raise ctx.error(
                "Currently Kafka source only supports specific offset for single topic.", mode_key
            )
        _check_offsets(ctx, offsets_key)


def check_bounded_mode(ctx: TableContext) -> None:
    _check_mode(
        ctx,
        "scan.bounded.mode",
        "bounded",
        SCAN_BOUNDED_TIMESTAMP.key,
        SCAN_BOUNDED_SPECIFIC_OFFSETS.key,
    )


def check_key_fields(ctx: TableContext) -> tuple[str, ...]:
    """KafkaConnectorOptionsUtil.createKeyFormatProjection: the key fields, checked."""
    has_format, fields = ctx.present("key.format"), ctx.values.get("key.fields")
    if not has_format and ctx.present("key.fields"):
        raise ctx.error(
            "The option 'key.fields' can only be declared if a key format is defined using "
            "'key.format'.",
            "key.fields",
        )
    if has_format and not [f for f in fields or [] if f]:
        raise ctx.error(
            "A key format 'key.format' requires the declaration of one or more of key fields "
            "using 'key.fields'.",
            "key.format",
        )
    if not has_format:
        return ()
    prefix = ctx.raw.get("key.fields-prefix", "")
    physical = [c.name for c in ctx.schema.physical_columns]
    for name in fields or []:
        if name not in physical:
            raise ctx.error(
                f"Could not find the field '{name}' in the table schema for usage in the key "
                "format. A key field must be a regular, physical column. The following columns "
                f"can be selected in the 'key.fields' option:\n[{', '.join(physical)}]",
                "key.fields",
            )
        if not name.startswith(prefix):
            raise ctx.error(
                f"All fields in 'key.fields' must be prefixed with '{prefix}' when option "
                f"'key.fields-prefix' is set but field '{name}' is not prefixed.",
                "key.fields",
            )
    return tuple(fields or ())


def check_value_fields(ctx: TableContext) -> None:
    if ctx.values.get("value.fields-include") == "ALL" and ctx.raw.get("key.fields-prefix"):
        raise ctx.error(
            "A key prefix is not allowed when option 'value.fields-include' is set to 'ALL'. "
            "Set it to 'EXCEPT_KEY' instead to avoid field overlaps.",
            "key.fields-prefix",
        )


def check_delivery_guarantee(ctx: TableContext) -> None:
    if ctx.values.get("sink.delivery-guarantee") == "exactly-once" and not ctx.present(
        "sink.transactional-id-prefix"
    ):
        raise ctx.error(
            "sink.transactional-id-prefix must be specified when using "
            "DeliveryGuarantee.EXACTLY_ONCE.",
            "sink.delivery-guarantee",
        )


# --- kafka -----------------------------------------------------------------------------------------


def _check_key_format_insert_only(ctx: TableContext) -> None:
    fmt = ctx.format("key")
    if fmt is not None and not fmt.insert_only:
        raise ctx.error(
            "A key format should only deal with INSERT-only records. But "
            f"{ctx.raw['key.format']} has a changelog mode of {changelog_text(fmt.changelog)}.",
            "key.format",
        )


def _check_primary_key(ctx: TableContext) -> None:
    value = ctx.format("value")
    if ctx.schema.primary_key is not None and value is not None and value.insert_only:
        name = ctx.raw.get("format", ctx.raw.get("value.format"))
        raise ctx.error(
            f"The Kafka table '{ctx.identifier}' with '{name}' format doesn't support defining "
            "PRIMARY KEY constraint on the table, because it can't guarantee the semantic of "
            "primary key."
        )


def _check_partitioner(ctx: TableContext) -> None:
    partitioner = ctx.raw.get("sink.partitioner")
    if partitioner is None:
        return
    if partitioner == "round-robin" and ctx.present("key.fields"):
        raise ctx.error(
            "Currently 'round-robin' partitioner only works when option 'key.fields' is not "
            "specified.",
            "sink.partitioner",
        )
    if partitioner == "":
        raise ctx.error(
            "Option 'sink.partitioner' should be a non-empty string.", "sink.partitioner"
        )


def keep_properties(ctx: TableContext) -> None:
    """The 'properties.*' options go to the Kafka client as they are."""
    for key, value in ctx.raw.items():
        if key.startswith(PROPERTIES_PREFIX):
            ctx.values.setdefault(key, value)


def check(ctx: TableContext) -> None:
    keep_properties(ctx)
    _check_key_format_insert_only(ctx)
    check_topic(ctx)
    if ctx.mode == SOURCE:
        _check_mode(
            ctx,
            "scan.startup.mode",
            "startup",
            SCAN_STARTUP_TIMESTAMP.key,
            SCAN_STARTUP_SPECIFIC_OFFSETS.key,
        )
        check_bounded_mode(ctx)
    if ctx.mode == SINK:
        _check_partitioner(ctx)
        check_delivery_guarantee(ctx)
    _check_primary_key(ctx)
    check_key_fields(ctx)
    check_value_fields(ctx)


FACTORY = ConnectorFactory(
    "kafka",
    required=(BOOTSTRAP_SERVERS,),
    optional=(
        FORMAT,
        KEY_FORMAT,
        KEY_FIELDS,
        KEY_FIELDS_PREFIX,
        VALUE_FORMAT,
        VALUE_FIELDS_INCLUDE,
        TOPIC,
        TOPIC_PATTERN,
        GROUP_ID,
        SCAN_STARTUP_MODE,
        SCAN_STARTUP_SPECIFIC_OFFSETS,
        PARTITION_DISCOVERY,
        SCAN_STARTUP_TIMESTAMP,
        SINK_PARTITIONER,
        SINK_PARALLELISM,
        DELIVERY_GUARANTEE,
        TRANSACTIONAL_ID_PREFIX,
        SINK_SEMANTIC,
        SCAN_BOUNDED_MODE,
        SCAN_BOUNDED_SPECIFIC_OFFSETS,
        SCAN_BOUNDED_TIMESTAMP,
        SCAN_PARALLELISM,
        TRANSACTION_NAMING,
    ),
    skip_prefixes=(PROPERTIES_PREFIX,),
    format_slots=(
        FormatSlot("key.format", role="key"),
        FormatSlot("value.format", role="value", required=True, alternatives=("format",)),
    ),
    readable_metadata=READABLE_METADATA,
    writable_metadata=WRITABLE_METADATA,
    format_metadata_prefix="value.",
    source_changelog=None,  # whatever the value format produces (debezium-json: updates)
    source_class="flinklite.connectors.kafka_runtime.KafkaSource",
    sink_class="flinklite.connectors.kafka_sink.KafkaSink",
    flink_source_class="org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicSource",
    flink_sink_class="org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicSink",
    check=check,
    description="Reads from and writes to Apache Kafka topics.",
)
