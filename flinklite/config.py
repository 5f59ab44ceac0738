"""Session configuration: SET / RESET semantics, known keys with defaults, value checks.

Keys are Flink's (`execution.runtime-mode`, `table.local-time-zone`, `sql-client.*`) plus
flinklite's own under `flinklite.`; unknown keys are kept, as Flink keeps them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from flinklite.errors import Pos, ValidationError


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    default: str | None
    choices: tuple[str, ...] = ()  # accepted values, compared case-insensitively
    kind: str = "string"  # 'string', 'boolean', 'int', 'duration', 'enum'


OPTIONS = {
    o.key: o
    for o in (
        Option("execution.runtime-mode", "streaming", ("streaming", "batch", "automatic"), "enum"),
        Option(
            "sql-client.execution.result-mode", "table", ("table", "changelog", "tableau"), "enum"
        ),
        Option("sql-client.execution.max-table-result.rows", "1000000", kind="int"),
        Option("sql-client.verbose", "false", kind="boolean"),
        Option("sql-client.display.max-column-width", "30", kind="int"),
        Option("table.display.max-column-width", "30", kind="int"),
        Option("sql-client.display.show-line-numbers", "false", kind="boolean"),
        Option("sql-client.display.color-schema", "default"),
        Option("table.dml-sync", "false", kind="boolean"),
        Option("table.local-time-zone", "default"),
        Option("table.exec.source.idle-timeout", "0 ms", kind="duration"),
        Option("pipeline.auto-watermark-interval", "200 ms", kind="duration"),
        Option("pipeline.name", None),
        Option("parallelism.default", "1", kind="int"),
        Option("table.exec.state.ttl", "0 ms", kind="duration"),
        Option("flinklite.flink-compatible", "false", kind="boolean"),
    )
}

# Keys the Flink client still understands but renamed; SET warns and stores the new key.
DEPRECATED = {
    "execution.result-mode": "sql-client.execution.result-mode",
    "execution.max-table-result.rows": "sql-client.execution.max-table-result.rows",
    "execution.type": "execution.runtime-mode",
}


class Configuration:
    """The session's SET properties over the defaults given at start-up (-D)."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        self._initial: dict[str, str] = {}
        for key, value in (initial or {}).items():
            self._initial[key] = check_value(key, value)
        self._values: dict[str, str] = dict(self._initial)

    def get(self, key: str, default: str | None = None) -> str | None:
        if key in self._values:
            return self._values[key]
        if default is not None:
            return default
        option = OPTIONS.get(key)
        return option.default if option else None

    def get_bool(self, key: str) -> bool:
        return (self.get(key) or "false").strip().lower() == "true"

    def set(self, key: str, value: str, pos: Pos | None = None) -> str | None:
        """Stores a property; returns a warning text for deprecated keys."""
        warning = None
        if key in DEPRECATED:
            warning = (
                f"The specified key '{key}' is deprecated. Please use '{DEPRECATED[key]}' instead."
            )
            key = DEPRECATED[key]
        self._values[key] = check_value(key, value, pos)
        return warning

    def reset(self, key: str | None = None) -> None:
        if key is None:
            self._values = dict(self._initial)
        elif key in self._initial:
            self._values[key] = self._initial[key]
        else:
            self._values.pop(DEPRECATED.get(key, key), None)

    def items(self) -> list[tuple[str, str]]:
        """What `SET;` lists: every property set in this session or at start-up, by key."""
        return sorted(self._values.items())


def check_value(key: str, value: str, pos: Pos | None = None) -> str:
    option = OPTIONS.get(key)
    if option is None:
        return value
    text = value.strip()
    if option.choices and text.lower() not in option.choices:
        raise ValidationError(
            f"Could not parse value '{value}' for key '{key}'. Expected one of: "
            + ", ".join(option.choices),
            pos=pos,
        )
    if option.kind == "boolean" and text.lower() not in ("true", "false"):
        raise ValidationError(
            f"Could not parse value '{value}' for key '{key}'. Expected true or false.", pos=pos
        )
    if option.kind == "int" and not text.lstrip("-").isdigit():
        raise ValidationError(
            f"Could not parse value '{value}' for key '{key}'. Expected an integer.", pos=pos
        )
    if option.kind == "duration":
        parse_duration_ms(text, key, pos)
    return text.lower() if option.kind in ("enum", "boolean") else value


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


def parse_duration_ms(text: str, key: str = "", pos: Pos | None = None) -> int:
    """A configuration key's duration in whole milliseconds; a clear error names the key."""
    try:
        return parse_duration(text) // dt.timedelta(milliseconds=1)
    except ValueError:
        raise ValidationError(
            f"Could not parse value '{text}' for key '{key}'. Expected a duration such as '200 ms' or '1 s'.",
            pos=pos,
        ) from None
