"""The 'avro-confluent' format's declaration: Avro with the Confluent schema-registry wire format.

Flink's AvroConfluentFormatOptions; `properties.*` pass through to the registry client."""

from __future__ import annotations

from typing import Any

from flinklite.formats.registry import FormatFactory
from flinklite.options import ConfigOption

REQUIRED = (ConfigOption("url", description="The URL of the Confluent Schema Registry."),)

OPTIONS = (
    ConfigOption("subject"),
    ConfigOption("schema"),
    ConfigOption("ssl.keystore.location"),
    ConfigOption("ssl.keystore.password"),
    ConfigOption("ssl.truststore.location"),
    ConfigOption("ssl.truststore.password"),
    ConfigOption("basic-auth.credentials-source"),
    ConfigOption("basic-auth.user-info"),
    ConfigOption("bearer-auth.credentials-source"),
    ConfigOption("bearer-auth.token"),
    ConfigOption("properties", "string", prefix_map=True),
)

FACTORIES = (FormatFactory("avro-confluent", required=REQUIRED, optional=OPTIONS),)

MAGIC = 0


def decoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowDecoder of Confluent-framed Avro (magic 0, 4-byte schema id, Avro binary): each
    record is read with the writer schema its id names in the registry, fields by name."""
    from flinklite.errors import FlinkliteError
    from flinklite.formats.avro_codec import AvroReader
    from flinklite.formats.schema_registry import client_for
    from flinklite.runtime.connector import RowDecoder

    registry = client_for(options)
    readers: dict[int, Any] = {}

    def decode(record: Any) -> tuple | None:
        if record is None:
            return None
        if len(record) < 5 or record[0] != MAGIC:
            raise ValueError("Unknown data format. Magic number does not match")
        schema_id = int.from_bytes(record[1:5], "big")
        reader = readers.get(schema_id)
        if reader is None:
            try:
                writer = registry.schema_by_id(schema_id)
            except FlinkliteError as e:  # e.g. an id the registry does not know
                raise ValueError(f"Could not fetch the writer schema {schema_id}: {e}") from None
            reader = readers[schema_id] = AvroReader(fields, writer)
        return reader.read(record, 5)

    return RowDecoder(fields, decode)


def encoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowEncoder to Confluent-framed Avro: the table's schema (or the 'schema' option) is
    registered under the 'subject' option on first use."""
    from flinklite.errors import ExecutionError
    from flinklite.formats.avro_codec import AvroWriter, schema_text
    from flinklite.formats.schema_registry import client_for
    from flinklite.runtime.connector import RowEncoder

    subject = options.get("subject")
    if not subject:
        raise ExecutionError(
            "Option 'subject' of format 'avro-confluent' is required for serialization "
            "when the topic does not name it."
        )
    writer = AvroWriter(fields, options.get("schema"))
    schema_id = client_for(options).register(subject, schema_text(writer.schema_json))
    prefix = bytes([MAGIC]) + schema_id.to_bytes(4, "big")
    write = writer.write
    return RowEncoder(fields, lambda row: write(row, prefix))
