"""Built-in scalar functions of Flink SQL: signatures and return types, as Flink 2.3 infers them.

Nullability follows what Flink reports (SUBSTRING, REVERSE, SPLIT_INDEX are nullable always)."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr import coercion
from flinklite.expr.functions_core import (
    CallContext,
    FunctionDef,
    any_nullable,
    argument_error,
    first_arg,
    fixed,
    fn,
    scalar,
    varchar_of_first,
)

S, INT, BIGINT, DOUBLE, BOOL = T.string(), T.int_(), T.bigint(), T.double(), T.boolean()
C1, C2, C3 = ("CHARACTER",), ("CHARACTER", "CHARACTER"), ("CHARACTER",) * 3
N1, N2 = ("NUMERIC",), ("NUMERIC", "NUMERIC")

# --- special return rules --------------------------------------------------------------------------


def _case_like(args: list[DataType], ctx: CallContext) -> DataType:
    """UPPER / LOWER / INITCAP keep the argument's type: UPPER(CHAR(5)) is CHAR(5)."""
    return first_arg()(args, ctx)


def _concat_op(args: list[DataType], ctx: CallContext) -> DataType:
    """`a || b`: CHAR(n) || CHAR(m) is CHAR(n+m), otherwise VARCHAR(n+m), capped at STRING."""
    a, b = args
    length = min(T.MAX_LENGTH, (a.length or 0) + (b.length or 0))
    root = T.CHAR if a.root == b.root == T.CHAR else T.VARCHAR
    if a.root in T.BINARY_STRING:
        root = T.BINARY if a.root == b.root == T.BINARY else T.VARBINARY
    return DataType(root, any_nullable(args), length=length)


def _concat_check(args: list[DataType], ctx: CallContext) -> DataType:
    a, b = (x.without_time_attribute() for x in args)
    same_family = (a.is_string and b.is_string) or (
        a.root in T.BINARY_STRING and b.root in T.BINARY_STRING
    )
    if not same_family:
        raise ValidationError(
            f"Cannot apply '||' to arguments of type '<{coercion.calcite_name(a)}> || "
            f"<{coercion.calcite_name(b)}>'. Supported form(s): '<STRING> || <STRING>'",
            pos=ctx.pos,
        )
    return _concat_op(args, ctx)


def round_decimal(precision: int, scale: int, digits: int) -> tuple[int, int]:
    """LogicalTypeMerging.findRoundDecimalType: ROUND(DECIMAL(10, 2), 1) is DECIMAL(10, 1)."""
    if digits >= scale:
        return precision, scale
    if digits < 0:
        return min(38, 1 + precision - scale), 0
    return min(38, 1 + precision - scale + digits), digits


def _abs(args: list[DataType], ctx: CallContext) -> DataType:
    # The type system takes an interval; Flink's code generator has no ABS for it.
    if args[0].root in (T.INTERVAL_DAY_TIME, T.INTERVAL_YEAR_MONTH):
        raise UnsupportedError(
            f"Unsupported call: ABS({args[0].summary()})\nIf you think this function should be "
            "supported, you can create an issue and start a discussion for it.",
            pos=ctx.pos,
        )
    return first_arg()(args, ctx)


def _timestampdiff(args: list[DataType], ctx: CallContext) -> DataType:
    kinds = {a.root for a in args[1:]}
    if T.TIMESTAMP_LTZ in kinds and len(kinds) > 1:
        raise UnsupportedError(
            "TIMESTAMP_LTZ only supports diff between the same type.", pos=ctx.pos
        )
    return fixed(INT)(args, ctx)


def _round(args: list[DataType], ctx: CallContext) -> DataType:
    t = args[0].without_time_attribute()
    if t.root != T.DECIMAL:
        return t.with_nullable(any_nullable(args))
    digits = ctx.literal(1) if len(args) > 1 else 0
    p, s = round_decimal(t.precision or 10, t.scale or 0, int(digits or 0))
    return T.decimal(p, s, any_nullable(args))


def _floor_ceil(args: list[DataType], ctx: CallContext) -> DataType:
    """FLOOR(x) / CEIL(x): DECIMAL(p, s) becomes DECIMAL(p, 0); FLOOR(ts TO unit) keeps ts's type."""
    t = args[0].without_time_attribute()
    if t.root == T.DECIMAL:
        return T.decimal(t.precision or 10, 0, any_nullable(args))
    return t.with_nullable(any_nullable(args))


def _mod(args: list[DataType], ctx: CallContext) -> DataType:
    return coercion.arithmetic_type("%", args[0], args[1], ctx.pos)


def _coalesce(args: list[DataType], ctx: CallContext) -> DataType:
    common = coercion.common_type(args, flink_functions=True)
    if common is None:
        raise argument_error(BY_NAME["COALESCE"], args, ctx)
    # The result is NOT NULL as soon as one argument is.
    return common.with_nullable(all(a.nullable for a in args))


def _ifnull(args: list[DataType], ctx: CallContext) -> DataType:
    common = coercion.common_type(args, flink_functions=True)
    if common is None:
        raise argument_error(BY_NAME["IFNULL"], args, ctx)
    return common.with_nullable(args[1].nullable)


def _if(args: list[DataType], ctx: CallContext) -> DataType:
    common = coercion.common_type(args[1:])
    if args[0].root != T.BOOLEAN or common is None:
        raise ValidationError(
            "Cannot apply 'IF' to arguments of type 'IF("
            + ", ".join(f"<{coercion.calcite_name(a)}>" for a in args)
            + ")'. Supported form(s): 'IF(<ANY_TYPE>, <NUMERIC_TYPE>, <NUMERIC_TYPE>)'",
            pos=ctx.pos,
        )
    return common.with_nullable(True)  # Flink 2.3 reports IF(c, 1, 2) as nullable INT


def _greatest(args: list[DataType], ctx: CallContext) -> DataType:
    common = coercion.common_type(args, flink_functions=True)
    if common is None:
        shown = [a.without_time_attribute().with_nullable(True).summary() for a in args]
        raise ValidationError(
            "All types in a comparison should support both 'EQUALS' and 'ORDER' comparison "
            f"with each other. Can not compare {shown[0]} with {shown[1]}",
            pos=ctx.pos,
        )
    return common.with_nullable(any_nullable(args))


_DAY_OR_LONGER = {"DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "MILLENNIUM", "CENTURY", "DECADE"}


def _timestampadd(args: list[DataType], ctx: CallContext) -> DataType:
    """TIMESTAMPADD(unit, n, x): x's type, but a DATE plus hours becomes a TIMESTAMP."""
    t = args[2].without_time_attribute()
    unit = ctx.symbol(0) or "DAY"
    if t.root == T.DATE and unit not in _DAY_OR_LONGER:
        t = T.timestamp(6)  # observed: TIMESTAMPADD(HOUR, 1, DATE) is TIMESTAMP(6)
    return t.with_nullable(any_nullable(args[1:]))


def _element(args: list[DataType], ctx: CallContext) -> DataType:
    return args[0].elements[0].with_nullable(True)


def _hash(length: int) -> object:
    return fixed(T.char(length))


# --- the table ------------------------------------------------------------------------------------

STRING_FUNCTIONS = [
    scalar("UPPER", [C1], _case_like),
    scalar("LOWER", [C1], _case_like),
    scalar("INITCAP", [C1], _case_like),
    # TRIM's Calcite form is TRIM(flag, chars, s); LTRIM/RTRIM take the string alone.
    scalar(
        "TRIM",
        [("SYMBOL", "CHARACTER", "CHARACTER"), C1],
        lambda a, c: varchar_of_first()(a[-1:], c).with_nullable(any_nullable(a[1:] or a)),
    ),
    scalar("LTRIM", [C1, C2], varchar_of_first()),
    scalar("RTRIM", [C1, C2], varchar_of_first()),
    scalar(
        "SUBSTRING",
        [("CHARACTER", "INTEGER"), ("CHARACTER", "INTEGER", "INTEGER")],
        varchar_of_first("always"),
    ),
    scalar(
        "SUBSTR",
        [("CHARACTER", "INTEGER"), ("CHARACTER", "INTEGER", "INTEGER")],
        varchar_of_first("always"),
    ),
    scalar("LEFT", [("CHARACTER", "INTEGER")], fixed(S, "always")),
    scalar("RIGHT", [("CHARACTER", "INTEGER")], fixed(S, "always")),
    scalar("CONCAT", [("CHARACTER", "...")], fixed(S)),
    scalar("CONCAT_WS", [("CHARACTER", "...")], fixed(S)),
    scalar("||", [("ANY", "ANY")], _concat_check),  # checked there: infix wording
    scalar("CHAR_LENGTH", [C1], fixed(INT)),
    scalar("CHARACTER_LENGTH", [C1], fixed(INT)),
    scalar("REPLACE", [C3], fixed(S)),
    scalar("REGEXP", [C2], fixed(BOOL)),
    scalar("REGEXP_REPLACE", [C3], fixed(S)),
    scalar("REGEXP_EXTRACT", [("CHARACTER", "CHARACTER", "INTEGER"), C2], fixed(S, "always")),
    scalar("SPLIT_INDEX", [("CHARACTER", "ANY", "INTEGER")], fixed(S, "always")),
    scalar("SPLIT", [C2], fixed(T.array(S, nullable=False))),
    scalar("LPAD", [("CHARACTER", "INTEGER", "CHARACTER")], fixed(S)),
    scalar("RPAD", [("CHARACTER", "INTEGER", "CHARACTER")], fixed(S)),
    scalar("REPEAT", [("CHARACTER", "INTEGER")], fixed(S)),
    scalar("REVERSE", [C1], fixed(S, "always")),
    scalar("POSITION", [C2], fixed(INT)),
    scalar("LOCATE", [C2, ("CHARACTER", "CHARACTER", "INTEGER")], fixed(INT)),
    scalar(
        "OVERLAY",
        [("CHARACTER", "CHARACTER", "INTEGER"), ("CHARACTER", "CHARACTER", "INTEGER", "INTEGER")],
        fixed(S),
    ),
    scalar("ASCII", [C1], fixed(INT)),
    scalar("CHR", [("INTEGER",)], fixed(S, "always")),
    scalar("MD5", [("STRING",)], _hash(32)),
    scalar("SHA1", [("STRING",)], _hash(40)),
    scalar("SHA224", [("STRING",)], _hash(56)),
    scalar("SHA256", [("STRING",)], _hash(64)),
    scalar("SHA384", [("STRING",)], _hash(96)),
    scalar("SHA512", [("STRING",)], _hash(128)),
    scalar("TO_BASE64", [("STRING",)], fixed(S)),
    scalar("FROM_BASE64", [("STRING",)], fixed(S)),
    scalar("UUID", [()], fixed(T.char(36), "never")),
    scalar("IS_ALPHA", [C1], fixed(BOOL, "never")),
    scalar("IS_DECIMAL", [C1], fixed(BOOL, "never")),
    scalar("IS_DIGIT", [C1], fixed(BOOL, "never")),
    scalar("STR_TO_MAP", [C1, C3], fixed(T.map_(S, S))),
    scalar("BIN", [("INTEGER",)], fixed(S)),
    scalar("HEX", [("INTEGER",), ("STRING",)], fixed(S)),
    scalar("TYPEOF", [("ANY",), ("ANY", "BOOLEAN")], fixed(S, "always"), null_args=True),
    scalar("JSON_VALUE", [("ANY", "CHARACTER")], fixed(S, "always")),
    scalar("JSON_QUERY", [("ANY", "CHARACTER")], fixed(S, "always")),
    scalar("JSON_EXISTS", [("ANY", "CHARACTER")], fixed(BOOL)),
]

_DOUBLE_OF_NUMBER = [
    "SQRT", "LN", "LOG10", "LOG2", "EXP", "SIN", "COS", "TAN", "COT", "ASIN", "ACOS", "ATAN",
    "SINH", "COSH", "TANH", "DEGREES", "RADIANS",
]  # fmt: skip

NUMERIC_FUNCTIONS = [
    scalar("ABS", [N1, ("DATETIME_INTERVAL",)], _abs),
    scalar("SIGN", [N1], first_arg()),
    scalar("ROUND", [("NUMERIC", "INTEGER"), N1], _round),
    scalar("TRUNCATE", [("NUMERIC", "INTEGER"), N1], _round),
    scalar("FLOOR", [N1, ("DATETIME_INTERVAL",), ("DATETIME", "TIME_UNIT")], _floor_ceil),
    scalar("CEIL", [N1, ("DATETIME_INTERVAL",), ("DATETIME", "TIME_UNIT")], _floor_ceil),
    scalar("CEILING", [N1, ("DATETIME_INTERVAL",), ("DATETIME", "TIME_UNIT")], _floor_ceil),
    scalar("MOD", [("EXACT_NUMERIC", "EXACT_NUMERIC")], _mod),
    scalar("POWER", [N2], fixed(DOUBLE)),
    scalar("LOG", [N1, N2], fixed(DOUBLE)),
    scalar("ATAN2", [N2], fixed(DOUBLE)),
    *[scalar(name, [N1], fixed(DOUBLE)) for name in _DOUBLE_OF_NUMBER],
    scalar("RAND", [(), ("INTEGER",)], fixed(DOUBLE)),
    scalar("RAND_INTEGER", [("INTEGER",), ("INTEGER", "INTEGER")], fixed(INT)),
    scalar("PI", [()], fixed(DOUBLE, "never")),
    scalar("E", [()], fixed(DOUBLE, "never")),
]

_TS3, _LTZ3 = T.timestamp(3), T.timestamp_ltz(3)
_EXTRACTS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAYOFYEAR", "DAYOFMONTH", "DAYOFWEEK",
             "HOUR", "MINUTE", "SECOND"]  # fmt: skip

TIME_FUNCTIONS = [
    scalar("CURRENT_TIMESTAMP", [()], fixed(_LTZ3, "never")),
    scalar("NOW", [()], fixed(_LTZ3, "never")),
    scalar("CURRENT_ROW_TIMESTAMP", [()], fixed(_LTZ3, "never")),
    scalar("LOCALTIMESTAMP", [()], fixed(_TS3, "never")),
    scalar("CURRENT_DATE", [()], fixed(T.date(), "never")),
    scalar("CURRENT_TIME", [()], fixed(T.time(0), "never")),
    scalar("LOCALTIME", [()], fixed(T.time(0), "never")),
    fn("PROCTIME", "time-attribute", [()], fixed(_LTZ3.as_time_attribute("PROCTIME"), "never")),
    scalar("TO_TIMESTAMP", [C1, C2], fixed(_TS3, "always")),
    scalar(
        "TO_TIMESTAMP_LTZ",
        [C1, C2, C3, ("NUMERIC",), ("NUMERIC", "INTEGER")],
        fixed(_LTZ3, "always"),
        style="flink",
    ),
    scalar("TO_DATE", [C1, C2], fixed(T.date(), "always")),
    scalar("DATE_FORMAT", [("TIMESTAMP", "CHARACTER"), C2], fixed(S, "always")),
    scalar("UNIX_TIMESTAMP", [(), C1, C2], fixed(BIGINT)),
    scalar("FROM_UNIXTIME", [("INTEGER",), ("INTEGER", "CHARACTER")], fixed(S)),
    scalar("TIMESTAMPADD", [("TIME_UNIT", "INTEGER", "DATETIME")], _timestampadd),
    scalar("TIMESTAMPDIFF", [("TIME_UNIT", "DATETIME", "DATETIME")], _timestampdiff),
    scalar(
        "EXTRACT", [("TIME_UNIT", "DATETIME"), ("TIME_UNIT", "DATETIME_INTERVAL")], fixed(BIGINT)
    ),
    *[scalar(name, [("DATETIME",)], fixed(BIGINT)) for name in _EXTRACTS],
    scalar("CONVERT_TZ", [C3], fixed(S)),
]

CONDITIONAL_FUNCTIONS = [
    scalar("COALESCE", [("ANY", "...")], _coalesce, style="flink", null_args=True),
    scalar("IFNULL", [("ANY", "ANY")], _ifnull, style="flink", null_args=True),
    scalar("IF", [("ANY", "ANY", "ANY")], _if),
    scalar("NULLIF", [("ANY", "ANY")], first_arg("always")),
    scalar("GREATEST", [("ANY", "...")], _greatest),
    scalar("LEAST", [("ANY", "...")], _greatest),
    scalar("CARDINALITY", [("COLLECTION",), ("MAP",)], fixed(INT)),
    scalar("ELEMENT", [("ARRAY",)], _element),
]

SCALAR_FUNCTIONS: list[FunctionDef] = (
    STRING_FUNCTIONS + NUMERIC_FUNCTIONS + TIME_FUNCTIONS + CONDITIONAL_FUNCTIONS
)
BY_NAME = {f.name: f for f in SCALAR_FUNCTIONS}
