"""Operators that reshape a changelog by key: ChangelogNormalize, SinkUpsertMaterializer and
DropUpdateBefore, with the semantics of Flink's operators of those names.

Constructors the planner calls:

    ChangelogNormalize(key: Callable[[tuple], tuple], *, generate_update_before: bool = True,
                       condition: Callable[[tuple], bool] | None = None)
    SinkUpsertMaterializer(key: Callable[[tuple], tuple], arity: int, *,
                           upsert_key: Callable[[tuple], tuple] | None = None)
    DropUpdateBefore()

ChangelogNormalize turns an upsert stream (upsert-kafka: +U/-D by key, no -U, a -D possibly
carrying only the key) into a full changelog: +I for a new key, -U of the previous row before
each +U, a -D carrying the whole previous row; an update to an identical row and a -D for an
unknown key emit nothing. A `condition` (a filter pushed into the normalisation) drops rows
that fail it as if they were deletions.

SinkUpsertMaterializer sits before a sink whose primary key differs from the input's upsert
key. Per sink key it keeps the rows currently alive in arrival order; the newest one is the
sink's value. An accumulate emits +I (first row) or +U; retracting the newest row emits the
row before it as +U, or a -D of the retraction when none is left; retracting an older row
emits nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flinklite.runtime.operator import Operator
from flinklite.runtime.rows import DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, Row
from flinklite.runtime.state_ttl import state_ttl


class ChangelogNormalize(Operator):
    """Flink's ChangelogNormalize (ProcTimeDeduplicateKeepLastRowFunction on a changelog)."""

    name = "ChangelogNormalize"

    def __init__(
        self,
        key: Callable[[Row], tuple],
        *,
        generate_update_before: bool = True,
        condition: Callable[[Row], bool] | None = None,
    ) -> None:
        self.key = key
        self.generate_update_before = generate_update_before
        self.condition = condition

    def open(self, ctx) -> None:
        super().open(ctx)
        self._rows: dict[tuple, Row] = {}
        self._ttl = state_ttl(ctx)  # a key idle past it is forgotten, as in Flink

    def process(self, kind: str, row: Row) -> None:
        key = self.key(row)
        rows = self._rows
        if self._ttl is not None:
            self._ttl.writing(rows, key, self.ctx.now_ms())
        prev = rows.get(key)
        accumulate = kind == INSERT or kind == UPDATE_AFTER
        if accumulate and self.condition is not None and not self.condition(row):
            accumulate = False  # a row leaving the filter retracts what the key showed
        emit = self.out.process
        if accumulate:
            if prev is None:
                emit(INSERT, row)
            elif prev == row:
                return
            else:
                if self.generate_update_before:
                    emit(UPDATE_BEFORE, prev)
                emit(UPDATE_AFTER, row)
            rows[key] = row
        elif prev is not None:
            # The stored row, not the input: a tombstone may carry only the key.
            emit(DELETE, prev)
            del rows[key]

    def snapshot(self) -> Any:
        return dict(self._rows)

    def restore(self, state: Any) -> None:
        self._rows = dict(state)
        if self._ttl is not None:
            self._ttl.restore(None, self._rows, self.ctx.now_ms())


class SinkUpsertMaterializer(Operator):
    """Flink's SinkUpsertMaterializer: reconciles a changelog with the sink's primary key."""

    name = "SinkMaterializer"

    def __init__(
        self,
        key: Callable[[Row], tuple],
        arity: int,
        *,
        upsert_key: Callable[[Row], tuple] | None = None,
    ) -> None:
        self.key = key
        self.arity = arity
        self.upsert_key = upsert_key

    def open(self, ctx) -> None:
        super().open(ctx)
        self._values: dict[tuple, list[Row]] = {}
        self._ttl = state_ttl(ctx)  # a key idle past it is forgotten, as in Flink

    def _find(self, values: list[Row], row: Row) -> int:
        # With an upsert key, a row matches the live row of the same upsert key; otherwise
        # only an identical row does.
        if self.upsert_key is not None:
            target = self.upsert_key(row)
            for i, v in enumerate(values):
                if self.upsert_key(v) == target:
                    return i
            return -1
        for i, v in enumerate(values):
            if v == row:
                return i
        return -1

    def process(self, kind: str, row: Row) -> None:
        key = self.key(row)
        if self._ttl is not None:
            self._ttl.writing(self._values, key, self.ctx.now_ms())
        values = self._values.get(key)
        if kind == INSERT or kind == UPDATE_AFTER:
            if values is None:
                self._values[key] = [row]
                self.out.process(INSERT, row)
                return
            out_kind = INSERT if not values else UPDATE_AFTER
            index = self._find(values, row) if self.upsert_key is not None else -1
            if index < 0:
                values.append(row)
            else:
                values[index] = row
            self.out.process(out_kind, row)
            return
        if not values:
            return
        last = len(values) - 1
        index = self._find(values, row)
        if index < 0:
            return  # Flink logs that the retracted row was not found
        del values[index]
        if not values:
            del self._values[key]
            self.out.process(DELETE, row)
        elif index == last:
            self.out.process(UPDATE_AFTER, values[-1])

    def snapshot(self) -> Any:
        return {k: list(v) for k, v in self._values.items()}

    def restore(self, state: Any) -> None:
        self._values = {k: list(v) for k, v in state.items()}
        if self._ttl is not None:
            self._ttl.restore(None, self._values, self.ctx.now_ms())


class DropUpdateBefore(Operator):
    """Drops -U rows, for sinks that take an upsert stream (Flink's DropUpdateBefore)."""

    name = "DropUpdateBefore"

    def process(self, kind: str, row: Row) -> None:
        if kind != UPDATE_BEFORE:
            self.out.process(kind, row)

    def process_batch(self, rows: list[Row]) -> None:
        self.out.process_batch(rows)
