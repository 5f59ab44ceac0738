"""DEFINE and MEASURES with the SQL standard's semantics, for the standard-semantics matcher.

Navigation (FIRST / LAST logical, PREV / NEXT physical, nested), aggregates, SUBSET unions,
CLASSIFIER(), MATCH_NUMBER() and RUNNING / FINAL become "feature" functions of a `View` of the
match; their values are appended to the current row and the rest of the expression is compiled
once per query by the ordinary expression compiler."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flinklite.catalog.types import RowField
from flinklite.cep.rewrite import AggGroup, MatchRewriter, Navigation, navigation, plain
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


class Compiler(MatchRewriter):
    """Rewrites one clause's expressions; `features` are functions of a View."""

    def __init__(
        self,
        input_fields: Sequence[RowField],
        variables: Sequence[str],
        subsets: Sequence[tuple[str, tuple[str, ...]]],
        *,
        define: bool,
        now_ns: Callable[[], int],
    ) -> None:
        super().__init__(input_fields, define=define)
        self.variables = list(variables)
        self.sets: dict[str, frozenset] = {n: frozenset([i]) for i, n in enumerate(variables)}
        for name, members in subsets:
            self.sets[name] = frozenset(variables.index(m) for m in members if m in variables)
        self.now_ns = now_ns
        self.max_prev = 0
        self.uses_next = False

    def vars_of(self, rex: Rex, what: str) -> Vars:
        name = self.single_variable(rex, what)
        return None if name is None else self.sets[name]

    def value_at(self, inner: Rex) -> Callable[[View, int | None], Any]:
        fn = compile_expression(plain(inner), self.input_fields)
        null = (None,) * len(self.input_fields)

        def value(view: View, index: int | None) -> Any:
            return fn(null if index is None else view.rows[index - view.base])

        return value

    def locator(self, rex: Rex, final: bool) -> tuple[Callable[[View], int | None], Rex]:
        """Where a navigation's argument points (a row index or None) and the expression to
        read there: FIRST/LAST pick within the variable's rows, a plain reference its last."""
        nav = navigation(rex)
        if nav is not None and not nav.physical:
            offset, inner = nav.offset, nav.operand
            vars_ = self.vars_of(inner, nav.op)
            if nav.op == "LAST" and offset == 0:
                return (lambda v: _last(v, vars_, final)), inner

            def pick(view: View, first: bool = nav.op == "FIRST") -> int | None:
                rows = _indices(view, vars_, final)
                i = offset if first else len(rows) - 1 - offset
                return rows[i] if 0 <= i < len(rows) else None

            return pick, inner
        vars_ = self.vars_of(rex, "Navigation")
        return (lambda v: _last(v, vars_, final)), rex

    def reference(self, rex: PatternRef, final: bool) -> Rex:
        if rex.variable == "*" and not final:
            # The universal variable's last row is the current row.
            return InputRef(rex.type, rex.index)
        vars_ = None if rex.variable == "*" else self.sets[rex.variable]
        index = rex.index
        return self.feature(lambda v: _read(v, _last(v, vars_, final), index), rex)

    def semantics(self, rex: Call) -> Rex:
        if rex.op == "FINAL" and self.define:
            raise ValidationError("FINAL semantics are not allowed in DEFINE")
        return self.rewrite(rex.operands[0], final=rex.op == "FINAL")

    def navigate(self, nav: Navigation, rex: Call, final: bool) -> Rex:
        if not nav.physical:
            locate, inner = self.locator(rex, final)
            value = self.value_at(inner)
            return self.feature(lambda v: value(v, locate(v)), rex)
        n = nav.offset
        locate, inner = self.locator(nav.operand, final)
        value = self.value_at(inner)
        step = -n if nav.op == "PREV" else n
        if nav.op == "PREV":
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

    def classifier(self, rex: Call, final: bool) -> Rex:
        names = self.variables

        def classifier(view: View) -> str | None:
            k = view.final_k if final else view.k
            return names[view.path[k - 1][1]] if k else None

        return self.feature(classifier, rex)

    def match_number(self, rex: Call) -> Rex:
        return self.feature(lambda v: v.match_number, rex)

    def match_rowtime(self, rex: Call, final: bool) -> Rex:
        return self.feature(_match_rowtime, rex)

    def match_proctime(self, rex: Call) -> Rex:
        now_ns = self.now_ns
        return self.feature(lambda v: now_ns(), rex)

    def aggregate(self, rex: Call, variable: str | None, args: tuple[Rex, ...], final: bool) -> Rex:
        vars_ = None if variable is None else self.sets[variable]
        group = AggGroup()
        group.add(rex.op, args, rex.type)
        group.build(self.input_fields)

        def aggregate(view: View) -> Any:
            rows, base = view.rows, view.base
            return group.value_over([rows[i - base] for i in _indices(view, vars_, final)])[0]

        return self.feature(aggregate, rex)


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
            c = Compiler(input_fields, variables, subsets, define=True, now_ns=now_ns)
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
        c = Compiler(input_fields, variables, subsets, define=False, now_ns=now_ns)
        exprs = [c.rewrite(rex) for _, rex in measures]
        self.width = len(exprs)
        self.evaluate = _program(
            c.features, compile_projection(exprs, [*input_fields, *c.fields], ctx)
        )
        self.max_prev = c.max_prev
        self.uses_next = c.uses_next
