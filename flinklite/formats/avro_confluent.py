"""The 'avro-confluent' format's declaration: Avro with the Confluent schema-registry wire format.

Flink's AvroConfluentFormatOptions; `properties.*` pass through to the registry client."""

from __future__ import annotations

from flinklite.formats.registry import ConfigOption, FormatFactory

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
