"""The regular (unbounded) streaming join: INNER, LEFT, RIGHT and FULL OUTER on equi keys, and the
SEMI and ANTI joins that IN / EXISTS subqueries become.

Constructor the planner calls:

    Join(kind: 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti',
         left_key: Callable[[tuple], tuple], right_key: Callable[[tuple], tuple],
         condition: Callable[[tuple], bool] | None,  # non-equi remainder on left_row + right_row
         left_arity: int, right_arity: int, *,
         filter_nulls: Sequence[bool] | None = None,  # per key column; False for IS NOT DISTINCT FROM
         left_unique: bool = False, right_unique: bool = False,  # hints, unused
         batch: bool = False)

Left is side 0 and right is side 1 (`side(0)`, `side(1)`). The semantics are Flink's
StreamingJoinOperator: each side keeps its rows per join key as a multiset; an outer side also
keeps, per row, how many rows of the other side it joins with, so that its NULL-padded row is
retracted when the first partner arrives and emitted again when the last one goes. An inner
join forwards the input's row kind (+I/+U/-U/-D); as soon as a side is outer, results are
+I/-D only. A NULL in a key column that filters nulls never matches (the row still shows up
NULL-padded on an outer side). Rows of a key are visited in arrival order; Flink visits them
in hash order, so compare interleavings of a join's output as folded results.

A semi (anti) join emits the left rows that have (have no) partner, as Flink's
StreamingSemiAntiJoinOperator: the left side keeps each row's number of partners, a left row
passes with its own kind when it has (has no) partner, and a right row that gives a left row its
first partner emits that row with the right row's kind (semi) or -D (anti); taking its last
partner away emits it with the right row's kind (semi) or +I (anti)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flinklite.runtime.operator import TwoInputOperator
from flinklite.runtime.rows import DELETE, INSERT, UPDATE_AFTER, Row
from flinklite.runtime.state_ttl import state_ttl

_KINDS = {
    "inner": (False, False),
    "left": (True, False),
    "right": (False, True),
    "full": (True, True),
    # The left side of a semi or anti join keeps its partner counts, as an outer side does.
    "semi": (True, False),
    "anti": (True, False),
}


class Join(TwoInputOperator):
    """Flink's regular join of two changelog streams."""

    name = "Join"

    def __init__(
        self,
        kind: str,
        left_key: Callable[[Row], tuple],
        right_key: Callable[[Row], tuple],
        condition: Callable[[Row], bool] | None,
        left_arity: int,
        right_arity: int,
        *,
        filter_nulls: Sequence[bool] | None = None,
        left_unique: bool = False,
        right_unique: bool = False,
        batch: bool = False,
    ) -> None:
        if kind not in _KINDS:
            raise ValueError(f"unknown join kind {kind!r}")
        self.kind = kind
        self.keys = (left_key, right_key)
        self.condition = condition
        self.left_arity = left_arity
        self.right_arity = right_arity
        self.outer = _KINDS[kind]
        self.batch = batch
        self.left_unique = left_unique
        self.right_unique = right_unique
        if filter_nulls is None or all(filter_nulls):
            self._never_matches: Callable[[tuple], bool] = _has_null
        elif not any(filter_nulls):
            self._never_matches = _no_null_check
        else:
            positions = tuple(i for i, f in enumerate(filter_nulls) if f)
            self._never_matches = lambda key: any(key[i] is None for i in positions)
        self._left_pad = (None,) * left_arity
        self._right_pad = (None,) * right_arity

    def open(self, ctx) -> None:
        super().open(ctx)
        # Per side: join key -> {row: count} (inner side) or {row: [count, associations]}.
        self._state: tuple[dict[tuple, dict], dict[tuple, dict]] = ({}, {})
        # table.exec.state.ttl: per side, each stored row expires on its own, as Flink's join
        # state keeps one TTL per row. (Flink also refreshes an outer row when its number of
        # partners changes; here only the row's own changes refresh it.)
        left, right = state_ttl(ctx), state_ttl(ctx)
        self._ttl = (left, right) if left is not None and right is not None else None

    # -- the two inputs -------------------------------------------------------------------

    def process_side(self, side: int, kind: str, row: Row) -> None:
        key = self.keys[side](row)
        if self._ttl is not None:
            now = self.ctx.now_ms()
            self._expire(now)
        if self.kind == "semi" or self.kind == "anti":
            self._process_semi_anti(side, kind, row, key)
        elif self.outer[0] or self.outer[1]:
            self._process_outer(side, kind, row, key)
        else:
            self._process_inner(side, kind, row, key)
        if self._ttl is not None:
            bucket = self._state[side].get(key)
            if bucket is not None and row in bucket:
                self._ttl[side].write((key, row), now)
            else:
                self._ttl[side].forget((key, row))

    def _expire(self, now: int) -> None:
        """Drops the stored rows idle past the TTL, silently, as Flink's state expiry does."""
        for side, ttl in enumerate(self._ttl or ()):
            state = self._state[side]
            for key, row in ttl.expired(now):
                bucket = state.get(key)
                if bucket is not None:
                    bucket.pop(row, None)
                    if not bucket:
                        del state[key]

    def process_side_batch(self, side: int, rows: list[Row]) -> None:
        if self.outer[0] or self.outer[1] or self._ttl is not None:
            for row in rows:
                self.process_side(side, INSERT, row)
            return
        # Inner join over insert-only rows: the common case, kept short.
        key_of = self.keys[side]
        mine = self._state[side]
        others = self._state[1 - side]
        never = self._never_matches
        condition = self.condition
        emit = self.out.process
        for row in rows:
            key = key_of(row)
            if never(key):
                continue
            bucket = mine.get(key)
            if bucket is None:
                mine[key] = {row: 1}
            else:
                bucket[row] = bucket.get(row, 0) + 1
            other = others.get(key)
            if not other:
                continue
            if condition is None:
                # The per-output-row loop dominates a join's cost: keep it minimal.
                if side:
                    for orow, count in other.items():
                        joined = orow + row
                        emit(INSERT, joined)
                        if count > 1:
                            for _ in range(count - 1):
                                emit(INSERT, joined)
                else:
                    for orow, count in other.items():
                        joined = row + orow
                        emit(INSERT, joined)
                        if count > 1:
                            for _ in range(count - 1):
                                emit(INSERT, joined)
                continue
            for orow, count in other.items():
                joined = orow + row if side else row + orow
                if condition(joined):
                    for _ in range(count):
                        emit(INSERT, joined)

    # -- inner join ---------------------------------------------------------------------------

    def _process_inner(self, side: int, kind: str, row: Row, key: tuple) -> None:
        if self._never_matches(key):
            return  # such a row can neither match nor be NULL-padded
        mine = self._state[side]
        accumulate = kind == INSERT or kind == UPDATE_AFTER
        if accumulate:
            bucket = mine.get(key)
            if bucket is None:
                mine[key] = {row: 1}
            else:
                bucket[row] = bucket.get(row, 0) + 1
        else:
            _retract_plain(mine, key, row)
        other = self._state[1 - side].get(key)
        if not other:
            return
        condition = self.condition
        emit = self.out.process
        for orow, count in list(other.items()):
            joined = orow + row if side else row + orow
            if condition is not None and not condition(joined):
                continue
            for _ in range(count):
                emit(kind, joined)

    # -- outer joins ------------------------------------------------------------------------

    def _matches(self, side: int, row: Row, key: tuple) -> list[tuple[Row, Any, int]]:
        """The other side's rows joining `row`, each repeated by its count, with the state entry
        and the number of associations it had before this row (-1 on an inner side)."""
        if self._never_matches(key):
            return []
        other = self._state[1 - side].get(key)
        if not other:
            return []
        condition = self.condition
        other_outer = self.outer[1 - side]
        found: list[tuple[Row, Any, int]] = []
        for orow, entry in other.items():
            joined = orow + row if side else row + orow
            if condition is not None and not condition(joined):
                continue
            if other_outer:
                found.extend([(orow, entry, entry[1])] * entry[0])
            else:
                found.extend([(orow, None, -1)] * entry)
        return found

    def _process_outer(self, side: int, kind: str, row: Row, key: tuple) -> None:
        input_outer = self.outer[side]
        other_outer = self.outer[1 - side]
        emit = self.out.process
        left_pad, right_pad = self._left_pad, self._right_pad
        store = not self._never_matches(key)
        mine = self._state[side]

        def joined(orow: Row) -> Row:
            return orow + row if side else row + orow

        def padded_other(orow: Row) -> Row:
            return orow + right_pad if side else left_pad + orow

        if kind == INSERT or kind == UPDATE_AFTER:
            matches = self._matches(side, row, key)
            if input_outer:
                if not matches:
                    emit(INSERT, left_pad + row if side else row + right_pad)
                    if store:
                        _add_outer(mine, key, row, 0)
                    return
                for orow, entry, assoc in matches:
                    if other_outer:
                        if assoc == 0:
                            emit(DELETE, padded_other(orow))
                        entry[1] = assoc + 1
                    emit(INSERT, joined(orow))
                if store:
                    _add_outer(mine, key, row, len(matches))
            else:
                if store:
                    bucket = mine.get(key)
                    if bucket is None:
                        mine[key] = {row: 1}
                    else:
                        bucket[row] = bucket.get(row, 0) + 1
                if not matches:
                    return
                if other_outer:
                    for orow, entry, assoc in matches:
                        if assoc == 0:
                            emit(DELETE, padded_other(orow))
                        entry[1] = assoc + 1
                        emit(INSERT, joined(orow))
                else:
                    for orow, _, _ in matches:
                        emit(kind, joined(orow))
            return

        # A retraction (-U or -D).
        if store:
            if input_outer:
                _retract_outer(mine, key, row)
            else:
                _retract_plain(mine, key, row)
        matches = self._matches(side, row, key)
        if not matches:
            if input_outer:
                emit(DELETE, left_pad + row if side else row + right_pad)
            return
        out_kind = DELETE if input_outer else kind
        for orow, _, _ in matches:
            emit(out_kind, joined(orow))
        if other_outer:
            for orow, entry, assoc in matches:
                if assoc == 1:
                    emit(INSERT, padded_other(orow))
                entry[1] = assoc - 1

    # -- semi and anti joins ----------------------------------------------------------------

    def _process_semi_anti(self, side: int, kind: str, row: Row, key: tuple) -> None:
        anti = self.kind == "anti"
        emit = self.out.process
        store = not self._never_matches(key)
        accumulate = kind == INSERT or kind == UPDATE_AFTER
        matches = self._matches(side, row, key)
        if side == 0:
            if bool(matches) != anti:
                emit(kind, row)
            if store:
                if accumulate:
                    _add_outer(self._state[0], key, row, len(matches))
                else:
                    _retract_outer(self._state[0], key, row)
            return
        if store:
            if accumulate:
                bucket = self._state[1].get(key)
                if bucket is None:
                    self._state[1][key] = {row: 1}
                else:
                    bucket[row] = bucket.get(row, 0) + 1
            else:
                _retract_plain(self._state[1], key, row)
        for lrow, entry, assoc in matches:
            if accumulate:
                if assoc == 0:
                    emit(DELETE if anti else kind, lrow)
                entry[1] = assoc + 1
            else:
                if assoc == 1:
                    emit(INSERT if anti else kind, lrow)
                entry[1] = assoc - 1

    # -- state ------------------------------------------------------------------------------

    def snapshot(self) -> Any:
        written = [t.snapshot() for t in self._ttl] if self._ttl is not None else None
        return {
            "sides": _copy_sides(self._state),
            "inputs": self.snapshot_inputs(),
            "written": written,
        }

    def restore(self, state: Any) -> None:
        self._state = _copy_sides(state["sides"])
        self.restore_inputs(state["inputs"])
        if self._ttl is not None:
            saved = state.get("written") or [None, None]
            now = self.ctx.now_ms()
            for side, ttl in enumerate(self._ttl):
                rows = [(k, r) for k, bucket in self._state[side].items() for r in bucket]
                ttl.restore(saved[side], rows, now)


def _copy_sides(sides: Any) -> tuple:
    """Both sides' rows per key, each bucket's entries copied (a list entry holds a count)."""
    return tuple(
        {
            key: {r: (list(v) if isinstance(v, list) else v) for r, v in bucket.items()}
            for key, bucket in side.items()
        }
        for side in sides
    )


def _has_null(key: tuple) -> bool:
    return None in key


def _no_null_check(key: tuple) -> bool:
    return False


def _retract_plain(state: dict, key: tuple, row: Row) -> None:
    bucket = state.get(key)
    if bucket is None:
        return
    count = bucket.get(row)
    if count is None:
        return
    if count > 1:
        bucket[row] = count - 1
    else:
        del bucket[row]
        if not bucket:
            del state[key]


def _add_outer(state: dict, key: tuple, row: Row, associations: int) -> None:
    # Flink keeps one (count, associations) pair per distinct row: a duplicate bumps the count
    # and sets the associations to the new row's.
    bucket = state.get(key)
    if bucket is None:
        state[key] = {row: [1, associations]}
        return
    entry = bucket.get(row)
    if entry is None:
        bucket[row] = [1, associations]
    else:
        entry[0] += 1
        entry[1] = associations


def _retract_outer(state: dict, key: tuple, row: Row) -> None:
    bucket = state.get(key)
    if bucket is None:
        return
    entry = bucket.get(row)
    if entry is None:
        return
    if entry[0] > 1:
        entry[0] -= 1
    else:
        del bucket[row]
        if not bucket:
            del state[key]
