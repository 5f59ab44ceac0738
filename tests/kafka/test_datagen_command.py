"""`flinklite datagen` against the real broker: the StreamsHub topics, made with a one-hour
retention; cycles in DATA order (1 click, 100 sales, 1 international sale) keyed by the cycle's
time; CSV, or Avro in writer order framed with the registry's id; clear errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import time

import fastavro
import pytest
from kafka_helpers import end_offset, read, recreate, topic_config

from flinklite.cli.main import main
from flinklite.datagen.streamshub import StreamsHubGenerator

START = "2025-06-15T12:00:00Z"
START_MS = int(dt.datetime(2025, 6, 15, 12, tzinfo=dt.UTC).timestamp() * 1000)
SALES, CLICKS, INTERNATIONAL = (
    "flink.sales.records",
    "flink.click.streams",
    "flink.international.sales.records",
)


def datagen(*args: str) -> int:
    return main(["datagen", *args, "--simulated-clock", "--start-time", START, "-q"])


def test_three_data_sets_in_cycles_as_csv(kafka_bootstrap, capsys):
    before = {t: end_offset(kafka_bootstrap, t) for t in (SALES, CLICKS, INTERNATIONAL)}
    # Two full cycles of 102 records, then a click and 49 sales.
    code = datagen(
        "clickStream,sales,internationalSales", "--bootstrap-servers", kafka_bootstrap,
        "--count", "254", "--seed", "11",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    sales = read(kafka_bootstrap, SALES, before[SALES], 249)
    clicks = read(kafka_bootstrap, CLICKS, before[CLICKS], 3)
    international = read(kafka_bootstrap, INTERNATIONAL, before[INTERNATIONAL], 2)
    assert (len(sales), len(clicks), len(international)) == (249, 3, 2)
    expected = StreamsHubGenerator("sales", 11).take(249)
    assert [m.value().decode() for m in sales] == [",".join(v) for v, _ in expected]
    assert [m.value().decode() for m in clicks] == [
        ",".join(v) for v, _ in StreamsHubGenerator("clickStream", 11).take(3)
    ]
    # Event time: a cycle a second; inside it, one millisecond per record sent before.
    assert [m.timestamp()[1] for m in clicks] == [START_MS, START_MS + 1000, START_MS + 2000]
    assert [m.timestamp()[1] for m in sales[98:102]] == [
        START_MS + 99, START_MS + 100, START_MS + 1001, START_MS + 1002,
    ]  # fmt: skip
    assert [m.timestamp()[1] for m in international] == [START_MS + 101, START_MS + 1101]
    # The key is the cycle's time as decimal text, the same for every record of a cycle.
    assert {m.key() for m in sales[:100]} == {str(START_MS).encode()}
    assert international[1].key() == str(START_MS + 1000).encode()
    # Topics the generator made keep the simulated past (it started over a year ago) plus the
    # original's hour, in whole hours, so the broker deletes none of it (the sales topic may
    # predate this test).
    for made in (CLICKS, INTERNATIONAL):
        retention = int(topic_config(kafka_bootstrap, made)["retention.ms"])
        assert retention % 3_600_000 == 0
        assert retention >= time.time() * 1000 - START_MS + 3_600_000


def test_a_topic_made_for_the_present_keeps_an_hour(kafka_bootstrap, capsys):
    topic = "flink.click.streams"
    recreate(kafka_bootstrap, topic)
    code = main(["datagen", "clickStream", "--bootstrap-servers", kafka_bootstrap, "--count", "1"])
    assert code == 0
    assert f"Created topic {topic} (retention.ms=3600000)" in capsys.readouterr().err
    assert topic_config(kafka_bootstrap, topic)["retention.ms"] == "3600000"


def test_records_older_than_an_existing_topics_retention_are_a_warning(kafka_bootstrap, capsys):
    topic = "flink.click.streams"
    recreate(kafka_bootstrap, topic)
    main(["datagen", "clickStream", "--bootstrap-servers", kafka_bootstrap, "--count", "1"])
    capsys.readouterr()
    three_hours_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)
    code = datagen_at(three_hours_ago, "clickStream", "--bootstrap-servers", kafka_bootstrap,
                      "--count", "1")  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0
    assert f"[WARNING] Topic {topic} keeps records for 1 h (retention.ms=3600000)" in err
    assert "the broker will delete these records" in err and "retention.ms (at least" in err


def datagen_at(start: dt.datetime, *args: str) -> int:
    return main(["datagen", *args, "--simulated-clock", "--start-time", start.isoformat(), "-q"])


def test_avro_through_the_registry_in_writer_order(kafka_bootstrap, schema_registry, capsys):
    registry, url = schema_registry
    before = end_offset(kafka_bootstrap, SALES)
    code = datagen(
        "sales", "--bootstrap-servers", kafka_bootstrap, "--registry", url + "/apis/ccompat/v6",
        "--count", "5", "--seed", "3",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    messages = read(kafka_bootstrap, SALES, before, 5)
    schema_id, schema_text = registry.latest(f"{SALES}-value")
    with open("/work/shared/reference/schemas/sales.avsc") as f:
        assert schema_text == f.read()
    schema = fastavro.parse_schema(json.loads(schema_text))
    got = []
    for m in messages:
        value = m.value()
        assert value[:5] == b"\x00" + schema_id.to_bytes(4, "big")
        record = fastavro.schemaless_reader(io.BytesIO(value[5:]), schema, None)
        assert list(record) == ["user_id", "product_id", "invoice_id", "quantity", "unit_cost"]
        got.append(tuple(record[f] for f in ("invoice_id", "user_id", "product_id")))
        got[-1] += (record["quantity"], record["unit_cost"])
    assert got == [v for v, _ in StreamsHubGenerator("sales", 3).take(5)]


def test_a_rejected_schema_is_one_clear_error(kafka_bootstrap, recording_registry, capsys):
    registry, url = recording_registry
    registry.reject[f"{CLICKS}-value"] = "Schema being registered is incompatible"
    try:
        code = datagen(
            "clickStream", "--bootstrap-servers", kafka_bootstrap, "--registry", url,
            "--count", "1",
        )  # fmt: skip
    finally:
        del registry.reject[f"{CLICKS}-value"]
    err = capsys.readouterr().err
    assert code == 1
    assert "[ERROR] Schema registry" in err and "409" in err and "incompatible" in err
    assert "Traceback" not in err


def test_timestamps_beyond_what_the_broker_accepts_are_explained(kafka_bootstrap, capsys):
    code = main(
        ["datagen", "clickStream", "--bootstrap-servers", kafka_bootstrap, "--count", "1",
         "--simulated-clock", "--start-time", "2100-01-01T00:00:00Z", "-q"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "start the simulated clock earlier with --start-time" in err


def test_an_unknown_data_set_is_refused(kafka_bootstrap, capsys):
    assert datagen("orders", "--bootstrap-servers", kafka_bootstrap) == 1
    assert "Unknown data type orders" in capsys.readouterr().err


def test_an_unreachable_broker_fails_after_a_bounded_wait():
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "datagen", "sales", "--bootstrap-servers",
         "127.0.0.1:1", "--timeout", "1"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.startswith(
        "[ERROR] Cannot reach the Kafka brokers at 127.0.0.1:1 (--bootstrap-servers) within 1 s"
    )
    assert "Traceback" not in run.stderr and "%3|" not in run.stderr
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("rate", ["0", "-1"])
def test_the_rate_must_be_positive(kafka_bootstrap, capsys, rate):
    assert datagen("sales", "--bootstrap-servers", kafka_bootstrap, "--rate", rate) == 1
    assert "positive" in capsys.readouterr().err
