"""The tutorial's job script run on a real Flink 2.3 cluster through its SQL Gateway
(`flinklite --gateway`), against the project's test broker and `flinklite registry`: the upsert-kafka
sink topic holds the same records as when flinklite runs the same script itself.

Both runs read the same sales from the start of the topic to its end ('scan.bounded.mode'), so
both end, and MATCH_RECOGNIZE emits every match once the input is over."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid
from pathlib import Path

from kafka_helpers import consume, expected_matches, recreate

from flinklite.datagen.streamshub import StreamsHubGenerator

ROOT = Path(__file__).resolve().parents[2]
COUNT, SEED = 3000, 77


def tutorial_script(sink: str) -> str:
    """sql/anomaly_detection_kafka.sql with its sink topic renamed for this test and its source
    read from the earliest to the latest offset; its statements otherwise as the tutorial's."""
    text = (ROOT / "sql" / "anomaly_detection_kafka.sql").read_text(encoding="utf-8")
    replaced = text.replace("'flink.unusual.sales.records.interactive'", f"'{sink}'").replace(
        "'scan.startup.mode' = 'latest-offset'",
        "'scan.startup.mode' = 'earliest-offset',\n    'scan.bounded.mode' = 'latest-offset'",
    )
    assert replaced.count(sink) == 1 and "'scan.bounded.mode'" in replaced
    return replaced


def run_script(tmp_path: Path, script: str, *args: str) -> str:
    path = tmp_path / f"job-{uuid.uuid4().hex[:6]}.sql"
    path.write_text(script, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "flinklite", *args, "-D", "table.dml-sync=true", "-f", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_the_tutorial_insert_on_the_cluster_writes_what_flinklite_writes(
    flink_cluster, kafka_bootstrap, schema_registry, tmp_path
):
    gateway, _ = flink_cluster
    registry = schema_registry[1] + "/apis/ccompat/v6"
    tag = uuid.uuid4().hex[:8]
    recreate(kafka_bootstrap, "flink.sales.records")  # the datagen's topic, holding only these
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=10)
    datagen = subprocess.run(
        [sys.executable, "-m", "flinklite", "datagen", "sales", "--bootstrap-servers",
         kafka_bootstrap, "--registry", registry, "--count", str(COUNT),
         "--seed", str(SEED), "--simulated-clock", "--start-time", start.isoformat()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert datagen.returncode == 0, datagen.stderr
    hosts = ("-D", f"kafka.bootstrap={kafka_bootstrap}", "-D", f"registry.url={registry}")

    local_sink, cluster_sink = f"unusual-local-{tag}", f"unusual-cluster-{tag}"
    run_script(tmp_path, tutorial_script(local_sink), *hosts)
    # Flink 2.3 wants ON CONFLICT for this INSERT (its query has no upsert key); the option keeps
    # the tutorial's statement as written (`flinklite check` reports the rule).
    relaxed = ("-D", "table.exec.sink.require-on-conflict=false")
    out = run_script(
        tmp_path, tutorial_script(cluster_sink), "--gateway", gateway, *hosts, *relaxed
    )
    assert "Complete execution of the SQL update statement." in out or "Job ID:" in out

    local = sorted((m.key(), m.value()) for m in consume(kafka_bootstrap, local_sink))
    on_cluster = sorted((m.key(), m.value()) for m in consume(kafka_bootstrap, cluster_sink))
    assert on_cluster == local
    # ... and they are the unusual sales (an independent computation of the pattern's matches).
    start_ms = int(start.timestamp() * 1000)
    records = [
        (values, start_ms + (i // 100) * 1000 + i % 100)
        for i, (values, _) in enumerate(StreamsHubGenerator("sales", SEED).take(COUNT))
    ]
    assert len(local) >= 3 and set(local) == set(expected_matches(records))
