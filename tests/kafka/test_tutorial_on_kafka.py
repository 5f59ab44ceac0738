"""The anomaly-detection tutorial on a real broker, every piece started as a user starts it:
`flinklite registry`, the tutorial's job script (its tables exactly as the tutorial writes them,
hosts passed as variables), `flinklite datagen` with the registry; the upsert-kafka sink topic
then holds the unusual sales an independent computation finds."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from kafka_helpers import consume, expected_matches, recreate

from flinklite.datagen.streamshub import StreamsHubGenerator

ROOT = Path(__file__).resolve().parents[2]
SOURCE, SINK = "flink.sales.records", "flink.unusual.sales.records.interactive"
COUNT, SEED = 4000, 2024


def test_the_tutorial_job_script_on_kafka_finds_the_unusual_sales(kafka_bootstrap, schema_registry):
    _, url = schema_registry
    registry = url + "/apis/ccompat/v6"
    # A fresh start, as on a new broker: the job starts before the sales topic exists.
    recreate(kafka_bootstrap, SOURCE)
    recreate(kafka_bootstrap, SINK)
    job = subprocess.Popen(
        [sys.executable, "-m", "flinklite", "-D", f"kafka.bootstrap={kafka_bootstrap}",
         "-D", f"registry.url={registry}", "-D", "table.local-time-zone=UTC",
         "-f", str(ROOT / "sql" / "anomaly_detection_kafka.sql")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(job.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.time() + 60
        while not any("does not exist yet" in line for line in lines):
            assert job.poll() is None, "".join(lines)
            assert time.time() < deadline, "the job never started waiting for its topic"
            time.sleep(0.1)
        # Ten simulated minutes ago, within the topic's one-hour retention.
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=10)
        start_ms = int(start.timestamp() * 1000)
        datagen = subprocess.run(
            [sys.executable, "-m", "flinklite", "datagen", "sales", "--bootstrap-servers",
             kafka_bootstrap, "--registry", registry, "--count", str(COUNT), "--seed", str(SEED),
             "--simulated-clock", "--start-time", start.isoformat()],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert datagen.returncode == 0, datagen.stderr
        records = [
            (values, start_ms + (i // 100) * 1000 + i % 100)
            for i, (values, _) in enumerate(StreamsHubGenerator("sales", SEED).take(COUNT))
        ]
        every = set(expected_matches(records))
        # The job runs on: a match is out once the watermark (the newest sale - 1 s) passes it.
        newest = records[-1][1]
        certain = set(expected_matches([r for r in records if r[1] <= newest - 2000]))
        assert len(certain) >= 3
        got: set = set()
        deadline = time.time() + 60
        while not certain <= got and time.time() < deadline:
            got = {(m.key(), m.value()) for m in consume(kafka_bootstrap, SINK, idle_s=2.0)}
        assert certain <= got
        assert got <= every
    finally:
        job.send_signal(signal.SIGTERM)
        job.wait(30)
        reader.join(5)
    out = "".join(lines)
    assert job.returncode == 143, out  # stopped as a user stops it, cleanly
    assert "Job ID: " in out
    assert "Traceback" not in out and "[ERROR]" not in out


def test_the_walkthrough_on_kafka_produces_the_sales_and_runs_every_step(
    kafka_bootstrap, schema_registry
):
    _, url = schema_registry
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", "tutorial", "anomaly-detection", "--non-interactive",
         "--bootstrap-servers", kafka_bootstrap, "--registry", url + "/apis/ccompat/v6",
         "--step-seconds", "5"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    out = run.stdout
    assert run.returncode == 0, out[-3000:] + run.stderr
    assert f"The sales come from the Kafka broker at {kafka_bootstrap}" in out
    assert [int(n) for n in re.findall(r"Step (\d+) of 11", out)] == list(range(1, 12))
    assert "[ERROR]" not in out and "Traceback" not in out + run.stderr
    # The walkthrough's own datagen feeds the stream: the first look sees sales arrive.
    seen = int(re.search(r"Received a total of (\d+) changes", out).group(1))
    assert seen >= 100
    assert "How many sales had each quantity" in out
    assert "flink.unusual.sales.records.interactive" in out
    assert re.search(r"The job runs on \(RUNNING\); STOP JOB '[0-9a-f]{32}' ends it\.", out)
