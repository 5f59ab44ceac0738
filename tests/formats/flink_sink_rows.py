"""The rows of the Flink INSERT that wrote data/flink_sink.csv and data/flink_sink.json (with
'format' = 'csv' / 'json'), as flinklite values, for the format tests."""

from __future__ import annotations

from decimal import Decimal

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.formats.text_codec import days_of_date

SINK_FIELDS = (
    RowField("s", T.string()),
    RowField("i", T.int_()),
    RowField("bi", T.bigint()),
    RowField("d", T.double()),
    RowField("f", T.float_()),
    RowField("dc", T.decimal(10, 2)),
    RowField("dc2", T.decimal(20, 10)),
    RowField("b", T.boolean()),
    RowField("ts", T.timestamp(3)),
    RowField("ts9", T.timestamp(9)),
    RowField("dt", T.date()),
    RowField("tm", T.time(3)),
    RowField("ltz", T.timestamp_ltz(3)),
)
_DAY = days_of_date(2024, 1, 2)
_T0 = 1704067200 * 10**9  # 2024-01-01 00:00:00


def _tail(d: float, f: float) -> tuple:
    """The columns after `s` shared by most rows of the Flink INSERT."""
    return (
        0, 0, d, f, Decimal("0.01"), Decimal("1.0000000000"), True, _T0 + 1001 * 10**6,
        _T0 + 100 * 10**6, _DAY, 0, _T0,
    )  # fmt: skip


def sink_rows() -> list[tuple]:
    """The rows of the Flink INSERT that produced data/flink_sink.csv and flink_sink.json."""
    first = ("plain", 1, 10000000000, 1.0, 1.5, Decimal("1.25"), Decimal("0.0000000100"), True,
             _T0, _T0 + 123456789, _DAY, 36672 * 10**9, _T0 + 120 * 10**6)  # fmt: skip
    second = ("with space", -1, -5, 1e10, 0.1, Decimal("-0.50"), Decimal("123.4560000000"),
              False, _T0 + 120 * 10**6, _T0 + 1000, _DAY, 36672500 * 10**6, 0)  # fmt: skip
    third = ("a,b", 0, 0, 0.0001, 1e10, Decimal("0.00"), Decimal("0E-10"), True,
             _T0 + 1001 * 10**6, _T0 + 100 * 10**6, _DAY, 0, _T0)  # fmt: skip
    nulls = (None, None, 0, None, None, None, Decimal("1.0000000000"), None, None,
             _T0 + 100 * 10**6, None, None, None)  # fmt: skip
    rows = [first, second, third]
    rows.append(('q"uote', *_tail(1e-5, 3.14159)))
    rows.append(("", *_tail(123456.789, 0.0)))
    rows.append(nulls)
    for text, d, f in [
        ("#hash", 1e7, 1e7),
        ("£uni-x_y.z", 9999999.0, 0.001),
        ("tab\tx", 0.001, 1e-4),
        ("semi;colon", -1.25e-8, 1e-4),
        (" lead", 0.1, 1e-4),
        ("trail ", 0.1, 1e-4),
        ("new\nline", 0.1, 1e-4),
        ("back\\slash!", 0.1, 1e-4),
        ("A~z{}", 0.1, 1e-4),
    ]:
        rows.append((text, *_tail(d, f)))
    return rows
