"""The run-time implementations of Flink's built-in scalar functions, keyed by the Call's `op`.

Each entry builds, once per query, the Python function the generated code calls, choosing the
variant for the argument types, the time unit and the session time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flinklite.catalog import types as T
from flinklite.errors import UnsupportedError
from flinklite.expr import runtime_math as M
from flinklite.expr import runtime_string as RS
from flinklite.expr import runtime_time as RT
from flinklite.expr.context import CompileContext
from flinklite.expr.rex import Call, Literal, SymbolRex


@dataclass(frozen=True, slots=True)
class Impl:
    """`fn` takes the operands' values (a SymbolRex operand as its name); `strict` means any
    NULL operand makes the result NULL without calling `fn`."""

    fn: Callable[..., Any]
    strict: bool = True


Builder = Callable[[Call, CompileContext], Impl]


def implementation(call: Call, ctx: CompileContext) -> Impl:
    """The implementation of a function call, or UnsupportedError naming the function."""
    builder = FUNCTIONS.get(call.op)
    if builder is None:
        raise UnsupportedError(f"Function {call.op} is not supported at run time yet")
    return builder(call, ctx)


def _fixed(fn: Callable[..., Any], strict: bool = True) -> Builder:
    return lambda call, ctx: Impl(fn, strict)


def _root(call: Call, i: int = 0) -> str:
    return call.operands[i].type.root


def _symbol(call: Call, i: int = 0) -> str:
    o = call.operands[i]
    return o.name if isinstance(o, SymbolRex) else str(getattr(o, "value", ""))


def _tz(ctx: CompileContext) -> dt.tzinfo:
    return ctx.tz


# --- strings --------------------------------------------------------------------------------------


def _trim(call: Call, ctx: CompileContext) -> Impl:
    if len(call.operands) == 1:
        return Impl(RS.trim_spaces)
    return Impl(RS.trim)


def _regexp_extract(call: Call, ctx: CompileContext) -> Impl:
    return Impl(RS.regexp_extract)


def _digest(algorithm: str) -> Builder:
    return _fixed(RS.digest(algorithm))


def _typeof(call: Call, ctx: CompileContext) -> Impl:
    text = call.operands[0].type.summary()
    if len(call.operands) > 1 and isinstance(call.operands[1], Literal) and call.operands[1].value:
        text = call.operands[0].type.serializable()
    return Impl(lambda *_: text, strict=False)


def _concat_ws(call: Call, ctx: CompileContext) -> Impl:
    return Impl(RS.concat_ws, strict=False)


# --- numbers --------------------------------------------------------------------------------------


def _round(mode: str) -> Builder:
    def build(call: Call, ctx: CompileContext) -> Impl:
        fn = M.rounder(_root(call), mode, call.type.scale)
        if call.type.root == T.DECIMAL:
            fit = M.decimal_fitter(call.type.precision or 10, call.type.scale or 0)

            def rounded(*args: Any) -> Any:
                return fit(fn(*args))

            return Impl(rounded)
        return Impl(fn)

    return build


def _floor_ceil(ceil: bool) -> Builder:
    def build(call: Call, ctx: CompileContext) -> Impl:
        root = _root(call)
        if len(call.operands) == 2:
            unit = _symbol(call, 1)
            f = RT.floor_ceil_time(unit, root, ceil, _tz(ctx))
            return Impl(lambda v, _u: f(v))
        if root in T.INTERVALS:
            return Impl(RT.identity)
        fn = M.floor_ceil(root, ceil)
        if call.type.root == T.DECIMAL:
            fit = M.decimal_fitter(call.type.precision or 10, 0)
            return Impl(lambda v: fit(fn(v)))
        return Impl(fn)

    return build


def _mod(call: Call, ctx: CompileContext) -> Impl:
    if call.type.root == T.DECIMAL:
        fit = M.decimal_fitter(call.type.precision or 10, call.type.scale or 0)
        return Impl(lambda a, b: fit(M.decimal_mod(a, b)))
    return Impl(M.int_mod)


def _double(name: str) -> Builder:
    return _fixed(M.DOUBLE_FUNCTIONS[name])


def _rand(call: Call, ctx: CompileContext) -> Impl:
    return Impl(M.rand_function(bool(call.operands)))


def _rand_integer(call: Call, ctx: CompileContext) -> Impl:
    return Impl(M.rand_integer_function(len(call.operands) == 2))


def _abs(call: Call, ctx: CompileContext) -> Impl:
    root = _root(call)
    if root == T.DECIMAL:
        return Impl(M.EXACT.abs)
    return Impl(M.abs_fn(root))


# --- time -----------------------------------------------------------------------------------------


def _now_instant(call: Call, ctx: CompileContext) -> Impl:
    clock = ctx.now_ms
    return Impl(lambda: clock() * RT.NANOS_PER_MILLI)


def _now_local(call: Call, ctx: CompileContext) -> Impl:
    clock, tz = ctx.now_ms, _tz(ctx)
    return Impl(lambda: RT.instant_to_local(clock() * RT.NANOS_PER_MILLI, tz))


def _current_date(call: Call, ctx: CompileContext) -> Impl:
    clock, tz = ctx.now_ms, _tz(ctx)
    return Impl(lambda: RT.instant_to_local(clock() * RT.NANOS_PER_MILLI, tz) // RT.NANOS_PER_DAY)


def _current_time(call: Call, ctx: CompileContext) -> Impl:
    clock, tz = ctx.now_ms, _tz(ctx)

    def now_time() -> int:
        local = RT.instant_to_local(clock() * RT.NANOS_PER_MILLI, tz)
        return RT.truncate_precision(local % RT.NANOS_PER_DAY, 0)

    return Impl(now_time)


def _to_timestamp(call: Call, ctx: CompileContext) -> Impl:
    return Impl(lambda text, pattern=None: _truncate3(RT.to_timestamp(text, pattern)))


def _truncate3(nanos: int | None) -> int | None:
    return None if nanos is None else RT.truncate_precision(nanos, 3)


def _to_timestamp_ltz(call: Call, ctx: CompileContext) -> Impl:
    if call.operands[0].type.is_string:
        if len(call.operands) == 3:

            def parse_in_zone(text: str, pattern: str, zone_name: str) -> int | None:
                nanos = RT.to_timestamp(text, pattern)
                return None if nanos is None else RT.local_to_instant(nanos, RT.zone(zone_name))

            return Impl(parse_in_zone)

        # Without a zone argument the text is read in UTC, not the session zone (Flink's docs
        # and observed in 2.3).
        def parse(text: str, pattern: str | None = None) -> int | None:
            return _truncate3(RT.to_timestamp(text, pattern))

        return Impl(parse)

    def from_epoch(value: Any, precision: int = 3) -> int | None:
        if precision == 0:
            return int(value) * RT.NANOS_PER_SECOND
        if precision == 3:
            return int(value) * RT.NANOS_PER_MILLI
        return None

    return Impl(from_epoch)


def _to_date(call: Call, ctx: CompileContext) -> Impl:
    def to_date(text: str, pattern: str | None = None) -> int | None:
        if pattern is None:
            return RT.parse_date(text)
        nanos = RT.parser(pattern)(text)
        return None if nanos is None else nanos // RT.NANOS_PER_DAY

    return Impl(to_date)


def _date_format(call: Call, ctx: CompileContext) -> Impl:
    root = _root(call)
    tz = _tz(ctx)
    if root in T.CHARACTER_STRING:

        def format_text(text: str, pattern: str) -> str | None:
            nanos = RT.parse_timestamp(text)
            return None if nanos is None else RT.formatter(pattern)(nanos)

        return Impl(format_text)
    local = RT.any_to_local(root, tz)
    return Impl(lambda v, pattern: RT.formatter(pattern)(local(v)))


def _unix_timestamp(call: Call, ctx: CompileContext) -> Impl:
    if not call.operands:
        clock = ctx.now_ms
        return Impl(lambda: clock() // 1000)
    return Impl(RT.unix_timestamp_of(_tz(ctx)))


def _extract(call: Call, ctx: CompileContext) -> Impl:
    unit = _symbol(call, 0)
    f = RT.extractor(unit, _root(call, 1), _tz(ctx))
    return Impl(lambda _u, v: f(v))


def _named_extract(unit: str) -> Builder:
    def build(call: Call, ctx: CompileContext) -> Impl:
        return Impl(RT.extractor(unit, _root(call), _tz(ctx)))

    return build


def _timestampadd(call: Call, ctx: CompileContext) -> Impl:
    return Impl(RT.timestampadd(_symbol(call, 0), _root(call, 2), call.type.root, _tz(ctx)))


def _timestampdiff(call: Call, ctx: CompileContext) -> Impl:
    fn = RT.timestampdiff(_symbol(call, 0), _root(call, 1), _root(call, 2))
    return Impl(lambda u, a, b: M.wrap(fn(u, a, b), 32))


# --- collections ------------------------------------------------------------------------------------


def _cardinality(call: Call, ctx: CompileContext) -> Impl:
    return Impl(len)


def _element(call: Call, ctx: CompileContext) -> Impl:
    def element(array: list) -> Any:
        if len(array) > 1:
            from flinklite.errors import ExecutionError

            raise ExecutionError(
                "java.lang.IllegalArgumentException: Array has more than one element"
            )
        return array[0] if array else None

    return Impl(element)


FUNCTIONS: dict[str, Builder] = {
    # strings
    "UPPER": _fixed(str.upper),
    "LOWER": _fixed(str.lower),
    "INITCAP": _fixed(RS.initcap),
    "TRIM": _trim,
    "LTRIM": _fixed(RS.ltrim),
    "RTRIM": _fixed(RS.rtrim),
    "SUBSTRING": _fixed(RS.substring),
    "SUBSTR": _fixed(RS.substring),
    "LEFT": _fixed(RS.left),
    "RIGHT": _fixed(RS.right),
    "CONCAT": _fixed(RS.concat),
    "CONCAT_WS": _concat_ws,
    "CHAR_LENGTH": _fixed(len),
    "CHARACTER_LENGTH": _fixed(len),
    "REPLACE": _fixed(RS.replace),
    "REGEXP": _fixed(RS.regexp),
    "REGEXP_REPLACE": _fixed(RS.regexp_replace),
    "REGEXP_EXTRACT": _regexp_extract,
    "SPLIT_INDEX": _fixed(RS.split_index),
    "SPLIT": _fixed(RS.split),
    "LPAD": _fixed(RS.lpad),
    "RPAD": _fixed(RS.rpad),
    "REPEAT": _fixed(RS.repeat),
    "REVERSE": _fixed(RS.reverse),
    "POSITION": _fixed(RS.position),
    "LOCATE": _fixed(RS.locate),
    "OVERLAY": _fixed(RS.overlay),
    "ASCII": _fixed(RS.ascii_code),
    "CHR": _fixed(RS.chr_fn),
    "MD5": _digest("md5"),
    "SHA1": _digest("sha1"),
    "SHA224": _digest("sha224"),
    "SHA256": _digest("sha256"),
    "SHA384": _digest("sha384"),
    "SHA512": _digest("sha512"),
    "TO_BASE64": _fixed(RS.to_base64),
    "FROM_BASE64": _fixed(RS.from_base64),
    "UUID": _fixed(RS.uuid),
    "IS_ALPHA": _fixed(RS.is_alpha),
    "IS_DECIMAL": _fixed(RS.is_decimal),
    "IS_DIGIT": _fixed(RS.is_digit),
    "STR_TO_MAP": _fixed(RS.str_to_map),
    "BIN": _fixed(RS.bin_fn),
    "HEX": _fixed(RS.hex_fn),
    "TYPEOF": _typeof,
    "JSON_VALUE": _fixed(RS.json_value),
    "JSON_QUERY": _fixed(RS.json_query),
    "JSON_EXISTS": _fixed(RS.json_exists),
    # numbers
    "ABS": _abs,
    "SIGN": lambda call, ctx: Impl(M.sign(_root(call))),
    "ROUND": _round(M.ROUND_HALF_UP_MODE),
    "TRUNCATE": _round(M.TRUNCATE_MODE),
    "FLOOR": _floor_ceil(False),
    "CEIL": _floor_ceil(True),
    "CEILING": _floor_ceil(True),
    "MOD": _mod,
    "RAND": _rand,
    "RAND_INTEGER": _rand_integer,
    "PI": _fixed(lambda: 3.141592653589793),
    "E": _fixed(lambda: 2.718281828459045),
    **{name: _double(name) for name in M.DOUBLE_FUNCTIONS},
    # time
    "CURRENT_TIMESTAMP": _now_instant,
    "NOW": _now_instant,
    "CURRENT_ROW_TIMESTAMP": _now_instant,
    "PROCTIME": _now_instant,
    "LOCALTIMESTAMP": _now_local,
    "CURRENT_DATE": _current_date,
    "CURRENT_TIME": _current_time,
    "LOCALTIME": _current_time,
    "TO_TIMESTAMP": _to_timestamp,
    "TO_TIMESTAMP_LTZ": _to_timestamp_ltz,
    "TO_DATE": _to_date,
    "DATE_FORMAT": _date_format,
    "UNIX_TIMESTAMP": _unix_timestamp,
    "FROM_UNIXTIME": lambda call, ctx: Impl(RT.from_unixtime_of(_tz(ctx))),
    "CONVERT_TZ": _fixed(RT.convert_tz),
    "TIMESTAMPADD": _timestampadd,
    "TIMESTAMPDIFF": _timestampdiff,
    "EXTRACT": _extract,
    "YEAR": _named_extract("YEAR"),
    "QUARTER": _named_extract("QUARTER"),
    "MONTH": _named_extract("MONTH"),
    "WEEK": _named_extract("WEEK"),
    "DAYOFYEAR": _named_extract("DOY"),
    "DAYOFMONTH": _named_extract("DAY"),
    "DAYOFWEEK": _named_extract("DOW"),
    "HOUR": _named_extract("HOUR"),
    "MINUTE": _named_extract("MINUTE"),
    "SECOND": _named_extract("SECOND"),
    # collections
    "CARDINALITY": _cardinality,
    "ELEMENT": _element,
}
