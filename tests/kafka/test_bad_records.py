"""A malformed record in the middle of a topic: it fails the job naming topic, partition and
offset (as a `flinklite -f` error, without a traceback), or with the format's
ignore-parse-errors option the records around it are still read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from confluent_kafka import Producer

from flinklite.errors import ExecutionError
from flinklite.session import Session


def produce(bootstrap, topic, values):
    producer = Producer({"bootstrap.servers": bootstrap})
    for value in values:
        producer.produce(topic, value)
    assert producer.flush(10) == 0


def source(topic, bootstrap, fmt_options):
    return (
        f"CREATE TABLE src (s STRING, n INT) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
        f"'properties.bootstrap.servers' = '{bootstrap}', "
        "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', "
        f"{fmt_options})"
    )


def test_a_bad_csv_record_fails_a_script_job_with_its_offset(kafka_bootstrap, topic, tmp_path):
    produce(kafka_bootstrap, topic, [b"a,1", b"b,2", b"c,not-a-number", b"d,4"])
    script = tmp_path / "job.sql"
    script.write_text(
        source(topic, kafka_bootstrap, "'format' = 'csv'")
        + ";\nCREATE TABLE out_t (s STRING, n INT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO out_t SELECT * FROM src;\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert f"topic {topic}, partition 0, offset 2" in output
    assert "Traceback" not in output


def test_csv_ignore_parse_errors_reads_past_the_bad_record(kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [b"a,1", b"c,not-a-number", b"d,4"])
    session = Session({"table.local-time-zone": "UTC"})
    try:
        session.execute_statement(
            source(topic, kafka_bootstrap, "'format' = 'csv', 'csv.ignore-parse-errors' = 'true'")
        )
        got = list(session.execute_statement("SELECT s, n FROM src").changes())
    finally:
        session.close()
    # Flink's csv format: a field that does not parse is NULL, the record is kept.
    assert got == [("+I", ("a", 1)), ("+I", ("c", None)), ("+I", ("d", 4))]


def test_a_record_without_the_confluent_framing_fails_the_job(
    kafka_bootstrap, schema_registry, topic
):
    _, url = schema_registry
    produce(kafka_bootstrap, topic, [b"plain text, not Avro"])
    session = Session({"table.local-time-zone": "UTC"})
    try:
        session.execute_statement(
            source(
                topic,
                kafka_bootstrap,
                f"'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{url}'",
            )
        )
        with pytest.raises(ExecutionError, match=f"topic {topic}, partition 0, offset 0"):
            list(session.execute_statement("SELECT s, n FROM src").changes())
    finally:
        session.close()
