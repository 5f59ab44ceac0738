"""The json format's codecs against what Flink 2.3 read and wrote (flink_sink.json came from
the flink-oracle; the decode cases are rows Flink returned for the same records)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from flink_sink_rows import SINK_FIELDS, sink_rows

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.formats import json_codec
from flinklite.formats.text_codec import timestamp_parser

DATA = Path(__file__).parent / "data"
FIELDS = (
    RowField("s", T.string()),
    RowField("i", T.int_()),
    RowField("d", T.double()),
    RowField("dc", T.decimal(10, 2)),
    RowField("b", T.boolean()),
    RowField("ts", T.timestamp(3)),
)
_TS = timestamp_parser(False, False)("2024-01-01 00:00:00.123")


def decode(record: str, **options):
    return json_codec.decoder(FIELDS, options).decode(record)


@pytest.mark.parametrize(
    "record, expected",
    [
        ('{"s": 1}', ("1", None, None, None, None, None)),
        ('{"s": {"x": 1}}', ('{"x":1}', None, None, None, None, None)),
        ('{"s": [1, 2], "b": "TRUE"}', ("[1,2]", None, None, None, True, None)),
        ('{"s": true, "b": 1}', ("true", None, None, None, False, None)),
        ('{"i": "2", "d": "2.5", "dc": "3.456"}', (None, 2, 2.5, Decimal("3.46"), None, None)),
        ('{"i": " 3 ", "d": 1, "dc": 3.456}', (None, 3, 1.0, Decimal("3.46"), None, None)),
        ('{"i": 1.7, "dc": 12345678901}', (None, 1, None, None, None, None)),
        ('{"ts": "2024-01-01 00:00:00.123456789"}', (None, None, None, None, None, _TS)),
        ('{"s": "a", "s": "b"}', ("b", None, None, None, None, None)),
    ],
)
def test_values_convert_as_in_flink(record, expected):
    assert decode(record) == expected


def test_bad_fields_are_null_with_ignore_parse_errors_and_fail_without():
    record = '{"s": "a", "i": "x", "ts": "2024-01-01T00:00:00"}'
    assert decode(record, **{"ignore-parse-errors": True}) == ("a", None, None, None, None, None)
    with pytest.raises(ValueError, match="field 'i' of type INT"):
        decode(record)


def test_malformed_and_blank_records():
    assert decode("   \n") is None
    assert decode('{"s": "a"', **{"ignore-parse-errors": True}) is None
    assert decode("[1, 2]", **{"ignore-parse-errors": True}) is None
    with pytest.raises(ValueError, match="Failed to deserialize JSON"):
        decode('{"s": "a"')


def test_iso_timestamps():
    ts = T.timestamp(3)
    ltz = T.timestamp_ltz(3)
    fields = (RowField("ts", ts), RowField("ltz", ltz))
    options = {"timestamp-format.standard": "ISO-8601"}
    record = '{"ts": "2024-01-01T00:00:00.123", "ltz": "2024-01-01T00:00:00.123Z"}'
    assert json_codec.decoder(fields, options).decode(record) == (_TS, _TS)
    lenient = {"ignore-parse-errors": True}
    assert json_codec.decoder(fields, lenient).decode(record) == (None, None)


def test_missing_field_fails_when_asked():
    with pytest.raises(ValueError, match="Could not find field with name 'i'"):
        decode('{"s": "a"}', **{"fail-on-missing-field": True})


def test_writes_the_bytes_flink_writes():
    encode = json_codec.encoder(SINK_FIELDS, {}).encode
    text = "".join(encode(r) + "\n" for r in sink_rows())
    assert text == (DATA / "flink_sink.json").read_text(encoding="utf-8")


def test_round_trip():
    row = ('q"uote\n', 1, 1e10, Decimal("1.25"), True, _TS)
    encoded = json_codec.encoder(FIELDS, {}).encode(row)
    assert decode(encoded) == row
