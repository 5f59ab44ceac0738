"""Numbers as Flink's generated Java code computes them: integer wrap-around, truncating
division, DECIMAL rounding to a type's scale (overflow gives NULL), and the math functions."""

from __future__ import annotations

import math
import random
import struct
from collections.abc import Callable
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
)
from typing import Any

from flinklite.catalog import types as T
from flinklite.errors import ExecutionError

# Exact arithmetic: wide enough that no DECIMAL(38, s) operation ever rounds before the
# result is fitted to its type.
EXACT = Context(prec=120, rounding=ROUND_HALF_UP, Emax=999999, Emin=-999999)
_WIDE = Context(prec=1000, rounding=ROUND_HALF_UP, Emax=999999, Emin=-999999)
# BigDecimal division in Flink (DecimalDataUtils.divide) works to 38 significant digits.
DIVIDE = Context(prec=38, rounding=ROUND_HALF_UP, Emax=999999, Emin=-999999)

INT_BITS = {T.TINYINT: 8, T.SMALLINT: 16, T.INTEGER: 32, T.BIGINT: 64}
INT_RANGE = {root: (-(1 << (b - 1)), (1 << (b - 1)) - 1) for root, b in INT_BITS.items()}


def wrap(value: int, bits: int) -> int:
    """Java's two's complement: the low `bits` bits of an integer, as a signed number."""
    half = 1 << (bits - 1)
    return ((value + half) & ((1 << bits) - 1)) - half


def wrapper(root: str) -> Callable[[int], int]:
    bits = INT_BITS[root]
    return lambda v: wrap(v, bits)


def division_by_zero() -> ExecutionError:
    return ExecutionError("java.lang.ArithmeticException: / by zero")


def int_div(a: int, b: int) -> int:
    """Java's integer `/`: truncates toward zero; dividing by zero fails the job."""
    if b == 0:
        raise division_by_zero()
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def int_mod(a: int, b: int) -> int:
    """Java's integer `%`: the sign of the dividend."""
    if b == 0:
        raise division_by_zero()
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def float_div(a: float, b: float) -> float:
    """IEEE division as Java does it: x / 0.0 is ±Infinity, 0.0 / 0.0 is NaN."""
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0 or a != a:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def to_float32(x: float) -> float:
    """A double rounded to the nearest Java float (FLOAT values are kept as Python floats)."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


# --- DECIMAL ---------------------------------------------------------------------------------


def decimal_fitter(precision: int, scale: int) -> Callable[[Decimal], Decimal | None]:
    """Flink's DecimalData.fromBigDecimal: round HALF_UP to `scale`, NULL when the value needs
    more than `precision` digits."""
    exponent = Decimal(1).scaleb(-scale)
    limit = Decimal(10) ** (precision - scale)

    def fit(value: Decimal) -> Decimal | None:
        if value and value.adjusted() > precision - scale:
            return None  # far too large: quantizing it would exceed the context's digits
        q = value.quantize(exponent, ROUND_HALF_UP, EXACT)
        if not q:
            return q.copy_abs()  # BigDecimal has no negative zero
        return None if abs(q) >= limit else q

    return fit


def to_decimal(value: Any) -> Decimal:
    """An int, float or Decimal as a Decimal; floats go through their shortest text as
    Java's BigDecimal.valueOf(double) does."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            raise InvalidOperation
        return Decimal(repr(value))
    return Decimal(value)


def decimal_divide(a: Decimal | int, b: Decimal | int) -> Decimal:
    try:
        return DIVIDE.divide(Decimal(a), Decimal(b))
    except (DivisionByZero, InvalidOperation):
        raise ExecutionError("java.lang.ArithmeticException: Division by zero") from None


def decimal_mod(a: Decimal | int, b: Decimal | int) -> Decimal:
    try:
        return EXACT.remainder(Decimal(a), Decimal(b))
    except (DivisionByZero, InvalidOperation):
        raise ExecutionError("java.lang.ArithmeticException: Division by zero") from None


# --- rounding functions ------------------------------------------------------------------------


def _round_decimal(value: Decimal, digits: int, mode: str) -> Decimal:
    # Wide enough for any double (1e308 to 2 places needs 311 digits); EXACT's 120 is not.
    return value.quantize(Decimal(1).scaleb(-digits), mode, _WIDE)


def rounder(root: str, mode: str, result_scale: int | None) -> Callable[..., Any]:
    """ROUND (HALF_UP) / TRUNCATE (DOWN) of a value of type `root` to n digits
    (SqlFunctionUtils.sround / struncate): doubles go through BigDecimal.valueOf."""
    if root == T.DECIMAL:

        def round_dec(value: Decimal, digits: int = 0) -> Decimal:
            out = _round_decimal(value, digits, mode)
            out = out if digits >= 0 else out.quantize(Decimal(1), mode, EXACT)
            return out.copy_abs() if not out else out  # BigDecimal has no negative zero

        return round_dec
    if root in (T.DOUBLE, T.FLOAT):

        def round_float(value: float, digits: int = 0) -> float:
            if value != value or value in (math.inf, -math.inf):
                return value
            # via BigDecimal, which has no negative zero: ROUND(-1e-5, 0) is 0.0
            out = float(_round_decimal(Decimal(repr(value)), digits, mode)) + 0.0
            return to_float32(out) if root == T.FLOAT else out

        return round_float
    bits = INT_BITS[root]

    def round_int(value: int, digits: int = 0) -> int:
        if digits >= 0:
            return value
        return wrap(int(_round_decimal(Decimal(value), digits, mode)), bits)

    return round_int


ROUND_HALF_UP_MODE = ROUND_HALF_UP
TRUNCATE_MODE = ROUND_DOWN


def floor_ceil(root: str, ceil: bool) -> Callable[[Any], Any]:
    if root == T.DECIMAL:
        mode = ROUND_CEILING if ceil else ROUND_FLOOR
        return lambda v: v.quantize(Decimal(1), mode, EXACT)
    if root in (T.DOUBLE, T.FLOAT):
        op = math.ceil if ceil else math.floor

        def f(v: float) -> float:
            if v != v or v in (math.inf, -math.inf):
                return v
            return float(op(v))

        return f
    return lambda v: v


def sign(root: str) -> Callable[[Any], Any]:
    if root == T.DECIMAL:
        # DecimalDataUtils.sign keeps the operand's scale: SIGN(12.35) is 1.00.
        return lambda v: (
            Decimal(int(v > 0) - int(v < 0))
            .scaleb(0)
            .quantize(
                Decimal(1).scaleb(v.as_tuple().exponent)  # type: ignore[arg-type]
            )
        )
    if root in (T.DOUBLE, T.FLOAT):
        return lambda v: v if v != v or v == 0 else math.copysign(1.0, v)
    return lambda v: (v > 0) - (v < 0)


def abs_fn(root: str) -> Callable[[Any], Any]:
    if root in INT_BITS:
        bits = INT_BITS[root]
        return lambda v: wrap(abs(v), bits)
    return abs


# --- functions of doubles ------------------------------------------------------------------------


def _java(fn: Callable[..., float]) -> Callable[..., float]:
    """A math function that gives NaN / ±Infinity where Java's Math does, instead of raising."""

    def call(*args: Any) -> float:
        xs = [float(a) for a in args]
        try:
            return fn(*xs)
        except (ValueError, ZeroDivisionError):
            return _java_special(fn, xs)
        except OverflowError:
            return math.inf

    return call


def _java_special(fn: Callable[..., float], xs: list[float]) -> float:
    if fn in (math.log, math.log10, math.log2) and xs[0] == 0:
        return -math.inf
    return math.nan


def _pow(a: float, b: float) -> float:
    try:
        return math.pow(a, b)
    except (ZeroDivisionError, ValueError):
        if a == 0 and b < 0:
            return math.inf  # 0 ** negative
        return math.nan
    except OverflowError:
        return math.inf if a > 0 or float(b).is_integer() and b % 2 == 0 else -math.inf


def _log(*xs: float) -> float:
    if len(xs) == 1:
        return math.log(xs[0])
    return float_div(math.log(xs[1]), math.log(xs[0]))


def _cot(x: float) -> float:
    return 1.0 / math.tan(x)


DOUBLE_FUNCTIONS: dict[str, Callable[..., float]] = {
    "SQRT": _java(math.sqrt),
    "LN": _java(math.log),
    "LOG10": _java(math.log10),
    "LOG2": _java(math.log2),
    "LOG": _java(_log),
    "EXP": _java(math.exp),
    "POWER": lambda a, b: _pow(float(a), float(b)),
    "SIN": _java(math.sin),
    "COS": _java(math.cos),
    "TAN": _java(math.tan),
    "COT": _java(_cot),
    "ASIN": _java(math.asin),
    "ACOS": _java(math.acos),
    "ATAN": _java(math.atan),
    "ATAN2": _java(math.atan2),
    "SINH": _java(math.sinh),
    "COSH": _java(math.cosh),
    "TANH": _java(math.tanh),
    "DEGREES": _java(math.degrees),
    "RADIANS": _java(math.radians),
}


# --- random numbers ------------------------------------------------------------------------------


class JavaRandom:
    """java.util.Random's generator, so RAND(seed) gives Flink's sequence for a seed."""

    _MULT, _ADD, _MASK = 0x5DEECE66D, 0xB, (1 << 48) - 1

    def __init__(self, seed: int) -> None:
        self._seed = (seed ^ self._MULT) & self._MASK

    def _next(self, bits: int) -> int:
        self._seed = (self._seed * self._MULT + self._ADD) & self._MASK
        value = self._seed >> (48 - bits)
        # Java returns (int) of it: only a 32-bit draw can come out negative.
        return value - (1 << 32) if bits == 32 and value >= 1 << 31 else value

    def next_double(self) -> float:
        return (((self._next(26) & 0x3FFFFFF) << 27) + (self._next(27) & 0x7FFFFFF)) * 2.0**-53

    def next_int(self, bound: int) -> int:
        if bound <= 0:
            raise ExecutionError("java.lang.IllegalArgumentException: bound must be positive")
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < (1 << 31):
                return r
            u = self._next(31)


def rand_function(seeded: bool) -> Callable[..., float]:
    if not seeded:
        return lambda: random.random()
    generators: dict[int, JavaRandom] = {}

    def rand(seed: int) -> float:
        gen = generators.get(seed)
        if gen is None:
            gen = generators[seed] = JavaRandom(seed)
        return gen.next_double()

    return rand


def rand_integer_function(seeded: bool) -> Callable[..., int]:
    if not seeded:

        def rand_int(bound: int) -> int:
            if bound <= 0:
                raise ExecutionError("java.lang.IllegalArgumentException: bound must be positive")
            return random.randrange(bound)

        return rand_int
    generators: dict[int, JavaRandom] = {}

    def rand_int_seeded(seed: int, bound: int) -> int:
        gen = generators.get(seed)
        if gen is None:
            gen = generators[seed] = JavaRandom(seed)
        return gen.next_int(bound)

    return rand_int_seeded
