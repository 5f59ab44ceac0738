"""Window aggregates: Flink's WindowAggregate (GROUP BY window_start, window_end over the
TUMBLE / HOP / CUMULATE / SESSION table functions) and GroupWindowAggregate (the legacy
GROUP BY TUMBLE(ts, ..), HOP(..), SESSION(..)). Both emit `+I` rows when a window fires.

Constructor (the planner's contract; the two classes take the same arguments):

    WindowAggregate(key_indices, aggs, window, time_index, *,
                    properties=("start", "end"), proctime=False, ltz=False,
                    window_start_index=None, window_end_index=None)

* `key_indices`: input positions of the grouping keys other than the window (TVF PARTITION BY
  keys of SESSION belong here too); `aggs`: compile_aggregates over the same input.
* `window`: a flinklite.runtime.windows.WindowSpec (kind, size_ms, slide_ms, gap_ms,
  offset_ms); `time_index`: input position of the time attribute (TIMESTAMP(3) or
  TIMESTAMP_LTZ(3) value, epoch nanoseconds); ignored when `proctime` is set.
* `properties`: window properties appended after the aggregate values, in order, any of
  'start', 'end' (TIMESTAMP(3)), 'rowtime' (end - 1 ms: window_time / TUMBLE_ROWTIME; a
  TIMESTAMP_LTZ instant when `ltz`), 'proctime' (the processing time at firing, TIMESTAMP_LTZ).
  All are epoch nanoseconds, per the value contract.
* `proctime`: windows on processing time: rows are assigned by ctx.now_ms() on arrival, and
  windows fire when the processing clock passes their end (checked on every row and watermark)
  and at the latest at end of input.
* `ltz`: the time attribute is TIMESTAMP_LTZ: windows are aligned to ctx.local_time_zone's wall
  clock (a 1-day TUMBLE starts at local midnight), window_start / window_end are that wall
  clock as TIMESTAMP(3), and the window fires when the watermark passes the instant of its end.
  Processing-time windows are aligned the same way.
* `window_start_index` / `window_end_index`: the input already carries its window (a window
  TVF the planner did not fuse into the aggregate); the operator then reads the window from
  those TIMESTAMP(3) fields instead of assigning it (not for SESSION).

Output: key fields, aggregate values, properties. Event time: a window fires when the watermark
reaches `end - 1`, windows in order of their end; a row whose every window has fired is late:
dropped and counted as ctx metric 'numLateRecordsDropped'. Windows with the same end fire keys
in first-seen order (Flink's order there follows its key hashing and differs). A window whose
rows were all retracted emits nothing. Watermarks are forwarded after the windows they fire.

Session windows merge when they overlap or touch; the merged accumulators are combined in
order of session start, so LISTAGG / ARRAY_AGG over a merged session may list values in another
order than Flink, whose merge target follows its hash set iteration. Known difference: Flink
2.3 can lose the rows of a TIMESTAMP_LTZ window TVF in a time zone without daylight saving when
one watermark jumps past a local-midnight window end (its window buffer flushes at UTC-aligned
points); flinklite emits those windows."""

from __future__ import annotations

import copy
import heapq
from typing import Any

from flinklite.expr.aggregates import AggsHandle
from flinklite.runtime.operator import MIN_WATERMARK, Operator
from flinklite.runtime.rows import ACCUMULATE, INSERT, NANOS_PER_MILLI, Row, key_getter
from flinklite.runtime.windows import SESSION, TimeShift, WindowSpec, assigner

PROPERTIES = ("start", "end", "rowtime", "proctime")


class WindowAggregate(Operator):
    """Window TVF aggregation (see the module docstring for the arguments)."""

    name = "WindowAggregate"

    def __init__(
        self,
        key_indices: tuple[int, ...],
        aggs: AggsHandle,
        window: WindowSpec,
        time_index: int | None,
        *,
        properties: tuple[str, ...] = ("start", "end"),
        proctime: bool = False,
        ltz: bool = False,
        window_start_index: int | None = None,
        window_end_index: int | None = None,
    ) -> None:
        for p in properties:
            if p not in PROPERTIES:
                raise ValueError(f"unknown window property {p!r}")
        if window.kind == SESSION and window_end_index is not None:
            raise ValueError("session windows cannot be read from the input")
        self.key_indices = tuple(key_indices)
        self.aggs = aggs
        self.window = window
        self.time_index = time_index
        self.properties = tuple(properties)
        self.proctime = proctime
        self.ltz = ltz
        self.window_start_index = window_start_index
        self.window_end_index = window_end_index
        self.key_of = key_getter(self.key_indices)
        self.session = window.kind == SESSION
        self.assign = None if self.session or window_end_index is not None else assigner(window)

    def open(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().open(ctx)
        self.shift = TimeShift(ctx.local_time_zone if (self.ltz or self.proctime) else None)
        self.watermark = MIN_WATERMARK
        # (start, end) -> key -> accumulator; sessions: key -> [[start, end, acc], ...].
        self.windows: dict[tuple[int, int], dict[tuple, list]] = {}
        self.sessions: dict[tuple, list[list]] = {}
        # Pending firings: (trigger time in epoch ms, sequence, window, session key).
        self.timers: list[tuple[int, int, tuple[int, int], tuple | None]] = []
        self.sequence = 0

    # --- input -------------------------------------------------------------------------------

    def _time(self, row: Row) -> int:
        """The row's time on the wall clock windows are aligned to, in ms."""
        if self.proctime:
            return self.shift.to_local(self.ctx.now_ms())
        return self.shift.to_local(row[self.time_index] // NANOS_PER_MILLI)  # type: ignore[index]

    def _trigger(self, end: int) -> int:
        return self.shift.to_epoch(end) - 1

    def _fired(self, end: int) -> bool:
        return not self.proctime and self._trigger(end) <= self.watermark

    def process(self, kind: str, row: Row) -> None:
        if self.proctime:
            self._fire_until(self.ctx.now_ms())
        key = self.key_of(row)
        if self.session:
            self._process_session(key, row, kind in ACCUMULATE)
            return
        if self.window_end_index is not None:
            start = row[self.window_start_index] // NANOS_PER_MILLI  # type: ignore[index]
            windows = [(start, row[self.window_end_index] // NANOS_PER_MILLI)]
        else:
            windows = self.assign(self._time(row))  # type: ignore[misc]
        self._add(key, row, windows, kind in ACCUMULATE)

    def process_batch(self, rows: list[Row]) -> None:
        if self.session or self.proctime or self.window_end_index is not None:
            super().process_batch(rows)
            return
        # The common case, event time assigned here: per-row lookups hoisted.
        key_of, assign, add = self.key_of, self.assign, self._add
        t = self.time_index
        if self.shift.identity:
            for row in rows:
                add(key_of(row), row, assign(row[t] // NANOS_PER_MILLI), True)  # type: ignore[misc, index]
        else:
            to_local = self.shift.to_local
            for row in rows:
                add(key_of(row), row, assign(to_local(row[t] // NANOS_PER_MILLI)), True)  # type: ignore[misc, index]

    def _add(self, key: tuple, row: Row, windows: list[tuple[int, int]], accumulate: bool) -> None:
        aggs = self.aggs
        dropped = True
        identity = self.shift.identity and not self.proctime
        for window in windows:
            if identity:
                if window[1] - 1 <= self.watermark:
                    continue
            elif self._fired(window[1]):
                continue
            dropped = False
            per_key = self.windows.get(window)
            if per_key is None:
                per_key = self.windows[window] = {}
                self._schedule(window, None)
            acc = per_key.get(key)
            if acc is None:
                acc = per_key[key] = aggs.create()
            if accumulate:
                aggs.accumulate(acc, row)
            else:
                aggs.retract(acc, row)
        if dropped:
            self.ctx.count("numLateRecordsDropped")

    def _process_session(self, key: tuple, row: Row, accumulate: bool) -> None:
        ts = self._time(row)
        start, end = ts, ts + self.window.gap_ms
        sessions = self.sessions.setdefault(key, [])
        # Flink merges windows that overlap or touch (TimeWindow.intersects).
        overlapping = [s for s in sessions if s[0] <= end and s[1] >= start]
        if not overlapping and self._fired(end):
            self.ctx.count("numLateRecordsDropped")
            if not sessions:
                del self.sessions[key]
            return
        if overlapping:
            overlapping.sort(key=lambda s: s[0])
            target = overlapping[0]
            for other in overlapping[1:]:
                self.aggs.merge(target[2], other[2])
                sessions.remove(other)
            new_start, new_end = min(target[0], start), max(max(s[1] for s in overlapping), end)
            changed = (new_start, new_end) != (target[0], target[1])
            target[0], target[1] = new_start, new_end
            if changed or len(overlapping) > 1:
                self._schedule((new_start, new_end), key)
        else:
            target = [start, end, self.aggs.create()]
            sessions.append(target)
            self._schedule((start, end), key)
        if accumulate:
            self.aggs.accumulate(target[2], row)
        else:
            self.aggs.retract(target[2], row)

    def _schedule(self, window: tuple[int, int], session_key: tuple | None) -> None:
        self.sequence += 1
        heapq.heappush(self.timers, (self._trigger(window[1]), self.sequence, window, session_key))

    # --- firing ------------------------------------------------------------------------------

    def on_watermark(self, ts: int) -> None:
        if ts > self.watermark:
            self.watermark = ts
            if not self.proctime:
                self._fire_until(ts)
        if self.proctime:
            self._fire_until(self.ctx.now_ms())
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        self._fire_until(None)
        self.out.end_input()

    def _fire_until(self, time_ms: int | None) -> None:
        timers = self.timers
        while timers and (time_ms is None or timers[0][0] <= time_ms):
            _trigger, _seq, window, session_key = heapq.heappop(timers)
            if session_key is None:
                per_key = self.windows.pop(window, None)
                if per_key:
                    for key, acc in per_key.items():
                        self._emit(key, acc, window)
            else:
                self._fire_session(session_key, window)

    def _fire_session(self, key: tuple, window: tuple[int, int]) -> None:
        sessions = self.sessions.get(key)
        if not sessions:
            return
        for s in sessions:
            if s[0] == window[0] and s[1] == window[1]:
                sessions.remove(s)
                if not sessions:
                    del self.sessions[key]
                self._emit(key, s[2], window)
                return
        # Otherwise the session grew or merged after this timer was set: a later timer holds it.

    def _emit(self, key: tuple, acc: list, window: tuple[int, int]) -> None:
        if acc[0] <= 0:
            return  # every row of the window was retracted
        row = key + self.aggs.get_value(acc)
        if self.properties:
            row += tuple(self._property(p, window) for p in self.properties)
        self.out.process(INSERT, row)

    def _property(self, name: str, window: tuple[int, int]) -> int:
        start, end = window
        if name == "start":
            return start * NANOS_PER_MILLI
        if name == "end":
            return end * NANOS_PER_MILLI
        if name == "rowtime":
            if self.ltz:
                return self._trigger(end) * NANOS_PER_MILLI
            return (end - 1) * NANOS_PER_MILLI
        return self.ctx.now_ms() * NANOS_PER_MILLI

    # --- state -------------------------------------------------------------------------------

    def snapshot(self) -> Any:
        return copy.deepcopy(
            {
                "watermark": self.watermark,
                "windows": self.windows,
                "sessions": self.sessions,
                "timers": self.timers,
                "sequence": self.sequence,
            }
        )

    def restore(self, state: Any) -> None:
        state = copy.deepcopy(state)
        self.watermark = state["watermark"]
        self.windows = state["windows"]
        self.sessions = state["sessions"]
        self.timers = state["timers"]
        self.sequence = state["sequence"]


class GroupWindowAggregate(WindowAggregate):
    """The legacy GROUP BY TUMBLE / HOP / SESSION(time, ..) with TUMBLE_START, _END, _ROWTIME,
    _PROCTIME; same arguments and semantics as WindowAggregate."""

    name = "GroupWindowAggregate"
