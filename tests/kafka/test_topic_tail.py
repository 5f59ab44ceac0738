"""`flinklite topic tail` against the real broker: records decoded one per line (text, JSON,
Avro through the registry), keys with --key, --max, --exit-at-end, bad records skipped with
a warning, and clear errors for a missing topic."""

from __future__ import annotations

import io
import json

import fastavro
from confluent_kafka import Producer

from flinklite.cli.main import main


def produce(bootstrap, topic, records):
    producer = Producer({"bootstrap.servers": bootstrap})
    for key, value in records:
        producer.produce(topic, value, key)
    assert producer.flush(10) == 0


def tail(capsys, topic, bootstrap, *args):
    code = main(["topic", "tail", topic, "--bootstrap-servers", bootstrap, *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_prints_records_with_keys_until_the_end(kafka_bootstrap, topic, capsys):
    produce(kafka_bootstrap, topic, [(b"u1", "a,£1".encode()), (None, b"b,2"), (b"u3", None)])
    code, lines, err = tail(
        capsys, topic, kafka_bootstrap, "--from-beginning", "--exit-at-end", "--key"
    )
    assert code == 0
    assert lines == ["u1\ta,£1", "null\tb,2", "u3\tnull"]
    assert "Processed a total of 3 messages" in err


def test_max_stops_after_n_records(kafka_bootstrap, topic, capsys):
    produce(kafka_bootstrap, topic, [(None, str(i).encode()) for i in range(5)])
    code, lines, _ = tail(capsys, topic, kafka_bootstrap, "--from-beginning", "--max", "2")
    assert (code, lines) == (0, ["0", "1"])


def test_json_values_and_a_bad_record_skipped(kafka_bootstrap, topic, capsys):
    produce(kafka_bootstrap, topic, [(None, b'{"n": 1,  "s": "x"}'), (None, b"{x"), (None, b"[2]")])
    code, lines, err = tail(
        capsys, topic, kafka_bootstrap, "--format", "json", "--from-beginning", "--exit-at-end"
    )
    assert code == 0
    assert lines == ['{"n": 1, "s": "x"}', "[2]"]
    assert "[WARNING] Cannot decode the record at partition 0, offset 1 as json" in err


def test_avro_confluent_with_the_writer_schema(kafka_bootstrap, schema_registry, topic, capsys):
    registry, url = schema_registry
    schema = {
        "type": "record",
        "name": "Click",
        "fields": [{"name": "user_id", "type": "string"}, {"name": "n", "type": "int"}],
    }
    schema_id = registry.register(f"{topic}-value", json.dumps(schema))
    out = io.BytesIO()
    out.write(b"\x00" + schema_id.to_bytes(4, "big"))
    fastavro.schemaless_writer(out, fastavro.parse_schema(schema), {"user_id": "user-7", "n": 3})
    produce(kafka_bootstrap, topic, [(None, out.getvalue())])
    code, lines, _ = tail(
        capsys, topic, kafka_bootstrap, "--format", "avro-confluent", "--registry", url,
        "--from-beginning", "--exit-at-end",
    )  # fmt: skip
    assert (code, lines) == (0, ['{"user_id": "user-7", "n": 3}'])


def test_a_missing_topic_is_a_clear_error(kafka_bootstrap, capsys):
    code, lines, err = tail(capsys, "no-such-topic-here", kafka_bootstrap, "--exit-at-end")
    assert code == 1 and lines == []
    assert "[ERROR] Topic 'no-such-topic-here' does not exist" in err


def test_avro_confluent_needs_a_registry(kafka_bootstrap, topic, capsys):
    code, _, err = tail(capsys, topic, kafka_bootstrap, "--format", "avro-confluent")
    assert code == 1 and "needs the schema registry" in err
