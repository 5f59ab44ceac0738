"""DEFINE and MEASURES with the SQL standard's semantics, for the standard-semantics matcher.

Navigation (FIRST / LAST logical, PREV / NEXT physical, nested), aggregates, SUBSET unions,
CLASSIFIER(), MATCH_NUMBER() and RUNNING / FINAL become "feature" functions of a `View` of the
match; their values are appended to the current row and the rest of the expression is compiled
once per query by the ordinary expression compiler."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from flinklite.catalog.types import RowField
from flinklite.cep.expressions import AggGroup, _pattern_vars, _plain, is_aggregate
from flinklite.errors import ValidationError
from flinklite.expr.compiler import (
    CompileContext,
    compile_expression,
    compile_predicate,
    compile_projection,
)
from flinklite.expr.rex import Call, InputRef, PatternRef, Rex
from flinklite.runtime.rows import NANOS_PER_MILLI


class NeedMoreRows(Exception):
    """A physical navigation reached past the rows released so far (the input goes on)."""


class View:
    """What an expression sees: the partition's rows (absolute index `i` is `rows[i - base]`),
    the match's path of (row index, variable, excluded) entries, of which the first `k` are
    visible (RUNNING) and `final_k` make the whole match (FINAL)."""

    __slots__ = ("rows", "ts", "base", "ended", "path", "k", "final_k", "match_number")

    def __init__(self, rows: list, ts: list, base: int) -> None:
        self.rows = rows
        self.ts = ts
        self.base = base
        self.ended = False
        self.path: list[tuple[int, int, bool]] = []
        self.k = 0
        self.final_k = 0
        self.match_number = 0


Vars = frozenset | None  # a set of pattern variables; None is the universal variable


def _indices(view: View, vars_: Vars, final: bool) -> list[int]:
    k = view.final_k if final else view.k
    path = view.path
    if vars_ is None:
        return [path[i][0] for i in range(k)]
    return [path[i][0] for i in range(k) if path[i][1] in vars_]


def _last(view: View, vars_: Vars, final: bool) -> int | None:
    path = view.path
    for i in range((view.final_k if final else view.k) - 1, -1, -1):
        if vars_ is None or path[i][1] in vars_:
            return path[i][0]
    return None


class Compiler:
    """Rewrites one clause's expressions; `features` are functions of a View."""

    def __init__(
        self,
        input_fields: Sequence[RowField],
        variables: Sequence[str],
        subsets: Sequence[tuple[str, tuple[str, ...]]],
        define: bool,
    ) -> None:
        self.input_fields = list(input_fields)
        self.variables = list(variables)
        self.sets: dict[str, frozenset] = {n: frozenset([i]) for i, n in enumerate(variables)}
        for name, members in subsets:
            self.sets[name] = frozenset(variables.index(m) for m in members if m in variables)
        self.define = define
        self.features: list[Callable[[View], Any]] = []
        self.fields: list[RowField] = []
        self.max_prev = 0
        self.uses_next = False

    def feature(self, fn: Callable[[View], Any], rex: Rex) -> InputRef:
        self.features.append(fn)
        self.fields.append(RowField(f"$s{len(self.fields)}", rex.type))
        return InputRef(rex.type, len(self.input_fields) + len(self.features) - 1)

    def vars_of(self, rex: Rex, what: str) -> Vars:
        names = _pattern_vars(rex, set()) - {"*"}
        if len(names) > 1:
            raise ValidationError(
                f"SQL validation failed. Multiple pattern variables in '{rex.digest()}': "
                f"{what} must be applied to a single pattern variable"
            )
        return self.sets[names.pop()] if names else None

    def value_at(self, inner: Rex) -> Callable[[View, int | None], Any]:
        fn = compile_expression(_plain(inner), self.input_fields)
        null = (None,) * len(self.input_fields)

        def value(view: View, index: int | None) -> Any:
            return fn(null if index is None else view.rows[index - view.base])

        return value

    def locator(self, rex: Rex, final: bool) -> tuple[Callable[[View], int | None], Rex]:
        """Where a navigation's argument points (a row index or None) and the expression to
        read there: FIRST/LAST pick within the variable's rows, a plain reference its last."""
        if isinstance(rex, Call) and rex.op in ("FIRST", "LAST"):
            offset = rex.operands[1].value if len(rex.operands) > 1 else 0  # type: ignore[attr-defined]
            inner = rex.operands[0]
            vars_ = self.vars_of(inner, rex.op)
            if rex.op == "LAST" and offset == 0:
                return (lambda v: _last(v, vars_, final)), inner

            def pick(view: View, first: bool = rex.op == "FIRST") -> int | None:
                rows = _indices(view, vars_, final)
                i = offset if first else len(rows) - 1 - offset
                return rows[i] if 0 <= i < len(rows) else None

            return pick, inner
        vars_ = self.vars_of(rex, "Navigation")
        return (lambda v: _last(v, vars_, final)), rex

    def rewrite(self, rex: Rex, final: bool = False) -> Rex:
        if isinstance(rex, PatternRef):
            if rex.variable == "*" and not final:
                # The universal variable's last row is the current row.
                return InputRef(rex.type, rex.index)
            vars_ = None if rex.variable == "*" else self.sets[rex.variable]
            index = rex.index
            return self.feature(
                lambda v: _read(v, _last(v, vars_, final), index),
                rex,
            )
        if not isinstance(rex, Call):
            return rex
        op = rex.op
        if op in ("RUNNING", "FINAL"):
            if op == "FINAL" and self.define:
                raise ValidationError("FINAL semantics are not allowed in DEFINE")
            return self.rewrite(rex.operands[0], final=op == "FINAL")
        if op in ("FIRST", "LAST"):
            locate, inner = self.locator(rex, final)
            value = self.value_at(inner)
            return self.feature(lambda v: value(v, locate(v)), rex)
        if op in ("PREV", "NEXT"):
            n = rex.operands[1].value if len(rex.operands) > 1 else 1  # type: ignore[attr-defined]
            locate, inner = self.locator(rex.operands[0], final)
            value = self.value_at(inner)
            step = -n if op == "PREV" else n
            if op == "PREV":
                self.max_prev = max(self.max_prev, n)
            elif n:
                self.uses_next = True

            def physical(view: View) -> Any:
                at = locate(view)
                if at is None:
                    return value(view, None)
                at += step
                if at < 0 or at < view.base:
                    return value(view, None)
                if at >= view.base + len(view.rows):
                    if not view.ended:
                        raise NeedMoreRows
                    return value(view, None)
                return value(view, at)

            return self.feature(physical, rex)
        if op == "CLASSIFIER":
            names = self.variables

            def classifier(view: View) -> str | None:
                k = view.final_k if final else view.k
                return names[view.path[k - 1][1]] if k else None

            return self.feature(classifier, rex)
        if op == "MATCH_NUMBER":
            return self.feature(lambda v: v.match_number, rex)
        if op == "MATCH_ROWTIME":
            return self.feature(_match_rowtime, rex)
        if op == "MATCH_PROCTIME":
            return self.feature(lambda v: self.now_ns(), rex)
        if is_aggregate(rex):
            if op.endswith(" DISTINCT"):
                raise ValidationError(
                    f"SQL validation failed. DISTINCT/ALL not allowed with {rex.digest()} function"
                )
            vars_ = self.vars_of(rex, "Aggregation")
            group = AggGroup(-1)
            group.add(op, tuple(_plain(a) for a in rex.operands), rex.type)
            group.build(self.input_fields)

            def aggregate(view: View) -> Any:
                rows, base = view.rows, view.base
                return group.value_over([rows[i - base] for i in _indices(view, vars_, final)])[0]

            return self.feature(aggregate, rex)
        return dataclasses.replace(
            rex, operands=tuple(self.rewrite(o, final) for o in rex.operands)
        )

    now_ns: Callable[[], int] = staticmethod(lambda: 0)  # type: ignore[assignment]


def _read(view: View, index: int | None, column: int) -> Any:
    return None if index is None else view.rows[index - view.base][column]


def _match_rowtime(view: View) -> int | None:
    if not view.final_k:
        return None
    return view.ts[view.path[view.final_k - 1][0] - view.base] * NANOS_PER_MILLI


def _program(features: list, compiled: Callable) -> Callable[[View, tuple], Any]:
    if not features:
        return lambda view, row: compiled(row)
    feats = tuple(features)
    return lambda view, row: compiled(row + tuple(f(view) for f in feats))


class StandardDefine:
    """`conditions[v](view, row) -> bool` per variable (None: always true); the view's path
    already holds the candidate row as its last visible entry."""

    def __init__(
        self,
        definitions: Sequence[tuple[str, Rex]],
        variables: Sequence[str],
        subsets: Sequence[tuple[str, tuple[str, ...]]],
        input_fields: Sequence[RowField],
        ctx: CompileContext,
        now_ns: Callable[[], int],
    ) -> None:
        self.conditions: list[Callable | None] = [None] * len(variables)
        self.max_prev = 0
        self.uses_next = False
        for name, rex in definitions:
            c = Compiler(input_fields, variables, subsets, define=True)
            c.now_ns = now_ns  # type: ignore[method-assign]
            body = c.rewrite(rex)
            pred = compile_predicate(body, [*input_fields, *c.fields], ctx)
            self.conditions[variables.index(name)] = _program(c.features, pred)
            self.max_prev = max(self.max_prev, c.max_prev)
            self.uses_next = self.uses_next or c.uses_next


class StandardMeasures:
    """`evaluate(view, row) -> measure values`, RUNNING over the view's first `k` entries
    (the default of ALL ROWS PER MATCH), FINAL over all of them."""

    def __init__(
        self,
        measures: Sequence[tuple[str, Rex]],
        variables: Sequence[str],
        subsets: Sequence[tuple[str, tuple[str, ...]]],
        input_fields: Sequence[RowField],
        ctx: CompileContext,
        now_ns: Callable[[], int],
    ) -> None:
        c = Compiler(input_fields, variables, subsets, define=False)
        c.now_ns = now_ns  # type: ignore[method-assign]
        exprs = [c.rewrite(rex) for _, rex in measures]
        self.width = len(exprs)
        self.evaluate = _program(
            c.features, compile_projection(exprs, [*input_fields, *c.fields], ctx)
        )
        self.max_prev = c.max_prev
        self.uses_next = c.uses_next
