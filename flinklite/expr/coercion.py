"""Flink's type rules for operators: comparisons, arithmetic, common types, casts, INSERT columns.

Facts come from Flink 2.3 (LogicalTypeMerging, LogicalTypeCasts, Calcite's validator) and from
running the statements on it; the messages are Flink's, word for word, where it has one."""

from __future__ import annotations

from collections.abc import Sequence

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import Pos, ValidationError

MAX_DECIMAL_PRECISION = 38
MIN_ADJUSTED_SCALE = 6  # LogicalTypeMerging keeps at least this scale when it must shrink one

CASE_MIXING = "Illegal mixing of types in CASE or COALESCE statement"
VALUES_MIXING = "Values passed to VALUES operator must have compatible types"
IN_LIST_MIXING = "Values in expression list must have compatible types"
IN_OPERAND_MIXING = "Values passed to IN operator must have compatible types"


# --- Calcite's names for types, as its validator messages print them ----------------------------

_CALCITE_ROOT = {T.INTEGER: "INTEGER", T.TIMESTAMP_LTZ: "TIMESTAMP_WITH_LOCAL_TIME_ZONE"}


def calcite_name(t: DataType) -> str:
    """The type as Calcite prints it in messages: INTEGER, VARCHAR(2147483647), CHAR(1),
    DECIMAL(10, 2), TIMESTAMP(3), INTEGER ARRAY, INTERVAL SECOND."""
    r = t.root
    if r in T.CHARACTER_STRING or r in T.BINARY_STRING:
        return f"{r}({t.length})"
    if r == T.DECIMAL:
        return f"DECIMAL({t.precision}, {t.scale})"
    if r in (T.TIME, T.TIMESTAMP, T.TIMESTAMP_LTZ):
        return f"{_CALCITE_ROOT.get(r, r)}({t.precision})"
    if r in T.INTERVALS:
        return "INTERVAL " + (t.interval_unit or "SECOND")
    if r in (T.ARRAY, T.MULTISET):
        return f"{calcite_name(t.elements[0])} {r}"
    if r == T.MAP:
        return f"({calcite_name(t.elements[0])}, {calcite_name(t.elements[1])}) MAP"
    if r == T.ROW:
        return "RecordType(" + ", ".join(f"{calcite_name(f.type)} {f.name}" for f in t.fields) + ")"
    return _CALCITE_ROOT.get(r, r)


def calcite_root(t: DataType) -> str:
    """Calcite's SqlTypeName: INTEGER, VARCHAR, CHAR, DECIMAL (no parameters)."""
    return _CALCITE_ROOT.get(t.root, t.root)


def _cannot_apply_infix(op: str, left: DataType, right: DataType, forms: Sequence[str], pos):
    supported = "\n".join(f"'<{a}> {op} <{b}>'" for a, b in (f.split(",") for f in forms))
    return ValidationError(
        f"Cannot apply '{op}' to arguments of type '<{calcite_name(left)}> {op} "
        f"<{calcite_name(right)}>'. Supported form(s): {supported}",
        pos=pos,
    )


def _nullable(*ts: DataType) -> bool:
    return any(t.nullable for t in ts)


def plain(t: DataType) -> DataType:
    """The type without its time-attribute mark: expressions over a rowtime are plain timestamps."""
    return t.without_time_attribute()


# --- common types (CASE, COALESCE, VALUES, UNION, IN lists) --------------------------------------


def _decimal_of(t: DataType) -> DataType:
    return T.integer_as_decimal(t) if t.is_integer else t


def _common_decimal(ts: Sequence[DataType]) -> DataType:
    ds = [_decimal_of(t) for t in ts]
    int_digits = max(d.precision - d.scale for d in ds)  # type: ignore[operator]
    scale = max(d.scale for d in ds)  # type: ignore[type-var]
    # Integer digits win when the sum overflows 38 (LogicalTypeMerging.findCommonType).
    scale = max(0, min(scale, MAX_DECIMAL_PRECISION - int_digits))
    return T.decimal(min(MAX_DECIMAL_PRECISION, int_digits + scale), scale)


def _common_numeric(ts: Sequence[DataType]) -> DataType:
    roots = {t.root for t in ts}
    if T.DOUBLE in roots or (T.FLOAT in roots and T.DECIMAL in roots):
        return T.double()
    if T.FLOAT in roots:
        return T.float_()
    if T.DECIMAL in roots:
        return _common_decimal(ts)
    return max(ts, key=lambda t: T.INTEGER_RANK[t.root]).with_nullable(True)


def _common_strings(ts: Sequence[DataType], fixed: str, varying: str) -> DataType:
    lengths = {t.length for t in ts}
    if all(t.root == fixed for t in ts) and len(lengths) == 1:
        return DataType(fixed, length=lengths.pop())
    return DataType(varying, length=max(t.length or 0 for t in ts))


def common_type(types: Sequence[DataType], *, flink_functions: bool = False) -> DataType | None:
    """Calcite's leastRestrictive as Flink's SQL uses it for CASE / VALUES / UNION, or None.

    With `flink_functions` it follows LogicalTypeMerging.findCommonType instead, which
    Flink's own functions (COALESCE, IFNULL, GREATEST) use: there TIMESTAMP_LTZ beats TIMESTAMP
    and DATE beats TIMESTAMP. Nullability: nullable if any input is (NULL counts)."""
    if not types:
        return None
    nullable = _nullable(*types)
    ts = [plain(t) for t in types if t.root != T.NULL]
    if not ts:
        return T.null()
    result = _common_non_null(ts, flink_functions)
    return None if result is None else result.with_nullable(nullable)


def _common_non_null(ts: list[DataType], flink_functions: bool) -> DataType | None:
    roots = {t.root for t in ts}
    first = ts[0]
    if len({t.with_nullable(True) for t in ts}) == 1:
        return first
    if roots <= T.CHARACTER_STRING:
        return _common_strings(ts, T.CHAR, T.VARCHAR)
    if roots <= T.BINARY_STRING:
        return _common_strings(ts, T.BINARY, T.VARBINARY)
    if roots <= T.NUMERIC:
        return _common_numeric(ts)
    if roots <= T.TIMESTAMPS:
        precision = max(t.precision or 0 for t in ts)
        if flink_functions:
            root = T.TIMESTAMP_LTZ if T.TIMESTAMP_LTZ in roots else T.TIMESTAMP
        else:
            root = first.root  # Calcite keeps the first branch's kind (observed in Flink 2.3)
        return DataType(root, precision=precision)
    if flink_functions and roots == {T.DATE, T.TIMESTAMP}:
        return T.date()
    if roots == {T.TIME}:
        return T.time(max(t.precision or 0 for t in ts))
    if len(roots) == 1 and roots <= T.INTERVALS:
        return max(ts, key=lambda t: (t.precision or 0, t.scale or 0))
    if len(roots) == 1 and first.root in (T.ARRAY, T.MULTISET):
        element = common_type([t.elements[0] for t in ts], flink_functions=flink_functions)
        return None if element is None else DataType(first.root, elements=(element,))
    if roots == {T.MAP}:
        key = common_type([t.elements[0] for t in ts], flink_functions=flink_functions)
        value = common_type([t.elements[1] for t in ts], flink_functions=flink_functions)
        return None if key is None or value is None else T.map_(key, value)
    if roots == {T.ROW} and len({len(t.fields) for t in ts}) == 1:
        fields = []
        for i, f in enumerate(first.fields):
            ft = common_type([t.fields[i].type for t in ts], flink_functions=flink_functions)
            if ft is None:
                return None
            fields.append((f.name, ft))
        return T.row(fields)
    return None


def least_restrictive(
    types: Sequence[DataType], pos: Pos | None = None, message: str = CASE_MIXING
) -> DataType:
    """The common type of CASE branches, COALESCE arguments, VALUES rows, UNION columns, or a
    ValidationError with `message` (CASE_MIXING, VALUES_MIXING, IN_LIST_MIXING, ...)."""
    result = common_type(types)
    if result is None:
        raise ValidationError(message, pos=pos)
    return result


# --- comparisons ---------------------------------------------------------------------------------

EQUALITY_OPS = frozenset({"=", "<>", "!=", "IS DISTINCT FROM", "IS NOT DISTINCT FROM"})
ORDERING_OPS = frozenset({"<", ">", "<=", ">="})


def _comparable_error(op: str, left: DataType, right: DataType, pos) -> ValidationError:
    return _cannot_apply_infix(op, left, right, ["COMPARABLE_TYPE,COMPARABLE_TYPE"], pos)


def comparison_types(
    op: str, left: DataType, right: DataType, pos: Pos | None = None
) -> tuple[DataType, DataType]:
    """The types the two operands are cast to before `left op right` is evaluated (each is the
    operand's own type when no cast is needed). BETWEEN is checked as its two comparisons.

    Flink 2.3 casts a character string compared by <, >, <=, >= with a number to BIGINT, to a
    DECIMAL wide enough for BIGINT and the other side, or to DOUBLE; it rejects = and <> between
    them ("implicit type conversion between VARCHAR and INTEGER is not supported now")."""
    lt, rt = plain(left), plain(right)
    if lt.root == T.NULL or rt.root == T.NULL:
        return left, right
    if lt.is_string and rt.is_string:
        if lt.root == rt.root:
            return left, right
        common = _common_strings([lt, rt], T.CHAR, T.VARCHAR)
        return common.with_nullable(left.nullable), common.with_nullable(right.nullable)
    if (lt.is_string and rt.is_numeric) or (lt.is_numeric and rt.is_string):
        if op in EQUALITY_OPS:
            raise ValidationError(
                f"implicit type conversion between {calcite_root(lt)} and {calcite_root(rt)} "
                "is not supported now",
                pos=pos,
            )
        number = rt if lt.is_string else lt
        if number.root in T.APPROXIMATE_NUMERIC:
            target = T.double()
        elif number.root == T.DECIMAL:
            target = _common_decimal([T.bigint(), number])
        else:
            target = T.bigint()
        return target.with_nullable(left.nullable), target.with_nullable(right.nullable)
    if lt.is_numeric and rt.is_numeric:
        if lt.root == rt.root and lt.root != T.DECIMAL:
            return left, right
        common = _common_numeric([lt, rt])
        return common.with_nullable(left.nullable), common.with_nullable(right.nullable)
    # A string against a date, time, timestamp or boolean is read as a literal of that type.
    if lt.is_string and rt.root in T.DATETIME | {T.BOOLEAN}:
        return rt.with_nullable(left.nullable), right
    if rt.is_string and lt.root in T.DATETIME | {T.BOOLEAN}:
        return left, lt.with_nullable(right.nullable)
    if lt.is_timestamp and rt.is_timestamp:
        # Equality converts the TIMESTAMP_LTZ side to the session-zone wall clock (observed
        # `=(ts, CAST(ltz AS TIMESTAMP(3)))`); ordering compares the stored values as they are.
        if op in EQUALITY_OPS and lt.root != rt.root:
            if lt.root == T.TIMESTAMP_LTZ:
                return T.timestamp(lt.precision or 0, left.nullable), right
            return left, T.timestamp(rt.precision or 0, right.nullable)
        return left, right
    if lt.root == rt.root and lt.root in {T.DATE, T.TIME, T.BOOLEAN}:
        return left, right
    if lt.root in T.BINARY_STRING and rt.root in T.BINARY_STRING:
        return left, right
    if lt.root == rt.root and lt.root in T.INTERVALS | T.CONSTRUCTED:
        if op not in EQUALITY_OPS and not T.orderable(lt):
            # Flink's code generator has no order for maps and multisets.
            raise ValidationError(f"Comparable type expected, but was '{lt.summary()}'.", pos=pos)
        if common_type([lt, rt]) is not None:
            return left, right
    raise _comparable_error(op, lt, rt, pos)


def in_list_types(
    operand: DataType, items: Sequence[DataType], pos: Pos | None = None
) -> tuple[DataType, DataType]:
    """(operand type, item type) for `x IN (items)`: the items must share a common type; a
    string operand against numbers (and a number against strings) casts the items to the
    operand's type, so `s IN (1, 5)` compares text, `i IN ('1', '5')` compares integers.
    Otherwise both sides go to their common type."""
    item_type = least_restrictive(items, pos, IN_LIST_MIXING)
    op, it = plain(operand), plain(item_type)
    if op.root == T.NULL or it.root == T.NULL:
        return operand, item_type
    if (op.is_string and it.is_numeric) or (op.is_numeric and it.is_string):
        return operand, op.with_nullable(item_type.nullable)
    common = common_type([op, it])
    if common is None:
        raise ValidationError(IN_OPERAND_MIXING, pos=pos)
    return common.with_nullable(operand.nullable), common.with_nullable(item_type.nullable)


# --- arithmetic ----------------------------------------------------------------------------------

_ARITH_FORMS = {
    "+": [
        "NUMERIC,NUMERIC",
        "DATETIME_INTERVAL,DATETIME_INTERVAL",
        "DATETIME,DATETIME_INTERVAL",
        "DATETIME_INTERVAL,DATETIME",
    ],
    "-": ["NUMERIC,NUMERIC", "DATETIME_INTERVAL,DATETIME_INTERVAL", "DATETIME,DATETIME_INTERVAL"],
    "*": ["NUMERIC,NUMERIC", "DATETIME_INTERVAL,NUMERIC", "NUMERIC,DATETIME_INTERVAL"],
    "/": ["NUMERIC,NUMERIC", "DATETIME_INTERVAL,NUMERIC"],
    "%": ["EXACT_NUMERIC,EXACT_NUMERIC"],
}


def adjust_decimal(precision: int, scale: int) -> tuple[int, int]:
    """LogicalTypeMerging.adjustPrecisionScale: past 38 digits keep the integer part and shrink
    the scale, but not below 6 (or the scale itself, when it is smaller)."""
    if precision <= MAX_DECIMAL_PRECISION:
        return precision, scale
    int_digits = precision - scale
    min_scale = min(scale, MIN_ADJUSTED_SCALE)
    return MAX_DECIMAL_PRECISION, max(MAX_DECIMAL_PRECISION - int_digits, min_scale)


def decimal_result(op: str, p1: int, s1: int, p2: int, s2: int) -> tuple[int, int]:
    """Precision and scale of a DECIMAL +, -, *, /, % (findAddition/Multiplication/Division/
    ModuloDecimalType in Flink's LogicalTypeMerging)."""
    if op in ("+", "-"):
        scale = max(s1, s2)
        return adjust_decimal(max(p1 - s1, p2 - s2) + scale + 1, scale)
    if op == "*":
        return adjust_decimal(p1 + p2 + 1, s1 + s2)
    if op == "/":
        scale = max(MIN_ADJUSTED_SCALE, s1 + p2 + 1)
        return adjust_decimal(p1 - s1 + s2 + scale, scale)
    # MOD: the result's integer part is the smaller one; modulo never needs adjusting.
    scale = max(s1, s2)
    return min(p1 - s1, p2 - s2) + scale, scale


def _numeric_arith(op: str, lt: DataType, rt: DataType) -> DataType:
    roots = {lt.root, rt.root}
    if op == "%" and lt.is_integer and rt.is_integer:
        return rt  # Calcite's MOD returns the divisor's type: MOD(BIGINT, INT) is INT
    if T.DOUBLE in roots or (T.FLOAT in roots and T.DECIMAL in roots):
        return T.double()
    if T.FLOAT in roots:
        return T.float_()
    if T.DECIMAL in roots:
        a, b = _decimal_of(lt), _decimal_of(rt)
        p, s = decimal_result(op, a.precision, a.scale, b.precision, b.scale)  # type: ignore[arg-type]
        return T.decimal(p, s)
    # Integer arithmetic stays in the wider type and wraps at run time; 7 / 2 is 3.
    return max((lt, rt), key=lambda t: T.INTEGER_RANK[t.root])


def arithmetic_type(op: str, left: DataType, right: DataType, pos: Pos | None = None) -> DataType:
    """The result type of `left op right` for + - * / and % (MOD); nullable if either side is."""
    op = "%" if op.upper() == "MOD" else op
    lt, rt = plain(left), plain(right)
    if T.NULL in (lt.root, rt.root):
        raise ValidationError("Illegal use of 'NULL'", pos=pos)
    nullable = _nullable(left, right)
    result: DataType | None = None
    if lt.is_numeric and rt.is_numeric:
        if op == "%" and not (lt.root in T.EXACT_NUMERIC and rt.root in T.EXACT_NUMERIC):
            result = None
        else:
            result = _numeric_arith(op, lt, rt)
    elif op in ("+", "-") and lt.root in T.DATETIME and rt.root in T.INTERVALS:
        result = lt
    elif op == "+" and lt.root in T.INTERVALS and rt.root in T.DATETIME:
        result = rt
    elif op in ("+", "-") and lt.root in T.INTERVALS and lt.root == rt.root:
        result = max((lt, rt), key=lambda t: (t.precision or 0, t.scale or 0))
    elif op == "*" and {lt.root, rt.root} & T.INTERVALS and (lt.is_numeric or rt.is_numeric):
        interval, number = (lt, rt) if lt.root in T.INTERVALS else (rt, lt)
        if number.is_integer:
            result = interval
        else:
            # Flink validates this, then its code generator gives up (observed in 2.3).
            raise ValidationError(
                f"Unsupported casting from {number.not_null()} to {interval.not_null()}.", pos=pos
            )
    elif op == "/" and lt.root in T.INTERVALS and rt.is_numeric:
        raise ValidationError(
            f"Unsupported call: /({lt.not_null()}, {rt.not_null()})",
            pos=pos,
        )
    if result is None:
        raise _cannot_apply_infix(op, lt, rt, _ARITH_FORMS[op], pos)
    return result.with_nullable(nullable)


def unary_type(op: str, operand: DataType, pos: Pos | None = None) -> DataType:
    """The type of `-x` / `+x`: the operand's own type, for numbers and intervals only."""
    t = plain(operand)
    if t.is_numeric or t.root in T.INTERVALS:
        return t
    if t.root == T.NULL:
        raise ValidationError("Illegal use of 'NULL'", pos=pos)
    raise ValidationError(
        f"Cannot apply '{op}' to arguments of type '{op}<{calcite_name(t)}>'. "
        f"Supported form(s): '{op}<NUMERIC>'\n'{op}<DATETIME_INTERVAL>'",
        pos=pos,
    )


# --- casts ---------------------------------------------------------------------------------------

_NUM = T.NUMERIC
_CHARS = T.CHARACTER_STRING
_TS = frozenset({T.TIMESTAMP, T.TIMESTAMP_LTZ})
_BOOL_NUM_TS = frozenset({T.BOOLEAN, T.TIMESTAMP, T.TIMESTAMP_LTZ})
_PREDEFINED = (
    T.CHARACTER_STRING | T.BINARY_STRING | T.NUMERIC | T.DATETIME | T.INTERVALS | {T.BOOLEAN}
)

# target root -> (implicit sources, explicit-only sources): LogicalTypeCasts of Flink 2.x.
_CAST_RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    T.CHAR: (frozenset({T.CHAR}), _PREDEFINED | T.CONSTRUCTED | {T.RAW}),
    T.VARCHAR: (_CHARS, _PREDEFINED | T.CONSTRUCTED | {T.RAW}),
    # SQL's CAST also takes any number to BOOLEAN (CAST(1.5 AS BOOLEAN) runs: true), beyond
    # LogicalTypeCasts' integer-only rule.
    T.BOOLEAN: (frozenset({T.BOOLEAN}), _CHARS | _NUM),
    T.BINARY: (frozenset({T.BINARY}), _CHARS | {T.VARBINARY, T.RAW}),
    T.VARBINARY: (T.BINARY_STRING, _CHARS | {T.RAW}),
    T.DECIMAL: (_NUM, _CHARS | T.INTERVALS | _BOOL_NUM_TS),
    T.TINYINT: (frozenset({T.TINYINT}), _NUM | _CHARS | T.INTERVALS | _BOOL_NUM_TS),
    T.SMALLINT: (
        frozenset({T.TINYINT, T.SMALLINT}),
        _NUM | _CHARS | T.INTERVALS | _BOOL_NUM_TS,
    ),
    T.INTEGER: (
        frozenset({T.TINYINT, T.SMALLINT, T.INTEGER}),
        _NUM | _CHARS | T.INTERVALS | _BOOL_NUM_TS,
    ),
    T.BIGINT: (T.INTEGER_NUMERIC, _NUM | _CHARS | T.INTERVALS | _BOOL_NUM_TS),
    T.FLOAT: (T.INTEGER_NUMERIC | {T.FLOAT, T.DECIMAL}, _NUM | _CHARS | _BOOL_NUM_TS),
    T.DOUBLE: (_NUM, _CHARS | _BOOL_NUM_TS),
    T.DATE: (frozenset({T.DATE, T.TIMESTAMP}), _TS | _CHARS),
    T.TIME: (frozenset({T.TIME, T.TIMESTAMP}), _TS | _CHARS | {T.TIME}),
    T.TIMESTAMP: (_TS, T.DATETIME | _CHARS | _NUM),
    T.TIMESTAMP_LTZ: (_TS, T.DATETIME | _CHARS | _NUM),
    T.INTERVAL_YEAR_MONTH: (frozenset({T.INTERVAL_YEAR_MONTH}), T.EXACT_NUMERIC | _CHARS),
    T.INTERVAL_DAY_TIME: (frozenset({T.INTERVAL_DAY_TIME}), T.EXACT_NUMERIC | _CHARS),
}


def _single_field_interval(t: DataType) -> bool:
    return " TO " not in (t.interval_unit or "")


def _cast_allowed(src: DataType, dst: DataType, explicit: bool) -> bool:
    s, d = plain(src), plain(dst)
    if s.with_nullable(True) == d.with_nullable(True) or s.root == T.NULL:
        return True
    if s.root in T.INTERVALS and d.root in T.EXACT_NUMERIC:
        return _single_field_interval(s)
    if s.root in T.EXACT_NUMERIC and d.root in T.INTERVALS:
        return _single_field_interval(d)
    if s.root in T.CONSTRUCTED and d.root in T.CONSTRUCTED:
        if s.root != d.root:
            return False
        sc = s.elements or tuple(f.type for f in s.fields)
        dc = d.elements or tuple(f.type for f in d.fields)
        return len(sc) == len(dc) and all(
            _cast_allowed(a, b, explicit) for a, b in zip(sc, dc, strict=True)
        )
    if s.root in (T.SYMBOL, T.RAW) and not (explicit and d.root in _CHARS | T.BINARY_STRING):
        return False
    if d.root not in _CAST_RULES:
        return False
    implicit, explicit_only = _CAST_RULES[d.root]
    return s.root in implicit or (explicit and s.root in explicit_only)


def explicit_cast_allowed(src: DataType, dst: DataType) -> bool:
    """Whether CAST(src AS dst) is valid SQL (LogicalTypeCasts.supportsExplicitCast; SQL casts
    ignore nullability)."""
    return _cast_allowed(src, dst, explicit=True)


def implicit_cast_allowed(src: DataType, dst: DataType) -> bool:
    """LogicalTypeCasts.supportsImplicitCast, ignoring nullability: a safe widening."""
    return _cast_allowed(src, dst, explicit=False)


def cast_type(
    src: DataType, dst: DataType, pos: Pos | None = None, *, try_: bool = False
) -> DataType:
    """The type of CAST(x AS dst): dst, nullable as x is (TRY_CAST: always nullable)."""
    if not explicit_cast_allowed(src, dst):
        raise ValidationError(
            f"Cast function cannot convert value of type {calcite_name(plain(src))} "
            f"to type {calcite_name(dst)}",
            pos=pos,
        )
    refused = refused_cast(src, dst)
    if refused is not None:
        raise ValidationError(refused, pos=pos)
    return dst.with_nullable(True if try_ else src.nullable)


def refused_cast(src: DataType, dst: DataType) -> str | None:
    """Casts the type system allows but Flink's code generator refuses (its cast rules), with
    Flink's message: numbers to and from timestamps."""
    if src.is_numeric and dst.root == T.TIMESTAMP:
        return (
            "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use "
            "TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds."
        )
    if src.is_numeric and dst.root == T.TIMESTAMP_LTZ:
        return (
            "The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed. It's recommended to "
            "use TO_TIMESTAMP_LTZ(numeric_col, precision) instead."
        )
    if src.root == T.TIMESTAMP and dst.is_numeric:
        return (
            "The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use "
            "UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead."
        )
    if src.root == T.TIMESTAMP_LTZ and dst.is_numeric:
        return "The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed."
    return None


# --- INSERT INTO -------------------------------------------------------------------------------------


def insert_compatible(query_type: DataType, sink_type: DataType) -> bool:
    """Whether a query column can be written to a sink column. Flink casts implicitly, string
    lengths are not checked (values are cut to fit) and a NOT NULL sink column only gets a run-time
    null check (table.exec.sink.not-null-enforcer)."""
    q, s = plain(query_type), plain(sink_type)
    if q.is_string and s.is_string:
        return True
    if q.root in T.BINARY_STRING and s.root in T.BINARY_STRING:
        return True
    return implicit_cast_allowed(q, s)


def check_insert(
    sink_name: str,
    query_fields: Sequence[tuple[str, DataType]],
    sink_fields: Sequence[tuple[str, DataType]],
    pos: Pos | None = None,
) -> None:
    """Raise Flink's error when a query's columns do not fit the sink's (DynamicSinkUtils)."""

    def schema(fields: Sequence[tuple[str, DataType]]) -> str:
        return "[" + ", ".join(f"{n}: {t.summary()}" for n, t in fields) + "]"

    cause = None
    if len(query_fields) != len(sink_fields):
        cause = "Different number of columns."
    else:
        for i, ((_, q), (name, s)) in enumerate(zip(query_fields, sink_fields, strict=True)):
            if not insert_compatible(q, s):
                cause = f"Incompatible types for sink column '{name}' at position {i + 1}."
                break
    if cause is not None:
        raise ValidationError(
            f"Column types of query result and sink for '{sink_name}' do not match.\n"
            f"Cause: {cause}\n\n"
            f"Query schema: {schema(query_fields)}\n"
            f"Sink schema:  {schema(sink_fields)}",
            pos=pos,
        )
