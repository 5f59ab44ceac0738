"""`flinklite registry` as a user runs it: a Confluent-compatible registry on loopback whose
schemas survive a restart with --data, and whose mistakes are answered as Confluent answers."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from flinklite.errors import ExecutionError
from flinklite.formats.schema_registry import SchemaRegistryClient

SALES = json.dumps(
    {"type": "record", "name": "Sales", "fields": [{"name": "user_id", "type": "string"}]}
)


def start(*args: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "flinklite", "registry", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, process.stdout.readline().strip()


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=10)
    return process.returncode, err


def get(url: str) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_schemas_survive_a_restart_with_a_data_folder(tmp_path):
    process, url = start("--port", "0", "--data", str(tmp_path))
    try:
        client = SchemaRegistryClient(url + "/apis/ccompat/v6")
        first = client.register("flink.sales.records-value", SALES)
        assert client.register("other-value", SALES) == first  # same text, same global id
    finally:
        code, err = stop(process)
    assert code == 0
    assert "schemas kept in " + str(tmp_path) in err
    process, url = start("--port", "0", "--data", str(tmp_path))
    try:
        assert get(f"{url}/schemas/ids/{first}") == (200, {"schema": SALES})
        assert get(f"{url}/subjects")[1] == ["flink.sales.records-value", "other-value"]
        status, latest = get(f"{url}/subjects/flink.sales.records-value/versions/latest")
        assert status == 200 and latest["id"] == first and latest["version"] == 1
    finally:
        stop(process)


def test_in_memory_by_default_and_confluent_errors(tmp_path):
    process, url = start("--port", "0")
    try:
        assert get(f"{url}/schemas/ids/1") == (
            404,
            {"error_code": 40403, "message": "Schema 1 not found"},
        )
        status, body = get(f"{url}/subjects/nope/versions/latest")
        assert status == 404 and body["error_code"] == 40401
        with pytest.raises(ExecutionError, match="422.*Invalid schema"):
            SchemaRegistryClient(url).register("bad-value", '{"type": "record"}')
    finally:
        stop(process)


def test_a_port_in_use_is_one_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "flinklite", "registry", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert run.returncode == 1
    assert f"[ERROR] Cannot listen on 127.0.0.1:{port}" in run.stderr
    assert "Traceback" not in run.stderr
