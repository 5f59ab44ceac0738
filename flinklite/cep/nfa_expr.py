"""DEFINE conditions and MEASURES for Flink's NFA, compiled to Python functions over a run's
or a match's rows.

The shared rewriter core (`rewrite.py`) turns pattern references, navigation and aggregates into
references to "feature" values appended to the current row; here a feature is a tuple saying
what to read: ('last', var, index), ('nav', op, var, offset, fn), ('agg', var, slot),
('rowtime',), ('proctime',). Aggregates in DEFINE are kept as running accumulators per run, one
group per pattern variable, so a condition with AVG costs O(1) per row, not O(match)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flinklite.catalog.types import DataType, RowField
from flinklite.cep.rewrite import AggGroup, MatchRewriter, Navigation, plain
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr.compiler import (
    CompileContext,
    compile_expression,
    compile_predicate,
    compile_projection,
)
from flinklite.expr.rex import Call, InputRef, PatternRef, Rex
from flinklite.runtime.rows import NANOS_PER_MILLI

STAR = -1  # the universal variable: every row of the (partial) match


class Aggregates:
    """The aggregate groups of one clause (DEFINE or MEASURES), by variable."""

    def __init__(self) -> None:
        self.groups: dict[int, AggGroup] = {}

    def slot(self, var: int, name: str, args: tuple[Rex, ...], type_: DataType) -> tuple[int, int]:
        group = self.groups.setdefault(var, AggGroup())
        return var, group.add(name, args, type_)

    def build(self, input_fields: Sequence[RowField]) -> None:
        for g in self.groups.values():
            g.build(input_fields)


class Rewriter(MatchRewriter):
    """One DEFINE (`current` is the variable being defined) or the MEASURES, with Flink's
    semantics: logical offsets only, no SUBSET rows, no RUNNING / CLASSIFIER / MATCH_NUMBER."""

    def __init__(
        self,
        input_fields: Sequence[RowField],
        variables: dict[str, int],
        aggregates: Aggregates,
        current: int | None,
        define: bool,
    ) -> None:
        super().__init__(input_fields, define=define)
        self.variables = variables
        self.aggregates = aggregates
        self.current = current

    def var(self, name: str | None) -> int:
        if name is None or name == "*":
            return STAR
        if name not in self.variables:
            raise UnsupportedError(
                f"Pattern variable {name} (a SUBSET?) is not supported by flinklite yet"
            )
        return self.variables[name]

    def tuple_feature(self, key: tuple, rex: Rex) -> InputRef:
        return self.feature(key, rex, key)

    def is_current(self, var: int) -> bool:
        """In DEFINE the current row is the last row of the variable being defined and of '*'."""
        return self.define and (var == STAR or var == self.current)

    def reference(self, rex: PatternRef, final: bool) -> Rex:
        var = self.var(rex.variable)
        if self.is_current(var):
            return InputRef(rex.type, rex.index)
        return self.tuple_feature(("last", var, rex.index), rex)

    def semantics(self, rex: Call) -> Rex:
        if rex.op == "FINAL":
            return self.rewrite(rex.operands[0])
        return self._extension(rex.op)

    def navigate(self, nav: Navigation, rex: Call, final: bool) -> Rex:
        if nav.physical:
            if nav.offset != 0:
                raise ValidationError("Flink does not support physical offsets within partition.")
            return self.rewrite(nav.operand)
        inner = nav.operand
        var = self.var(self.single_variable(inner, nav.op))
        if nav.op == "LAST" and nav.offset == 0:
            if self.is_current(var):
                return self.rewrite(inner)
            if isinstance(inner, PatternRef):
                return self.tuple_feature(("last", var, inner.index), rex)
        body = plain(inner)
        fn = compile_expression(body, self.input_fields)
        return self.tuple_feature(("nav", nav.op, var, nav.offset, body, fn), rex)

    def classifier(self, rex: Call, final: bool) -> Rex:
        return self._extension(rex.op)

    def match_number(self, rex: Call) -> Rex:
        return self._extension(rex.op)

    def match_rowtime(self, rex: Call, final: bool) -> Rex:
        return self.tuple_feature(("rowtime",), rex)

    def match_proctime(self, rex: Call) -> Rex:
        return self.tuple_feature(("proctime",), rex)

    def aggregate(self, rex: Call, variable: str | None, args: tuple[Rex, ...], final: bool) -> Rex:
        group, slot = self.aggregates.slot(self.var(variable), rex.op, args, rex.type)
        return self.tuple_feature(("agg", group, slot), rex)

    @staticmethod
    def _extension(op: str) -> Rex:
        raise UnsupportedError(
            f"Unsupported call: {op}() ({op} in MATCH_RECOGNIZE is not supported by Flink; "
            "flinklite runs it as an extension unless 'flinklite.flink-compatible' is 'true')"
        )


# --- DEFINE -----------------------------------------------------------------------------------


def _rows_of(run: Any, var: int, limit: int | None = None) -> list[tuple]:
    """The rows a run mapped to `var` (STAR: all), oldest first; with `limit`, only the last
    `limit` of them. A run's path is a linked list of (previous, var, first, last) segments
    of its partition's rows (nfa.Run)."""
    out: list[tuple] = []
    row = run.events.row
    node = run.node
    while node is not None and (limit is None or len(out) < limit):
        prev, nvar, first, last = node
        if var == STAR or nvar == var:
            stop = first - 1 if limit is None else max(first - 1, last - (limit - len(out)))
            out.extend(row(i) for i in range(last, stop, -1))
        node = prev
    out.reverse()
    return out


def _pick(rows: list[tuple], kind: str, offset: int) -> tuple | None:
    i = offset if kind == "FIRST" else len(rows) - 1 - offset
    return rows[i] if 0 <= i < len(rows) else None


class DefineProgram:
    """Per variable, `conditions[v](row, run) -> bool` (None when the variable has no DEFINE),
    plus what runs must carry for them: `lasts` (the last row per variable) and running
    accumulators (`initial_accs`, `take_accs[v](accs, row)`)."""

    def __init__(
        self,
        definitions: Sequence[tuple[str, Rex]],
        variables: Sequence[str],
        input_fields: Sequence[RowField],
        ctx: CompileContext,
        now_ns: Callable[[], int],
    ) -> None:
        index = {name: i for i, name in enumerate(variables)}
        self.aggregates = Aggregates()
        self.n_fields = len(input_fields)
        rewritten = []
        for name, rex in definitions:
            rw = Rewriter(input_fields, index, self.aggregates, index[name], True)
            rewritten.append((index[name], rw.rewrite(rex), rw))
        self.aggregates.build(input_fields)
        self.group_order = list(self.aggregates.groups)
        self.needs_lasts = False
        self.conditions: list[Callable | None] = [None] * len(variables)
        for var, rex, rw in rewritten:
            self.conditions[var] = self._condition(var, rex, rw, input_fields, ctx, now_ns)
        self.initial_accs = (
            tuple(self.aggregates.groups[v].handle.create() for v in self.group_order)  # type: ignore[union-attr]
            if self.group_order
            else None
        )
        self.take_accs = [self._take(v) for v in range(len(variables))]

    def _condition(
        self,
        var: int,
        rex: Rex,
        rw: Rewriter,
        input_fields: Sequence[RowField],
        ctx: CompileContext,
        now_ns: Callable[[], int],
    ) -> Callable:
        pred = compile_predicate(rex, [*input_fields, *rw.fields], ctx)
        if not rw.features:
            return lambda row, run: pred(row)
        env: dict[str, Any] = {"_pred": pred, "_NULL": (None,) * self.n_fields}
        lines = ["def _cond(row, run):"]
        values = []
        groups_done: dict[int, str] = {}
        for k, f in enumerate(rw.features):
            kind = f[0]
            if kind == "last":
                self.needs_lasts = True
                lines.append(f"    _l{k} = run.lasts[{f[1]}]")
                values.append(f"(None if _l{k} is None else _l{k}[{f[2]}])")
            elif kind == "agg":
                gvar, slot = f[1], f[2]
                name = groups_done.get(gvar)
                if name is None:
                    name = groups_done[gvar] = f"_g{len(groups_done)}"
                    group = self.aggregates.groups[gvar]
                    h = group.handle
                    pos = self.group_order.index(gvar)
                    env[f"{name}_get"] = h.get_value  # type: ignore[union-attr]
                    if gvar == STAR or gvar == var:
                        env[f"{name}_copy"] = group.copy
                        env[f"{name}_acc"] = h.accumulate  # type: ignore[union-attr]
                        arg = "row"
                        if group.extend is not None:
                            env[f"{name}_ext"] = group.extend
                            arg = f"{name}_ext(row)"
                        lines.append(f"    {name} = {name}_copy(run.accs[{pos}])")
                        lines.append(f"    {name}_acc({name}, {arg})")
                        lines.append(f"    {name} = {name}_get({name})")
                    else:
                        lines.append(f"    {name} = {name}_get(run.accs[{pos}])")
                values.append(f"{name}[{slot}]")
            elif kind == "nav":
                _, op, nvar, offset, _inner, fn = f
                env[f"_nav{k}"] = _define_nav(op, nvar, offset, fn, var, self.n_fields)
                values.append(f"_nav{k}(row, run)")
            elif kind == "rowtime":
                raise UnsupportedError(
                    "MATCH_ROWTIME() in DEFINE is not supported by flinklite yet"
                )
            else:
                env[f"_pt{k}"] = now_ns
                values.append(f"_pt{k}()")
        lines.append("    return _pred(row + (" + "".join(v + ", " for v in values) + "))")
        exec(compile("\n".join(lines) + "\n", "<flinklite:define>", "exec"), env)  # noqa: S102
        return env["_cond"]

    def _take(self, var: int) -> Callable | None:
        """accs -> accs after `var` takes a row: copy-on-write of the groups it feeds."""
        touched = [
            (pos, self.aggregates.groups[g])
            for pos, g in enumerate(self.group_order)
            if g == STAR or g == var
        ]
        if not touched:
            return None
        env: dict[str, Any] = {}
        lines = ["def _take(accs, row):"]
        items = [f"accs[{i}]" for i in range(len(self.group_order))]
        for pos, group in touched:
            env[f"_c{pos}"] = group.copy
            env[f"_a{pos}"] = group.handle.accumulate  # type: ignore[union-attr]
            arg = "row"
            if group.extend is not None:
                env[f"_e{pos}"] = group.extend
                arg = f"_e{pos}(row)"
            lines.append(f"    x{pos} = _c{pos}(accs[{pos}])")
            lines.append(f"    _a{pos}(x{pos}, {arg})")
            items[pos] = f"x{pos}"
        lines.append("    return (" + "".join(i + ", " for i in items) + ")")
        exec(compile("\n".join(lines) + "\n", "<flinklite:define-acc>", "exec"), env)  # noqa: S102
        return env["_take"]


def _define_nav(op: str, nvar: int, offset: int, fn: Callable, var: int, width: int) -> Callable:
    null = (None,) * width
    with_current = nvar == STAR or nvar == var

    def nav(row: tuple, run: Any) -> Any:
        if op == "LAST":
            need = offset + 1 - (1 if with_current else 0)
            rows = _rows_of(run, nvar, need) if need > 0 else []
        else:
            rows = _rows_of(run, nvar)
        if with_current:
            rows.append(row)
        picked = _pick(rows, op, offset)
        return fn(null if picked is None else picked)

    return nav


# --- MEASURES ---------------------------------------------------------------------------------


class MeasuresProgram:
    """`evaluate(match_rows, release_ts_ms) -> tuple of measure values`, where `match_rows` is
    the match as a list of (var, row) oldest first."""

    def __init__(
        self,
        measures: Sequence[tuple[str, Rex]],
        variables: Sequence[str],
        input_fields: Sequence[RowField],
        ctx: CompileContext,
        now_ns: Callable[[], int],
    ) -> None:
        index = {name: i for i, name in enumerate(variables)}
        self.aggregates = Aggregates()
        rw = Rewriter(input_fields, index, self.aggregates, None, False)
        exprs = [rw.rewrite(rex) for _, rex in measures]
        self.aggregates.build(input_fields)
        self.features = rw.features
        self.project = compile_projection(exprs, [*input_fields, *rw.fields], ctx)
        self.null = (None,) * len(input_fields)
        self.now_ns = now_ns
        self.n_vars = len(variables)

    def evaluate(self, match: list[tuple[int, tuple]], release_ts: int) -> tuple:
        if not self.features:
            return self.project(match[-1][1])
        by_var: list[list[tuple]] = [[] for _ in range(self.n_vars)]
        everything = []
        for var, row in match:
            by_var[var].append(row)
            everything.append(row)
        groups: dict[int, tuple] = {}
        values = []
        for f in self.features:
            kind = f[0]
            if kind == "last":
                rows = everything if f[1] == STAR else by_var[f[1]]
                values.append(rows[-1][f[2]] if rows else None)
            elif kind == "nav":
                _, op, var, offset, _inner, fn = f
                picked = _pick(everything if var == STAR else by_var[var], op, offset)
                values.append(fn(self.null if picked is None else picked))
            elif kind == "agg":
                var = f[1]
                if var not in groups:
                    rows = everything if var == STAR else by_var[var]
                    groups[var] = self.aggregates.groups[var].value_over(rows)
                values.append(groups[var][f[2]])
            elif kind == "rowtime":
                values.append(release_ts * NANOS_PER_MILLI)
            else:
                values.append(self.now_ns())
        return self.project(match[-1][1] + tuple(values))
