"""Specification of checkpoint settings in a session: Flink's keys, what is refused before a
job starts (no folder, an operator whose state is not checkpointed yet, nothing to restore),
and a checkpointed job's folder layout."""

from __future__ import annotations

import pytest

from flinklite.errors import FlinkliteError
from flinklite.session import Session

TICKS = """CREATE TABLE Ticks (sym STRING, price INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '50000',
  'fields.sym.length' = '1', 'fields.price.min' = '1', 'fields.price.max' = '9')"""
SINK = "CREATE TABLE Counted (sym STRING, n BIGINT) WITH ('connector' = 'blackhole')"


@pytest.fixture
def session(tmp_path):
    s = Session({"table.local-time-zone": "UTC", "table.dml-sync": "true"})
    s.execute_statement(TICKS)
    s.execute_statement(SINK)
    yield s
    s.close()


def test_an_interval_needs_a_folder(session):
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 s'")
    with pytest.raises(FlinkliteError, match="'execution.checkpointing.dir' is not"):
        session.execute_statement(
            "INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym"
        )


def test_flinks_older_key_for_the_folder_is_accepted(session, tmp_path):
    result = session.execute_statement(f"SET 'state.checkpoints.dir' = '{tmp_path}'")
    assert result.level == "WARNING" and "execution.checkpointing.dir" in result.message
    session.execute_statement("SET 'execution.checkpointing.interval' = '10 ms'")
    session.execute_statement("INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym")
    (job,) = session.jobs.jobs
    assert job.error is None
    folders = list((tmp_path / job.id).glob("chk-*"))
    assert len(folders) == 1 and (folders[0] / "_metadata").is_file()  # num-retained 1
    assert job.last_checkpoint is not None and job.last_checkpoint[2] > 0


def test_an_operator_without_checkpointed_state_is_refused_not_silently_lost(session, tmp_path):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 s'")
    session.execute_statement("CREATE TABLE M (sym STRING, p INT) WITH ('connector' = 'blackhole')")
    with pytest.raises(FlinkliteError, match="OverAggregate operator are not supported"):
        session.execute_statement(
            "INSERT INTO M SELECT sym, SUM(price) OVER (PARTITION BY sym ORDER BY ts "
            "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM Ticks"
        )


def test_nothing_to_restore_is_said_before_the_job_starts(session, tmp_path):
    session.execute_statement(f"SET 'execution.savepoint.path' = '{tmp_path / 'none'}'")
    with pytest.raises(FlinkliteError, match="holds no completed checkpoint"):
        session.execute_statement(
            "INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym"
        )
    session.execute_statement("SET 'execution.state-recovery.path' = 'latest'")
    with pytest.raises(FlinkliteError, match="needs 'execution.checkpointing.dir'"):
        session.execute_statement(
            "INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym"
        )
