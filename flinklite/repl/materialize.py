"""The state behind the shell's live result views, kept apart from drawing: a changelog
materialised into a table the way Flink's SQL client does it, the tail of recent changes, paging.

Pure data structures: the views feed them from the result buffer and read snapshots to draw."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from flinklite.runtime.rows import INSERT, KINDS, UPDATE_AFTER, Row

# Flink's client shows only the latest 1000 changes in changelog mode.
CHANGELOG_MAX_ROWS = 1000


class MaterializedTable:
    """A changelog applied to a table as Flink's MaterializedCollectStreamResult applies it:
    +I and +U append the row at the end; -U and -D remove one equal row, the newest one, and
    are ignored when no equal row is held (it was evicted or never arrived). So an updated row
    moves to the end of the table, as it does in Flink's table view. With `max_rows` > 0 the
    table holds at most that many rows: inserting into a full table first evicts the oldest
    row (FIFO). `max_rows` <= 0 means no limit, as in Flink."""

    __slots__ = ("max_rows", "_rows", "_where", "_next", "_head", "_freeze", "evicted")

    def __init__(self, max_rows: int = 0) -> None:
        self.max_rows = max_rows if max_rows > 0 else 0
        # Rows by an ever-growing sequence number: dict order is table order, and removing
        # from the middle costs O(1) where a list would shift every later row.
        self._rows: dict[int, Row] = {}
        # For each distinct row value, the sequence numbers of its copies, oldest first.
        self._where: dict[Hashable, list[int]] = {}
        self._next = 0
        self._head = 0  # no live row has a smaller sequence number
        self._freeze = False  # set once a row holds an unhashable value (ARRAY, MAP)
        self.evicted = 0  # rows dropped because the table was full

    def __len__(self) -> int:
        return len(self._rows)

    def apply(self, kind: str, row: Row) -> None:
        if kind == INSERT or kind == UPDATE_AFTER:
            self.insert(row)
        else:
            self.delete(row)

    def apply_all(self, changes: Iterable[tuple[str, Row]]) -> None:
        insert, delete = self.insert, self.delete
        for kind, row in changes:
            if kind == INSERT or kind == UPDATE_AFTER:
                insert(row)
            else:
                delete(row)

    def insert(self, row: Row) -> None:
        if self.max_rows and len(self._rows) >= self.max_rows:
            self._evict_oldest()
        key = self._key(row)
        seq = self._next
        self._next = seq + 1
        self._rows[seq] = row
        copies = self._where.get(key)
        if copies is None:
            self._where[key] = [seq]
        else:
            copies.append(seq)

    def delete(self, row: Row) -> bool:
        """Removes the newest row equal to `row`; False when there is none."""
        key = self._key(row)
        copies = self._where.get(key)
        if not copies:
            return False
        seq = copies.pop()
        if not copies:
            del self._where[key]
        del self._rows[seq]
        return True

    def rows(self) -> list[Row]:
        """The table now, in table order."""
        return list(self._rows.values())

    def _evict_oldest(self) -> None:
        rows = self._rows
        head = self._head
        while head not in rows:  # skip rows deleted since; the head only moves forward
            head += 1
        self._head = head + 1
        row = rows.pop(head)
        key = self._key(row)
        copies = self._where[key]
        copies.pop(0)  # the oldest copy of this value is the oldest row of all
        if not copies:
            del self._where[key]
        self.evicted += 1

    def _key(self, row: Row) -> Hashable:
        if self._freeze:
            return freeze(row)
        try:
            hash(row)
        except TypeError:
            # From now on every row is frozen; rows already held are hashable and freeze to
            # themselves, so their keys stay valid.
            self._freeze = True
            return freeze(row)
        return row


def freeze(value: Any) -> Hashable:
    """A hashable stand-in for a row holding lists (ARRAY) or dicts (MAP, MULTISET): equal
    values give equal stand-ins."""
    if isinstance(value, tuple | list):
        return tuple(freeze(v) for v in value)
    if isinstance(value, Mapping):
        return ("\0map", frozenset((freeze(k), freeze(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return frozenset(freeze(v) for v in value)
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    return value


class ChangelogTail:
    """The latest changes of a changelog (at most `max_rows`, oldest dropped first) and the
    number received of each row kind."""

    __slots__ = ("changes", "counts", "total")

    def __init__(self, max_rows: int = CHANGELOG_MAX_ROWS) -> None:
        self.changes: deque[tuple[str, Row]] = deque(maxlen=max_rows)
        self.counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.total = 0

    def __len__(self) -> int:
        return len(self.changes)

    def extend(self, changes: list[tuple[str, Row]]) -> None:
        self.changes.extend(changes)
        counts = self.counts
        for kind, _ in changes:
            counts[kind] = counts.get(kind, 0) + 1
        self.total += len(changes)


# --- paging --------------------------------------------------------------------------------------

LAST_PAGE = 0  # follows the last page as rows arrive, as Flink's table view starts out


def page_count(n_rows: int, page_size: int) -> int:
    """Pages needed for `n_rows` rows, at least one (an empty table has an empty page)."""
    return max(1, math.ceil(n_rows / max(1, page_size)))


def page_rows(rows: list[Row], page: int, page_size: int) -> tuple[int, list[Row]]:
    """The page to show (1-based; LAST_PAGE or a page past the end mean the last one) and its
    rows."""
    size = max(1, page_size)
    last = page_count(len(rows), size)
    shown = last if page == LAST_PAGE or page > last else page
    start = (shown - 1) * size
    return shown, rows[start : start + size]


class RateMeter:
    """Changes received per second over the last WINDOW_S seconds. A window several refreshes
    long, not the last refresh interval: sources deliver in batches (the generator's 100 sales
    a second, Kafka fetches), and a rate over one interval would swing between 0 and twice the
    truth as batches land on either side of a refresh."""

    WINDOW_S = 5.0

    __slots__ = ("_samples", "rate")

    def __init__(self) -> None:
        self._samples: deque[tuple[float, int]] = deque()  # (time, changes received so far)
        self.rate: float | None = None  # unknown until two readings are apart in time

    def update(self, count: int, now: float) -> None:
        samples = self._samples
        samples.append((now, count))
        # Keep one sample at or before the window's start, so the rate spans the whole window.
        while len(samples) > 2 and samples[1][0] <= now - self.WINDOW_S:
            samples.popleft()
        first_time, first_count = samples[0]
        if now > first_time:
            self.rate = (count - first_count) / (now - first_time)
