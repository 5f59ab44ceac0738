"""ORDER BY: SQL sort keys, Flink's temporal sort for streaming and the full sort for batch.

Constructors the planner calls:

- `sort_key(fields: Sequence[tuple[int, bool, bool]]) -> Callable[[tuple], tuple]`: a function
  giving each row a Python-comparable key for the fields `(index, ascending, nulls_last)`.
  Flink's defaults are NULLS FIRST for ASC and NULLS LAST for DESC (NULL is the smallest
  value); the planner passes the resolved flag per field.
- `TemporalSort(time_index: int, rowtime: bool = True, sort_fields: Sequence[SortField] = ())`:
  streaming ORDER BY a time attribute first (Flink's RowTimeSortOperator / ProcTimeSortOperator).
  Rows wait until a watermark passes their timestamp, then leave in timestamp order, ties
  ordered by `sort_fields` (the full ORDER BY list). A row whose timestamp is at or before the
  last timestamp already released is late and dropped.
- `Sort(sort_fields: Sequence[SortField], fetch: int | None = None, offset: int = 0)`: batch
  ORDER BY [LIMIT] [OFFSET]: keeps every row and emits the sorted slice at the end of input.

Strings compare by code point, which matches Java's String.compareTo except between
supplementary characters and code units U+E000..U+FFFF."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any

from flinklite.runtime.operator import Operator
from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, Row

# (field index, ascending, nulls last)
SortField = tuple[int, bool, bool]


class _Desc:
    """Wraps a value so that it sorts in reverse; equal values stay equal (and hash alike)."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v

    def __lt__(self, other: _Desc) -> bool:
        return other.v < self.v

    def __gt__(self, other: _Desc) -> bool:
        return other.v > self.v

    def __le__(self, other: _Desc) -> bool:
        return other.v <= self.v

    def __ge__(self, other: _Desc) -> bool:
        return other.v >= self.v

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.v == other.v

    def __hash__(self) -> int:
        return hash(self.v)

    def __repr__(self) -> str:
        return f"Desc({self.v!r})"


def _nested(value: tuple | list) -> tuple:
    """An ARRAY or ROW value as Flink orders it: element by element, a NULL element before any
    value, a prefix before what extends it."""
    return tuple(
        (0,) if v is None else (1, _nested(v) if type(v) in (tuple, list) else v) for v in value
    )


def _field_key(index: int, ascending: bool, nulls_last: bool) -> Callable[[Row], tuple]:
    # A NULL becomes a one-element tuple whose flag decides its place before any value.
    null = (1,) if nulls_last else (0,)
    flag = 0 if nulls_last else 1
    if ascending:

        def key(row: Row) -> tuple:
            v = row[index]
            if v is None:
                return null
            return (flag, _nested(v)) if type(v) in (tuple, list) else (flag, v)

    else:

        def key(row: Row) -> tuple:
            v = row[index]
            if v is None:
                return null
            return (flag, _Desc(_nested(v) if type(v) in (tuple, list) else v))

    return key


def sort_key(fields: Sequence[SortField]) -> Callable[[Row], tuple]:
    """A key function ordering rows the way ORDER BY `fields` orders them in Flink."""
    parts = [_field_key(i, asc, nl) for i, asc, nl in fields]
    if not parts:
        return lambda row: ()
    if len(parts) == 1:
        only = parts[0]
        return lambda row: (only(row),)
    return lambda row: tuple(p(row) for p in parts)


class TemporalSort(Operator):
    """Streaming ORDER BY a time attribute (ascending) then optional further fields."""

    name = "TemporalSort"

    def __init__(
        self, time_index: int, rowtime: bool = True, sort_fields: Sequence[SortField] = ()
    ) -> None:
        self.time_index = time_index
        self.rowtime = rowtime
        self.sort_fields = tuple(sort_fields)
        self._key = sort_key(self.sort_fields) if self.sort_fields else None

    def open(self, ctx) -> None:
        super().open(ctx)
        self._buffer: dict[int, list[Row]] = {}  # timestamp ms -> rows in arrival order
        self._timers: list[int] = []  # heap of the buffered timestamps
        self._last_fired: int | None = None
        self._proc_rows: list[Row] = []
        self._proc_since = 0

    def process(self, kind: str, row: Row) -> None:
        if not self.rowtime:
            self._process_proctime(row)
            return
        ts = row[self.time_index]
        if ts is None:
            return
        ts_ms = ts // NANOS_PER_MILLI
        if self._last_fired is not None and ts_ms <= self._last_fired:
            # Flink drops a row whose timestamp timers have already passed.
            self.ctx.count("numLateRecordsDropped")
            return
        rows = self._buffer.get(ts_ms)
        if rows is None:
            self._buffer[ts_ms] = [row]
            heapq.heappush(self._timers, ts_ms)
        else:
            rows.append(row)

    def on_watermark(self, ts: int) -> None:
        if self.rowtime:
            self._fire(ts)
        else:
            self._flush_proctime()
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        if self.rowtime:
            self._fire(None)
        else:
            self._flush_proctime()
        self.out.end_input()

    def _fire(self, watermark: int | None) -> None:
        timers, buffer, emit, key = self._timers, self._buffer, self.out.process, self._key
        while timers and (watermark is None or timers[0] <= watermark):
            ts_ms = heapq.heappop(timers)
            rows = buffer.pop(ts_ms)
            if key is not None and len(rows) > 1:
                rows.sort(key=key)
            for row in rows:
                emit(INSERT, row)
            self._last_fired = ts_ms

    # Processing time: Flink fires a timer one millisecond after the first buffered row and
    # then emits everything buffered, sorted; here the buffer leaves once the clock moved on.
    def _process_proctime(self, row: Row) -> None:
        now = self.ctx.now_ms()
        if self._proc_rows and now > self._proc_since:
            self._flush_proctime()
        if not self._proc_rows:
            self._proc_since = now
        self._proc_rows.append(row)

    def _flush_proctime(self) -> None:
        rows, self._proc_rows = self._proc_rows, []
        if self._key is not None:
            rows.sort(key=self._key)
        emit = self.out.process
        for row in rows:
            emit(INSERT, row)

    def snapshot(self) -> Any:
        return {
            "buffer": {ts: list(rows) for ts, rows in self._buffer.items()},
            "last_fired": self._last_fired,
            "proc_rows": list(self._proc_rows),
        }

    def restore(self, state: Any) -> None:
        self._buffer = {ts: list(rows) for ts, rows in state["buffer"].items()}
        self._timers = sorted(self._buffer)
        self._last_fired = state["last_fired"]
        self._proc_rows = list(state["proc_rows"])


class Sort(Operator):
    """Batch ORDER BY with optional LIMIT / OFFSET: everything is sorted at end of input."""

    name = "Sort"

    def __init__(
        self, sort_fields: Sequence[SortField], fetch: int | None = None, offset: int = 0
    ) -> None:
        self.sort_fields = tuple(sort_fields)
        self.fetch = fetch
        self.offset = offset
        self._key = sort_key(self.sort_fields)

    def open(self, ctx) -> None:
        super().open(ctx)
        self._rows: list[Row] = []

    def process(self, kind: str, row: Row) -> None:
        self._rows.append(row)

    def process_batch(self, rows: list[Row]) -> None:
        self._rows.extend(rows)

    def on_watermark(self, ts: int) -> None:
        pass  # a batch sort emits nothing before the end, so watermarks stop here

    def end_input(self) -> None:
        rows, self._rows = self._rows, []
        rows.sort(key=self._key)
        end = None if self.fetch is None else self.offset + self.fetch
        emit = self.out.process
        for row in rows[self.offset : end]:
            emit(INSERT, row)
        self.out.end_input()

    def snapshot(self) -> Any:
        return list(self._rows)

    def restore(self, state: Any) -> None:
        self._rows = list(state)
