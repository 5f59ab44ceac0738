"""Golden cases: each cases/<area>/<name>.sql must give the changelog real Flink 2.3 gave.

The expected output (<name>.jsonl) was recorded by running the same script on Flink through the
flink-oracle (regenerate.py); a case marked `-- error: ...` must be rejected with that text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile import Case, all_cases  # noqa: E402
from encode import comparable, diff_message, encode_changes  # noqa: E402

from flinklite.errors import FlinkliteError  # noqa: E402

# The settings the oracle runs with: UTC session zone, a watermark after every row, one task.
CONF = {
    "table.local-time-zone": "UTC",
    "pipeline.auto-watermark-interval": "0",
    "parallelism.default": "1",
}

CASES = all_cases()


def run_case(case: Case) -> list[str]:
    """Runs a case through flinklite and returns its changelog as the oracle's JSON lines."""
    from flinklite.runner import run_script

    result = run_script(case.text, variables={"SCRIPT_DIR": str(case.path.parent)}, conf=CONF)
    return encode_changes(result.fields, result.changes, zone=CONF["table.local-time-zone"])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case: Case) -> None:
    if case.error is not None:
        with pytest.raises(FlinkliteError) as caught:
            run_case(case)
        message = str(caught.value)
        assert case.error.lower() in message.lower(), (
            f"rejected, but the message lacks {case.error!r}.\n"
            f"flinklite: {message}\nFlink: {case.flink_message}"
        )
        return
    expected_lines = case.expected_path.read_text(encoding="utf-8").splitlines()
    actual_lines = run_case(case)
    expected = comparable(expected_lines, case.compare)
    actual = comparable(actual_lines, case.compare)
    problem = diff_message(expected, actual, case.compare)
    assert problem is None, problem


def test_every_case_has_its_expected_output() -> None:
    missing = [c.id for c in CASES if c.error is None and not c.expected_path.exists()]
    stale = [c.id for c in CASES if c.error is not None and c.expected_path.exists()]
    assert not missing, f"run regenerate.py for: {missing}"
    assert not stale, f"error cases with a .jsonl: {stale}"


def test_expected_outputs_are_oracle_json_lines() -> None:
    for case in CASES:
        if case.error is None:
            for line in case.expected_path.read_text(encoding="utf-8").splitlines():
                change = json.loads(line)
                assert change["op"] in ("+I", "-U", "+U", "-D"), case.id
                assert isinstance(change["row"], list), case.id
