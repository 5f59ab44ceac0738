"""A running `flinklite -f` job when its broker stops and comes back: one warning line on
stderr naming the brokers (no librdkafka log lines), the job keeps retrying and resumes, and
the upsert sink's final state equals an uninterrupted run's: no row lost or counted twice."""

from __future__ import annotations

import collections
import subprocess
import sys
import time

from confluent_kafka import Producer
from kafka_helpers import read

SCRIPT = """
CREATE TABLE orders (user_id STRING, n INT) WITH (
  'connector' = 'kafka', 'topic' = '{topic}-orders',
  'properties.bootstrap.servers' = '{bootstrap}', 'properties.group.id' = 'outage',
  'properties.reconnect.backoff.max.ms' = '500',
  'scan.startup.mode' = 'earliest-offset', 'format' = 'csv');
CREATE TABLE totals (user_id STRING, total INT, PRIMARY KEY (user_id) NOT ENFORCED) WITH (
  'connector' = 'upsert-kafka', 'topic' = '{topic}-totals',
  'properties.bootstrap.servers' = '{bootstrap}', 'properties.reconnect.backoff.max.ms' = '500',
  'key.format' = 'csv', 'value.format' = 'csv');
INSERT INTO totals SELECT user_id, SUM(n) FROM orders GROUP BY user_id;
"""


def produce(bootstrap, topic, records):
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for user, n in records:
        producer.produce(f"{topic}-orders", f"{user},{n}".encode())
    assert producer.flush(30) == 0


def upsert_state(bootstrap, topic):
    """The sink topic read back as a table: the last value per key, tombstones delete."""
    state = {}
    for m in read(bootstrap, f"{topic}-totals", idle_s=0.5):
        if m.value() is None:
            state.pop(m.key(), None)
        else:
            state[m.key()] = m.value()
    return state


def expected_state(records):
    totals = collections.Counter()
    for user, n in records:
        totals[user] += n
    return {user.encode(): f"{user},{n}".encode() for user, n in totals.items()}


def wait_for(predicate, timeout_s):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_a_job_survives_a_broker_restart(kafka_broker, topic, tmp_path):
    bootstrap = kafka_broker.bootstrap
    first = [(f"user-{i % 7}", i) for i in range(200)]
    second = [(f"user-{i % 9}", i) for i in range(200, 400)]
    produce(bootstrap, topic, first)
    script = tmp_path / "job.sql"
    script.write_text(SCRIPT.format(bootstrap=bootstrap, topic=topic))
    stderr = tmp_path / "stderr"
    with open(stderr, "w") as err:
        job = subprocess.Popen(
            [sys.executable, "-m", "flinklite", "-f", str(script)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    down = False
    try:
        assert wait_for(lambda: upsert_state(bootstrap, topic) == expected_state(first), 30)
        kafka_broker.stop()
        down = True
        assert wait_for(lambda: "unreachable" in stderr.read_text(), 20), stderr.read_text()
        time.sleep(1)  # the job keeps running through the outage
        assert job.poll() is None, stderr.read_text()
        assert kafka_broker.start() == bootstrap
        down = False
        produce(bootstrap, topic, second)
        done = wait_for(
            lambda: upsert_state(bootstrap, topic) == expected_state(first + second), 40
        )
        assert done, stderr.read_text()
        assert job.poll() is None
    finally:
        job.terminate()
        job.wait(20)
        if down:  # the other tests share this broker
            kafka_broker.start()
    lines = stderr.read_text().splitlines()
    outage = f"all Kafka brokers at {bootstrap} are unreachable; retrying until they are back."
    assert [line for line in lines if "unreachable" in line] == [
        f"[WARNING] Table 'default_catalog.default_database.orders': {outage}"
    ], "\n".join(lines)
    assert f"[INFO] Kafka brokers at {bootstrap} are reachable again." in lines
    assert not [line for line in lines if line.startswith("%") or "Traceback" in line], lines


def test_a_job_started_while_its_broker_is_down_waits_for_it(kafka_broker, topic, tmp_path):
    # As Flink's connector waits 'default.api.timeout.ms' (60 s) for the cluster when a job
    # starts, a job started during an outage says what it waits for and runs once it is back.
    bootstrap = kafka_broker.bootstrap
    records = [(f"user-{i % 5}", i) for i in range(100)]
    produce(bootstrap, topic, records)
    script = tmp_path / "job.sql"
    script.write_text(SCRIPT.format(bootstrap=bootstrap, topic=topic))
    stderr = tmp_path / "stderr"
    kafka_broker.stop()
    down = True
    try:
        with open(stderr, "w") as err:
            job = subprocess.Popen(
                [sys.executable, "-m", "flinklite", "-f", str(script)],
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        try:
            waiting = f"no Kafka broker at {bootstrap} answers yet; waiting up to 60 s"
            assert wait_for(lambda: waiting in stderr.read_text(), 20), stderr.read_text()
            assert kafka_broker.start() == bootstrap
            down = False
            done = wait_for(lambda: upsert_state(bootstrap, topic) == expected_state(records), 40)
            assert done, stderr.read_text()
            assert job.poll() is None, stderr.read_text()
        finally:
            job.terminate()
            job.wait(20)
    finally:
        if down:  # the other tests share this broker
            kafka_broker.start()
    text = stderr.read_text()
    assert "Cannot reach" not in text and "Traceback" not in text, text
    assert f"[INFO] Kafka brokers at {bootstrap} answer." in text
