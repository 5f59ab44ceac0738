"""Specification of checkpoint settings in a session: Flink's keys, what is refused before a
job starts (no folder, nothing to restore), batch mode without checkpoints, and a
checkpointed job's folder layout."""

from __future__ import annotations

import time

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
    session.execute_statement(
        "SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION'"
    )
    session.execute_statement("INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym")
    (job,) = session.jobs.jobs
    assert job.error is None
    folders = list((tmp_path / job.id).glob("chk-*"))
    assert len(folders) == 1 and (folders[0] / "_metadata").is_file()  # num-retained 1
    assert job.last_checkpoint is not None and job.last_checkpoint[2] > 0


@pytest.mark.parametrize(
    "retention, kept",
    [
        (None, {"FINISHED": False, "CANCELED": False, "FAILED": False}),  # Flink's default
        ("delete_on_cancellation", {"FINISHED": False, "CANCELED": False, "FAILED": True}),
        ("RETAIN_ON_CANCELLATION", {"FINISHED": True, "CANCELED": True, "FAILED": True}),
    ],
)
def test_checkpoints_outlive_their_job_as_the_retention_says(session, tmp_path, retention, kept):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 ms'")
    session.execute_statement("SET 'restart-strategy.type' = 'none'")
    if retention:
        session.execute_statement(
            f"SET 'execution.checkpointing.externalized-checkpoint-retention' = '{retention}'"
        )
    session.execute_statement("SET 'table.dml-sync' = 'false'")
    session.execute_statement(
        "CREATE TABLE Endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000', "
        "'fields.n.kind' = 'sequence', 'fields.n.start' = '-500', 'fields.n.end' = '1000000')"
    )
    session.execute_statement(
        "CREATE TABLE Few (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000', "
        "'number-of-rows' = '500')"
    )
    session.execute_statement("CREATE TABLE Ns (n INT) WITH ('connector' = 'blackhole')")
    jobs = {
        "FINISHED": "INSERT INTO Ns SELECT n FROM Few",
        "CANCELED": "INSERT INTO Ns SELECT n FROM Endless",
        # 1 / n fails when the sequence reaches 0, half a second in
        "FAILED": "INSERT INTO Ns SELECT 1 / n FROM Endless",
    }
    for status, sql in jobs.items():
        job = session.jobs.find(session.execute_statement(sql).job_id)
        time.sleep(0.3)
        assert job.last_checkpoint is not None
        if status == "CANCELED":
            job.cancel()
        assert job.wait(30) and job.status == status, job.error
        assert (tmp_path / job.id).exists() == kept[status], status


def test_the_standard_matcher_checkpoints_too(session, tmp_path):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 ms'")
    session.execute_statement("CREATE TABLE M (sym STRING, p INT) WITH ('connector' = 'blackhole')")
    # ALL ROWS PER MATCH runs on the standard-semantics matcher
    job_id = session.execute_statement(
        "INSERT INTO M SELECT sym, p FROM Ticks MATCH_RECOGNIZE (PARTITION BY sym ORDER BY "
        "ts MEASURES A.price AS p ALL ROWS PER MATCH PATTERN (A B) "
        "DEFINE B AS B.price > A.price)"
    ).job_id
    assert session.jobs.find(job_id).last_checkpoint is not None


def test_batch_mode_does_not_checkpoint_as_in_flink(session, tmp_path):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 ms'")
    session.execute_statement("SET 'execution.runtime-mode' = 'batch'")
    session.execute_statement(
        "CREATE TABLE M (sym STRING, n BIGINT) WITH ('connector' = 'blackhole')"
    )
    job_id = session.execute_statement(
        "INSERT INTO M SELECT sym, COUNT(*) FROM Ticks GROUP BY sym"
    ).job_id
    assert session.jobs.find(job_id).last_checkpoint is None
    assert not list(tmp_path.iterdir())


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


def test_show_jobs_gives_the_last_checkpoint_of_jobs_that_checkpoint(session, tmp_path):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '10 ms'")
    session.execute_statement("INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym")
    shown = session.execute_statement("SHOW JOBS")
    assert shown.columns[-2:] == ("last checkpoint", "checkpoint size")
    (row,) = shown.rows
    assert row[-2].endswith("Z") and row[-1].endswith(" bytes")


def test_stop_with_savepoint_needs_a_folder_then_gives_its_path(session, tmp_path):
    session.execute_statement("RESET 'table.dml-sync'")
    session.execute_statement("SET 'table.dml-sync' = 'false'")
    session.execute_statement(
        "CREATE TABLE Endless (n BIGINT) WITH ('connector' = 'datagen', "
        "'rows-per-second' = '1000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', "
        "'fields.n.end' = '100000000')"
    )
    session.execute_statement("CREATE TABLE Total (s BIGINT) WITH ('connector' = 'blackhole')")
    job_id = session.execute_statement("INSERT INTO Total SELECT SUM(n) FROM Endless").job_id
    with pytest.raises(FlinkliteError, match="no savepoint directory is configured"):
        session.execute_statement(f"STOP JOB '{job_id}' WITH SAVEPOINT")
    session.execute_statement(f"SET 'state.savepoints.dir' = '{tmp_path}'")
    result = session.execute_statement(f"STOP JOB '{job_id}' WITH SAVEPOINT")
    (path,) = result.rows[0]
    assert result.columns == ("savepoint path",)
    assert path.startswith(f"file:{tmp_path}/savepoint-{job_id[:6]}-")
    assert session.jobs.find(job_id).status == "FINISHED"

    # A job started from the savepoint goes on from its sum and from its place in the sequence.
    from flinklite.runtime import checkpoints
    from flinklite.runtime.state_codec import decode

    def total_and_position(savepoint: str) -> tuple[int, int]:
        saved = checkpoints.load(savepoint)
        (aggregate,) = [o for o in saved["operators"] if o["name"] == "GroupAggregate"]
        # SUM's accumulator: (count, sum, ...)
        total = next(iter(decode(aggregate["state"])["state"].values()))[1]
        return total, decode(saved["sources"][0])["positions"]["datagen"]

    total, emitted = total_and_position(path)
    assert total == emitted * (emitted + 1) // 2 > 0
    session.execute_statement(f"SET 'execution.state-recovery.path' = '{path}'")
    again = session.execute_statement("INSERT INTO Total SELECT SUM(n) FROM Endless").job_id
    time.sleep(0.3)
    second = session.execute_statement(f"STOP JOB '{again}' WITH SAVEPOINT").rows[0][0]
    total2, emitted2 = total_and_position(second)
    assert emitted2 > emitted and total2 == emitted2 * (emitted2 + 1) // 2  # 1..n, no gap


@pytest.mark.parametrize("drain", [False, True])
def test_stop_with_drain_fires_the_windows_before_the_savepoint(session, tmp_path, drain):
    # Flink's --drain: the maximum watermark before the savepoint, so the hour-long window
    # still open fires, and the sink commits it; without it the window stays in the savepoint.
    session.execute_statement("SET 'table.dml-sync' = 'false'")
    session.execute_statement(f"SET 'execution.checkpointing.savepoint-dir' = '{tmp_path}'")
    session.execute_statement(
        "CREATE TABLE Endless (n BIGINT, ts AS CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3)), "
        "WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'rows-per-second' = '1000', "
        "'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '100000000')"
    )
    out = tmp_path / "hourly"
    session.execute_statement(
        f"CREATE TABLE Hourly (rows_seen BIGINT) WITH ('connector' = 'filesystem', "
        f"'path' = '{out}', 'format' = 'csv')"
    )
    job_id = session.execute_statement(
        "INSERT INTO Hourly SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE Endless, DESCRIPTOR(ts), "
        "INTERVAL '1' HOUR)) GROUP BY window_start, window_end"
    ).job_id
    time.sleep(0.5)
    session.execute_statement(f"STOP JOB '{job_id}' WITH SAVEPOINT" + (" WITH DRAIN" * drain))
    assert session.jobs.find(job_id).status == "FINISHED"
    written = [line for part in out.glob("part-*") for line in part.read_text().splitlines()]
    if drain:
        assert len(written) in (1, 2) and sum(map(int, written)) > 0  # an hour may turn
    else:
        assert written == []


def test_a_checkpoint_restores_only_into_the_same_plan(session, tmp_path):
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path}'")
    session.execute_statement("SET 'execution.checkpointing.interval' = '10 ms'")
    session.execute_statement(
        "SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION'"
    )
    session.execute_statement("INSERT INTO Counted SELECT sym, COUNT(*) FROM Ticks GROUP BY sym")
    session.execute_statement("SET 'execution.state-recovery.path' = 'latest'")
    # The same operators, another aggregate: its accumulators would not fit.
    with pytest.raises(FlinkliteError, match=r"does not fit this query: operator GroupAggregate"):
        session.execute_statement(
            "INSERT INTO Counted SELECT sym, SUM(CAST(price AS BIGINT)) FROM Ticks GROUP BY sym"
        )
