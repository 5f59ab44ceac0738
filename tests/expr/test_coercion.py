"""Comparison casts, arithmetic types, common types, casts and INSERT compatibility, each row
observed on Flink 2.3 (`SELECT <expr> FROM t` over the columns in expr_cols)."""

import pytest
from expr_cols import col

from flinklite.catalog import types as T
from flinklite.errors import ValidationError
from flinklite.expr import coercion as C


def _cmp(expr: str):
    left, op, right = expr.split(" ", 2)
    return op, col(left), col(right)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("s > 1", ("BIGINT", "BIGINT NOT NULL")),
        ("s < 3.5", ("DECIMAL(20, 1)", "DECIMAL(20, 1) NOT NULL")),
        ("s < d", ("DOUBLE", "DOUBLE")),
        ("s < dc", ("DECIMAL(21, 2)", "DECIMAL(21, 2)")),
        ("s > dc2", ("DECIMAL(20, 1)", "DECIMAL(20, 1)")),
        ("s >= b", ("BIGINT", "BIGINT")),
        ("s > ti", ("BIGINT", "BIGINT")),
        ("vc > 1", ("BIGINT", "BIGINT NOT NULL")),
        ("i > 'a'", ("BIGINT", "BIGINT NOT NULL")),
        ("i = dc", ("DECIMAL(12, 2)", "DECIMAL(12, 2)")),
        ("i = d", ("DOUBLE", "DOUBLE")),
        ("i = i", ("INT", "INT")),
        ("c = vc", ("VARCHAR(10)", "VARCHAR(10)")),
        ("s = 'a'", ("STRING", "STRING NOT NULL")),
        ("dt > s", ("DATE", "DATE")),
        ("ts = ltz", ("TIMESTAMP(3)", "TIMESTAMP(3)")),
        ("ts > ltz", ("TIMESTAMP(3)", "TIMESTAMP_LTZ(3)")),
        ("ts < ts6", ("TIMESTAMP(3)", "TIMESTAMP(6)")),
        ("rt > ts", ("TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3)")),
        ("bo > bo", ("BOOLEAN", "BOOLEAN")),
        ("i = NULL", ("INT", "NULL")),
        ("byt = bi", ("BYTES", "BINARY(4)")),
        ("arr = arr", ("ARRAY<INT>", "ARRAY<INT>")),
        ("DAY > DAY", ("INTERVAL SECOND(3) NOT NULL", "INTERVAL SECOND(3) NOT NULL")),
    ],
)
def test_comparison_types(expr, expected):
    left, right = C.comparison_types(*_cmp(expr))
    assert (left.summary(), right.summary()) == expected


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("s = 1", "implicit type conversion between VARCHAR and INTEGER is not supported now"),
        ("s <> i", "implicit type conversion between VARCHAR and INTEGER is not supported now"),
        ("i = 'a'", "implicit type conversion between INTEGER and CHAR is not supported now"),
        ("dc = 'a'", "implicit type conversion between DECIMAL and CHAR is not supported now"),
        (
            "i IS DISTINCT FROM s",
            "implicit type conversion between INTEGER and VARCHAR is not supported now",
        ),
        (
            "i = bo",
            "Cannot apply '=' to arguments of type '<INTEGER> = <BOOLEAN>'. "
            "Supported form(s): '<COMPARABLE_TYPE> = <COMPARABLE_TYPE>'",
        ),
        (
            "i > bo",
            "Cannot apply '>' to arguments of type '<INTEGER> > <BOOLEAN>'. "
            "Supported form(s): '<COMPARABLE_TYPE> > <COMPARABLE_TYPE>'",
        ),
        (
            "dt < ts",
            "Cannot apply '<' to arguments of type '<DATE> < <TIMESTAMP(3)>'. "
            "Supported form(s): '<COMPARABLE_TYPE> < <COMPARABLE_TYPE>'",
        ),
        (
            "s = byt",
            "Cannot apply '=' to arguments of type '<VARCHAR(2147483647)> = "
            "<VARBINARY(2147483647)>'. Supported form(s): '<COMPARABLE_TYPE> = <COMPARABLE_TYPE>'",
        ),
        (
            "DAY > MONTH",
            "Cannot apply '>' to arguments of type '<INTERVAL SECOND> > <INTERVAL MONTH>'. "
            "Supported form(s): '<COMPARABLE_TYPE> > <COMPARABLE_TYPE>'",
        ),
    ],
)
def test_comparison_errors(expr, message):
    if " IS DISTINCT FROM " in expr:
        left, right = expr.split(" IS DISTINCT FROM ")
        args = ("IS DISTINCT FROM", col(left), col(right))
    else:
        args = _cmp(expr)
    with pytest.raises(ValidationError) as e:
        C.comparison_types(*args)
    assert e.value.message == message


@pytest.mark.parametrize(
    ("operand", "items", "expected"),
    [
        ("s", ["1", "2"], ("STRING", "STRING NOT NULL")),  # s IN (1, 5) compares text
        ("i", ["'a'", "'x'"], ("INT", "INT NOT NULL")),  # i IN ('1', '5') compares integers
        ("b", ["1", "2"], ("BIGINT", "BIGINT NOT NULL")),
        ("d", ["1", "2"], ("DOUBLE", "DOUBLE NOT NULL")),
        ("c", ["'a'", "'abcdefgh'"], ("VARCHAR(8)", "VARCHAR(8) NOT NULL")),
    ],
)
def test_in_list_types(operand, items, expected):
    a, b = C.in_list_types(col(operand), [col(x) for x in items])
    assert (a.summary(), b.summary()) == expected


def test_in_list_items_must_agree():
    with pytest.raises(ValidationError, match="Values in expression list must have compatible"):
        C.in_list_types(col("s"), [col("'a'"), col("1")])


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("i + i", "INT"),
        ("inn + inn", "INT NOT NULL"),
        ("i + inn", "INT"),
        ("i + b", "BIGINT"),
        ("ti + si", "SMALLINT"),
        ("ti + ti", "TINYINT"),
        ("i * b", "BIGINT"),
        ("i / b", "BIGINT"),
        ("1 / 2", "INT NOT NULL"),
        ("i % b", "BIGINT"),
        ("b % i", "INT"),
        ("i + d", "DOUBLE"),
        ("i + f", "FLOAT"),
        ("d + f", "DOUBLE"),
        ("dc + f", "DOUBLE"),
        ("dc + d", "DOUBLE"),
        ("dc + i", "DECIMAL(13, 2)"),
        ("dc + b", "DECIMAL(22, 2)"),
        ("dc - dc2", "DECIMAL(11, 2)"),
        ("dc * dc2", "DECIMAL(16, 3)"),
        ("dc * i", "DECIMAL(21, 2)"),
        ("b * dc", "DECIMAL(30, 2)"),
        ("dc / dc2", "DECIMAL(17, 8)"),
        ("dc / i", "DECIMAL(21, 13)"),
        ("i / dc", "DECIMAL(23, 11)"),
        ("dc % dc2", "DECIMAL(6, 2)"),
        ("dc % i", "DECIMAL(10, 2)"),
        ("i % dc", "DECIMAL(10, 2)"),
        ("ts + DAY", "TIMESTAMP(3)"),
        ("ts - MONTH", "TIMESTAMP(3)"),
        ("rt + DAY", "TIMESTAMP(3)"),
        ("ltz + DAY", "TIMESTAMP_LTZ(3)"),
        ("dt + DAY", "DATE"),
        ("tm + DAY", "TIME(0)"),
        ("DAY + ts", "TIMESTAMP(3)"),
        ("DAY + DAY", "INTERVAL SECOND(3) NOT NULL"),
        ("DAY * 2", "INTERVAL SECOND(3) NOT NULL"),
        ("2 * DAY", "INTERVAL SECOND(3) NOT NULL"),
        ("MONTH * 2", "INTERVAL MONTH NOT NULL"),
    ],
)
def test_arithmetic_type(expr, expected):
    left, op, right = expr.split(" ")
    assert C.arithmetic_type(op, col(left), col(right)).summary() == expected


@pytest.mark.parametrize(
    ("p1", "s1", "op", "p2", "s2", "expected"),
    [
        (38, 10, "*", 38, 10, (38, 6)),
        (38, 10, "/", 38, 10, (38, 6)),
        (38, 0, "+", 38, 0, (38, 0)),
        (38, 37, "+", 10, 0, (38, 27)),
        (38, 10, "+", 38, 30, (38, 9)),
        (5, 4, "/", 20, 2, (28, 25)),
        (30, 4, "%", 20, 10, (20, 10)),
    ],
)
def test_decimal_rules(p1, s1, op, p2, s2, expected):
    assert C.decimal_result(op, p1, s1, p2, s2) == expected


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        (
            "s + i",
            "Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <INTEGER>'. "
            "Supported form(s): '<NUMERIC> + <NUMERIC>'\n"
            "'<DATETIME_INTERVAL> + <DATETIME_INTERVAL>'\n"
            "'<DATETIME> + <DATETIME_INTERVAL>'\n'<DATETIME_INTERVAL> + <DATETIME>'",
        ),
        (
            "ts - ts",
            "Cannot apply '-' to arguments of type '<TIMESTAMP(3)> - <TIMESTAMP(3)>'. "
            "Supported form(s): '<NUMERIC> - <NUMERIC>'\n"
            "'<DATETIME_INTERVAL> - <DATETIME_INTERVAL>'\n'<DATETIME> - <DATETIME_INTERVAL>'",
        ),
        (
            "s / 2",
            "Cannot apply '/' to arguments of type '<VARCHAR(2147483647)> / <INTEGER>'. "
            "Supported form(s): '<NUMERIC> / <NUMERIC>'\n'<DATETIME_INTERVAL> / <NUMERIC>'",
        ),
        (
            "d % 2",
            "Cannot apply '%' to arguments of type '<DOUBLE> % <INTEGER>'. "
            "Supported form(s): '<EXACT_NUMERIC> % <EXACT_NUMERIC>'",
        ),
        ("i + NULL", "Illegal use of 'NULL'"),
        (
            "DAY * 1.5",
            "Unsupported casting from DECIMAL(2, 1) NOT NULL to INTERVAL SECOND(3) NOT NULL.",
        ),
    ],
)
def test_arithmetic_errors(expr, message):
    left, op, right = expr.split(" ")
    with pytest.raises(ValidationError) as e:
        C.arithmetic_type(op, col(left), col(right))
    assert e.value.message == message


def test_unary():
    assert C.unary_type("-", col("dc")).summary() == "DECIMAL(10, 2)"
    assert C.unary_type("-", col("DAY")).summary() == "INTERVAL SECOND(3) NOT NULL"
    with pytest.raises(ValidationError) as e:
        C.unary_type("-", col("bo"))
    assert e.value.message == (
        "Cannot apply '-' to arguments of type '-<BOOLEAN>'. "
        "Supported form(s): '-<NUMERIC>'\n'-<DATETIME_INTERVAL>'"
    )


@pytest.mark.parametrize(
    ("branches", "expected"),
    [
        (["1", "2"], "INT NOT NULL"),
        (["i", "2"], "INT"),
        (["1", "NULL"], "INT"),
        (["'a'", "'abcdefgh'"], "VARCHAR(8) NOT NULL"),
        (["'a'", "'x'"], "CHAR(1) NOT NULL"),
        (["c", "vc"], "VARCHAR(10)"),
        (["s", "'a'"], "STRING"),
        (["i", "b"], "BIGINT"),
        (["i", "dc"], "DECIMAL(12, 2)"),
        (["dc", "dc2"], "DECIMAL(10, 2)"),
        (["dc", "d"], "DOUBLE"),
        (["f", "i"], "FLOAT"),
        (["f", "dc"], "DOUBLE"),
        (["1.5", "2"], "DECIMAL(11, 1) NOT NULL"),
        (["ts", "ts6"], "TIMESTAMP(6)"),
        (["ts", "ltz"], "TIMESTAMP(3)"),
        (["ltz", "ts"], "TIMESTAMP_LTZ(3)"),
        (["bi", "byt"], "BYTES"),
        (["rt", "ts"], "TIMESTAMP(3)"),
    ],
)
def test_least_restrictive(branches, expected):
    assert C.least_restrictive([col(x) for x in branches]).summary() == expected


@pytest.mark.parametrize(("a", "b"), [("i", "s"), ("i", "'x'"), ("ts", "dt"), ("i", "bo")])
def test_least_restrictive_errors(a, b):
    with pytest.raises(ValidationError) as e:
        C.least_restrictive([col(a), col(b)])
    assert e.value.message == "Illegal mixing of types in CASE or COALESCE statement"


def test_flink_function_common_type():
    # COALESCE and IFNULL use LogicalTypeMerging: TIMESTAMP_LTZ and DATE win.
    assert C.common_type([col("ts"), col("ltz")], flink_functions=True).summary() == (
        "TIMESTAMP_LTZ(3)"
    )
    assert C.common_type([col("ts"), col("dt")], flink_functions=True).summary() == "DATE"
    assert C.common_type([T.bigint(), T.decimal(30, 20)]).summary() == "DECIMAL(38, 19)"
    assert C.common_type([T.decimal(38, 10), T.decimal(38, 30)]).summary() == "DECIMAL(38, 10)"


# (source, target, explicit allowed, implicit allowed), from LogicalTypeCasts on Flink 2.3.
CASTS = [
    (T.int_(), T.boolean(), True, False),
    (T.double(), T.boolean(), True, False),  # SQL CAST accepts it; CAST(1.5 AS BOOLEAN) = TRUE
    (T.boolean(), T.int_(), True, False),
    (T.boolean(), T.decimal(10, 2), True, False),
    (T.string(), T.boolean(), True, False),
    (T.double(), T.timestamp(6), True, False),
    (T.int_(), T.timestamp(6), True, False),
    (T.timestamp(3), T.bigint(), True, False),
    (T.timestamp_ltz(3), T.bigint(), True, False),
    (T.date(), T.int_(), False, False),
    (T.int_(), T.date(), False, False),
    (T.string(), T.date(), True, False),
    (T.timestamp(3), T.date(), True, True),
    (T.date(), T.timestamp(6), True, False),
    (T.time(0), T.timestamp(6), True, False),
    (T.date(), T.time(0), False, False),
    (T.timestamp(3), T.timestamp_ltz(3), True, True),
    (T.timestamp_ltz(3), T.timestamp(3), True, True),
    (T.int_(), T.bytes_(), False, False),
    (T.string(), T.bytes_(), True, False),
    (T.bytes_(), T.string(), True, False),
    (T.array(T.int_()), T.string(), True, False),
    (T.array(T.int_()), T.array(T.bigint()), True, True),
    (T.array(T.bigint()), T.array(T.int_()), True, False),
    (T.array(T.int_()), T.array(T.string()), True, False),
    (T.int_(), T.array(T.int_()), False, False),
    (T.string(), T.array(T.int_()), False, False),
    (T.int_(), T.interval_day_time("DAY"), True, True),  # single-field interval rule
    (T.interval_day_time("DAY TO SECOND"), T.bigint(), False, False),
    (T.interval_day_time("SECOND"), T.bigint(), True, True),
    (T.interval_day_time("SECOND"), T.string(), True, False),
    (T.decimal(10, 2), T.timestamp(6), True, False),
    (T.decimal(10, 2), T.boolean(), True, False),
    (T.tinyint(), T.int_(), True, True),
    (T.bigint(), T.int_(), True, False),
    (T.double(), T.decimal(10, 2), True, True),
    (T.double(), T.float_(), True, False),
    (T.decimal(10, 2), T.float_(), True, True),
    (T.char(3), T.varchar(10), True, True),
    (T.varchar(10), T.char(3), True, False),
    (T.null(), T.int_(False), True, True),
    (
        T.row([("a", T.int_()), ("b", T.string())]),
        T.row([("x", T.bigint()), ("y", T.string())]),
        True,
        True,
    ),  # fmt: skip
    (T.map_(T.string(), T.int_()), T.string(), True, False),
]


@pytest.mark.parametrize(("src", "dst", "explicit", "implicit"), CASTS)
def test_cast_rules(src, dst, explicit, implicit):
    assert C.explicit_cast_allowed(src, dst) is explicit
    assert C.implicit_cast_allowed(src, dst) is implicit


def test_cast_type_and_message():
    assert C.cast_type(T.int_(False), T.string()).summary() == "STRING NOT NULL"
    assert C.cast_type(T.string(False), T.int_(), try_=True).summary() == "INT"
    with pytest.raises(ValidationError) as e:
        C.cast_type(T.date(), T.int_())
    assert e.value.message == "Cast function cannot convert value of type DATE to type INTEGER"
    with pytest.raises(ValidationError) as e:
        C.cast_type(T.int_(), T.array(T.int_()))
    assert e.value.message == (
        "Cast function cannot convert value of type INTEGER to type INTEGER ARRAY"
    )
    with pytest.raises(ValidationError) as e:
        C.cast_type(T.int_(), T.bytes_())
    assert e.value.message == (
        "Cast function cannot convert value of type INTEGER to type VARBINARY(2147483647)"
    )


SINK = [
    ("a", T.int_()),
    ("b", T.string()),
    ("c", T.timestamp(3)),
    ("d", T.decimal(10, 2)),
    ("e", T.bigint(False)),
    ("f", T.double()),
    ("g", T.varchar(3)),
]


@pytest.mark.parametrize(
    ("query", "bad"),
    [
        (["i", "s", "ts", "dc", "b", "d", "vc"], None),
        (["ti", "s", "ts", "dc", "i", "i", "s"], None),  # widening; STRING into VARCHAR(3)
        (["i", "s", "ltz", "dc", "b", "d", "vc"], None),
        (["i", "s", "ts6", "d", "b", "d", "vc"], None),  # DOUBLE into DECIMAL is implicit
        (["i", "s", "ts", "i", "b", "dc", "vc"], None),
        (["b", "s", "ts", "dc", "b", "d", "vc"], ("a", 1)),
        (["s", "s", "ts", "dc", "b", "d", "vc"], ("a", 1)),
        (["d", "s", "ts", "dc", "b", "d", "vc"], ("a", 1)),
        (["i", "i", "ts", "dc", "b", "d", "vc"], ("b", 2)),
        (["i", "s", "dt", "dc", "b", "d", "vc"], ("c", 3)),
        (["i", "s", "s", "dc", "b", "d", "vc"], ("c", 3)),
    ],
)
def test_insert_compatibility(query, bad):
    fields = [(n, col(n)) for n in query]
    if bad is None:
        C.check_insert("default_catalog.default_database.sk", fields, SINK)
        return
    with pytest.raises(ValidationError) as e:
        C.check_insert("default_catalog.default_database.sk", fields, SINK)
    name, position = bad
    assert e.value.message.startswith(
        "Column types of query result and sink for 'default_catalog.default_database.sk' do not "
        f"match.\nCause: Incompatible types for sink column '{name}' at position {position}.\n\n"
        "Query schema: ["
    )


def test_insert_column_count():
    with pytest.raises(ValidationError) as e:
        C.check_insert("k.d.t", [("i", T.int_())], SINK)
    assert "Cause: Different number of columns." in e.value.message
    assert "Sink schema:  [a: INT, b: STRING, c: TIMESTAMP(3)" in e.value.message
