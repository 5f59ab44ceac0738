"""Small broker-side helpers the Kafka tests share: end offsets, reading a topic from an
offset, a topic's configuration, all through a plain librdkafka client; and the tutorial's
unusual sales computed independently of flinklite, as the upsert-kafka sink writes them."""

from __future__ import annotations

import collections
import datetime as dt
import time

from confluent_kafka import Consumer, KafkaException, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource


def end_offset(bootstrap: str, topic: str) -> int:
    """The next offset of partition 0 (0 when the topic does not exist yet)."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "check"})
    try:
        if topic not in consumer.list_topics(timeout=10).topics:
            return 0
        return consumer.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)[1]
    except KafkaException:
        return 0
    finally:
        consumer.close()


def read(bootstrap: str, topic: str, offset: int = 0, count: int | None = None, idle_s=1.0):
    """Records of partition 0 from `offset`: `count` of them, or all until none come for
    idle_s; at most 30 s."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "check"})
    consumer.assign([TopicPartition(topic, 0, offset)])
    got, last, start = [], time.time(), time.time()
    while time.time() - start < 30:
        if count is not None and len(got) >= count:
            break
        if count is None and time.time() - last > idle_s:
            break
        batch = [m for m in consumer.consume(500, 0.2) if m.error() is None]
        if batch:
            got += batch
            last = time.time()
    consumer.close()
    return got


def topic_config(bootstrap: str, topic: str) -> dict[str, str]:
    admin = AdminClient({"bootstrap.servers": bootstrap})
    resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
    found = admin.describe_configs([resource])[resource].result(10)
    return {name: entry.value for name, entry in found.items()}


def consume(bootstrap, topic, idle_s=1.0, timeout_s=30.0, committed_only=False):
    """Partition 0 from the start until no record comes for idle_s; with committed_only, as a
    read_committed consumer reads it (records of aborted or open transactions left out)."""
    isolation = "read_committed" if committed_only else "read_uncommitted"
    consumer = Consumer(
        {"bootstrap.servers": bootstrap, "group.id": "check", "isolation.level": isolation}
    )
    consumer.assign([TopicPartition(topic, 0, 0)])
    got, last, start = [], time.time(), time.time()
    while time.time() - last < idle_s and time.time() - start < timeout_s:
        batch = [m for m in consumer.consume(500, 0.2) if m.error() is None]
        if batch:
            got += batch
            last = time.time()
    consumer.close()
    return got


def csv_timestamp(ms: int) -> str:
    """Flink's CSV text of a TIMESTAMP(3): trailing zeros of the fraction dropped, quoted."""
    text = dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    fraction = f"{ms % 1000:03d}".rstrip("0")
    return f'"{text}.{fraction}"' if fraction else f'"{text}"'


def expected_matches(records):
    """The pattern's matches as a plain loop (valid while unusual sales follow only normal
    ones): per user, the sales since the last match within 10 s; a sale matches when its
    quantity exceeds three times the truncated average of those."""
    runs: dict[str, list] = collections.defaultdict(list)
    out = []
    for values, ts in sorted(records, key=lambda r: r[1]):
        invoice, user, _, quantity, _ = values
        run = [r for r in runs[user] if ts - r[1] < 10_000]
        q = int(quantity)
        if run and q > (sum(int(r[0]) for r in run) // len(run)) * 3:
            avg = sum(int(r[0]) for r in run) // len(run)
            first, last = csv_timestamp(run[0][1]), csv_timestamp(run[-1][1])
            value = f"{user},{invoice},{q},{csv_timestamp(ts)},{avg},{first},{last}"
            out.append((user.encode(), value.encode()))
            runs[user] = []
        else:
            runs[user] = [*run, (quantity, ts)]
    return out


def recreate(bootstrap: str, topic: str) -> None:
    """Deletes `topic` if it exists, so the next datagen creates it."""
    admin = AdminClient({"bootstrap.servers": bootstrap})
    if topic in admin.list_topics(timeout=10).topics:
        admin.delete_topics([topic])[topic].result(10)
        deadline = time.time() + 30
        while topic in admin.list_topics(timeout=10).topics and time.time() < deadline:
            time.sleep(0.2)
