"""The operator contract: push-based operators chained into a job, one thread per job.

Every stage (operator, sink, two-input side adapter) offers the same four entry points, so an
operator's `out` is simply the next stage: `process(kind, row)`, `process_batch(rows)` for a
list of insert-only rows (the fast path sources and Calc use), `on_watermark(ts_ms)` and
`end_input()`. Operators never block; state lives in plain dicts keyed by tuples."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, Row

# Watermarks are epoch milliseconds; end of a bounded input sends MAX_WATERMARK.
MAX_WATERMARK = 2**63 - 1
MIN_WATERMARK = -(2**63)


@dataclass(slots=True)
class RuntimeContext:
    """What an operator may ask of its job: configuration, the cancel flag, clocks."""

    config: dict[str, str] = field(default_factory=dict)
    batch: bool = False  # execution.runtime-mode = batch
    local_time_zone: str = "UTC"
    cancelled: Callable[[], bool] = lambda: False
    # Processing time in epoch ms; tests replace it to make PROCTIME deterministic.
    now_ms: Callable[[], int] = lambda: time.time_ns() // NANOS_PER_MILLI
    state_ttl_ms: int = 0  # table.exec.state.ttl (0: state never expires)
    metrics: dict[str, int] = field(default_factory=dict)

    def count(self, metric: str, n: int = 1) -> None:
        """Bump a job metric such as 'numLateRecordsDropped'."""
        self.metrics[metric] = self.metrics.get(metric, 0) + n


class Stage:
    """Anything rows can be pushed into."""

    def process(self, kind: str, row: Row) -> None:
        raise NotImplementedError

    def process_batch(self, rows: list[Row]) -> None:
        process = self.process
        for row in rows:
            process(INSERT, row)

    def on_watermark(self, ts: int) -> None:
        pass

    def end_input(self) -> None:
        pass


class Operator(Stage):
    """A one-input operator. Subclasses override `process` (and `process_batch` when a batch
    can be handled faster than row by row); the defaults forward watermarks and end of input.

    `name` is Flink's operator name as EXPLAIN prints it; `out` is set by the job builder."""

    name = "Operator"
    out: Stage
    digest = ""  # the plan node it runs, as EXPLAIN prints it (checkpoints compare it)

    def open(self, ctx: RuntimeContext) -> None:
        self.ctx = ctx

    def on_watermark(self, ts: int) -> None:
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        self.out.end_input()

    def close(self) -> None:
        pass

    def snapshot(self) -> Any:
        """The operator's state as plain data (runtime.state_codec); None when it keeps none.
        It must not share mutable objects with the running operator."""
        return None

    def restore(self, state: Any) -> None:
        """Takes back what `snapshot` returned (after `open`)."""


class TwoInputOperator(Operator):
    """An operator with a left (0) and a right (1) input, fed through `side(i)` adapters.

    It holds the watermark of each side and forwards their minimum when it advances, and ends
    its output once both inputs have ended; subclasses implement `process_side`."""

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)
        self._watermarks = [MIN_WATERMARK, MIN_WATERMARK]
        self._current_watermark = MIN_WATERMARK
        self._ended = [False, False]

    def side(self, index: int) -> Stage:
        return _Side(self, index)

    def snapshot_inputs(self) -> Any:
        """The two inputs' watermarks and ends, for subclasses' snapshots."""
        return [list(self._watermarks), self._current_watermark, list(self._ended)]

    def restore_inputs(self, state: Any) -> None:
        watermarks, current, ended = state
        self._watermarks, self._current_watermark, self._ended = list(watermarks), current, ended

    def process(self, kind: str, row: Row) -> None:  # pragma: no cover - use side()
        raise TypeError("a two-input operator is fed through side(0) and side(1)")

    def process_side(self, side: int, kind: str, row: Row) -> None:
        raise NotImplementedError

    def process_side_batch(self, side: int, rows: list[Row]) -> None:
        for row in rows:
            self.process_side(side, INSERT, row)

    def watermark_side(self, side: int, ts: int) -> None:
        self._watermarks[side] = max(self._watermarks[side], ts)
        combined = min(self._watermarks)
        if combined > self._current_watermark:
            self._current_watermark = combined
            self.on_watermark(combined)

    def end_side(self, side: int) -> None:
        self._ended[side] = True
        if all(self._ended):
            self.end_input()


class _Side(Stage):
    __slots__ = ("op", "index")

    def __init__(self, op: TwoInputOperator, index: int) -> None:
        self.op = op
        self.index = index

    def process(self, kind: str, row: Row) -> None:
        self.op.process_side(self.index, kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        self.op.process_side_batch(self.index, rows)

    def on_watermark(self, ts: int) -> None:
        self.op.watermark_side(self.index, ts)

    def end_input(self) -> None:
        self.op.end_side(self.index)


class FanOut(Stage):
    """Sends everything to several stages (a source read by two branches of one job)."""

    def __init__(self, targets: list[Stage]) -> None:
        self.targets = targets

    def process(self, kind: str, row: Row) -> None:
        for t in self.targets:
            t.process(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        for t in self.targets:
            t.process_batch(rows)

    def on_watermark(self, ts: int) -> None:
        for t in self.targets:
            t.on_watermark(ts)

    def end_input(self) -> None:
        for t in self.targets:
            t.end_input()


class Collector(Stage):
    """Keeps everything pushed into it; tests and the result view read `changes`."""

    def __init__(self) -> None:
        self.changes: list[tuple[str, Row]] = []
        self.watermarks: list[int] = []
        self.ended = False

    def process(self, kind: str, row: Row) -> None:
        self.changes.append((kind, row))

    def process_batch(self, rows: list[Row]) -> None:
        self.changes.extend((INSERT, r) for r in rows)

    def on_watermark(self, ts: int) -> None:
        self.watermarks.append(ts)

    def end_input(self) -> None:
        self.ended = True
