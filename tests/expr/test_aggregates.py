"""Aggregate functions as a specification: per-row results as Flink 2.3 computes them.

TYPES_EXPECTED is Flink's changelog for vals.jsonl (below) and the query
  SELECT k, SUM(i), AVG(i), SUM(d), AVG(d), SUM(m), AVG(m), MIN(m), MAX(d), MIN(b), MAX(b),
    STDDEV_POP(i), STDDEV_SAMP(i), VAR_POP(i), VAR_SAMP(i), STDDEV_POP(d), STDDEV_SAMP(d),
    VAR_POP(d), VAR_SAMP(d), VAR_POP(m), STDDEV_SAMP(m), COUNT(DISTINCT s), LISTAGG(DISTINCT s),
    COUNT(*) FILTER (WHERE i > 1), SUM(i) FILTER (WHERE d > 0), AVG(CAST(i AS BIGINT)),
    AVG(CAST(i AS SMALLINT)), SUM(CAST(i AS TINYINT)), AVG(CAST(d AS FLOAT)),
    SUM(CAST(i AS BIGINT)), ARRAY_AGG(s), FIRST_VALUE(s), LAST_VALUE(s), STDDEV(d), VARIANCE(i)
  FROM V GROUP BY k
run on Flink 2.3 (flink-oracle, parallelism 1); DECIMAL values are printed as strings there."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import ExecutionError
from flinklite.expr.aggregate_math import f32
from flinklite.expr.aggregates import compile_aggregates
from flinklite.expr.rex import AggregateCall, InputRef, Literal
from flinklite.runtime.operator import Collector, RuntimeContext
from flinklite.runtime.operators.group_aggregate import GroupAggregate

# V (k STRING, i INT, d DOUBLE, m DECIMAL(10, 2), b BOOLEAN, s STRING)
VALUES = [
    ("a", 1, 1.5, "1.25", True, "x"),
    ("a", 2, 2.25, "2.50", False, None),
    ("a", None, None, None, None, "y"),
    ("a", 4, -1.0, "-0.01", True, "x"),
    ("b", -7, 0.1, "0.07", True, "z"),
    ("b", -2, 0.2, "0.03", True, "z"),
    ("c", None, None, None, None, None),
    ("d", 2147483647, 1e308, "99999999.99", False, "q"),
    ("d", 2147483647, 1e308, "99999999.99", False, "q"),
]


def _java_cast(x, bits):
    if x is None:
        return None
    half = 1 << (bits - 1)
    return ((x + half) % (1 << bits)) - half


def projected(row):
    """The Calc under Flink's aggregate: the columns and CASTs the calls read."""
    k, i, d, m, b, s = row
    return (
        k,
        i,
        d,
        None if m is None else Decimal(m),
        b,
        s,
        None if i is None else i > 1,  # 6: FILTER (WHERE i > 1)
        None if d is None else d > 0,  # 7: FILTER (WHERE d > 0)
        i,  # 8: CAST(i AS BIGINT)
        _java_cast(i, 16),  # 9: CAST(i AS SMALLINT)
        _java_cast(i, 8),  # 10: CAST(i AS TINYINT)
        None if d is None else f32(d) if abs(d) < 3.5e38 else math.inf,  # 11: CAST(d AS FLOAT)
    )


DEC = T.decimal(10, 2)
FIELDS = tuple(
    RowField(n, t)
    for n, t in [
        ("k", T.string()),
        ("i", T.int_()),
        ("d", T.double()),
        ("m", DEC),
        ("b", T.boolean()),
        ("s", T.string()),
        ("f6", T.boolean()),
        ("f7", T.boolean()),
        ("f8", T.bigint()),
        ("f9", T.smallint()),
        ("f10", T.tinyint()),
        ("f11", T.float_()),
    ]
)
I, D, M, B, S, GT1, POS, BIG, SMALL, TINY, FLT = (  # noqa: E741
    InputRef(FIELDS[n].type, n) for n in range(1, 12)
)


def agg(name, *args, t, distinct=False, filter_=None):
    return AggregateCall(name, args, t, name, distinct, filter_)


D38_2, D38_6 = T.decimal(38, 2), T.decimal(38, 6)
CALLS = [
    agg("SUM", I, t=T.int_()),
    agg("AVG", I, t=T.int_()),
    agg("SUM", D, t=T.double()),
    agg("AVG", D, t=T.double()),
    agg("SUM", M, t=D38_2),
    agg("AVG", M, t=D38_6),
    agg("MIN", M, t=DEC),
    agg("MAX", D, t=T.double()),
    agg("MIN", B, t=T.boolean()),
    agg("MAX", B, t=T.boolean()),
    agg("STDDEV_POP", I, t=T.int_()),
    agg("STDDEV_SAMP", I, t=T.int_()),
    agg("VAR_POP", I, t=T.int_()),
    agg("VAR_SAMP", I, t=T.int_()),
    agg("STDDEV_POP", D, t=T.double()),
    agg("STDDEV_SAMP", D, t=T.double()),
    agg("VAR_POP", D, t=T.double()),
    agg("VAR_SAMP", D, t=T.double()),
    agg("VAR_POP", M, t=D38_6),
    agg("STDDEV_SAMP", M, t=D38_6),
    agg("COUNT", S, t=T.bigint(False), distinct=True),
    agg("LISTAGG", S, t=T.string(), distinct=True),
    agg("COUNT", t=T.bigint(False), filter_=GT1),
    agg("SUM", I, t=T.int_(), filter_=POS),
    agg("AVG", BIG, t=T.bigint()),
    agg("AVG", SMALL, t=T.smallint()),
    agg("SUM", TINY, t=T.tinyint()),
    agg("AVG", FLT, t=T.float_()),
    agg("SUM", BIG, t=T.bigint()),
    agg("ARRAY_AGG", S, t=T.array(T.string())),
    agg("FIRST_VALUE", S, t=T.string()),
    agg("LAST_VALUE", S, t=T.string()),
    agg("STDDEV", D, t=T.double()),
    agg("VARIANCE", I, t=T.int_()),
]

TYPES_EXPECTED = [
    (
        "+I",
        (
            "a",
            1,
            1,
            1.5,
            1.5,
            "1.25",
            "1.250000",
            "1.25",
            1.5,
            True,
            True,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "x",
            0,
            1,
            1,
            1,
            1,
            1.5,
            1,
            ["x"],
            "x",
            "x",
            None,
            None,
        ),
    ),
    (
        "-U",
        (
            "a",
            1,
            1,
            1.5,
            1.5,
            "1.25",
            "1.250000",
            "1.25",
            1.5,
            True,
            True,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "x",
            0,
            1,
            1,
            1,
            1,
            1.5,
            1,
            ["x"],
            "x",
            "x",
            None,
            None,
        ),
    ),
    (
        "+U",
        (
            "a",
            3,
            1,
            3.75,
            1.875,
            "3.75",
            "1.875000",
            "1.25",
            2.25,
            False,
            True,
            0,
            0,
            0,
            0,
            0.375,
            0.5303300858899106,
            0.140625,
            0.28125,
            "0.390625",
            "0.883883",
            1,
            "x",
            1,
            3,
            1,
            1,
            3,
            1.875,
            3,
            ["x", None],
            "x",
            "x",
            0.5303300858899106,
            0,
        ),
    ),
    (
        "-U",
        (
            "a",
            3,
            1,
            3.75,
            1.875,
            "3.75",
            "1.875000",
            "1.25",
            2.25,
            False,
            True,
            0,
            0,
            0,
            0,
            0.375,
            0.5303300858899106,
            0.140625,
            0.28125,
            "0.390625",
            "0.883883",
            1,
            "x",
            1,
            3,
            1,
            1,
            3,
            1.875,
            3,
            ["x", None],
            "x",
            "x",
            0.5303300858899106,
            0,
        ),
    ),
    (
        "+U",
        (
            "a",
            3,
            1,
            3.75,
            1.875,
            "3.75",
            "1.875000",
            "1.25",
            2.25,
            False,
            True,
            0,
            0,
            0,
            0,
            0.375,
            0.5303300858899106,
            0.140625,
            0.28125,
            "0.390625",
            "0.883883",
            2,
            "x,y",
            1,
            3,
            1,
            1,
            3,
            1.875,
            3,
            ["x", None, "y"],
            "x",
            "y",
            0.5303300858899106,
            0,
        ),
    ),
    (
        "-U",
        (
            "a",
            3,
            1,
            3.75,
            1.875,
            "3.75",
            "1.875000",
            "1.25",
            2.25,
            False,
            True,
            0,
            0,
            0,
            0,
            0.375,
            0.5303300858899106,
            0.140625,
            0.28125,
            "0.390625",
            "0.883883",
            2,
            "x,y",
            1,
            3,
            1,
            1,
            3,
            1.875,
            3,
            ["x", None, "y"],
            "x",
            "y",
            0.5303300858899106,
            0,
        ),
    ),
    (
        "+U",
        (
            "a",
            7,
            2,
            2.75,
            0.9166666666666666,
            "3.74",
            "1.246667",
            "-0.01",
            2.25,
            False,
            True,
            1,
            1,
            1,
            2,
            1.3894443333777555,
            1.7017148213885114,
            1.9305555555555554,
            2.895833333333333,
            "1.050022",
            "1.255003",
            2,
            "x,y",
            2,
            3,
            2,
            2,
            7,
            0.9166667,
            7,
            ["x", None, "y", "x"],
            "x",
            "x",
            1.7017148213885114,
            2,
        ),
    ),
    (
        "+I",
        (
            "b",
            -7,
            -7,
            0.1,
            0.1,
            "0.07",
            "0.070000",
            "0.07",
            0.1,
            True,
            True,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "z",
            0,
            -7,
            -7,
            -7,
            -7,
            0.1,
            -7,
            ["z"],
            "z",
            "z",
            None,
            None,
        ),
    ),
    (
        "-U",
        (
            "b",
            -7,
            -7,
            0.1,
            0.1,
            "0.07",
            "0.070000",
            "0.07",
            0.1,
            True,
            True,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "z",
            0,
            -7,
            -7,
            -7,
            -7,
            0.1,
            -7,
            ["z"],
            "z",
            "z",
            None,
            None,
        ),
    ),
    (
        "+U",
        (
            "b",
            -9,
            -4,
            0.30000000000000004,
            0.15000000000000002,
            "0.10",
            "0.050000",
            "0.03",
            0.2,
            True,
            True,
            2,
            3,
            6,
            12,
            0.049999999999999996,
            0.07071067811865475,
            0.0024999999999999996,
            0.004999999999999999,
            "0.000400",
            "0.028284",
            1,
            "z",
            0,
            -9,
            -4,
            -4,
            -9,
            0.15,
            -9,
            ["z", "z"],
            "z",
            "z",
            0.07071067811865475,
            12,
        ),
    ),
    (
        "+I",
        (
            "c",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            0,
            None,
            0,
            None,
            None,
            None,
            None,
            None,
            None,
            [None],
            None,
            None,
            None,
            None,
        ),
    ),
    (
        "+I",
        (
            "d",
            2147483647,
            2147483647,
            1e308,
            1e308,
            "99999999.99",
            "99999999.990000",
            "99999999.99",
            1e308,
            False,
            False,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "q",
            1,
            2147483647,
            2147483647,
            -1,
            -1,
            "Infinity",
            2147483647,
            ["q"],
            "q",
            "q",
            None,
            None,
        ),
    ),
    (
        "-U",
        (
            "d",
            2147483647,
            2147483647,
            1e308,
            1e308,
            "99999999.99",
            "99999999.990000",
            "99999999.99",
            1e308,
            False,
            False,
            0,
            None,
            0,
            None,
            0.0,
            None,
            0.0,
            None,
            "0.000000",
            None,
            1,
            "q",
            1,
            2147483647,
            2147483647,
            -1,
            -1,
            "Infinity",
            2147483647,
            ["q"],
            "q",
            "q",
            None,
            None,
        ),
    ),
    (
        "+U",
        (
            "d",
            -2,
            -1,
            "Infinity",
            "Infinity",
            "199999999.98",
            "99999999.990000",
            "99999999.99",
            1e308,
            False,
            False,
            0,
            0,
            0,
            0,
            0.0,
            0.0,
            0.0,
            0.0,
            "0.000000",
            "0.000000",
            1,
            "q",
            2,
            -2,
            2147483647,
            -1,
            -2,
            "Infinity",
            4294967294,
            ["q", "q"],
            "q",
            "q",
            0.0,
            0,
        ),
    ),
]


def as_flinklite(row):
    """Flink's printed values in the value contract: DECIMAL strings, FLOAT, ARRAY."""
    out = [math.inf if x == "Infinity" else x for x in row]
    for n in (5, 6, 7, 19, 20):
        out[n] = None if out[n] is None else Decimal(out[n])
    out[28] = None if out[28] is None else (f32(float(out[28])))
    out[30] = None if out[30] is None else tuple(out[30])
    return tuple(out)


@pytest.mark.parametrize("retraction", [True, False])
def test_values_and_types_match_flink(retraction):
    op = GroupAggregate((0,), compile_aggregates(CALLS, FIELDS, retraction=retraction))
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    for row in VALUES:
        op.process("+I", projected(row))
    expected = [(kind, as_flinklite(row)) for kind, row in TYPES_EXPECTED]
    assert out.changes == expected


def test_decimal_results_keep_their_scale():
    handle = compile_aggregates(CALLS, FIELDS)
    acc = handle.create()
    handle.accumulate(acc, projected(VALUES[0]))
    values = handle.get_value(acc)
    assert str(values[4]) == "1.25" and str(values[5]) == "1.250000"


def test_integer_sum_wraps_and_avg_truncates_toward_zero():
    calls = [agg("SUM", I, t=T.int_()), agg("AVG", I, t=T.int_())]
    handle = compile_aggregates(calls, FIELDS)
    acc = handle.create()
    for i in (-1, -2):
        handle.accumulate(acc, ("k", i))
    assert handle.get_value(acc) == (-3, -1)
    acc = handle.create()
    for i in (2147483647, 1):
        handle.accumulate(acc, ("k", i))
    # SUM(INT) is an INT and wraps; AVG(INT) sums in a BIGINT, as Flink's IntAvgAggFunction.
    assert handle.get_value(acc) == (-2147483648, 1073741824)


def test_retraction_to_empty_gives_null_and_count_zero():
    calls = [
        agg("COUNT", I, t=T.bigint(False)),
        agg("SUM", I, t=T.int_()),
        agg("MAX", I, t=T.int_()),
    ]
    handle = compile_aggregates(calls, FIELDS)
    acc = handle.create()
    handle.accumulate(acc, ("k", 5))
    handle.retract(acc, ("k", 5))
    assert handle.get_value(acc) == (0, None, None)
    assert handle.record_count(acc) == 0


def test_insert_only_forms_refuse_retraction():
    handle = compile_aggregates([agg("MAX", I, t=T.int_())], FIELDS, retraction=False)
    acc = handle.create()
    handle.accumulate(acc, ("k", 5))
    with pytest.raises(ExecutionError):
        handle.retract(acc, ("k", 5))


def test_merge_combines_accumulators():
    calls = [
        agg("COUNT", t=T.bigint(False)),
        agg("AVG", D, t=T.double()),
        agg("MIN", I, t=T.int_()),
        agg("LISTAGG", S, Literal(T.char(1, False), ";"), t=T.string()),
        agg("COUNT", S, t=T.bigint(False), distinct=True),
        agg("FIRST_VALUE", S, t=T.string()),
        agg("LAST_VALUE", S, t=T.string()),
    ]
    for retraction in (True, False):
        handle = compile_aggregates(calls, FIELDS, retraction=retraction)
        left, right = handle.create(), handle.create()
        handle.accumulate(left, ("k", 3, 1.0, None, None, "x"))
        handle.accumulate(right, ("k", 2, 2.0, None, None, "y"))
        handle.accumulate(right, ("k", 7, 6.0, None, None, "x"))
        handle.merge(left, right)
        assert handle.get_value(left) == (3, 3.0, 2, "x;y;x", 2, "x", "x")


def test_unknown_function_is_reported():
    from flinklite.errors import UnsupportedError

    with pytest.raises(UnsupportedError):
        compile_aggregates([agg("MEDIAN", I, t=T.int_())], FIELDS)


def test_single_value_fails_on_a_second_row():
    handle = compile_aggregates([agg("SINGLE_VALUE", I, t=T.int_())], FIELDS)
    acc = handle.create()
    handle.accumulate(acc, ("k", 5))
    assert handle.get_value(acc) == (5,)
    with pytest.raises(ExecutionError, match="more than one element"):
        handle.accumulate(acc, ("k", 6))


def test_sum0_is_zero_for_an_empty_group():
    handle = compile_aggregates([agg("$SUM0", I, t=T.int_())], FIELDS)
    acc = handle.create()
    handle.accumulate(acc, ("k", None))
    assert handle.get_value(acc) == (0,)
