"""The long fuzz run (`fuzz_long`) runs only when selected: `pytest -m fuzz_long tests/fuzz`."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config, items):
    selected = "fuzz_long" in (config.getoption("markexpr") or "")
    skip = pytest.mark.skip(reason="the long fuzz run: select it with -m fuzz_long")
    for item in items:
        if item.get_closest_marker("fuzz_long") is not None and not selected:
            item.add_marker(skip)
