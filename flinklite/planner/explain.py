"""EXPLAIN: the validated statement's plan in Flink's layout, one section per planning stage.

`== Abstract Syntax Tree ==` (the logical plan), `== Optimized Physical Plan ==` (with
changelog modes for EXPLAIN CHANGELOG_MODE) and `== Optimized Execution Plan ==`; then, when
Flink 2.3 would not run the statement as written, `== Flink Compatibility ==`."""

from __future__ import annotations

from collections.abc import Callable

from flinklite.errors import Pos, ValidationError
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.binder import Binder
from flinklite.planner.plan import explain_physical, plan_insert, plan_query
from flinklite.planner.portability import explain_section, plan_findings
from flinklite.sql import ast

DETAILS = {"ESTIMATED_COST", "CHANGELOG_MODE", "JSON_EXECUTION_PLAN", "PLAN_ADVICE"}


def explain(
    stmt: ast.Explain, binder: Binder, appendix: Callable[[list], str] | None = None
) -> str:
    """The EXPLAIN text; `appendix(sinks)` adds sections the planner does not know about (the
    session uses it for MATCH_RECOGNIZE's automaton). Last, what Flink 2.3 would not run."""
    for detail in stmt.details:
        if detail.upper() not in DETAILS:
            raise ValidationError(
                f"Unsupported EXPLAIN detail '{detail}'; supported: {', '.join(sorted(DETAILS))}",
                pos=stmt.pos,
            )
    plans, sinks, positions = plan_statement(stmt.statement, binder)
    ast_text = "== Abstract Syntax Tree ==\n" + "\n\n".join(p.explain() for p in plans) + "\n"
    changelog = any(d.upper() == "CHANGELOG_MODE" for d in stmt.details)
    text = ast_text + "\n" + explain_physical(sinks, changelog_mode=changelog)
    text += appendix(sinks) if appendix is not None else ""
    strict = binder.config is None or binder.config.get_bool("table.exec.sink.require-on-conflict")
    return text + explain_section(
        plan_findings(plans, sinks, positions, require_on_conflict=strict)
    )


def plan_statement(
    inner: ast.Statement, binder: Binder
) -> tuple[list[L.RelNode], list[P.Sink], list[Pos | None]]:
    """A query, INSERT or statement set bound (logical plans), planned (sinks), and where each
    INSERT is written; nothing runs."""
    positions: list[Pos | None]
    if isinstance(inner, ast.QueryStatement):
        plans, positions = [binder.bind_query(inner.query)], [None]
    elif isinstance(inner, ast.Insert):
        plans, positions = [binder.bind_insert(inner)], [inner.pos]
    elif isinstance(inner, ast.StatementSet):
        plans = [binder.bind_insert(i) for i in inner.inserts]
        positions = [i.pos for i in inner.inserts]
    else:
        raise ValidationError(
            "EXPLAIN supports queries, INSERT statements and statement sets", pos=inner.pos
        )
    batch = (
        (binder.config.get("execution.runtime-mode") if binder.config else "") or ""
    ).lower() == "batch"
    sinks = [
        plan_insert(p, batch=batch, overwrite=p.overwrite)
        if isinstance(p, L.Sink)
        else plan_query(p, batch=batch)
        for p in plans
    ]
    return plans, sinks, positions
