"""Literal types and values, as Flink 2.3 reports them for `SELECT <literal>`."""

from decimal import Decimal

import pytest

from flinklite.errors import ValidationError
from flinklite.expr.literals import literal_type, literal_value
from flinklite.sql import ast

Q = ast.IntervalQualifier


def num(text: str) -> ast.NumericLiteral:
    return ast.NumericLiteral(text)


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (num("1"), "INT NOT NULL"),
        (num("2147483648"), "BIGINT NOT NULL"),
        (num("9223372036854775807"), "BIGINT NOT NULL"),
        (ast.UnaryOp("-", num("2147483648")), "INT NOT NULL"),
        (num("1.50"), "DECIMAL(3, 2) NOT NULL"),
        (num(".5"), "DECIMAL(1, 1) NOT NULL"),
        (num("0.000"), "DECIMAL(4, 3) NOT NULL"),
        (num("1."), "INT NOT NULL"),
        (num("1e3"), "DOUBLE NOT NULL"),
        (num("1E-3"), "DOUBLE NOT NULL"),
        (ast.StringLiteral(""), "CHAR(0) NOT NULL"),
        (ast.StringLiteral("abc"), "CHAR(3) NOT NULL"),
        (ast.StringLiteral("héllo"), "CHAR(5) NOT NULL"),
        (ast.BooleanLiteral(True), "BOOLEAN NOT NULL"),
        (ast.NullLiteral(), "NULL"),
        (ast.BinaryLiteral("0AFF"), "BINARY(2) NOT NULL"),
        (ast.BinaryLiteral(""), "BINARY(0) NOT NULL"),
        (ast.TypedLiteral("DATE", "2024-01-01"), "DATE NOT NULL"),
        (ast.TypedLiteral("TIME", "10:00:00.12"), "TIME(2) NOT NULL"),
        (ast.TypedLiteral("TIME", "10:00:00.123456789"), "TIME(3) NOT NULL"),
        (ast.TypedLiteral("TIMESTAMP", "2024-01-01 00:00:00.123"), "TIMESTAMP(3) NOT NULL"),
        (ast.TypedLiteral("TIMESTAMP", "2024-01-01 00:00:00"), "TIMESTAMP(0) NOT NULL"),
        (ast.TypedLiteral("TIMESTAMP", "2024-01-01"), "TIMESTAMP(0) NOT NULL"),
        (ast.TypedLiteral("TIMESTAMP", "2024-01-01 10:00:00.1234567"), "TIMESTAMP(7) NOT NULL"),
        (ast.IntervalLiteral("10", Q("SECOND")), "INTERVAL SECOND(3) NOT NULL"),
        (ast.IntervalLiteral("2", Q("DAY")), "INTERVAL SECOND(3) NOT NULL"),
        (ast.IntervalLiteral("1:30", Q("MINUTE", end="SECOND")), "INTERVAL SECOND(3) NOT NULL"),
        (ast.IntervalLiteral("1", Q("YEAR")), "INTERVAL MONTH NOT NULL"),
        (ast.IntervalLiteral("1-2", Q("YEAR", end="MONTH")), "INTERVAL MONTH NOT NULL"),
    ],
)
def test_literal_type(node, expected):
    assert literal_type(node).summary() == expected


@pytest.mark.parametrize(
    ("node", "value"),
    [
        (num("1"), 1),
        (ast.UnaryOp("-", num("5")), -5),
        (num("1.50"), Decimal("1.50")),
        (num(".5"), Decimal("0.5")),
        (num("1e3"), 1000.0),
        (ast.StringLiteral("it's"), "it's"),
        (ast.BooleanLiteral(False), False),
        (ast.NullLiteral(), None),
        (ast.BinaryLiteral("0AFF"), b"\x0a\xff"),
        (ast.TypedLiteral("DATE", "1970-01-02"), 1),
        (ast.TypedLiteral("TIME", "00:00:01.5"), 1_500_000_000),
        (ast.TypedLiteral("TIMESTAMP", "1970-01-01 00:00:00.001"), 1_000_000),
        (ast.TypedLiteral("TIMESTAMP", "2024-01-01"), 1_704_067_200 * 10**9),
        (ast.IntervalLiteral("10", Q("SECOND")), 10_000),
        (ast.IntervalLiteral("1.5", Q("SECOND")), 1_500),
        (ast.IntervalLiteral("2", Q("DAY")), 172_800_000),
        (ast.IntervalLiteral("1 10:00:00.123", Q("DAY", end="SECOND")), 122_400_123),
        (ast.IntervalLiteral("1:30", Q("MINUTE", end="SECOND")), 90_000),
        (ast.IntervalLiteral("100", Q("DAY", 3)), 8_640_000_000),
        (ast.IntervalLiteral("1", Q("HOUR"), negative=True), -3_600_000),
        (ast.IntervalLiteral("-1", Q("HOUR")), -3_600_000),
        (ast.IntervalLiteral("1-2", Q("YEAR", end="MONTH")), 14),
        (ast.IntervalLiteral("1", Q("YEAR")), 12),
        (ast.IntervalLiteral("5", Q("MONTH")), 5),
    ],
)
def test_literal_value(node, value):
    got = literal_value(node)
    assert got == value and type(got) is type(value)


def test_decimal_value_keeps_scale():
    assert str(literal_value(num("1.50"))) == "1.50"


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (num("9223372036854775808"), "Numeric literal '9223372036854775808' out of range"),
        (num("99999999999999999999"), "Numeric literal '99999999999999999999' out of range"),
        (
            num("123456789012345678901234567890.5"),
            "Numeric literal '123456789012345678901234567890.5' out of range",
        ),
        (
            ast.TypedLiteral("DATE", "2024-13-01"),
            "Illegal DATE literal '2024-13-01': not in format 'yyyy-MM-dd'",
        ),
        (
            ast.TypedLiteral("DATE", "2024-02-30"),
            "Illegal DATE literal '2024-02-30': not in format 'yyyy-MM-dd'",
        ),
        (
            ast.TypedLiteral("TIME", "25:00:00"),
            "Illegal TIME literal '25:00:00': not in format 'HH:mm:ss'",
        ),
        (
            ast.TypedLiteral("TIME", "10:00"),
            "Illegal TIME literal '10:00': not in format 'HH:mm:ss'",
        ),
        (
            ast.TypedLiteral("TIMESTAMP", "2024-01-01T10:00:00"),
            "Illegal TIMESTAMP literal '2024-01-01T10:00:00': not in format 'yyyy-MM-dd HH:mm:ss'",
        ),
        (
            ast.TypedLiteral("TIMESTAMP", "2024-01-01 10:00"),
            "Illegal TIMESTAMP literal '2024-01-01 10:00': not in format 'yyyy-MM-dd HH:mm:ss'",
        ),
        (
            ast.IntervalLiteral("x", Q("SECOND")),
            "Illegal interval literal format 'x' for INTERVAL SECOND",
        ),
        (
            ast.IntervalLiteral("100", Q("DAY")),
            "Interval field value 100 exceeds precision of DAY(2) field",
        ),
        (ast.BinaryLiteral("0"), "Binary literal string must contain an even number of hexits"),
    ],
)
def test_bad_literals(node, message):
    with pytest.raises(ValidationError) as e:
        literal_type(node)
    assert e.value.message == message


def test_error_carries_position():
    from flinklite.errors import Pos

    node = ast.TypedLiteral("DATE", "x", pos=Pos(1, 8))
    with pytest.raises(ValidationError) as e:
        literal_type(node)
    assert e.value.pos == Pos(1, 8)


def test_timestamp_ltz_literal_is_rejected():
    with pytest.raises(ValidationError):
        literal_type(ast.TypedLiteral("TIMESTAMP_LTZ", "2024-01-01 00:00:00"))
