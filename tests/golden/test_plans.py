"""Plan goldens: for a case with a `.plan` file, flinklite's physical plan of its final statement
(EXPLAIN CHANGELOG_MODE) is exactly that file; with a `.flink-plan` file (Flink 2.3's plan for
the same script), flinklite's operator tree and changelog modes are Flink's, except for the cases
listed in plan_differences.txt, which is a ratchet: a case that comes to agree must leave the
list, and no agreeing case may start to differ. plans.py writes both files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile import CASES as CASES_DIR  # noqa: E402
from casefile import all_cases  # noqa: E402
from plans import flinklite_plan, shape  # noqa: E402

PLANNED = [c for c in all_cases() if c.path.with_suffix(".plan").exists()]
DIFFERENCES = Path(__file__).with_name("plan_differences.txt")


def _known_differences() -> set[str]:
    lines = DIFFERENCES.read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


@pytest.mark.parametrize("case", PLANNED, ids=[c.id for c in PLANNED])
def test_plan(case) -> None:
    expected = case.path.with_suffix(".plan").read_text(encoding="utf-8")
    assert flinklite_plan(case) == expected, "plan changed: run plans.py and review the diff"


def test_plans_have_flinks_shape_except_the_known_differences() -> None:
    differing = set()
    for flink_plan in sorted(CASES_DIR.rglob("*.flink-plan")):
        ours = flink_plan.with_suffix(".plan").read_text(encoding="utf-8")
        if shape(ours) != shape(flink_plan.read_text(encoding="utf-8")):
            differing.add(flink_plan.relative_to(CASES_DIR).with_suffix("").as_posix())
    known = _known_differences()
    assert not differing - known, f"plans that now differ from Flink's: {differing - known}"
    assert not known - differing, f"agree with Flink now, strike from the list: {known - differing}"


def test_shape_keeps_operators_and_modes() -> None:
    plan = (
        "Sink(table=[*anonymous_collect$1*], fields=[a], changelogMode=[I,UB,UA])\n"
        "+- GroupAggregate(groupBy=[a], select=[a], changelogMode=[I,UB,UA])\n"
        "   +- Exchange(distribution=[hash[a]], changelogMode=[I])\n"
    )
    assert shape(plan) == ["GroupAggregate []", "   Exchange [I]"]
