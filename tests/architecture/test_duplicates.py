"""No code is written twice: no run of six significant lines appears twice in flinklite (see
duplicates.py for what counts)."""

from __future__ import annotations

from duplicates import WINDOW, repeated_runs


def test_no_repeated_runs_of_code():
    runs = repeated_runs()
    assert not runs, f"runs of {WINDOW}+ lines written more than once:\n" + "\n".join(
        "  ".join(run) for run in runs
    )
