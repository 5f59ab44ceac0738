"""Specification of bench/run.py, the flinklite-versus-Flink benchmark, on its flinklite side.

Runs the real command on 2,000 rows without Flink (no Java needed) and checks what it prints."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "run.py"
GEN_SALES = Path("/work/shared/tools/flink-oracle/gen_sales.py")
HEADER = (
    "query",
    "rows",
    "flinklite wall s",
    "Flink wall s",
    "ratio",
    "flinklite rows/s",
    "flinklite peak RSS MB",
)


def _load_run():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


bench = _load_run()


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    """One flinklite-only run of both queries on 2,000 rows: (exit code, stdout, json)."""
    tmp = tmp_path_factory.mktemp("bench")
    out_json = tmp / "out.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--sizes",
            "2000",
            "--no-flink",
            "--no-memory-hour",
            "--no-checkpoint-overhead",
            "--queries",
            "group_agg,filter_project",
            "--data-dir",
            str(tmp / "data"),
            "--json",
            str(out_json),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc, json.loads(out_json.read_text()), tmp


def test_prints_one_table_row_per_query_and_size(small_run):
    proc, _, _ = small_run
    assert proc.returncode in (0, 1), proc.stderr  # 1: some run failed, and says so
    lines = proc.stdout.splitlines()
    assert tuple(part.strip() for part in lines[0].split("  ") if part.strip()) == HEADER
    assert set(lines[1]) == {"-", " "}
    rows = [line.split() for line in lines[2:4]]
    assert [r[0] for r in rows] == ["group_agg", "filter_project"]
    assert all(r[1] == "2,000" for r in rows)
    assert all(r[3] == "-" and r[4] == "-" for r in rows)  # no Flink column without Flink
    assert "ratio: Flink / flinklite" in proc.stdout


def test_each_flinklite_run_is_a_number_or_a_reported_failure(small_run):
    proc, report, _ = small_run
    assert report["settings"] == {
        "sizes": [2000],
        "users": 1000,
        "seed": 42,
        "repeat": 1,
        "flink": False,
    }
    assert [r["query"] for r in report["results"]] == ["group_agg", "filter_project"]
    for result in report["results"]:
        lite = result["flinklite"]
        assert lite["wall_s"] > 0 and lite["peak_rss_mb"] > 10
        assert result["flink"] is None and result["ratio"] is None
        if lite["ok"]:
            assert result["flinklite_rows_per_s"] == pytest.approx(2000 / lite["wall_s"])
        else:
            # the failure is printed with its reason, not a traceback of the harness
            assert lite["error"] and f"flinklite failed on {result['query']}" in proc.stdout
    assert "Traceback" not in proc.stderr  # the harness itself never crashes
    assert (proc.returncode == 0) == all(r["flinklite"]["ok"] for r in report["results"])


def test_data_is_generated_once_and_the_scripts_read_it(small_run):
    _, _, tmp = small_run
    data = tmp / "data" / "sales_2000_u1000_s42.csv"
    lines = data.read_text().splitlines()
    assert len(lines) == 2000
    assert lines[0] == "inv_0000000,user_114,product_1,1,37.57,2024-01-01 00:00:00.120"
    script = (tmp / "data" / "scripts" / "group_agg_sales_2000_u1000_s42.sql").read_text()
    assert f"'path'      = '{data.resolve()}'" in script and "${" not in script
    assert "'connector' = 'blackhole'" in script and "INSERT INTO" in script


@pytest.mark.skipif(not GEN_SALES.exists(), reason="the Flink oracle's gen_sales.py is absent")
def test_generated_data_matches_the_oracles_generator_byte_for_byte(tmp_path):
    ours = tmp_path / "ours.csv"
    bench.generate_sales(ours, 3000, 1000, 7)
    subprocess.run(
        [sys.executable, str(GEN_SALES), str(tmp_path / "ref.csv"), "--rows", "3000"]
        + ["--users", "1000", "--seed", "7"],
        check=True,
    )
    assert ours.read_bytes() == (tmp_path / "ref.csv").read_bytes()


def test_a_failing_child_is_measured_and_its_error_kept():
    code = (
        "import sys; print('[INFO] ok'); print('[ERROR] Could not execute SQL statement.');"
        "print('Reason: boom'); sys.exit(1)"
    )
    m = bench.measure([sys.executable, "-c", code], timeout=30, error_of=bench.flinklite_failed)
    assert not m.ok and m.exit_code == 1 and m.wall_s > 0
    assert m.error.splitlines() == [
        "exit code 1",
        "[ERROR] Could not execute SQL statement.",
        "Reason: boom",
    ]


def test_peak_rss_is_the_childs_own():
    # Measured from a fresh, small process: a child forked from a large parent (pytest late
    # in a full run) starts with the parent's pages counted in its peak.
    probe = f"""
import sys
sys.path.insert(0, {str(RUN.parent)!r})
import run as bench
grow = "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"
big = bench.measure([sys.executable, "-c", grow], timeout=60)
small = bench.measure([sys.executable, "-c", "pass"], timeout=60)
print(big.ok, big.peak_rss_mb, small.ok, small.peak_rss_mb)
"""
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    ).stdout.split()
    big_ok, big_mb, small_ok, small_mb = (
        out[0] == "True",
        float(out[1]),
        out[2] == "True",
        float(out[3]),
    )
    assert big_ok and big_mb > 200
    assert small_ok and small_mb < 100  # not the earlier child's peak


def test_a_hanging_child_is_killed_at_the_timeout():
    m = bench.measure([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.5)
    assert not m.ok and "timeout" in m.error and m.wall_s < 10


def test_sizes_accept_plain_counts_and_k_m_suffixes():
    assert bench.parse_sizes("10000,1000000") == [10_000, 1_000_000]
    assert bench.parse_sizes("10k, 1M") == [10_000, 1_000_000]


def test_the_checkpoint_overhead_check_runs_the_job_with_and_without_checkpoints(tmp_path):
    result = bench.checkpoint_overhead(tmp_path, 120, rows=6000)
    assert result.failed is None, result.text
    assert result.first.ok and result.second.ok
    assert result.text.startswith("MATCH_RECOGNIZE on the generator (6,000 sales), checkpoints")
