"""MATCH_RECOGNIZE binding: partition and order keys, pattern variables, DEFINE and MEASURES
scopes where `A.col` means pattern variable A, and the output row type.

The pattern itself stays an AST for the cep compiler; this module checks names and types."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.cep.pattern import pattern_variables
from flinklite.errors import ValidationError, did_you_mean
from flinklite.expr.rex import Call, InputRef, PatternRef, Rex
from flinklite.planner import logical as L
from flinklite.planner.aggregation import is_aggregate_call
from flinklite.planner.binding import BinderContext, aliased
from flinklite.planner.expressions import ExprContext, is_star
from flinklite.planner.scope import Scope
from flinklite.sql import ast

NAVIGATION = {"PREV", "NEXT", "FIRST", "LAST"}


def bind_match_recognize(
    binder: BinderContext, mr: ast.MatchRecognize, parent: Scope | None
) -> tuple[L.RelNode, Scope]:
    node, in_scope = binder.bind_relation(mr.input, parent)
    input_scope = Scope(in_scope.fields, parent)
    plain = ExprContext(input_scope, "PARTITION BY")
    partition = [binder.exprs.bind(e, plain) for e in mr.partition_by]
    for e, rex in zip(mr.partition_by, partition, strict=True):
        if not isinstance(rex, InputRef):
            raise ValidationError("PARTITION BY supports column references only", pos=e.pos)
    order = []
    for item in mr.order_by:
        rex = binder.exprs.bind(item.expr, ExprContext(input_scope, "ORDER BY"))
        if not isinstance(rex, InputRef):
            raise ValidationError(
                "ORDER BY in MATCH_RECOGNIZE supports column references only", pos=item.pos
            )
        order.append((rex.index, bool(item.descending), bool(item.nulls_first)))
    _check_order(binder, mr, input_scope, order)

    variables = pattern_variables(mr.pattern)
    subsets = {s.name: s.variables for s in mr.subsets}
    for s in mr.subsets:
        for v in s.variables:
            if v not in variables:
                raise ValidationError(
                    f"Unknown pattern variable '{v}' in SUBSET {s.name}", pos=s.pos
                )
    known = set(variables) | set(subsets)
    definitions = []
    for d in mr.define:
        if d.name not in variables:
            continue  # Flink accepts a DEFINE for a variable the pattern does not use
        ctx = _pattern_context(binder, input_scope, known, "DEFINE", d.name)
        definitions.append((d.name, binder.exprs.bind_condition(d.condition, ctx)))

    measures = []
    for m in mr.measures:
        ctx = _pattern_context(binder, input_scope, known, "MEASURES", None)
        measures.append((m.alias, binder.exprs.bind(m.expr, ctx)))

    all_rows = (mr.rows_per_match or "").startswith("ALL ROWS")
    fields = [RowField(input_scope.fields[r.index].name, r.type) for r in partition]
    if all_rows:
        fields += [
            RowField(input_scope.fields[i].name, input_scope.fields[i].type) for i, _, _ in order
        ]
    fields += [RowField(name, rex.type) for name, rex in measures]
    if all_rows:
        used = {r.index for r in partition} | {i for i, _, _ in order}
        fields += [
            RowField(f.name, f.type) for i, f in enumerate(input_scope.fields) if i not in used
        ]
    after = mr.after_match or ast.AfterMatch("TO NEXT ROW")
    if after.variable is not None and after.variable not in known:
        raise ValidationError(
            f"Unknown pattern variable '{after.variable}' in AFTER MATCH SKIP", pos=after.pos
        )
    within_ms = None
    if mr.within is not None:
        within = binder.exprs.bind(mr.within, ExprContext(Scope(), "WITHIN"))
        if within.type.root != T.INTERVAL_DAY_TIME:
            raise ValidationError(
                "Only constant intervals with millisecond resolution are supported as time constraints of patterns.",
                pos=mr.within.pos,
            )
        within_ms = within.value  # type: ignore[attr-defined]
    from flinklite.sql.unparse import unparse

    rel = L.Match(
        tuple(_unique(fields, mr)),
        node,
        tuple(r.index for r in partition),
        tuple(order),
        tuple(measures),
        mr.pattern,
        unparse(mr.pattern) if mr.pattern is not None else "",
        tuple(definitions),
        "SKIP " + after.kind + (f" {after.variable}" if after.variable else ""),
        all_rows,
        mr.rows_per_match or "ONE ROW PER MATCH",
        within_ms,
        tuple((k, tuple(v)) for k, v in subsets.items()),
    )
    alias = mr.alias
    if mr.column_aliases:
        return aliased(rel, alias, mr.column_aliases, mr.pos)
    return rel, Scope.of(alias, rel.fields)


def _unique(fields: list[RowField], mr: ast.MatchRecognize) -> list[RowField]:
    seen: set[str] = set()
    for f in fields:
        if f.name in seen:
            raise ValidationError(
                f"Duplicate column name '{f.name}' in MATCH_RECOGNIZE output", pos=mr.pos
            )
        seen.add(f.name)
    return fields


def _check_order(binder: BinderContext, mr: ast.MatchRecognize, scope: Scope, order: list) -> None:
    batch = (
        str(
            binder.config.get("execution.runtime-mode", "streaming")
            if binder.config
            else "streaming"
        ).lower()
        == "batch"
    )
    if not order:
        message = (
            "You must specify non-empty order by."
            if batch
            else "You must specify either rowtime or proctime for order by."
        )
        raise ValidationError(message, pos=mr.pos)
    index, descending, _ = order[0]
    t = scope.fields[index].type
    if batch:
        if not t.is_timestamp:
            raise ValidationError(
                "You must specify time point for order by as the first one.", pos=mr.order_by[0].pos
            )
    elif t.time_attribute is None:
        raise ValidationError(
            "You must specify either rowtime or proctime for order by as the first one.",
            pos=mr.order_by[0].pos,
        )
    if descending:
        message = (
            "Primary sort order of a table must be ascending on time."
            if batch
            else "Primary sort order of a streaming table must be ascending on time."
        )
        raise ValidationError(message, pos=mr.order_by[0].pos)


def _pattern_context(
    binder: BinderContext, scope: Scope, variables: set[str], clause: str, current: str | None
) -> ExprContext:
    """Names in DEFINE / MEASURES: `A.col` reads pattern variable A, a bare column the current
    row (the universal variable); aggregates and navigation run over a variable's rows."""

    def intercept(expr: ast.Expr, ctx: ExprContext) -> Rex | None:
        if isinstance(expr, ast.Identifier):
            if len(expr.parts) >= 2 and expr.parts[0] in variables:
                ref = scope.resolve(expr.parts[1:], expr.pos)
                return _pattern_ref(expr.parts[0], ref)
            if (
                len(expr.parts) >= 2
                and expr.parts[0] not in scope.relations
                and scope._column(expr.parts[0], expr.pos) is None
            ):
                raise ValidationError(
                    f"Unknown pattern variable '{expr.parts[0]}'",
                    pos=expr.pos,
                    hint=did_you_mean(expr.parts[0], sorted(variables)),
                )
            return _pattern_ref("*", scope.resolve(expr.parts, expr.pos))
        if isinstance(expr, ast.FunctionCall) and len(expr.name) == 1:
            name = expr.name[0].upper()
            if name in NAVIGATION:
                return _navigation(binder, expr, ctx)
            if name == "MATCH_ROWTIME":
                return _match_rowtime(binder, expr, scope)
            if is_aggregate_call(expr):
                args = binder.exprs._bind_args(expr, ctx)
                star = is_star(expr)
                rex = binder.exprs._call_builtin(
                    name, expr.args, args, expr.pos, distinct=expr.distinct, star=star
                )
                return Call(rex.type, f"{name} DISTINCT" if expr.distinct else name, rex.operands)  # type: ignore[attr-defined]
        return None

    return ExprContext(
        scope, clause, intercept=intercept, allow_aggregates=True, extra={"current": current}
    )


def _pattern_ref(variable: str, ref: Rex) -> Rex:
    if isinstance(ref, InputRef):
        return PatternRef(ref.type, variable, ref.index)
    return ref


def _navigation(binder: BinderContext, call: ast.FunctionCall, ctx: ExprContext) -> Rex:
    name = call.name[0].upper()
    if not 1 <= len(call.args) <= 2:
        raise ValidationError(
            f"Invalid number of arguments to function '{name}'. Was expecting 1 or 2 arguments",
            pos=call.pos,
        )
    value = binder.exprs.bind(call.args[0], ctx)
    operands = [value]
    if len(call.args) == 2:
        written = call.args[1]
        if isinstance(written, ast.BinaryOp):
            # Flink's parser takes only a number there: `PREV(x, 1 + 1)` is a syntax error at
            # the operator (its position is not kept; the offset's is given).
            raise ValidationError(
                f'Encountered "{written.op}": the offset of {name} must be a non-negative '
                "integer literal, not an expression",
                pos=written.pos,
            )
        offset = binder.exprs.bind(written, ExprContext(Scope(), name))
        if not (
            isinstance(written, ast.NumericLiteral)
            and offset.type.is_integer
            and getattr(offset, "value", -1) is not None
            and offset.value >= 0  # type: ignore[attr-defined]
        ):
            raise ValidationError(
                f"The offset of {name} must be a non-negative integer literal", pos=written.pos
            )
        operands.append(offset)
    return Call(value.type.with_nullable(True), name, tuple(operands))


def _match_rowtime(binder: BinderContext, call: ast.FunctionCall, scope: Scope) -> Rex:
    if len(call.args) > 1:
        raise ValidationError("MATCH_ROWTIME accepts at most one argument", pos=call.pos)
    if call.args:
        arg = call.args[0]
        ref = scope.resolve(arg.parts, arg.pos) if isinstance(arg, ast.Identifier) else None
        if ref is None or not ref.type.is_rowtime:
            raise ValidationError(
                "The function MATCH_ROWTIME requires argument to be a row time attribute type",
                pos=arg.pos,
            )
        return Call(ref.type.not_null(), "MATCH_ROWTIME", (ref,))
    return Call(T.timestamp(3, False).as_time_attribute("ROWTIME"), "MATCH_ROWTIME", ())
