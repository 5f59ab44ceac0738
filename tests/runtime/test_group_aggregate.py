"""GroupAggregate as a specification: rows in, Flink's changelog out.

Expected changelogs come from Flink 2.3 runs of the same data (flink-oracle, parallelism 1,
debezium-json files for the retracting inputs)."""

from __future__ import annotations

import os
import time

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.expr.aggregates import compile_aggregates
from flinklite.expr.rex import AggregateCall, InputRef, Literal
from flinklite.runtime.operator import Collector, RuntimeContext, Stage
from flinklite.runtime.operators.group_aggregate import GroupAggregate

FIELDS = (RowField("k", T.string()), RowField("v", T.int_()), RowField("s", T.string()))
K, V, S = (InputRef(f.type, i) for i, f in enumerate(FIELDS))


def call(name, *args, type_=None, distinct=False, filter_=None):
    return AggregateCall(name, args, type_ or T.int_(), f"EXPR${name}", distinct, filter_)


class Discard(Stage):
    def process(self, kind, row):
        pass


def run(op, changes, ctx=None):
    out = Collector()
    op.out = out
    op.open(ctx or RuntimeContext())
    for kind, row in changes:
        op.process(kind, row)
    op.end_input()
    return out.changes


# Debezium records c / d / u(before, after) of CREATE TABLE T (k STRING, v INT, s STRING).
CDC = [
    ("+I", ("a", 5, "x")),
    ("+I", ("a", 3, "y")),
    ("+I", ("a", 7, "z")),
    ("+I", ("a", 3, "w")),
    ("-D", ("a", 3, "y")),
    ("-D", ("a", 5, "x")),
    ("+I", ("a", 5, "x2")),
    ("-D", ("a", 7, "z")),
    ("+I", ("b", None, None)),
    ("+I", ("b", 1, "q")),
    ("-D", ("b", 1, "q")),
    ("-D", ("b", None, None)),
    ("+I", ("c", 1, "m")),
    ("+I", ("c", 2, "n")),
    ("-U", ("c", 2, "n")),
    ("+U", ("c", 4, "o")),
    ("-U", ("c", 4, "o")),
    ("+U", ("c", 4, "o")),
    ("-D", ("z", 9, "never")),
    ("+I", ("e", 2, "e1")),
    ("+I", ("e", 2, "e2")),
    ("+I", ("e", 3, "e3")),
    ("-D", ("e", 2, "e1")),
    ("-D", ("e", 3, "e3")),
    ("-D", ("e", 2, "e2")),
]

RETRACT_CALLS = [
    call("COUNT", type_=T.bigint(False)),
    call("COUNT", V, type_=T.bigint(False)),
    call("SUM", V),
    call("MIN", V),
    call("MAX", V),
    call("AVG", V),
    call("LISTAGG", S, type_=T.string()),
    call("LISTAGG", S, Literal(T.char(1, False), "|"), type_=T.string()),
    call("FIRST_VALUE", V),
    call("LAST_VALUE", V),
    call("FIRST_VALUE", S, type_=T.string()),
    call("LAST_VALUE", S, type_=T.string()),
    call("COUNT", V, type_=T.bigint(False), distinct=True),
    call("SUM", V, distinct=True),
    call("MIN", S, type_=T.string()),
    call("MAX", S, type_=T.string()),
]

# SELECT k, COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v), LISTAGG(s), LISTAGG(s, '|'),
#   FIRST_VALUE(v), LAST_VALUE(v), FIRST_VALUE(s), LAST_VALUE(s), COUNT(DISTINCT v),
#   SUM(DISTINCT v), MIN(s), MAX(s) FROM T GROUP BY k  -- on Flink 2.3
RETRACT_EXPECTED = [
    ("+I", ("a", 1, 1, 5, 5, 5, 5, "x", "x", 5, 5, "x", "x", 1, 5, "x", "x")),
    ("-U", ("a", 1, 1, 5, 5, 5, 5, "x", "x", 5, 5, "x", "x", 1, 5, "x", "x")),
    ("+U", ("a", 2, 2, 8, 3, 5, 4, "x,y", "x|y", 5, 3, "x", "y", 2, 8, "x", "y")),
    ("-U", ("a", 2, 2, 8, 3, 5, 4, "x,y", "x|y", 5, 3, "x", "y", 2, 8, "x", "y")),
    ("+U", ("a", 3, 3, 15, 3, 7, 5, "x,y,z", "x|y|z", 5, 7, "x", "z", 3, 15, "x", "z")),
    ("-U", ("a", 3, 3, 15, 3, 7, 5, "x,y,z", "x|y|z", 5, 7, "x", "z", 3, 15, "x", "z")),
    ("+U", ("a", 4, 4, 18, 3, 7, 4, "x,y,z,w", "x|y|z|w", 5, 3, "x", "w", 3, 15, "w", "z")),
    ("-U", ("a", 4, 4, 18, 3, 7, 4, "x,y,z,w", "x|y|z|w", 5, 3, "x", "w", 3, 15, "w", "z")),
    ("+U", ("a", 3, 3, 15, 3, 7, 5, "x,z,w", "x|z|w", 5, 3, "x", "w", 3, 15, "w", "z")),
    ("-U", ("a", 3, 3, 15, 3, 7, 5, "x,z,w", "x|z|w", 5, 3, "x", "w", 3, 15, "w", "z")),
    ("+U", ("a", 2, 2, 10, 3, 7, 5, "z,w", "z|w", 7, 3, "z", "w", 2, 10, "w", "z")),
    ("-U", ("a", 2, 2, 10, 3, 7, 5, "z,w", "z|w", 7, 3, "z", "w", 2, 10, "w", "z")),
    ("+U", ("a", 3, 3, 15, 3, 7, 5, "z,w,x2", "z|w|x2", 7, 5, "z", "x2", 3, 15, "w", "z")),
    ("-U", ("a", 3, 3, 15, 3, 7, 5, "z,w,x2", "z|w|x2", 7, 5, "z", "x2", 3, 15, "w", "z")),
    ("+U", ("a", 2, 2, 8, 3, 5, 4, "w,x2", "w|x2", 3, 5, "w", "x2", 2, 8, "w", "x2")),
    (
        "+I",
        (
            "b",
            1,
            0,
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
            None,
            None,
        ),
    ),
    (
        "-U",
        (
            "b",
            1,
            0,
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
            None,
            None,
        ),
    ),
    ("+U", ("b", 2, 1, 1, 1, 1, 1, "q", "q", 1, 1, "q", "q", 1, 1, "q", "q")),
    ("-U", ("b", 2, 1, 1, 1, 1, 1, "q", "q", 1, 1, "q", "q", 1, 1, "q", "q")),
    (
        "+U",
        (
            "b",
            1,
            0,
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
            None,
            None,
        ),
    ),
    (
        "-D",
        (
            "b",
            1,
            0,
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
            None,
            None,
        ),
    ),
    ("+I", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("-U", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("+U", ("c", 2, 2, 3, 1, 2, 1, "m,n", "m|n", 1, 2, "m", "n", 2, 3, "m", "n")),
    ("-U", ("c", 2, 2, 3, 1, 2, 1, "m,n", "m|n", 1, 2, "m", "n", 2, 3, "m", "n")),
    ("+U", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("-U", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("+U", ("c", 2, 2, 5, 1, 4, 2, "m,o", "m|o", 1, 4, "m", "o", 2, 5, "m", "o")),
    ("-U", ("c", 2, 2, 5, 1, 4, 2, "m,o", "m|o", 1, 4, "m", "o", 2, 5, "m", "o")),
    ("+U", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("-U", ("c", 1, 1, 1, 1, 1, 1, "m", "m", 1, 1, "m", "m", 1, 1, "m", "m")),
    ("+U", ("c", 2, 2, 5, 1, 4, 2, "m,o", "m|o", 1, 4, "m", "o", 2, 5, "m", "o")),
    ("+I", ("e", 1, 1, 2, 2, 2, 2, "e1", "e1", 2, 2, "e1", "e1", 1, 2, "e1", "e1")),
    ("-U", ("e", 1, 1, 2, 2, 2, 2, "e1", "e1", 2, 2, "e1", "e1", 1, 2, "e1", "e1")),
    ("+U", ("e", 2, 2, 4, 2, 2, 2, "e1,e2", "e1|e2", 2, 2, "e1", "e2", 1, 2, "e1", "e2")),
    ("-U", ("e", 2, 2, 4, 2, 2, 2, "e1,e2", "e1|e2", 2, 2, "e1", "e2", 1, 2, "e1", "e2")),
    ("+U", ("e", 3, 3, 7, 2, 3, 2, "e1,e2,e3", "e1|e2|e3", 2, 3, "e1", "e3", 2, 5, "e1", "e3")),
    ("-U", ("e", 3, 3, 7, 2, 3, 2, "e1,e2,e3", "e1|e2|e3", 2, 3, "e1", "e3", 2, 5, "e1", "e3")),
    ("+U", ("e", 2, 2, 5, 2, 3, 2, "e2,e3", "e2|e3", 2, 3, "e2", "e3", 2, 5, "e2", "e3")),
    ("-U", ("e", 2, 2, 5, 2, 3, 2, "e2,e3", "e2|e3", 2, 3, "e2", "e3", 2, 5, "e2", "e3")),
    ("+U", ("e", 1, 1, 2, 2, 2, 2, "e2", "e2", 2, 2, "e2", "e2", 1, 2, "e2", "e2")),
    ("-D", ("e", 1, 1, 2, 2, 2, 2, "e2", "e2", 2, 2, "e2", "e2", 1, 2, "e2", "e2")),
]


def test_retracting_input_matches_flink():
    op = GroupAggregate((0,), compile_aggregates(RETRACT_CALLS, FIELDS))
    assert run(op, CDC) == RETRACT_EXPECTED


def test_global_aggregate_deletes_its_row_when_emptied():
    # SELECT COUNT(*), SUM(v), MIN(v), LISTAGG(s), STDDEV_POP(v), VAR_SAMP(v) FROM T
    # WHERE k = 'b'  -- Flink 2.3
    calls = [
        call("COUNT", type_=T.bigint(False)),
        call("SUM", V),
        call("MIN", V),
        call("LISTAGG", S, type_=T.string()),
        call("STDDEV_POP", V),
        call("VAR_SAMP", V),
    ]
    op = GroupAggregate((), compile_aggregates(calls, FIELDS))
    changes = [c for c in CDC if c[1][0] == "b"]
    assert run(op, changes) == [
        ("+I", (1, None, None, None, None, None)),
        ("-U", (1, None, None, None, None, None)),
        ("+U", (2, 1, 1, "q", 0, None)),
        ("-U", (2, 1, 1, "q", 0, None)),
        ("+U", (1, None, None, None, None, None)),
        ("-D", (1, None, None, None, None, None)),
    ]


def test_without_update_before():
    op = GroupAggregate(
        (0,), compile_aggregates([call("SUM", V)], FIELDS), generate_update_before=False
    )
    rows = [("+I", ("a", 1, "")), ("+I", ("a", 2, "")), ("-D", ("a", 1, "")), ("-D", ("a", 2, ""))]
    assert run(op, rows) == [("+I", ("a", 1)), ("+U", ("a", 3)), ("+U", ("a", 2)), ("-D", ("a", 2))]


def test_unchanged_result_emits_nothing():
    op = GroupAggregate((0,), compile_aggregates([call("MAX", V)], FIELDS))
    rows = [("+I", ("a", 5, "")), ("+I", ("a", 3, "")), ("+I", ("a", 6, ""))]
    assert run(op, rows) == [("+I", ("a", 5)), ("-U", ("a", 5)), ("+U", ("a", 6))]


def test_distinct_is_a_group_aggregate_without_calls():
    op = GroupAggregate((0,), compile_aggregates([], FIELDS))
    rows = [("+I", ("a", 1, "")), ("+I", ("a", 2, "")), ("+I", ("b", 1, "")), ("-D", ("a", 1, ""))]
    assert run(op, rows) == [("+I", ("a",)), ("+I", ("b",))]


def test_streaming_global_count_over_nothing_prints_nothing():
    op = GroupAggregate((), compile_aggregates([call("COUNT", type_=T.bigint(False))], FIELDS))
    assert run(op, []) == []


def test_batch_emits_final_rows_and_a_row_for_an_empty_global_aggregate():
    calls = [call("COUNT", type_=T.bigint(False)), call("SUM", V)]
    op = GroupAggregate((), compile_aggregates(calls, FIELDS), batch=True)
    assert run(op, []) == [("+I", (0, None))]
    op = GroupAggregate((0,), compile_aggregates(calls, FIELDS), batch=True)
    out = Collector()
    op.out = out
    op.open(RuntimeContext(batch=True))
    op.process_batch([("a", 1, ""), ("b", 2, ""), ("a", 3, "")])
    assert out.changes == []
    op.end_input()
    assert out.changes == [("+I", ("a", 2, 4)), ("+I", ("b", 1, 2))]


def test_watermarks_pass_through_and_state_restores():
    op = GroupAggregate((0,), compile_aggregates([call("COUNT", type_=T.bigint(False))], FIELDS))
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    op.process("+I", ("a", 1, ""))
    op.on_watermark(42)
    saved = op.snapshot()
    op.process("+I", ("a", 1, ""))
    op.restore(saved)
    op.process("+I", ("a", 1, ""))
    assert out.watermarks == [42]
    assert out.changes[-1] == ("+U", ("a", 2))


@pytest.mark.skipif(not os.environ.get("FLINKLITE_BENCH"), reason="set FLINKLITE_BENCH=1")
def test_throughput_count_avg():
    """COUNT(*), AVG(v) over 1M rows and 1000 keys; prints rows/s."""
    calls = [call("COUNT", type_=T.bigint(False)), call("AVG", V)]
    op = GroupAggregate((0,), compile_aggregates(calls, FIELDS, retraction=False))
    op.out = Discard()
    op.open(RuntimeContext())
    rows = [(f"user_{i % 1000}", i % 17, "") for i in range(1_000_000)]
    start = time.process_time()  # CPU time: the figure stays meaningful on a busy machine
    op.process_batch(rows)
    elapsed = time.process_time() - start
    print(f"GroupAggregate COUNT+AVG: {len(rows) / elapsed:,.0f} rows/s")


def test_state_ttl_expires_idle_groups_as_flink_does():
    # table.exec.state.ttl: a group not written for the TTL is gone. Its next row starts it
    # afresh (+I, not an update); a retraction for it is ignored; writes refresh it, and an
    # expired group leaves nothing behind in memory.
    clock = [0]
    ctx = RuntimeContext(state_ttl_ms=1000, now_ms=lambda: clock[0])
    op = GroupAggregate((0,), compile_aggregates([call("COUNT", V, type_=T.bigint())], FIELDS))
    out = Collector()
    op.out = out
    op.open(ctx)

    def at(ms, kind, row):
        clock[0] = ms
        op.process(kind, row)

    at(0, "+I", ("a", 1, "x"))
    at(900, "+I", ("a", 2, "x"))  # refreshes a: now expires at 1900
    at(1000, "+I", ("b", 1, "x"))
    at(1800, "+I", ("a", 3, "x"))  # within the TTL: an update
    at(2900, "-D", ("b", 1, "x"))  # b idle since 1000: expired, the retraction is ignored
    assert "b" not in {k[0] for k in op.state}
    at(2900, "+I", ("a", 4, "x"))  # a idle since 1800: expired, starts again
    assert out.changes == [
        ("+I", ("a", 1)),
        ("-U", ("a", 1)),
        ("+U", ("a", 2)),
        ("+I", ("b", 1)),
        ("-U", ("a", 2)),
        ("+U", ("a", 3)),
        ("+I", ("a", 1)),
    ]
    # Through a checkpoint the write times go on: a restored group still expires.
    saved = op.snapshot()
    again = GroupAggregate((0,), compile_aggregates([call("COUNT", V, type_=T.bigint())], FIELDS))
    again.out = Collector()
    again.open(ctx)
    again.restore(saved)
    clock[0] = 3950
    again.process("+I", ("a", 5, "x"))
    assert again.out.changes == [("+I", ("a", 1))]
