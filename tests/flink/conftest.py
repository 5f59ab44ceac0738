"""The tests of the real Apache Flink session cluster and SQL Gateway (scripts/flink; the
`flink_cluster` fixture is in tests/conftest.py); every test here carries the `flink` marker."""

from __future__ import annotations

import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in pathlib.Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.flink)
