"""Flink's result columns and JSON rows, as the SQL Gateway sends them, in flinklite's terms: the
column's logical type as a DataType and each value in the row contract (DESIGN.md, "Row").

Converted once per column (a converter function per type), so a page of rows costs one call per
value, not a dispatch on the type per value."""

from __future__ import annotations

import base64
import datetime as dt
import decimal
from collections.abc import Callable
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.expr.literals import FrozenMap
from flinklite.runtime.rows import DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE

# The gateway's row kinds (RowKind names) as changelog kinds.
ROW_KINDS = {
    "INSERT": INSERT,
    "UPDATE_BEFORE": UPDATE_BEFORE,
    "UPDATE_AFTER": UPDATE_AFTER,
    "DELETE": DELETE,
}

_SIMPLE = {
    "BOOLEAN": T.BOOLEAN,
    "TINYINT": T.TINYINT,
    "SMALLINT": T.SMALLINT,
    "INTEGER": T.INTEGER,
    "BIGINT": T.BIGINT,
    "FLOAT": T.FLOAT,
    "DOUBLE": T.DOUBLE,
    "DATE": T.DATE,
    "NULL": T.NULL,
}
_WITH_PRECISION = {
    "TIME_WITHOUT_TIME_ZONE": T.TIME,
    "TIMESTAMP_WITHOUT_TIME_ZONE": T.TIMESTAMP,
    "TIMESTAMP_WITH_LOCAL_TIME_ZONE": T.TIMESTAMP_LTZ,
    # flinklite has no zoned TIMESTAMP; an instant with a zone reads as one in the session zone
    "TIMESTAMP_WITH_TIME_ZONE": T.TIMESTAMP_LTZ,
}
_TIME_ATTRIBUTES = {"ROWTIME": "ROWTIME", "PROCTIME": "PROCTIME"}


def logical_type(spec: dict[str, Any]) -> DataType:
    """A DataType from the gateway's JSON logical type (LogicalTypeJsonSerializer's shape)."""
    name = str(spec.get("type", "RAW"))
    nullable = bool(spec.get("nullable", True))
    if name in _SIMPLE:
        return DataType(_SIMPLE[name], nullable)
    if name in ("CHAR", "VARCHAR", "BINARY", "VARBINARY"):
        return DataType(name, nullable, length=_int(spec.get("length"), T.MAX_LENGTH))
    if name == "DECIMAL":
        precision, scale = _int(spec.get("precision"), 10), _int(spec.get("scale"), 0)
        return DataType(T.DECIMAL, nullable, precision=precision, scale=scale)
    if name in _WITH_PRECISION:
        precision = _int(spec.get("precision"), 0 if name.startswith("TIME_") else 6)
        kind = _TIME_ATTRIBUTES.get(str(spec.get("kind", "")).upper())
        return DataType(_WITH_PRECISION[name], nullable, precision=precision, time_attribute=kind)
    if name in ("INTERVAL_DAY_TIME", "INTERVAL_YEAR_MONTH"):
        unit = str(spec.get("resolution", "")).replace("_TO_", " TO ").replace("_", " ")
        return DataType(
            name,
            nullable,
            precision=_int(spec.get("precision"), 2),
            scale=_int(spec.get("fractionalPrecision"), 6) if name == "INTERVAL_DAY_TIME" else None,
            interval_unit=unit or None,
        )
    if name in ("ARRAY", "MULTISET"):
        return DataType(name, nullable, elements=(logical_type(spec.get("elementType", {})),))
    if name == "MAP":
        key, value = logical_type(spec.get("keyType", {})), logical_type(spec.get("valueType", {}))
        return DataType(T.MAP, nullable, elements=(key, value))
    if name in ("ROW", "STRUCTURED_TYPE"):
        fields = tuple(
            RowField(
                str(f.get("name")),
                logical_type(f.get("fieldType", f.get("attributeType", {}))),
                f.get("description"),
            )
            for f in spec.get("fields", spec.get("attributes", []))
        )
        return DataType(T.ROW, nullable, fields=fields)
    return DataType(T.RAW, nullable)


def _int(value: Any, default: int) -> int:
    return default if value is None else int(value)


# --- values --------------------------------------------------------------------------------------

Convert = Callable[[Any], Any]
_EPOCH_DAY = dt.date(1970, 1, 1)
_EPOCH = dt.datetime(1970, 1, 1)
_NANOS = 10**9


def converter(t: DataType) -> Convert:
    """A function from the gateway's JSON value of type `t` to flinklite's value (None stays None)."""
    root = t.root
    if root in T.INTEGER_NUMERIC:
        return _nullable(int)
    if root in T.APPROXIMATE_NUMERIC:
        return _nullable(float)  # also "NaN" / "Infinity", which JSON can only carry as text
    if root == T.DECIMAL:
        return _nullable(lambda v: decimal.Decimal(str(v)))
    if root in T.BINARY_STRING:
        return _nullable(base64.b64decode)
    if root == T.DATE:
        return _nullable(lambda v: (dt.date.fromisoformat(v) - _EPOCH_DAY).days)
    if root == T.TIME:
        return _nullable(_time_nanos)
    if root == T.TIMESTAMP:
        return _nullable(_timestamp_nanos)
    if root == T.TIMESTAMP_LTZ:
        return _nullable(_instant_nanos)
    if root in T.INTERVALS:
        return _nullable(int)  # milliseconds / months, as flinklite holds them
    if root == T.ARRAY:
        element = converter(t.elements[0])
        return _nullable(lambda v: tuple(element(e) for e in v))
    if root == T.MAP:
        # JSON object keys are text: a map keyed by numbers arrives with "1", "2" as keys,
        # which the key type's converter (int, float, Decimal) reads back.
        key, value = converter(t.elements[0]), converter(t.elements[1])
        return _nullable(lambda v: FrozenMap((key(k), value(x)) for k, x in _pairs(v)))
    if root == T.MULTISET:
        element = converter(t.elements[0])
        return _nullable(lambda v: FrozenMap((element(k), int(n)) for k, n in _pairs(v)))
    if root == T.ROW:
        names = [f.name for f in t.fields]
        fields = [converter(f.type) for f in t.fields]
        return _nullable(lambda v: _row(v, names, fields))
    return lambda v: v  # strings, booleans and what flinklite shows as the gateway sent it


def row_converter(types: list[DataType]) -> Callable[[list[Any]], tuple]:
    """Converts a row's field list to a flinklite row (a tuple in schema order)."""
    converters = [converter(t) for t in types]
    return lambda fields: tuple(c(v) for c, v in zip(converters, fields, strict=True))


def _nullable(convert: Convert) -> Convert:
    return lambda v: None if v is None else convert(v)


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    """A JSON map: an object, or (for keys JSON cannot name) a list of {key, value} entries."""
    if isinstance(value, dict):
        return list(value.items())
    return [(e.get("key"), e.get("value")) if isinstance(e, dict) else tuple(e) for e in value]


def _row(value: Any, names: list[str], fields: list[Convert]) -> tuple:
    if isinstance(value, dict):
        return tuple(f(value.get(n)) for n, f in zip(names, fields, strict=True))
    return tuple(f(v) for f, v in zip(fields, value, strict=False))


def _time_nanos(text: str) -> int:
    hms, _, fraction = text.partition(".")
    h, m, s = (int(p) for p in hms.split(":"))
    return ((h * 60 + m) * 60 + s) * _NANOS + int((fraction + "000000000")[:9])


def _timestamp_nanos(text: str) -> int:
    day, _, clock = text.replace(" ", "T").partition("T")
    days = (dt.date.fromisoformat(day) - _EPOCH_DAY).days
    return days * 86_400 * _NANOS + (_time_nanos(clock) if clock else 0)


def _instant_nanos(text: str) -> int:
    """An ISO instant (`...Z` or `+hh:mm`) as epoch nanoseconds."""
    body, offset_s = text.rstrip("Zz"), 0
    if body == text and len(body) > 6 and body[-6] in "+-" and body[-3] == ":":
        sign = 1 if body[-6] == "+" else -1
        offset_s = sign * (int(body[-5:-3]) * 3600 + int(body[-2:]) * 60)
        body = body[:-6]
    return _timestamp_nanos(body) - offset_s * _NANOS
