"""Small broker-side helpers the Kafka tests share: end offsets, reading a topic from an
offset, and a topic's configuration, all through a plain librdkafka client."""

from __future__ import annotations

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
