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
