"""Specification of the real `flinklite` command, run as a subprocess (`python -m flinklite`).

Covers the flags, `-f` / `-i` / `-D` / piped scripts, exit codes and the example scripts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]
ERROR = "[ERROR] Could not execute SQL statement. Reason:"


def flinklite(
    *args: str, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FLINKLITE_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "flinklite", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr


DDL = """
CREATE TABLE orders (
    `user` BIGINT NOT NULL,
    product VARCHAR(32),
    amount INT,
    ts TIMESTAMP(3),
    PRIMARY KEY (`user`) NOT ENFORCED,
    WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
    'connector' = 'datagen'
);
"""


def test_help_lists_the_sql_client_flags():
    proc = flinklite("--help")
    assert proc.returncode == 0
    for flag in ("-f", "--file", "-i", "--init", "-D", "-hist", "--history", "-j", "--jar"):
        assert flag in proc.stdout


def test_version():
    proc = flinklite("--version")
    assert proc.returncode == 0
    from flinklite import __version__

    assert proc.stdout.strip() == f"flinklite {__version__}"


def test_unknown_flag_is_a_usage_error():
    proc = flinklite("--no-such-flag")
    assert proc.returncode == 2
    assert "usage: flinklite" in proc.stderr


def test_missing_script_file_fails_cleanly(tmp_path):
    proc = flinklite("-f", str(tmp_path / "absent.sql"))
    assert proc.returncode != 0
    assert "Could not read SQL file" in proc.stderr
    assert_no_traceback(proc)


def test_script_with_ddl_show_and_describe(tmp_path):
    path = write(tmp_path, "t.sql", DDL + "SHOW TABLES;\nDESCRIBE orders;\n")
    proc = flinklite("-f", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout.splitlines()
    assert out[0] == "[INFO] Executing SQL from file."
    assert "flinklite> CREATE TABLE orders (" in out
    assert "[INFO] Execute statement succeed." in out
    assert "flinklite> SHOW TABLES;" in out
    at = out.index("flinklite> SHOW TABLES;")
    assert out[at + 1 : at + 7] == [
        "+------------+",
        "| table name |",
        "+------------+",
        "|     orders |",
        "+------------+",
        "1 row in set",
    ]
    assert "flinklite> DESCRIBE orders;" in out
    assert any(line.startswith("|    name |") and "watermark |" in line for line in out)
    assert any("TIMESTAMP(3) *ROWTIME*" in line for line in out)
    assert "4 rows in set" in out
    assert_no_traceback(proc)


def test_script_stops_at_the_first_failing_statement(tmp_path):
    path = write(
        tmp_path,
        "t.sql",
        DDL
        + "DESCRIBE no_such_table;\nCREATE TABLE later (x INT) WITH ('connector' = 'datagen');\n",
    )
    proc = flinklite("-f", path)
    assert proc.returncode != 0
    assert ERROR in proc.stdout
    assert "no_such_table" in proc.stdout
    assert "^" in proc.stdout  # the caret under the offending text
    assert "CREATE TABLE later" not in proc.stdout
    assert_no_traceback(proc)


def test_a_failing_statement_lets_the_jobs_submitted_before_it_finish(tmp_path):
    # On a cluster, INSERT jobs submitted before a failing statement go on after the client
    # exits; flinklite waits for them instead of dropping what they would write, then fails.
    out = tmp_path / "out"
    path = write(
        tmp_path,
        "t.sql",
        "CREATE TABLE n (x BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3000', "
        "'rows-per-second' = '3000');\n"
        f"CREATE TABLE a (x BIGINT) WITH ('connector' = 'filesystem', 'path' = '{out}', "
        "'format' = 'csv');\n"
        "INSERT INTO a SELECT x FROM n;\n"
        "SELECT nope FROM nowhere;\n",
    )
    proc = flinklite("-f", path)
    assert proc.returncode == 1
    assert "1 job(s) submitted before the failing statement keep running" in proc.stdout
    assert sum(len(p.read_text().splitlines()) for p in out.glob("part-*")) == 3000
    assert_no_traceback(proc)


def test_syntax_error_position_is_relative_to_the_script(tmp_path):
    script = (
        "-- line 1\n"
        "CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\n"
        "\n"
        "SHOW TABLES;\n"
        "\n"
        "SELECT x\n"
        "FROM a WHERE WHERE x > 1;\n"
    )
    path = write(tmp_path, "t.sql", script)
    proc = flinklite("-D", "sql-client.execution.result-mode=tableau", "-f", path)
    assert proc.returncode != 0
    lines = proc.stdout.splitlines()
    at = lines.index(ERROR)
    assert "line 7" in lines[at + 1], lines[at + 1]
    assert "FROM a WHERE WHERE x > 1;" in lines[at + 2 :]
    caret = next(line for line in lines[at + 2 :] if line.strip().startswith("^"))
    assert caret.index("^") == len("FROM a WHERE ")
    assert_no_traceback(proc)


def test_init_file_rejects_a_select(tmp_path):
    init = write(tmp_path, "init.sql", "SELECT 1;\n")
    main = write(tmp_path, "main.sql", "SHOW TABLES;\n")
    proc = flinklite("-i", init, "-f", main)
    assert proc.returncode != 0
    assert ERROR in proc.stdout
    assert "QUERY" in proc.stdout
    assert "SHOW TABLES" not in proc.stdout
    assert_no_traceback(proc)


def test_init_file_runs_before_the_script(tmp_path):
    init = write(tmp_path, "init.sql", DDL + "SET 'pipeline.name' = 'from-init';\n")
    main = write(tmp_path, "main.sql", "SHOW TABLES;\n")
    proc = flinklite("-i", init, "-f", main)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "|     orders |" in proc.stdout
    assert "CREATE TABLE orders" not in proc.stdout  # init statements are not echoed


def test_dash_d_sets_a_key_visible_in_set(tmp_path):
    path = write(tmp_path, "t.sql", "SET;\n")
    proc = flinklite("-D", "pipeline.name=from-d", "-Dtable.dml-sync=true", "-f", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "from-d" in proc.stdout
    assert "table.dml-sync" in proc.stdout


def test_piped_stdin_is_run_as_a_script():
    proc = flinklite(stdin=DDL + "SHOW TABLES;\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "|     orders |" in proc.stdout
    assert "[INFO] Executing SQL from file." not in proc.stdout


@pytest.mark.parametrize(
    "statement",
    [
        "SELEC 1;",
        "USE CATALOG no_such_catalog;",
        "DESCRIBE missing;",
        "CREATE TABLE t (x NOSUCHTYPE);",
        "SET 'sql-client.verbose' = 'maybe';",
        "SELECT 'unterminated;",
    ],
)
def test_user_mistakes_never_print_a_traceback(statement):
    proc = flinklite(stdin=statement + "\n")
    assert proc.returncode != 0
    assert ERROR in proc.stdout
    assert_no_traceback(proc)


@pytest.mark.parametrize(
    "script",
    [
        "sql/interactive_etl_kafka.sql",
        "sql/recommendation_app_kafka.sql",
        "sql/secure_kafka.sql",
        "sql/user_defined_functions.sql",
    ],
)
def test_example_scripts_run(script):
    proc = flinklite("-f", script)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert ERROR not in proc.stdout
    assert "== Optimized Execution Plan ==" in proc.stdout or "== " in proc.stdout


@pytest.mark.parametrize(
    ("script", "received", "printed"),
    [
        ("sql/interactive_etl.sql", [97, 152, 152], ("cleaned> +I[", 1000)),
        ("sql/recommendation_app.sql", [59], None),
    ],
)
def test_the_tutorials_run_end_to_end_on_the_generator(script, received, printed):
    proc = flinklite("-f", script)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert ERROR not in proc.stdout
    counts = [int(n) for n in re.findall(r"Received a total of (\d+) rows", proc.stdout)]
    assert counts == received
    if printed is not None:  # the job's sink, Flink's print connector
        prefix, rows = printed
        assert proc.stdout.count(prefix) == rows


SLOW_SESSION = """
import sys, threading, types

from flinklite.results import StatusResult

class Config(dict):
    def get(self, key, default=None):
        return super().get(key, default)

class Session:
    def __init__(self, conf=None):
        self.config = Config(conf or {})
    def classify(self, text):
        return "DDL"
    def describe(self):
        return "a test session"
    def execute_statement(self, text, *, line=1, column=1):
        threading.Event().wait(60)
        return StatusResult("Execute statement succeed.")
    def wait_for_jobs(self):
        pass
    def close(self):
        print("session closed", flush=True)

module = types.ModuleType("flinklite.session")
module.Session = Session
sys.modules["flinklite.session"] = module
from flinklite.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("signum", "code"), [(2, 130), (15, 143)])
def test_interrupt_and_terminate_exit_cleanly(tmp_path, signum, code):
    harness = write(tmp_path, "harness.py", SLOW_SESSION)
    script = write(tmp_path, "t.sql", "CREATE TABLE slow (x INT);\n")
    proc = subprocess.Popen(
        [sys.executable, harness, "-f", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    seen = ""
    while "flinklite> " not in seen:  # the statement is running once it has been echoed
        line = proc.stdout.readline()
        assert line, "the script ended before its statement ran"
        seen += line
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert "session closed" in out
    assert "Traceback" not in out + err


ECHO_SESSION = SLOW_SESSION.replace(
    'threading.Event().wait(60)\n        return StatusResult("Execute statement succeed.")',
    "return StatusResult('ran ' + ' '.join(text.split()))",
)


@pytest.mark.terminal
def test_terminal_starts_the_shell_where_ctrl_c_clears_and_ctrl_d_leaves(tmp_path):
    harness = write(tmp_path, "harness.py", ECHO_SESSION)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    hist = str(tmp_path / "history")
    child = pexpect.spawn(
        sys.executable,
        [harness, "-hist", hist],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    try:
        child.expect_exact("Welcome!")
        child.expect_exact("flinklite> ")
        child.sendline("CREATE TABLE a")
        child.expect_exact("\n> ")
        child.sendcontrol("c")  # drops the unfinished statement, keeps the client
        child.expect_exact("flinklite> ")
        child.sendline("SHOW")
        child.sendline("TABLES;")
        child.expect_exact("[INFO] ran SHOW TABLES")
        child.expect_exact("flinklite> ")
        child.sendcontrol("d")
        child.expect_exact("[INFO] Exiting flinklite SQL client...")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM k",
        "INSERT INTO k VALUES ('a')",
    ],
)
def test_an_unreachable_kafka_broker_names_the_address_and_the_option(tmp_path, statement):
    # The job waits for a broker as long as Kafka's 'default.api.timeout.ms' (60 s by default,
    # 2 s here), saying once what it waits for, then fails naming the address and its option.
    script = tmp_path / "job.sql"
    script.write_text(
        "SET 'sql-client.execution.result-mode' = 'tableau';\n"
        "CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', 'topic' = 'x', "
        "'properties.bootstrap.servers' = '127.0.0.1:1', 'value.format' = 'raw', "
        "'properties.default.api.timeout.ms' = '2000', "
        "'scan.startup.mode' = 'earliest-offset');\n" + statement + ";\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert (
        "Cannot reach the Kafka brokers at 127.0.0.1:1 ('properties.bootstrap.servers' of table "
        "'default_catalog.default_database.k') within 2 s"
    ) in run.stdout
    assert "internal error" not in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert run.stderr.count("[WARNING]") == 1
    assert "no Kafka broker at 127.0.0.1:1 answers yet; waiting up to 2 s" in run.stderr


def test_a_query_refused_in_a_script_does_not_leave_its_job_running(tmp_path):
    # Flink runs a script's query before refusing it outside tableau mode; its job is
    # cancelled then, even while it waits for an absent broker, so the script ends at once.
    script = write(
        tmp_path,
        "q.sql",
        "CREATE TABLE k (a STRING) WITH ('connector' = 'kafka', 'topic' = 'x', "
        "'properties.bootstrap.servers' = '127.0.0.1:1', 'value.format' = 'raw', "
        "'scan.startup.mode' = 'earliest-offset');\n"
        "SELECT * FROM k;\n",
    )
    started = time.monotonic()
    proc = flinklite("-f", script)
    assert proc.returncode == 1
    assert "In non-interactive mode, it only supports to use TABLEAU" in proc.stdout
    assert "keep running" not in proc.stdout
    assert time.monotonic() - started < 15
    assert_no_traceback(proc)


def test_no_sql_gateway_at_the_address_is_one_clear_error(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = tmp_path / "job.sql"
    script.write_text("SELECT 1;\n")
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "--gateway", f"127.0.0.1:{port}", "-f", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert f"Could not reach the SQL Gateway at http://127.0.0.1:{port}" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
