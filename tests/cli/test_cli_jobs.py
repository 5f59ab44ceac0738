"""Specification of `flinklite -f` running jobs: queries print as Flink's streaming tableau,
INSERT jobs are awaited before exit, a failing job exits non-zero with Flink's report, and
SIGTERM stops an unbounded script cleanly. Also README's main command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ERROR = "[ERROR] Could not execute SQL statement. Reason:"


def run_file(tmp_path: Path, sql: str, timeout: float = 60) -> subprocess.CompletedProcess:
    script = tmp_path / "job.sql"
    script.write_text(sql)
    return subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_a_query_prints_flinks_streaming_tableau(tmp_path):
    proc = run_file(
        tmp_path,
        "SET 'sql-client.execution.result-mode' = 'tableau';\n"
        "SELECT k, COUNT(*) AS c FROM (VALUES ('a'), ('a')) AS t(k) GROUP BY k;\n",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    table = proc.stdout.split("GROUP BY k;\n", 1)[1].splitlines()
    assert table[1] == "| op |                              k |                    c |"
    assert table[3] == "| +I |                              a |                    1 |"
    assert table[4] == "| -U |                              a |                    1 |"
    assert table[5] == "| +U |                              a |                    2 |"
    assert table[7] == "Received a total of 3 rows"


def test_insert_jobs_finish_before_the_script_exits(tmp_path):
    proc = run_file(
        tmp_path,
        "CREATE TABLE console (k STRING, c BIGINT) WITH ('connector' = 'print');\n"
        "INSERT INTO console SELECT k, COUNT(*) FROM (VALUES ('a'), ('b')) AS t(k) GROUP BY k;\n",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Job ID:" in proc.stdout
    # The job runs on its own thread, so its lines may come before or after the job id.
    lines = proc.stdout.splitlines()
    assert "+I[a, 1]" in lines and "+I[b, 1]" in lines


def test_a_failing_job_is_reported_and_fails_the_run(tmp_path):
    proc = run_file(
        tmp_path,
        "SET 'sql-client.execution.result-mode' = 'tableau';\n"
        "SELECT CAST(s AS INT) FROM (VALUES ('abc')) AS t(s);\n",
    )
    assert proc.returncode != 0
    assert ERROR in proc.stdout and "abc" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_sigterm_stops_an_unbounded_script_cleanly(tmp_path):
    script = tmp_path / "forever.sql"
    script.write_text(
        "CREATE TABLE gen (v BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n"
        "CREATE TABLE sink_gen (v BIGINT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO sink_gen SELECT v FROM gen;\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "flinklite", "-f", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    time.sleep(2)  # start-up, then the job runs until stopped
    assert proc.poll() is None, "an unbounded INSERT must keep the script running"
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=20)
    assert proc.returncode not in (0, None)
    assert "Traceback" not in stdout + stderr


def test_readme_main_command_shows_the_tutorial_changelog():
    proc = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", "sql/anomaly_detection.sql"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert ERROR not in proc.stdout
    assert "total_sales_count" in proc.stdout and "avg_quantity" in proc.stdout
    assert "unusual_invoice_id" in proc.stdout  # the MATCH_RECOGNIZE query's matches
    assert proc.stdout.count("Received a total of") == 3
