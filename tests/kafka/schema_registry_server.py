"""Schema registries for the Kafka tests: flinklite's own, started as a user starts it
(`flinklite registry`), and an in-process one that records credentials and refuses subjects."""

from __future__ import annotations

import subprocess
import sys

from flinklite.kafka.registry_server import RegistryError, RegistryServer, SchemaStore


def start_command(data_dir: str) -> tuple[subprocess.Popen, str]:
    """`flinklite registry --port 0 --data DIR` in its own process: (process, base URL)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "flinklite", "registry", "--port", "0", "--data", data_dir],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = process.stdout.readline().strip()
    if not url.startswith("http://"):
        process.kill()
        raise RuntimeError(f"flinklite registry did not start: {process.stderr.read()}")
    return process, url


class RecordingStore(SchemaStore):
    """Remembers every Authorization header; `reject[subject] = message` refuses registrations
    under that subject as Confluent's registry refuses an incompatible schema (409)."""

    def __init__(self) -> None:
        super().__init__()
        self.auth_seen: list[str | None] = []
        self.reject: dict[str, str] = {}

    def authorize(self, authorization: str | None) -> None:
        self.auth_seen.append(authorization)

    def refuse(self, subject: str, schema: str) -> None:
        if subject in self.reject:
            raise RegistryError(409, 409, self.reject[subject])


def serve_recording() -> tuple[RegistryServer, RecordingStore, str]:
    store = RecordingStore()
    server = RegistryServer(store).start()
    return server, store, server.url
