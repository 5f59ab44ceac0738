"""Watermark generation from a table's WATERMARK expression, one home for the assigner operator
and for sources that generate watermarks per split (Flink's watermark push-down).

The watermark is the largest value of the expression seen so far, in epoch ms. With
`pipeline.auto-watermark-interval` 0 it is emitted right after the row that raised it, so a
batch is cut there; otherwise once per batch (the batch stands in for Flink's periodic timer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flinklite.errors import ExecutionError
from flinklite.runtime.rows import NANOS_PER_MILLI, Row

# Given the generator's new value, the watermark to emit downstream now, or None.
Advance = Callable[[int], int | None]


class WatermarkGenerator:
    def __init__(
        self, watermark_fn: Callable[[Row], Any], rowtime_index: int, interval_ms: int
    ) -> None:
        self.watermark_fn = watermark_fn  # returns epoch ns (the value contract) or None
        self.rowtime_index = rowtime_index
        self.per_row = interval_ms == 0

    def of(self, row: Row) -> int | None:
        """The row's watermark in ms; a NULL rowtime fails the job, as in Flink."""
        if row[self.rowtime_index] is None:
            raise ExecutionError(
                "RowTime field should not be null, please convert it to a non-null long value."
            )
        wm = self.watermark_fn(row)
        return None if wm is None else wm // NANOS_PER_MILLI

    def push_batch(self, rows: list[Row], current: int, out: Any, advance: Advance) -> int:
        """Pushes `rows` into `out` with the watermarks they raise; returns the new largest
        value. `advance` turns a new value into the watermark to emit (or None)."""
        if not self.per_row:
            for row in rows:
                wm = self.of(row)
                if wm is not None and wm > current:
                    current = wm
            out.process_batch(rows)
            emit = advance(current)
            if emit is not None:
                out.on_watermark(emit)
            return current
        start = 0
        for i, row in enumerate(rows):
            wm = self.of(row)
            if wm is not None and wm > current:
                current = wm
                emit = advance(current)
                if emit is not None:
                    out.process_batch(rows[start : i + 1])
                    start = i + 1
                    out.on_watermark(emit)
        if start < len(rows):
            out.process_batch(rows[start:])
        return current

    def push_changes(
        self, changes: list[tuple[str, Row]], current: int, out: Any, advance: Advance
    ) -> int:
        """A changelog source's (kind, row) pairs: as push_batch, but a row without a rowtime
        (an upsert source's delete) leaves the watermark where it is."""
        for kind, row in changes:
            out.process(kind, row)
            if row[self.rowtime_index] is None:
                continue
            wm = self.watermark_fn(row)
            if wm is not None and wm // NANOS_PER_MILLI > current:
                current = wm // NANOS_PER_MILLI
                if self.per_row:
                    emit = advance(current)
                    if emit is not None:
                        out.on_watermark(emit)
        emit = advance(current)
        if emit is not None:
            out.on_watermark(emit)
        return current
