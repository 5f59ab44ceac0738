"""The matcher: runs of the pattern's state graph over one partition's rows, as Flink's NFA.

Each run (Flink's ComputationState) points into a shared, immutable path of mapped rows, so
runs that fork share their prefix and nothing is copied. Completed runs wait in a queue ordered
by start until no earlier-starting run is still alive; then the after-match strategy prunes."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any

from flinklite.cep.after_match import PAST_LAST_ROW, TO_FIRST, TO_NEXT_ROW, SkipStrategy
from flinklite.cep.pattern import TAKE, CompiledPattern, State, proceeds_to_final
from flinklite.errors import ExecutionError

NO_START = 1 << 62  # the start run has no start row: it sorts after every real run


class Run:
    """A partial match: its state, the path of rows it mapped (a linked list of
    (previous, var, row, seq) nodes), when it started, and what its DEFINEs need: the last row
    per variable and running accumulators."""

    __slots__ = ("state", "node", "start_ts", "start_seq", "lasts", "accs")

    def __init__(self, state: State, node: Any, start_ts: int, start_seq: int, lasts, accs):
        self.state = state
        self.node = node
        self.start_ts = start_ts
        self.start_seq = start_seq
        self.lasts = lasts
        self.accs = accs

    def rows(self) -> list[tuple[int, tuple]]:
        """The match as (var, row) pairs, oldest first."""
        out = []
        node = self.node
        while node is not None:
            out.append((node[1], node[2]))
            node = node[0]
        out.reverse()
        return out

    def seqs(self) -> list[tuple[int, int]]:
        out = []
        node = self.node
        while node is not None:
            out.append((node[1], node[3]))
            node = node[0]
        out.reverse()
        return out


class KeyState:
    """One partition's runs: the live partial matches (the start run among them) and the
    completed matches waiting to be released, a heap of (start seq, order, run)."""

    __slots__ = ("partial", "completed")

    def __init__(self, start: Run) -> None:
        self.partial: list[Run] = [start]
        self.completed: list[tuple[int, int, Run]] = []

    def idle(self) -> bool:
        return len(self.partial) == 1 and not self.completed

    def earliest_start_ts(self) -> int | None:
        starts = [r.start_ts for r in self.partial if r.start_seq != NO_START]
        return min(starts) if starts else None


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
        """Every partition's runs as plain data. Runs share the prefixes of their paths; the
        path nodes are written once each, in a table where a node follows its predecessor, and
        runs refer to them by index; states by their id."""
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
            return [r.state.id, node_ref(r.node), r.start_ts, r.start_seq, r.lasts, r.accs]

        partitions = [
            [key, [run(r) for r in ks.partial], [[s, o, run(r)] for s, o, r in ks.completed]]
            for key, ks in keys.items()
        ]
        order = next(self._order)
        self._order = count(order)
        return {"nodes": nodes, "partitions": partitions, "order": order}

    def restore_keys(self, data: dict) -> dict[tuple, KeyState]:
        states = {s.id: s for s in self.pattern.states}
        nodes: list[Any] = []
        for prev, var, row, seq in data["nodes"]:
            nodes.append((None if prev is None else nodes[prev], var, row, seq))

        def run(saved: list) -> Run:
            state, node, start_ts, start_seq, lasts, accs = saved
            return Run(
                states[state],
                None if node is None else nodes[node],
                start_ts,
                start_seq,
                lasts,
                accs,
            )

        keys = {}
        for key, partial, completed in data["partitions"]:
            runs = [run(r) for r in partial]
            ks = KeyState(runs[0])
            ks.partial = runs
            ks.completed = [(s, o, run(r)) for s, o, r in completed]
            keys[key] = ks
        self._order = count(data["order"])
        return keys

    def new_key(self) -> KeyState:
        return KeyState(
            Run(self.pattern.start, None, 0, NO_START, self.initial_lasts, self.initial_accs)
        )

    # --- one row ---------------------------------------------------------------------------------

    def process(self, ks: KeyState, row: tuple, ts: int, seq: int) -> list[Run]:
        partial: list[Run] = []
        potential: list[Run] = []
        for run in ks.partial:
            self._next(run, row, ts, seq, partial, potential)
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
        self, run: Run, row: tuple, ts: int, seq: int, partial: list[Run], potential: list[Run]
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
                start_ts, start_seq = ts, seq
            else:
                start_ts, start_seq = run.start_ts, run.start_seq
            final = self.final
            for var, target in takes:
                node = (run.node, var, row, seq)
                lasts = run.lasts
                if lasts is not None:
                    lasts = (*lasts[:var], row, *lasts[var + 1 :])
                accs = run.accs
                take_acc = self.take_accs[var]
                if take_acc is not None:
                    accs = take_acc(accs, row)
                new = Run(target, node, start_ts, start_seq, lasts, accs)
                if target is final:
                    potential.append(new)
                    continue
                partial.append(new)
                if target.id in self.proceeds_to_final and self._final_after_proceed(
                    target, run, row, cache
                ):
                    potential.append(Run(final, node, start_ts, start_seq, lasts, accs))
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
            return match.node[3], True
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


def _counts(seqs: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    counts = [0] * n
    for v, _ in seqs:
        counts[v] += 1
    return [(v, c) for v, c in enumerate(counts) if c]
