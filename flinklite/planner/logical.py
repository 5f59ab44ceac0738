"""The logical plan: relational operators over typed expressions, as Calcite's Logical* nodes.

The binder builds it from the AST; EXPLAIN prints it as Flink's `== Abstract Syntax Tree ==`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flinklite.catalog.catalog import ResolvedTable
from flinklite.catalog.types import DataType, RowField
from flinklite.connectors.registry import ValidatedTable
from flinklite.expr.rex import AggregateCall, Rex
from flinklite.sql import ast


@dataclass(frozen=True, slots=True, eq=False)
class RelNode:
    """A relational operator; `fields` is its output row type."""

    fields: tuple[RowField, ...]

    name = "LogicalRel"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return ()

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def attributes(self) -> list[tuple[str, str]]:
        return []

    def explain(self) -> str:
        """The tree in Flink's plan layout: `+- ` before the last input, `:- ` before others."""
        lines: list[str] = []
        self._explain_into(lines, "", "")
        return "\n".join(lines)

    def _explain_into(self, lines: list[str], first: str, rest: str) -> None:
        attrs = ", ".join(f"{k}=[{v}]" for k, v in self.attributes())
        lines.append(f"{first}{self.name}({attrs})")
        children = self.inputs
        for i, child in enumerate(children):
            last = i == len(children) - 1
            child._explain_into(
                lines, rest + ("+- " if last else ":- "), rest + ("   " if last else ":  ")
            )


def _names(fields: tuple[RowField, ...]) -> str:
    return ", ".join(f.name for f in fields)


@dataclass(frozen=True, slots=True, eq=False)
class TableScan(RelNode):
    identifier: tuple[str, str, str]
    metadata: tuple[str, ...] = ()
    table: ResolvedTable | None = None
    # The connector and format options, validated once when the query is bound.
    validated: ValidatedTable | None = None

    name = "LogicalTableScan"

    def attributes(self) -> list[tuple[str, str]]:
        parts = list(self.identifier)
        if self.metadata:
            parts.append(f"metadata=[{', '.join(self.metadata)}]")
        return [("table", "[" + ", ".join(parts) + "]")]


@dataclass(frozen=True, slots=True, eq=False)
class WatermarkAssigner(RelNode):
    input: RelNode
    rowtime_index: int
    watermark: Rex

    name = "LogicalWatermarkAssigner"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        return [
            ("rowtime", self.fields[self.rowtime_index].name),
            ("watermark", self.watermark.digest()),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Project(RelNode):
    input: RelNode
    exprs: tuple[Rex, ...]

    name = "LogicalProject"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        return [(f.name, e.digest()) for f, e in zip(self.fields, self.exprs, strict=True)]


@dataclass(frozen=True, slots=True, eq=False)
class Filter(RelNode):
    input: RelNode
    condition: Rex

    name = "LogicalFilter"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        return [("condition", self.condition.digest())]


@dataclass(frozen=True, slots=True, eq=False)
class Aggregate(RelNode):
    input: RelNode
    group: tuple[int, ...]
    aggregates: tuple[AggregateCall, ...]
    grouping_sets: tuple[tuple[int, ...], ...] = ()

    name = "LogicalAggregate"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        attrs = [("group", "{" + ", ".join(map(str, self.group)) + "}")]
        if self.grouping_sets:
            sets = ", ".join("{" + ", ".join(map(str, s)) + "}" for s in self.grouping_sets)
            attrs.append(("groups", f"[{sets}]"))
        attrs += [(a.alias, a.digest()) for a in self.aggregates]
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class Join(RelNode):
    left: RelNode
    right: RelNode
    kind: str  # 'inner', 'left', 'right', 'full'; 'semi', 'anti' (subqueries; the left's fields)
    condition: Rex

    name = "LogicalJoin"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.left, self.right)

    def attributes(self) -> list[tuple[str, str]]:
        return [("condition", self.condition.digest()), ("joinType", self.kind)]


@dataclass(frozen=True, slots=True, eq=False)
class Correlate(RelNode):
    """A lateral join: the right side is evaluated per left row (LATERAL TABLE, UNNEST)."""

    left: RelNode
    right: RelNode
    kind: str

    name = "LogicalCorrelate"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.left, self.right)

    def attributes(self) -> list[tuple[str, str]]:
        return [("correlation", "[$cor0]"), ("joinType", self.kind)]


@dataclass(frozen=True, slots=True, eq=False)
class SetOp(RelNode):
    kind: str  # 'Union', 'Intersect', 'Minus'
    operands: tuple[RelNode, ...]
    all: bool

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"Logical{self.kind}"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return self.operands

    def attributes(self) -> list[tuple[str, str]]:
        return [("all", "true" if self.all else "false")]


@dataclass(frozen=True, slots=True, eq=False)
class Values(RelNode):
    rows: tuple[tuple[Rex, ...], ...]

    name = "LogicalValues"

    def attributes(self) -> list[tuple[str, str]]:
        rows = ", ".join("{ " + ", ".join(v.digest() for v in r) + " }" for r in self.rows)
        return [("tuples", f"[{rows}]")]


@dataclass(frozen=True, slots=True, eq=False)
class Sort(RelNode):
    input: RelNode
    collation: tuple[tuple[int, bool, bool], ...]  # (field, descending, nulls_first)
    offset: Rex | None = None
    fetch: Rex | None = None

    name = "LogicalSort"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        attrs = []
        for i, (index, desc, _nulls) in enumerate(self.collation):
            attrs.append((f"sort{i}", f"${index}"))
            attrs.append((f"dir{i}", "DESC" if desc else "ASC"))
        if self.offset is not None:
            attrs.append(("offset", self.offset.digest()))
        if self.fetch is not None:
            attrs.append(("fetch", self.fetch.digest()))
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class TableFunctionScan(RelNode):
    """A table-valued function: window TVFs (TUMBLE, HOP, CUMULATE, SESSION) and UDTFs."""

    operands: tuple[RelNode, ...]
    invocation: str
    args: tuple[Any, ...] = ()  # window TVFs: (time field index, interval Rexes...)

    name = "LogicalTableFunctionScan"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return self.operands

    def attributes(self) -> list[tuple[str, str]]:
        types = ", ".join(f"{f.type.serializable()} {f.name}" for f in self.fields)
        return [("invocation", self.invocation), ("rowType", f"RecordType({types})")]


@dataclass(frozen=True, slots=True, eq=False)
class Snapshot(RelNode):
    """FOR SYSTEM_TIME AS OF: the version of a table at a time (temporal and lookup joins)."""

    input: RelNode
    period: Rex

    name = "LogicalSnapshot"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        return [("period", self.period.digest())]


@dataclass(frozen=True, slots=True, eq=False)
class Match(RelNode):
    """MATCH_RECOGNIZE: the bound clauses; the pattern stays as its AST (the cep compiler owns it)."""

    input: RelNode
    partition_keys: tuple[int, ...]
    order_keys: tuple[tuple[int, bool, bool], ...]
    measures: tuple[tuple[str, Rex], ...]
    pattern: ast.PatternTerm
    pattern_text: str
    definitions: tuple[tuple[str, Rex], ...]
    after_match: str
    all_rows: bool
    rows_per_match: str
    within_ms: int | None
    subsets: tuple[tuple[str, tuple[str, ...]], ...] = ()

    name = "LogicalMatch"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        order = ", ".join(f"{i} {'DESC' if d else 'ASC'}" for i, d, _ in self.order_keys)
        attrs = [
            ("partition", "[" + ", ".join(map(str, self.partition_keys)) + "]"),
            ("order", f"[{order}]"),
            ("outputFields", f"[{_names(self.fields)}]"),
            ("allRows", "true" if self.all_rows else "false"),
            ("after", self.after_match),
            ("pattern", self.pattern_text),
        ]
        if self.within_ms is not None:
            attrs.append(("within", f"{self.within_ms}:INTERVAL SECOND"))
        if self.subsets:
            subsets = ", ".join(f"{n}=[{', '.join(v)}]" for n, v in self.subsets)
            attrs.append(("subsets", f"[{subsets}]"))
        attrs.append(
            (
                "patternDefinitions",
                "[" + ", ".join(f"{v}={r.digest()}" for v, r in self.definitions) + "]",
            )
        )
        attrs.append(
            ("measures", "[" + ", ".join(f"{n}={r.digest()}" for n, r in self.measures) + "]")
        )
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class Sink(RelNode):
    """INSERT INTO: the query's rows written to a catalog table."""

    input: RelNode
    identifier: tuple[str, str, str]
    overwrite: bool = False
    table: ResolvedTable | None = None
    validated: ValidatedTable | None = None  # the sink's options, validated once when bound

    name = "LogicalSink"

    @property
    def inputs(self) -> tuple[RelNode, ...]:
        return (self.input,)

    def attributes(self) -> list[tuple[str, str]]:
        attrs = [("table", ".".join(self.identifier)), ("fields", _names(self.fields))]
        if self.overwrite:
            attrs.append(("overwrite", "true"))
        return attrs


def row_type(names: list[str], types: list[DataType]) -> tuple[RowField, ...]:
    return tuple(RowField(n, t) for n, t in zip(names, types, strict=True))
