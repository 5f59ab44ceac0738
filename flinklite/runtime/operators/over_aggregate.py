"""OVER aggregates: `agg(..) OVER (PARTITION BY .. ORDER BY time [ROWS|RANGE BETWEEN ..])`,
each input row emitted once with the aggregates over its frame (Flink's OverAggregate).

On event time rows wait until the watermark passes their timestamp and are then processed in
timestamp order; a row whose timestamp is at or before the last one processed for its partition
is late and dropped. Processing-time rows are processed on arrival. Batch mode processes everything at the
end of input. Frames: ROWS with n or UNBOUNDED PRECEDING, RANGE with an interval or UNBOUNDED
PRECEDING (rows with the same timestamp share their RANGE frame), always up to CURRENT ROW."""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable
from typing import Any

from flinklite.runtime.operator import Operator
from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, Row

UNBOUNDED = None


class OverAggregate(Operator):
    """`frame` is ('ROWS', n | None) or ('RANGE', ms | None); None is UNBOUNDED PRECEDING.
    Output rows are the input row followed by one value per aggregate."""

    name = "OverAggregate"

    def __init__(
        self,
        partition_key: Callable[[Row], tuple],
        time_index: int,
        aggs: Any,
        frame: tuple[str, int | None],
        *,
        rowtime: bool = True,
        batch: bool = False,
    ) -> None:
        self.partition_key = partition_key
        self.time_index = time_index
        self.aggs = aggs
        self.units, self.preceding = frame
        self.rowtime = rowtime
        self.batch = batch
        self.pending: dict[int, dict[tuple, list[Row]]] = {}  # ts (ms) -> partition -> rows
        self.state: dict[tuple, Any] = {}  # partition -> frame state
        self.last_ts: dict[tuple, int] = {}  # partition -> last timestamp processed (keyed)

    def snapshot(self) -> Any:
        return copy.deepcopy(
            {"pending": self.pending, "state": self.state, "last_ts": self.last_ts}
        )

    def restore(self, state: Any) -> None:
        state = copy.deepcopy(state)
        self.pending, self.state, self.last_ts = state["pending"], state["state"], state["last_ts"]

    # --- input -----------------------------------------------------------------------------

    def process(self, kind: str, row: Row) -> None:
        if not self.rowtime and not self.batch:
            self._emit_group(self.partition_key(row), [row], None)
            return
        ts = row[self.time_index] // NANOS_PER_MILLI
        key = self.partition_key(row)
        if not self.batch and ts <= self.last_ts.get(key, -(2**63)):
            self.ctx.count("numLateRecordsDropped")
            return
        self.pending.setdefault(ts, {}).setdefault(key, []).append(row)

    def on_watermark(self, ts: int) -> None:
        self._fire(ts)
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        self._fire(None)
        self.out.end_input()

    def _fire(self, watermark: int | None) -> None:
        due = sorted(t for t in self.pending if watermark is None or t <= watermark)
        for ts in due:
            for key, rows in self.pending.pop(ts).items():
                self._emit_group(key, rows, ts)
                self.last_ts[key] = ts

    # --- frames ----------------------------------------------------------------------------

    def _unbounded_acc(self, key: tuple) -> list:
        """The accumulator of an UNBOUNDED PRECEDING frame: every row of the partition so far."""
        acc = self.state.get(key)
        if acc is None:
            acc = self.state[key] = self.aggs.create()
        return acc

    def _emit_group(self, key: tuple, rows: list[Row], ts: int | None) -> None:
        aggs, out = self.aggs, self.out
        if self.units == "RANGE":
            if self.preceding is UNBOUNDED:
                acc = self._unbounded_acc(key)
                for row in rows:
                    aggs.accumulate(acc, row)
                values = aggs.get_value(acc)
                for row in rows:
                    out.process(INSERT, (*row, *values))
                return
            kept = self.state.setdefault(key, deque())
            kept.extend(rows)
            low = (ts if ts is not None else rows[-1][self.time_index] // NANOS_PER_MILLI) - (
                self.preceding
            )
            while kept and kept[0][self.time_index] // NANOS_PER_MILLI < low:
                kept.popleft()
            acc = aggs.create()
            for r in kept:
                aggs.accumulate(acc, r)
            values = aggs.get_value(acc)
            for row in rows:
                out.process(INSERT, (*row, *values))
            return
        if self.preceding is UNBOUNDED:
            acc = self._unbounded_acc(key)
            for row in rows:
                aggs.accumulate(acc, row)
                out.process(INSERT, (*row, *aggs.get_value(acc)))
            return
        kept = self.state.get(key)
        if kept is None:
            kept = self.state[key] = deque(maxlen=self.preceding + 1)
        for row in rows:
            kept.append(row)
            acc = aggs.create()
            for r in kept:
                aggs.accumulate(acc, r)
            out.process(INSERT, (*row, *aggs.get_value(acc)))
