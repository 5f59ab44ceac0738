"""The matcher: runs of the pattern's state graph over one partition's rows, as Flink's NFA.

As in Flink's shared buffer, a partition keeps each row once (its Events), and a run (Flink's
ComputationState) holds its path as a few segments pointing into them: the rows a run maps
are consecutive rows of the partition (a pattern skips none), so a run looping over a
variable extends one segment instead of adding a node per row. Runs that fork share their
prefix; memory grows with the rows live runs span, not with runs times their length.
Completed runs wait in a queue ordered by start until no earlier-starting run is still
alive; then the after-match strategy prunes."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from flinklite.cep.after_match import PAST_LAST_ROW, TO_FIRST, TO_NEXT_ROW, SkipStrategy
from flinklite.cep.pattern import TAKE, CompiledPattern, State, proceeds_to_final
from flinklite.errors import ExecutionError

NO_START = 1 << 62  # the start run has no start row: it sorts after every real run


class Events:
    """One partition's rows that live runs may still refer to, by a partition-local index
    counted from the partition's first row: (row, seq) pairs, the oldest dropped as runs
    move past them."""

    __slots__ = ("rows", "base", "check_at")

    def __init__(self, rows: list | None = None, base: int = 0) -> None:
        self.rows: list[tuple[tuple, int]] = rows if rows is not None else []
        self.base = base  # the index of rows[0]
        # Old rows are looked for once the list has doubled since the last look: amortized,
        # a row costs O(1) however many runs there are.
        self.check_at = 64

    def add(self, row: tuple, seq: int) -> int:
        self.rows.append((row, seq))
        return self.base + len(self.rows) - 1

    def row(self, index: int) -> tuple:
        return self.rows[index - self.base][0]

    def seq(self, index: int) -> int:
        return self.rows[index - self.base][1]

    def trim(self, oldest: int) -> None:
        """Forgets the rows before index `oldest`."""
        dead = oldest - self.base
        if dead > 0:
            del self.rows[:dead]
            self.base = oldest


class Run:
    """A partial match: its state, the path of rows it mapped, when it started, and what its
    DEFINEs need: the last row per variable and running accumulators.

    The path is a linked list of segments (previous, var, first, last): rows first..last of
    the partition's `events`, all mapped to `var`. `first` is the index of its first row."""

    __slots__ = ("state", "node", "start_ts", "start_seq", "lasts", "accs", "events", "first")

    def __init__(
        self, state: State, node: Any, start_ts: int, start_seq: int, lasts, accs, events, first
    ):
        self.state = state
        self.node = node
        self.start_ts = start_ts
        self.start_seq = start_seq
        self.lasts = lasts
        self.accs = accs
        self.events: Events = events
        self.first: int = first

    def rows(self) -> list[tuple[int, tuple]]:
        """The match as (var, row) pairs, oldest first."""
        out: list[tuple[int, tuple]] = []
        row = self.events.row
        node = self.node
        while node is not None:
            prev, var, first, last = node
            out.extend((var, row(i)) for i in range(last, first - 1, -1))
            node = prev
        out.reverse()
        return out

    def seqs(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        seq = self.events.seq
        node = self.node
        while node is not None:
            prev, var, first, last = node
            out.extend((var, seq(i)) for i in range(last, first - 1, -1))
            node = prev
        out.reverse()
        return out

    def last_seq(self) -> int:
        return self.events.seq(self.node[3])


class KeyState:
    """One partition's runs: the live partial matches (the start run among them) and the
    completed matches waiting to be released, a heap of (start seq, order, run); and the rows
    they refer to."""

    __slots__ = ("partial", "completed", "events")

    def __init__(self, start: Run) -> None:
        self.partial: list[Run] = [start]
        self.completed: list[tuple[int, int, Run]] = []
        self.events = start.events

    def idle(self) -> bool:
        return len(self.partial) == 1 and not self.completed

    def earliest_start_ts(self) -> int | None:
        starts = [r.start_ts for r in self.partial if r.start_seq != NO_START]
        return min(starts) if starts else None

    def forget_old_rows(self) -> None:
        """Drops the rows no run refers to any more (the start run refers to none)."""
        oldest = min(
            [r.first for r in self.partial if r.start_seq != NO_START]
            + [c[2].first for c in self.completed],
            default=self.events.base + len(self.events.rows),
        )
        self.events.trim(oldest)


class NFA:
    """The pattern's matcher, shared by all partitions; `process` and `advance_time` return the
    matches they release, in emission order."""

    def __init__(
        self,
        pattern: CompiledPattern,
        conditions: Sequence[Callable | None],
        *,
        within_ms: int | None,
        after_match: SkipStrategy,
        take_accs: Sequence[Callable | None],
        initial_accs: tuple | None,
        needs_lasts: bool,
    ) -> None:
        self.pattern = pattern
        self.conditions = list(conditions)
        self.within = within_ms if within_ms else None
        self.take_accs = list(take_accs)
        self.initial_accs = initial_accs
        self.initial_lasts = (None,) * len(pattern.variables) if needs_lasts else None
        self.final = pattern.final
        self._order = count()
        self.skip_kind = after_match.kind
        self.skip_var = (
            None if after_match.variable is None else pattern.variables.index(after_match.variable)
        )
        # Edges as plain tuples: (is_take, target, pos, neg).
        for s in pattern.states:
            s.edges = [(t.action == TAKE, t.target, t.pos, t.neg) for t in s.transitions]
        # States from which PROCEED edges alone may reach the final state: only a run entering
        # one of them can complete without taking another row.
        self.proceeds_to_final = {s.id for s in pattern.states if proceeds_to_final(s)}

    # --- state as plain data (checkpoints) ---------------------------------------------------

    def snapshot_keys(self, keys: dict[tuple, KeyState]) -> dict:
        """Every partition's runs and rows as plain data. Runs share the prefixes of their
        paths; the path segments are written once each, in a table where a segment follows
        its predecessor, and runs refer to them by index; states by their id."""
        index: dict[int, int] = {}
        nodes: list[list] = []

        def node_ref(node: Any) -> int | None:
            if node is None:
                return None
            chain, n = [], node
            while n is not None and id(n) not in index:  # the part not written yet
                chain.append(n)
                n = n[0]
            for m in reversed(chain):
                index[id(m)] = len(nodes)
                nodes.append([None if m[0] is None else index[id(m[0])], m[1], m[2], m[3]])
            return index[id(node)]

        def run(r: Run) -> list:
            saved = [r.state.id, node_ref(r.node), r.start_ts, r.start_seq, r.lasts, r.accs]
            return saved + [r.first]

        partitions = []
        for key, ks in keys.items():
            ks.forget_old_rows()
            events = [ks.events.base, [list(e) for e in ks.events.rows]]
            partial = [run(r) for r in ks.partial]
            completed = [[s, o, run(r)] for s, o, r in ks.completed]
            partitions.append([key, partial, completed, events])
        order = next(self._order)
        self._order = count(order)
        return {"segments": nodes, "partitions": partitions, "order": order}

    def restore_keys(self, data: dict) -> dict[tuple, KeyState]:
        if "segments" not in data:
            return self._restore_rows_per_node(data)
        states = {s.id: s for s in self.pattern.states}
        nodes: list[Any] = []
        for prev, var, first, last in data["segments"]:
            nodes.append((None if prev is None else nodes[prev], var, first, last))
        keys = {}
        for key, partial, completed, (base, rows) in data["partitions"]:
            events = Events([(tuple(r), s) for r, s in rows], base)

            def run(saved: list, events: Events = events) -> Run:
                state, node, start_ts, start_seq, lasts, accs, first = saved
                path = None if node is None else nodes[node]
                return Run(states[state], path, start_ts, start_seq, lasts, accs, events, first)

            keys[key] = _key_state(partial, completed, run)
        self._order = count(data["order"])
        return keys

    def _restore_rows_per_node(self, data: dict) -> dict[tuple, KeyState]:
        """A checkpoint of a flinklite that kept one path node per row, (previous, var, row,
        seq) in one table for all partitions: each run's rows are copied into its partition's
        events, in path order (runs that shared a prefix now hold copies of it)."""
        states = {s.id: s for s in self.pattern.states}
        old = data["nodes"]
        keys = {}
        for key, partial, completed in data["partitions"]:
            events = Events()

            def run(saved: list, events: Events = events) -> Run:
                state, ref, start_ts, start_seq, lasts, accs = saved
                chain = []
                while ref is not None:
                    chain.append(old[ref])
                    ref = old[ref][0]
                node: Any = None
                first = NO_START
                for _, var, row, seq in reversed(chain):
                    i = events.add(tuple(row), seq)
                    if node is None:
                        first = i
                    if node is not None and node[1] == var and node[3] == i - 1:
                        node = (node[0], var, node[2], i)
                    else:
                        node = (node, var, i, i)
                return Run(states[state], node, start_ts, start_seq, lasts, accs, events, first)

            keys[key] = _key_state(partial, completed, run)
        self._order = count(data["order"])
        return keys

    def new_key(self) -> KeyState:
        return KeyState(
            Run(
                self.pattern.start,
                None,
                0,
                NO_START,
                self.initial_lasts,
                self.initial_accs,
                Events(),
                NO_START,
            )
        )

    # --- one row ---------------------------------------------------------------------------------

    def process(self, ks: KeyState, row: tuple, ts: int, seq: int) -> list[Run]:
        # The matches released before this row have been read: rows behind every live run
        # can go.
        events = ks.events
        if len(events.rows) >= events.check_at:
            ks.forget_old_rows()
            events.check_at = max(64, 2 * len(events.rows))
        index = events.add(row, seq)
        partial: list[Run] = []
        potential: list[Run] = []
        for run in ks.partial:
            self._next(run, row, ts, seq, index, partial, potential)
        ks.partial = partial
        if not potential:
            return []
        completed = ks.completed
        for m in potential:
            heapq.heappush(completed, (m.start_seq, next(self._order), m))
        return self._release(ks)

    def _check(self, run: Run, row: tuple, cache: dict, pos: int | None, neg: tuple) -> bool:
        conds = self.conditions
        if pos is not None:
            ok = cache.get(pos)
            if ok is None:
                ok = cache[pos] = conds[pos](row, run)
            if not ok:
                return False
        for v in neg:
            ok = cache.get(v)
            if ok is None:
                ok = cache[v] = conds[v](row, run)
            if ok:
                return False
        return True

    def _next(
        self,
        run: Run,
        row: tuple,
        ts: int,
        seq: int,
        index: int,
        partial: list[Run],
        potential: list[Run],
    ) -> None:
        state = run.state
        cache: dict[int, bool] = {}
        check = self._check
        takes = []
        stack = [state]
        while stack:
            s = stack.pop()
            for is_take, target, pos, neg in s.edges:
                if (pos is None and not neg) or check(run, row, cache, pos, neg):
                    if is_take:
                        takes.append((s.var, target))
                    else:
                        stack.append(target)
        if takes:
            if state.start:
                start_ts, start_seq, first = ts, seq, index
            else:
                start_ts, start_seq, first = run.start_ts, run.start_seq, run.first
            final = self.final
            events = run.events
            last = run.node
            for var, target in takes:
                if last is not None and last[1] == var and last[3] == index - 1:
                    node = (last[0], var, last[2], index)  # the loop goes on: one segment
                else:
                    node = (last, var, index, index)
                lasts = run.lasts
                if lasts is not None:
                    lasts = (*lasts[:var], row, *lasts[var + 1 :])
                accs = run.accs
                take_acc = self.take_accs[var]
                if take_acc is not None:
                    accs = take_acc(accs, row)
                new = Run(target, node, start_ts, start_seq, lasts, accs, events, first)
                if target is final:
                    potential.append(new)
                    continue
                partial.append(new)
                if target.id in self.proceeds_to_final and self._final_after_proceed(
                    target, run, row, cache
                ):
                    potential.append(
                        Run(final, node, start_ts, start_seq, lasts, accs, events, first)
                    )
        if state.start:
            partial.append(run)

    def _final_after_proceed(self, state: State, run: Run, row: tuple, cache: dict) -> bool:
        """Flink's findFinalStateAfterProceed: a run that just took a row also completes when
        PROCEED edges lead from its new state to the final state (conditions read the run
        before the row was taken)."""
        stack = [state]
        while stack:
            s = stack.pop()
            for is_take, target, pos, neg in s.edges:
                if is_take or not self._check(run, row, cache, pos, neg):
                    continue
                if target.final:
                    return True
                stack.append(target)
        return False

    # --- time ---------------------------------------------------------------------------------

    def advance_time(self, ks: KeyState, ts: int) -> list[Run]:
        """WITHIN: drop partial matches with `ts - start >= within`; that may free completed
        matches that were waiting behind them."""
        within = self.within
        if within is None or len(ks.partial) == 1:
            return []
        kept = [r for r in ks.partial if r.start_seq == NO_START or ts - r.start_ts < within]
        if len(kept) == len(ks.partial):
            return []
        ks.partial = kept
        return self._release(ks) if ks.completed else []

    # --- emission -------------------------------------------------------------------------------

    def _release(self, ks: KeyState) -> list[Run]:
        out = []
        completed = ks.completed
        while completed:
            earliest = min((r.start_seq for r in ks.partial), default=NO_START)
            if completed[0][0] > earliest:
                break
            match = heapq.heappop(completed)[2]
            pruning, inclusive = self._pruning_id(match)
            if pruning is not None:
                if inclusive:
                    ks.partial = [
                        r for r in ks.partial if r.start_seq == NO_START or r.start_seq > pruning
                    ]
                    kept = [c for c in completed if c[0] > pruning]
                else:
                    ks.partial = [
                        r for r in ks.partial if r.start_seq == NO_START or r.start_seq >= pruning
                    ]
                    kept = [c for c in completed if c[0] >= pruning]
                if len(kept) != len(completed):
                    heapq.heapify(kept)
                    ks.completed = completed = kept
            out.append(match)
        return out

    def _pruning_id(self, match: Run) -> tuple[int | None, bool]:
        """The after-match strategy's pruning event and whether starts equal to it are pruned."""
        kind = self.skip_kind
        if kind == PAST_LAST_ROW:
            return match.last_seq(), True
        if kind == TO_NEXT_ROW:
            return match.start_seq, True
        var = self.skip_var
        seqs = [s for v, s in match.seqs() if v == var]
        name = self.pattern.variables[var]  # type: ignore[index]
        if not seqs:
            found = ", ".join(
                f"{self.pattern.variables[v]}=[{n}]"
                for v, n in _counts(match.seqs(), len(self.pattern.variables))
            )
            raise ExecutionError(
                f"Could not skip to {name}. No such element in the found match {{{found}}}"
            )
        target = seqs[0] if kind == TO_FIRST else seqs[-1]
        if target == match.start_seq:
            raise ExecutionError("Could not skip to first element of a match.")
        return target, False


def _key_state(partial: list, completed: list, run: Callable[[list], Run]) -> KeyState:
    """A partition's state from its saved runs (the start run first) and completed matches."""
    runs = [run(r) for r in partial]
    ks = KeyState(runs[0])
    ks.partial = runs
    ks.completed = [(s, o, run(r)) for s, o, r in completed]
    return ks


def _counts(seqs: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    counts = [0] * n
    for v, _ in seqs:
        counts[v] += 1
    return [(v, c) for v, c in enumerate(counts) if c]
