"""The 'datagen' connector's generator: random or sequence values per column, at a rate.

Sequences count from `start` to `end` exactly as Flink's SequenceGenerator does (and end the
source); random values follow Flink's RandomGeneratorVisitor (types, ranges, lengths, null
rate), though not its random numbers."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import ExecutionError
from flinklite.expr.literals import FrozenMap
from flinklite.formats.text_codec import NANOS_PER_DAY, to_float32
from flinklite.runtime.connector import BATCH_SIZE, ScanSpec, Source, Split
from flinklite.runtime.operator import RuntimeContext
from flinklite.runtime.rows import NANOS_PER_MILLI, Row

_INT_LIMITS = {
    T.TINYINT: (-(2**7), 2**7 - 1),
    T.SMALLINT: (-(2**15), 2**15 - 1),
    T.INTEGER: (-(2**31), 2**31 - 1),
    T.BIGINT: (-(2**63), 2**63 - 1),
    T.INTERVAL_YEAR_MONTH: (0, 120000),
    T.INTERVAL_DAY_TIME: (-(2**63), 2**63 - 1),
}
_DOUBLE_MIN, _DOUBLE_MAX = 5e-324, 1.7976931348623157e308  # Double.MIN_VALUE / MAX_VALUE
_FLOAT_MIN, _FLOAT_MAX = 1.401298464324817e-45, 3.4028234663852886e38
_HEX = "0123456789abcdef"


def _opt(options: dict[str, Any], column: str, name: str, default: Any = None) -> Any:
    value = options.get(f"fields.{column}.{name}")
    return default if value is None else value


def _sequence(t: DataType, start: Any, end: Any) -> tuple[Callable[[int], Any], int]:
    """The i-th value of a sequence column and how many values it has."""
    first, last = int(start), int(end)
    if last < first:
        raise ExecutionError(f"The sequence end {end} must not be smaller than its start {start}.")
    root = t.root
    if root in T.CHARACTER_STRING:
        return (lambda i: str(first + i)), last - first + 1
    if root in (T.DOUBLE,):
        return (lambda i: float(first + i)), last - first + 1
    if root == T.FLOAT:
        return (lambda i: to_float32(float(first + i))), last - first + 1
    if root == T.DECIMAL:
        return (lambda i: Decimal(first + i).quantize(Decimal(1).scaleb(-(t.scale or 0)))), (
            last - first + 1
        )
    if root in _INT_LIMITS:
        return (lambda i: first + i), last - first + 1
    raise ExecutionError(f"Unsupported type for a sequence generator: {t.summary()}")


def _random(t: DataType, options: dict[str, Any], column: str, rng: random.Random) -> Callable:
    """A generator of random values of type t, with the column's options."""
    root = t.root
    if root == T.BOOLEAN:
        return lambda: rng.random() < 0.5
    if root in T.CHARACTER_STRING:
        length = t.length if root == T.CHAR else _opt(options, column, "length", t.length)
        if length is None or length == T.MAX_LENGTH:
            length = 100
        var_len = bool(_opt(options, column, "var-len", False))

        def text() -> str:
            n = rng.randrange(1, length) if var_len and length > 1 else length
            return "".join(rng.choices(_HEX, k=n))

        return text
    if root in T.BINARY_STRING:
        length = t.length if root == T.BINARY else _opt(options, column, "length", t.length)
        if length is None or length == T.MAX_LENGTH:
            length = 100
        var_len = bool(_opt(options, column, "var-len", False))
        return lambda: rng.randbytes(rng.randrange(1, length) if var_len and length > 1 else length)
    if root in _INT_LIMITS:
        low, high = _INT_LIMITS[root]
        low, high = int(_opt(options, column, "min", low)), int(_opt(options, column, "max", high))
        return lambda: rng.randint(low, high)
    if root in (T.DOUBLE, T.FLOAT):
        wide = root == T.DOUBLE
        low = float(_opt(options, column, "min", _DOUBLE_MIN if wide else _FLOAT_MIN))
        high = float(_opt(options, column, "max", _DOUBLE_MAX if wide else _FLOAT_MAX))
        if wide:
            return lambda: rng.uniform(low, high)
        return lambda: to_float32(rng.uniform(low, high))
    if root == T.DECIMAL:
        precision, scale = t.precision or 10, t.scale or 0
        bound = float(10 ** (precision - scale)) - 10.0**-scale
        low = max(float(_opt(options, column, "min", _DOUBLE_MIN)), -bound)
        high = min(float(_opt(options, column, "max", _DOUBLE_MAX)), bound)
        exponent = Decimal(1).scaleb(-scale)
        return lambda: Decimal(repr(rng.uniform(low, high))).quantize(exponent, ROUND_HALF_UP)
    if root in T.TIMESTAMPS:
        max_past = _opt(options, column, "max-past", None)
        past_ms = int(max_past.total_seconds() * 1000) if max_past is not None else 0

        def timestamp() -> int:
            past = rng.randrange(past_ms) if past_ms > 0 else 0
            return (time.time_ns() // NANOS_PER_MILLI - past) * NANOS_PER_MILLI

        return timestamp
    if root == T.DATE:
        return lambda: time.time_ns() // NANOS_PER_DAY
    if root == T.TIME:
        return lambda: (time.time_ns() % NANOS_PER_DAY) // NANOS_PER_MILLI * NANOS_PER_MILLI
    if root in (T.ARRAY, T.MULTISET, T.MAP):
        size = int(_opt(options, column, "length", 3))
        element = _random(t.elements[0], options, column + ".element", rng)
        if root == T.ARRAY:
            return lambda: tuple(element() for _ in range(size))
        if root == T.MULTISET:
            return lambda: FrozenMap({element(): rng.randint(0, 10) for _ in range(size)})
        key = _random(t.elements[0], options, column + ".key", rng)
        value = _random(t.elements[1], options, column + ".value", rng)
        return lambda: FrozenMap({key(): value() for _ in range(size)})
    if root == T.ROW:
        parts = [_random(f.type, options, f"{column}.{f.name}", rng) for f in t.fields]
        return lambda: tuple(p() for p in parts)
    raise ExecutionError(f"Unsupported type: {t.summary()}")


def _with_nulls(make: Callable, rate: float, rng: random.Random) -> Callable:
    if not rate:
        return make
    return lambda: None if rng.random() < rate else make()


class _DataGenSplit(Split):
    name = "datagen"

    def __init__(self, source: DataGenSource) -> None:
        self.source = source
        self.emitted = (source.restored or {}).get(self.name) or 0  # sequences go on
        self.resumed_at = self.emitted  # the rate counts rows from the (re)start
        self.started: float | None = None

    def position(self) -> Any:
        return self.emitted

    def poll(self) -> list[Row] | None:
        src = self.source
        remaining = None if src.total is None else src.total - self.emitted
        if remaining is not None and remaining <= 0:
            return None
        now = time.monotonic()
        if self.started is None:
            self.started = now
        # Rows due by now at the configured rate; [] tells the job to come back later.
        due = int((now - self.started) * src.rate) + 1 - (self.emitted - self.resumed_at)
        count = min(BATCH_SIZE, due if remaining is None else min(due, remaining))
        if count <= 0:
            return []
        rows = [src.make_row(self.emitted + i) for i in range(count)]
        self.emitted += count
        return rows


class DataGenSource(Source):
    """Flink's 'datagen' source. Bounded when 'number-of-rows' is set or a column is a
    sequence (the shortest sequence ends it)."""

    def __init__(self, spec: ScanSpec) -> None:
        self.spec = spec
        options = spec.options
        self.rate = max(1, int(options.get("rows-per-second") or 10000))
        rng = random.Random()
        columns = []
        limits = []
        # Sequences of every physical column count toward the end, projected or not.
        for f in spec.all_physical:
            if options.get(f"fields.{f.name}.kind", "random") == "sequence":
                value, count = _sequence(
                    f.type, options[f"fields.{f.name}.start"], options[f"fields.{f.name}.end"]
                )
                limits.append(count)
                if f in spec.physical:
                    columns.append((f.name, value, True))
        for f in spec.physical:
            if options.get(f"fields.{f.name}.kind", "random") != "sequence":
                rate = float(_opt(options, f.name, "null-rate", 0.0))
                make = _with_nulls(_random(f.type, options, f.name, rng), rate, rng)
                columns.append((f.name, make, False))
        order = {f.name: i for i, f in enumerate(spec.physical)}
        columns.sort(key=lambda c: order[c[0]])
        number = options.get("number-of-rows")
        if number is not None:
            limits.append(int(number))
        self.total: int | None = min(limits) if limits else None
        self.bounded = self.total is not None
        self.columns = [(fn, seq) for _, fn, seq in columns]

    def make_row(self, index: int) -> Row:
        return tuple(fn(index) if seq else fn() for fn, seq in self.columns)

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)

    def splits(self) -> list[Split]:
        return [_DataGenSplit(self)]
