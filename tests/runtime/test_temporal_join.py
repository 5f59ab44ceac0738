"""The event-time temporal join: a left row waits for the watermark, then meets the version of
its key in force at its time; versions are replaced, deleted and forgotten as Flink's are."""

from __future__ import annotations

from flinklite.runtime.operator import Collector, RuntimeContext
from flinklite.runtime.operators.temporal_join import TemporalJoin
from flinklite.runtime.rows import NANOS_PER_MILLI

S = 1000 * NANOS_PER_MILLI  # one second in the rows' epoch nanoseconds


def make(kind="inner"):
    # left: (key, amount, time); right: (key, rate, time)
    op = TemporalJoin(kind, lambda r: (r[0],), lambda r: (r[0],), 2, 2, None, 3)
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    return op, out


def test_a_left_row_meets_the_version_in_force_at_its_time_once_the_watermark_passes():
    op, out = make()
    left, right = op.side(0), op.side(1)
    right.process("+I", ("EUR", 1.1, 0 * S))
    right.process("+I", ("EUR", 1.2, 5 * S))
    left.process("+I", ("EUR", 10, 3 * S))
    left.process("+I", ("EUR", 20, 6 * S))
    assert out.changes == []  # nothing before the watermark
    left.on_watermark(10_000)
    right.on_watermark(4_000)
    assert out.changes == [("+I", ("EUR", 10, 3 * S, "EUR", 1.1, 0))]
    right.on_watermark(10_000)
    assert out.changes[-1] == ("+I", ("EUR", 20, 6 * S, "EUR", 1.2, 5 * S))


def test_a_deleted_version_has_no_partner_and_an_update_before_is_no_version():
    op, out = make("left")
    left, right = op.side(0), op.side(1)
    right.process("+I", ("EUR", 1.1, 0))
    right.process("-U", ("EUR", 1.1, 0))
    right.process("+U", ("EUR", 1.2, 5 * S))
    right.process("-D", ("EUR", 1.2, 8 * S))
    for t in (1, 6, 9):
        left.process("+I", ("EUR", t, t * S))
    op.end_side(0)
    op.end_side(1)
    assert [row[4] for _, row in out.changes] == [1.1, 1.2, None]


def test_old_versions_are_dropped_and_state_survives_a_checkpoint():
    op, out = make()
    left, right = op.side(0), op.side(1)
    for i in range(5):
        right.process("+I", ("EUR", i, i * S))
    left.process("+I", ("EUR", 99, 7 * S))
    left.on_watermark(3_500)
    right.on_watermark(3_500)
    assert op._versions[("EUR",)][0] == [3 * S, 4 * S]  # the version at 3.5 s and later ones
    restored, out2 = make()
    restored.restore(op.snapshot())
    restored.side(0).on_watermark(8_000)
    restored.side(1).on_watermark(8_000)
    assert out2.changes == [("+I", ("EUR", 99, 7 * S, "EUR", 4, 4 * S))]
