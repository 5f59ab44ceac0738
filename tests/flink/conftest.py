"""A real Apache Flink session cluster and SQL Gateway (scripts/flink, started once per test
run); every test here carries the `flink` marker."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

SCRIPTS = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "flink"
HERE = pathlib.Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in pathlib.Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.flink)


@pytest.fixture(scope="session")
def flink_cluster():
    """(the SQL Gateway's URL, the data folder) of a cluster started for the test run."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"The Flink tests need {' and '.join(missing)} (install openjdk-17-jre-headless and "
            'maven), or deselect them with -m "not flink".',
            pytrace=False,
        )
    data = tempfile.mkdtemp(prefix="flinklite-flink-")
    started = subprocess.run(
        [str(SCRIPTS / "start.sh"), data],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "FLINK_GATEWAY_PORT": "0"},  # 8083 may be a user's gateway
    )
    if started.returncode != 0:
        subprocess.run([str(SCRIPTS / "stop.sh"), data], timeout=120)
        pytest.fail(f"The Flink cluster did not start:\n{started.stderr}", pytrace=False)
    try:
        yield started.stdout.strip().splitlines()[-1], pathlib.Path(data)
    finally:
        subprocess.run([str(SCRIPTS / "stop.sh"), data], timeout=120, check=True)
