"""The tutorial's job survives SIGKILL: its MATCH_RECOGNIZE INSERT from a Kafka topic into
upsert-kafka, killed at random moments twenty times and started again each time from its
latest checkpoint, leaves the sink topic holding what an uninterrupted run writes: the same
final row per key, and every record that run writes. At least once, records written after
the last checkpoint before a kill are written again; exactly once, a read_committed consumer
reads each record of the uninterrupted run once, none lost and none duplicated."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid
from collections import Counter

import pytest
from kafka_helpers import consume, recreate

COUNT, SEED, KILLS = 150_000, 11, 20

SCRIPT = """
SET 'table.local-time-zone' = 'UTC';
SET 'table.dml-sync' = 'true';
SET 'execution.checkpointing.interval' = '200 ms';
SET 'execution.checkpointing.dir' = '{checkpoints}';
CREATE TABLE SalesRecordTable (
    invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka', 'topic' = '{source}',
    'properties.bootstrap.servers' = '{bootstrap}',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{registry}',
    'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'
);
CREATE TABLE UnusualSalesRecordTable (
    user_id STRING, unusual_invoice_id STRING, unusual_quantity INT,
    unusual_tstamp TIMESTAMP(3), avg_quantity INT,
    avg_first_sale_tstamp TIMESTAMP(3), avg_last_sale_tstamp TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka', 'topic' = '{sink}',
    'properties.bootstrap.servers' = '{bootstrap}',
    'key.format' = 'csv', 'value.format' = 'csv', 'value.fields-include' = 'ALL'{delivery}
);
INSERT INTO UnusualSalesRecordTable
SELECT * FROM SalesRecordTable
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY purchase_time
    MEASURES
        UNUSUAL_SALE.invoice_id AS unusual_invoice_id,
        CAST(UNUSUAL_SALE.quantity AS INT) AS unusual_quantity,
        UNUSUAL_SALE.purchase_time AS unusual_tstamp,
        AVG(CAST(TYPICAL_SALE.quantity AS INT)) AS avg_quantity,
        FIRST(TYPICAL_SALE.purchase_time) AS avg_first_sale_tstamp,
        LAST(TYPICAL_SALE.purchase_time) AS avg_last_sale_tstamp
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE
        UNUSUAL_SALE AS UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3
);
"""


def _fold(records) -> dict[bytes, bytes]:
    """The upsert topic as a table: the last value per key, a tombstone deleting it."""
    table: dict[bytes, bytes] = {}
    for m in records:
        if m.value() is None:
            table.pop(m.key(), None)
        else:
            table[m.key()] = m.value()
    return table


def _read(metadata: dict) -> int:
    """Source records the checkpoint had read (the sum of its partitions' offsets)."""
    positions = metadata["sources"][0]["m"][0][1]["m"]
    return sum(offset for _, offset in positions if isinstance(offset, int) and offset > 0)


EXACTLY_ONCE = """,
    'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '{sink}'"""


@pytest.mark.parametrize("guarantee", ["at-least-once", "exactly-once"])
def test_twenty_kills_and_restarts_leave_the_uninterrupted_result(
    kafka_bootstrap, schema_registry, tmp_path, guarantee, killed_runs
):
    exactly_once = guarantee == "exactly-once"
    _, url = schema_registry
    registry = url + "/apis/ccompat/v6"
    source = "flink.sales.records"  # the topic `flinklite datagen sales` writes
    recreate(kafka_bootstrap, source)
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=30)
    datagen = subprocess.run(
        [sys.executable, "-m", "flinklite", "datagen", "sales", "--bootstrap-servers", kafka_bootstrap, "--registry", registry, "--count", str(COUNT),
         "--seed", str(SEED), "--simulated-clock", "--start-time", start.isoformat()],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert datagen.returncode == 0, datagen.stderr

    def script(sink: str, checkpoints) -> str:
        path = tmp_path / f"{sink}.sql"
        path.write_text(
            SCRIPT.format(
                source=source,
                sink=sink,
                bootstrap=kafka_bootstrap,
                registry=registry,
                checkpoints=checkpoints,
                delivery=EXACTLY_ONCE.format(sink=sink) if exactly_once else "",
            )  # fmt: skip
        )
        return str(path)

    reference_sink = f"unusual-{uuid.uuid4().hex[:8]}"
    reference = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", script(reference_sink, tmp_path / "ref")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert reference.returncode == 0, reference.stdout + reference.stderr
    expected = consume(kafka_bootstrap, reference_sink, idle_s=2.0, committed_only=exactly_once)
    assert len(_fold(expected)) >= 20

    sink, checkpoints = f"unusual-{uuid.uuid4().hex[:8]}", tmp_path / "checkpoints"
    runs = killed_runs(_read, COUNT, SEED)
    runs.run(script(sink, checkpoints), checkpoints, KILLS)
    got = consume(kafka_bootstrap, sink, idle_s=2.0, committed_only=exactly_once)
    assert _fold(got) == _fold(expected)
    written = {(m.key(), m.value()) for m in got}
    assert {(m.key(), m.value()) for m in expected} <= written, "a record was lost"
    if exactly_once:
        records = Counter((m.key(), m.value()) for m in got)
        assert records == Counter((m.key(), m.value()) for m in expected), "lost or duplicated"
    assert runs.progress == sorted(runs.progress) and runs.progress[-1] > 0
