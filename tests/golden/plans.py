"""Plan goldens: a case's `.plan` is flinklite's physical plan for its final statement (EXPLAIN
CHANGELOG_MODE), and its `.flink-plan` the plan real Flink 2.3 printed for the same script.

usage: python3 tests/golden/plans.py SELECTOR ... [--flink] [--oracle DIR] [--python PY]

Writes `<name>.plan` for each selected case (review the diff: a changed plan is a changed
contract); with `--flink` also runs the cases on the flink-oracle and writes `<name>.flink-plan`.
test_plans.py checks flinklite's plan against the first exactly and against Flink's by shape:
the operator tree and each operator's changelog mode."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile import Case, all_cases  # noqa: E402

PHYSICAL = "== Optimized Physical Plan =="
CONF = {
    "table.local-time-zone": "UTC",
    "pipeline.auto-watermark-interval": "0",
    "parallelism.default": "1",
}


def physical_section(explain_text: str) -> str:
    """The `== Optimized Physical Plan ==` section of an EXPLAIN output."""
    body = explain_text.split(PHYSICAL + "\n", 1)[1]
    return body.split("\n\n", 1)[0].rstrip("\n") + "\n"


def flinklite_plan(case: Case) -> str:
    """EXPLAIN CHANGELOG_MODE of the case's final statement, after its other statements."""
    from flinklite.runner import substitute
    from flinklite.session import Session
    from flinklite.sql.splitter import split_statements

    script = substitute(case.text, {"SCRIPT_DIR": str(case.path.parent)})
    statements = split_statements(script)
    session = Session(dict(CONF))
    try:
        for stmt in statements[:-1]:
            session.execute_statement(stmt.text)
        result = session.execute_statement("EXPLAIN CHANGELOG_MODE " + statements[-1].text)
        return physical_section(result.text)
    finally:
        session.close()


_LINE = re.compile(
    r"^(?P<indent>[ :|+\-]*)(?P<name>\w+)\(.*?(?:changelogMode=\[(?P<mode>[^\]]*)\])?\)$"
)


def shape(plan: str) -> list[str]:
    """The operator tree as `indent name [mode]` lines: what flinklite's plan must share with
    Flink's. The sink of a SELECT is left out (Flink's EXPLAIN of a query shows none), and so is
    the mode of the root operator of a SELECT, which Flink's EXPLAIN infers without the collect
    sink that a running query has (it shows no UPDATE_BEFORE that the job then emits)."""
    lines = plan.rstrip("\n").splitlines()
    out = []
    for line in lines:
        m = _LINE.match(line)
        if m is None:
            raise ValueError(f"not a plan line: {line!r}")
        out.append((len(m["indent"]), m["name"], m["mode"] or ""))
    if out and out[0][1] == "Sink" and "*anonymous_collect" in lines[0]:
        out = [(depth - 3, name, mode) for depth, name, mode in out[1:]]
        out[0] = (out[0][0], out[0][1], "")
    elif out and "anonymous_collect" not in lines[0] and out[0][1] != "Sink":
        out[0] = (out[0][0], out[0][1], "")  # Flink's SELECT: the root's mode, as above
    return [f"{' ' * depth}{name} [{mode}]" for depth, name, mode in out]


def main() -> int:
    from regenerate import DEFAULT_ORACLE, DEFAULT_PYTHON, run_oracle

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("selectors", nargs="+")
    ap.add_argument("--flink", action="store_true", help="also record Flink's plans")
    ap.add_argument("--oracle", default=DEFAULT_ORACLE)
    ap.add_argument("--python", default=DEFAULT_PYTHON)
    a = ap.parse_args()
    cases = [c for c in all_cases(a.selectors) if c.error is None]
    for case in cases:
        case.path.with_suffix(".plan").write_text(flinklite_plan(case), encoding="utf-8")
        print(f"{case.id}.plan")
    if a.flink:
        with tempfile.TemporaryDirectory() as tmp:
            explains = [Path(tmp) / f"plan-{i}.txt" for i in range(len(cases))]
            runs = run_oracle([c.path for c in cases], a.oracle, a.python, Path(tmp), explains)
            for case, run, explain in zip(cases, runs, explains, strict=True):
                if not explain.exists():
                    print(f"{case.id}: Flink wrote no plan: {run.error[:300]}")
                    continue
                text = physical_section(explain.read_text(encoding="utf-8"))
                case.path.with_suffix(".flink-plan").write_text(text, encoding="utf-8")
                print(f"{case.id}.flink-plan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
