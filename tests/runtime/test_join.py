"""The regular streaming join: exact changelogs for Flink's cases, and at every step a folded
result equal to the SQL join of the folded inputs."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from flinklite.runtime.operator import Collector, RuntimeContext
from flinklite.runtime.operators.join import Join
from flinklite.runtime.rows import fold


def make(kind, condition=None, **kw):
    op = Join(kind, lambda r: (r[0],), lambda r: (r[0],), condition, 2, 2, **kw)
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    return op, out


def test_inner_join_forwards_the_input_row_kind():
    op, out = make("inner")
    left, right = op.side(0), op.side(1)
    left.process("+I", (1, "l1"))
    right.process("+I", (1, "r1"))
    right.process("+I", (2, "r2"))
    left.process("-U", (1, "l1"))
    left.process("+U", (1, "l2"))
    right.process("-D", (1, "r1"))
    assert out.changes == [
        ("+I", (1, "l1", 1, "r1")),
        ("-U", (1, "l1", 1, "r1")),
        ("+U", (1, "l2", 1, "r1")),
        ("-D", (1, "l2", 1, "r1")),
    ]


def test_left_join_retracts_the_padded_row_on_the_first_match_and_restores_it_after_the_last():
    op, out = make("left")
    left, right = op.side(0), op.side(1)
    left.process("+I", (1, "l"))
    right.process("+I", (1, "r1"))
    right.process("+I", (1, "r2"))
    right.process("-D", (1, "r1"))
    right.process("-D", (1, "r2"))
    left.process("-D", (1, "l"))
    assert out.changes == [
        ("+I", (1, "l", None, None)),
        ("-D", (1, "l", None, None)),
        ("+I", (1, "l", 1, "r1")),
        ("+I", (1, "l", 1, "r2")),
        ("-D", (1, "l", 1, "r1")),
        ("-D", (1, "l", 1, "r2")),
        ("+I", (1, "l", None, None)),
        ("-D", (1, "l", None, None)),
    ]


def test_outer_join_pads_and_inserts_but_forwards_retractions_of_the_inner_side():
    # As in Flink's StreamingJoinOperator: accumulates joined to an outer side become +I,
    # a retraction from the inner side keeps its kind (-U here).
    op, out = make("right")
    left, right = op.side(0), op.side(1)
    right.process("+I", (1, "r"))
    left.process("+I", (1, "a"))
    left.process("-U", (1, "a"))
    left.process("+U", (1, "b"))
    assert out.changes == [
        ("+I", (None, None, 1, "r")),
        ("-D", (None, None, 1, "r")),
        ("+I", (1, "a", 1, "r")),
        ("-U", (1, "a", 1, "r")),
        ("+I", (None, None, 1, "r")),
        ("-D", (None, None, 1, "r")),
        ("+I", (1, "b", 1, "r")),
    ]


def test_full_join_pads_both_sides_and_null_keys_never_match():
    op, out = make("full")
    left, right = op.side(0), op.side(1)
    left.process("+I", (None, "l"))
    right.process("+I", (None, "r"))
    left.process("+I", (2, "l2"))
    right.process("+I", (2, "r2"))
    assert out.changes == [
        ("+I", (None, "l", None, None)),
        ("+I", (None, None, None, "r")),
        ("+I", (2, "l2", None, None)),
        ("-D", (2, "l2", None, None)),
        ("+I", (2, "l2", 2, "r2")),
    ]
    left.process("-D", (None, "l"))
    assert out.changes[-1] == ("-D", (None, "l", None, None))


def test_is_not_distinct_from_keys_match_nulls():
    op, out = make("inner", filter_nulls=[False])
    op.side(0).process("+I", (None, "l"))
    op.side(1).process("+I", (None, "r"))
    assert out.changes == [("+I", (None, "l", None, "r"))]


def test_non_equi_condition_sees_left_then_right_fields():
    op, out = make("left", condition=lambda row: row[1] < row[3])
    left, right = op.side(0), op.side(1)
    right.process("+I", (1, 5))
    left.process("+I", (1, 7))
    left.process("+I", (1, 3))
    assert out.changes == [("+I", (1, 7, None, None)), ("+I", (1, 3, 1, 5))]


def test_insert_only_batches_take_the_fast_path():
    op, out = make("inner")
    op.side(0).process_batch([(1, "a"), (1, "a"), (2, "b")])
    op.side(1).process_batch([(1, "x"), (3, "y")])
    assert out.changes == [("+I", (1, "a", 1, "x")), ("+I", (1, "a", 1, "x"))]


def sql_join(kind, left: Counter, right: Counter, condition) -> Counter:
    """The join of two multisets as SQL defines it, for checking the operator's state."""
    result: Counter = Counter()
    matched_right: set = set()
    for lrow, lc in left.items():
        found = False
        for rrow, rc in right.items():
            if lrow[0] is not None and lrow[0] == rrow[0] and condition(lrow + rrow):
                result[lrow + rrow] += lc * rc
                found = True
                matched_right.add(rrow)
        if not found and kind in ("left", "full"):
            result[lrow + (None, None)] += lc
    if kind in ("right", "full"):
        for rrow, rc in right.items():
            if rrow not in matched_right:
                result[(None, None) + rrow] += rc
    return result


@pytest.mark.parametrize("kind", ["inner", "left", "right", "full"])
def test_random_changelogs_fold_to_the_sql_join(kind):
    rng = random.Random(kind)
    condition = lambda row: (row[1] + row[3]) % 3 != 0  # noqa: E731
    op, out = make(kind, condition=condition)
    alive: tuple[list, list] = ([], [])
    for _ in range(400):
        side = rng.randrange(2)
        if alive[side] and rng.random() < 0.4:
            row = alive[side].pop(rng.randrange(len(alive[side])))
            op.side(side).process(rng.choice(["-D", "-U"]), row)
        else:
            row = (rng.choice([1, 2, 3, None]), rng.randrange(4))
            alive[side].append(row)
            op.side(side).process(rng.choice(["+I", "+U"]), row)
        expected = sql_join(kind, Counter(alive[0]), Counter(alive[1]), condition)
        assert fold(out.changes) == +expected


def test_state_ttl_expires_each_stored_row_on_its_own():
    # table.exec.state.ttl: a row stored for the join is gone once not written for the TTL;
    # rows arriving later no longer find it, and nothing is emitted when it goes.
    clock = [0]
    op = Join("inner", lambda r: (r[0],), lambda r: (r[0],), None, 2, 2)
    out = Collector()
    op.out = out
    op.open(RuntimeContext(state_ttl_ms=1000, now_ms=lambda: clock[0]))

    def at(ms, side, kind, row):
        clock[0] = ms
        op.process_side(side, kind, row)

    at(0, 0, "+I", ("k", "old"))
    at(500, 0, "+I", ("k", "new"))
    at(900, 1, "+I", ("k", "r1"))  # both left rows still held
    at(1200, 1, "+I", ("k", "r2"))  # "old" expired at 1000
    at(1600, 1, "+I", ("k", "r3"))  # "new" expired at 1500
    assert out.changes == [
        ("+I", ("k", "old", "k", "r1")),
        ("+I", ("k", "new", "k", "r1")),
        ("+I", ("k", "new", "k", "r2")),
    ]
    assert [len(side) for side in op._state] == [0, 1]
    saved = op.snapshot()
    again = Join("inner", lambda r: (r[0],), lambda r: (r[0],), None, 2, 2)
    again.out = Collector()
    again.open(RuntimeContext(state_ttl_ms=1000, now_ms=lambda: clock[0]))
    again.restore(saved)
    clock[0] = 2650  # r1 (900), r2 (1200) and r3 (1600) have expired
    again.process_side(0, "+I", ("k", "late"))
    assert again.out.changes == []


def test_semi_join_emits_a_left_row_on_its_first_partner_and_retracts_it_after_the_last():
    op, out = make("semi")
    left, right = op.side(0), op.side(1)
    left.process("+I", (1, "l"))  # no partner yet: held back
    right.process("+I", (1, "r1"))  # the first partner: the left row, with the right's kind
    right.process("+I", (1, "r2"))  # a second partner: nothing
    left.process("+I", (1, "m"))  # has partners: passes with its own kind
    right.process("-D", (1, "r1"))
    right.process("-D", (1, "r2"))  # the last partner goes: both left rows go
    assert out.changes == [
        ("+I", (1, "l")),
        ("+I", (1, "m")),
        ("-D", (1, "l")),
        ("-D", (1, "m")),
    ]


def test_anti_join_keeps_left_rows_without_partner_and_null_keys_always():
    op, out = make("anti")
    left, right = op.side(0), op.side(1)
    left.process("+I", (1, "l"))
    left.process("+I", (None, "n"))
    right.process("+I", (1, "r"))  # l now has a partner: it goes
    right.process("+I", (None, "rn"))  # a NULL key never matches
    right.process("-D", (1, "r"))  # and comes back
    left.process("-D", (None, "n"))
    assert out.changes == [
        ("+I", (1, "l")),
        ("+I", (None, "n")),
        ("-D", (1, "l")),
        ("+I", (1, "l")),
        ("-D", (None, "n")),
    ]


@pytest.mark.parametrize("kind", ["semi", "anti"])
def test_random_changelogs_fold_to_the_sql_semi_and_anti_join(kind):
    rng = random.Random(kind)
    condition = lambda row: (row[1] + row[3]) % 3 != 0  # noqa: E731
    op, out = make(kind, condition=condition)
    alive: tuple[list, list] = ([], [])
    for _ in range(400):
        side = rng.randrange(2)
        if alive[side] and rng.random() < 0.4:
            row = alive[side].pop(rng.randrange(len(alive[side])))
            op.side(side).process(rng.choice(["-D", "-U"]), row)
        else:
            row = (rng.choice([1, 2, 3, None]), rng.randrange(4))
            alive[side].append(row)
            op.side(side).process(rng.choice(["+I", "+U"]), row)
        expected = Counter(
            lrow
            for lrow in alive[0]
            if any(
                lrow[0] is not None and lrow[0] == rrow[0] and condition(lrow + rrow)
                for rrow in alive[1]
            )
            != (kind == "anti")
        )
        assert fold(out.changes) == +expected
