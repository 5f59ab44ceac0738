"""The real Kafka broker (scripts/kafka, started once per test run) and an in-memory schema
registry for the Kafka tests; every test here carries the `kafka` marker."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import tempfile
import uuid

import pytest
import schema_registry_server as registry_server

SCRIPTS = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "kafka"
HERE = pathlib.Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in pathlib.Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.kafka)


@pytest.fixture(scope="session")
def kafka_bootstrap():
    """The bootstrap servers of a single-node KRaft broker on a free loopback port."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"The Kafka tests need {' and '.join(missing)} (install openjdk-17-jre-headless and "
            'maven), or deselect them with -m "not kafka".',
            pytrace=False,
        )
    data = tempfile.mkdtemp(prefix="flinklite-kafka-")
    started = subprocess.run(
        [str(SCRIPTS / "start.sh"), data], capture_output=True, text=True, timeout=300
    )
    if started.returncode != 0:
        pytest.fail(f"The Kafka broker did not start:\n{started.stderr}", pytrace=False)
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([str(SCRIPTS / "stop.sh"), data], timeout=60)


@pytest.fixture(scope="session")
def schema_registry():
    """(registry state, base URL) of an in-memory Confluent-compatible schema registry."""
    server, registry, url = registry_server.serve()
    yield registry, url
    server.shutdown()


@pytest.fixture
def topic():
    """A fresh topic name per test (the broker creates topics on first use)."""
    return f"t-{uuid.uuid4().hex[:10]}"
