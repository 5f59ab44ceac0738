"""ORDER BY: SQL sort keys, the streaming temporal sort and the batch sort.

The expected temporal-sort output came from Flink 2.3.0 (parallelism 1, a watermark after every
row) on the rows below."""

from __future__ import annotations

from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.operators.sort import Sort, TemporalSort, sort_key

MS = 1_000_000
T0 = 1_704_067_200_000  # 2024-01-01 00:00:00 in epoch ms

# (id, k, v, ts ns) in arrival order; WATERMARK FOR ts AS ts.
ROWS = [
    (1, "a", 10, T0 + 1000),
    (2, "a", 20, T0 + 2000),
    (3, "b", 5, T0 + 3000),
    (4, "a", 15, T0 + 2500),
    (5, "a", 20, T0 + 4000),
    (6, "a", 30, T0 + 5000),
    (7, "b", 7, T0 + 5000),
    (8, "a", 5, T0 + 6000),
    (9, "b", -3, T0 + 4500),
    (10, "a", 25, T0 + 7000),
    (11, "c", None, T0 + 7000),
    (12, "c", 1, T0 + 8000),
    (13, "c", None, T0 + 9000),
    (14, "b", -20, T0 + 9500),
]
ROWS = [(i, k, v, ts * MS) for i, k, v, ts in ROWS]


def run(op, rows, watermarks=None):
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    for n, row in enumerate(rows):
        op.process("+I", row)
        if watermarks is not None:
            op.on_watermark(watermarks[n])
    op.on_watermark(MAX_WATERMARK)
    op.end_input()
    return out.changes


def running_max_watermarks(rows):
    marks, top = [], None
    for row in rows:
        top = row[3] // MS if top is None else max(top, row[3] // MS)
        marks.append(top)
    return marks


def test_temporal_sort_releases_rows_when_the_watermark_passes_and_drops_late_ones():
    # SELECT id, k, v, ts FROM T ORDER BY ts, v DESC  -- Flink 2.3. Rows 7 and 11 share a
    # timestamp already released (the timer fired at the watermark equal to it): late.
    op = TemporalSort(3, rowtime=True, sort_fields=[(3, True, False), (2, False, True)])
    out = run(op, ROWS, running_max_watermarks(ROWS))
    assert [row[0] for _, row in out] == [1, 2, 3, 5, 6, 8, 10, 12, 13, 14]
    assert all(kind == "+I" for kind, _ in out)


def test_temporal_sort_orders_equal_timestamps_by_the_further_keys():
    rows = [(1, "x", 1, 5 * MS), (2, "y", 3, 5 * MS), (3, "z", 2, 4 * MS), (4, "w", None, 5 * MS)]
    op = TemporalSort(3, sort_fields=[(3, True, False), (2, False, True)])
    assert [r[0] for _, r in run(op, rows)] == [3, 2, 1, 4]


def test_temporal_sort_keeps_a_row_behind_the_watermark_until_the_next_one():
    rows = [(1, "a", 0, 10 * MS), (2, "a", 0, 8 * MS)]
    op = TemporalSort(3)
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    op.process("+I", rows[0])
    op.on_watermark(9)  # nothing is due yet
    op.process("+I", rows[1])  # behind the watermark but after the last release: kept
    assert out.changes == []
    op.on_watermark(10)
    assert out.changes == [("+I", rows[1]), ("+I", rows[0])]


def test_sort_key_follows_sql_null_ordering_and_directions():
    rows = [(None, "b"), (2, "a"), (1, "c"), (2, "b"), (None, "a")]
    asc_nulls_first = sorted(rows, key=sort_key([(0, True, False), (1, False, True)]))
    assert asc_nulls_first == [(None, "b"), (None, "a"), (1, "c"), (2, "b"), (2, "a")]
    desc_nulls_last = sorted(rows, key=sort_key([(0, False, True), (1, True, False)]))
    assert desc_nulls_last == [(2, "a"), (2, "b"), (1, "c"), (None, "a"), (None, "b")]


def test_batch_sort_emits_the_sorted_slice_at_the_end():
    rows = [(3,), (1,), (None,), (2,), (5,)]
    assert run(Sort([(0, True, False)]), rows) == [
        ("+I", r) for r in [(None,), (1,), (2,), (3,), (5,)]
    ]
    assert run(Sort([(0, False, True)], fetch=2, offset=1), rows) == [("+I", (3,)), ("+I", (2,))]
