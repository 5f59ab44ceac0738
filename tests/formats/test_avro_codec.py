"""Avro binary as flinklite writes and reads it: every column type round-trips, and what it
writes is what a plain Avro reader (fastavro, no flinklite code) reads under the schema."""

from __future__ import annotations

import io
from decimal import Decimal

import fastavro

from flinklite.catalog.types import RowField, parse_type_string
from flinklite.expr.literals import FrozenMap
from flinklite.formats.avro_codec import AvroReader, AvroWriter, parse

FIELDS = tuple(
    RowField(name, parse_type_string(text))
    for name, text in [
        ("s", "STRING"),
        ("m", "DECIMAL(10, 2)"),
        ("ts", "TIMESTAMP(3)"),
        ("pair", "ARRAY<INT>"),  # two elements: not to be taken for a (branch, value) pair
        ("arr", "ARRAY<STRING>"),
        ("r", "ROW<x INT, y ARRAY<BIGINT>>"),
        ("kv", "MAP<STRING, INT>"),
    ]
)
ROWS = [
    ("a", Decimal("12.34"), 1_704_164_645_678_000_000, (1, 2), ("x", None, "z"), (1, (5, 6)),
     FrozenMap({"k": 1})),
    (None, None, None, None, None, None, None),
    ("", Decimal("-0.01"), 0, (), (), (None, ()), FrozenMap()),
]  # fmt: skip


def test_rows_round_trip_and_read_as_plain_avro():
    writer = AvroWriter(FIELDS)
    reader = AvroReader(FIELDS, writer.schema_json)
    for row in ROWS:
        data = writer.write(row)
        got = reader.read(data)
        assert [list(v) if isinstance(v, tuple) else v for v in got[3:5]] == [
            None if v is None else list(v) for v in row[3:5]
        ]
        assert got[:3] == row[:3] and got[6] == row[6]
        plain = fastavro.schemaless_reader(io.BytesIO(data), parse(writer.schema_json), None)
        assert plain["pair"] == (None if row[3] is None else list(row[3]))
        assert plain["s"] == row[0]
