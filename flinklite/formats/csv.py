"""The 'csv' format's declaration: Flink's CsvFormatOptions and their checks.

Decoding and encoding live in csv_codec; `decoder` and `encoder` below build them."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from typing import Any

from flinklite.errors import ValidationError
from flinklite.formats.registry import FormatFactory
from flinklite.options import ConfigOption

IDENTIFIER = "csv"

OPTIONS = (
    ConfigOption("field-delimiter", default=",", description="Field delimiter character."),
    ConfigOption("disable-quote-character", "boolean", False),
    ConfigOption("quote-character", default='"'),
    ConfigOption("allow-comments", "boolean", False),
    ConfigOption("ignore-parse-errors", "boolean", False),
    ConfigOption("array-element-delimiter", default=";"),
    ConfigOption("escape-character"),
    ConfigOption("null-literal"),
    ConfigOption("write-bigdecimal-in-scientific-notation", "boolean", True),
)


def _single_character(values: Mapping[str, Any], key: str, *, unescape: bool = False) -> None:
    value = values.get(key)
    if value is None:
        return
    # Flink unescapes Java escapes in the delimiter, so '\t' written as two characters is a tab.
    text = codecs.decode(value, "unicode_escape") if unescape else value
    if len(text) != 1:
        raise ValidationError(
            f"Option '{IDENTIFIER}.{key}' must be a string with single character, but was: {value}"
        )


def check(values: Mapping[str, Any], prefix: str) -> None:
    """CsvCommons.validateFormatOptions."""
    if values.get("disable-quote-character") and "quote-character" in values:
        raise ValidationError(
            "Format cannot define a quote character and disabled quote character at the same time."
        )
    _single_character(values, "field-delimiter", unescape=True)
    _single_character(values, "quote-character")
    _single_character(values, "escape-character")


FACTORIES = (FormatFactory(IDENTIFIER, optional=OPTIONS, check=check),)


def decoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowDecoder of one CSV record per message (see csv_codec)."""
    from flinklite.formats import csv_codec

    return csv_codec.decoder(fields, options)


def encoder(fields: tuple, options: dict[str, Any]) -> Any:
    """A RowEncoder writing one CSV line per row (see csv_codec)."""
    from flinklite.formats import csv_codec

    return csv_codec.encoder(fields, options)
