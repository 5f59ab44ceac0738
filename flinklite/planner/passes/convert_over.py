"""Planning OVER: aggregates over windows (OverAggregate), Top-N (Rank), Window Top-N and
Deduplicate, from ROW_NUMBER() OVER (..) and the filter on its result.

A mixin of the converter (planner.passes.convert)."""

from __future__ import annotations

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
    and_,
    conjunctions,
    contains_over,
    int_literal,
)
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.passes.convert_base import ConverterBase


class OverPlanning(ConverterBase):
    __slots__ = ()

    def _over(self, project: L.Project, filt: L.Filter | None) -> P.PhysNode:
        overs = [(i, e) for i, e in enumerate(project.exprs) if isinstance(e, OverCall)]
        if not any(e.op in RANKING for _, e in overs):
            windowed = self._over_aggregate(project)
            if filt is None:
                return windowed
            return self._make_calc(windowed.fields, windowed, None, filt.condition)
        if len(overs) != 1:
            ranking = next(e.op for _, e in overs if e.op in RANKING)
            raise UnsupportedError(
                f"{ranking}() next to other OVER functions in one SELECT is not supported yet"
            )
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
        # Keys that are expressions (PARTITION BY order_id % 2) become columns of their own,
        # after the input's, as Flink's planner projects them before the rank.
        pre: list[Rex] = [InputRef(f.type, i) for i, f in enumerate(child.fields)]
        extra: list[RowField] = []
        partition = tuple(_column(k, pre, extra) for k in over.partition_keys)
        order = tuple((_column(k, pre, extra), d, n) for k, d, n in over.order_keys)
        if extra:
            child = self._make_calc(child.fields + tuple(extra), child, tuple(pre), None)
        output_rank = filt is None or id(filt) not in self.rank_unused
        rank_type = project.fields[slot].type
        exchange = P.Exchange(child.fields, child, partition)
        time_order = len(order) == 1 and child.fields[order[0][0]].type.time_attribute is not None
        node: P.PhysNode
        if not output_rank and (start, end) == (1, 1) and time_order and over.op == "ROW_NUMBER":
            keep_last = order[0][1]
            rowtime = child.fields[order[0][0]].type.time_attribute != "PROCTIME"
            node = P.Deduplicate(child.fields, exchange, partition, order[0][0], keep_last, rowtime)
        else:
            # After a window aggregate partitioned by window end: a Window Top-N.
            end_index = _window_end_partition(child, partition)
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
            )
        rank_ref = InputRef(rank_type, len(child.fields)) if output_rank else Literal(rank_type, 0)
        exprs = tuple(rank_ref if i == slot else e for i, e in enumerate(project.exprs))
        return self._make_calc(project.fields, node, exprs, None)

    def _over_aggregate(self, project: L.Project) -> P.PhysNode:
        """Aggregates over windows: one OverAggregate per distinct window, each appending its
        values to the row; the projection then picks them up."""
        child = self.visit(project.input)
        exprs = list(project.exprs)
        fields = list(child.fields)
        pre: list[Rex] = [InputRef(f.type, i) for i, f in enumerate(child.fields)]
        # Every OVER call, also inside an expression (`x - LAG(x) OVER w`), numbered in order.
        overs: list[OverCall] = []
        for e in exprs:
            _collect_overs(e, overs)
        windows: dict[tuple, list[tuple[int, OverCall]]] = {}
        for i, e in enumerate(overs):
            window = (e.partition_keys, e.order_keys, e.frame_units, e.lower, e.upper)
            windows.setdefault(window, []).append((i, e))
        calls: list[tuple[tuple, list[tuple[int, AggregateCall]]]] = []
        for w, ((partition, *bounds), members) in enumerate(windows.items()):
            keys = tuple(InputRef(k.type, _column(k, pre, fields)) for k in partition)
            window = (keys, *bounds)
            agg_calls = []
            for k, (i, over) in enumerate(members):
                _check_offset_function(over, self.batch)
                # LAG's offset and default stay constants: the function keeps that many rows.
                args = tuple(
                    a
                    if over.op == "LAG" and isinstance(a, Literal)
                    else InputRef(a.type, _column(a, pre, fields))
                    for a in over.operands
                )
                # Named as Flink names them: window w, its k-th aggregate.
                call = AggregateCall(over.op, args, over.type, f"w{w}$o{k}", over.distinct)
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
            out_fields = node.fields + tuple(RowField(c.alias, c.type) for _, c in agg_calls)
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
                replaced[id(overs[i])] = InputRef(c.type, width + j)
        final = tuple(_replace_overs(e, replaced) for e in exprs)
        return self._make_calc(project.fields, node, final, None)


RANKING = ("ROW_NUMBER", "RANK", "DENSE_RANK")


def _collect_overs(rex: Rex, out: list[OverCall]) -> None:
    if isinstance(rex, OverCall):
        out.append(rex)
    elif isinstance(rex, Call):
        for o in rex.operands:
            _collect_overs(o, out)


def _replace_overs(rex: Rex, replaced: dict[int, Rex]) -> Rex:
    """`rex` reading each OVER call's value from the column the OverAggregate appended."""
    if isinstance(rex, OverCall):
        return replaced[id(rex)]
    if isinstance(rex, Call) and contains_over(rex):
        return Call(rex.type, rex.op, tuple(_replace_overs(o, replaced) for o in rex.operands))
    return rex


def _check_offset_function(over: OverCall, batch: bool) -> None:
    """LAG and LEAD as Flink 2.3 takes them: LEAD only in batch mode, a constant offset, and a
    default of the value's own type."""
    if over.op == "LEAD":
        if not batch:
            raise UnsupportedError("LEAD Function is not supported in stream mode.")
        raise UnsupportedError("LEAD is not supported by flinklite yet")
    if over.op != "LAG":
        return
    if len(over.operands) > 1 and not isinstance(over.operands[1], Literal):
        raise ValidationError("LAG's offset must be a constant integer")
    if len(over.operands) > 2:
        value, default = over.operands[0].type, over.operands[2].type
        if (
            not T.same_ignoring_nullability(
                value.without_time_attribute(), default.without_time_attribute()
            )
            and default.root != T.NULL
        ):
            raise ValidationError(
                f"Please explicitly cast default value {default} to {value.without_time_attribute()}."
            )


def _column(key: Rex, pre: list[Rex], fields: list[RowField]) -> int:
    """The column holding an OVER key or argument: its own for a column reference, else an
    expression appended to the projection `pre` (once per distinct expression) and its field
    to `fields`."""
    if isinstance(key, InputRef):
        return key.index
    if key in pre:
        return pre.index(key)
    pre.append(key)
    fields.append(RowField(f"$f{len(pre) - 1}", key.type))
    return len(pre) - 1


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
                value = int_literal(c.operands[1], "rank bound")
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
        remainder = c if remainder is None else and_(remainder, c)
    return start, end, remainder
