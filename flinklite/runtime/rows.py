"""Row kinds of a changelog and the helpers that fold one into its current rows.

A row is a tuple in schema order; a changelog element is a (kind, row) pair with the kind one of
Flink's short strings, so they print as Flink prints them and compare cheaply (interned)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

# TIMESTAMP and TIMESTAMP_LTZ values are int epoch nanoseconds; watermarks, intervals and Kafka
# timestamps are milliseconds.
NANOS_PER_MILLI = 1_000_000

INSERT = "+I"
UPDATE_BEFORE = "-U"
UPDATE_AFTER = "+U"
DELETE = "-D"
KINDS = (INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE)

# Kinds that add a row to the result and kinds that take one away.
ACCUMULATE = frozenset((INSERT, UPDATE_AFTER))
RETRACT = frozenset((UPDATE_BEFORE, DELETE))

Row = tuple


def is_accumulate(kind: str) -> bool:
    return kind is INSERT or kind is UPDATE_AFTER or kind in ACCUMULATE


class ChangelogFold:
    """The multiset of rows a changelog leaves behind, kept up to date as changes arrive: a
    retraction removes one equal row. `rows()` lists them in the order they first survived."""

    __slots__ = ("counts",)

    def __init__(self) -> None:
        self.counts: dict[Row, int] = {}

    def apply(self, kind: str, row: Row) -> None:
        count = self.counts.get(row, 0) + (1 if kind in ACCUMULATE else -1)
        if count > 0:
            self.counts[row] = count
        else:
            self.counts.pop(row, None)

    def insert_all(self, rows: Iterable[Row]) -> None:
        counts = self.counts
        for row in rows:
            counts[row] = counts.get(row, 0) + 1

    def rows(self) -> list[Row]:
        return [row for row, n in self.counts.items() for _ in range(n)]


def fold(changes: Iterable[tuple[str, Row]]) -> Counter:
    """The multiset of rows a changelog leaves behind, at once."""
    folded = ChangelogFold()
    for kind, row in changes:
        folded.apply(kind, row)
    return Counter(folded.counts)


def key_getter(indices: Sequence[int]) -> Callable[[Row], tuple]:
    """A function from a row to the tuple of its fields at `indices` (a key, or a projection),
    as cheap as Python allows: Flink's KeySelector."""
    if not indices:
        return lambda row: ()
    if len(indices) == 1:
        i = indices[0]
        return lambda row: (row[i],)
    return itemgetter(*indices)
