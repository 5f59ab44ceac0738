"""The SQL Gateway's answers read as Flink's client reads them: errors name the deepest cause
with a message and its position, addresses and API versions are understood."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flinklite.errors import Pos
from flinklite.gateway.rest import GatewayClient, GatewayUnavailable, endpoint_url, remote_error

DATA = Path(__file__).parent / "data"


def test_a_parse_error_is_flinks_parse_exception_with_its_position():
    # Recorded from Flink 2.3's gateway for `SELECT * FORM t`.
    error = remote_error((DATA / "parse_error.json").read_text())
    assert error.kind == "org.apache.flink.sql.parser.impl.ParseException"
    assert error.message.startswith('Encountered "t" at line 1, column 15.\nWas expecting one of:')
    assert '"FROM" ...' in error.message and "\tat " not in error.message
    assert error.pos == Pos(1, 15)


def test_a_validation_error_is_the_deepest_cause_located_by_an_outer_one():
    # Recorded for `SELECT *\nFROM nope`: Calcite's context exception holds the position.
    error = remote_error((DATA / "validation_error.json").read_text())
    assert error.kind == "org.apache.calcite.sql.validate.SqlValidatorException"
    assert error.message == "Object 'nope' not found"
    assert error.pos == Pos(2, 6, 2, 10)  # `nope`, underlined


def test_the_deepest_cause_with_a_message_wins_over_an_empty_one():
    trace = (
        "org.apache.flink.table.api.TableException: Failed to run.\n"
        "\tat a.B.c(B.java:1)\n"
        "Caused by: org.apache.flink.table.api.ValidationException: Column 'x' not found.\n"
        "\tat a.B.d(B.java:2)\n"
        "Caused by: java.lang.NullPointerException\n"
        "\tat a.B.e(B.java:3)\n"
    )
    error = remote_error(json.dumps({"errors": ["Internal server error.", trace]}))
    assert (error.kind, error.message) == (
        "org.apache.flink.table.api.ValidationException",
        "Column 'x' not found.",
    )


def test_an_error_without_a_trace_keeps_the_gateway_s_words():
    error = remote_error(json.dumps({"errors": ["Session abc does not exist."]}), 404)
    assert "Session abc does not exist." in error.message


@pytest.mark.parametrize(
    ("address", "url", "version"),
    [
        ("localhost:8083", "http://localhost:8083", None),
        ("http://127.0.0.1:8083/", "http://127.0.0.1:8083", None),
        ("https://gw.example:443/v2", "https://gw.example:443", "v2"),
        ("127.0.0.1:8083/V3", "http://127.0.0.1:8083", "v3"),
    ],
)
def test_gateway_addresses(address, url, version):
    assert endpoint_url(address) == (url, version)


def test_nothing_listening_is_a_clear_error(unused_port):
    with pytest.raises(GatewayUnavailable, match=r"Could not reach the SQL Gateway at http://"):
        GatewayClient(f"127.0.0.1:{unused_port}", timeout_s=5)


def test_not_a_gateway_address():
    with pytest.raises(GatewayUnavailable, match="is not a SQL Gateway address"):
        endpoint_url("ftp://somewhere")


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
