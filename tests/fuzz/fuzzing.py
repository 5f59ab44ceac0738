"""What the fuzz tests share: how many cases they run, and what counts as failing cleanly.

Each property runs FUZZ_EXAMPLES cases in every test run (derandomized: the same cases each
time, so a failure reproduces) and LONG_EXAMPLES fresh random ones in the long run
(`pytest -m fuzz_long tests/fuzz`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings

from flinklite.errors import FlinkliteError

FUZZ_EXAMPLES = 2_000
LONG_EXAMPLES = 20_000

_COMMON: dict[str, Any] = {
    "deadline": None,  # each case checks its own time budget, which a slow CI machine meets
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": None,
}
BOUNDED = settings(max_examples=FUZZ_EXAMPLES, derandomize=True, **_COMMON)
LONG = settings(max_examples=LONG_EXAMPLES, **_COMMON)


def clean_error(error: BaseException) -> None:
    """An error a user may see: flinklite's own, with a message, not an internal error."""
    assert isinstance(error, FlinkliteError), f"{type(error).__name__}: {error}"
    text = error.render()
    assert text.strip(), "an error without a message"
    assert "internal error" not in text and "internal error" not in (error.hint or ""), text


def within(budget_s: float, fn: Callable[[], Any]) -> Any:
    """fn(), failing the case when it takes longer than `budget_s`."""
    started = time.monotonic()
    try:
        return fn()
    finally:
        took = time.monotonic() - started
        assert took < budget_s, f"took {took:.1f} s (budget {budget_s} s)"
