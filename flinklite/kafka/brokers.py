"""Connecting the command-line tools to Kafka: quiet librdkafka clients and a bounded wait for
the brokers, so an unreachable cluster is one clear error instead of endless retries."""

from __future__ import annotations

from typing import Any

from flinklite.connectors.kafka_runtime import cluster_metadata, outage_callback, quiet_logger
from flinklite.errors import ExecutionError

CONNECT_TIMEOUT_S = 10.0


def client(kind: str, config: dict[str, Any], owner: str) -> Any:
    """A librdkafka client ('Producer', 'Consumer', 'AdminClient') without librdkafka's log
    lines; an outage while it runs is one warning on stderr naming `owner`."""
    import confluent_kafka
    import confluent_kafka.admin

    servers = str(config.get("bootstrap.servers", ""))
    full = {**config, "logger": quiet_logger(), "error_cb": outage_callback(servers, owner)}
    module = confluent_kafka.admin if kind == "AdminClient" else confluent_kafka
    try:
        return getattr(module, kind)(full)
    except confluent_kafka.KafkaException as e:
        detail = e.args[0].str() if e.args else str(e)
        raise ExecutionError(
            f"The Kafka client (librdkafka) rejects its settings: {detail}"
        ) from None


def metadata(handle: Any, servers: str, timeout_s: float = CONNECT_TIMEOUT_S) -> Any:
    """The cluster's metadata (topics and partitions), waiting at most `timeout_s` for a
    broker to answer."""
    return cluster_metadata(handle, servers, "--bootstrap-servers", timeout_s)
