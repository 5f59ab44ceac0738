"""scripts/flink starts a real Flink 2.3 session cluster and SQL Gateway on loopback: the
gateway answers its REST API, and a streaming GROUP BY submitted through it runs on the
cluster with Flink's changelog (-U/+U)."""

from __future__ import annotations

import json
import time
import urllib.request


def _call(url: str, method: str = "GET", body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
    return json.loads(text) if text else {}


def test_the_gateway_answers_as_flink_2_3(flink_cluster):
    gateway, _ = flink_cluster
    info = _call(f"{gateway}/v1/info")
    assert info["productName"] == "Apache Flink" and info["version"] == "2.3.0"


def test_a_streaming_group_by_runs_on_the_cluster(flink_cluster):
    gateway, _ = flink_cluster
    session = _call(f"{gateway}/v3/sessions", "POST", {})["sessionHandle"]
    try:
        statement = "SELECT x, COUNT(*) AS c FROM (VALUES (1), (1), (2)) AS t(x) GROUP BY x"
        operation = _call(
            f"{gateway}/v3/sessions/{session}/statements", "POST", {"statement": statement}
        )["operationHandle"]
        uri = f"/v3/sessions/{session}/operations/{operation}/result/0?rowFormat=JSON"
        rows, deadline = [], time.monotonic() + 120
        while time.monotonic() < deadline:
            page = _call(gateway + uri)
            rows += [(r["kind"], r["fields"]) for r in page.get("results", {}).get("data", [])]
            if page.get("resultType") == "EOS":
                break
            uri = page.get("nextResultUri") or uri
            time.sleep(0.2)
        assert page.get("jobID"), page
        assert rows == [
            ("INSERT", [1, 1]),
            ("UPDATE_BEFORE", [1, 1]),
            ("UPDATE_AFTER", [1, 2]),
            ("INSERT", [2, 1]),
        ]
    finally:
        _call(f"{gateway}/v3/sessions/{session}", "DELETE")
