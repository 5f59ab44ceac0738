"""Jobs that survive: a `flinklite -f` job killed with SIGKILL at random points and started
again from its latest checkpoint ends with the final state an uninterrupted run has, each
restart going on from where the last checkpoint was, never from the start.

The job counts the StreamsHub sales generator's records per user into a print sink; the
result is folded per key (the last value printed for each user), as an upsert sink's table is:
records written after a checkpoint and before the kill come again after the restart
(at-least-once), which a fold per key absorbs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROWS = 300_000
KILLS = 6

SCRIPT = """
SET 'execution.checkpointing.interval' = '100 ms';
SET 'execution.checkpointing.dir' = '{checkpoints}';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
SET 'table.dml-sync' = 'true';
CREATE TABLE Sales (
  invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
  purchase_time TIMESTAMP(3) METADATA FROM 'timestamp',
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'flinklite-generator', 'data' = 'sales', 'seed' = '7', 'clock' = 'simulated',
  'number-of-rows' = '{rows}', 'start-time' = '2024-01-01T00:00:00'
);
CREATE TABLE Counts (user_id STRING, n BIGINT, total BIGINT) WITH ('connector' = 'print');
INSERT INTO Counts
SELECT user_id, COUNT(*), SUM(CAST(quantity AS BIGINT)) FROM Sales GROUP BY user_id;
"""


def _command(script: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "flinklite", *options, "-f", str(script)]


def _fold(text: str) -> dict[str, str]:
    """The last value printed per user: the sink's table, as an upsert sink keeps it."""
    table: dict[str, str] = {}
    for line in text.splitlines():
        kind, _, body = line.partition("[")
        if kind in ("+I", "+U"):
            user, _, value = body.rstrip("]").partition(", ")
            table[user] = value
        elif kind == "-D":
            table.pop(body.split(", ")[0], None)
    return table


def generated(metadata: dict) -> int:
    """How many records a checkpoint's generator had read."""
    return metadata["sources"][0]["m"][0][1]["m"][0][1]["m"][0][1]


def test_killed_and_restarted_jobs_end_with_the_uninterrupted_result(tmp_path, killed_runs):
    checkpoints = tmp_path / "checkpoints"
    script = tmp_path / "job.sql"
    script.write_text(SCRIPT.format(checkpoints=checkpoints, rows=ROWS))
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    reference = subprocess.run(
        _command(script), capture_output=True, text=True, timeout=120, env=env
    )
    assert reference.returncode == 0, reference.stderr
    expected = _fold(reference.stdout)
    assert len(expected) == 100
    for folder in checkpoints.iterdir():  # the reference's own checkpoints are not restored
        os.rename(folder, tmp_path / ("reference-" + folder.name))

    output = tmp_path / "out.txt"
    runs = killed_runs(generated, ROWS, 20261207)
    with open(output, "w") as out:
        runs.run(str(script), checkpoints, KILLS, stdout=out, env=env)
    progress = runs.progress
    assert progress == sorted(progress), "a restart went back before its checkpoint"
    assert progress and progress[-1] > 0, "no restart went on from a checkpoint"
    assert _fold(output.read_text()) == expected


def test_a_checkpoint_is_refused_to_another_query(tmp_path):
    checkpoints = tmp_path / "checkpoints"
    script = tmp_path / "job.sql"
    script.write_text(SCRIPT.format(checkpoints=checkpoints, rows=ROWS))
    done = subprocess.run(_command(script), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert any(checkpoints.glob("*/chk-*/_metadata"))
    other = tmp_path / "other.sql"
    other.write_text(
        SCRIPT.format(checkpoints=checkpoints, rows=1000)
        .replace("GROUP BY user_id;", "WHERE user_id <> '' GROUP BY user_id, product_id;")
        .replace("SELECT user_id,", "SELECT user_id || product_id,")
    )
    refused = subprocess.run(
        _command(other, "-D", "execution.state-recovery.path=latest"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert "does not fit this query" in refused.stdout + refused.stderr
