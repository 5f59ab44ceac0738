"""Golden case files: finding the .sql cases and reading their header comment lines.

A case is `cases/<area>/<name>.sql`; its header says how to compare (`-- compare: raw|fold|
multiset`) or that Flink rejects it (`-- error: <substring>`, Flink's message in `-- flink: ...`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
CASES = GOLDEN / "cases"
COMPARE_MODES = ("raw", "fold", "multiset")

_HEADER = re.compile(r"^--\s*(compare|error|flink):\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Case:
    """One golden case: its script, how to compare, and where Flink's answer lives."""

    path: Path
    compare: str
    error: str | None
    flink_message: str | None

    @property
    def id(self) -> str:
        """`area/name`, the pytest id."""
        return self.path.relative_to(CASES).with_suffix("").as_posix()

    @property
    def expected_path(self) -> Path:
        return self.path.with_suffix(".jsonl")

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def read_case(path: Path) -> Case:
    """Reads the header: the comment lines before the first statement."""
    compare, error, flink = "raw", None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("--"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "compare":
            if value not in COMPARE_MODES:
                raise ValueError(f"{path}: unknown compare mode {value!r}")
            compare = value
        elif key == "error":
            error = value
        else:
            flink = value
    return Case(path, compare, error, flink)


def all_cases(selectors: list[str] | None = None) -> list[Case]:
    """Every case, sorted by id; with selectors, those whose id contains one of them."""
    paths = sorted(CASES.rglob("*.sql"))
    cases = [read_case(p) for p in paths]
    if selectors:
        cases = [
            c for c in cases if any(s in c.id or Path(s).resolve() == c.path for s in selectors)
        ]
    return cases
