"""Specification of the SQL client's text rendering: Flink's tableau tables, messages and values.

Expected tables are copied from Flink's golden CLI transcripts (flink-sql-client table.q, set.q)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flinklite.catalog import types as T
from flinklite.cli import render
from flinklite.results import (
    ClearResult,
    HelpResult,
    JobSubmittedResult,
    QuitResult,
    StatusResult,
    TableResult,
    TextResult,
)

S = T.string()


def table(columns, types, rows) -> TableResult:
    return TableResult(tuple(columns), tuple(types), list(rows))


def test_show_tables_is_right_aligned_with_borders_and_footer():
    result = table(["table name"], [S], [("orders",)])
    assert render.render_result(result) == "\n".join(
        [
            "+------------+",
            "| table name |",
            "+------------+",
            "|     orders |",
            "+------------+",
            "1 row in set",
        ]
    )


def test_describe_matches_flinks_golden_layout():
    b = T.boolean()
    result = table(
        ["name", "type", "null", "key", "extras", "watermark"],
        [S, S, b, S, S, S],
        [
            ("user", "BIGINT", False, "PRI(user)", "", ""),
            ("product", "VARCHAR(32)", True, "", "", ""),
            ("amount", "INT", True, "", "", ""),
            ("ts", "TIMESTAMP(3) *ROWTIME*", True, "", "", "`ts` - INTERVAL '1' SECOND"),
            ("ptime", "TIMESTAMP_LTZ(3) *PROCTIME*", False, "", "AS PROCTIME()", ""),
        ],
    )
    # Flink's table.q, with the booleans of newer versions (TRUE/FALSE).
    assert render.render_result(result) == "\n".join(
        [
            "+---------+-----------------------------+-------+-----------+---------------+----------------------------+",
            "|    name |                        type |  null |       key |        extras |                  watermark |",
            "+---------+-----------------------------+-------+-----------+---------------+----------------------------+",
            "|    user |                      BIGINT | FALSE | PRI(user) |               |                            |",
            "| product |                 VARCHAR(32) |  TRUE |           |               |                            |",
            "|  amount |                         INT |  TRUE |           |               |                            |",
            "|      ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |           |               | `ts` - INTERVAL '1' SECOND |",
            "|   ptime | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |           | AS PROCTIME() |                            |",
            "+---------+-----------------------------+-------+-----------+---------------+----------------------------+",
            "5 rows in set",
        ]
    )


def test_empty_table_prints_empty_set_only():
    assert render.render_result(table(["table name"], [S], [])) == "Empty set"


def test_row_count_footer_singular_and_plural():
    assert render.row_count_footer(1) == "1 row in set"
    assert render.row_count_footer(2) == "2 rows in set"
    assert render.received_footer(1) == "Received a total of 1 row"
    assert render.received_footer(3) == "Received a total of 3 rows"


def test_long_values_are_cut_to_max_width_with_dots():
    long = "x" * 40
    text = render.render_table(table(["v"], [S], [(long,)]))
    lines = text.splitlines()
    assert lines[0] == "+" + "-" * 32 + "+"
    assert lines[3] == "| " + "x" * 27 + "... |"


def test_max_width_applies_to_every_column_including_timestamps():
    ts = T.timestamp(3)
    nanos = 988_000_000_000_000_000 + 123_000_000  # 2001-04-24 04:26:40.123
    text = render.render_table(table(["ts"], [ts], [(nanos,)]), max_width=10)
    assert "| 2001-01... |" not in text  # the value below is from 2001-04
    assert "| 2001-04... |" in text


def test_max_column_width_comes_from_either_key():
    class Conf(dict):
        def get(self, key, default=None):
            return super().get(key, default)

    assert render.max_column_width(None) == 30
    assert render.max_column_width(Conf()) == 30
    assert render.max_column_width(Conf({"table.display.max-column-width": "12"})) == 12
    both = Conf(
        {"table.display.max-column-width": "12", "sql-client.display.max-column-width": "7"}
    )
    assert render.max_column_width(both) == 7


def test_wide_characters_count_twice():
    text = render.render_table(table(["c"], [S], [("中文",), ("ab",)]))
    assert text.splitlines()[3] == "| 中文 |"
    assert text.splitlines()[4] == "|   ab |"


def test_null_and_booleans():
    assert render.format_value(None, S) == "<NULL>"
    assert render.format_value(None, T.int_()) == "<NULL>"
    assert render.format_value(True, T.boolean()) == "TRUE"
    assert render.format_value(False, T.boolean()) == "FALSE"
    text = render.render_table(
        table(["a", "b"], [T.int_(), T.boolean()], [(None, None), (1, True)])
    )
    assert "| <NULL> | <NULL> |" in text
    assert "|      1 |   TRUE |" in text


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (0, "2021-04-13 20:12:11"),
        (3, "2021-04-13 20:12:11.123"),
        (6, "2021-04-13 20:12:11.123456"),
        (9, "2021-04-13 20:12:11.123456789"),
    ],
)
def test_timestamps_keep_their_declared_precision(precision, expected):
    nanos = int(dt.datetime(2021, 4, 13, 20, 12, 11).replace(tzinfo=dt.UTC).timestamp()) * 10**9
    nanos += 123_456_789
    assert render.format_value(nanos, T.timestamp(precision)) == expected


def test_timestamp_pads_fraction_zeros_and_handles_before_epoch():
    assert render.format_value(100_000_000, T.timestamp(9)) == "1970-01-01 00:00:00.100000000"
    assert render.format_value(-1_000_000, T.timestamp(3)) == "1969-12-31 23:59:59.999"


def test_timestamp_ltz_is_shown_in_the_session_zone():
    nanos = 1_700_000_000 * 10**9  # 2023-11-14 22:13:20 UTC
    assert render.format_value(nanos, T.timestamp_ltz(3)) == "2023-11-14 22:13:20.000"
    tokyo = render._zone("Asia/Tokyo")
    assert render.format_value(nanos, T.timestamp_ltz(0), time_zone=tokyo) == "2023-11-15 07:13:20"


def test_date_time_and_intervals():
    assert render.format_value(0, T.date()) == "1970-01-01"
    assert render.format_value(18730, T.date()) == "2021-04-13"
    assert render.format_value((20 * 3600 + 12 * 60 + 11) * 10**9, T.time(0)) == "20:12:11"
    assert render.format_value(5 * 10**8, T.time(3)) == "00:00:00.500"
    assert render.format_value(86_400_000, T.interval_day_time("DAY")) == "+1 00:00:00.000"
    assert render.format_value(12, T.interval_year_month("YEAR")) == "+1-00"
    assert render.format_value(-14, T.interval_year_month()) == "-1-02"


def test_decimals_keep_their_scale():
    assert render.format_value(Decimal("1.50"), T.decimal(10, 2)) == "1.50"
    assert render.format_value(Decimal("1.5"), T.decimal(10, 2)) == "1.50"
    assert render.format_value(Decimal("-0.001"), T.decimal(5, 3)) == "-0.001"
    assert render.format_value(Decimal("1E+3"), T.decimal(10, 0)) == "1000"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "1.0"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (1234567.0, "1234567.0"),
        (1e7, "1.0E7"),
        (1.5e10, "1.5E10"),
        (0.001, "0.001"),
        (1e-4, "1.0E-4"),
        (1.234e-5, "1.234E-5"),
        (0.0, "0.0"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
    ],
)
def test_doubles_print_like_java(value, expected):
    assert render.format_value(value, T.double()) == expected


def test_floats_use_the_shortest_32_bit_digits():
    assert render.format_value(0.1, T.float_()) == "0.1"
    assert render.format_value(3.4028234663852886e38, T.float_()) == "3.4028235E38"


def test_collections_and_nested_nulls():
    assert render.format_value([1, None, 3], T.array(T.int_())) == "[1, NULL, 3]"
    assert render.format_value({"a": 1}, T.map_(S, T.int_())) == "{a=1}"
    row_t = T.row([("x", T.int_()), ("y", S)])
    assert render.format_value((1, "abc"), row_t) == "(1, abc)"


def test_messages_and_colour_only_on_request():
    assert render.render_result(StatusResult("Execute statement succeed.")) == (
        "[INFO] Execute statement succeed."
    )
    assert render.render_result(StatusResult("careful", "WARNING")) == "[WARNING] careful"
    coloured = render.render_result(StatusResult("ok"), color=True)
    assert coloured.startswith("\x1b[") and "[INFO] ok" in coloured


def test_job_submission_lines_end_with_a_blank_line():
    text = render.render_result(JobSubmittedResult("0123456789abcdef0123456789abcdef", "insert"))
    assert text.split("\n") == [
        "[INFO] Submitting SQL update statement to the cluster...",
        "[INFO] SQL update statement has been successfully submitted to the cluster:",
        "Job ID: 0123456789abcdef0123456789abcdef",
        "",
    ]


def test_text_help_quit_and_clear():
    assert render.render_result(TextResult("== Abstract Syntax Tree ==\nX\n")) == (
        "== Abstract Syntax Tree ==\nX"
    )
    assert render.render_result(HelpResult("HELP\t\tthis")) == "HELP\t\tthis"
    assert render.render_result(QuitResult()) == "[INFO] Exiting flinklite SQL client..."
    assert render.render_result(ClearResult()) == ""
    assert render.render_result(ClearResult(), color=True) == render.CLEAR_SCREEN


def test_error_message_has_flinks_two_line_shape():
    assert render.error_message("ValidationException", "Table 'x' not found") == (
        "[ERROR] Could not execute SQL statement. Reason:\nValidationException: Table 'x' not found"
    )


def test_streaming_widths_come_from_types():
    widths = render.column_widths_by_type(
        ["a", "name", "ts"], [T.int_(), S, T.timestamp(3)], 30, row_kind=True
    )
    assert widths == [2, 11, 30, 23]
    assert render.border_line([2, 3]) == "+----+-----+"
    assert render.tableau_row(["+I", "1"], [2, 3]) == "| +I |   1 |"


class _Conf(dict):
    def get(self, key, default=None):
        return super().get(key, default)


def test_successor_width_key_applies_when_the_client_key_reports_its_default():
    conf = _Conf(
        {"sql-client.display.max-column-width": "30", "table.display.max-column-width": "12"}
    )
    assert render.max_column_width(conf) == 12


def test_session_zone_comes_from_table_local_time_zone():
    zone = render.local_time_zone(_Conf({"table.local-time-zone": "Asia/Tokyo"}))
    nanos = 1_700_000_000 * 10**9
    assert render.format_value(nanos, T.timestamp_ltz(0), time_zone=zone) == "2023-11-15 07:13:20"
    assert render.local_time_zone(_Conf({"table.local-time-zone": "UTC"})) is dt.UTC
