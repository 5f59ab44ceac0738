"""The 'filesystem' connector's declaration: Flink's FileSystemConnectorOptions; a path and a
format are required, and options under the format's prefix are left to the format."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flinklite.catalog import types as T
from flinklite.connectors.registry import (
    ConfigOption,
    ConnectorFactory,
    FormatSlot,
    MetadataKey,
    TableContext,
)

PATH = ConfigOption("path", "path", description="The path of a directory or a file.")
FORMAT = ConfigOption("format")

OPTIONAL = (
    ConfigOption("partition.default-name", default="__DEFAULT_PARTITION__"),
    ConfigOption("source.monitor-interval", "duration"),
    ConfigOption("source.report-statistics", "enum", "ALL", ("NONE", "ALL")),
    ConfigOption("source.path.regex-pattern"),
    ConfigOption("sink.rolling-policy.file-size", "memory", 128 << 20),
    ConfigOption("sink.rolling-policy.rollover-interval", "duration"),
    ConfigOption("sink.rolling-policy.inactivity-interval", "duration"),
    ConfigOption("sink.rolling-policy.check-interval", "duration"),
    ConfigOption("sink.shuffle-by-partition.enable", "boolean", False),
    ConfigOption("partition.time-extractor.kind", default="default"),
    ConfigOption("partition.time-extractor.class"),
    ConfigOption("partition.time-extractor.timestamp-formatter"),
    ConfigOption("partition.time-extractor.timestamp-pattern"),
    ConfigOption("sink.partition-commit.trigger", default="process-time"),
    ConfigOption("sink.partition-commit.delay", "duration"),
    ConfigOption("sink.partition-commit.watermark-time-zone", default="UTC"),
    ConfigOption("sink.partition-commit.policy.kind"),
    ConfigOption("sink.partition-commit.policy.class"),
    ConfigOption("sink.partition-commit.policy.class.parameters", "list"),
    ConfigOption("sink.partition-commit.success-file.name", default="_SUCCESS"),
    ConfigOption("auto-compaction", "boolean", False),
    ConfigOption("compaction.file-size", "memory"),
    ConfigOption("sink.parallelism", "int"),
)

METADATA = (
    MetadataKey("file.path", T.string(False)),
    MetadataKey("file.name", T.string(False)),
    MetadataKey("file.size", T.bigint(False)),
    MetadataKey("file.modification-time", T.timestamp_ltz(3, nullable=False)),
)


def check(ctx: TableContext) -> None:
    key = "sink.partition-commit.watermark-time-zone"
    zone = ctx.values.get(key, "UTC")
    try:
        valid = zone == "UTC" or zone.startswith("GMT") or ZoneInfo(zone) is not None
    except (ZoneInfoNotFoundError, ValueError):
        valid = False
    if not valid:
        raise ctx.error(
            f"Invalid time zone for '{key}'. The value should be a Time Zone Database (TZDB) ID "
            "such as 'America/Los_Angeles' to include daylight saving time. Fixed offsets are "
            "supported using 'GMT-03:00' or 'GMT+03:00'. Or use 'UTC' without time zone and "
            "daylight saving time.",
            key,
        )


FACTORY = ConnectorFactory(
    "filesystem",
    required=(PATH, FORMAT),
    optional=OPTIONAL,
    # Flink validates the table's options before it looks the format up, and skips every key
    # under the format's prefix (some formats cannot list their options).
    format_slots=(FormatSlot("format", required=True, lenient=True, discover_first=False),),
    readable_metadata=METADATA,
    source_class="flinklite.connectors.filesystem_source.FileSystemSource",
    sink_class="flinklite.connectors.filesystem_sink.FileSystemSink",
    flink_source_class="org.apache.flink.connector.file.table.FileSystemTableSource",
    flink_sink_class="org.apache.flink.connector.file.table.FileSystemTableSink",
    check=check,
    description="Reads and writes files in a directory, optionally partitioned.",
)
