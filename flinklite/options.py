"""Typed options, one model for every key flinklite reads: the session's (SET), connectors' and
formats' (WITH). A declaration is Flink's ConfigOption: key, type, default, allowed values;
parsing a written value gives Flink's error texts. Durations parse as Flink's TimeUtils."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class OptionValueError(ValueError):
    """A written option value that does not parse; the message says why."""


@dataclass(frozen=True, slots=True)
class ConfigOption:
    """One option key with its type, default and allowed values.

    `type` is one of string, path, int, long, double, boolean, duration, memory, enum, list. A
    `prefix_map` option (e.g. avro-confluent's `properties`) also accepts every `key.<anything>`."""

    key: str
    type: str = "string"
    default: Any = None
    enum_values: tuple[str, ...] = ()
    description: str = ""
    deprecated_keys: tuple[str, ...] = ()
    prefix_map: bool = False

    def matches(self, key: str) -> bool:
        if key == self.key or key in self.deprecated_keys:
            return True
        return self.prefix_map and key.startswith(self.key + ".")

    def parse(self, raw: str) -> Any:
        """The typed value of a written string; OptionValueError says what is wrong."""
        parser = _PARSERS[self.type]
        try:
            return parser(self, raw)
        except OptionValueError:
            raise
        except (ValueError, OverflowError) as e:
            raise OptionValueError(
                f"Could not parse value '{raw}' for key '{self.key}'.\n{e}"
            ) from None


def _parse_int(bits: int) -> Callable[[ConfigOption, str], int]:
    def parse(opt: ConfigOption, raw: str) -> int:
        text = raw.strip()
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(f'For input string: "{raw}"')
        value = int(text)
        if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
            raise ValueError(f'For input string: "{raw}"')
        return value

    return parse


def _parse_boolean(opt: ConfigOption, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise ValueError(
        f"Unrecognized option for boolean: {raw}. Expected either true or false(case insensitive)"
    )


def _parse_double(opt: ConfigOption, raw: str) -> float:
    return float(raw.strip())


def _parse_enum(opt: ConfigOption, raw: str) -> str:
    for value in opt.enum_values:
        if value.upper() == raw.strip().upper():
            return value
    raise OptionValueError(
        f"Could not parse value '{raw}' for key '{opt.key}'.\n"
        f"Expected one of: [{', '.join(opt.enum_values)}]"
    )


_MEMORY_UNITS = {
    "": 1,
    "b": 1,
    "bytes": 1,
    "k": 1 << 10,
    "kb": 1 << 10,
    "kibibytes": 1 << 10,
    "m": 1 << 20,
    "mb": 1 << 20,
    "mebibytes": 1 << 20,
    "g": 1 << 30,
    "gb": 1 << 30,
    "gibibytes": 1 << 30,
    "t": 1 << 40,
    "tb": 1 << 40,
    "tebibytes": 1 << 40,
}


def parse_memory(raw: str) -> int:
    """Flink's MemorySize.parse, in bytes: '128mb', '1 gb', '512'."""
    m = re.fullmatch(r"\s*(\d+)\s*([a-z]*)\s*", raw.lower())
    if m is None or m.group(2) not in _MEMORY_UNITS:
        raise ValueError(f"Memory size unit '{raw}' does not match any of the recognized units")
    return int(m.group(1)) * _MEMORY_UNITS[m.group(2)]


def local_path(raw: str) -> str:
    """A path on this machine from Flink's forms: a plain path, or a `file:` URI
    (`file:///tmp/x`, `file:/tmp/x`, `file://localhost/tmp/x`). Another scheme (s3, hdfs) names
    a file system flinklite cannot reach, and is refused as Flink refuses a missing one."""
    text = raw.strip()
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", text)
    if scheme is None or (len(scheme.group(1)) == 1 and text[2:3] in ("\\", "/")):
        return text  # no scheme (or a Windows drive letter)
    if scheme.group(1).lower() != "file":
        raise ValueError(
            f"Could not find a file system implementation for scheme '{scheme.group(1)}': "
            "flinklite reads and writes the local file system only (a path, or a file: URI)."
        )
    rest = text[len(scheme.group(0)) :]
    if rest.startswith("//"):
        authority, slash, path = rest[2:].partition("/")
        if authority not in ("", "localhost"):
            raise ValueError(
                f"The file: URI '{text}' names host '{authority}'; flinklite reads and writes "
                "the local file system only."
            )
        rest = slash + path
    return rest or "/"


_PARSERS: dict[str, Callable[[ConfigOption, str], Any]] = {
    "string": lambda opt, raw: raw,
    "path": lambda opt, raw: local_path(raw),
    "int": _parse_int(32),
    "long": _parse_int(64),
    "double": _parse_double,
    "boolean": _parse_boolean,
    "enum": _parse_enum,
    "duration": lambda opt, raw: parse_duration(raw),
    "memory": lambda opt, raw: parse_memory(raw),
    "list": lambda opt, raw: [part for part in raw.split(";")],
}


# Flink's TimeUtils units, in nanoseconds; no unit means milliseconds.
_DURATION_UNITS = {
    **dict.fromkeys(("d", "day", "days"), 86_400 * 10**9),
    **dict.fromkeys(("h", "hour", "hours"), 3_600 * 10**9),
    **dict.fromkeys(("m", "min", "minute", "minutes"), 60 * 10**9),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 10**9),
    **dict.fromkeys(("", "ms", "milli", "millis", "millisecond", "milliseconds"), 10**6),
    **dict.fromkeys(("µs", "micro", "micros", "microsecond", "microseconds"), 10**3),
    **dict.fromkeys(("ns", "nano", "nanos", "nanosecond", "nanoseconds"), 1),
}


def parse_duration(text: str) -> dt.timedelta:
    """Flink's TimeUtils.parseDuration: a number and an optional unit ('200 ms', '1s', '5 min');
    a bare number is milliseconds. ValueError carries Flink's message."""
    m = re.fullmatch(r"\s*(\d+)\s*([a-zµ]*)\s*", text.lower())
    if m is None:
        raise ValueError(f"Text does not start with a number: {text}")
    number, unit = int(m.group(1)), m.group(2)
    if unit not in _DURATION_UNITS:
        raise ValueError(
            f"Time interval unit label '{unit}' does not match any of the recognized units: "
            "DAYS: (d | day | days), HOURS: (h | hour | hours), MINUTES: (m | min | minute | "
            "minutes), SECONDS: (s | sec | secs | second | seconds), MILLISECONDS: (ms | milli | "
            "millis | millisecond | milliseconds), MICROSECONDS: (µs | micro | micros | "
            "microsecond | microseconds), NANOSECONDS: (ns | nano | nanos | nanosecond | "
            "nanoseconds)"
        )
    return dt.timedelta(microseconds=number * _DURATION_UNITS[unit] / 1000)
