"""Idle state retention (`table.exec.state.ttl`), as Flink configures its operators' keyed state:
an entry not written for the TTL, in processing time, is gone. It is never read again (Flink's
NeverReturnExpired): the next row for its key starts afresh, as if the key were new, and a
retraction for it is ignored. Creating and updating an entry refresh it (OnCreateAndWrite);
reading does not. Expiry itself emits nothing downstream.

Entries are tracked in order of their last write, so finding the expired ones costs only
them: an operator sweeps before it handles a row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def state_ttl(ctx: Any) -> StateTtl | None:
    """The TTL of an operator's keyed state in the job of `ctx`; None when its state never
    expires (no TTL set, or a batch job, whose state lives as long as its input)."""
    ttl_ms = getattr(ctx, "state_ttl_ms", 0)
    return StateTtl(ttl_ms) if ttl_ms > 0 and not getattr(ctx, "batch", False) else None


class StateTtl:
    """The last-write times (epoch ms) of one operator's keyed state entries."""

    def __init__(self, ttl_ms: int) -> None:
        self.ttl_ms = ttl_ms
        self.written: dict[Any, int] = {}  # oldest write first

    def write(self, key: Any, now_ms: int) -> None:
        self.written.pop(key, None)  # re-inserted at the end: the newest write
        self.written[key] = now_ms

    def forget(self, key: Any) -> None:
        self.written.pop(key, None)

    def expired(self, now_ms: int) -> Iterator[Any]:
        """The entries idle for the TTL or longer, oldest first; they are forgotten here."""
        written = self.written
        while written:
            key = next(iter(written))
            if now_ms - written[key] < self.ttl_ms:
                return
            del written[key]
            yield key

    def sweep(self, state: dict, now_ms: int) -> None:
        """Drops from `state` the entries (by key) idle past the TTL."""
        for key in self.expired(now_ms):
            state.pop(key, None)

    def writing(self, state: dict, key: Any, now_ms: int) -> None:
        """Before a row writes `key` of `state`: the idle entries go, `key` is refreshed."""
        self.sweep(state, now_ms)
        self.write(key, now_ms)

    def snapshot(self) -> Any:
        return list(self.written.items())

    def restore(self, saved: Any, keys: Any, now_ms: int) -> None:
        """From a checkpoint; `keys` the state's entries (one written before checkpoints kept
        their times counts as written now)."""
        self.written = dict(saved) if saved is not None else dict.fromkeys(keys, now_ms)
