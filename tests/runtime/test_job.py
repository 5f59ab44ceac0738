"""Specification of jobs as a session runs them: queries stream their changelog, INSERT jobs
run in the background, failures reach the reader with Flink's wording, cancel stops a job."""

from __future__ import annotations

import time

import pytest

from flinklite.errors import ExecutionError
from flinklite.results import ChangelogResult, JobSubmittedResult
from flinklite.runner import run_script, substitute
from flinklite.runtime.connector import Source, Split
from flinklite.runtime.job import CANCELED, FAILED, FINISHED, SourceDriver, SplitWatermarks
from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.rows import fold
from flinklite.runtime.watermarks import WatermarkGenerator
from flinklite.session import Session


@pytest.fixture
def session():
    s = Session({"table.local-time-zone": "UTC", "pipeline.auto-watermark-interval": "0"})
    yield s
    s.close()


def test_a_query_streams_its_changelog_and_finishes(session):
    result = session.execute_statement(
        "SELECT k, COUNT(*) AS c FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k"
    )
    assert isinstance(result, ChangelogResult)
    assert result.columns == ("k", "c")
    assert list(result.changes()) == [
        ("+I", ("a", 1)),
        ("+I", ("b", 1)),
        ("-U", ("a", 1)),
        ("+U", ("a", 2)),
    ]
    assert result.job.wait(5) and result.job.status == FINISHED
    assert not result.insert_only


def test_batch_mode_gives_final_rows_only(session):
    session.execute_statement("SET 'execution.runtime-mode' = 'batch'")
    result = session.execute_statement(
        "SELECT k, COUNT(*) AS c FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k"
    )
    assert sorted(result.changes()) == [("+I", ("a", 2)), ("+I", ("b", 1))]


def test_a_failing_cast_fails_the_job_and_names_the_value(session):
    result = session.execute_statement("SELECT CAST(s AS INT) FROM (VALUES ('1'), ('abc')) AS t(s)")
    with pytest.raises(ExecutionError, match="abc"):
        list(result.changes())
    assert result.job.status == FAILED


def test_cancel_stops_an_unbounded_job(session):
    session.execute_statement(
        "CREATE TABLE gen (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1000')"
    )
    result = session.execute_statement("SELECT v FROM gen")
    deadline = time.time() + 5
    while not result.buffer.available() and time.time() < deadline:
        time.sleep(0.01)
    assert result.buffer.available(), "the datagen source produced nothing"
    result.job.cancel()
    assert result.job.wait(5)
    assert result.job.status == CANCELED


def test_insert_runs_as_a_background_job_listed_by_show_jobs(session, tmp_path, capsys):
    session.execute_statement(
        "CREATE TABLE sink_out (k STRING, c BIGINT) WITH ('connector' = 'print')"
    )
    submitted = session.execute_statement(
        "INSERT INTO sink_out SELECT k, COUNT(*) FROM (VALUES ('a'), ('a')) AS t(k) GROUP BY k"
    )
    assert isinstance(submitted, JobSubmittedResult)
    assert session.wait_for_jobs() == []
    assert capsys.readouterr().out.splitlines() == ["+I[a, 1]", "-U[a, 1]", "+U[a, 2]"]
    jobs = session.execute_statement("SHOW JOBS")
    assert jobs.rows[0][0] == submitted.job_id
    assert jobs.rows[0][1] == "insert-into_default_catalog.default_database.sink_out"
    assert jobs.rows[0][2] == FINISHED


def test_create_table_as_select_writes_the_rows(session, tmp_path):
    target = tmp_path / "out"
    session.execute_statement(
        f"CREATE TABLE copy WITH ('connector' = 'filesystem', 'path' = '{target}', "
        "'format' = 'csv') AS SELECT * FROM (VALUES (1, 'x'), (2, 'y')) AS t(n, s)"
    )
    assert session.wait_for_jobs() == []
    written = "".join(p.read_text() for p in sorted(target.iterdir()) if p.is_file())
    assert sorted(written.splitlines()) == ["1,x", "2,y"]


def test_run_script_collects_the_last_query(tmp_path):
    data = tmp_path / "in.csv"
    data.write_text("a,1\nb,2\na,3\n")
    run = run_script(
        "CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', "
        "'path' = '${DIR}/in.csv', 'format' = 'csv');\n"
        "SELECT k, SUM(v) FROM t GROUP BY k;",
        variables={"DIR": str(tmp_path)},
    )
    assert [f.name for f in run.fields] == ["k", "EXPR$1"]
    assert fold(run.changes) == {("a", 4): 1, ("b", 2): 1}


def test_placeholders_take_nested_defaults():
    assert substitute("${A:-${B}/x}", {"B": "/d"}) == "/d/x"
    assert substitute("${A:-${B}/x}", {"A": "y", "B": "/d"}) == "y"


# --- watermarks generated per split (Kafka partitions, the generator) ---------------------------


class _Split(Split):
    def __init__(self, name: str, batches: list) -> None:
        self.name = name
        self.batches = list(batches)

    def poll(self):
        return self.batches.pop(0) if self.batches else None


class _Source(Source):
    bounded = False

    def __init__(self, splits) -> None:
        self._splits = splits

    def splits(self):
        return self._splits


def _drive(splits, idle_timeout_ms=0, clock=None):
    out = Collector()
    wms = SplitWatermarks(WatermarkGenerator(lambda row: row[0] * 1_000_000, 0, 0), idle_timeout_ms)
    driver = SourceDriver(_Source(splits), out, watermarks=wms)
    driver.open(RuntimeContext(now_ms=clock or (lambda: 0)))
    while not driver.done:
        driver.poll()
    return out


def test_the_source_watermark_is_the_minimum_across_its_splits():
    out = _drive([_Split("p0", [[(10,), (20,)]]), _Split("p1", [[], [(5,)], [(30,)]])])
    # p1 holds the watermark back until it reads 5; then p0 has ended and no longer counts.
    assert out.watermarks[:2] == [5, 30]
    assert out.watermarks[-1] == MAX_WATERMARK


def test_an_idle_split_stops_holding_the_watermark_back():
    now = [0]
    out = _drive(
        [_Split("p0", [[(10,)], [], [], [(40,)]]), _Split("p1", [[(1,)]] + [[]] * 5)],
        idle_timeout_ms=100,
        clock=lambda: now.__setitem__(0, now[0] + 60) or now[0],
    )
    assert 1 in out.watermarks and 40 in out.watermarks


def test_a_null_rowtime_fails_the_job_with_flinks_message():
    with pytest.raises(ExecutionError, match="RowTime field should not be null"):
        _drive([_Split("p0", [[(None,)]])])


def test_rows_holding_arrays_and_maps_can_key_joins_and_aggregates(session):
    result = session.execute_statement(
        "SELECT a.k, a.tags, b.m FROM (VALUES (1, ARRAY['x', 'y'])) AS a(k, tags) "
        "JOIN (VALUES (1, MAP['p', 2])) AS b(k, m) ON a.k = b.k"
    )
    assert list(result.changes()) == [("+I", (1, ("x", "y"), {"p": 2}))]
    grouped = session.execute_statement(
        "SELECT tags, COUNT(*) FROM (VALUES (ARRAY[1]), (ARRAY[1])) AS t(tags) GROUP BY tags"
    )
    assert fold(grouped.changes()) == {((1,), 2): 1}
