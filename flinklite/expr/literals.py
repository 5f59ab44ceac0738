"""The types and Python values of SQL literals, checked the way Flink's parser and validator do.

Value contract (the row representation every layer uses, DESIGN.md "Row"):
  STRING/CHAR `str`; TINYINT..BIGINT `int`; FLOAT/DOUBLE `float`; DECIMAL `decimal.Decimal`
  carrying its scale; BOOLEAN `bool`; BINARY/BYTES `bytes`; NULL `None`;
  DATE `int` days since 1970-01-01; TIME `int` nanoseconds of the day;
  TIMESTAMP(p) `int` nanoseconds since the epoch of the UTC wall clock (no time zone);
  TIMESTAMP_LTZ(p) `int` nanoseconds since the epoch (an instant);
  INTERVAL DAY-TIME `int` milliseconds; INTERVAL YEAR-MONTH `int` months;
  ARRAY `tuple`; MAP and MULTISET `FrozenMap` (a dict that hashes); ROW `tuple`.
Collections are hashable so that rows can key join and aggregate state.
Event-time code converts nanoseconds to the epoch milliseconds of watermarks at its edge.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import ValidationError
from flinklite.sql import ast


class FrozenMap(dict):
    """A MAP / MULTISET value: a dict that is hashable (never mutated once built), so rows that
    hold one can key operator state."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))


_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_EPOCH = _dt.date(1970, 1, 1)
NANOS_PER_DAY = 86_400 * 10**9

# Calcite accepts one- or two-digit month/day/hour fields but insists on all three time fields.
_DATE_RE = re.compile(r"\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*")
_TIME_RE = re.compile(r"\s*(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d*))?\s*")
_TIMESTAMP_RE = re.compile(
    r"\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?: +(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d*))?)?\s*"
)
# Flink's TIME type holds milliseconds at most, so TIME literals are cut to TIME(3).
_MAX_TIME_PRECISION = 3
_MAX_TIMESTAMP_PRECISION = 9


def literal_type(node: ast.Expr) -> DataType:
    """The Flink type of a literal node (also of `-<number>`, which Calcite folds into one literal)."""
    if isinstance(node, ast.UnaryOp) and node.op in ("-", "+") and _is_number(node.operand):
        return _numeric(node.operand.text, node.op == "-", node)  # type: ignore[attr-defined]
    if isinstance(node, ast.NumericLiteral):
        return _numeric(node.text, False, node)
    if isinstance(node, ast.StringLiteral):
        return T.char(_java_length(node.value), nullable=False)
    if isinstance(node, ast.BooleanLiteral):
        return T.boolean(False)
    if isinstance(node, ast.NullLiteral):
        return T.null()
    if isinstance(node, ast.BinaryLiteral):
        return DataType(T.BINARY, False, length=len(_binary(node)))
    if isinstance(node, ast.TypedLiteral):
        return _typed(node)[0]
    if isinstance(node, ast.IntervalLiteral):
        _interval_value(node)  # validates the text against the qualifier
        return interval_literal_type(node.qualifier)
    raise TypeError(f"not a literal: {type(node).__name__}")


def literal_value(node: ast.Expr) -> Any:
    """The Python value of a literal node, per the value contract in this module's docstring."""
    if isinstance(node, ast.UnaryOp) and node.op in ("-", "+") and _is_number(node.operand):
        return _numeric_value(node.operand.text, node.op == "-", node)  # type: ignore[attr-defined]
    if isinstance(node, ast.NumericLiteral):
        return _numeric_value(node.text, False, node)
    if isinstance(node, ast.StringLiteral):
        return node.value
    if isinstance(node, ast.BooleanLiteral):
        return node.value
    if isinstance(node, ast.NullLiteral):
        return None
    if isinstance(node, ast.BinaryLiteral):
        return _binary(node)
    if isinstance(node, ast.TypedLiteral):
        return _typed(node)[1]
    if isinstance(node, ast.IntervalLiteral):
        return _interval_value(node)
    raise TypeError(f"not a literal: {type(node).__name__}")


def is_literal(node: ast.Expr) -> bool:
    return isinstance(
        node,
        (
            ast.NumericLiteral,
            ast.StringLiteral,
            ast.BooleanLiteral,
            ast.NullLiteral,
            ast.BinaryLiteral,
            ast.TypedLiteral,
            ast.IntervalLiteral,
        ),
    ) or (isinstance(node, ast.UnaryOp) and node.op in ("-", "+") and _is_number(node.operand))


def _is_number(node: ast.Expr) -> bool:
    return isinstance(node, ast.NumericLiteral)


def _java_length(text: str) -> int:
    """Length in UTF-16 code units, as Java (and so Flink's CHAR(n)) counts characters."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


# --- numbers -------------------------------------------------------------------------------------


def _out_of_range(text: str, node: ast.Node) -> ValidationError:
    return ValidationError(f"Numeric literal '{text}' out of range", pos=node.pos)


def _numeric(text: str, negative: bool, node: ast.Node) -> DataType:
    if "e" in text.lower():
        return T.double(False)
    whole, _, fraction = text.partition(".")
    if not fraction:
        # Calcite types `1.` like `1`: an integer literal, INT when it fits, else BIGINT.
        value = _numeric_value(text, negative, node)
        return T.int_(False) if _INT_MIN <= value <= _INT_MAX else T.bigint(False)
    _numeric_value(text, negative, node)  # range check
    # Calcite's precision counts the digits as written, leading zeros included ('0.000' -> 4).
    return T.decimal(len(whole) + len(fraction), len(fraction), nullable=False)


def _numeric_value(text: str, negative: bool, node: ast.Node) -> int | float | Decimal:
    shown = ("-" if negative else "") + text
    if "e" in text.lower():
        value = float(text)
        return -value if negative else value
    whole, _, fraction = text.partition(".")
    # Calcite's validator requires the unscaled value to fit a Java long, for decimals too.
    digits = ((whole or "0") + fraction).lstrip("0")
    if len(digits) > 19:  # past any long, and before int() of thousands of digits refuses
        raise _out_of_range(shown, node)
    unscaled = int(digits or "0") * (-1 if negative else 1)
    if not _LONG_MIN <= unscaled <= _LONG_MAX:
        raise _out_of_range(shown, node)
    if not fraction:
        return unscaled
    return Decimal(shown if whole else shown.replace(".", "0.", 1))


# --- binary strings ------------------------------------------------------------------------------


def _binary(node: ast.BinaryLiteral) -> bytes:
    digits = node.hex.replace(" ", "")
    if len(digits) % 2:
        raise ValidationError(
            "Binary literal string must contain an even number of hexits", pos=node.pos
        )
    return bytes.fromhex(digits)


# --- dates and times -----------------------------------------------------------------------------

_FORMATS = {"DATE": "yyyy-MM-dd", "TIME": "HH:mm:ss", "TIMESTAMP": "yyyy-MM-dd HH:mm:ss"}


def _illegal(node: ast.TypedLiteral) -> ValidationError:
    kind = node.type_name
    return ValidationError(
        f"Illegal {kind} literal '{node.value}': not in format '{_FORMATS[kind]}'", pos=node.pos
    )


def _typed(node: ast.TypedLiteral) -> tuple[DataType, int]:
    kind = node.type_name
    if kind not in _FORMATS:
        # Flink's parser has no TIMESTAMP_LTZ '...' or TIMESTAMP '...' WITH LOCAL TIME ZONE literal.
        raise ValidationError(
            f"{kind} literals are not supported by Flink SQL; "
            f"use CAST('{node.value}' AS TIMESTAMP_LTZ(3)) instead",
            pos=node.pos,
        )
    try:
        if kind == "DATE":
            return T.date(False), parse_date(node.value)
        if kind == "TIME":
            nanos, precision = parse_time(node.value)
            return T.time(precision, nullable=False), nanos
        nanos, precision = parse_timestamp(node.value)
        return T.timestamp(precision, nullable=False), nanos
    except ValueError:
        raise _illegal(node) from None


def parse_date(text: str) -> int:
    """'2024-01-31' -> days since the epoch; ValueError when it is no valid date."""
    m = _DATE_RE.fullmatch(text)
    if not m:
        raise ValueError(text)
    return (_dt.date(int(m[1]), int(m[2]), int(m[3])) - _EPOCH).days


def _fraction(digits: str | None, max_precision: int) -> tuple[int, int]:
    """(nanoseconds, precision) of a written fraction of a second."""
    digits = (digits or "")[:max_precision]
    return (int(digits.ljust(9, "0")) if digits else 0), len(digits)


def parse_time(text: str) -> tuple[int, int]:
    """'10:00:00.12' -> (nanoseconds of the day, precision written, at most 3)."""
    m = _TIME_RE.fullmatch(text)
    if not m:
        raise ValueError(text)
    hour, minute, second = int(m[1]), int(m[2]), int(m[3])
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(text)
    nanos, precision = _fraction(m[4], _MAX_TIME_PRECISION)
    return ((hour * 60 + minute) * 60 + second) * 10**9 + nanos, precision


def parse_timestamp(text: str) -> tuple[int, int]:
    """'2024-01-01 00:00:00.123' (or a date alone) -> (epoch nanoseconds, precision written)."""
    m = _TIMESTAMP_RE.fullmatch(text)
    if not m:
        raise ValueError(text)
    days = (_dt.date(int(m[1]), int(m[2]), int(m[3])) - _EPOCH).days
    if m[4] is None:
        return days * NANOS_PER_DAY, 0
    hour, minute, second = int(m[4]), int(m[5]), int(m[6])
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(text)
    nanos, precision = _fraction(m[7], _MAX_TIMESTAMP_PRECISION)
    return days * NANOS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 10**9 + nanos, precision


# --- intervals -----------------------------------------------------------------------------------

_YEAR_MONTH = {"YEAR", "MONTH"}
# Milliseconds per unit of each day-time field, and the upper bound of a non-leading field.
_MILLIS = {"DAY": 86_400_000, "HOUR": 3_600_000, "MINUTE": 60_000, "SECOND": 1_000}
_FIELD_LIMIT = {"MONTH": 12, "HOUR": 24, "MINUTE": 60, "SECOND": 60}
_ORDER = ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"]
_SEPARATORS = {"HOUR": " ", "MINUTE": ":", "SECOND": ":", "MONTH": "-"}  # before each field


def interval_literal_type(q: ast.IntervalQualifier) -> DataType:
    """Flink keeps no interval resolution in expression types: every day-time interval is
    INTERVAL SECOND(3) and every year-month one INTERVAL MONTH (as `SELECT INTERVAL '2' DAY`
    shows in Flink 2.3)."""
    if q.start in _YEAR_MONTH:
        return T.interval_year_month("MONTH", T.DEFAULT_YEAR_PRECISION).not_null()
    return T.interval_day_time("SECOND", T.DEFAULT_DAY_PRECISION, 3).not_null()


def _qualifier_text(q: ast.IntervalQualifier) -> str:
    def one(unit: str, precision: int | None) -> str:
        return f"{unit}({precision})" if precision is not None else unit

    head = one(q.start, q.start_precision)
    if q.end is None:
        return head
    return f"{head} TO {one(q.end, q.fractional_precision if q.end == 'SECOND' else None)}"


def _interval_value(node: ast.IntervalLiteral) -> int:
    """The value of an interval literal: months for YEAR-MONTH, milliseconds for DAY-TIME."""
    q = node.qualifier
    units = _ORDER[_ORDER.index(q.start) : _ORDER.index(q.end or q.start) + 1]
    text = node.value.strip()
    sign = -1 if node.negative else 1
    if text[:1] in "+-" and text:
        sign *= -1 if text[0] == "-" else 1
        text = text[1:]
    pattern = ""
    for i, unit in enumerate(units):
        if i:
            pattern += re.escape(_SEPARATORS[unit])
        pattern += r"(\d+)"
    if units[-1] == "SECOND":
        pattern += r"(?:\.(\d*))?"
    m = re.fullmatch(pattern, text)
    bad = ValidationError(
        f"Illegal interval literal format '{node.value}' for INTERVAL {_qualifier_text(q)}",
        pos=node.pos,
    )
    if not m:
        raise bad
    fields = [int(g) for g in m.groups()[: len(units)]]
    leading_precision = q.start_precision if q.start_precision is not None else 2
    if q.start == "SECOND" and q.end is None:
        leading_precision = 2  # SECOND(p) names the fractional precision, not the leading one
    if len(str(fields[0])) > leading_precision:
        raise ValidationError(
            f"Interval field value {fields[0]} exceeds precision of "
            f"{q.start}({leading_precision}) field",
            pos=node.pos,
        )
    for unit, value in zip(units[1:], fields[1:], strict=True):
        if value >= _FIELD_LIMIT[unit]:
            raise ValidationError(
                f"Interval field value {value} exceeds precision of {unit} field", pos=node.pos
            )
    if q.start in _YEAR_MONTH:
        if q.start == "MONTH":
            return sign * fields[0]
        return sign * (fields[0] * 12 + (fields[1] if len(fields) > 1 else 0))
    millis = sum(v * _MILLIS[u] for u, v in zip(units, fields, strict=True))
    if units[-1] == "SECOND" and m.group(len(units) + 1):
        millis += int(m.group(len(units) + 1)[:3].ljust(3, "0"))
    return sign * millis
