"""The Match stream operator: MATCH_RECOGNIZE over a partitioned, time-ordered input.

On event time, rows wait per partition until the watermark passes their timestamp, then feed
the matcher in timestamp order (ties in arrival order or by the secondary ORDER BY keys), as
Flink's CepOperator does; rows at or behind the watermark are late and dropped. Processing-time
input is matched on arrival; batch input is matched at the end of input."""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from flinklite.catalog.types import RowField
from flinklite.cep.after_match import parse_skip
from flinklite.cep.extensions import FLINK_COMPATIBLE, portability
from flinklite.cep.nfa import NFA, KeyState, Run
from flinklite.cep.nfa_expr import DefineProgram, MeasuresProgram
from flinklite.cep.pattern import EXTENSION_HINT, compile_pattern, pattern_variables
from flinklite.cep.program import compile_program
from flinklite.cep.spec import MatchSpec
from flinklite.cep.standard import StandardMatcher
from flinklite.cep.standard_expr import StandardDefine, StandardMeasures
from flinklite.errors import ExecutionError, FlinkliteError, ValidationError
from flinklite.expr.compiler import CompileContext
from flinklite.runtime.operator import MAX_WATERMARK, MIN_WATERMARK, Operator, RuntimeContext
from flinklite.runtime.rows import INSERT, NANOS_PER_MILLI, Row, key_getter


def create_match_operator(
    match: MatchSpec,
    input_fields: Sequence[RowField],
    *,
    batch: bool,
    compile_ctx: CompileContext,
    flink_compatible: bool | None = None,
) -> Operator:
    """The operator for a logical `Match` over rows of `input_fields`.

    Queries within Flink's subset run with Flink's semantics. Queries using the standard's
    extensions (see `extensions.portability`) run on the standard-semantics matcher, unless
    `flink_compatible` ('flinklite.flink-compatible'), in which case they are rejected with
    Flink's message. `flink_compatible=None` reads the option from the job's configuration when
    the operator opens."""
    if flink_compatible:
        return flink_operator(match, input_fields, batch, compile_ctx)
    reasons = portability(match)
    if not reasons:
        return flink_operator(match, input_fields, batch, compile_ctx)
    flink_error = None
    if flink_compatible is None:
        try:
            flink_operator(match, input_fields, batch, compile_ctx)
        except FlinkliteError as e:
            flink_error = e
    op = standard_operator(match, input_fields, batch, compile_ctx)
    op.flink_error = flink_error
    return op


def flink_operator(
    match: MatchSpec, input_fields: Sequence[RowField], batch: bool, compile_ctx: CompileContext
) -> MatchOperator:
    if match.all_rows:
        raise ValidationError("All rows per match mode is not supported yet." + EXTENSION_HINT)
    time_index = match.order_keys[0][0]
    defined = {name for name, _ in match.definitions}
    pattern = compile_pattern(match.pattern, defined)
    clock = _Clock()
    define = DefineProgram(match.definitions, pattern.variables, input_fields, compile_ctx, clock)
    # Flink 2.3 accepts SUBSET but maps no row to a subset variable: its LAST is NULL, its COUNT
    # 0. flinklite does the same here; the standard's union semantics run on the standard path.
    subsets = tuple(name for name, _ in match.subsets)
    measures = MeasuresProgram(
        match.measures, pattern.variables + subsets, input_fields, compile_ctx, clock
    )
    nfa = NFA(
        pattern,
        define.conditions,
        within_ms=match.within_ms,
        after_match=parse_skip(match.after_match),
        take_accs=define.take_accs,
        initial_accs=define.initial_accs,
        needs_lasts=define.needs_lasts,
    )
    return MatchOperator(
        nfa,
        measures,
        key_getter(match.partition_keys),
        time_index,
        _tie_sorter(match.order_keys[1:]),
        clock,
        batch=batch,
        proctime=_is_proctime(match, input_fields, batch),
    )


def _is_proctime(match: MatchSpec, input_fields: Sequence[RowField], batch: bool) -> bool:
    return not batch and input_fields[match.order_keys[0][0]].type.time_attribute == "PROCTIME"


def standard_operator(
    match: MatchSpec, input_fields: Sequence[RowField], batch: bool, compile_ctx: CompileContext
) -> MatchOperator:
    variables = pattern_variables(match.pattern)
    program = compile_program(match.pattern, variables)
    mode = match.rows_per_match if match.all_rows else "ONE ROW PER MATCH"
    if mode.endswith("WITH UNMATCHED ROWS") and "exclusion {- -} in PATTERN" in portability(match):
        raise ValidationError("Exclusion syntax {- -} cannot be used with WITH UNMATCHED ROWS")
    clock = _Clock()
    define = StandardDefine(
        match.definitions, variables, match.subsets, input_fields, compile_ctx, clock
    )
    measures = StandardMeasures(
        match.measures, variables, match.subsets, input_fields, compile_ctx, clock
    )
    order = [i for i, _, _ in match.order_keys]
    used = set(match.partition_keys) | set(order)
    matcher = StandardMatcher(
        program,
        define,
        measures,
        after_match=parse_skip(match.after_match),
        subsets=match.subsets,
        rows_per_match=mode,
        order_columns=order,
        other_columns=[i for i in range(len(input_fields)) if i not in used],
        within_ms=match.within_ms,
        width=len(input_fields),
    )
    return StandardMatchOperator(
        matcher,
        None,
        key_getter(match.partition_keys),
        order[0],
        _tie_sorter(match.order_keys[1:]),
        clock,
        batch=batch,
        proctime=_is_proctime(match, input_fields, batch),
    )


class _Clock:
    """Processing time in epoch nanoseconds, read from the job's context once it runs."""

    def __init__(self) -> None:
        self.now_ms: Callable[[], int] | None = None

    def __call__(self) -> int:
        assert self.now_ms is not None
        return self.now_ms() * NANOS_PER_MILLI


def _tie_sorter(keys: Sequence[tuple[int, bool, bool]]) -> Callable[[list], list] | None:
    """Rows sharing a timestamp sorted by the secondary ORDER BY keys (stable)."""
    if not keys:
        return None

    def sort(rows: list) -> list:
        rows = list(rows)
        for index, descending, nulls_first in reversed(keys):
            # Ranks put NULLs where asked whatever the direction of the (reversed) sort.
            null_rank = (2 if nulls_first else 0) if descending else (0 if nulls_first else 2)
            rows.sort(
                key=lambda r, i=index, n=null_rank: (n,) if r[i] is None else (1, r[i]),
                reverse=descending,
            )
        return rows

    return sort


class MatchOperator(Operator):
    """Flink's CepOperator for SQL: per-partition buffers, the matcher, MEASURES output."""

    name = "Match"

    def __init__(
        self,
        nfa: NFA,
        measures: MeasuresProgram,
        key_fn: Callable[[Row], tuple],
        time_index: int,
        tie_sort: Callable[[list], list] | None,
        clock: _Clock,
        *,
        batch: bool,
        proctime: bool,
    ) -> None:
        self.nfa = nfa
        self.measures = measures
        self.key_fn = key_fn
        self.time_index = time_index
        self.tie_sort = tie_sort
        self.clock = clock
        self.batch = batch
        self.proctime = proctime

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)
        self.clock.now_ms = ctx.now_ms
        self.keys: dict[tuple, KeyState] = {}
        self.buffer: dict[tuple, dict[int, list[Row]]] = {}  # key -> timestamp (ms) -> rows
        self.fifo: deque[tuple[int, tuple]] = deque()  # (timestamp, key) of new buckets
        self.fifo_last = MIN_WATERMARK
        self.due: list[tuple[int, int, tuple]] = []  # (timestamp, order, key) out of order
        self.timeouts: list[tuple[int, int, tuple]] = []  # (WITHIN expiry, order, key)
        self.watermark = MIN_WATERMARK
        self.seq = 0
        self._order = count()

    # --- input ----------------------------------------------------------------------------------

    def process(self, kind: str, row: Row) -> None:
        self.process_batch([row])

    def process_batch(self, rows: list[Row]) -> None:
        if self.proctime:
            for row in rows:
                self._on_arrival(self.key_fn(row), row)
            return
        key_fn, ti, buffer = self.key_fn, self.time_index, self.buffer
        watermark = MIN_WATERMARK if self.batch else self.watermark
        fifo, last = self.fifo, self.fifo_last
        for row in rows:
            t = row[ti]
            if t is None:
                raise ExecutionError(
                    "Rowtime timestamp is null. Please make sure that a proper "
                    "TimestampAssigner is defined and the stream environment uses the EventTime "
                    "time characteristic."
                )
            ts = t // NANOS_PER_MILLI
            if ts <= watermark:
                self.ctx.count("numLateRecordsDropped")
                continue
            key = key_fn(row)
            buckets = buffer.get(key)
            if buckets is None:
                buffer[key] = {ts: [row]}
            elif ts in buckets:
                buckets[ts].append(row)
                continue
            else:
                buckets[ts] = [row]
            # Keys become due in timestamp order: a FIFO while input is in order, a heap for
            # the out-of-order rest.
            if ts >= last:
                fifo.append((ts, key))
                last = ts
            else:
                heapq.heappush(self.due, (ts, next(self._order), key))
        self.fifo_last = last

    def on_watermark(self, ts: int) -> None:
        if not (self.batch or self.proctime) and ts > self.watermark:
            self.watermark = ts
            self._fire(ts)
        self.out.on_watermark(ts)

    def end_input(self) -> None:
        # The end of a bounded input is a MAX watermark; batch input is matched only now.
        if not self.proctime and self.watermark < MAX_WATERMARK:
            self.watermark = MAX_WATERMARK
            self._fire(MAX_WATERMARK)
        self.out.end_input()

    # --- matching ------------------------------------------------------------------------------

    def _on_arrival(self, key: tuple, row: Row) -> None:
        ts = self.ctx.now_ms()
        nfa = self.nfa
        ks = self.keys.get(key) or nfa.new_key()
        self._emit(key, nfa.advance_time(ks, ts), ts)
        self.seq += 1
        self._emit(key, nfa.process(ks, row, ts, self.seq), ts)
        if ks.idle():
            self.keys.pop(key, None)
        else:
            self.keys[key] = ks

    def _fire(self, watermark: int) -> None:
        nfa = self.nfa
        due, fifo = self.due, self.fifo
        fired: dict[tuple, None] = {}
        while fifo and fifo[0][0] <= watermark:
            fired[fifo.popleft()[1]] = None
        while due and due[0][0] <= watermark:
            fired[heapq.heappop(due)[2]] = None
        buffer, keys, tie_sort, emit = self.buffer, self.keys, self.tie_sort, self._emit
        process, advance = nfa.process, nfa.advance_time
        timed = nfa.within is not None
        for key in fired:
            buckets = buffer[key]
            ks = keys.get(key) or nfa.new_key()
            if len(buckets) == 1:
                ready = list(buckets)
            else:
                ready = sorted(t for t in buckets if t <= watermark)
            for ts in ready:
                rows = buckets.pop(ts)
                if tie_sort is not None and len(rows) > 1:
                    rows = tie_sort(rows)
                if timed and len(ks.partial) > 1:
                    emit(key, advance(ks, ts), ts)
                for row in rows:
                    self.seq += 1
                    matches = process(ks, row, ts, self.seq)
                    if matches:
                        emit(key, matches, ts)
            if not buckets:
                del buffer[key]
            self._settle(key, ks, watermark)
        timeouts = self.timeouts
        while timeouts and timeouts[0][0] <= watermark:
            key = heapq.heappop(timeouts)[2]
            ks = keys.get(key)
            if ks is not None and key not in fired:
                self._settle(key, ks, watermark)

    def _settle(self, key: tuple, ks: KeyState, watermark: int) -> None:
        """After a key's rows: time advances to the watermark; idle state is dropped, otherwise
        the key waits for the watermark that times out its earliest run (WITHIN)."""
        nfa = self.nfa
        if nfa.within is not None and len(ks.partial) > 1:
            self._emit(key, nfa.advance_time(ks, watermark), watermark)
        if len(ks.partial) == 1 and not ks.completed and key not in self.buffer:
            self.keys.pop(key, None)
            return
        self.keys[key] = ks
        if nfa.within is not None:
            earliest = ks.earliest_start_ts()
            if earliest is not None:
                heapq.heappush(self.timeouts, (earliest + nfa.within, next(self._order), key))

    def _emit(self, key: tuple, matches: list[Run], release_ts: int) -> None:
        out = self.out
        evaluate = self.measures.evaluate
        for m in matches:
            out.process(INSERT, key + evaluate(m.rows(), release_ts))

    # --- state -----------------------------------------------------------------------------

    def snapshot(self) -> Any:
        """The partial and completed matches, the rows waiting for the watermark, the timers
        and counters: everything a restored operator needs to go on as this one would."""
        order = next(self._order)
        self._order = count(order)
        return {
            "matcher": self.nfa.snapshot_keys(self.keys),
            "buffer": {k: {t: list(rows) for t, rows in b.items()} for k, b in self.buffer.items()},
            "fifo": list(self.fifo),
            "fifo_last": self.fifo_last,
            "due": list(self.due),
            "timeouts": list(self.timeouts),
            "watermark": self.watermark,
            "seq": self.seq,
            "order": order,
        }

    def restore(self, state: Any) -> None:
        self.keys = self.nfa.restore_keys(state["matcher"])
        self.buffer = {
            k: {t: list(rows) for t, rows in b.items()} for k, b in state["buffer"].items()
        }
        self.fifo = deque(tuple(e) for e in state["fifo"])
        self.fifo_last = state["fifo_last"]
        self.due = [tuple(e) for e in state["due"]]
        self.timeouts = [tuple(e) for e in state["timeouts"]]
        self.watermark = state["watermark"]
        self.seq = state["seq"]
        self._order = count(state["order"])


class StandardMatchOperator(MatchOperator):
    """The Match operator over the standard-semantics matcher: the same time-ordered release
    of rows per partition; output rows come from the matcher and the end of input decides the
    searches still waiting for more rows."""

    flink_error: FlinkliteError | None = None

    def open(self, ctx: RuntimeContext) -> None:
        if (
            self.flink_error is not None
            and str(ctx.config.get(FLINK_COMPATIBLE, "")).lower() == "true"
        ):
            raise self.flink_error
        super().open(ctx)

    def end_input(self) -> None:
        if not self.proctime and self.watermark < MAX_WATERMARK:
            self.watermark = MAX_WATERMARK
            self._fire(MAX_WATERMARK)
        finish = self.nfa.finish  # type: ignore[attr-defined]
        for key, ks in list(self.keys.items()):
            self._emit(key, finish(ks), MAX_WATERMARK)
        self.keys.clear()
        self.out.end_input()

    def _settle(self, key: tuple, ks: Any, watermark: int) -> None:
        if ks.idle() and key not in self.buffer:
            self.keys.pop(key, None)
        else:
            self.keys[key] = ks

    def _emit(self, key: tuple, rows: list, release_ts: int) -> None:
        out = self.out
        for r in rows:
            out.process(INSERT, key + r)
