"""The stateless operators: Calc (projection and filter), Correlate (UNNEST), Expand (GROUPING
SETS), WatermarkAssigner, Union, and the end-of-input pass-through every graph needs.

Calc runs a compiled batch function over whole batches, so the per-row cost is the generated
comprehension alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flinklite.runtime.operator import MAX_WATERMARK, MIN_WATERMARK, Operator, Stage
from flinklite.runtime.rows import NANOS_PER_MILLI, ChangelogFold, Row
from flinklite.runtime.watermarks import WatermarkGenerator


class Calc(Operator):
    """`batch_fn(rows) -> rows` for insert batches, `row_fn(row) -> row | None` for single
    changes (None when the filter drops the row)."""

    name = "Calc"

    def __init__(
        self,
        batch_fn: Callable[[list[Row]], list[Row]],
        row_fn: Callable[[Row], Row | None],
    ) -> None:
        self.batch_fn = batch_fn
        self.row_fn = row_fn

    def process(self, kind: str, row: Row) -> None:
        out = self.row_fn(row)
        if out is not None:
            self.out.process(kind, out)

    def process_batch(self, rows: list[Row]) -> None:
        out = self.batch_fn(rows)
        if out:
            self.out.process_batch(out)


Expander = Callable[[Any], list[tuple]]


class Correlate(Operator):
    """UNNEST joined laterally, as Flink's correlate: each input row followed by the columns of
    each element of its collections, with the element's 1-based position for WITH ORDINALITY;
    several collections are walked side by side, the shorter padded with NULLs. Rows keep their
    input row's kind. `outer` (LEFT JOIN .. ON TRUE) keeps a row without elements, padded."""

    name = "Correlate"

    def __init__(
        self,
        items: list[Callable[[Row], Any]],
        expanders: list[Expander],
        widths: list[int],
        ordinality: bool,
        outer: bool,
    ) -> None:
        self.items = items
        self.expanders = expanders
        self.pads = [(None,) * w for w in widths]
        self.ordinality = ordinality
        self.outer = outer
        self.padding = (None,) * (sum(widths) + (1 if ordinality else 0))

    def _rows(self, row: Row) -> list[Row]:
        columns = [
            expand(value) if (value := item(row)) is not None else []
            for item, expand in zip(self.items, self.expanders, strict=True)
        ]
        longest = max((len(c) for c in columns), default=0)
        out = []
        for i in range(longest):
            produced = row
            for column, pad in zip(columns, self.pads, strict=True):
                produced += column[i] if i < len(column) else pad
            out.append(produced + (i + 1,) if self.ordinality else produced)
        if not out and self.outer:
            out.append(row + self.padding)
        return out

    def process(self, kind: str, row: Row) -> None:
        for produced in self._rows(row):
            self.out.process(kind, produced)

    def process_batch(self, rows: list[Row]) -> None:
        out = [produced for row in rows for produced in self._rows(row)]
        if out:
            self.out.process_batch(out)


def expander(root: str, row_width: int | None) -> Expander:
    """How one collection value becomes the columns of its elements: an ARRAY's elements (a ROW
    element spread over its fields), a MULTISET's elements repeated by their count, a MAP's
    (key, value) pairs."""
    if root == "MAP":
        return lambda m: list(m.items())
    one: Callable[[Any], tuple]
    if row_width is None:
        one = lambda e: (e,)  # noqa: E731
    else:
        nulls = (None,) * row_width
        one = lambda e: nulls if e is None else tuple(e)  # noqa: E731
    if root == "MULTISET":
        return lambda ms: [one(e) for e, n in ms.items() for _ in range(n)]
    return lambda a: [one(e) for e in a]


class Expand(Operator):
    """GROUPING SETS: each row once per set, in the sets' order, the columns a set leaves out
    NULL and the set's expand id appended; rows keep their kind."""

    name = "Expand"

    def __init__(self, sets: list[tuple[int, tuple[int, ...]]]) -> None:
        self.sets = [(e, frozenset(nulled)) for e, nulled in sets]

    def _rows(self, row: Row) -> list[Row]:
        return [
            tuple(None if i in nulled else v for i, v in enumerate(row)) + (e,)
            for e, nulled in self.sets
        ]

    def process(self, kind: str, row: Row) -> None:
        for produced in self._rows(row):
            self.out.process(kind, produced)

    def process_batch(self, rows: list[Row]) -> None:
        self.out.process_batch([produced for row in rows for produced in self._rows(row)])


class WatermarkAssigner(Operator):
    """Flink's WatermarkAssignerOperator: the watermark is the largest value of the WATERMARK
    expression seen so far (epoch ms), emitted after the row that raised it when the interval is
    0, else at the end of each batch (the batch stands in for Flink's periodic timer)."""

    name = "WatermarkAssigner"

    def __init__(
        self, rowtime_index: int, watermark_fn: Callable[[Row], Any], interval_ms: int
    ) -> None:
        self.generator = WatermarkGenerator(watermark_fn, rowtime_index, interval_ms)
        self.current = MIN_WATERMARK
        self.emitted = MIN_WATERMARK

    def _advance(self, current: int) -> int | None:
        if current > self.emitted:
            self.emitted = current
            return current
        return None

    def process(self, kind: str, row: Row) -> None:
        wm = self.generator.of(row)
        self.out.process(kind, row)
        if wm is not None and wm > self.current:
            self.current = wm
            if self.generator.per_row and self._advance(wm) is not None:
                self.out.on_watermark(wm)

    def process_batch(self, rows: list[Row]) -> None:
        self.current = self.generator.push_batch(rows, self.current, self.out, self._advance)

    def on_watermark(self, ts: int) -> None:
        # Only the end of input (MAX_WATERMARK) passes from upstream; the rest is ours.
        if ts == MAX_WATERMARK:
            self.emitted = ts
            self.out.on_watermark(ts)

    def snapshot(self) -> Any:
        return [self.current, self.emitted]

    def restore(self, state: Any) -> None:
        self.current, self.emitted = state


class Union(Operator):
    """UNION ALL of n inputs: rows pass through; the watermark is the minimum of the inputs'."""

    name = "Union"

    def __init__(self, n: int) -> None:
        self.n = n
        self.watermarks = [MIN_WATERMARK] * n
        self.current = MIN_WATERMARK
        self.ended = 0

    def side(self, index: int) -> Stage:
        return _UnionSide(self, index)

    def process(self, kind: str, row: Row) -> None:
        self.out.process(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        self.out.process_batch(rows)

    def watermark_side(self, index: int, ts: int) -> None:
        self.watermarks[index] = max(self.watermarks[index], ts)
        low = min(self.watermarks)
        if low > self.current:
            self.current = low
            self.out.on_watermark(low)

    def end_side(self) -> None:
        self.ended += 1
        if self.ended == self.n:
            self.out.end_input()

    def snapshot(self) -> Any:
        return [list(self.watermarks), self.current, self.ended]

    def restore(self, state: Any) -> None:
        watermarks, self.current, self.ended = state
        self.watermarks = list(watermarks)


class _UnionSide(Stage):
    __slots__ = ("op", "index")

    def __init__(self, op: Union, index: int) -> None:
        self.op = op
        self.index = index

    def process(self, kind: str, row: Row) -> None:
        self.op.out.process(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        self.op.out.process_batch(rows)

    def on_watermark(self, ts: int) -> None:
        self.op.watermark_side(self.index, ts)

    def end_input(self) -> None:
        self.op.end_side()


class WindowTableFunction(Operator):
    """TABLE(TUMBLE/HOP/CUMULATE(...)) without an aggregate over it: each row once per window it
    belongs to, with window_start, window_end and window_time (end - 1 ms) appended."""

    name = "WindowTableFunction"

    def __init__(self, assign: Callable[[int], list[tuple[int, int]]], time_index: int) -> None:
        self.assign = assign
        self.time_index = time_index

    def _expand(self, row: Row) -> list[Row]:
        ts = row[self.time_index]
        if ts is None:
            return []
        ms = NANOS_PER_MILLI
        return [
            (*row, start * ms, end * ms, (end - 1) * ms) for start, end in self.assign(ts // ms)
        ]

    def process(self, kind: str, row: Row) -> None:
        for out in self._expand(row):
            self.out.process(kind, out)

    def process_batch(self, rows: list[Row]) -> None:
        out = [w for row in rows for w in self._expand(row)]
        if out:
            self.out.process_batch(out)


class FinalRows(Operator):
    """Batch mode's contract for operators that refine their output as input arrives (outer
    joins): fold the changes and emit the surviving rows once, as `+I`, at end of input."""

    name = "FinalRows"

    def __init__(self) -> None:
        self.folded = ChangelogFold()

    def process(self, kind: str, row: Row) -> None:
        self.folded.apply(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        self.folded.insert_all(rows)

    def on_watermark(self, ts: int) -> None:
        pass

    def snapshot(self) -> dict:
        return dict(self.folded.counts)

    def restore(self, state: dict) -> None:
        self.folded.counts = dict(state)

    def end_input(self) -> None:
        out = self.folded.rows()
        self.folded = ChangelogFold()
        if out:
            self.out.process_batch(out)
        self.out.on_watermark(MAX_WATERMARK)
        self.out.end_input()
