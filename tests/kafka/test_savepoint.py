"""STOP JOB ... WITH SAVEPOINT while a match is half-formed: the savepoint holds the partial
match, and a new process started from it completes that match when the rest of it arrives."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from confluent_kafka import Producer
from kafka_helpers import consume

from flinklite.session import Session

T0 = 1_765_000_000_000  # epoch ms of the first sale

TABLES = """
CREATE TABLE Sales (
    invoice_id STRING, user_id STRING, quantity INT,
    purchase_time TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka', 'topic' = '{source}', 'properties.bootstrap.servers' = '{bootstrap}',
    'properties.group.id' = 'savepoint-test', 'value.format' = 'json',
    'scan.startup.mode' = 'earliest-offset'{bounded}
);
CREATE TABLE Unusual (
    user_id STRING, unusual_invoice_id STRING, avg_quantity INT, first_invoice_id STRING,
    PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka', 'topic' = '{sink}', 'properties.bootstrap.servers' = '{bootstrap}',
    'key.format' = 'csv', 'value.format' = 'csv'
);
"""

INSERT = """INSERT INTO Unusual
SELECT * FROM Sales MATCH_RECOGNIZE (
    PARTITION BY user_id ORDER BY purchase_time
    MEASURES UNUSUAL_SALE.invoice_id AS unusual_invoice_id,
        AVG(TYPICAL_SALE.quantity) AS avg_quantity,
        FIRST(TYPICAL_SALE.invoice_id) AS first_invoice_id
    ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE UNUSUAL_SALE AS UNUSUAL_SALE.quantity > AVG(TYPICAL_SALE.quantity) * 3
)"""


def _produce(bootstrap: str, topic: str, sales: list[tuple[str, str, int, int]]) -> None:
    producer = Producer({"bootstrap.servers": bootstrap})
    for invoice, user, quantity, offset_ms in sales:
        value = json.dumps({"invoice_id": invoice, "user_id": user, "quantity": quantity})
        producer.produce(topic, value.encode(), timestamp=T0 + offset_ms)
    producer.flush(10)


def test_a_savepoint_of_a_half_formed_match_completes_it_in_a_new_process(
    kafka_bootstrap, topic, tmp_path
):
    sink = topic + "-unusual"
    # The typical sales of user-1 (and a later sale of another user that moves the watermark
    # past them): the match has begun, it is not complete.
    _produce(kafka_bootstrap, topic, [
        ("i1", "user-1", 2, 0), ("i2", "user-1", 2, 1000), ("i3", "user-1", 2, 2000),
        ("o1", "user-2", 1, 4000),
    ])  # fmt: skip
    session = Session(
        {
            "table.local-time-zone": "UTC",
            "execution.checkpointing.savepoint-dir": str(tmp_path / "savepoints"),
        }
    )
    try:
        tables = TABLES.format(source=topic, sink=sink, bootstrap=kafka_bootstrap, bounded="")
        for ddl in tables.strip().split(";")[:2]:
            session.execute_statement(ddl)
        job_id = session.execute_statement(INSERT).job_id
        job = session.jobs.find(job_id)
        time.sleep(3)  # the job reads the four sales (it waits for more: its source is unbounded)
        assert job.error is None and job.status == "RUNNING", job.error
        result = session.execute_statement(f"STOP JOB '{job_id}' WITH SAVEPOINT")
    finally:
        session.close()
    assert result.columns == ("savepoint path",)
    path = result.rows[0][0]
    assert path.startswith("file:") and "/savepoints/savepoint-" in path
    assert job.status == "FINISHED"
    assert consume(kafka_bootstrap, sink, idle_s=1.0) == []  # nothing matched yet

    # The rest of the match arrives (after the savepoint's watermark, 3 s: a sale at or behind
    # it is late); a new process restores the savepoint and reads on.
    _produce(kafka_bootstrap, topic, [("i4", "user-1", 9, 4500), ("o2", "user-2", 1, 7000)])
    script = tmp_path / "restore.sql"
    bounded = ",\n    'scan.bounded.mode' = 'latest-offset'"
    script.write_text(
        "SET 'table.local-time-zone' = 'UTC';\nSET 'table.dml-sync' = 'true';\n"
        + TABLES.format(source=topic, sink=sink, bootstrap=kafka_bootstrap, bounded=bounded)
        + INSERT
        + ";\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "flinklite", "-D", f"execution.state-recovery.path={path}",
         "-f", str(script)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    records = consume(kafka_bootstrap, sink, idle_s=2.0)
    # The match began before the savepoint (i1 is its first sale) and ended after it (i4).
    assert [(m.key(), m.value()) for m in records] == [(b"user-1", b"user-1,i4,2,i1")]
