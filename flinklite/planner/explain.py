"""EXPLAIN: the validated statement's plan in Flink's layout, one section per planning stage.

Today the `== Abstract Syntax Tree ==` section (the logical plan); the physical sections join it
when the streaming planner does."""

from __future__ import annotations

from flinklite.errors import ValidationError
from flinklite.planner.binder import Binder
from flinklite.sql import ast

DETAILS = {"ESTIMATED_COST", "CHANGELOG_MODE", "JSON_EXECUTION_PLAN", "PLAN_ADVICE"}


def explain(stmt: ast.Explain, binder: Binder) -> str:
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
    return "== Abstract Syntax Tree ==\n" + "\n\n".join(p.explain() for p in plans) + "\n"
