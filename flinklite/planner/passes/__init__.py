"""The optimizer: an ordered list of passes from the logical plan to the physical one, as Flink's
optimize programs are a list of programs. Each pass is a module of its own:

0. subquery removal (planner.subqueries): IN / EXISTS become semi and anti joins, scalar
   subqueries joins with their row;
1. `convert`: logical nodes into physical operators (with Calc merging, join keys, windows,
   Top-N, deduplication and watermark push-down);
2. `changelog`: changelog-mode inference, and operators that cannot consume updates rejected;
3. `pushdown`: projection push-down, so sources decode only the fields a query reads.

Sinks are planned after the program (planner.plan): they check the inferred changelog against
what the table accepts and adapt to it (upsert materializer, no UPDATE_BEFORE)."""

from __future__ import annotations

from collections.abc import Callable

from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.passes.changelog import infer_changelog
from flinklite.planner.passes.convert import Planner
from flinklite.planner.passes.pushdown import push_projections
from flinklite.planner.subqueries import remove_subqueries


def _convert(rel: L.RelNode, batch: bool) -> P.PhysNode:
    return Planner(batch).visit(rel)


def _push_projections(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return push_projections(node)


# The physical passes, in order, after the conversion.
PROGRAM: tuple[tuple[str, Callable[[P.PhysNode, bool], P.PhysNode]], ...] = (
    ("changelog-mode inference", infer_changelog),
    ("projection push-down", _push_projections),
)


def optimize(rel: L.RelNode, *, batch: bool) -> P.PhysNode:
    node = _convert(remove_subqueries(rel), batch)
    for _name, run in PROGRAM:
        node = run(node, batch)
    return node
