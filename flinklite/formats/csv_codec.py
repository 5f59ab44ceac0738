"""The 'csv' format's row codecs: CSV records to rows and back, as Flink's CsvToRowDataConverters
and RowDataToCsvConverters (with Jackson's CSV quoting) do it.

A record is a list of field texts (from Python's csv reader); the converter is compiled once per
query into one function that builds the row tuple, with a careful path only for bad records."""

from __future__ import annotations

import base64
import codecs
import csv
import io
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.errors import ExecutionError
from flinklite.formats import text_codec as tc
from flinklite.runtime.connector import RowDecoder, RowEncoder
from flinklite.runtime.rows import Row

_INT_RANGES = {
    T.TINYINT: (-(2**7), 2**7 - 1),
    T.SMALLINT: (-(2**15), 2**15 - 1),
    T.INTEGER: (-(2**31), 2**31 - 1),
    T.BIGINT: (-(2**63), 2**63 - 1),
}
_DECIMAL_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_WIDE = Context(prec=100)


class CsvOptions:
    """The csv format's options, parsed once: dialect for reading and writing."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.delimiter = codecs.decode(options.get("field-delimiter", ","), "unicode_escape")
        disabled = bool(options.get("disable-quote-character", False))
        self.quote: str | None = None if disabled else options.get("quote-character", '"')
        self.escape: str | None = options.get("escape-character")
        self.allow_comments = bool(options.get("allow-comments", False))
        self.ignore_parse_errors = bool(options.get("ignore-parse-errors", False))
        self.null_literal: str | None = options.get("null-literal")
        self.array_delimiter = options.get("array-element-delimiter", ";")
        self.scientific = bool(options.get("write-bigdecimal-in-scientific-notation", True))

    def reader(self, stream: Any) -> Any:
        """Python's csv reader over a text stream (RFC 4180 quoting, doubled quotes)."""
        if self.quote is None:
            return csv.reader(
                stream, delimiter=self.delimiter, quoting=csv.QUOTE_NONE, escapechar=self.escape
            )
        return csv.reader(
            stream,
            delimiter=self.delimiter,
            quotechar=self.quote,
            escapechar=self.escape,
            doublequote=True,
            strict=False,
        )

    def is_comment(self, record: list[str]) -> bool:
        """Jackson skips comment lines and blank lines when comments are allowed."""
        if not record:
            return True
        first = record[0]
        return first[:1] == "#" or (len(record) == 1 and not first.strip(" "))


# --- text to value ---------------------------------------------------------------------------


def _for_input(text: str) -> ValueError:
    # Java's wording, so a Flink user recognises the failure.
    return ValueError(f'NumberFormatException: For input string: "{text}"')


def _int_converter(low: int, high: int) -> Callable[[str], int]:
    def convert(text: str) -> int:
        value = int(text)  # int() strips blanks as Java's trim() does
        if low <= value <= high:
            return value
        raise _for_input(text.strip())

    return convert


def _boolean(text: str) -> bool:
    return text.strip().lower() == "true"


def _float(text: str) -> float:
    return tc.to_float32(float(text))


def decimal_converter(t: DataType) -> Callable[[Any], Decimal | None]:
    """A value to DECIMAL(p, s), rounded half up; None when it does not fit (as Flink's
    DecimalData.fromBigDecimal)."""
    exponent = Decimal(1).scaleb(-(t.scale or 0))
    limit = Decimal(10) ** ((t.precision or 10) - (t.scale or 0))

    def convert(value: Any) -> Decimal | None:
        if isinstance(value, str):
            if _DECIMAL_TEXT.fullmatch(value) is None:
                raise ValueError(f"Character array is not a valid decimal number: '{value}'")
            value = Decimal(value)
        elif isinstance(value, float):
            value = Decimal(repr(value))
        elif not isinstance(value, Decimal):
            value = Decimal(value)
        rounded = value.quantize(exponent, ROUND_HALF_UP, _WIDE)
        return rounded if abs(rounded) < limit else None

    return convert


def _memo(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Caches a parser of texts that repeat (dates), bounded so a long file cannot fill memory."""
    cache: dict[str, Any] = {}

    def convert(text: str) -> Any:
        value = cache.get(text)
        if value is None:
            value = parse(text)
            if len(cache) > 100_000:
                cache.clear()
            cache[text] = value
        return value

    return convert


def _time_converter(precision: int) -> Callable[[str], int]:
    if precision > 3:
        raise ExecutionError(
            f"Csv does not support TIME type with precision: {precision}, it only supports "
            "precision 0 ~ 3."
        )
    unit = 10 ** (9 - precision)

    def convert(text: str) -> int:
        nanos = tc.parse_iso_time(text)
        return nanos - nanos % unit

    return convert


def timestamp_converter(precision: int) -> Callable[[str], int]:
    """java.sql.Timestamp.valueOf texts to epoch nanoseconds, cut to the column's precision.

    The common shape 'yyyy-MM-dd HH:mm:ss[.fff]' is sliced directly, reusing the epoch
    nanoseconds of the previous record's second (files are mostly in time order); anything
    else goes through the full parser."""
    unit = 10 ** (9 - precision)
    scale = [10 ** (9 - n) for n in range(10)]
    shape = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").fullmatch
    last_key, last_base = "", 0

    def slow(text: str) -> int:
        value = tc.parse_java_sql_timestamp(text)
        return value - value % unit

    def convert(text: str) -> int:
        nonlocal last_key, last_base
        key = text[:19]
        if key != last_key:
            if shape(key) is None:
                return slow(text)
            last_base = tc.parse_java_sql_timestamp(key)
            last_key = key
        n = len(text)
        if n == 19:
            value = last_base
        elif text[19] == "." and n <= 29 and (fraction := text[20:]).isdigit():
            value = last_base + int(fraction) * scale[n - 20]
        else:
            return slow(text)
        return value - value % unit

    return convert


def _bytes(text: str) -> bytes:
    return base64.b64decode(text)


def text_converter(t: DataType, opts: CsvOptions) -> Callable[[str], Any] | None:
    """The conversion of one field's text to its value; None for strings (kept as they are)."""
    root = t.root
    if root in T.CHARACTER_STRING:
        return None
    if root == T.BOOLEAN:
        return _boolean
    if root in _INT_RANGES:
        return _int_converter(*_INT_RANGES[root])
    if root == T.INTERVAL_YEAR_MONTH:
        return _int_converter(*_INT_RANGES[T.INTEGER])
    if root == T.INTERVAL_DAY_TIME:
        return _int_converter(*_INT_RANGES[T.BIGINT])
    if root == T.DOUBLE:
        return float
    if root == T.FLOAT:
        return _float
    if root == T.DECIMAL:
        return decimal_converter(t)
    if root == T.DATE:
        return _memo(tc.parse_java_sql_date)
    if root == T.TIME:
        return _time_converter(t.precision or 0)
    if root == T.TIMESTAMP:
        return timestamp_converter(t.precision if t.precision is not None else 6)
    if root == T.TIMESTAMP_LTZ:
        parse = tc.timestamp_parser(ltz=True, iso=False)
        unit = 10 ** (9 - (t.precision if t.precision is not None else 6))
        return lambda text: (v := parse(text)) - v % unit
    if root in T.BINARY_STRING:
        return _bytes
    if root == T.ARRAY:
        element = text_converter(t.elements[0], opts)
        delimiter, null = opts.array_delimiter, opts.null_literal

        def array(text: str) -> list[Any]:
            parts = text.split(delimiter)
            if element is None:
                return tuple(None if p == null else p for p in parts)
            return tuple(None if p == null else element(p) for p in parts)

        return array
    raise ExecutionError(f"Unsupported type: {t.summary()}")


# --- records to rows -------------------------------------------------------------------------


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if text.startswith("invalid literal for int()") or text.startswith("could not convert"):
        return (
            'NumberFormatException: For input string: "' + text.split(": ", 1)[1].strip("'") + '"'
        )
    return text or type(exc).__name__


class RecordConverter:
    """Turns CSV records (lists of field texts, in the file's column order) into rows of the
    projected fields. `convert_batch` is the fast path; a record that fails it is redone by
    `convert_one`, which applies ignore-parse-errors (a bad field becomes NULL, a record with
    too many fields is skipped) or raises ValueError naming the field."""

    def __init__(
        self,
        all_fields: tuple[RowField, ...],
        projected: tuple[RowField, ...],
        opts: CsvOptions,
    ) -> None:
        self.opts = opts
        self.arity = len(all_fields)
        names = [f.name for f in all_fields]
        self.positions = [names.index(f.name) for f in projected]
        self.fields = projected
        self.converters = [text_converter(f.type, opts) for f in projected]
        self.fast = self._compile()

    def _compile(self) -> Callable[[list[str]], Row]:
        env: dict[str, Any] = {"N": self.arity, "NL": self.opts.null_literal}
        parts = []
        for i, (pos, conv) in enumerate(zip(self.positions, self.converters, strict=True)):
            env[f"c{i}"] = conv
            if self.opts.null_literal is None:
                parts.append(f"r[{pos}]" if conv is None else f"c{i}(r[{pos}])")
            else:
                value = "v" if conv is None else f"c{i}(v)"
                parts.append(f"(None if (v := r[{pos}]) == NL else {value})")
        body = ", ".join(parts) + ("," if len(parts) == 1 else "")
        source = f"def fast(r):\n    if len(r) != N: raise IndexError\n    return ({body})\n"
        exec(source, env)  # compiled once per query: one tuple display per record
        return env["fast"]

    def convert_batch(self, records: list[list[str]]) -> list[Row]:
        return list(map(self.fast, records))

    def convert_one(self, record: list[str]) -> Row | None:
        """The careful path: returns the row, None to skip it, or raises ValueError."""
        if not record:
            record = [""]  # Jackson reads a blank line as one empty field
        if len(record) != self.arity:
            if len(record) > self.arity:
                if self.opts.ignore_parse_errors:
                    return None
                raise ValueError(
                    f"Too many entries: expected at most {self.arity} (value #{self.arity} "
                    f'({len(record[self.arity])} chars) "{record[self.arity]}")'
                )
            if not self.opts.ignore_parse_errors:
                raise ValueError(
                    f"Row length mismatch. {self.arity} fields expected but was {len(record)}."
                )
        values = []
        null = self.opts.null_literal
        for field, pos, conv in zip(self.fields, self.positions, self.converters, strict=True):
            if pos >= len(record) or record[pos] == null:
                values.append(None)
                continue
            text = record[pos]
            try:
                values.append(text if conv is None else conv(text))
            except (ValueError, ArithmeticError, InvalidOperation, TypeError) as e:
                if self.opts.ignore_parse_errors:
                    values.append(None)
                    continue
                raise ValueError(
                    f"Failed to convert field '{field.name}' of type {field.type.summary()}: "
                    f"{_describe(e)}"
                ) from None
        return tuple(values)


def decoder(fields: tuple[RowField, ...], options: dict[str, Any]) -> RowDecoder:
    """A decoder of one CSV record per message (text or UTF-8 bytes), fields by position."""
    opts = CsvOptions(options)
    converter = RecordConverter(fields, fields, opts)

    def decode(record: Any) -> Row | None:
        if record is None:
            return None
        try:
            text = record.decode("utf-8") if isinstance(record, (bytes, bytearray)) else record
            parsed = next(opts.reader(io.StringIO(text)), [])
        except (UnicodeDecodeError, csv.Error) as e:  # not UTF-8; a bare carriage return
            # Flink's reader fails on the record, not on a field: it is skipped whole.
            if opts.ignore_parse_errors:
                return None
            raise ValueError(str(e)) from None
        if opts.allow_comments and opts.is_comment(parsed):
            return None
        try:
            return converter.fast(parsed)
        except Exception:
            return converter.convert_one(parsed)

    return RowDecoder(fields, decode)


# --- rows to text ----------------------------------------------------------------------------


def _decimal_text(scientific: bool) -> Callable[[Decimal], str]:
    # Jackson's node factory strips trailing zeros (100.00 -> 1E+2, 0.00 -> 0).
    if scientific:
        return lambda d: "0" if not d else str(_WIDE.normalize(d))
    return lambda d: "0" if not d else format(_WIDE.normalize(d), "f")


def value_text(t: DataType, scientific: bool = True) -> tuple[Callable[[Any], str], bool]:
    """How a non-null value of type t is written, and whether it is a text that may need quotes
    (numbers and booleans never get quotes)."""
    root = t.root
    if root in T.CHARACTER_STRING:
        return str, True
    if root == T.BOOLEAN:
        return (lambda v: "true" if v else "false"), False
    if root in T.INTEGER_NUMERIC or root in T.INTERVALS:
        return str, False
    if root == T.DOUBLE:
        return tc.java_double, False
    if root == T.FLOAT:
        return tc.java_float, False
    if root == T.DECIMAL:
        return _decimal_text(scientific), False
    if root == T.DATE:
        return (lambda v: tc.date_of_days(v).isoformat()), True
    if root == T.TIME:
        return tc.format_sql_time, True
    if root == T.TIMESTAMP:
        return tc.format_sql_timestamp, True
    if root == T.TIMESTAMP_LTZ:
        return (lambda v: tc.format_sql_timestamp(v) + "Z"), True
    if root in T.BINARY_STRING:
        return (lambda v: base64.b64encode(v).decode("ascii")), True
    raise ExecutionError(f"Unsupported type: {t.summary()}")


def encoder(fields: tuple[RowField, ...], options: dict[str, Any]) -> RowEncoder:
    """An encoder of rows to CSV lines (without the line separator), quoting as Jackson does:
    a text is quoted when it holds a character below the safe range (anything up to the
    delimiter, the quote, a space), the quote, the escape character or a backslash; an empty
    text is not. DECIMAL is written without trailing zeros (100.00 as 1E+2)."""
    opts = CsvOptions(options)
    delimiter, quote, escape = opts.delimiter, opts.quote, opts.escape
    null = opts.null_literal or ""
    writers = []
    for f in fields:
        if f.type.root == T.ARRAY:
            element, _ = value_text(f.type.elements[0], opts.scientific)
            sep = opts.array_delimiter
            writers.append(
                (lambda v, el=element, s=sep: s.join(null if x is None else el(x) for x in v), True)
            )
        else:
            writers.append(value_text(f.type, opts.scientific))
    if quote is None:
        needs_quotes = None
    else:
        safe = max(ord(" "), ord(delimiter), ord(quote), ord(escape) if escape else 0) + 1
        # Jackson also quotes any text holding a backslash (checked on Flink: 'a\\b').
        specials = re.escape(quote + (escape or "") + "\\")
        needs_quotes = re.compile(f"[\\x00-{re.escape(chr(safe - 1))}{specials}]").search
        doubled = (escape or quote) + quote

    def quoted(text: str) -> str:
        if text and needs_quotes is not None and needs_quotes(text):
            return quote + text.replace(quote, doubled) + quote  # type: ignore[operator]
        return text

    env: dict[str, Any] = {"q": quoted, "NULL": null}
    parts = []
    for i, (write, textual) in enumerate(writers):
        env[f"w{i}"] = write
        value = f"q(w{i}(v))" if textual else f"w{i}(v)"
        parts.append(f"(NULL if (v := r[{i}]) is None else {value})")
    joined = (" + " + repr(delimiter) + " + ").join(parts) if parts else "''"
    exec(f"def encode(r):\n    return {joined}\n", env)
    return RowEncoder(fields, env["encode"])
