"""The result of a query as it is produced: a thread-safe changelog buffer the job appends to and
front ends read from (the shell's live view, `-f` tableau output, tests).

`changes()` yields (kind, row) pairs as they arrive and ends when the job does; a failed job
raises its error to the reader."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from flinklite.runtime.connector import Sink
from flinklite.runtime.rows import INSERT, Row


class ResultBuffer(Sink):
    name = "Sink"

    def __init__(self) -> None:
        self._items: list[tuple[str, Row]] = []
        self._cond = threading.Condition()
        self._ended = False
        self.job: Any = None
        self.watermark: int | None = None  # the latest watermark that reached the result (ms)

    # --- written by the job ----------------------------------------------------------------

    def process(self, kind: str, row: Row) -> None:
        with self._cond:
            self._items.append((kind, row))
            self._cond.notify_all()

    def process_batch(self, rows: list[Row]) -> None:
        with self._cond:
            self._items.extend((INSERT, r) for r in rows)
            self._cond.notify_all()

    def on_watermark(self, ts: int) -> None:
        self.watermark = ts

    def end_input(self) -> None:
        self.finish()

    def finish(self) -> None:
        with self._cond:
            self._ended = True
            self._cond.notify_all()

    # --- read by front ends ----------------------------------------------------------------

    def changes(self, poll_s: float = 0.1) -> Iterator[tuple[str, Row]]:
        """Every change, blocking for more until the job ends; raises the job's error."""
        i = 0
        while True:
            with self._cond:
                while i >= len(self._items) and not self._ended:
                    self._cond.wait(poll_s)
                items = self._items[i:]
                ended = self._ended
            i += len(items)
            yield from items
            if ended and i >= len(self._items):
                break
        if self.job is not None:
            self.job.wait()
            if self.job.error is not None:
                raise self.job.error

    def available(self, start: int = 0) -> list[tuple[str, Row]]:
        """The changes received so far from index `start` (non-blocking)."""
        with self._cond:
            return self._items[start:]

    @property
    def ended(self) -> bool:
        return self._ended
