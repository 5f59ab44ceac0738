"""The 'raw' format's declaration: a single column read or written as the whole message.

Flink's RawFormatOptions: the charset of strings and the byte order of numbers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flinklite.errors import ValidationError
from flinklite.formats.registry import ConfigOption, FormatFactory

OPTIONS = (
    ConfigOption("charset", default="UTF-8"),
    ConfigOption("endianness", "enum", "big-endian", ("big-endian", "little-endian")),
)


def check(values: Mapping[str, Any], prefix: str) -> None:
    charset = values.get("charset")
    if charset is None:
        return
    import codecs

    try:
        codecs.lookup(charset)
    except LookupError:
        raise ValidationError(f"Unsupported 'charset' name: {charset}.") from None


FACTORIES = (FormatFactory("raw", optional=OPTIONS, check=check),)
