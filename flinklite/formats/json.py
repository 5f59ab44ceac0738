"""The 'json' format's declaration and the JSON changelog formats Flink ships (debezium-json,
canal-json, maxwell-json, ogg-json), which flinklite accepts in DDL but cannot run yet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flinklite.catalog import types as T
from flinklite.errors import ValidationError
from flinklite.formats.registry import ALL_KINDS, FormatFactory, MetadataKey
from flinklite.options import ConfigOption

IGNORE_PARSE_ERRORS = ConfigOption("ignore-parse-errors", "boolean", False)
TIMESTAMP_FORMAT = ConfigOption("timestamp-format.standard", "enum", "SQL", ("SQL", "ISO-8601"))
MAP_NULL_KEY_MODE = ConfigOption("map-null-key.mode", "enum", "FAIL", ("FAIL", "DROP", "LITERAL"))
MAP_NULL_KEY_LITERAL = ConfigOption("map-null-key.literal", default="null")
DECIMAL_PLAIN = ConfigOption("encode.decimal-as-plain-number", "boolean", False)
IGNORE_NULL_FIELDS = ConfigOption("encode.ignore-null-fields", "boolean", False)

# The options every JSON-based format shares, in Flink's JsonFormatOptions.
_COMMON = (IGNORE_PARSE_ERRORS, TIMESTAMP_FORMAT, MAP_NULL_KEY_MODE, MAP_NULL_KEY_LITERAL)

JSON_OPTIONS = (
    ConfigOption("fail-on-missing-field", "boolean", False),
    *_COMMON,
    DECIMAL_PLAIN,
    IGNORE_NULL_FIELDS,
    ConfigOption("decode.json-parser.enabled", "boolean", True),
)


def check(values: Mapping[str, Any], prefix: str) -> None:
    """JsonFormatOptionsUtil.validateDecodingFormatOptions."""
    if values.get("fail-on-missing-field") and values.get("ignore-parse-errors"):
        raise ValidationError(
            f"{prefix}fail-on-missing-field and {prefix}ignore-parse-errors shouldn't both be true."
        )


def _string_not_null() -> T.DataType:
    return T.string(nullable=False)


_DEBEZIUM_METADATA = (
    MetadataKey("schema", T.string()),
    MetadataKey("ingestion-timestamp", T.timestamp_ltz(3)),
    MetadataKey("source.timestamp", T.timestamp_ltz(3)),
    MetadataKey("source.database", T.string()),
    MetadataKey("source.schema", T.string()),
    MetadataKey("source.table", T.string()),
    MetadataKey("source.properties", T.map_(_string_not_null(), T.string())),
)
_CANAL_METADATA = (
    MetadataKey("database", T.string()),
    MetadataKey("table", T.string()),
    MetadataKey("sql-type", T.map_(_string_not_null(), T.int_())),
    MetadataKey("pk-names", T.array(T.string())),
    MetadataKey("ingestion-timestamp", T.timestamp_ltz(3)),
    MetadataKey("event-timestamp", T.timestamp_ltz(3)),
)
_MAXWELL_METADATA = (
    MetadataKey("database", T.string()),
    MetadataKey("table", T.string()),
    MetadataKey("primary-key-columns", T.array(T.string())),
    MetadataKey("ingestion-timestamp", T.timestamp_ltz(3)),
)
_OGG_METADATA = (
    MetadataKey("table", T.string()),
    MetadataKey("primary-keys", T.array(T.string())),
    MetadataKey("ingestion-timestamp", T.timestamp_ltz(3)),
    MetadataKey("event-timestamp", T.timestamp_ltz(3)),
)


def _changelog_json(
    identifier: str, extra: tuple[ConfigOption, ...], metadata: tuple[MetadataKey, ...]
) -> FormatFactory:
    return FormatFactory(
        identifier,
        optional=_COMMON + extra,
        changelog=ALL_KINDS,
        readable_metadata=metadata,
        supported=False,
    )


FACTORIES = (
    FormatFactory("json", optional=JSON_OPTIONS, check=check),
    _changelog_json(
        "debezium-json",
        (ConfigOption("schema-include", "boolean", False), DECIMAL_PLAIN, IGNORE_NULL_FIELDS),
        _DEBEZIUM_METADATA,
    ),
    _changelog_json(
        "canal-json",
        (ConfigOption("database.include"), ConfigOption("table.include"), DECIMAL_PLAIN),
        _CANAL_METADATA,
    ),
    _changelog_json("maxwell-json", (DECIMAL_PLAIN, IGNORE_NULL_FIELDS), _MAXWELL_METADATA),
    _changelog_json("ogg-json", (), _OGG_METADATA),
)


def decoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowDecoder of one JSON object per record (see json_codec)."""
    from flinklite.formats import json_codec

    return json_codec.decoder(fields, options)


def encoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowEncoder writing one JSON object per row (see json_codec)."""
    from flinklite.formats import json_codec

    return json_codec.encoder(fields, options)
