"""The 'raw' format's declaration: a single column read or written as the whole message.

Flink's RawFormatOptions: the charset of strings and the byte order of numbers; `decoder` and
`encoder` turn a message into the single column's value and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flinklite.errors import ValidationError
from flinklite.formats.registry import FormatFactory
from flinklite.options import ConfigOption

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


# --- row codecs ------------------------------------------------------------------------------

_NUMBER_LAYOUTS = {
    "BOOLEAN": "?",
    "TINYINT": "b",
    "SMALLINT": "h",
    "INTEGER": "i",
    "BIGINT": "q",
    "FLOAT": "f",
    "DOUBLE": "d",
}


def _layout(fields: tuple) -> tuple[str, str | None]:
    if len(fields) != 1:
        raise ValidationError(
            f"The 'raw' format only supports single physical column. However the defined schema "
            f"contains multiple physical columns: [{', '.join(f.name for f in fields)}]"
        )
    root = fields[0].type.root
    return root, _NUMBER_LAYOUTS.get(root)


def decoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowDecoder of a whole message into the table's single column (NULL for no value)."""
    import struct

    from flinklite.runtime.connector import RowDecoder

    root, layout = _layout(fields)
    charset = options.get("charset", "UTF-8")
    order = "<" if options.get("endianness") == "little-endian" else ">"

    def decode(record: Any) -> tuple | None:
        if record is None:
            return (None,)
        if layout is not None:
            data = record.encode(charset) if isinstance(record, str) else record
            return struct.unpack(order + layout, data)
        if root in ("CHAR", "VARCHAR"):
            return (record if isinstance(record, str) else bytes(record).decode(charset),)
        return (record.encode(charset) if isinstance(record, str) else bytes(record),)

    return RowDecoder(fields, decode)


def encoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowEncoder of the single column to bytes (strings in the charset, numbers in the
    configured byte order); NULL stays None."""
    import struct

    from flinklite.runtime.connector import RowEncoder

    root, layout = _layout(fields)
    charset = options.get("charset", "UTF-8")
    order = "<" if options.get("endianness") == "little-endian" else ">"

    def encode(row: tuple) -> bytes | None:
        value = row[0]
        if value is None:
            return None
        if layout is not None:
            return struct.pack(order + layout, value)
        if isinstance(value, str):
            return value.encode(charset)
        return bytes(value)

    return RowEncoder(fields, encode)
