"""Session configuration: SET / RESET semantics, known keys with defaults, value checks.

Keys are Flink's (`execution.runtime-mode`, `table.local-time-zone`, `sql-client.*`) plus
flinklite's own under `flinklite.`; unknown keys are kept, as Flink keeps them."""

from __future__ import annotations

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


_UNITS = {
    "": 1, "ms": 1, "milli": 1, "millis": 1, "millisecond": 1, "milliseconds": 1,
    "s": 1000, "sec": 1000, "secs": 1000, "second": 1000, "seconds": 1000,
    "min": 60_000, "m": 60_000, "minute": 60_000, "minutes": 60_000,
    "h": 3_600_000, "hour": 3_600_000, "hours": 3_600_000,
    "d": 86_400_000, "day": 86_400_000, "days": 86_400_000,
}  # fmt: skip


def parse_duration_ms(text: str, key: str = "", pos: Pos | None = None) -> int:
    """Flink's duration syntax: '200 ms', '1s', '5 min', or a bare number of milliseconds."""
    s = text.strip().lower()
    digits = len(s) - len(s.lstrip("0123456789"))
    number, unit = s[:digits], s[digits:].strip()
    if not number or unit not in _UNITS:
        raise ValidationError(
            f"Could not parse value '{text}' for key '{key}'. Expected a duration such as '200 ms' or '1 s'.",
            pos=pos,
        )
    return int(number) * _UNITS[unit]
