"""CAST and TRY_CAST between Flink types at run time: one Python function per (source, target)
pair, chosen once per query, with Flink 2.3's parsing, rounding, overflow and text forms."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import ExecutionError, UnsupportedError
from flinklite.expr import runtime_math as M
from flinklite.expr import runtime_time as RT

Caster = Callable[[Any], Any]

_LONG_MIN, _LONG_MAX = M.INT_RANGE[T.BIGINT]


# --- numbers as Java prints them -------------------------------------------------------------------


def _java_float_text(digits: str, exponent: int, negative: bool) -> str:
    """Java's Double.toString layout for significant `digits` with decimal exponent `exponent`
    (value = 0.d1d2... * 10**exponent)."""
    sign = "-" if negative else ""
    if -3 < exponent <= 7:
        if exponent <= 0:
            return f"{sign}0.{'0' * -exponent}{digits}"
        whole = digits[:exponent].ljust(exponent, "0")
        frac = digits[exponent:] or "0"
        return f"{sign}{whole}.{frac}"
    frac = digits[1:] or "0"
    return f"{sign}{digits[0]}.{frac}E{exponent - 1}"


def _special(x: float) -> str | None:
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    return None


def _digits(text: str) -> tuple[str, int]:
    """(significant digits, exponent) of a positive number written as 'd.ddde±n'."""
    mantissa, _, exp = text.partition("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return digits, int(exp) + 1


def double_to_string(x: float) -> str:
    """Java's Double.toString: 1.0E10, 0.001, 1.0E-4, 100.0."""
    special = _special(x)
    if special is not None:
        return special
    exact = _integral_digits(x)
    digits, exponent = exact if exact else _digits(_shortest(abs(x)))
    return _java_float_text(digits, exponent, x < 0)


def _integral_digits(x: float) -> tuple[str, int] | None:
    """Java's FloatingDecimal prints a whole number below 2**63 with all its exact digits
    (Float.toString(123456792f) is 1.23456792E8, not the shortest 1.2345679E8)."""
    ax = abs(x)
    if ax >= 2**63 or not ax.is_integer():
        return None
    text = str(int(ax))
    return text.rstrip("0") or "0", len(text)


def _shortest(x: float) -> str:
    text = repr(x)
    if "e" in text or "E" in text:
        mantissa, _, exp = text.lower().partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return f"{mantissa}e{exp}"
    return f"{Decimal(text):.{len(text)}e}"


def float_to_string(x: float) -> str:
    """Java's Float.toString: the shortest digits that read back as the same float."""
    special = _special(x)
    if special is not None:
        return special
    exact = _integral_digits(x)
    if exact:
        return _java_float_text(exact[0], exact[1], x < 0)
    ax = abs(x)
    for places in range(0, 10):
        text = f"{ax:.{places}e}"
        if M.to_float32(float(text)) == ax:
            digits, exponent = _digits(text)
            return _java_float_text(digits, exponent, x < 0)
    return double_to_string(x)


def decimal_to_string(d: Decimal) -> str:
    return f"{d:f}"


# --- strings to other types ------------------------------------------------------------------------


def _number_error(text: str, reason: str = "Invalid character found.") -> ExecutionError:
    # Flink 2.3's BinaryStringDataUtil words it so: "For input string: 'abc'. Invalid character found."
    return ExecutionError(f"java.lang.NumberFormatException: For input string: '{text}'. {reason}")


def _parse_long(text: str) -> int:
    """BinaryStringDataUtil.toLong: trimmed, optional sign, digits; a fraction is cut off."""
    s = text.strip()
    if not s:
        raise _number_error(text, "Input is empty.")
    body = s[1:] if s[:1] in "+-" else s
    whole, dot, frac = body.partition(".")
    if (
        not whole
        and not frac
        or not (whole.isdigit() or not whole)
        or (frac and not frac.isdigit())
    ):
        raise _number_error(text)
    if not whole.isascii() or not frac.isascii():
        raise _number_error(text)
    value = int(whole or "0")
    return -value if s[:1] == "-" else value


def _string_to_integer(root: str) -> Caster:
    lo, hi = M.INT_RANGE[root]

    def cast(text: str) -> int:
        value = _parse_long(text)
        if not lo <= value <= hi:
            raise _number_error(text, "Overflow.")
        return value

    return cast


def _parse_double(text: str) -> float:
    s = text.strip()
    core = s[:-1] if s[-1:] in "dDfF" and not s.lower().endswith("inf") else s
    if core.lstrip("+-") in ("NaN", "Infinity"):
        return float(core.replace("Infinity", "inf"))
    lowered = core.lower()
    if not core or "inf" in lowered or "nan" in lowered or "_" in core:
        raise ExecutionError(f'java.lang.NumberFormatException: For input string: "{text}"')
    try:
        return float(core)
    except ValueError:
        # Double.parseDouble's message quotes with double quotes.
        raise ExecutionError(
            f'java.lang.NumberFormatException: For input string: "{text}"'
        ) from None


def _string_to_decimal(p: int, s: int) -> Caster:
    fit = M.decimal_fitter(p, s)

    def cast(text: str) -> Decimal | None:
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            raise _number_error(text, "Overflow.") from None
        fitted = fit(value) if value.is_finite() else None
        if fitted is None:  # Flink's cast fails where DecimalData would be NULL
            raise _number_error(text, "Overflow.")
        return fitted

    return cast


_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})


def _string_to_boolean(text: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ExecutionError(f"Cannot parse '{text}' as BOOLEAN.")


def _parser(parse: Callable[[str], int | None], kind: str) -> Caster:
    def cast(text: str) -> int:
        value = parse(text)
        if value is None:
            if kind == "TIME":
                raise ExecutionError(
                    f"java.time.DateTimeException: Invalid time format: '{text}'. Expected format: "
                    "HH:mm:ss[.fff] where HH is 00-23, mm is 00-59, ss is 00-59"
                )
            if kind == "TIMESTAMP":
                raise ExecutionError(
                    f"java.time.format.DateTimeParseException: Text '{text}' could not be parsed"
                )
            raise ExecutionError(f"java.time.DateTimeException: For input string: '{text}'.")
        return value

    return cast


# --- to character strings ---------------------------------------------------------------------------


def _to_string(src: DataType, tz: dt.tzinfo) -> Caster:
    r = src.root
    if r in T.CHARACTER_STRING:
        return RT.identity
    if r == T.BOOLEAN:
        return lambda v: "TRUE" if v else "FALSE"
    if r in T.INTEGER_NUMERIC:
        return str
    if r == T.DOUBLE:
        return double_to_string
    if r == T.FLOAT:
        return float_to_string
    if r == T.DECIMAL:
        return decimal_to_string
    if r == T.DATE:
        return RT.date_to_string
    if r == T.TIME:
        p = src.precision or 0
        return lambda v: RT.time_to_string(v, p)
    if r == T.TIMESTAMP:
        p = src.precision if src.precision is not None else 6
        return lambda v: RT.timestamp_to_string(v, p)
    if r == T.TIMESTAMP_LTZ:
        p = src.precision if src.precision is not None else 6
        return lambda v: RT.timestamp_to_string(RT.instant_to_local(v, tz), p)
    if r == T.INTERVAL_DAY_TIME:
        return RT.interval_day_time_to_string
    if r == T.INTERVAL_YEAR_MONTH:
        return RT.interval_year_month_to_string
    if r in T.BINARY_STRING:
        return lambda v: bytes(v).decode("utf-8", errors="replace")
    if r in T.CONSTRUCTED:
        return _constructed_to_string(src, tz)
    raise UnsupportedError(f"CAST from {src} to STRING is not supported at run time yet")


def _constructed_to_string(src: DataType, tz: dt.tzinfo) -> Caster:
    """ARRAY [1, 2], MAP {a=1}, ROW (1, a), as Flink's CAST to STRING prints them."""

    def inner(t: DataType) -> Caster:
        f = _to_string(t, tz)
        return lambda v: "NULL" if v is None else f(v)

    if src.root in (T.ARRAY, T.MULTISET):
        item = inner(src.elements[0])
        return lambda v: "[" + ", ".join(item(x) for x in v) + "]"
    if src.root == T.MAP:
        key, value = inner(src.elements[0]), inner(src.elements[1])
        return lambda v: "{" + ", ".join(f"{key(k)}={value(x)}" for k, x in v.items()) + "}"
    fields = [inner(f.type) for f in src.fields]
    return lambda v: "(" + ", ".join(f(x) for f, x in zip(fields, v, strict=False)) + ")"


def _fit_string(dst: DataType) -> Caster | None:
    """CHAR(n) pads with blanks and cuts, VARCHAR(n) cuts (Flink 2.x casts do both)."""
    n = dst.length
    if n is None or n >= T.MAX_LENGTH:
        return None
    if dst.root == T.CHAR:
        return lambda s: s[:n].ljust(n)
    return lambda s: s[:n] if len(s) > n else s


# --- the cast table ------------------------------------------------------------------------------------


def caster(src: DataType, dst: DataType, tz: dt.tzinfo) -> Caster | None:
    """The function converting a non-NULL value of `src` to `dst`; None when the value needs
    no change. Failures raise ExecutionError (TRY_CAST turns them into NULL)."""
    base = _base_caster(src, dst, tz)
    if dst.root in T.CHARACTER_STRING:
        fit = _fit_string(dst)
        if fit is not None:
            if base is None:
                return fit
            return lambda v: fit(base(v))
    return base


def _same(src: DataType, dst: DataType) -> bool:
    return T.same_ignoring_nullability(src, dst)


def _base_caster(src: DataType, dst: DataType, tz: dt.tzinfo) -> Caster | None:
    s, d = src.root, dst.root
    if s == T.NULL:
        return None
    if _same(src, dst) or (s == d and s in T.CHARACTER_STRING | T.BINARY_STRING):
        return None
    if d in T.CHARACTER_STRING:
        f = _to_string(src, tz)
        return None if f is RT.identity else f
    if d in T.INTEGER_NUMERIC:
        return _to_integer(src, d)
    if d in (T.DOUBLE, T.FLOAT):
        return _to_float(src, d)
    if d == T.DECIMAL:
        return _to_decimal(src, dst)
    if d == T.BOOLEAN:
        if s in T.CHARACTER_STRING:
            return _string_to_boolean
        if s in T.NUMERIC:
            return lambda v: v != 0
    if d in T.DATETIME:
        return _to_datetime(src, dst, tz)
    if d in T.BINARY_STRING:
        if s in T.CHARACTER_STRING:
            return lambda v: v.encode("utf-8")
        return None
    if d in T.INTERVALS and s in T.EXACT_NUMERIC | T.INTERVALS:
        return None if s in T.INTERVALS else int
    if d in T.CONSTRUCTED and s == d:
        return _constructed(src, dst, tz)
    raise UnsupportedError(f"CAST from {src} to {dst} is not supported at run time yet")


def _to_integer(src: DataType, d: str) -> Caster | None:
    s = src.root
    bits = M.INT_BITS[d]
    if s in T.INTEGER_NUMERIC:
        if M.INT_BITS[s] <= bits:
            return None
        return lambda v: M.wrap(v, bits)
    if s in T.CHARACTER_STRING:
        return _string_to_integer(d)
    if s == T.BOOLEAN:
        return int
    if s == T.DECIMAL:
        return lambda v: M.wrap(int(v), bits)
    if s in (T.DOUBLE, T.FLOAT):
        # Java narrows a double to long (or int) saturating, NaN to 0, then to byte/short.
        wide = 64 if bits == 64 else 32
        lo, hi = -(1 << (wide - 1)), (1 << (wide - 1)) - 1

        def from_double(v: float) -> int:
            if v != v:
                return 0
            if v >= hi:
                n = hi
            elif v <= lo:
                n = lo
            else:
                n = int(v)
            return M.wrap(n, bits)

        return from_double
    if s in T.INTERVALS:
        return lambda v: M.wrap(v, bits)
    raise UnsupportedError(f"CAST from {src} to {d} is not supported at run time yet")


def _to_float(src: DataType, d: str) -> Caster | None:
    s = src.root
    if s in T.CHARACTER_STRING:
        f = _parse_double
    elif s == T.BOOLEAN:
        f = lambda v: 1.0 if v else 0.0  # noqa: E731
    elif s == T.DECIMAL:
        f = lambda v: float(v) + 0.0  # noqa: E731  (BigDecimal has no negative zero)
    elif s in T.NUMERIC:
        if s == T.FLOAT and d == T.DOUBLE:
            return None
        f = float
    else:
        raise UnsupportedError(f"CAST from {src} to {d} is not supported at run time yet")
    if d == T.FLOAT:
        return lambda v: M.to_float32(f(v))
    return f


def _to_decimal(src: DataType, dst: DataType) -> Caster:
    s = src.root
    p, sc = dst.precision or 10, dst.scale or 0
    if s in T.CHARACTER_STRING:
        return _string_to_decimal(p, sc)
    fit = M.decimal_fitter(p, sc)
    if s == T.BOOLEAN:
        return lambda v: fit(Decimal(int(v)))
    if s in (T.DOUBLE, T.FLOAT):

        def from_double(v: float) -> Decimal | None:
            try:
                return fit(M.to_decimal(v))
            except InvalidOperation:
                return None

        return from_double
    if s == T.DECIMAL:
        return fit
    if s in T.INTEGER_NUMERIC | T.INTERVALS:
        return lambda v: fit(Decimal(v))
    raise UnsupportedError(f"CAST from {src} to {dst} is not supported at run time yet")


def _to_datetime(src: DataType, dst: DataType, tz: dt.tzinfo) -> Caster | None:
    s, d = src.root, dst.root
    precision = dst.precision if dst.precision is not None else 6
    if s in T.CHARACTER_STRING:
        if d == T.DATE:
            return _parser(RT.parse_date, "DATE")
        if d == T.TIME:
            parse = _parser(RT.parse_time, "TIME")
            return lambda v: RT.truncate_precision(parse(v), min(precision, 3))
        parse = _parser(RT.parse_cast_timestamp, "TIMESTAMP")
        if d == T.TIMESTAMP_LTZ:
            return lambda v: RT.local_to_instant(RT.truncate_precision(parse(v), precision), tz)
        return lambda v: RT.truncate_precision(parse(v), precision)
    if d == T.DATE:
        if s == T.TIMESTAMP:
            return lambda v: v // RT.NANOS_PER_DAY
        if s == T.TIMESTAMP_LTZ:
            return lambda v: RT.instant_to_local(v, tz) // RT.NANOS_PER_DAY
    if d == T.TIME:
        cut = min(precision, 3)
        if s == T.TIMESTAMP:
            return lambda v: RT.truncate_precision(v % RT.NANOS_PER_DAY, cut)
        if s == T.TIMESTAMP_LTZ:
            return lambda v: RT.truncate_precision(
                RT.instant_to_local(v, tz) % RT.NANOS_PER_DAY, cut
            )
        if s == T.TIME:
            return lambda v: RT.truncate_precision(v, cut)
    if d == T.TIMESTAMP:
        if s == T.DATE:
            return lambda v: v * RT.NANOS_PER_DAY
        if s == T.TIMESTAMP:
            return lambda v: RT.truncate_precision(v, precision)
        if s == T.TIMESTAMP_LTZ:
            return lambda v: RT.truncate_precision(RT.instant_to_local(v, tz), precision)
        if s == T.TIME:
            return lambda v: v
    if d == T.TIMESTAMP_LTZ:
        if s == T.DATE:
            return lambda v: RT.local_to_instant(v * RT.NANOS_PER_DAY, tz)
        if s == T.TIMESTAMP:
            return lambda v: RT.local_to_instant(RT.truncate_precision(v, precision), tz)
        if s == T.TIMESTAMP_LTZ:
            return lambda v: RT.truncate_precision(v, precision)
        if s == T.TIME:
            return lambda v: RT.local_to_instant(v, tz)
    raise UnsupportedError(f"CAST from {src} to {dst} is not supported at run time yet")


def _constructed(src: DataType, dst: DataType, tz: dt.tzinfo) -> Caster | None:
    def nullable(c: Caster | None) -> Caster:
        if c is None:
            return RT.identity
        return lambda v: None if v is None else c(v)

    if src.root in (T.ARRAY, T.MULTISET):
        item = caster(src.elements[0], dst.elements[0], tz)
        if item is None:
            return None
        f = nullable(item)
        return lambda v: [f(x) for x in v]
    if src.root == T.MAP:
        k = nullable(caster(src.elements[0], dst.elements[0], tz))
        x = nullable(caster(src.elements[1], dst.elements[1], tz))
        return lambda v: {k(a): x(b) for a, b in v.items()}
    fields = [
        nullable(caster(a.type, b.type, tz)) for a, b in zip(src.fields, dst.fields, strict=True)
    ]
    return lambda v: tuple(f(x) for f, x in zip(fields, v, strict=True))
