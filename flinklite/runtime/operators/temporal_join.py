"""The event-time temporal join, as Flink's TemporalRowTimeJoinOperator: each left row waits until
the watermark passes its time, then meets the version its key had on the right at that time.

The right side keeps, per key, one row per rowtime (a later row at the same time replaces the
earlier one, a deletion included; an update's before-image is not a version); the version at time t is the row with the greatest
rowtime <= t, none when that row is a retraction. Once the watermark passes, the versions older
than the one in force at the watermark can never be read again and are dropped."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from flinklite.runtime.operator import TwoInputOperator
from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, UPDATE_AFTER, UPDATE_BEFORE, Row


class TemporalJoin(TwoInputOperator):
    """`kind` is 'inner' or 'left'; `condition` the non-equi remainder over left + right."""

    name = "TemporalJoin"

    def __init__(
        self,
        kind: str,
        left_key: Callable[[Row], tuple],
        right_key: Callable[[Row], tuple],
        left_time: int,
        right_time: int,
        condition: Callable[[Row], bool] | None,
        right_arity: int,
    ) -> None:
        self.outer = kind == "left"
        self.keys = (left_key, right_key)
        self.times = (left_time, right_time)
        self.condition = condition
        self.pad = (None,) * right_arity

    def open(self, ctx) -> None:
        super().open(ctx)
        self._left: list[tuple[int, int, str, Row]] = []  # (time ns, arrival, kind, row)
        self._arrivals = 0
        # key -> (sorted rowtimes, {rowtime: (kind, row)})
        self._versions: dict[tuple, tuple[list[int], dict[int, tuple[str, Row]]]] = {}

    def process_side(self, side: int, kind: str, row: Row) -> None:
        time = row[self.times[side]]
        if time is None:
            return  # a row without event time has no place in the versions' timeline
        if side == 0:
            self._arrivals += 1
            self._left.append((time, self._arrivals, kind, row))
            return
        if kind == UPDATE_BEFORE:
            # The update's new row starts the next version; the old one stays in force before
            # it (Flink's planner asks the versioned side for no UPDATE_BEFORE at all).
            return
        key = self.keys[1](row)
        times, rows = self._versions.setdefault(key, ([], {}))
        if time not in rows:
            bisect.insort(times, time)
        rows[time] = (kind, row)

    def on_watermark(self, ts: int) -> None:
        self._fire(ts * NANOS_PER_MILLI if ts < (1 << 62) else None)
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        self._fire(None)
        self.out.end_input()

    def _fire(self, until: int | None) -> None:
        """Joins the left rows at or before `until` (ns; None: all), in time order."""
        due: list[tuple[int, int, str, Row]] = []
        waiting: list[tuple[int, int, str, Row]] = []
        for entry in self._left:
            (due if until is None or entry[0] <= until else waiting).append(entry)
        if due:
            self._left = waiting
            self._join(due)
        if until is not None:
            self._expire(until)

    def _join(self, due: list[tuple[int, int, str, Row]]) -> None:
        due.sort(key=lambda e: (e[0], e[1]))
        emit, condition = self.out.process, self.condition
        for time, _, kind, row in due:
            version = self._version(self.keys[0](row), time)
            if version is not None:
                joined = row + version
                if condition is None or condition(joined):
                    emit(kind, joined)
                    continue
            if self.outer:
                emit(kind, row + self.pad)

    def _version(self, key: tuple, time: int) -> Row | None:
        if None in key:
            return None
        found = self._versions.get(key)
        if found is None:
            return None
        times, rows = found
        i = bisect.bisect_right(times, time)
        if i == 0:
            return None
        kind, row = rows[times[i - 1]]
        return row if kind == INSERT or kind == UPDATE_AFTER else None

    def _expire(self, until: int) -> None:
        for key in list(self._versions):
            times, rows = self._versions[key]
            i = bisect.bisect_right(times, until)
            if i > 1:
                for t in times[: i - 1]:
                    del rows[t]
                del times[: i - 1]

    # -- state ------------------------------------------------------------------------------

    def snapshot(self) -> Any:
        return {
            "left": [list(e) for e in self._left],
            "arrivals": self._arrivals,
            "versions": [
                [list(key), [[t, *rows[t]] for t in times]]
                for key, (times, rows) in self._versions.items()
            ],
            "inputs": self.snapshot_inputs(),
        }

    def restore(self, state: Any) -> None:
        self._left = [(t, a, k, tuple(r)) for t, a, k, r in state["left"]]
        self._arrivals = state["arrivals"]
        self._versions = {}
        for key, versions in state["versions"]:
            times = [t for t, _, _ in versions]
            rows = {t: (k, tuple(r)) for t, k, r in versions}
            self._versions[tuple(key)] = (times, rows)
        self.restore_inputs(state["inputs"])
