"""The avro-confluent wire format cross-checked with confluent-kafka's own serializers: bytes
they write decode in flinklite, and bytes flinklite writes decode with their deserializer."""

from __future__ import annotations

import json

from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.formats import avro_confluent

FIELDS = (
    RowField("invoice_id", T.string()),
    RowField("quantity", T.int_()),
    RowField("price", T.double()),
)
SCHEMA = json.dumps(
    {
        "type": "record",
        "name": "Sale",
        "namespace": "com.example",
        "fields": [
            {"name": "invoice_id", "type": ["null", "string"], "default": None},
            {"name": "quantity", "type": ["null", "int"], "default": None},
            {"name": "price", "type": ["null", "double"], "default": None},
        ],
    }
)


def test_confluents_serializer_bytes_decode_in_flinklite(schema_registry):
    _, url = schema_registry
    client = SchemaRegistryClient({"url": url})
    serialize = AvroSerializer(client, SCHEMA)
    ctx = SerializationContext("wire-a", MessageField.VALUE)
    data = serialize({"invoice_id": "inv-1", "quantity": 3, "price": 1.5}, ctx)
    decoder = avro_confluent.decoder(FIELDS, {"url": url})
    assert decoder.decode(data) == ("inv-1", 3, 1.5)


def test_flinklite_bytes_decode_with_confluents_deserializer(schema_registry):
    _, url = schema_registry
    encoder = avro_confluent.encoder(FIELDS, {"url": url, "subject": "wire-b-value"})
    data = encoder.encode(("inv-2", None, 2.25))
    client = SchemaRegistryClient({"url": url})
    value = AvroDeserializer(client)(data, SerializationContext("wire-b", MessageField.VALUE))
    assert value == {"invoice_id": "inv-2", "quantity": None, "price": 2.25}
