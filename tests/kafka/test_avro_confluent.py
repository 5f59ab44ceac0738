"""avro-confluent against a real broker and a Confluent-compatible registry: records framed
as the StreamsHub generator frames them (magic 0, 4-byte id, Avro binary in writer order) read
by field name; rows written with the table's schema registered under <topic>-value; and the
tutorial's anomaly job end to end (Avro sales in, upsert-kafka CSV matches out)."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import time

import fastavro
from confluent_kafka import Producer
from kafka_helpers import consume, end_offset, expected_matches

from flinklite.cli.main import main
from flinklite.datagen.streamshub import StreamsHubGenerator
from flinklite.session import Session

SALES_SCHEMA = {
    "namespace": "com.github.streamshub.kafka.data.generator.schema",
    "type": "record",
    "name": "Sales",
    "fields": [
        {"name": "user_id", "type": "string"},
        {"name": "product_id", "type": "string"},
        {"name": "invoice_id", "type": "string"},
        {"name": "quantity", "type": "string"},
        {"name": "unit_cost", "type": "string"},
    ],
}


def produce_sales(bootstrap, registry, topic, records):
    """records: (values in table order, timestamp ms); framed with the registry's id."""
    schema_id = registry.register(f"{topic}-value", json.dumps(SALES_SCHEMA))
    parsed = fastavro.parse_schema(SALES_SCHEMA)
    names = ("invoice_id", "user_id", "product_id", "quantity", "unit_cost")
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 20})
    for values, ts in records:
        out = io.BytesIO()
        out.write(b"\x00" + schema_id.to_bytes(4, "big"))
        fastavro.schemaless_writer(out, parsed, dict(zip(names, values, strict=True)))
        while True:
            try:
                producer.produce(topic, out.getvalue(), str(ts).encode(), timestamp=ts)
                break
            except BufferError:
                producer.poll(0.1)
    assert producer.flush(30) == 0


def sales_table(topic, bootstrap, url, first_offset=0):
    # Other tests produce into the tutorial's topic too: read from where this one began.
    startup = (
        "'scan.startup.mode' = 'specific-offsets', "
        f"'scan.startup.specific-offsets' = 'partition:0,offset:{first_offset}'"
    )
    return (
        "CREATE TABLE SalesRecordTable ( invoice_id STRING, user_id STRING, product_id STRING, "
        "quantity STRING, unit_cost STRING, "
        "`purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp', "
        "WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND ) WITH ( "
        f"'connector' = 'kafka', 'topic' = '{topic}', "
        f"'properties.bootstrap.servers' = '{bootstrap}', "
        "'properties.group.id' = 'sales-record-group', 'value.format' = 'avro-confluent', "
        f"'value.avro-confluent.url' = '{url}', {startup}, "
        "'scan.bounded.mode' = 'latest-offset' );"
    )


def test_reads_generator_framed_avro_by_field_name(kafka_bootstrap, schema_registry, topic):
    registry, url = schema_registry
    records = StreamsHubGenerator(
        "sales", seed=7, rows_per_second=100, start_ms=1_750_000_000_000
    ).take(3)
    produce_sales(kafka_bootstrap, registry, topic, records)
    session = Session({"table.local-time-zone": "UTC"})
    session.execute_statement(sales_table(topic, kafka_bootstrap, url + "/apis/ccompat/v6")[:-1])
    got = list(session.execute_statement("SELECT * FROM SalesRecordTable").changes())
    assert [(kind, row[:5]) for kind, row in got] == [("+I", v) for v, _ in records]
    assert [row[5] for _, row in got] == [ts * 1_000_000 for _, ts in records]
    session.close()


def test_writes_with_the_table_schema_registered_under_the_topic(
    kafka_bootstrap, recording_registry, topic
):
    registry, url = recording_registry
    session = Session({"table.local-time-zone": "UTC"})
    session.execute_statement(
        f"CREATE TABLE sink_t (id STRING NOT NULL, n INT, d DECIMAL(5, 2)) WITH ("
        f"'connector' = 'kafka', 'topic' = '{topic}', "
        f"'properties.bootstrap.servers' = '{kafka_bootstrap}', "
        f"'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{url}', "
        "'value.avro-confluent.basic-auth.credentials-source' = 'USER_INFO', "
        "'value.avro-confluent.basic-auth.user-info' = 'alice:secret')"
    )
    session.execute_statement(
        "INSERT INTO sink_t VALUES ('a', 1, 2.50), ('b', CAST(NULL AS INT), CAST(NULL AS DECIMAL(5, 2)))"
    )
    assert session.wait_for_jobs() == []
    session.close()
    messages = consume(kafka_bootstrap, topic)
    schema_id = registry.subjects[f"{topic}-value"][-1]
    schema = json.loads(registry.schemas[schema_id - 1])
    assert schema["name"] == "record"
    assert schema["namespace"] == "org.apache.flink.avro.generated"
    assert [f["type"] for f in schema["fields"]][:2] == ["string", ["null", "int"]]
    assert "Basic YWxpY2U6c2VjcmV0" in registry.auth_seen
    decoded = []
    for m in messages:
        value = m.value()
        assert value[0] == 0 and int.from_bytes(value[1:5], "big") == schema_id
        decoded.append(fastavro.schemaless_reader(io.BytesIO(value[5:]), schema, None))
    assert [(r["id"], r["n"]) for r in decoded] == [("a", 1), ("b", None)]
    assert str(decoded[0]["d"]) == "2.50" and decoded[1]["d"] is None


# --- the anomaly-detection job, end to end ---------------------------------------------------

UNUSUAL_TABLE = (
    "CREATE TABLE UnusualSalesRecordTable ( user_id STRING, unusual_invoice_id STRING, "
    "unusual_quantity INT, unusual_tstamp TIMESTAMP(3), avg_quantity INT, "
    "avg_first_sale_tstamp TIMESTAMP(3), avg_last_sale_tstamp TIMESTAMP(3), "
    "PRIMARY KEY (`user_id`) NOT ENFORCED ) WITH ( 'connector' = 'upsert-kafka', "
    "'topic' = '{topic}', 'properties.bootstrap.servers' = '{bootstrap}', "
    "'properties.client.id' = 'sql-cleaning-client', "
    "'properties.transaction.timeout.ms' = '800000', 'key.format' = 'csv', "
    "'value.format' = 'csv', 'value.fields-include' = 'ALL' );"
)
ANOMALY_INSERT = (
    "INSERT INTO UnusualSalesRecordTable SELECT * FROM SalesRecordTable MATCH_RECOGNIZE ( "
    "PARTITION BY user_id ORDER BY purchase_time MEASURES "
    "UNUSUAL_SALE.invoice_id AS unusual_invoice_id, "
    "CAST(UNUSUAL_SALE.quantity AS INT) AS unusual_quantity, "
    "UNUSUAL_SALE.purchase_time AS unusual_tstamp, "
    "AVG(CAST(TYPICAL_SALE.quantity AS INT)) AS avg_quantity, "
    "FIRST(TYPICAL_SALE.purchase_time) AS avg_first_sale_tstamp, "
    "LAST(TYPICAL_SALE.purchase_time) AS avg_last_sale_tstamp "
    "ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW "
    "PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND DEFINE UNUSUAL_SALE AS "
    "UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3 );"
)


def test_the_tutorial_anomaly_job_end_to_end(kafka_bootstrap, schema_registry, tmp_path):
    _, url = schema_registry
    source, sink = "flink.sales.records", "flink.unusual.sales.records"
    first = end_offset(kafka_bootstrap, source)
    # `flinklite datagen` writes the Avro sales, as the StreamsHub generator does; its simulated
    # clock puts a batch of 100 sales in each second, 1 ms apart.
    code = main(
        ["datagen", "sales", "--bootstrap-servers", kafka_bootstrap, "--registry",
         url + "/apis/ccompat/v6", "--count", "4000", "--seed", "2024", "--simulated-clock",
         "--start-time", "2025-06-15T12:00:00Z", "-q"]
    )  # fmt: skip
    assert code == 0
    start_ms = int(dt.datetime(2025, 6, 15, 12, tzinfo=dt.UTC).timestamp() * 1000)
    records = [
        (values, start_ms + (i // 100) * 1000 + i % 100)
        for i, (values, _) in enumerate(StreamsHubGenerator("sales", 2024).take(4000))
    ]
    script = tmp_path / "anomaly.sql"
    script.write_text(
        "SET 'table.local-time-zone' = 'UTC';\n"
        + sales_table(source, kafka_bootstrap, url + "/apis/ccompat/v6", first)
        + "\n"
        + UNUSUAL_TABLE.format(topic=sink, bootstrap=kafka_bootstrap)
        + "\n"
        + ANOMALY_INSERT
        + "\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    expected = expected_matches(records)
    assert len(expected) >= 3  # the seed gives enough unusual sales to mean something
    deadline = time.time() + 30
    got = []
    while len(got) < len(expected) and time.time() < deadline:
        got = [(m.key(), m.value()) for m in consume(kafka_bootstrap, sink)]
    assert sorted(got) == sorted(expected)
