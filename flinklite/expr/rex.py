"""Typed, resolved expressions (Calcite's RexNode): what the binder produces from AST expressions.

Column references are input positions, every node carries its DataType, and implicit casts are
explicit CAST calls, so later stages (planning, code generation) never look names up again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flinklite.catalog.types import DataType


@dataclass(frozen=True, slots=True)
class Rex:
    type: DataType

    def __str__(self) -> str:
        return self.digest()

    def digest(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class InputRef(Rex):
    """The `index`-th field of the input row."""

    index: int

    def digest(self) -> str:
        return f"${self.index}"


@dataclass(frozen=True, slots=True)
class CorrelRef(Rex):
    """A field of an enclosing query's row, used inside a correlated subquery."""

    depth: int
    index: int
    name: str

    def digest(self) -> str:
        return f"$cor{self.depth}.{self.name}"


@dataclass(frozen=True, slots=True)
class Literal(Rex):
    """A constant; `value` follows the row value contract (see flinklite.expr.literals)."""

    value: Any

    def digest(self) -> str:
        return format_literal(self.value, self.type)


@dataclass(frozen=True, slots=True)
class Call(Rex):
    """An operator or function application: `op` is upper case ('+', '>', 'CAST', 'UPPER', ...);
    flag arguments (TRIM side, EXTRACT unit) arrive as SymbolRex operands."""

    op: str
    operands: tuple[Rex, ...] = ()

    def digest(self) -> str:
        if self.op in ("CAST", "TRY_CAST"):
            return f"{self.op}({self.operands[0].digest()}):{self.type.serializable()}"
        return f"{self.op}({', '.join(o.digest() for o in self.operands)})"


@dataclass(frozen=True, slots=True)
class SymbolRex(Rex):
    """A keyword argument: LEADING in TRIM, HOUR in EXTRACT, DAY in FLOOR(ts TO DAY)."""

    name: str

    def digest(self) -> str:
        return f"FLAG({self.name})"


@dataclass(frozen=True, slots=True)
class FieldAccessRex(Rex):
    operand: Rex
    field: str

    def digest(self) -> str:
        return f"{self.operand.digest()}.{self.field}"


@dataclass(frozen=True, slots=True)
class PatternRef(Rex):
    """A column of the rows a MATCH_RECOGNIZE pattern variable mapped (`A.price`); variable '*'
    is the universal variable (an unprefixed column)."""

    variable: str
    index: int

    def digest(self) -> str:
        return f"{self.variable}.${self.index}"


@dataclass(frozen=True, slots=True)
class SubqueryRex(Rex):
    """IN / EXISTS / scalar subquery; `rel` is the bound subquery plan."""

    kind: str  # 'IN', 'NOT IN', 'EXISTS', 'SCALAR'
    operands: tuple[Rex, ...]
    rel: Any

    def digest(self) -> str:
        args = ", ".join(o.digest() for o in self.operands)
        inner = self.rel.explain().replace("\n", "\n  ")
        return f"{self.kind}({args}{', ' if args else ''}{{\n  {inner}}})"


@dataclass(frozen=True, slots=True)
class WindowBound:
    kind: (
        str  # 'UNBOUNDED PRECEDING', 'PRECEDING', 'CURRENT ROW', 'FOLLOWING', 'UNBOUNDED FOLLOWING'
    )
    offset: Rex | None = None

    def __str__(self) -> str:
        return self.kind if self.offset is None else f"{self.offset.digest()} {self.kind}"


@dataclass(frozen=True, slots=True)
class OverCall(Rex):
    """An aggregate or ranking function over a window: ROW_NUMBER() OVER (PARTITION BY ..)."""

    op: str
    operands: tuple[Rex, ...]
    partition_keys: tuple[Rex, ...]
    order_keys: tuple[tuple[Rex, bool, bool], ...]  # (key, descending, nulls_first)
    frame_units: str | None = None  # 'ROWS' or 'RANGE'
    lower: WindowBound | None = None
    upper: WindowBound | None = None
    distinct: bool = False

    def digest(self) -> str:
        parts = []
        if self.partition_keys:
            parts.append("PARTITION BY " + ", ".join(k.digest() for k in self.partition_keys))
        if self.order_keys:
            parts.append(
                "ORDER BY " + ", ".join(_order_digest(k, d, n) for k, d, n in self.order_keys)
            )
        if self.frame_units:
            parts.append(f"{self.frame_units} BETWEEN {self.lower} AND {self.upper}")
        args = ", ".join(o.digest() for o in self.operands)
        return f"{self.op}({args}) OVER ({' '.join(parts)})"


def _order_digest(key: Rex, descending: bool, nulls_first: bool) -> str:
    return f"{key.digest()}{' DESC' if descending else ''}{' NULLS FIRST' if nulls_first else ' NULLS LAST' if descending else ''}"


@dataclass(frozen=True, slots=True)
class AggregateCall:
    """One aggregate of a GROUP BY (or a MATCH_RECOGNIZE measure): COUNT(DISTINCT $1)."""

    name: str
    args: tuple[Rex, ...]
    type: DataType
    alias: str
    distinct: bool = False
    filter: Rex | None = None
    order_keys: tuple[tuple[Rex, bool, bool], ...] = ()

    def digest(self) -> str:
        inner = ", ".join(a.digest() for a in self.args)
        text = f"{self.name}({'DISTINCT ' if self.distinct else ''}{inner})"
        return text + (f" FILTER {self.filter.digest()}" if self.filter is not None else "")


def format_literal(value: Any, type_: DataType) -> str:
    """A literal as Calcite prints it in plans: 3, 'abc', 1000:INTERVAL SECOND, null:INTEGER."""
    if value is None:
        return f"null:{type_.serializable()}"
    root = type_.root
    if root in ("CHAR", "VARCHAR"):
        return "'" + str(value).replace("'", "''") + "'"
    if root == "BOOLEAN":
        return "true" if value else "false"
    if root == "INTERVAL_DAY_TIME":
        return f"{value}:INTERVAL {type_.interval_unit or 'SECOND'}"
    if root == "INTERVAL_YEAR_MONTH":
        return f"{value}:INTERVAL {type_.interval_unit or 'YEAR TO MONTH'}"
    if root in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=value // 1000)
        text = moment.isoformat(sep=" ")
        return text if root == "TIMESTAMP" else f"{text}:TIMESTAMP_WITH_LOCAL_TIME_ZONE"
    if root == "DATE":
        return (dt.date(1970, 1, 1) + dt.timedelta(days=value)).isoformat()
    if isinstance(value, Decimal) or root in ("DOUBLE", "FLOAT"):
        return str(value)
    return str(value)


def substitute(rex: Rex, exprs: tuple[Rex, ...] | list[Rex]) -> Rex:
    """`rex` with every input reference $i replaced by exprs[i]: how two stacked projections
    become one (Flink's Calc merging)."""
    if isinstance(rex, InputRef):
        return exprs[rex.index]
    if isinstance(rex, Call):
        return Call(rex.type, rex.op, tuple(substitute(o, exprs) for o in rex.operands))
    if isinstance(rex, FieldAccessRex):
        return FieldAccessRex(rex.type, substitute(rex.operand, exprs), rex.field)
    return rex


def shift(rex: Rex, offset: int) -> Rex:
    """`rex` with its input references moved by `offset` (the right side of a join row)."""
    if isinstance(rex, InputRef):
        return InputRef(rex.type, rex.index + offset)
    if isinstance(rex, Call):
        return Call(rex.type, rex.op, tuple(shift(o, offset) for o in rex.operands))
    if isinstance(rex, FieldAccessRex):
        return FieldAccessRex(rex.type, shift(rex.operand, offset), rex.field)
    return rex


def input_indices(rex: Rex) -> set[int]:
    """The input fields `rex` reads."""
    if isinstance(rex, InputRef):
        return {rex.index}
    out: set[int] = set()
    if isinstance(rex, Call):
        for o in rex.operands:
            out |= input_indices(o)
    elif isinstance(rex, FieldAccessRex):
        out = input_indices(rex.operand)
    elif isinstance(rex, OverCall):
        for o in rex.operands + rex.partition_keys + tuple(k for k, _, _ in rex.order_keys):
            out |= input_indices(o)
    return out


def conjunctions(rex: Rex | None) -> list[Rex]:
    """The AND-ed parts of a condition."""
    if rex is None:
        return []
    if isinstance(rex, Call) and rex.op == "AND":
        return [c for o in rex.operands for c in conjunctions(o)]
    return [rex]


def contains_over(rex: Rex) -> bool:
    if isinstance(rex, OverCall):
        return True
    if isinstance(rex, Call):
        return any(contains_over(o) for o in rex.operands)
    return False


def and_(a: Rex, b: Rex) -> Rex:
    """a AND b, nullable if either side is."""
    from flinklite.catalog.types import boolean

    return Call(boolean(a.type.nullable or b.type.nullable), "AND", (a, b))


def int_literal(rex: Rex | None, what: str) -> int | None:
    """The value of a constant integer (possibly CAST), for LIMIT, OFFSET and rank bounds."""
    from flinklite.errors import UnsupportedError

    if rex is None:
        return None
    if isinstance(rex, Call) and rex.op == "CAST":
        rex = rex.operands[0]
    if isinstance(rex, Literal) and isinstance(rex.value, int):
        return rex.value
    raise UnsupportedError(f"{what} must be a constant")
