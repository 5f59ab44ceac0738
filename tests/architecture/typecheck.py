"""The type check: mypy over flinklite, compared with a baseline of known findings that may only
shrink.

usage: python3 tests/architecture/typecheck.py [--update]

A finding is `file: [code] message`, without its line number, so moving code does not change
the baseline; a finding beyond the baseline fails test_types.py, and so does a baseline entry
that no longer occurs (fixed: run with --update to shrink the baseline)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINE = Path(__file__).with_name("mypy-baseline.txt")
_FINDING = re.compile(r"^(?P<file>[^:]+):\d+: error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def findings() -> Counter[str]:
    """mypy's errors over flinklite (the configuration is in pyproject.toml)."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty", "--show-absolute-path"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode not in (0, 1) or done.stderr.strip():
        raise RuntimeError(f"mypy failed to run:\n{done.stderr or done.stdout}")
    out: Counter[str] = Counter()
    for line in done.stdout.splitlines():
        m = _FINDING.match(line)
        if m:
            path = Path(m["file"]).resolve().relative_to(ROOT).as_posix()
            out[f"{path}: [{m['code']}] {m['message']}"] += 1
    return out


def baseline() -> Counter[str]:
    lines = BASELINE.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line and not line.startswith("#"))


def write_baseline(found: Counter[str]) -> None:
    header = (
        "# mypy's known findings (tests/architecture/typecheck.py); this list may only shrink\n"
    )
    BASELINE.write_text(header + "".join(f"{k}\n" for k in sorted(found.elements())), "utf-8")


if __name__ == "__main__":
    found = findings()
    if "--update" in sys.argv[1:]:
        write_baseline(found)
    new, fixed = found - baseline(), baseline() - found
    print(f"{sum(found.values())} findings; {sum(new.values())} new, {sum(fixed.values())} fixed")
    for k in sorted(new):
        print("new:", k)
