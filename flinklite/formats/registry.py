"""Format factories found by their 'format' identifier, and the typed option declarations shared
with connectors (Flink's ConfigOption): parsing a written value, with Flink's error texts."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flinklite.catalog.types import DataType
from flinklite.config import parse_duration

# Changelog modes, as Flink prints them.
INSERT_ONLY = ("INSERT",)
ALL_KINDS = ("INSERT", "UPDATE_BEFORE", "UPDATE_AFTER", "DELETE")
UPSERT = ("INSERT", "UPDATE_AFTER", "DELETE")

DESERIALIZATION = "org.apache.flink.table.factories.DeserializationFormatFactory"
SERIALIZATION = "org.apache.flink.table.factories.SerializationFormatFactory"


class OptionValueError(ValueError):
    """A written option value that does not parse; the message says why."""


# ---------------------------------------------------------------------------------------------
# Typed options


@dataclass(frozen=True, slots=True)
class ConfigOption:
    """One option key with its type, default and allowed values.

    `type` is one of string, int, long, double, boolean, duration, memory, enum, list. A
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


_PARSERS: dict[str, Callable[[ConfigOption, str], Any]] = {
    "string": lambda opt, raw: raw,
    "int": _parse_int(32),
    "long": _parse_int(64),
    "double": _parse_double,
    "boolean": _parse_boolean,
    "enum": _parse_enum,
    "duration": lambda opt, raw: parse_duration(raw),
    "memory": lambda opt, raw: parse_memory(raw),
    "list": lambda opt, raw: [part for part in raw.split(";")],
}


# ---------------------------------------------------------------------------------------------
# Metadata and formats


@dataclass(frozen=True, slots=True)
class MetadataKey:
    """A metadata key a connector or format exposes, with the type it produces or accepts."""

    key: str
    type: DataType


@dataclass(frozen=True, slots=True)
class FormatFactory:
    """A format's declaration: its options (relative to the format's prefix), whether it encodes
    and decodes, its changelog mode and the metadata it can read.

    `supported` False marks formats Flink has that flinklite accepts in DDL but cannot run yet.
    `check` receives the projected options (already parsed) and the option-space prefix; it raises
    OptionValueError-free ValidationErrors of its own."""

    identifier: str
    required: tuple[ConfigOption, ...] = ()
    optional: tuple[ConfigOption, ...] = ()
    changelog: tuple[str, ...] = INSERT_ONLY
    decodes: bool = True
    encodes: bool = True
    readable_metadata: tuple[MetadataKey, ...] = ()
    supported: bool = True
    check: Callable[[Mapping[str, Any], str], None] | None = None
    description: str = ""

    @property
    def options(self) -> tuple[ConfigOption, ...]:
        return self.required + self.optional

    @property
    def insert_only(self) -> bool:
        return self.changelog == INSERT_ONLY

    def option(self, key: str) -> ConfigOption | None:
        for opt in self.options:
            if opt.matches(key):
                return opt
        return None


_MODULES = ("csv", "json", "avro", "avro_confluent", "raw")
_FORMATS: dict[str, FormatFactory] = {}


def _load() -> dict[str, FormatFactory]:
    if not _FORMATS:
        for name in _MODULES:
            module = importlib.import_module(f"flinklite.formats.{name}")
            for factory in module.FACTORIES:
                _FORMATS[factory.identifier] = factory
    return _FORMATS


def register_format(factory: FormatFactory) -> None:
    """Adds (or replaces) a format, e.g. from a plug-in or a test."""
    _load()[factory.identifier] = factory


def get_format(identifier: str) -> FormatFactory | None:
    return _load().get(identifier)


def format_identifiers(*, decoding: bool | None = None, encoding: bool | None = None) -> list[str]:
    """Known identifiers, optionally only those that decode or encode (Flink lists the factories
    of the kind it looked for)."""
    return sorted(
        f.identifier
        for f in _load().values()
        if (decoding is None or f.decodes == decoding)
        and (encoding is None or f.encodes == encoding)
    )


def changelog_text(kinds: tuple[str, ...]) -> str:
    """A changelog mode as Flink's ChangelogMode.toString prints it: [INSERT, DELETE]."""
    return "[" + ", ".join(kinds) + "]"
