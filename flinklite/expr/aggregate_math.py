"""Numeric building blocks of the aggregate functions: Java integer overflow, FLOAT rounding,
exact DECIMAL sums and averages, and Welford's running moments for STDDEV / VARIANCE."""

from __future__ import annotations

import struct
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import ExecutionError

# Decimal sums are exact up to 38 digits; Python's default context keeps only 28.
DECIMAL_CONTEXT = Context(prec=100)
WRAP_BITS = {T.TINYINT: 8, T.SMALLINT: 16, T.INTEGER: 32, T.BIGINT: 64}


def wrap(bits: int):
    """Java's two's-complement overflow; sums wrap at the end because addition is modular."""
    half, full = 1 << (bits - 1), 1 << bits

    def wrap(x: int) -> int:
        return x if -half <= x < half else ((x + half) % full) - half

    return wrap


def f32(x: float) -> float:
    """Round a double to Java float precision (FLOAT sums accumulate in float)."""
    return struct.unpack("f", struct.pack("f", x))[0]


def idiv(a: int, b: int) -> int:
    """Java integer division: truncates toward zero."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def decimal_sum(precision_scale: tuple[int, int]):
    precision, scale = precision_scale
    limit = Decimal(10) ** (precision - scale)

    def finish(total: Decimal) -> Decimal | None:
        # Flink's decimal SUM yields NULL when the sum no longer fits DECIMAL(38, s).
        return None if abs(total) >= limit else total

    return finish


def decimal_avg(scale: int):
    """sum / count rounded half up to `scale` digits, computed exactly on unscaled integers."""

    def avg(total: Decimal, count: int) -> Decimal:
        sign, digits, exponent = total.as_tuple()
        unscaled = int("".join(map(str, digits)) or "0")
        shift = scale + exponent  # exponent is -(scale of the sum)
        numerator = unscaled * 10**shift if shift >= 0 else unscaled
        denominator = count if shift >= 0 else count * 10**-shift
        q, r = divmod(numerator, denominator)
        if 2 * r >= denominator:
            q += 1
        return Decimal((1 if sign and q else 0, tuple(map(int, str(q))), -scale))

    return avg


def remove_first(values: list, x: Any) -> None:
    try:
        values.remove(x)
    except ValueError:
        pass  # a retraction of a value never accumulated is ignored, as Flink does


def extremum(counts: dict, pick) -> Any:
    alive = [k for k, n in counts.items() if n > 0]
    return pick(alive) if alive else None


def insert_only(name: str):
    def fail(*_args: Any) -> None:
        raise ExecutionError(f"{name} was planned for insert-only input but received a retraction")

    return fail


def single_value_error() -> None:
    raise ExecutionError("SingleValueAggFunction received more than one element.")


def welford_add(acc: list, s: int, x: Any) -> None:
    n = acc[s] + 1
    mean = acc[s + 1]
    delta = x - mean
    mean += delta / n
    acc[s], acc[s + 1], acc[s + 2] = n, mean, acc[s + 2] + delta * (x - mean)


def welford_sub(acc: list, s: int, x: Any) -> None:
    """The inverse step of welford_add (a retraction)."""
    n = acc[s] - 1
    if n <= 0:
        acc[s], acc[s + 1], acc[s + 2] = n, 0.0, 0.0
        return
    mean = acc[s + 1]
    previous = (mean * (n + 1) - x) / n
    acc[s], acc[s + 1], acc[s + 2] = n, previous, acc[s + 2] - (x - previous) * (x - mean)


def welford_merge(acc: list, other: list, s: int) -> None:
    """Chan's combination of two running moments (session window merges)."""
    n1, n2 = acc[s], other[s]
    if n2 == 0:
        return
    if n1 == 0:
        acc[s], acc[s + 1], acc[s + 2] = n2, other[s + 1], other[s + 2]
        return
    n = n1 + n2
    delta = other[s + 1] - acc[s + 1]
    acc[s + 1] += delta * n2 / n
    acc[s + 2] += other[s + 2] + delta * delta * n1 * n2 / n
    acc[s] = n


def java_double_to_integer(value: float, root: str) -> int:
    """Java's cast of a double to an integer type: NaN is 0, out-of-range values saturate at the
    int (long for BIGINT) range, and a narrower type then wraps, as `(byte) d` does."""
    if value != value:
        return 0
    bits = 64 if root == T.BIGINT else 32
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    result = hi if value >= hi else lo if value <= lo else int(value)
    return wrap(WRAP_BITS[root])(result) if WRAP_BITS[root] < bits else result


def variance(t: DataType, population: bool, root: bool):
    integer = t.root in T.INTEGER_NUMERIC

    def finish(count: int, spread: float) -> Any:
        if count <= 0 or (not population and count == 1):
            return None
        result = spread / (count if population else count - 1)
        if root:
            result = result**0.5 if result > 0 else 0.0
        if integer:
            # Flink computes the moments in DOUBLE and casts the result back, saturating.
            return java_double_to_integer(result, t.root)
        return f32(result) if t.root == T.FLOAT else result

    return finish


def decimal_variance(t: DataType, population: bool, root: bool):
    quantum = Decimal(1).scaleb(-(t.scale or 0))
    ctx = DECIMAL_CONTEXT

    def finish(total: Decimal, squares: Decimal, count: int) -> Decimal | None:
        if count <= 0 or (not population and count == 1):
            return None
        spread = ctx.subtract(squares, ctx.divide(ctx.multiply(total, total), count))
        result = ctx.divide(spread, count if population else count - 1)
        if root:
            result = Decimal(repr(float(result) ** 0.5)) if result > 0 else Decimal(0)
        return result.quantize(quantum, rounding=ROUND_HALF_UP, context=ctx)

    return finish
