"""Window Top-N: ROW_NUMBER() OVER (PARTITION BY window_start, window_end, ..) after a window
aggregate. Rows of a window are held until the watermark passes the window's end, then its
top N per partition are emitted once, as `+I`, in rank order (Flink's WindowRank)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flinklite.runtime.operator import Operator
from flinklite.runtime.operators.sort import SortField, sort_key
from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, Row


class WindowRank(Operator):
    """`window_end_index` is the input field holding the window end (TIMESTAMP(3), epoch ns);
    `partition_key` includes the window columns; ranks `rank_start..rank_end` are emitted, with
    the rank number appended when `output_rank_number`."""

    name = "WindowRank"

    def __init__(
        self,
        partition_key: Callable[[Row], tuple],
        sort_fields: Sequence[SortField],
        rank_start: int,
        rank_end: int,
        window_end_index: int,
        *,
        output_rank_number: bool = True,
    ) -> None:
        self.partition_key = partition_key
        self.key = sort_key(sort_fields)
        self.rank_start = rank_start
        self.rank_end = rank_end
        self.end_index = window_end_index
        self.output_rank = output_rank_number
        self.windows: dict[int, dict[tuple, list[Row]]] = {}  # window end (ms) -> partitions

    def process(self, kind: str, row: Row) -> None:
        end = row[self.end_index] // NANOS_PER_MILLI
        parts = self.windows.setdefault(end, {})
        parts.setdefault(self.partition_key(row), []).append(row)

    def on_watermark(self, ts: int) -> None:
        for end in sorted(e for e in self.windows if e - 1 <= ts):
            self._fire(self.windows.pop(end))
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        for end in sorted(self.windows):
            self._fire(self.windows.pop(end))
        self.out.end_input()

    def snapshot(self) -> dict:
        """The rows of the windows the watermark has not passed, per partition."""
        return {
            end: {key: list(rows) for key, rows in parts.items()}
            for end, parts in self.windows.items()
        }

    def restore(self, state: dict) -> None:
        self.windows = {
            end: {key: list(rows) for key, rows in parts.items()} for end, parts in state.items()
        }

    def _fire(self, partitions: dict[tuple, list[Row]]) -> None:
        out = []
        for rows in partitions.values():
            rows.sort(key=self.key)  # stable: ties keep arrival order
            for rank, row in enumerate(rows[self.rank_start - 1 : self.rank_end], self.rank_start):
                out.append((*row, rank) if self.output_rank else row)
        for row in out:
            self.out.process(INSERT, row)
