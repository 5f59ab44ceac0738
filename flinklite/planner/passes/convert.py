"""The first pass: logical nodes converted into physical operators, with the rules Flink applies
while converting (Calc merging, join key extraction, window, Top-N and deduplication
recognition, watermark push-down into sources).

Windows and OVER are converted by the mixins in convert_windows and convert_over. Nodes leave
this pass without changelog modes, except sources, which declare their connector's."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.connectors.registry import ValidatedTable
from flinklite.dispatch import TypeDispatch
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr.rex import (
    AggregateCall,
    Call,
    InputRef,
    Literal,
    OverCall,
    Rex,
    and_,
    conjunctions,
    contains_over,
    input_indices,
    int_literal,
    substitute,
)
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.passes.changelog import KIND_SHORT
from flinklite.planner.passes.convert_over import OverPlanning
from flinklite.planner.passes.convert_windows import (
    WindowPlanning,
    rewrite_aux,
    window_props,
    window_tvf_group,
)
from flinklite.planner.passes.pushdown import push_watermark
from flinklite.runtime.connector import ScanSpec

_RELS = TypeDispatch()


@dataclass(slots=True)
class Planner(WindowPlanning, OverPlanning):
    batch: bool = False
    rank_unused: set[int] = dataclasses.field(default_factory=set)  # ids of Top-N filters

    def visit(self, rel: L.RelNode) -> P.PhysNode:
        method = _RELS.find(type(rel))
        if method is None:
            raise UnsupportedError(f"{rel.name} is not supported by flinklite's engine yet")
        return method(self, rel)

    # --- sources ---------------------------------------------------------------------------

    @_RELS.register(L.TableScan)
    def _TableScan(self, rel: L.TableScan) -> P.PhysNode:
        from flinklite.catalog.schema import MetadataColumn, PhysicalColumn

        table, validated = rel.table, rel.validated
        assert table is not None and validated is not None  # the binder resolves and validates
        schema = table.schema
        physical = tuple(
            RowField(c.name, c.type.without_time_attribute())
            for c in schema.columns
            if isinstance(c, PhysicalColumn)
        )
        metadata = tuple(
            (c.metadata_key, f.type)
            for c, f in zip(
                [c for c in schema.columns if isinstance(c, MetadataColumn)],
                rel.fields[len(physical) :],
                strict=True,
            )
        )
        pk = schema.primary_key.columns if schema.primary_key is not None else ()
        spec = ScanSpec(
            connector=validated.factory.identifier,
            table_name=table.identifier.summary(),
            options=validated.options,
            formats={r: (f.identifier, o) for r, (f, o) in validated.formats.items()},
            physical=physical,
            all_physical=physical,
            metadata=metadata,
            primary_key=tuple(pk),
            batch=self.batch,
        )
        mode = tuple(KIND_SHORT[k] for k in validated.changelog)
        if self.batch and not _bounded(validated):
            raise ValidationError(
                f"Querying an unbounded table '{table.identifier.summary()}' in batch mode is "
                "not allowed. The table source is unbounded."
            )
        scan = P.TableSourceScan(rel.fields, rel.identifier, spec, changelog=mode)
        if "+U" in mode and "-U" not in mode:
            names = [f.name for f in rel.fields]
            key = tuple(names.index(c) for c in pk)
            scan = P.TableSourceScan(
                rel.fields, rel.identifier, spec, upsert_key=key, changelog=mode
            )
            return P.ChangelogNormalize(rel.fields, P.Exchange(rel.fields, scan, key), key)
        return scan

    @_RELS.register(L.Values)
    def _Values(self, rel: L.Values) -> P.PhysNode:
        from flinklite.expr.compiler import compile_expression

        rows = tuple(
            tuple(v.value if isinstance(v, Literal) else compile_expression(v, ())(()) for v in row)
            for row in rel.rows
        )
        return P.Values(rel.fields, rows)

    # --- stateless -------------------------------------------------------------------------

    @_RELS.register(L.WatermarkAssigner)
    def _WatermarkAssigner(self, rel: L.WatermarkAssigner) -> P.PhysNode:
        child = self.visit(rel.input)
        if self.batch:
            return child
        pushed = push_watermark(child, rel.rowtime_index, rel.watermark)
        if pushed is not None:
            return pushed
        return P.WatermarkAssigner(rel.fields, child, rel.rowtime_index, rel.watermark)

    @_RELS.register(L.Project)
    def _Project(self, rel: L.Project) -> P.PhysNode:
        if any(contains_over(e) for e in rel.exprs):
            return self._over(rel, None)
        inner = rel.input
        if isinstance(inner, L.Filter) and isinstance(inner.input, L.Project):
            # Top-N whose rank number is not selected: Flink drops it from the Rank's output
            # (and a Top-1 on a time attribute becomes a Deduplicate).
            slots = [i for i, e in enumerate(inner.input.exprs) if isinstance(e, OverCall)]
            used = set().union(*(input_indices(e) for e in rel.exprs)) if rel.exprs else set()
            if len(slots) == 1 and slots[0] not in used:
                self.rank_unused.add(id(inner))
        return self._calc(rel.fields, rel.input, rel.exprs, None)

    @_RELS.register(L.Filter)
    def _Filter(self, rel: L.Filter) -> P.PhysNode:
        inner = rel.input
        if isinstance(inner, L.Project) and any(contains_over(e) for e in inner.exprs):
            return self._over(inner, rel)
        return self._calc(rel.fields, inner, None, rel.condition)

    def _calc(
        self,
        fields: tuple[RowField, ...],
        input_rel: L.RelNode,
        exprs: tuple[Rex, ...] | None,
        condition: Rex | None,
    ) -> P.PhysNode:
        child = self.visit(input_rel)
        window = window_props(input_rel)
        if window is not None:
            exprs = exprs and tuple(rewrite_aux(e, *window) for e in exprs)
            condition = condition and rewrite_aux(condition, *window)
        if isinstance(child, P.Calc):  # merge, as Flink's CalcMergeRule does
            inner = (
                child.projection
                if child.projection is not None
                else tuple(InputRef(f.type, i) for i, f in enumerate(child.input.fields))
            )
            cond = child.condition
            if condition is not None:
                moved = substitute(condition, inner)
                cond = moved if cond is None else and_(cond, moved)
            proj = (
                tuple(substitute(e, inner) for e in exprs)
                if exprs is not None
                else child.projection
            )
            return self._make_calc(fields, child.input, proj, cond)
        return self._make_calc(fields, child, exprs, condition)

    # --- aggregation -----------------------------------------------------------------------

    @_RELS.register(L.Aggregate)
    def _Aggregate(self, rel: L.Aggregate) -> P.PhysNode:
        grouping = [i for i, c in enumerate(rel.aggregates) if c.name.upper() in _GROUPING]
        if rel.grouping_sets or grouping:
            if self._window_key(rel) is not None or window_tvf_group(rel) is not None:
                raise UnsupportedError(
                    "GROUPING SETS, ROLLUP, CUBE and GROUPING() on window aggregations are not "
                    "supported yet"
                )
            return self._grouping_sets(rel, grouping)
        window = self._window_key(rel)
        if window is not None:
            return self._window_aggregate(rel, *window)
        tvf = self._window_tvf_aggregate(rel)
        if tvf is not None:
            return tvf
        child = self.visit(rel.input)
        exchange = P.Exchange(child.fields, child, rel.group)
        return P.GroupAggregate(rel.fields, exchange, rel.group, rel.aggregates, batch=self.batch)

    def _grouping_sets(self, rel: L.Aggregate, grouping: list[int]) -> P.PhysNode:
        """GROUPING SETS as Flink plans them: an Expand repeats each row per set, a
        GroupAggregate groups by the keys and the expand id `$e`, and GROUPING() values are
        read off `$e` in the Calc on top."""
        child = self.visit(rel.input)
        n = len(rel.group)
        sets = rel.grouping_sets or (tuple(range(n)),)
        by_id = {sum(1 << (n - 1 - k) for k in range(n) if k not in s): s for s in sets}
        specs = sorted(by_id.items())
        real = tuple(c for i, c in enumerate(rel.aggregates) if i not in grouping)
        node: P.PhysNode = child
        group = tuple(range(n))
        if rel.grouping_sets:
            nulled = tuple((e, tuple(k for k in range(n) if k not in s)) for e, s in specs)
            fields = tuple(
                RowField(f.name, f.type.with_nullable(True)) if i < n else f
                for i, f in enumerate(child.fields)
            ) + (RowField("$e", T.bigint(False)),)
            node = P.Expand(fields, child, nulled)
            group += (len(child.fields),)
        agg_fields = tuple(node.fields[i] for i in group)
        agg_fields += tuple(RowField(c.alias, c.type) for c in real)
        agg = P.GroupAggregate(
            agg_fields, P.Exchange(node.fields, node, group), group, real, batch=self.batch
        )
        expand_id = InputRef(T.bigint(False), n) if rel.grouping_sets else None
        exprs: list[Rex] = [InputRef(agg_fields[i].type, i) for i in range(n)]
        position = len(group)
        for i, call in enumerate(rel.aggregates):
            if i in grouping:
                exprs.append(_grouping_value(call, specs, expand_id, n))
            else:
                exprs.append(InputRef(call.type, position))
                position += 1
        return self._make_calc(rel.fields, agg, tuple(exprs), None)

    # --- OVER: Top-N -----------------------------------------------------------------------

    # --- joins and set operations ----------------------------------------------------------

    @_RELS.register(L.Join)
    def _Join(self, rel: L.Join) -> P.PhysNode:
        snapshot = _renamed_input(rel.right)
        if isinstance(snapshot, L.Snapshot):
            return self._temporal_join(rel, snapshot)
        left = self.visit(rel.left)
        right = self.visit(rel.right)
        lkeys, rkeys, remainder = _join_keys(rel.condition, len(rel.left.fields))
        return P.Join(
            rel.fields,
            P.Exchange(left.fields, left, lkeys),
            P.Exchange(right.fields, right, rkeys),
            rel.kind,
            lkeys,
            rkeys,
            remainder,
            rel.condition,
        )

    def _temporal_join(self, rel: L.Join, snapshot: L.Snapshot) -> P.PhysNode:
        """`JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON keys`: Flink's event-time
        temporal join, checked as Flink checks it."""
        period = snapshot.period
        time_type = period.type
        if not isinstance(period, InputRef) or time_type.time_attribute is None:
            raise ValidationError(
                "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left "
                "table's time attribute field"
            )
        if time_type.time_attribute == "PROCTIME":
            raise UnsupportedError(
                "Processing-time temporal join is not supported yet. (flinklite has no lookup "
                "sources: FOR SYSTEM_TIME AS OF takes the left table's rowtime.)"
            )
        if rel.kind not in ("inner", "left"):
            raise ValidationError(
                f"Temporal table join currently only supports INNER JOIN and LEFT JOIN, but "
                f"was {rel.kind.upper()} JOIN"
            )
        left = self.visit(rel.left)
        right = self.visit(rel.right)
        lkeys, rkeys, remainder = _join_keys(rel.condition, len(rel.left.fields))
        if not lkeys:
            raise ValidationError("Currently the join key in Temporal Table Join can not be empty.")
        versioned = P.upsert_key(right)
        if versioned is None:
            raise ValidationError(
                "Temporal Table Join requires primary key in versioned table, but no primary "
                "key can be found."
            )
        if not set(versioned) <= set(rkeys):
            names = ", ".join(right.fields[i].name for i in versioned)
            raise ValidationError(
                f"Join key must be the same as temporal table's primary key in Event-time "
                f"temporal table join: the join condition must compare {names}"
            )
        right_time = next(
            (i for i, f in enumerate(right.fields) if f.type.time_attribute == "ROWTIME"), None
        )
        if right_time is None:
            raise ValidationError(
                "Event-Time Temporal Table Join requires both primary key and row time "
                "attribute in versioned table, but no row time attribute can be found."
            )
        return P.TemporalJoin(
            rel.fields,
            P.Exchange(left.fields, left, lkeys),
            P.Exchange(right.fields, right, rkeys),
            rel.kind,
            lkeys,
            rkeys,
            period.index,
            right_time,
            remainder,
            rel.condition,
        )

    @_RELS.register(L.SetOp)
    def _SetOp(self, rel: L.SetOp) -> P.PhysNode:
        children = tuple(self.visit(o) for o in rel.operands)
        if rel.kind != "Union":
            node: P.PhysNode = children[0]
            keys = tuple(range(len(rel.fields)))
            for right in children[1:]:
                node = P.SetOp(
                    rel.fields,
                    P.Exchange(node.fields, node, keys),
                    P.Exchange(right.fields, right, keys),
                    "intersect" if rel.kind == "Intersect" else "except",
                    rel.all,
                )
            return node
        union = P.Union(rel.fields, children)
        if rel.all:
            return union
        keys = tuple(range(len(rel.fields)))
        return P.GroupAggregate(
            rel.fields, P.Exchange(rel.fields, union, keys), keys, (), batch=self.batch
        )

    @_RELS.register(L.Sort)
    def _Sort(self, rel: L.Sort) -> P.PhysNode:
        child = self.visit(rel.input)
        offset = int_literal(rel.offset, "OFFSET") or 0
        fetch = int_literal(rel.fetch, "FETCH")
        order = rel.collation
        if self.batch:
            return P.Sort(
                rel.fields, P.Exchange(child.fields, child, ()), order, False, offset, fetch
            )
        if order and rel.fields[order[0][0]].type.time_attribute and not order[0][1]:
            if fetch is not None or offset:
                raise UnsupportedError("ORDER BY a time attribute with LIMIT is not supported yet")
            return P.Sort(rel.fields, P.Exchange(child.fields, child, ()), order, True)
        if not order:
            if fetch is None:
                return child
            return P.Limit(rel.fields, P.Exchange(child.fields, child, ()), offset, fetch)
        if fetch is None:
            raise ValidationError("Sort on a non-time-attribute field is not supported.")
        return P.Rank(
            rel.fields,
            P.Exchange(child.fields, child, ()),
            (),
            order,
            offset + 1,
            offset + fetch,
            "ROW_NUMBER",
            False,
        )

    # --- unsupported shapes with a clear word -----------------------------------------------

    @_RELS.register(L.Match)
    def _Match(self, rel: L.Match) -> P.PhysNode:
        child = self.visit(rel.input)
        return P.Match(rel.fields, P.Exchange(child.fields, child, rel.partition_keys), rel)

    @_RELS.register(L.Snapshot)
    def _Snapshot(self, rel: L.Snapshot) -> P.PhysNode:
        # A temporal table joined: its join took it over (_temporal_join); alone it is its table.
        return self.visit(rel.input)

    @_RELS.register(L.Correlate)
    def _Correlate(self, rel: L.Correlate) -> P.PhysNode:
        # `UNNEST(..) AS u(a, b)`: the aliases rename the function's columns.
        right = _renamed_input(rel.right)
        if not (isinstance(right, L.TableFunctionScan) and right.invocation == "UNNEST"):
            raise UnsupportedError("LATERAL TABLE is not supported by flinklite's engine yet")
        if rel.kind not in ("inner", "left"):
            raise UnsupportedError(f"{rel.kind.upper()} JOIN UNNEST is not supported")
        ordinality, *items = right.args
        left = self.visit(rel.left)
        return P.Correlate(rel.fields, left, tuple(items), bool(ordinality), rel.kind)


# The window planner's handler of table functions (window TVFs), defined in its mixin.
_RELS.register(L.TableFunctionScan)(WindowPlanning._TableFunctionScan)


# ---------------------------------------------------------------------------------------------


def _bounded(validated: ValidatedTable) -> bool:
    ident = validated.factory.identifier
    if ident in ("kafka", "upsert-kafka"):
        return "scan.bounded.mode" in validated.options and validated.options[
            "scan.bounded.mode"
        ] not in (None, "unbounded")
    if ident == "datagen":
        return "number-of-rows" in validated.options or any(
            k.endswith(".kind") and v == "sequence" for k, v in validated.options.items()
        )
    if ident == "flinklite-generator":
        return validated.options.get("number-of-rows") is not None
    return True


_GROUPING = ("GROUPING", "GROUPING_ID")


def _grouping_value(
    call: AggregateCall, specs: list[tuple[int, tuple[int, ...]]], expand_id: Rex | None, n: int
) -> Rex:
    """GROUPING(k) / GROUPING_ID(k1, .., km) per grouping set: a bit per argument, set when the
    set leaves that key out; a CASE over the expand id, as Flink computes it."""
    keys = [a.index for a in call.args if isinstance(a, InputRef)]

    def value(expand: int) -> int:
        bits = [(expand >> (n - 1 - k)) & 1 for k in keys]
        return sum(b << (len(bits) - 1 - j) for j, b in enumerate(bits))

    if expand_id is None:
        return Literal(T.bigint(False), 0)
    operands: list[Rex] = []
    for e, _ in specs[:-1]:
        test = Call(T.boolean(False), "=", (expand_id, Literal(T.bigint(False), e)))
        operands += [test, Literal(T.bigint(False), value(e))]
    operands.append(Literal(T.bigint(False), value(specs[-1][0])))
    return operands[0] if len(operands) == 1 else Call(T.bigint(False), "CASE", tuple(operands))


def _join_keys(condition: Rex, n: int) -> tuple[tuple[int, ...], tuple[int, ...], Rex | None]:
    """A join condition over left (n fields) + right as equi-key pairs and the rest."""
    lkeys: list[int] = []
    rkeys: list[int] = []
    remainder: Rex | None = None
    for c in conjunctions(condition):
        pair = _equi_pair(c, n)
        if pair is not None:
            lkeys.append(pair[0])
            rkeys.append(pair[1])
        elif not (isinstance(c, Literal) and c.value is True):
            remainder = c if remainder is None else and_(remainder, c)
    return tuple(lkeys), tuple(rkeys), remainder


def _renamed_input(rel: L.RelNode) -> L.RelNode:
    """`rel` under the projections that only rename its columns (`AS u(a, b)`)."""
    while isinstance(rel, L.Project) and all(
        isinstance(e, InputRef) and e.index == i for i, e in enumerate(rel.exprs)
    ):
        rel = rel.input
    return rel


def _equi_pair(c: Rex, n: int) -> tuple[int, int] | None:
    if not (isinstance(c, Call) and c.op == "=" and len(c.operands) == 2):
        return None
    a, b = c.operands
    if isinstance(a, InputRef) and isinstance(b, InputRef):
        if a.index < n <= b.index:
            return a.index, b.index - n
        if b.index < n <= a.index:
            return b.index, a.index - n
    return None


# ---------------------------------------------------------------------------------------------
# Projection push-down: a source reads (and decodes) only the fields the query uses.
