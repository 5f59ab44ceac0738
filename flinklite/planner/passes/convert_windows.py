"""Planning windows: legacy GROUP BY TUMBLE/HOP/SESSION group windows, window TVFs with and
without an aggregate over them, and the auxiliary functions (TUMBLE_START, ..) above them.

A mixin of the converter (planner.passes.convert)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr.rex import (
    Call,
    InputRef,
    Literal,
    Rex,
    input_indices,
)
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.passes.convert_base import ConverterBase

WINDOW_KEYS = {"$TUMBLE": "TUMBLE", "$HOP": "HOP", "$SESSION": "SESSION"}
WINDOW_TVFS = ("TUMBLE", "HOP", "CUMULATE", "SESSION")


class WindowPlanning(ConverterBase):
    __slots__ = ()

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
        found = window_tvf_group(rel)
        if found is None:
            return None
        project, tvf, source_of = found
        width = len(tvf.operands[0].fields)
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
        exchange = P.Exchange(child.fields, child, rel.group)
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
        spec = _tvf_spec(rel, kind)
        return P.WindowTableFunction(rel.fields, child, spec)


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


def _interval_ms(rex: Rex) -> int:
    if isinstance(rex, Literal) and isinstance(rex.value, int):
        return rex.value
    raise UnsupportedError("window sizes must be constant intervals")


def window_props(rel: L.RelNode) -> tuple[int, int, tuple[int, ...]] | None:
    """For a node over a legacy window aggregate: (window slot, width of the logical row)."""
    if isinstance(rel, L.Filter):
        return window_props(rel.input)
    if isinstance(rel, L.Aggregate) and isinstance(rel.input, L.Project):
        for k in rel.group:
            e = rel.input.exprs[k]
            if isinstance(e, Call) and e.op in WINDOW_KEYS:
                return k, len(rel.fields), ()
    return None


def rewrite_aux(rex: Rex, slot: int, width: int, _: tuple[int, ...] = ()) -> Rex:
    if isinstance(rex, Call):
        base, _, aux = rex.op.partition("_")
        if base in ("TUMBLE", "HOP", "SESSION") and aux in ("START", "END", "ROWTIME", "PROCTIME"):
            offset = {"START": None, "END": 0, "ROWTIME": 1, "PROCTIME": 2}[aux]
            if offset is None:
                return InputRef(rex.type, slot)
            return InputRef(rex.type, width + offset)
        return Call(rex.type, rex.op, tuple(rewrite_aux(o, slot, width) for o in rex.operands))
    return rex


def window_tvf_group(
    rel: L.Aggregate,
) -> tuple[L.RelNode, L.TableFunctionScan, Callable[[int], int | None]] | None:
    """(the projection or the TVF, the window TVF, each group key's column of the TVF) when the
    aggregate groups a window TVF's rows by window_start and window_end; None otherwise."""
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
    return project, tvf, source_of


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
