"""Values as text the way Flink's Java side writes and reads them: `java_string` (Row.toString,
as the print connector shows rows) and the date-time texts of the CSV and JSON formats.

All functions take and return values of the value contract (flinklite/expr/literals.py)."""

from __future__ import annotations

import datetime as dt
import re
import struct
from decimal import Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.runtime.rows import NANOS_PER_MILLI

NANOS_PER_SECOND = 1_000_000_000
NANOS_PER_DAY = 86_400 * NANOS_PER_SECOND
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


# --- numbers ---------------------------------------------------------------------------------


def _shortest_digits(text: str) -> tuple[str, int]:
    """(significant digits, exponent of the first digit) of a positive number's shortest text."""
    sign, digits, exponent = Decimal(text).as_tuple()
    shown = "".join(map(str, digits)).rstrip("0") or "0"
    return shown, len(digits) - 1 + int(exponent)


def _java_float_text(value: float, digits_of: Any) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0.0:
        return "-0.0" if str(value)[0] == "-" else "0.0"
    sign = "-" if value < 0 else ""
    digits, exp = digits_of(abs(value))
    if -3 <= exp < 7:
        if exp >= 0:
            whole = digits[: exp + 1].ljust(exp + 1, "0")
            fraction = digits[exp + 1 :] or "0"
        else:
            whole, fraction = "0", "0" * (-exp - 1) + digits
        return f"{sign}{whole}.{fraction}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exp}"


def java_double(value: float) -> str:
    """Java's Double.toString: shortest digits, plain between 10^-3 and 10^7, else 1.0E10."""
    return _java_float_text(value, lambda v: _shortest_digits(repr(v)))


def to_float32(value: float) -> float:
    """The FLOAT (single precision) value nearest to a Python float."""
    try:
        return struct.unpack("f", struct.pack("f", value))[0]
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _float32_digits(value: float) -> tuple[str, int]:
    target = to_float32(value)
    for precision in range(1, 10):
        text = f"{value:.{precision - 1}e}"
        if to_float32(float(text)) == target:
            return _shortest_digits(text)
    return _shortest_digits(repr(value))


def java_float(value: float) -> str:
    """Java's Float.toString: the shortest digits that identify the single-precision value."""
    return _java_float_text(value, _float32_digits)


# --- dates and times -------------------------------------------------------------------------


def date_of_days(days: int) -> dt.date:
    return dt.date.fromordinal(days + _EPOCH_ORDINAL)


def days_of_date(year: int, month: int, day: int) -> int:
    return dt.date(year, month, day).toordinal() - _EPOCH_ORDINAL


def _java_date(days: int) -> str:
    return date_of_days(days).isoformat()


def _java_fraction(nanos: int) -> str:
    """LocalTime.toString's fraction: none, or 3, 6 or 9 digits."""
    if nanos == 0:
        return ""
    if nanos % NANOS_PER_MILLI == 0:
        return f".{nanos // NANOS_PER_MILLI:03d}"
    if nanos % 1000 == 0:
        return f".{nanos // 1000:06d}"
    return f".{nanos:09d}"


def java_time(nanos_of_day: int, *, always_seconds: bool = False) -> str:
    """LocalTime.toString: 10:15, 10:15:30, 10:15:30.120 (seconds shown unless both are zero)."""
    seconds, nanos = divmod(nanos_of_day, NANOS_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    if second == 0 and nanos == 0 and not always_seconds:
        return f"{hour:02d}:{minute:02d}"
    return f"{hour:02d}:{minute:02d}:{second:02d}{_java_fraction(nanos)}"


def java_local_date_time(nanos: int) -> str:
    """LocalDateTime.toString of a TIMESTAMP value: 2024-01-01T00:00, 2024-01-01T00:00:00.120."""
    days, nod = divmod(nanos, NANOS_PER_DAY)
    return f"{_java_date(days)}T{java_time(nod)}"


def java_instant(nanos: int) -> str:
    """Instant.toString of a TIMESTAMP_LTZ value: 2024-01-01T00:00:00Z, seconds always shown."""
    days, nod = divmod(nanos, NANOS_PER_DAY)
    return f"{_java_date(days)}T{java_time(nod, always_seconds=True)}Z"


def _java_duration(millis: int) -> str:
    """Duration.toString of a day-time interval: PT1H30M, PT0.5S, PT-1.5S, PT0S."""
    if millis == 0:
        return "PT0S"
    seconds, ms = divmod(millis, 1000)
    effective = seconds + 1 if seconds < 0 and ms > 0 else seconds
    hours = int(effective / 3600)  # Java's long division truncates toward zero
    rest = effective - hours * 3600
    minutes = int(rest / 60)
    secs = rest - minutes * 60
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if secs == 0 and ms == 0 and len(text) > 2:
        return text
    text += "-0" if seconds < 0 and ms > 0 and secs == 0 else str(secs)
    if ms > 0:
        fraction = 2000 - ms if seconds < 0 else 1000 + ms
        text += "." + str(fraction)[1:].rstrip("0")
    return text + "S"


def _java_period(months: int) -> str:
    years, month = int(months / 12), months - int(months / 12) * 12
    if months == 0:
        return "P0D"
    return "P" + (f"{years}Y" if years else "") + (f"{month}M" if month else "")


def java_string(value: Any, type_: DataType) -> str:
    """A value as Flink's Row.toString prints it (the print connector's fields): Java's
    toString of the value's default external class (LocalDateTime, Instant, BigDecimal, ...)."""
    if value is None:
        return "null"
    root = type_.root
    if root in T.CHARACTER_STRING:
        return value
    if root == T.BOOLEAN:
        return "true" if value else "false"
    if root in T.INTEGER_NUMERIC:
        return str(value)
    if root == T.DOUBLE:
        return java_double(value)
    if root == T.FLOAT:
        return java_float(value)
    if root == T.DECIMAL:
        return str(value)
    if root == T.TIMESTAMP:
        return java_local_date_time(value)
    if root == T.TIMESTAMP_LTZ:
        return java_instant(value)
    if root == T.DATE:
        return _java_date(value)
    if root == T.TIME:
        return java_time(value)
    if root in T.BINARY_STRING:
        return "[" + ", ".join(str(b - 256 if b > 127 else b) for b in value) + "]"
    if root == T.INTERVAL_DAY_TIME:
        return _java_duration(value)
    if root == T.INTERVAL_YEAR_MONTH:
        return _java_period(value)
    if root == T.ARRAY:
        element = type_.elements[0]
        return "[" + ", ".join(java_string(v, element) for v in value) + "]"
    if root == T.MAP:
        key, val = type_.elements
        items = (f"{java_string(k, key)}={java_string(v, val)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if root == T.MULTISET:
        element = type_.elements[0]
        return "{" + ", ".join(f"{java_string(k, element)}={n}" for k, n in value.items()) + "}"
    if root == T.ROW:
        parts = (java_string(v, f.type) for v, f in zip(value, type_.fields, strict=False))
        return "+I[" + ", ".join(parts) + "]"
    return str(value)


# --- the CSV and JSON formats' date-time texts ----------------------------------------------


def sql_fraction(nanos: int) -> str:
    """The fraction of Flink's SQL time formats when writing: as few digits as needed."""
    return f".{nanos:09d}".rstrip("0") if nanos else ""


def format_sql_time(nanos_of_day: int) -> str:
    """HH:mm:ss[.f]: TIME as the CSV and JSON formats write it."""
    seconds, nanos = divmod(nanos_of_day, NANOS_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return f"{hour:02d}:{minute:02d}:{second:02d}{sql_fraction(nanos)}"


def format_sql_timestamp(nanos: int, separator: str = " ") -> str:
    """yyyy-MM-dd HH:mm:ss[.f]: TIMESTAMP as the CSV and JSON formats write it ('T' for ISO)."""
    days, nod = divmod(nanos, NANOS_PER_DAY)
    return f"{_java_date(days)}{separator}{format_sql_time(nod)}"


# Flink's TimeFormats: ISO_LOCAL_DATE, then ' ' or 'T', then ISO_LOCAL_TIME (seconds optional).
_SQL_TS = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?")
_ISO_TS = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?")
_SQL_LTZ = re.compile(_SQL_TS.pattern + "Z")
_ISO_LTZ = re.compile(_ISO_TS.pattern + "Z")
_ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_SQL_TIME = re.compile(r"(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?")
_ISO_TIME = re.compile(r"(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?")
# java.sql.Timestamp.valueOf / Date.valueOf, which the CSV format uses.
_JAVA_SQL_TS = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2}) (\d+):(\d+):(\d+)(?:\.(\d{1,9}))?")
_JAVA_SQL_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _bad_text(text: str, what: str) -> ValueError:
    return ValueError(f"Text '{text}' could not be parsed as {what}")


def _nanos(fraction: str | None) -> int:
    return int(fraction.ljust(9, "0")) if fraction else 0


def _time_nanos(hour: str, minute: str, second: str | None, fraction: str | None) -> int:
    h, m, s = int(hour), int(minute), int(second or 0)
    if h > 23 or m > 59 or s > 59:
        raise ValueError("Invalid value for time of day")
    return ((h * 60 + m) * 60 + s) * NANOS_PER_SECOND + _nanos(fraction)


def _timestamp(m: re.Match[str] | None, text: str, what: str) -> int:
    if m is None:
        raise _bad_text(text, what)
    try:
        days = days_of_date(int(m[1]), int(m[2]), int(m[3]))
        return days * NANOS_PER_DAY + _time_nanos(m[4], m[5], m[6], m[7])
    except ValueError as e:
        raise _bad_text(text, what) from e


def timestamp_parser(ltz: bool, iso: bool) -> Any:
    """A parser of Flink's JSON timestamp texts (SQL: '2024-01-01 10:00:00.5', ISO-8601: with
    'T'; TIMESTAMP_LTZ ends with 'Z'), returning epoch nanoseconds."""
    pattern = {(False, False): _SQL_TS, (False, True): _ISO_TS}.get((ltz, iso))
    pattern = pattern or (_ISO_LTZ if iso else _SQL_LTZ)
    what = "TIMESTAMP_LTZ" if ltz else "TIMESTAMP"
    fullmatch = pattern.fullmatch

    def parse(text: str) -> int:
        return _timestamp(fullmatch(text), text, what)

    return parse


def parse_iso_date(text: str) -> int:
    """ISO_LOCAL_DATE (yyyy-MM-dd) to days since the epoch."""
    m = _ISO_DATE.fullmatch(text)
    if m is None:
        raise _bad_text(text, "DATE")
    try:
        return days_of_date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as e:
        raise _bad_text(text, "DATE") from e


def parse_sql_time(text: str) -> int:
    """HH:mm:ss[.f] (the JSON format's TIME) to nanoseconds of the day."""
    m = _SQL_TIME.fullmatch(text)
    if m is None:
        raise _bad_text(text, "TIME")
    return _time_nanos(m[1], m[2], m[3], m[4])


def parse_iso_time(text: str) -> int:
    """LocalTime.parse (HH:mm[:ss[.f]], the CSV format's TIME) to nanoseconds of the day."""
    m = _ISO_TIME.fullmatch(text)
    if m is None:
        raise _bad_text(text, "TIME")
    return _time_nanos(m[1], m[2], m[3], m[4])


def parse_java_sql_timestamp(text: str) -> int:
    """java.sql.Timestamp.valueOf (yyyy-[m]m-[d]d hh:mm:ss[.f...], surrounding blanks allowed),
    as the CSV format reads TIMESTAMP, to epoch nanoseconds."""
    stripped = text.strip()
    return _timestamp(_JAVA_SQL_TS.fullmatch(stripped), stripped, "TIMESTAMP")


def parse_java_sql_date(text: str) -> int:
    """java.sql.Date.valueOf (yyyy-[m]m-[d]d), as the CSV format reads DATE."""
    m = _JAVA_SQL_DATE.fullmatch(text)
    if m is None:
        raise ValueError(f"Text '{text}' could not be parsed as DATE")
    try:
        return days_of_date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as e:
        raise _bad_text(text, "DATE") from e
