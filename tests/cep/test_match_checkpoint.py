"""MATCH_RECOGNIZE state survives a checkpoint: for every case of test_match (Flink's NFA) and
every point in its input, an operator checkpointed there (its snapshot written as JSON and read
back) and restored into a fresh operator goes on to emit exactly what an uninterrupted one
emits: partial matches in flight, rows waiting for the watermark, WITHIN timers included."""

from __future__ import annotations

import json

import pytest
from harness import build, ns
from test_match import CASES, load

from flinklite.cep.operator import MatchOperator
from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.state_codec import decode, encode


def _feed(op, rows, delay_ms):
    for r in rows:
        row = (r[0], r[1], r[2], ns(r[3]))
        op.process("+I", row)
        op.on_watermark(row[3] // 1_000_000 - delay_ms)


def _open(sql):
    op = build(sql)
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    return op, out


def _finish(op):
    op.on_watermark(MAX_WATERMARK)
    op.end_input()


FLINK_CASES = [c for c in CASES if isinstance(build(c["sql"]), MatchOperator)]


@pytest.mark.parametrize("case", FLINK_CASES, ids=[c["name"] for c in FLINK_CASES])
def test_a_restored_operator_goes_on_as_the_uninterrupted_one(case):
    late = case["table"] == "Late"
    rows = load("late.csv" if late else "ticker.csv")
    delay = 1000 if late else 0
    op, out = _open(case["sql"])
    _feed(op, rows, delay)
    _finish(op)
    expected = out.changes
    for cut in range(len(rows) + 1):
        first, out1 = _open(case["sql"])
        _feed(first, rows[:cut], delay)
        saved = json.loads(json.dumps(encode(first.snapshot(), "Match")))
        second, out2 = _open(case["sql"])
        second.restore(decode(saved, "Match"))
        _feed(second, rows[cut:], delay)
        _finish(second)
        assert out1.changes + out2.changes == expected, f"restored after row {cut}"


STANDARD = (
    "SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts MEASURES {measures} "
    "{rows} {after} PATTERN ({pattern}) DEFINE A AS price > 10, B AS price <= 10)"
)
STANDARD_CASES = {
    "all rows per match": dict(pattern="A B", measures="A.price AS p", rows="ALL ROWS PER MATCH"),
    "with unmatched rows": dict(
        pattern="A B", measures="A.price AS p", rows="ALL ROWS PER MATCH WITH UNMATCHED ROWS"
    ),
    "alternation": dict(pattern="A | B", measures="CLASSIFIER() AS c"),
    "grouped and greedy last": dict(pattern="(A B)+", measures="MATCH_NUMBER() AS m"),
    "permute": dict(pattern="PERMUTE(A, B)", measures="LAST(A.price) AS a, LAST(B.price) AS b"),
    "exclusion": dict(pattern="A {- B -} A", measures="FIRST(A.price) AS p"),
    "next in measures": dict(pattern="A B", measures="NEXT(B.price) AS n"),
    "physical navigation": dict(pattern="A B+", measures="PREV(A.price, 2) AS p, COUNT(B.price) AS c"),
    "anchors": dict(pattern="^ B A+", measures="SUM(A.price) AS s", after="AFTER MATCH SKIP PAST LAST ROW"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(STANDARD_CASES))
def test_the_standard_matcher_restores_as_well(name):
    case = {"measures": "", "rows": "", "after": "", **STANDARD_CASES[name]}
    sql = STANDARD.format(**case)
    assert type(build(sql)).__name__ == "StandardMatchOperator"
    rows = load("ticker.csv")
    op, out = _open(sql)
    _feed(op, rows, 0)
    _finish(op)
    expected = out.changes
    assert expected, "the case matches nothing"
    for cut in range(len(rows) + 1):
        first, out1 = _open(sql)
        _feed(first, rows[:cut], 0)
        saved = json.loads(json.dumps(encode(first.snapshot(), "Match")))
        second, out2 = _open(sql)
        second.restore(decode(saved, "Match"))
        _feed(second, rows[cut:], 0)
        _finish(second)
        assert out1.changes + out2.changes == expected, f"restored after row {cut}"


def _rows_per_node(matcher: dict) -> dict:
    """The matcher's state as flinklite wrote it before runs held segments: one path node
    (previous, var, row, seq) per row in one table, runs without their first row's index."""
    segments, nodes, partitions = matcher["segments"], [], []

    def run(saved, base, rows):
        ref, chain = saved[1], []
        while ref is not None:
            chain.append(segments[ref])
            ref = segments[ref][0]
        node = None
        for _, var, first, last in reversed(chain):
            for i in range(first, last + 1):
                row, seq = rows[i - base]
                nodes.append([node, var, row, seq])
                node = len(nodes) - 1
        return [saved[0], node, *saved[2:6]]

    for key, partial, completed, (base, rows) in matcher["partitions"]:
        runs = [run(r, base, rows) for r in partial]
        done = [[s, o, run(r, base, rows)] for s, o, r in completed]
        partitions.append([key, runs, done])
    return {"nodes": nodes, "partitions": partitions, "order": matcher["order"]}


@pytest.mark.parametrize("case", FLINK_CASES[:12], ids=[c["name"] for c in FLINK_CASES[:12]])
def test_a_checkpoint_with_one_node_per_row_still_restores(case):
    late = case["table"] == "Late"
    rows = load("late.csv" if late else "ticker.csv")
    delay = 1000 if late else 0
    op, out = _open(case["sql"])
    _feed(op, rows, delay)
    _finish(op)
    for cut in range(0, len(rows) + 1, 3):
        first, out1 = _open(case["sql"])
        _feed(first, rows[:cut], delay)
        saved = decode(json.loads(json.dumps(encode(first.snapshot(), "Match"))), "Match")
        saved["matcher"] = _rows_per_node(saved["matcher"])
        second, out2 = _open(case["sql"])
        second.restore(saved)
        _feed(second, rows[cut:], delay)
        _finish(second)
        assert out1.changes + out2.changes == out.changes, f"restored after row {cut}"
