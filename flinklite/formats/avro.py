"""The 'avro' format's declaration: plain Avro records without a schema registry.

Flink's AvroFormatOptions: the codec of written files, the encoding, legacy timestamp mapping."""

from __future__ import annotations

from typing import Any

from flinklite.formats.registry import FormatFactory
from flinklite.options import ConfigOption

OPTIONS = (
    ConfigOption("codec", default="snappy"),
    ConfigOption("encoding", "enum", "binary", ("binary", "json")),
    ConfigOption("timestamp_mapping.legacy", "boolean", True),
)

FACTORIES = (FormatFactory("avro", optional=OPTIONS),)


def decoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowDecoder of Avro binary records written with the table's own schema."""
    from flinklite.formats.avro_codec import AvroReader, table_schema
    from flinklite.runtime.connector import RowDecoder

    _check_encoding(options)
    reader = AvroReader(fields, table_schema(fields))
    read = reader.read
    return RowDecoder(fields, lambda record: None if record is None else read(record))


def encoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowEncoder of rows to Avro binary under the table's own schema."""
    from flinklite.formats.avro_codec import AvroWriter
    from flinklite.runtime.connector import RowEncoder

    _check_encoding(options)
    return RowEncoder(fields, AvroWriter(fields).write)


def _check_encoding(options: dict[str, Any]) -> None:
    if options.get("encoding", "binary") != "binary":
        from flinklite.errors import ExecutionError

        raise ExecutionError("flinklite reads and writes Avro in the binary encoding only.")
