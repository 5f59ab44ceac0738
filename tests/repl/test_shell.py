"""Specification of the interactive shell, typed into the real `flinklite` in a pseudo-terminal:
statements over several lines, results and errors, Ctrl-C, completion, history and jobs."""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import ERROR, PROMPT, ROOT

SALES = """CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'flinklite-generator',
    'data' = 'sales',
    'clock' = 'simulated',
    'start-time' = '2025-01-01 00:00:00',
    'seed' = '42',
    'number-of-rows' = '300'
);"""

UNBOUNDED = "CREATE TABLE ticks (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');"
OK = "[INFO] Execute statement succeed."


def type_lines(term, statement: str) -> None:
    """Types a statement line by line, as a user does, seeing the continuation prompt."""
    lines = statement.split("\n")
    for line in lines[:-1]:
        term.line(line)
        term.continuation()
    term.line(lines[-1])


def test_banner_prompt_help_and_ctrl_d(terminal):
    term = terminal()
    assert "Welcome! Enter 'HELP;' to list all available commands. 'QUIT;' to exit." in term.seen
    assert "Hint:" in term.seen
    assert "Command history file path:" in term.seen
    out = term.run("HELP;", "for finalizing (multi-line) statements.")
    assert "SHOW JOBS" in out and "STOP JOB" in out
    term.line("CLEAR;")
    term.expect("\x1b[2J")  # the screen is erased
    term.prompt()
    term.send("\x04")  # Ctrl-D on an empty line leaves
    term.expect("Exiting flinklite SQL client...")
    assert term.wait() == 0


def test_anomaly_tutorial_ddl_typed_one_by_one(terminal):
    from flinklite.sql.splitter import split_statements

    script = (ROOT / "sql" / "anomaly_detection.sql").read_text(encoding="utf-8")
    ddl = [s.text for s in split_statements(script) if s.text.split()[0] in ("SET", "CREATE")]
    assert len(ddl) == 2
    term = terminal("-D", "sql-client.execution.result-mode=table")
    for statement in ddl:
        type_lines(term, statement + ";")
        term.expect(OK)
        term.prompt()
    out = term.run("DESCRIBE SalesRecordTable;", "in set")
    assert re.search(r"\| +purchase_time \| TIMESTAMP\(3\) \*ROWTIME\* \|", out)
    # A statement's own table is never cut (Flink's client prints it with no maximum width).
    assert re.search(
        r"\| sql-client\.execution\.result-mode \| tableau \|", term.run("SET;", "in set")
    )
    assert term.quit() == 0


def test_streaming_group_by_in_tableau_mode_shows_updates(terminal):
    term = terminal()
    type_lines(term, SALES)
    term.expect(OK)
    term.prompt()
    term.line("SELECT user_id, COUNT(*) AS cnt FROM SalesRecordTable GROUP BY user_id;")
    out = term.expect(r"Received a total of \d+ rows", regex=True)
    term.prompt()
    assert re.search(r"\| op \| +user_id \| +cnt \|", out)
    assert re.search(r"\| \+I \| +user-\d+ \| +1 \|", out)
    assert re.search(r"\| -U \| +user-\d+ \| +1 \|\n\| \+U \| +user-\d+ \| +2 \|", out)
    assert term.quit() == 0


def test_changelog_mode_shows_updates_live(terminal):
    term = terminal("-D", "sql-client.execution.result-mode=changelog")
    type_lines(term, SALES)
    term.expect(OK)
    term.prompt()
    term.line("SELECT user_id, COUNT(*) AS cnt FROM SalesRecordTable GROUP BY user_id;")
    out = term.expect("Quit")  # the footer of keys, drawn after the changes above it
    term.send("q")
    term.expect("[INFO] Result retrieval cancelled.")
    term.prompt()
    assert "SQL Query Result (Changelog)" in out
    assert re.search(r"-U +user-\d+ +\d+", out) and re.search(r"\+U +user-\d+ +\d+", out)
    assert term.quit() == 0


def test_match_recognize_shows_the_matches_as_they_happen(terminal):
    term = terminal()
    type_lines(term, SALES.replace("'300'", "'3000'"))
    term.expect(OK)
    term.prompt()
    term.line(
        "SELECT * FROM SalesRecordTable MATCH_RECOGNIZE (PARTITION BY user_id "
        "ORDER BY purchase_time MEASURES UNUSUAL_SALE.quantity AS unusual_quantity, "
        "AVG(CAST(TYPICAL_SALE.quantity AS INT)) AS avg_quantity AFTER MATCH SKIP PAST LAST ROW "
        "PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND DEFINE UNUSUAL_SALE "
        "AS UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3);"
    )
    out = term.expect(r"Received a total of \d+ rows?", regex=True)
    term.prompt()
    assert re.search(r"\| op \| +user_id \| +unusual_quantity \| +avg_quantity \|", out)
    matches = re.findall(r"\| \+I \| +user-\d+ \| +(\d+) \| +(\d+) \|", out)
    assert matches, out
    assert all(int(q) > int(avg) * 3 for q, avg in matches)
    assert term.quit() == 0


def test_ctrl_c_cancels_a_running_query_and_the_shell_goes_on(terminal):
    term = terminal()
    term.run(UNBOUNDED, OK)
    term.line("SELECT n FROM ticks;")
    term.expect(r"\| \+I \| +-?\d+ \|", regex=True)
    term.send("\x03")
    out = term.expect(r"Query terminated, received a total of \d+ rows?", regex=True)
    term.prompt()
    assert int(re.search(r"total of (\d+)", out).group(1)) >= 1
    assert "Traceback" not in term.seen
    out = term.run("SHOW JOBS;", "in set")
    assert re.search(r"\| CANCELED \|", out)
    # Ctrl-C also drops a half-typed statement without leaving.
    term.send("SELECT 'lost'")
    term.send("\x03")
    term.prompt()
    out = term.run("SELECT 'kept' AS w;", "Received a total of 1 row")
    assert re.search(r"\| \+I \| +kept \|", out) and not re.search(r"\|.*lost", out)
    assert term.quit() == 0


def test_table_mode_opens_the_live_view_and_q_returns_to_the_prompt(terminal):
    term = terminal("-D", "sql-client.execution.result-mode=table")
    term.run(UNBOUNDED, OK)
    term.line("SELECT n FROM ticks;")
    term.expect("Quit")  # the view's footer of keys
    term.send("q")
    term.expect("[INFO] Result retrieval cancelled.")
    term.prompt()
    out = term.run("SHOW JOBS;", "in set")
    assert re.search(r"\| +collect \| CANCELED \|", out)
    assert term.quit() == 0


def test_syntax_error_shows_a_caret_under_the_column_then_the_shell_goes_on(terminal):
    term = terminal()
    out = term.run("SELECT 1 FORM x;", "^")
    assert ERROR in out
    lines = out.split("\n")
    source = next(i for i, line in enumerate(lines) if line.startswith("SELECT 1 FORM x;"))
    assert 'Encountered "x" at line 1, column 15' in out  # FORM reads as an alias
    assert lines[source + 1] == " " * len("SELECT 1 FORM ") + "^"
    # On the second line of a statement the caret points into that line.
    type_lines(term, "SELECT 1,\n  2 3;")
    out = term.expect("^")
    term.prompt()
    lines = out.split("\n")
    caret = next(i for i, line in enumerate(lines) if line.strip() == "^")
    assert lines[caret - 1] == "  2 3;" and lines[caret] == "    ^"
    out = term.run("SELECT 40 + 2 AS answer;", "Received a total of 1 row")
    assert re.search(r"\| \+I \| +42 \|", out)
    assert term.quit() == 0


def test_tab_completes_a_column_a_keyword_and_a_set_key(terminal):
    term = terminal()
    term.run(
        "CREATE TABLE clicks (user_id STRING, url STRING) "
        "WITH ('connector' = 'datagen', 'number-of-rows' = '1', 'fields.user_id.length' = '3');",
        OK,
    )
    term.send("sel")
    term.send("\t")
    term.send(" user_")
    term.send("\t")
    term.line(" FROM clicks;")
    out = term.expect("Received a total of 1 row")
    term.prompt()
    assert re.search(r"\| op \| +user_id \|", out)
    term.send("SET 'sql-client.verb")
    term.send("\t")
    term.line("' = 'true';")
    term.expect(OK)
    term.prompt()
    assert re.search(r"\| +sql-client\.verbose \| +true \|", term.run("SET;", "in set"))
    assert term.quit() == 0


def test_history_is_kept_across_runs(terminal, tmp_path: Path):
    history = tmp_path / "my-history"
    term = terminal(history=history)
    assert f"Command history file path: {history}" in term.seen
    term.run("SELECT 'from the first run' AS greeting;", "Received a total of 1 row")
    assert term.quit() == 0
    assert "from the first run" in history.read_text(encoding="utf-8")

    term = terminal(history=history)
    term.send("\x1b[A")  # Up: the previous run's last statement (QUIT; came after it)
    term.send("\x1b[A")
    term.send("\r")
    out = term.expect("Received a total of 1 row")
    term.prompt()
    assert "from the first run" in out
    assert term.quit() == 0


def test_background_insert_is_listed_by_show_jobs_and_stopped_by_stop_job(terminal):
    term = terminal()
    term.run(UNBOUNDED, OK)
    term.run("CREATE TABLE sink (n INT) WITH ('connector' = 'blackhole');", OK)
    out = term.run("INSERT INTO sink SELECT n FROM ticks;", "Job ID: ")
    job_id = re.search(r"Job ID: ([0-9a-f]{32})", out).group(1)
    assert "SQL update statement has been successfully submitted" in out
    out = term.run("SHOW JOBS;", "in set")
    # The id is shown whole, so the one SHOW JOBS prints pastes into STOP JOB.
    shown = re.search(r"\| ([0-9a-f]+) \| insert-into_\S+ \| RUNNING \|", out).group(1)
    assert shown == job_id
    term.run(f"STOP JOB '{shown}';", OK)
    out = term.run("SHOW JOBS;", "in set")
    assert re.search(rf"\| {job_id} \| insert-into_\S+ \| CANCELED \|", out)
    assert term.quit() == 0


def test_leaving_with_a_running_job_asks_first(terminal):
    term = terminal()
    term.run(UNBOUNDED, OK)
    term.run("CREATE TABLE sink (n INT) WITH ('connector' = 'blackhole');", OK)
    term.run("INSERT INTO sink SELECT n FROM ticks;", "Job ID: ")
    term.line("QUIT;")
    term.expect("1 job is still running. Stop them and exit? [y/N]")
    term.line("n")
    term.prompt()
    out = term.run("SHOW JOBS;", "in set")
    assert "RUNNING" in out
    term.send("\x04")
    term.expect("[y/N]")
    term.line("y")
    term.expect("Exiting flinklite SQL client...")
    assert term.wait() == 0


def test_a_failed_background_insert_is_reported_at_the_next_prompt(terminal, tmp_path: Path):
    data = tmp_path / "bad.csv"
    data.write_text("1\nnot a number\n", encoding="utf-8")
    term = terminal()
    term.run(
        f"CREATE TABLE numbers (n INT) WITH ('connector' = 'filesystem', 'path' = '{data}', "
        "'format' = 'csv');",
        OK,
    )
    term.run("CREATE TABLE sink (n INT) WITH ('connector' = 'blackhole');", OK)
    out = term.run("INSERT INTO sink SELECT n FROM numbers;", "Job ID: ")
    deadline = time.monotonic() + 10
    while ERROR not in out and time.monotonic() < deadline:
        time.sleep(0.2)
        term.line("")  # an empty line shows a fresh prompt
        out += term.prompt()
    assert ERROR in out
    assert out.index(ERROR) > out.index("Job ID: ")
    assert "line 2" in out and "Traceback" not in out
    # Reported once only.
    assert ERROR not in term.run("SHOW TABLES;", "in set")
    assert term.quit() == 0


def test_start_up_to_prompt_is_quick(terminal):
    term = terminal()
    elapsed = time.monotonic() - term.started
    # The target is 0.5 s on an idle machine; the bound leaves room for a busy test runner.
    assert elapsed < 3, f"{elapsed:.2f} s to the first prompt"
    assert PROMPT in term.seen
    assert term.quit() == 0
