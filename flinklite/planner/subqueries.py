"""Subquery removal, the optimizer's first step as in Flink: IN / NOT IN / EXISTS / NOT EXISTS and
`op ANY` / `op ALL` in WHERE become semi and anti joins, and scalar subqueries a join with their
one row (a correlated one: with its aggregate grouped by the correlation).

A correlated subquery is decorrelated when its references to the outer row sit in the conjuncts
of its WHERE: those move into the join condition (`EXISTS (SELECT 1 FROM b WHERE b.k = a.k)` is a
semi join on `a.k = b.k`). NOT IN is null-aware, as SQL defines it: a row whose value is NULL, or
any NULL in the subquery's column, makes the predicate unknown unless the subquery is empty."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import UnsupportedError
from flinklite.expr import coercion
from flinklite.expr.rex import (
    Call,
    CorrelRef,
    FieldAccessRex,
    InputRef,
    Literal,
    Rex,
    SubqueryRex,
    and_,
    conjunctions,
    input_indices,
)
from flinklite.planner import logical as L
from flinklite.planner.expressions import cast_to

_NOT_YET = (
    "flinklite does not support this subquery yet: {what}. Supported: [NOT] IN, [NOT] EXISTS "
    "and comparisons with ANY / ALL as conditions of WHERE (correlated through its WHERE's "
    "conditions), and scalar subqueries that aggregate without GROUP BY (correlated through "
    "equalities in their WHERE)"
)


def remove_subqueries(rel: L.RelNode) -> L.RelNode:
    """`rel` with every subquery expression turned into a join."""
    inputs = rel.inputs
    rebuilt = tuple(remove_subqueries(child) for child in inputs)
    if any(new is not old for new, old in zip(rebuilt, inputs, strict=True)):
        rel = _with_inputs(rel, dict(zip(map(id, inputs), rebuilt, strict=True)))
    if isinstance(rel, L.Filter) and _has_subquery(rel.condition):
        return _filter(rel)
    if isinstance(rel, L.Project) and any(_has_subquery(e) for e in rel.exprs):
        return _project(rel)
    return rel


def _with_inputs(rel: L.RelNode, replaced: dict[int, L.RelNode]) -> L.RelNode:
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(rel):  # type: ignore[arg-type]
        value = getattr(rel, f.name)
        if isinstance(value, L.RelNode) and id(value) in replaced:
            changes[f.name] = replaced[id(value)]
        elif isinstance(value, tuple) and any(id(v) in replaced for v in value):
            changes[f.name] = tuple(replaced.get(id(v), v) for v in value)
    return dataclasses.replace(rel, **changes)


# --- WHERE ---------------------------------------------------------------------------------------


def _filter(rel: L.Filter) -> L.RelNode:
    node, rest = rel.input, []
    for conjunct in conjunctions(rel.condition):
        found = _semi_anti(conjunct)
        if found is not None:
            node = _semi_join(node, *found)
        elif _has_subquery(conjunct):
            node, (conjunct,) = _scalars(node, (conjunct,))
            rest.append(conjunct)
        else:
            rest.append(conjunct)
    return _keep(_filtered(node, rest), rel.fields)


# Quantified comparisons as the join they become: `x op ANY S` holds when some s has `x op s`
# (a semi join); `x op ALL S` when none has `x inverse(op) s` or an unknown one (a null-aware
# anti join). IN is `= ANY`, NOT IN is `<> ALL`; NOT swaps the quantifier and inverts the op.
_INVERSE = {"=": "<>", "<>": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}


def _semi_anti(rex: Rex) -> tuple[SubqueryRex, bool, str | None] | None:
    """(the subquery, whether it is an anti join, the comparison of the outer value with the
    subquery's column or None for EXISTS) of a predicate that becomes a semi or anti join."""
    negated = False
    if isinstance(rex, Call) and rex.op == "NOT" and isinstance(rex.operands[0], SubqueryRex):
        rex, negated = rex.operands[0], True
    if not isinstance(rex, SubqueryRex) or rex.kind == "SCALAR":
        return None
    if rex.kind == "EXISTS":
        return rex, negated, None
    kind = {"IN": "= ANY", "NOT IN": "<> ALL"}.get(rex.kind, rex.kind)
    op, quantifier = kind.split(" ")
    if negated:
        op, quantifier = _INVERSE[op], "ALL" if quantifier == "ANY" else "ANY"
    if quantifier == "ANY":
        return rex, False, op
    return rex, True, _INVERSE[op]


def _semi_join(left: L.RelNode, sub: SubqueryRex, anti: bool, op: str | None) -> L.RelNode:
    right, correlated = _decorrelate(remove_subqueries(sub.rel))
    width = len(left.fields)
    conditions = [_over_join_row(c, width) for c in correlated]
    if op is not None:
        operand = sub.operands[0]
        column = InputRef(right.fields[0].type, width)
        lt, rt = coercion.comparison_types(op, operand.type, column.type)
        match: Rex = Call(
            T.boolean(operand.type.nullable or column.type.nullable),
            op,
            (cast_to(operand, lt), cast_to(column, rt)),
        )
        if anti and (operand.type.nullable or column.type.nullable):
            # An unknown comparison excludes the row as a true one does (NOT IN's NULL rule).
            unknown = Call(T.boolean(False), "IS NULL", (operand,))
            match = Call(T.boolean(True), "OR", (match, unknown))
            unknown = Call(T.boolean(False), "IS NULL", (column,))
            match = Call(T.boolean(True), "OR", (match, unknown))
        conditions.insert(0, match)
    kind = "anti" if anti else "semi"
    return L.Join(left.fields, left, right, kind, _all_of(conditions))


def _decorrelate(rel: L.RelNode) -> tuple[L.RelNode, list[Rex]]:
    """The subquery without its conditions on the outer row, and those conditions over the
    outer row (CorrelRef) and the returned subquery's fields (InputRef)."""
    if not _correlated(rel):
        return rel, []
    project = rel if isinstance(rel, L.Project) else None
    where = project.input if project is not None else rel
    if not isinstance(where, L.Filter):
        raise UnsupportedError(_NOT_YET.format(what="a reference to the outer query outside WHERE"))
    inner = where.input
    if _correlated(inner) or (project is not None and any(map(_has_correl, project.exprs))):
        raise UnsupportedError(_NOT_YET.format(what="a reference to the outer query outside WHERE"))
    correlated = [c for c in conjunctions(where.condition) if _has_correl(c)]
    plain = [c for c in conjunctions(where.condition) if not _has_correl(c)]
    filtered = _filtered(inner, plain)
    needed = sorted(set().union(*(input_indices(c) for c in correlated)))
    if project is None:
        return filtered, correlated
    base = len(project.exprs)
    extra = tuple(InputRef(inner.fields[i].type, i) for i in needed)
    fields = project.fields + tuple(
        RowField(f"$cor{k}", inner.fields[i].type) for k, i in enumerate(needed)
    )
    moved = {i: base + k for k, i in enumerate(needed)}
    out = L.Project(fields, filtered, project.exprs + extra)
    return out, [_map(c, lambda r: _moved(r, moved)) for c in correlated]


def _moved(rex: Rex, moved: dict[int, int]) -> Rex | None:
    if isinstance(rex, InputRef):
        return InputRef(rex.type, moved[rex.index])
    return None


def _over_join_row(rex: Rex, width: int) -> Rex:
    """A decorrelated condition over the join row: the outer row first, the subquery's after."""

    def one(r: Rex) -> Rex | None:
        if isinstance(r, CorrelRef):
            return InputRef(r.type, r.index)
        if isinstance(r, InputRef):
            return InputRef(r.type, r.index + width)
        return None

    return _map(rex, one)


# --- scalar subqueries ---------------------------------------------------------------------------


def _project(rel: L.Project) -> L.RelNode:
    node, exprs = _scalars(rel.input, rel.exprs)
    return L.Project(rel.fields, node, tuple(exprs))


def _scalars(node: L.RelNode, exprs: tuple[Rex, ...]) -> tuple[L.RelNode, list[Rex]]:
    """`node` joined with the one row of each scalar subquery in `exprs`, and `exprs` reading
    the joined columns instead."""
    out = []
    for expr in exprs:

        def one(r: Rex) -> Rex | None:
            nonlocal node
            if not isinstance(r, SubqueryRex):
                return None
            if r.kind != "SCALAR":
                raise UnsupportedError(_NOT_YET.format(what=f"{r.kind} inside an expression"))
            sub = remove_subqueries(r.rel)
            if _correlated(sub):
                joined, value = _correlated_scalar(node, sub, r)
                node = joined
                return value
            if not _one_row(sub):
                raise UnsupportedError(
                    _NOT_YET.format(what="a scalar subquery that may return several rows")
                )
            width = len(node.fields)
            fields = node.fields + sub.fields
            node = L.Join(fields, node, sub, "left", Literal(T.boolean(False), True))
            return InputRef(r.type, width)

        out.append(_map(expr, one))
    return node, out


def _correlated_scalar(node: L.RelNode, sub: L.RelNode, r: SubqueryRex) -> tuple[L.RelNode, Rex]:
    """A correlated scalar subquery over a global aggregate whose WHERE compares columns with
    the outer row (`(SELECT AVG(x) FROM t WHERE t.k = o.k)`): the aggregate grouped by those
    columns, LEFT joined on them; an empty group's COUNT is 0, as the subquery's would be."""
    what = "a correlated scalar subquery other than an aggregate of rows matched by equality"
    out = sub if isinstance(sub, L.Project) else None
    agg = out.input if out is not None else sub
    if not (isinstance(agg, L.Aggregate) and not agg.group and not agg.grouping_sets):
        raise UnsupportedError(_NOT_YET.format(what=what))
    pre = agg.input
    if not (isinstance(pre, L.Project) and isinstance(pre.input, L.Filter)):
        raise UnsupportedError(_NOT_YET.format(what=what))
    where = pre.input
    if (
        _correlated(where.input)
        or any(map(_has_correl, pre.exprs))
        or (out is not None and any(map(_has_correl, out.exprs)))
    ):
        raise UnsupportedError(_NOT_YET.format(what=what))
    pairs: list[tuple[int, CorrelRef]] = []  # (inner column, outer column)
    plain: list[Rex] = []
    for c in conjunctions(where.condition):
        if not _has_correl(c):
            plain.append(c)
            continue
        pair = _correlation_pair(c)
        if pair is None:
            raise UnsupportedError(_NOT_YET.format(what=what))
        pairs.append(pair)
    inner = where.input
    filtered = _filtered(inner, plain)
    keys = [InputRef(inner.fields[i].type, i) for i, _ in pairs]
    key_fields = tuple(RowField(f"$cor{k}", ref.type) for k, ref in enumerate(keys))
    width_pre = len(pre.exprs)
    grouped_pre = L.Project(pre.fields + key_fields, filtered, pre.exprs + tuple(keys))
    group = tuple(range(width_pre, width_pre + len(keys)))
    agg_fields = key_fields + tuple(RowField(a.alias, a.type) for a in agg.aggregates)
    grouped = L.Aggregate(agg_fields, grouped_pre, group, agg.aggregates)
    n = len(keys)
    if out is not None:
        if not (len(out.exprs) == 1 and isinstance(out.exprs[0], InputRef)):
            raise UnsupportedError(_NOT_YET.format(what="a correlated scalar subquery computing "
                                                   "over its aggregate"))  # fmt: skip
        index = n + out.exprs[0].index
    else:
        index = n
    call = agg.aggregates[index - n]
    width = len(node.fields)
    fields = node.fields + grouped.fields
    on: list[Rex] = [
        Call(T.boolean(True), "=", (InputRef(o.type, o.index), InputRef(k.type, width + i)))
        for i, ((_, o), k) in enumerate(zip(pairs, keys, strict=True))
    ]
    joined = L.Join(fields, node, grouped, "left", _all_of(on))
    value: Rex = InputRef(r.type, width + index)
    if call.name.upper() == "COUNT":
        zero = Literal(call.type.with_nullable(False), 0)
        value = Call(r.type.with_nullable(False), "COALESCE", (value, zero))
    return joined, value


def _all_of(conditions: list[Rex]) -> Rex:
    """The AND of `conditions`; TRUE when there are none."""
    if not conditions:
        return Literal(T.boolean(False), True)
    condition = conditions[0]
    for c in conditions[1:]:
        condition = and_(condition, c)
    return condition


def _filtered(rel: L.RelNode, conditions: list[Rex]) -> L.RelNode:
    """`rel` filtered by the AND of `conditions` (itself when there are none)."""
    return L.Filter(rel.fields, rel, _all_of(conditions)) if conditions else rel


def _correlation_pair(rex: Rex) -> tuple[int, CorrelRef] | None:
    """(inner column, outer column) of `inner = outer` (either way round), else None."""
    if not (isinstance(rex, Call) and rex.op == "=" and len(rex.operands) == 2):
        return None
    a, b = rex.operands
    if isinstance(a, InputRef) and isinstance(b, CorrelRef):
        return a.index, b
    if isinstance(b, InputRef) and isinstance(a, CorrelRef):
        return b.index, a
    return None


def _one_row(rel: L.RelNode) -> bool:
    """Whether `rel` always returns exactly one row: a global aggregate, maybe projected."""
    while isinstance(rel, L.Project):
        rel = rel.input
    return isinstance(rel, L.Aggregate) and not rel.group


def _keep(node: L.RelNode, fields: tuple[RowField, ...]) -> L.RelNode:
    """`node` cut back to the first len(fields) columns (scalar joins append theirs)."""
    if len(node.fields) == len(fields):
        return node
    return L.Project(fields, node, tuple(InputRef(f.type, i) for i, f in enumerate(fields)))


# --- walking expressions -------------------------------------------------------------------------


def _map(rex: Rex, fn: Callable[[Rex], Rex | None]) -> Rex:
    """`rex` with each node for which `fn` returns a replacement replaced (top-down)."""
    replaced = fn(rex)
    if replaced is not None:
        return replaced
    if isinstance(rex, Call):
        return Call(rex.type, rex.op, tuple(_map(o, fn) for o in rex.operands))
    if isinstance(rex, FieldAccessRex):
        return FieldAccessRex(rex.type, _map(rex.operand, fn), rex.field)
    return rex


def _has_subquery(rex: Rex) -> bool:
    return _any(rex, lambda r: isinstance(r, SubqueryRex))


def _has_correl(rex: Rex) -> bool:
    if _any(rex, lambda r: isinstance(r, CorrelRef) and r.depth > 0):
        raise UnsupportedError(_NOT_YET.format(what="a reference two queries out"))
    return _any(rex, lambda r: isinstance(r, CorrelRef))


def _any(rex: Rex, test: Callable[[Rex], bool]) -> bool:
    if test(rex):
        return True
    if isinstance(rex, SubqueryRex):
        return any(_any(o, test) for o in rex.operands)
    if isinstance(rex, Call):
        return any(_any(o, test) for o in rex.operands)
    if isinstance(rex, FieldAccessRex):
        return _any(rex.operand, test)
    return False


def _correlated(rel: L.RelNode) -> bool:
    """Whether any expression of `rel` or its inputs reads the outer row."""
    for f in dataclasses.fields(rel):  # type: ignore[arg-type]
        value = getattr(rel, f.name)
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            if isinstance(v, Rex) and _has_correl(v):
                return True
            if isinstance(v, tuple) and any(isinstance(x, Rex) and _has_correl(x) for x in v):
                return True
    return any(_correlated(child) for child in rel.inputs)
