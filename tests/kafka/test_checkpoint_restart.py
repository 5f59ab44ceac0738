"""The tutorial's job survives SIGKILL: its MATCH_RECOGNIZE INSERT from a Kafka topic into
upsert-kafka, killed at random moments twenty times and started again each time from its
latest checkpoint, leaves the sink topic holding what an uninterrupted run writes: the same
final row per key, and every record that run writes. At least once, records written after
the last checkpoint before a kill are written again; exactly once, a read_committed consumer
reads each record of the uninterrupted run once, none lost and none duplicated."""

from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys
import time
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


def _newest_position(checkpoints) -> int:
    """Source records read by the newest checkpoint (0 before the first); a running job
    prunes old checkpoints, so one may vanish while they are listed."""
    while True:
        try:
            found = [(p.stat().st_mtime_ns, p) for p in checkpoints.glob("*/chk-*/_metadata")]
            if not found:
                return 0
            newest = max(found)[1]
            positions = json.loads(newest.read_text())["sources"][0]["m"][0][1]["m"]
        except FileNotFoundError:
            continue
        return sum(offset for _, offset in positions if isinstance(offset, int) and offset > 0)


def _kill_once(proc, checkpoints, rng, early: bool, target: int) -> bool:
    """SIGKILL the job early (a random moment of its first 1.5 s) or a random moment after
    its newest checkpoint has read `target` source records; False if it ended first."""
    started = time.monotonic()
    deadline = started + (rng.uniform(0.2, 1.5) if early else 300)
    while proc.poll() is None:
        now = time.monotonic()
        if now >= deadline or (not early and _newest_position(checkpoints) >= target):
            time.sleep(0 if early else rng.uniform(0, 0.4))
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            return True
        time.sleep(0.05)
    return False


EXACTLY_ONCE = """,
    'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '{sink}'"""


@pytest.mark.parametrize("guarantee", ["at-least-once", "exactly-once"])
def test_twenty_kills_and_restarts_leave_the_uninterrupted_result(
    kafka_bootstrap, schema_registry, tmp_path, guarantee
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
    job = script(sink, checkpoints)
    rng = random.Random(SEED)
    # Kills are paced by the job's own progress, not by the clock, so that twenty of them
    # land before the end on a fast machine as on a slow one: a run is killed a random moment
    # after its checkpoints pass the next target (targets spread over the first ~two thirds
    # of the input), and one run in four is killed early, while it starts or restores.
    kills, progress, target = 0, [], 0
    while True:
        restart = any(checkpoints.glob("*/chk-*/_metadata"))
        options = ["-D", "execution.state-recovery.path=latest"] if restart else []
        proc = subprocess.Popen(
            [sys.executable, "-m", "flinklite", *options, "-f", job],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        if kills < KILLS:
            early = rng.random() < 0.25
            if not early:
                target += int(rng.uniform(0.3, 1.0) * COUNT / KILLS)
            if _kill_once(proc, checkpoints, rng, early, target):
                kills += 1
                progress.append(_newest_position(checkpoints))
                continue
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
        break
    got = consume(kafka_bootstrap, sink, idle_s=2.0, committed_only=exactly_once)
    assert _fold(got) == _fold(expected)
    written = {(m.key(), m.value()) for m in got}
    assert {(m.key(), m.value()) for m in expected} <= written, "a record was lost"
    if exactly_once:
        records = Counter((m.key(), m.value()) for m in got)
        assert records == Counter((m.key(), m.value()) for m in expected), "lost or duplicated"
    assert kills == KILLS, "the job finished before it was killed twenty times"
    assert progress == sorted(progress) and progress[-1] > 0
