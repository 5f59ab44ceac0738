"""The physical plan: the operators a job runs, named and printed as Flink's Stream* nodes, each
with the changelog it produces (`changelogMode=[I,UB,UA,D]` in EXPLAIN CHANGELOG_MODE).

Nodes are data; flinklite.planner.translate turns them into operators (Flink's ExecNodes)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from flinklite.catalog.types import RowField
from flinklite.expr.rex import AggregateCall, Call, InputRef, Literal, Rex, SymbolRex
from flinklite.planner.logical import Match as LogicalMatch
from flinklite.runtime.connector import ScanSpec, SinkSpec

INSERT_ONLY = ("+I",)
RETRACT = ("+I", "-U", "+U", "-D")
UPSERT = ("+I", "+U", "-D")
_MODE_LETTERS = {"+I": "I", "-U": "UB", "+U": "UA", "-D": "D"}


@dataclass(frozen=True, slots=True, eq=False)
class PhysNode:
    """An operator of the physical plan. `changelog` lists the row kinds it emits."""

    fields: tuple[RowField, ...]
    changelog: tuple[str, ...] = field(default=INSERT_ONLY, kw_only=True)

    name = "Node"

    @property
    def inputs(self) -> tuple[PhysNode, ...]:
        return ()

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def insert_only(self) -> bool:
        return self.changelog == INSERT_ONLY

    def with_inputs(self, inputs: Sequence[PhysNode]) -> PhysNode:
        """This node over other inputs (as many as `inputs` has); leaves have none."""
        return self

    def attributes(self) -> list[tuple[str, str]]:
        return []

    def explain(self, *, changelog_mode: bool = False) -> str:
        lines: list[str] = []
        self._explain_into(lines, "", "", changelog_mode)
        return "\n".join(lines)

    def _explain_into(self, lines: list[str], first: str, rest: str, modes: bool) -> None:
        attrs = [f"{k}=[{v}]" for k, v in self.attributes()]
        if modes:
            attrs.append(f"changelogMode=[{changelog_letters(self.changelog)}]")
        lines.append(f"{first}{self.name}({', '.join(attrs)})")
        children = self.inputs
        for i, child in enumerate(children):
            last = i == len(children) - 1
            child._explain_into(
                lines, rest + ("+- " if last else ":- "), rest + ("   " if last else ":  "), modes
            )


def changelog_letters(kinds: tuple[str, ...]) -> str:
    return ",".join(_MODE_LETTERS[k] for k in ("+I", "-U", "+U", "-D") if k in kinds)


# ---------------------------------------------------------------------------------------------
# Expressions as Flink prints them in physical plans: input fields by name, SQL-like casts.


def rex_text(rex: Rex, names: list[str]) -> str:
    if isinstance(rex, InputRef):
        return names[rex.index] if rex.index < len(names) else f"${rex.index}"
    if isinstance(rex, Literal):
        return rex.digest()
    if isinstance(rex, SymbolRex):
        return f"FLAG({rex.name})"
    if isinstance(rex, Call):
        args = [rex_text(o, names) for o in rex.operands]
        if rex.op in ("CAST", "TRY_CAST"):
            return f"{rex.op}({args[0]} AS {rex.type.summary().replace(' NOT NULL', '')})"
        if rex.op in ("AND", "OR") and len(args) > 2:
            return f"{rex.op}({', '.join(args)})"
        return f"{rex.op}({', '.join(args)})"
    return rex.digest()


def agg_text(call: AggregateCall, names: list[str]) -> str:
    inner = ", ".join(rex_text(a, names) for a in call.args) or (
        "*" if call.name == "COUNT" else ""
    )
    text = f"{call.name}({'DISTINCT ' if call.distinct else ''}{inner})"
    return text if call.filter is None else f"{text} FILTER {rex_text(call.filter, names)}"


def _select(exprs: tuple[Rex, ...], out: list[str], names: list[str]) -> str:
    parts = []
    for e, n in zip(exprs, out, strict=True):
        text = rex_text(e, names)
        parts.append(text if text == n else f"{text} AS {n}")
    return ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# Sources


@dataclass(frozen=True, slots=True, eq=False)
class TableSourceScan(PhysNode):
    """Reads a table; `spec` is the runtime ScanSpec (projected physical fields, metadata).
    `upsert_key` is set for upsert sources (upsert-kafka), whose rows are keyed updates."""

    identifier: tuple[str, str, str]
    spec: ScanSpec
    projected: bool = False
    upsert_key: tuple[int, ...] = ()
    # Watermark push-down (Kafka, the generator): the source generates watermarks per split
    # from this expression over its own row, and emits the minimum across splits.
    watermark: Rex | None = None
    rowtime_index: int | None = None

    name = "TableSourceScan"

    def attributes(self) -> list[tuple[str, str]]:
        parts = list(self.identifier)
        if self.projected:
            parts.append(f"project=[{', '.join(f.name for f in self.spec.physical)}]")
        if self.spec.metadata:
            parts.append(f"metadata=[{', '.join(k for k, _ in self.spec.metadata)}]")
        if self.watermark is not None:
            parts.append(f"watermark=[{rex_text(self.watermark, self.names)}]")
        return [("table", "[" + ", ".join(parts) + "]"), ("fields", ", ".join(self.names))]


@dataclass(frozen=True, slots=True, eq=False)
class Values(PhysNode):
    rows: tuple[tuple[object, ...], ...]

    name = "Values"

    def attributes(self) -> list[tuple[str, str]]:
        return [("tuples", f"[{len(self.rows)} rows]"), ("values", ", ".join(self.names))]


# ---------------------------------------------------------------------------------------------
# Single-input operators


@dataclass(frozen=True, slots=True, eq=False)
class Single(PhysNode):
    input: PhysNode

    @property
    def inputs(self) -> tuple[PhysNode, ...]:
        return (self.input,)

    def with_inputs(self, inputs: Sequence[PhysNode]) -> PhysNode:
        (child,) = inputs
        return self if child is self.input else dataclasses.replace(self, input=child)


@dataclass(frozen=True, slots=True, eq=False)
class WatermarkAssigner(Single):
    rowtime_index: int
    watermark: Rex

    name = "WatermarkAssigner"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        return [
            ("rowtime", names[self.rowtime_index]),
            ("watermark", rex_text(self.watermark, names)),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Calc(Single):
    """Projection and filter in one operator; `projection` None keeps the input row."""

    projection: tuple[Rex, ...] | None
    condition: Rex | None = None

    name = "Calc"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        exprs = self.projection
        if exprs is None:
            exprs = tuple(InputRef(f.type, i) for i, f in enumerate(self.input.fields))
        attrs = [("select", _select(exprs, self.names, names))]
        if self.condition is not None:
            attrs.append(("where", rex_text(self.condition, names)))
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class Correlate(Single):
    """UNNEST joined laterally: each input row followed by each element of its collections
    (`items`, over the input row), with the element's position for WITH ORDINALITY; a LEFT
    correlate keeps a row whose collections are empty or NULL, padded with NULLs."""

    items: tuple[Rex, ...]
    ordinality: bool
    kind: str  # 'inner' or 'left'

    name = "Correlate"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        call = "$UNNEST_ROWS$1(" + ", ".join(rex_text(i, names) for i in self.items) + ")"
        return [
            ("invocation", call),
            ("correlate", f"table({call})"),
            ("select", ", ".join(self.names)),
            ("joinType", self.kind.upper()),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Expand(Single):
    """GROUPING SETS: each input row once per grouping set, the keys the set leaves out NULL,
    followed by the set's expand id `$e` (a bit per left-out key, the first key the highest)."""

    sets: tuple[tuple[int, tuple[int, ...]], ...]  # (expand id, the key columns set to NULL)

    name = "Expand"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        projects = []
        for e, nulled in self.sets:
            cols = [f"null AS {n}" if i in nulled else n for i, n in enumerate(names)]
            projects.append("{" + ", ".join([*cols, f"{e} AS $e"]) + "}")
        return [("projects", ", ".join(projects))]


@dataclass(frozen=True, slots=True, eq=False)
class Exchange(Single):
    """Where Flink redistributes rows (hash by key, or to a single task); a no-op here, printed
    so plans read like Flink's."""

    keys: tuple[int, ...] = ()

    name = "Exchange"

    def __post_init__(self) -> None:
        # Redistribution changes no row: the changelog is always the input's.
        object.__setattr__(self, "changelog", self.input.changelog)

    def attributes(self) -> list[tuple[str, str]]:
        if not self.keys:
            return [("distribution", "single")]
        names = self.input.names
        return [("distribution", f"hash[{', '.join(names[k] for k in self.keys)}]")]


@dataclass(frozen=True, slots=True, eq=False)
class GroupAggregate(Single):
    keys: tuple[int, ...]
    aggregates: tuple[AggregateCall, ...]
    generate_update_before: bool = True
    batch: bool = False
    ignore_retract: tuple[bool, ...] = ()  # per aggregate: see planner.passes.monotonicity

    @property
    def name(self) -> str:  # type: ignore[override]
        return "HashAggregate" if self.batch else "GroupAggregate"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        attrs = []
        if self.keys:
            attrs.append(("groupBy", ", ".join(names[k] for k in self.keys)))
        out = self.names
        select = [names[k] for k in self.keys] + [
            f"{agg_text(a, names)} AS {out[len(self.keys) + i]}"
            for i, a in enumerate(self.aggregates)
        ]
        attrs.append(("select", ", ".join(select)))
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class WindowSpec:
    """A window: kind TUMBLE / HOP / SESSION / CUMULATE over the time field, sizes in ms."""

    kind: str
    time_index: int
    size_ms: int = 0
    slide_ms: int = 0
    gap_ms: int = 0
    offset_ms: int = 0
    rowtime: bool = True
    start_index: int | None = None  # set when the rows already carry window_start/_end

    def text(self, names: list[str]) -> str:
        t = names[self.time_index]
        if self.start_index is not None:
            return f"{self.kind}(win_start=[{names[self.start_index]}], win_end=[{t}])"
        if self.kind == "TUMBLE":
            return f"TumblingGroupWindow('w$, {t}, {self.size_ms})"
        if self.kind == "HOP":
            return f"SlidingGroupWindow('w$, {t}, {self.size_ms}, {self.slide_ms})"
        if self.kind == "SESSION":
            return f"SessionGroupWindow('w$, {t}, {self.gap_ms})"
        return f"CumulativeWindow('w$, {t}, {self.size_ms}, {self.slide_ms})"


@dataclass(frozen=True, slots=True, eq=False)
class WindowAggregate(Single):
    """Event- or processing-time window aggregation: GROUP BY TUMBLE(..) (Flink's
    GroupWindowAggregate) and window TVF aggregation (WindowAggregate). Output: keys,
    aggregates, then the window properties named in `properties` ('start', 'end', 'rowtime',
    'proctime')."""

    keys: tuple[int, ...]
    window: WindowSpec
    aggregates: tuple[AggregateCall, ...]
    properties: tuple[str, ...]
    legacy: bool = True

    @property
    def name(self) -> str:  # type: ignore[override]
        return "GroupWindowAggregate" if self.legacy else "WindowAggregate"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        attrs = []
        if self.keys:
            attrs.append(("groupBy", ", ".join(names[k] for k in self.keys)))
        attrs.append(("window", self.window.text(names)))
        if self.properties:
            attrs.append(("properties", ", ".join("w$" + p for p in self.properties)))
        attrs.append(("select", ", ".join(self.names)))
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class WindowTableFunction(Single):
    """A window TVF whose output is not aggregated: each row gets window_start, window_end and
    window_time appended (one row per window it belongs to)."""

    window: WindowSpec

    name = "WindowTableFunction"

    def attributes(self) -> list[tuple[str, str]]:
        return [("window", self.window.text(self.input.names))]


@dataclass(frozen=True, slots=True, eq=False)
class Rank(Single):
    """Top-N (ROW_NUMBER/RANK/DENSE_RANK over a partition, filtered on the number), LIMIT and
    ORDER BY .. LIMIT in streaming; `rank_index` set when the number is an output column."""

    partition: tuple[int, ...]
    order: tuple[tuple[int, bool, bool], ...]  # (field, descending, nulls_first)
    rank_start: int
    rank_end: int
    function: str = "ROW_NUMBER"
    output_rank: bool = False
    window_end_index: int | None = None  # a Window Top-N: emitted once per window

    @property
    def name(self) -> str:  # type: ignore[override]
        return "Rank" if self.window_end_index is None else "WindowRank"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        order = ", ".join(f"{names[i]} {'DESC' if d else 'ASC'}" for i, d, _ in self.order)
        return [
            ("strategy", "AppendFastStrategy" if self.input.insert_only else "RetractStrategy"),
            ("rankType", self.function),
            ("rankRange", f"rankStart={self.rank_start}, rankEnd={self.rank_end}"),
            ("partitionBy", ", ".join(names[i] for i in self.partition)),
            ("orderBy", order),
            ("select", ", ".join(self.names)),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class OverAggregate(Single):
    """Aggregates over a window of each row's partition, ordered by time; `frame` is
    (units, preceding) with preceding None for UNBOUNDED (rows or ms)."""

    partition: tuple[int, ...]
    time_index: int
    frame: tuple[str, int | None]
    aggregates: tuple[AggregateCall, ...]
    rowtime: bool = True

    name = "OverAggregate"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        units, preceding = self.frame
        low = "UNBOUNDED PRECEDING" if preceding is None else f"{preceding} PRECEDING"
        width = len(names)
        return [
            ("partitionBy", ", ".join(names[k] for k in self.partition)),
            ("orderBy", f"{names[self.time_index]} ASC"),
            ("window", f"{units} BETWEEN {low} AND CURRENT ROW"),
            (
                "select",
                ", ".join(
                    names
                    + [
                        f"{agg_text(a, names)} AS {self.names[width + i]}"
                        for i, a in enumerate(self.aggregates)
                    ]
                ),
            ),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Deduplicate(Single):
    """ROW_NUMBER() = 1 ordered by a time attribute: the first or last row per key."""

    keys: tuple[int, ...]
    time_index: int
    keep_last: bool
    rowtime: bool

    name = "Deduplicate"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        return [
            ("keep", "LastRow" if self.keep_last else "FirstRow"),
            ("key", ", ".join(names[k] for k in self.keys)),
            ("order", "ROWTIME" if self.rowtime else "PROCTIME"),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Limit(Single):
    offset: int
    fetch: int | None

    name = "Limit"

    def attributes(self) -> list[tuple[str, str]]:
        end = "unlimited" if self.fetch is None else str(self.offset + self.fetch)
        return [("offset", str(self.offset)), ("fetch", end)]


@dataclass(frozen=True, slots=True, eq=False)
class Sort(Single):
    """ORDER BY: on a time attribute in streaming (TemporalSort), on anything in batch."""

    order: tuple[tuple[int, bool, bool], ...]
    temporal: bool = False
    offset: int = 0
    fetch: int | None = None

    @property
    def name(self) -> str:  # type: ignore[override]
        if self.temporal:
            return "TemporalSort"
        return "SortLimit" if self.fetch is not None else "Sort"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.input.names
        order = ", ".join(f"{names[i]} {'DESC' if d else 'ASC'}" for i, d, _ in self.order)
        attrs = [("orderBy", f"[{order}]")]
        if self.fetch is not None:
            attrs += [("offset", str(self.offset)), ("fetch", str(self.fetch))]
        return attrs


@dataclass(frozen=True, slots=True, eq=False)
class ChangelogNormalize(Single):
    """Turns an upsert stream (upsert-kafka) into a full changelog keyed by the primary key."""

    key: tuple[int, ...]

    name = "ChangelogNormalize"

    def attributes(self) -> list[tuple[str, str]]:
        return [("key", ", ".join(self.input.names[k] for k in self.key))]


@dataclass(frozen=True, slots=True, eq=False)
class SinkUpsertMaterializer(Single):
    key: tuple[int, ...]

    name = "SinkMaterializer"

    def attributes(self) -> list[tuple[str, str]]:
        return [("pk", ", ".join(self.input.names[k] for k in self.key))]


@dataclass(frozen=True, slots=True, eq=False)
class Match(Single):
    """MATCH_RECOGNIZE; `logical` keeps the bound clauses for the pattern compiler."""

    logical: LogicalMatch

    name = "Match"

    def attributes(self) -> list[tuple[str, str]]:
        return [a for a in self.logical.attributes() if a[0] != "outputFields"]


# ---------------------------------------------------------------------------------------------
# Multi-input operators


@dataclass(frozen=True, slots=True, eq=False)
class Binary(PhysNode):
    """An operator over two inputs."""

    left: PhysNode
    right: PhysNode

    @property
    def inputs(self) -> tuple[PhysNode, ...]:
        return (self.left, self.right)

    def with_inputs(self, inputs: Sequence[PhysNode]) -> PhysNode:
        left, right = inputs
        if left is self.left and right is self.right:
            return self
        return dataclasses.replace(self, left=left, right=right)


_JOIN_TYPES = {"full": "FullOuterJoin", "semi": "LeftSemiJoin", "anti": "LeftAntiJoin"}


@dataclass(frozen=True, slots=True, eq=False)
class TemporalJoin(Binary):
    """An event-time temporal join (`JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime`): each
    left row meets the version of its key the right side had at the left row's time."""

    kind: str  # 'inner' or 'left'
    left_keys: tuple[int, ...]
    right_keys: tuple[int, ...]
    left_time: int
    right_time: int
    condition: Rex | None  # the remainder, over left fields then right fields
    full_condition: Rex | None = None

    name = "TemporalJoin"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.left.names + self.right.names
        cond = "true" if self.full_condition is None else rex_text(self.full_condition, names)
        return [
            ("joinType", _JOIN_TYPES.get(self.kind, f"{self.kind.capitalize()}Join")),
            ("where", cond),
            ("select", ", ".join(self.names)),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Join(Binary):
    kind: str  # 'inner', 'left', 'right', 'full'; 'semi', 'anti' (their fields: the left's)
    left_keys: tuple[int, ...]
    right_keys: tuple[int, ...]
    condition: Rex | None  # the remainder, over left fields then right fields
    full_condition: Rex | None = None

    name = "Join"

    def attributes(self) -> list[tuple[str, str]]:
        names = self.left.names + self.right.names
        cond = "true" if self.full_condition is None else rex_text(self.full_condition, names)
        spec = "NoUniqueKey"
        return [
            ("joinType", _JOIN_TYPES.get(self.kind, f"{self.kind.capitalize()}Join")),
            ("where", cond),
            ("select", ", ".join(self.names)),
            ("leftInputSpec", spec),
            ("rightInputSpec", spec),
        ]


@dataclass(frozen=True, slots=True, eq=False)
class Union(PhysNode):
    operands: tuple[PhysNode, ...]

    name = "Union"

    @property
    def inputs(self) -> tuple[PhysNode, ...]:
        return self.operands

    def with_inputs(self, inputs: Sequence[PhysNode]) -> PhysNode:
        if all(a is b for a, b in zip(inputs, self.operands, strict=True)):
            return self
        return dataclasses.replace(self, operands=tuple(inputs))

    def attributes(self) -> list[tuple[str, str]]:
        return [("all", "true"), ("union", ", ".join(self.names))]


@dataclass(frozen=True, slots=True, eq=False)
class SetOp(Binary):
    """INTERSECT / EXCEPT [ALL] of two inputs, by whole rows."""

    kind: str  # 'intersect' or 'except'
    all: bool

    @property
    def name(self) -> str:  # type: ignore[override]
        return "Intersect" if self.kind == "intersect" else "Minus"

    def attributes(self) -> list[tuple[str, str]]:
        return [("all", "true" if self.all else "false"), ("select", ", ".join(self.names))]


# ---------------------------------------------------------------------------------------------
# Sinks


@dataclass(frozen=True, slots=True, eq=False)
class Sink(Single):
    """Writes into a table (`spec` is the runtime SinkSpec) or, for a SELECT, into the result
    collector (`spec` None)."""

    identifier: tuple[str, str, str] | None
    spec: SinkSpec | None = None
    # Flink 2.3's refusal of this INSERT without ON CONFLICT, when it would refuse it (its
    # table.exec.sink.require-on-conflict); flinklite runs it, keeping the latest row per key.
    on_conflict_required: str | None = None

    name = "Sink"

    def attributes(self) -> list[tuple[str, str]]:
        table = "*anonymous_collect$1*" if self.identifier is None else ".".join(self.identifier)
        return [("table", table), ("fields", ", ".join(self.names))]


def upsert_key(node: PhysNode) -> tuple[int, ...] | None:
    """The output fields a node's rows are keyed by (Flink's upsert key), if known: a scanned
    table's primary key, a deduplication's or aggregation's key, through projections that keep
    it."""
    if isinstance(node, Exchange | WatermarkAssigner):
        return upsert_key(node.input)
    if isinstance(node, TableSourceScan):
        names = [f.name for f in node.fields]
        key = node.spec.primary_key
        if not key or not all(c in names for c in key):
            return None
        return tuple(names.index(c) for c in key)
    if isinstance(node, GroupAggregate):
        return tuple(range(len(node.keys)))
    if isinstance(node, (ChangelogNormalize, SinkUpsertMaterializer)):
        return node.key
    if isinstance(node, Deduplicate):
        return node.keys
    if isinstance(node, Calc):
        inner = upsert_key(node.input)
        if inner is None or node.projection is None:
            return inner
        where = {e.index: i for i, e in enumerate(node.projection) if isinstance(e, InputRef)}
        if not all(k in where for k in inner):
            return None
        return tuple(where[k] for k in inner)
    return None


def walk(node: PhysNode):
    yield node
    for child in node.inputs:
        yield from walk(child)
