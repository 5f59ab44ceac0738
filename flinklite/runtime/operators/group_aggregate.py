"""GroupAggregate: the unbounded GROUP BY (and SELECT DISTINCT) with Flink's changelog.

Streaming, per key: the first row emits `+I`, later rows `-U old` (when update-before is
wanted) and `+U new`, nothing when the result did not change, and `-D old` when retractions
empty the group (its state is then dropped). Batch: one `+I` per key at end of input."""

from __future__ import annotations

import copy
from typing import Any

from flinklite.expr.aggregates import AggsHandle
from flinklite.runtime.operator import Operator
from flinklite.runtime.rows import (
    ACCUMULATE,
    DELETE,
    INSERT,
    UPDATE_AFTER,
    UPDATE_BEFORE,
    Row,
    key_getter,
)
from flinklite.runtime.state_ttl import state_ttl


class GroupAggregate(Operator):
    """Output rows are the key fields followed by one value per aggregate call.

    `key_indices` are positions in the input row; `aggs` comes from compile_aggregates over the
    same input. With no keys it is a global aggregate; with no aggregate calls it is DISTINCT.
    State is a dict key -> accumulator list (slot 0 of which counts the key's live rows)."""

    name = "GroupAggregate"

    def __init__(
        self,
        key_indices: tuple[int, ...],
        aggs: AggsHandle,
        *,
        generate_update_before: bool = True,
        batch: bool = False,
    ) -> None:
        self.key_indices = tuple(key_indices)
        self.aggs = aggs
        self.generate_update_before = generate_update_before
        self.batch = batch
        self.key_of = key_getter(self.key_indices)
        # key -> accumulator list; streaming appends the key's last emitted result to it (the
        # `-U` row of the next update), after the slots the handle owns.
        self.state: dict[tuple, list] = {}

    def open(self, ctx: Any) -> None:
        super().open(ctx)
        self.ttl = state_ttl(ctx)

    # --- streaming ---------------------------------------------------------------------------

    def process(self, kind: str, row: Row) -> None:
        if self.batch:
            self._accumulate_batch(kind, row)
            return
        key = self.key_of(row)
        if self.ttl is not None:
            self._expire(key, kind in ACCUMULATE)
        acc = self.state.get(key)
        aggs = self.aggs
        if kind in ACCUMULATE:
            if acc is None:
                acc = self.state[key] = aggs.create()
                aggs.accumulate(acc, row)
                value = aggs.get_value(acc)
                acc.append(value)
                self.out.process(INSERT, key + value)
                return
            aggs.accumulate(acc, row)
        else:
            if acc is None:
                return  # Flink ignores a retraction for a key it holds no state for
            aggs.retract(acc, row)
            if acc[0] <= 0:
                del self.state[key]
                if self.ttl is not None:
                    self.ttl.forget(key)
                self.out.process(DELETE, key + acc[-1])
                return
        after = aggs.get_value(acc)
        before = acc[-1]
        if after == before:
            return
        acc[-1] = after
        if self.generate_update_before:
            self.out.process(UPDATE_BEFORE, key + before)
        self.out.process(UPDATE_AFTER, key + after)

    def process_batch(self, rows: list[Row]) -> None:
        """Insert-only rows: the same logic as `process`, with the lookups hoisted."""
        if self.batch:
            for row in rows:
                self._accumulate_batch(INSERT, row)
            return
        if self.ttl is not None:
            for row in rows:
                self.process(INSERT, row)
            return
        key_of, state = self.key_of, self.state
        create, accumulate, get_value = self.aggs.create, self.aggs.accumulate, self.aggs.get_value
        emit = self.out.process
        update_before = self.generate_update_before
        for row in rows:
            key = key_of(row)
            acc = state.get(key)
            if acc is None:
                acc = state[key] = create()
                accumulate(acc, row)
                value = get_value(acc)
                acc.append(value)
                emit(INSERT, key + value)
                continue
            accumulate(acc, row)
            after = get_value(acc)
            before = acc[-1]
            if after != before:
                acc[-1] = after
                if update_before:
                    emit(UPDATE_BEFORE, key + before)
                emit(UPDATE_AFTER, key + after)

    def _expire(self, key: tuple, writes: bool) -> None:
        """Drops the groups idle past the TTL; the row's own group is written by it (a
        retraction for a group no longer held writes nothing)."""
        ttl = self.ttl
        assert ttl is not None
        now = self.ctx.now_ms()
        ttl.sweep(self.state, now)
        if writes or key in self.state:
            ttl.write(key, now)

    def _accumulate_batch(self, kind: str, row: Row) -> None:
        key = self.key_of(row)
        acc = self.state.get(key)
        if acc is None:
            acc = self.state[key] = self.aggs.create()
        if kind in ACCUMULATE:
            self.aggs.accumulate(acc, row)
        else:
            self.aggs.retract(acc, row)

    def end_input(self) -> None:
        if self.batch:
            get_value = self.aggs.get_value
            if not self.state and not self.key_indices and len(self.aggs):
                # A batch global aggregate over no rows still yields one row (COUNT = 0).
                self.out.process(INSERT, get_value(self.aggs.create()))
            for key, acc in self.state.items():
                self.out.process(INSERT, key + get_value(acc))
            self.state = {}
        self.out.end_input()

    def snapshot(self) -> Any:
        written = self.ttl.snapshot() if self.ttl is not None else None
        return {"state": copy.deepcopy(self.state), "written": written}

    def restore(self, state: Any) -> None:
        self.state = copy.deepcopy(state["state"])
        if self.ttl is not None:
            self.ttl.restore(state.get("written"), self.state, self.ctx.now_ms())
