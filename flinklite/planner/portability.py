"""What in a statement Flink 2.3 would reject or run differently: flinklite's extensions
(MATCH_RECOGNIZE beyond Flink, its own connectors) and Flink 2.3's ON CONFLICT rule for upsert
sinks. EXPLAIN prints the findings; `flinklite check` lists them for a whole script."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flinklite.catalog.catalog import ResolvedTable
from flinklite.cep.extensions import portability as match_extensions
from flinklite.connectors.registry import ConnectorFactory
from flinklite.errors import Pos
from flinklite.planner import logical as L
from flinklite.planner import physical as P

ON_CONFLICT_INSTEAD = (
    "write ON CONFLICT DO DEDUPLICATE after the query (what flinklite does: the latest row per "
    "key wins), or SET 'table.exec.sink.require-on-conflict' = 'false' before the INSERT "
    "(accepted by both)"
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing Flink 2.3 does not run as flinklite does: where, what, and what to write."""

    pos: Pos | None
    problem: str
    instead: str


def plan_findings(
    plans: list[L.RelNode],
    sinks: list[P.Sink],
    positions: list[Pos | None],
    *,
    tables: bool = True,
    require_on_conflict: bool = True,
) -> list[Finding]:
    """Findings of bound statements (`plans`, logical), their planned sinks, and the positions
    of the statements (an INSERT's). `tables`: also the tables read on flinklite's connectors
    (a script check reports those where they are created instead). `require_on_conflict`:
    Flink's table.exec.sink.require-on-conflict (false lets Flink run such INSERTs)."""
    out: list[Finding] = []
    for plan in plans:
        for node in _walk(plan):
            if tables and isinstance(node, L.TableScan) and node.validated is not None:
                found = table_finding(node.table, node.validated.factory, node.identifier[-1])
                if found is not None and found not in out:
                    out.append(found)
            elif isinstance(node, L.Match):
                reasons = match_extensions(node)
                if reasons:
                    out.append(
                        Finding(
                            node.pattern.pos,
                            "MATCH_RECOGNIZE uses what Flink's does not have: "
                            + "; ".join(reasons),
                            "keep to Flink's MATCH_RECOGNIZE (ONE ROW PER MATCH, no "
                            "CLASSIFIER()/MATCH_NUMBER(), patterns Flink's NFA accepts); "
                            "SET 'flinklite.flink-compatible' = 'true' makes flinklite refuse "
                            "the same",
                        )
                    )
    for sink, pos in zip(sinks, positions, strict=True):
        if sink.on_conflict_required is not None and require_on_conflict:
            out.append(Finding(pos, sink.on_conflict_required, ON_CONFLICT_INSTEAD))
    return out


def table_finding(
    table: ResolvedTable | None, factory: ConnectorFactory, name: str
) -> Finding | None:
    """A table on a connector only flinklite has, found at its 'connector' option."""
    instead = factory.flink_instead
    if not instead:
        return None
    identifier = factory.identifier
    source = table.source if table is not None else None
    pos = next((p.pos for p in source.options if p.key == "connector"), None) if source else None
    return Finding(
        pos,
        f"Table '{name}' uses the '{identifier}' connector, which is flinklite's own: Flink "
        f"has no connector '{identifier}'",
        instead,
    )


def explain_section(findings: list[Finding]) -> str:
    """EXPLAIN's `== Flink Compatibility ==` section; empty when Flink runs the statement."""
    if not findings:
        return ""
    lines = [
        "",
        "== Flink Compatibility ==",
        "This statement would not run on Flink 2.3 as written:",
    ]
    for f in findings:
        lines.append(f"- {f.problem}.")
        lines.append(f"  Instead: {f.instead}.")
    return "\n".join(lines) + "\n"


def _walk(node: L.RelNode) -> Iterator[L.RelNode]:
    yield node
    for child in node.inputs:
        yield from _walk(child)
