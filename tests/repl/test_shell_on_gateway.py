"""The shell on a real Flink 2.3 cluster (`flinklite --gateway URL`), typed into a pseudo-terminal:
the same views show the cluster's changelog, Ctrl-C cancels the remote query, Tab completes
from the remote catalog, and errors are Flink's."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pexpect
from conftest import ERROR, plain

from flinklite.datagen.streamshub import StreamsHubGenerator

OK = "[INFO] Execute statement succeed."


def sales_table(tmp_path: Path) -> str:
    path = tmp_path / "sales.csv"
    rows = [
        ",".join((*values, f"2024-01-01 10:00:{i // 100:02d}.{i % 100:03d}"))
        for i, (values, _) in enumerate(StreamsHubGenerator("sales", 3).take(300))
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return (
        "CREATE TABLE SalesRecordTable (invoice_id STRING, user_id STRING, product_id STRING, "
        "quantity STRING, unit_cost STRING, purchase_time TIMESTAMP(3)) WITH ("
        f"'connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv');"
    )


def test_the_tutorial_group_by_in_changelog_mode_on_the_cluster(terminal, flink_cluster, tmp_path):
    gateway, _ = flink_cluster
    term = terminal("--gateway", gateway, "-D", "sql-client.execution.result-mode=changelog")
    assert "through the SQL Gateway at " + gateway in term.seen
    term.run(sales_table(tmp_path), OK)
    term.line(
        "SELECT user_id, COUNT(user_id) AS total_sales_count, "
        "AVG(CAST(quantity AS INT)) AS avg_quantity FROM SalesRecordTable GROUP BY user_id;"
    )
    # The view redraws only what changes as pages arrive: read the screen until updates show.
    screen, deadline = "", time.monotonic() + 60
    while not re.search(r"-U +user-\d+ +\d+ +\d+", screen) and time.monotonic() < deadline:
        try:
            term.child.expect("\x00", timeout=1)  # never printed: collects what is drawn
        except pexpect.TIMEOUT:
            screen = plain(term.child.before)
    term.send("q")
    term.prompt()
    assert "SQL Query Result (Changelog)" in screen
    assert re.search(r"-U +user-\d+ +\d+ +\d+", screen)
    assert re.search(r"\+U +user-\d+ +\d+ +\d+", screen)
    assert term.quit() == 0


def test_ctrl_c_cancels_the_remote_query_and_errors_are_flinks(terminal, flink_cluster):
    gateway, _ = flink_cluster
    term = terminal("--gateway", gateway)
    term.run(
        "CREATE TABLE ticks (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');", OK
    )
    term.line("SELECT n FROM ticks;")
    term.expect(r"\| \+I \| +-?\d+ \|", regex=True)
    term.send("\x03")
    term.expect(r"Query terminated, received a total of \d+ rows?", regex=True)
    term.prompt()
    out = term.run("SHOW JOBS;", "in set")
    assert re.search(r"\| (CANCELED|CANCELLING) \|", out)
    out = term.run("SELECT n FROM tick;", ERROR)
    assert "org.apache.calcite.sql.validate.SqlValidatorException: Object 'tick' not found" in out
    # Tab completes a column of the cluster's table.
    term.send("SELECT n FROM ti")
    term.send("\t")
    term.expect("ticks")
    term.send("\x03")
    term.prompt()
    assert "Traceback" not in term.seen
    assert term.quit() == 0
