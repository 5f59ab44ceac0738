"""The 'json' format's row codecs: one JSON object per record to a row and back, as Flink's
JsonParserToRowDataConverters and RowDataToJsonConverters do it.

Lenient where Flink is (a number in a STRING column becomes its text, "12" in an INT column is
12); a field that does not convert fails the record, or is NULL with ignore-parse-errors."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from decimal import Context, Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.errors import ExecutionError
from flinklite.expr.literals import FrozenMap
from flinklite.formats import text_codec as tc
from flinklite.formats.csv_codec import decimal_converter
from flinklite.runtime.connector import RowDecoder, RowEncoder
from flinklite.runtime.rows import Row

_INT_RANGES = {
    T.TINYINT: (-(2**7), 2**7 - 1),
    T.SMALLINT: (-(2**15), 2**15 - 1),
    T.INTEGER: (-(2**31), 2**31 - 1),
    T.BIGINT: (-(2**63), 2**63 - 1),
    T.INTERVAL_YEAR_MONTH: (-(2**31), 2**31 - 1),
    T.INTERVAL_DAY_TIME: (-(2**63), 2**63 - 1),
}
_MISSING = object()
_WIDE = Context(prec=100)
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_loads = json.loads


def _node_text(value: Any) -> str:
    """A JSON value as text, the way Jackson's node prints it (for STRING columns)."""
    if isinstance(value, str):
        return value
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float):
        return tc.java_double(value)
    return _compact(value)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _int_converter(low: int, high: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if value is True or value is False:
            raise ValueError(f"Cannot convert JSON {_kind(value)} to an integer")
        if isinstance(value, float):
            value = int(value)  # Jackson's getIntValue truncates a floating-point token
        elif isinstance(value, str):
            value = int(value.strip())
        elif not isinstance(value, int):
            raise ValueError(f"Cannot convert JSON {_kind(value)} to an integer")
        if low <= value <= high:
            return value
        raise ValueError(f"Numeric value ({value}) out of range")

    return convert


def _double(value: Any) -> float:
    if value is True or value is False or not isinstance(value, (int, float, str)):
        raise ValueError(f"Cannot convert JSON {_kind(value)} to a double")
    return float(value.strip()) if isinstance(value, str) else float(value)


def _boolean(value: Any) -> bool:
    if value is True or value is False:
        return value
    return _node_text(value).strip().lower() == "true"


def _text_only(parse: Callable[[str], Any], what: str) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"Cannot convert JSON {_kind(value)} to {what}")
        return parse(value)

    return convert


def _truncated(parse: Callable[[str], int], precision: int | None, what: str) -> Callable:
    unit = 10 ** (9 - (precision if precision is not None else 6))

    def convert(value: Any) -> int:
        if not isinstance(value, str):
            raise ValueError(f"Cannot convert JSON {_kind(value)} to {what}")
        nanos = parse(value)
        return nanos - nanos % unit

    return convert


def value_converter(t: DataType, iso: bool, fail_on_missing: bool) -> Callable[[Any], Any]:
    """The conversion of one non-null JSON value (as json.loads gives it) to a column value."""
    root = t.root
    if root in T.CHARACTER_STRING:
        return _node_text
    if root == T.BOOLEAN:
        return _boolean
    if root in _INT_RANGES:
        return _int_converter(*_INT_RANGES[root])
    if root == T.DOUBLE:
        return _double
    if root == T.FLOAT:
        return lambda v: tc.to_float32(_double(v))
    if root == T.DECIMAL:
        to_decimal = decimal_converter(t)

        def decimal(value: Any) -> Decimal | None:
            if value is True or value is False or not isinstance(value, (str, int, float)):
                raise ValueError(f"Cannot convert JSON {_kind(value)} to DECIMAL")
            return to_decimal(value)

        return decimal
    if root == T.DATE:
        return _text_only(tc.parse_iso_date, "DATE")
    if root == T.TIME:
        return _truncated(tc.parse_sql_time, t.precision or 0, "TIME")
    if root == T.TIMESTAMP:
        return _truncated(tc.timestamp_parser(False, iso), t.precision, "TIMESTAMP")
    if root == T.TIMESTAMP_LTZ:
        return _truncated(tc.timestamp_parser(True, iso), t.precision, "TIMESTAMP_LTZ")
    if root in T.BINARY_STRING:
        return _text_only(base64.b64decode, "BYTES")
    if root == T.ARRAY:
        element = _nullable(value_converter(t.elements[0], iso, fail_on_missing))

        def array(value: Any) -> list[Any]:
            if not isinstance(value, list):
                raise ValueError(f"Cannot convert JSON {_kind(value)} to ARRAY")
            return tuple(element(v) for v in value)

        return array
    if root in (T.MAP, T.MULTISET):
        key = _nullable(value_converter(t.elements[0], iso, fail_on_missing))
        val = (
            _nullable(value_converter(t.elements[1], iso, fail_on_missing))
            if root == T.MAP
            else _int_converter(*_INT_RANGES[T.INTEGER])
        )

        def mapping(value: Any) -> dict[Any, Any]:
            if not isinstance(value, dict):
                raise ValueError(f"Cannot convert JSON {_kind(value)} to {root}")
            return FrozenMap({key(k): val(v) for k, v in value.items()})

        return mapping
    if root == T.ROW:
        return object_converter(t.fields, iso, fail_on_missing, strict=True)
    raise ExecutionError(f"Unsupported type: {t.summary()}")


def _nullable(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda v: None if v is None else convert(v)


def object_converter(
    fields: tuple[RowField, ...],
    iso: bool,
    fail_on_missing: bool,
    *,
    strict: bool,
    ignore_parse_errors: bool = False,
) -> Callable[[Any], Row]:
    """A converter of a JSON object to a row of `fields`; `strict` fails on bad fields (nested
    rows), otherwise a bad field is NULL when ignore_parse_errors is set."""
    converters = [value_converter(f.type, iso, fail_on_missing) for f in fields]
    names = [f.name for f in fields]
    pairs = list(zip(names, converters, fields, strict=True))

    def convert(obj: Any) -> Row:
        if not isinstance(obj, dict):
            raise ValueError(f"Cannot convert JSON {_kind(obj)} to ROW")
        values = []
        for name, conv, field in pairs:
            value = obj.get(name, _MISSING)
            if value is _MISSING:
                if fail_on_missing:
                    raise ValueError(f"Could not find field with name '{name}'.")
                value = None
            if value is None:
                values.append(None)
                continue
            try:
                values.append(conv(value))
            except (ValueError, ArithmeticError, TypeError) as e:
                if ignore_parse_errors and not strict:
                    values.append(None)
                    continue
                raise ValueError(
                    f"Failed to convert field '{field.name}' of type {field.type.summary()}: {e}"
                ) from None
        return tuple(values)

    return convert


def _compile_fast(fields: tuple[RowField, ...], iso: bool) -> Callable[[Any], Row]:
    """One function per query for the common record: every field present and of its natural
    JSON type; anything else raises, and the record is redone on the careful path."""
    env: dict[str, Any] = {}
    parts = []
    for i, f in enumerate(fields):
        name = repr(f.name)
        root = f.type.root
        get = f"(v := g({name}))"
        if root in T.CHARACTER_STRING:
            parts.append(f"(v if {get}.__class__ is str or v is None else c{i}(v))")
        elif root in _INT_RANGES:
            low, high = _INT_RANGES[root]
            parts.append(f"(v if {get}.__class__ is int and {low} <= v <= {high} else n{i}(v))")
        elif root == T.DOUBLE:
            parts.append(f"(v if {get}.__class__ is float else n{i}(v))")
        elif root == T.BOOLEAN:
            parts.append(f"(v if {get}.__class__ is bool else n{i}(v))")
        else:
            parts.append(f"n{i}({get})")
        conv = value_converter(f.type, iso, False)
        env[f"c{i}"] = conv
        env[f"n{i}"] = _nullable(conv)
    body = ", ".join(parts) + ("," if len(parts) == 1 else "")
    exec(f"def fast(o):\n    g = o.get\n    return ({body})\n", env)
    return env["fast"]


def decoder(fields: tuple[RowField, ...], options: dict[str, Any]) -> RowDecoder:
    """A decoder of one JSON object per record (text or UTF-8 bytes). Blank records are
    skipped; malformed ones raise ValueError, or are skipped with ignore-parse-errors."""
    iso = options.get("timestamp-format.standard", "SQL") == "ISO-8601"
    fail_on_missing = bool(options.get("fail-on-missing-field", False))
    ignore = bool(options.get("ignore-parse-errors", False))
    careful = object_converter(
        fields, iso, fail_on_missing, strict=False, ignore_parse_errors=ignore
    )
    fast = None if fail_on_missing else _compile_fast(fields, iso)

    def decode(record: Any) -> Row | None:
        if record is None or not record.strip():
            return None
        try:
            if _too_deep(record):
                raise RecursionError
            obj = _loads(record) if not _long_number(record) else _loads_checked(record)
        except (ValueError, RecursionError) as e:  # RecursionError: nested too deep
            if ignore:
                return None
            cause = "nested too deeply" if isinstance(e, RecursionError) else str(e)
            # the source quotes the record with its file/line or topic/partition/offset
            raise ValueError(f"Failed to deserialize JSON: {cause}") from None
        if fast is not None:
            try:
                return fast(obj)
            except Exception:
                pass
        if not isinstance(obj, dict):
            if ignore:
                return None
            raise ValueError("Failed to deserialize JSON: not an object")
        return careful(obj)

    return RowDecoder(fields, decode)


# Flink's JSON parser (Jackson) refuses documents nested deeper than this.
MAX_NESTING_DEPTH = 1000
# ...and numbers longer than this: digits of an integer, characters of a floating-point one.
MAX_NUMBER_LENGTH = 1000
_NUMBER_RUN = re.compile("[-+0-9.eE]{" + str(MAX_NUMBER_LENGTH + 1) + "}")


def _long_number(record: str | bytes) -> bool:
    """Whether a record may hold a number longer than Jackson reads (cheap: only a long
    record with a long run of number characters, which loads_checked then tells exactly)."""
    if len(record) <= MAX_NUMBER_LENGTH:
        return False
    text = record.decode("latin-1") if isinstance(record, bytes) else record
    return _NUMBER_RUN.search(text) is not None


def _checked_number(text: str, convert: Callable[[str], Any]) -> Any:
    digits = len(text.lstrip("-")) if convert is int else len(text)
    if digits > MAX_NUMBER_LENGTH:
        raise ValueError(
            f"Number value length ({digits}) exceeds the maximum allowed ({MAX_NUMBER_LENGTH})"
        )
    return convert(text)


def _loads_checked(record: str | bytes) -> Any:
    return json.loads(
        record,
        parse_int=lambda t: _checked_number(t, int),
        parse_float=lambda t: _checked_number(t, float),
    )


def _too_deep(record: str | bytes) -> bool:
    """Whether a record nests arrays and objects deeper than Jackson allows; the brackets are
    counted first (cheap), and only a record with that many is scanned, strings skipped."""
    opening = (b"[", b"{") if isinstance(record, bytes) else ("[", "{")
    if record.count(opening[0]) + record.count(opening[1]) <= MAX_NESTING_DEPTH:  # type: ignore[arg-type]
        return False
    text = record.decode("utf-8", "replace") if isinstance(record, bytes) else record
    depth, in_string, escaped = 0, False, False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth > MAX_NESTING_DEPTH:
                return True
        elif c in "]}":
            depth -= 1
    return False


# --- rows to JSON ----------------------------------------------------------------------------


def value_writer(t: DataType, iso: bool, plain_decimals: bool, skip_nulls: bool) -> Callable:
    """How a non-null value of type t is written as JSON text (Jackson's output)."""
    root = t.root
    if root in T.CHARACTER_STRING:
        return _compact
    if root == T.BOOLEAN:
        return lambda v: "true" if v else "false"
    if root in T.INTEGER_NUMERIC or root in T.INTERVALS:
        return str
    if root in (T.DOUBLE, T.FLOAT):
        text = tc.java_double if root == T.DOUBLE else tc.java_float
        # Jackson writes NaN and the infinities as strings.
        return lambda v: text(v) if v == v and v not in (_INF, -_INF) else f'"{text(v)}"'
    if root == T.DECIMAL:
        if plain_decimals:
            return lambda d: "0" if not d else format(_WIDE.normalize(d), "f")
        return lambda d: "0" if not d else str(_WIDE.normalize(d))
    if root == T.DATE:
        return lambda v: f'"{tc.date_of_days(v).isoformat()}"'
    if root == T.TIME:
        return lambda v: f'"{tc.format_sql_time(v)}"'
    separator = "T" if iso else " "
    if root == T.TIMESTAMP:
        return lambda v: f'"{tc.format_sql_timestamp(v, separator)}"'
    if root == T.TIMESTAMP_LTZ:
        return lambda v: f'"{tc.format_sql_timestamp(v, separator)}Z"'
    if root in T.BINARY_STRING:
        return lambda v: '"' + base64.b64encode(v).decode("ascii") + '"'
    if root == T.ARRAY:
        element = value_writer(t.elements[0], iso, plain_decimals, skip_nulls)
        return lambda v: "[" + ",".join("null" if x is None else element(x) for x in v) + "]"
    if root == T.MAP:
        key = value_writer(t.elements[0], iso, plain_decimals, skip_nulls)
        val = value_writer(t.elements[1], iso, plain_decimals, skip_nulls)

        def mapping(v: dict[Any, Any]) -> str:
            items = []
            for k, x in v.items():
                text = key(k)
                name = text if text.startswith('"') else _compact(text)
                items.append(f"{name}:{'null' if x is None else val(x)}")
            return "{" + ",".join(items) + "}"

        return mapping
    if root == T.ROW:
        return row_writer(t.fields, iso, plain_decimals, skip_nulls)
    raise ExecutionError(f"Unsupported type: {t.summary()}")


_INF = float("inf")


def row_writer(
    fields: tuple[RowField, ...], iso: bool, plain_decimals: bool, skip_nulls: bool
) -> Callable[[Row], str]:
    names = [_compact(f.name) + ":" for f in fields]
    writers = [value_writer(f.type, iso, plain_decimals, skip_nulls) for f in fields]
    pairs = list(zip(names, writers, strict=True))

    def write(row: Row) -> str:
        parts = []
        for (name, writer), value in zip(pairs, row, strict=False):
            if value is None:
                if not skip_nulls:
                    parts.append(name + "null")
            else:
                parts.append(name + writer(value))
        return "{" + ",".join(parts) + "}"

    return write


def encoder(fields: tuple[RowField, ...], options: dict[str, Any]) -> RowEncoder:
    """An encoder of rows to compact JSON objects, fields in column order (no line separator)."""
    iso = options.get("timestamp-format.standard", "SQL") == "ISO-8601"
    plain = bool(options.get("encode.decimal-as-plain-number", False))
    skip_nulls = bool(options.get("encode.ignore-null-fields", False))
    return RowEncoder(fields, row_writer(fields, iso, plain, skip_nulls))
