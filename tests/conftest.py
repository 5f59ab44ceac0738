"""Helpers every test folder shares."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def newest_checkpoint(checkpoints: Path) -> dict | None:
    """The metadata of the newest checkpoint under `checkpoints` (None before the first); a
    running job prunes old ones, so one may vanish while they are listed."""
    while True:
        try:
            found = [(p.stat().st_mtime_ns, p) for p in checkpoints.glob("*/chk-*/_metadata")]
            if not found:
                return None
            return json.loads(max(found)[1].read_text())
        except FileNotFoundError:
            continue


class KilledRuns:
    """Runs a `flinklite -f` script with checkpoints `kills` times, each run killed with
    SIGKILL and the next started from the latest checkpoint, then once more to its end.

    Kills are paced by the job's own progress, not by the clock, so that all of them land
    before the end on a fast machine as on a slow one: a run is killed a random moment after
    its newest checkpoint's `position` passes the next target (the targets spread over at most
    two thirds of `total`), and one run in four is killed early, while it starts or restores."""

    def __init__(self, position: Callable[[dict], int], total: int, seed: int) -> None:
        self.position = position
        self.total = total
        self.rng = random.Random(seed)
        self.progress: list[int] = []  # the newest checkpoint's position after each kill

    def run(self, script: str, checkpoints: Path, kills: int, **popen: Any) -> str:
        """The last run's stderr, after it ended with exit code 0."""
        target = 0
        while True:
            restart = newest_checkpoint(checkpoints) is not None
            options = ["-D", "execution.state-recovery.path=latest"] if restart else []
            proc = subprocess.Popen(
                [sys.executable, "-m", "flinklite", *options, "-f", script],
                stderr=subprocess.PIPE,
                **{"stdout": subprocess.DEVNULL, **popen},
            )
            if len(self.progress) < kills:
                early = self.rng.random() < 0.25
                if not early:
                    target += int(self.rng.uniform(0.3, 1.0) * self.total / kills * 2 / 3)
                if self._kill(proc, checkpoints, early, target):
                    self.progress.append(self._position(checkpoints))
                    continue
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err.decode()
            assert len(self.progress) == kills, "the job finished before it was killed"
            return err.decode()

    def _position(self, checkpoints: Path) -> int:
        metadata = newest_checkpoint(checkpoints)
        return 0 if metadata is None else self.position(metadata)

    def _kill(self, proc: Any, checkpoints: Path, early: bool, target: int) -> bool:
        """False if the run ended before its moment came."""
        deadline = time.monotonic() + (self.rng.uniform(0.2, 1.5) if early else 300)
        while proc.poll() is None:
            if time.monotonic() >= deadline or (
                not early and self._position(checkpoints) >= target
            ):
                time.sleep(0 if early else self.rng.uniform(0, 0.4))
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                return True
            time.sleep(0.05)
        return False


@pytest.fixture
def killed_runs() -> type[KilledRuns]:
    return KilledRuns


# --- a real Flink cluster --------------------------------------------------------------------

FLINK_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts" / "flink"


def pytest_collection_modifyitems(config, items):
    """Any test on the real cluster (it uses `flink_cluster`) carries the `flink` marker, so
    `-m "not flink"` leaves it out wherever it lives."""
    for item in items:
        if "flink_cluster" in getattr(item, "fixturenames", ()):
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
        [str(FLINK_SCRIPTS / "start.sh"), data],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "FLINK_GATEWAY_PORT": "0"},  # 8083 may be a user's gateway
    )
    if started.returncode != 0:
        subprocess.run([str(FLINK_SCRIPTS / "stop.sh"), data], timeout=120)
        pytest.fail(f"The Flink cluster did not start:\n{started.stderr}", pytrace=False)
    try:
        yield started.stdout.strip().splitlines()[-1], Path(data)
    finally:
        subprocess.run([str(FLINK_SCRIPTS / "stop.sh"), data], timeout=120, check=True)
