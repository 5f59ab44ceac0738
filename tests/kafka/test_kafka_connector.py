"""The 'kafka' and 'upsert-kafka' connectors against a real broker: reading partitions with
startup and bounded modes, key and value formats, metadata, bad records; writing records,
keys, partitioners, and upsert changelogs with tombstones."""

from __future__ import annotations

import time

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

from flinklite.errors import ExecutionError
from flinklite.session import Session


@pytest.fixture
def session():
    s = Session({"table.local-time-zone": "UTC", "pipeline.auto-watermark-interval": "0"})
    yield s
    s.close()


def produce(bootstrap, topic, records, partitions=1):
    """records: (key, value, partition, timestamp ms) tuples (missing parts are None)."""
    if partitions > 1:
        create_topic(bootstrap, topic, partitions)
    producer = Producer({"bootstrap.servers": bootstrap})
    for key, value, partition, ts in records:
        extra = {}
        if partition is not None:
            extra["partition"] = partition
        if ts is not None:
            extra["timestamp"] = ts
        producer.produce(topic, value, key, **extra)
    assert producer.flush(10) == 0


def create_topic(bootstrap, topic, partitions):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(10)
    del admin


def consume(bootstrap, topic, count, timeout=15.0):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "check"})
    meta = consumer.list_topics(topic, timeout=10).topics[topic]
    consumer.assign([TopicPartition(topic, p, 0) for p in meta.partitions])
    got, deadline = [], time.time() + timeout
    while len(got) < count and time.time() < deadline:
        got += [m for m in consumer.consume(100, 0.2) if m.error() is None]
    time.sleep(0.3)
    got += [m for m in consumer.consume(100, 0.2) if m.error() is None]
    consumer.close()
    return got


def table(name, topic, bootstrap, columns, **options):
    opts = {
        "connector": "kafka",
        "topic": topic,
        "properties.bootstrap.servers": bootstrap,
        "scan.startup.mode": "earliest-offset",
        "scan.bounded.mode": "latest-offset",
        **options,
    }
    with_ = ", ".join(f"'{k}' = '{v}'" for k, v in opts.items())
    return f"CREATE TABLE {name} ({columns}) WITH ({with_})"


def rows(session, query):
    return list(session.execute_statement(query).changes())


def test_reads_a_bounded_topic_with_metadata_columns(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(b"k1", b"a,1", None, 1000), (None, b"b,2", None, 2000)])
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "s STRING, n INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', "
            "p INT METADATA FROM 'partition' VIRTUAL, o BIGINT METADATA FROM 'offset' VIRTUAL, "
            "tp STRING METADATA FROM 'topic' VIRTUAL, tt STRING METADATA FROM 'timestamp-type'",
            format="csv",
        )
    )
    assert rows(session, "SELECT s, n, CAST(ts AS STRING), p, o, tp = t.tp, tt FROM t") == [
        ("+I", ("a", 1, "1970-01-01 00:00:01.000", 0, 0, True, "CreateTime")),
        ("+I", ("b", 2, "1970-01-01 00:00:02.000", 0, 1, True, "CreateTime")),
    ]


def test_key_fields_come_from_the_record_key(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(b"u1", b'{"n": 5}', None, None)])
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "k_id STRING, n INT",
            **{
                "key.format": "raw",
                "key.fields": "k_id",
                "key.fields-prefix": "k_",
                "value.format": "json",
                "value.fields-include": "EXCEPT_KEY",
            },
        )
    )
    assert rows(session, "SELECT * FROM t") == [("+I", ("u1", 5))]


def test_bounded_specific_offsets_and_startup_offsets(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(None, str(i).encode(), None, None) for i in range(6)])
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "v INT",
            format="csv",
            **{
                "scan.startup.mode": "specific-offsets",
                "scan.startup.specific-offsets": "partition:0,offset:2",
                "scan.bounded.mode": "specific-offsets",
                "scan.bounded.specific-offsets": "partition:0,offset:4",
            },
        )
    )
    assert rows(session, "SELECT v FROM t") == [("+I", (2,)), ("+I", (3,))]


def test_latest_offset_startup_reads_nothing_of_the_past(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(None, b"1", None, None)])
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "v INT",
            format="csv",
            **{"scan.startup.mode": "latest-offset"},
        )
    )
    assert rows(session, "SELECT v FROM t") == []


def test_watermarks_are_per_partition(session, kafka_bootstrap, topic):
    # Partition 1 lags: a window can only close once both partitions have passed its end.
    produce(
        kafka_bootstrap,
        topic,
        [(None, b"a", 0, 1_000), (None, b"b", 0, 20_000), (None, b"c", 1, 2_000)],
        partitions=2,
    )
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "s STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts",
            format="raw",
        )
    )
    got = rows(
        session,
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), "
        "INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
    )
    assert [r[1][1] for r in got] == [2, 1]


def test_a_bad_record_fails_the_job_naming_topic_partition_offset(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(None, b"1", None, None), (None, b"x", None, None)])
    session.execute_statement(table("t", topic, kafka_bootstrap, "v INT", format="csv"))
    with pytest.raises(ExecutionError, match=f"topic {topic}, partition 0, offset 1"):
        rows(session, "SELECT v FROM t")


def test_ignore_parse_errors_skips_bad_records(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(None, b'{"v": 1}', None, None), (None, b"{x", None, None)])
    session.execute_statement(
        table(
            "t",
            topic,
            kafka_bootstrap,
            "v INT",
            format="json",
            **{"json.ignore-parse-errors": "true"},
        )
    )
    assert rows(session, "SELECT v FROM t") == [("+I", (1,))]


def test_an_unknown_client_property_is_a_clear_error(session, kafka_bootstrap, topic):
    produce(kafka_bootstrap, topic, [(None, b"1", None, None)])
    session.execute_statement(
        table("t", topic, kafka_bootstrap, "v INT", format="csv", **{"properties.no.such": "1"})
    )
    with pytest.raises(ExecutionError, match="no.such"):
        rows(session, "SELECT v FROM t")


def test_sink_writes_keys_and_values(session, kafka_bootstrap, topic):
    session.execute_statement(
        table(
            "sink_t",
            topic,
            kafka_bootstrap,
            "id STRING, n INT",
            **{"key.format": "raw", "key.fields": "id", "value.format": "csv"},
        )
    )
    session.execute_statement("INSERT INTO sink_t VALUES ('a', 1), ('b', 2)")
    assert session.wait_for_jobs() == []
    got = consume(kafka_bootstrap, topic, 2)
    assert [(m.key(), m.value()) for m in got] == [(b"a", b"a,1"), (b"b", b"b,2")]


def test_round_robin_partitioner_spreads_records(session, kafka_bootstrap, topic):
    create_topic(kafka_bootstrap, topic, 2)
    session.execute_statement(
        table(
            "sink_t",
            topic,
            kafka_bootstrap,
            "n INT",
            format="csv",
            **{"sink.partitioner": "round-robin"},
        )
    )
    session.execute_statement("INSERT INTO sink_t VALUES (1), (2), (3), (4)")
    assert session.wait_for_jobs() == []
    got = consume(kafka_bootstrap, topic, 4)
    assert sorted((m.partition(), m.value()) for m in got) == [
        (0, b"1"),
        (0, b"3"),
        (1, b"2"),
        (1, b"4"),
    ]


def upsert_table(name, topic, bootstrap, **options):
    opts = {
        "connector": "upsert-kafka",
        "topic": topic,
        "properties.bootstrap.servers": bootstrap,
        "key.format": "csv",
        "value.format": "csv",
        **options,
    }
    with_ = ", ".join(f"'{k}' = '{v}'" for k, v in opts.items())
    return f"CREATE TABLE {name} (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({with_})"


def test_upsert_sink_writes_updates_and_tombstones_and_reads_back(session, kafka_bootstrap, topic):
    session.execute_statement(upsert_table("sink_t", topic, kafka_bootstrap))
    session.execute_statement(
        "INSERT INTO sink_t SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k"
    )
    assert session.wait_for_jobs() == []
    # The CAST of the key to STRING loses the upsert key, so (as in Flink) a sink materializer
    # turns the update of 'a' into a delete (a tombstone) and an insert.
    got = consume(kafka_bootstrap, topic, 4)
    assert [(m.key(), m.value()) for m in got] == [
        (b"a", b"a,1"),
        (b"b", b"b,1"),
        (b"a", None),
        (b"a", b"a,2"),
    ]
    # A tombstone deletes key 'b'; reading the topic back gives the table's changelog.
    produce(kafka_bootstrap, topic, [(b"b", None, None, None)])
    session.execute_statement(
        upsert_table("back", topic, kafka_bootstrap, **{"scan.bounded.mode": "latest-offset"})
    )
    assert rows(session, "SELECT * FROM back") == [
        ("+I", ("a", 1)),
        ("+I", ("b", 1)),
        ("-D", ("a", 1)),
        ("+I", ("a", 2)),
        ("-D", ("b", 1)),
    ]


def test_upsert_sink_buffer_keeps_the_last_change_per_key(session, kafka_bootstrap, topic):
    session.execute_statement(
        upsert_table(
            "sink_t",
            topic,
            kafka_bootstrap,
            **{"sink.buffer-flush.max-rows": "100", "sink.buffer-flush.interval": "1 s"},
        )
    )
    session.execute_statement(
        "INSERT INTO sink_t SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k"
    )
    assert session.wait_for_jobs() == []
    got = consume(kafka_bootstrap, topic, 2)
    assert sorted((m.key(), m.value()) for m in got) == [(b"a", b"a,2"), (b"b", b"b,1")]


def test_sink_writes_the_timestamp_and_headers_metadata(session, kafka_bootstrap, topic):
    session.execute_statement(
        table(
            "sink_m",
            topic,
            kafka_bootstrap,
            "id STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', "
            "hs MAP<STRING, BYTES> METADATA FROM 'headers'",
            **{"value.format": "csv"},
        )
    )
    session.execute_statement(
        "INSERT INTO sink_m SELECT 'a', TO_TIMESTAMP_LTZ(1700000000123, 3), "
        "MAP['trace', CAST('x1' AS BYTES)]"
    )
    assert session.wait_for_jobs() == []
    (msg,) = consume(kafka_bootstrap, topic, 1)
    assert msg.value() == b"a"  # metadata columns are not part of the value
    assert msg.timestamp()[1] == 1700000000123
    assert msg.headers() == [("trace", b"x1")]
    back = rows(session, "SELECT id, ts, hs FROM sink_m")
    assert back == [("+I", ("a", 1700000000123 * 1_000_000, {"trace": b"x1"}))]


def test_offsets_read_are_committed_to_the_group_and_group_offsets_resume(
    session, kafka_bootstrap, topic
):
    produce(kafka_bootstrap, topic, [(None, f"r{i}".encode(), None, None) for i in range(5)])
    group = f"g-{topic}"
    session.execute_statement(
        table("grp", topic, kafka_bootstrap, "v STRING", **{"properties.group.id": group,
              "format": "raw"})
    )  # fmt: skip
    assert len(rows(session, "SELECT v FROM grp")) == 5
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": group})
    (committed,) = consumer.committed([TopicPartition(topic, 0)], timeout=10)
    consumer.close()
    assert committed.offset == 5
    produce(kafka_bootstrap, topic, [(None, b"r5", None, None), (None, b"r6", None, None)])
    session.execute_statement(
        table("grp2", topic, kafka_bootstrap, "v STRING", **{"properties.group.id": group,
              "format": "raw", "scan.startup.mode": "group-offsets"})
    )  # fmt: skip
    assert [row for _, row in rows(session, "SELECT v FROM grp2")] == [("r5",), ("r6",)]


def test_with_checkpoints_the_group_offsets_follow_completed_checkpoints(
    session, kafka_bootstrap, topic, tmp_path
):
    produce(kafka_bootstrap, topic, [(None, f"r{i}".encode(), None, None) for i in range(5)])

    def committed(group: str) -> int:
        consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": group})
        (found,) = consumer.committed([TopicPartition(topic, 0)], timeout=10)
        consumer.close()
        return found.offset

    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    # No checkpoint completes within the job (an hour apart): nothing is committed.
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 h'")
    session.execute_statement(
        table("late_cp", topic, kafka_bootstrap, "v STRING",
              **{"properties.group.id": f"a-{topic}", "format": "raw"})
    )  # fmt: skip
    assert len(rows(session, "SELECT v FROM late_cp")) == 5
    assert committed(f"a-{topic}") < 0  # no offset
    # A checkpoint completes after the rows were read: it commits where the job stood.
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 ms'")
    session.execute_statement(
        table("soon_cp", topic, kafka_bootstrap, "v STRING",
              **{"properties.group.id": f"b-{topic}", "format": "raw",
                 "scan.bounded.mode": "unbounded"})
    )  # fmt: skip
    result = session.execute_statement("SELECT v FROM soon_cp")
    deadline = time.time() + 20
    while committed(f"b-{topic}") != 5 and time.time() < deadline:
        time.sleep(0.2)
    result.job.cancel()
    assert committed(f"b-{topic}") == 5


def test_exactly_once_sink_commits_its_transaction_at_the_end(session, kafka_bootstrap, topic):
    session.execute_statement(
        table(
            "eo_sink",
            topic,
            kafka_bootstrap,
            "id STRING, n INT",
            **{
                "value.format": "csv",
                "sink.delivery-guarantee": "exactly-once",
                "sink.transactional-id-prefix": "test-eo",
            },
        )
    )
    session.execute_statement("INSERT INTO eo_sink VALUES ('a', 1), ('b', 2)")
    assert session.wait_for_jobs() == []
    reader = Consumer(
        {
            "bootstrap.servers": kafka_bootstrap,
            "group.id": "eo",
            "isolation.level": "read_committed",
        }
    )
    reader.assign([TopicPartition(topic, 0, 0)])
    got, deadline = [], time.time() + 15
    while len(got) < 2 and time.time() < deadline:
        got += [m.value() for m in reader.consume(10, 0.2) if m.error() is None]
    reader.close()
    assert got == [b"a,1", b"b,2"]
