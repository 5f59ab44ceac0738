"""The registry of Flink SQL's built-in functions, looked up by upper-case name.

The binder calls `lookup(name).infer(arg_types, CallContext(...))` for a call's result type."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.expr.functions_aggregate import (
    AGGREGATE_FUNCTIONS,
    GROUP_WINDOW_FUNCTIONS,
    MATCH_FUNCTIONS,
    TABLE_FUNCTIONS,
    WINDOW_FUNCTIONS,
)
from flinklite.expr.functions_core import CallContext, FunctionDef
from flinklite.expr.functions_scalar import SCALAR_FUNCTIONS

__all__ = [
    "BUILTINS",
    "TABLE_BUILTINS",
    "CallContext",
    "FunctionDef",
    "function_names",
    "lookup",
    "lookup_table_function",
    "symbol_type",
]

# Aliases Flink accepts under a second name.
_ALIASES: dict[str, str] = {}


def _registry(defs: list[FunctionDef]) -> dict[str, FunctionDef]:
    out: dict[str, FunctionDef] = {}
    for d in defs:
        assert d.name not in out, f"duplicate built-in {d.name}"
        out[d.name] = d
    return out


BUILTINS: dict[str, FunctionDef] = _registry(
    SCALAR_FUNCTIONS + AGGREGATE_FUNCTIONS + WINDOW_FUNCTIONS + GROUP_WINDOW_FUNCTIONS
    + MATCH_FUNCTIONS
)  # fmt: skip
# TUMBLE / HOP / SESSION are also window TVFs: FROM TABLE(TUMBLE(TABLE t, ..)) looks here.
TABLE_BUILTINS: dict[str, FunctionDef] = _registry(TABLE_FUNCTIONS)


def lookup(name: str) -> FunctionDef | None:
    """The built-in scalar / aggregate / window function of that name (any case), or None."""
    key = name.upper()
    return BUILTINS.get(_ALIASES.get(key, key))


def lookup_table_function(name: str) -> FunctionDef | None:
    """The built-in table-valued function (window TVF) of that name, or None."""
    return TABLE_BUILTINS.get(name.upper())


def function_names(include_extensions: bool = True) -> list[str]:
    """Sorted names for SHOW FUNCTIONS, completion and did-you-mean hints (no operators)."""
    names = {n for n, d in BUILTINS.items() if include_extensions or d.flink}
    names |= set(TABLE_BUILTINS)
    return sorted(n for n in names if n[0].isalpha())


def symbol_type() -> DataType:
    """The type the binder gives a Symbol argument (TRIM's BOTH, EXTRACT's unit)."""
    return DataType(T.SYMBOL, nullable=False)
