"""EXPLAIN: the validated statement's plan in Flink's layout, one section per planning stage.

`== Abstract Syntax Tree ==` (the logical plan), `== Optimized Physical Plan ==` (with
changelog modes for EXPLAIN CHANGELOG_MODE) and `== Optimized Execution Plan ==`."""

from __future__ import annotations

from collections.abc import Callable

from flinklite.errors import ValidationError
from flinklite.planner import logical as L
from flinklite.planner.binder import Binder
from flinklite.planner.plan import explain_physical, plan_insert, plan_query
from flinklite.sql import ast

DETAILS = {"ESTIMATED_COST", "CHANGELOG_MODE", "JSON_EXECUTION_PLAN", "PLAN_ADVICE"}


def explain(
    stmt: ast.Explain, binder: Binder, appendix: Callable[[list], str] | None = None
) -> str:
    """The EXPLAIN text; `appendix(sinks)` adds sections the planner does not know about (the
    session uses it for MATCH_RECOGNIZE's automaton and portability)."""
    for detail in stmt.details:
        if detail.upper() not in DETAILS:
            raise ValidationError(
                f"Unsupported EXPLAIN detail '{detail}'; supported: {', '.join(sorted(DETAILS))}",
                pos=stmt.pos,
            )
    inner = stmt.statement
    if isinstance(inner, ast.QueryStatement):
        plans = [binder.bind_query(inner.query)]
    elif isinstance(inner, ast.Insert):
        plans = [binder.bind_insert(inner)]
    elif isinstance(inner, ast.StatementSet):
        plans = [binder.bind_insert(i) for i in inner.inserts]
    else:
        raise ValidationError(
            "EXPLAIN supports queries, INSERT statements and statement sets", pos=inner.pos
        )
    ast_text = "== Abstract Syntax Tree ==\n" + "\n\n".join(p.explain() for p in plans) + "\n"
    batch = (
        (binder.config.get("execution.runtime-mode") if binder.config else "") or ""
    ).lower() == "batch"
    sinks = [
        plan_insert(p, batch=batch, overwrite=p.overwrite)
        if isinstance(p, L.Sink)
        else plan_query(p, batch=batch)
        for p in plans
    ]
    changelog = any(d.upper() == "CHANGELOG_MODE" for d in stmt.details)
    text = ast_text + "\n" + explain_physical(sinks, changelog_mode=changelog)
    return text + (appendix(sinks) if appendix is not None else "")
