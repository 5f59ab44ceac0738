"""Binding of AST expressions to typed Rex trees: names, literals, implicit casts, functions.

Aggregation and MATCH_RECOGNIZE change what a name means; they plug in through ExprContext hooks
instead of separate binders, so every clause shares one set of typing rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.dispatch import TypeDispatch
from flinklite.errors import Pos, UnsupportedError, ValidationError, did_you_mean
from flinklite.expr import coercion, functions, literals
from flinklite.expr.functions_core import CallContext
from flinklite.expr.rex import (
    Call,
    FieldAccessRex,
    Literal,
    OverCall,
    Rex,
    SubqueryRex,
    SymbolRex,
    WindowBound,
)
from flinklite.planner.scope import Scope
from flinklite.sql import ast

_EXPRESSIONS = TypeDispatch()


class SubqueryBinder(Protocol):
    """The Binder as expressions use it: subqueries inside expressions are relations."""

    def bind_subquery(self, query: ast.Query, parent: Scope) -> Any: ...


COMPARISONS = {"=", "<>", "<", ">", "<=", ">="}
ARITHMETIC = {"+", "-", "*", "/", "%"}

# An intercept sees each AST expression before normal binding; returning a Rex replaces it.
Intercept = Callable[[ast.Expr, "ExprContext"], Rex | None]


@dataclass(slots=True)
class ExprContext:
    """Where an expression is bound: its scope, the clause (for messages), and the hooks that
    aggregation (GROUP BY) and MATCH_RECOGNIZE install."""

    scope: Scope
    clause: str  # 'SELECT', 'WHERE', 'HAVING', 'ON', 'GROUP BY', 'DEFINE', 'MEASURES', ...
    intercept: Intercept | None = None
    allow_aggregates: bool = False
    allow_over: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class ExpressionBinder:
    """Binds expressions for one Binder (which binds the subqueries expressions contain)."""

    def __init__(self, binder: SubqueryBinder) -> None:
        self.binder = binder

    # --- entry points ------------------------------------------------------------------------

    def bind(self, expr: ast.Expr, ctx: ExprContext) -> Rex:
        if ctx.intercept is not None:
            replaced = ctx.intercept(expr, ctx)
            if replaced is not None:
                return replaced
        method = _EXPRESSIONS.find(type(expr))
        if method is None:
            raise ValidationError(f"Unsupported expression: {type(expr).__name__}", pos=expr.pos)
        return method(self, expr, ctx)

    def bind_condition(self, expr: ast.Expr, ctx: ExprContext) -> Rex:
        rex = self.bind(expr, ctx)
        if rex.type.root not in (T.BOOLEAN, T.NULL):
            raise ValidationError(
                f"{ctx.clause} clause must be a condition, but the expression is of type {rex.type}",
                pos=expr.pos,
            )
        return rex

    # --- leaves --------------------------------------------------------------------------------

    @_EXPRESSIONS.register(ast.Identifier)
    def _Identifier(self, e: ast.Identifier, ctx: ExprContext) -> Rex:
        return ctx.scope.resolve(e.parts, e.pos)

    @_EXPRESSIONS.register(
        ast.NumericLiteral,
        ast.StringLiteral,
        ast.BooleanLiteral,
        ast.NullLiteral,
        ast.TypedLiteral,
        ast.IntervalLiteral,
        ast.BinaryLiteral,
    )
    def _literal(self, e: ast.Expr, ctx: ExprContext) -> Rex:
        return Literal(literals.literal_type(e), literals.literal_value(e))

    @_EXPRESSIONS.register(ast.Symbol)
    def _Symbol(self, e: ast.Symbol, ctx: ExprContext) -> Rex:
        return SymbolRex(functions.symbol_type(), e.name)

    @_EXPRESSIONS.register(ast.Star)
    def _Star(self, e: ast.Star, ctx: ExprContext) -> Rex:
        raise ValidationError("'*' is only allowed in a select list or in COUNT(*)", pos=e.pos)

    # --- operators -----------------------------------------------------------------------------

    @_EXPRESSIONS.register(ast.UnaryOp)
    def _UnaryOp(self, e: ast.UnaryOp, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        if e.op == "NOT":
            self._require_boolean("NOT", [operand], e.pos)
            return Call(T.boolean(operand.type.nullable), "NOT", (operand,))
        if literals.is_literal(
            e
        ):  # Flink folds the sign into a numeric literal: -2147483648 is INT
            return self._literal(e, ctx)
        result = coercion.unary_type(e.op, operand.type, e.pos)
        return operand if e.op == "+" else Call(result, "-", (operand,))

    @_EXPRESSIONS.register(ast.BinaryOp)
    def _BinaryOp(self, e: ast.BinaryOp, ctx: ExprContext) -> Rex:
        left = self.bind(e.left, ctx)
        right = self.bind(e.right, ctx)
        op = e.op
        nullable = left.type.nullable or right.type.nullable
        if op in ("AND", "OR"):
            self._require_boolean(op, [left, right], e.pos)
            return Call(T.boolean(nullable), op, (left, right))
        if op in COMPARISONS:
            lt, rt = coercion.comparison_types(op, left.type, right.type, e.pos)
            return Call(T.boolean(nullable), op, (cast_to(left, lt), cast_to(right, rt)))
        if op in ARITHMETIC:
            result = coercion.arithmetic_type(op, left.type, right.type, e.pos)
            name = "MOD" if op == "%" else op
            return Call(result, name, (left, right))
        if op == "||":
            return self._call_builtin("||", (e.left, e.right), [left, right], e.pos)
        raise ValidationError(f"Unknown operator '{op}'", pos=e.pos)

    @_EXPRESSIONS.register(ast.IsPredicate)
    def _IsPredicate(self, e: ast.IsPredicate, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        if e.test in ("TRUE", "FALSE", "UNKNOWN"):
            self._require_boolean(f"IS {e.test}", [operand], e.pos)
        op = f"IS {'NOT ' if e.negated else ''}{e.test}"
        return Call(T.boolean(False), op, (operand,))

    @_EXPRESSIONS.register(ast.IsDistinctFrom)
    def _IsDistinctFrom(self, e: ast.IsDistinctFrom, ctx: ExprContext) -> Rex:
        left, right = self.bind(e.left, ctx), self.bind(e.right, ctx)
        lt, rt = coercion.comparison_types("=", left.type, right.type, e.pos)
        op = "IS NOT DISTINCT FROM" if e.negated else "IS DISTINCT FROM"
        return Call(T.boolean(False), op, (cast_to(left, lt), cast_to(right, rt)))

    @_EXPRESSIONS.register(ast.InList)
    def _InList(self, e: ast.InList, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        items = [self.bind(i, ctx) for i in e.items]
        operand_type, item_type = coercion.in_list_types(
            operand.type, [i.type for i in items], e.pos
        )
        operand = cast_to(operand, operand_type)
        items = [cast_to(i, item_type) for i in items]
        nullable = operand.type.nullable or any(i.type.nullable for i in items)
        return Call(T.boolean(nullable), "NOT IN" if e.negated else "IN", (operand, *items))

    @_EXPRESSIONS.register(ast.InSubquery)
    def _InSubquery(self, e: ast.InSubquery, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        rel = self.binder.bind_subquery(e.query, ctx.scope)
        if len(rel.fields) != 1:
            raise ValidationError(
                f"Subquery in IN must return exactly one column, but returns {len(rel.fields)}",
                pos=e.query.pos,
            )
        coercion.comparison_types("=", operand.type, rel.fields[0].type, e.pos)
        kind = "NOT IN" if e.negated else "IN"
        return SubqueryRex(T.boolean(True), kind, (operand,), rel)

    @_EXPRESSIONS.register(ast.QuantifiedComparison)
    def _QuantifiedComparison(self, e: ast.QuantifiedComparison, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        rel = self.binder.bind_subquery(e.query, ctx.scope)
        if len(rel.fields) != 1:
            raise ValidationError(
                f"Subquery in {e.quantifier} must return exactly one column, but returns "
                f"{len(rel.fields)}",
                pos=e.query.pos,
            )
        coercion.comparison_types(e.op, operand.type, rel.fields[0].type, e.pos)
        return SubqueryRex(T.boolean(True), f"{e.op} {e.quantifier}", (operand,), rel)

    @_EXPRESSIONS.register(ast.Exists)
    def _Exists(self, e: ast.Exists, ctx: ExprContext) -> Rex:
        rel = self.binder.bind_subquery(e.query, ctx.scope)
        return SubqueryRex(T.boolean(False), "EXISTS", (), rel)

    @_EXPRESSIONS.register(ast.ScalarSubquery)
    def _ScalarSubquery(self, e: ast.ScalarSubquery, ctx: ExprContext) -> Rex:
        rel = self.binder.bind_subquery(e.query, ctx.scope)
        if len(rel.fields) != 1:
            raise ValidationError(
                f"Scalar subquery must return exactly one column, but returns {len(rel.fields)}",
                pos=e.pos,
            )
        return SubqueryRex(rel.fields[0].type.with_nullable(True), "SCALAR", (), rel)

    @_EXPRESSIONS.register(ast.Between)
    def _Between(self, e: ast.Between, ctx: ExprContext) -> Rex:
        # As Calcite, `x BETWEEN lo AND hi` is `x >= lo AND x <= hi` (NOT: `x < lo OR x > hi`),
        # each comparison with its own implicit casts: x may meet lo and hi as different types.
        operand, low, high = (self.bind(x, ctx) for x in (e.operand, e.low, e.high))

        def compare(op: str, bound: Rex) -> Rex:
            ot, bt = coercion.comparison_types(op, operand.type, bound.type, e.pos)
            nullable = operand.type.nullable or bound.type.nullable
            return Call(T.boolean(nullable), op, (cast_to(operand, ot), cast_to(bound, bt)))

        def joined(op: str, a: Rex, b: Rex) -> Rex:
            return Call(T.boolean(a.type.nullable or b.type.nullable), op, (a, b))

        def between(lo: Rex, hi: Rex) -> Rex:
            if e.negated:
                return joined("OR", compare("<", lo), compare(">", hi))
            return joined("AND", compare(">=", lo), compare("<=", hi))

        expr = between(low, high)
        if e.symmetric:  # either order of the bounds: NOT BETWEEN SYMMETRIC excludes both
            expr = joined("AND" if e.negated else "OR", expr, between(high, low))
        return expr

    @_EXPRESSIONS.register(ast.Like)
    def _Like(self, e: ast.Like, ctx: ExprContext) -> Rex:
        parts = [self.bind(x, ctx) for x in (e.operand, e.pattern, e.escape) if x is not None]
        word = "SIMILAR TO" if e.similar else "LIKE"
        for p in parts:
            if not (p.type.is_string or p.type.root == T.NULL):
                raise ValidationError(
                    f"Cannot apply '{word}' to arguments of type "
                    f"'{word}(<{'>, <'.join(_type_name(x.type) for x in parts)}>)'. "
                    f"Supported form(s): '{word}(<STRING>, <STRING>)'",
                    pos=e.pos,
                )
        op = ("NOT " if e.negated else "") + word
        return Call(T.boolean(any(p.type.nullable for p in parts)), op, tuple(parts))

    @_EXPRESSIONS.register(ast.Case)
    def _Case(self, e: ast.Case, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx) if e.operand is not None else None
        conditions: list[Rex] = []
        for w in e.whens:
            if operand is None:
                conditions.append(self.bind_condition(w.condition, ctx))
            else:
                value = self.bind(w.condition, ctx)
                lt, rt = coercion.comparison_types("=", operand.type, value.type, w.pos)
                conditions.append(
                    Call(T.boolean(True), "=", (cast_to(operand, lt), cast_to(value, rt)))
                )
        results = [self.bind(w.result, ctx) for w in e.whens]
        if e.else_ is not None:
            results.append(self.bind(e.else_, ctx))
        result_type = coercion.least_restrictive([r.type for r in results], e.pos)
        if e.else_ is None:
            result_type = result_type.with_nullable(True)
        operands: list[Rex] = []
        for cond, res in zip(conditions, results, strict=False):
            operands += [cond, cast_to(res, result_type)]
        operands.append(
            cast_to(results[-1], result_type) if e.else_ is not None else Literal(result_type, None)
        )
        return Call(result_type, "CASE", tuple(operands))

    @_EXPRESSIONS.register(ast.Cast)
    def _Cast(self, e: ast.Cast, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        target = T.from_spec(e.type)
        if not coercion.explicit_cast_allowed(operand.type, target):
            raise ValidationError(
                f"Cast function cannot convert value of type {operand.type.serializable()} "
                f"to type {target.serializable()}",
                pos=e.pos,
            )
        refused = coercion.refused_cast(operand.type, target)
        if refused is not None:
            raise ValidationError(refused, pos=e.pos)
        if e.try_:
            return Call(target.with_nullable(True), "TRY_CAST", (operand,))
        if operand.type.nullable:
            target = target.with_nullable(True)
        return Call(target, "CAST", (operand,))

    @_EXPRESSIONS.register(ast.FieldAccess)
    def _FieldAccess(self, e: ast.FieldAccess, ctx: ExprContext) -> Rex:
        operand = self.bind(e.operand, ctx)
        t = operand.type
        match = [f for f in t.fields if f.name == e.field] if t.root == T.ROW else []
        if not match:
            raise ValidationError(
                f"Field '{e.field}' not found in {t}",
                pos=e.pos,
                hint=did_you_mean(e.field, [f.name for f in t.fields]),
            )
        return FieldAccessRex(
            match[0].type.with_nullable(match[0].type.nullable or t.nullable), operand, e.field
        )

    @_EXPRESSIONS.register(ast.Subscript)
    def _Subscript(self, e: ast.Subscript, ctx: ExprContext) -> Rex:
        operand, index = self.bind(e.operand, ctx), self.bind(e.index, ctx)
        t = operand.type
        if t.root == T.ARRAY:
            if not index.type.is_integer:
                raise ValidationError(
                    f"Array index must be an integer, not {index.type}", pos=e.index.pos
                )
            return Call(t.elements[0].with_nullable(True), "ITEM", (operand, index))
        if t.root == T.MAP:
            kt = t.elements[0]
            coercion.comparison_types("=", index.type, kt, e.pos)
            return Call(t.elements[1].with_nullable(True), "ITEM", (operand, index))
        raise ValidationError(
            f"Cannot apply 'ITEM' to arguments of type 'ITEM(<{_type_name(t)}>, <{_type_name(index.type)}>)'",
            pos=e.pos,
        )

    @_EXPRESSIONS.register(ast.RowConstructor)
    def _RowConstructor(self, e: ast.RowConstructor, ctx: ExprContext) -> Rex:
        items = [self.bind(i, ctx) for i in e.items]
        row = T.row([(f"EXPR${i}", x.type) for i, x in enumerate(items)], nullable=False)
        return Call(row, "ROW", tuple(items))

    @_EXPRESSIONS.register(ast.ArrayConstructor)
    def _ArrayConstructor(self, e: ast.ArrayConstructor, ctx: ExprContext) -> Rex:
        items = [self.bind(i, ctx) for i in e.items]
        element = coercion.least_restrictive([i.type for i in items], e.pos)
        return Call(
            T.array(element, nullable=False), "ARRAY", tuple(cast_to(i, element) for i in items)
        )

    @_EXPRESSIONS.register(ast.MapConstructor)
    def _MapConstructor(self, e: ast.MapConstructor, ctx: ExprContext) -> Rex:
        items = [self.bind(i, ctx) for i in e.items]
        if len(items) % 2:
            raise ValidationError("MAP requires an even number of arguments", pos=e.pos)
        kt = coercion.least_restrictive([i.type for i in items[0::2]], e.pos)
        vt = coercion.least_restrictive([i.type for i in items[1::2]], e.pos)
        return Call(T.map_(kt, vt, nullable=False), "MAP", tuple(items))

    @_EXPRESSIONS.register(ast.Navigation)
    def _Navigation(self, e: ast.Navigation, ctx: ExprContext) -> Rex:
        if ctx.clause not in ("MEASURES",):
            raise ValidationError(f"{e.semantics} is only allowed in MEASURES", pos=e.pos)
        inner = self.bind(e.operand, ctx)
        return Call(inner.type, e.semantics, (inner,))

    @_EXPRESSIONS.register(ast.NamedArgument)
    def _NamedArgument(self, e: ast.NamedArgument, ctx: ExprContext) -> Rex:
        raise ValidationError("Named arguments are only allowed in table function calls", pos=e.pos)

    @_EXPRESSIONS.register(ast.Descriptor)
    def _Descriptor(self, e: ast.Descriptor, ctx: ExprContext) -> Rex:
        raise ValidationError("DESCRIPTOR is only allowed in window table functions", pos=e.pos)

    @_EXPRESSIONS.register(ast.TableArgument)
    def _TableArgument(self, e: ast.TableArgument, ctx: ExprContext) -> Rex:
        raise ValidationError("TABLE arguments are only allowed in table function calls", pos=e.pos)

    # --- calls -----------------------------------------------------------------------------------

    @_EXPRESSIONS.register(ast.FunctionCall)
    def _FunctionCall(self, e: ast.FunctionCall, ctx: ExprContext) -> Rex:
        name = e.name[-1].upper() if len(e.name) == 1 else ".".join(e.name)
        definition = functions.lookup(name) if len(e.name) == 1 else None
        if definition is None:
            self._unknown_function(e, ctx)
        if e.over is not None:
            return self._over(e, definition, ctx)
        if definition.kind == "aggregate":
            if not ctx.allow_aggregates:
                hint = "use HAVING for conditions on aggregates" if ctx.clause == "WHERE" else None
                raise ValidationError(
                    f"Aggregate expression is illegal in {ctx.clause} clause", pos=e.pos, hint=hint
                )
        elif definition.kind in ("group-window", "group-window-property"):
            raise ValidationError(
                f"Group window function {name} is only allowed in GROUP BY and the SELECT of a grouped query",
                pos=e.pos,
            )
        elif definition.kind == "window" and not ctx.allow_over:
            raise ValidationError(f"Function '{name}' requires an OVER clause", pos=e.pos)
        elif definition.kind == "match" and "current" not in (ctx.extra or {}):
            # MATCH_RECOGNIZE's DEFINE and MEASURES (their contexts carry "current") own these.
            raise ValidationError(
                f"Function '{name}()' can only be used in MATCH_RECOGNIZE", pos=e.pos
            )
        if e.distinct and definition.kind != "aggregate":
            raise ValidationError(
                f"DISTINCT is only allowed in aggregate functions, not in {name}", pos=e.pos
            )
        args = self._bind_args(e, ctx)
        rex = self._call_builtin(name, e.args, args, e.pos, distinct=e.distinct, star=is_star(e))
        if e.distinct:
            rex = Call(rex.type, f"{name} DISTINCT", rex.operands)  # type: ignore[attr-defined]
        return rex

    def _bind_args(self, e: ast.FunctionCall, ctx: ExprContext) -> list[Rex]:
        if is_star(e):
            return []  # COUNT(*)
        return [self.bind(a, ctx) for a in e.args]

    def _call_builtin(
        self,
        name: str,
        arg_nodes: tuple[ast.Expr, ...],
        args: list[Rex],
        pos: Pos,
        **flags: bool,
    ) -> Rex:
        definition = functions.lookup(name)
        assert definition is not None
        nodes = () if flags.get("star") else arg_nodes
        context = CallContext(name, nodes, pos, **flags)
        return Call(definition.infer([a.type for a in args], context), name, tuple(args))

    def _over(self, e: ast.FunctionCall, definition: Any, ctx: ExprContext) -> Rex:
        name = e.name[-1].upper()
        if not ctx.allow_over:
            raise ValidationError(f"OVER windows are not allowed in {ctx.clause}", pos=e.pos)
        if definition.kind not in ("aggregate", "window"):
            raise ValidationError(f"Function '{name}' cannot be used with OVER", pos=e.pos)
        spec = self.binder.resolve_window(e.over, ctx)
        inner = ExprContext(ctx.scope, ctx.clause, ctx.intercept, allow_aggregates=False)
        args = self._bind_args(e, inner)
        star = is_star(e)
        context = CallContext(
            name, () if star else e.args, e.pos, over=True, distinct=e.distinct, star=star
        )
        result = definition.infer([a.type for a in args], context)
        partition = tuple(self.bind(p, inner) for p in spec.partition_by)
        order = tuple(
            (self.bind(o.expr, inner), bool(o.descending), bool(o.nulls_first))
            for o in spec.order_by
        )
        for (key, _, _), item in zip(order, spec.order_by, strict=True):
            T.check_orderable(key.type, item.pos)
        units = lower = upper = None
        if spec.frame is not None:
            units = spec.frame.units
            lower = self._bound(spec.frame.start, inner)
            upper = (
                self._bound(spec.frame.end, inner) if spec.frame.end else WindowBound("CURRENT ROW")
            )
        return OverCall(
            result, name, tuple(args), partition, order, units, lower, upper, e.distinct
        )

    def _bound(self, b: ast.FrameBound, ctx: ExprContext) -> WindowBound:
        return WindowBound(b.kind, self.bind(b.offset, ctx) if b.offset is not None else None)

    def _unknown_function(self, e: ast.FunctionCall, ctx: ExprContext) -> None:
        udf = self.binder.catalog_function(e.name, e.pos)
        if udf is not None:
            raise UnsupportedError(
                f"Function '{'.'.join(e.name)}' is a user-defined function implemented in "
                f"{(udf.language or 'JAVA').title()} (class '{udf.class_name}'); flinklite runs "
                "built-in functions only",
                pos=e.pos,
            )
        args = []
        for a in e.args:
            try:
                args.append("<" + _type_family(self.bind(a, ctx).type) + ">")
            except ValidationError:
                args.append("<?>")
        name = ".".join(e.name)
        raise ValidationError(
            f"No match found for function signature {name}({', '.join(args)})",
            pos=e.pos,
            hint=did_you_mean(name, functions.function_names()),
        )

    def _require_boolean(self, op: str, operands: list[Rex], pos: Pos) -> None:
        if all(o.type.root in (T.BOOLEAN, T.NULL) for o in operands):
            return
        shown = ", ".join(f"<{_type_name(o.type)}>" for o in operands)
        raise ValidationError(
            f"Cannot apply '{op}' to arguments of type '{op}({shown})'. "
            f"Supported form(s): '{op}(<BOOLEAN>{', <BOOLEAN>' * (len(operands) - 1)})'",
            pos=pos,
        )


def is_star(e: ast.FunctionCall) -> bool:
    """COUNT(*): the single argument is a bare star."""
    return len(e.args) == 1 and isinstance(e.args[0], ast.Star)


def cast_to(rex: Rex, target: DataType) -> Rex:
    """`rex` converted to `target` (keeping its nullability); the same node when no cast is needed."""
    if T.same_ignoring_nullability(rex.type, target):
        return rex
    if isinstance(rex, Literal) and rex.value is None:
        return Literal(target.with_nullable(True), None)
    return Call(target.with_nullable(rex.type.nullable), "CAST", (rex,))


def _type_family(t: DataType) -> str:
    """A type's family as Calcite names it in 'No match found for function signature f(..)'."""
    if t.is_string:
        return "CHARACTER"
    if t.is_numeric:
        return "NUMERIC"
    if t.root in (T.TIMESTAMP, T.TIMESTAMP_LTZ):
        return "TIMESTAMP"
    if t.root in (T.BINARY, T.VARBINARY):
        return "BINARY"
    if t.root in (T.INTERVAL_DAY_TIME, T.INTERVAL_YEAR_MONTH):
        return "INTERVAL_DAY_TIME" if t.root == T.INTERVAL_DAY_TIME else "INTERVAL_YEAR_MONTH"
    return t.root


def _type_name(t: DataType) -> str:
    """A type as Calcite names it in operator signatures: VARCHAR(2147483647), INTEGER."""
    text = t.without_time_attribute().with_nullable(True).serializable()
    return "INTEGER" if text == "INT" else text
