"""Operators' state survives a checkpoint: cut the input anywhere, write the operator's
snapshot as a checkpoint does (JSON), restore it into a fresh operator and feed it the rest:
the output is an uninterrupted operator's."""

from __future__ import annotations

import json

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.expr.aggregates import compile_aggregates
from flinklite.expr.rex import AggregateCall, InputRef
from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.runtime.operators.over_aggregate import OverAggregate
from flinklite.runtime.operators.setop import SetOp
from flinklite.runtime.operators.window_rank import WindowRank
from flinklite.runtime.rows import key_getter
from flinklite.runtime.state_codec import decode, encode

MS = 1_000_000
FIELDS = (RowField("k", T.string()), RowField("v", T.int_()), RowField("ts", T.timestamp(3)))
ROWS = [(k, v, t * 1000 * MS) for t, (k, v) in enumerate(
    [("a", 1), ("b", 5), ("a", 2), ("a", 7), ("b", 1), ("a", 3), ("b", 2), ("a", 9), ("b", 4)]
)]  # fmt: skip


def _over(frame):
    aggs = compile_aggregates(
        [
            AggregateCall("SUM", (InputRef(T.int_(), 1),), T.int_(), "s"),
            AggregateCall("COUNT", (), T.bigint(), "c"),
        ],
        FIELDS,
        retraction=False,
    )
    return OverAggregate(key_getter([0]), 2, aggs, frame)


def _open(op):
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    return out


def _feed_over(op, rows):
    for row in rows:
        op.process("+I", row)
        op.on_watermark(row[2] // MS - 1500)  # rows wait for the watermark: pending state


def _restored(make, feed, rows, finish):
    reference = make()
    expected = _open(reference)
    feed(reference, rows)
    finish(reference)
    for cut in range(len(rows) + 1):
        first = make()
        out1 = _open(first)
        feed(first, rows[:cut])
        saved = json.loads(json.dumps(encode(first.snapshot(), first.name)))
        second = make()
        out2 = _open(second)
        second.restore(decode(saved, second.name))
        feed(second, rows[cut:])
        finish(second)
        assert out1.changes + out2.changes == expected.changes, f"restored after row {cut}"


def _finish(op):
    op.on_watermark(MAX_WATERMARK)
    op.end_input()


@pytest.mark.parametrize(
    "frame", [("ROWS", 2), ("ROWS", None), ("RANGE", 2000), ("RANGE", None)], ids=str
)
def test_over_aggregate_frames(frame):
    _restored(lambda: _over(frame), _feed_over, ROWS, _finish)


@pytest.mark.parametrize("kind,all_", [("intersect", False), ("except", True)])
def test_set_operations(kind, all_):
    sides = [(i % 2, ("+I" if i % 5 else "-D"), (f"r{i % 3}",)) for i in range(12)]

    def feed(op, items):
        for side, change, row in items:
            op.side(side).process(change, row)

    def finish(op):
        for side in (0, 1):
            op.side(side).on_watermark(MAX_WATERMARK)
            op.side(side).end_input()

    _restored(lambda: SetOp(kind, all_), feed, sides, finish)


def test_window_top_n():
    # rows of a window aggregate: (window_end, k, v); the top 2 per window by v descending
    rows = [(((t // 3) + 1) * 3000 * MS, k, v) for t, (k, v, _) in enumerate(ROWS)]

    def make():
        return WindowRank(key_getter([0]), [(2, False, False)], 1, 2, 0)

    def feed(op, items):
        for row in items:
            op.process("+I", row)
            op.on_watermark(row[0] // MS - 4000)  # windows fire a while after they end

    _restored(make, feed, rows, _finish)


# Operators that keep nothing between rows; every other operator must checkpoint its state.
STATELESS = {"TwoInputOperator", "Calc", "Correlate", "Expand", "WindowTableFunction",
             "DropUpdateBefore"}  # fmt: skip


def test_every_operator_that_keeps_state_checkpoints_it():
    import importlib
    import pkgutil

    import flinklite
    from flinklite.runtime.operator import Operator

    for module in pkgutil.walk_packages(flinklite.__path__, "flinklite."):
        if module.name != "flinklite.__main__":
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    missing = [
        cls.__name__
        for cls in subclasses(Operator)
        if cls.__name__ not in STATELESS
        and not any("snapshot" in vars(k) for k in cls.__mro__ if k is not Operator)
    ]
    assert missing == [], "operators whose state a checkpoint would lose"
