"""Aggregate functions with Flink's semantics (accumulate, retract, merge, get_value), compiled
per query into one AggsHandle whose per-row entry points are generated Python functions.

An accumulator is a flat list: slot 0 counts the rows accumulated minus the rows retracted (the
operators use it to find an empty group, as Flink's GroupAggFunction does with its record
counter); each aggregate call owns the slots after it. The handle's five entry points are plain
functions generated once per handle, so a GROUP BY with COUNT and AVG costs one Python call per
row, not one per aggregate.

Semantics follow Flink 2.3 (confirmed with the reference runs noted in the tests):
* NULL inputs are skipped by every function; SUM, AVG, MIN, MAX, LISTAGG, FIRST_VALUE,
  LAST_VALUE, STDDEV and VAR return NULL when no non-null input remains, COUNT returns 0.
* SUM keeps the result type (INT sums wrap around like Java ints), AVG of an integer type is
  that type truncated toward zero, AVG of DECIMAL(p, s) is DECIMAL(38, max(6, s)) rounded half
  up, AVG of FLOAT / DOUBLE divides in double precision.
* Under retraction MIN / MAX keep a value -> count map (MinWithRetract), LISTAGG and
  FIRST_VALUE / LAST_VALUE keep the accumulated values in arrival order and a retraction removes
  the earliest equal value (ListAggWithRetract, FirstValueWithRetract).
* DISTINCT keeps a value -> count map per call: the inner function sees a value when its count
  goes 0 -> 1 and loses it when the count goes 1 -> 0. FILTER (WHERE ..) skips rows whose
  condition is not TRUE.
* STDDEV_POP / STDDEV_SAMP / VAR_POP / VAR_SAMP (STDDEV, VARIANCE) over DOUBLE and integers
  give Flink's bits with Welford's running moments; integer results truncate; DECIMAL ones are
  DECIMAL(38, max(6, s)) rounded half up. SAMP over one row is NULL.
* ARRAY_AGG keeps NULL elements and returns a tuple; COLLECT returns a dict value ->
  multiplicity (the MULTISET).

`compile_aggregates(calls, input_fields, retraction=False)` builds the cheaper insert-only
forms (Flink's planner picks them for insert-only input); their retract raises."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.errors import UnsupportedError
from flinklite.expr import aggregate_math as M
from flinklite.expr.literals import FrozenMap
from flinklite.expr.rex import AggregateCall, InputRef, Literal, Rex


@dataclass
class _Emitter:
    """Collects the generated source of one handle."""

    create: list[str] = field(default_factory=lambda: ["0"])  # slot 0: the record count
    accumulate: list[str] = field(default_factory=lambda: ["acc[0] += 1"])
    retract: list[str] = field(default_factory=lambda: ["acc[0] -= 1"])
    merge: list[str] = field(default_factory=lambda: ["acc[0] += other[0]"])
    values: list[str] = field(default_factory=list)
    env: dict[str, Any] = field(default_factory=lambda: {"_FrozenMap": FrozenMap})

    def slots(self, *initial: str) -> int:
        start = len(self.create)
        self.create.extend(initial)
        return start

    def const(self, value: Any) -> str:
        """A name for `value` in the generated code (the trailing `_` keeps names unambiguous
        for the textual rebinding of DISTINCT merges)."""
        name = f"_k{len(self.env)}_"
        self.env[name] = value
        return name


def _indent(lines: list[str], depth: int = 1) -> list[str]:
    return ["    " * depth + line for line in lines]


def _guarded(condition: str, body: list[str]) -> list[str]:
    return [f"if {condition}:", *_indent(body)] if condition else body


@dataclass
class _Parts:
    """One function's code: lines reading the argument variables and absolute acc slots."""

    accumulate: list[str]
    retract: list[str]
    merge: list[str]
    value: str
    guard: str = ""  # the condition under which a row counts (its arguments are not NULL)


class _Builder:
    def __init__(
        self, input_fields: Sequence[RowField], retraction: bool, reduce_avg: bool = False
    ) -> None:
        self.fields = tuple(input_fields)
        self.retraction = retraction
        self.reduce_avg = reduce_avg
        self.e = _Emitter()
        self.used: set[int] = set()

    # --- arguments ---------------------------------------------------------------------------

    def arg(self, rex: Rex) -> str:
        if isinstance(rex, InputRef):
            # Bound once at the top of accumulate / retract: `_a3_ = row[3]`.
            self.used.add(rex.index)
            return f"_a{rex.index}_"
        if isinstance(rex, Literal):
            return self.e.const(rex.value)
        raise UnsupportedError(f"aggregate argument {rex.digest()} must be an input field")

    def arg_type(self, rex: Rex) -> DataType:
        if isinstance(rex, InputRef) and rex.index < len(self.fields):
            return self.fields[rex.index].type
        return rex.type

    # --- one call ----------------------------------------------------------------------------

    def add(self, call: AggregateCall, ignore_retract: bool = False) -> None:
        name = call.name.upper()
        build = _BUILDERS.get(name.lstrip("$"))
        if build is None:
            raise UnsupportedError(f"Aggregate function {call.name} is not supported")
        args = [self.arg(a) for a in call.args]
        if ignore_retract:
            # Flink's monotonic-input case: the insert-only form, and retractions pass by.
            retraction, self.retraction = self.retraction, False
            parts: _Parts = build(self, call, args)
            self.retraction = retraction
            parts = _Parts(parts.accumulate, ["pass"], parts.merge, parts.value, parts.guard)
        else:
            parts = build(self, call, args)
        accumulate, retract, merge = parts.accumulate, parts.retract, parts.merge
        if call.distinct and args:
            accumulate, retract, merge = self._distinct(args, parts)
        else:
            accumulate = _guarded(parts.guard, accumulate)
            retract = _guarded(parts.guard, retract)
        if call.filter is not None:
            condition = self.arg(call.filter)
            accumulate = _guarded(f"{condition} is True", accumulate)
            retract = _guarded(f"{condition} is True", retract)
        self.e.accumulate += accumulate
        self.e.retract += retract
        self.e.merge += merge
        self.e.values.append(parts.value)

    def _distinct(self, args: list[str], parts: _Parts) -> tuple[list[str], list[str], list[str]]:
        """A value -> count map in front of the function: it sees each distinct value once."""
        d = self.e.slots("{}")
        key = args[0] if len(args) == 1 else f"({', '.join(args)},)"
        # The inner code reads its arguments from the row; for merges they come from the key.
        accumulate = [
            f"_d = acc[{d}]",
            f"_n = _d.get({key}, 0)",
            f"_d[{key}] = _n + 1",
            "if _n == 0:",
            *_indent(parts.accumulate),
        ]
        retract = [
            f"_d = acc[{d}]",
            f"_n = _d.get({key}, 0) - 1",
            f"if _n: _d[{key}] = _n",
            f"else: del _d[{key}]",
            "if _n == 0:",
            *_indent(parts.retract),
        ]
        # Merging re-runs the inner accumulate for values new to this accumulator.
        merge = [
            f"_d = acc[{d}]",
            f"for _dk, _n in other[{d}].items():",
            "    _was = _d.get(_dk, 0)",
            "    _d[_dk] = _was + _n",
            "    if _was <= 0 < _was + _n:",
            *_indent(_rebind(parts.accumulate, args), 2),
        ]
        return (
            _guarded(parts.guard, accumulate),
            _guarded(parts.guard, retract),
            merge,
        )

    # --- the functions -----------------------------------------------------------------------

    def _COUNT(self, call: AggregateCall, args: list[str]) -> _Parts:
        s = self.e.slots("0")
        return _Parts(
            [f"acc[{s}] += 1"],
            [f"acc[{s}] -= 1"],
            [f"acc[{s}] += other[{s}]"],
            f"acc[{s}]",
            guard=" and ".join(f"{a} is not None" for a in args),
        )

    def _sum_parts(self, call: AggregateCall, args: list[str], zero_if_empty: bool) -> _Parts:
        x = args[0]
        t = call.type
        s = self.e.slots(self._zero(t), "0")
        if t.root == T.DECIMAL:
            add = self.e.const(M.DECIMAL_CONTEXT.add)
            sub = self.e.const(M.DECIMAL_CONTEXT.subtract)
            acc_line = f"acc[{s}] = {add}(acc[{s}], {x})"
            ret_line = f"acc[{s}] = {sub}(acc[{s}], {x})"
            merge_line = f"acc[{s}] = {add}(acc[{s}], other[{s}])"
            finish = self.e.const(M.decimal_sum((t.precision or 38, t.scale or 0)))
            total = f"{finish}(acc[{s}])"
        elif t.root == T.FLOAT:
            f32 = self.e.const(M.f32)
            acc_line = f"acc[{s}] = {f32}(acc[{s}] + {x})"
            ret_line = f"acc[{s}] = {f32}(acc[{s}] - {x})"
            merge_line = f"acc[{s}] = {f32}(acc[{s}] + other[{s}])"
            total = f"acc[{s}]"
        else:
            acc_line, ret_line = f"acc[{s}] += {x}", f"acc[{s}] -= {x}"
            merge_line = f"acc[{s}] += other[{s}]"
            bits = M.WRAP_BITS.get(t.root)
            total = _inline_wrap(self.e, f"acc[{s}]", bits) if bits else f"acc[{s}]"
        empty = self._zero(t) if zero_if_empty else "None"
        return _Parts(
            [acc_line, f"acc[{s + 1}] += 1"],
            [ret_line, f"acc[{s + 1}] -= 1"],
            [merge_line, f"acc[{s + 1}] += other[{s + 1}]"],
            f"({total} if acc[{s + 1}] else {empty})",
            guard=f"{x} is not None",
        )

    def _zero(self, t: DataType) -> str:
        if t.root == T.DECIMAL:
            return self.e.const(Decimal(0).scaleb(-(t.scale or 0)))
        if t.root in T.APPROXIMATE_NUMERIC:
            return "0.0"
        return "0"

    def _SUM(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._sum_parts(call, args, zero_if_empty=False)

    def _SUM0(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._sum_parts(call, args, zero_if_empty=True)

    def _AVG(self, call: AggregateCall, args: list[str]) -> _Parts:
        x = args[0]
        t = call.type
        source = self.arg_type(call.args[0])
        if t.root == T.DECIMAL:
            s = self.e.slots(self.e.const(Decimal(0).scaleb(-(source.scale or 0))), "0")
            add = self.e.const(M.DECIMAL_CONTEXT.add)
            sub = self.e.const(M.DECIMAL_CONTEXT.subtract)
            lines = (
                f"acc[{s}] = {add}(acc[{s}], {x})",
                f"acc[{s}] = {sub}(acc[{s}], {x})",
                f"acc[{s}] = {add}(acc[{s}], other[{s}])",
            )
            avg = self.e.const(M.decimal_avg(t.scale or 0))
            value = f"{avg}(acc[{s}], acc[{s + 1}])"
        else:
            s = self.e.slots("0", "0")
            lines = (f"acc[{s}] += {x}", f"acc[{s}] -= {x}", f"acc[{s}] += other[{s}]")
            if t.root in T.INTEGER_NUMERIC:
                # Flink's own AVG sums every integer type in a BIGINT, so only a sum past 64
                # bits wraps; where Flink's planner rewrites AVG as SUM / COUNT (`reduce_avg`),
                # the sum has the argument's type and wraps at its width. The division
                # truncates toward zero (the count is positive here).
                bits = M.WRAP_BITS[t.root] if self.reduce_avg else 64
                total = _inline_wrap(self.e, f"acc[{s}]", bits)
                n = f"acc[{s + 1}]"
                value = f"({total} // {n} if {total} >= 0 else -(-{total} // {n}))"
            elif t.root == T.FLOAT:
                value = f"{self.e.const(M.f32)}(acc[{s}] / acc[{s + 1}])"
            else:
                value = f"acc[{s}] / acc[{s + 1}]"
        return _Parts(
            [lines[0], f"acc[{s + 1}] += 1"],
            [lines[1], f"acc[{s + 1}] -= 1"],
            [lines[2], f"acc[{s + 1}] += other[{s + 1}]"],
            f"({value} if acc[{s + 1}] else None)",
            guard=f"{x} is not None",
        )

    def _extreme(self, call: AggregateCall, args: list[str], op: str, pick) -> _Parts:
        x = args[0]
        if not self.retraction:
            s = self.e.slots("None")
            return _Parts(
                [f"if acc[{s}] is None or {x} {op} acc[{s}]: acc[{s}] = {x}"],
                [f"{self.e.const(M.insert_only(call.name))}()"],
                [
                    f"if other[{s}] is not None and (acc[{s}] is None or other[{s}] {op} acc[{s}]):",
                    f"    acc[{s}] = other[{s}]",
                ],
                f"acc[{s}]",
                guard=f"{x} is not None",
            )
        s = self.e.slots("{}", "None")
        recompute = f"{self.e.const(M.extremum)}(_m, {self.e.const(pick)})"
        return _Parts(
            [
                f"_m = acc[{s}]",
                f"_m[{x}] = _m.get({x}, 0) + 1",
                f"if acc[{s + 1}] is None or {x} {op} acc[{s + 1}]: acc[{s + 1}] = {x}",
            ],
            [
                f"_m = acc[{s}]",
                f"_n = _m.get({x}, 0) - 1",
                f"if _n: _m[{x}] = _n",
                f"else: del _m[{x}]",
                f"if _n <= 0 and {x} == acc[{s + 1}]: acc[{s + 1}] = {recompute}",
            ],
            [
                f"_m = acc[{s}]",
                f"for _k, _n in other[{s}].items(): _m[_k] = _m.get(_k, 0) + _n",
                f"acc[{s + 1}] = {recompute}",
            ],
            f"acc[{s + 1}]",
            guard=f"{x} is not None",
        )

    def _MIN(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._extreme(call, args, "<", min)

    def _MAX(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._extreme(call, args, ">", max)

    def _ordered(self, call: AggregateCall, x: str, value: str) -> _Parts:
        """Values kept in arrival order; retraction removes the earliest equal one."""
        s = self.e.slots("[]")
        remove = self.e.const(M.remove_first)
        return _Parts(
            [f"acc[{s}].append({x})"],
            [f"{remove}(acc[{s}], {x})"],
            [f"acc[{s}].extend(other[{s}])"],
            value.format(v=f"acc[{s}]"),
            guard=f"{x} is not None",
        )

    def _FIRST_VALUE(self, call: AggregateCall, args: list[str]) -> _Parts:
        x = args[0]
        if self.retraction:
            return self._ordered(call, x, "({v}[0] if {v} else None)")
        s = self.e.slots("None")
        return _Parts(
            [f"if acc[{s}] is None: acc[{s}] = {x}"],
            [f"{self.e.const(M.insert_only(call.name))}()"],
            [f"if acc[{s}] is None: acc[{s}] = other[{s}]"],
            f"acc[{s}]",
            guard=f"{x} is not None",
        )

    def _LAST_VALUE(self, call: AggregateCall, args: list[str]) -> _Parts:
        x = args[0]
        if self.retraction:
            return self._ordered(call, x, "({v}[-1] if {v} else None)")
        s = self.e.slots("None")
        return _Parts(
            [f"acc[{s}] = {x}"],
            [f"{self.e.const(M.insert_only(call.name))}()"],
            [f"if other[{s}] is not None: acc[{s}] = other[{s}]"],
            f"acc[{s}]",
            guard=f"{x} is not None",
        )

    def _LAG(self, call: AggregateCall, args: list[str]) -> _Parts:
        """LAG(x [, offset [, default]]) over a window, as Flink's LagAggFunction: the last
        offset + 1 values in arrival order (NULLs included); the oldest of them once there are
        that many, else the default."""
        offset = call.args[1] if len(call.args) > 1 else None
        if offset is not None and not isinstance(offset, Literal):
            raise UnsupportedError("LAG's offset must be a constant")
        keep = (1 if offset is None else int(offset.value)) + 1
        # The default is evaluated on the current row, the last one accumulated.
        default = args[2] if len(args) > 2 else "None"
        s = self.e.slots("[]", "None")
        trim = f"if len(acc[{s}]) > {keep}: del acc[{s}][0]"
        return _Parts(
            [f"acc[{s}].append({args[0]})", trim, f"acc[{s + 1}] = {default}"],
            [f"{self.e.const(M.insert_only(call.name))}()"],
            [f"acc[{s}].extend(other[{s}])", f"del acc[{s}][:-{keep}]"],
            f"(acc[{s}][0] if len(acc[{s}]) == {keep} else acc[{s + 1}])",
        )

    def _LISTAGG(self, call: AggregateCall, args: list[str]) -> _Parts:
        x = args[0]
        sep = args[1] if len(args) > 1 else repr(",")
        s = self.e.slots("[]", repr(","))
        remove = self.e.const(M.remove_first)
        return _Parts(
            [f"acc[{s}].append({x})", f"acc[{s + 1}] = {sep}"],
            [f"{remove}(acc[{s}], {x})", f"acc[{s + 1}] = {sep}"],
            [
                f"if other[{s}]:",
                f"    acc[{s}].extend(other[{s}])",
                f"    acc[{s + 1}] = other[{s + 1}]",
            ],
            f"(acc[{s + 1}].join(acc[{s}]) if acc[{s}] else None)",
            guard=f"{x} is not None",
        )

    def _ARRAY_AGG(self, call: AggregateCall, args: list[str]) -> _Parts:
        # Flink's ARRAY_AGG keeps NULL elements; an empty group gives NULL.
        s = self.e.slots("[]")
        x = args[0]
        return _Parts(
            [f"acc[{s}].append({x})"],
            [f"{self.e.const(M.remove_first)}(acc[{s}], {x})"],
            [f"acc[{s}].extend(other[{s}])"],
            f"(tuple(acc[{s}]) if acc[{s}] else None)",
        )

    def _COLLECT(self, call: AggregateCall, args: list[str]) -> _Parts:
        s = self.e.slots("{}")
        x = args[0]
        return _Parts(
            [f"_m = acc[{s}]", f"_m[{x}] = _m.get({x}, 0) + 1"],
            [
                f"_m = acc[{s}]",
                f"_n = _m.get({x}, 0) - 1",
                f"if _n > 0: _m[{x}] = _n",
                f"else: _m.pop({x}, None)",
            ],
            [
                f"_m = acc[{s}]",
                f"for _k, _n in other[{s}].items(): _m[_k] = _m.get(_k, 0) + _n",
            ],
            f"_FrozenMap(acc[{s}])",
            guard=f"{x} is not None",
        )

    def _SINGLE_VALUE(self, call: AggregateCall, args: list[str]) -> _Parts:
        """The value of a scalar subquery's only row; a second row fails the job, as in Flink."""
        s = self.e.slots("None", "0")
        x = args[0]
        fail = self.e.const(M.single_value_error)
        return _Parts(
            [f"acc[{s + 1}] += 1", f"if acc[{s + 1}] > 1: {fail}()", f"acc[{s}] = {x}"],
            [f"acc[{s + 1}] -= 1", f"acc[{s}] = None"],
            [
                f"acc[{s + 1}] += other[{s + 1}]",
                f"if acc[{s + 1}] > 1: {fail}()",
                f"if other[{s + 1}]: acc[{s}] = other[{s}]",
            ],
            f"acc[{s}]",
        )

    # STDDEV / VARIANCE: over DOUBLE (and integers) Flink 2.3's results are those of Welford's
    # running mean and squared spread, bit for bit; integer results truncate the double result.
    # DECIMAL keeps exact sums and computes (SUM(x*x) - SUM(x)^2 / n) / n at the end.
    def _moments(
        self, call: AggregateCall, args: list[str], population: bool, root: bool
    ) -> _Parts:
        x = args[0]
        t = call.type
        if t.root != T.DECIMAL:
            s = self.e.slots("0", "0.0", "0.0")
            add, sub, comb = (
                self.e.const(f) for f in (M.welford_add, M.welford_sub, M.welford_merge)
            )
            finish = self.e.const(M.variance(t, population, root))
            return _Parts(
                [f"{add}(acc, {s}, {x})"],
                [f"{sub}(acc, {s}, {x})"],
                [f"{comb}(acc, other, {s})"],
                f"{finish}(acc[{s}], acc[{s + 2}])",
                guard=f"{x} is not None",
            )
        s = self.e.slots("0", "0", "0")
        add = self.e.const(M.DECIMAL_CONTEXT.add)
        mul = self.e.const(M.DECIMAL_CONTEXT.multiply)
        sub = self.e.const(M.DECIMAL_CONTEXT.subtract)
        finish = self.e.const(M.decimal_variance(t, population, root))
        return _Parts(
            [
                f"acc[{s}] = {add}(acc[{s}], {x})",
                f"acc[{s + 1}] = {add}(acc[{s + 1}], {mul}({x}, {x}))",
                f"acc[{s + 2}] += 1",
            ],
            [
                f"acc[{s}] = {sub}(acc[{s}], {x})",
                f"acc[{s + 1}] = {sub}(acc[{s + 1}], {mul}({x}, {x}))",
                f"acc[{s + 2}] -= 1",
            ],
            [f"acc[{s + i}] += other[{s + i}]" for i in range(3)],
            f"{finish}(acc[{s}], acc[{s + 1}], acc[{s + 2}])",
            guard=f"{x} is not None",
        )

    def _VAR_POP(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._moments(call, args, True, False)

    def _VAR_SAMP(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._moments(call, args, False, False)

    def _STDDEV_POP(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._moments(call, args, True, True)

    def _STDDEV_SAMP(self, call: AggregateCall, args: list[str]) -> _Parts:
        return self._moments(call, args, False, True)

    # --- assembly ----------------------------------------------------------------------------

    def build(self, calls: Sequence[AggregateCall]) -> AggsHandle:
        e = self.e
        binds = [f"_a{i}_ = row[{i}]" for i in sorted(self.used)]
        source = [
            "def create():",
            f"    return [{', '.join(e.create)}]",
            "def accumulate(acc, row):",
            *_indent(binds + e.accumulate),
            "def retract(acc, row):",
            *_indent(binds + e.retract),
            "def merge(acc, other):",
            *_indent(e.merge),
            "def get_value(acc):",
            f"    return ({''.join(v + ', ' for v in e.values)})",
        ]
        text = "\n".join(source) + "\n"
        namespace = dict(e.env)
        exec(compile(text, "<aggregates>", "exec"), namespace)  # noqa: S102 - generated code
        return AggsHandle(
            tuple(calls),
            namespace["create"],
            namespace["accumulate"],
            namespace["retract"],
            namespace["merge"],
            namespace["get_value"],
            text,
        )


# Each aggregate function's builder, by the name Flink calls it (a table, so a renamed builder
# fails at import).
_BUILDERS = {
    "COUNT": _Builder._COUNT,
    "SUM": _Builder._SUM,
    "SUM0": _Builder._SUM0,
    "AVG": _Builder._AVG,
    "MIN": _Builder._MIN,
    "MAX": _Builder._MAX,
    "FIRST_VALUE": _Builder._FIRST_VALUE,
    "LAST_VALUE": _Builder._LAST_VALUE,
    "LISTAGG": _Builder._LISTAGG,
    "LAG": _Builder._LAG,
    "ARRAY_AGG": _Builder._ARRAY_AGG,
    "COLLECT": _Builder._COLLECT,
    "SINGLE_VALUE": _Builder._SINGLE_VALUE,
    "VAR_POP": _Builder._VAR_POP,
    "VAR_SAMP": _Builder._VAR_SAMP,
    "VARIANCE": _Builder._VAR_SAMP,
    "STDDEV_POP": _Builder._STDDEV_POP,
    "STDDEV_SAMP": _Builder._STDDEV_SAMP,
    "STDDEV": _Builder._STDDEV_SAMP,
}


# The functions whose presence makes Flink's planner reduce AVG to SUM / COUNT as well.
_REDUCED_WITH_AVG = frozenset(
    {"STDDEV_POP", "STDDEV_SAMP", "STDDEV", "VAR_POP", "VAR_SAMP", "VARIANCE"}
)


def _inline_wrap(e: _Emitter, expr: str, bits: int) -> str:
    """`expr` wrapped to a Java integer of `bits`, with the common in-range case inline."""
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return f"({expr} if {lo} <= {expr} <= {hi} else {e.const(M.wrap(bits))}({expr}))"


def _rebind(lines: list[str], args: list[str]) -> list[str]:
    """Inner accumulate code with its argument expressions read from the distinct key `_dk`."""
    single = len(args) == 1
    out = []
    for line in lines:
        # Two passes, so that rewriting one argument never rewrites another's replacement.
        for i, a in enumerate(args):
            line = line.replace(a, f"\x00{i}\x00")
        for i in range(len(args)):
            line = line.replace(f"\x00{i}\x00", "_dk" if single else f"_dk[{i}]")
        out.append(line)
    return out


class AggsHandle:
    """The compiled aggregates of one operator. `create()` gives a fresh accumulator list;
    `accumulate` / `retract` fold one input row in or out, `merge` folds another accumulator in
    (session windows), `get_value` gives one value per call in order, and `record_count` the
    rows accumulated minus the rows retracted. `source` is the generated code, for debugging."""

    __slots__ = ("calls", "create", "accumulate", "retract", "merge", "get_value", "source")

    def __init__(self, calls, create, accumulate, retract, merge, get_value, source: str) -> None:
        self.calls = calls
        self.create = create
        self.accumulate = accumulate
        self.retract = retract
        self.merge = merge
        self.get_value = get_value
        self.source = source

    @staticmethod
    def record_count(acc: list) -> int:
        return acc[0]

    def __len__(self) -> int:
        return len(self.calls)


def compile_aggregates(
    calls: Sequence[AggregateCall],
    input_fields: Sequence[RowField] = (),
    *,
    retraction: bool = True,
    ignore_retract: Sequence[bool] = (),
    reduce_avg: bool | None = None,
) -> AggsHandle:
    """One handle for `calls` over rows of `input_fields`; `retraction=False` builds the cheaper
    insert-only forms of MIN, MAX, FIRST_VALUE and LAST_VALUE (their retract then fails).

    `ignore_retract[i]` marks a call whose retractions Flink skips: MAX over an increasing or
    MIN over a decreasing input column (a COUNT from an insert-only aggregate, say). Flink then
    uses MaxAggFunction, so the value stays where it was until a larger one arrives.

    `reduce_avg`: AVG computed as Flink's planner rewrites it, SUM / COUNT with the sum in the
    argument's type. Flink does so in OVER windows, and in an aggregation that also holds a
    STDDEV or VAR function (Calcite's AggregateReduceFunctionsRule then reduces them all);
    None decides by the latter."""
    if reduce_avg is None:
        reduce_avg = any(c.name.upper() in _REDUCED_WITH_AVG for c in calls)
    builder = _Builder(input_fields, retraction, reduce_avg)
    for i, call in enumerate(calls):
        builder.add(call, i < len(ignore_retract) and ignore_retract[i])
    return builder.build(calls)
