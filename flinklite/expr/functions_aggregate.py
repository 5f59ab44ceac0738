"""Aggregate, window (ranking and offset), group-window and MATCH_RECOGNIZE functions: their
signatures and result types as Flink 2.3 infers them (AVG(INT) is INT, SUM(DECIMAL) is DECIMAL(38, s))."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import ValidationError
from flinklite.expr.functions_core import (
    CallContext,
    FunctionDef,
    any_nullable,
    fixed,
    fn,
)

MAX_PRECISION = 38


def _group_nullable(args: list[DataType], ctx: CallContext) -> bool:
    """An aggregate over a possibly empty group returns NULL; OVER windows and groups with
    keys are never empty, so there a NOT NULL argument gives a NOT NULL result."""
    return not (ctx.over or ctx.grouped) or any_nullable(args)


def _agg_arg(args: list[DataType], ctx: CallContext) -> DataType:
    """MIN, MAX, FIRST_VALUE, LISTAGG: the argument's type (Flink even keeps a rowtime mark)."""
    return args[0].with_nullable(_group_nullable(args[:1], ctx))


def _min_max(args: list[DataType], ctx: CallContext) -> DataType:
    """MIN and MAX: the argument's type, which must have an order (Flink's MinAggFunction and
    MaxAggFunction take no ARRAY, MAP, MULTISET or ROW)."""
    if args[0].root in T.CONSTRUCTED:
        name = ctx.name.capitalize()
        raise ValidationError(
            f"{name} aggregate function does not support type: ''{args[0].root}''.", pos=ctx.pos
        )
    return _agg_arg(args, ctx)


def sum_type(t: DataType) -> DataType:
    """LogicalTypeMerging.findSumAggType: DECIMAL(p, s) sums to DECIMAL(38, s), others keep."""
    if t.root == T.DECIMAL:
        return T.decimal(MAX_PRECISION, t.scale or 0)
    return t


def avg_type(t: DataType) -> DataType:
    """findAvgAggType: DECIMAL(p, s) averages to DECIMAL(38, max(6, s)); integers stay integers."""
    if t.root == T.DECIMAL:
        return T.decimal(MAX_PRECISION, max(6, t.scale or 0))
    return t


def _sum(args: list[DataType], ctx: CallContext) -> DataType:
    return sum_type(args[0].without_time_attribute()).with_nullable(_group_nullable(args, ctx))


def _avg(args: list[DataType], ctx: CallContext) -> DataType:
    return avg_type(args[0].without_time_attribute()).with_nullable(_group_nullable(args, ctx))


def _collect(args: list[DataType], ctx: CallContext) -> DataType:
    return DataType(T.MULTISET, False, elements=(args[0].without_time_attribute(),))


def _array_agg(args: list[DataType], ctx: CallContext) -> DataType:
    element = args[0].without_time_attribute()
    return T.array(element, nullable=element.nullable)


def _offset(args: list[DataType], ctx: CallContext) -> DataType:
    """LAG / LEAD: the value's type; nullable unless a NOT NULL default covers missing rows."""
    t = args[0].without_time_attribute()
    if len(args) == 3:
        return t.with_nullable(t.nullable or args[2].nullable)
    return t.with_nullable(True)


def agg(name: str, forms: list[tuple[str, ...]], returns, **kw) -> FunctionDef:
    return fn(name, "aggregate", forms, returns, **kw)


_AVG_LIKE = ["AVG", "STDDEV_POP", "STDDEV_SAMP", "STDDEV", "VAR_POP", "VAR_SAMP", "VARIANCE"]

AGGREGATE_FUNCTIONS = [
    agg("COUNT", [("ANY", "...")], fixed(T.bigint(), "never")),
    agg("SUM", [("NUMERIC",)], _sum),
    *[agg(name, [("NUMERIC",)], _avg) for name in _AVG_LIKE],
    agg("MIN", [("ANY",)], _min_max),
    agg("MAX", [("ANY",)], _min_max),
    agg("FIRST_VALUE", [("ANY",)], _agg_arg),
    agg("LAST_VALUE", [("ANY",)], _agg_arg),
    agg("LISTAGG", [("CHARACTER",), ("CHARACTER", "CHARACTER")], _agg_arg, literal_args=(1,)),
    agg("COLLECT", [("ANY",)], _collect),
    agg("ARRAY_AGG", [("ANY",)], _array_agg),
    # Which group keys a grouping set leaves out, from the planner's expand id (not aggregated).
    agg("GROUPING", [("ANY",)], fixed(T.bigint(False), "never")),
    agg("GROUPING_ID", [("ANY", "...")], fixed(T.bigint(False), "never")),
]

_BIGINT_NN, _DOUBLE_NN = T.bigint(False), T.double(False)

WINDOW_FUNCTIONS = [
    fn("ROW_NUMBER", "window", [()], fixed(_BIGINT_NN, "never")),
    fn("RANK", "window", [()], fixed(_BIGINT_NN, "never")),
    fn("DENSE_RANK", "window", [()], fixed(_BIGINT_NN, "never")),
    fn("PERCENT_RANK", "window", [()], fixed(_DOUBLE_NN, "never")),
    fn("CUME_DIST", "window", [()], fixed(_DOUBLE_NN, "never")),
    fn("NTILE", "window", [("INTEGER",)], fixed(_BIGINT_NN, "never"), literal_args=(0,)),
    fn("LAG", "window", [("ANY",), ("ANY", "NUMERIC"), ("ANY", "NUMERIC", "ANY")], _offset),
    fn("LEAD", "window", [("ANY",), ("ANY", "NUMERIC"), ("ANY", "NUMERIC", "ANY")], _offset),
]

# --- legacy group windows: GROUP BY TUMBLE(rowtime, INTERVAL ..) and their properties ------------

_GROUP_WINDOW_FORMS = {
    "TUMBLE": [("DATETIME", "DATETIME_INTERVAL"), ("DATETIME", "DATETIME_INTERVAL", "TIME")],
    "HOP": [
        ("DATETIME", "DATETIME_INTERVAL", "DATETIME_INTERVAL"),
        ("DATETIME", "DATETIME_INTERVAL", "DATETIME_INTERVAL", "TIME"),
    ],
    "SESSION": [("DATETIME", "DATETIME_INTERVAL"), ("DATETIME", "DATETIME_INTERVAL", "TIME")],
}


def _window_rowtime(args: list[DataType], ctx: CallContext) -> DataType:
    return T.timestamp(3, args[0].nullable).as_time_attribute("ROWTIME")


def _group_window_functions() -> list[FunctionDef]:
    out = []
    start_end = fixed(T.timestamp(3, False), "never")
    proctime = fixed(T.timestamp_ltz(3, False).as_time_attribute("PROCTIME"), "never")
    for window, forms in _GROUP_WINDOW_FORMS.items():
        out.append(fn(window, "group-window", forms, fixed(T.timestamp(3, False), "never")))
        for suffix, returns in (
            ("START", start_end),
            ("END", start_end),
            ("ROWTIME", _window_rowtime),
            ("PROCTIME", proctime),
        ):
            out.append(fn(f"{window}_{suffix}", "group-window-property", forms, returns))
    return out


GROUP_WINDOW_FUNCTIONS = _group_window_functions()

# Window table-valued functions: the binder derives window_start / window_end / window_time.
TABLE_FUNCTIONS = [
    fn("TUMBLE", "table", [("ANY", "...")], fixed(T.null())),
    fn("HOP", "table", [("ANY", "...")], fixed(T.null())),
    fn("CUMULATE", "table", [("ANY", "...")], fixed(T.null())),
    fn("SESSION", "table", [("ANY", "...")], fixed(T.null())),
]

# --- MATCH_RECOGNIZE ------------------------------------------------------------------------------


def _navigation(nulls_always: bool):
    def infer(args: list[DataType], ctx: CallContext) -> DataType:
        return args[0] if not nulls_always else args[0].with_nullable(True)

    return infer


def _match_rowtime(args: list[DataType], ctx: CallContext) -> DataType:
    if args:
        return args[0].as_time_attribute("ROWTIME")
    return T.timestamp(3, False).as_time_attribute("ROWTIME")


MATCH_FUNCTIONS = [
    # PREV / NEXT may step outside the match: always nullable. FIRST / LAST keep the type.
    fn("PREV", "match", [("ANY",), ("ANY", "INTEGER")], _navigation(True), literal_args=(1,)),
    fn("NEXT", "match", [("ANY",), ("ANY", "INTEGER")], _navigation(True), literal_args=(1,)),
    fn("FIRST", "match", [("ANY",), ("ANY", "INTEGER")], _navigation(False), literal_args=(1,)),
    fn("LAST", "match", [("ANY",), ("ANY", "INTEGER")], _navigation(False), literal_args=(1,)),
    fn("CLASSIFIER", "match", [()], fixed(T.string(False), "never"), flink=False),
    fn("MATCH_NUMBER", "match", [()], fixed(T.bigint(False), "never"), flink=False),
    fn("MATCH_ROWTIME", "match", [(), ("TIMESTAMP",)], _match_rowtime),
    fn(
        "MATCH_PROCTIME",
        "match",
        [()],
        fixed(T.timestamp_ltz(3, False).as_time_attribute("PROCTIME"), "never"),
    ),
]
