"""Repeated code: runs of six or more significant lines that appear more than once in flinklite.

usage: python3 tests/architecture/duplicates.py

Lines are compared stripped of indentation; blank lines, comments, imports and lines that only
close brackets do not count, and neither do runs made mostly of argument or parameter lists
(all but two lines ending in `,` or `(`), where repetition is a signature, not logic. test_duplicates.py
fails on any run found here."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOW = 6
_CLOSERS = {")", "]", "}", "),", "],", "},", '"""', ") -> None:", "):"}


def _significant(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or line in _CLOSERS:
            continue
        if line.startswith(("from ", "import ")):
            continue
        out.append((number, line))
    return out


def repeated_runs(package: Path = ROOT / "flinklite") -> list[list[str]]:
    """Each repeated run as the places (`file:line`) it occurs, first place first."""
    places: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in sorted(package.rglob("*.py")):
        lines = _significant(path)
        name = path.relative_to(ROOT).as_posix()
        for k in range(len(lines) - WINDOW + 1):
            run = tuple(line for _, line in lines[k : k + WINDOW])
            if sum(line.endswith((",", "(")) for line in run) >= WINDOW - 2:
                continue  # a parameter or argument list
            places[run].append(f"{name}:{lines[k][0]}")
    return [where + [" / ".join(run[:2])] for run, where in places.items() if len(where) > 1]


if __name__ == "__main__":
    runs = repeated_runs()
    for run in runs:
        print("  ".join(run))
    print(f"{len(runs)} repeated runs of {WINDOW}+ lines")
    sys.exit(1 if runs else 0)
