"""The machinery of built-in function definitions: signatures as data, return-type rules, and
the Calcite / Flink wording of the errors a wrong call gets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import Pos, ValidationError
from flinklite.expr import literals
from flinklite.expr.coercion import calcite_name
from flinklite.sql import ast


@dataclass(frozen=True, slots=True)
class CallContext:
    """What type inference may know about a call besides its argument types.

    `nodes` are the argument expressions (to read literal arguments: ROUND's scale, LISTAGG's
    separator, the time unit Symbol of EXTRACT); `over` marks an aggregate used with OVER,
    `grouped` one in a GROUP BY with keys (both: the group is never empty, so a NOT NULL
    argument gives a NOT NULL result); `star` marks COUNT(*), whose argument list is empty."""

    name: str = ""
    nodes: tuple[ast.Expr, ...] = ()
    pos: Pos | None = None
    over: bool = False
    grouped: bool = False
    distinct: bool = False
    star: bool = False

    def literal(self, i: int) -> Any:
        """The value of argument i when it is a literal, else None."""
        if i < len(self.nodes) and literals.is_literal(self.nodes[i]):
            return literals.literal_value(self.nodes[i])
        return None

    def is_literal(self, i: int) -> bool:
        return i < len(self.nodes) and literals.is_literal(self.nodes[i])

    def symbol(self, i: int) -> str | None:
        node = self.nodes[i] if i < len(self.nodes) else None
        return node.name.upper() if isinstance(node, ast.Symbol) else None


Infer = Callable[[list[DataType], CallContext], DataType]


@dataclass(frozen=True, slots=True)
class FunctionDef:
    """A built-in function. `forms` are its signatures as family names (Calcite's), a trailing
    '...' repeating the last family; `returns` computes the result type once a form matched.
    `kind` is 'scalar', 'aggregate', 'window' (ranking / offset functions needing OVER),
    'group-window' (TUMBLE in GROUP BY), 'group-window-property' (TUMBLE_START ..), 'table'
    (window TVFs: the binder computes their schema), 'match' (MATCH_RECOGNIZE only).
    `impl` will hold the runtime implementation; `flink` is False for flinklite extensions."""

    name: str
    kind: str
    forms: tuple[tuple[str, ...], ...]
    returns: Infer
    style: str = "calcite"  # which wording argument errors use: 'calcite' or 'flink'
    null_args: bool = False  # whether a bare NULL literal is a valid argument
    literal_args: tuple[int, ...] = ()  # arguments that must be literals
    flink: bool = True
    description: str = ""
    impl: Any = field(default=None, compare=False)

    def infer(self, args: Sequence[DataType], ctx: CallContext | None = None) -> DataType:
        """The result type of a call, or a ValidationError worded as Flink words it."""
        ctx = ctx or CallContext(self.name)
        args = list(args)
        check_call(self, args, ctx)
        return self.returns(args, ctx)

    @property
    def min_args(self) -> int:
        return min(len([f for f in form if f != "..."]) for form in self.forms)

    @property
    def max_args(self) -> int | None:
        if any(form and form[-1] == "..." for form in self.forms):
            return None
        return max(len(form) for form in self.forms)


# --- families --------------------------------------------------------------------------------------

FAMILIES: dict[str, Callable[[DataType], bool]] = {
    "ANY": lambda t: True,
    "CHARACTER": lambda t: t.is_string,
    "STRING": lambda t: t.is_string or t.root in T.BINARY_STRING,
    "BINARY": lambda t: t.root in T.BINARY_STRING,
    "NUMERIC": lambda t: t.is_numeric,
    "EXACT_NUMERIC": lambda t: t.root in T.EXACT_NUMERIC,
    "INTEGER": lambda t: t.is_integer,
    "BOOLEAN": lambda t: t.root == T.BOOLEAN,
    "DATETIME": lambda t: t.root in T.DATETIME,
    "DATE": lambda t: t.root == T.DATE,
    "TIME": lambda t: t.root == T.TIME,
    "TIMESTAMP": lambda t: t.root in T.TIMESTAMPS,
    "DATETIME_INTERVAL": lambda t: t.root in T.INTERVALS,
    "ARRAY": lambda t: t.root == T.ARRAY,
    "MAP": lambda t: t.root == T.MAP,
    "MULTISET": lambda t: t.root == T.MULTISET,
    "COLLECTION": lambda t: t.root in (T.ARRAY, T.MULTISET),
    "SYMBOL": lambda t: t.root == T.SYMBOL,
    "TIME_UNIT": lambda t: t.root == T.SYMBOL,
}


def _expand(form: tuple[str, ...], n: int) -> list[str] | None:
    if form and form[-1] == "...":
        fixed = list(form[:-1])
        if n < len(fixed):
            return None
        return fixed + [fixed[-1]] * (n - len(fixed))
    return list(form) if len(form) == n else None


def _matches(form: tuple[str, ...], args: list[DataType]) -> bool:
    families = _expand(form, len(args))
    if families is None:
        return False
    return all(
        a.root == T.NULL or FAMILIES[f.split(" ")[-1]](a)
        for f, a in zip(families, args, strict=True)
    )


def _show_form(name: str, form: tuple[str, ...]) -> str:
    parts = [f"<{f}>" if f != "..." else "..." for f in form]
    return f"'{name}(" + ", ".join(parts) + ")'"


def check_call(fn: FunctionDef, args: list[DataType], ctx: CallContext) -> None:
    """Arity, literal-ness and families of the arguments, with Flink's wording."""
    n = len(args)
    if not (fn.name == "COUNT" and ctx.star):
        if n < fn.min_args or (fn.max_args is not None and n > fn.max_args):
            if fn.style == "flink":
                raise flink_call_error(fn, args, ctx)
            raise ValidationError(
                f"Invalid number of arguments to function '{fn.name}'. "
                f"Was expecting {fn.min_args} arguments",
                pos=ctx.pos,
            )
    if not fn.null_args and any(a.root == T.NULL for a in args):
        raise ValidationError("Illegal use of 'NULL'", pos=ctx.pos)
    for i in fn.literal_args:
        if i < n and ctx.nodes and not ctx.is_literal(i):
            raise ValidationError(
                f"Argument to function '{fn.name}' must be a literal", pos=ctx.pos
            )
    if n and not any(_matches(form, args) for form in fn.forms):
        raise argument_error(fn, args, ctx)


def argument_error(fn: FunctionDef, args: Sequence[DataType], ctx: CallContext) -> ValidationError:
    if fn.style == "flink":
        return flink_call_error(fn, args, ctx)
    shown = ", ".join(f"<{calcite_name(a.without_time_attribute())}>" for a in args)
    forms = "\n".join(_show_form(fn.name, f) for f in fn.forms)
    return ValidationError(
        f"Cannot apply '{fn.name}' to arguments of type '{fn.name}({shown})'. "
        f"Supported form(s): {forms}",
        pos=ctx.pos,
    )


def flink_call_error(
    fn: FunctionDef, args: Sequence[DataType], ctx: CallContext
) -> ValidationError:
    """Flink's own functions (COALESCE, IFNULL, TO_TIMESTAMP_LTZ ...) word it this way."""
    shown = ", ".join(a.without_time_attribute().summary() for a in args)
    return ValidationError(f"Invalid function call:\n{fn.name}({shown})", pos=ctx.pos)


# --- return-type rules -----------------------------------------------------------------------------


def any_nullable(args: Sequence[DataType]) -> bool:
    return any(a.nullable for a in args)


def fixed(t: DataType, nulls: str = "args") -> Infer:
    """Always type `t`; nullable per `nulls`: 'args' (if any argument is), 'always', 'never'."""

    def infer(args: list[DataType], ctx: CallContext) -> DataType:
        if nulls == "always":
            return t.with_nullable(True)
        if nulls == "never":
            return t.not_null()
        return t.with_nullable(any_nullable(args))

    return infer


def first_arg(nulls: str = "args") -> Infer:
    """The first argument's type (no time attribute), nullable per `nulls`."""

    def infer(args: list[DataType], ctx: CallContext) -> DataType:
        t = args[0].without_time_attribute()
        return fixed(t, nulls)(args, ctx)

    return infer


def varchar_of_first(nulls: str = "args") -> Infer:
    """VARCHAR as long as the first (character) argument: TRIM(CHAR(5)) is VARCHAR(5)."""

    def infer(args: list[DataType], ctx: CallContext) -> DataType:
        return fixed(T.varchar(args[0].length or T.MAX_LENGTH), nulls)(args, ctx)

    return infer


def fn(
    name: str,
    kind: str,
    forms: Sequence[Sequence[str]],
    returns: Infer,
    **kw: Any,
) -> FunctionDef:
    return FunctionDef(name, kind, tuple(tuple(f) for f in forms), returns, **kw)


def scalar(name: str, forms: Sequence[Sequence[str]], returns: Infer, **kw: Any) -> FunctionDef:
    return fn(name, "scalar", forms, returns, **kw)


def alias(definition: FunctionDef, name: str) -> FunctionDef:
    from dataclasses import replace

    return replace(definition, name=name)
