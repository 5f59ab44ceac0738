"""The real Kafka broker (scripts/kafka, started once per test run) and flinklite's schema
registry (`flinklite registry`) for the Kafka tests; every test here carries the `kafka` marker."""

from __future__ import annotations

import os
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


class RestartableBroker:
    """A single-node KRaft broker on a free loopback port that a test may stop and start
    again: start.sh restarts a folder stopped with `stop.sh DATA --keep` on the same port,
    with its data, as a broker comes back after an outage."""

    def __init__(self, data: str) -> None:
        self.data = data
        self.bootstrap = self.start()

    def start(self) -> str:
        started = subprocess.run(
            [str(SCRIPTS / "start.sh"), self.data],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "KAFKA_PORT": "0"},  # a free port: 9092 may be a user's broker
        )
        if started.returncode != 0:
            pytest.fail(f"The Kafka broker did not start:\n{started.stderr}", pytrace=False)
        return started.stdout.strip().splitlines()[-1]

    def stop(self, keep: bool = True) -> None:
        args = [str(SCRIPTS / "stop.sh"), self.data] + (["--keep"] if keep else [])
        subprocess.run(args, timeout=60, check=True)


@pytest.fixture(scope="session")
def kafka_broker():
    """The broker every Kafka test shares (the outage tests stop and restart it)."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"The Kafka tests need {' and '.join(missing)} (install openjdk-17-jre-headless and "
            'maven), or deselect them with -m "not kafka".',
            pytrace=False,
        )
    broker = RestartableBroker(tempfile.mkdtemp(prefix="flinklite-kafka-"))
    try:
        yield broker
    finally:
        broker.stop(keep=False)


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker):
    """The bootstrap servers of the shared single-node broker."""
    return kafka_broker.bootstrap


@pytest.fixture(scope="session")
def schema_registry(tmp_path_factory):
    """(a client of it, base URL) of the registry a user starts with `flinklite registry`."""
    from flinklite.formats.schema_registry import SchemaRegistryClient

    process, url = registry_server.start_command(str(tmp_path_factory.mktemp("registry")))
    try:
        yield SchemaRegistryClient(url), url
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def recording_registry():
    """(store, base URL) of an in-process registry that records the credentials it is sent and
    refuses the subjects in `store.reject`."""
    server, store, url = registry_server.serve_recording()
    yield store, url
    server.shutdown()


@pytest.fixture
def topic():
    """A fresh topic name per test (the broker creates topics on first use)."""
    return f"t-{uuid.uuid4().hex[:10]}"
