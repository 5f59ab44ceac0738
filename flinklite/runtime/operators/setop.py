"""INTERSECT and EXCEPT (with or without ALL) on changelogs: per distinct row, how often each
side holds it, and the changes to the result those counts imply.

The result is a changelog of `+I` / `-D`; its folded state is the set operation's answer, which
is what Flink's join-and-aggregate plans for these produce too."""

from __future__ import annotations

from typing import Any

from flinklite.runtime.operator import TwoInputOperator
from flinklite.runtime.rows import ACCUMULATE, DELETE, INSERT, Row
from flinklite.runtime.state_ttl import state_ttl


def _copies(kind: str, all_: bool, left: int, right: int) -> int:
    if kind == "intersect":
        return min(left, right) if all_ else int(left > 0 and right > 0)
    return max(left - right, 0) if all_ else int(left > 0 and right == 0)


class SetOp(TwoInputOperator):
    """`kind` 'intersect' or 'except'; left is side 0."""

    name = "SetOp"

    def __init__(self, kind: str, all_: bool) -> None:
        self.kind = kind
        self.all = all_
        self.counts: dict[Row, list[int]] = {}

    def snapshot(self) -> Any:
        return {
            "counts": {r: list(c) for r, c in self.counts.items()},
            "inputs": self.snapshot_inputs(),
        }

    def restore(self, state: Any) -> None:
        self.counts = {r: list(c) for r, c in state["counts"].items()}
        self.restore_inputs(state["inputs"])
        if self._ttl is not None:
            self._ttl.restore(None, self.counts, self.ctx.now_ms())

    def open(self, ctx: Any) -> None:
        super().open(ctx)
        # table.exec.state.ttl: a row's counts idle past it are gone (Flink plans INTERSECT
        # and EXCEPT as aggregates, whose state expires); restored counts count as written.
        self._ttl = state_ttl(ctx)

    def process_side(self, side: int, kind: str, row: Row) -> None:
        if self._ttl is not None:
            self._ttl.writing(self.counts, row, self.ctx.now_ms())
        counts = self.counts.get(row)
        if counts is None:
            counts = self.counts[row] = [0, 0]
        before = _copies(self.kind, self.all, counts[0], counts[1])
        counts[side] += 1 if kind in ACCUMULATE else -1
        after = _copies(self.kind, self.all, counts[0], counts[1])
        if counts[0] <= 0 and counts[1] <= 0:
            del self.counts[row]
        out = self.out
        for _ in range(after - before):
            out.process(INSERT, row)
        for _ in range(before - after):
            out.process(DELETE, row)
