"""Turns a flinklite changelog into the JSON form the flink-oracle writes, and compares two.

Rendering follows the oracle's collector (flink-oracle/java/flinkref/Collect.java): integers and
doubles are JSON numbers, DECIMAL a string keeping its scale, TIMESTAMP 'YYYY-MM-DD HH:MM:SS.fff'
(6 or 9 fraction digits only when the sub-millisecond digits are not zero, whatever the declared
precision), TIMESTAMP_LTZ the same in the session zone, DATE 'YYYY-MM-DD', TIME 'HH:MM:SS' with a
fraction only when not zero, bytes lowercase hex, ROW/ARRAY JSON arrays, MAP/MULTISET objects.
Comparison modes: `raw` (the exact changelog), `fold` (the final multiset after applying
retractions, as flink-oracle/materialize.py folds) and `multiset` (same changes, any order).
"""

from __future__ import annotations

import collections
import datetime as dt
import difflib
import json
import math
import struct
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from flinklite.catalog import types as T

Encoder = Callable[[Any], Any]

_EPOCH = dt.datetime(1970, 1, 1)
_NANOS_PER_DAY = 86_400 * 10**9


def _frac(nanos: int, millis_always: bool) -> str:
    if nanos == 0 and not millis_always:
        return ""
    if nanos % 1_000_000 == 0:
        return f".{nanos // 1_000_000:03d}"
    if nanos % 1_000 == 0:
        return f".{nanos // 1_000:06d}"
    return f".{nanos:09d}"


def render_timestamp(epoch_nanos: int) -> str:
    """A TIMESTAMP value (epoch nanoseconds of wall-clock time) as the oracle writes it."""
    seconds, nanos = divmod(epoch_nanos, 10**9)
    return _wall_clock(_EPOCH + dt.timedelta(seconds=seconds)) + _frac(nanos, True)


def render_timestamp_ltz(epoch_nanos: int, zone: ZoneInfo) -> str:
    """A TIMESTAMP_LTZ value (an instant in epoch nanoseconds) as wall-clock time in `zone`."""
    seconds, nanos = divmod(epoch_nanos, 10**9)
    utc = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)
    return _wall_clock(utc.astimezone(zone)) + _frac(nanos, True)


def _wall_clock(t: dt.datetime) -> str:
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d}"


def render_date(days: int) -> str:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=days)).isoformat()


def render_time(nanos_of_day: int) -> str:
    seconds, nanos = divmod(nanos_of_day % _NANOS_PER_DAY, 10**9)
    h, rem = divmod(seconds, 3600)
    return f"{h:02d}:{rem // 60:02d}:{rem % 60:02d}" + _frac(nanos, False)


def render_double(v: float) -> float | str:
    """Java prints NaN and the infinities as strings; the oracle quotes them."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def render_float(v: float) -> float | str:
    """A FLOAT as Java's Float.toString shows it: the shortest decimal naming the same float32."""
    special = render_double(v)
    if isinstance(special, str):
        return special
    bits = struct.pack(">f", v)
    for digits in range(1, 10):
        text = f"{v:.{digits}g}"
        if struct.pack(">f", float(text)) == bits:
            return float(text)
    return v


def render_day_time_interval(millis: int) -> str:
    """java.time.Duration.toString() of a day-time interval, e.g. PT1H30M, PT0.5S."""
    if millis == 0:
        return "PT0S"
    sign = "-" if millis < 0 else ""
    total = abs(millis)
    hours, rem = divmod(total, 3_600_000)
    minutes, rem = divmod(rem, 60_000)
    secs, ms = divmod(rem, 1000)
    out = "PT"
    if hours:
        out += f"{sign}{hours}H"
    if minutes:
        out += f"{sign}{minutes}M"
    if secs or ms:
        out += f"{sign}{secs}" + (f".{ms:03d}".rstrip("0") if ms else "") + "S"
    return out


def render_year_month_interval(months: int) -> str:
    """java.time.Period.toString() of a year-month interval, e.g. P1Y2M."""
    if months == 0:
        return "P0D"
    years, rest = divmod(abs(months), 12)
    sign = "-" if months < 0 else ""
    return "P" + (f"{sign}{years}Y" if years else "") + (f"{sign}{rest}M" if rest else "")


def encoder_for(t: T.DataType, zone: ZoneInfo) -> Encoder:
    """A function rendering one value of type `t` (None stays None), built once per column."""
    root = t.root
    if root in T.INTEGER_NUMERIC or root in T.CHARACTER_STRING or root == T.BOOLEAN:
        return _identity
    if root == T.DOUBLE:
        return _nullable(render_double)
    if root == T.FLOAT:
        return _nullable(render_float)
    if root == T.DECIMAL:
        return _nullable(lambda v: format(v, "f") if isinstance(v, Decimal) else v)
    if root == T.TIMESTAMP:
        return _nullable(render_timestamp)
    if root == T.TIMESTAMP_LTZ:
        return _nullable(lambda v: render_timestamp_ltz(v, zone))
    if root == T.DATE:
        return _nullable(render_date)
    if root == T.TIME:
        return _nullable(render_time)
    if root in T.BINARY_STRING:
        return _nullable(lambda v: bytes(v).hex())
    if root == T.INTERVAL_DAY_TIME:
        return _nullable(render_day_time_interval)
    if root == T.INTERVAL_YEAR_MONTH:
        return _nullable(render_year_month_interval)
    if root == T.ARRAY:
        element = encoder_for(t.elements[0], zone)
        return _nullable(lambda v: [element(x) for x in v])
    if root == T.ROW:
        fields = [encoder_for(f.type, zone) for f in t.fields]
        return _nullable(lambda v: [enc(x) for enc, x in zip(fields, v, strict=True)])
    if root in (T.MAP, T.MULTISET):
        key = encoder_for(t.elements[0], zone)
        value = encoder_for(t.elements[1], zone) if root == T.MAP else _identity
        return _nullable(lambda v: {_map_key(key(k)): value(x) for k, x in v.items()})
    return _nullable(str)


def _identity(v: Any) -> Any:
    return v


def _nullable(fn: Encoder) -> Encoder:
    return lambda v: None if v is None else fn(v)


def _map_key(k: Any) -> str:
    return k if isinstance(k, str) else json.dumps(k)


def encode_changes(
    fields: Sequence[T.RowField],
    changes: Iterable[tuple[str, Sequence[Any]]],
    zone: str = "UTC",
) -> list[str]:
    """flinklite's (kind, row) changes as the oracle's JSON lines, without newlines."""
    tz = ZoneInfo(zone)
    encoders = [encoder_for(f.type, tz) for f in fields]
    out = []
    for kind, row in changes:
        values = [enc(v) for enc, v in zip(encoders, row, strict=True)]
        out.append(json.dumps({"op": kind, "row": values}, ensure_ascii=False))
    return out


def normalize_lines(lines: Iterable[str]) -> list[str]:
    """Re-serializes JSON lines so that equal values print equally (Java writes 1.0E20, Python
    1e+20; both read back as the same float)."""
    return [json.dumps(json.loads(line), ensure_ascii=False) for line in lines if line.strip()]


def fold(changes: Iterable[tuple[str, Any]]) -> list[str]:
    """The final multiset of a changelog: +I/+U add a row, -U/-D remove one, matched by value."""
    counts: collections.Counter[str] = collections.Counter()
    for kind, row in changes:
        counts[json.dumps(row, ensure_ascii=False)] += 1 if kind in ("+I", "+U") else -1
    return sorted(row for row, n in counts.items() for _ in range(max(n, 0)))


def comparable(lines: list[str], mode: str) -> list[str]:
    """What is compared under `mode`, as lines a diff can show."""
    norm = normalize_lines(lines)
    if mode == "raw":
        return norm
    if mode == "multiset":
        return sorted(norm)
    if mode == "fold":
        parsed = [json.loads(line) for line in norm]
        return fold((o["op"], o["row"]) for o in parsed)
    raise ValueError(f"unknown compare mode {mode!r}")


def diff_message(
    expected: list[str], actual: list[str], mode: str, context: int = 12
) -> str | None:
    """None when equal, else a short explanation with the first differing lines."""
    if expected == actual:
        return None
    head = f"{mode} comparison: Flink gave {len(expected)} lines, flinklite {len(actual)}"
    first = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    lines = list(difflib.unified_diff(expected, actual, "flink", "flinklite", n=2, lineterm=""))
    shown = lines[:context]
    more = len(lines) - len(shown)
    tail = [f"... {more} more diff lines"] if more > 0 else []
    return "\n".join([head, f"first difference at line {first + 1}", *shown, *tail])
