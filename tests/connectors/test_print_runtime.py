"""The print and blackhole sinks: Flink's print line format, its identifier prefix and
stderr option; the blackhole takes everything and shows nothing."""

from __future__ import annotations

from decimal import Decimal

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.connectors.blackhole import BlackHoleSink
from flinklite.connectors.print_ import PrintSink, java_string
from flinklite.runtime.connector import SinkSpec

FIELDS = (
    RowField("user_id", T.string()),
    RowField("a", T.bigint()),
    RowField("b", T.int_()),
    RowField("ts", T.timestamp(3)),
    RowField("price", T.decimal(10, 2)),
    RowField("ok", T.boolean()),
    RowField("note", T.string()),
)
TS = 1704067200 * 10**9  # 2024-01-01 00:00:00


def _sink(**options) -> PrintSink:
    return PrintSink(SinkSpec("t", options, {}, FIELDS, changelog=("+I", "-U", "+U", "-D")))


def test_lines_match_flink_print_connector(capsys):
    # The lines Flink 2.3 printed for these changes (flink-oracle README).
    sink = _sink()
    sink.process("+I", ("user_1", 1, 1, TS + 120 * 10**6, Decimal("1.50"), True, None))
    sink.process("-U", ("user_1", 1, 1, TS + 120 * 10**6, Decimal("1.50"), True, None))
    sink.process_batch([("user_1", 2, 2, TS + 208 * 10**6, Decimal("1.50"), True, None)])
    sink.end_input()
    assert capsys.readouterr().out == (
        "+I[user_1, 1, 1, 2024-01-01T00:00:00.120, 1.50, true, null]\n"
        "-U[user_1, 1, 1, 2024-01-01T00:00:00.120, 1.50, true, null]\n"
        "+I[user_1, 2, 2, 2024-01-01T00:00:00.208, 1.50, true, null]\n"
    )


def test_identifier_prefix_and_standard_error(capsys):
    sink = _sink(**{"print-identifier": "x", "standard-error": True})
    sink.process("-D", ("u", 1, 1, TS, Decimal("0.00"), False, "n"))
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "x> -D[u, 1, 1, 2024-01-01T00:00, 0.00, false, n]\n"


def test_java_string_of_each_type():
    assert java_string(1e10, T.double()) == "1.0E10"
    assert java_string(0.001, T.double()) == "0.001"
    assert java_string(1e-4, T.double()) == "1.0E-4"
    assert java_string(float("nan"), T.double()) == "NaN"
    assert java_string(0.1, T.float_()) == "0.1"
    assert java_string(TS + 1000, T.timestamp(6)) == "2024-01-01T00:00:00.000001"
    assert java_string(TS + 5 * 10**9, T.timestamp_ltz(3)) == "2024-01-01T00:00:05Z"
    assert java_string(TS, T.timestamp_ltz(3)) == "2024-01-01T00:00:00Z"
    assert java_string(19724, T.date()) == "2024-01-02"
    assert java_string(36672 * 10**9, T.time(0)) == "10:11:12"
    assert java_string(Decimal("1E-8"), T.decimal(20, 10)) == "1E-8"
    assert java_string(5_400_000, T.interval_day_time()) == "PT1H30M"
    assert java_string(-1500, T.interval_day_time()) == "PT-1.5S"
    assert java_string(14, T.interval_year_month()) == "P1Y2M"
    assert java_string([1, None], T.array(T.int_())) == "[1, null]"
    assert java_string(b"\x01\xff", T.bytes_()) == "[1, -1]"


def test_blackhole_swallows_everything(capsys):
    sink = BlackHoleSink(SinkSpec("t", {}, {}, FIELDS))
    sink.process("+I", ("u",) * 7)
    sink.process_batch([("u",) * 7] * 1000)
    sink.end_input()
    assert capsys.readouterr() == ("", "")
