"""ChangelogNormalize, SinkUpsertMaterializer and DropUpdateBefore reshape changelogs the way
Flink's operators of those names do."""

from __future__ import annotations

from flinklite.runtime.operator import Collector, RuntimeContext
from flinklite.runtime.operators.changelog import (
    ChangelogNormalize,
    DropUpdateBefore,
    SinkUpsertMaterializer,
)


def run(op, changes):
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    for kind, row in changes:
        op.process(kind, row)
    op.end_input()
    return out.changes


def by_id(row):
    return (row[0],)


def test_normalize_turns_upserts_into_a_full_changelog():
    upserts = [
        ("+U", (1, "a")),
        ("+U", (2, "x")),
        ("+U", (1, "b")),
        ("+U", (1, "b")),  # no change: nothing to emit
        ("-D", (1, None)),  # a tombstone carries only the key
        ("-D", (3, None)),  # an unknown key: dropped
        ("+U", (1, "c")),
    ]
    assert run(ChangelogNormalize(by_id), upserts) == [
        ("+I", (1, "a")),
        ("+I", (2, "x")),
        ("-U", (1, "a")),
        ("+U", (1, "b")),
        ("-D", (1, "b")),
        ("+I", (1, "c")),
    ]


def test_normalize_without_update_before_and_with_a_filter():
    changes = [("+I", (1, 5)), ("+U", (1, 7)), ("+U", (1, 2)), ("+U", (1, 9))]
    assert run(ChangelogNormalize(by_id, generate_update_before=False), changes) == [
        ("+I", (1, 5)),
        ("+U", (1, 7)),
        ("+U", (1, 2)),
        ("+U", (1, 9)),
    ]
    filtered = ChangelogNormalize(by_id, condition=lambda r: r[1] > 3)
    assert run(filtered, changes) == [
        ("+I", (1, 5)),
        ("-U", (1, 5)),
        ("+U", (1, 7)),
        ("-D", (1, 7)),
        ("+I", (1, 9)),
    ]


def test_materializer_keeps_the_newest_live_row_per_sink_key():
    # The sink key is the first field; the rows come from two different upstream rows.
    changes = [
        ("+I", (1, "a")),
        ("+I", (1, "b")),
        ("-U", (1, "a")),  # an older row goes: nothing changes for the sink
        ("+I", (1, "c")),
        ("-D", (1, "c")),  # the newest goes: the one before it comes back
        ("-D", (1, "b")),  # the last one goes: the key is deleted
        ("-D", (1, "zzz")),  # unknown: ignored
    ]
    assert run(SinkUpsertMaterializer(by_id, 2), changes) == [
        ("+I", (1, "a")),
        ("+U", (1, "b")),
        ("+U", (1, "c")),
        ("+U", (1, "b")),
        ("-D", (1, "b")),
    ]


def test_materializer_with_an_upsert_key_replaces_the_row_of_that_key():
    op = SinkUpsertMaterializer(by_id, 3, upsert_key=lambda r: (r[1],))
    changes = [
        ("+I", (1, "u1", 10)),
        ("+I", (1, "u2", 20)),
        ("+U", (1, "u1", 11)),  # replaces u1's row in place, still older than u2's
        ("-D", (1, "u2", 20)),
        ("-D", (1, "u1", 11)),
    ]
    assert run(op, changes) == [
        ("+I", (1, "u1", 10)),
        ("+U", (1, "u2", 20)),
        ("+U", (1, "u1", 11)),
        ("+U", (1, "u1", 11)),
        ("-D", (1, "u1", 11)),
    ]


def test_drop_update_before():
    changes = [("+I", (1,)), ("-U", (1,)), ("+U", (2,)), ("-D", (2,))]
    assert run(DropUpdateBefore(), changes) == [("+I", (1,)), ("+U", (2,)), ("-D", (2,))]
