"""From the logical plan to the physical one: Calc merging, join key extraction, window and Top-N
recognition, and the changelog each operator produces (Flink's changelog-mode inference).

`optimize(root, batch=...)` is the entry point; sink compatibility lives in planner.changelog."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr.rex import (
    AggregateCall,
    Call,
    InputRef,
    Literal,
    OverCall,
    Rex,
    conjunctions,
    contains_over,
    input_indices,
    substitute,
)
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.monotonicity import monotonicity, retract_not_needed
from flinklite.runtime.connector import ScanSpec

KIND_SHORT = {"INSERT": "+I", "UPDATE_BEFORE": "-U", "UPDATE_AFTER": "+U", "DELETE": "-D"}
WINDOW_KEYS = {"$TUMBLE": "TUMBLE", "$HOP": "HOP", "$SESSION": "SESSION"}
WINDOW_TVFS = ("TUMBLE", "HOP", "CUMULATE", "SESSION")


def merge_changelogs(*modes: tuple[str, ...]) -> tuple[str, ...]:
    kinds = {k for m in modes for k in m}
    return tuple(k for k in P.RETRACT if k in kinds)


def updating(mode: tuple[str, ...]) -> tuple[str, ...]:
    """What a stateful operator emits for a given input: updates, and deletes if the input
    can retract."""
    if mode == P.INSERT_ONLY:
        return ("+I", "-U", "+U")
    return P.RETRACT


@dataclass(slots=True)
class Planner:
    batch: bool = False
    rank_unused: set[int] = dataclasses.field(default_factory=set)  # ids of Top-N filters

    # --- entry -----------------------------------------------------------------------------

    def optimize(self, rel: L.RelNode) -> P.PhysNode:
        return push_projections(self.visit(rel))

    def visit(self, rel: L.RelNode) -> P.PhysNode:
        method = getattr(self, "_" + type(rel).__name__, None)
        if method is None:
            raise UnsupportedError(f"{rel.name} is not supported by flinklite's engine yet")
        return method(rel)

    # --- sources ---------------------------------------------------------------------------

    def _TableScan(self, rel: L.TableScan) -> P.PhysNode:
        from flinklite.catalog.schema import MetadataColumn, PhysicalColumn
        from flinklite.planner.scan import validate_connector

        table = rel.table
        validated = validate_connector(table, "source")
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
            return P.ChangelogNormalize(
                rel.fields,
                P.Exchange(rel.fields, scan, key, changelog=mode),
                key,
                changelog=P.RETRACT,
            )
        return scan

    def _Values(self, rel: L.Values) -> P.PhysNode:
        from flinklite.expr.compiler import compile_expression

        rows = tuple(
            tuple(v.value if isinstance(v, Literal) else compile_expression(v, ())(()) for v in row)
            for row in rel.rows
        )
        return P.Values(rel.fields, rows)

    # --- stateless -------------------------------------------------------------------------

    def _WatermarkAssigner(self, rel: L.WatermarkAssigner) -> P.PhysNode:
        child = self.visit(rel.input)
        if self.batch:
            return child
        pushed = _push_watermark(child, rel.rowtime_index, rel.watermark)
        if pushed is not None:
            return pushed
        return P.WatermarkAssigner(
            rel.fields, child, rel.rowtime_index, rel.watermark, changelog=child.changelog
        )

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
        window = _window_props(input_rel)
        if window is not None:
            exprs = exprs and tuple(_rewrite_aux(e, *window) for e in exprs)
            condition = condition and _rewrite_aux(condition, *window)
        if isinstance(child, P.Calc):  # merge, as Flink's CalcMergeRule does
            inner = child.projection or tuple(
                InputRef(f.type, i) for i, f in enumerate(child.input.fields)
            )
            cond = child.condition
            if condition is not None:
                moved = substitute(condition, inner)
                cond = moved if cond is None else _and(cond, moved)
            proj = (
                tuple(substitute(e, inner) for e in exprs)
                if exprs is not None
                else child.projection
            )
            return self._make_calc(fields, child.input, proj, cond)
        return self._make_calc(fields, child, exprs, condition)

    def _make_calc(self, fields, child, exprs, condition) -> P.PhysNode:
        if exprs is not None and len(exprs) == len(child.fields):
            if all(isinstance(e, InputRef) and e.index == i for i, e in enumerate(exprs)):
                exprs = None
        if exprs is None and condition is None:
            return child
        out_fields = fields if exprs is not None else child.fields
        return P.Calc(out_fields, child, exprs, condition, changelog=child.changelog)

    # --- aggregation -----------------------------------------------------------------------

    def _Aggregate(self, rel: L.Aggregate) -> P.PhysNode:
        if rel.grouping_sets:
            raise UnsupportedError("GROUPING SETS, ROLLUP and CUBE are not supported yet")
        window = self._window_key(rel)
        if window is not None:
            return self._window_aggregate(rel, *window)
        tvf = self._window_tvf_aggregate(rel)
        if tvf is not None:
            return tvf
        child = self.visit(rel.input)
        exchange = P.Exchange(child.fields, child, rel.group, changelog=child.changelog)
        mode = P.INSERT_ONLY if self.batch else updating(child.changelog)
        ignore: tuple[bool, ...] = ()
        if not child.insert_only:
            moves = monotonicity(child)
            ignore = tuple(retract_not_needed(a, moves) for a in rel.aggregates)
        return P.GroupAggregate(
            rel.fields,
            exchange,
            rel.group,
            rel.aggregates,
            batch=self.batch,
            ignore_retract=ignore,
            changelog=mode,
        )

    def _window_key(self, rel: L.Aggregate) -> tuple[int, Call] | None:
        inner = rel.input
        if not isinstance(inner, L.Project):
            return None
        for k in rel.group:
            e = inner.exprs[k]
            if isinstance(e, Call) and e.op in WINDOW_KEYS:
                return k, e
        return None

    def _window_aggregate(self, rel: L.Aggregate, slot: int, call: Call) -> P.PhysNode:
        """GROUP BY TUMBLE(ts, ..): the window call's slot feeds the time field itself; the
        output keeps the logical layout with the window start in the slot, and appends end,
        rowtime and proctime for TUMBLE_END/_ROWTIME/_PROCTIME (see _rewrite_aux)."""
        project: L.Project = rel.input  # type: ignore[assignment]
        time_rex = call.operands[0]
        exprs = list(project.exprs)
        exprs[slot] = time_rex
        fields = list(project.fields)
        fields[slot] = RowField(fields[slot].name, time_rex.type)
        # Flink 2.3 accepts updating input here: retractions leave a window before it fires.
        child = self._calc(tuple(fields), project.input, tuple(exprs), None)
        sizes = [_interval_ms(o) for o in call.operands[1:]]
        kind = WINDOW_KEYS[call.op]
        rowtime = time_rex.type.time_attribute != "PROCTIME"
        if kind == "TUMBLE":
            spec = P.WindowSpec(kind, slot, size_ms=sizes[0], rowtime=rowtime)
        elif kind == "HOP":
            spec = P.WindowSpec(kind, slot, size_ms=sizes[1], slide_ms=sizes[0], rowtime=rowtime)
        else:
            spec = P.WindowSpec(kind, slot, gap_ms=sizes[0], rowtime=rowtime)
        _check_session_aggregates(kind, rel.aggregates)
        keys = tuple(k for k in rel.group if k != slot)
        ts3 = T.timestamp(3, False)
        props = ("start", "end", "rowtime", "proctime")
        prop_fields = (
            RowField("w$start", ts3),
            RowField("w$end", ts3),
            RowField("w$rowtime", ts3.as_time_attribute("ROWTIME")),
            RowField("w$proctime", T.timestamp_ltz(3, False).as_time_attribute("PROCTIME")),
        )
        agg_fields = tuple(child.fields[k] for k in keys) + rel.fields[len(rel.group) :]
        exchange = P.Exchange(child.fields, child, keys)
        agg = P.WindowAggregate(
            agg_fields + prop_fields, exchange, keys, spec, rel.aggregates, props, legacy=True
        )
        # Back to the logical layout (group fields, aggregates), then end/rowtime/proctime.
        width = len(rel.group) + len(rel.aggregates)
        n_keys = len(keys)
        restore: list[Rex] = []
        key_iter = iter(range(n_keys))
        for k in rel.group:
            if k == slot:
                restore.append(InputRef(ts3, width))  # start
            else:
                i = next(key_iter)
                restore.append(InputRef(agg_fields[i].type, i))
        for i, f in enumerate(rel.fields[len(rel.group) :]):
            restore.append(InputRef(f.type, n_keys + i))
        restore = [
            (InputRef(ts3, n_keys + len(rel.aggregates)) if r.index == width else r)
            for r in restore
        ]
        base = n_keys + len(rel.aggregates)
        restore += [InputRef(prop_fields[j].type, base + j) for j in (1, 2, 3)]
        out_fields = list(rel.fields) + [prop_fields[1], prop_fields[2], prop_fields[3]]
        out_fields[slot] = RowField(rel.fields[slot].name, ts3)
        return P.Calc(tuple(out_fields), agg, tuple(restore))

    def _window_tvf_aggregate(self, rel: L.Aggregate) -> P.PhysNode | None:
        """GROUP BY window_start, window_end over TABLE(TUMBLE(..)): the window TVF assigns
        windows, and the aggregate fires each window when the watermark passes its end."""
        project = rel.input
        tvf = project.input if isinstance(project, L.Project) else project
        if not (isinstance(tvf, L.TableFunctionScan) and _tvf_kind(tvf) in WINDOW_TVFS):
            return None
        width = len(tvf.operands[0].fields)

        def source_of(k: int) -> int | None:
            if isinstance(project, L.Project):
                e = project.exprs[k]
                return e.index if isinstance(e, InputRef) else None
            return k

        group_src = {source_of(k) for k in rel.group}
        if width not in group_src or width + 1 not in group_src:
            return None
        if _tvf_kind(tvf) == "SESSION":
            return self._session_tvf_aggregate(rel, tvf, source_of)
        child = self.visit(tvf)
        if isinstance(project, L.Project):
            child = self._make_calc(project.fields, child, project.exprs, None)
        start_slot = next(k for k in rel.group if source_of(k) == width)
        end_slot = next(k for k in rel.group if source_of(k) == width + 1)
        kind = _tvf_kind(tvf)
        _check_session_aggregates(kind, rel.aggregates)
        spec = _tvf_spec(tvf, kind)
        spec = dataclasses.replace(spec, time_index=end_slot, start_index=start_slot)
        exchange = P.Exchange(child.fields, child, rel.group, changelog=child.changelog)
        return P.WindowAggregate(
            rel.fields, exchange, rel.group, spec, rel.aggregates, (), legacy=False
        )

    def _session_tvf_aggregate(self, rel: L.Aggregate, tvf: L.TableFunctionScan, source_of):
        """Sessions merge, so rows cannot carry their window: the aggregate assigns sessions
        itself from the time column (keyed by the other group keys), then the logical layout
        is restored with window_start / window_end from the fired session."""
        _check_session_aggregates("SESSION", rel.aggregates)
        width = len(tvf.operands[0].fields)
        spec = _tvf_spec(tvf, "SESSION")
        child = self.visit(tvf.operands[0])
        project = rel.input
        exprs = (
            list(project.exprs)
            if isinstance(project, L.Project)
            else [InputRef(f.type, i) for i, f in enumerate(tvf.fields)]
        )
        fields = list(project.fields if isinstance(project, L.Project) else tvf.fields)
        time_field = tvf.operands[0].fields[spec.time_index]
        ts3 = T.timestamp(3, False)
        for i, e in enumerate(exprs):
            if any(j >= width for j in input_indices(e)):
                # window columns are filled in after the aggregate; a placeholder meanwhile
                exprs[i] = Literal(ts3, 0)
                fields[i] = RowField(fields[i].name, ts3)
        exprs.append(InputRef(time_field.type, spec.time_index))
        fields.append(RowField("$time", time_field.type))
        calc = self._make_calc(tuple(fields), child, tuple(exprs), None)
        windows = {k for k in rel.group if (source_of(k) or 0) >= width}
        keys = tuple(k for k in rel.group if k not in windows)
        spec = dataclasses.replace(spec, time_index=len(exprs) - 1)
        agg_fields = (
            tuple(calc.fields[k] for k in keys)
            + rel.fields[len(rel.group) :]
            + (RowField("w$start", ts3), RowField("w$end", ts3))
        )
        agg = P.WindowAggregate(
            agg_fields,
            P.Exchange(calc.fields, calc, keys),
            keys,
            spec,
            rel.aggregates,
            ("start", "end"),
            legacy=False,
        )
        n_keys, n_aggs = len(keys), len(rel.aggregates)
        restore: list[Rex] = []
        for k in rel.group:
            src = source_of(k)
            if src == width:
                restore.append(InputRef(ts3, n_keys + n_aggs))
            elif src == width + 1:
                restore.append(InputRef(ts3, n_keys + n_aggs + 1))
            else:
                restore.append(InputRef(agg_fields[keys.index(k)].type, keys.index(k)))
        restore += [
            InputRef(f.type, n_keys + i) for i, f in enumerate(rel.fields[len(rel.group) :])
        ]
        return P.Calc(rel.fields, agg, tuple(restore))

    def _TableFunctionScan(self, rel: L.TableFunctionScan) -> P.PhysNode:
        kind = _tvf_kind(rel)
        if kind not in WINDOW_TVFS or len(rel.operands) != 1:
            raise UnsupportedError(f"Table function {rel.invocation} is not supported yet")
        child = self.visit(rel.operands[0])
        if not child.insert_only:
            raise ValidationError(
                "StreamPhysicalWindowTableFunction doesn't support consuming update and delete "
                f"changes which is produced by node {_describe(child)}"
            )
        spec = _tvf_spec(rel, kind)
        return P.WindowTableFunction(rel.fields, child, spec)

    # --- OVER: Top-N -----------------------------------------------------------------------

    def _over(self, project: L.Project, filt: L.Filter | None) -> P.PhysNode:
        overs = [(i, e) for i, e in enumerate(project.exprs) if isinstance(e, OverCall)]
        if not any(e.op in RANKING for _, e in overs):
            node = self._over_aggregate(project)
            return (
                node if filt is None else self._make_calc(node.fields, node, None, filt.condition)
            )
        if len(overs) != 1:
            raise UnsupportedError("ROW_NUMBER() with other OVER functions is not supported yet")
        slot, over = overs[0]
        if over.op != "ROW_NUMBER" and not self.batch:
            raise UnsupportedError(f"{over.op}() on streaming table is not supported currently")
        bound = _rank_bound(filt.condition, slot) if filt is not None else None
        if bound is None:
            raise UnsupportedError(
                f"{over.op}() is only supported with a filter on its result (Top-N), "
                "e.g. WHERE rn <= 3"
            )
        start, end, rest = bound
        others = [e for i, e in enumerate(project.exprs) if i != slot]
        if not all(isinstance(e, InputRef) for e in others) or rest is not None:
            raise UnsupportedError("this Top-N shape is not supported yet")
        child = self.visit(project.input)
        partition = tuple(k.index for k in over.partition_keys)  # type: ignore[union-attr]
        order = tuple((k.index, d, n) for k, d, n in over.order_keys)  # type: ignore[union-attr]
        output_rank = filt is None or id(filt) not in self.rank_unused
        rank_type = project.fields[slot].type
        exchange = P.Exchange(child.fields, child, partition)
        time_order = len(order) == 1 and child.fields[order[0][0]].type.time_attribute is not None
        node: P.PhysNode
        if not output_rank and (start, end) == (1, 1) and time_order and over.op == "ROW_NUMBER":
            keep_last = order[0][1]
            rowtime = child.fields[order[0][0]].type.time_attribute != "PROCTIME"
            mode = P.INSERT_ONLY
            if keep_last and not self.batch:
                mode = updating(child.changelog)
            node = P.Deduplicate(
                child.fields, exchange, partition, order[0][0], keep_last, rowtime, changelog=mode
            )
        else:
            # After a window aggregate partitioned by window end: a Window Top-N, final once
            # per window (insert-only); otherwise updates as rows enter and leave the top.
            end_index = _window_end_partition(child, partition)
            windowed = end_index is not None or self.batch
            node = P.Rank(
                child.fields + ((project.fields[slot],) if output_rank else ()),
                exchange,
                partition,
                order,
                start,
                end,
                over.op,
                output_rank,
                window_end_index=end_index,
                changelog=P.INSERT_ONLY if windowed else updating(child.changelog),
            )
        rank_ref = InputRef(rank_type, len(child.fields)) if output_rank else Literal(rank_type, 0)
        exprs = tuple(rank_ref if i == slot else e for i, e in enumerate(project.exprs))
        return self._make_calc(project.fields, node, exprs, None)

    def _over_aggregate(self, project: L.Project) -> P.PhysNode:
        """Aggregates over windows: one OverAggregate per distinct window, each appending its
        values to the row; the projection then picks them up."""
        child = self.visit(project.input)
        if not child.insert_only:
            raise ValidationError(
                "OverAggregate doesn't support consuming update and delete changes which is "
                f"produced by node {_describe(child)}"
            )
        exprs = list(project.exprs)
        fields = list(child.fields)
        pre: list[Rex] = [InputRef(f.type, i) for i, f in enumerate(child.fields)]
        windows: dict[tuple, list[tuple[int, OverCall]]] = {}
        for i, e in enumerate(exprs):
            if isinstance(e, OverCall):
                window = (e.partition_keys, e.order_keys, e.frame_units, e.lower, e.upper)
                windows.setdefault(window, []).append((i, e))
            elif contains_over(e):
                raise UnsupportedError(
                    "an expression around an OVER aggregate is not supported yet"
                )
        calls: list[tuple[tuple, list[tuple[int, AggregateCall]]]] = []
        for window, members in windows.items():
            agg_calls = []
            for i, over in members:
                args = []
                for a in over.operands:
                    if not isinstance(a, InputRef):
                        pre.append(a)
                        fields.append(RowField(f"$f{len(fields)}", a.type))
                        a = InputRef(a.type, len(pre) - 1)
                    args.append(a)
                call = AggregateCall(over.op, tuple(args), over.type, f"w$o{i}", over.distinct)
                agg_calls.append((i, call))
            calls.append((window, agg_calls))
        node: P.PhysNode = self._make_calc(tuple(fields), child, tuple(pre), None)
        replaced: dict[int, Rex] = {}
        for (partition, order, units, lower, _upper), agg_calls in calls:
            if not order or not all(isinstance(k, InputRef) for k, _, _ in order):
                raise UnsupportedError("OVER windows need an ORDER BY on a column")
            time_ref = order[0][0]
            time_type = node.fields[time_ref.index].type
            if not self.batch and (len(order) != 1 or not time_type.time_attribute or order[0][1]):
                raise ValidationError(
                    "OVER windows' ordering in stream mode must be defined on a time attribute."
                )
            frame = _over_frame(units, lower)
            out_fields = node.fields + tuple(RowField(f"w$o{i}", c.type) for i, c in agg_calls)
            width = len(node.fields)
            node = P.OverAggregate(
                out_fields,
                P.Exchange(node.fields, node, tuple(k.index for k in partition)),
                tuple(k.index for k in partition),
                time_ref.index,
                frame,
                tuple(c for _, c in agg_calls),
                time_type.time_attribute != "PROCTIME",
            )
            for j, (i, c) in enumerate(agg_calls):
                replaced[i] = InputRef(c.type, width + j)
        final = tuple(replaced.get(i, e) for i, e in enumerate(exprs))
        return self._make_calc(project.fields, node, final, None)

    # --- joins and set operations ----------------------------------------------------------

    def _Join(self, rel: L.Join) -> P.PhysNode:
        left = self.visit(rel.left)
        right = self.visit(rel.right)
        n = len(rel.left.fields)
        lkeys: list[int] = []
        rkeys: list[int] = []
        rest: list[Rex] = []
        for c in conjunctions(rel.condition):
            pair = _equi_pair(c, n)
            if pair is None:
                rest.append(c)
            else:
                lkeys.append(pair[0])
                rkeys.append(pair[1])
        remainder = None
        for c in rest:
            if isinstance(c, Literal) and c.value is True:
                continue
            remainder = c if remainder is None else _and(remainder, c)
        if self.batch:
            mode = P.INSERT_ONLY
        elif rel.kind == "inner":
            mode = merge_changelogs(left.changelog, right.changelog)
            if mode != P.INSERT_ONLY:
                mode = P.RETRACT
        else:
            mode = P.RETRACT
        return P.Join(
            rel.fields,
            P.Exchange(left.fields, left, tuple(lkeys), changelog=left.changelog),
            P.Exchange(right.fields, right, tuple(rkeys), changelog=right.changelog),
            rel.kind,
            tuple(lkeys),
            tuple(rkeys),
            remainder,
            rel.condition,
            changelog=mode,
        )

    def _SetOp(self, rel: L.SetOp) -> P.PhysNode:
        children = tuple(self.visit(o) for o in rel.operands)
        if rel.kind != "Union":
            node: P.PhysNode = children[0]
            keys = tuple(range(len(rel.fields)))
            for right in children[1:]:
                node = P.SetOp(
                    rel.fields,
                    P.Exchange(node.fields, node, keys, changelog=node.changelog),
                    P.Exchange(right.fields, right, keys, changelog=right.changelog),
                    "intersect" if rel.kind == "Intersect" else "except",
                    rel.all,
                    changelog=P.INSERT_ONLY if self.batch else ("+I", "-D"),
                )
            return node
        union = P.Union(
            rel.fields, children, changelog=merge_changelogs(*(c.changelog for c in children))
        )
        if rel.all:
            return union
        keys = tuple(range(len(rel.fields)))
        mode = P.INSERT_ONLY if self.batch else updating(union.changelog)
        return P.GroupAggregate(
            rel.fields,
            P.Exchange(rel.fields, union, keys),
            keys,
            (),
            batch=self.batch,
            changelog=mode,
        )

    def _Sort(self, rel: L.Sort) -> P.PhysNode:
        child = self.visit(rel.input)
        offset = _int_literal(rel.offset, "OFFSET") or 0
        fetch = _int_literal(rel.fetch, "FETCH")
        order = rel.collation
        if self.batch:
            return P.Sort(
                rel.fields, P.Exchange(child.fields, child, ()), order, False, offset, fetch
            )
        if order and rel.fields[order[0][0]].type.time_attribute and not order[0][1]:
            node: P.PhysNode = P.Sort(
                rel.fields,
                P.Exchange(child.fields, child, ()),
                order,
                True,
                changelog=child.changelog,
            )
            if fetch is not None or offset:
                raise UnsupportedError("ORDER BY a time attribute with LIMIT is not supported yet")
            return node
        if not order:
            if fetch is None:
                return child
            return P.Limit(
                rel.fields,
                P.Exchange(child.fields, child, ()),
                offset,
                fetch,
                changelog=child.changelog if child.insert_only else P.RETRACT,
            )
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
            changelog=updating(child.changelog),
        )

    # --- unsupported shapes with a clear word -----------------------------------------------

    def _Match(self, rel: L.Match) -> P.PhysNode:
        child = self.visit(rel.input)
        if not child.insert_only:
            raise ValidationError(
                "Match Recognize doesn't support consuming update and delete changes which is "
                f"produced by node {_describe(child)}"
            )
        return P.Match(rel.fields, P.Exchange(child.fields, child, rel.partition_keys), rel)

    def _Snapshot(self, rel: L.Snapshot) -> P.PhysNode:
        raise UnsupportedError(
            "Temporal and lookup joins (FOR SYSTEM_TIME AS OF) are not supported yet"
        )

    def _Correlate(self, rel: L.Correlate) -> P.PhysNode:
        raise UnsupportedError(
            "LATERAL TABLE and UNNEST are not supported by flinklite's engine yet"
        )


# ---------------------------------------------------------------------------------------------


# Sources that generate watermarks per split themselves (Flink's SupportsWatermarkPushDown).
WATERMARK_PUSH_DOWN = ("kafka", "upsert-kafka", "flinklite-generator")


def _push_watermark(child: P.PhysNode, rowtime: int, watermark: Rex) -> P.PhysNode | None:
    """The scan under `child` (directly or below the Calc of computed columns) taking over the
    watermark, rewritten over the scan's own fields; None when the source cannot."""
    calc = child if isinstance(child, P.Calc) and child.condition is None else None
    scan = calc.input if calc is not None else child
    if not isinstance(scan, P.TableSourceScan) or scan.spec.connector not in WATERMARK_PUSH_DOWN:
        return None
    if calc is not None:
        exprs = calc.projection or ()
        watermark = substitute(watermark, exprs)
        time_expr = exprs[rowtime]
        if not isinstance(time_expr, InputRef):
            if not (isinstance(time_expr, Call) and time_expr.op == "CAST"):
                return None
            time_expr = time_expr.operands[0]
            if not isinstance(time_expr, InputRef):
                return None
        rowtime = time_expr.index
    pushed = dataclasses.replace(scan, watermark=watermark, rowtime_index=rowtime)
    return pushed if calc is None else dataclasses.replace(calc, input=pushed)


def _bounded(validated) -> bool:
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


RANKING = ("ROW_NUMBER", "RANK", "DENSE_RANK")


def _over_frame(units: str | None, lower) -> tuple[str, int | None]:
    """(units, preceding) for the operator: n rows or an interval in ms; None is UNBOUNDED.
    Without a frame, ORDER BY means RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW."""
    if units is None or lower is None or lower.kind == "UNBOUNDED PRECEDING":
        return (units or "RANGE", None)
    if lower.kind == "CURRENT ROW":
        return (units, 0)
    if lower.kind != "PRECEDING" or lower.offset is None:
        raise UnsupportedError(f"OVER frames starting at {lower} are not supported yet")
    value = lower.offset
    if isinstance(value, Call) and value.op == "CAST":
        value = value.operands[0]
    if not isinstance(value, Literal) or not isinstance(value.value, int):
        raise UnsupportedError("OVER frame bounds must be constants")
    return (units, value.value)


def _window_end_partition(node: P.PhysNode, partition: tuple[int, ...]) -> int | None:
    """The partition key that is the window end of a window aggregate below `node` (so the
    Top-N is a Window Top-N), traced through Calcs; None otherwise."""
    for index in partition:
        n, i = node, index
        while True:
            if isinstance(n, P.Exchange):
                n = n.input
            elif isinstance(n, P.Calc):
                e = n.projection[i] if n.projection is not None else InputRef(n.fields[i].type, i)
                if not isinstance(e, InputRef):
                    break
                n, i = n.input, e.index
            elif isinstance(n, P.WindowAggregate) and n.window.start_index is not None:
                if i < len(n.keys) and n.keys[i] == n.window.time_index:
                    return index
                break
            else:
                break
    return None


def _check_session_aggregates(kind: str, aggregates) -> None:
    """Session windows merge accumulators; Flink's FIRST_VALUE / LAST_VALUE cannot merge."""
    if kind != "SESSION":
        return
    for a in aggregates:
        if a.name in ("FIRST_VALUE", "LAST_VALUE"):
            cls = "FirstValueAggFunction" if a.name == "FIRST_VALUE" else "LastValueAggFunction"
            raise ValidationError(
                f"Could not find an implementation method 'merge' in class "
                f"'org.apache.flink.table.runtime.functions.aggregate.{cls}' for function "
                f"'{a.name}' that matches the following signature:\n"
                f"void merge(org.apache.flink.table.data.RowData, java.lang.Iterable)"
            )


def _and(a: Rex, b: Rex) -> Rex:
    nullable = a.type.nullable or b.type.nullable
    return Call(T.boolean(nullable), "AND", (a, b))


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


def _int_literal(rex: Rex | None, what: str) -> int | None:
    if rex is None:
        return None
    if isinstance(rex, Call) and rex.op == "CAST":
        rex = rex.operands[0]
    if isinstance(rex, Literal) and isinstance(rex.value, int):
        return rex.value
    raise UnsupportedError(f"{what} must be a constant")


def _interval_ms(rex: Rex) -> int:
    if isinstance(rex, Literal) and isinstance(rex.value, int):
        return rex.value
    raise UnsupportedError("window sizes must be constant intervals")


def _describe(node: P.PhysNode) -> str:
    attrs = ", ".join(f"{k}=[{v}]" for k, v in node.attributes())
    return f"{node.name}({attrs})"


def _window_props(rel: L.RelNode) -> tuple[int, int, tuple[int, ...]] | None:
    """For a node over a legacy window aggregate: (window slot, width of the logical row)."""
    if isinstance(rel, L.Filter):
        return _window_props(rel.input)
    if isinstance(rel, L.Aggregate) and isinstance(rel.input, L.Project):
        for k in rel.group:
            e = rel.input.exprs[k]
            if isinstance(e, Call) and e.op in WINDOW_KEYS:
                return k, len(rel.fields), ()
    return None


def _rewrite_aux(rex: Rex, slot: int, width: int, _: tuple[int, ...] = ()) -> Rex:
    if isinstance(rex, Call):
        base, _, aux = rex.op.partition("_")
        if base in ("TUMBLE", "HOP", "SESSION") and aux in ("START", "END", "ROWTIME", "PROCTIME"):
            offset = {"START": None, "END": 0, "ROWTIME": 1, "PROCTIME": 2}[aux]
            if offset is None:
                return InputRef(rex.type, slot)
            return InputRef(rex.type, width + offset)
        return Call(rex.type, rex.op, tuple(_rewrite_aux(o, slot, width) for o in rex.operands))
    return rex


def _tvf_kind(rel: L.TableFunctionScan) -> str:
    return rel.invocation.split("(", 1)[0].upper()


def _tvf_spec(rel: L.TableFunctionScan, kind: str) -> P.WindowSpec:
    args = getattr(rel, "args", None)
    if args is None:
        raise UnsupportedError("window TVF arguments are not available to the planner")
    time_index = args[0]
    sizes = [_interval_ms(a) for a in args[1:]]
    rowtime = rel.operands[0].fields[time_index].type.time_attribute != "PROCTIME"
    if kind == "TUMBLE":
        return P.WindowSpec(
            kind,
            time_index,
            size_ms=sizes[0],
            offset_ms=sizes[1] if len(sizes) > 1 else 0,
            rowtime=rowtime,
        )
    if kind == "HOP":
        return P.WindowSpec(kind, time_index, size_ms=sizes[1], slide_ms=sizes[0], rowtime=rowtime)
    if kind == "CUMULATE":
        return P.WindowSpec(kind, time_index, size_ms=sizes[1], slide_ms=sizes[0], rowtime=rowtime)
    return P.WindowSpec(kind, time_index, gap_ms=sizes[0], rowtime=rowtime)


def _rank_bound(cond: Rex, slot: int) -> tuple[int, int, Rex | None] | None:
    """rn <= N, rn < N, rn = N, rn BETWEEN a AND b on the rank column: (start, end, rest)."""
    start, end = 1, None
    rest: list[Rex] = []
    for c in conjunctions(cond):
        if (
            isinstance(c, Call)
            and len(c.operands) == 2
            and isinstance(c.operands[0], InputRef)
            and c.operands[0].index == slot
        ):
            try:
                value = _int_literal(c.operands[1], "rank bound")
            except UnsupportedError:
                rest.append(c)
                continue
            if c.op == "<=":
                end = value if end is None else min(end, value)
            elif c.op == "<":
                end = value - 1 if end is None else min(end, value - 1)
            elif c.op == "=":
                start, end = value, value
            elif c.op == ">=":
                start = max(start, value)
            elif c.op == ">":
                start = max(start, value + 1)
            else:
                rest.append(c)
        else:
            rest.append(c)
    if end is None:
        return None
    remainder = None
    for c in rest:
        remainder = c if remainder is None else _and(remainder, c)
    return start, end, remainder


# ---------------------------------------------------------------------------------------------
# Projection push-down: a source reads (and decodes) only the fields the query uses.


def push_projections(node: P.PhysNode) -> P.PhysNode:
    """Rewrites every Calc-topped chain over a TableSourceScan so that the scan produces only
    the physical fields used above it, as Flink's ProjectPushDown does."""
    if isinstance(node, P.Calc):
        used = set()
        for e in node.projection or ():
            used |= input_indices(e)
        if node.projection is None:
            used = set(range(len(node.input.fields)))
        if node.condition is not None:
            used |= input_indices(node.condition)
        pruned = _prune(node.input, used)
        if pruned is not None:
            child, mapping = pruned
            remap = [
                InputRef(f.type, mapping[i]) if i in mapping else None
                for i, f in enumerate(node.input.fields)
            ]
            proj = (
                None
                if node.projection is None
                else tuple(substitute(e, remap) for e in node.projection)
            )
            cond = None if node.condition is None else substitute(node.condition, remap)
            if proj is None and len(child.fields) != len(node.input.fields):
                proj = tuple(remap[i] for i in range(len(node.input.fields)))
            return dataclasses.replace(node, input=child, projection=proj, condition=cond)
    children = node.inputs
    if not children:
        return node
    new = [push_projections(c) for c in children]
    if all(a is b for a, b in zip(new, children, strict=True)):
        return node
    return _with_inputs(node, new)


def _with_inputs(node: P.PhysNode, inputs: list[P.PhysNode]) -> P.PhysNode:
    if isinstance(node, P.Single):
        return dataclasses.replace(node, input=inputs[0])
    if isinstance(node, P.Join):
        return dataclasses.replace(node, left=inputs[0], right=inputs[1])
    if isinstance(node, P.Union):
        return dataclasses.replace(node, operands=tuple(inputs))
    return node


def _prune(node: P.PhysNode, used: set[int]) -> tuple[P.PhysNode, dict[int, int]] | None:
    """`node` producing only the `used` fields (plus what it needs itself), with the map from
    old to new field positions; None when nothing can be dropped."""
    if isinstance(node, P.TableSourceScan):
        spec = node.spec
        n_phys = len(spec.physical)
        if node.watermark is not None:
            used = used | input_indices(node.watermark) | {node.rowtime_index}
        keep_phys = sorted(i for i in used if i < n_phys)
        if len(keep_phys) == n_phys or node.upsert_key:
            return None
        keep = keep_phys + list(range(n_phys, len(node.fields)))
        mapping = {old: new for new, old in enumerate(keep)}
        new_spec = dataclasses.replace(spec, physical=tuple(spec.physical[i] for i in keep_phys))
        fields = tuple(node.fields[i] for i in keep)
        scan = dataclasses.replace(node, fields=fields, spec=new_spec, projected=True)
        if node.watermark is not None:
            remap = [
                InputRef(f.type, mapping[i]) if i in mapping else None
                for i, f in enumerate(node.fields)
            ]
            scan = dataclasses.replace(
                scan,
                watermark=substitute(node.watermark, remap),
                rowtime_index=mapping[node.rowtime_index],
            )
        return scan, mapping
    if isinstance(node, P.WatermarkAssigner):
        need = used | {node.rowtime_index} | input_indices(node.watermark)
        pruned = _prune(node.input, need)
        if pruned is None:
            return None
        child, mapping = pruned
        remap = [
            InputRef(f.type, mapping[i]) if i in mapping else None
            for i, f in enumerate(node.input.fields)
        ]
        return (
            dataclasses.replace(
                node,
                input=child,
                fields=child.fields,
                rowtime_index=mapping[node.rowtime_index],
                watermark=substitute(node.watermark, remap),
            ),
            mapping,
        )
    if isinstance(node, P.Calc) and node.projection is not None:
        keep = sorted(used)
        if len(keep) == len(node.fields):
            return None
        mapping = {old: new for new, old in enumerate(keep)}
        proj = tuple(node.projection[i] for i in keep)
        fields = tuple(node.fields[i] for i in keep)
        inner_used = set()
        for e in proj:
            inner_used |= input_indices(e)
        if node.condition is not None:
            inner_used |= input_indices(node.condition)
        calc = dataclasses.replace(node, fields=fields, projection=proj)
        pruned = _prune(node.input, inner_used)
        if pruned is not None:
            child, inner_map = pruned
            remap = [
                InputRef(f.type, inner_map[i]) if i in inner_map else None
                for i, f in enumerate(node.input.fields)
            ]
            calc = dataclasses.replace(
                calc,
                input=child,
                projection=tuple(substitute(e, remap) for e in proj),
                condition=None if node.condition is None else substitute(node.condition, remap),
            )
        return calc, mapping
    return None
