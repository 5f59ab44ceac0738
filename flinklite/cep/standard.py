"""The standard-semantics matcher: MATCH_RECOGNIZE as the SQL standard defines it, on a stream.

Per partition, rows arrive in time order; from each candidate start row the pattern program is
searched by backtracking in preferment order and the first match found wins. On a stream a
search that needs a row not released yet (a greedy loop at the end of the pattern, `$`, NEXT)
is undecided and waits for the next row or the end of input."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

from flinklite.cep.after_match import PAST_LAST_ROW, TO_FIRST, TO_NEXT_ROW, SkipStrategy
from flinklite.cep.program import END, JMP, MARK, PROGRESS, SPLIT, START, VAR, Program
from flinklite.cep.standard_expr import NeedMoreRows, StandardDefine, StandardMeasures, View
from flinklite.errors import ExecutionError

UNDECIDED = object()


class Partition:
    """One partition's rows still needed, the next candidate start row and the decided
    matches whose output rows wait for rows their measures read (NEXT)."""

    __slots__ = ("view", "pos", "covered", "match_number", "pending")

    def __init__(self) -> None:
        self.view = View([], [], 0)
        self.pos = 0  # absolute index of the next candidate start row
        self.covered = -1  # the last row that belongs to an emitted match
        self.match_number = 0
        self.pending: deque[tuple] = deque()

    def idle(self) -> bool:
        # A partition's state outlives its matches: MATCH_NUMBER(), `^` and PREV read history.
        return False


class StandardMatcher:
    """Matches one query's pattern over partitions; `process` and `finish` return output rows
    (without the partition key): the measures for ONE ROW PER MATCH, and for ALL ROWS PER
    MATCH the order columns, measures and other input columns of every row."""

    within = None  # WITHIN is checked inside the search, not by timing partial matches out

    def __init__(
        self,
        program: Program,
        define: StandardDefine,
        measures: StandardMeasures,
        *,
        after_match: SkipStrategy,
        subsets: Sequence[tuple[str, tuple[str, ...]]],
        rows_per_match: str,
        order_columns: Sequence[int],
        other_columns: Sequence[int],
        within_ms: int | None,
        width: int,
    ) -> None:
        self.code = program.code
        self.slots = program.slots
        self.variables = program.variables
        self.conditions = define.conditions
        self.measures = measures
        self.after_match = after_match
        self.skip_vars = after_match.targets(program.variables, subsets)
        self.all_rows = rows_per_match.startswith("ALL ROWS")
        self.omit_empty = rows_per_match.endswith("OMIT EMPTY MATCHES")
        self.unmatched = rows_per_match.endswith("WITH UNMATCHED ROWS")
        self.order_columns = tuple(order_columns)
        self.other_columns = tuple(other_columns)
        self.within_ms = within_ms
        self.keep_back = max(define.max_prev, measures.max_prev)
        self.null = (None,) * width
        self.no_measures = (None,) * measures.width

    def new_key(self) -> Partition:
        return Partition()

    def advance_time(self, ks: Partition, ts: int) -> list:
        return []

    def process(self, ks: Partition, row: tuple, ts: int, seq: int) -> list[tuple]:
        v = ks.view
        v.rows.append(row)
        v.ts.append(ts)
        self._advance(ks)
        return self._drain(ks)

    def finish(self, ks: Partition) -> list[tuple]:
        """The end of input: undecided searches are decided, NEXT past the end is NULL."""
        ks.view.ended = True
        self._advance(ks)
        return self._drain(ks)

    # --- state ----------------------------------------------------------------------------------

    def snapshot_keys(self, keys: dict[tuple, Partition]) -> list:
        """Every partition as plain data: the rows still needed, the search position and the
        decided matches whose output waits (the view's path and counters are per evaluation)."""
        return [
            [key, list(p.view.rows), list(p.view.ts), p.view.base, p.pos, p.covered, p.match_number,
             list(p.pending)]
            for key, p in keys.items()
        ]  # fmt: skip

    def restore_keys(self, data: list) -> dict[tuple, Partition]:
        keys = {}
        for key, rows, ts, base, pos, covered, match_number, pending in data:
            p = Partition()
            p.view = View(list(rows), list(ts), base)
            p.pos, p.covered, p.match_number = pos, covered, match_number
            p.pending = deque(tuple(e) for e in pending)
            keys[key] = p
        return keys

    # --- matching -------------------------------------------------------------------------------

    def _advance(self, ks: Partition) -> None:
        v = ks.view
        while ks.pos < v.base + len(v.rows):
            start = ks.pos
            found = self._search(ks, start)
            if found is UNDECIDED:
                break
            if found is None:
                if self.unmatched and start > ks.covered:
                    ks.pending.append((None, start, 0))
                ks.pos = start + 1
                continue
            ks.match_number += 1
            ks.pending.append((found, start, ks.match_number))
            ks.covered = max(ks.covered, found[-1][0] if found else start)
            ks.pos = self._next_start(found, start)
        self._trim(ks)

    def _next_start(self, path: list, start: int) -> int:
        skip = self.after_match
        kind = skip.kind
        if kind == PAST_LAST_ROW:
            return path[-1][0] + 1 if path else start + 1
        if kind == TO_NEXT_ROW:
            return start + 1
        vars_ = self.skip_vars
        hits = [i for i, var, _ in path if var in vars_]
        name = skip.variable
        if not hits:
            raise ExecutionError(
                f"Could not skip to {name}. No such element in the found match "
                f"(AFTER MATCH {skip.text}: no row of the match is mapped to {name})"
            )
        target = hits[0] if kind == TO_FIRST else hits[-1]
        if target == start:
            raise ExecutionError(
                "Could not skip to first element of a match. (AFTER MATCH "
                f"{skip.text} would resume at the row where the match started)"
            )
        return target

    def _search(self, ks: Partition, start: int) -> Any:
        """The preferred match from `start` as its path, None if there is none, UNDECIDED if
        a more preferred alternative needs rows that are not released yet."""
        code, conditions = self.code, self.conditions
        v = ks.view
        rows, base, ended = v.rows, v.base, v.ended
        avail = base + len(rows)
        within = self.within_ms
        start_ts = v.ts[start - base] if within is not None else 0
        path: list[tuple[int, int, bool]] = []
        v.path = path
        v.match_number = ks.match_number + 1
        stack: list[tuple] = [(0, start, 0, (None,) * self.slots)]
        while stack:
            pc, pos, depth, marks = stack.pop()
            del path[depth:]
            while True:
                ins = code[pc]
                op = ins[0]
                if op == VAR:
                    if pos >= avail:
                        if not ended:
                            return UNDECIDED
                        break
                    if within is not None and v.ts[pos - base] - start_ts >= within:
                        break
                    var = ins[1]
                    path.append((pos, var, ins[2]))
                    cond = conditions[var]
                    if cond is not None:
                        v.k = v.final_k = len(path)
                        try:
                            ok = cond(v, rows[pos - base])
                        except NeedMoreRows:
                            return UNDECIDED
                        if not ok:
                            path.pop()
                            break
                    pos += 1
                    pc += 1
                elif op == SPLIT:
                    stack.append((ins[2], pos, len(path), marks))
                    pc = ins[1]
                elif op == JMP:
                    pc = ins[1]
                elif op == MARK:
                    marks = (*marks[: ins[1]], pos, *marks[ins[1] + 1 :])
                    pc += 1
                elif op == PROGRESS:
                    if marks[ins[1]] == pos:
                        break
                    pc += 1
                elif op == START:
                    if pos != 0:
                        break
                    pc += 1
                elif op == END:
                    if pos < avail:
                        break
                    if not ended:
                        return UNDECIDED
                    pc += 1
                else:  # DONE
                    return list(path)
        return None

    def _trim(self, ks: Partition) -> None:
        """Drop rows no search, pending output or PREV can reach any more."""
        v = ks.view
        keep = ks.pos
        if ks.pending:
            keep = min(keep, ks.pending[0][1])
        keep -= self.keep_back
        drop = keep - v.base
        if drop >= 64 or (drop > 0 and not ks.pending):
            del v.rows[:drop]
            del v.ts[:drop]
            v.base += drop

    # --- output ---------------------------------------------------------------------------------

    def _drain(self, ks: Partition) -> list[tuple]:
        out: list[tuple] = []
        pending = ks.pending
        while pending:
            try:
                rows = self._output(ks, *pending[0])
            except NeedMoreRows:
                break
            pending.popleft()
            out.extend(rows)
        return out

    def _output(self, ks: Partition, path: list | None, start: int, number: int) -> list[tuple]:
        v = ks.view
        rows, base = v.rows, v.base
        if path is None:  # an unmatched row (WITH UNMATCHED ROWS)
            return [self._all_rows_row(rows[start - base], self.no_measures)]
        v.path = path
        v.match_number = number
        v.k = v.final_k = len(path)
        evaluate = self.measures.evaluate
        if not self.all_rows:
            row = rows[path[-1][0] - base] if path else self.null
            return [evaluate(v, row)]
        if not path:
            if self.omit_empty:
                return []
            return [self._all_rows_row(rows[start - base], evaluate(v, self.null))]
        out = []
        for k, (index, _var, excluded) in enumerate(path, 1):
            if excluded:
                continue
            v.k = k
            row = rows[index - base]
            out.append(self._all_rows_row(row, evaluate(v, row)))
        return out

    def _all_rows_row(self, row: tuple, measures: tuple) -> tuple:
        return (
            tuple(row[i] for i in self.order_columns)
            + measures
            + tuple(row[i] for i in self.other_columns)
        )
