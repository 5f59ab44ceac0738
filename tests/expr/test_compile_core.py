"""The expression compiler's contract: NULL rules, Java integer arithmetic, batch Calc, folding,
clear failures; rows are tuples and values follow flinklite.expr.literals."""

from decimal import Decimal

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import ExecutionError, UnsupportedError
from flinklite.expr.compiler import (
    CompileContext,
    compile_calc,
    compile_expression,
    compile_predicate,
    compile_projection,
)
from flinklite.expr.rex import Call, CorrelRef, InputRef, Literal
from flinklite.planner.binder import Binder
from flinklite.planner.expressions import ExprContext
from flinklite.planner.scope import Scope
from flinklite.sql.parser import parse_expression

FIELDS = [
    RowField("a", T.int_()),
    RowField("b", T.int_()),
    RowField("s", T.string()),
    RowField("x", T.bigint()),
    RowField("dc", T.decimal(10, 2)),
    RowField("p", T.boolean()),
    RowField("q", T.boolean()),
    RowField("d", T.double()),
]


def rex(text: str):
    return Binder(None).exprs.bind(
        parse_expression(text), ExprContext(Scope.of(None, FIELDS), "SELECT")
    )


def run(text: str, *row, ctx=None):
    padded = tuple(row) + (None,) * (len(FIELDS) - len(row))
    return compile_expression(rex(text), FIELDS, ctx)(padded)


@pytest.mark.parametrize(
    ("p", "q", "and_", "or_"),
    [
        (True, None, None, True),
        (False, None, False, None),
        (None, None, None, None),
        (None, False, False, None),
        (True, False, False, True),
    ],
)
def test_three_valued_logic(p, q, and_, or_):
    row = (None,) * 5 + (p, q)
    assert run("p AND q", *row) is and_
    assert run("p OR q", *row) is or_
    assert run("NOT p", *row) is (None if p is None else not p)


def test_null_operands_give_null_and_is_null_sees_them():
    assert run("a + b", 1, None) is None
    assert run("a > b", None, 1) is None
    assert run("a IS NULL", None) is True
    assert run("a IS DISTINCT FROM b", None, None) is False
    assert run("a IS DISTINCT FROM b", 1, None) is True


def test_integers_wrap_and_divide_like_java():
    assert run("a + b", 2147483647, 1) == -2147483648
    assert run("x * 2", None, None, None, 2**62) == -(2**63)
    assert run("a / b", 7, 2) == 3
    assert run("a / b", -7, 2) == -3
    assert run("MOD(a, b)", -7, 2) == -1
    assert run("-a", -2147483648) == -2147483648


def test_integer_division_by_zero_fails_the_job():
    with pytest.raises(ExecutionError, match="/ by zero"):
        run("a / b", 1, 0)


def test_decimal_results_are_rounded_to_the_type_and_overflow_to_null():
    assert run("dc / 3", None, None, None, None, Decimal("12.35")) == Decimal("4.1166666666667")
    assert run("dc * 2", None, None, None, None, Decimal("1.25")) == Decimal("2.50")
    assert run("CAST(dc AS DECIMAL(3, 1))", None, None, None, None, Decimal("123.45")) is None


def test_case_in_like_and_between():
    assert run("CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'one' END", 1) == "one"
    assert run("CASE WHEN a > 1 THEN 'big' END", None) is None
    assert run("a IN (1, 2)", 2) is True
    assert run("a IN (1, b)", 3, None) is None
    assert run("a NOT IN (1, 2)", 3) is True
    assert run("s LIKE 'a!_%' ESCAPE '!'", None, None, "a_bc") is True
    assert run("s LIKE 'a!_%' ESCAPE '!'", None, None, "abc") is False
    assert run("a BETWEEN 1 AND 3", 3) is True
    assert run("a NOT BETWEEN 1 AND 3", None) is None


def test_cast_and_try_cast_of_bad_text():
    with pytest.raises(ExecutionError, match="For input string: 'abc'"):
        run("CAST(s AS INT)", None, None, "abc")
    assert run("TRY_CAST(s AS INT)", None, None, "abc") is None
    assert run("CAST(s AS INT)", None, None, " 3.9 ") == 3


def test_strings_order_as_java_does():
    # U+1F600 is a surrogate pair in UTF-16, so Java puts it before U+FFFD.
    assert run("s < 'ｚ'", None, None, "\U0001f600") is True
    assert run("s < 'b'", None, None, "a") is True


def test_predicate_treats_null_as_false():
    keep = compile_predicate(rex("a > 1"), FIELDS)
    assert keep((2,) + (None,) * 7) is True
    assert keep((None,) * 8) is False


def test_projection_and_calc_share_one_generated_function():
    project = compile_projection([rex("a + 1"), rex("UPPER(s)")], FIELDS)
    assert project((1, None, "x") + (None,) * 5) == (2, "X")
    calc = compile_calc([rex("a * 10")], rex("a > 1"), FIELDS)
    rows = [(i,) + (None,) * 7 for i in (1, 2, None, 3)]
    assert calc(rows) == [(20,), (30,)]
    assert compile_calc(None, rex("a > 1"), FIELDS)(rows) == rows[1:2] + rows[3:]
    assert compile_calc(None, None, FIELDS)(rows) == rows


def test_constant_sub_expressions_are_folded_once():
    fn = compile_expression(rex("a + CHAR_LENGTH(UPPER('abc'))"), FIELDS)
    assert "UPPER" not in fn.__flinklite_source__ and fn((1,) + (None,) * 7) == 4
    # A failing constant is left to run time, where it only fails if it is evaluated.
    lazy = compile_expression(rex("CASE WHEN a > 0 THEN 1 ELSE 1 / 0 END"), FIELDS)
    assert lazy((1,) + (None,) * 7) == 1


@pytest.mark.parametrize(
    "text",
    [
        "CHAR_LENGTH(REPEAT('ab', 1000000000))",  # 4 GB if built
        "LPAD('x', 2000000000, 'y')",
        "REGEXP('" + "a" * 40 + "!', '(a+)+$')",  # backtracks 2^40 steps
        "REGEXP_REPLACE('" + "a" * 40 + "!', '(a|aa)+$', 'b')",
    ],
)
def test_folding_does_no_unbounded_work_while_a_statement_is_planned(text):
    # Left to run time, where a row pays for it as in Flink; a filter false for every row
    # never evaluates it.
    fn = compile_expression(rex(f"CASE WHEN a > 0 THEN {text} END"), FIELDS)
    assert fn((0,) + (None,) * 7) is None
    assert compile_expression(rex("REPEAT('ab', 3)"), FIELDS)(()) == "ababab"


def test_clock_functions_use_the_context():
    ctx = CompileContext(local_time_zone="Asia/Shanghai", now_ms=lambda: 0)
    assert run("CURRENT_TIMESTAMP", ctx=ctx) == 0
    assert run("LOCALTIMESTAMP", ctx=ctx) == 8 * 3600 * 10**9
    assert run("CAST(CURRENT_TIMESTAMP AS STRING)", ctx=ctx) == "1970-01-01 08:00:00.000"


def test_what_cannot_be_compiled_is_named_at_compile_time():
    with pytest.raises(UnsupportedError, match="Function NO_SUCH_FN"):
        compile_expression(Call(T.int_(), "NO_SUCH_FN", (InputRef(T.int_(), 0),)), FIELDS)
    with pytest.raises(UnsupportedError, match="correlated"):
        compile_expression(CorrelRef(T.int_(), 1, 0, "a"), FIELDS)


def test_literals_keep_their_values():
    assert compile_expression(Literal(T.decimal(3, 1), Decimal("1.5")), FIELDS)(()) == Decimal(
        "1.5"
    )


def test_round_of_a_huge_double_and_an_out_of_range_timestamp_fail_or_work_cleanly():
    from flinklite.errors import ExecutionError
    from flinklite.expr.runtime_math import rounder
    from flinklite.expr.runtime_time import to_datetime

    assert rounder("DOUBLE", "ROUND_HALF_UP", None)(1.7e308, 2) == 1.7e308
    with pytest.raises(ExecutionError, match="out of the supported range"):
        to_datetime(10**30)
