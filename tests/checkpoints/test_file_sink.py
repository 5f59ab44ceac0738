"""The filesystem sink is exactly-once with checkpoints, as Flink's: part files become visible
when the checkpoint that holds them completes, a restored job commits what its checkpoint
left pending and drops what was written after it. A `flinklite -f` job killed with SIGKILL
at random points and restarted from its latest checkpoint leaves each row in the table once."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from test_restart import generated

from flinklite.session import Session

ROWS = 500_000
KILLS = 5

SCRIPT = """
SET 'execution.checkpointing.interval' = '150 ms';
SET 'execution.checkpointing.dir' = '{checkpoints}';
SET 'table.dml-sync' = 'true';
CREATE TABLE Sales (
  invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
  purchase_time TIMESTAMP(3) METADATA FROM 'timestamp'
) WITH (
  'connector' = 'flinklite-generator', 'data' = 'sales', 'seed' = '3', 'clock' = 'simulated',
  'number-of-rows' = '{rows}', 'start-time' = '2024-01-01T00:00:00'
);
CREATE TABLE Archive (invoice_id STRING, user_id STRING, quantity INT) WITH (
  'connector' = 'filesystem', 'path' = '{archive}', 'format' = 'csv',
  'sink.rolling-policy.file-size' = '200kb'
);
INSERT INTO Archive SELECT invoice_id, user_id, CAST(quantity AS INT) FROM Sales;
"""


def _table(folder: Path) -> Counter:
    """The rows a reader of the table sees: the committed part files (not the hidden ones)."""
    return Counter(line for part in folder.glob("part-*") for line in part.read_text().splitlines())


def test_killed_and_restarted_jobs_write_each_row_once(tmp_path, killed_runs):
    reference = tmp_path / "reference"
    done = subprocess.run(
        [sys.executable, "-m", "flinklite", "-f", _script(tmp_path, "reference", reference)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    expected = _table(reference)
    assert sum(expected.values()) == ROWS

    archive, checkpoints = tmp_path / "archive", tmp_path / "checkpoints"
    script = _script(tmp_path, "checkpoints", archive)
    killed_runs(generated, ROWS, 7).run(script, checkpoints, KILLS)
    got = _table(archive)
    assert got == expected, (sum(got.values()), len(got), "rows lost or written twice")


def _script(tmp_path: Path, checkpoints: str, archive: Path) -> str:
    path = tmp_path / f"{checkpoints}.sql"
    path.write_text(SCRIPT.format(checkpoints=tmp_path / checkpoints, rows=ROWS, archive=archive))
    return str(path)


def test_part_files_stay_hidden_until_their_checkpoint_completes(tmp_path):
    session = Session()
    session.execute_statement("SET 'execution.checkpointing.interval' = '1 h'")
    session.execute_statement(f"SET 'execution.checkpointing.dir' = '{tmp_path / 'chk'}'")
    session.execute_statement(
        f"CREATE TABLE Archive (v BIGINT) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 'out'}', 'format' = 'csv', "
        "'sink.rolling-policy.file-size' = '1kb')"
    )
    session.execute_statement(
        "CREATE TABLE numbers (v BIGINT) WITH ('connector' = 'datagen', "
        "'rows-per-second' = '2000', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', "
        "'fields.v.end' = '1000000')"
    )
    job_id = session.execute_statement("INSERT INTO Archive SELECT v FROM numbers").job_id
    job = session.jobs.find(job_id)
    try:
        out = tmp_path / "out"
        deadline = time.time() + 20
        while len(list(out.glob(".*inprogress*"))) < 3 and time.time() < deadline:
            time.sleep(0.1)
        assert len(list(out.glob(".*inprogress*"))) >= 3  # rolled over 1 kb, pending
        assert not list(out.glob("part-*"))  # nothing visible before a checkpoint
    finally:
        job.cancel()
        job.wait(30)
    # Cancelled without a checkpoint: nothing committed, as in Flink.
    assert not list((tmp_path / "out").glob("part-*"))
