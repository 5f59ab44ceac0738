"""Top-N, deduplication and LIMIT operators emit Flink's exact changelogs.

Expected outputs marked "Flink 2.3" came from running the same query on Flink 2.3.0 (parallelism
1, a watermark after every row) over SALES below."""

from __future__ import annotations

import random

import pytest

from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.operators.rank import Deduplicate, Limit, Rank
from flinklite.runtime.operators.sort import sort_key
from flinklite.runtime.rows import fold

MS = 1_000_000  # nanoseconds per millisecond
T0 = 1_704_067_200_000  # 2024-01-01 00:00:00 in epoch ms

# (id, k, v, ts ns): the probe table, in arrival order.
SALES = [
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
SALES = [(i, k, v, ts * MS) for i, k, v, ts in SALES]
KVI = [(k, v, i) for i, k, v, _ in SALES]  # the Rank's input: k, v, id


def run(op, changes, watermarks=None):
    """Feed (kind, row) pairs; `watermarks[i]` follows the i-th row."""
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    for n, (kind, row) in enumerate(changes):
        op.process(kind, row)
        if watermarks is not None:
            op.on_watermark(watermarks[n])
    op.on_watermark(MAX_WATERMARK)
    op.end_input()
    return out.changes


def inserts(rows):
    return [("+I", row) for row in rows]


def by_k(row):
    return (row[0],)


# SELECT * FROM (SELECT k, v, id, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn
# FROM T) WHERE rn <= 3  -- Flink 2.3
TOP3_DESC = [
    ("+I", ("a", 10, 1, 1)),
    ("-U", ("a", 10, 1, 1)),
    ("+U", ("a", 20, 2, 1)),
    ("+I", ("a", 10, 1, 2)),
    ("+I", ("b", 5, 3, 1)),
    ("-U", ("a", 10, 1, 2)),
    ("+U", ("a", 15, 4, 2)),
    ("+I", ("a", 10, 1, 3)),
    ("-U", ("a", 15, 4, 2)),
    ("+U", ("a", 20, 5, 2)),
    ("-U", ("a", 10, 1, 3)),
    ("+U", ("a", 15, 4, 3)),
    ("-U", ("a", 20, 2, 1)),
    ("+U", ("a", 30, 6, 1)),
    ("-U", ("a", 20, 5, 2)),
    ("+U", ("a", 20, 2, 2)),
    ("-U", ("a", 15, 4, 3)),
    ("+U", ("a", 20, 5, 3)),
    ("-U", ("b", 5, 3, 1)),
    ("+U", ("b", 7, 7, 1)),
    ("+I", ("b", 5, 3, 2)),
    ("+I", ("b", -3, 9, 3)),
    ("-U", ("a", 20, 2, 2)),
    ("+U", ("a", 25, 10, 2)),
    ("-U", ("a", 20, 5, 3)),
    ("+U", ("a", 20, 2, 3)),
    ("+I", ("c", None, 11, 1)),
    ("-U", ("c", None, 11, 1)),
    ("+U", ("c", 1, 12, 1)),
    ("+I", ("c", None, 11, 2)),
    ("+I", ("c", None, 13, 3)),
]

# The same with ORDER BY v ASC, rn <= 2 and rn not selected  -- Flink 2.3
TOP2_ASC_NO_NUMBER = [
    ("+I", ("a", 10, 1)),
    ("+I", ("a", 20, 2)),
    ("+I", ("b", 5, 3)),
    ("-D", ("a", 20, 2)),
    ("+I", ("a", 15, 4)),
    ("+I", ("b", 7, 7)),
    ("-D", ("a", 15, 4)),
    ("+I", ("a", 5, 8)),
    ("-D", ("b", 7, 7)),
    ("+I", ("b", -3, 9)),
    ("+I", ("c", None, 11)),
    ("+I", ("c", 1, 12)),
    ("-D", ("c", 1, 12)),
    ("+I", ("c", None, 13)),
    ("-D", ("b", 5, 3)),
    ("+I", ("b", -20, 14)),
]


def test_append_only_top_n_shifts_ranks_like_flink():
    op = Rank(by_k, [(1, False, True)], rank_end=3)
    assert op.strategy == "append"
    assert run(op, inserts(KVI)) == TOP3_DESC


def test_append_only_top_n_without_rank_number_deletes_the_row_pushed_out():
    op = Rank(by_k, [(1, True, False)], rank_end=2, output_rank_number=False)
    assert run(op, inserts(KVI)) == TOP2_ASC_NO_NUMBER


def test_offset_uses_the_numbered_algorithm_and_hides_ranks_before_the_start():
    op = Rank(by_k, [(1, False, True)], rank_end=3, rank_start=2)
    expected = [(k, r) for k, r in TOP3_DESC if r[3] >= 2]
    assert run(op, inserts(KVI)) == expected


def test_without_update_before_only_update_afters_are_sent():
    op = Rank(by_k, [(1, False, True)], rank_end=3, generate_update_before=False)
    assert run(op, inserts(KVI)) == [c for c in TOP3_DESC if c[0] != "-U"]


def test_streaming_rank_and_dense_rank_are_rejected():
    with pytest.raises(ValueError, match="RANK\\(\\) on streaming table is not supported"):
        Rank(by_k, [(1, True, False)], rank_end=3, kind="RANK")


def test_first_n_on_proctime_passes_the_first_rows_of_each_partition():
    op = Rank(by_k, [(3, True, False)], rank_end=2, first_n=True)
    out = run(op, inserts([(k, v, i, 0) for k, v, i in KVI]))
    assert out == [
        ("+I", ("a", 10, 1, 0, 1)),
        ("+I", ("a", 20, 2, 0, 2)),
        ("+I", ("b", 5, 3, 0, 1)),
        ("+I", ("b", 7, 7, 0, 2)),
        ("+I", ("c", None, 11, 0, 1)),
        ("+I", ("c", 1, 12, 0, 2)),
    ]


def test_limit_passes_the_first_rows_after_the_offset():
    rows = [(i,) for i in range(6)]
    assert run(Limit(3), inserts(rows)) == [("+I", (0,)), ("+I", (1,)), ("+I", (2,))]
    assert run(Limit(2, offset=3), inserts(rows)) == [("+I", (3,)), ("+I", (4,))]
    assert run(Limit(1), inserts(rows)) == [("+I", (0,))]


def test_batch_rank_kinds_number_ties_differently():
    rows = [("p", 3), ("p", 1), ("p", 3), ("p", 2), ("q", 5)]
    expected = {
        "ROW_NUMBER": [("p", 3, 1), ("p", 3, 2), ("p", 2, 3), ("q", 5, 1)],
        "RANK": [("p", 3, 1), ("p", 3, 1), ("p", 2, 3), ("q", 5, 1)],
        "DENSE_RANK": [("p", 3, 1), ("p", 3, 1), ("p", 2, 2), ("p", 1, 3), ("q", 5, 1)],
    }
    for kind, rows_out in expected.items():
        op = Rank(by_k, [(1, False, True)], rank_end=3, kind=kind, batch=True)
        assert run(op, inserts(rows)) == [("+I", r) for r in rows_out], kind


# SUM(v) GROUP BY k over SALES, as Flink's GroupAggregate emits it: the Top-N's updating input.
SUMS = [
    ("+I", ("a", 10)),
    ("-U", ("a", 10)),
    ("+U", ("a", 30)),
    ("+I", ("b", 5)),
    ("-U", ("a", 30)),
    ("+U", ("a", 45)),
    ("-U", ("a", 45)),
    ("+U", ("a", 65)),
    ("-U", ("a", 65)),
    ("+U", ("a", 95)),
    ("-U", ("b", 5)),
    ("+U", ("b", 12)),
    ("-U", ("a", 95)),
    ("+U", ("a", 100)),
    ("-U", ("b", 12)),
    ("+U", ("b", 9)),
    ("-U", ("a", 100)),
    ("+U", ("a", 125)),
    ("+I", ("c", None)),
    ("-U", ("c", None)),
    ("+U", ("c", 1)),
    ("-U", ("b", 9)),
    ("+U", ("b", -11)),
]

# SELECT * FROM (SELECT k, s, ROW_NUMBER() OVER (ORDER BY s DESC) AS rn
# FROM (SELECT k, SUM(v) AS s FROM T GROUP BY k)) WHERE rn <= 2  -- Flink 2.3 (RetractStrategy)
TOP2_OF_SUMS = [
    ("+I", ("a", 10, 1)),
    ("-D", ("a", 10, 1)),
    ("+I", ("a", 30, 1)),
    ("+I", ("b", 5, 2)),
    ("-U", ("a", 30, 1)),
    ("+U", ("b", 5, 1)),
    ("-D", ("b", 5, 2)),
    ("-U", ("b", 5, 1)),
    ("+U", ("a", 45, 1)),
    ("+I", ("b", 5, 2)),
    ("-U", ("a", 45, 1)),
    ("+U", ("b", 5, 1)),
    ("-D", ("b", 5, 2)),
    ("-U", ("b", 5, 1)),
    ("+U", ("a", 65, 1)),
    ("+I", ("b", 5, 2)),
    ("-U", ("a", 65, 1)),
    ("+U", ("b", 5, 1)),
    ("-D", ("b", 5, 2)),
    ("-U", ("b", 5, 1)),
    ("+U", ("a", 95, 1)),
    ("+I", ("b", 5, 2)),
    ("-D", ("b", 5, 2)),
    ("+I", ("b", 12, 2)),
    ("-U", ("a", 95, 1)),
    ("+U", ("b", 12, 1)),
    ("-D", ("b", 12, 2)),
    ("-U", ("b", 12, 1)),
    ("+U", ("a", 100, 1)),
    ("+I", ("b", 12, 2)),
    ("-D", ("b", 12, 2)),
    ("+I", ("b", 9, 2)),
    ("-U", ("a", 100, 1)),
    ("+U", ("b", 9, 1)),
    ("-D", ("b", 9, 2)),
    ("-U", ("b", 9, 1)),
    ("+U", ("a", 125, 1)),
    ("+I", ("b", 9, 2)),
    ("-U", ("b", 9, 2)),
    ("+U", ("c", 1, 2)),
]


def test_retractable_top_n_over_an_updating_input_matches_flink():
    op = Rank(None, [(1, False, True)], rank_end=2, updating_input=True)
    assert op.strategy == "retract"
    assert run(op, SUMS) == TOP2_OF_SUMS


def test_retractable_top_n_without_rank_number_keeps_the_top_rows():
    op = Rank(None, [(1, False, True)], rank_end=2, output_rank_number=False, updating_input=True)
    out = run(op, SUMS)
    assert sorted(fold(out)) == [("a", 125), ("c", 1)]
    # Every intermediate state holds at most two rows.
    seen = []
    for change in out:
        seen.append(change)
        assert sum(fold(seen).values()) <= 2


def rowtime_watermarks(rows, ts_index):
    """WATERMARK FOR ts AS ts with a watermark after every row: the running maximum."""
    marks, top = [], None
    for row in rows:
        ts = row[ts_index] // MS
        top = ts if top is None else max(top, ts)
        marks.append(top)
    return marks


def test_keep_first_on_rowtime_waits_for_the_watermark_and_is_insert_only():
    # SELECT id, k, v, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts ASC)
    # AS rn FROM T) WHERE rn = 1  -- Flink 2.3
    op = Deduplicate(lambda r: (r[1],), "first", time_index=3, rowtime=True)
    out = run(op, inserts(SALES), rowtime_watermarks(SALES, 3))
    assert out == [("+I", SALES[0]), ("+I", SALES[2]), ("+I", SALES[10])]


def test_keep_first_on_rowtime_keeps_the_earliest_row_until_the_watermark_passes():
    rows = [(1, "a", 5000 * MS), (2, "a", 3000 * MS), (3, "a", 4000 * MS), (4, "b", 1000 * MS)]
    op = Deduplicate(lambda r: (r[1],), "first", time_index=2, rowtime=True)
    # No watermark until the end: the earlier row 2 replaces row 1, row 3 does not.
    assert run(op, inserts(rows)) == [("+I", rows[3]), ("+I", rows[1])]
    # A row earlier than the current watermark is late and dropped.
    op = Deduplicate(lambda r: (r[1],), "first", time_index=2, rowtime=True)
    late = [(1, "a", 5000 * MS), (2, "b", 4000 * MS)]
    assert run(op, inserts(late), [4500, 4500]) == [("+I", late[0])]


def test_keep_last_on_rowtime_replaces_with_rows_not_earlier_than_the_kept_one():
    rows = [(1, "a", 2000 * MS), (2, "a", 1000 * MS), (3, "a", 2000 * MS), (4, "b", 1 * MS)]
    op = Deduplicate(lambda r: (r[1],), "last", time_index=2, rowtime=True)
    assert run(op, inserts(rows)) == [
        ("+I", rows[0]),
        ("-U", rows[0]),
        ("+U", rows[2]),
        ("+I", rows[3]),
    ]


def test_proctime_deduplication():
    rows = [(1, "a"), (2, "b"), (1, "a"), (3, "a")]
    first = Deduplicate(lambda r: (r[1],), "first", time_index=0, rowtime=False)
    assert run(first, inserts(rows)) == [("+I", rows[0]), ("+I", rows[1])]
    last = Deduplicate(lambda r: (r[1],), "last", time_index=0, rowtime=False)
    # An identical row changes nothing and is not re-emitted.
    assert run(last, inserts(rows)) == [
        ("+I", rows[0]),
        ("+I", rows[1]),
        ("-U", rows[0]),
        ("+U", rows[3]),
    ]
    no_ub = Deduplicate(
        lambda r: (r[1],), "last", time_index=0, rowtime=False, generate_update_before=False
    )
    assert run(no_ub, inserts(rows)) == [("+I", rows[0]), ("+I", rows[1]), ("+U", rows[3])]


def test_batch_deduplication_keeps_one_row_per_key():
    rows = [(1, "a", 3), (2, "a", 1), (3, "b", 2), (4, "a", 1)]
    first = Deduplicate(lambda r: (r[1],), "first", time_index=2, rowtime=True, batch=True)
    assert run(first, inserts(rows)) == [("+I", rows[1]), ("+I", rows[2])]
    last = Deduplicate(lambda r: (r[1],), "last", time_index=2, rowtime=True, batch=True)
    assert run(last, inserts(rows)) == [("+I", rows[0]), ("+I", rows[2])]


def brute_top_n(alive, key, rank_start, rank_end, numbered):
    ranked = sorted(alive, key=key)  # stable: equal keys keep arrival order, like Flink
    rows = ranked[rank_start - 1 : rank_end]
    return sorted((r + (n,) if numbered else r for n, r in enumerate(rows, rank_start)), key=repr)


@pytest.mark.parametrize("numbered", [True, False])
@pytest.mark.parametrize("updating", [True, False])
@pytest.mark.parametrize("rank_start", [1, 2])
def test_random_inputs_always_fold_to_the_top_n(numbered, updating, rank_start):
    rng = random.Random(f"{numbered}{updating}{rank_start}")
    fields = [(0, False, True)]
    op = Rank(
        None,
        fields,
        rank_end=3,
        rank_start=rank_start,
        output_rank_number=numbered,
        updating_input=updating,
    )
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    alive = []
    for step in range(300):
        if updating and alive and rng.random() < 0.4:
            row = alive[rng.randrange(len(alive))]
            alive.remove(row)
            op.process(rng.choice(["-U", "-D"]), row)
        else:
            row = (rng.choice([None, 1, 2, 3, 4]), step % 4)
            alive.append(row)
            op.process("+I", row)
        expected = brute_top_n(alive, sort_key(fields), rank_start, 3, numbered)
        assert sorted(fold(out.changes).elements(), key=repr) == expected, step


def test_top_1_updates_in_place_with_update_before_and_after():
    # SELECT k, v, id FROM (... ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn ...)
    # WHERE rn = 1  -- Flink 2.3 (FastTop1Function): -U/+U even without the rank number
    op = Rank(by_k, [(1, False, True)], rank_end=1, output_rank_number=False)
    assert op.strategy == "top1"
    assert run(op, inserts(KVI)) == [
        ("+I", ("a", 10, 1)),
        ("-U", ("a", 10, 1)),
        ("+U", ("a", 20, 2)),
        ("+I", ("b", 5, 3)),
        ("-U", ("a", 20, 2)),
        ("+U", ("a", 30, 6)),
        ("-U", ("b", 5, 3)),
        ("+U", ("b", 7, 7)),
        ("+I", ("c", None, 11)),
        ("-U", ("c", None, 11)),
        ("+U", ("c", 1, 12)),
    ]
