"""Top-N (ROW_NUMBER ... WHERE rn <= N), deduplication and LIMIT, with Flink's changelogs.

Constructors the planner calls:

    Rank(partition_key: Callable[[tuple], tuple], sort_fields: Sequence[tuple[int, bool, bool]],
         rank_end: int, rank_start: int = 1, *, output_rank_number: bool = True,
         kind: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK' = 'ROW_NUMBER',
         updating_input: bool = False, generate_update_before: bool = True,
         first_n: bool = False, batch: bool = False)
    Deduplicate(key: Callable[[tuple], tuple], keep: 'first' | 'last', time_index: int,
                rowtime: bool, *, generate_update_before: bool = True,
                generate_insert: bool = True, batch: bool = False)
    Limit(fetch: int, offset: int = 0, *, updating_input: bool = False,
          generate_update_before: bool = True, batch: bool = False)

`sort_fields` are `(index, ascending, nulls_last)` as in flinklite.runtime.operators.sort. With
`output_rank_number` the rank (BIGINT) is appended to each output row.

Streaming follows the function Flink's planner picks: insert-only input uses
AppendOnlyFirstNFunction when the only sort key is an ascending processing time (`first_n`),
FastTop1Function for a top-1 (updates as -U/+U), AppendOnlyTopNFunction otherwise; updating
input uses RetractableTopNFunction. Streaming supports ROW_NUMBER only (Flink rejects RANK and
DENSE_RANK at planning); batch mode ranks each partition at the end of input, any kind.
Deduplicate is ROW_NUMBER() = 1 over a time attribute: keep-first on event time waits for the
watermark and emits +I only; the other variants emit +I, then -U/+U as later rows replace it."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from flinklite.runtime.operator import MIN_WATERMARK, Operator
from flinklite.runtime.operators.sort import SortField, sort_key
from flinklite.runtime.rows import DELETE, INSERT, NANOS_PER_MILLI, UPDATE_AFTER, UPDATE_BEFORE, Row
from flinklite.runtime.state_ttl import state_ttl

_NO_PARTITION: Callable[[Row], tuple] = lambda row: ()  # noqa: E731


class _Buffer:
    """One partition's rows grouped by sort key: the keys in order, and per key its rows in
    arrival order (Flink's TopNBuffer, or the sorted map plus data state when retracting)."""

    __slots__ = ("keys", "groups", "size")

    def __init__(self) -> None:
        self.keys: list[tuple] = []
        self.groups: dict[tuple, list[Row]] = {}
        self.size = 0

    def put(self, key: tuple, row: Row) -> None:
        rows = self.groups.get(key)
        if rows is None:
            self.keys.insert(bisect_left(self.keys, key), key)
            self.groups[key] = [row]
        else:
            rows.append(row)
        self.size += 1

    def drop_key(self, key: tuple) -> None:
        self.size -= len(self.groups.pop(key))
        del self.keys[bisect_left(self.keys, key)]


class Rank(Operator):
    """Top-N per partition (Flink's Rank operator)."""

    name = "Rank"

    def __init__(
        self,
        partition_key: Callable[[Row], tuple] | None,
        sort_fields: Sequence[SortField],
        rank_end: int,
        rank_start: int = 1,
        *,
        output_rank_number: bool = True,
        kind: str = "ROW_NUMBER",
        updating_input: bool = False,
        generate_update_before: bool = True,
        first_n: bool = False,
        batch: bool = False,
    ) -> None:
        if kind not in ("ROW_NUMBER", "RANK", "DENSE_RANK"):
            raise ValueError(f"unknown rank function {kind!r}")
        if kind != "ROW_NUMBER" and not batch:
            raise ValueError(f"{kind}() on streaming table is not supported currently")
        self.partition_key = partition_key or _NO_PARTITION
        self.sort_fields = tuple(sort_fields)
        self.rank_start = rank_start
        self.rank_end = rank_end
        self.output_rank_number = output_rank_number
        self.kind = kind
        self.updating_input = updating_input
        self.generate_update_before = generate_update_before
        self.batch = batch
        self._sort_key = sort_key(self.sort_fields)
        # The row-number algorithm also serves an offset (Flink does the same).
        self._numbered = output_rank_number or rank_start > 1
        if batch:
            self.strategy = "batch"
        elif updating_input:
            self.strategy = "retract"
        elif first_n:
            self.strategy = "first_n"
        elif rank_start == 1 and rank_end == 1:
            self.strategy = "top1"
        else:
            self.strategy = "append"
        self.process = getattr(self, f"_process_{self.strategy}")  # type: ignore[method-assign]

    def open(self, ctx) -> None:
        super().open(ctx)
        self._state: dict[tuple, Any] = {}
        # table.exec.state.ttl: a partition idle past it is gone (its next row starts its
        # Top-N afresh); any row of the partition refreshes it. The write times are not
        # checkpointed: a restored partition counts as written when restored.
        self._ttl = state_ttl(ctx)
        if self._ttl is not None:
            self._by_strategy = getattr(self, f"_process_{self.strategy}")
            self.process = self._process_expiring  # type: ignore[method-assign]

    def _process_expiring(self, kind: str, row: Row) -> None:
        ttl = self._ttl
        assert ttl is not None
        now = self.ctx.now_ms()
        ttl.sweep(self._state, now)
        self._by_strategy(kind, row)
        pk = self.partition_key(row)
        if pk in self._state:
            ttl.write(pk, now)
        else:
            ttl.forget(pk)

    def snapshot(self) -> Any:
        return self._state

    def restore(self, state: Any) -> None:
        self._state = state
        if self._ttl is not None:
            self._ttl.restore(None, state, self.ctx.now_ms())

    # -- emission helpers (AbstractTopNFunction's collect* methods) ------------------------

    def _row(self, row: Row, rank: int) -> Row:
        return row + (rank,) if self.output_rank_number else row

    def _in_range(self, rank: int) -> bool:
        return self.rank_start <= rank <= self.rank_end

    def _emit_ranked(self, kind: str, row: Row, rank: int) -> None:
        if self.rank_start <= rank <= self.rank_end:
            if kind is UPDATE_BEFORE and not self.generate_update_before:
                return
            self.out.process(kind, row + (rank,) if self.output_rank_number else row)

    # -- insert-only input -----------------------------------------------------------------

    def _process_first_n(self, kind: str, row: Row) -> None:
        pk = self.partition_key(row)
        seen = self._state.get(pk, 0)
        if seen >= self.rank_end:
            return
        self._state[pk] = seen + 1
        if self._numbered:
            self._emit_ranked(INSERT, row, seen + 1)
        else:
            self.out.process(INSERT, row)

    def _process_top1(self, kind: str, row: Row) -> None:
        pk = self.partition_key(row)
        key = self._sort_key(row)
        prev = self._state.get(pk)
        if prev is None:
            self._state[pk] = (key, row)
            self.out.process(INSERT, self._row(row, 1))
        elif key < prev[0]:
            self._state[pk] = (key, row)
            if self.generate_update_before:
                self.out.process(UPDATE_BEFORE, self._row(prev[1], 1))
            self.out.process(UPDATE_AFTER, self._row(row, 1))

    def _process_append(self, kind: str, row: Row) -> None:
        pk = self.partition_key(row)
        buf = self._state.get(pk)
        if buf is None:
            buf = self._state[pk] = _Buffer()
        key = self._sort_key(row)
        # TopNBuffer.checkSortKeyInBufferRange: better than the worst kept key, or room left.
        if buf.keys and not key < buf.keys[-1] and buf.size >= self.rank_end:
            return
        buf.put(key, row)
        if self._numbered:
            self._append_numbered(buf, key, row)
        else:
            self._append_unnumbered(buf, row)

    def _append_numbered(self, buf: _Buffer, key: tuple, row: Row) -> None:
        rank_end = self.rank_end
        emit = self._emit_ranked
        keys, groups = buf.keys, buf.groups
        rank = 0
        found = False
        current = row
        i = 0
        while i < len(keys) and rank <= rank_end:
            k = keys[i]
            rows = groups[k]
            i += 1
            if not found and k == key:
                rank += len(rows)
                found = True
            elif found:
                rank, current = self._shift_down(rows, rank, current)
            else:
                rank += len(rows)
        if rank <= rank_end:
            emit(INSERT, current, rank)
        # Sort keys past the point where the walk stopped can never re-enter the top N.
        for k in keys[i:]:
            buf.size -= len(groups.pop(k))
        del keys[i:]

    def _shift_down(self, rows: list[Row], rank: int, current: Row) -> tuple[int, Row]:
        """A row entering above `rows` (rank `rank` onwards) pushes each of them one rank down,
        up to the end of the top N: each place's old row is retracted for the one above it.
        Returns the next rank and the row pushed out of the last place reached."""
        emit, rank_end = self._emit_ranked, self.rank_end
        for prev in rows:
            if rank > rank_end:
                break
            emit(UPDATE_BEFORE, prev, rank)
            emit(UPDATE_AFTER, current, rank)
            current = prev
            rank += 1
        return rank, current

    def _append_unnumbered(self, buf: _Buffer, row: Row) -> None:
        if buf.size > self.rank_end:
            last_key = buf.keys[-1]
            last_rows = buf.groups[last_key]
            last = last_rows[-1]
            if len(last_rows) <= 1:
                buf.drop_key(last_key)
            else:
                last_rows.pop()
                buf.size -= 1
            if last == row:
                return
            self.out.process(DELETE, last)
        self.out.process(INSERT, row)

    # -- updating input (RetractableTopNFunction) -------------------------------------------

    def _process_retract(self, kind: str, row: Row) -> None:
        pk = self.partition_key(row)
        buf = self._state.get(pk)
        key = self._sort_key(row)
        if kind == INSERT or kind == UPDATE_AFTER:
            if buf is None:
                buf = self._state[pk] = _Buffer()
            # The sorted map counts the row before emitting; the data state gets it after.
            counts = _Counts(buf, key)
            if self._numbered:
                self._retractable_emit_numbered(buf, counts, key, row)
            else:
                self._retractable_emit_unnumbered(buf, counts, key, row)
            buf.put(key, row)
            return
        if buf is None or key not in buf.groups:
            return  # retracting a row never seen (Flink logs and ignores it)
        counts = _Counts(buf, None)
        if self._numbered:
            removed = self._retract_numbered(buf, counts, key, row)
        else:
            removed = self._retract_unnumbered(buf, counts, key, row)
        if not removed:
            rows = buf.groups[key]
            for idx, r in enumerate(rows):
                if r == row:
                    del rows[idx]
                    buf.size -= 1
                    break
        if not buf.groups[key]:
            del buf.groups[key]
            del buf.keys[bisect_left(buf.keys, key)]
        if not buf.keys:
            del self._state[pk]

    def _retractable_emit_numbered(self, buf: _Buffer, counts, key: tuple, row: Row) -> None:
        rank_end = self.rank_end
        emit = self._emit_ranked
        rank = 0
        current = row
        found = False
        for k in counts.keys_in_order():
            if rank > rank_end:
                break
            if not found and k == key:
                rank += counts[k]
                found = True
            elif found:
                rank, current = self._shift_down(buf.groups[k], rank, current)
            else:
                rank += counts[k]
        if rank <= rank_end:
            emit(INSERT, current, rank)

    def _retractable_emit_unnumbered(self, buf: _Buffer, counts, key: tuple, row: Row) -> None:
        rank_end = self.rank_end
        rank = 0
        found = False
        to_collect = False
        to_delete = None
        for k in counts.keys_in_order():
            if rank > rank_end:
                break
            if not found and k == key:
                rank += counts[k]
                to_collect = self._in_range(rank)
                found = True
            elif found:
                last = rank + counts[k]
                if last <= rank_end:
                    rank = last
                else:
                    to_delete = buf.groups[k][rank_end - rank]
                    break
            else:
                rank += counts[k]
        if to_delete is not None:
            self.out.process(DELETE, to_delete)
        if to_collect:
            self.out.process(INSERT, row)

    def _retract_numbered(self, buf: _Buffer, counts, key: tuple, row: Row) -> bool:
        rank_end = self.rank_end
        emit = self._emit_ranked
        rank = 0
        prev = None
        found = False
        for k in counts.keys_in_order():
            if rank > rank_end:
                break
            if not found and k == key:
                rows = buf.groups[k]
                j = 0
                while j < len(rows) and rank <= rank_end:
                    current = rows[j]
                    if not found and current == row:
                        prev = current
                        found = True
                        del rows[j]
                        buf.size -= 1
                    else:
                        if found:
                            emit(UPDATE_BEFORE, prev, rank)
                            emit(UPDATE_AFTER, current, rank)
                            prev = current
                        j += 1
                    rank += 1
            elif found:
                rows = buf.groups[k]
                j = 0
                while j < len(rows) and rank <= rank_end:
                    current = rows[j]
                    emit(UPDATE_BEFORE, prev, rank)
                    emit(UPDATE_AFTER, current, rank)
                    prev = current
                    rank += 1
                    j += 1
            else:
                rank += counts[k]
        if rank <= rank_end and prev is not None:
            emit(DELETE, prev, rank)
        return found

    def _retract_unnumbered(self, buf: _Buffer, counts, key: tuple, row: Row) -> bool:
        rank_end = self.rank_end
        emit = self.out.process
        next_rank = 1
        found = False
        for k in counts.keys_in_order():
            if next_rank > rank_end:
                break
            if not found and k == key:
                rows = buf.groups[k]
                j = 0
                while j < len(rows) and next_rank <= rank_end:
                    current = rows[j]
                    if not found and current == row:
                        if self._in_range(next_rank):
                            emit(DELETE, current)
                        next_rank -= 1
                        found = True
                        del rows[j]
                        buf.size -= 1
                    else:
                        if found and next_rank == rank_end and self._in_range(next_rank):
                            emit(INSERT, current)
                        j += 1
                    next_rank += 1
            elif found:
                last = next_rank + counts[k] - 1
                if last < rank_end:
                    next_rank = last + 1
                else:
                    emit(INSERT, buf.groups[k][rank_end - next_rank])
                    break
            else:
                next_rank += counts[k]
        return found

    # -- batch -------------------------------------------------------------------------------

    def _process_batch(self, kind: str, row: Row) -> None:
        pk = self.partition_key(row)
        rows = self._state.get(pk)
        if rows is None:
            self._state[pk] = [row]
        else:
            rows.append(row)

    def process_batch(self, rows: list[Row]) -> None:
        process = self.process
        for row in rows:
            process(INSERT, row)

    def on_watermark(self, ts: int) -> None:
        if not self.batch:
            self.out.on_watermark(ts)

    def end_input(self) -> None:
        if self.batch:
            self._flush_batch()
        self.out.end_input()

    def _flush_batch(self) -> None:
        key_of = self._sort_key
        emit = self.out.process
        for rows in self._state.values():
            keyed = sorted(((key_of(r), r) for r in rows), key=lambda kr: kr[0])
            rank = 0
            prev_key: Any = object()
            for position, (key, row) in enumerate(keyed, 1):
                if self.kind == "ROW_NUMBER":
                    rank = position
                elif key != prev_key:
                    rank = position if self.kind == "RANK" else rank + 1
                prev_key = key
                if rank > self.rank_end:
                    break
                if rank >= self.rank_start:
                    emit(INSERT, self._row(row, rank))
        self._state = {}


class _Counts:
    """A partition's sorted map of sort key -> number of rows, as RetractableTopNFunction keeps
    it: it may count one row more (an accumulate) than the data lists hold while emitting."""

    __slots__ = ("buf", "extra_key")

    def __init__(self, buf: _Buffer, extra_key: tuple | None) -> None:
        self.buf = buf
        self.extra_key = extra_key

    def keys_in_order(self) -> list[tuple]:
        keys = self.buf.keys
        extra = self.extra_key
        if extra is None or extra in self.buf.groups:
            return keys
        pos = bisect_left(keys, extra)
        return keys[:pos] + [extra] + keys[pos:]

    def __getitem__(self, key: tuple) -> int:
        rows = self.buf.groups.get(key)
        n = len(rows) if rows is not None else 0
        return n + 1 if key == self.extra_key else n


class Deduplicate(Operator):
    """ROW_NUMBER() OVER (PARTITION BY key ORDER BY time attribute) = 1."""

    name = "Deduplicate"

    def __init__(
        self,
        key: Callable[[Row], tuple],
        keep: str,
        time_index: int,
        rowtime: bool,
        *,
        generate_update_before: bool = True,
        generate_insert: bool = True,
        batch: bool = False,
    ) -> None:
        if keep not in ("first", "last"):
            raise ValueError(f"keep must be 'first' or 'last', not {keep!r}")
        self.key = key
        self.keep_last = keep == "last"
        self.time_index = time_index
        self.rowtime = rowtime
        self.generate_update_before = generate_update_before
        self.generate_insert = generate_insert
        self.batch = batch

    def open(self, ctx) -> None:
        super().open(ctx)
        self._state: dict[tuple, Any] = {}
        self._watermark = MIN_WATERMARK
        self._timers: list[tuple[int, int, tuple]] = []  # (ts ms, sequence, key)
        self._seq = count()
        # table.exec.state.ttl: a key idle past it is forgotten, so its next row counts as its
        # first again, as in Flink. A row still waiting for the watermark is kept. The write
        # times are not checkpointed: a restored key counts as written when restored.
        self._ttl = state_ttl(ctx)

    def snapshot(self) -> Any:
        return {"state": dict(self._state), "watermark": self._watermark}

    def restore(self, state: Any) -> None:
        self._state = dict(state["state"])
        if self._ttl is not None:
            self._ttl.restore(None, self._state, self.ctx.now_ms())
        self._watermark = state["watermark"]
        self._timers = []
        for key, value in self._state.items():
            if isinstance(value, tuple) and value and value[0] == "buffered":
                heapq.heappush(self._timers, (value[1] // NANOS_PER_MILLI, next(self._seq), key))

    def process(self, kind: str, row: Row) -> None:
        key = self.key(row)
        state = self._state
        if self._ttl is not None:
            self._expire_and_write(key)
        if self.batch:
            prev = state.get(key)
            if prev is None or self._replaces(prev, row):
                state[key] = row
            return
        if not self.keep_last:
            if self.rowtime:
                self._first_on_rowtime(key, row)
            elif key not in state:
                state[key] = True
                self.out.process(INSERT, row)
            return
        prev = state.get(key)
        if self.rowtime:
            # RowTimeDeduplicateFunction: a row at least as late as the kept one replaces it.
            if prev is not None and row[self.time_index] < prev[self.time_index]:
                return
        elif prev is not None and prev == row:
            # Processing time: an identical row changes nothing and is not re-emitted.
            return
        state[key] = row
        self._emit_replacement(prev, row)

    def _expire_and_write(self, key: tuple) -> None:
        ttl = self._ttl
        assert ttl is not None
        now = self.ctx.now_ms()
        for gone in ttl.expired(now):
            entry = self._state.get(gone)
            if isinstance(entry, tuple) and entry and entry[0] == "buffered":
                ttl.write(gone, now)  # its row is still to be emitted
            else:
                self._state.pop(gone, None)
        ttl.write(key, now)

    def _replaces(self, prev: Row, row: Row) -> bool:
        t = self.time_index
        if self.keep_last:
            return prev[t] <= row[t]
        return row[t] < prev[t]

    def _emit_replacement(self, prev: Row | None, row: Row) -> None:
        emit = self.out.process
        if self.generate_update_before or self.generate_insert:
            if prev is None:
                emit(INSERT, row)
                return
            if self.generate_update_before:
                emit(UPDATE_BEFORE, prev)
        emit(UPDATE_AFTER, row)

    # RowTimeDeduplicateKeepFirstRowFunction: the earliest row waits for the watermark to pass
    # it; a row earlier than the watermark is late and dropped; after emitting, a key is done.
    def _first_on_rowtime(self, key: tuple, row: Row) -> None:
        ts = row[self.time_index]
        if ts is None:
            return
        ts_ms = ts // NANOS_PER_MILLI
        if ts_ms < self._watermark:
            self.ctx.count("numLateRecordsDropped")
            return
        prev = self._state.get(key)
        if prev is True:
            return
        if prev is not None and not ts < prev[1]:
            return
        self._state[key] = ("buffered", ts, row)
        heapq.heappush(self._timers, (ts_ms, next(self._seq), key))

    def on_watermark(self, ts: int) -> None:
        if self.batch:
            return
        self._watermark = ts
        timers = self._timers
        state = self._state
        emit = self.out.process
        while timers and timers[0][0] <= ts:
            ts_ms, _, key = heapq.heappop(timers)
            entry = state.get(key)
            # A timer replaced by an earlier row of the same key is stale.
            if not isinstance(entry, tuple) or entry[1] // NANOS_PER_MILLI != ts_ms:
                continue
            state[key] = True
            emit(INSERT, entry[2])
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        if self.batch:
            emit = self.out.process
            for row in self._state.values():
                emit(INSERT, row)
            self._state = {}
        self.out.end_input()


def Limit(
    fetch: int,
    offset: int = 0,
    *,
    updating_input: bool = False,
    generate_update_before: bool = True,
    batch: bool = False,
) -> Rank:
    """LIMIT without ORDER BY: Flink plans it as a Rank over one partition with no sort key, so
    the first `fetch` rows after `offset` pass and everything later is ignored."""
    rank = Rank(
        None,
        (),
        rank_end=offset + fetch,
        rank_start=offset + 1,
        output_rank_number=False,
        updating_input=updating_input,
        generate_update_before=generate_update_before,
        batch=batch,
    )
    rank.name = "Limit"
    return rank
