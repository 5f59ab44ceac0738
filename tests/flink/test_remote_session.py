"""flinklite as a client of a real Flink 2.3 cluster through its SQL Gateway: statements run on
the cluster and come back as the Result objects a local session returns, so the same front ends
show Flink's own rows, changelogs, errors and jobs."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flinklite.datagen.streamshub import StreamsHubGenerator
from flinklite.errors import FlinkliteError
from flinklite.gateway.session import RemoteSession
from flinklite.results import ChangelogResult, JobSubmittedResult, StatusResult, TableResult
from flinklite.session import Session

GROUP_BY = """SELECT
     user_id,
     COUNT(user_id) AS total_sales_count,
     AVG(CAST(quantity AS INT)) AS avg_quantity
FROM SalesRecordTable
GROUP BY user_id"""


@pytest.fixture
def remote(flink_cluster):
    gateway, _ = flink_cluster
    session = RemoteSession(gateway)
    yield session
    session.close()


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    """The tutorial's sales, 300 of them, 100 per second of event time, as a CSV file."""
    path = tmp_path / "sales.csv"
    lines = []
    for i, (values, _) in enumerate(StreamsHubGenerator("sales", 7).take(300)):
        stamp = f"2024-01-01 10:00:{i // 100:02d}.{i % 100:03d}"
        lines.append(",".join((*values, stamp)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sales_table(path: Path) -> str:
    return f"""CREATE TABLE SalesRecordTable (
    invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
    purchase_time TIMESTAMP(3),
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')"""


def changelog(session, statement: str) -> list[tuple[str, tuple]]:
    result = session.execute_statement(statement)
    assert isinstance(result, ChangelogResult)
    return list(result.changes())


def test_the_tutorial_group_by_gives_flinks_changelog_with_update_rows(remote, sales_csv):
    local = Session()
    for session in (remote, local):
        session.execute_statement(sales_table(sales_csv))
    on_cluster = changelog(remote, GROUP_BY)
    assert {kind for kind, _ in on_cluster} == {"+I", "-U", "+U"}
    # Flink's rows, in Flink's order, with Flink's types: the same as flinklite's own run.
    assert on_cluster == changelog(local, GROUP_BY)


def test_values_of_every_type_equal_flinklite_s(remote):
    query = (
        "SELECT 1 AS a, 'x' AS b, CAST(1.5 AS DECIMAL(5, 2)) AS d, "
        "TIMESTAMP '2024-01-02 03:04:05.123' AS ts, DATE '2024-01-01' AS dt, "
        "ARRAY[1, 2] AS arr, MAP['a', 1] AS m, CAST(NULL AS INT) AS n, TRUE AS bo, "
        "1.5e0 AS dbl, TIME '10:11:12' AS t, CAST(1e20 AS BIGINT) AS big, "
        "CAST('12345678901234567890.123' AS DECIMAL(25, 3)) AS wide"
    )
    result = remote.execute_statement(query)
    assert changelog(remote, query) == changelog(Session(), query)
    assert [str(t) for t in result.types][:3] == [
        "INT NOT NULL",
        "CHAR(1) NOT NULL",
        "DECIMAL(5, 2) NOT NULL",
    ]
    result.job.cancel()


def test_a_syntax_error_shows_flinks_message_and_where_it_is(flink_cluster, tmp_path):
    gateway, _ = flink_cluster
    script = tmp_path / "bad.sql"
    script.write_text(
        "CREATE TABLE t (x INT) WITH ('connector' = 'datagen');\n\nSELECT x FORM t;\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "--gateway", gateway, "-f", str(script)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 1
    assert (
        "[ERROR] Could not execute SQL statement. Reason:\n"
        'org.apache.flink.sql.parser.impl.ParseException: Encountered "t" at line 1, column 15.\n'
        "Was expecting one of:"
    ) in run.stdout
    assert "SELECT x FORM t;\n              ^" in run.stdout  # at line 3 of the script
    assert "Traceback" not in run.stdout + run.stderr


def test_an_unknown_table_is_flinks_validation_error(remote):
    with pytest.raises(FlinkliteError) as caught:
        remote.execute_statement("SELECT *\nFROM nowhere", line=4, column=1)
    assert caught.value.kind == "org.apache.calcite.sql.validate.SqlValidatorException"
    assert caught.value.message == "Object 'nowhere' not found"
    assert (caught.value.pos.line, caught.value.pos.column) == (5, 6)


def running_jobs(session) -> dict[str, str]:
    shown = session.execute_statement("SHOW JOBS")
    assert isinstance(shown, TableResult) and shown.columns[:3] == ("job id", "job name", "status")
    return {row[0]: row[2] for row in shown.rows}


def wait_for_status(session, job_id: str, wanted: set[str], timeout_s: float = 60) -> str:
    deadline = time.monotonic() + timeout_s
    while (status := running_jobs(session).get(job_id)) not in wanted:
        assert time.monotonic() < deadline, f"job {job_id} stayed {status}"
        time.sleep(0.3)
    return status


def test_insert_show_jobs_and_stop_job_act_on_the_cluster(remote):
    remote.execute_statement(
        "CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')"
    )
    remote.execute_statement("CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole')")
    submitted = remote.execute_statement("INSERT INTO sink SELECT n FROM ticks")
    assert isinstance(submitted, JobSubmittedResult)
    assert re.fullmatch(r"[0-9a-f]{32}", submitted.job_id)
    wait_for_status(remote, submitted.job_id, {"RUNNING"})
    assert remote.execute_statement(f"STOP JOB '{submitted.job_id}'") == StatusResult(
        "Execute statement succeed."
    )
    assert wait_for_status(remote, submitted.job_id, {"CANCELED", "FINISHED"}) == "CANCELED"


def test_stop_job_with_savepoint_prints_the_savepoint_path(remote, tmp_path):
    remote.execute_statement(
        f"SET 'execution.checkpointing.savepoint-dir' = 'file://{tmp_path}/savepoints'"
    )
    remote.execute_statement(
        "CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')"
    )
    remote.execute_statement("CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole')")
    job = remote.execute_statement("INSERT INTO sink SELECT n FROM ticks").job_id
    wait_for_status(remote, job, {"RUNNING"})
    time.sleep(1)  # the tasks are deployed: a savepoint can be taken
    stopped = remote.execute_statement(f"STOP JOB '{job}' WITH SAVEPOINT")
    assert isinstance(stopped, TableResult) and stopped.columns == ("savepoint path",)
    path = stopped.rows[0][0]
    assert path.startswith(f"file:{tmp_path}/savepoints/savepoint-")
    assert (Path(path.removeprefix("file:")) / "_metadata").is_file()
    assert wait_for_status(remote, job, {"FINISHED", "CANCELED"}) == "FINISHED"


def test_leaving_a_query_cancels_its_cluster_job(remote):
    remote.execute_statement(
        "CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20')"
    )
    result = remote.execute_statement("SELECT n FROM ticks")
    first = next(iter(result.changes()))
    assert first[0] == "+I"
    result.job.cancel()  # what the views do on Ctrl-C or Q
    assert result.job.wait(30)
    assert wait_for_status(remote, result.job.id, {"CANCELED", "FINISHED", "FAILED"}) == "CANCELED"


def test_set_and_reset_change_the_remote_session(remote):
    remote.execute_statement("SET 'pipeline.name' = 'my job'")
    assert remote.config.get("pipeline.name") == "my job"
    assert ("pipeline.name", "my job") in remote.execute_statement("SET").rows
    assert remote.execute_statement("RESET 'pipeline.name'") == StatusResult(
        "Session property has been reset."
    )
    assert remote.config.get("pipeline.name") is None


def test_completion_reads_the_remote_catalog(remote):
    remote.execute_statement(
        "CREATE TABLE orders (order_id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen')"
    )
    assert "orders" in remote.table_names()
    assert remote.column_names("ORDERS") == ["order_id", "amount"]
    assert remote.column_names("missing") is None
    assert "upper" in [f.lower() for f in remote.function_names()]


@pytest.mark.parametrize("version", ["v2", "v3", "v4"])
def test_each_rest_api_version_runs_statements(flink_cluster, version):
    gateway, _ = flink_cluster
    session = RemoteSession(f"{gateway}/{version}")
    try:
        assert session.client.version == version
        assert changelog(session, "SELECT 'v' AS api") == [("+I", ("v",))]
    finally:
        session.close()


def test_closing_ends_the_gateway_session_and_running_queries(flink_cluster):
    gateway, _ = flink_cluster
    session = RemoteSession(gateway)
    session.execute_statement(
        "CREATE TABLE ticks (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')"
    )
    query = session.execute_statement("SELECT n FROM ticks")
    next(iter(query.changes()))
    session.close()
    assert query.job.wait(30)
    with pytest.raises(FlinkliteError, match="does not exist"):
        session.client.properties(session.handle)


def test_a_jar_given_with_j_is_added_to_the_remote_session(flink_cluster, tmp_path):
    import zipfile

    gateway, _ = flink_cluster
    jar = tmp_path / "udfs.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    script = tmp_path / "jars.sql"
    script.write_text("SET 'sql-client.execution.result-mode' = 'tableau';\nSHOW JARS;\n")
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "--gateway", gateway, "-j", str(jar), "-f", str(script)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert str(jar) in run.stdout and "WARNING" not in run.stderr
