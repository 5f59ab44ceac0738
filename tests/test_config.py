"""SET as Flink's client does it, plus what flinklite adds: a key it accepts but does not honour
is said to have no effect, instead of SET succeeding silently."""

from __future__ import annotations

import pytest

from flinklite.session import Session


@pytest.mark.parametrize(
    "key, value",
    [
        ("parallelism.default", "4"),
        ("table.exec.mini-batch.enabled", "true"),
        ("state.backend.type", "rocksdb"),
        ("taskmanager.memory.process.size", "2g"),
    ],
)
def test_a_key_without_effect_is_said_so(key, value):
    session = Session()
    result = session.execute_statement(f"SET '{key}' = '{value}'")
    assert result.level == "WARNING"
    assert f"'{key}' is accepted but has no effect in flinklite" in result.message
    assert session.config.get(key) == value  # still set, as Flink keeps it


@pytest.mark.parametrize(
    "key, value",
    [
        ("table.exec.state.ttl", "1 h"),
        ("state.backend.type", "hashmap"),  # what flinklite's state is
        ("pipeline.name", "job"),
        ("my.own.key", "x"),
    ],
)
def test_honoured_and_unknown_keys_just_succeed(key, value):
    result = Session().execute_statement(f"SET '{key}' = '{value}'")
    assert (result.level, result.message) == ("INFO", "Execute statement succeed.")
