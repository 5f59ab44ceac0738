"""Flink's logical data types: construction from written types, printing as Flink prints them.

A DataType is immutable and compares by value; nullability and time-attribute marks are part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flinklite.errors import Pos, UnsupportedError, ValidationError
from flinklite.sql import ast

MAX_LENGTH = 2147483647  # VARCHAR(MAX) is STRING, VARBINARY(MAX) is BYTES

# Type roots, as Flink's LogicalTypeRoot names them.
CHAR = "CHAR"
VARCHAR = "VARCHAR"
BOOLEAN = "BOOLEAN"
BINARY = "BINARY"
VARBINARY = "VARBINARY"
DECIMAL = "DECIMAL"
TINYINT = "TINYINT"
SMALLINT = "SMALLINT"
INTEGER = "INTEGER"
BIGINT = "BIGINT"
FLOAT = "FLOAT"
DOUBLE = "DOUBLE"
DATE = "DATE"
TIME = "TIME"
TIMESTAMP = "TIMESTAMP"
TIMESTAMP_LTZ = "TIMESTAMP_LTZ"
INTERVAL_YEAR_MONTH = "INTERVAL_YEAR_MONTH"
INTERVAL_DAY_TIME = "INTERVAL_DAY_TIME"
ARRAY = "ARRAY"
MULTISET = "MULTISET"
MAP = "MAP"
ROW = "ROW"
NULL = "NULL"
RAW = "RAW"
SYMBOL = "SYMBOL"  # the flag arguments of special functions (TRIM LEADING, EXTRACT unit)
DESCRIPTOR = "DESCRIPTOR"  # DESCRIPTOR(col) in window TVFs

CHARACTER_STRING = frozenset({CHAR, VARCHAR})
BINARY_STRING = frozenset({BINARY, VARBINARY})
INTEGER_NUMERIC = frozenset({TINYINT, SMALLINT, INTEGER, BIGINT})
EXACT_NUMERIC = INTEGER_NUMERIC | {DECIMAL}
APPROXIMATE_NUMERIC = frozenset({FLOAT, DOUBLE})
NUMERIC = EXACT_NUMERIC | APPROXIMATE_NUMERIC
DATETIME = frozenset({DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ})
TIMESTAMPS = frozenset({TIMESTAMP, TIMESTAMP_LTZ})
INTERVALS = frozenset({INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME})
CONSTRUCTED = frozenset({ARRAY, MULTISET, MAP, ROW})

# Precision of the integer types, used for widening and DECIMAL conversion.
INTEGER_DIGITS = {TINYINT: 3, SMALLINT: 5, INTEGER: 10, BIGINT: 19}
INTEGER_RANK = {TINYINT: 1, SMALLINT: 2, INTEGER: 3, BIGINT: 4}

# Interval resolutions: (start unit, end unit) as written; default precisions as Flink's.
DEFAULT_DAY_PRECISION = 2
DEFAULT_YEAR_PRECISION = 2
DEFAULT_FRACTIONAL_PRECISION = 6


@dataclass(frozen=True, slots=True)
class RowField:
    name: str
    type: DataType
    description: str | None = None


@dataclass(frozen=True, slots=True)
class DataType:
    """A Flink logical type. `length` is for CHAR/VARCHAR/BINARY/VARBINARY, `precision` and `scale`
    for DECIMAL, `precision` for TIME/TIMESTAMP/TIMESTAMP_LTZ (fractional seconds) and intervals
    (the leading field's precision; `scale` holds the fractional-second precision), `elements` for
    ARRAY/MULTISET (one) and MAP (key, value), `fields` for ROW. `time_attribute` is 'ROWTIME' or
    'PROCTIME' for time attributes, which print with `*ROWTIME*` / `*PROCTIME*`."""

    root: str
    nullable: bool = True
    length: int | None = None
    precision: int | None = None
    scale: int | None = None
    elements: tuple[DataType, ...] = ()
    fields: tuple[RowField, ...] = ()
    time_attribute: str | None = None
    interval_unit: str | None = None  # 'SECOND', 'DAY TO SECOND', 'YEAR TO MONTH', ...

    # --- derived views -------------------------------------------------------------------------

    def not_null(self) -> DataType:
        return self if not self.nullable else replace(self, nullable=False)

    def with_nullable(self, nullable: bool) -> DataType:
        return self if self.nullable == nullable else replace(self, nullable=nullable)

    def without_time_attribute(self) -> DataType:
        return self if self.time_attribute is None else replace(self, time_attribute=None)

    def as_time_attribute(self, kind: str) -> DataType:
        return replace(self, time_attribute=kind)

    @property
    def is_string(self) -> bool:
        return self.root in CHARACTER_STRING

    @property
    def is_numeric(self) -> bool:
        return self.root in NUMERIC

    @property
    def is_integer(self) -> bool:
        return self.root in INTEGER_NUMERIC

    @property
    def is_timestamp(self) -> bool:
        return self.root in TIMESTAMPS

    @property
    def is_rowtime(self) -> bool:
        return self.time_attribute == "ROWTIME"

    @property
    def is_proctime(self) -> bool:
        return self.time_attribute == "PROCTIME"

    # --- printing ------------------------------------------------------------------------------

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        """Flink's asSummaryString: STRING, INT NOT NULL, TIMESTAMP(3) *ROWTIME*, DECIMAL(10, 2)."""
        return self._render(serializable=False)

    def serializable(self) -> str:
        """Flink's asSerializableString, as SHOW CREATE TABLE prints: VARCHAR(2147483647),
        TIMESTAMP(3) WITH LOCAL TIME ZONE; time attributes print as their plain type."""
        return self._render(serializable=True)

    def _render(self, serializable: bool) -> str:
        text = self._render_root(serializable)
        if not self.nullable:
            text += " NOT NULL"
        if self.time_attribute and not serializable:
            text += f" *{self.time_attribute}*"
        return text

    def _render_root(self, serializable: bool) -> str:
        r = self.root
        if r == VARCHAR and self.length == MAX_LENGTH and not serializable:
            return "STRING"
        if r == VARBINARY and self.length == MAX_LENGTH and not serializable:
            return "BYTES"
        if r in CHARACTER_STRING or r in BINARY_STRING:
            return f"{r}({self.length})"
        if r == INTEGER:
            return "INT"
        if r == DECIMAL:
            return f"DECIMAL({self.precision}, {self.scale})"
        if r in (TIME, TIMESTAMP):
            return f"{r}({self.precision})"
        if r == TIMESTAMP_LTZ:
            if serializable:
                return f"TIMESTAMP({self.precision}) WITH LOCAL TIME ZONE"
            return f"TIMESTAMP_LTZ({self.precision})"
        if r in INTERVALS:
            return "INTERVAL " + _interval_text(self)
        if r in (ARRAY, MULTISET):
            return f"{r}<{self.elements[0]._render(serializable)}>"
        if r == MAP:
            key, value = self.elements
            return f"MAP<{key._render(serializable)}, {value._render(serializable)}>"
        if r == ROW:
            parts = []
            for f in self.fields:
                part = f"`{f.name.replace('`', '``')}` {f.type._render(serializable)}"
                if f.description:
                    part += " '" + f.description.replace("'", "''") + "'"
                parts.append(part)
            return "ROW<" + ", ".join(parts) + ">"
        return r


def _interval_text(t: DataType) -> str:
    """Flink's resolution formats: DAY(p) TO SECOND(f), HOUR TO MINUTE, SECOND(f), YEAR(p) TO MONTH."""
    unit = t.interval_unit or ("SECOND" if t.root == INTERVAL_DAY_TIME else "YEAR TO MONTH")
    start, _, end = unit.partition(" TO ")
    head = f"{start}({t.precision})" if start in ("DAY", "YEAR") else start
    if start == "SECOND":
        head = f"SECOND({t.scale})"
    if not end:
        return head
    tail = f"SECOND({t.scale})" if end == "SECOND" else end
    return f"{head} TO {tail}"


# --- constructors ----------------------------------------------------------------------------


def string(nullable: bool = True) -> DataType:
    return DataType(VARCHAR, nullable, length=MAX_LENGTH)


def varchar(length: int, nullable: bool = True) -> DataType:
    return DataType(VARCHAR, nullable, length=length)


def char(length: int, nullable: bool = True) -> DataType:
    return DataType(CHAR, nullable, length=length)


def boolean(nullable: bool = True) -> DataType:
    return DataType(BOOLEAN, nullable)


def tinyint(nullable: bool = True) -> DataType:
    return DataType(TINYINT, nullable)


def smallint(nullable: bool = True) -> DataType:
    return DataType(SMALLINT, nullable)


def int_(nullable: bool = True) -> DataType:
    return DataType(INTEGER, nullable)


def bigint(nullable: bool = True) -> DataType:
    return DataType(BIGINT, nullable)


def float_(nullable: bool = True) -> DataType:
    return DataType(FLOAT, nullable)


def double(nullable: bool = True) -> DataType:
    return DataType(DOUBLE, nullable)


def decimal(precision: int, scale: int, nullable: bool = True) -> DataType:
    return DataType(DECIMAL, nullable, precision=precision, scale=scale)


def date(nullable: bool = True) -> DataType:
    return DataType(DATE, nullable)


def time(precision: int = 0, nullable: bool = True) -> DataType:
    return DataType(TIME, nullable, precision=precision)


def timestamp(precision: int = 6, nullable: bool = True) -> DataType:
    return DataType(TIMESTAMP, nullable, precision=precision)


def timestamp_ltz(precision: int = 6, nullable: bool = True) -> DataType:
    return DataType(TIMESTAMP_LTZ, nullable, precision=precision)


def bytes_(nullable: bool = True) -> DataType:
    return DataType(VARBINARY, nullable, length=MAX_LENGTH)


def array(element: DataType, nullable: bool = True) -> DataType:
    return DataType(ARRAY, nullable, elements=(element,))


def map_(key: DataType, value: DataType, nullable: bool = True) -> DataType:
    return DataType(MAP, nullable, elements=(key, value))


def row(
    fields: list[tuple[str, DataType]] | tuple[RowField, ...], nullable: bool = True
) -> DataType:
    fs = tuple(f if isinstance(f, RowField) else RowField(f[0], f[1]) for f in fields)
    return DataType(ROW, nullable, fields=fs)


def null() -> DataType:
    return DataType(NULL, True)


def interval_day_time(unit: str = "SECOND", precision: int = 2, fractional: int = 3) -> DataType:
    return DataType(INTERVAL_DAY_TIME, precision=precision, scale=fractional, interval_unit=unit)


def interval_year_month(unit: str = "YEAR TO MONTH", precision: int = 2) -> DataType:
    return DataType(INTERVAL_YEAR_MONTH, precision=precision, interval_unit=unit)


# --- from written types --------------------------------------------------------------------------

_SIMPLE = {
    "BOOLEAN": BOOLEAN,
    "TINYINT": TINYINT,
    "SMALLINT": SMALLINT,
    "INT": INTEGER,
    "INTEGER": INTEGER,
    "BIGINT": BIGINT,
    "FLOAT": FLOAT,
    "REAL": FLOAT,
    "DOUBLE": DOUBLE,
    "DOUBLE PRECISION": DOUBLE,
    "DATE": DATE,
    "NULL": NULL,
}
_STRINGS = {
    "CHAR": CHAR,
    "CHARACTER": CHAR,
    "VARCHAR": VARCHAR,
    "CHARACTER VARYING": VARCHAR,
    "CHAR VARYING": VARCHAR,
    "BINARY": BINARY,
    "VARBINARY": VARBINARY,
    "BINARY VARYING": VARBINARY,
}
_DECIMALS = {"DECIMAL", "DEC", "NUMERIC"}
_YEAR_MONTH_UNITS = {"YEAR", "MONTH"}


def from_spec(spec: ast.DataTypeSpec) -> DataType:
    """The logical type of a written type, checking parameters as Flink does."""
    t = _from_spec(spec)
    return t if spec.nullable else t.not_null()


def _bad(spec: ast.DataTypeSpec, message: str) -> ValidationError:
    return ValidationError(message, pos=spec.pos)


def _from_spec(spec: ast.DataTypeSpec) -> DataType:
    name, params = spec.name, spec.params
    if name in _SIMPLE:
        if params:
            raise _bad(spec, f"Type {name} does not take parameters.")
        return DataType(_SIMPLE[name])
    if name == "STRING":
        return string()
    if name == "BYTES":
        return bytes_()
    if name in _STRINGS:
        length = params[0] if params else 1
        if length < 1:
            raise _bad(
                spec,
                f"{_STRINGS[name]} length must be between 1 and {MAX_LENGTH} (both inclusive).",
            )
        return DataType(_STRINGS[name], length=length)
    if name in _DECIMALS:
        precision = params[0] if params else 10
        scale = params[1] if len(params) > 1 else 0
        if not 1 <= precision <= 38:
            raise _bad(spec, "Decimal precision must be between 1 and 38 (both inclusive).")
        if not 0 <= scale <= precision:
            raise _bad(
                spec,
                f"Decimal scale must be between 0 and the precision {precision} (both inclusive).",
            )
        return decimal(precision, scale)
    if name in ("TIME", "TIMESTAMP", "TIMESTAMP_LTZ"):
        precision = params[0] if params else (0 if name == "TIME" else 6)
        upper = 9
        if not 0 <= precision <= upper:
            label = "Time" if name == "TIME" else "Timestamp"
            raise _bad(spec, f"{label} precision must be between 0 and {upper} (both inclusive).")
        if name == "TIME":
            return time(precision)
        if name == "TIMESTAMP_LTZ" or spec.with_local_time_zone:
            return timestamp_ltz(precision)
        return timestamp(precision)
    if name in ("ARRAY", "MULTISET"):
        return DataType(name, elements=(from_spec(spec.elements[0]),))
    if name == "MAP":
        return map_(from_spec(spec.elements[0]), from_spec(spec.elements[1]))
    if name == "ROW":
        seen: set[str] = set()
        fields = []
        for f in spec.fields:
            if f.name in seen:
                raise ValidationError(
                    f"Field names must be unique. Found duplicates: [{f.name}]", pos=f.pos
                )
            seen.add(f.name)
            fields.append(RowField(f.name, from_spec(f.type), f.comment))
        return row(tuple(fields))
    if name == "INTERVAL" and spec.interval is not None:
        return interval_from_qualifier(spec.interval)
    if name == "RAW":
        return DataType(RAW)
    raise _bad(spec, f"Unknown data type '{name}'.")


def interval_from_qualifier(q: ast.IntervalQualifier) -> DataType:
    """The type of an interval qualifier: `SECOND(3)`, `DAY TO SECOND`, `YEAR TO MONTH`."""
    unit = q.start if q.end is None else f"{q.start} TO {q.end}"
    if q.start in _YEAR_MONTH_UNITS:
        return interval_year_month(unit, q.start_precision or DEFAULT_YEAR_PRECISION)
    # SECOND(p) alone names the fractional precision; DAY(p) TO SECOND(f) names both.
    if q.start == "SECOND":
        fractional = q.start_precision or q.fractional_precision
        return interval_day_time(
            unit, DEFAULT_DAY_PRECISION, fractional or DEFAULT_FRACTIONAL_PRECISION
        )
    return interval_day_time(
        unit,
        q.start_precision or DEFAULT_DAY_PRECISION,
        q.fractional_precision or DEFAULT_FRACTIONAL_PRECISION,
    )


def parse_type_string(text: str) -> DataType:
    """A DataType from its written form, e.g. 'TIMESTAMP_LTZ(3) NOT NULL'."""
    from flinklite.sql.parser import parse_type

    return from_spec(parse_type(text))


# --- relations between types ---------------------------------------------------------------------


def orderable(t: DataType) -> bool:
    """Whether values of `t` can be sorted: not MAP or MULTISET (Flink has no order for them),
    nor an ARRAY or ROW holding one."""
    if t.root in (MAP, MULTISET):
        return False
    if t.root == ARRAY:
        return orderable(t.elements[0])
    if t.root == ROW:
        return all(orderable(f.type) for f in t.fields)
    return True


def check_orderable(t: DataType, pos: Pos | None = None) -> None:
    """Refuses a sort key of a type without an order, with Flink's message."""
    if not orderable(t):
        raise UnsupportedError(
            f"Type({t.summary()}) is not an orderable data type, it is not supported as a "
            "ORDER_BY/GROUP_BY/JOIN_EQUAL field.",
            pos=pos,
        )


def same_ignoring_nullability(a: DataType, b: DataType) -> bool:
    return (
        a.with_nullable(True).without_time_attribute()
        == b.with_nullable(True).without_time_attribute()
    )


def integer_as_decimal(t: DataType) -> DataType:
    """The DECIMAL that holds every value of an integer type (INT -> DECIMAL(10, 0))."""
    return decimal(INTEGER_DIGITS[t.root], 0, t.nullable)
