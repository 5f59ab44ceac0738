"""The exactly-once Kafka sink's two-phase commit against the real broker: a transaction a
checkpoint kept is committed once however the job died around the commit, a job without
checkpoints commits on a timer whatever its watermarks do, and with checkpoints nothing is
visible before the checkpoint that holds it completes."""

from __future__ import annotations

import time

from confluent_kafka import Consumer, Producer
from kafka_helpers import consume

from flinklite.connectors.kafka_transactions import Transactions
from flinklite.runtime import state_codec
from flinklite.session import Session


def _writer(bootstrap: str, topic: str, transactional_id: str) -> Transactions:
    producer = Producer({"bootstrap.servers": bootstrap, "transactional.id": transactional_id})
    group = Consumer(
        {"bootstrap.servers": bootstrap, "group.id": transactional_id, "enable.auto.commit": False}
    )
    return Transactions(producer, group, transactional_id, topic, "Sink")


def _write(writer: Transactions, *values: bytes) -> None:
    for value in values:
        writer.record(value, None, {"partition": 0})
        writer.producer.produce(writer.topic, value, None, partition=0)
    writer.producer.flush(10)


def _checkpointed(writer: Transactions) -> dict:
    """The writer's state as a checkpoint file holds it and a restore reads it back."""
    return state_codec.decode(state_codec.encode(writer.snapshot()))


def _committed(bootstrap: str, topic: str, timeout_s: float = 30.0) -> list[bytes]:
    records = consume(bootstrap, topic, idle_s=1.0, timeout_s=timeout_s, committed_only=True)
    return [m.value() for m in records]


def test_a_checkpointed_transaction_the_broker_never_committed_is_written_again(
    kafka_bootstrap, topic
):
    tid = f"{topic}-tx"
    first = _writer(kafka_bootstrap, topic, tid)
    first.start(None, keep=True)
    _write(first, b"a")
    first.commit()  # checkpoint 1 completed
    _write(first, b"b", b"c")
    saved = _checkpointed(first)  # checkpoint 2 on disk, and the process dies before its commit
    _write(first, b"after the checkpoint")

    second = _writer(kafka_bootstrap, topic, tid)
    second.start(saved, keep=True)  # fences `first`: its open transaction is aborted
    assert _committed(kafka_bootstrap, topic) == [b"a", b"b", b"c"]

    # It dies again before its own first checkpoint: the same checkpoint, restored again,
    # finds its transaction committed this time and writes nothing twice.
    third = _writer(kafka_bootstrap, topic, tid)
    third.start(saved, keep=True)
    _write(third, b"d")
    third.commit()
    assert _committed(kafka_bootstrap, topic) == [b"a", b"b", b"c", b"d"]


def test_a_transaction_committed_before_the_crash_is_not_written_again(kafka_bootstrap, topic):
    tid = f"{topic}-tx"
    first = _writer(kafka_bootstrap, topic, tid)
    first.start(None, keep=True)
    _write(first, b"a", b"b")
    saved = _checkpointed(first)
    first.commit()  # the checkpoint completed and the commit went through; then the crash
    _write(first, b"lost with the crash")

    second = _writer(kafka_bootstrap, topic, tid)
    second.start(saved, keep=True)
    _write(second, b"c")
    second.commit()
    assert _committed(kafka_bootstrap, topic) == [b"a", b"b", b"c"]


def test_restoring_an_older_checkpoint_of_another_run_writes_its_transaction_again(
    kafka_bootstrap, topic
):
    # A later run committed since: the marker names that run's writer, so the old checkpoint's
    # transaction cannot be told committed and is written again, as everything after an old
    # checkpoint is when a job goes back to it.
    tid = f"{topic}-tx"
    first = _writer(kafka_bootstrap, topic, tid)
    first.start(None, keep=True)
    _write(first, b"a")
    old = _checkpointed(first)
    first.commit()
    later = _writer(kafka_bootstrap, topic, tid)
    later.start(old, keep=True)
    _write(later, b"b")
    later.commit()
    again = _writer(kafka_bootstrap, topic, tid)
    again.start(old, keep=True)
    assert _committed(kafka_bootstrap, topic) == [b"a", b"b", b"a"]


def _sink_table(session: Session, topic: str, bootstrap: str, name: str, extra: str = "") -> None:
    session.execute_statement(
        f"""CREATE TABLE {name} (v BIGINT) WITH (
            'connector' = 'kafka', 'topic' = '{topic}',
            'properties.bootstrap.servers' = '{bootstrap}', 'format' = 'csv',
            'sink.delivery-guarantee' = 'exactly-once',
            'sink.transactional-id-prefix' = '{topic}'{", " + extra if extra else ""})"""
    )


def test_without_checkpoints_transactions_commit_on_a_timer_without_watermarks(
    kafka_bootstrap, topic
):
    # A 3 s transaction timeout: the job runs past it, and nothing is aborted or lost.
    session = Session()
    _sink_table(
        session, topic, kafka_bootstrap, "eo", "'properties.transaction.timeout.ms' = '3000'"
    )
    # datagen without a watermark: rows for ever, and never a watermark
    session.execute_statement(
        "CREATE TABLE numbers (v BIGINT) WITH ('connector' = 'datagen', "
        "'rows-per-second' = '50', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', "
        "'fields.v.end' = '1000000')"
    )
    job = session.jobs.find(
        session.execute_statement("INSERT INTO eo SELECT v FROM numbers").job_id
    )
    try:
        time.sleep(7)
        assert job.error is None and job.status == "RUNNING", job.error
        committed = [int(v) for v in _committed(kafka_bootstrap, topic, 2.0)]
        assert len(committed) >= 100 and committed == list(range(1, len(committed) + 1))
    finally:
        job.cancel()
        job.wait(30)


def test_with_checkpoints_rows_are_visible_once_their_checkpoint_completes(
    kafka_bootstrap, topic, tmp_path
):
    session = Session()
    session.execute_statement("SET 'execution.checkpointing.interval' = '3 s'")
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    _sink_table(session, topic, kafka_bootstrap, "eo")
    session.execute_statement(
        "CREATE TABLE numbers (v BIGINT) WITH ('connector' = 'datagen', "
        "'rows-per-second' = '100', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', "
        "'fields.v.end' = '1000000')"
    )
    job = session.jobs.find(
        session.execute_statement("INSERT INTO eo SELECT v FROM numbers").job_id
    )
    try:
        time.sleep(1.5)
        assert job.last_checkpoint is None
        assert _committed(kafka_bootstrap, topic) == []  # written, not committed
        deadline = time.time() + 20
        while job.last_checkpoint is None and time.time() < deadline:
            time.sleep(0.1)
        assert job.last_checkpoint is not None
        got = [int(v) for v in _committed(kafka_bootstrap, topic)]
        assert got[:3] == [1, 2, 3] and got == list(range(1, len(got) + 1))
    finally:
        job.cancel()
        job.wait(30)
