"""Partial matches share their rows, as in Flink's shared buffer: a partition keeps each row
once, and a run looping over a variable extends one segment of its path rather than adding a
node per row. So `(A B* C)` with no WITHIN and no C, where every A starts a run that takes
every later row, holds memory in proportion to the rows and runs, not runs times rows."""

from __future__ import annotations

import tracemalloc

from harness import build, ns

from flinklite.runtime.operator import Collector, RuntimeContext

SQL = (
    "SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts "
    "MEASURES A.price AS a, COUNT(B.price) AS n ONE ROW PER MATCH AFTER MATCH SKIP TO NEXT ROW "
    "PATTERN (A B* C) DEFINE A AS A.price < 1, B AS B.price >= 0, C AS C.price < 0)"
)


def _feed(rows: int):
    op = build(SQL)
    op.out = Collector()
    op.open(RuntimeContext())
    tracemalloc.start()
    for i in range(rows):
        row = ("s", i % 50, 0, ns(i))  # an A every 50 rows; C never
        op.process("+I", row)
        op.on_watermark(row[3] // 1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return op, peak


def _segments(node) -> int:
    n = 0
    while node is not None:
        n, node = n + 1, node[0]
    return n


def test_runs_share_rows_and_loop_in_one_segment():
    op, _ = _feed(1000)
    (ks,) = op.keys.values()
    runs = [r for r in ks.partial if r.node is not None]
    assert len(runs) >= 19  # one per A so far, none completes
    assert all(_segments(r.node) <= 2 for r in runs)  # A, then one B segment
    assert len(ks.events.rows) <= 2 * 1000  # each row once (at most)


def test_memory_grows_with_the_rows_not_with_runs_times_rows():
    _, small = _feed(1000)
    _, large = _feed(4000)
    # Four times the rows and runs: a node per run and row takes about sixteen times the
    # memory (12 MB here, 3 KB a row); shared rows and segments well under ten (1 MB).
    assert large < 10 * small and large < 500 * 4000, (small, large)
