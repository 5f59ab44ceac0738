"""encode.py renders flinklite values exactly as the oracle's collector writes Flink's, and its
comparison modes say what they promise."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from encode import comparable, diff_message, encode_changes, fold  # noqa: E402

from flinklite.catalog import types as T  # noqa: E402

MS = 1_000_000  # nanoseconds per millisecond
JAN_1_2024 = 1_704_067_200 * 10**9


def field(name: str, t: T.DataType) -> T.RowField:
    return T.RowField(name, t)


def one(t: T.DataType, value: object) -> object:
    [line] = encode_changes([field("x", t)], [("+I", (value,))])
    return json.loads(line)["row"][0]


def test_timestamps_always_show_milliseconds_and_more_only_when_needed() -> None:
    assert one(T.timestamp(0), JAN_1_2024) == "2024-01-01 00:00:00.000"
    assert one(T.timestamp(3), JAN_1_2024 + 120 * MS) == "2024-01-01 00:00:00.120"
    assert one(T.timestamp(6), JAN_1_2024 + 123_456_000) == "2024-01-01 00:00:00.123456"
    assert one(T.timestamp(9), JAN_1_2024 + 120 * MS) == "2024-01-01 00:00:00.120"
    assert one(T.timestamp(9), JAN_1_2024 + 1) == "2024-01-01 00:00:00.000000001"


def test_timestamps_before_1970() -> None:
    moon = -14_182_940 * 10**9 + 500 * MS
    assert one(T.timestamp(3), moon) == "1969-07-20 20:17:40.500"


def test_timestamp_ltz_renders_in_the_session_zone() -> None:
    [line] = encode_changes(
        [field("t", T.timestamp_ltz(3))], [("+I", (JAN_1_2024,))], zone="Europe/Paris"
    )
    assert json.loads(line)["row"] == ["2024-01-01 01:00:00.000"]
    assert one(T.timestamp_ltz(3), 0) == "1970-01-01 00:00:00.000"


def test_dates_and_times() -> None:
    assert one(T.date(), 19723) == "2024-01-01"
    assert one(T.date(), -1) == "1969-12-31"
    assert one(T.time(0), (13 * 3600 + 45 * 60 + 30) * 10**9) == "13:45:30"
    assert one(T.time(3), 500 * MS) == "00:00:00.500"


def test_numbers_booleans_strings_and_null() -> None:
    assert one(T.decimal(10, 2), Decimal("1.50")) == "1.50"
    assert one(T.decimal(38, 6), Decimal("-0.000001")) == "-0.000001"
    assert one(T.double(), 0.1) == 0.1
    assert one(T.double(), float("nan")) == "NaN"
    assert one(T.double(), float("-inf")) == "-Infinity"
    assert one(T.float_(), 1.100000023841858) == 1.1
    assert one(T.int_(), -7) == -7
    assert one(T.boolean(), True) is True
    assert one(T.string(), "£12") == "£12"
    assert one(T.string(), None) is None


def test_constructed_values() -> None:
    assert one(T.array(T.timestamp(3)), [JAN_1_2024]) == ["2024-01-01 00:00:00.000"]
    row_type = T.row([("a", T.int_()), ("b", T.decimal(5, 1))])
    assert one(row_type, (1, Decimal("2.0"))) == [1, "2.0"]
    assert one(T.map_(T.string(), T.int_()), {"k": 1}) == {"k": 1}


def test_java_and_python_float_spellings_compare_equal() -> None:
    java = ['{"op": "+I", "row": [1.0E20, 3.0]}']
    python = encode_changes([field("a", T.double()), field("b", T.double())], [("+I", (1e20, 3.0))])
    assert comparable(java, "raw") == comparable(python, "raw")


def test_an_int_where_flink_has_a_double_is_a_difference() -> None:
    java = ['{"op": "+I", "row": [3.0]}']
    assert comparable(java, "raw") != comparable(['{"op": "+I", "row": [3]}'], "raw")


def test_fold_applies_retractions() -> None:
    changes = [("+I", ["a", 1]), ("-U", ["a", 1]), ("+U", ["a", 2]), ("+I", ["b", 1])]
    assert fold(changes) == ['["a", 2]', '["b", 1]']


def test_modes() -> None:
    a = ['{"op": "+I", "row": [1]}', '{"op": "+I", "row": [2]}']
    b = list(reversed(a))
    assert comparable(a, "raw") != comparable(b, "raw")
    assert comparable(a, "multiset") == comparable(b, "multiset")
    retracted = ['{"op": "+I", "row": [1]}', '{"op": "-D", "row": [1]}']
    assert comparable(retracted, "fold") == []
    assert comparable(retracted, "multiset") != []


def test_diff_message_names_the_first_difference() -> None:
    expected = [f'{{"op": "+I", "row": [{i}]}}' for i in range(50)]
    actual = list(expected)
    actual[30] = '{"op": "+I", "row": [-1]}'
    message = diff_message(expected, actual, "raw")
    assert message is not None
    assert "first difference at line 31" in message
    assert '-{"op": "+I", "row": [30]}' in message
    assert len(message.splitlines()) < 20
    assert diff_message(expected, list(expected), "raw") is None
