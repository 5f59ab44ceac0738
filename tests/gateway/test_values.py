"""Flink's result columns and JSON values, as the SQL Gateway sends them (recorded from Flink
2.3), become flinklite's types and row values: what the views then print is Flink's text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flinklite.catalog import types as T
from flinklite.cli.render import format_value
from flinklite.gateway.values import logical_type, row_converter

# Columns and the row Flink 2.3's gateway answered for
# SELECT 1 AS a, 'x' AS b, CAST(1.5 AS DECIMAL(5,2)) d, TIMESTAMP '2024-01-02 03:04:05.123' ts,
#        TO_TIMESTAMP_LTZ(0, 3) l, DATE '2024-01-01' dt, ARRAY[1,2] arr, MAP['a',1] m,
#        ROW(1,'a') r, CAST(NULL AS INT) n, TRUE bo, 1.5e0 dbl, TIME '10:11:12' t, X'0102' by_,
#        INTERVAL '2' DAY iv, CAST(1e20 AS BIGINT) big
COLUMNS = [
    {"type": "INTEGER", "nullable": False},
    {"type": "CHAR", "nullable": False, "length": 1},
    {"type": "DECIMAL", "nullable": False, "precision": 5, "scale": 2},
    {"type": "TIMESTAMP_WITHOUT_TIME_ZONE", "nullable": False, "precision": 3},
    {"type": "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "nullable": True, "precision": 3},
    {"type": "DATE", "nullable": False},
    {"type": "ARRAY", "nullable": False, "elementType": {"type": "INTEGER", "nullable": False}},
    {
        "type": "MAP",
        "nullable": False,
        "keyType": {"type": "CHAR", "nullable": False, "length": 1},
        "valueType": {"type": "INTEGER", "nullable": False},
    },
    {
        "type": "ROW",
        "nullable": False,
        "fields": [
            {"name": "EXPR$0", "fieldType": {"type": "INTEGER", "nullable": False}},
            {"name": "EXPR$1", "fieldType": {"type": "CHAR", "nullable": False, "length": 1}},
        ],
    },
    {"type": "INTEGER", "nullable": True},
    {"type": "BOOLEAN", "nullable": False},
    {"type": "DOUBLE", "nullable": False},
    {"type": "TIME_WITHOUT_TIME_ZONE", "nullable": False, "precision": 0},
    {"type": "BINARY", "nullable": False, "length": 2},
    {
        "type": "INTERVAL_DAY_TIME",
        "nullable": False,
        "precision": 2,
        "fractionalPrecision": 3,
        "resolution": "SECOND",
    },
    {"type": "BIGINT", "nullable": False},
]
FIELDS = [
    1, "x", Decimal("1.5"), "2024-01-02T03:04:05.123", "1970-01-01T00:00:00Z", "2024-01-01",
    [1, 2], {"a": 1}, {"EXPR$0": 1, "EXPR$1": "a"}, None, True, Decimal("1.5"), "10:11:12",
    "AQI=", 172800000, 9223372036854775807,
]  # fmt: skip


def test_types():
    types = [logical_type(c) for c in COLUMNS]
    assert [str(t) for t in types] == [
        "INT NOT NULL",
        "CHAR(1) NOT NULL",
        "DECIMAL(5, 2) NOT NULL",
        "TIMESTAMP(3) NOT NULL",
        "TIMESTAMP_LTZ(3)",
        "DATE NOT NULL",
        "ARRAY<INT NOT NULL> NOT NULL",
        "MAP<CHAR(1) NOT NULL, INT NOT NULL> NOT NULL",
        "ROW<`EXPR$0` INT NOT NULL, `EXPR$1` CHAR(1) NOT NULL> NOT NULL",
        "INT",
        "BOOLEAN NOT NULL",
        "DOUBLE NOT NULL",
        "TIME(0) NOT NULL",
        "BINARY(2) NOT NULL",
        "INTERVAL SECOND(3) NOT NULL",
        "BIGINT NOT NULL",
    ]


def test_values_follow_the_row_contract_and_print_as_flink_prints_them():
    types = [logical_type(c) for c in COLUMNS]
    row = row_converter(types)(FIELDS)
    ts = (dt.datetime(2024, 1, 2, 3, 4, 5, 123000) - dt.datetime(1970, 1, 1)) // dt.timedelta(
        microseconds=1
    )
    assert row[3] == ts * 1000 and row[4] == 0
    assert row[5] == (dt.date(2024, 1, 1) - dt.date(1970, 1, 1)).days
    assert row[6] == (1, 2) and row[8] == (1, "a") and row[13] == b"\x01\x02"
    assert isinstance(row[11], float) and row[2] == Decimal("1.5")
    assert hash(row)  # rows key state and folds: every value is hashable
    shown = [format_value(v, t) for v, t in zip(row, types, strict=True)]
    assert shown == [
        "1", "x", "1.50", "2024-01-02 03:04:05.123", "1970-01-01 00:00:00.000", "2024-01-01",
        "[1, 2]", "{a=1}", "(1, a)", "<NULL>", "TRUE", "1.5", "10:11:12", "\x01\x02",
        "+2 00:00:00.000", "9223372036854775807",
    ]  # fmt: skip


def test_instants_with_an_offset_and_maps_keyed_by_numbers():
    ltz = logical_type({"type": "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "precision": 6})
    m = logical_type(
        {"type": "MAP", "keyType": {"type": "INTEGER"}, "valueType": {"type": "DOUBLE"}}
    )
    row = row_converter([ltz, m])(["1970-01-01T01:00:00.5+01:00", {"1": "NaN", "2": 2}])
    assert row[0] == 500_000_000
    assert row[1][2] == 2.0 and row[1][1] != row[1][1]  # NaN
    assert m.elements[0] == T.int_()
