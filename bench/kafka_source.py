"""Kafka source benchmark: Avro sales produced once by `flinklite datagen` into a topic on a
local broker (scripts/kafka), then read by `flinklite -f` into a blackhole; events per second.

    python3 bench/kafka_source.py [--records 1000000] [--bootstrap-servers HOST:PORT]

The job is the tutorial's SalesRecordTable (avro-confluent, the 1-second watermark on the
record timestamp) bounded by 'scan.bounded.mode' = 'latest-offset'. Printed: the wall time of
the whole flinklite process; the same job over an empty range (start-up, planning, connecting);
and their difference, the read alone. A registry runs in this process (the tests' in-memory
Confluent-compatible one)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts" / "kafka"
TOPIC = "flink.sales.records"

JOB = """SET 'table.local-time-zone' = 'UTC';
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
    'topic' = '{topic}',
    'properties.bootstrap.servers' = '{bootstrap}',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '{registry}/apis/ccompat/v6',
    'scan.startup.mode' = 'earliest-offset',
    {bounded}
);
CREATE TABLE Sink (
    invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
    purchase_time TIMESTAMP(3)
) WITH ('connector' = 'blackhole');
INSERT INTO Sink SELECT * FROM SalesRecordTable;
"""
EMPTY_RANGE = (
    "'scan.bounded.mode' = 'specific-offsets',\n"
    "    'scan.bounded.specific-offsets' = 'partition:0,offset:0'"
)


def flinklite(*args: str) -> float:
    """Runs `flinklite ARGS`; its wall time in seconds (exits on failure)."""
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "flinklite", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"flinklite {' '.join(args[:2])} failed:\n{run.stdout}{run.stderr}")
    return elapsed


def start_broker() -> tuple[str, str]:
    data = tempfile.mkdtemp(prefix="flinklite-bench-kafka-")
    env = {**os.environ, "KAFKA_HEAP": os.environ.get("KAFKA_HEAP", "-Xmx512m")}
    started = subprocess.run(
        [str(SCRIPTS / "start.sh"), data], capture_output=True, text=True, env=env
    )
    if started.returncode != 0:
        sys.exit(f"The Kafka broker did not start:\n{started.stderr}")
    return data, started.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument(
        "--bootstrap-servers", help="use this broker (its flink.sales.records must be empty)"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests" / "kafka"))
    import schema_registry_server

    server, _, registry = schema_registry_server.serve()
    data, bootstrap = (None, args.bootstrap_servers)
    if bootstrap is None:
        data, bootstrap = start_broker()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # 100 sales a second on the simulated clock, ending now: the broker refuses
            # timestamps more than an hour ahead of its clock.
            start_s = time.time() - args.records / 100 - 60
            start = dt.datetime.fromtimestamp(start_s, dt.UTC).isoformat()
            produce_s = flinklite(
                "datagen", "sales", "--bootstrap-servers", bootstrap, "--registry",
                f"{registry}/apis/ccompat/v6", "--count", str(args.records), "--seed", "1",
                "--simulated-clock", "--start-time", start, "-q",
            )  # fmt: skip
            scripts = {}
            for name, bounded in (
                ("full", "'scan.bounded.mode' = 'latest-offset'"),
                ("empty", EMPTY_RANGE),
            ):
                path = pathlib.Path(tmp) / f"{name}.sql"
                path.write_text(
                    JOB.format(topic=TOPIC, bootstrap=bootstrap, registry=registry, bounded=bounded)
                )
                scripts[name] = str(path)
            empty_s = flinklite("-f", scripts["empty"])
            full_s = flinklite("-f", scripts["full"])
    finally:
        server.shutdown()
        if data is not None:
            subprocess.run([str(SCRIPTS / "stop.sh"), data])
    read_s = max(full_s - empty_s, 1e-9)
    n = args.records
    print(f"records                     {n:>12,}")
    print(f"flinklite datagen (produce) {produce_s:>10.2f} s  {n / produce_s:>12,.0f} records/s")
    print(f"flinklite -f, whole process {full_s:>10.2f} s  {n / full_s:>12,.0f} events/s")
    print(f"  start-up (empty range)    {empty_s:>10.2f} s")
    print(f"  the read alone            {read_s:>10.2f} s  {n / read_s:>12,.0f} events/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
