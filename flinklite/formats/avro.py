"""The 'avro' format's declaration: plain Avro records without a schema registry.

Flink's AvroFormatOptions: the codec of written files, the encoding, legacy timestamp mapping."""

from __future__ import annotations

from flinklite.formats.registry import ConfigOption, FormatFactory

OPTIONS = (
    ConfigOption("codec", default="snappy"),
    ConfigOption("encoding", "enum", "binary", ("binary", "json")),
    ConfigOption("timestamp_mapping.legacy", "boolean", True),
)

FACTORIES = (FormatFactory("avro", optional=OPTIONS),)
