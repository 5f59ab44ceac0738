"""`flinklite check SCRIPT`: what Flink 2.3 would reject or run differently, with line, column and
what to write instead; nothing runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flinklite.cli.check_cmd import check_script

ROOT = Path(__file__).resolve().parents[2]


def check(path: Path | str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flinklite", "check", str(path), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_tutorial_script_uses_flinklite_s_generator():
    run = check(ROOT / "sql" / "anomaly_detection.sql")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith(
        f"{ROOT / 'sql' / 'anomaly_detection.sql'}:23:5: Table 'SalesRecordTable' uses the "
        "'flinklite-generator' connector, which is flinklite's own"
    )
    assert lines[1].startswith("    instead: the tutorial's Kafka table ('connector' = 'kafka'")
    assert lines[-1] == "1 finding: Flink 2.3 would not run this script as written."


def test_the_kafka_tutorial_script_needs_on_conflict_on_flink_2_3():
    run = check(ROOT / "sql" / "anomaly_detection_kafka.sql")
    assert run.returncode == 1
    assert (
        ":57:1: The query has an upsert key that differs from the primary key of the sink "
        in run.stdout
    )
    assert "Primary key: [user_id], upsert key: none." in run.stdout
    assert ":29:39: ${kafka.bootstrap} is a flinklite script variable" in run.stdout


TICKS = """CREATE TABLE ticks (id INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
WITH ('connector' = 'datagen');
"""


def test_a_flink_script_has_no_findings(tmp_path):
    script = tmp_path / "ok.sql"
    script.write_text(
        TICKS + "CREATE TABLE counts (id INT, n BIGINT, PRIMARY KEY (id) NOT ENFORCED) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO counts SELECT id, COUNT(*) FROM ticks GROUP BY id;\n"
        "SELECT * FROM ticks MATCH_RECOGNIZE (ORDER BY ts MEASURES A.id AS a "
        "PATTERN (A B+? C) DEFINE A AS A.price > 10, C AS C.price < 5);\n"
    )
    run = check(script)
    assert run.returncode == 0, run.stdout
    assert run.stdout.strip().startswith("No findings")


def test_match_recognize_extensions_are_found_at_their_pattern():
    findings = check_script(
        TICKS + "SELECT * FROM ticks MATCH_RECOGNIZE (ORDER BY ts MEASURES CLASSIFIER() AS c\n"
        "ALL ROWS PER MATCH PATTERN (A | B) DEFINE A AS A.price > 10);"
    )
    (finding,) = findings
    assert (finding.pos.line, finding.pos.column) == (4, 29)
    assert "ALL ROWS PER MATCH; alternation (|) in PATTERN; CLASSIFIER()" in finding.problem


def test_the_on_conflict_rule_follows_flinks_option():
    upsert = (
        "CREATE TABLE latest (id INT, price INT, PRIMARY KEY (id) NOT ENFORCED) WITH ("
        "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', "
        "'key.format' = 'csv', 'value.format' = 'csv');\n"
    )
    insert = "INSERT INTO latest SELECT id, price FROM ticks;\n"
    (finding,) = check_script(TICKS + upsert + insert)
    assert finding.pos.line == 4 and "ON CONFLICT" in finding.problem
    relaxed = "SET 'table.exec.sink.require-on-conflict' = 'false';\n"
    assert check_script(TICKS + upsert + relaxed + insert) == []


def test_nothing_runs_and_a_refused_statement_is_reported(tmp_path):
    out = tmp_path / "out"
    script = tmp_path / "s.sql"
    script.write_text(
        TICKS.replace("'datagen'", "'datagen', 'number-of-rows' = '10'")
        + f"CREATE TABLE sink (id INT) WITH ('connector' = 'filesystem', 'path' = '{out}', "
        "'format' = 'csv');\n"
        "INSERT INTO sink SELECT id FROM ticks;\n"
        "SELECT nope FROM ticks;\n"
    )
    run = check(script)
    assert run.returncode == 1
    assert (
        ":5:8: flinklite refuses this statement, so it cannot check it: Column 'nope' not found"
        in run.stdout
    )
    assert not out.exists() or not any(out.iterdir())


def test_an_unreadable_script(tmp_path):
    run = check(tmp_path / "missing.sql")
    assert run.returncode == 2 and "Could not read SQL file" in run.stderr
