"""The interactive-etl tutorial end to end on the broker: `flinklite datagen` produces Avro
sales, the tutorial's source table, sink table and INSERT run as written (only addresses and
startup/bounded modes changed), and the sink topic holds each sale cleaned, in order."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from kafka_helpers import end_offset, read

from flinklite.cli.main import main
from flinklite.datagen.streamshub import StreamsHubGenerator

START_MS = int(dt.datetime(2025, 6, 15, 12, tzinfo=dt.UTC).timestamp() * 1000)
SINK_TOPIC = "flink.cleaned.sales.records.interactive"

# I1, I8 and I9 of the tutorial; {startup} replaces 'scan.startup.mode' = 'latest-offset'.
SCRIPT = """SET 'table.local-time-zone' = 'UTC';
CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.sales.records',
    'properties.bootstrap.servers' = '{bootstrap}',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '{registry}/apis/ccompat/v6',
    {startup}
);
CREATE TABLE CleanedSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity INT,
    unit_cost_gbp INT,
    purchase_time TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.cleaned.sales.records.interactive',
    'properties.bootstrap.servers' = '{bootstrap}',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);
INSERT INTO CleanedSalesRecordTable
SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    CAST(TRIM(LEADING '£' from unit_cost) AS INT),
    purchase_time
FROM SalesRecordTable;
"""


def csv_timestamp(ms: int) -> str:
    """Flink's CSV text of a TIMESTAMP(3): the fraction without trailing zeros, quoted."""
    text = dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    fraction = f"{ms % 1000:03d}".rstrip("0")
    return f'"{text}.{fraction}"' if fraction else f'"{text}"'


def test_the_interactive_etl_job_cleans_every_sale(kafka_bootstrap, schema_registry, tmp_path):
    _, url = schema_registry
    first = end_offset(kafka_bootstrap, "flink.sales.records")
    sink_before = end_offset(kafka_bootstrap, SINK_TOPIC)
    code = main(
        ["datagen", "sales", "--bootstrap-servers", kafka_bootstrap, "--registry",
         url + "/apis/ccompat/v6", "--count", "300", "--seed", "42", "--simulated-clock",
         "--start-time", "2025-06-15T12:00:00Z", "-q"]
    )  # fmt: skip
    assert code == 0
    startup = (
        "'scan.startup.mode' = 'specific-offsets',\n"
        f"    'scan.startup.specific-offsets' = 'partition:0,offset:{first}',\n"
        "    'scan.bounded.mode' = 'latest-offset'"
    )
    script = tmp_path / "etl.sql"
    script.write_text(SCRIPT.format(bootstrap=kafka_bootstrap, registry=url, startup=startup))
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr

    # What the produced input implies: sales in batches of 100 a second, 1 ms apart; each
    # record cleaned (quantity and the cost without '£' as numbers), keyed by user_id.
    expected = []
    for i, (invoice, user, product, quantity, cost) in enumerate(
        values for values, _ in StreamsHubGenerator("sales", 42).take(300)
    ):
        ts = START_MS + (i // 100) * 1000 + i % 100
        assert cost.startswith("£")
        value = f"{invoice},{user},{product},{int(quantity)},{int(cost[1:])},{csv_timestamp(ts)}"
        expected.append((user.encode(), value.encode()))
    got = read(kafka_bootstrap, SINK_TOPIC, sink_before, count=300)
    assert [(m.key(), m.value()) for m in got] == expected
