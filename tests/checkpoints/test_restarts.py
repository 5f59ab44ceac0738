"""Specification of restart strategies: a failed job starts again as Flink's strategies say,
from its latest checkpoint, and reports why when it gives up."""

from __future__ import annotations

import time

import pytest

from flinklite.errors import FlinkliteError
from flinklite.runtime.restart import EXPONENTIAL_DELAY, NONE, RestartStrategy
from flinklite.session import Session


def test_fixed_delay_restarts_its_attempts_then_gives_up():
    s = RestartStrategy("fixed-delay", attempts=2, delay_ms=5)
    assert [s.next_delay_ms(10), s.next_delay_ms(10), s.next_delay_ms(10)] == [5, 5, None]
    assert s.gave_up() == "fixed-delay restart strategy gave up after 2 restart(s)"


def test_exponential_delay_backs_off_to_its_maximum_and_resets_after_a_long_run():
    s = RestartStrategy(EXPONENTIAL_DELAY, initial_ms=100, max_ms=300, multiplier=2, jitter=0)
    assert [s.next_delay_ms(10) for _ in range(4)] == [100, 200, 300, 300]
    assert s.next_delay_ms(s.reset_after_ms) == 100
    jittered = RestartStrategy(EXPONENTIAL_DELAY, initial_ms=1000, jitter=0.1)
    assert 900 <= jittered.next_delay_ms(0, rng=lambda: 0.0) <= 1100


def test_none_never_restarts():
    assert RestartStrategy(NONE).next_delay_ms(0) is None


SCRIPT_TABLES = [
    "CREATE TABLE Readings (id INT, v INT) WITH ('connector' = 'filesystem', "
    "'path' = '{path}', 'format' = 'csv')",
    "CREATE TABLE Sums (s BIGINT) WITH ('connector' = 'blackhole')",
]


def test_a_job_that_keeps_failing_reports_why_it_gave_up(tmp_path):
    data = tmp_path / "r.csv"
    data.write_text("1,10\n2,oops\n")
    session = Session(
        {
            "table.dml-sync": "true",
            "restart-strategy.type": "fixed-delay",
            "restart-strategy.fixed-delay.attempts": "2",
            "restart-strategy.fixed-delay.delay": "10 ms",
        }
    )
    try:
        for ddl in SCRIPT_TABLES:
            session.execute_statement(ddl.format(path=data))
        with pytest.raises(FlinkliteError) as failed:
            session.execute_statement("INSERT INTO Sums SELECT SUM(v) FROM Readings")
        (job,) = session.jobs.jobs
    finally:
        session.close()
    assert "line 2" in str(failed.value)
    assert "fixed-delay restart strategy gave up after 2 restart(s)" in str(failed.value)
    assert len(job.failures) == 2 and job.status == "FAILED"


def test_a_job_restarted_after_the_cause_went_away_finishes(tmp_path):
    data = tmp_path / "r.csv"
    data.write_text("1,10\n2,oops\n")
    session = Session(
        {
            "restart-strategy.type": "fixed-delay",
            "restart-strategy.fixed-delay.attempts": "3",
            "restart-strategy.fixed-delay.delay": "1 s",
        }
    )
    try:
        for ddl in SCRIPT_TABLES:
            session.execute_statement(ddl.format(path=data))
        session.execute_statement("INSERT INTO Sums SELECT SUM(v) FROM Readings")
        (job,) = session.jobs.jobs
        deadline = time.time() + 10
        while not job.failures and time.time() < deadline:
            time.sleep(0.02)
        data.write_text("1,10\n2,20\n")  # the bad record is fixed while the job waits
        assert job.wait(20)
    finally:
        session.close()
    assert job.status == "FINISHED" and job.error is None
    assert len(job.failures) == 1


def test_without_a_strategy_or_checkpoints_a_failure_ends_the_job(tmp_path):
    data = tmp_path / "r.csv"
    data.write_text("1,x\n")
    session = Session({"table.dml-sync": "true"})
    try:
        for ddl in SCRIPT_TABLES:
            session.execute_statement(ddl.format(path=data))
        with pytest.raises(FlinkliteError):
            session.execute_statement("INSERT INTO Sums SELECT SUM(v) FROM Readings")
        (job,) = session.jobs.jobs
    finally:
        session.close()
    assert job.failures == [] and job.restarts is not None and job.restarts.kind == "none"


def test_an_unknown_strategy_is_refused():
    session = Session({"restart-strategy.type": "sometimes"})
    try:
        session.execute_statement("CREATE TABLE S (s BIGINT) WITH ('connector' = 'blackhole')")
        with pytest.raises(FlinkliteError, match="Unknown restart strategy 'sometimes'"):
            session.execute_statement("INSERT INTO S VALUES (1)")
    finally:
        session.close()
