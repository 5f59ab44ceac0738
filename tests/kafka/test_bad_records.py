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


DEEP_JSON = b'{"s":' + b"[" * 5000 + b"]" * 5000 + b',"n":2}'


@pytest.mark.parametrize(
    "fmt, bad, cause",
    [
        ("'format' = 'csv'", b"\xff\xfe,2", "can't decode byte 0xff"),
        ("'format' = 'json'", b'{"s":"\xff","n":2}', "can't decode byte 0xff"),
        ("'format' = 'json'", DEEP_JSON, "nested too deeply"),
    ],
    ids=["csv-not-utf8", "json-not-utf8", "json-too-deep"],
)
def test_a_poison_record_fails_with_its_offset_or_is_skipped_when_ignored(
    kafka_bootstrap, topic, fmt, bad, cause
):
    # Jackson fails on such bytes before any field is read: Flink's formats fail the job, or
    # with ignore-parse-errors skip the whole record.
    produce(kafka_bootstrap, topic, [b"a,1" if "csv" in fmt else b'{"s":"a","n":1}', bad])
    name = fmt.split("'")[3]
    for ignore in (False, True):
        session = Session({"table.local-time-zone": "UTC"})
        options = fmt + (f", '{name}.ignore-parse-errors' = 'true'" if ignore else "")
        try:
            session.execute_statement(source(topic, kafka_bootstrap, options))
            query = session.execute_statement("SELECT s, n FROM src")
            if ignore:
                assert list(query.changes()) == [("+I", ("a", 1))]
            else:
                with pytest.raises(ExecutionError) as failure:
                    list(query.changes())
                message = str(failure.value)
                assert f"topic {topic}, partition 0, offset 1" in message and cause in message
        finally:
            session.close()


def _confluent_avro(schema_id: int, values) -> tuple[bytes, str]:
    import io
    import json

    import fastavro

    schema = {
        "type": "record",
        "name": "record",
        "fields": [
            {"name": "s", "type": ["null", "string"], "default": None},
            {"name": "n", "type": ["null", "int"], "default": None},
        ],
    }
    body = io.BytesIO()
    fastavro.schemaless_writer(body, fastavro.parse_schema(schema), values)
    return bytes([0]) + schema_id.to_bytes(4, "big") + body.getvalue(), json.dumps(schema)


def test_truncated_avro_and_an_unknown_schema_id_fail_with_their_offset(
    kafka_bootstrap, schema_registry, topic
):
    registry, url = schema_registry
    _, schema = _confluent_avro(0, {"s": "x", "n": 1})
    schema_id = registry.register(f"{topic}-value", schema)
    good, _ = _confluent_avro(schema_id, {"s": "hello world", "n": 5})
    unknown, _ = _confluent_avro(987_654, {"s": "hello world", "n": 5})
    cases = [
        (good[:-3], "Failed to deserialize Avro record: the data ends early"),
        (unknown, "Could not fetch the writer schema 987654"),
    ]
    for i, (bad, cause) in enumerate(cases):
        name = f"{topic}-{i}"
        produce(kafka_bootstrap, name, [good, bad])
        session = Session({"table.local-time-zone": "UTC"})
        try:
            session.execute_statement(
                source(
                    name,
                    kafka_bootstrap,
                    f"'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{url}'",
                )
            )
            with pytest.raises(ExecutionError) as failure:
                list(session.execute_statement("SELECT s, n FROM src").changes())
            message = str(failure.value)
            assert f"topic {name}, partition 0, offset 1" in message and cause in message
            assert "internal error" not in message
        finally:
            session.close()
