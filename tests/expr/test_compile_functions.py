"""Run-time helpers behind compiled expressions, family by family: Java number text, Java
regular expressions, LIKE, time zones and calendar arithmetic, DECIMAL fitting, Java's Random."""

import datetime as dt
from decimal import Decimal

import pytest

from flinklite.expr import runtime_cast as RC
from flinklite.expr import runtime_math as M
from flinklite.expr import runtime_string as RS
from flinklite.expr import runtime_time as RT


@pytest.mark.parametrize(
    ("value", "text"),
    [(1e10, "1.0E10"), (0.001, "0.001"), (1e-4, "1.0E-4"), (100.0, "100.0"), (1234567.0, "1234567.0"),
     (12345678.0, "1.2345678E7"), (-0.0, "-0.0"), (float("nan"), "NaN"), (float("-inf"), "-Infinity")],
)  # fmt: skip
def test_doubles_print_like_java(value, text):
    assert RC.double_to_string(value) == text


def test_floats_print_like_java():
    assert RC.float_to_string(M.to_float32(1.1)) == "1.1"
    assert RC.float_to_string(M.to_float32(123456789.0)) == "1.23456792E8"


def test_java_regex_features_are_translated():
    assert RS.regexp_extract("k=v", r"(?<key>\w)=(\w)", 1) == "k"
    assert RS.regexp("abc", r"\p{Alpha}+") is True
    assert RS.regexp("a.c", r"\Q.\E") is True
    assert RS.regexp("abc", "[") is None  # an invalid pattern gives NULL


def test_like_quotes_regex_characters_and_spans_lines():
    assert RS.like("a.b", "a.b") and not RS.like("axb", "a.b")
    assert RS.like("a\nb", "a%b")
    assert RS.like("50%", "50!%", "!") and not RS.like("500", "50!%", "!")


def test_substring_edges_follow_flink():
    assert RS.substring("Hello", 0, 2) == "He"
    assert RS.substring("Hello", -3) == "llo"
    assert RS.substring("Hello", 2, -1) is None
    assert RS.substring("Hello", 9) == ""


def test_wall_clock_and_instant_across_daylight_saving():
    ny = RT.zone("America/New_York")
    gap = RT.parse_timestamp("2024-03-10 02:30:00")
    assert RT.timestamp_to_string(RT.instant_to_local(RT.local_to_instant(gap, ny), ny), 0) == (
        "2024-03-10 03:30:00"
    )
    overlap = RT.parse_timestamp("2024-11-03 01:30:00")
    assert RT.local_to_instant(overlap, ny) // 10**9 == 1730611800
    assert RT.local_to_instant(overlap, ny, later=True) // 10**9 == 1730615400
    assert RT.zone("UTC") is dt.UTC and RT.zone("+08:00").utcoffset(None) == dt.timedelta(hours=8)


def test_month_arithmetic_clamps_the_day():
    jan31 = RT.parse_timestamp("2024-01-31 10:00:00")
    assert RT.timestamp_to_string(RT.add_months_timestamp(jan31, 1), 0) == "2024-02-29 10:00:00"
    feb29 = RT.parse_timestamp("2024-02-29 00:00:00")
    assert (
        RT.timestampdiff("MONTH", "TIMESTAMP", "TIMESTAMP")(
            "MONTH", jan31 - 10 * 3600 * 10**9, feb29
        )
        == 1
    )


def test_java_date_patterns_format_and_parse():
    ts = RT.parse_timestamp("2024-03-15 10:20:30.123")
    assert RT.formatter("yyyy-MM-dd'T'HH:mm:ss.SSS EEE")(ts) == "2024-03-15T10:20:30.123 Fri"
    assert RT.parser("dd/MM/yyyy HH")("15/03/2024 10") == RT.parse_timestamp("2024-03-15 10:00:00")
    assert RT.parser("yyyyMMdd")("2024x315") is None


def test_decimal_fitting_rounds_half_up_and_overflows_to_null():
    fit = M.decimal_fitter(5, 2)
    assert fit(Decimal("1.005")) == Decimal("1.01")
    assert fit(Decimal("-1.005")) == Decimal("-1.01")
    assert fit(Decimal("1000.00")) is None


def test_seeded_rand_follows_java_util_random():
    # Flink 2.3 gives RAND(42) = 0.7275636800328681 and RAND_INTEGER(42, 100) = 30.
    assert M.JavaRandom(42).next_double() == 0.7275636800328681
    assert M.JavaRandom(42).next_int(100) == 30
