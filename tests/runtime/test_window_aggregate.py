"""Window aggregates as a specification: rows and watermarks in, Flink's window rows out.

The input is win.jsonl of the reference runs: (k, v, ts) with WATERMARK FOR ts AS
ts - INTERVAL '1' SECOND and a watermark after every row (flink-oracle --watermark-interval 0,
parallelism 1). Expected rows are Flink 2.3's output of the query named above each list; rows
that fire together are compared in window-end order (Flink orders keys within one firing by
its key hashing)."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.expr.aggregates import compile_aggregates
from flinklite.expr.rex import AggregateCall, InputRef
from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.operators.window_aggregate import GroupWindowAggregate, WindowAggregate
from flinklite.runtime.windows import WindowSpec, assigner

FIELDS = (RowField("k", T.string()), RowField("v", T.int_()), RowField("ts", T.timestamp(3)))
V = InputRef(T.int_(), 1)
COUNT_SUM = [
    AggregateCall("COUNT", (), T.bigint(False), "c"),
    AggregateCall("SUM", (V,), T.int_(), "s"),
]


def ms(n: int) -> int:
    """A TIMESTAMP(3) value (epoch nanoseconds) from epoch milliseconds."""
    return n * 1_000_000


# (k, v, seconds) in arrival order: a@3.0 arrives when the watermark is 6.2 s, b@9.9 at 29 s.
DATA = [
    ("a", 1, 0.5),
    ("b", 2, 1.0),
    ("c", 11, 1.5),
    ("a", 3, 4.9),
    ("a", 4, 5.0),
    ("b", 5, 7.2),
    ("a", 6, 3.0),
    ("a", 7, 12.0),
    ("b", 8, 11.5),
    ("c", 12, 11.7),
    ("a", 9, 30.0),
    ("b", 10, 9.9),
]


def run(op, data=DATA, ctx=None):
    ctx = ctx or RuntimeContext()
    out = Collector()
    op.out = out
    op.open(ctx)
    watermark = None
    for k, v, seconds in data:
        ts = round(seconds * 1000)
        op.process("+I", (k, v, ms(ts)))
        if watermark is None or ts - 1000 > watermark:
            watermark = ts - 1000
            op.on_watermark(watermark)
    op.on_watermark(MAX_WATERMARK)
    op.end_input()
    return out.changes, ctx


def in_firing_order(rows, end_index):
    return sorted(rows, key=lambda r: (r[end_index], r[0]))


def window_rows(changes):
    assert all(kind == "+I" for kind, _ in changes)
    return [row for _, row in changes]


# w_tumble.sql on Flink 2.3
W_TUMBLE = [
    ("a", 2, 4, ms(0), ms(5000), ms(4999)),
    ("b", 1, 2, ms(0), ms(5000), ms(4999)),
    ("c", 1, 11, ms(0), ms(5000), ms(4999)),
    ("a", 1, 4, ms(5000), ms(10000), ms(9999)),
    ("b", 1, 5, ms(5000), ms(10000), ms(9999)),
    ("a", 1, 7, ms(10000), ms(15000), ms(14999)),
    ("b", 1, 8, ms(10000), ms(15000), ms(14999)),
    ("c", 1, 12, ms(10000), ms(15000), ms(14999)),
    ("a", 1, 9, ms(30000), ms(35000), ms(34999)),
]
# w_hop.sql on Flink 2.3
W_HOP = [
    ("a", 1, 1, ms(-2000), ms(2000)),
    ("b", 1, 2, ms(-2000), ms(2000)),
    ("c", 1, 11, ms(-2000), ms(2000)),
    ("a", 1, 1, ms(0), ms(4000)),
    ("c", 1, 11, ms(0), ms(4000)),
    ("b", 1, 2, ms(0), ms(4000)),
    ("a", 2, 7, ms(2000), ms(6000)),
    ("b", 1, 5, ms(4000), ms(8000)),
    ("a", 2, 7, ms(4000), ms(8000)),
    ("b", 1, 5, ms(6000), ms(10000)),
    ("b", 1, 8, ms(8000), ms(12000)),
    ("c", 1, 12, ms(8000), ms(12000)),
    ("a", 1, 7, ms(10000), ms(14000)),
    ("c", 1, 12, ms(10000), ms(14000)),
    ("b", 1, 8, ms(10000), ms(14000)),
    ("a", 1, 7, ms(12000), ms(16000)),
    ("a", 1, 9, ms(28000), ms(32000)),
    ("a", 1, 9, ms(30000), ms(34000)),
]
# w_session.sql on Flink 2.3
W_SESSION = [
    ("a", 1, 1, ms(500), ms(3500), ms(3499)),
    ("b", 1, 2, ms(1000), ms(4000), ms(3999)),
    ("c", 1, 11, ms(1500), ms(4500), ms(4499)),
    ("a", 3, 13, ms(3000), ms(8000), ms(7999)),
    ("b", 1, 5, ms(7200), ms(10200), ms(10199)),
    ("b", 1, 8, ms(11500), ms(14500), ms(14499)),
    ("c", 1, 12, ms(11700), ms(14700), ms(14699)),
    ("a", 1, 7, ms(12000), ms(15000), ms(14999)),
    ("a", 1, 9, ms(30000), ms(33000), ms(32999)),
]
# t_tumble.sql on Flink 2.3
T_TUMBLE = [
    ("a", 2, 4, "1,3", ms(0), ms(5000), ms(4999)),
    ("b", 1, 2, "2", ms(0), ms(5000), ms(4999)),
    ("c", 1, 11, "11", ms(0), ms(5000), ms(4999)),
    ("a", 1, 4, "4", ms(5000), ms(10000), ms(9999)),
    ("b", 1, 5, "5", ms(5000), ms(10000), ms(9999)),
    ("a", 1, 7, "7", ms(10000), ms(15000), ms(14999)),
    ("b", 1, 8, "8", ms(10000), ms(15000), ms(14999)),
    ("c", 1, 12, "12", ms(10000), ms(15000), ms(14999)),
    ("a", 1, 9, "9", ms(30000), ms(35000), ms(34999)),
]
# t_hop.sql on Flink 2.3
T_HOP = [
    ("a", 1, 1, ms(-2000), ms(2000)),
    ("b", 1, 2, ms(-2000), ms(2000)),
    ("c", 1, 11, ms(-2000), ms(2000)),
    ("b", 1, 2, ms(0), ms(4000)),
    ("c", 1, 11, ms(0), ms(4000)),
    ("a", 1, 1, ms(0), ms(4000)),
    ("a", 2, 7, ms(2000), ms(6000)),
    ("b", 1, 5, ms(4000), ms(8000)),
    ("a", 2, 7, ms(4000), ms(8000)),
    ("b", 1, 5, ms(6000), ms(10000)),
    ("b", 1, 8, ms(8000), ms(12000)),
    ("c", 1, 12, ms(8000), ms(12000)),
    ("b", 1, 8, ms(10000), ms(14000)),
    ("c", 1, 12, ms(10000), ms(14000)),
    ("a", 1, 7, ms(10000), ms(14000)),
    ("a", 1, 7, ms(12000), ms(16000)),
    ("a", 1, 9, ms(28000), ms(32000)),
    ("a", 1, 9, ms(30000), ms(34000)),
]
# t_cum.sql on Flink 2.3
T_CUMULATE = [
    ("a", 1, 1, ms(0), ms(2000)),
    ("b", 1, 2, ms(0), ms(2000)),
    ("c", 1, 11, ms(0), ms(2000)),
    ("b", 1, 2, ms(0), ms(4000)),
    ("c", 1, 11, ms(0), ms(4000)),
    ("a", 1, 1, ms(0), ms(4000)),
    ("c", 1, 11, ms(0), ms(6000)),
    ("b", 1, 2, ms(0), ms(6000)),
    ("a", 3, 8, ms(0), ms(6000)),
    ("b", 1, 5, ms(6000), ms(8000)),
    ("b", 1, 5, ms(6000), ms(10000)),
    ("b", 2, 13, ms(6000), ms(12000)),
    ("c", 1, 12, ms(6000), ms(12000)),
    ("a", 1, 7, ms(12000), ms(14000)),
    ("a", 1, 7, ms(12000), ms(16000)),
    ("a", 1, 7, ms(12000), ms(18000)),
    ("a", 1, 9, ms(30000), ms(32000)),
    ("a", 1, 9, ms(30000), ms(34000)),
    ("a", 1, 9, ms(30000), ms(36000)),
]
# t_session.sql on Flink 2.3
T_SESSION = [
    ("a", 1, 1, ms(500), ms(3500)),
    ("b", 1, 2, ms(1000), ms(4000)),
    ("c", 1, 11, ms(1500), ms(4500)),
    ("a", 3, 13, ms(3000), ms(8000)),
    ("b", 1, 5, ms(7200), ms(10200)),
    ("b", 1, 8, ms(11500), ms(14500)),
    ("c", 1, 12, ms(11700), ms(14700)),
    ("a", 1, 7, ms(12000), ms(15000)),
    ("a", 1, 9, ms(30000), ms(33000)),
]


def check(op, expected, end_index=4):
    changes, ctx = run(op)
    assert in_firing_order(window_rows(changes), end_index) == in_firing_order(expected, end_index)
    return ctx


def test_legacy_tumble_drops_rows_of_fired_windows():
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    op = GroupWindowAggregate(
        (0,), aggs, WindowSpec("TUMBLE", size_ms=5000), 2, properties=("start", "end", "rowtime")
    )
    ctx = check(op, W_TUMBLE)
    assert ctx.metrics["numLateRecordsDropped"] == 2


def test_legacy_hop():
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    spec = WindowSpec("HOP", size_ms=4000, slide_ms=2000)
    check(GroupWindowAggregate((0,), aggs, spec, 2, properties=("start", "end")), W_HOP)


def test_legacy_session_merges_a_late_row_into_an_open_session():
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    spec = WindowSpec("SESSION", gap_ms=3000)
    op = GroupWindowAggregate((0,), aggs, spec, 2, properties=("start", "end", "rowtime"))
    check(op, W_SESSION)


def test_tvf_tumble():
    calls = [*COUNT_SUM, AggregateCall("LISTAGG", (InputRef(T.string(), 3),), T.string(), "l")]
    fields = (*FIELDS, RowField("vs", T.string()))
    op = WindowAggregate(
        (0,),
        compile_aggregates(calls, fields),
        WindowSpec("TUMBLE", size_ms=5000),
        2,
        properties=("start", "end", "rowtime"),
    )
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    watermark = None
    for k, v, seconds in DATA:
        ts = round(seconds * 1000)
        op.process("+I", (k, v, ms(ts), str(v)))
        if watermark is None or ts - 1000 > watermark:
            watermark = ts - 1000
            op.on_watermark(watermark)
    op.on_watermark(MAX_WATERMARK)
    op.end_input()
    assert in_firing_order(window_rows(out.changes), 5) == in_firing_order(T_TUMBLE, 5)
    assert out.ended


def test_tvf_hop_cumulate_session():
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    check(
        WindowAggregate(
            (0,),
            aggs,
            WindowSpec("HOP", size_ms=4000, slide_ms=2000),
            2,
            properties=("start", "end"),
        ),
        T_HOP,
    )
    check(
        WindowAggregate(
            (0,),
            aggs,
            WindowSpec("CUMULATE", size_ms=6000, slide_ms=2000),
            2,
            properties=("start", "end"),
        ),
        T_CUMULATE,
    )
    check(
        WindowAggregate(
            (0,), aggs, WindowSpec("SESSION", gap_ms=3000), 2, properties=("start", "end")
        ),
        T_SESSION,
    )


def test_window_attached_to_the_input():
    # Rows carrying window_start / window_end (columns 3 and 4) fire by their window_end.
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    op = WindowAggregate(
        (0,), aggs, WindowSpec("TUMBLE", size_ms=5000), 2, window_start_index=3, window_end_index=4
    )
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    op.process("+I", ("a", 1, ms(100), ms(0), ms(5000)))
    op.process("+I", ("a", 2, ms(200), ms(0), ms(5000)))
    op.on_watermark(4998)
    assert out.changes == []
    op.on_watermark(4999)
    assert out.changes == [("+I", ("a", 2, 3, ms(0), ms(5000)))]


def test_windows_holding_a_timestamp():
    assert assigner(WindowSpec("TUMBLE", size_ms=5000))(-1) == [(-5000, 0)]
    assert assigner(WindowSpec("TUMBLE", size_ms=5000, offset_ms=1000))(500) == [(-4000, 1000)]
    assert assigner(WindowSpec("HOP", size_ms=4000, slide_ms=2000))(3000) == [
        (0, 4000),
        (2000, 6000),
    ]
    assert assigner(WindowSpec("CUMULATE", size_ms=6000, slide_ms=2000))(3000) == [
        (0, 4000),
        (0, 6000),
    ]


def test_processing_time_windows_fire_on_the_clock_and_at_end_of_input():
    now = [1000]
    ctx = RuntimeContext(now_ms=lambda: now[0])
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    op = WindowAggregate(
        (0,),
        aggs,
        WindowSpec("TUMBLE", size_ms=5000),
        None,
        properties=("start", "end"),
        proctime=True,
    )
    out = Collector()
    op.out = out
    op.open(ctx)
    op.process("+I", ("a", 1, None))
    now[0] = 4000
    op.process("+I", ("a", 2, None))
    now[0] = 5000
    op.process("+I", ("a", 4, None))
    assert out.changes == [("+I", ("a", 2, 3, ms(0), ms(5000)))]
    op.end_input()
    assert out.changes[-1] == ("+I", ("a", 1, 4, ms(5000), ms(10000)))


def test_retracted_window_emits_nothing():
    aggs = compile_aggregates(COUNT_SUM, FIELDS)
    op = WindowAggregate((0,), aggs, WindowSpec("TUMBLE", size_ms=5000), 2)
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    op.process("+I", ("a", 1, ms(100)))
    op.process("-D", ("a", 1, ms(100)))
    op.on_watermark(MAX_WATERMARK)
    assert out.changes == []


def test_ltz_windows_align_to_the_session_time_zone():
    # t_ltz2.sql on Flink 2.3 with table.local-time-zone = Asia/Shanghai (UTC+8):
    # TUMBLE(TABLE L, DESCRIPTOR(ts), INTERVAL '1' DAY) over a TIMESTAMP_LTZ(3) ts with
    # WATERMARK ts - 5 s; one-day windows start at Shanghai midnight.
    base = 1704124800000  # 2024-01-02 00:00 in Shanghai
    local = 8 * 3600 * 1000
    fields = (RowField("k", T.string()), RowField("ts", T.timestamp_ltz(3)))
    aggs = compile_aggregates([AggregateCall("COUNT", (), T.bigint(False), "c")], fields)
    op = WindowAggregate(
        (0,),
        aggs,
        WindowSpec("TUMBLE", size_ms=86_400_000),
        1,
        properties=("start", "end", "rowtime"),
        ltz=True,
    )
    out = Collector()
    op.out = out
    op.open(RuntimeContext(local_time_zone="Asia/Shanghai"))
    watermark = None
    for k, epoch in [
        ("a", base - 1000),
        ("a", base + 1000),
        ("b", base - 3_600_000),
        ("a", base + 86_400_000),
    ]:
        op.process("+I", (k, ms(epoch)))
        if watermark is None or epoch - 5000 > watermark:
            watermark = epoch - 5000
            op.on_watermark(watermark)
    op.on_watermark(MAX_WATERMARK)
    day = 86_400_000
    jan1, jan2, jan3, jan4 = (base + local + d * day for d in (-1, 0, 1, 2))
    assert window_rows(out.changes) == [
        ("a", 1, ms(jan1), ms(jan2), ms(base - 1)),
        ("b", 1, ms(jan1), ms(jan2), ms(base - 1)),
        ("a", 1, ms(jan2), ms(jan3), ms(base + day - 1)),
        ("a", 1, ms(jan3), ms(jan4), ms(base + 2 * day - 1)),
    ]


def test_session_merges_windows_a_row_bridges():
    # s_tvf.sql on Flink 2.3: SESSION(TABLE S PARTITION BY k, DESCRIPTOR(ts), INTERVAL '3'
    # SECOND), WATERMARK ts - 10 s; COUNT(DISTINCT s) per session.
    fields = (RowField("k", T.string()), RowField("s", T.string()), RowField("ts", T.timestamp(3)))
    calls = [AggregateCall("COUNT", (InputRef(T.string(), 1),), T.bigint(False), "cd", True)]
    op = WindowAggregate(
        (0,), compile_aggregates(calls, fields), WindowSpec("SESSION", gap_ms=3000), 2
    )
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    watermark = None
    rows = [
        ("a", "x", 0),
        ("a", "y", 5000),
        ("a", "z", 2500),
        ("a", "w", 9000),
        ("a", "v", 7000),
        ("b", "p", 1000),
        ("b", "q", 1000),
    ]
    for k, s, t in rows:
        op.process("+I", (k, s, ms(t)))
        if watermark is None or t - 10_000 > watermark:
            watermark = t - 10_000
            op.on_watermark(watermark)
    op.on_watermark(MAX_WATERMARK)
    assert window_rows(out.changes) == [
        ("b", 2, ms(1000), ms(4000)),
        ("a", 5, ms(0), ms(12000)),
    ]


def test_tvf_tumble_with_offset_and_no_keys():
    # t_global.sql on Flink 2.3: TUMBLE(.., INTERVAL '5' SECOND, INTERVAL '1' SECOND),
    # GROUP BY window_start, window_end; COUNT(*), MAX(v).
    calls = [
        AggregateCall("COUNT", (), T.bigint(False), "c"),
        AggregateCall("MAX", (V,), T.int_(), "mx"),
    ]
    spec = WindowSpec("TUMBLE", size_ms=5000, offset_ms=1000)
    op = WindowAggregate((), compile_aggregates(calls, FIELDS), spec, 2)
    changes, ctx = run(op)
    assert window_rows(changes) == [
        (1, 1, ms(-4000), ms(1000)),
        (4, 11, ms(1000), ms(6000)),
        (1, 5, ms(6000), ms(11000)),
        (3, 12, ms(11000), ms(16000)),
        (1, 9, ms(26000), ms(31000)),
    ]
    assert ctx.metrics["numLateRecordsDropped"] == 2


def test_batches_give_the_same_rows_as_single_rows():
    aggs = compile_aggregates(COUNT_SUM, FIELDS, retraction=False)
    spec = WindowSpec("HOP", size_ms=4000, slide_ms=2000)
    op = WindowAggregate((0,), aggs, spec, 2, properties=("start", "end"))
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    op.process_batch([(k, v, ms(round(t * 1000))) for k, v, t in DATA])
    op.on_watermark(MAX_WATERMARK)
    single, _ = run(
        WindowAggregate((0,), aggs, spec, 2, properties=("start", "end")),
        data=sorted(DATA, key=lambda r: r[2]),
    )
    assert sorted(out.changes) == sorted(single)
