"""From a physical plan to a runnable Job, as Flink's ExecNodes translate into operators: each
plan node becomes an operator whose `out` is the operator above it, expressions are compiled
once here, and sources get their drivers.

This is where Flink would generate code; flinklite generates Python functions instead."""

from __future__ import annotations

import importlib
from typing import Any

from flinklite.dispatch import TypeDispatch
from flinklite.errors import UnsupportedError
from flinklite.expr.compiler import (
    CompileContext,
    compile_calc,
    compile_expression,
    compile_predicate,
    compile_projection,
)
from flinklite.planner import physical as P
from flinklite.planner.passes.changelog import describe
from flinklite.runtime.collect import ResultBuffer
from flinklite.runtime.connector import Source, Split
from flinklite.runtime.job import Job, SourceDriver, SplitWatermarks
from flinklite.runtime.operator import Operator, RuntimeContext, Stage
from flinklite.runtime.operators import basic
from flinklite.runtime.rows import Row, key_getter
from flinklite.runtime.watermarks import WatermarkGenerator

_NODES = TypeDispatch()


class GraphBuilder:
    def __init__(
        self, ctx: RuntimeContext, watermark_interval_ms: int, idle_timeout_ms: int = 0
    ) -> None:
        self.ctx = ctx
        self.cctx = CompileContext(
            local_time_zone=ctx.local_time_zone, batch=ctx.batch, now_ms=ctx.now_ms
        )
        self.interval = watermark_interval_ms
        self.idle_timeout = idle_timeout_ms
        self.drivers: list[SourceDriver] = []
        self.stages: list[Any] = []  # opened before the first row, closed after the last

    # --- entry -----------------------------------------------------------------------------

    def build_sinks(self, sinks: list[P.Sink], name: str) -> tuple[Job, list[ResultBuffer]]:
        buffers: list[ResultBuffer] = []
        for sink in sinks:
            if sink.spec is None:
                stage: Any = ResultBuffer()
                buffers.append(stage)
            else:
                stage = self._table_sink(sink.spec)
            self.stages.append(stage)
            self.connect(sink.input, stage)

        def finished(job: Job) -> None:
            for b in buffers:
                b.finish()

        job = Job(name, self.drivers, self.stages, self.ctx, on_end=finished)
        for b in buffers:
            b.job = job
        return job, buffers

    def _table_sink(self, spec: Any) -> Stage:
        from flinklite.connectors.registry import get_connector

        factory = get_connector(spec.connector)
        cls_path = factory.sink_class if factory is not None else ""
        return _instantiate(cls_path, spec, "sink")

    # --- nodes -----------------------------------------------------------------------------

    def connect(self, node: P.PhysNode, out: Stage) -> None:
        """Builds `node` so that it pushes into `out`, then its inputs."""
        method = _NODES.find(type(node))
        if method is None:
            raise UnsupportedError(f"{node.name} is not supported by flinklite's engine yet")
        method(self, node, out)

    def _op(
        self, op: Operator, out: Stage, node: P.PhysNode, sides: list[Stage] | None = None
    ) -> None:
        """`op` runs `node`, pushing into `out`; its inputs push into it (or into `sides`, the
        input adapters of a multi-input operator). The node's text is the operator's digest,
        which a checkpoint keeps so that it is restored only into the same plan."""
        op.out = out
        op.digest = describe(node)
        self.stages.append(op)
        for child, target in zip(node.inputs, sides or [op] * len(node.inputs), strict=True):
            self.connect(child, target)

    def _final_rows_in_batch(self, out: Stage) -> Stage:
        """In batch mode, a stage before `out` that passes on only the final rows (for
        operators that refine their output as input arrives: outer joins, set operations)."""
        if not self.ctx.batch:
            return out
        final = basic.FinalRows()
        final.out = out
        self.stages.append(final)
        return final

    @_NODES.register(P.Exchange)
    def _Exchange(self, node: P.Exchange, out: Stage) -> None:
        self.connect(node.input, out)  # one task: redistribution is a no-op

    @_NODES.register(P.Sink)
    def _Sink(self, node: P.Sink, out: Stage) -> None:
        self.connect(node.input, out)

    @_NODES.register(P.TableSourceScan)
    def _TableSourceScan(self, node: P.TableSourceScan, out: Stage) -> None:
        from flinklite.connectors.registry import get_connector

        factory = get_connector(node.spec.connector)
        source = _instantiate(factory.source_class if factory else "", node.spec, "source")
        watermarks = None
        if node.watermark is not None:
            fn = compile_expression(node.watermark, node.fields, self.cctx)
            watermarks = SplitWatermarks(
                WatermarkGenerator(fn, node.rowtime_index, self.interval), self.idle_timeout
            )
        self.drivers.append(SourceDriver(source, out, watermarks=watermarks))

    @_NODES.register(P.Values)
    def _Values(self, node: P.Values, out: Stage) -> None:
        self.drivers.append(SourceDriver(_ValuesSource(list(node.rows)), out))

    @_NODES.register(P.Calc)
    def _Calc(self, node: P.Calc, out: Stage) -> None:
        fields = node.input.fields
        batch_fn = compile_calc(node.projection, node.condition, fields, self.cctx)
        project = (
            compile_projection(node.projection, fields, self.cctx)
            if node.projection is not None
            else None
        )
        keep = (
            compile_predicate(node.condition, fields, self.cctx)
            if node.condition is not None
            else None
        )

        def row_fn(row: Row) -> Row | None:
            if keep is not None and not keep(row):
                return None
            return project(row) if project is not None else row

        self._op(basic.Calc(batch_fn, row_fn), out, node)

    @_NODES.register(P.Expand)
    def _Expand(self, node: P.Expand, out: Stage) -> None:
        self._op(basic.Expand(list(node.sets)), out, node)

    @_NODES.register(P.Correlate)
    def _Correlate(self, node: P.Correlate, out: Stage) -> None:
        fields = node.input.fields
        items, expanders, widths = [], [], []
        for rex in node.items:
            items.append(compile_expression(rex, fields, self.cctx))
            t = rex.type
            element = t.elements[0] if t.root != "MAP" else None
            row_width = (
                len(element.fields) if element is not None and element.root == "ROW" else None
            )
            expanders.append(basic.expander(t.root, row_width))
            widths.append(2 if t.root == "MAP" else (row_width or 1))
        op = basic.Correlate(items, expanders, widths, node.ordinality, node.kind == "left")
        self._op(op, out, node)

    @_NODES.register(P.WatermarkAssigner)
    def _WatermarkAssigner(self, node: P.WatermarkAssigner, out: Stage) -> None:
        fn = compile_expression(node.watermark, node.input.fields, self.cctx)
        self._op(basic.WatermarkAssigner(node.rowtime_index, fn, self.interval), out, node)

    @_NODES.register(P.Union)
    def _Union(self, node: P.Union, out: Stage) -> None:
        op = basic.Union(len(node.operands))
        self._op(op, out, node, [op.side(i) for i in range(len(node.operands))])

    @_NODES.register(P.GroupAggregate)
    def _GroupAggregate(self, node: P.GroupAggregate, out: Stage) -> None:
        from flinklite.expr.aggregates import compile_aggregates
        from flinklite.runtime.operators.group_aggregate import GroupAggregate

        # Insert-only input lets Flink pick accumulators without retraction support (cheaper).
        aggs = compile_aggregates(
            node.aggregates,
            node.input.fields,
            retraction=not node.input.insert_only,
            ignore_retract=node.ignore_retract,
        )
        op = GroupAggregate(
            node.keys,
            aggs,
            generate_update_before="-U" in node.changelog,
            batch=node.batch,
        )
        self._op(op, out, node)

    @_NODES.register(P.WindowAggregate)
    def _WindowAggregate(self, node: P.WindowAggregate, out: Stage) -> None:
        from flinklite.expr.aggregates import compile_aggregates
        from flinklite.runtime import windows
        from flinklite.runtime.operators.window_aggregate import (
            GroupWindowAggregate,
            WindowAggregate,
        )

        w = node.window
        spec = windows.WindowSpec(w.kind, w.size_ms, w.slide_ms, w.gap_ms, w.offset_ms)
        aggs = compile_aggregates(
            node.aggregates, node.input.fields, retraction=not node.input.insert_only
        )
        time_type = node.input.fields[w.time_index].type
        cls = GroupWindowAggregate if node.legacy else WindowAggregate
        op = cls(
            node.keys,
            aggs,
            spec,
            w.time_index,
            properties=node.properties,
            proctime=not w.rowtime,
            ltz=time_type.root == "TIMESTAMP_LTZ",
            window_start_index=w.start_index,
            window_end_index=w.time_index if w.start_index is not None else None,
        )
        self._op(op, out, node)

    @_NODES.register(P.WindowTableFunction)
    def _WindowTableFunction(self, node: P.WindowTableFunction, out: Stage) -> None:
        from flinklite.runtime import windows

        w = node.window
        spec = windows.WindowSpec(w.kind, w.size_ms, w.slide_ms, w.gap_ms, w.offset_ms)
        self._op(basic.WindowTableFunction(windows.assigner(spec), w.time_index), out, node)

    @_NODES.register(P.Join)
    def _Join(self, node: P.Join, out: Stage) -> None:
        from flinklite.runtime.operators.join import Join

        left_keys, right_keys = node.left_keys, node.right_keys
        cond = None
        if node.condition is not None:
            cond = compile_predicate(
                node.condition, node.left.fields + node.right.fields, self.cctx
            )
        op = Join(
            node.kind,
            key_getter(left_keys),
            key_getter(right_keys),
            cond,
            len(node.left.fields),
            len(node.right.fields),
            batch=self.ctx.batch,
        )
        if node.kind != "inner":
            out = self._final_rows_in_batch(out)
        self._op(op, out, node, [op.side(0), op.side(1)])

    @_NODES.register(P.TemporalJoin)
    def _TemporalJoin(self, node: P.TemporalJoin, out: Stage) -> None:
        from flinklite.runtime.operators.temporal_join import TemporalJoin

        cond = None
        if node.condition is not None:
            cond = compile_predicate(
                node.condition, node.left.fields + node.right.fields, self.cctx
            )
        op = TemporalJoin(
            node.kind,
            key_getter(node.left_keys),
            key_getter(node.right_keys),
            node.left_time,
            node.right_time,
            cond,
            len(node.right.fields),
        )
        self._op(op, out, node, [op.side(0), op.side(1)])

    @_NODES.register(P.Rank)
    def _Rank(self, node: P.Rank, out: Stage) -> None:
        from flinklite.runtime.operators.rank import Rank

        if node.window_end_index is not None:
            from flinklite.runtime.operators.window_rank import WindowRank

            op = WindowRank(
                key_getter(node.partition),
                _sort_fields(node.order),
                node.rank_start,
                node.rank_end,
                node.window_end_index,
                output_rank_number=node.output_rank,
            )
            return self._op(op, out, node)
        if not node.partition and not node.order:
            return self._limit(node.rank_start - 1, node.rank_end - node.rank_start + 1, node, out)
        op = Rank(
            key_getter(node.partition),
            _sort_fields(node.order),
            node.rank_end,
            node.rank_start,
            output_rank_number=node.output_rank,
            kind=node.function,
            updating_input=not node.input.insert_only,
            generate_update_before="-U" in node.changelog,
            batch=self.ctx.batch,
        )
        self._op(op, out, node)

    @_NODES.register(P.OverAggregate)
    def _OverAggregate(self, node: P.OverAggregate, out: Stage) -> None:
        from flinklite.expr.aggregates import compile_aggregates
        from flinklite.runtime.operators.over_aggregate import OverAggregate

        # Flink's planner computes AVG over a window as SUM / COUNT (the sum in its input type).
        aggs = compile_aggregates(node.aggregates, node.input.fields, reduce_avg=True)
        op = OverAggregate(
            key_getter(node.partition),
            node.time_index,
            aggs,
            node.frame,
            rowtime=node.rowtime,
            batch=self.ctx.batch,
        )
        self._op(op, out, node)

    @_NODES.register(P.Deduplicate)
    def _Deduplicate(self, node: P.Deduplicate, out: Stage) -> None:
        from flinklite.runtime.operators.rank import Deduplicate

        op = Deduplicate(
            key_getter(node.keys),
            "last" if node.keep_last else "first",
            node.time_index,
            node.rowtime,
            generate_update_before="-U" in node.changelog,
            batch=self.ctx.batch,
        )
        self._op(op, out, node)

    @_NODES.register(P.Limit)
    def _Limit(self, node: P.Limit, out: Stage) -> None:
        self._limit(node.offset, node.fetch, node, out)

    def _limit(self, offset: int, fetch: int | None, node: P.PhysNode, out: Stage) -> None:
        from flinklite.runtime.operators.rank import Limit

        op = Limit(
            fetch if fetch is not None else 2**62,
            offset,
            updating_input=not node.inputs[0].insert_only,
            generate_update_before="-U" in node.changelog,
            batch=self.ctx.batch,
        )
        self._op(op, out, node)

    @_NODES.register(P.Sort)
    def _Sort(self, node: P.Sort, out: Stage) -> None:
        from flinklite.runtime.operators import sort

        fields = _sort_fields(node.order)
        if node.temporal:
            time_index = node.order[0][0]
            rowtime = node.fields[time_index].type.time_attribute != "PROCTIME"
            op: Operator = sort.TemporalSort(time_index, rowtime, fields)
        else:
            op = sort.Sort(fields, node.fetch, node.offset)
        self._op(op, out, node)

    @_NODES.register(P.ChangelogNormalize)
    def _ChangelogNormalize(self, node: P.ChangelogNormalize, out: Stage) -> None:
        from flinklite.runtime.operators.changelog import ChangelogNormalize

        op = ChangelogNormalize(key_getter(node.key), generate_update_before="-U" in node.changelog)
        self._op(op, out, node)

    @_NODES.register(P.SinkUpsertMaterializer)
    def _SinkUpsertMaterializer(self, node: P.SinkUpsertMaterializer, out: Stage) -> None:
        from flinklite.runtime.operators.changelog import SinkUpsertMaterializer

        self._op(SinkUpsertMaterializer(key_getter(node.key), len(node.fields)), out, node)

    @_NODES.register(P.SetOp)
    def _SetOp(self, node: P.SetOp, out: Stage) -> None:
        from flinklite.runtime.operators.setop import SetOp

        op = SetOp(node.kind, node.all)
        self._op(op, self._final_rows_in_batch(out), node, [op.side(0), op.side(1)])

    @_NODES.register(P.Match)
    def _Match(self, node: P.Match, out: Stage) -> None:
        from flinklite.cep.operator import create_match_operator

        op = create_match_operator(
            node.logical,
            node.input.fields,
            batch=self.ctx.batch,
            compile_ctx=self.cctx,
            flink_compatible=flink_compatible(self.ctx.config),
        )
        self._op(op, out, node)


def flink_compatible(config: dict) -> bool:
    """`SET 'flinklite.flink-compatible' = 'true'`: Flink's restrictions instead of extensions."""
    return str(config.get("flinklite.flink-compatible", "false")).strip().lower() == "true"


def _sort_fields(order: tuple[tuple[int, bool, bool], ...]) -> list[tuple[int, bool, bool]]:
    """Plan order (index, descending, nulls_first) as the operators take it: (index,
    ascending, nulls_last)."""
    return [(i, not desc, not nulls_first) for i, desc, nulls_first in order]


def _instantiate(path: str, spec: Any, what: str) -> Any:
    if not path:
        raise UnsupportedError(f"Table '{spec.table_name}' cannot be used as a {what} yet")
    module, _, cls = path.rpartition(".")
    try:
        factory = getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError):
        raise UnsupportedError(
            f"The connector of table '{spec.table_name}' has no {what} runtime yet"
        ) from None
    return factory(spec)


class _ValuesSource(Source):
    bounded = True

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def splits(self) -> list[Split]:
        return [_ListSplit(self.rows)]


class _ListSplit(Split):
    name = "values"

    def __init__(self, rows: list[Row]) -> None:
        self.rows: list[Row] | None = rows

    def poll(self) -> list[Row] | None:
        rows, self.rows = self.rows, None
        return rows


def build_job(
    sinks: list[P.Sink],
    ctx: RuntimeContext,
    *,
    name: str,
    watermark_interval_ms: int = 200,
    idle_timeout_ms: int = 0,
) -> tuple[Job, list[ResultBuffer]]:
    return GraphBuilder(ctx, watermark_interval_ms, idle_timeout_ms).build_sinks(sinks, name)
