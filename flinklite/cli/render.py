"""Text rendering of results as the Flink SQL client prints them: messages, tableau tables, values.

Plain text by default; ANSI colour only when asked (the caller knows whether it writes to a TTY)."""

from __future__ import annotations

import datetime as _dt
import decimal
import os
import struct
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.results import (
    ChangelogResult,
    ClearResult,
    HelpResult,
    JobSubmittedResult,
    QuitResult,
    Result,
    StatusResult,
    TableResult,
    TextResult,
)

NULL_VALUE = "<NULL>"  # Flink's PrintStyle.NULL_VALUE, for a top-level NULL
NESTED_NULL = "NULL"  # CAST(ARRAY[NULL] AS STRING) prints the nested null like this
TRUNCATED = "..."
ROW_KIND_COLUMN = "op"
DEFAULT_MAX_COLUMN_WIDTH = 30

MESSAGE_EXECUTE_FILE = "Executing SQL from file."
MESSAGE_SQL_EXECUTION_ERROR = "Could not execute SQL statement."
MESSAGE_SUBMITTING = "Submitting SQL update statement to the cluster..."
MESSAGE_SUBMITTED = "SQL update statement has been successfully submitted to the cluster:"
MESSAGE_QUIT = "Exiting flinklite SQL client..."

_ANSI = {"INFO": "\x1b[1;34m", "WARNING": "\x1b[1;33m", "ERROR": "\x1b[1;31m"}
_RESET = "\x1b[0m"
CLEAR_SCREEN = "\x1b[H\x1b[2J"

_EPOCH = _dt.datetime(1970, 1, 1)
_EPOCH_DATE = _dt.date(1970, 1, 1)
_NANOS = 1_000_000_000


class ConfigLike(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


# --- messages ----------------------------------------------------------------------------------


def message(level: str, text: str, *, color: bool = False) -> str:
    """`[INFO] text`, `[WARNING] text` or `[ERROR] text`; Flink colours the whole line."""
    line = f"[{level}] {text}"
    return f"{_ANSI.get(level, '')}{line}{_RESET}" if color else line


def error_message(kind: str, detail: str, *, color: bool = False) -> str:
    """Flink's failure report: the `[ERROR] ... Reason:` line, then `<kind>: <detail>`."""
    head = message("ERROR", f"{MESSAGE_SQL_EXECUTION_ERROR} Reason:", color=color)
    return f"{head}\n{kind}: {detail}"


# --- configuration -----------------------------------------------------------------------------


def max_column_width(config: ConfigLike | None) -> int:
    """`sql-client.display.max-column-width` or its successor `table.display.max-column-width`,
    whichever differs from the default 30 (the client key wins when both do)."""
    if config is None:
        return DEFAULT_MAX_COLUMN_WIDTH
    # A configuration may answer with the default for unset keys, so "set" means "not 30".
    for key in ("sql-client.display.max-column-width", "table.display.max-column-width"):
        raw = config.get(key)
        if raw is None:
            continue
        try:
            width = int(str(raw).strip())
        except ValueError:
            continue  # validating the key is the session's business; fall back quietly
        if width != DEFAULT_MAX_COLUMN_WIDTH:
            return max(1, width)
    return DEFAULT_MAX_COLUMN_WIDTH


def local_time_zone(config: ConfigLike | None) -> _dt.tzinfo:
    """The zone TIMESTAMP_LTZ values are shown in: `table.local-time-zone`, 'default' = system."""
    name = config.get("table.local-time-zone") if config is not None else None
    if name and name.strip().lower() != "default":
        return _zone(name.strip())
    return _system_zone()


def _zone(name: str) -> _dt.tzinfo:
    if name.upper() in ("UTC", "Z", "GMT"):
        return _dt.UTC
    try:
        from zoneinfo import ZoneInfo  # imported lazily: only LTZ values need it

        return ZoneInfo(name)
    except Exception:
        return _dt.UTC


def _system_zone() -> _dt.tzinfo:
    # A real zone (with its DST rules) rather than today's fixed offset, as the JVM would use.
    tz = os.environ.get("TZ")
    if tz:
        return _zone(tz.lstrip(":"))
    try:
        from zoneinfo import ZoneInfo

        with open("/etc/localtime", "rb") as f:
            return ZoneInfo.from_file(f)
    except Exception:
        local = _dt.datetime.now().astimezone().tzinfo
        return local if local is not None else _dt.UTC


# --- values ------------------------------------------------------------------------------------


def format_value(value: Any, type: DataType, *, time_zone: _dt.tzinfo | None = None) -> str:
    """A value as the SQL client's tableau shows it: Flink's CAST(value AS STRING), with NULL as
    `<NULL>`. TIMESTAMP/TIMESTAMP_LTZ are epoch nanoseconds, DATE days since epoch, TIME nanos of
    day; TIMESTAMP_LTZ is shown in `time_zone` (UTC when None)."""
    if value is None:
        return NULL_VALUE
    return _cast_to_string(value, type, time_zone)


def _cast_to_string(value: Any, t: DataType, tz: _dt.tzinfo | None) -> str:
    root = t.root
    if root in T.CHARACTER_STRING:
        if isinstance(value, str):
            return value
        if isinstance(value, bool):  # a flag carried in a STRING column (SHOW, DESCRIBE)
            return "TRUE" if value else "FALSE"
        return str(value)
    if root == T.BOOLEAN:
        return "TRUE" if value else "FALSE"
    if root in T.INTEGER_NUMERIC:
        return str(value)
    if root == T.DECIMAL:
        return _decimal(value, t.scale)
    if root == T.DOUBLE:
        return java_double(float(value))
    if root == T.FLOAT:
        return java_float(float(value))
    if root == T.TIMESTAMP:
        return _timestamp(value, t.precision, None)
    if root == T.TIMESTAMP_LTZ:
        return _timestamp(value, t.precision, tz or _dt.UTC)
    if root == T.DATE:
        return _date(value)
    if root == T.TIME:
        return _time(value, t.precision or 0)
    if root == T.INTERVAL_DAY_TIME:
        return _interval_day_time(value)
    if root == T.INTERVAL_YEAR_MONTH:
        return _interval_year_month(value)
    if root in T.BINARY_STRING:
        if isinstance(value, bytes | bytearray | memoryview):
            return bytes(value).decode("utf-8", errors="replace")
        return str(value)
    if root == T.ARRAY:
        return "[" + ", ".join(_nested(v, t.elements[0], tz) for v in value) + "]"
    if root == T.MAP:
        key_t, value_t = t.elements
        items = value.items() if isinstance(value, Mapping) else value
        return (
            "{"
            + ", ".join(f"{_nested(k, key_t, tz)}={_nested(v, value_t, tz)}" for k, v in items)
            + "}"
        )
    if root == T.MULTISET:
        items = value.items() if isinstance(value, Mapping) else value
        elem_t = t.elements[0]
        return "{" + ", ".join(f"{_nested(k, elem_t, tz)}={n}" for k, n in items) + "}"
    if root == T.ROW:
        fields = [f.type for f in t.fields] or [T.string()] * len(value)
        return (
            "(" + ", ".join(_nested(v, ft, tz) for v, ft in zip(value, fields, strict=False)) + ")"
        )
    return str(value)


def _nested(value: Any, t: DataType, tz: _dt.tzinfo | None) -> str:
    return NESTED_NULL if value is None else _cast_to_string(value, t, tz)


def _decimal(value: Any, scale: int | None) -> str:
    d = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
    if scale is not None and d.is_finite() and d.as_tuple().exponent != -scale:
        try:
            d = d.quantize(decimal.Decimal(1).scaleb(-scale))
        except decimal.InvalidOperation:
            pass  # more digits than the context allows: show the value as it is
    return format(d, "f")


def _timestamp(value: Any, precision: int | None, tz: _dt.tzinfo | None) -> str:
    if isinstance(value, _dt.datetime):  # tolerated, though the contract says epoch nanos
        base, nanos = value.replace(microsecond=0), value.microsecond * 1000
        if tz is not None and value.tzinfo is not None:
            base = base.astimezone(tz)
    else:
        seconds, nanos = divmod(int(value), _NANOS)
        if tz is None or tz is _dt.UTC:
            base = _EPOCH + _dt.timedelta(seconds=seconds)
        else:
            base = _dt.datetime.fromtimestamp(seconds, tz)
    text = f"{base.year:04d}-{base.month:02d}-{base.day:02d} {base.hour:02d}:{base.minute:02d}:{base.second:02d}"
    return text + _fraction(nanos, 6 if precision is None else precision)


def _fraction(nanos: int, precision: int) -> str:
    # Flink prints exactly the declared number of fractional digits, zeros included.
    return "." + f"{nanos:09d}"[:precision] if precision > 0 else ""


def _date(value: Any) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    return (_EPOCH_DATE + _dt.timedelta(days=int(value))).isoformat()


def _time(value: Any, precision: int) -> str:
    if isinstance(value, _dt.time):
        nanos = (
            (value.hour * 60 + value.minute) * 60 + value.second
        ) * _NANOS + value.microsecond * 1000
    else:
        nanos = int(value)
    seconds, frac = divmod(nanos, _NANOS)
    minutes, s = divmod(seconds, 60)
    h, m = divmod(minutes, 60)
    return f"{h:02d}:{m:02d}:{s:02d}" + _fraction(frac, precision)


def _interval_day_time(value: Any) -> str:
    """Flink's `+d hh:mm:ss.fff` for any day-time interval; the value is milliseconds (Flink's
    internal form) or a timedelta."""
    millis = (
        value // _dt.timedelta(milliseconds=1) if isinstance(value, _dt.timedelta) else int(value)
    )
    sign = "-" if millis < 0 else "+"
    seconds, ms = divmod(abs(millis), 1000)
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    days, h = divmod(hours, 24)
    return f"{sign}{days} {h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _interval_year_month(value: Any) -> str:
    months = int(value)
    sign = "-" if months < 0 else "+"
    years, m = divmod(abs(months), 12)
    return f"{sign}{years}-{m:02d}"


def java_double(x: float) -> str:
    """Java's Double.toString: plain between 1e-3 and 1e7, else `d.dddE±n`; shortest digits."""
    return _java_floating(x, repr(x))


def java_float(x: float) -> str:
    """Java's Float.toString: the shortest digits that read back as the same 32-bit float."""
    if x != x or x in (float("inf"), float("-inf")):
        return _java_floating(x, repr(x))
    try:
        target = struct.pack(">f", x)
    except OverflowError:
        return _java_floating(x, repr(x))
    for digits in range(1, 10):
        text = f"{x:.{digits}g}"
        try:
            if struct.pack(">f", float(text)) == target:
                return _java_floating(x, text)
        except OverflowError:
            continue  # rounded past the largest float32

    return _java_floating(x, repr(x))


def _java_floating(x: float, shortest: str) -> str:
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if str(x).startswith("-") else "0.0"
    sign, digits, exponent = decimal.Decimal(shortest).as_tuple()
    ds = "".join(map(str, digits)).rstrip("0") or "0"
    # `point` is where the decimal point sits relative to the digit string's start.
    point = len(digits) + int(exponent)
    head = "-" if sign else ""
    if 1e-3 <= abs(x) < 1e7:
        if point <= 0:
            return f"{head}0.{'0' * -point}{ds}"
        if point >= len(ds):
            return f"{head}{ds}{'0' * (point - len(ds))}.0"
        return f"{head}{ds[:point]}.{ds[point:]}"
    mantissa = ds[0] + "." + (ds[1:] or "0")
    return f"{head}{mantissa}E{point - 1}"


# --- tableau -----------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns `text` takes: Java's UTF-16 length plus one for each wide (East Asian) character,
    as Flink's TableauStyle counts."""
    width = len(text)
    if text.isascii():
        return width
    for ch in text:
        if ord(ch) > 0xFFFF:
            width += 1
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1
    return width


def _truncate(text: str, width: int) -> str:
    """`text` cut to `width` columns (less the `...`), left-padded when a wide character
    does not fit, then `...`."""
    target = width - len(TRUNCATED)
    passed, cut = 0, 0
    for ch in text:
        passed += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if passed > target:
            break
        cut += 1
    head = text[:cut]
    return " " * max(0, target - display_width(head)) + head + TRUNCATED


def border_line(widths: Sequence[int]) -> str:
    return "+" + "".join("-" * (w + 2) + "+" for w in widths)


def tableau_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One `| ... |` line: every cell right-aligned, too-long cells truncated with `...`."""
    parts = ["|"]
    for cell, width in zip(cells, widths, strict=True):
        w = display_width(cell)
        text = " " * (width - w) + cell if w <= width else _truncate(cell, width)
        parts.append(f" {text} |")
    return "".join(parts)


def column_widths_by_content(
    names: Sequence[str], rows: Iterable[Sequence[str]], max_width: int
) -> list[int]:
    """Batch widths: the widest of name and values, capped at `max_width` for every column."""
    widths = [len(n) for n in names]
    for row in rows:
        for i, cell in enumerate(row):
            w = display_width(cell)
            if w > widths[i]:
                widths[i] = w
    return [min(w, max_width) for w in widths]


def column_widths_by_type(
    names: Sequence[str], types: Sequence[DataType], max_width: int, *, row_kind: bool = False
) -> list[int]:
    """Streaming widths, fixed before any row arrives: from each type's longest value, as
    Flink's TableauStyle.columnWidthsByType; variable-width types take `max_width`."""
    widths = []
    for name, t in zip(names, types, strict=True):
        length = _type_width(t, max_width)
        widths.append(max(len(name), length, len(NULL_VALUE)))
    return [len(ROW_KIND_COLUMN), *widths] if row_kind else widths


def _type_width(t: DataType, max_width: int) -> int:
    if t.root in T.INTEGER_DIGITS:
        return T.INTEGER_DIGITS[t.root] + 1  # room for a minus sign
    if t.root == T.DECIMAL:
        return (t.precision or 10) + 2  # sign and decimal point
    if t.root == T.BOOLEAN:
        return 5
    if t.root == T.DATE:
        return 10
    if t.root == T.TIME:
        p = t.precision or 0
        return 8 if p == 0 else p + 9
    if t.root in T.TIMESTAMPS:
        p = 6 if t.precision is None else t.precision
        return 19 if p == 0 else 23 if p <= 3 else 26 if p <= 6 else 29
    return max_width


def row_count_footer(n: int) -> str:
    return f"{n} {'row' if n == 1 else 'rows'} in set"


def received_footer(n: int) -> str:
    """The footer of a streaming tableau result."""
    return f"Received a total of {n} {'row' if n == 1 else 'rows'}"


def render_table(
    result: TableResult,
    *,
    max_width: int = DEFAULT_MAX_COLUMN_WIDTH,
    time_zone: _dt.tzinfo | None = None,
) -> str:
    """A finite table in Flink's batch tableau form, or `Empty set` when it has no rows."""
    if not result.rows:
        return "Empty set"
    types = result.types
    cells = [
        [format_value(v, t, time_zone=time_zone) for v, t in zip(row, types, strict=True)]
        for row in result.rows
    ]
    widths = column_widths_by_content(result.columns, cells, max_width)
    border = border_line(widths)
    lines = [border, tableau_row(result.columns, widths), border]
    lines.extend(tableau_row(row, widths) for row in cells)
    lines += [border, row_count_footer(len(cells))]
    return "\n".join(lines)


def stream_tableau(
    result: ChangelogResult,
    *,
    max_width: int = DEFAULT_MAX_COLUMN_WIDTH,
    time_zone: _dt.tzinfo | None = None,
) -> Iterator[str]:
    """A running query in Flink's streaming tableau form, line by line as changes arrive: an
    `op` column, widths fixed by type, `Received a total of N rows` at the end. Raises the
    job's error after the rows printed before it failed."""
    names, types = result.columns, result.types
    widths = column_widths_by_type(names, types, max_width, row_kind=True)
    border = border_line(widths)
    yield border
    yield tableau_row([ROW_KIND_COLUMN, *names], widths)
    yield border
    n = 0
    for kind, row in result.changes():
        cells = [format_value(v, t, time_zone=time_zone) for v, t in zip(row, types, strict=True)]
        yield tableau_row([kind, *cells], widths)
        n += 1
    yield border
    yield received_footer(n)


def batch_tableau(
    result: ChangelogResult,
    *,
    max_width: int = DEFAULT_MAX_COLUMN_WIDTH,
    time_zone: _dt.tzinfo | None = None,
) -> str:
    """A batch query's final rows as Flink's batch tableau prints them."""
    rows = [row for _, row in result.changes()]
    return render_table(
        TableResult(result.columns, result.types, rows), max_width=max_width, time_zone=time_zone
    )


# --- results -----------------------------------------------------------------------------------


def render_result(
    result: Result,
    *,
    max_width: int = DEFAULT_MAX_COLUMN_WIDTH,
    time_zone: _dt.tzinfo | None = None,
    color: bool = False,
) -> str:
    """The text the SQL client prints for `result`, without a trailing newline. A result kind
    this module does not know yet renders as its repr rather than failing the statement."""
    if isinstance(result, StatusResult):
        return message(result.level, result.message, color=color)
    if isinstance(result, TableResult):
        # Statements' own tables (SHOW JOBS, SHOW FUNCTIONS, DESCRIBE) are never cut, as Flink's
        # client prints them with no maximum width: a job id shown must paste into STOP JOB.
        return render_table(result, max_width=sys.maxsize, time_zone=time_zone)
    if isinstance(result, TextResult | HelpResult):
        return result.text.rstrip("\n")
    if isinstance(result, JobSubmittedResult):
        return "\n".join(
            [
                message("INFO", MESSAGE_SUBMITTING, color=color),
                message("INFO", MESSAGE_SUBMITTED, color=color),
                f"Job ID: {result.job_id}",
                "",
            ]
        )
    if isinstance(result, QuitResult):
        return message("INFO", MESSAGE_QUIT, color=color)
    if isinstance(result, ClearResult):
        return CLEAR_SCREEN if color else ""
    return repr(result)
