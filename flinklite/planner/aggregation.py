"""GROUP BY binding: group keys (including legacy TUMBLE/HOP/SESSION group windows), aggregate
calls, and the rule that every selected expression is grouped or aggregated.

Select items are bound through an intercept that maps grouped sub-expressions to key fields and
aggregate calls to aggregate fields, as Calcite's AggregatingSelectScope does."""

from __future__ import annotations

from dataclasses import replace

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import ValidationError
from flinklite.expr import functions, literals
from flinklite.expr.rex import AggregateCall, Call, InputRef, Rex
from flinklite.planner import logical as L
from flinklite.planner.binding import BinderContext
from flinklite.planner.expressions import ExprContext, is_star
from flinklite.planner.scope import Scope
from flinklite.sql import ast

LEGACY_WINDOWS = {"TUMBLE", "HOP", "SESSION"}
AUXILIARY = {"START", "END", "ROWTIME", "PROCTIME"}


def is_aggregate_call(expr: ast.Expr) -> bool:
    if not isinstance(expr, ast.FunctionCall) or expr.over is not None or len(expr.name) != 1:
        return False
    definition = functions.lookup(expr.name[0].upper())
    return definition is not None and definition.kind == "aggregate"


def contains_aggregate(expr: object) -> bool:
    """Whether an expression holds an aggregate call outside OVER windows and subqueries."""
    if isinstance(expr, ast.Expr) and is_aggregate_call(expr):
        return True
    if isinstance(expr, (ast.Query, ast.QueryBody)):
        return False
    if isinstance(expr, ast.FunctionCall) and expr.over is not None:
        return any(contains_aggregate(a) for a in expr.args)
    if isinstance(expr, ast.Node):
        return any(contains_aggregate(getattr(expr, s)) for s in expr.__slots__ if s != "pos")
    if isinstance(expr, tuple):
        return any(contains_aggregate(x) for x in expr)
    return False


def needs_aggregation(sel: ast.Select, items: list[tuple[ast.Expr, str | None]]) -> bool:
    return any(contains_aggregate(e) for e, _ in items) or (
        sel.having is not None and contains_aggregate(sel.having)
    )


def _legacy_window(expr: ast.Expr) -> str | None:
    if isinstance(expr, ast.FunctionCall) and len(expr.name) == 1 and expr.over is None:
        name = expr.name[0].upper()
        if name in LEGACY_WINDOWS:
            return name
    return None


class Aggregation:
    """Collects group keys and aggregate calls for one SELECT, then builds the plan:
    Project(keys, aggregate arguments) -> Aggregate -> (the caller's Filter / Project)."""

    def __init__(
        self,
        binder: BinderContext,
        input_rel: L.RelNode,
        scope: Scope,
        group_by: tuple[ast.Expr, ...],
        windows: dict,
    ) -> None:
        self.binder = binder
        self.input = input_rel
        self.scope = scope
        self.windows = windows
        self.keys: list[Rex] = []
        self.key_names: list[str] = []
        self.window_calls: dict[int, ast.FunctionCall] = {}  # key index -> legacy window call
        self.grouping_sets: list[tuple[int, ...]] = []
        self.agg_calls: list[AggregateCall] = []
        self.arg_exprs: list[Rex] = []
        ctx = ExprContext(scope, "GROUP BY")
        # GROUP BY a, ROLLUP (b): the sets of each item, crossed; a plain key is in every set.
        sets: list[tuple[int, ...]] = [()]
        grouped = False
        for item in group_by:
            if isinstance(item, ast.GroupingSets):
                grouped = True
                options = self._grouping_sets(item, ctx)
            else:
                options = [(self._key(item, ctx),)]
            sets = [s + tuple(k for k in o if k not in s) for s in sets for o in options]
        if grouped:
            unique: list[tuple[int, ...]] = []
            for s in sets:
                if set(s) not in [set(u) for u in unique]:
                    unique.append(tuple(sorted(s)))
            self.grouping_sets = unique

    def _key(self, item: ast.Expr, ctx: ExprContext) -> int:
        if contains_aggregate(item):
            raise ValidationError(
                "Aggregate expression is illegal in GROUP BY clause", pos=item.pos
            )
        window = _legacy_window(item)
        rex = self.binder.exprs.bind(item, ctx) if window is None else self._bind_window(item, ctx)
        if rex in self.keys:
            return self.keys.index(rex)
        self.keys.append(rex)
        if window is not None:
            self.window_calls[len(self.keys) - 1] = item  # type: ignore[assignment]
            self.key_names.append(f"$f{len(self.keys) - 1}")
        elif isinstance(item, ast.Identifier):
            self.key_names.append(item.parts[-1])
        else:
            self.key_names.append(f"$f{len(self.keys) - 1}")
        return len(self.keys) - 1

    def _grouping_sets(self, item: ast.GroupingSets, ctx: ExprContext) -> list[tuple[int, ...]]:
        """The key sets GROUPING SETS lists, ROLLUP's prefixes or CUBE's subsets."""
        elements = [tuple(self._key(e, ctx) for e in group) for group in item.sets]
        if item.kind == "ROLLUP":
            prefixes = [elements[:n] for n in range(len(elements), -1, -1)]
            return [tuple(k for e in p for k in e) for p in prefixes]
        if item.kind == "CUBE":
            n = len(elements)
            subsets = [[elements[i] for i in range(n) if mask >> (n - 1 - i) & 1] for mask in
                       range((1 << n) - 1, -1, -1)]  # fmt: skip
            return [tuple(k for e in sub for k in e) for sub in subsets]
        return elements

    def _bind_window(self, call: ast.FunctionCall, ctx: ExprContext) -> Rex:
        name = call.name[0].upper()
        args = [self.binder.exprs.bind(a, ctx) for a in call.args]
        expected = 3 if name == "HOP" else 2
        if len(args) not in (expected, expected + 1):
            raise ValidationError(
                f"Invalid number of arguments to function '{name}'. Was expecting {expected} arguments",
                pos=call.pos,
            )
        time = args[0]
        if time.type.time_attribute is None:
            raise ValidationError(
                f"Window can only be defined on a time attribute column, but is type of {time.type}",
                pos=call.args[0].pos,
            )
        for a, node in zip(args[1:], call.args[1:], strict=True):
            if a.type.root not in T.INTERVALS:
                raise ValidationError(
                    f"{name} window size must be an interval, not {a.type}", pos=node.pos
                )
        return Call(time.type.without_time_attribute().not_null(), f"${name}", tuple(args))

    # --- binding select items through the grouping ---------------------------------------------

    def bind(self, expr: ast.Expr, clause: str, condition: bool = False) -> Rex:
        ctx = ExprContext(
            self.scope,
            clause,
            intercept=self._intercept,
            allow_over=True,
            extra={"windows": self.windows},
        )
        return (
            self.binder.exprs.bind_condition(expr, ctx)
            if condition
            else self.binder.exprs.bind(expr, ctx)
        )

    def _intercept(self, expr: ast.Expr, ctx: ExprContext) -> Rex | None:
        if is_aggregate_call(expr):
            return self._aggregate(expr)  # type: ignore[arg-type]
        aux = self._auxiliary(expr)
        if aux is not None:
            return aux
        if isinstance(
            expr,
            (ast.Query, ast.Exists, ast.ScalarSubquery, ast.InSubquery, ast.QuantifiedComparison),
        ) or contains_aggregate(expr):
            return None
        if isinstance(expr, ast.FunctionCall) and expr.over is not None:
            return None
        if literals.is_literal(expr) or isinstance(expr, ast.Symbol):
            return None
        try:
            bound = self.binder.exprs.bind(
                expr, ExprContext(self.scope, ctx.clause, allow_over=True, extra=ctx.extra)
            )
        except ValidationError:
            if isinstance(expr, ast.Identifier):
                raise
            return None
        for i, key in enumerate(self.keys):
            if key == bound:
                return InputRef(key.type, i)
        if isinstance(expr, ast.Identifier):
            raise ValidationError(
                f"Expression '{'.'.join(expr.parts)}' is not being grouped", pos=expr.pos
            )
        return None  # bind the children through this intercept

    def _aggregate(self, call: ast.FunctionCall) -> Rex:
        name = call.name[0].upper()
        inner = ExprContext(self.scope, f"aggregate {name}", extra={"windows": self.windows})
        for a in call.args:
            if contains_aggregate(a):
                raise ValidationError("Aggregate expressions cannot be nested", pos=a.pos)
        args = self.binder.exprs._bind_args(call, inner)
        star = is_star(call)
        rex = self.binder.exprs._call_builtin(
            name,
            call.args,
            args,
            call.pos,
            grouped=bool(self.keys),
            distinct=call.distinct,
            star=star,
        )
        filt = (
            self.binder.exprs.bind_condition(call.filter, ExprContext(self.scope, "FILTER"))
            if call.filter is not None
            else None
        )
        arg_refs = tuple(self._arg(a) for a in args)
        if name in ("GROUPING", "GROUPING_ID") and any(
            not isinstance(r, InputRef) or r.index >= len(self.keys) for r in arg_refs
        ):
            raise ValidationError(
                f"Argument to {name} operator must be a grouped expression", pos=call.pos
            )
        filt_ref = self._arg(filt) if filt is not None else None
        alias = f"EXPR${len(self.agg_calls)}"
        agg = AggregateCall(name, arg_refs, rex.type, alias, call.distinct, filt_ref)
        # The same aggregate in SELECT and HAVING is computed once (aliases differ).
        same = [i for i, a in enumerate(self.agg_calls) if a == replace(agg, alias=a.alias)]
        if same:
            index = same[0]
        else:
            self.agg_calls.append(agg)
            index = len(self.agg_calls) - 1
        return InputRef(rex.type, len(self.keys) + index)

    def _arg(self, rex: Rex) -> Rex:
        """Aggregate arguments become fields of the projection under the aggregate."""
        if rex in self.keys:  # an argument that is a group key reads the key's field
            return InputRef(rex.type, self.keys.index(rex))
        offset = len(self.keys)
        if rex in self.arg_exprs:
            i = self.arg_exprs.index(rex)
        else:
            self.arg_exprs.append(rex)
            i = len(self.arg_exprs) - 1
        return InputRef(rex.type, offset + i)

    def _auxiliary(self, expr: ast.Expr) -> Rex | None:
        if not (isinstance(expr, ast.FunctionCall) and len(expr.name) == 1):
            return None
        name = expr.name[0].upper()
        window, _, aux = name.partition("_")
        if window not in LEGACY_WINDOWS or aux not in AUXILIARY:
            return None
        for index, call in self.window_calls.items():
            if call.name[0].upper() == window and call.args == expr.args:
                key = self.keys[index]
                if aux == "ROWTIME":
                    t = T.timestamp(3, False).as_time_attribute("ROWTIME")
                elif aux == "PROCTIME":
                    t = T.timestamp_ltz(3, False).as_time_attribute("PROCTIME")
                else:
                    t = key.type.without_time_attribute().not_null()
                return Call(t, name, (InputRef(key.type, index),))
        raise ValidationError(
            f"{name} must be used with the same arguments as the {window} group window in GROUP BY",
            pos=expr.pos,
        )

    # --- plan ------------------------------------------------------------------------------------

    def build(self) -> L.RelNode:
        pre_exprs = tuple(self.keys) + tuple(self.arg_exprs)
        pre_names = self.key_names + [f"$f{len(self.keys) + i}" for i in range(len(self.arg_exprs))]
        pre_fields = tuple(RowField(n, e.type) for n, e in zip(pre_names, pre_exprs, strict=True))
        pre = L.Project(pre_fields, self.input, pre_exprs)
        out_fields = tuple(
            RowField(n, k.type) for n, k in zip(self.key_names, self.keys, strict=True)
        )
        if self.grouping_sets:
            out_fields = tuple(RowField(f.name, f.type.with_nullable(True)) for f in out_fields)
        out_fields += tuple(RowField(a.alias, a.type) for a in self.agg_calls)
        return L.Aggregate(
            out_fields,
            pre,
            tuple(range(len(self.keys))),
            tuple(self.agg_calls),
            tuple(self.grouping_sets),
        )
