"""Format factories found by their 'format' identifier: their options (flinklite.options), the
metadata they expose and the changelog modes they produce."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flinklite.catalog.types import DataType
from flinklite.options import ConfigOption

# Changelog modes, as Flink prints them.
INSERT_ONLY = ("INSERT",)
ALL_KINDS = ("INSERT", "UPDATE_BEFORE", "UPDATE_AFTER", "DELETE")
UPSERT = ("INSERT", "UPDATE_AFTER", "DELETE")

DESERIALIZATION = "org.apache.flink.table.factories.DeserializationFormatFactory"
SERIALIZATION = "org.apache.flink.table.factories.SerializationFormatFactory"


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
