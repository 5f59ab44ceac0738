"""The Kafka sink's exactly-once delivery ('sink.delivery-guarantee' = 'exactly-once'): Flink's
two-phase commit on librdkafka.

Records go out inside a Kafka transaction, invisible to read_committed consumers until it
commits. When the job checkpoints, the sink flushes the transaction (pre-commit) and the
checkpoint keeps it; once the checkpoint is on disk the transaction commits. After a crash,
Flink's Java producer resumes a pre-committed transaction and commits it; librdkafka cannot
resume another producer's transaction, so the checkpoint keeps the records the transaction
holds instead, and a restored sink that finds the broker never committed it writes them
again in a transaction of its own and commits that.

Whether the broker committed a transaction is read from Kafka itself: every commit also
commits, inside the same transaction, the offset <n> with metadata <writer> for the consumer
group named as the transactional id, on partition 0 of the sink topic (<n> counts the
writer's transactions, <writer> names one run of the sink). The records and this marker
become visible together or not at all.

One transactional id per sink (`<prefix>-0`, Flink's `<prefix>-<subtask>-...` for the one
writer): the producer of a restarted job fences the one it replaces, and the broker aborts
the transaction that one left open. Without checkpoints, transactions commit every few
seconds and at the end of the input."""

from __future__ import annotations

import time
import uuid
from typing import Any

from flinklite.connectors.kafka_runtime import produce
from flinklite.errors import ExecutionError

TIMEOUT_S = 30.0  # for the transactional calls (init, commit, abort) to answer
COMMIT_INTERVAL_S = 5.0  # without checkpoints, or a third of a shorter transaction timeout


class Transactions:
    """The open transaction of one Kafka sink: its records (kept when the job checkpoints),
    commit with the marker, and the restore of a checkpointed one."""

    def __init__(
        self,
        producer: Any,
        consumer: Any,
        transactional_id: str,
        topic: str,
        table: str,
        timeout_ms: int = 60_000,
    ) -> None:
        self.producer = producer
        self.marker_group = consumer  # a client of the marker's group, never subscribed
        self.transactional_id = transactional_id
        self.topic = topic
        self.table = table
        self.writer = uuid.uuid4().hex  # this run; a restored sink writes under a new name
        self.number = 0  # transactions this writer committed
        self.keep = False  # the records of the open transaction, for a checkpoint
        self.records: list[tuple] = []
        self.open = False
        self.last_commit = time.monotonic()
        # well inside the producer's transaction.timeout.ms, after which the broker aborts
        self.interval_s = min(COMMIT_INTERVAL_S, timeout_ms / 3000)

    def start(self, restored: dict | None, keep: bool) -> None:
        """Fences the producer this sink replaces (the broker aborts what it left open),
        finishes the checkpointed transaction if the broker never committed it, and opens the
        first transaction."""
        self.keep = keep
        self._call("initialise transactions for", self.producer.init_transactions)
        if restored is not None and not self._committed(restored["writer"], restored["number"]):
            self._begin()
            for value, key, kwargs in restored["records"]:
                produce(self.producer, self.topic, value, key, **kwargs)
            self._commit_as(restored["writer"], restored["number"])
        self._begin()

    def record(self, value: Any, key: Any, kwargs: dict[str, Any]) -> None:
        if self.keep:
            self.records.append((value, key, kwargs))

    def snapshot(self) -> dict:
        """The open transaction, pre-committed (the sink flushed it): what a restore needs to
        tell whether it committed, and to write it again if not."""
        return {"writer": self.writer, "number": self.number, "records": list(self.records)}

    def commit(self) -> None:
        """Commits the open transaction and opens the next."""
        if not self.open:  # the input ended: end() committed the last one
            return
        self.end()
        self._begin()

    def commit_if_due(self) -> None:
        """Without checkpoints: a commit every `interval_s`, watermarks or not."""
        if self.open and time.monotonic() - self.last_commit >= self.interval_s:
            self.commit()

    def end(self) -> None:
        """Commits the open transaction; at the end of the input nothing opens after it."""
        self._commit_as(self.writer, self.number)
        self.number += 1
        self.records.clear()

    def abort(self) -> None:
        """The job stops without committing (cancelled, failed): its open transaction is lost,
        as in Flink; a restore from the last checkpoint writes it again."""
        if self.open:
            self.open = False
            self.producer.abort_transaction(5)

    # --- helpers ---------------------------------------------------------------------------

    def _begin(self) -> None:
        self.producer.begin_transaction()
        self.open = True

    def _commit_as(self, writer: str, number: int) -> None:
        from confluent_kafka import TopicPartition

        marker = [TopicPartition(self.topic, 0, number, metadata=writer)]
        group = self.marker_group.consumer_group_metadata()
        self._call(
            "commit the transaction of",
            lambda t: (
                self.producer.send_offsets_to_transaction(marker, group, t),
                self.producer.commit_transaction(t),
            ),
        )
        self.open = False
        self.last_commit = time.monotonic()

    def _committed(self, writer: str, number: int) -> bool:
        from confluent_kafka import TopicPartition

        found = self._call(
            "read the committed transactions of",
            lambda t: self.marker_group.committed([TopicPartition(self.topic, 0)], timeout=t),
        )[0]
        return found.metadata == writer and found.offset >= number

    def _call(self, what: str, call: Any) -> Any:
        from confluent_kafka import KafkaException

        try:
            return call(TIMEOUT_S)
        except KafkaException as e:
            error = e.args[0]
            timeout = (
                "; a transaction must commit within the producer's 'transaction.timeout.ms' "
                "(set it with 'properties.transaction.timeout.ms', up to the broker's "
                "transaction.max.timeout.ms) or it is aborted: checkpoint more often"
                if "commit" in what
                else ""
            )
            raise ExecutionError(
                f"Table '{self.table}': could not {what} topic '{self.topic}' "
                f"(transactional id '{self.transactional_id}'): {error.str()}{timeout}."
            ) from None
