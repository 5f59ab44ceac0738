"""Connector and format option validation: the tutorial tables pass, and each kind of mistake
fails with Flink's message at the position of the offending WITH option."""

from __future__ import annotations

import datetime as dt

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.catalog import ObjectIdentifier, ResolvedTable
from flinklite.catalog.schema import MetadataColumn, PhysicalColumn, Schema, UniqueConstraint
from flinklite.connectors.registry import (
    SINK,
    SOURCE,
    castable,
    connector_identifiers,
    validate_resolved_table,
    validate_table,
)
from flinklite.errors import Pos, ValidationError
from flinklite.sql import ast

TABLE_POS = Pos(1, 1)


def strings(*names: str) -> list[PhysicalColumn]:
    return [PhysicalColumn(n, T.string()) for n in names]


def schema(*columns, pk: tuple[str, ...] = ()) -> Schema:
    cols = list(columns)
    if pk:
        cols = [PhysicalColumn(c.name, c.type.not_null()) if c.name in pk else c for c in cols]
    return Schema(tuple(cols), None, UniqueConstraint("PK_" + "_".join(pk), pk) if pk else None)


def positions(options: dict[str, str]) -> dict[str, Pos]:
    return {k: Pos(10 + i, 5) for i, k in enumerate(options)}


def validate(s: Schema, options: dict[str, str], mode: str = SOURCE):
    return validate_table(
        s,
        options,
        positions(options),
        mode=mode,
        identifier="default_catalog.default_database.t",
        table_pos=TABLE_POS,
    )


def error(s: Schema, options: dict[str, str], mode: str = SOURCE) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate(s, options, mode)
    return info.value


SALES = schema(
    *strings("invoice_id", "user_id", "product_id", "quantity", "unit_cost"),
    MetadataColumn("purchase_time", T.timestamp(3).as_time_attribute("ROWTIME"), "timestamp"),
)
SALES_OPTIONS = {
    "connector": "kafka",
    "topic": "flink.sales.records",
    "properties.bootstrap.servers": "my-cluster-kafka-bootstrap.flink.svc:9092",
    "properties.group.id": "sales-record-group",
    "value.format": "avro-confluent",
    "value.avro-confluent.url": "http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6",
    "scan.startup.mode": "latest-offset",
}
UPSERT_OPTIONS = {
    "connector": "upsert-kafka",
    "topic": "flink.unusual.sales.records.interactive",
    "properties.bootstrap.servers": "my-cluster-kafka-bootstrap.flink.svc:9092",
    "properties.client.id": "sql-cleaning-client",
    "properties.transaction.timeout.ms": "800000",
    "key.format": "csv",
    "value.format": "csv",
    "value.fields-include": "ALL",
}
UNUSUAL = schema(
    PhysicalColumn("user_id", T.string()),
    PhysicalColumn("unusual_invoice_id", T.string()),
    PhysicalColumn("unusual_quantity", T.int_()),
    PhysicalColumn("unusual_tstamp", T.timestamp(3)),
    pk=("user_id",),
)


# --- the tutorial tables -------------------------------------------------------------------------


def test_tutorial_kafka_avro_confluent_source() -> None:
    result = validate(SALES, SALES_OPTIONS)
    assert result.factory.identifier == "kafka"
    assert result.options["scan.startup.mode"] == "latest-offset"
    assert result.options["topic"] == ["flink.sales.records"]
    assert result.options["value.fields-include"] == "ALL"
    fmt, values = result.formats["value"]
    assert fmt.identifier == "avro-confluent" and values["url"].startswith("http://apicurio")
    assert result.changelog == ("INSERT",)


def test_tutorial_upsert_kafka_csv_sink() -> None:
    result = validate(UNUSUAL, UPSERT_OPTIONS, SINK)
    assert result.changelog == ("INSERT", "UPDATE_AFTER", "DELETE")
    assert result.formats["key"][0].identifier == "csv"


def test_tutorial_filesystem_csv_source() -> None:
    s = schema(*strings("product_id", "category", "stock", "rating"))
    options = {
        "connector": "filesystem",
        "path": "/opt/flink/data/productInventory.csv",
        "format": "csv",
        "csv.ignore-parse-errors": "true",
    }
    result = validate(s, options)
    assert result.formats["value"][1]["ignore-parse-errors"] is True


def test_validate_resolved_table_points_into_create_table() -> None:
    stmt = ast.CreateTable(
        ("t",),
        options=(
            ast.Property("connector", "datagen", pos=Pos(3, 5)),
            ast.Property("rows-per-secnd", "1", pos=Pos(4, 5)),
        ),
        pos=TABLE_POS,
    )
    table = ResolvedTable(
        ObjectIdentifier("default_catalog", "default_database", "t"),
        schema(),
        {"connector": "datagen", "rows-per-secnd": "1"},
        source=stmt,
    )
    with pytest.raises(ValidationError) as info:
        validate_resolved_table(table)
    assert info.value.pos == Pos(4, 5)
    assert info.value.hint == "did you mean 'rows-per-second'?"


# --- generic errors --------------------------------------------------------------------------------


def test_missing_connector() -> None:
    e = error(schema(), {"topic": "x"})
    assert e.message == (
        "Table options do not contain an option key 'connector' for discovering a connector."
    )
    assert e.pos == TABLE_POS


def test_unknown_connector() -> None:
    e = error(schema(), {"connector": "kafak"})
    assert e.message == (
        "Could not find any factory for identifier 'kafak' that implements "
        "'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\n"
        "Available factory identifiers are:\n\n" + "\n".join(connector_identifiers())
    )
    assert "\nkafka\n" in e.message
    assert e.hint == "did you mean 'kafka'?"
    assert e.pos == Pos(10, 5)


def test_unsupported_options_lists_supported_ones() -> None:
    s = schema(
        PhysicalColumn("user", T.bigint(False)),
        PhysicalColumn("product", T.varchar(32)),
        PhysicalColumn("amount", T.int_()),
        PhysicalColumn("ts", T.timestamp(3)),
    )
    e = error(s, {"connector": "datagen", "scan.startup.mode": "earliest-offset"})
    assert e.message == (
        "Unsupported options found for 'datagen'.\n\n"
        "Unsupported options:\n\nscan.startup.mode\n\n"
        "Supported options:\n\n"
        "connector\n"
        "fields.amount.kind\nfields.amount.max\nfields.amount.min\nfields.amount.null-rate\n"
        "fields.product.kind\nfields.product.length\nfields.product.null-rate\n"
        "fields.product.var-len\n"
        "fields.ts.kind\nfields.ts.max-past\nfields.ts.null-rate\n"
        "fields.user.kind\nfields.user.max\nfields.user.min\nfields.user.null-rate\n"
        "number-of-rows\nrows-per-second\nscan.parallelism"
    )
    assert e.pos == Pos(11, 5)


def test_missing_required_options() -> None:
    options = {k: v for k, v in SALES_OPTIONS.items() if k != "properties.bootstrap.servers"}
    e = error(SALES, options)
    assert e.message == (
        "One or more required options are missing.\n\n"
        "Missing required options are:\n\nproperties.bootstrap.servers"
    )


def test_invalid_enum_value() -> None:
    e = error(SALES, {**SALES_OPTIONS, "scan.startup.mode": "latest"})
    assert e.message.startswith("Invalid value for option 'scan.startup.mode'.")
    assert "earliest-offset, latest-offset, group-offsets, timestamp, specific-offsets" in e.message
    assert e.pos == Pos(16, 5)


def test_invalid_typed_values() -> None:
    e = error(schema(), {"connector": "datagen", "number-of-rows": "INVALID"})
    assert e.message == (
        "Invalid value for option 'number-of-rows'.\n"
        "Could not parse value 'INVALID' for key 'number-of-rows'.\n"
        'For input string: "INVALID"'
    )
    e = error(schema(), {"connector": "print", "standard-error": "yes"}, SINK)
    assert "Unrecognized option for boolean: yes." in e.message


def test_source_or_sink_only() -> None:
    e = error(schema(), {"connector": "print"})
    assert (
        e.message == "Connector 'print' can only be used as a sink. It cannot be used as a source."
    )
    e = error(schema(), {"connector": "datagen"}, SINK)
    assert (
        e.message
        == "Connector 'datagen' can only be used as a source. It cannot be used as a sink."
    )


# --- kafka -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"topic-pattern": "flink.*"},
            "Option 'topic' and 'topic-pattern' shouldn't be set together.",
        ),
        ({"topic": None}, "Either 'topic' or 'topic-pattern' must be set."),
        (
            {"scan.startup.mode": "timestamp"},
            "'scan.startup.timestamp-millis' is required in 'timestamp' startup mode but missing.",
        ),
        (
            {"scan.startup.mode": "specific-offsets"},
            "'scan.startup.specific-offsets' is required in 'specific-offsets' startup mode but "
            "missing.",
        ),
        (
            {"scan.startup.mode": "specific-offsets", "scan.startup.specific-offsets": "p0"},
            "Invalid properties 'scan.startup.specific-offsets' should follow the format "
            "'partition:0,offset:42;partition:1,offset:300', but is 'p0'.",
        ),
        (
            {"scan.bounded.mode": "timestamp"},
            "'scan.bounded.timestamp-millis' is required in 'timestamp' bounded mode but missing.",
        ),
        ({"value.format": None}, "Could not find required scan format 'value.format'."),
        (
            {"key.format": "raw"},
            "A key format 'key.format' requires the declaration of one or more of key fields "
            "using 'key.fields'.",
        ),
        (
            {"key.fields": "user_id"},
            "The option 'key.fields' can only be declared if a key format is defined using "
            "'key.format'.",
        ),
        (
            {"key.format": "raw", "key.fields": "purchase_time"},
            "Could not find the field 'purchase_time' in the table schema for usage in the key "
            "format. A key field must be a regular, physical column. The following columns can be "
            "selected in the 'key.fields' option:\n"
            "[invoice_id, user_id, product_id, quantity, unit_cost]",
        ),
        (
            {"key.format": "raw", "key.fields": "user_id", "key.fields-prefix": "k_"},
            "All fields in 'key.fields' must be prefixed with 'k_' when option "
            "'key.fields-prefix' is set but field 'user_id' is not prefixed.",
        ),
        (
            {"value.avro-confluent.url": None},
            "One or more required options are missing.\n\nMissing required options are:\n\nurl",
        ),
    ],
)
def test_kafka_source_errors(change: dict[str, str | None], message: str) -> None:
    options = {**SALES_OPTIONS, **change}
    options = {k: v for k, v in options.items() if v is not None}
    assert error(SALES, options).message == message


def test_kafka_key_fields_and_specific_offsets_pass() -> None:
    options = {
        **SALES_OPTIONS,
        "key.format": "raw",
        "key.fields": "user_id",
        "scan.startup.mode": "specific-offsets",
        "scan.startup.specific-offsets": "partition:0,offset:42;partition:1,offset:300",
    }
    result = validate(SALES, options)
    assert result.options["key.fields"] == ["user_id"]


def test_kafka_unknown_format() -> None:
    e = error(SALES, {**SALES_OPTIONS, "value.format": "avro-confluen"})
    # Flink 2.3's wording, as the oracle printed it for an unknown format
    assert e.message.startswith(
        "Could not find any format factory for identifier 'avro-confluen' in the classpath.\n\n"
        "Available format identifiers (DeserializationFormatFactory) are:\n\navro\navro-confluent\n"
    )
    assert e.hint == "did you mean 'avro-confluent'?"
    assert e.pos == Pos(14, 5)


def test_kafka_unknown_format_option() -> None:
    e = error(SALES, {**SALES_OPTIONS, "value.avro-confluent.schema-registry.url": "http://x"})
    assert e.message.startswith("Unsupported options found for 'kafka'.")
    assert "value.avro-confluent.schema-registry.url" in e.message
    assert "\nvalue.avro-confluent.url\n" in e.message
    assert "\nproperties.bootstrap.servers\n" in e.message


def test_kafka_primary_key_with_insert_only_format() -> None:
    s = schema(*strings("id", "v"), pk=("id",))
    options = {**SALES_OPTIONS}
    e = error(s, options)
    assert e.message == (
        "The Kafka table 'default_catalog.default_database.t' with 'avro-confluent' format "
        "doesn't support defining PRIMARY KEY constraint on the table, because it can't "
        "guarantee the semantic of primary key."
    )


def test_kafka_sink_rules() -> None:
    sink_options = {k: v for k, v in SALES_OPTIONS.items() if not k.startswith("scan.")}
    s = schema(*strings("invoice_id"))
    e = error(s, {**sink_options, "sink.delivery-guarantee": "exactly-once"}, SINK)
    assert e.message == (
        "sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE."
    )
    e = error(s, {**sink_options, "value.format": "nope"}, SINK)
    assert "(SerializationFormatFactory)" in e.message
    validate(s, {**sink_options, "sink.partitioner": "round-robin"}, SINK)


def test_kafka_debezium_value_format_and_its_metadata() -> None:
    s = schema(
        *strings("id"),
        MetadataColumn("origin_ts", T.timestamp_ltz(3), "value.source.timestamp", virtual=True),
        pk=("id",),
    )
    options = {**SALES_OPTIONS, "value.format": "debezium-json"}
    del options["value.avro-confluent.url"]
    result = validate(s, options)
    assert result.changelog == ("INSERT", "UPDATE_BEFORE", "UPDATE_AFTER", "DELETE")
    assert not result.formats["value"][0].supported


# --- upsert-kafka ----------------------------------------------------------------------------------


def test_upsert_kafka_requires_primary_key() -> None:
    no_pk = schema(*strings("user_id", "v"))
    e = error(no_pk, UPSERT_OPTIONS, SINK)
    assert e.message.startswith("'upsert-kafka' tables require to define a PRIMARY KEY constraint.")


def test_upsert_kafka_formats() -> None:
    options = {k: v for k, v in UPSERT_OPTIONS.items() if k != "key.format"}
    assert (
        error(UNUSUAL, options, SINK).message == "Could not find required sink format 'key.format'."
    )
    e = error(UNUSUAL, {**UPSERT_OPTIONS, "value.format": "debezium-json"})
    assert e.message == (
        "'upsert-kafka' connector doesn't support 'debezium-json' as value format, because "
        "'debezium-json' is not in insert-only mode."
    )
    e = error(UNUSUAL, {**UPSERT_OPTIONS, "scan.startup.mode": "earliest-offset"})
    assert e.message.startswith("Unsupported options found for 'upsert-kafka'.")


def test_upsert_kafka_buffer_flush() -> None:
    e = error(UNUSUAL, {**UPSERT_OPTIONS, "sink.buffer-flush.max-rows": "10"}, SINK)
    assert e.message == (
        "'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must be set to be greater "
        "than zero together to enable sink buffer flushing."
    )
    result = validate(
        UNUSUAL,
        {**UPSERT_OPTIONS, "sink.buffer-flush.max-rows": "10", "sink.buffer-flush.interval": "1 s"},
        SINK,
    )
    assert result.options["sink.buffer-flush.interval"] == dt.timedelta(seconds=1)


# --- filesystem, csv -----------------------------------------------------------------------------


def test_filesystem_required_options() -> None:
    e = error(schema(*strings("a")), {"connector": "filesystem"})
    assert e.message == (
        "One or more required options are missing.\n\nMissing required options are:\n\nformat\npath"
    )


def test_filesystem_format_option_values() -> None:
    base = {"connector": "filesystem", "path": "/tmp/x", "format": "csv"}
    e = error(schema(*strings("a")), {**base, "csv.ignore-parse-errors": "maybe"})
    assert e.message.startswith("Invalid value for option 'csv.ignore-parse-errors'.")
    assert e.pos == Pos(13, 5)
    e = error(schema(*strings("a")), {**base, "csv.field-delimiter": ";;"})
    assert (
        e.message
        == "Option 'csv.field-delimiter' must be a string with single character, but was: ;;"
    )
    validate(schema(*strings("a")), {**base, "csv.field-delimiter": "\\t"})
    e = error(
        schema(*strings("a")),
        {**base, "csv.disable-quote-character": "true", "csv.quote-character": "'"},
    )
    assert e.message == (
        "Format cannot define a quote character and disabled quote character at the same time."
    )


def test_filesystem_metadata() -> None:
    s = schema(*strings("a"), MetadataColumn("f", T.string(), "file.path", virtual=True))
    validate(s, {"connector": "filesystem", "path": "/tmp", "format": "json"})


# --- datagen, print, blackhole --------------------------------------------------------------------


def test_datagen_field_options() -> None:
    s = schema(PhysicalColumn("id", T.int_()), PhysicalColumn("name", T.string()))
    result = validate(
        s,
        {
            "connector": "datagen",
            "number-of-rows": "10",
            "fields.id.kind": "sequence",
            "fields.id.start": "1",
            "fields.id.end": "10",
            "fields.name.length": "5",
        },
    )
    assert result.options["number-of-rows"] == 10 and result.options["fields.id.start"] == 1
    assert result.options["rows-per-second"] == 10000
    e = error(s, {"connector": "datagen", "fields.id.kind": "sequence", "fields.id.start": "1"})
    assert e.message == "Could not find required property 'fields.id.end' for sequence generator."
    e = error(s, {"connector": "datagen", "fields.id.kind": "rnd"})
    assert e.message == "Unsupported generator kind: rnd"
    e = error(s, {"connector": "datagen", "fields.nme.length": "3"})
    assert e.message.startswith("Unsupported options found for 'datagen'.")
    assert e.hint == "did you mean 'fields.name.length'?"
    e = error(s, {"connector": "datagen", "fields.id.var-len": "true"})
    assert e.message.startswith("Unsupported options found for 'datagen'.")
    e = error(
        schema(PhysicalColumn("c", T.varchar(3))), {"connector": "datagen", "fields.c.length": "5"}
    )
    assert e.message == (
        "Custom length '5' for variable-length type (VARCHAR/STRING/VARBINARY/BYTES) field 'c' "
        "should be shorter than '3' defined in the schema."
    )


def test_print_and_blackhole() -> None:
    validate(schema(*strings("a")), {"connector": "print", "print-identifier": "out"}, SINK)
    validate(schema(*strings("a")), {"connector": "blackhole"}, SINK)
    e = error(schema(*strings("a")), {"connector": "blackhole", "x": "1"}, SINK)
    assert e.message == (
        "Unsupported options found for 'blackhole'.\n\nUnsupported options:\n\nx\n\n"
        "Supported options:\n\nconnector"
    )


# --- metadata columns ------------------------------------------------------------------------------


def test_metadata_key_unknown() -> None:
    s = schema(*strings("a"), MetadataColumn("ts", T.timestamp(3), "timestmp", pos=Pos(4, 5)))
    e = error(s, {**SALES_OPTIONS})
    assert e.message == (
        "Invalid metadata key 'timestmp' in column 'ts' of table "
        "'default_catalog.default_database.t'. The DynamicTableSource class "
        "'org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicSource' supports the "
        "following metadata keys for reading:\n"
        "topic\npartition\nheaders\nleader-epoch\noffset\ntimestamp\ntimestamp-type"
    )
    assert e.pos == Pos(4, 5)
    assert e.hint == "did you mean 'timestamp'?"


def test_metadata_type_must_be_castable() -> None:
    s = schema(*strings("a"), MetadataColumn("headers", T.int_()))
    e = error(s, {**SALES_OPTIONS})
    assert e.message == (
        "Invalid data type for metadata column 'headers' of table "
        "'default_catalog.default_database.t'. The column cannot be declared as 'INT' because "
        "the type must be castable from metadata type 'MAP<STRING, BYTES> NOT NULL'."
    )


def test_metadata_for_sinks() -> None:
    sink_options = {k: v for k, v in SALES_OPTIONS.items() if not k.startswith("scan.")}
    # The tutorial's source table is fine as a sink too: its timestamp is writable.
    validate(SALES, sink_options, SINK)
    virtual = schema(*strings("a"), MetadataColumn("o", T.bigint(), "offset", virtual=True))
    validate(virtual, sink_options, SINK)
    persisted = schema(*strings("a"), MetadataColumn("o", T.bigint(), "offset"))
    e = error(persisted, sink_options, SINK)
    assert (
        "supports the following metadata keys for writing:\ntopic\nheaders\ntimestamp" in e.message
    )
    e = error(persisted, {"connector": "print"}, SINK)
    assert e.message.startswith(
        "Table 'default_catalog.default_database.t' declares persistable metadata columns"
    )


def test_castable() -> None:
    ltz = T.timestamp_ltz(3, nullable=False)
    assert castable(ltz, T.timestamp(3))
    assert castable(T.int_(), T.string())
    assert castable(T.string(), T.int_())
    assert not castable(T.map_(T.string(), T.bytes_()), T.int_())
    assert not castable(T.boolean(), T.timestamp(3))
    assert castable(T.array(T.int_()), T.array(T.bigint()))


# --- the flinklite generator ---------------------------------------------------------------------


def generator_schema(*names: str) -> Schema:
    # TIMESTAMP(3) reading the TIMESTAMP_LTZ(3) key works, as in the tutorial's tables.
    return schema(*strings(*names), MetadataColumn("purchase_time", T.timestamp(3), "timestamp"))


def test_generator_defaults_and_metadata() -> None:
    s = generator_schema("invoice_id", "user_id", "product_id", "quantity", "unit_cost")
    result = validate(s, {"connector": "flinklite-generator", "data": "sales"})
    assert result.options["rows-per-second"] == 100
    assert result.options["clock"] == "real"
    click = validate(
        generator_schema("user_id", "product_id"),
        {
            "connector": "flinklite-generator",
            "data": "clickStream",
            "clock": "simulated",
            "start-time": "2025-07-10 14:00:00",
            "seed": "42",
            "number-of-rows": "1000",
        },
    )
    assert click.options["rows-per-second"] == 1 and click.options["seed"] == 42


def test_generator_errors() -> None:
    s = generator_schema("user_id", "price")
    e = error(s, {"connector": "flinklite-generator"})
    assert e.message.endswith("Missing required options are:\n\ndata")
    e = error(s, {"connector": "flinklite-generator", "data": "clickstream2"})
    assert "Expected one of: [sales, clickStream, internationalSales]" in e.message
    e = error(s, {"connector": "flinklite-generator", "data": "clickStream"})
    assert e.message == (
        "Column 'price' is not a field of the 'clickStream' data set. Its fields are: "
        "[user_id, product_id]."
    )
    e = error(
        generator_schema("user_id"),
        {"connector": "flinklite-generator", "data": "sales", "start-time": "yesterday"},
    )
    assert e.message.startswith("Invalid value for option 'start-time'.")
    e = error(
        generator_schema("user_id"), {"connector": "flinklite-generator", "data": "sales"}, SINK
    )
    assert "can only be used as a source" in e.message
