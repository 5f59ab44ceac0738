"""The rewriter core both matchers share: DEFINE and MEASURES expressions walked once, their
pattern parts replaced by references to values appended to the current row.

A MATCH_RECOGNIZE expression mixes plain operators with pattern references (`A.price`),
navigation (FIRST / LAST / PREV / NEXT), aggregates over a variable's rows, RUNNING / FINAL and
the match functions. `MatchRewriter.rewrite` recognises each of these, validates them as Flink
does (one pattern variable per navigation or aggregate, no DISTINCT) and hands it to a hook;
what a hook computes differs between the matchers (running accumulators over a run for Flink's
NFA, a view over the match for the standard matcher) and lives in each. The rewritten
expression reads the appended "feature" values as ordinary input columns, so it goes through the
ordinary expression compiler once per query."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from flinklite.catalog.types import DataType, RowField
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr import functions
from flinklite.expr.aggregates import AggsHandle, compile_aggregates
from flinklite.expr.compiler import compile_projection
from flinklite.expr.rex import AggregateCall, Call, InputRef, Literal, PatternRef, Rex

LOGICAL = ("FIRST", "LAST")  # offsets count within a variable's rows
PHYSICAL = ("PREV", "NEXT")  # offsets count within the partition's rows


def is_aggregate(rex: Rex) -> bool:
    if not isinstance(rex, Call):
        return False
    definition = functions.lookup(rex.op.removesuffix(" DISTINCT"))
    return definition is not None and definition.kind == "aggregate"


def pattern_names(rex: Rex, out: set[str] | None = None) -> set[str]:
    """The pattern variables `rex` references ('*' for unqualified columns)."""
    out = set() if out is None else out
    if isinstance(rex, PatternRef):
        out.add(rex.variable)
    elif isinstance(rex, Call):
        for o in rex.operands:
            pattern_names(o, out)
    return out


def plain(rex: Rex) -> Rex:
    """An expression over one row: pattern references become input references."""
    if isinstance(rex, PatternRef):
        return InputRef(rex.type, rex.index)
    if isinstance(rex, Call):
        if navigation(rex) is not None or is_aggregate(rex):
            raise UnsupportedError(
                f"Nested navigation or aggregation ({rex.digest()}) in MATCH_RECOGNIZE is not "
                "supported by flinklite yet"
            )
        return dataclasses.replace(rex, operands=tuple(plain(o) for o in rex.operands))
    return rex


@dataclasses.dataclass(frozen=True, slots=True)
class Navigation:
    """A FIRST / LAST / PREV / NEXT call: its operand and offset (the default is 0 for the
    logical offsets, 1 for the physical ones)."""

    op: str
    operand: Rex
    offset: int

    @property
    def physical(self) -> bool:
        return self.op in PHYSICAL


def navigation(rex: Rex) -> Navigation | None:
    if not isinstance(rex, Call) or rex.op not in LOGICAL + PHYSICAL:
        return None
    if len(rex.operands) > 1:
        literal = rex.operands[1]
        assert isinstance(literal, Literal)  # the binder accepts only a literal offset
        offset = int(literal.value)
    else:
        offset = 1 if rex.op in PHYSICAL else 0
    return Navigation(rex.op, rex.operands[0], offset)


class MatchRewriter:
    """Walks one clause's expressions; subclasses say what each pattern construct becomes.

    `features` are what the appended values are (a matcher's own description of each) and
    `fields` their row fields; `feature()` appends one, shared by equal keys."""

    def __init__(self, input_fields: Sequence[RowField], *, define: bool) -> None:
        self.input_fields = list(input_fields)
        self.define = define
        self.features: list[Any] = []
        self.fields: list[RowField] = []
        self._shared: dict[Hashable, int] = {}

    def feature(self, payload: Any, rex: Rex, key: Hashable | None = None) -> InputRef:
        index = None if key is None else self._shared.get(key)
        if index is None:
            index = len(self.features)
            self.features.append(payload)
            self.fields.append(RowField(f"$f{index}", rex.type))
            if key is not None:
                self._shared[key] = index
        return InputRef(rex.type, len(self.input_fields) + index)

    def single_variable(self, rex: Rex, what: str) -> str | None:
        """The one pattern variable `rex` reads (None: the universal variable)."""
        names = pattern_names(rex) - {"*"}
        if len(names) > 1:
            raise ValidationError(
                f"SQL validation failed. Multiple pattern variables in '{rex.digest()}': "
                f"{what} must be applied to a single pattern variable"
            )
        return names.pop() if names else None

    def rewrite(self, rex: Rex, final: bool = False) -> Rex:
        if isinstance(rex, PatternRef):
            return self.reference(rex, final)
        if not isinstance(rex, Call):
            return rex
        op = rex.op
        if op in ("RUNNING", "FINAL"):
            return self.semantics(rex)
        nav = navigation(rex)
        if nav is not None:
            return self.navigate(nav, rex, final)
        if op == "CLASSIFIER":
            return self.classifier(rex, final)
        if op == "MATCH_NUMBER":
            return self.match_number(rex)
        if op == "MATCH_ROWTIME":
            return self.match_rowtime(rex, final)
        if op == "MATCH_PROCTIME":
            return self.match_proctime(rex)
        if is_aggregate(rex):
            if op.endswith(" DISTINCT"):
                raise ValidationError(
                    f"SQL validation failed. DISTINCT/ALL not allowed with {rex.digest()} function"
                )
            variable = self.single_variable(rex, "Aggregation")
            return self.aggregate(rex, variable, tuple(plain(a) for a in rex.operands), final)
        return dataclasses.replace(
            rex, operands=tuple(self.rewrite(o, final) for o in rex.operands)
        )

    # --- hooks: what each construct becomes -------------------------------------------------

    def reference(self, rex: PatternRef, final: bool) -> Rex:
        raise NotImplementedError

    def semantics(self, rex: Call) -> Rex:
        """RUNNING / FINAL around an expression."""
        raise NotImplementedError

    def navigate(self, nav: Navigation, rex: Call, final: bool) -> Rex:
        raise NotImplementedError

    def classifier(self, rex: Call, final: bool) -> Rex:
        raise NotImplementedError

    def match_number(self, rex: Call) -> Rex:
        raise NotImplementedError

    def match_rowtime(self, rex: Call, final: bool) -> Rex:
        raise NotImplementedError

    def match_proctime(self, rex: Call) -> Rex:
        raise NotImplementedError

    def aggregate(self, rex: Call, variable: str | None, args: tuple[Rex, ...], final: bool) -> Rex:
        raise NotImplementedError


class AggGroup:
    """Aggregates over one pattern variable's rows compiled into one handle; complex
    arguments (`AVG(CAST(A.q AS INT))`) are projected and appended to the row first."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Rex, ...], DataType]] = []
        self.handle: AggsHandle | None = None
        self.extend: Callable[[tuple], tuple] | None = None
        self.copy: Callable[[list], list] = list

    def add(self, name: str, args: tuple[Rex, ...], type_: DataType) -> int:
        key = (name, args, type_)
        if key in self.calls:
            return self.calls.index(key)
        self.calls.append(key)
        return len(self.calls) - 1

    def build(self, input_fields: Sequence[RowField]) -> AggsHandle:
        fields = list(input_fields)
        extra: list[Rex] = []
        calls = []
        for k, (name, args, type_) in enumerate(self.calls):
            refs: list[Rex] = []
            for a in args:
                if isinstance(a, (InputRef, Literal)):
                    refs.append(a)
                    continue
                if a not in extra:
                    extra.append(a)
                refs.append(InputRef(a.type, len(input_fields) + extra.index(a)))
            calls.append(AggregateCall(name, tuple(refs), type_, f"$a{k}"))
        for i, a in enumerate(extra):
            fields.append(RowField(f"$x{i}", a.type))
        if extra:
            project = compile_projection(extra, input_fields)
            self.extend = lambda row: row + project(row)
        self.handle = handle = compile_aggregates(calls, fields, retraction=False)
        if any(isinstance(v, (list, dict, set)) for v in handle.create()):
            self.copy = copy.deepcopy  # accumulators holding containers must not be shared
        return handle

    def value_over(self, rows: Sequence[tuple]) -> tuple:
        h = self.handle
        assert h is not None
        acc = h.create()
        ext = self.extend
        for r in rows:
            h.accumulate(acc, ext(r) if ext else r)
        return h.get_value(acc)
